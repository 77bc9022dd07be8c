"""A 二级学院's implementation plan drafted from the university's plan: the clauses that concern
a college, restated with the college as the subject, a task table to the month and to the role,
phases, and the guarantees — a context for `templates/draft.md.j2`."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pbdocs.errors import InputError
from pbdocs.generate.draft_rules import DEFAULT_ROLES, DraftRules, load_rules, read_roles_file
from pbdocs.model import Clause, Deadline, Document, Recurrence, Target, Task

TEMPLATE = "draft"  # templates/draft.md.j2

Month = tuple[int, int]

# A responsibility note left in the text by a reader or an older parse, e.g. "(牵头部门:组织部)".
_ARTEFACT = re.compile(
    r"[（(]\s*(?:牵头|配合|责任|协同|协办|主办)(?:部门|单位)\s*[:：][^（）()]*[)）]")
_SENT_END = re.compile(r"(?<=[。；;！？!?])")
_PUNCT = re.compile(r"[\s，,。；;：:、“”\"‘’'（）()《》〈〉！!？?—\-·]")
_PERIOD_WORDS = {"week": "每周", "month": "每月", "quarter": "每季度", "semester": "每学期",
                 "year": "每年", "term_of_office": "每届"}


# ---------------------------------------------------------------- small helpers

def clean(text: str) -> str:
    """Text without responsibility-note artefacts and stray spaces."""
    return re.sub(r"[ \u3000\u00a0]+(?=[\u4e00-\u9fff“”（），。、；：])", "",
                  _ARTEFACT.sub("", text or "")).strip()


def sentences(text: str) -> list[str]:
    """Split text after 。；！？ into non-empty sentences."""
    return [s.strip() for s in _SENT_END.split(text or "") if s.strip()]


def _key(text: str) -> str:
    return _PUNCT.sub("", text)


def _bigrams(text: str) -> set[str]:
    k = _key(text)
    return {k[i:i + 2] for i in range(len(k) - 1)}


def _similar(a: str, b: str, threshold: float = 0.8) -> bool:
    x, y = _bigrams(a), _bigrams(b)
    if not x or not y:
        return _key(a) == _key(b)
    return len(x & y) / min(len(x), len(y)) >= threshold


def parse_month(value: str) -> Month:
    """`2021-03` (or `2021-03-31`) → (2021, 3); raises InputError for anything else."""
    m = re.fullmatch(r"\s*(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?\s*", value or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise InputError(f"开始月份“{value}”格式不对，应写成 YYYY-MM，如 2021-03。")
    return int(m.group(1)), int(m.group(2))


def add_months(m: Month, k: int) -> Month:
    """The month k months after m (k may be negative)."""
    n = m[0] * 12 + (m[1] - 1) + k
    return n // 12, n % 12 + 1


def month_text(m: Month) -> str:
    """(2021, 6) → `2021年6月`."""
    return f"{m[0]}年{m[1]}月"


def _iso_month(m: Month) -> str:
    return f"{m[0]:04d}-{m[1]:02d}"


def committee_name(college: str) -> str:
    """The college's party committee: `计算机与信息工程学院` → `中共计算机与信息工程学院委员会`."""
    name = college.strip()
    if name.startswith("中共") and name.endswith("委员会"):
        return name
    for suffix in ("党委员会", "党委"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return f"中共{name}委员会"


def cite(doc: Document, clause: Clause) -> str:
    """Where a clause sits in the source, in words: path [二, 7] → `第二部分第7条`."""
    path = [p for p in clause.path if p]
    if not path or path[0] == "0":
        return "前言"
    parts = [f"第{path[0]}部分", *path[1:-1]]
    if len(path) > 1:
        last = path[-1]
        parts.append(f"第{last}条" if re.fullmatch(r"\d+", last) else last)
    elif clause.number is None:
        # An un-numbered paragraph directly under a heading: count its place in that section.
        same = [c for c in doc.clauses if c.path == clause.path and c.number is None]
        if len(same) > 1:
            parts.append(f"第{same.index(clause) + 1}段" if clause in same else "")
    return "".join(parts)


# ---------------------------------------------------------------- reading the source

def _tasks(clause: Clause) -> list[Task]:
    """The clause's actionable sentences: the extraction's tasks, else its sentences."""
    if clause.tasks:
        return clause.tasks
    return [Task(text=s) for s in sentences(clean(clause.text))]


def _is_heading(task_text: str, clause: Clause) -> bool:
    if not clause.heading:
        return False
    return _key(task_text) == _key(clause.heading)


def _deadline_end(deadlines: list[Deadline]) -> str | None:
    ends = [d.end for d in deadlines if d.end]
    return min(ends) if ends else None


def _to_month(iso: str) -> Month:
    return int(iso[:4]), int(iso[5:7])


_CADENCE_HEAD = re.compile(
    r"^(?:每|定期)[两二三四五六七八九十半]?个?(?:周|月|季度|学期|学年|年|届)?")


def _cadence(recs: list[Recurrence]) -> str | None:
    """The first recurrence as a cadence a person reads: `每学期至少1次`, `每两年`, `每年10月`."""
    for r in recs:
        if r.period == "day" and r.on and re.fullmatch(r"\d{2}-\d{2}", r.on):
            return f"每年{int(r.on[:2])}月"
        head = _CADENCE_HEAD.match(clean(r.text))
        word = head.group(0) if head and len(head.group(0)) > 1 else _PERIOD_WORDS.get(r.period)
        if not word:
            continue
        if r.min_times:
            least = "至少" if re.search(r"至少|不少于|不低于", r.text) else ""
            return f"{word}{least}{r.min_times}次"
        return word
    return None


@dataclass
class _Pick:
    """A source clause chosen for the draft and the tasks of it that the college takes on."""

    clause: Clause
    tasks: list[Task]
    formal: bool  # the college is the clause's lead or support department


def _parties(rules: DraftRules, names: list[str]) -> bool:
    return any(rules.has("college", n) or rules.has("member", n) for n in names)


def _dept_names(depts) -> list[str]:
    return [x for d in depts for x in (d.name, d.canonical) if x]


def _concerns(rules: DraftRules, clause: Clause, doc: Document) -> tuple[bool, bool]:
    """(the clause concerns a college, the college is formally lead or support): a college or
    its people is lead, support or actor, the text names a college or binds all units, or the
    section it sits in is about colleges' party organisations."""
    formal = _parties(rules, _dept_names(clause.lead + clause.support))
    actor = _parties(rules, clause.actors)
    text = clean(clause.text)
    named = rules.has("college", text) or rules.has("all_units", text)
    section = any(rules.has("college", s.heading) for s in doc.ancestors(clause))
    return formal or actor or named or section, formal


def _college_tasks(rules: DraftRules, clause: Clause, formal: bool) -> list[Task]:
    """The clause's tasks that a college does, in order (never the heading alone)."""
    actors = [a for a in clause.actors if rules.has("college", a) or rules.has("member", a)]
    out = []
    for t in _tasks(clause):
        text = clean(t.text)
        if not text or _is_heading(text, clause) or rules.has("university_only", text):
            continue
        mine = (formal or _parties(rules, _dept_names(t.lead + t.support))
                or any(a in text for a in actors)
                or rules.has("college", text) or rules.has("all_units", text)
                or rules.has("member", text))
        if mine:
            out.append(t)
    return out


def _parent(doc: Document, clause: Clause) -> str:
    """The path of the innermost section above a clause, joined by "/" ("" when none)."""
    above = doc.ancestors(clause)
    return "/".join(above[-1].path) if above else ""


def _top_sections(doc: Document) -> dict[str, str]:
    return {s.path[0]: s.heading for s in doc.sections if len(s.path) == 1}


def _goal_sections(rules: DraftRules, doc: Document) -> set[str]:
    """The leading top-level sections that state aims (总体要求, 目标) rather than tasks."""
    out: set[str] = set()
    for s in [s for s in doc.sections if len(s.path) == 1]:
        if rules.has("goal_section", s.heading):
            out.add(s.path[0])
        else:
            break
    return out


def _guarantee_sections(rules: DraftRules, doc: Document, goals: set[str]) -> set[str]:
    return {p for p, h in _top_sections(doc).items()
            if p not in goals and rules.has("guarantee_section", h)}


# ---------------------------------------------------------------- the context

def _schedule(start: Month, end: Month) -> list[dict[str, Any]]:
    """Three phases over [start, end]: 部署, 推进, 总结 (fewer when the span is short)."""
    n = (end[0] * 12 + end[1]) - (start[0] * 12 + start[1]) + 1
    if n <= 2:
        return [{"key": "start", "first": start, "last": end}]
    p1 = 2 if n >= 8 else 1
    p3 = 3 if n >= 12 else (2 if n >= 6 else 1)
    return [
        {"key": "start", "first": start, "last": add_months(start, p1 - 1)},
        {"key": "middle", "first": add_months(start, p1), "last": add_months(end, -p3)},
        {"key": "end", "first": add_months(end, -p3 + 1), "last": end},
    ]


def number_ranges(ns: list[int]) -> str:
    """[1, 2, 3, 5] → `1—3、5` (task numbers as a person writes them)."""
    out: list[str] = []
    for n in sorted(set(ns)):
        if out and out[-1][1] == n - 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return "、".join(str(a) if a == b else f"{a}—{b}" for a, b in out)


def _by_month(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows grouped by their month: the month, the items' short names, the task numbers."""
    out: list[dict[str, Any]] = []
    for r in sorted(rows, key=lambda r: (r["due"], r["n"])):
        if not out or out[-1]["month"] != r["due"]:
            out.append({"month": r["due"], "due_text": r["due_text"], "items": [], "ns": []})
        if r["item"] not in out[-1]["items"]:
            out[-1]["items"].append(r["item"])
        out[-1]["ns"].append(r["n"])
    for m in out:
        m["numbers"] = number_ranges(m["ns"])
    return out


def _plan_end(doc: Document) -> str | None:
    """The latest date the source sets for anything (deadlines and targets' `by`)."""
    dates = [d.end for c in doc.clauses for d in c.deadlines if d.end]
    dates += [t.by for c in doc.clauses for t in c.targets if t.by]
    return max(dates) if dates else None


def _default_start(doc: Document, today: _dt.date | None = None) -> Month:
    """The month after the source's date; without a date, this month — or, when the source's
    own deadlines lie before it, the month before its earliest deadline, so they still fit."""
    dated = doc.date or (doc.notice.date if doc.notice else None)
    if dated and re.match(r"\d{4}-\d{2}", dated):
        return add_months(_to_month(dated), 1)
    today = today or _dt.date.today()
    now = (today.year, today.month)
    ends = [d.end for c in doc.clauses for d in c.deadlines if d.end]
    return min(now, add_months(_to_month(min(ends)), -1)) if ends else now


def _segments_with(text: str, needle: str) -> str | None:
    """The comma-delimited piece of text that holds needle (a target in its context); a piece
    that is only a preposition phrase (按照…的要求) takes the next piece along."""
    segs = [x.strip() for x in re.split(r"[，,；;。]", text)]
    for i, seg in enumerate(segs):
        if needle and needle in seg:
            if re.match(r"(按照|根据|对照|依据)", seg) and i + 1 < len(segs) and segs[i + 1]:
                seg = f"{seg}，{segs[i + 1]}"
            if re.match(r"\d", seg) and i > 0 and segs[i - 1]:  # "…，3-4名…": the verb is before
                seg = f"{segs[i - 1]}，{seg}"
            return seg
    return None


def _source_title(doc: Document) -> str | None:
    """The source plan's title ready to sit inside 《》 (inner 《》 become 〈〉), or None."""
    return doc.title.replace("《", "〈").replace("》", "〉") if doc.title else None


def _source_name(doc: Document) -> str:
    """How the draft names the source plan: `《title》`, else issuer and genre without 《》."""
    title = _source_title(doc)
    if title:
        return f"《{title}》"
    issuer = doc.issuer or (f"{doc.institution}党委" if doc.institution else "学校党委")
    return f"{issuer}{doc.kind or '实施方案'}"


def build_draft_context(doc: Document, college: str, *, roles: dict[str, str] | None = None,
                        start: str | None = None, committee: str | None = None,
                        rules: DraftRules | None = None) -> dict[str, Any]:
    """Everything `templates/draft.md.j2` needs to write the college's draft plan for `doc`."""
    if not college or not college.strip():
        raise InputError("请用 --college 给出学院名称，如“计算机与信息工程学院”。")
    rules = rules or load_rules()
    roles = dict(roles or {})
    role_order = tuple(DEFAULT_ROLES) + tuple(r for r in roles if r not in DEFAULT_ROLES)
    committee = committee.strip() if committee and committee.strip() else committee_name(college)
    college = college.strip()
    sub = rules.substitute

    goals = _goal_sections(rules, doc)
    guarantees = _guarantee_sections(rules, doc, goals)
    top = _top_sections(doc)

    # 1. Sort the source's clauses: preamble and aims, guarantee paragraphs, tasks.
    preamble: list[Clause] = []
    aims: list[Clause] = []
    picks: list[_Pick] = []
    guarantee_sents: list[tuple[str, Clause]] = []
    task_clauses = 0
    for c in doc.clauses:
        head = c.path[0] if c.path else "0"
        if head == "0" or (top and head not in top):  # a plan without 一、 sections is flat
            preamble.append(c)
            continue
        if head in goals:
            aims.append(c)
            continue
        if head in guarantees and c.number is None and len(c.path) == 1:
            # Paragraphs right under a 保障/要求 heading; items under its sub-headings (a
            # phased schedule under 组织实施) are tasks like any other.
            if _concerns(rules, c, doc)[0]:
                for s in sentences(clean(c.text)):
                    if not rules.has("university_only", s):
                        guarantee_sents.append((sub(s), c))
            continue
        task_clauses += 1
        concerns, formal = _concerns(rules, c, doc)
        if not concerns:
            continue
        tasks = _college_tasks(rules, c, formal)
        if tasks:
            picks.append(_Pick(c, tasks, formal))

    # 2. Guiding paragraph and aims.
    guiding: list[str] = []
    principles: list[str] = []
    goal_text: list[str] = []
    for c in aims:
        heading = c.heading or ""
        body = sentences(clean(c.text))
        if "指导思想" in heading:
            guiding += [s for s in body if _key(s) != _key(heading)]
        elif "原则" in heading:
            principles += [s for s in body if _key(s) != _key(heading)]
        else:
            for s in body:
                if _key(s) == _key(heading) and "目标" in heading:
                    continue
                if any(t.text and t.text in s for t in c.targets):
                    continue  # a quantified aim: listed below with its numbers and source
                (guiding if rules.has("guiding", s) and not goal_text else goal_text).append(s)
    if not guiding:
        pre = [s for c in preamble for s in sentences(clean(c.text))]
        guiding = [s for s in pre if rules.has("guiding", s)] or pre[:-1] or pre
    guiding = [sub(s) for s in guiding if not rules.has("university_only", s)]
    principles = [sub(s) for s in principles]
    goal_text = [sub(s) for s in goal_text if not rules.has("university_only", s)]

    # Quantified goals that bind a college: the piece of text around each target.
    goal_targets: list[dict[str, str]] = []
    target_sources: list[tuple[Clause, list[Task]]] = [(c, _tasks(c)) for c in aims]
    target_sources += [(p.clause, p.tasks) for p in picks]
    for c, tasks in target_sources:
        for t in tasks:
            text = clean(t.text)
            targets: list[Target] = t.targets or [x for x in c.targets if x.text in text]
            for tg in targets:
                seg = _segments_with(text, tg.text)
                if not seg or rules.has("university_only", seg):
                    continue
                if not (rules.has("college", seg) or rules.has("member", seg)):
                    continue
                when = [d.text for d in t.deadlines or c.deadlines if d.text and d.text in text]
                if when and when[0] not in seg:
                    seg = f"{when[0]}，{seg}"
                phrase = sub(seg)
                if any(_key(phrase) in _key(g["text"]) for g in goal_targets):
                    continue
                # a longer piece of the same sentence replaces the shorter one it contains
                goal_targets = [g for g in goal_targets if _key(g["text"]) not in _key(phrase)]
                goal_targets.append({"text": phrase, "cite": cite(doc, c), "clause_id": c.id})

    # 3. Schedule frame.
    start_m = parse_month(start) if start else _default_start(doc)
    plan_end = _plan_end(doc)
    if plan_end and add_months(_to_month(plan_end), -1) >= add_months(start_m, 2):
        end_m = min(add_months(_to_month(plan_end), -1), add_months(start_m, 35))
    else:
        end_m = add_months(start_m, 11)
    phases = _schedule(start_m, end_m)
    by_key = {p["key"]: p for p in phases}

    # 4. Items and rows.
    items: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    kept_texts: list[str] = []
    middle_rows: list[dict[str, Any]] = []
    for p in picks:
        c = p.clause
        heading = sub(clean(c.heading)) if c.heading else None
        short = re.split(r"[，,；;。]", heading)[0] if heading else None
        texts = []
        item_rows = []
        for t in p.tasks:
            text = re.sub(r"[；;，,]$", "。", sub(clean(t.text)))
            if any(_similar(text, k) for k in kept_texts):
                continue
            kept_texts.append(text)
            texts.append(text)
            uni = _deadline_end(t.deadlines) or _deadline_end(
                [d for d in c.deadlines if d.text and d.text in t.text])
            recs = t.recurrences or [r for r in c.recurrences if r.text and r.text in t.text]
            row: dict[str, Any] = {
                "text": text, "clause_id": c.id, "cite": cite(doc, c),
                "role": rules.role_for(text, role_order),
                "uni_due": uni or plan_end, "due": None, "cadence": None, "ongoing": False,
            }
            row["person"] = roles.get(row["role"], "")
            if uni:
                row["due"] = add_months(_to_month(uni), -1)
            elif _cadence(recs):
                row["cadence"] = _cadence(recs)
            else:
                phase = rules.phase_for(text)
                if phase == "ongoing":
                    row["ongoing"] = True
                elif phase in by_key:
                    row["due"] = by_key[phase]["last"]
                    if phase == "middle":
                        middle_rows.append(row)
                else:
                    row["due"] = phases[-1]["last"]
            item_rows.append(row)
        if not texts:
            continue
        if short is None:
            short = re.split(r"[，,；;。]", texts[0])[0][:24]
        for r in item_rows:
            r["item"] = short
        rows += item_rows
        body = "".join(t if t.endswith(("。", "！", "？", "!", "?")) else t + "。" for t in texts)
        items.append({
            "heading": heading, "short": short, "text": body, "cite": cite(doc, c),
            "clause_id": c.id, "formal": p.formal, "section": _parent(doc, c),
            "rows": item_rows,
        })

    if not rows:
        raise InputError(f"{_source_name(doc)}中找不到涉及二级学院的任务条款，"
                         "无法起草学院实施方案。")

    # Middle-phase tasks spread, in the source's order, over the quarter ends of the phase's
    # first year: a college works through its list within a year, the rest is consolidation.
    if middle_rows and "middle" in by_key:
        ph = by_key["middle"]
        months, m = [], ph["first"]
        while m <= ph["last"] and len(months) < 4:
            if m[1] % 3 == 0 or m == ph["last"]:
                months.append(m)
            m = add_months(m, 1)
        for i, r in enumerate(middle_rows):
            r["due"] = months[i * len(months) // len(middle_rows)]

    # A month never later than one month before the university's deadline for the task.
    for r in rows:
        if r["due"] is not None and r["uni_due"]:
            cap = add_months(_to_month(r["uni_due"]), -1)
            r["due"] = min(r["due"], cap)
    # Dated tasks outside the frame stretch the first or last phase.
    dues = [r["due"] for r in rows if r["due"]]
    if dues:
        phases[0]["first"] = min([phases[0]["first"]] + dues)
        phases[-1]["last"] = max([phases[-1]["last"]] + dues)

    for n, r in enumerate(rows, 1):
        r["n"] = n
        if r["due"]:
            r["due_text"] = f"{month_text(r['due'])}底前"
            r["due_month"] = _iso_month(r["due"])
        elif r["cadence"]:
            r["due_text"] = r["cadence"]
        else:
            r["due_text"] = "长期坚持"
        r["responsible"] = r["role"] + (f"（{r['person']}）" if r["person"] else "")

    for ph in phases:
        ph["range"] = (f"{month_text(ph['first'])}—{month_text(ph['last'])}"
                       if ph["first"] != ph["last"] else month_text(ph["first"]))
        ph["rows"] = [r for r in rows if r["due"] and ph["first"] <= r["due"] <= ph["last"]]
        ph["months"] = _by_month(ph["rows"])
        ph["first_month"], ph["last_month"] = _iso_month(ph["first"]), _iso_month(ph["last"])
    continuing = [r for r in rows if not r["due"]]

    # 5. Groups of items, following the source's innermost sections above them.
    groups: list[dict[str, Any]] = []
    for it in items:
        if not groups or groups[-1]["section"] != it["section"]:
            sec = doc.section(it["section"].split("/")) if it["section"] else None
            groups.append({"section": it["section"], "heading": sub(sec.heading) if sec else "",
                           "items": []})
        groups[-1]["items"].append(it)

    # 6. Guarantees: the source's own requirement paragraphs, sorted by what they are about.
    supervision, funding, duty = [], [], []
    for s, _c in guarantee_sents:
        if rules.has("supervision", s):
            supervision.append(s)
        elif rules.has("funding", s):
            funding.append(s)
        else:
            duty.append(s)
    if not funding:
        for c in doc.clauses:
            for s in sentences(clean(c.text)):
                if rules.has("funding", s) and not rules.has("university_only", s) and (
                        rules.has("college", s) or "党建" in s):
                    funding.append(sub(s))
                    break

    person = {r: roles.get(r, "") for r in role_order}
    return {
        "title": f"{committee}关于贯彻落实{_source_name(doc)}的实施方案（讨论稿）",
        "college": college,
        "committee": committee,
        "source": {
            "id": doc.id, "title": _source_title(doc), "name": _source_name(doc),
            "issuer": doc.issuer, "issuer_in_title": bool(
                doc.issuer and doc.title and doc.title.startswith(doc.issuer)),
            "institution": doc.institution, "doc_number": doc.doc_number,
            "date": doc.date, "kind": doc.kind,
        },
        "guiding": "".join(guiding),
        "principles": "".join(principles),
        "goal_text": "".join(goal_text),
        "goal_targets": goal_targets,
        "groups": groups,
        "grouped": len(groups) > 1,
        "items": items,
        "rows": rows,
        "phases": phases,
        "continuing": continuing,
        "continuing_numbers": number_ranges([r["n"] for r in continuing]),
        "guarantee": {"duty": duty, "supervision": supervision, "funding": funding},
        "roles": person,
        "start": _iso_month(start_m),
        "end": _iso_month(end_m),
        "start_text": month_text(start_m),
        "stats": {
            "source_clauses": task_clauses,
            "selected_clauses": len(items),
            "tasks": len(rows),
            "guarantee_sentences": len(guarantee_sents),
        },
    }


# ---------------------------------------------------------------- writing

def render_markdown(context: dict[str, Any], template: str | Path | None = None) -> str:
    """The draft as dialect Markdown, from `templates/draft.md.j2` or a college's own file."""
    from pbdocs.generate.templates import render

    return render(TEMPLATE, context, template)


def write_draft(doc: Document, college: str, out: str | Path, *, fmt: str = "docx",
                roles_file: str | Path | None = None, start: str | None = None,
                template: str | Path | None = None, committee: str | None = None
                ) -> dict[str, Any]:
    """Write the college's draft plan as .docx, .md or .html; returns `{"out", "tasks"}`."""
    from pbdocs.generate import markdown_to_docx, markdown_to_html

    if fmt not in ("docx", "md", "html"):
        raise InputError(f"不支持的输出格式：{fmt}（可选 docx、md、html）。")
    roles = read_roles_file(roles_file) if roles_file else None
    ctx = build_draft_context(doc, college, roles=roles, start=start, committee=committee)
    md = render_markdown(ctx, template)
    out = Path(out)
    if fmt == "docx":
        markdown_to_docx(md, out, title=ctx["title"])
    else:
        from pbdocs.generate.output import save

        text = md if fmt == "md" else markdown_to_html(md, standalone=True, title=ctx["title"])
        save(out, lambda p: p.write_text(text, encoding="utf-8"))
    return {"out": str(out), "tasks": len(ctx["rows"])}
