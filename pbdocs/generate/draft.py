"""A 二级学院's implementation plan drafted from the university's plan — a context for
`templates/draft.md.j2`, built in named steps:

1. `select`: the source's clauses sorted into preamble, aims, guarantee sentences and the clauses
   (with their tasks) that concern a college;
2. `restate_aims` / `restate_tasks` / `restate_guarantees`: restated with the college as the
   subject (rows of the task table as `DraftRow`s);
3. `schedule`: each row's month (before the university's own deadline), cadence or 长期坚持,
   and the phases;
4. `assign`: each row's responsible role (and the person, from a roles file);
5. `group`: the items under the source's sections.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pbdocs.errors import InputError
from pbdocs.generate.draft_rules import (
    DEFAULT_ROLES,
    DraftRules,
    as_doer,
    load_rules,
    read_roles_file,
)
from pbdocs.generate.rows import DraftRow, Month
from pbdocs.lang import text as lang_text
from pbdocs.lang import wording
from pbdocs.model import Clause, Deadline, Document, Recurrence, Target, Task

_PUNCT = re.compile(r"[\s，,。；;：:、“”\"‘’'（）()《》〈〉！!？?—\-·]")


# ---------------------------------------------------------------- small helpers

def clean(text: str) -> str:
    """Text without responsibility notes (left by a reader or an older parse) and stray
    spaces; a gap before a measure word (`至少召开 次`: a numeral lost in the source) stays,
    to be marked."""
    from pbdocs.generate.textfix import lost_numeral

    text = lang_text.responsibility_note().sub("", text or "")
    gaps = lost_numeral()
    return re.sub(r"[ \u3000\u00a0]+(?=[\u4e00-\u9fff“”（），。、；：])",
                  lambda m: m.group(0) if gaps.match(text, m.start()) else "", text).strip()


sentences = lang_text.sentences


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


def committee_name(college: str, institution: str | None = None) -> str:
    """The college's party committee by its full name: `计算机与信息工程学院` of `杭州电子科技大学`
    → `中共杭州电子科技大学计算机与信息工程学院委员会` (without the university when it is not
    known)."""
    name = college.strip()
    if name.startswith("中共") and name.endswith("委员会"):
        return name
    for suffix in ("党委员会", "党委"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    inst = (institution or "").strip()
    if inst and not name.startswith(inst):
        name = inst + name
    return f"中共{name}委员会"


def _names_its_university(college: str) -> bool:
    """Whether a college's name holds its university's: 甲大学计算机学院, 嘉应学院计算机学院,
    中共…委员会 given whole."""
    return (college.startswith("中共") or "大学" in college or "学校" in college
            or college.count("学院") >= 2)


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
    """The clause's sentences as the aims read them: the extraction's tasks, else its
    sentences (a 指导思想 paragraph holds no task but is restated all the same)."""
    if clause.tasks:
        return clause.tasks
    return [Task(text=s) for s in sentences(clean(clause.text))]


def _is_heading(task_text: str, clause: Clause) -> bool:
    if not clause.heading:
        return False
    return _key(task_text) == _key(clause.heading)


def _only_time(text: str) -> bool:
    """Whether a sentence only names a time (`2019年1月8日至2019年1月22日`): a time frame,
    not a task."""
    rest = re.sub(r"[\d\s年月日号时分至到起止—\-－~～前后底初中旬上下半（）()。，、：:]", "", text)
    return len(rest) < 2


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
        word = head.group(0) if head and len(head.group(0)) > 1 else (
            wording.word("period", r.period) if r.period != "day" else None)
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
    return any(rules.has("college", n) or rules.has("member", n)
               or rules.has("selected_unit", n) for n in names)


def _dept_names(depts) -> list[str]:
    return [x for d in depts for x in (d.name, d.canonical) if x]


def _concerns(rules: DraftRules, clause: Clause, doc: Document) -> tuple[bool, bool]:
    """(the clause concerns a college, the college is formally lead or support): a college or
    its people is lead, support or actor, the text names a college or binds all units, or the
    section it sits in is about colleges' party organisations."""
    formal = _parties(rules, _dept_names(clause.lead + clause.support))
    actor = _parties(rules, clause.actors)
    text = clean(clause.text)
    named = (rules.has("college", text) or rules.has("all_units", text)
             or rules.names_doer("selected_unit", text) or rules.reports_up(text))
    section = any(rules.has("college", s.heading) for s in doc.ancestors(clause))
    return formal or actor or named or section, formal


