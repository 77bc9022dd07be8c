"""Round 22 (issue 12): time limits and leads on shapes of plans not tuned on."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round19 import _due
from tests.test_round20 import _row

_ELECTION = ["中共某某大学委员会组织部",
             "关于做好2027年基层党组织换届选举工作的通知",
             "各二级党组织：",
             "一、时间安排",
             "全校换届选举工作集中在4月至6月进行。",
             "二、工作程序",
             "（一）提出请示。各二级党组织应在任期届满前1个月向党委组织部提出换届请示。",
             "（二）召开党员大会。各二级党组织要在预备人选批复后20日内召开党员大会进行选举。",
             "（三）抓好配套工作。新任委员要在当选后一个月内完成分工。",
             "（四）加强督导。5月中旬，党委组织部对各单位换届进展开展一次中期督导。",
             "中共某某大学委员会组织部",
             "2027年3月16日"]


def test_a_span_each_case_sets_stays_standing_in_a_notices_activity_period(tmp_path):
    doc = _parse(tmp_path, _ELECTION)
    for words in ("批复后20日内召开党员大会", "当选后一个月内完成分工", "届满前1个月"):
        row = _row(doc, words)
        assert (row.kind, _due(row)) == ("ongoing", ("ongoing", None, None)), words
    # what the notice dates itself keeps its date
    check = _row(doc, "中期督导")
    assert _due(check)[2] == "2027-05-20"


def test_a_span_ahead_of_each_event_is_a_standing_rule(tmp_path):
    doc = _parse(tmp_path, ["中共某某学院委员会二级学院党委会议议事规则",
                            "一、议事程序",
                            "（一）会议材料一般于会前1天送达参会人员。",
                            "（二）活动方案提前3天报学院党委组织员审核。",
                            "（三）2027年6月底前修订完善会议记录制度。",
                            "中共某某学院委员会",
                            "2027年3月1日"])
    for words in ("会前1天送达", "提前3天报"):
        row = _row(doc, words)
        assert row.kind == "ongoing", words
        assert _due(row)[0] == "ongoing", words
    assert _due(_row(doc, "修订完善会议记录制度")) == ("by", None, "2027-06-30")


def test_a_dated_sentence_in_a_notices_activity_arrangements_dates_the_rest_of_its_item(tmp_path):
    doc = _parse(tmp_path, ["中共某某学院委员会",
                            "关于开展庆祝建党106周年系列活动的通知",
                            "各党总支、各部门：",
                            "一、活动安排",
                            "（一）走访慰问",
                            "6月20日前，各党总支要走访慰问生活困难党员。学院领导班子成员分别走访慰问联系党总支的困难党员。工会同步开展困难教职工帮扶慰问。",
                            "二、工作要求",
                            "要把庆祝活动与党史学习教育结合起来，防止形式主义。",
                            "中共某某学院委员会",
                            "2027年6月8日"])
    for words in ("学院领导班子成员分别走访慰问", "工会同步开展"):
        row = _row(doc, words)
        assert (row.kind, _due(row)) == ("once", ("by", None, "2027-06-20")), words
    assert _row(doc, "防止形式主义").kind == "ongoing"


def test_a_department_before_an_adverb_or_a_procedural_verb_is_named_in_the_text(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会",
                            "关于开展2027年度基层党组织书记抓党建工作述职评议考核的通知",
                            "各二级党组织：",
                            "一、方法步骤",
                            "（一）现场述职。党委组织部随机确定8名现场述职人选，于会前3个工作日通知本人。",
                            "（二）民主测评。各二级党组织要召开党员大会进行测评。党委组织部派员列席指导。",
                            "中共某某大学委员会",
                            "2027年12月1日"])
    for words in ("随机确定8名", "派员列席指导"):
        row = _row(doc, words)
        assert [(d.canonical, d.basis) for d in row.lead] == [("党委组织部", "text")], words


def test_an_issuers_line_over_the_title_is_the_issuer_not_a_longer_name_the_title_opens_with(
        tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会组织部",
                            "党支部“三会一课”制度实施细则",
                            "（2027年2月24日党委组织部部务会审议通过）",
                            "第一条　为提高党支部“三会一课”质量，制定本细则。",
                            "第二条　支部委员会会议一般每月召开1次。",
                            "第三条　每两年对全校党支部组织生活开展一次全覆盖督查。"])
    assert doc.issuer == "中共某某大学委员会组织部"
    assert doc.title == "中共某某大学委员会组织部党支部“三会一课”制度实施细则"
    check = _row(doc, "全覆盖督查")
    assert [d.canonical for d in check.lead] == ["党委组织部"]


def test_a_departments_own_measures_are_its_own_work(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会学生工作部",
                            "关于加强学生党员教育管理的若干措施",
                            "一、严把发展质量关",
                            "1.严格执行发展党员工作程序，每年5月对拟发展的学生对象开展一次集中培训。",
                            "2.每学期召开一次学生党建工作推进会。",
                            "中共某某大学委员会学生工作部",
                            "2027年3月1日"])
    for words in ("严格执行发展党员工作程序", "学生党建工作推进会"):
        row = _row(doc, words)
        assert [(d.canonical, d.basis) for d in row.lead] == [("党委学生工作部", "suggested")], words


def test_counting_work_in_the_units_yearly_assessment_is_the_organisation_departments(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会“三全育人”综合改革实施方案",
                            "一、保障措施",
                            "（一）强化考核。将育人成效纳入机关部门年度考核指标体系。",
                            "（二）加强宣传。将师德表现纳入教师年度考核。",
                            "中共某某大学委员会",
                            "2027年3月1日"])
    row = _row(doc, "纳入机关部门年度考核")
    assert [(d.canonical, d.basis) for d in row.lead] == [("党委组织部", "suggested")]
    assert [d.canonical for d in _row(doc, "纳入教师年度考核").lead] != ["党委组织部"]


def test_a_branch_meeting_held_on_a_cadence_is_the_branches_in_a_universitys_plan(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会关于加强附属医院党的建设的实施意见",
                            "一、加强临床科室党支部建设",
                            "（一）严格落实“三会一课”制度，每季度至少召开一次党员大会。",
                            "（二）每年开展一次党支部书记培训。",
                            "中共某某大学委员会",
                            "2027年3月1日"])
    row = _row(doc, "召开一次党员大会")
    assert [(d.canonical, d.basis) for d in row.lead] == [("党支部", "suggested")]
    assert [d.canonical for d in _row(doc, "党支部书记培训").lead] == ["党委组织部"]


def test_publicising_cases_and_holding_to_account_decide_whose_work_a_sentence_is(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会基层党建质量提升三年行动计划（2027—2029年）",
                            "一、重点任务",
                            "（一）打造品牌。“七一”前后集中宣传一批优秀案例。",
                            "（二）压实责任。将落实情况纳入党建述职评议，对落实不力的严肃追责问责。",
                            "中共某某大学委员会",
                            "2027年3月1日"])
    assert [d.canonical for d in _row(doc, "宣传一批优秀案例").lead] == ["党委宣传部"]
    assert [d.canonical for d in _row(doc, "追责问责").lead] == ["纪委"]


def test_a_quarter_already_past_at_a_notices_date_is_next_years(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会组织部",
                            "关于开展2027年度基层党组织书记抓党建工作述职评议考核的通知",
                            "各二级党组织：",
                            "一、结果运用",
                            "（一）强化培训。针对述职评议中发现的共性问题，第一季度举办党支部书记专题培训班。",
                            "中共某某大学委员会组织部",
                            "2027年12月10日"])
    row = _row(doc, "专题培训班")
    assert (row.kind, _due(row)) == ("once", ("range", "2028-01-01", "2028-03-31"))


def test_the_departments_consulted_support_the_work(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会组织部",
                            "关于开展2027年“两优一先”评选表彰工作的通知",
                            "各二级党组织：",
                            "一、评选程序",
                            "（一）考察。考察时须征求纪委、人事处意见。",
                            "（二）审定。推荐名单须征求学校党委意见。",
                            "中共某某大学委员会组织部",
                            "2027年5月10日"])
    consulted = _row(doc, "考察时须征求纪委")
    assert sorted((d.canonical, d.basis) for d in consulted.support) == [
        ("人事处", "text"), ("纪委", "text")]
    assert "党委" not in [d.canonical for d in _row(doc, "征求学校党委意见").support]


def test_a_section_on_how_leaders_keep_in_touch_holds_tasks_and_the_list_of_whom_does_not(
        tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会关于建立校领导联系服务高层次人才制度的实施办法",
                            "一、联系对象",
                            "（一）两院院士、国家级人才计划入选者；",
                            "（二）省部级人才计划入选者和省级科技创新团队负责人。",
                            "二、联系方式",
                            "（一）开展谈心谈话。校领导每学期至少与联系对象开展1次面对面谈心谈话。",
                            "（二）召开座谈会。每年教师节前后召开一次校领导与高层次人才座谈会。",
                            "中共某某大学委员会",
                            "2027年3月28日"])
    texts = [t.text for c in doc.clauses for t in c.tasks]
    assert any("谈心谈话" in t for t in texts) and any("座谈会" in t for t in texts)
    assert not any("人才计划入选者" in t for t in texts)


def test_a_first_sentence_with_a_limit_after_its_comma_is_a_task_not_the_items_headline(
        tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会宣传部",
                            "2027年宣传思想文化工作要点",
                            "一、强化理论武装",
                            "1.制定校党委理论学习中心组2027年度学习计划，3月上旬印发。中心组原则上每月集中学习一次。",
                            "中共某某大学委员会宣传部",
                            "2027年2月26日"])
    plan = _row(doc, "年度学习计划")
    # (印发 after 3月上旬: handed out by the end of that part of the month, FORMAT round 27)
    assert _due(plan) == ("by", None, "2027-03-10")
    assert plan is not _row(doc, "每月集中学习一次")


def test_a_plans_overall_approach_is_no_task(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会宣传部",
                            "2027年宣传思想文化工作要点",
                            "一、总体思路",
                            "2027年，学校宣传思想文化工作以习近平新时代中国特色社会主义思想为指导，坚持守正创新，着力提升引领力、传播力和影响力。",
                            "二、强化理论武装",
                            "1.4月中旬召开全校宣传思想文化工作会议，部署年度重点任务。",
                            "中共某某大学委员会宣传部",
                            "2027年2月26日"])
    texts = [t.text for c in doc.clauses for t in c.tasks]
    assert not any("守正创新" in t for t in texts)
    assert any("宣传思想文化工作会议" in t for t in texts)
