"""Round-7 time limits: a yearly duty's fixed day (每年4月底前 → 04-30, 次年1月15日前 → 01-15),
twice a year by two months (每年3月、9月), 暑期前 (by 06-30), year-less dates after a December
signature, a level to reach as a target, a one-off done on a platform, and events counted for
the year (全年宣讲不少于30场) as a target, not a yearly quota."""

from __future__ import annotations

from taskhelp import find_task as _find
from taskhelp import tasks_of as _tasks

from pbdocs.extract import timeexpr
from pbdocs.extract.lexicon import load
from pbdocs.extract.recurrence import find_recurrences
from pbdocs.extract.tasks import due_of, kind_of


def _recs(text: str):
    return [(f.recurrence.period, f.recurrence.on) for f in find_recurrences(text, load())]


def test_yearly_month_end_is_a_fixed_day():
    assert _recs("各分会应当于每年4月底前向工会提交经费使用计划") == [("day", "04-30")]
    assert _recs("每年2月底前报送名册") == [("day", "02-28")]
    # a month alone, without 底前, is no day
    assert _recs("每年4月开展一次专项检查") == [("year", None)]


def test_next_year_day_of_a_standing_rule_is_yearly():
    assert _recs("年度终了后，于次年1月15日前报送使用情况") == [("day", "01-15")]
    assert _recs("每年对支部书记进行考核，考核结果于次年3月底前反馈") == [
        ("year", None), ("day", "03-31")]
    # one year's assessment (纳入年底考核) reported the year after: no cadence
    assert _recs("纳入年底党支部考核，考核结果于次年1月15日前报党委组织部") == []
    # with a year written before it, 次年 is one year: no cadence
    assert _recs("2026年完成试点，次年3月底前全面推开") == []


def test_two_months_a_year_is_per_semester():
    assert _recs("每年4月、10月分两批集中开展推荐工作") == [("semester", None)]
    assert _recs("每年4月开展推荐工作") == [("year", None)]


def test_before_the_summer_is_by_the_end_of_june():
    found = timeexpr.find_deadlines("2027年暑期前完成全体辅导员轮训", "2027-03-01")
    assert [(f.deadline.kind, f.deadline.end) for f in found] == [("by", "2027-06-30")]
    found = timeexpr.find_deadlines("2027年暑期开展社会实践", "2027-03-01")
    assert [(f.deadline.start, f.deadline.end) for f in found] == [("2027-07-01", "2027-08-31")]


def test_december_notice_dates_after_its_own_year_written():
    text = "各支部要逐人核对2026年1月至12月党费交纳情况，1月20日前将核查表报学院党委。"
    found = timeexpr.find_deadlines(text, "2026-12-18")
    assert [(f.deadline.kind, f.deadline.end) for f in found] == [("by", "2027-01-20")]
    # in a notice of the same year's spring, the same months are a span to work in
    found = timeexpr.find_deadlines("2026年3月至6月开展专题培训", "2026-02-10")
    assert [(f.deadline.start, f.deadline.end) for f in found] == [("2026-03-01", "2026-06-30")]


def test_a_level_to_reach_is_a_target_once():
    assert kind_of("学生党支部书记“双带头人”比例达到90%", False, False) == "once"
    assert kind_of("青年教师中党员占比不低于30%", False, False) == "once"
    assert kind_of("党员先锋岗覆盖全部窗口单位", False, False) == "once"
    assert kind_of("加强青年教师思想引领", False, False) == "ongoing"


def test_a_one_off_on_a_platform():
    assert kind_of("依托“云岭学苑”网络学习平台开设专题课程", False, False) == "once"
    assert kind_of("依托“云岭学苑”网络学习平台加强学习交流", False, False) == "ongoing"


