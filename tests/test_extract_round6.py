"""Round-6 extraction rules: who does the duties a text names nobody for when a closing or
organising paragraph names an office for one thing of its own; an institution's notice that
sets out a plan; a unit committee's officers as its doers; a phase's range under 时间安排; a
notice's 收到通知后; deliverables written after 负责."""

from __future__ import annotations

from taskhelp import find_task as _find
from taskhelp import tasks_of as _tasks

from pbdocs.extract.tasks import due_of, kind_of


def _leads(task) -> dict[str, str]:
    return {d.canonical: d.basis for d in task.lead}


# an invented research institute's notice that prints its plan inline
INSTITUTE = """关于实施青年人才“领航”计划（2026—2028年）的通知
各党支部，院属各部门：
　　为加强对青年人才的政治引领，院党委决定实施青年人才“领航”计划。现将计划印发如下，请认真抓好落实。
一、目标任务
　　到2028年，35岁以下青年人才中党员比例达到40%。
二、重点举措
（一）强化政治引领
　　1.院党委委员每人联系2名以上青年骨干，每学期至少交流一次。
　　2.各党支部每季度组织一次青年人才参加的主题党日活动。
（二）做好发展党员
　　1.年度发展党员计划向科研一线倾斜。
　　2.每两年举办一期高层次青年人才入党积极分子专题培训班。
三、组织保障
（一）加强组织领导。成立计划工作专班，党群工作部、人事处主要负责人为成员。
（二）强化考核评估。计划实施情况纳入党支部书记抓党建述职评议。
（三）营造良好氛围。院办公室负责在院网开设专栏，宣传优秀青年人才党员的先进事迹。

中共岚汐地质研究院委员会
2026年3月10日
"""


def test_an_office_named_for_its_own_duty_in_the_organising_section_leads_nothing_else():
    _, tasks = _tasks(INSTITUTE)
    # 院办公室负责在院网开设专栏 is the office's own duty, not the whole plan's charge
    column = _find(tasks, "院办公室负责在院网开设专栏")
    assert "院办公室" in {d.name for d in column.lead}
    for words in ("纳入党支部书记抓党建述职评议", "年度发展党员计划向科研一线倾斜",
                  "35岁以下青年人才中党员比例达到40%"):
        t = _find(tasks, words)
        assert "院办公室" not in {d.name for d in t.lead}, (words, t.lead)


def test_an_institutions_notice_that_sets_out_a_plan_divides_it_by_duty():
    _, tasks = _tasks(INSTITUTE)
    # not the addressees (各党支部，院属各部门): the institute's office for party work
    t = _find(tasks, "每两年举办一期高层次青年人才入党积极分子")
    assert _leads(t) == {"党群工作部": "suggested"}, t.lead
    assert all(d.canonical != "院属各部门" for d in _find(tasks, "纳入党支部书记").lead)


def test_a_unit_committees_members_make_the_committee_the_lead():
    _, tasks = _tasks(INSTITUTE)
    t = _find(tasks, "院党委委员每人联系2名以上青年骨干")
    assert _leads(t) == {"岚汐地质研究院党委": "text"}, t.lead


def test_an_office_in_charge_of_the_whole_still_leads_the_unassigned():
    text = INSTITUTE.replace("成立计划工作专班，党群工作部、人事处主要负责人为成员。",
                             "由党群工作部负责统筹实施本计划。")
    _, tasks = _tasks(text)
    t = _find(tasks, "每两年举办一期高层次青年人才入党积极分子")
    # (the text puts it in charge of the whole plan, not of this task: a suggestion, with why)
    assert _leads(t) == {"党群工作部": "suggested"}, t.lead
    assert "整项工作" in t.lead[0].why


# an invented college 党总支's own plan
BRANCH_PLAN = """信息工程学院党总支2026年党建工作计划
　　2026年，学院党总支结合学院实际，制定本计划。
一、思想建设
1、宣传委员每周检查一次网络平台内容，发现不当信息立即处置。
2、结合专业课程开展课程思政示范课评选，由教学副院长负责，全年评出示范课程不少于5门。
二、组织建设
1、组织委员负责建立入党积极分子培养台账，每季度更新一次。
2、辅导员要每学期走访联系学生党员宿舍不少于两次。
三、工作保障
　　学院办公室负责保障党建活动场地和经费，每个党支部每年活动经费不少于3000元。各项工作完成情况纳入年底党支部考核，考核结果于次年1月15日前报学校党委组织部。

中共榕江大学信息工程学院总支部委员会
2026年2月25日
"""


