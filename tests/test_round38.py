"""Round 38 (issue 12): the doer a sentence opens with, when no lexicon knows it."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row

_PLAN = [
    "中共示例大学委员会",
    "关于开展“我为师生办实事”实践活动的实施方案",
    "各二级党组织、各部门：",
    "为推动实践活动走深走实，结合学校实际，制定本方案。",
    "一、主要任务",
    "（一）牵头部门要对照清单制定办理方案，细化措施和时间节点。",
    "（二）学生社团每学期开展文化活动不少于2次。",
    "（三）选派人员于6月28日前到村报到。",
    "（四）培训期间，学员每半天签到一次。",
    "（五）各临床学院每季度召开一次实习生座谈会。",
    "二、保障措施",
    "（一）学院每年12月召开一次党员领导干部民主生活会。",
    "（二）基层团组织建设经费纳入学校年度预算。",
    "（三）新任党支部书记须在任职后3个月内参加岗前培训。",
    "（四）党员组织关系转接须在一个月内办结。",
    "（五）校领导带队走访慰问离退休老党员。",
    "中共示例大学委员会",
    "2027年2月20日",
]


def _lead(doc, quote):
    return [(d.name, d.basis) for d in _row(doc, quote).lead]


def test_a_doer_the_lexicons_do_not_know_leads_as_the_text_names_it(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    assert _lead(doc, "牵头部门要对照清单") == [("牵头部门", "text")]
    assert _lead(doc, "学生社团每学期开展") == [("学生社团", "text")]
    assert _lead(doc, "选派人员于6月28日前") == [("选派人员", "text")]
    # (after a time that opens the sentence)
    assert _lead(doc, "学员每半天签到一次") == [("学员", "text")]
    assert _lead(doc, "各临床学院每季度召开") == [("临床学院", "text")]


def test_what_only_looks_like_an_opening_doer_is_still_suggested(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    # the institution itself, a name cut inside a word (团|组织), a member's records, a
    # leader's act (带队): divided by duty, as before (the officer told to take a training
    # does it since round 42: test_round42)
    for quote in ("学院每年12月召开一次", "基层团组织建设经费",
                  "党员组织关系转接", "校领导带队走访慰问"):
        lead = _row(doc, quote).lead
        assert lead and all(d.basis == "suggested" for d in lead), quote


_LEADERS = [
    "中共示例大学委员会",
    "关于实行校领导联系基层制度的实施办法",
    "各二级党组织、各部门：",
    "为密切联系师生，制定本办法。",
    "一、联系内容",
    "（一）校领导每学期到联系学院调研不少于2次。",
    "（二）选派人员于6月28日前到村报到，由校领导带队送岗。",
    "（三）完善党委联系服务专家制度，校领导每人联系2—3名高层次人才。",
    "二、培训安排",
    "（一）学员须在开班前完成平台上的6学时线上预习课程。",
    "（二）新任党支部书记须在任职后3个月内参加岗前培训。",
    "中共示例大学委员会",
    "2027年2月20日",
]


def test_the_leaders_a_sentence_opens_with_and_the_trainees_do_its_work(tmp_path):
    doc = _parse(tmp_path, _LEADERS)
    assert _lead(doc, "校领导每学期到联系学院") == [("校领导", "text")]
    # (the one the sentence opens with, not the leader named after it)
    assert _lead(doc, "选派人员于6月28日前") == [("选派人员", "text")]
    lead = _row(doc, "完善党委联系服务专家制度").lead
    assert lead and all(d.basis == "suggested" for d in lead)
    # a class's trainees do their own coursework, though the sentence counts 学时
    assert _lead(doc, "学员须在开班前完成") == [("学员", "text")]
    # a secretary the sentence tells to take a training does it (round 42; it was divided by
    # duty until then)
    assert _lead(doc, "新任党支部书记须在任职后") == [("新任党支部书记", "text")]


def test_a_day_range_with_its_weekdays_in_brackets_is_one_range():
    from pbdocs.extract.timeexpr import find_deadlines

    def found(text):
        return [(f.deadline.kind, f.deadline.start, f.deadline.end)
                for f in find_deadlines(text, "2027-04-20")]

    assert found("5月17日（星期一）至21日（星期五），共5天。") == [
        ("range", "2027-05-17", "2027-05-21")]
    assert found("5月17日(周一)至21日(周五)集中培训。") == [("range", "2027-05-17", "2027-05-21")]


def test_a_leading_group_set_up_with_its_office_is_set_up_by_that_office(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会", "关于开展2027年党员冬训工作的实施方案", "各二级党组织：",
        "为做好冬训工作，制定本方案。", "一、组织领导",
        "（一）学校成立冬训工作领导小组，党委书记任组长，领导小组办公室设在党委组织部。",
        "（二）各二级党组织要制定本单位冬训方案。",
        "中共示例大学委员会", "2027年11月20日"])
    lead = _row(doc, "学校成立冬训工作领导小组").lead
    # a suggestion (the text says where its office sits, not who sets it up), with its words
    assert [(d.canonical, d.basis, d.why) for d in lead] == [
        ("党委组织部", "suggested", "句中写明领导小组办公室设在党委组织部")]


def test_the_units_named_by_their_part_in_the_work_lead_as_written(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会办公室", "关于分解落实2027年党建工作要点任务的通知", "各二级党组织、各部门：",
        "现将有关事项通知如下。", "一、工作要求",
        "（一）配合部门要按照牵头部门的安排承担相应工作。",
        "（二）由牵头单位每学期末报送一次阶段性进展。",
        "中共示例大学委员会办公室", "2027年3月1日"])
    assert _lead(doc, "配合部门要按照") == [("配合部门", "text")]
    assert _lead(doc, "由牵头单位每学期末") == [("牵头单位", "text")]


def test_a_holiday_written_short_in_its_quotes_is_its_day():
    from pbdocs.extract.lexicon import load
    from pbdocs.extract.recurrence import find_recurrences

    def on(text):
        return [(f.recurrence.period, f.recurrence.on) for f in find_recurrences(text, load())]

    assert on("每年“三八”节前后组织女教职工健康讲座。") == [("day", "03-08")]
    assert on("每年“八一”前后走访慰问在役学生家庭。") == [("day", "08-01")]
    # (an award named after the day is no date)
    assert on("每年评选“三八红旗手”。") == [("year", None)]
