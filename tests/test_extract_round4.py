"""Round-4 extraction rules: spans counted in days, 三季度 without 第, a date's digits split by a
space, yearly quotas, a college's own plan (its officers act for its committee, 学院党委 is the
issuing committee), offices the institution itself names, meetings that are no department,
anniversaries and goal sections."""

from __future__ import annotations

import pytest
from taskhelp import find_task as _find
from taskhelp import tasks_of as _tasks

from pbdocs.extract.lexicon import load
from pbdocs.extract.recurrence import find_recurrences
from pbdocs.extract.timeexpr import find_deadlines

LEX = load()


def deadlines(text, doc_date="2025-02-10"):
    return [(f.deadline.kind, f.deadline.start, f.deadline.end)
            for f in find_deadlines(text, doc_date)]


def recurrences(text):
    return [(f.recurrence.period, f.recurrence.every, f.recurrence.on, f.recurrence.min_times)
            for f in find_recurrences(text, LEX)]


# ---- time ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("请于30日内报送整改报告", ("within", "2025-02-10", "2025-03-12")),
    ("5个工作日内报送材料", ("within", "2025-02-10", "2025-02-17")),
    ("两周内完成", ("within", "2025-02-10", "2025-02-24")),
])
def test_spans_counted_in_days(text, expected):
    assert deadlines(text) == [expected]


def test_span_in_days_after_an_event_sets_no_date():
    assert deadlines("对督查发现的问题，所属党组织应当在30日内完成整改") == []


def test_quarter_without_di():
    assert deadlines("三季度完成研究所党支部换届") == [("range", "2025-07-01", "2025-09-30")]


@pytest.mark.parametrize("text,expected", [
    ("为每个学生党支部配备指导老师，2025年1 0月底前", ("by", None, "2025-10-31")),
    ("10月2 0日前报送", ("by", None, "2025-10-20")),
])
def test_date_with_digits_split_by_a_space(text, expected):
    assert deadlines(text) == [expected]


def test_month_part_before():
    assert deadlines("10月上旬前完成") == [("by", None, "2025-10-10")]


@pytest.mark.parametrize("text,expected", [
    ("学院党委每两个月召开一次推进会", [("month", 2, None, 1)]),
    ("每半年分析研判1次意识形态形势", [("semester", None, None, 1)]),
    # (ten to twelve a year: about monthly, the cadence writers give it; round 25)
    ("全年集中学习不少于10次", [("month", None, None, 1)]),
    ("全年集中学习不少于8次", [("year", None, None, 8)]),
    ("每名党员年度集中学习培训不少于32学时", [("year", None, None, None)]),
    ("每年年底前完成述职评议", [("day", None, "12-31", None)]),
])
def test_yearly_quotas_and_year_end(text, expected):
    assert recurrences(text) == expected


@pytest.mark.parametrize("text", ["全年发展党员不少于6名", "2025年度集中学习不少于4次"])
def test_not_yearly_quotas(text):
    assert recurrences(text) == []


def test_yearly_quota_stays_with_its_work_unless_the_work_has_its_own_cadence():
    _, tasks = _tasks("""中共乙大学委员会2025年党建工作要点
一、理论学习
1.组织召开党委理论学习中心组专题学习，全年集中学习不少于12次。
2.学院党委理论学习中心组每月集中学习1次，全年开展专题研讨不少于4次。
""")
    one = _find(tasks, "全年集中学习不少于12次")
    # (twelve a year: read as monthly since round 25)
    assert one.text.startswith("组织召开") and [r.period for r in one.recurrences] == ["month"]
    quota = _find(tasks, "全年开展专题研讨")
    assert not quota.text.startswith("学院党委")  # its own row, yearly
    assert [r.period for r in quota.recurrences] == ["year"]


def test_split_date_digits_are_warned_about():
    from pbdocs.normalize import normalize

    _, warnings = normalize("一、任务\n1.为每个学生党支部配备指导老师，2025年1 0月底前完成。\n")
    assert [w.message for w in warnings if w.kind == "malformed_date"] == [
        "日期“2025年1 0月”中的数字被空格隔开，按“2025年10月”理解"]


# ---- who leads ----------------------------------------------------------------------------

COLLEGE = """中共甲大学化学学院委员会2025年党建工作安排
为贯彻落实学校党委部署，结合学院实际，制定本安排。
一、常态化工作
1.学院党委理论学习中心组每月集中学习1次。
2.学院党委书记每年至少为全院师生党员讲1次专题党课。
3.学院组织员每月底前完成各党支部组织生活纪实审核。
4.各党支部书记每学期至少讲1次党课。
二、重点工作
1.完成入党积极分子推优和确定工作。
中共甲大学化学学院委员会
2025年2月25日
"""


