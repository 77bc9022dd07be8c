"""Check a held-out gold set (round 2 on) against its texts (data checks only; pbdocs is not
imported).

Usage: python tests/gold/validate_heldout.py tests/gold/heldoutN [--written]
(--written: only the texts that have a task file in the folder, for a second, independent
labelling of some texts of a set: tests/gold/second/heldoutN)
(each set's own validate_gold.py runs this on its folder; the texts are tests/fixtures/heldoutN/corpus)
Checks: every JSON file loads and has the fields of its format; outline strings (title, issuer,
文号, recipients, notice, headings, starts/ends/contains/note) occur in the text; every task quote
is 8-25 characters and occurs exactly once in its text after removing whitespace and NFKC
folding; every task has at least one lead, every department a basis; department names that the
lexicon lists as aliases are written in their canonical form; due, kind and recurrence agree.
Added in round 3 (round 2's set passes them too): every text is 1,300-1,800 characters; every
task's clause is a clause path of the outline gold; a due's kind agrees with the task's kind
(by/range/on/undated -> once).
Prints per text: characters, sections, clauses, tasks and leads by basis. Exit code 1 on a problem.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WRITTEN = sys.argv[2:] == ["--written"]
if len(sys.argv) != 2 + WRITTEN or not Path(sys.argv[1]).is_dir():
    sys.exit("usage: python tests/gold/validate_heldout.py tests/gold/heldoutN [--written]")
GOLD = Path(sys.argv[1]).resolve()
CORPUS = ROOT / "tests" / "fixtures" / GOLD.name / "corpus"
BASES = ("stated", "text", "suggested")
KINDS = {"once", "recurring", "ongoing"}
PERIODS = {"week", "month", "quarter", "semester", "year", "term_of_office", "day"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
OUTLINE_KEYS = ("id", "note", "title", "kind", "issuer", "institution", "doc_number", "date",
                "recipients", "notice", "sections", "clauses")
TASK_KEYS = ("doc_id", "source", "plan_period", "doc_date", "note", "tasks", "not_tasks")


def fold(s: str) -> str:
    """NFKC, whitespace and zero-width spaces removed: how quotes are matched."""
    return re.sub(r"[\s\u200b]+", "", unicodedata.normalize("NFKC", s))


def lexicon() -> dict[str, str]:
    out = {}
    path = ROOT / "pbdocs" / "lexicon" / "departments.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and "\t" in line:
            alias, canonical = line.split("\t")[:2]
            out[alias] = canonical
    return out


def check_outline(doc_id: str, text: str, errs: list[str]) -> dict:
    o = json.loads((GOLD / "outline" / f"{doc_id}.json").read_text(encoding="utf-8"))
    # the tool's normalised text drops page markers such as —2— (a clause may span one)
    plain = re.sub(r"—\d+—", "", text)
    for k in OUTLINE_KEYS:
        if k not in o:
            errs.append(f"{doc_id}: outline lacks {k}")
    if o["id"] != doc_id:
        errs.append(f"{doc_id}: outline id {o['id']}")
    for k in ("title", "issuer", "doc_number"):
        if o[k] and fold(o[k]) not in text:
            errs.append(f"{doc_id}: {k} not in text: {o[k]}")
    bare_title = re.sub(r"[（(][^（(]*[)）]$", "", o["title"] or "")
    if o["kind"] and not bare_title.endswith(o["kind"]):
        errs.append(f"{doc_id}: kind {o['kind']} is not the end of the title")
    if o["date"] and not DATE.match(o["date"]):
        errs.append(f"{doc_id}: date {o['date']}")
    for r in o["recipients"]:
        if fold(r) not in text:
            errs.append(f"{doc_id}: recipient not in text: {r}")
    if o["notice"]:
        for k in ("title", "body"):
            if o["notice"][k] and fold(o["notice"][k]) not in text:
                errs.append(f"{doc_id}: notice {k} not in text")
    sections = [tuple(s["path"]) for s in o["sections"]]
    clauses = [tuple(c["path"]) for c in o["clauses"]]
    if len(set(sections)) != len(sections) or len(set(clauses)) != len(clauses):
        errs.append(f"{doc_id}: duplicate path")
    for s in o["sections"]:
        if s["number"] != s["path"][-1] or fold(s["heading"]) not in plain:
            errs.append(f"{doc_id}: section {s['path']}")
        if len(s["path"]) > 1 and tuple(s["path"][:-1]) not in sections:
            errs.append(f"{doc_id}: section {s['path']} has no parent")
    for c in o["clauses"]:
        if len(c["path"]) > 1 and tuple(c["path"][:-1]) not in sections:
            errs.append(f"{doc_id}: clause {c['path']} has no parent section")
        for k in ("heading", "starts", "ends", "contains", "note"):
            if c.get(k) and fold(c[k]) not in plain:
                errs.append(f"{doc_id}: clause {c['path']} {k} not in text: {c[k]}")
    return o


def check_due(doc_id: str, task: dict, period: dict | None, errs: list[str]) -> None:
    due, kind, rec, q = task["due"], task["kind"], task["recurrence"], task["quote"]
    dk = due["kind"]
    if dk in ("by", "range", "on"):
        ok = "inferred" in due and DATE.match(due["end"]) and kind != "recurring"
        if dk != "by":
            ok = ok and DATE.match(due["start"]) and due["start"] <= due["end"]
        if ok and period and due["inferred"]:
            ok = period["start"] <= due["end"] <= period["end"]
        if not ok:
            errs.append(f"{doc_id}: due {due} of {q}")
    elif (dk, kind) not in (("recurring", "recurring"), ("ongoing", "ongoing"),
                            ("undated", "once")):
        errs.append(f"{doc_id}: due {dk} with kind {kind}: {q}")
    if kind == "recurring":
        if rec is not None and (rec["period"] not in PERIODS or not isinstance(rec["every"], int)):
            errs.append(f"{doc_id}: recurrence of {q}")
    elif rec is not None:
        errs.append(f"{doc_id}: recurrence on a {kind} task: {q}")


def check_tasks(doc_id: str, text: str, lex: dict[str, str], errs: list[str],
                clause_paths: set[tuple[str, ...]]) -> dict:
    d = json.loads((GOLD / "tasks" / f"{doc_id}.json").read_text(encoding="utf-8"))
    for k in TASK_KEYS:
        if k not in d:
            errs.append(f"{doc_id}: tasks lack {k}")
    if d["doc_id"] != doc_id or not (ROOT / d["source"]).exists():
        errs.append(f"{doc_id}: doc_id or source")
    quotes = []
    leads = dict.fromkeys(BASES, 0)
    for task in d["tasks"]:
        q = fold(task["quote"])
        quotes.append(q)
        if not 8 <= len(q) <= 25:
            errs.append(f"{doc_id}: quote of {len(q)} characters: {task['quote']}")
        if text.count(q) != 1:
            errs.append(f"{doc_id}: quote found {text.count(q)} times: {task['quote']}")
        if task["kind"] not in KINDS:
            errs.append(f"{doc_id}: kind {task['kind']}")
        if not task["lead"]:
            errs.append(f"{doc_id}: no lead: {task['quote']}")
        for role in ("lead", "support"):
            for dept in task[role]:
                if dept.get("basis") not in BASES:
                    errs.append(f"{doc_id}: basis of {dept}")
                if lex.get(dept["name"], dept["name"]) != dept["name"]:
                    errs.append(f"{doc_id}: {dept['name']} is not canonical")
        for dept in task["lead"]:
            leads[dept["basis"]] = leads.get(dept["basis"], 0) + 1
        check_due(doc_id, task, d["plan_period"], errs)
        if tuple(task["clause"]) not in clause_paths:
            errs.append(f"{doc_id}: clause {task['clause']} is not an outline clause: {task['quote']}")
        if task["due"]["kind"] in ("by", "range", "on", "undated") and task["kind"] != "once":
            errs.append(f"{doc_id}: due {task['due']['kind']} on a {task['kind']} task: {task['quote']}")
    for q in d["not_tasks"]:
        f = fold(q)
        if f not in text or any(f in x or x in f for x in quotes):
            errs.append(f"{doc_id}: not_task missing or overlapping a task: {q}")
    d["_leads"] = leads
    return d


def docx_text(path: Path) -> str:
    """A .docx text: the body paragraphs, then each table row's cells (a merged cell once)."""
    import docx  # python-docx, needed only when a set holds .docx texts

    d = docx.Document(str(path))
    lines = [p.text for p in d.paragraphs]
    for table in d.tables:
        seen = []  # the cell elements met (kept alive, so identity holds)
        for row in table.rows:
            cells = []
            for cell in row.cells:
                if not any(cell._tc is tc for tc in seen):
                    seen.append(cell._tc)
                    cells.append(cell.text)
            lines.append("\t".join(cells))
    return "\n".join(lines)


