"""The 时间表 (`pbdocs timetable`): a month-by-month grid of a plan's phases, deadlines,
recurring duties and standing tasks, one landscape table per calendar year."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pbdocs.generate.plan import is_preamble, key_task
from pbdocs.lang import wording
from pbdocs.lang.wording import depts_shown_list
from pbdocs.model import Clause, Deadline, Document

LABEL_CHARS = 60
ONGOING_BAND = "贯穿全年"
# Semesters within a calendar year: spring (with the winter break) and autumn.
SEMESTER_SPANS = [(1, 7), (8, 12)]


@dataclass
class TimeItem:
    """One row of the timetable."""

    kind: str  # phase | deadline | recurring | ongoing
    label: str
    lead: list[str]
    when: str  # the 时间 column: `2020年4月—5月`, `2021年6月底前`, `每学期`, `长期坚持`
    start: date | None = None
    end: date | None = None
    period: str | None = None
    on: str | None = None
    min_times: int | None = None
    clause_id: str = ""
    text: str = ""  # the full task text (calendar description)
    deadline_text: str = ""  # as written in the plan
    extra: dict[str, Any] = field(default_factory=dict)


def _short(text: str, n: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _units(c: Clause):
    """(text, lead, deadlines, recurrences) of each task of a clause (or the clause itself)."""
    for t in c.tasks:  # a clause without tasks (a heading, background) gives no row
        yield t.text, (t.lead or c.lead), t.deadlines, t.recurrences


def _span(dl: Deadline, doc_date: date | None) -> tuple[date | None, date | None]:
    start, end = wording.parse_iso(dl.start), wording.parse_iso(dl.end)
    if dl.kind == "within" and start is None and end is not None:
        start = doc_date
    return start, end


def timetable_items(doc: Document) -> list[TimeItem]:
    """Every dated phase and deadline, recurring duty and standing (undated) clause of a plan."""
    doc_date = wording.parse_iso(doc.date)
    items: list[TimeItem] = []
    for c in doc.clauses:
        if is_preamble(c) or not (c.text or "").strip():
            continue
        key = key_task(doc, c)
        units = list(_units(c))
        dated: dict[str, list] = {}
        for text, lead, dls, _ in units:
            for dl in dls:
                if dl.end or dl.start:
                    dated.setdefault(dl.text, []).append((text, lead, dl))
        for uses in dated.values():
            text, lead, dl = uses[0]
            start, end = _span(dl, doc_date)
            # a phase (申报（2020年4月-5月）) is named by its heading; a task by what is done
            phase = bool(key) and dl.text in key
            label = key if phase else f"{key}：{_short(text)}" if key else _short(text)
            kind = "phase" if (start and end and start < end) else "deadline"
            items.append(TimeItem(kind=kind, label=label, lead=depts_shown_list(lead),
                                  when=wording.deadline_text(dl), start=start, end=end,
                                  clause_id=c.id, text=text, deadline_text=dl.text))
        seen: set[str] = set()
        for text, lead, _, recs in units:
            for r in recs:
                if r.text in seen:
                    continue
                seen.add(r.text)
                items.append(TimeItem(kind="recurring", label=f"{key}：{r.text}" if key else r.text,
                                      lead=depts_shown_list(lead), when=wording.recurrence_text(r),
                                      period=r.period, on=r.on, min_times=r.min_times,
                                      clause_id=c.id, text=text))
        if units and not dated and not seen:
            leads: list[str] = []
            for _, lead, _, _ in units:
                leads += [n for n in depts_shown_list(lead) if n not in leads]
            undated = all(t.kind == "once" for t in c.tasks)
            first = _short(units[0][0])  # what is done, not only the heading it is under
            items.append(TimeItem(kind="ongoing", label=f"{key}：{first}" if key else first,
                                  lead=leads, clause_id=c.id, text=c.text,
                                  when=wording.undated() if undated else wording.long_term()))
    return items


def month_range(items: list[TimeItem], doc: Document) -> list[tuple[int, int]]:
    """(year, month) from the first to the last dated item; the plan's year when nothing is
    dated but something recurs; empty when there is no date at all."""
    points = [d for it in items for d in (it.start, it.end) if d is not None]
    if not points:
        d = wording.parse_iso(doc.date)
        if d is None or not any(it.kind == "recurring" for it in items):
            return []
        points = [date(d.year, 1, 1), date(d.year, 12, 31)]
    lo, hi = min(points), max(points)
    out, y, m = [], lo.year, lo.month
    while (y, m) <= (hi.year, hi.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _recurring_marks(it: TimeItem, months: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(first index, last index, text) of the spans a recurring duty occupies in `months`."""
    mark = f"{it.min_times}次" if it.min_times else "●"
    idx = {ym: i for i, ym in enumerate(months)}
    spans: list[tuple[int, int, str]] = []
    years = sorted({y for y, _ in months})
    if it.period in ("week", "month"):
        return [(i, i, mark if it.period == "month" else "每周") for i in range(len(months))]
    if it.period == "day" and it.on:
        mo = int(it.on.split("-")[0])
        return [(idx[(y, mo)], idx[(y, mo)], f"{int(it.on.split('-')[1])}日")
                for y in years if (y, mo) in idx]
    if it.period in ("quarter", "semester", "year"):
        blocks = {"quarter": [(1, 3), (4, 6), (7, 9), (10, 12)], "semester": SEMESTER_SPANS,
                  "year": [(1, 12)]}[it.period]
        for y in years:
            for a, b in blocks:
                inside = [idx[(y, m)] for m in range(a, b + 1) if (y, m) in idx]
                if inside:
                    spans.append((inside[0], inside[-1], mark))
        return spans
    return [(0, len(months) - 1, it.when)]