def _college_tasks(rules: DraftRules, clause: Clause, formal: bool) -> list[Task]:
    """The clause's tasks that a college does, in order (never the heading alone). Only what
    extraction kept as tasks: a clause without any (a criterion, background, a condition)
    gives no row, as in the task book."""
    actors = [a for a in clause.actors if _parties(rules, [a])]
    out = []
    for t in clause.tasks:
        text = clean(t.text)
        if (not text or _is_heading(text, clause) or rules.has("university_only", text)
                or _only_time(text) or rules.starts("not_task", text)):
            continue
        mine = (formal or _parties(rules, _dept_names(t.lead + t.support))
                or any(a in text and (not rules.has("selected_unit", a) or as_doer(a, text))
                       for a in actors)
                or rules.has("college", text) or rules.has("all_units", text)
                or rules.has("member", text) or rules.names_doer("selected_unit", text)
                or rules.reports_up(text))
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


# ---------------------------------------------------------------- helpers of the steps

def _phases(start: Month, end: Month) -> list[dict[str, Any]]:
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


def _by_month(rows: list[DraftRow]) -> list[dict[str, Any]]:
    """Rows grouped by their month: the month, the items' short names, the task numbers."""
    out: list[dict[str, Any]] = []
    for r in sorted(rows, key=lambda r: (r.due, r.no)):
        if not out or out[-1]["month"] != r.due:
            out.append({"month": r.due, "due_text": r.time_limit, "items": [], "ns": []})
        if r.key_task not in out[-1]["items"]:
            out[-1]["items"].append(r.key_task)
        out[-1]["ns"].append(r.no)
    for m in out:
        m["numbers"] = number_ranges(m["ns"])
    return out


def _is_notice(doc: Document) -> bool:
    from pbdocs.generate.notice import is_notice

    return is_notice(doc)


def _addressed_to_colleges(rules: DraftRules, doc: Document) -> bool:
    """A notice sent to the colleges (主送 各学院党委、党总支…): all it asks is theirs to do."""
    return _is_notice(doc) and any(rules.has("college", r) for r in doc.recipients)


_PERIOD = re.compile(r"((?:19|20)\d{2})\s*[-—－～~至到]\s*((?:19|20)\d{2})\s*年")


def _plan_end(doc: Document) -> str | None:
    """The latest date the source sets for anything (deadlines and targets' `by`), within the
    period its title states (`三年行动计划（2021-2023年）` ends 2023-12-31) when it states one."""
    dates = [d.end for c in doc.clauses for d in c.deadlines if d.end]
    dates += [t.by for c in doc.clauses for t in c.targets if t.by]
    end = max(dates) if dates else None
    m = _PERIOD.search(doc.title or "")
    if end and m and int(m.group(2)) >= int(m.group(1)):
        end = min(end, f"{m.group(2)}-12-31")
    return end


def _default_start(doc: Document, today: _dt.date | None = None) -> Month:
    """The month after the source's date; without a date, this month — or, when the source's
    own deadlines lie before it, the month before its earliest deadline, so they still fit."""
    dated = doc.date or (doc.notice.date if doc.notice else None)
    if dated and re.match(r"\d{4}-\d{2}", dated):
        # a notice is acted on in the month it is sent; a plan from the month after
        return _to_month(dated) if _is_notice(doc) else add_months(_to_month(dated), 1)
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


def _short_name(text: str, limit: int = 24) -> str:
    """A task's short name for the 重点任务 column: its first phrase when that says enough
    (`实施政治“强核”行动计划，做到…` → `实施政治“强核”行动计划`), else the text cut after a
    whole word (never inside one) with …"""
    text = text.strip().rstrip("。；;，,")
    first = re.split(r"[，,；;。]", text)[0]
    if 6 <= len(first) <= limit:
        return first
    if len(text) <= limit:
        return text
    from pbdocs import segment

    out = ""
    for word in segment.cut(first if len(first) > 6 else text):
        if len(out) + len(word) > limit - 1:
            break
        out += word
    return (out or text[: limit - 1]) + "…"


