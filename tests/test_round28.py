"""Round 28 (issue 12): which tasks a responsibility note speaks for."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row

_SCHEDULE = [
    "中共示例大学委员会宣传部",
    "关于印发《2027年校党委理论学习中心组学习安排》的通知",
    "各二级党组织，党委各部门：",
    "现将《2027年校党委理论学习中心组学习安排》印发给你们，请认真组织实施。",
    "一、专题学习安排",
    "5月：学习党纪党规。学习形式：专题辅导，组织观看警示教育片。承办单位：纪委办公室。",
    "6月：学习党的建设重要论述，赴红色教育基地开展现场教学。承办单位：党委组织部。",
    "7月：暑期自学，中心组成员每人撰写读书笔记1篇。",
    "二、保障措施",
    "学校成立学习工作领导小组，统筹推进中心组学习。推动理论学习与业务工作相融合，"
    "每个单位至少形成1项学习成果（责任单位：党委办公室、党委宣传部）。"
    "学校每年安排专项经费保障中心组学习（责任单位：财务处）。对学习不力的单位予以通报。",
    "中共示例大学委员会宣传部",
    "2027年2月22日",
]


def _leads(doc, words):
    return {(d.canonical, d.basis) for d in _row(doc, words).lead}


def test_a_label_closing_a_months_line_speaks_for_its_tasks(tmp_path):
    doc = _parse(tmp_path, _SCHEDULE)
    # 承办单位：X after a month's schedule is the unit that does that month's work
    assert _leads(doc, "组织观看警示教育片") == {("纪委办公室", "stated")}
    assert _leads(doc, "开展现场教学") == {("党委组织部", "stated")}


def test_a_note_inside_a_sentence_is_that_sentences_own(tmp_path):
    doc = _parse(tmp_path, _SCHEDULE)
    # the bracket closes its sentence (before the 。): the sentence's tasks are the note's
    assert _leads(doc, "安排专项经费") == {("财务处", "stated")}
    assert _leads(doc, "相融合") == {("党委办公室", "stated"), ("党委宣传部", "stated")}
    # and the other sentences of the paragraph are not given to 财务处
    for words in ("成立学习工作领导小组", "予以通报"):
        leads = _leads(doc, words)
        assert ("财务处", "stated") not in leads, (words, leads)
        assert all(basis != "stated" for _, basis in leads), (words, leads)


_OWN_PLAN = [
    "中共示例大学委员会宣传部",
    "2027年校党委理论学习中心组学习计划",
    "一、学习安排",
    "（一）每名中心组成员每年牵头完成1项调研课题。",
    "（二）中心组成员要依托网络学习平台开展经常性自学，每月自学时间不少于8小时。",
    "二、督促检查",
    "（一）11月开展中心组学习抽查，被抽查单位要指定专人配合，如实提供学习记录。",
    "中共示例大学委员会宣传部",
    "2027年2月22日",
]


def test_a_doer_the_sentence_names_leads_though_written_with_each_or_by_its_role(tmp_path):
    doc = _parse(tmp_path, _OWN_PLAN)
    # 每名X opens the sentence with X as its subject, as 每个X does
    assert _leads(doc, "牵头完成1项调研课题") == {("中心组成员", "text")}
    # 学时 in 自学时间 does not make the members the ones trained
    assert _leads(doc, "依托网络学习平台") == {("中心组成员", "text")}
    # a unit named by what is done to it (被抽查单位) is the doer of its own sentence
    assert _leads(doc, "指定专人配合") == {("被抽查单位", "text")}


_COLLEGE_PLAN = [
    "中共示例大学机械工程学院委员会",
    "机械工程学院2027年党建工作计划",
    "一、建强支部书记队伍",
    "（一）每名党支部书记每年参加集中培训不少于32学时。",
    "（二）党支部书记每学期至少讲1次党课。",
    "中共示例大学机械工程学院委员会",
    "2027年2月20日",
]


def test_an_officer_a_college_plan_sends_to_training_is_not_its_doer(tmp_path):
    doc = _parse(tmp_path, _COLLEGE_PLAN)
    # the secretaries are the ones trained: who sees to it is suggested, not the secretaries
    leads = _leads(doc, "参加集中培训")
    assert leads and ("党支部书记", "text") not in leads, leads
    # the secretaries who give a party lecture do it
    assert _leads(doc, "讲1次党课") == {("党支部书记", "text")}


_RULES = [
    "中共示例大学委员会",
    "意识形态工作责任制实施细则",
    "（2027年3月16日学校党委常委会会议审议通过）",
    "第一条　为落实意识形态工作责任制，制定本细则。",
    "第二条　本细则印发后一个月内，各二级党组织要建立本单位意识形态工作责任清单。",
    "第三条　各二级党组织每学期至少专题研究一次意识形态工作。",
]


def test_a_span_after_the_rules_own_issue_counts_from_its_date(tmp_path):
    doc = _parse(tmp_path, _RULES)
    # 本细则印发后一个月内: the document's own issue, as 本方案印发后 — due a month after it
    row = _row(doc, "建立本单位意识形态工作责任清单")
    assert [d.end for d in row.deadlines] == ["2027-04-16"], row.deadlines
    assert row.kind == "once"


_ASSESSMENT = [
    "中共示例大学委员会统战部",
    "关于开展2027年度民主党派基层组织建设评估工作的通知",
    "各民主党派基层组织，各二级党组织：",
    "一、评估安排",
    "（一）10月底前召开评估工作部署会，解读评估指标和材料要求。",
    "（二）形成自评报告，于11月10日前报送统战部。",
    "二、有关要求",
    "评估结束后，评估材料统一立卷归档，保存期限不少于5年。",
    "中共示例大学委员会统战部",
    "2027年10月8日",
]


def test_the_word_materials_alone_does_not_make_a_row_the_addressees(tmp_path):
    doc = _parse(tmp_path, _ASSESSMENT)
    # the department explains the materials and files them: its own organising
    for words in ("召开评估工作部署会", "统一立卷归档"):
        lead = _row(doc, words).lead
        assert [d.canonical for d in lead] == ["党委统战部"], (words, lead)
    # what the addressees send in stays theirs
    lead = _row(doc, "形成自评报告").lead
    assert "党委统战部" not in [d.canonical for d in lead] and lead, lead


_REFORM = [
    "中共示例职业技术学院委员会",
    "关于深化“三全育人”综合改革的实施方案",
    "一、实施步骤",
    "（一）动员部署（2027年4月）。召开全校“三全育人”综合改革推进会。",
    "（二）总结验收（2028年9月—12月）。组织开展综合改革成效评估。",
    "二、保障措施",
    "学校成立“三全育人”综合改革工作领导小组，领导小组办公室设在学生工作处，负责统筹协调和督促落实。",
    "中共示例职业技术学院委员会",
    "2027年3月20日",
]


def test_the_office_of_a_leading_group_set_up_under_any_heading_runs_the_plan(tmp_path):
    doc = _parse(tmp_path, _REFORM)
    # the plan's own topic fits all of it: the office its leading group sits in does it
    for words in ("召开全校“三全育人”综合改革推进会", "组织开展综合改革成效评估"):
        lead = _row(doc, words).lead
        assert [(d.canonical, d.basis) for d in lead] == [("党委学生工作部", "suggested")], (
            words, lead)


_LISTED = [
    "中共示例大学委员会",
    "党建引领学科建设三年行动计划（2027—2029年）",
    "一、重点任务",
    "（一）实施“双带头人”培育工程",
    "1．2027年底前完成教师党支部设置调整。",
    "2．建立“双带头人”后备人选库，每年动态调整一次。",
    "牵头单位：党委组织部；配合单位：人事处",
    "（二）推动党建与业务融合",
    "1．每学期召开一次党建与业务融合推进会（牵头单位：党委办公室）。",
    "2．每年评选一批党建与业务融合示范项目。",
    "中共示例大学委员会",
    "2027年3月1日",
]


def test_a_note_on_its_own_line_after_a_list_speaks_for_the_whole_list(tmp_path):
    doc = _parse(tmp_path, _LISTED)
    # the note closes items 1-2, none of which has one: it is their heading's
    for words in ("完成教师党支部设置调整", "建立“双带头人”后备人选库"):
        assert _leads(doc, words) == {("党委组织部", "stated")}, words
    # a note written inside an item stays that item's
    assert _leads(doc, "融合推进会") == {("党委办公室", "stated")}
    assert ("党委办公室", "stated") not in _leads(doc, "融合示范项目")


def test_a_half_year_after_a_reporting_verb_is_what_is_reported(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会宣传部",
        "关于印发《2027年校党委理论学习中心组学习安排》的通知",
        "各二级党组织：",
        "一、学习安排",
        "8月：暑期自学，撰写读书笔记1篇。",
        "9月：学习意识形态工作责任制有关规定，由党委宣传部通报上半年意识形态领域情况。",
        "10月：学习党的创新理论最新成果。",
        "中共示例大学委员会宣传部",
        "2027年2月22日",
    ])
    # 通报上半年…情况 reports on the first half: done in September, not due by June
    row = _row(doc, "通报上半年意识形态领域情况")
    assert [(d.kind, d.start, d.end) for d in row.deadlines] == [
        ("on", "2027-09-01", "2027-09-30")], row.deadlines


def test_the_talent_office_is_one_department_under_its_usual_names():
    from pbdocs.extract import lexicon

    canonical = lexicon.load().canonical
    # 人才办 is what a university calls the office of its 人才工作领导小组
    for name in ("人才办", "党委人才工作领导小组办公室", "人才工作办公室"):
        assert canonical(name) == "党委人才工作办公室", name