def test_a_colleges_own_plan_is_its_committees_work():
    doc, tasks = _tasks(COLLEGE)
    assert doc.issuer == "中共甲大学化学学院委员会"
    committee = "化学学院党委"  # as the university's task book writes the issuer
    # named in short, or through its officers: the issuing committee, basis text
    group = _find(tasks, "理论学习中心组每月")
    assert [(d.name, d.basis) for d in group.lead] == [(committee + "理论学习中心组", "text")]
    # its officers named as the doers lead as the text names them (FORMAT, round 12)
    for words, officer in (("学院党委书记每年", "学院党委书记"), ("学院组织员每月", "学院组织员")):
        assert [(d.name, d.basis) for d in _find(tasks, words).lead] == [(officer, "text")]
    # a branch's officer does the branch's work in person
    assert [d.canonical.removeprefix("各") for d in _find(tasks, "各党支部书记每学期").lead] == [
        "党支部书记"]
    # nobody named: the college committee, not the university's 组织部
    nobody = _find(tasks, "入党积极分子推优")
    assert [(d.name, d.basis) for d in nobody.lead] == [(committee, "suggested")]


INSTITUTE = """中共丙市农业科学院委员会2025年党建工作要点
一、组织建设
（一）做好发展党员工作，全年发展党员不少于6名。
（二）落实意识形态工作责任制，每半年分析研判1次意识形态形势。
（三）严格落实中央八项规定精神，持续纠治“四风”。
（四）各研究所党支部要于3月15日前将年度工作计划报党群工作部。
二、保障
院党委办公室、党群工作部、纪检监察室要加强统筹协调和督促检查。
中共丙市农业科学院委员会
2025年2月10日
"""


def test_suggestions_name_the_offices_the_institution_has():
    _, tasks = _tasks(INSTITUTE)
    # no 组织部 or 宣传部 in the text, a 党群工作部 that does their work
    assert [d.canonical for d in _find(tasks, "发展党员工作").lead] == ["党群工作部"]
    assert [d.canonical for d in _find(tasks, "意识形态工作责任制").lead] == ["党群工作部"]
    # 纪检监察室 is the 纪委's office here
    assert [(d.name, d.canonical) for d in _find(tasks, "八项规定").lead] == [
        ("纪检监察室", "纪委办公室")]
    # 院党委办公室 is the institute's 党委办公室
    joint = _find(tasks, "统筹协调")
    assert [d.canonical for d in joint.lead] == ["党委办公室", "党群工作部", "纪委办公室"]


def test_a_university_that_names_its_offices_keeps_the_usual_ones():
    _, tasks = _tasks("""中共丁大学委员会2025年党建工作要点
一、组织建设
1.做好发展党员工作，全年发展党员不少于60名。
2.各党群部门要加强协调合作。
""")
    assert [d.canonical for d in _find(tasks, "发展党员工作").lead] == ["党委组织部"]


# ---- the bundled plans' misses, as rules ---------------------------------------------------

def test_a_meeting_is_no_department():
    _, tasks = _tasks("""中共戊大学委员会关于推进学习教育常态化的实施方案
一、主要措施
1.领导班子民主生活会和党支部组织生活会要严肃认真开展批评和自我批评。
""")
    t = _find(tasks, "严肃认真开展批评")
    assert t.lead and all("会" not in d.name for d in t.lead)
    assert [d.basis for d in t.lead] == ["suggested"]


def test_an_anniversary_is_due_in_its_own_year():
    from pbdocs.extract.timeexpr import anniversary_due

    assert anniversary_due("开展中国共产党成立100周年庆祝活动", "2021-03-15").end == "2021-12-31"
    assert anniversary_due("隆重纪念新中国成立七十五周年", "2024-01-10").end == "2024-12-31"
    assert anniversary_due("庆祝建党100周年", "2025-01-01") is None  # already past
    _, tasks = _tasks("""中共己大学委员会加强基层党建三年行动计划（2021—2023年）
一、主要任务
1.开展中国共产党成立100周年庆祝活动，组织师生参观红色教育基地。
2.出台《二级党组织会议议事规则》。
中共己大学委员会
2021年3月15日
""")
    assert [d.end for d in _find(tasks, "100周年").deadlines] == ["2021-12-31"]
    assert [d.end for d in _find(tasks, "议事规则").deadlines] == ["2023-12-31"]


