"""Round 9b of extraction: a year a count looks back from, two dated one-offs in one sentence,
two doers in one subject, hospital bodies (invented texts)."""

from taskhelp import find_task, leads, tasks_of

NOTICE = """关于做好2026年入党积极分子培训工作的通知

各二级党委：
　　一、培训安排
　　（一）培训对象。2025年下半年以来确定的入党积极分子。各二级党委要做好学员遴选，于4月3日前将报名表报党校办公室。
　　（二）培训安排。党校于4月13日至4月24日举办第一期培训班，10月举办第二期培训班。
　　二、工作要求
　　各单位要在5月15日前报送上半年工作小结，12月10日前报送全年工作总结。

中共绿汀大学委员会组织部
2026年3月4日
"""


def _due(t):
    return [(d.kind, d.start, d.end) for d in t.deadlines]


def test_a_year_counted_back_from_does_not_date_later_months():
    _, ts = tasks_of(NOTICE, "notice")
    t = find_task(ts, "学员遴选")
    assert t.kind == "once"
    assert _due(t) == [("by", None, "2026-04-03")]


def test_two_dated_one_offs_in_one_sentence_are_two_rows():
    _, ts = tasks_of(NOTICE, "notice")
    first = find_task(ts, "第一期培训班")
    second = find_task(ts, "第二期培训班")
    assert first is not second
    assert _due(first) == [("range", "2026-04-13", "2026-04-24")]
    assert _due(second) == [("on", "2026-10-01", "2026-10-31")]
    half = find_task(ts, "上半年工作小结")
    whole = find_task(ts, "全年工作总结")
    assert half is not whole
    assert _due(half) == [("by", None, "2026-05-15")]
    assert ("by", None, "2026-12-10") in _due(whole)


HOSPITAL = """中共绿汀市人民医院委员会
关于印发《清廉医院建设工作方案》的通知

各党支部、各科室：
　　现将方案印发给你们，请认真抓好落实。

清廉医院建设工作方案

　　一、主要任务
　　（一）规范诊疗。门诊部要优化就诊流程，7月底前实现预约诊疗率达到70%以上。
　　（二）内控建设。财务科、采购中心要健全内部控制机制，实行岗位分离。
"""


def test_hospital_offices_are_named_doers():
    _, ts = tasks_of(HOSPITAL, "hospital")
    t = find_task(ts, "优化就诊流程")
    assert leads(t) == [("门诊部", "text")]
    t = find_task(ts, "健全内部控制机制")
    assert leads(t) == [("财务科", "text"), ("采购中心", "text")]


BRANCHES = """绿汀市人民医院清廉医院建设工作方案

　　一、主要任务
　　（一）压实责任。各党支部书记要与科室主任共同抓好本科室廉洁风险防控。
"""


def test_the_partner_a_doer_works_with_leads_too():
    _, ts = tasks_of(BRANCHES, "branches")
    t = find_task(ts, "廉洁风险防控")
    assert {d.canonical.lstrip("各") for d in t.lead} == {"党支部书记", "科室主任"}


SCHEDULE = """关于开展2026年党员档案核查工作的通知

各二级党组织：
　　现将有关事项通知如下：
　　一、时间安排
　　（一）自查阶段（5月12日—5月31日）。各二级党组织要组织所属党支部逐人核对党员档案，5月31日前完成修正。
　　（二）整改阶段（6月1日—7月10日）。各单位针对发现的问题逐条整改，7月10日前将整改报告报党委组织部。
　　二、同步开展流动党员排查
　　档案馆负责做好退休党员的排查工作。各二级党组织要在6月30日前将排查台账报党委组织部。
　　三、工作要求
　　各二级党组织书记要亲自抓，确保按时高质量完成核查任务。各单位要严格落实保密规定，不得泄露党员个人信息。

中共绿汀大学委员会组织部
2026年5月11日
"""


def test_a_scheduled_notice_s_own_work_is_done_once_by_its_end():
    _, ts = tasks_of(SCHEDULE, "schedule")
    t = find_task(ts, "亲自抓")
    assert t.kind == "once" and _due(t) == [("by", None, "2026-07-10")]
    t = find_task(ts, "退休党员的排查工作")
    assert t.kind == "once" and _due(t) == [("by", None, "2026-06-30")]
    t = find_task(ts, "不得泄露")
    assert t.kind == "ongoing" and not t.deadlines


def test_each_department_of_a_hospital_is_a_doer():
    text = HOSPITAL + "　　（三）创建活动。各科室对照任务清单逐项落实，开展清廉科室创建活动。\n"
    _, ts = tasks_of(text, "hospital2")
    t = find_task(ts, "对照任务清单")
    assert [(d.name, d.basis) for d in t.lead] == [("各科室", "text")]
