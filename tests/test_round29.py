"""Round 29 (issue 12): doers the prose names though their names hold a verb."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row

_NOTICE = [
    "中共示例大学委员会研究生工作部",
    "关于加强2027年研究生党支部建设的通知",
    "各培养单位党组织：",
    "为加强研究生党支部建设，现将有关事项通知如下。",
    "一、工作安排",
    "1．各培养单位要在4月底前对现有研究生党支部开展一次摸底排查。",
    "2．各培养单位于6月10日前将实践团名单报研究生工作部。",
    "3．心理健康教育中心要在每年5月集中开展主题宣传活动。",
    "4．各实习支队要结合实习学校实际开展一次理论宣讲。",
    "二、有关要求",
    "对落实不力的单位要进行通报。",
    "中共示例大学委员会研究生工作部",
    "2027年3月1日",
]


def _leads(doc, words):
    return {(d.canonical, d.basis) for d in _row(doc, words).lead}


def test_a_body_whose_name_holds_a_verb_is_the_named_doer(tmp_path):
    doc = _parse(tmp_path, _NOTICE)
    # 培养 and 教育 are verbs, but 各 opens the name, or the body is asked (要) to do it
    for words, name in (("摸底排查", "培养单位"), ("实践团名单", "培养单位"),
                        ("主题宣传活动", "心理健康教育中心"), ("理论宣讲", "实习支队")):
        leads = _leads(doc, words)
        assert len(leads) == 1, (words, leads)
        (canonical, basis), = leads
        assert name in canonical and basis == "text", (words, leads)


def test_a_phrase_opening_with_a_preposition_is_no_doer(tmp_path):
    doc = _parse(tmp_path, _NOTICE)
    # 对…单位要… names whom the work is done to, not who does it
    row = _row(doc, "进行通报")
    assert row.lead and all(not d.name.startswith("对") for d in row.lead), row.lead


_BATCHES = [
    "共青团示例大学委员会",
    "关于做好2027年“推优入党”工作的通知",
    "各二级学院团委：",
    "为做好推优入党工作，现将有关事项通知如下。",
    "一、推优程序",
    "（一）各团支部于4月10日前召开团员大会进行推荐。",
    "（二）二级学院团委于4月20日前完成审核公示。",
    "二、秋季批次安排",
    "各二级学院团委于10月中旬启动民主推荐，11月底前完成审核和报送。",
    "三、工作要求",
    "（一）做好跟踪培养。团支部要每季度了解一次其思想和学习情况。“七一”前后，组织被推荐团员"
    "开展一次主题团日活动。",
    "共青团示例大学委员会",
    "2027年3月8日",
]


def test_one_batchs_dated_heading_is_not_the_notices_period(tmp_path):
    doc = _parse(tmp_path, _BATCHES)
    # 秋季批次 dates one batch; the notice's work runs from spring, so “七一” is its July 1
    row = _row(doc, "主题团日活动")
    assert [(d.kind, d.start, d.end) for d in row.deadlines] == [
        ("on", "2027-07-01", "2027-07-01")], row.deadlines


_SENT_TO = [
    "中共示例大学委员会宣传部",
    "关于开展2027年师生理论宣讲活动的通知",
    "各二级党组织：",
    "现将有关事项通知如下。",
    "一、工作安排",
    "（一）各二级党组织根据宣讲菜单点单预约，原则上提前一周报党委宣传部统筹安排。",
    "（二）宣讲提纲实行审核备案制度，由所在单位党组织负责审核。",
    "（三）宣讲项目立项后一个月内报党委宣传部备案。",
    "（五）后勤服务中心、图书馆等部门要明确窗口岗位服务育人职责。",
    "（四）谈话结束后，纪委办公室要在10月底前将谈话记录整理归档，同时抄送党委组织部存入干部档案。",
    "中共示例大学委员会宣传部",
    "2027年3月1日",
]


def test_whom_the_work_is_sent_to_is_not_a_doer(tmp_path):
    doc = _parse(tmp_path, _SENT_TO)
    names = {d.name for c in doc.clauses for t in c.tasks for d in t.lead + t.support
             if d.basis == "text"}
    # 报党委宣传部, 抄送党委组织部: where the work goes, never a doer's name
    assert not any(w in n for n in names for w in ("报", "抄送", "原则上", "提前")), names
    # 由所在单位党组织负责: the unit each one is in, named without 所在
    assert _leads(doc, "负责审核") == {("单位党组织", "text")}


def test_a_list_of_bodies_ends_before_its_collective_word(tmp_path):
    doc = _parse(tmp_path, _SENT_TO)
    # 后勤服务中心、图书馆等部门要…: the two named, not “图书馆等部门”
    names = {d.name for d in _row(doc, "服务育人职责").lead}
    assert "图书馆" in names and not any("等部门" in n for n in names), names


_MID_NOTE = [
    "中共示例大学委员会",
    "关于印发《2027—2031年干部教育培训规划》的通知",
    "一、主要任务",
    "（四）创新方式方法。2027年底前建成干部网络学习平台，开设专题课程。"
    "（牵头单位：党委组织部；配合单位：信息化中心）党校要加强案例教学、现场教学和研讨式教学，"
    "每两年评选一批精品课程和优秀案例。",
    "（五）加强党费工作。每学期对党支部组织委员开展一次业务培训。"
    "（责任单位：各二级党组织；配合单位：党委组织部）第三季度，各二级党组织要开展一次党费工作自查。",
    "中共示例大学委员会",
    "2027年3月1日",
]


def test_a_note_with_a_semicolon_in_mid_item_is_one_note(tmp_path):
    doc = _parse(tmp_path, _MID_NOTE)
    rows = [t for c in doc.clauses for t in c.tasks]
    # the note is neither a row of its own nor the item's closing note swallowing the text
    assert not any(t.text.lstrip().startswith(("（", "配合单位")) for t in rows), [
        t.text for t in rows]
    assert _leads(doc, "干部网络学习平台") == {("党委组织部", "stated")}
    assert {(d.canonical, d.basis) for d in _row(doc, "干部网络学习平台").support} == {
        ("信息化中心", "stated")}
    # the sentence after the note is kept, with the doer it names
    assert _leads(doc, "案例教学") == {("党校", "text")}
    assert _leads(doc, "业务培训") == {("各二级党组织", "stated")}


_POINTS = [
    "中共示例学院委员会",
    "示例学院党委2027年党建工作要点",
    "2027年学院党建工作的总体要求是：以党的政治建设为统领，全面提高党建工作质量。"
    "现将2027年党建工作要点印发如下。各党支部要结合实际制定本支部年度工作计划，"
    "于3月15日前报学院党委备案。各牵头单位是任务落实的第一责任单位，要会同配合单位制定推进计划，"
    "于每月25日前将进展情况报党委办公室。",
    "一、加强政治建设",
    "（一）学院党委理论学习中心组每月集中学习1次。",
    "中共示例学院委员会",
    "2027年2月20日",
]


def test_a_plans_preamble_may_ask_a_named_body_for_something_by_a_date(tmp_path):
    doc = _parse(tmp_path, _POINTS)
    row = _row(doc, "制定本支部年度工作计划")
    assert {(d.canonical, d.basis) for d in row.lead} == {("党支部", "text")}, row.lead
    assert [(d.kind, d.end) for d in row.deadlines] == [("by", "2027-03-15")], row.deadlines
    # X是…第一责任单位，要会同…: X does it, and no name holds 会同
    names = {d.name for d in _row(doc, "制定推进计划").lead}
    assert names and all("会同" not in n and "牵头单位" in n for n in names), names
    # the preamble's reasons stay out
    assert not any("总体要求" in t.text for c in doc.clauses for t in c.tasks)


_OPENING_NOTE = [
    "中共示例大学委员会",
    "关于学习宣传贯彻全国教育大会精神的实施方案",
    "为深入学习宣传贯彻全国教育大会精神，制定本方案。",
    "一、深化研究阐释",
    "（牵头单位：社科处；配合单位：马克思主义学院）依托马克思主义学院开展研究阐释。"
    "2028年第一季度设立一批专项研究课题。每两年编印一次研究成果汇编。",
    "二、加强宣传报道",
    "党委宣传部要在校园网开设专栏。",
    "中共示例大学委员会",
    "2027年9月20日",
]


def test_a_note_opening_a_sections_text_speaks_for_it(tmp_path):
    doc = _parse(tmp_path, _OPENING_NOTE)
    # the note opens the text and the work follows it: the work is kept, and is the note's
    for words in ("开展研究阐释", "专项研究课题", "研究成果汇编"):
        assert _leads(doc, words) == {("社科处", "stated")}, words
    assert _row(doc, "开展研究阐释").text.startswith("依托")


_INSPECTION = [
    "中共示例大学委员会巡察工作领导小组办公室",
    "关于开展2027年第一轮校内巡察工作的通知",
    "各二级党组织：",
    "现将有关事项通知如下。",
    "一、工作安排",
    "（一）4月7日，各巡察组分别召开巡察工作动员会。",
    "（二）巡察组每周五向党委巡察办报送工作动态，于5月底前形成巡察报告。",
    "中共示例大学委员会巡察工作领导小组办公室",
    "2027年3月20日",
]


def test_an_inspection_team_is_the_named_doer(tmp_path):
    doc = _parse(tmp_path, _INSPECTION)
    for words in ("巡察工作动员会", "报送工作动态"):
        leads = _leads(doc, words)
        assert leads and all("巡察组" in n and b == "text" for n, b in leads), (words, leads)


def test_a_task_books_row_does_not_repeat_the_note_its_columns_show(tmp_path):
    from pbdocs.generate.taskbook import taskbook_rows

    doc = _parse(tmp_path, _MID_NOTE)
    row = next(r for r in taskbook_rows(doc) if "干部网络学习平台" in r.measure)
    assert "牵头单位" not in row.measure and row.measure.endswith("专题课程。"), row.measure
    assert "党委组织部" in row.lead and "信息化中心" in row.support, (row.lead, row.support)


_SANCTIONS = [
    "中共示例大学委员会组织部",
    "关于做好2027年党费收缴、使用和管理工作的通知",
    "各二级党组织：",
    "现将有关事项通知如下。",
    "一、严格党费管理",
    "（一）各党支部要按月收缴党费。对挪用、侵占党费的，依规依纪严肃处理。",
    "（二）对转接不及时、造成党员失联的，予以通报批评。",
    "二、考核验收",
    "（一）考核合格的，继续进行下阶段建设；考核不合格的，限期整改。",
    "中共示例大学委员会组织部",
    "2027年2月26日",
]


def test_a_sanction_after_a_condition_is_a_standing_duty_and_a_condition_is_not(tmp_path):
    doc = _parse(tmp_path, _SANCTIONS)
    rows = [t for c in doc.clauses for t in c.tasks]
    for words in ("依规依纪严肃处理", "予以通报批评"):
        row = _row(doc, words)
        assert row.kind == "ongoing" and row.lead, (words, row.kind, row.lead)
    # what follows from an assessment's result is a condition, not a row
    assert not any("考核合格的" in t.text or "限期整改" in t.text for t in rows), [
        t.text for t in rows]
