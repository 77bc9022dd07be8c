"""Tasks, who leads them (stated, named in the text, or suggested) and by when: the rules on
small plans written here, the bundled plans read row by row, and the task gold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from taskhelp import find_task as _find
from taskhelp import leads
from taskhelp import tasks_of as _tasks

from pbdocs.cli import main

ROOT = Path(__file__).resolve().parents[1]
TASK_GOLD = ROOT / "tests" / "gold" / "tasks" / "dev"
DEVCORPUS = ROOT.parent / "shared" / "devcorpus"
BUNDLED = ["hdu-2020-55", "jyu-2021-54", "nbpt-2020-sanji", "shifan-chuangjian-2020",
           "zju-2020-liangxue"]


PLAN = """中共甲大学委员会加强基层党建三年行动计划（2021-2023年）

为深入贯彻落实新时代党的建设总要求，结合学校实际，制定本方案。

一、总体要求

（一）指导思想
坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻新时代党的组织路线。

（二）工作目标
通过3年努力，基层党组织建设质量更加过硬，党员队伍更加坚强。

二、主要任务

1.规范组织生活。根据中央统一部署，2019年学校党委在全校党员中开展了主题教育。严格落实“三会一课”制度，每两年立项确定一批党建创新项目。出台《二级党组织会议议事规则》。成果形式主要包括：制度汇编；典型案例；研究报告。

2.加强党员发展。党委组织部对发展对象进行政治审查。考核合格的，列为预备党员；考核不合格的，延长考察期。组织部门要细化工作任务，各二级党组织要结合实际制定落实举措。

3.强化经费保障。加大基层党建经费投入。开展党建工作，是加强学校党的建设的重要举措。

