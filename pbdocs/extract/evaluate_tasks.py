"""Task-level quality against hand-made gold (`tests/gold/tasks/`, format in its FORMAT.md):
which tasks were found, who leads and supports them (overall and per basis), how suggested leads
agree with the hand labels, and whether time limits and kinds agree.

Matching: a predicted task matches a gold task when its text contains the gold `quote` (widths
and spaces folded). Precision counts the predicted tasks that contain at least one gold quote;
recall the gold tasks whose quote some predicted task contains. The fields of a gold task are
compared with the first predicted task that contains its quote and no earlier gold task's
(the same item repeated in two quarters is two rows, taken in reading order). Department
names go through the alias table, so 组织部 matches 党委组织部."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pbdocs.errors import InputError
from pbdocs.extract.evaluate import Score
from pbdocs.lang.text import fold
from pbdocs.model import BASES, Document, Task


@dataclass
class TaskReport:
    """Counts of one task-level scoring run, and every disagreement."""

    documents: int = 0
    gold_tasks: int = 0
    predicted_tasks: int = 0
    tasks: Score = field(default_factory=Score)
    lead: Score = field(default_factory=Score)
    support: Score = field(default_factory=Score)
    # per basis: precision by the predicted department's basis, recall by the gold one's
    lead_by_basis: dict[str, Score] = field(default_factory=lambda: {b: Score() for b in BASES})
    support_by_basis: dict[str, Score] = field(
        default_factory=lambda: {b: Score() for b in BASES})
    basis_agree: Counter = field(default_factory=Counter)  # "same" / "other" for shared names
    # rows whose lead pbdocs suggested / whose hand lead is suggested: (agree, total)
    suggested_rows: Counter = field(default_factory=Counter)
    gold_suggested_rows: Counter = field(default_factory=Counter)
    due: Counter = field(default_factory=Counter)  # agree / total over matched gold tasks
    kind: Counter = field(default_factory=Counter)
    not_task_rows: int = 0  # predicted rows holding a quote the gold lists as not a task
    led_rows: int = 0  # predicted rows with at least one lead
    per_document: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The report as JSON data."""
        def rate(c: Counter) -> dict:
            n = c["total"]
            return {"agree": c["agree"], "total": n,
                    "rate": round(c["agree"] / n, 4) if n else None}

        return {
            "documents": self.documents, "gold_tasks": self.gold_tasks,
            "predicted_tasks": self.predicted_tasks,
            "tasks": self.tasks.to_dict(), "lead": self.lead.to_dict(),
            "support": self.support.to_dict(),
            "lead_by_basis": {b: s.to_dict() for b, s in self.lead_by_basis.items()},
            "support_by_basis": {b: s.to_dict() for b, s in self.support_by_basis.items()},
            "basis_agreement": {"agree": self.basis_agree["same"],
                                "total": sum(self.basis_agree.values())},
            "suggested_agreement": rate(self.suggested_rows),
            "suggested_overlap": {"agree": self.suggested_rows["overlap"],
                                  "total": self.suggested_rows["total"]},
            "gold_suggested_agreement": rate(self.gold_suggested_rows),
            "time_limit_agreement": rate(self.due),
            "kind_agreement": rate(self.kind),
            "not_task_rows": self.not_task_rows,
            "lead_coverage": {"rows": self.predicted_tasks, "with_lead": self.led_rows},
            "per_document": self.per_document,
            "errors": self.errors,
        }


# -- the gold -----------------------------------------------------------------------------