def test_a_committees_officers_named_as_doers_lead_as_the_text_names_them():
    # (FORMAT's college paragraph, round 12: a college officer the text names is the lead as
    # written, the task book's 责任人 "to the person"; round 6 named their committee instead)
    _, tasks = _tasks(BRANCH_PLAN)
    for words, officer in (("宣传委员每周检查", "宣传委员"), ("组织委员负责建立", "组织委员")):
        assert _leads(_find(tasks, words)) == {officer: "text"}
    assert _leads(_find(tasks, "课程思政示范课评选")) == {"教学副院长": "text"}
    assert set(_leads(_find(tasks, "辅导员要每学期走访"))) == {"辅导员"}


def test_a_closing_office_does_not_do_the_sentences_after_its_own():
    _, tasks = _tasks(BRANCH_PLAN)
    own = _find(tasks, "学院办公室负责保障党建活动场地")
    assert "学院办公室" in {d.name for d in own.lead}
    for words in ("各项工作完成情况纳入年底党支部考核", "考核结果于次年1月15日前"):
        t = _find(tasks, words)
        assert "学院办公室" not in {d.name for d in t.lead}, (words, t.lead)


# an invented hospital's notice with phases under 时间安排
HOSPITAL = """芮岭市中心医院党委文件　　岭医党发〔2026〕3号

关于开展党支部“强基”创建活动的通知

各党支部，各职能科室：
　　经院党委研究，决定在全院开展党支部“强基”创建活动。现将有关事项通知如下。
　　一、创建内容
　　各党支部要立足科室业务特点，确定一个创建项目，形成可推广的工作品牌。
　　二、时间安排
　　（一）申报。各党支部于收到通知后10个工作日内填写申报表，报组织人事科。组织人事科于3月底前汇总审核。
　　（二）培育。4月至10月，各党支部按申报方案推进项目，组织人事科每季度对项目进展进行一次抽查。
　　（三）总结。各党支部于12月20日前报送创建工作总结。
　　三、工作要求
　　（一）严格监督。纪检监察室要对创建活动中的形式主义问题进行监督。
　　（二）总结推广。宣传科负责编印优秀项目案例汇编。

　　　　　　　　　　　　　　　　中共芮岭市中心医院委员会
　　　　　　　　　　　　　　　　　　　　2026年3月6日
"""


def test_hospital_offices_named_in_the_prose_lead():
    _, tasks = _tasks(HOSPITAL)
    assert _leads(_find(tasks, "组织人事科每季度对项目进展")) == {"组织人事科": "text"}
    assert _leads(_find(tasks, "宣传科负责编印")) == {"宣传科": "text"}


def test_one_phases_range_under_a_time_heading_is_not_the_whole_works_period():
    _, tasks = _tasks(HOSPITAL)
    t = _find(tasks, "纪检监察室要对创建活动中的形式主义问题")
    d = due_of(t)
    assert d["kind"] in ("ongoing", "undated"), d  # not 4月至10月, which is 培育's


def test_a_notices_receipt_counts_from_its_date():
    _, tasks = _tasks(HOSPITAL)
    d = due_of(_find(tasks, "于收到通知后10个工作日内填写申报表"))
    assert (d["kind"], d.get("end")) == ("by", "2026-03-20"), d


def test_deliverables_written_after_fuze_are_once():
    assert kind_of("宣传科负责编印优秀项目案例汇编", False, False) == "once"
    assert kind_of("宣传科负责在院内网和公众号开设专栏", False, False) == "once"
    assert kind_of("负责在学校官网维护专题网页", False, False) == "ongoing"
    assert kind_of("确定一个创建项目", False, False) == "once"
    # a doer the segmenter may take for a verb (组织委员) before 负责
    assert kind_of("组织委员负责建立入党积极分子培养台账", False, False) == "once"


def test_object_fronted_by_dui_or_jiang_is_not_the_action():
    # 对创建活动中的问题进行监督 is 监督 (standing), not 创建 (a deliverable)
    assert kind_of("纪检监察室要对创建活动中的形式主义问题进行监督", False, False) == "ongoing"
    assert kind_of("院党委将评选结果纳入党支部年度考核", False, False) == "ongoing"
    assert kind_of("将本方案报送党委组织部", False, False) == "once"


CADENCE_THEN_ONCE = """榕江大学党委宣传部2026年宣传工作要点
一、阵地建设
1.宣传部负责在校园网开设“先锋”专栏，每月至少推送2篇，6月下旬组织一次现场观摩会。
2.各二级党组织每两个月组织一次宣传委员交流，6月底前至少开展一次宣传骨干比武。
3.每年开展一次“优秀党支部”评选，评选结果于2027年1月公布首批名单。
4.每年组织一次意识形态专题培训，次年1月底前报送培训总结。
中共榕江大学委员会宣传部
2026年2月20日
"""