中共甲大学委员会
2021年3月15日
"""


@pytest.fixture(scope="module")
def plan():
    return _tasks(PLAN, "jia-2021")


def test_headings_principles_goals_background_and_significance_are_not_tasks(plan):
    _, tasks = plan
    texts = " ".join(t.text for t in tasks)
    for words in ("指导思想", "坚持以习近平新时代", "更加过硬", "2019年学校党委", "制定本方案",
                  "是加强学校党的建设的重要举措"):
        assert words not in texts, words


def test_conditions_are_not_tasks_and_a_deliverable_list_stays_with_its_task(plan):
    _, tasks = plan
    assert not any(t.text.startswith("考核合格的") or t.text.startswith("考核不合格的")
                   for t in tasks)
    rule = _find(tasks, "议事规则")
    assert "典型案例" in rule.text and not any(t.text.startswith("典型案例") for t in tasks)


def test_kinds(plan):
    _, tasks = plan
    assert _find(tasks, "出台《二级党组织会议议事规则》").kind == "once"
    assert _find(tasks, "严格落实“三会一课”制度").kind == "ongoing"
    every = _find(tasks, "每两年立项")
    assert every.kind == "recurring"
    assert (every.recurrences[0].period, every.recurrences[0].every) == ("year", 2)


def test_nothing_of_a_2021_2023_plan_falls_after_it(plan):
    doc, tasks = plan
    ends = [d.end for c in doc.clauses for d in c.deadlines + [x for t in c.tasks
                                                              for x in t.deadlines] if d.end]
    assert ends and max(ends) <= "2023-12-31"
    rule = _find(tasks, "出台《二级党组织会议议事规则》")
    assert [(d.end, d.inferred) for d in rule.deadlines] == [("2023-12-31", True)]


def test_leads_stated_in_the_text_and_suggested_with_why(plan):
    _, tasks = plan
    review = _find(tasks, "对发展对象进行政治审查")
    assert [(d.canonical, d.basis) for d in review.lead] == [("党委组织部", "text")]
    # two doers in one sentence: two rows, each with its own
    org = _find(tasks, "组织部门要细化工作任务")
    assert [(d.canonical, d.basis) for d in org.lead] == [("党委组织部", "text")]
    colleges = _find(tasks, "各二级党组织要结合实际")
    assert [d.basis for d in colleges.lead] == ["text"] and colleges is not org
    money = _find(tasks, "加大基层党建经费投入")
    assert [(d.canonical, d.basis) for d in money.lead] == [("财务处", "suggested")]
    assert "经费" in money.lead[0].why


def test_a_corpus_lexicon_changes_who_is_suggested(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "lexicon").mkdir(parents=True)
    (corpus / "plan.txt").write_text(PLAN, encoding="utf-8")
    (corpus / "lexicon" / "duties.tsv").write_text("经费投入\t计划财务处\n", encoding="utf-8")
    from pbdocs.corpus import Corpus

    doc = Corpus(corpus, tmp_path / "index").load("plan")
    money = next(t for c in doc.clauses for t in c.tasks if "经费投入" in t.text)
    assert [(d.name, d.canonical, d.basis) for d in money.lead] == [
        ("计划财务处", "财务处", "suggested")]


def test_a_branch_gives_its_own_work_to_itself():
    text = ("中共某学院第一党支部关于规范组织生活的通知\n\n各党小组：\n\n"
            "一、每月召开一次支委会，研究支部工作。\n二、认真做好会议记录，及时归档。\n\n"
            "中共某学院第一党支部\n2022年3月1日\n")
    doc, tasks = _tasks(text, "branch")
    record = _find(tasks, "会议记录")
    assert record.lead and all(d.basis == "suggested" for d in record.lead)
    assert record.lead[0].name in ("各党小组", "中共某学院第一党支部")


def _suggested(tasks, words):
    t = _find(tasks, words)
    assert t.lead and all(d.basis == "suggested" and d.why for d in t.lead), t.lead
    return [d.canonical for d in t.lead]


def test_a_notice_about_branch_activities_gives_them_to_the_branches():
    text = ("各基层党委（党总支）、直属党支部：\n现就2023年3月份“支部主题党日”活动安排如下：\n"
            "一、活动内容\n（一）组织全体党员认真学习《中国共产党章程》。\n"
            "（二）结合实际，科学制定本支部年度工作计划。\n")
    _, tasks = _tasks(text, "month")
    assert _suggested(tasks, "学习《中国共产党章程》") == ["党支部"]
    text = ("关于开展2018年度学生党支部组织生活会的通知\n各学院党委、直属党支部：\n"
            "一、工作要求\n1.认真查摆问题，开展批评与自我批评。\n")
    _, tasks = _tasks(text, "student")
    assert _suggested(tasks, "查摆问题") == ["学生党支部"]


def test_a_notice_about_applying_goes_to_its_addressees():
    text = ("关于2023年度最佳党日活动优胜奖申报工作的通知\n各党总支、直属党支部：\n"
            "一、申报材料\n形成2500字左右申报材料，请于5月9日前报送。\n党委组织部\n2024年4月30日\n")
    _, tasks = _tasks(text, "apply")
    assert _suggested(tasks, "形成2500字") == ["各党总支", "直属党支部"]


def test_the_body_a_plan_opens_with_does_its_work():
    text = ("2025年党建工作要点\n县教育局机关党委将以习近平新时代中国特色社会主义思想为指导，推进党建工作。\n"
            "一、强化政治建设\n1.落实双重组织生活制度，提高组织生活质量。\n")
    _, tasks = _tasks(text, "points")
    assert _suggested(tasks, "双重组织生活") == ["机关党委"]  # its canonical name
    text = ("根据上级部署，材料学院将于今年7月起开展教育实践活动。\n"
            "一、主要任务\n1.召开学院的动员会，讨论制定实施方案。\n")
    _, tasks = _tasks(text, "college")
    assert _suggested(tasks, "动员会") == ["材料学院党委"]


def test_a_university_committee_divides_its_work_and_a_bureau_does_its_own():
    plan = ("关于加强党员发展工作的实施意见\n一、主要任务\n1.严格发展党员政治审查，规范程序。\n"
            "{signer}\n2021年3月15日\n")
    _, tasks = _tasks(plan.format(signer="中共宁波职业技术学院委员会"), "univ")
    assert _suggested(tasks, "政治审查") == ["党委组织部"]  # the duty table, not the issuer
    _, tasks = _tasks(plan.format(signer="中共某市某区教育局委员会"), "bureau")
    assert _suggested(tasks, "政治审查") == ["某市某区教育局党委"]  # 中共X委员会 → X党委


def test_a_hospital_divides_its_work_among_the_offices_it_has():
    plan = ("中共某市人民医院委员会关于加强党建工作的实施方案\n一、主要任务\n"
            "1.严格发展党员政治审查，规范程序。\n2.推进思政课改革创新，提高教学质量。\n"
            "中共某市人民医院委员会\n2023年3月15日\n")
    _, tasks = _tasks(plan, "hospital")
    assert _suggested(tasks, "政治审查") == ["党委组织部"]  # a hospital has one
    # nor 马克思主义学院 nor 教务处: the hospital's committee itself, still a suggestion
    t = _find(tasks, "思政课")
    assert leads(t) == [("某市人民医院党委", "suggested")]
    assert not t.support


def test_branches_hold_their_meetings_in_a_text_about_branches():
    text = ("关于加强教师党支部建设的实施意见\n一、严格组织生活\n"
            "1.党支部委员会会议每月至少召开1次。\n2.党支部书记每学期至少讲1次党课。\n"
            "3.严格发展党员政治审查，规范程序。\n"
            "中共某某大学委员会\n2023年3月15日\n")
    _, tasks = _tasks(text, "branches")
    assert _suggested(tasks, "党支部委员会会议") == ["教师党支部"]  # the meeting is held
    t = _find(tasks, "讲1次党课")
    assert leads(t) == [("教师党支部书记", "text")]  # (the kind the title names: round 33)
    assert _suggested(tasks, "政治审查") == ["党委组织部"]  # still the duty table


def _due(tasks, words):
    from pbdocs.extract.tasks import due_of

    t = _find(tasks, words)
    return t.kind, due_of(t)


def test_a_months_arrangement_holds_its_activities_in_that_month():
    text = ("各基层党委（党总支）、直属党支部：\n现就2023年3月份“支部主题党日”活动安排如下：\n"
            "一、活动内容\n（一）组织全体党员认真学习《中国共产党章程》。\n"
            "（二）聚焦2023年十大民生实事，科学制定工作计划。\n")
    _, tasks = _tasks(text, "month")
    for words in ("学习《中国共产党章程》", "科学制定工作计划"):
        kind, due = _due(tasks, words)
        assert kind == "once" and due == {"kind": "on", "start": "2023-03-01",
                                          "end": "2023-03-31", "inferred": True}, (words, due)


def test_a_short_stated_period_holds_activities_and_ends_deliverables():
    text = ("关于开展组织生活会的通知\n各党总支：\n一、工作时间\n2019年1月8日至2019年1月22日\n"
            "二、工作要求\n1.各党总支要组织力量督查指导，对党支部建设情况进行摸排分析。\n"
            "2.各党总支要形成工作总结材料。\n党委组织部\n2019年1月7日\n")
    _, tasks = _tasks(text, "short")
    assert _due(tasks, "督查指导")[1] == {"kind": "range", "start": "2019-01-08",
                                         "end": "2019-01-22", "inferred": True}
    assert _due(tasks, "形成工作总结")[1] == {"kind": "by", "start": None,
                                            "end": "2019-01-22", "inferred": True}


def test_a_years_items_without_genre_word_are_due_by_its_end():
    text = ("2011年度基层党组织建设考核评价项目\n一、基本组织\n1.建立党组织网络图，反映党组织体系。\n"
            "2.严格执行“三会一课”制度。\n")
    _, tasks = _tasks(text, "year")
    assert _due(tasks, "党组织网络图") == ("once", {"kind": "by", "start": None,
                                             "end": "2011-12-31", "inferred": True})
    assert _due(tasks, "三会一课")[1] == {"kind": "ongoing"}  # a standing duty goes on


def test_a_target_book_binds_its_bearer_and_dates_items_by_their_quarter():
    text = ("党工委统战部门(单位)2020年度(分季)目标责任书\n工作任务 | 目标及质量要求 |\n"
            "统战重点工作任务(55分) | 第一季度:开展宗教活动场所安全检查1次(9分);积极组织民营企业参与光彩事业(9分)。"
            "第二季度:组织召开统战工作领导小组会议1次(8分);走访调研会员企业3次(8分)。 |\n")
    _, tasks = _tasks(text, "book")
    assert len(tasks) == 4, [t.text for t in tasks]  # each item of a quarter is a row
    for t in tasks:
        assert [(d.name, d.canonical, d.basis) for d in t.lead] == [
            ("党工委统战部门", "党委统战部", "stated")]
    due = {k: _due(tasks, k)[1]["end"] for k in (
        "开展宗教活动场所安全检查1次", "积极组织民营企业参与光彩事业", "组织召开统战工作领导小组会议1次",
        "走访调研会员企业3次")}
    assert due == {"开展宗教活动场所安全检查1次": "2020-03-31", "积极组织民营企业参与光彩事业": "2020-03-31",
                   "组织召开统战工作领导小组会议1次": "2020-06-30", "走访调研会员企业3次": "2020-06-30"}


def test_a_branchs_responsibility_rules_name_their_doers():
    # 责任制 rules say who bears a duty without 要 after the name: 是第一责任人, 是X的…责任,
    # 对…负领导责任; a branch's 主要负责同志 is its secretary; what nobody is named for is the
    # branch's, a one-off closing a sentence is its own task, 每年年底 is a fixed day
    text = ("第一、做好意识形态工作,是党支部的重要政治责任,建立党支部统一领导的工作格局。\n"
            "第二、党支部书记和校长是第一责任人,要带头抓意识形态工作。\n"
            "第三、领导班子其他成员根据工作分工,对职责范围内的意识形态工作负领导责任。\n"
            "第四、将党建工作列入中心工作大局通盘考虑,制定出领导干部抓党建工作责任制。"
            "党支部主要负责同志认真履行第一责任人的职责,并确定一名领导班子成员负责直接抓党的建设工作。\n"
            "第五、每半年至少专题研究一次意识形态\n"
            "第六、每年年底向党总支报告一次全面工作情况。\n")
    _, tasks = _tasks(text, "rules")

    def lead(words):
        return [(d.canonical, d.basis) for d in _find(tasks, words).lead]

    assert lead("建立党支部统一领导") == [("党支部", "text")]
    assert lead("带头抓意识形态") == [("党支部书记", "text"), ("校长", "text")]
    assert lead("负领导责任") == [("领导班子其他成员", "text")]
    assert lead("认真履行第一责任人") == [("党支部书记", "text")]
    assert lead("列入中心工作大局") == [("党支部", "suggested")]
    assert _due(tasks, "通盘考虑")[0] == "ongoing" and _due(tasks, "制定出")[0] == "once"
    assert _find(tasks, "通盘考虑") is not _find(tasks, "制定出")
    assert _due(tasks, "每半年至少专题研究")[1]["recurrence"]["period"] == "semester"
    assert _due(tasks, "每年年底")[1]["recurrence"] == {"period": "day", "every": 1,
                                                      "on": "12-31"}


def test_a_colleges_rules_do_their_own_procedures():
    text = ("中共东山学院计算机学院委员会发展党员工作实施细则\n第一章 总则\n"
            "第一条 发展党员工作坚持“控制总量、优化结构、提高质量、发挥作用”的总要求。\n"
            "第二条 入党申请人向党支部提出入党申请后，党支部应当在一个月内派人同入党申请人谈话。\n"
            "第三条 党支部采取推荐和推优等方式产生入党积极分子人选，并报学院党委备案。\n"
            "第四条 建立入党积极分子培养档案。\n"
            "中共东山学院计算机学院委员会\n2023年3月1日\n")
    doc, tasks = _tasks(text, "college-rules")
    assert doc.institution == "东山学院"
    assert not any("总要求" in t.text for t in tasks)  # a principle
    talk = _find(tasks, "一个月内派人")
    assert _due(tasks, "一个月内派人")[1] == {"kind": "ongoing"}  # a month after the application
    assert [(d.canonical, d.basis) for d in talk.lead] == [("党支部", "text")]
    assert [(d.canonical, d.basis) for d in _find(tasks, "采取推荐").lead] == [("党支部", "text")]
    # what nobody is named for is the issuing college committee's own work
    assert [(d.name, d.basis) for d in _find(tasks, "培养档案").lead] == [
        ("计算机学院党委", "suggested")]


def test_a_notice_takes_its_year_and_a_damaged_date_reads_as_written():
    text = ("关于做好年度总结的通知\n\n各党总支：\n\n一、请于5月9日前报送总结材料。\n"
            "二、20215月开展总结验收。\n三、2022年春季学期完成支部书记轮训。\n\n"
            "党委组织部\n2021年4月20日\n")
    doc, tasks = _tasks(text, "notice")
    assert _find(tasks, "请于5月9日前").deadlines[0].end == "2021-05-09"
    damaged = _find(tasks, "开展总结验收").deadlines[0]
    assert (damaged.start, damaged.end) == ("2021-05-01", "2021-05-31")
    assert any(w.kind == "malformed_date" and "20215月" in w.message for w in doc.warnings)
    spring = _find(tasks, "春季学期").deadlines[0]
    assert (spring.start, spring.end) == ("2022-02-01", "2022-07-31")


def test_output_validates_against_v2_and_a_v1_reader_still_works(plan, schema, schema_v1):
    import jsonschema

    data = plan[0].to_dict()
    assert data["schema_version"] == "2"
    jsonschema.validate(data, schema)
    task = data["clauses"][-1]["tasks"][0]
    assert {"kind"} <= set(task) and {"basis", "why"} <= set(task["lead"][0])
    jsonschema.validate(dict(data, schema_version="1"), schema_v1)  # v2 only adds fields


# -- the bundled plans, row by row ---------------------------------------------------------

@pytest.mark.parametrize("doc_id", BUNDLED)
def test_every_row_of_the_task_book_and_timetable_is_a_task(parsed_corpus, doc_id):
    from pbdocs.generate.taskbook import taskbook_rows
    from pbdocs.generate.timetable import timetable_items
    from pbdocs.lang.text import fold

    doc = parsed_corpus[doc_id]
    gold = json.loads((TASK_GOLD / f"{doc_id}.json").read_text(encoding="utf-8"))
    not_tasks = [fold(q) for q in gold["not_tasks"]]
    quotes = [fold(t["quote"]) for t in gold["tasks"]]
    headings = {fold(s.heading) for s in doc.sections}
    rows = taskbook_rows(doc)
    assert rows
    for r in rows:
        f = fold(r.measure)
        assert f not in headings, r.measure  # a heading
        if not any(q in f for q in quotes):  # a row that holds no task of the gold …
            assert not any(q in f for q in not_tasks), r.measure  # … is not a non-task
        assert not re.match(r"^[^，,。；;]{1,30}的[，,]", r.measure), r.measure  # a condition
        assert len(f) > 6, r.measure  # a fragment
    for it in timetable_items(doc):  # every row says what is done, not only a heading …
        if it.deadline_text and it.deadline_text in it.label:
            continue  # … but a phase, 申报（2020年4月-5月）, is named by its heading
        assert fold(it.label) not in headings | {fold(s.heading or "") for s in doc.clauses}, \
            it.label


@pytest.mark.parametrize("doc_id", BUNDLED)
def test_bundled_task_books_have_a_lead_with_its_basis_in_nearly_every_row(parsed_corpus,
                                                                           doc_id):
    from pbdocs.generate.taskbook import lead_summary, taskbook_rows

    rows = taskbook_rows(parsed_corpus[doc_id])
    counts = lead_summary(rows)
    assert sum(counts.values()) == len(rows)
    assert counts["none"] <= 0.05 * len(rows), counts
    for c in parsed_corpus[doc_id].clauses:
        for t in c.tasks:
            assert all(d.basis in ("stated", "text", "suggested") for d in t.lead + t.support)
            assert all(d.why for d in t.lead if d.basis == "suggested")


def test_nothing_of_the_2021_2023_plan_falls_in_2024(parsed_corpus):
    doc = parsed_corpus["jyu-2021-54"]
    for c in doc.clauses:
        for t in c.tasks:
            for d in t.deadlines:
                assert (d.end or "") <= "2023-12-31", (t.text, d)


# -- the task gold ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def task_report():
    from pbdocs.extract.evaluate_tasks import evaluate_tasks

    if not DEVCORPUS.is_dir():
        pytest.skip("the shared devcorpus is not beside the checkout")
    return evaluate_tasks(TASK_GOLD, [ROOT / "corpus", DEVCORPUS])


def test_task_gold_scores_stay_above_their_floors(task_report):
    """Floors a little under what the rules reach on the tuning gold (benchmarks/gold_tasks.txt),
    so a change that makes them worse fails."""
    data = task_report.to_dict()
    # (round 1's held-out files joined the tuning gold after they were scored once)
    assert data["tasks"]["f1"] >= 0.95, data["tasks"]
    assert data["lead"]["f1"] >= 0.76, data["lead"]
    assert data["support"]["f1"] >= 0.76, data["support"]
    assert data["time_limit_agreement"]["rate"] >= 0.89
    assert data["kind_agreement"]["rate"] >= 0.91
    # (round 15: a sentence naming nobody no longer takes the doer of the sentence before, as
    # the gold of rounds 10-12 reads it; this older gold carried such doers as text, so more of
    # its rows are now suggestions that disagree with it: 0.725 -> 0.644. Lead F1 over all
    # tuning sets went 0.780 -> 0.793; tests/test_round15.py guards the newer gold.)
    assert data["suggested_agreement"]["rate"] >= 0.62


def test_round2_task_gold_scores_stay_above_their_floors():
    """Round 2's held-out texts (invented hospital, bureau, enterprise, college and branch
    texts), scored once and then tuned on (benchmarks/gold_tasks_heldout2.txt): floors a
    little under what the rules reach."""
    from pbdocs.extract.evaluate_tasks import evaluate_tasks

    data = evaluate_tasks(ROOT / "tests" / "gold" / "heldout2" / "tasks",
                          [ROOT / "tests" / "fixtures" / "heldout2" / "corpus"]).to_dict()
    assert data["tasks"]["f1"] >= 0.88, data["tasks"]
    assert data["lead"]["f1"] >= 0.64, data["lead"]
    assert data["suggested_agreement"]["rate"] >= 0.46, data["suggested_agreement"]
    assert data["time_limit_agreement"]["rate"] >= 0.80, data["time_limit_agreement"]


def test_bundled_plans_time_limits_agree_with_the_gold(task_report):
    per = {d["doc"]: d for d in task_report.to_dict()["per_document"]}
    agree = sum(per[d]["time_limit_agree"] for d in BUNDLED)
    total = sum(per[d]["found"] for d in BUNDLED)
    assert agree / total >= 0.9, (agree, total)


def test_evaluate_tasks_cli(runner, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "p.json").write_text(json.dumps({
        "doc_id": "p", "source": "p.txt", "tasks": [
            {"quote": "加大基层党建经费投入", "kind": "ongoing",
             "lead": [{"name": "财务处", "basis": "suggested"}], "support": [],
             "due": {"kind": "ongoing"}, "recurrence": None},
            {"quote": "根本不在文中的任务", "kind": "once",
             "lead": [{"name": "党委组织部", "basis": "text"}], "support": [],
             "due": {"kind": "undated"}, "recurrence": None}],
        "not_tasks": ["开展党建工作，是加强学校党的建设的重要举措"]}, ensure_ascii=False),
        encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "p.txt").write_text(PLAN, encoding="utf-8")
    r = runner.invoke(main, ["evaluate", "--tasks", "--gold", str(gold), "--corpus", str(corpus),
                             "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert (data["tasks"]["tp"], data["tasks"]["fn"]) == (1, 1)
    assert data["lead_by_basis"]["suggested"]["tp"] == 1
    assert data["suggested_agreement"]["agree"] >= 1 and data["not_task_rows"] == 0
    text = runner.invoke(main, ["evaluate", "--tasks", "--gold", str(gold), "--corpus",
                                str(corpus), "--errors"])
    assert text.exit_code == 0 and "漏任务：根本不在文中的任务" in text.output
    assert "工具建议的牵头部门与标注一致" in text.output
    bad = runner.invoke(main, ["evaluate", "--tasks", "--gold", str(tmp_path / "none")])
    assert bad.exit_code == 2 and "找不到标注目录" in bad.output


# -- what a person sees ---------------------------------------------------------------------

def test_taskbook_prints_the_lead_summary_and_no_suggest_leaves_suggestions_out(runner,
                                                                              tmp_path):
    src = tmp_path / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "tb.md"
    r = runner.invoke(main, ["taskbook", str(src), "--out", str(out), "--corpus",
                             str(tmp_path / "none"), "--index", str(tmp_path / "index")])
    assert r.exit_code == 0, r.output
    line = re.search(r"牵头部门：明确 (\d+)，文中 (\d+)，建议 (\d+)，未定 (\d+)", r.output)
    assert line and int(line.group(2)) >= 2 and int(line.group(3)) >= 1
    md = out.read_text(encoding="utf-8")
    assert "财务处（建议）" in md and "原文未写明由谁负责" in md
    r = runner.invoke(main, ["taskbook", str(src), "--out", str(out), "--no-suggest",
                             "--format", "json", "--corpus", str(tmp_path / "none"),
                             "--index", str(tmp_path / "index")])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["leads"]["suggested"] == 0
    md = out.read_text(encoding="utf-8")
    # (round 36: a row left without its suggestion says its lead is to be decided)
    assert "（建议）" not in md and "按工作性质提出的建议" not in md and "（待定）" in md


def test_parse_text_shows_each_task_with_the_basis_of_its_departments(runner, tmp_path):
    src = tmp_path / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    r = runner.invoke(main, ["parse", str(src), "--format", "text"])
    assert r.exit_code == 0, r.output
    assert "财务处〔建议：“经费" in r.output
    assert "党委组织部〔文中〕" in r.output or "组织部门（党委组织部）〔文中〕" in r.output
    assert "时限：2023年底前（据“2021-2023年”推定）" in r.output or (
        "时限：2023年底前（据“到2023年”推定）" in r.output)


def test_first_second_in_a_paragraph_are_requirements_not_copulas():
    text = ("2024年党建工作要点\n一、强化理论武装\n深化理论学习。一是落实“第一议题”制度，"
            "党委会议每次首先学习重要讲话精神。二是健全党组织书记和校长定期沟通制度。\n")
    _, tasks = _tasks(text, "points")
    _find(tasks, "落实“第一议题”制度")
    _find(tasks, "健全党组织书记和校长定期沟通制度")


def test_a_limit_counted_from_taking_office_is_relative():
    text = ("关于加强党支部书记队伍建设的实施意见\n一、加强培训\n"
            "1.新任党支部书记任职后3个月内完成岗位培训。\n中共某某大学委员会\n2023年10月12日\n")
    _, tasks = _tasks(text, "office")
    assert _due(tasks, "岗位培训")[1] == {"kind": "ongoing"}  # every new secretary, not a date


def test_a_part_of_a_month_and_a_run_in_phase_date_are_ranges():
    text = ("2024年党支部建设活动实施方案\n一、实施步骤\n"
            "（一）动员部署阶段（3月中旬—3月底）。学院党委召开全院党支部建设动员会。\n"
            "（二）培训阶段。党委组织部于5月中旬举办专题培训班。\n"
            "中共某某学院计算机学院委员会\n2024年3月11日\n")
    _, tasks = _tasks(text, "phases")
    kind, due = _due(tasks, "动员会")
    assert (due["kind"], due["start"], due["end"]) == ("range", "2024-03-11", "2024-03-31")
    kind, due = _due(tasks, "专题培训班")
    assert (due["kind"], due["start"], due["end"]) == ("range", "2024-05-11", "2024-05-20")