def load_gold(gold_dir: str | Path) -> list[tuple[Path, dict]]:
    """(file, data) of every task-gold JSON file of `gold_dir`, in name order."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise InputError(f"找不到标注目录：{gold_dir}")
    out = []
    for p in sorted(gold_dir.glob("*.json")):
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
            if not isinstance(data.get("tasks"), list):
                raise KeyError("tasks")
            for t in data["tasks"]:
                if not t.get("quote"):
                    raise KeyError("quote")
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise InputError(f"任务标注文件格式不对：{p.name}（{e}）") from e
        out.append((p, data))
    if not out:
        raise InputError(f"标注目录中没有 JSON 文件：{gold_dir}")
    return out


def find_source(gold_file: Path, data: dict, corpus_dirs: list[Path]) -> Path:
    """The text a gold file annotates: its `source` (relative to the working folder or to a
    folder above the gold file), else the document of that id in one of `corpus_dirs`."""
    from pbdocs.corpus import Corpus

    source = data.get("source")
    if source:
        for base in [Path.cwd(), *gold_file.resolve().parents]:
            cand = base / source
            if cand.is_file():
                return cand
    doc_id = data.get("doc_id") or gold_file.stem
    for d in corpus_dirs:
        if Path(d).is_dir():
            files = Corpus(d).files()
            if doc_id in files:
                return files[doc_id]
    raise InputError(f"找不到标注文档“{doc_id}”的原文。")


# -- what is compared -----------------------------------------------------------------------

def task_due(task: Task) -> dict:
    """A task's time limit in the gold's terms: by/range/on with dates, recurring with its
    cadence, ongoing, or undated (the order the task book's 完成时限 column follows)."""
    from pbdocs.extract.tasks import due_of

    return due_of(task)


_SAME_CADENCE = {("month", 6): ("semester", 1), ("month", 3): ("quarter", 1),
                 ("month", 12): ("year", 1)}


def _due_key(due: dict) -> tuple:
    kind = due.get("kind")
    if kind == "recurring":
        rec = due.get("recurrence") or {}
        period = rec.get("period")
        # a fixed day every year: the model says period "day" with `on`, a person "year"
        period = "year" if period == "day" else period
        # `on` is a day (MM-DD); heldout4's gold writes 1 there for every-two-months rows
        # (每两个月评选一次: a count, not a day), which says no day
        on = rec.get("on") if isinstance(rec.get("on"), str) else None
        every = rec.get("every") or 1
        # the same cadence written two ways: 每半年 as every 6 months or once a semester
        period, every = _SAME_CADENCE.get((period, every), (period, every))
        return (kind, period, every, on)
    if kind in ("by", "within"):
        return ("by", due.get("end"))
    if kind in ("range", "on"):
        return (kind, due.get("start"), due.get("end"))
    return (kind,)


def _gold_due_key(gold: dict) -> tuple:
    due = dict(gold.get("due") or {"kind": "undated"})
    if due.get("kind") == "recurring":
        due["recurrence"] = gold.get("recurrence") or {}
    return _due_key(due)


def predicted_tasks(doc: Document) -> list[Task]:
    """Every task of a parsed document, in reading order (the task book's rows)."""
    return [t for c in doc.clauses for t in c.tasks]


def score_document(report: TaskReport, doc: Document, gold: dict,
                   canonical=lambda n: n) -> None:
    """Add one parsed document's agreement with its task gold to `report`."""
    canonical = _own_committee_free(canonical, doc.institution)
    tasks = predicted_tasks(doc)
    folded = [fold(t.text) for t in tasks]
    due_before, kind_before = Counter(report.due), Counter(report.kind)
    lead_before = (report.lead.tp, report.lead.fp, report.lead.fn)
    hit_rows: set[int] = set()
    compared: set[int] = set()
    found = 0
    doc_id = gold.get("doc_id") or doc.id
    for g in gold["tasks"]:
        q = fold(g["quote"])
        rows = [i for i, f in enumerate(folded) if q and q in f]
        hit_rows.update(rows)
        if not rows:
            report.errors.append({"doc": doc_id, "quote": g["quote"], "field": "task",
                                  "missed": True})
            continue
        found += 1
        # the same words in two rows (an item repeated in each quarter): gold tasks take
        # them in reading order
        row = next((i for i in rows if i not in compared), rows[0])
        compared.add(row)
        _compare(report, doc_id, g, tasks[row], canonical)
    not_quotes = [fold(q) for q in gold.get("not_tasks", []) if q]
    for i, f in enumerate(folded):
        if i not in hit_rows and any(q in f for q in not_quotes):
            report.not_task_rows += 1
    for i, t in enumerate(tasks):
        if i not in hit_rows:
            report.errors.append({"doc": doc_id, "text": t.text, "field": "task",
                                  "extra": True})
    tp_rows = len(hit_rows)
    report.tasks.tp += found
    report.tasks.fn += len(gold["tasks"]) - found
    report.tasks.fp += len(tasks) - tp_rows
    report.documents += 1
    report.gold_tasks += len(gold["tasks"])
    report.predicted_tasks += len(tasks)
    report.led_rows += sum(1 for t in tasks if t.lead)
    due, kind = report.due - due_before, report.kind - kind_before
    lead = (report.lead.tp - lead_before[0], report.lead.fp - lead_before[1],
            report.lead.fn - lead_before[2])
    report.per_document.append({
        "doc": doc_id, "gold": len(gold["tasks"]), "predicted": len(tasks), "found": found,
        "rows_matching": tp_rows, "with_lead": sum(1 for t in tasks if t.lead),
        "lead_tp_fp_fn": list(lead), "time_limit_agree": due["agree"],
        "kind_agree": kind["agree"]})


# the proper name of a place before its unit (栖梧县教育局党委 → 县教育局党委): canonical names
# are institution-free (departments.tsv), so a body is compared without it
_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,3}?(?=[省市县区州旗](?!委员会))")
# likewise a university's proper name before one of its colleges (岑湾大学经济与管理学院党委 →
# 经济与管理学院党委, 鹭岩学院环境与资源学院党委 → 环境与资源学院党委, 澄湖医科大学附属第一医院
# 党委 → 附属第一医院党委): the college's or hospital's body, named with or without its university
_UNIVERSITY = re.compile(r"^[\u4e00-\u9fff]{2,6}?(?:大学|学院)"
                         r"(?=[\u4e00-\u9fff]{2,}?(?:学院|系|研究院|医院)"
                         r"[\u4e00-\u9fff]{0,8}?(?:党委|党总支|党支部|委员会|$))")