def test_a_dated_one_off_after_a_recurring_duty_is_its_own_row():
    _, tasks = _tasks(CADENCE_THEN_ONCE)
    visit = _find(tasks, "6月下旬组织一次现场观摩会")
    assert "每月至少推送" not in visit.text and visit.kind == "once", visit.text
    d = due_of(visit)
    assert (d["kind"], d.get("start"), d.get("end")) == ("range", "2026-06-21", "2026-06-30")
    contest = _find(tasks, "6月底前至少开展一次宣传骨干比武")
    assert contest.kind == "once" and "每两个月" not in contest.text
    # a yearly duty's report due the year after stays with it
    report = _find(tasks, "次年1月底前报送培训总结")
    assert "每年组织一次意识形态专题培训" in report.text


def test_the_rest_of_a_sentence_keeps_its_works_suggested_lead():
    _, tasks = _tasks(CADENCE_THEN_ONCE)
    names = _find(tasks, "评选结果于2027年1月公布首批名单")
    assert "每年开展一次" not in names.text
    assert names.lead and all(d.basis == "suggested" for d in names.lead), names.lead


def test_summer_vacation_is_july_and_august():
    from pbdocs.extract.timeexpr import find_deadlines

    found = find_deadlines("党校要在暑期举办一期党支部书记示范培训班", "2026-02-25")
    assert [(f.deadline.kind, f.deadline.start, f.deadline.end) for f in found] == [
        ("range", "2026-07-01", "2026-08-31")]


SEATED = """澄湾大学青年教师“启航”行动方案
一、主要任务
1.2027年6月开展中期评估。
2.全面总结行动成效，提炼形成制度成果。
3.推进青年教师师德师风建设。
二、组织保障
（一）加强组织领导。成立行动方案工作专班，由党委副书记任组长，党委教师工作部、人事处主要负责人为成员，专班办公室设在党委教师工作部。
（二）强化督办考核。党委办公室将行动方案列入党委督办事项，每季度督办一次。行动方案落实成效纳入二级党组织年度考核。
"""


def test_the_office_a_task_force_is_seated_in_is_the_fallback_suggestion():
    _, tasks = _tasks(SEATED)
    for words in ("2027年6月开展中期评估", "全面总结行动成效"):
        t = _find(tasks, words)
        assert _leads(t) == {"党委教师工作部": "suggested"}, (words, t.lead)
        assert "设在" in t.lead[0].why


def test_a_sentence_on_what_counts_in_an_assessment_takes_no_doer_from_before():
    _, tasks = _tasks(SEATED)
    t = _find(tasks, "落实成效纳入二级党组织年度考核")
    assert "党委办公室" not in _leads(t), t.lead
    assert "党委办公室" in _leads(_find(tasks, "党委办公室将行动方案列入党委督办事项"))


def test_a_bare_cadence_row_names_what_it_updates():
    _, tasks = _tasks(BRANCH_PLAN)
    row = _find(tasks, "每季度更新一次")
    assert row.text.startswith("入党积极分子培养台账，"), row.text
    assert row.kind == "recurring"
    first = _find(tasks, "组织委员负责建立入党积极分子培养台账")
    assert "每季度" not in first.text


def test_the_secretary_and_the_head_named_together_lead_as_named():
    text = INSTITUTE.replace("院党委委员每人联系2名以上青年骨干，每学期至少交流一次。",
                             "院党委书记、院长每年分别与青年骨干开展一次谈心谈话。")
    _, tasks = _tasks(text)
    t = _find(tasks, "院党委书记、院长每年分别与青年骨干")
    # (the two persons, as the text names them; until round 42 the committee and the unit)
    assert _leads(t) == {"院党委书记": "text", "院长": "text"}, t.lead
    # a deputy secretary heading a task force is not the pair
    assert "岚汐地质研究院" not in _leads(_find(tasks, "纳入党支部书记抓党建述职评议"))


def test_a_span_for_each_case_named_at_the_sentence_start_has_no_date():
    from pbdocs.extract.timeexpr import counted_from_event

    assert counted_from_event("对有入党意愿的优秀青年人才，党支部要在3个月内确定培养联系人")
    assert not counted_from_event("党支部要在3个月内确定培养联系人")


UNITED_FRONT = """澹川大学党委统战部2026年统一战线工作要点
一、民族宗教工作
1.坚持党的宗教工作基本方针，依法管理宗教事务，严防宗教渗透校园，保卫处会同统战部每学期开展一次排查。
2.建立医德考评制度，考评结果与评先评优挂钩，每年考评一次，由人事处会同纪委办公室组织实施。
中共澹川大学委员会统战部
2026年3月5日
"""


def test_the_subject_of_a_later_part_of_a_sentence_does_only_that_part():
    _, tasks = _tasks(UNITED_FRONT)
    guard = _find(tasks, "严防宗教渗透校园")
    assert "保卫处" not in _leads(guard), guard.lead
    assert _leads(guard) == {"党委统战部": "suggested"}, guard.lead
    assert "保卫处" in _leads(_find(tasks, "保卫处会同统战部每学期开展一次排查"))
    # 由X组织实施 at the end covers the whole sentence
    assert "人事处" in _leads(_find(tasks, "建立医德考评制度"))
