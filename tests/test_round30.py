"""Round 30 (issue 12): duties put into a yearly assessment."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row

_PLAN = [
    "中共示例大学委员会",
    "关于推进基层党建“样板支部”创建工作的实施意见",
    "各二级党组织：",
    "为推进样板支部创建，提出如下意见。",
    "一、主要举措",
    "（一）党委组织部要加强对创建工作的指导，将创建情况纳入二级党组织年度党建工作考核。",
    "（二）各二级党组织要坚持把创建工作作为“书记项目”，持续抓好落实。",
    "中共示例大学委员会",
    "2027年3月1日",
]


def test_a_duty_put_into_a_yearly_assessment_is_yearly(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    row = _row(doc, "纳入二级党组织年度党建工作考核")
    assert row.kind == "recurring", row
    assert [r.period for r in row.recurrences] == ["year"], row.recurrences
    # a standing duty with no yearly assessment stays standing
    assert _row(doc, "持续抓好落实").kind == "ongoing"


_EFFORT = [
    "中共示例大学委员会",
    "关于加强新时代师德师风建设的实施意见",
    "示大党发〔2027〕7号",
    "各二级党组织：",
    "为加强师德师风建设，提出如下意见。",
    "一、总体要求",
    "坚持全员覆盖。用三年左右时间，基本形成党委统一领导、各部门协同配合的师德建设工作格局。",
    "二、主要举措",
    "（一）开通师德师风举报邮箱和电话。",
    "（二）各二级学院要坚持把师德教育贯穿教师职业生涯全过程。",
    "中共示例大学委员会",
    "2027年3月26日",
]


def test_the_years_a_plans_effort_takes_are_its_period(tmp_path):
    from pbdocs.extract.period import plan_period

    doc = _parse(tmp_path, _EFFORT)
    period = plan_period(doc)
    # three years counting the year of issue: 2027, 2028 and 2029
    assert period is not None and period.end.isoformat() == "2029-12-31", period
    row = _row(doc, "举报邮箱")
    assert row.kind == "once" and [d.end for d in row.deadlines] == ["2029-12-31"], row.deadlines
    assert all(d.inferred for d in row.deadlines)


def test_the_agent_after_by_keeps_the_word_that_says_which(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会学生工作部",
        "关于开展2027年学生党员示范岗创建工作的通知",
        "各学院党委：",
        "为发挥学生党员先锋模范作用，现将有关事项通知如下。",
        "一、创建安排",
        "（一）党员示范岗由学生党支部申报，5月28日前报学生工作部。",
        "（二）从转入次月起由接收党支部收缴党费。",
        "（三）培训由学校党委组织部负责组织。",
        "中共示例大学委员会学生工作部",
        "2027年4月6日",
    ])
    # 由学生党支部: the student branch (named by the word before it), in the prose
    assert {(d.name, d.basis) for d in _row(doc, "党员示范岗由").lead} == {("学生党支部", "text")}
    # 由接收党支部: an act opens the name; the branch itself is the doer (a student branch, in
    # a text about student members: round 33)
    assert {(d.canonical, d.basis) for d in _row(doc, "收缴党费").lead} == {("学生党支部", "text")}
    # 由学校党委组织部: the university's own department, not a 学校 unit
    assert [d.canonical for d in _row(doc, "负责组织").lead] == ["党委组织部"]


def test_duties_that_name_their_usual_office(tmp_path):
    doc = _parse(tmp_path, _PLAN[:5] + [
        "（一）持续推进“三全育人”综合改革。",
        "（二）建立党委委员联系高层次人才制度。",
        "（三）每年发展青年教师党员不少于5名。",
        "（四）上半年召开全面从严治党工作会议。",
        "（五）健全党员领导干部联系党外高层次人才制度。",
        "（六）校领导每学期至少到联系院系调研一次。",
        "（七）秋季学期开学后两周内，完成对近三年发展学生党员档案的全面复查。",
    ] + _PLAN[-2:])
    for words, dept in (("三全育人", "党委学生工作部"), ("联系高层次人才", "党委组织部"),
                        ("青年教师党员", "党委组织部"), ("全面从严治党工作会议", "纪委"),
                        ("党外高层次人才", "党委统战部"), ("档案的全面复查", "党委组织部")):
        lead = _row(doc, words).lead
        assert [(d.canonical, d.basis) for d in lead] == [(dept, "suggested")], (words, lead)
    # (the leaders the sentence opens with do it, as the text names them: round 38)
    assert [(d.name, d.basis) for d in _row(doc, "联系院系").lead] == [("校领导", "text")]


def test_work_done_when_the_time_is_right_has_no_date(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "巡察工作规划（2027—2031年）",
        "一、主要任务",
        "（一）党委巡察办适时开展专项巡察。",
        "（二）党委巡察办2028年底前完成对二级党组织的首轮巡察。",
        "中共示例大学委员会",
        "2027年3月1日",
    ])
    # 适时: when the time is right, a standing duty, not due at the plan's end
    row = _row(doc, "适时开展专项巡察")
    assert row.kind == "ongoing" and not row.deadlines, row
    assert _row(doc, "首轮巡察").kind == "once"


def test_a_department_that_introduces_its_rules_is_named_in_the_prose(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会教师工作部",
        "关于做好2027年新入职教师岗前培训工作的通知",
        "各二级学院：",
        "现将有关事项通知如下。",
        "一、培训内容",
        "（一）人事处介绍岗位聘用、职称评审和试用期考核政策。",
        "中共示例大学委员会教师工作部",
        "2027年8月1日",
    ])
    # 介绍 is what the 人事处 does, not a duty for the table to guess (职称 → 人事处 suggested)
    assert [(d.canonical, d.basis) for d in _row(doc, "介绍岗位聘用").lead] == [("人事处", "text")]


def test_a_body_doing_something_at_the_same_time_is_its_doer(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会宣传部",
        "关于组织开展庆祝建党系列活动的通知",
        "各二级党组织：",
        "现将有关事项通知如下。",
        "一、活动安排",
        "（一）6月下旬举办“永远跟党走”主题展览，图书馆同期举办“红色经典”主题书展。",
        "中共示例大学委员会宣传部",
        "2027年6月1日",
    ])
    # 同期 (at the same time) between the name and its act
    assert [(d.canonical, d.basis) for d in _row(doc, "主题书展").lead] == [("图书馆", "text")]


def test_a_standing_duty_after_a_dated_one_off_is_a_row_of_its_own(tmp_path):
    doc = _parse(tmp_path, _PLAN[:5] + [
        "（一）党委宣传部要于秋季学期开学后一个月内在校园网开设风采专栏，持续宣传先进典型。",
    ] + _PLAN[-2:])
    column = _row(doc, "开设风采专栏")
    assert column.kind == "once" and [d.end for d in column.deadlines] == ["2027-09-30"]
    # 持续宣传: the standing part does not take the column's date
    standing = _row(doc, "持续宣传先进典型")
    assert standing is not column and standing.kind == "ongoing" and not standing.deadlines


def test_a_sanction_in_an_activity_period_stays_standing(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会宣传部",
        "关于组织开展庆祝建党106周年系列活动的通知",
        "各二级党组织：",
        "活动时间为2027年6月1日至7月31日。现将有关事项通知如下。",
        "一、活动安排",
        "（一）各二级党组织要组织开展一次主题党日活动。",
        "二、工作要求",
        "（一）因审核把关不严造成不良影响的，依规依纪追究相关人员责任。",
        "中共示例大学委员会宣传部",
        "2027年5月20日",
    ])
    # an activity is held within the period; holding people to account is not dated by it
    assert _row(doc, "主题党日活动").kind == "once"
    sanction = _row(doc, "追究相关人员责任")
    assert sanction.kind == "ongoing" and not sanction.deadlines, sanction