# a university's own committee named with or without the university (棠茂大学党委 = 党委)
_OWN_COMMITTEE = re.compile(r"^[\u4e00-\u9fff]{2,6}?大学(?=党委(?:常委会|理论学习中心组)?$)")
# a college's own text names its body without the college's proper name (学院党总支 for
# 化学与材料学院党总支): the generic form and the proper one are one body
_COLLEGE = re.compile(r"^[\u4e00-\u9fff]{1,10}?(?=学院(?:党委|党总支|党支部|委员会|组织员))")


def _own_committee_free(canonical, institution: str | None):
    """`canonical` with the document's own institution's committee named without the
    institution (临川工业职业技术学院党委 = 党委 in that college's own document), as
    `_OWN_COMMITTEE` does for any 大学: one body, named with or without its name. Only the
    document's own institution, one that divides its work among departments (a college, a
    hospital: `lexicon/body_kinds.tsv`), so a college's committee in a university's text stays
    itself."""
    from pbdocs.extract.suggest import body_kind

    inst = (institution or "").strip()
    if not inst or body_kind(inst) is None:
        return canonical  # (a bureau's committee, 县教育局党委, is compared as written)

    # (a 学院's own text calls it 学院 or 院: 学院党委, 院党委 are its committee)
    short = ("学院", "院") if inst.endswith("学院") else ()

    def named(name: str) -> str:
        out = canonical(name)
        for body in ("党委", "党委常委会", "党委理论学习中心组", "纪委"):
            if out == inst + body or any(out == s + body for s in short):
                return body
        return out
    return named


def _key(name: str, canonical) -> str:
    """A department's name for comparison: its canonical name without the 各 / 学校 that only
    say "every" or "of the university" (各党支部 = 党支部, 学校党校 = 党校, 学校各级党组织 =
    各级党组织: 各级 is one word), and without a place's proper name before its unit
    (栖梧县教育局党委 = 县教育局党委: one body, named with or without it) or a university's
    before its college (岑湾大学经济与管理学院党委 = 经济与管理学院党委)."""
    name = canonical(name)
    bare = _UNIVERSITY.sub("", _PLACE.sub("", name))
    if bare != name and len(bare) >= 4:
        name = canonical(bare)
    name = _OWN_COMMITTEE.sub("", name)
    for prefix in ("学校", "各"):  # 学校各二级党组织 → 二级党组织; 各级 is one word (every level)
        rest = name[len(prefix):]
        if name.startswith(prefix) and len(rest) > 1 and not rest.startswith("级"):
            name = canonical(rest)
    return name


