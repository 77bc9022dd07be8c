"""Round 9 of extraction: standing duties after their doer, duty words that pick the body a
university gives the work to, and time cells of a task table (invented texts)."""

from taskhelp import find_task, leads, tasks_of

PLAN = """绿汀大学2026年党建工作要点

　　一、加强组织建设
　　1.各单位要对照工作要点，制定本单位年度工作计划，于3月15日前报党委办公室。党委办公室要加强督查督办，年底前对工作要点落实情况进行总结。
　　2.党委教师工作部要加强统筹协调，年底前组织一次推进情况通报。
"""


def test_standing_duty_after_its_doer_is_a_row_of_its_own():
    _, ts = tasks_of(PLAN, "plan")
    t = find_task(ts, "加强督查督办")
    assert t.kind == "ongoing"
    assert "年底前" not in t.text
    t = find_task(ts, "加强统筹协调")
    assert t.kind == "ongoing"
    dated = find_task(ts, "推进情况通报")
    assert dated.kind == "once" and dated is not t


REPORT = """绿汀大学基层党组织建设工作方案

　　一、工作措施
　　（一）选树典型。党委宣传部负责在校园网开设专栏，全年推出典型案例不少于20个。学校每两年评选表彰一次先进基层党组织和优秀共产党员。
"""


def test_institution_opening_a_sentence_does_not_take_the_doer_before():
    _, ts = tasks_of(REPORT, "report")
    t = find_task(ts, "评选表彰一次先进基层党组织")
    assert leads(t) == [("党委组织部", "suggested")]
    t = find_task(ts, "开设专栏")
    assert leads(t) == [("党委宣传部", "text")]


YOUNG = """绿汀大学青年教师思想政治工作方案

　　一、工作目标
　　到2027年底，青年教师理论学习覆盖率达到100%。
　　二、工作措施
　　（一）加强监督。纪检监察室适时开展督导检查，及时研究解决推进中的问题。
"""


def test_teachers_political_study_goes_to_the_teachers_office():
    _, ts = tasks_of(YOUNG, "young")
    t = find_task(ts, "理论学习覆盖率")
    assert leads(t) == [("党委教师工作部", "suggested")]


def test_a_body_that_acts_when_needed_is_the_doer():
    _, ts = tasks_of(YOUNG, "young")
    t = find_task(ts, "适时开展督导检查")
    assert leads(t) == [("纪委办公室", "text")]


DUTY = """绿汀大学青年教师工作方案

　　一、保障措施
　　（一）落实责任。财务处要将所需经费纳入年度预算。各二级党委书记是本单位青年教师思想政治工作第一责任人，要定期听取青年教师意见建议。
　　（二）压实责任。党委书记履行第一责任人责任，每季度听取一次班子成员履行“一岗双责”情况汇报。
"""


def test_an_officer_who_is_the_first_responsible_does_the_sentence():
    _, ts = tasks_of(DUTY, "duty")
    t = find_task(ts, "定期听取青年教师意见建议")
    assert leads(t) == [("二级党委书记", "text")]
    t = find_task(ts, "一岗双责")
    assert leads(t) == [("党委书记", "text")]


YEAR = """绿汀大学2026年党建工作要点

　　一、思政课建设
　　1.推进思政课改革创新。持续推进“大思政课”建设，建设实践教学基地5个。校领导每学期至少讲授一次思政课。
"""


def test_a_count_after_a_standing_duty_is_due_when_the_plan_ends():
    _, ts = tasks_of(YEAR, "year")
    standing = find_task(ts, "持续推进")
    count = find_task(ts, "实践教学基地5个")
    assert standing is not count
    assert standing.kind == "ongoing"
    assert count.kind == "once"
    assert any(d.end == "2026-12-31" for d in count.deadlines)


