"""How dates, deadlines, recurrences and document numbers read in a Chinese official document."""

from __future__ import annotations

import calendar
import re
from datetime import date

from pbdocs.model import Deadline, Recurrence

PERIOD_WORDS = {"week": "每周", "month": "每月", "quarter": "每季度", "semester": "每学期",
                "year": "每年", "term_of_office": "每届任期", "day": "每天"}
LONG_TERM = "长期坚持"
NUMBER_PLACEHOLDER = "〔 〕号"
_DOCNO = re.compile(r"^(?P<org>\S*?)\s*[〔【\[（(﹝［]\s*(?P<year>\d{4})\s*[〕】\]）)﹞］]\s*第?"
                    r"\s*0*(?P<n>\d+)\s*号$")


def parse_iso(value: str | None) -> date | None:
    """A `YYYY-MM-DD` string as a date, or None."""
    if not value:
        return None
    try:
        y, m, d = (int(x) for x in value.split("-"))
        return date(y, m, d)
    except (ValueError, TypeError):
        return None


def cn_date(value: str | date | None) -> str:
    """`2020-11-30` → `2020年11月30日` (Arabic numerals, no padding); '' when unknown."""
    d = parse_iso(value) if isinstance(value, str) else value
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def parse_user_date(text: str) -> str | None:
    """A date a person typed (`2020-11-30`, `2020/11/30`, `2020年11月30日`) → ISO, or None."""
    m = re.fullmatch(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*", text or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def normalize_doc_number(text: str | None) -> str | None:
    """A 发文字号 in the standard form `杭电组〔2020〕55号` (year in 〔〕, no leading zeros, no
    第), or None when it does not read as one (never a guess)."""
    if not text:
        return None
    m = _DOCNO.match(re.sub(r"\s+", "", text))
    if not m:
        return None
    return f"{m['org']}〔{m['year']}〕{int(m['n'])}号"


def _month_end(d: date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def _point(d: date, suffix: str = "") -> str:
    if d.month == 12 and d.day == 31:
        return f"{d.year}年底{suffix}"
    if _month_end(d):
        return f"{d.year}年{d.month}月底{suffix}"
    return f"{d.year}年{d.month}月{d.day}日{suffix}"


def deadline_text(dl: Deadline) -> str:
    """A deadline as a task table says it: `2021年6月底前`, `2020年4月—5月`, else as written."""
    start, end = parse_iso(dl.start), parse_iso(dl.end)
    if dl.kind == "range" and start and end:
        a = f"{start.year}年{start.month}月"
        b = (f"{end.month}月" if end.year == start.year else f"{end.year}年{end.month}月")
        return a if (start.year, start.month) == (end.year, end.month) else f"{a}—{b}"
    if dl.kind == "on" and end:
        if start and start.day == 1 and _month_end(end) and start.month == end.month:
            return f"{end.year}年{end.month}月"
        return f"{end.year}年{end.month}月{end.day}日"
    if end:
        return _point(end, "前")
    return dl.text


def recurrence_text(rec: Recurrence) -> str:
    """A recurring duty's period as a table says it: `每学期`, `每年10月8日`."""
    if rec.period == "day" and rec.on:
        try:
            m, d = (int(x) for x in rec.on.split("-"))
            return f"每年{m}月{d}日"
        except ValueError:
            return rec.text
    return PERIOD_WORDS.get(rec.period, rec.text)


def time_limit(deadlines: list[Deadline], recurrences: list[Recurrence]) -> str:
    """The 完成时限 cell: dated deadlines, else recurrence periods, else 长期坚持."""
    parts: list[str] = []
    for dl in deadlines:
        t = deadline_text(dl)
        if t and t not in parts:
            parts.append(t)
    if not parts:
        for rec in recurrences:
            t = recurrence_text(rec)
            if t and t not in parts:
                parts.append(t)
    return "；".join(parts) if parts else LONG_TERM


def book_title(title: str | None) -> str | None:
    """A title put inside 《》: a 《》 already in it becomes 〈〉."""
    return title.replace("《", "〈").replace("》", "〉") if title else title


_DIGITS = "零一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一 (heading numbers up to 99)."""
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = ("" if tens == 1 else _DIGITS[tens]) + "十" if tens else ""
    return head + (_DIGITS[ones] if ones else "")
