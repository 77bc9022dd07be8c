"""Round 37 (issue 12): time limits that follow from how a plan is written."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row

_PHASED = [
    "中共示例大学委员会",
    "关于推进党建引领乡村振兴工作的实施方案（2027—2029年）",
    "各二级党组织、各部门：",
    "为推进党建引领乡村振兴，结合学校实际，制定本方案。",
    "一、主要任务",
    "（一）各学院党组织每年至少开展一次结对村走访。",
    "二、实施步骤",
    "（一）启动部署阶段（2027年3月—5月）。召开推进会，完成结对协议签订。",
    "（二）全面实施阶段（2027年6月—2029年6月）。全面落实各项帮扶任务。",
    "（三）总结提升阶段（2029年7月—12月）。编印典型案例集。",
    "三、保障措施",
    "（一）加强组织领导。成立学校乡村振兴工作领导小组，党委书记任组长，领导小组办公室设在党委组织部。",
    "（二）编印帮扶工作手册。",
    "中共示例大学委员会",
    "2027年2月20日",
]


def test_the_work_s_team_is_set_up_in_the_first_phase(tmp_path):
    doc = _parse(tmp_path, _PHASED)
    # 成立…领导小组 with no date of its own: done by the end of the plan's first phase, not
    # at the plan's end, and marked as inferred (the plan does not write it for this task)
    row = _row(doc, "成立学校乡村振兴工作领导小组")
    assert row.kind == "once"
    assert [(d.kind, d.end, d.inferred) for d in row.deadlines] == [("by", "2027-05-31", True)]
    # another undated deliverable still falls due at the plan's end
    assert [(d.kind, d.end) for d in _row(doc, "编印帮扶工作手册").deadlines] == [
        ("by", "2029-12-31")]


def test_without_dated_phases_the_team_keeps_the_plan_s_end(tmp_path):
    lines = [x for x in _PHASED if not x.startswith(("（一）启动", "（二）全面", "（三）总结",
                                                     "二、实施"))]
    row = _row(_parse(tmp_path, lines), "成立学校乡村振兴工作领导小组")
    assert [(d.kind, d.end) for d in row.deadlines] == [("by", "2029-12-31")]


def test_a_yearly_day_written_as_its_date_or_a_long_name_is_that_day():
    from pbdocs.extract.lexicon import load
    from pbdocs.extract.recurrence import find_recurrences

    def on(text):
        return [(f.recurrence.period, f.recurrence.on) for f in find_recurrences(text, load())]

    assert on("每年“4·23”世界读书日前后举办读书节。") == [("day", "04-23")]
    assert on("每年“8·19”中国医师节前后，组织医务人员开展主题学习活动。") == [("day", "08-19")]
    assert on("每年全民国家安全教育日前后组织一次舆情应对专题培训。") == [("day", "04-15")]
    # a day that is not one (13·40) stays a plain yearly duty
    assert on("每年“13·40”活动前后开展宣传。") == [("year", None)]


_TRAINING = [
    "中共示例大学委员会组织部",
    "关于举办2027年发展对象培训班的通知",
    "各二级党组织：",
    "为提高发展党员质量，经研究，决定举办2027年发展对象培训班。现将有关事项通知如下。",
    "一、培训时间和地点",
    "6月23日至25日，在党校报告厅举办，为期3天。党校负责场地、食宿等后勤保障工作。",
    "二、有关要求",
    "（一）培训期间安排晚间自学，自学书目由党校统一提供。",
    "（二）信息化中心负责校园网络安全技术防护。",
    "中共示例大学委员会组织部",
    "2027年6月1日",
]


def test_an_event_s_logistics_are_done_on_its_days(tmp_path):
    doc = _parse(tmp_path, _TRAINING)
    # the clause dates the training; who provides its rooms and meals does it then, not for
    # ever (inferred: the sentence itself writes no date)
    row = _row(doc, "党校负责场地、食宿等后勤保障工作")
    assert row.kind == "once"
    assert [(d.kind, d.start, d.end, d.inferred) for d in row.deadlines] == [
        ("range", "2027-06-23", "2027-06-25", True)]
    # what the text says is done 培训期间 is done in the training's days
    row = _row(doc, "培训期间安排晚间自学")
    assert [(d.kind, d.start, d.end) for d in row.deadlines] == [
        ("range", "2027-06-23", "2027-06-25")]
    # a standing division of work that no event dates stays standing
    assert _row(doc, "信息化中心负责校园网络安全技术防护").kind == "ongoing"


def test_a_term_s_first_teaching_day_written_as_开始上课_counts_the_weeks():
    from datetime import date

    from pbdocs.extract.timeexpr import teaching_week_due, term_start

    text = "本学期9月6日开始上课，共18个教学周。第3—6周：围绕教材重点难点开展专题备课。"
    start, inferred = term_start(text, 2027, "关于开展2027年秋季学期集体备课活动的通知")
    assert (start, inferred) == (date(2027, 9, 6), False)
    # week 6 ends on the Sunday of the sixth week from that Monday
    assert teaching_week_due("第3—6周", start).end == "2027-10-17"
    assert term_start("8月30日起正式上课。", 2027)[0] == date(2027, 8, 30)


_SELECTION = [
    "中共示例大学委员会组织部",
    "关于开展科研团队党建示范点遴选的通知",
    "各二级党组织：",
    "为推进科研团队党建工作，决定开展示范点遴选。现将有关事项通知如下。",
    "一、遴选程序",
    "（一）各学院党委于5月20日前将申报材料报党委组织部。",
    "（二）评审公示。6月上旬，党委组织部会同科研院组织专家评审，采取材料评审和现场答辩相结合的方式。"
    "评审结果经学校党委审定后在校内公示5个工作日，“七一”前发文公布入选名单。",
    "二、建设管理",
    "建设周期两年，自2027年7月至2029年6月。入选团队要在名单公布后20日内制定建设方案。",
    "中共示例大学委员会组织部",
    "2027年4月26日",
]


def test_a_named_day_after_a_dated_step_is_that_year_s(tmp_path):
    # the step is in June 2027, so “七一”前 is 2027's, not the first one inside the two-year
    # building cycle the notice names later
    row = _row(_parse(tmp_path, _SELECTION), "发文公布入选名单")
    assert [(d.kind, d.end) for d in row.deadlines] == [("by", "2027-06-30")]


def test_archives_counselling_aid_and_inspection_bodies_are_departments(tmp_path):
    from tests.test_round35 import _plan

    doc = _plan(tmp_path, "关于加强学生工作的实施意见", [
        "档案室要落实防火、防盗、防潮、防虫等措施。",
        "学生心理健康教育中心每学期对心理委员开展不少于4学时的培训。",
        "学生资助中心每季度向领导小组报告资助资金发放情况。",
        "巡察组撤离后10个工作日内形成巡察报告。",
        "校友办要建立校友信息库。",
        "各分工会要结合教职工思想实际开展师德师风教育。",
    ], preamble="为做好学生工作，结合学校实际，提出如下意见。")
    # each names its doer in the prose, under the canonical name the gold and lexicon use
    for words, name in (("防火", "档案馆"), ("心理委员", "心理健康教育中心"),
                        ("资助资金", "学生资助管理中心"), ("巡察报告", "巡察组"),
                        ("校友信息库", "校友工作办公室"), ("师德师风教育", "各分工会")):
        assert [(d.canonical, d.basis) for d in _row(doc, words).lead] == [(name, "text")], words