def main() -> int:
    lex = lexicon()
    errs: list[str] = []
    totals = [0, 0, 0, dict.fromkeys(BASES, 0)]
    files = sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.docx"))
    if WRITTEN:
        files = [p for p in files if (GOLD / "tasks" / f"{p.stem}.json").exists()]
    for path in files:
        doc_id = path.stem
        raw = docx_text(path) if path.suffix == ".docx" else path.read_text(encoding="utf-8")
        text = fold(raw)
        if not 1300 <= len(raw) <= 1800:
            errs.append(f"{doc_id}: {len(raw)} characters, outside 1,300-1,800")
        o = check_outline(doc_id, text, errs)
        d = check_tasks(doc_id, text, lex, errs, {tuple(c["path"]) for c in o["clauses"]})
        leads = d["_leads"]
        print(f"{doc_id:<60} {len(raw):>5} chars  sections {len(o['sections']):>2}  "
              f"clauses {len(o['clauses']):>2}  tasks {len(d['tasks']):>2}  leads "
              + " ".join(f"{b} {leads[b]}" for b in BASES))
        totals[0] += len(o["sections"])
        totals[1] += len(o["clauses"])
        totals[2] += len(d["tasks"])
        for b in BASES:
            totals[3][b] += leads[b]
    print(f"{len(files)} texts: {totals[0]} sections, {totals[1]} clauses, {totals[2]} tasks, "
          "leads " + " ".join(f"{b} {totals[3][b]}" for b in BASES))
    print("\n".join(errs) if errs else "OK")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