def test_doers_named_in_the_prose():
    _, tasks = _tasks("""中共庚大学委员会2025年党建工作要点
一、组织建设
1.每个学生党支部至少组织1次志愿服务。
2.每个二级学院配备1名专职副书记。
3.集团公司党委每两年对各所属企业党组织开展一次督查。
4.驻局纪检监察组每年对新任党组织书记开展廉政谈话。
5.深化清廉建设。三是驻局纪检监察组要加强日常监督。
""")
    def lead(words):
        return [(d.name, d.basis) for d in _find(tasks, words).lead]
    assert lead("每个学生党支部") == [("学生党支部", "text")]
    # each is equipped (by someone else): nobody named, a suggestion
    assert [d.basis for d in _find(tasks, "每个二级学院配备").lead] == ["suggested"]
    # a name ends before a time or a direction
    assert lead("集团公司党委每两年") == [("集团公司党委", "text")]
    assert lead("驻局纪检监察组每年") == [("驻局纪检监察组", "text")]
    assert lead("加强日常监督") == [("驻局纪检监察组", "text")]


def test_a_college_committee_member_named_as_the_doer_leads_as_named():
    _, tasks = _tasks(COLLEGE.replace("4.各党支部书记", "4.学院党委委员每学期至少参加1次所联系党支部的组织生活。\n5.各党支部书记"))
    assert [(d.name, d.basis) for d in _find(tasks, "学院党委委员每学期").lead] == [
        ("学院党委委员", "text")]


# ---- the scorer -----------------------------------------------------------------------------

def test_scorer_compares_canonical_names_without_a_places_proper_name():
    from pbdocs.extract.evaluate_tasks import _names

    lex = LEX
    gold = _names([{"name": "县教育局党委", "basis": "suggested"},
                   {"name": "组织部", "basis": "text"}], lex.canonical)
    from pbdocs.model import Dept

    pred = _names([Dept("栖梧县教育局党委", "栖梧县教育局党委", "suggested"),
                   Dept("党委组织部", "党委组织部", "text")], lex.canonical)
    assert gold == pred == {"县教育局党委": "suggested", "党委组织部": "text"}
    # two different bodies stay apart, and a short name keeps its place
    assert _names([{"name": "区委教育工委"}], lex.canonical) != _names(
        [Dept("临岫区委教育工作党委", "临岫区委教育工作党委")], lex.canonical)
    assert list(_names([{"name": "社区党支部"}], lex.canonical)) == ["社区党支部"]


def test_whole_year_and_this_years_plan():
    assert deadlines("全年发展党员不少于6名") == [("by", None, "2025-12-31")]
    assert deadlines("全年度") == []
    # put into the yearly plan: once and for all, not every year
    assert recurrences("要把党员教育培训纳入年度党建工作计划") == []
    _, tasks = _tasks("""中共辛大学委员会2025年党员教育培训工作计划
一、组织实施
1.各党总支要结合实际制定本单位年度党员教育培训计划，于3月20日前报党校备案。
2.各党支部每年年底前报送年度工作总结。
中共辛大学委员会
2025年2月10日
""")
    plan = _find(tasks, "年度党员教育培训计划")
    assert plan.kind == "once" and plan.recurrences == []
    assert [d.end for d in plan.deadlines] == ["2025-03-20"]
    yearly = _find(tasks, "年度工作总结")
    assert yearly.kind == "recurring"


NOTICE = """关于做好2025年“七一”表彰和走访慰问工作的通知
各党总支、直属党支部：
现将有关事项通知如下。
一、工作安排
（一）推荐评审。各党总支召开党员大会民主推荐，于6月1 0日前将推荐表报党委组织部。
（二）走访慰问。6月23日至7月4日，学院党委班子成员分别走访慰问生活困难党员；各党总支要同步开展走访慰问。
中共甲学院委员会组织部
2025年5月20日
"""


def test_a_notices_yearless_dates_and_a_window_opening_a_sentence():
    doc, tasks = _tasks(NOTICE)
    assert doc.date == "2025-05-20"
    rec = _find(tasks, "民主推荐")
    assert [(d.text, d.end) for d in rec.deadlines] == [("6月10日前", "2025-06-10")]
    # the window that opens the sentence holds for the branches' visits after the semicolon
    visits = _find(tasks, "同步开展走访慰问")
    assert [(d.start, d.end) for d in visits.deadlines] == [("2025-06-23", "2025-07-04")]


