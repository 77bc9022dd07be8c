"""Round 39 (issue 12): who a notice's sentence opens with, read by word."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row
from tests.test_round38 import _lead

_NOTICE = [
    "中共示例大学委员会组织部",
    "关于开展2027年示例评选工作的通知",
    "各二级党组织、党委各部门、行政各部门、直属单位：",
    "为做好评选工作，现将有关事项通知如下。",
    "一、工作安排",
    "（一）谈话对象要如实回答问题，在谈话后10个工作日内提交书面说明。",
    "（二）结对双方要如实填写《结对指导手册》，作为考核的主要依据。",
    "（三）复赛选手须于10月15日前提交复赛材料。",
    "（四）教师填写《暑期企业实践申请表》，于5月28日前交所在二级学院。",
    "二、有关要求",
    "（一）对受处分人员每半年开展一次回访教育。",
    "（二）组织推优对象开展主题团日活动。",
    "（三）拟表彰对象在校园网公示5个工作日。",
    "（四）面向全校师生医护人员征集短视频作品。",
    "（五）党员组织关系转接须在一个月内办结。",
    "党委组织部",
    "2027年3月1日",
]


def test_a_person_the_sentence_opens_with_does_it_though_a_preposition_sits_in_a_word(
        tmp_path):
    doc = _parse(tmp_path, _NOTICE)
    # 对 inside 谈话|对象 and 结对|双方 is not a preposition; a contestant is a person
    assert _lead(doc, "谈话对象要如实回答") == [("谈话对象", "text")]
    assert _lead(doc, "结对双方要如实填写") == [("结对双方", "text")]
    assert _lead(doc, "复赛选手须于10月15日前") == [("复赛选手", "text")]
    # a teacher followed straight by what he does
    assert _lead(doc, "教师填写《暑期企业实践申请表》") == [("教师", "text")]


def test_a_phrase_that_opens_with_a_preposition_or_an_act_is_not_a_doer(tmp_path):
    doc = _parse(tmp_path, _NOTICE)
    # 对…人员 (a preposition), 组织推优对象 (an act), 拟表彰对象 (those to be honoured),
    # 面向… (whom it is aimed at), 党员组织关系 (a member's records): nobody is named
    for quote in ("对受处分人员每半年", "组织推优对象开展", "拟表彰对象在校园网",
                  "面向全校师生医护人员", "党员组织关系转接"):
        lead = _row(doc, quote).lead
        assert lead and all(d.basis == "suggested" for d in lead), quote


_PLAN = [
    "中共示例大学委员会",
    "关于加强党费和学习管理工作的实施办法",
    "各二级党组织、各部门：",
    "为规范管理，制定本办法。",
    "一、工作要求",
    "（一）党委组织部每年3月核定党员交纳党费基数，人事处、离退休工作处配合提供党员工资数据。",
    "（二）由法学院党委协助准备学习材料。",
    "（三）作品由各离退休党支部征集。",
    "（四）教师发展中心每年暑期举办课程思政专题研修班。",
    "（五）教师服务中心举办新入职教师座谈会。",
    "中共示例大学委员会",
    "2027年2月20日",
]


def test_a_body_that_only_assists_with_nobody_to_assist_does_it_each_one_listed(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    assert _lead(doc, "人事处、离退休工作处配合提供") == [("人事处", "text"),
                                                        ("离退休工作处", "text")]
    assert _lead(doc, "由法学院党委协助准备") == [("法学院党委", "text")]


def test_the_doer_after_the_matter_handed_to_it_with_you_leads(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    assert _lead(doc, "作品由各离退休党支部征集") == [("各离退休党支部", "text")]


def test_an_officer_word_that_opens_a_body_name_is_not_the_doer(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    assert _lead(doc, "教师发展中心每年暑期") == [("教师发展中心", "text")]
    # an unknown 教师…中心: not 教师 doing it
    assert ("教师", "text") not in _lead(doc, "教师服务中心举办")


def test_common_names_of_the_party_school_and_the_armed_forces_department():
    from pbdocs.extract.pipeline import get_nlp, lexicon_of

    lex = lexicon_of(get_nlp(()))
    assert lex.canonical("党委党校") == "党校"
    assert lex.canonical("党委武装部") == "人民武装部"
    assert lex.canonical("教师教学发展中心") == "教师发展中心"


_REFORM = [
    "中共示例大学委员会",
    "关于深化“三全育人”综合改革的实施方案",
    "各二级党组织、各部门：",
    "为构建一体化育人体系，制定本方案。",
    "一、主要任务",
    "（一）每年评选表彰一批“三全育人”先进集体和个人。",
    "（二）每年“七一”前后开展“两优一先”评选表彰。",
    "中共示例大学委员会",
    "2027年2月20日",
]


def test_an_honour_any_line_of_work_gives_goes_by_the_plans_own_line(tmp_path):
    doc = _parse(tmp_path, _REFORM)
    row = _row(doc, "每年评选表彰一批")
    assert [(d.canonical, d.basis) for d in row.lead] == [("党委学生工作部", "suggested")]
    assert "文件标题" in row.lead[0].why
    # the party's own honours (“两优一先”) stay with the organisation department
    assert [d.canonical for d in _row(doc, "两优一先").lead] == ["党委组织部"]


_ELECTION = [
    "中共示例大学委员会",
    "基层党组织换届选举工作实施细则",
    "各二级党组织：",
    "为规范换届选举工作，制定本细则。",
    "一、选举组织",
    "（一）二级党组织选举大会由党委组织部派员指导。",
    "（二）党支部选举大会由所在二级党组织派员指导。",
    "（三）各学院要成立由党委书记任组长的换届工作小组。",
    "中共示例大学委员会",
    "2027年2月20日",
]


def test_the_agent_after_you_leads_not_the_body_whose_matter_it_is(tmp_path):
    doc = _parse(tmp_path, _ELECTION)
    assert _lead(doc, "二级党组织选举大会由党委组织部") == [("党委组织部", "text")]
    assert _lead(doc, "党支部选举大会由所在二级党组织") == [("二级党组织", "text")]
    # (由…任组长的 says what the subject sets up: the subject still leads)
    assert ("各学院", "text") in _lead(doc, "各学院要成立由党委书记任组长")


def test_a_colleges_own_leaders_and_a_department_acting_the_same_day_lead(tmp_path):
    lines = list(_PLAN)
    lines[1] = "关于做好定点帮扶工作的实施方案"
    lines[5:10] = ["（一）院领导每年到帮扶县调研不少于1次。",
                   "（二）宣传部当日在学校官方微信推送专题内容。"]
    doc = _parse(tmp_path, lines)
    assert _lead(doc, "院领导每年到帮扶县") == [("院领导", "text")]
    assert [(d.canonical, d.basis) for d in _row(doc, "宣传部当日").lead] == [
        ("党委宣传部", "text")]
