"""The dated deadlines and phases of a plan as an iCalendar file (RFC 5545) for a calendar."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pbdocs.generate.oxml import xml_safe
from pbdocs.model import Document


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


def ics_text(doc: Document, now: datetime | None = None) -> tuple[str, int]:
    """The calendar text (CRLF lines) and the number of events: one all-day event per dated
    deadline (on its day) or phase (over its span)."""
    from pbdocs.generate.timetable import timetable_items

    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//pbdocs//timetable//ZH",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{ics_escape(doc.title or doc.id)}"]
    count = 0
    for it in timetable_items(doc):
        if it.kind not in ("phase", "deadline") or (it.end or it.start) is None:
            continue
        end = it.end or it.start
        start = it.start if it.kind == "phase" and it.start else end
        uid = hashlib.sha1(f"{doc.id}|{it.clause_id}|{it.deadline_text}|{it.label}"
                           .encode()).hexdigest()[:20]
        summary = ("截止：" if it.kind == "deadline" else "") + it.label
        desc = it.text + (f"\n牵头部门：{'、'.join(it.lead)}" if it.lead else "") + \
            f"\n时限：{it.deadline_text}（{it.when}）"
        lines += ["BEGIN:VEVENT", f"UID:{uid}@pbdocs", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{start.strftime('%Y%m%d')}",
                  f"DTEND;VALUE=DATE:{(end + timedelta(days=1)).strftime('%Y%m%d')}",
                  f"SUMMARY:{ics_escape(summary)}", f"DESCRIPTION:{ics_escape(desc)}",
                  "TRANSP:TRANSPARENT", "END:VEVENT"]
        count += 1
    lines.append("END:VCALENDAR")
    return "".join(fold(x) + "\r\n" for x in lines), count


def write_ics(doc: Document, out: str | Path) -> int:
    """Write the calendar file; returns the number of events."""
    from pbdocs.generate.output import save

    text, n = ics_text(doc)
    save(out, lambda p: p.write_bytes(text.encode("utf-8")))
    return n
