"""The 时间表 (`pbdocs timetable`): a plan's tasks by month.

Rows are tasks (never a heading): one landscape month grid per calendar year holds the tasks
dated in that year (a phase shaded over its months, a deadline ▲ in its month), numbered
1, 2, 3 … in each grid; the recurring duties (● or the least number of times in the months they
recur, 8日 on a fixed day) and the standing tasks (贯穿全年) are listed once, in a grid of
their own, not repeated in every year; a deliverable nobody dated (待定) is listed apart, with
no months. The template's legend says what the marks mean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pbdocs.extract.period import plan_period
from pbdocs.generate.plan import is_preamble, plan_name
from pbdocs.lang import text as lang_text
from pbdocs.lang import wording
from pbdocs.model import Clause, Deadline, Document

LABEL_CHARS = 60
ONGOING_BAND = "贯穿全年"
TERM_BAND = "贯穿本学期"
# Semesters within a calendar year: spring (with the winter break) and autumn.
SEMESTER_SPANS = [(1, 7), (8, 12)]
QUARTERS = [(1, 3), (4, 6), (7, 9), (10, 12)]


@dataclass
class TimeItem:
    """One row of the timetable: a task and when it is done."""

    kind: str  # phase | deadline | recurring | ongoing | undated (a deliverable, no date)
    label: str
    lead: list[str]
    when: str  # the 时间 column: `2020年4月—5月`, `2021年6月底前`, `每学期`, `长期坚持`
    start: date | None = None
    end: date | None = None
    period: str | None = None
    on: str | None = None
    min_times: int | None = None
    every: int | None = None
    clause_id: str = ""
    text: str = ""  # the full task text (calendar description)
    deadline_text: str = ""  # as written in the plan
    lead_shown: str = ""  # the lead departments as the table shows them (suggestions marked)
    extra: dict[str, Any] = field(default_factory=dict)


def _short(text: str, n: int = LABEL_CHARS) -> str:
    """A task's words for a grid row, at most `n` characters: cut after a comma or at a word's
    end (never inside a word or a number: 学习时间不少于56学时, not 不少于5…), marked …."""
    text = " ".join(lang_text.responsibility_note().sub("", text).split())
    if len(text) <= n:
        return text
    limit = n - 1
    comma = max(text.rfind(p, 0, limit + 1) for p in "，；、,;：:")
    if comma >= limit * 0.6:
        return text[:comma] + "…"
    from pbdocs.segment import cut

    at = 0
    for w in cut(text):
        if at + len(w) > limit:
            break
        at += len(w)
    if at < limit * 0.6:  # (one long word: cut where a number does not run on)
        at = limit
        while at > 1 and text[at - 1].isdigit() and text[at].isdigit():
            at -= 1
    return text[:at] + "…"


def _units(c: Clause):
    """(text, lead, deadlines, recurrences, kind) of each task of a clause; a clause without
    tasks (a heading, background, a condition) gives no row. `kind` is the task's
    once/recurring/ongoing."""
    for t in c.tasks:
        yield (t.text, (t.lead or c.lead), t.deadlines, t.recurrences, getattr(t, "kind", None))


def _span(dl: Deadline, doc_date: date | None) -> tuple[date | None, date | None]:
    start, end = wording.parse_iso(dl.start), wording.parse_iso(dl.end)
    if dl.kind == "within" and start is None and end is not None:
        start = doc_date
    return start, end


def _when(dl: Deadline) -> str:
    """The 时间 cell of a dated task; a date the tool derived is marked as such."""
    text = wording.deadline_text(dl)
    if getattr(dl, "inferred", False):
        text += wording.inferred_mark(dl)
    return text


def _recurring(r) -> TimeItem:
    """A further period of a recurring task (for its marks and calendar rules)."""
    return TimeItem(kind="recurring", label="", lead=[], when=wording.recurrence_text(r),
                    period=r.period, on=r.on, min_times=r.min_times,
                    every=getattr(r, "every", None))


def periods(it: TimeItem) -> list[TimeItem]:
    """A recurring row and each further period of its task."""
    return [it, *it.extra.get("also", [])]


def _is_heading_only(text: str, c: Clause) -> bool:
    """Whether a unit's text is only its clause's heading (a heading is not a task)."""
    key = "".join(ch for ch in text if ch.isalnum())
    return not key or bool(c.heading) and key == "".join(ch for ch in c.heading if ch.isalnum())


def timetable_items(doc: Document) -> list[TimeItem]:
    """Every task of a plan with its time: dated (a phase or a deadline), recurring, or
    standing; each task once, labelled with its own words."""
    doc_date = wording.parse_iso(doc.date)
    items: list[TimeItem] = []
    seen: set[tuple[str, str]] = set()
    for c in doc.clauses:
        if is_preamble(c) or not (c.text or "").strip():
            continue
        for text, lead, dls, recs, kind in _units(c):
            if _is_heading_only(text, c):
                continue
            label = _short(text)
            common = {"lead": wording.dept_names(lead), "lead_shown": wording.depts_shown(lead),
                      "clause_id": c.id, "text": text}
            # the task's dates and cadence place it, as in the task book's 完成时限; its kind
            # only tells an undated deliverable (待定) from a standing duty (长期坚持)
            dated = [d for d in dls if d.end or d.start]
            if dated:
                for dl in dated:
                    start, end = _span(dl, doc_date)
                    if (label, dl.text) in seen:
                        continue
                    seen.add((label, dl.text))
                    phase = bool(start and end and start < end)
                    items.append(TimeItem(kind="phase" if phase else "deadline", label=label,
                                          when=_when(dl), start=start, end=end,
                                          deadline_text=dl.text, **common))
            elif recs:
                if (label, "recurring") in seen:
                    continue
                seen.add((label, "recurring"))
                # one row per task, with each of its periods (每年公布…，每学期互查互评)
                whens = list(dict.fromkeys(wording.recurrence_text(r) for r in recs))
                first, rest = recs[0], recs[1:]
                items.append(TimeItem(kind="recurring", label=label, when="；".join(whens),
                                      period=first.period, on=first.on,
                                      min_times=first.min_times,
                                      every=getattr(first, "every", None), **common,
                                      extra={"also": [_recurring(r) for r in rest]}))
            elif (label, "") not in seen:
                seen.add((label, ""))
                # a deliverable without a date is 待定, never 长期坚持 (nor 贯穿全年)
                if kind == "once":
                    items.append(TimeItem(kind="undated", label=label, when=wording.undated(),
                                          **common))
                else:
                    items.append(TimeItem(kind="ongoing", label=label,
                                          when=wording.long_term(), **common))
    return items


def month_range(items: list[TimeItem], doc: Document) -> list[tuple[int, int]]:
    """(year, month) over the plan's period: from its own date (the month it is issued, or the
    start it states for itself, when that is before its first dated task: a plan whose every
    task is due 2023年底前 still runs from its issue) to the last dated item; empty when nothing
    is dated."""
    points = [d for it in items for d in (it.start, it.end) if d is not None]
    if not points:
        return []
    lo, hi = min(points), max(points)
    issued = wording.parse_iso(doc.date)
    stated = plan_period(doc)
    if stated is not None and stated.source == "text" and stated.start:
        # 实施期限为2027年5月至2028年12月, issued on 4月28日: the plan runs from May
        issued = max(issued, stated.start) if issued else stated.start
    if issued and issued < lo and hi.year - issued.year <= 5:
        lo = issued
    out, y, m = [], lo.year, lo.month
    while (y, m) <= (hi.year, hi.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _recurring_marks(it: TimeItem) -> list[tuple[int, int, str]]:
    """(first month, last month, text) of the spans a recurring duty occupies in a year."""
    mark = f"{it.min_times}次" if it.min_times else "●"
    every = it.every if it.every and it.every > 1 else 1
    if it.period == "week":  # 每周, 每两周
        return [(1, 12, wording.period_word("week", None, every))]
    if it.period == "day" and not it.on:  # 每日
        return [(1, 12, wording.period_word("day"))]
    if it.period == "month":  # once a month is what ● says; 每两个月: every other month
        mark = mark if (it.min_times or 1) > 1 else "●"
        return [(m, m, mark) for m in range(1, 13, every)]
    if it.period == "day" and it.on:
        try:
            mo, day = (int(x) for x in it.on.split("-"))
            return [(mo, mo, f"{day}日")]
        except ValueError:
            return []
    blocks = {"quarter": QUARTERS, "semester": SEMESTER_SPANS, "year": [(1, 12)]}.get(
        it.period or "")
    if blocks:
        return [(a, b, mark) for a, b in blocks]
    return [(1, 12, it.when)]


def _put(cells: list[str], a: int, b: int, text: str, shade: bool) -> None:
    """Month cells a..b (0-based) as one merged cell (dialect: `<` merges left)."""
    body = text or "&#8203;"
    cells[a] = f'<span class="fill">{body}</span>' if shade else body
    for k in range(a + 1, b + 1):
        cells[k] = "<"


def _dated_cells(it: TimeItem, months: list[tuple[int, int]]) -> list[str]:
    cells = [""] * len(months)
    s = (it.start.year, it.start.month) if it.start else None
    e = (it.end.year, it.end.month) if it.end else s
    if e is None or e < months[0] or (s or e) > months[-1]:
        return cells
    a = months.index(max(s or e, months[0]))
    b = months.index(min(e, months[-1]))
    if it.kind == "phase":
        _put(cells, a, b, "", True)
    elif (it.end.year, it.end.month) in months:
        _put(cells, b, b, "▲", True)
    return cells


def _year_cells(it: TimeItem) -> list[str]:
    cells = [""] * 12
    if it.kind == "ongoing":
        _put(cells, 0, 11, ONGOING_BAND, False)
    else:
        for p in periods(it):
            for a, b, text in _recurring_marks(p):
                if all(c == "" for c in cells[a - 1:b]):  # the first period's mark wins
                    _put(cells, a - 1, b - 1, text, False)
    return cells


def _term_months(doc: Document, months: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The months of a term's plan (秋季学期工作安排: its dated months, at most seven), over
    which its regular work is shown instead of a calendar year; [] for any other plan."""
    if "学期" not in (doc.title or "") or not 1 < len(months) <= 7:
        return []
    return months