def _past(text: str, doc: Document) -> bool:
    """Whether a sentence tells what happened before the source was written (a year before
    its own): background, not something to do."""
    year = int(doc.date[:4]) if doc.date and doc.date[:4].isdigit() else None
    m = re.match(r"^[^，。；]{0,12}?((?:19|20)\d{2})年", text)
    return bool(year and m and int(m.group(1)) < year)


def _source_title(doc: Document) -> str | None:
    """The source plan's title ready to sit inside 《》 (inner 《》 become 〈〉), or None."""
    return wording.book_title(doc.title)


def _source_name(doc: Document) -> str:
    """How the draft names the source plan: `《title》`, else issuer and genre without 《》."""
    title = _source_title(doc)
    if title:
        return f"《{title}》"
    issuer = doc.issuer or (f"{doc.institution}党委" if doc.institution else "学校党委")
    return f"{issuer}{doc.kind or _named_genre(doc) or '实施方案'}"


def _named_genre(doc: Document) -> str | None:
    """The genre an untitled source names for itself in its preamble (现提出如下实施意见)."""
    from pbdocs.metadata import named_genre

    return named_genre([c.text for c in doc.clauses[:3]])



# ---------------------------------------------------------------- 1. select

@dataclass
class Selection:
    """The source's clauses sorted for the draft."""

    preamble: list[Clause] = field(default_factory=list)
    aims: list[Clause] = field(default_factory=list)  # under the leading 总体要求/目标 sections
    picks: list[_Pick] = field(default_factory=list)  # task clauses that concern a college
    guarantees: list[tuple[str, Clause]] = field(default_factory=list)  # sentences, restated
    task_clauses: int = 0  # task clauses of the source, picked or not


def select(doc: Document, rules: DraftRules) -> Selection:
    """Sort the source's clauses: preamble and aims, guarantee paragraphs, and the task clauses
    that concern a college with the tasks of them a college takes on."""
    sel = Selection()
    addressed = _addressed_to_colleges(rules, doc)
    goals = _goal_sections(rules, doc)
    guarantees = _guarantee_sections(rules, doc, goals)
    top = _top_sections(doc)
    for c in doc.clauses:
        head = c.path[0] if c.path else "0"
        # a plan without 一、 sections is flat (its clauses the preamble); a numbered item at
        # the top (一、申报条件。…) is an item all the same
        if head == "0" or (top and head not in top and c.number is None):
            sel.preamble.append(c)
            continue
        if head in goals:
            sel.aims.append(c)
            continue
        if head in guarantees and c.number is None and len(c.path) == 1:
            # Paragraphs right under a 保障/要求 heading; items under its sub-headings (a
            # phased schedule under 组织实施) are tasks like any other.
            if _concerns(rules, c, doc)[0]:
                for s in sentences(clean(c.text)):
                    if not rules.has("university_only", s):
                        text, mine = rules.restate(s)
                        if mine:
                            sel.guarantees.append((text, c))
            continue
        sel.task_clauses += 1
        concerns, formal = _concerns(rules, c, doc)
        concerns = concerns or addressed
        if not concerns:
            continue
        tasks = _college_tasks(rules, c, formal or addressed)
        if tasks:
            sel.picks.append(_Pick(c, tasks, formal))
    return sel


# ---------------------------------------------------------------- 2. restate

@dataclass
class Aims:
    """The draft's 总体要求: guiding ideology, principles, goals and the source's targets."""

    guiding: list[str]
    principles: list[str]
    goal_text: list[str]
    goal_targets: list[dict[str, str]]


