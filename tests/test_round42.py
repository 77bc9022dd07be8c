"""Round 42 (issue 12): who the text names as a task's doer (an officer told to take a
training, a unit named by its work, a body before 安排/实行, not a phrase of basis or passage)
and when what is finished in a span or done for a notice's event is due."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row
from tests.test_round38 import _lead

_PLAN = [
    "中共示例大学委员会",
    "关于加强基层党组织建设的实施方案",
    "为加强基层党组织建设，制定本方案。",
    "一、建强书记队伍",
    "1.新任党支部书记须在任职后3个月内参加岗前培训。",
    "2.新提任中层干部任职后一年内应参加任职培训。",
    "3.党支部书记每年参加集中培训不少于32学时。",
    "4.各二级党组织书记要组织支部书记参加学校轮训。",
    "二、加强日常管理",
    "5.辅导员要协助党支部做好学生入党积极分子的日常考察。",
    "6.各单位对照本单位档案归档范围逐件整理文书材料。",
    "7.保留期间，所在二级学院党委要指定专门党支部进行管理。",
    "8.各临床学院结合实际制定本单位实施细则，4月30日前报党委组织部。",
    "中共示例大学委员会",
    "2027年3月1日",
]


def test_an_officer_told_to_take_a_training_does_it(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    assert _lead(doc, "新任党支部书记须在") == [("新任党支部书记", "text")]
    assert _lead(doc, "新提任中层干部任职后") == [("新提任中层干部", "text")]
    # a count of hours with nobody told to do anything: the officer is the one counted, and
    # the work goes by duty, as before
    assert _lead(doc, "党支部书记每年参加集中培训") == [("党委组织部", "suggested")]
    # the officer who organises a training does that
    assert _lead(doc, "各二级党组织书记要组织") == [("二级党组织书记", "text")]


def test_a_doer_name_ends_before_a_modal_or_its_own_unit(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    assert _lead(doc, "辅导员要协助党支部") == [("辅导员", "text")]
    assert _lead(doc, "各单位对照本单位") == [("各单位", "text")]
    assert _lead(doc, "所在二级学院党委要指定") == [("二级学院党委", "text")]
    assert _lead(doc, "各临床学院结合实际") == [("临床学院", "text")]


_STEPS = [
    "中共示例大学委员会组织部",
    "关于开展2027年党支部工作专项检查的通知",
    "各二级党组织：",
    "为推动党支部规范化建设，经学校党委同意，决定开展党支部工作专项检查。现将有关事项通知如下。",
    "一、工作安排",
    "（一）10月中旬，各二级党组织开展自查，对照清单逐项检查。",
    "（二）10月下旬，党委组织部汇总形成专项检查报告，报学校党委。",
    "（三）任期届满的党支部要在11月至12月完成换届选举。",
    "（四）各单位于11月8日至12日填写《检查情况表》。",
    "中共示例大学委员会组织部",
    "2027年9月28日",
]


def test_what_is_finished_in_a_span_is_due_by_its_end(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, _STEPS)

    def due(quote):
        d = due_of(_row(doc, quote))
        return d["kind"], d.get("start"), d.get("end")

    # a report produced in late October, an election finished in November to December: by the
    # span's end
    assert due("汇总形成专项检查报告") == ("by", None, "2027-10-31")
    assert due("完成换届选举") == ("by", None, "2027-12-31")
    # an activity held in a span, and a form filled in within a window, keep the span
    assert due("开展自查") == ("range", "2027-10-11", "2027-10-20")
    assert due("填写《检查情况表》") == ("range", "2027-11-08", "2027-11-12")


_TRAINING = [
    "中共示例大学委员会组织部",
    "关于举办2027年党务干部培训班的通知",
    "各二级党组织：",
    "经学校党委同意，定于6月23日至25日举办2027年党务干部培训班。现将有关事项通知如下。",
    "一、培训时间和地点",
    "6月23日至25日，共3天，在党校报告厅举行。",
    "二、参训对象",
    "各二级党组织组织员、党支部书记。",
    "三、工作分工",
    "（一）党校负责场地、食宿等后勤保障工作。",
    "（二）党委宣传部负责培训班的宣传报道。",
    "（三）各二级党组织要做好参训人员的工作安排。",
    "中共示例大学委员会组织部",
    "2027年6月1日",
]


def test_the_logistics_of_a_notices_event_are_done_in_its_days(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, _TRAINING)
    # a clause of duties after the notice's schedule: done in the training's days (inferred),
    # not standing duties
    for quote in ("党校负责场地", "党委宣传部负责培训班的宣传报道"):
        due = due_of(_row(doc, quote))
        assert (due["kind"], due["start"], due["end"], due["inferred"]) == (
            "range", "2027-06-23", "2027-06-25", True), quote


_AGENTS = [
    "中共示例大学委员会",
    "关于加强校园网络和规章制度管理的实施办法",
    "为规范管理，制定本办法。",
    "一、主要措施",
    "（一）学校网站、新媒体平台发布信息，由发布单位负责保密审查。",
    "（二）对实施满2年的重要制度，由制定部门开展实施后评估。",
    "（三）学习材料由承办部门负责收集整理，于学习前3个工作日送达中心组成员。",
    "中共示例大学委员会",
    "2027年3月1日",
]


def test_a_unit_named_by_its_work_after_by_is_the_agent(tmp_path):
    doc = _parse(tmp_path, _AGENTS)
    assert _lead(doc, "由发布单位负责") == [("发布单位", "text")]
    assert _lead(doc, "由制定部门开展") == [("制定部门", "text")]
    # (after the matter the part opens with)
    assert _lead(doc, "学习材料由承办部门") == [("承办部门", "text")]


_DOERS = [
    "中共示例大学委员会",
    "关于开展廉洁文化建设的实施方案",
    "为推进廉洁文化建设，制定本方案。",
    "一、主要活动",
    "（一）9月下旬，工会组织开展“廉洁家风”故事分享会。",
    "（二）图书馆9月中下旬举办廉洁主题书展。",
    "（三）编制期间，党委办公室安排专人分片联系指导。",
    "（四）宣传周期间，信息化中心实行网络安全24小时值班。",
    "（五）项目负责人登录管理系统填写《建设项目申报书》，于5月28日前提交所在学院。",
    "（六）课程负责人填写《示范课程申报书》，于5月14日前提交所在学院。",
    "中共示例大学委员会",
    "2027年3月1日",
]


def test_a_known_body_or_officer_opening_a_sentence_does_its_work(tmp_path):
    doc = _parse(tmp_path, _DOERS)
    # (工会组织 is one word to jieba: the body's name is cut out of it)
    assert _lead(doc, "工会组织开展") == [("工会", "text")]
    # (a time with two parts of a month between the name and its act)
    assert _lead(doc, "图书馆9月中下旬") == [("图书馆", "text")]
    # (安排, 实行, 登录 after the name: what it does, though they make no task alone)
    assert _lead(doc, "党委办公室安排专人") == [("党委办公室", "text")]
    assert _lead(doc, "信息化中心实行") == [("信息化中心", "text")]
    assert _lead(doc, "项目负责人登录") == [("项目负责人", "text")]
    # (a person in charge of a thing acts like a teacher or a trainee)
    assert _lead(doc, "课程负责人填写") == [("课程负责人", "text")]


def test_a_phrase_of_basis_cause_or_passage_names_no_doer(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "关于开展基层党建创新案例评选的实施方案",
        "为推进基层党建创新，制定本方案。",
        "一、评选安排",
        "（一）根据各二级学院组织参赛情况，评选优秀组织奖2个。",
        "（二）因学院调整需要撤销或者新设党组织的，应当先调整党组织设置，再按程序组织选举。",
        "（三）境外原版教材经学校教材工作委员会审核后方可使用。",
        "中共示例大学委员会",
        "2027年3月1日",
    ])
    for quote in ("根据各二级学院", "因学院调整", "境外原版教材经"):
        assert not any(d.basis == "text" for d in _row(doc, quote).lead), quote


def test_each_grade_is_no_cadence_and_a_bare_cadence_adds_nothing_to_a_dated_one(tmp_path):
    from pbdocs.lang.wording import time_limit

    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "辅导员队伍建设三年行动计划（2027—2029年）",
        "为加强辅导员队伍建设，制定本计划。",
        "一、配齐建强队伍",
        "1.人事处会同党委学生工作部于每年4月底前制定年度辅导员选聘计划。",
        "2.各学院按照每个年级至少1名的标准配备专职辅导员。",
        "中共示例大学委员会",
        "2027年3月1日",
    ])
    grade = _row(doc, "每个年级")
    assert not grade.recurrences and grade.kind != "recurring"
    plan = _row(doc, "每年4月底前")
    # the task book's cell: the dated cadence, not 每年4月30日；每年
    assert time_limit(plan.deadlines, plan.recurrences, plan.kind) == "每年4月30日"


def test_a_check_of_the_branches_activity_is_the_departments_and_a_logistics_plan_its_own(
        tmp_path):
    from pbdocs.extract.lexicon import load

    doc = _parse(tmp_path, [
        "中共示例大学委员会组织部",
        "关于开展2027年“三会一课”落实情况专项检查的通知",
        "各二级党组织：",
        "为推动“三会一课”制度落实，决定开展专项检查。现将有关事项通知如下。",
        "一、检查安排",
        "（一）因外出不在校的党支部，检查时间顺延至返校后两周内。",
        "（二）11月30日前形成专项检查报告，报学校党委。",
        "中共示例大学委员会组织部",
        "2027年10月8日",
    ])
    # a notice checking the branches' 三会一课 organises the check: not the branches' activity
    for quote in ("检查时间顺延", "形成专项检查报告"):
        assert [d.canonical for d in _row(doc, quote).lead] == ["党委组织部"], quote
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "后勤服务系统“党员先锋岗”创建实施方案",
        "为发挥党员先锋模范作用，制定本方案。",
        "一、主要措施",
        "（一）先锋岗实行一星至五星动态定级，每年12月评定一次。",
        "中共示例大学委员会",
        "2027年3月1日",
    ])
    # a plan about the logistics system's own party work: its committee does what names nobody
    assert _lead(doc, "动态定级") == [("后勤党委", "suggested")]
    # a body's full second name in brackets: its first name (not the kinds of 二级党委（党总支）)
    lex = load(())
    assert lex.canonical("后勤党委（后勤服务集团党委）") == "后勤党委"
    assert lex.canonical("二级党委（党总支）") == "二级党委（党总支）"


def test_a_limit_counted_from_a_dated_talk_or_contest_in_a_notice(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, [
        "中共示例大学委员会办公室",
        "关于做好2027年上半年主体责任落实情况约谈工作的通知",
        "各二级党组织：",
        "为压实全面从严治党主体责任，决定开展约谈工作。现将有关事项通知如下。",
        "一、约谈安排",
        "（一）约谈由党委书记或分管校领导进行，7月下旬集中开展。",
        "（二）被约谈单位要在约谈后15个工作日内向党委办公室书面报告整改情况。",
        "中共示例大学委员会办公室",
        "2027年7月1日",
    ])
    due = due_of(_row(doc, "约谈后15个工作日内"))
    # (15 working days after 7月31日, the end of 7月下旬)
    assert (due["kind"], due["end"], due["inferred"]) == ("by", "2027-08-20", True), due


def test_who_a_body_is_made_of_is_no_task_and_no_doer(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会宣传部",
        "关于举办2027年校园文化艺术节的通知",
        "各二级党组织，各部门：",
        "为繁荣校园文化，决定举办2027年校园文化艺术节。现将有关事项通知如下。",
        "一、组织机构",
        "艺术节设组委会，由分管校领导任主任，党委宣传部、校团委主要负责同志任副主任，学生工作部、"
        "教务处、保卫处、后勤处、图书馆负责同志为成员。组委会办公室设在校团委，负责各项活动的统筹"
        "协调。",
        "二、工作要求",
        "学院党委成立考核工作组，由分管组织工作的党委副书记任组长，党委有关部门负责同志为成员。",
        "中共示例大学委员会宣传部",
        "2027年9月1日",
    ])
    rows = [t.text for c in doc.clauses for t in c.tasks]
    # the members are no row of their own
    assert not any(r.startswith("学生工作部、教务处") for r in rows), rows
    # nor doers of the sentence that names them
    names = {d.name for d in _row(doc, "成立考核工作组").lead}
    assert "党委有关部门" not in names and "学生工作部" not in names, names


def test_a_per_meeting_rule_and_a_noun_of_completion_keep_their_readings(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, [
        "中共示例大学委员会教师工作部",
        "关于开展2027年师德宣讲活动的通知",
        "各二级学院：",
        "活动时间为11月1日至12月31日。现将有关事项通知如下。",
        "一、活动安排",
        "（一）党委教师工作部要从获奖案例完成人中遴选10名教师组建宣讲团，11月至12月到各二级学院"
        "巡回宣讲。",
        "（二）学院综合办公室负责会务，会议通知和材料于会前2个工作日送达参会人员。",
        "中共示例大学委员会教师工作部",
        "2027年10月20日",
    ])
    # 完成人 is a person, not a deliverable: the tour is held within its months
    due = due_of(_row(doc, "完成人中遴选"))
    assert (due["kind"], due.get("start")) == ("range", "2027-11-01"), due
    # a rule for each meeting (会前2个工作日) is not dated by the activity's span
    assert due_of(_row(doc, "会前2个工作日"))["kind"] == "ongoing"