def _term_cells(it: TimeItem, term: list[tuple[int, int]]) -> list[str]:
    """A recurring or standing row's cells over a term's months: a weekly duty, a term's or
    a year's once across the term, a monthly one in each month, a quarter's in its months."""
    cells = [""] * len(term)
    if it.kind == "ongoing":
        _put(cells, 0, len(term) - 1, TERM_BAND, False)
        return cells
    # the finest cadence shows (每学期…，每月至少听课2次: each month), the term's or year's
    # once across the term where nothing finer is written
    for p in sorted(periods(it), key=lambda p: _FINENESS.get(p.period or "", 9)):
        if p.period in ("semester", "year"):
            times = f"{p.min_times}次" if p.min_times else "1次"
            if p.period == "year" and p.every and p.every > 1:
                times = wording.period_word("year", None, p.every)
            marks = [(term[0][1], term[0][1], times)]
            spans = [list(range(len(term)))]
        else:
            marks = _recurring_marks(p)
            spans = []
            for a, b, _ in marks:
                idx = [i for i, (_, m) in enumerate(term) if a <= m <= b]
                spans.append(idx)
        for (_, _, text), idx in zip(marks, spans, strict=True):
            if idx and all(cells[i] == "" for i in idx):  # a finer mark already there wins
                _put(cells, idx[0], idx[-1], text, False)
    return cells