def restate_aims(sel: Selection, doc: Document, rules: DraftRules) -> Aims:
    """The guiding paragraph, principles and goals restated for the college, and the source's
    quantified goals that bind a college (the piece of text around each target): a number each
    college is given restated as the college's (`scope` college), a rule for every branch or
    member restated (`unit`), the university's own as written (`university`)."""
    guiding: list[str] = []
    principles: list[str] = []
    goal_text: list[str] = []
    for c in sel.aims:
        heading = c.heading or ""
        body = sentences(clean(c.text))
        if rules.has("guiding_heading", heading):
            guiding += [s for s in body if _key(s) != _key(heading)]
        elif rules.has("principle_heading", heading):
            principles += [s for s in body if _key(s) != _key(heading)]
        else:
            for s in body:
                if _key(s) == _key(heading) and rules.has("goal_heading", heading):
                    continue
                if any(t.text and t.text in s for t in c.targets):
                    continue  # a quantified aim: listed below with its numbers and source
                (guiding if rules.has("guiding", s) and not goal_text else goal_text).append(s)
    if not guiding:
        pre = [s for c in sel.preamble for s in sentences(clean(c.text))]
        guiding = [s for s in pre if rules.has("guiding", s)]
        if not guiding and not _is_notice(doc):  # a notice's opening line is no ideology
            guiding = pre[:-1] or pre
    def college_part(sentences_: list[str]) -> list[str]:
        """The sentences restated for the college; the university's own acts and its past
        (`2016年学校党委在全校党员中开展…`) left out."""
        out = []
        for s in sentences_:
            if rules.has("university_only", s) or _past(s, doc):
                continue
            text, mine = rules.restate(s)
            if mine:
                out.append(text)
        return out

    guiding = college_part(guiding)
    principles = college_part(principles)
    goal_text = college_part(goal_text)

    goal_targets: list[dict[str, str]] = []
    sources: list[tuple[Clause, list[Task]]] = [(c, _tasks(c)) for c in sel.aims]
    sources += [(p.clause, p.tasks) for p in sel.picks]
    for c, tasks in sources:
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
                # Whose number it is: one each college is given (每个学院配备1名…) is the
                # college's, restated; any other stays the university's target, as written.
                # the clause up to this piece: 每个学院配备1名…，至少配备1至2名… are both each
                # college's
                at = text.find(seg) + len(seg)
                upto = re.split(r"[；;。]", text[:at])[-1]
                if rules.has("per_college", upto):
                    scope = "college"
                elif rules.has("per_unit", seg):
                    scope = "unit"  # a rule for every branch or member, the college's too
                else:
                    scope = "university"
                phrase = seg if scope == "university" else rules.restate(seg)[0]
                if any(_key(phrase) in _key(g["text"]) for g in goal_targets):
                    continue
                # a longer piece of the same sentence replaces the shorter one it contains
                goal_targets = [g for g in goal_targets if _key(g["text"]) not in _key(phrase)]
                goal_targets.append({"text": phrase, "cite": cite(doc, c), "clause_id": c.id,
                                     "scope": scope})
    return Aims(guiding, principles, goal_text, goal_targets)


@dataclass
class Item:
    """One item of 主要任务: a source clause restated, with its rows of the task table."""

    heading: str | None
    short: str
    text: str
    cite: str
    clause_id: str
    formal: bool
    section: str  # the path of the innermost source section above it, "/"-joined
    rows: list[DraftRow]


def _universitys_sequel(clause_text: str, task_text: str, rules: DraftRules) -> bool:
    """Whether a task that is the tail of a longer sentence of its clause (`每周至少“面对面”与
    学生沟通交流1次` after `校级领导班子成员每学期至少…1次，`) is done by the university's
    people named before it in that sentence: the task alone has no subject, the sentence
    read whole gives it one."""
    body, task = clean(clause_text), clean(task_text).rstrip("。；;，,")
    at = body.find(task) if task else -1
    if at <= 0:
        return False
    lead = re.split(r"[。；;！？!?]", body[:at])[-1]
    if not lead.rstrip().endswith(("，", ",")):
        return False
    _, mine_lead = rules.restate_parts(lead)
    _, mine_all = rules.restate_parts(lead + task + "。")
    return _key(mine_all) == _key(mine_lead)


