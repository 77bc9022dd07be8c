"""Tasks, who leads them (stated, named in the text, or suggested) and by when: the rules on
small plans written here, the bundled plans read row by row, and the task gold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pbdocs.cli import main
from pbdocs.model import Source
from pbdocs.parse import parse_text

ROOT = Path(__file__).resolve().parents[1]
TASK_GOLD = ROOT / "tests" / "gold" / "tasks" / "dev"
DEVCORPUS = ROOT.parent / "shared" / "devcorpus"
BUNDLED = ["hdu-2020-55", "jyu-2021-54", "nbpt-2020-sanji", "shifan-chuangjian-2020",
           "zju-2020-liangxue"]


def _tasks(text: str, doc_id: str = "t"):
    src = Source(path=f"/nonexistent/{doc_id}.txt", format="txt", sha256="0" * 64)
    doc = parse_text(text, doc_id=doc_id, source=src)
    return doc, [t for c in doc.clauses for t in c.tasks]


def _find(tasks, words: str):
    hits = [t for t in tasks if words in t.text]
    assert hits, (words, [t.text for t in tasks])
    return hits[0]


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
    assert data["tasks"]["f1"] >= 0.94, data["tasks"]
    assert data["lead"]["f1"] >= 0.70, data["lead"]
    assert data["support"]["f1"] >= 0.76, data["support"]
    assert data["time_limit_agreement"]["rate"] >= 0.83
    assert data["kind_agreement"]["rate"] >= 0.9
    assert data["suggested_agreement"]["rate"] >= 0.65


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
    assert "（建议）" not in md and "原文未写明由谁负责" not in md


def test_parse_text_shows_each_task_with_the_basis_of_its_departments(runner, tmp_path):
    src = tmp_path / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    r = runner.invoke(main, ["parse", str(src), "--format", "text"])
    assert r.exit_code == 0, r.output
    assert "财务处〔建议：“经费" in r.output
    assert "党委组织部〔文中〕" in r.output or "组织部门（党委组织部）〔文中〕" in r.output
    assert "时限：2023年底前（按方案期限）" in r.output