def test_no_doer_from_a_partner_or_a_recipient_and_duties_by_their_longer_words():
    _, tasks = _tasks("""中共壬大学委员会2025年党建工作要点
一、组织建设
1.联合党委教师工作部举办青年教师党员培训班。
2.完成上半年党费收缴情况自查，5月底前报学校党委组织部。
3.将党建工作经费纳入年度预算。
4.召开年度党风廉政建设工作会议，部署全面从严治党工作。
5.年内召开职工代表大会。
""")
    def leads(words):
        return [(d.canonical, d.basis) for d in _find(tasks, words).lead]
    assert all(b == "suggested" for _, b in leads("联合党委教师工作部"))
    assert all(b == "suggested" for _, b in leads("党费收缴情况自查"))
    assert leads("党建工作经费") == [("财务处", "suggested")]
    assert leads("党风廉政建设工作会议") == [("纪委", "suggested")]
    assert leads("职工代表大会") == [("工会", "suggested")]


def test_a_plan_whose_opening_names_the_college_committee():
    _, tasks = _tasks("""2024年化学与材料工程学院党委党支部建设实施方案
为深入落实学校党委部署，学院党委决定在全院开展党支部建设活动。
一、重点任务
1.学院党委成立活动工作专班，统筹推进各项工作。
2.严格执行发展党员工作规程。
""")
    assert [(d.name, d.basis) for d in _find(tasks, "成立活动工作专班").lead] == [
        ("化学与材料工程学院党委", "text")]
    assert [(d.name, d.basis) for d in _find(tasks, "发展党员工作规程").lead] == [
        ("化学与材料工程学院党委", "suggested")]


def test_a_party_group_meeting_is_the_branch_secretarys_in_the_college_draft():
    from pbdocs.generate.draft_rules import load_rules

    rules = load_rules()
    assert rules.role_for("党小组会议至少每月召开1次。") == "支部书记"
    assert rules.role_for("党员大会每季度召开1次") == "支部书记"


def test_a_corpus_names_its_own_combined_office(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "lexicon").mkdir(parents=True)
    (corpus / "plan.txt").write_text("""中共癸大学委员会2025年党建工作要点
一、组织建设
1.做好发展党员工作，全年发展党员不少于60名。
2.各党支部要于3月15日前将年度工作计划报党建工作部。
""", encoding="utf-8")
    (corpus / "lexicon" / "departments.tsv").write_text("党建工作部\t党建工作部\n",
                                                        encoding="utf-8")
    (corpus / "lexicon" / "office_cover.tsv").write_text("党建工作部\t党委组织部、党委宣传部\n",
                                                         encoding="utf-8")
    from pbdocs.corpus import Corpus

    doc = Corpus(corpus, tmp_path / "index").load("plan")
    members = next(t for c in doc.clauses for t in c.tasks if "发展党员工作" in t.text)
    assert [(d.canonical, d.basis) for d in members.lead] == [("党建工作部", "suggested")]


def test_a_half_year_after_a_verb_is_what_the_work_is_about():
    # 完成上半年党费收缴情况自查: the half-year whose dues; the limit is 5月底前
    assert deadlines("完成上半年党费收缴情况自查，5月底前报学校党委组织部") == [
        ("by", None, "2025-05-31")]
    assert deadlines("做好下半年发展党员工作") == []
    assert deadlines("上半年完成换届") == [("range", "2025-01-01", "2025-06-30")]


def test_a_count_whose_digits_a_space_split():
    from pbdocs.extract.targets import find_targets
    from pbdocs.normalize import normalize

    found = find_targets("全年发展学生党员不少于2 0名", LEX)
    assert [(f.target.op, f.target.value, f.target.unit) for f in found] == [(">=", 20, "名")]
    _, warnings = normalize("一、任务\n1.全年发展学生党员不少于2 0名。\n")
    assert "数量“2 0”中的数字被空格隔开，按“20”理解" in [w.message for w in warnings]


def test_each_body_after_the_work_it_is_part_of_is_its_own_task():
    _, tasks = _tasks("""中共子大学经济学院委员会2025年党建工作安排
一、重点工作
1.开展学雷锋志愿服务月活动，每个学生党支部至少组织1次志愿服务。
""")
    month = _find(tasks, "学雷锋志愿服务月活动")
    assert "每个学生党支部" not in month.text
    each = _find(tasks, "每个学生党支部")
    assert [(d.name, d.basis) for d in each.lead] == [("学生党支部", "text")]


def test_a_units_committee_meeting_is_the_committees_work():
    doc, tasks = _tasks("""中共丑县教育局委员会2024年党建工作要点
一、政治建设
1.深化理论学习。一是落实“第一议题”制度，局党委会议每次首先学习习近平总书记重要讲话精神。
2.学院党委会议原则上每月召开2次。
中共丑县教育局委员会
2024年2月1日
""")
    assert [(d.name, d.basis) for d in _find(tasks, "局党委会议每次").lead] == [
        ("丑县教育局党委", "text")]