def restate_tasks(sel: Selection, doc: Document, rules: DraftRules) -> list[Item]:
    """The picked clauses' tasks restated with the college as the subject, near-duplicates
    dropped, as items with numbered rows (not yet scheduled or assigned)."""
    sub = rules.substitute
    items: list[Item] = []
    kept_texts: list[str] = []
    n = 0
    for p in sel.picks:
        c = p.clause
        heading = sub(clean(c.heading)) if c.heading else None
        short = _short_name(heading) if heading else None
        texts: list[str] = []
        rows: list[DraftRow] = []
        for t in p.tasks:
            text, mine = rules.restate_parts(clean(t.text))
            if mine and _universitys_sequel(c.text, t.text, rules):
                mine = ""  # …校级领导班子成员每学期…1次，[每周至少…1次]: theirs too
            text = re.sub(r"[；;，,]$", "。", text)
            mine = re.sub(r"[；;，,]$", "。", mine)
            if any(_similar(text, k) for k in kept_texts):
                continue
            kept_texts.append(text)
            texts.append(text)
            if not mine:  # the university's own act: told in the item, not the college's row
                continue
            due = _deadline_end(t.deadlines) or _deadline_end(
                [d for d in c.deadlines if d.text and d.text in t.text])
            recs = t.recurrences or [r for r in c.recurrences if r.text and r.text in t.text]
            kind = getattr(t, "kind", None)  # once | recurring | ongoing (schema 2)
            targets = t.targets or [x for x in c.targets if x.text and x.text in t.text]
            # a number the university sets itself (建成3个省级工作室, 聘请15名…): the college
            # helps the university reach it, in the university's own time
            theirs = bool(targets) and not any(
                rules.has(kind, t.text) for kind in ("per_college", "per_unit", "college"))
            n += 1
            rows.append(DraftRow(no=n, measure=f"配合学校落实：{mine}" if theirs else mine,
                                 clause_id=c.id, cite=cite(doc, c), source_due=due,
                                 recurrences=recs, task_kind=kind, university=theirs,
                                 deliverable=kind == "once" or bool(targets)))
        if not rows:
            n -= len(rows)
            continue
        if short is None:  # the heading of the clause's section, else the task's first words
            from pbdocs.generate.plan import key_task

            above = key_task(doc, c)
            short = _short_name(sub(clean(above))) if above else _short_name(texts[0])
        for r in rows:
            r.key_task = short
        body = "".join(t if t.endswith(("。", "！", "？", "!", "?")) else t + "。" for t in texts)
        items.append(Item(heading, short, body, cite(doc, c), c.id, p.formal,
                          _parent(doc, c), rows))
    return items


def restate_guarantees(sel: Selection, doc: Document, rules: DraftRules) -> dict[str, list]:
    """The source's own requirement paragraphs for the 组织保障 part, by what they are about."""
    supervision, funding, duty = [], [], []
    for s, _c in sel.guarantees:
        if rules.has("supervision", s):
            supervision.append(s)
        elif rules.has("funding", s):
            funding.append(s)
        else:
            duty.append(s)
    if not funding:
        # a sentence of the source about money that is not already one of the college's tasks
        # (编制经费预算 in an application step is a task, not the funding guarantee)
        picked = {p.clause.id for p in sel.picks}
        for c in doc.clauses:
            if c.id in picked:
                continue
            for s in sentences(clean(c.text)):
                if rules.has("funding", s) and not rules.has("university_only", s) and (
                        rules.has("college", s) or "党建" in s):
                    text, mine = rules.restate(s)
                    if mine:
                        funding.append(text)
                        break
    return {"duty": duty, "supervision": supervision, "funding": funding}


# ---------------------------------------------------------------- 3. schedule

@dataclass
class Schedule:
    """The draft's time frame: its first and last month and its phases."""

    start: Month
    end: Month
    phases: list[dict[str, Any]]