def _names(items, canonical) -> dict[str, str]:
    """Comparable name → basis of gold dicts or model Depts."""
    out: dict[str, str] = {}
    for d in items or []:
        if isinstance(d, dict):
            name, basis = d.get("name") or d.get("canonical"), d.get("basis") or "stated"
        else:
            name, basis = d.canonical or d.name, d.basis
        out.setdefault(_key(name, canonical), basis)
    return out


def _same_college(gold: dict[str, str], pred: dict[str, str]) -> dict[str, str]:
    """`pred` with a college's proper name matched to the generic form on the other side
    (gold 学院党总支, predicted 化学与材料学院党总支, or the other way round): only when one
    side names the college generically, so two different colleges never meet."""
    out: dict[str, str] = {}
    for name, basis in pred.items():
        if name not in gold:
            bare = _COLLEGE.sub("", name)
            if bare != name and bare in gold:
                name = bare
            else:
                proper = [n for n in gold if n not in pred and _COLLEGE.sub("", n) == name
                          and n != name]
                if len(proper) == 1:
                    name = proper[0]
        out.setdefault(name, basis)
    return out


def _compare(report: TaskReport, doc_id: str, g: dict, t: Task, canonical) -> None:
    for fld, total, per_basis in (("lead", report.lead, report.lead_by_basis),
                                  ("support", report.support, report.support_by_basis)):
        gold, pred = _names(g.get(fld), canonical), _names(getattr(t, fld), canonical)
        pred = _same_college(gold, pred)
        for name, basis in pred.items():
            ok = name in gold
            total.tp += ok
            total.fp += not ok
            per_basis[basis].tp += ok
            per_basis[basis].fp += not ok
        for name, basis in gold.items():
            if name not in pred:
                total.fn += 1
                per_basis[basis].fn += 1
        if fld == "lead":
            for name in set(gold) & set(pred):
                report.basis_agree["same" if gold[name] == pred[name] else "other"] += 1
            if pred and all(b == "suggested" for b in pred.values()):
                report.suggested_rows["total"] += 1
                report.suggested_rows["agree"] += set(pred) == set(gold)
                report.suggested_rows["overlap"] += bool(set(pred) & set(gold))
            if gold and all(b == "suggested" for b in gold.values()):
                report.gold_suggested_rows["total"] += 1
                report.gold_suggested_rows["agree"] += set(pred) == set(gold)
        if set(gold) != set(pred) or any(gold[n] != pred[n] for n in set(gold) & set(pred)):
            report.errors.append({"doc": doc_id, "quote": g["quote"], "field": fld,
                                  "gold": gold, "predicted": pred,
                                  "why": [d.why for d in getattr(t, fld) if d.why]})
    due_g, due_p = _gold_due_key(g), _due_key(task_due(t))
    report.due["total"] += 1
    report.due["agree"] += due_g == due_p
    if due_g != due_p:
        report.errors.append({"doc": doc_id, "quote": g["quote"], "field": "due",
                              "gold": list(due_g), "predicted": list(due_p)})
    report.kind["total"] += 1
    report.kind["agree"] += g.get("kind") == t.kind
    if g.get("kind") != t.kind:
        report.errors.append({"doc": doc_id, "quote": g["quote"], "field": "kind",
                              "gold": g.get("kind"), "predicted": t.kind})


def evaluate_tasks(gold_dir: str | Path, corpus_dirs: list[str | Path] = ()) -> TaskReport:
    """Parse every document of a task-gold folder afresh and score its tasks."""
    from pbdocs.extract import lexicon
    from pbdocs.lang.lexicon import extension_dirs
    from pbdocs.parse import parse_file, slugify

    report = TaskReport()
    for path, data in load_gold(gold_dir):
        src = find_source(path, data, [Path(d) for d in corpus_dirs])
        doc_id = data.get("doc_id") or slugify(src.name)
        lex = lexicon.load(extension_dirs(str(src)))
        score_document(report, parse_file(src, doc_id=doc_id), data, lex.canonical)
    return report