TABLE = """绿汀大学青年教师工作行动计划（2026—2027年）

　　为加强青年教师思想政治工作，制定本计划。
　　一、重点任务及分工
| 序号 | 任务名称 | 主要内容 | 责任单位 | 完成时间 |
| 1 | 师德典型选树 | 开展“最美青年教师”评选，宣传先进事迹 | 党委宣传部 | 2026年12月、2027年12月 |
| 2 | 成效评估 | 对行动计划实施情况进行总结评估，形成评估报告 | 党委教师工作部 | 2027年11月 |
"""


def test_the_same_month_of_each_year_is_a_yearly_duty():
    _, ts = tasks_of(TABLE, "table")
    t = find_task(ts, "最美青年教师")
    assert t.kind == "recurring"
    assert [r.period for r in t.recurrences] == ["year"] and not t.deadlines
    once = find_task(ts, "总结评估")
    assert once.kind == "once" and not once.recurrences


FUNDS = """绿汀大学对标争先实施方案

　　一、保障措施
　　（一）经费保障。学校每年安排专项经费支持创建工作，财务处负责经费的拨付和使用监管。
"""


def test_a_department_after_a_yearly_duty_does_a_standing_one_of_its_own():
    _, ts = tasks_of(FUNDS, "funds")
    yearly = find_task(ts, "每年安排专项经费")
    standing = find_task(ts, "拨付和使用监管")
    assert yearly is not standing
    assert yearly.kind == "recurring"
    assert standing.kind == "ongoing" and not standing.recurrences
    assert [(d.canonical, d.basis) for d in standing.lead] == [("财务处", "text")]


HOSPITAL = """锦屏医院清廉建设工作方案

　　一、主要任务
　　（一）加强监督检查。纪检监察室每半年开展一次专项检查，设立院长信箱和举报电话。
　　（二）规范组织生活。组织生活会一般每年召开1次，召开前应当开展谈心谈话、广泛征求意见。
"""


def test_a_deliverable_after_a_recurring_duty_is_done_once():
    _, ts = tasks_of(HOSPITAL, "hospital")
    check = find_task(ts, "专项检查")
    box = find_task(ts, "设立院长信箱")
    assert check is not box
    assert check.kind == "recurring" and box.kind == "once" and not box.recurrences
    # a step before each meeting stays with the meeting
    assert find_task(ts, "召开前应当开展谈心谈话") is find_task(ts, "每年召开1次")


WARD = """锦屏医院党建工作方案

　　一、主要任务
　　（一）压实责任。党委办公室要加强统筹。科室主任要支持党支部开展创建活动。
　　（二）加强宣传。学院宣传员负责在学院网站和公众号及时报道学习情况。
"""


def test_named_officers_of_a_unit_do_their_own_sentences():
    _, ts = tasks_of(WARD, "ward")
    t = find_task(ts, "支持党支部开展创建活动")
    assert leads(t) == [("科室主任", "text")]
    t = find_task(ts, "及时报道学习情况")
    assert [(d.name, d.basis) for d in t.lead] == [("学院宣传员", "text")]


CHECK = """绿汀大学组织部关于开展党员信息数据核查的通知

各二级党组织：
　　现就开展党员信息数据核查工作通知如下。
　　一、工作要求
　　1.学生党支部的数据核查由学生工作部会同各学院共同指导。
　　2.各单位针对复核发现的问题逐条整改。

　　　　　　　　　　　　　　　　　　　　　　　中共绿汀大学委员会组织部
　　　　　　　　　　　　　　　　　　　　　　　　　2026年5月8日
"""


def test_the_body_a_meeting_of_minds_is_with_leads():
    _, ts = tasks_of(CHECK, "check")
    t = find_task(ts, "共同指导")
    assert leads(t) == [("党委学生工作部", "text")]
    assert [d.canonical for d in t.support] == ["各二级学院"]


def test_units_that_act_on_what_was_found_are_the_doers():
    _, ts = tasks_of(CHECK, "check")
    t = find_task(ts, "逐条整改")
    assert [d.basis for d in t.lead] == ["text"]
    assert "单位" in t.lead[0].name