def schedule(rows: list[DraftRow], doc: Document, rules: DraftRules,
             start: Month | None = None) -> Schedule:
    """Give each row a month one month before the university's deadline (the university's own
    date when that month is already past the draft's start), a cadence, or 长期坚持; an
    undated one-off task falls in the phase its words suggest (a deliverable with a number in
    the middle phase); a standing rule, or a task nothing marks as one-off, gets no deadline
    (长期坚持). The phases cover every dated row; a notice's draft spans its own dates."""
    start_m = start or _default_start(doc)
    plan_end = _plan_end(doc)
    if plan_end and add_months(_to_month(plan_end), -1) >= add_months(start_m, 2):
        end_m = min(add_months(_to_month(plan_end), -1), add_months(start_m, 35))
    elif _is_notice(doc):  # a notice's tasks are due within its own dates
        end_m = max(start_m, _to_month(plan_end)) if plan_end else start_m
    else:
        end_m = add_months(start_m, 11)
    phases = _phases(start_m, end_m)
    by_key = {p["key"]: p for p in phases}

    # A notice whose dates end within a quarter asks for everything by then (its window);
    # a notice of standing rules (or with no dates) does not.
    window = bool(_is_notice(doc) and plan_end
                  and _to_month(plan_end) <= add_months(start_m, 3))
    middle: list[DraftRow] = []
    for r in rows:
        r.uni_due = r.source_due or (plan_end if r.deliverable or window else None)
        if window and not r.source_due and not _cadence(r.recurrences):
            r.deliverable = True
        if r.source_due:
            r.due = add_months(_to_month(r.source_due), -1)
        elif _cadence(r.recurrences):
            r.cadence = _cadence(r.recurrences)
        elif r.task_kind == "ongoing":
            r.ongoing = True
        else:
            phase = rules.phase_for(r.measure) or ("middle" if r.deliverable else "ongoing")
            if r.university and r.uni_due:  # the university's number: by its own date
                r.due = add_months(_to_month(r.uni_due), -1)
            elif phase == "ongoing":
                r.ongoing = True
            elif phase in by_key:
                r.due = by_key[phase]["last"]
                if phase == "middle":
                    middle.append(r)
            else:
                r.due = phases[-1]["last"]

    # Middle-phase tasks spread, in the source's order, over the quarter ends of the phase's
    # first year: a college works through its list within a year, the rest is consolidation.
    if middle and "middle" in by_key:
        ph = by_key["middle"]
        months, m = [], ph["first"]
        while m <= ph["last"] and len(months) < 4:
            if m[1] % 3 == 0 or m == ph["last"]:
                months.append(m)
            m = add_months(m, 1)
        for i, r in enumerate(middle):
            r.due = months[i * len(months) // len(middle)]

    # A month never later than one month before the university's deadline for the task; when
    # that month is before the draft starts, the university's own date is the college's too.
    urgent: dict[int, str] = {}
    for r in rows:
        if r.due is not None and r.uni_due:
            r.due = min(r.due, add_months(_to_month(r.uni_due), -1))
            if r.due <= start_m and add_months(_to_month(r.uni_due), -1) <= start_m:
                r.due = _to_month(r.uni_due)
                urgent[r.no] = wording.deadline_text(
                    {"end": r.uni_due, "kind": "by", "text": ""})
    # Dated tasks outside the frame stretch the first or last phase.
    dues = [r.due for r in rows if r.due]
    if dues:
        phases[0]["first"] = min([phases[0]["first"]] + dues)
        phases[-1]["last"] = max([phases[-1]["last"]] + dues)

    for r in rows:
        if r.due:
            r.time_limit = urgent.get(r.no) or f"{month_text(r.due)}底前"
        elif r.cadence:
            r.time_limit = r.cadence
        else:
            r.time_limit = wording.long_term()
    for ph in phases:
        ph["range"] = (f"{month_text(ph['first'])}—{month_text(ph['last'])}"
                       if ph["first"] != ph["last"] else month_text(ph["first"]))
        ph["rows"] = [r for r in rows if r.due and ph["first"] <= r.due <= ph["last"]]
        ph["months"] = _by_month(ph["rows"])
        ph["first_month"], ph["last_month"] = _iso_month(ph["first"]), _iso_month(ph["last"])
    return Schedule(start_m, end_m, phases)


# ---------------------------------------------------------------- 4. assign

def assign(rows: list[DraftRow], rules: DraftRules, roles: dict[str, str],
           role_order: tuple[str, ...]) -> None:
    """Give each row the role whose keywords its text holds, and the person of that role."""
    for r in rows:
        r.role = rules.role_for(r.measure, role_order)
        r.person = roles.get(r.role, "")
        r.owner = r.role + (f"（{r.person}）" if r.person else "")


# ---------------------------------------------------------------- 5. group

def group(items: list[Item], doc: Document, rules: DraftRules) -> list[dict[str, Any]]:
    """Items grouped under the source's innermost sections above them."""
    groups: list[dict[str, Any]] = []
    for it in items:
        if not groups or groups[-1]["section"] != it.section:
            sec = doc.section(it.section.split("/")) if it.section else None
            groups.append({"section": it.section,
                           "heading": rules.substitute(sec.heading) if sec else "",
                           "items": []})
        groups[-1]["items"].append(it)
    return groups


# ---------------------------------------------------------------- the context

def draft_context(doc: Document, college: str, *, roles: dict[str, str] | None = None,
                  roles_file: str | Path | None = None, start: str | None = None,
                  committee: str | None = None, rules: DraftRules | None = None
                  ) -> dict[str, Any]:
    """Everything `templates/draft.md.j2` needs to write the college's draft plan for `doc`:
    the five steps above, in order."""
    if not college or not college.strip():
        raise InputError("请用 --college 给出学院名称，如“计算机与信息工程学院”。")
    rules = (rules or load_rules()).with_names(doc.institution)
    roles = dict(roles or (read_roles_file(roles_file) if roles_file else {}))
    role_order = tuple(DEFAULT_ROLES) + tuple(r for r in roles if r not in DEFAULT_ROLES)
    given = bool(committee and committee.strip())
    committee = (committee.strip() if given else committee_name(college, doc.institution))
    college = college.strip()
    # the university's name is missing from the committee's (the source does not say whose it
    # is, nor does the college's name): the draft shows a placeholder for it
    gap = "" if given or (doc.institution or "").strip() or _names_its_university(college) \
        else "（学校名称）"

    sel = select(doc, rules)
    aims = restate_aims(sel, doc, rules)
    items = restate_tasks(sel, doc, rules)
    rows = [r for it in items for r in it.rows]
    if not rows:
        raise InputError(f"{_source_name(doc)}中找不到涉及二级学院的任务条款，"
                         "无法起草学院实施方案。")
    frame = schedule(rows, doc, rules, parse_month(start) if start else None)
    assign(rows, rules, roles, role_order)
    groups = group(items, doc, rules)
    continuing = [r for r in rows if not r.due]

    return {
        "title": f"{committee}关于贯彻落实{_source_name(doc)}的实施方案（讨论稿）",
        "college": college,
        "committee": committee,
        "committee_gap": gap,
        "source": {
            "id": doc.id, "title": _source_title(doc), "name": _source_name(doc),
            "issuer": doc.issuer, "issuer_in_title": bool(
                doc.issuer and doc.title and doc.title.startswith(doc.issuer)),
            "institution": doc.institution, "doc_number": doc.doc_number,
            "date": doc.date, "kind": doc.kind,
        },
        "guiding": "".join(aims.guiding),
        "principles": "".join(aims.principles),
        "goal_text": "".join(aims.goal_text),
        "goal_targets": aims.goal_targets,
        "groups": groups,
        # grouped under the source's sections only when every group has a heading to show
        # (items of top-level run-in clauses sit under no section: a bare （一） otherwise)
        "grouped": len(groups) > 1 and all(g["heading"] for g in groups),
        "items": items,
        "rows": rows,
        "phases": frame.phases,
        "continuing": continuing,
        "continuing_numbers": number_ranges([r.no for r in continuing]),
        "guarantee": restate_guarantees(sel, doc, rules),
        "roles": {r: roles.get(r, "") for r in role_order},
        "start": _iso_month(frame.start),
        "end": _iso_month(frame.end),
        "start_text": month_text(frame.start),
        "stats": {
            "source_clauses": sel.task_clauses,
            "selected_clauses": len(items),
            "tasks": len(rows),
            "guarantee_sentences": len(sel.guarantees),
        },
    }
