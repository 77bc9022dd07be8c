"""A plan's timetable as an iCalendar file (RFC 5545) for a calendar: every dated deadline and
phase as an all-day event, and every recurring duty as a repeating one (RRULE) over the plan's
span: a fixed day yearly (每年10月8日 → FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=8), monthly,
quarterly, weekly, yearly, and each semester as two yearly rules (spring and autumn)."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from pbdocs.generate.oxml import xml_safe
from pbdocs.lang import wording
from pbdocs.model import Document

# The months a semester's duty is put in: the first month of each term.
SEMESTER_MONTHS = (3, 9)
# A duty without a fixed day is put on the first day of the month it falls due in.
FREQ = {"day": ("DAILY", 1), "week": ("WEEKLY", 1), "month": ("MONTHLY", 1),
        "quarter": ("MONTHLY", 3), "year": ("YEARLY", 1)}


def ics_escape(text: str) -> str:
    """TEXT value escaping of RFC 5545 §3.3.11."""
    text = xml_safe(text).replace("\r\n", "\n").replace("\r", "\n")
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character."""
    out, cur, size = [], "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > 75:
            out.append(cur)
            cur, size = " ", 1
        cur += ch
        size += n
    out.append(cur)
    return "\r\n".join(out)


def _span(doc: Document, items, today: date) -> tuple[date, date]:
    """The days recurring duties repeat over: the plan's dated span (from its date, or its
    first dated item, to its last), at least a year (a yearly duty falls in it once)."""
    points = [d for it in items for d in (it.start, it.end) if d is not None]
    start = wording.parse_iso(doc.date)
    first = min([*points, start] if start else points) if points else (start or today)
    try:
        year_on = date(first.year + 1, first.month, first.day) - timedelta(days=1)
    except ValueError:  # 29 February
        year_on = date(first.year + 1, 2, 28)
    return first, max([*points, year_on])


def _first_on_or_after(start: date, months: tuple[int, ...], day: int = 1) -> date:
    """The first day `day` of one of `months` on or after start."""
    y, m = start.year, start.month
    for _ in range(36):
        if m in months:
            try:
                d = date(y, m, day)
            except ValueError:
                d = date(y, m, 28)
            if d >= start:
                return d
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return start


def _rules(it, start: date) -> list[tuple[date, str]]:
    """(first day, RRULE without UNTIL) of a recurring duty; [] when it cannot repeat on a
    calendar (a term of office)."""
    every = it.every if it.every and it.every > 1 else 1
    if it.period == "day" and it.on:
        try:
            month, day = (int(x) for x in it.on.split("-"))
        except ValueError:
            return []
        rule = f"FREQ=YEARLY;INTERVAL={every};BYMONTH={month};BYMONTHDAY={day}"
        return [(_first_on_or_after(start, (month,), day), rule)]
    if it.period == "semester":
        return [(_first_on_or_after(start, (m,)), f"FREQ=YEARLY;INTERVAL={every}")
                for m in SEMESTER_MONTHS]
    if it.period in FREQ:
        freq, step = FREQ[it.period]
        if it.period in ("day", "week", "year"):
            first = start
        elif it.period == "quarter":
            first = _first_on_or_after(start, (1, 4, 7, 10))
        else:
            first = _first_on_or_after(start, tuple(range(1, 13)))
        return [(first, f"FREQ={freq};INTERVAL={step * every}")]
    return []


def ics_text(doc: Document, now: datetime | None = None) -> tuple[str, int]:
    """The calendar text (CRLF lines) and the number of events: one all-day event per dated
    deadline (on its day) or phase (over its span), one repeating event per rule of each
    recurring duty."""
    from pbdocs.generate.timetable import periods, timetable_items

    now = now or datetime.now(timezone.utc)
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//pbdocs//timetable//ZH",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{ics_escape(doc.title or doc.id)}"]
    count = 0
    items = timetable_items(doc)

    def event(uid_key: str, first: date, last: date, summary: str, desc: str,
              rule: str | None = None) -> None:
        nonlocal count
        uid = hashlib.sha1(f"{doc.id}|{uid_key}".encode()).hexdigest()[:20]
        lines.extend(["BEGIN:VEVENT", f"UID:{uid}@pbdocs", f"DTSTAMP:{stamp}",
                      f"DTSTART;VALUE=DATE:{first.strftime('%Y%m%d')}",
                      f"DTEND;VALUE=DATE:{(last + timedelta(days=1)).strftime('%Y%m%d')}"])
        if rule:
            lines.append(f"RRULE:{rule}")
        lines.extend([f"SUMMARY:{ics_escape(summary)}", f"DESCRIPTION:{ics_escape(desc)}",
                      "TRANSP:TRANSPARENT", "END:VEVENT"])
        count += 1

    for it in items:
        lead = f"\n牵头部门：{'、'.join(it.lead)}" if it.lead else ""
        if it.kind in ("phase", "deadline") and (it.end or it.start) is not None:
            end = it.end or it.start
            start = it.start if it.kind == "phase" and it.start else end
            summary = ("截止：" if it.kind == "deadline" else "") + it.label
            event(f"{it.clause_id}|{it.deadline_text}|{it.label}", start, end, summary,
                  it.text + lead + f"\n时限：{it.deadline_text}（{it.when}）")
    first, last = _span(doc, items, now.date())
    until = last.strftime("%Y%m%d")
    for it in items:
        if it.kind != "recurring":
            continue
        lead = f"\n牵头部门：{'、'.join(it.lead)}" if it.lead else ""
        rules = [r for p in periods(it) for r in _rules(p, first)]
        for k, (day, rule) in enumerate(rules):
            if day > last:
                continue
            event(f"{it.clause_id}|{it.label}|{it.when}|{k}", day, day, it.label,
                  it.text + lead + f"\n频次：{it.when}", f"{rule};UNTIL={until}")
    lines.append("END:VCALENDAR")
    return "".join(fold(x) + "\r\n" for x in lines), count


def write_ics(doc: Document, out: str | Path) -> int:
    """Write the calendar file; returns the number of events."""
    from pbdocs.generate.output import save

    text, n = ics_text(doc)
    save(out, lambda p: p.write_bytes(text.encode("utf-8")))
    return n