def _cells(it: TimeItem, months: list[tuple[int, int]]) -> list[str]:
    """The month cells of one row (dialect: `<` merges left, a fill span shades)."""
    n = len(months)
    cells = [""] * n
    if n == 0:
        return cells

    def put(a: int, b: int, text: str, shade: bool) -> None:
        body = text or "&#8203;"
        cells[a] = f'<span class="fill">{body}</span>' if shade else body
        for k in range(a + 1, b + 1):
            cells[k] = "<"

    if it.kind in ("phase", "deadline"):
        first, last = months[0], months[-1]
        s = (it.start.year, it.start.month) if it.start else None
        e = (it.end.year, it.end.month) if it.end else s
        if e is None or e < first or (s or e) > last:
            return cells
        a = months.index(max(s or e, first))
        b = months.index(min(e, last))
        if it.kind == "phase":
            put(a, b, "", True)
        else:
            put(b, b, "▲", True)
    elif it.kind == "recurring":
        for a, b, text in _recurring_marks(it, months):
            put(a, b, text, False)
    else:
        put(0, n - 1, ONGOING_BAND, False)
    return cells


def _overlaps(it: TimeItem, months: list[tuple[int, int]]) -> bool:
    if it.kind not in ("phase", "deadline"):
        return True
    s = (it.start.year, it.start.month) if it.start else None
    e = (it.end.year, it.end.month) if it.end else s
    return e is not None and (s or e) <= months[-1] and e >= months[0]


def timetable_context(doc: Document) -> dict[str, Any]:
    """What the timetable template reads: items, and per calendar year the months and rows
    (each row: no, label, lead, when, month cells)."""
    items = timetable_items(doc)
    months = month_range(items, doc)
    order = {"phase": 0, "deadline": 0, "recurring": 1, "ongoing": 2}
    items.sort(key=lambda it: (order[it.kind], it.start or it.end or date.max))
    numbered = [{"no": i + 1, "label": it.label, "lead": "、".join(it.lead), "when": it.when,
                 "kind": it.kind, "item": it} for i, it in enumerate(items)]
    years = []
    for y in sorted({y for y, _ in months}):
        ms = [ym for ym in months if ym[0] == y]
        groups = []
        for kind, title in (("dated", "阶段与时间节点"), ("recurring", "经常性工作"),
                            ("ongoing", "长期坚持")):
            rows = [r | {"months": _cells(r["item"], ms)} for r in numbered
                    if (r["kind"] in ("phase", "deadline") if kind == "dated" else
                        r["kind"] == kind) and _overlaps(r["item"], ms)]
            if rows:
                groups.append({"heading": title, "rows": rows})
        years.append({"year": y, "months": [m for _, m in ms], "groups": groups})
    suggested = wording.word("basis", "suggested")  # the mark of a suggested department
    return {
        "legend": wording.basis_legend() if suggested and any(
            suggested in n for it in items for n in it.lead) else "",
        "plan_title": doc.title,
        "items": numbered,
        "years": years,
        "first": f"{months[0][0]}年{months[0][1]}月" if months else None,
        "last": f"{months[-1][0]}年{months[-1][1]}月" if months else None,
        "doc_id": doc.id,
    }