PLAN = """中共云岭学院委员会2027年党建工作要点
一、加强理论武装
　　1.党委宣传部组织“青年讲师团”开展宣讲，全年宣讲不少于25场。
　　2.党委理论学习中心组全年集中学习不少于12次。
二、加强基层组织建设
　　1.教工党支部书记“双带头人”比例达到100%。
　　2.2027年暑期前完成全体党支部书记轮训。
　　3.依托“云岭学苑”网络学习平台开设专题课程。
三、规范党费管理
　　1.各党总支应当于每年4月底前向党委组织部提交党费使用计划。
　　2.年度终了后，各党总支于次年1月15日前向党委组织部报送使用情况。
"""


TABLE = """中共云岭学院委员会关于印发《党建质量提升行动计划（2026—2028年）》的通知
序号\t重点任务\t具体举措\t牵头单位\t配合单位\t完成时限
1\t强化考评\t将党建成效纳入二级党组织书记述职评议考核\t党委组织部\t党委办公室\t每年1月
2\t风险防控\t梳理重点岗位廉政风险点，建立防控台账\t纪委\t\t2026年6月底，此后每年
"""


def test_a_cadence_in_a_time_cell():
    _, tasks = _tasks(TABLE, "yl3")
    rows = {t.text[:5]: due_of(t) for t in tasks}
    assert rows["将党建成效"]["kind"] == "recurring"
    assert rows["将党建成效"]["recurrence"]["period"] == "year"
    assert rows["梳理重点岗"]["end"] == "2026-06-30"


def test_plan_time_limits():
    _, tasks = _tasks(PLAN, "yl")
    assert due_of(_find(tasks, "开展宣讲"))["end"] == "2027-12-31"
    assert due_of(_find(tasks, "集中学习不少于12次"))["kind"] == "recurring"
    assert due_of(_find(tasks, "比例达到100%"))["end"] == "2027-12-31"
    assert due_of(_find(tasks, "暑期前"))["end"] == "2027-06-30"
    assert due_of(_find(tasks, "开设专题课程"))["end"] == "2027-12-31"
    plan = due_of(_find(tasks, "4月底前"))
    assert plan["kind"] == "recurring" and plan["recurrence"]["on"] == "04-30"
    report = due_of(_find(tasks, "次年1月15日前"))
    assert report["kind"] == "recurring" and report["recurrence"]["on"] == "01-15"


def test_a_second_yearly_day_is_its_own_row():
    text = PLAN.replace("　　2.年度终了后，各党总支于次年1月15日前向党委组织部报送使用情况。\n", "").replace(
        "提交党费使用计划。", "提交党费使用计划，年度终了后于次年1月15日前报送使用情况。")
    _, tasks = _tasks(text, "yl2")
    plan = _find(tasks, "4月底前")
    assert "次年" not in plan.text and due_of(plan)["recurrence"]["on"] == "04-30"
    assert due_of(_find(tasks, "次年1月15日前"))["recurrence"]["on"] == "01-15"


NOTICE = """关于做好2026年度党支部组织生活会的通知
各二级党委、各直属党支部：
　　现就做好2026年度党支部组织生活会工作通知如下。
　　一、召开组织生活会
　　（一）会前准备。各党支部要在会前组织党员集中学习党章，支部书记与党员普遍开展谈心谈话。
　　（二）会议召开。组织生活会应于1月20日前召开完毕。二级党委要派班子成员到所联系党支部指导。
　　二、有关要求
　　各二级党委要高度重视，精心组织。各二级党委要在2月10日前报送组织生活会情况报告。
　　　　　　　　　　　　　　　　　　　　中共云岭学院委员会组织部
　　　　　　　　　　　　　　　　　　　　　　2026年12月20日
"""


def test_a_sections_event_deadline_dates_its_steps():
    _, tasks = _tasks(NOTICE, "yl4")
    study = _find(tasks, "集中学习党章")
    assert study.kind == "once" and due_of(study)["end"] == "2027-01-20"
    assert due_of(_find(tasks, "派班子成员"))["end"] == "2027-01-20"
    # a section whose one date is a report's, not its event's: the rest stays as it was
    assert due_of(_find(tasks, "高度重视"))["kind"] != "by"