_FINENESS = {"day": 0, "week": 1, "month": 2, "quarter": 3, "semester": 4, "year": 5}


def _overlaps(it: TimeItem, months: list[tuple[int, int]]) -> bool:
    s = (it.start.year, it.start.month) if it.start else None
    e = (it.end.year, it.end.month) if it.end else s
    return e is not None and (s or e) <= months[-1] and e >= months[0]


def _row(no: int, it: TimeItem, cells: list[str]) -> dict[str, Any]:
    return {"no": no, "label": it.label, "lead": it.lead_shown or "、".join(it.lead),
            "when": it.when, "kind": it.kind, "months": cells, "item": it}


def timetable_context(doc: Document) -> dict[str, Any]:
    """What the timetable template reads: per calendar year the months and the rows dated in
    it; the recurring and standing rows once (a month grid of one year); the undated
    deliverables (no months); the legend."""
    items = timetable_items(doc)
    months = month_range(items, doc)
    dated = sorted((it for it in items if it.kind in ("phase", "deadline")),
                   key=lambda it: (it.start or it.end or date.max, it.end or date.max))
    years = []
    for y in sorted({y for y, _ in months}):
        ms = [ym for ym in months if ym[0] == y]
        rows = [it for it in dated if _overlaps(it, ms)]
        if rows:
            years.append({"year": y, "months": [m for _, m in ms],
                          "rows": [_row(i, it, _dated_cells(it, ms))
                                   for i, it in enumerate(rows, 1)]})
    regular = [it for it in items if it.kind == "recurring"]
    regular += [it for it in items if it.kind == "ongoing"]
    term = _term_months(doc, months)
    grid = [m for _, m in term] if term else list(range(1, 13))
    mark = wording.word("basis", "suggested")
    suggested = bool(mark) and any(mark in it.lead_shown for it in items)
    return {
        "plan_title": doc.title,
        "plan_name": plan_name(doc),
        "items": [_row(i, it, []) for i, it in enumerate(items, 1)],
        "years": years,
        "regular": [_row(i, it, _term_cells(it, term) if term else _year_cells(it))
                    for i, it in enumerate(regular, 1)],
        # the regular work's month grid: a calendar year, or a term plan's own months
        "regular_months": grid,
        "regular_span": wording.word("phrase", "term_grid", "本学期") if term else
        wording.word("phrase", "year_grid", "每年"),
        "regular_widths": ",".join(["4", "36", "12", "12"] + [str(36 // len(grid))] * len(grid)),
        "undated": [_row(i, it, []) for i, it in
                    enumerate((it for it in items if it.kind == "undated"), 1)],
        "basis_legend": wording.basis_legend() if suggested else "",
        "inferred_legend": wording.inferred_legend() if any(
            wording.inferred_mark_in(it.when) for it in items) else "",
        "first": f"{months[0][0]}年{months[0][1]}月" if months else None,
        "last": f"{months[-1][0]}年{months[-1][1]}月" if months else None,
        "doc_id": doc.id,
    }
