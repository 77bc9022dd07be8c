"""Template helpers that say model values in Chinese for a reader (all output is escaped by
jinja2; nothing here returns markup)."""

from __future__ import annotations

from typing import Any

from flask import Flask

PERIODS = {"day": "每年固定日", "week": "每周", "month": "每月", "quarter": "每季度",
           "semester": "每学期", "year": "每年", "term_of_office": "每届"}
OPS = {">=": "不低于", "<=": "不高于", "=": "等于", "~": "约"}
DEADLINE_KINDS = {"by": "截至", "range": "期间", "on": "当日/当月", "within": "期限内"}


def _get(obj: Any, name: str, default: Any = None) -> Any:
    """A field of a model object or of its JSON dict."""
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def dept(d: Any) -> str:
    """`组织部（党委组织部）` where the canonical name differs from the written one."""
    name, canon = _get(d, "name") or "", _get(d, "canonical") or ""
    return f"{name}（{canon}）" if canon and canon != name else name or canon


def depts(items: Any) -> str:
    """Departments joined by 、, or an empty string."""
    return "、".join(dept(d) for d in items or [])


def deadline(d: Any) -> str:
    """A deadline as written, with its resolved date."""
    text, start, end = _get(d, "text") or "", _get(d, "start"), _get(d, "end")
    if start and end and start != end:
        return f"{text}（{start} 至 {end}）"
    if end or start:
        return f"{text}（{end or start}）"
    return text


def recurrence(r: Any) -> str:
    """A repeated duty as written, with its period when the text does not say it."""
    text = _get(r, "text") or ""
    period = PERIODS.get(_get(r, "period") or "", "")
    return text if not period or period in text else f"{text}（{period}）"


def target(t: Any) -> str:
    """A quantified goal as written, with what it measures."""
    text, subject = _get(t, "text") or "", _get(t, "subject")
    return f"{subject}：{text}" if subject and subject not in text else text


def path_label(path: Any) -> str:
    """A clause path for display: `二 / （一） / 1` (from a list or a "/"-joined string)."""
    parts = path if isinstance(path, list) else str(path or "").split("/")
    return " / ".join(p for p in parts if p)


def anchor(clause_id: str) -> str:
    """The in-page anchor of a clause on its document page."""
    return "c-" + "-".join(str(clause_id or "").split("/")[1:])


_CJK_NUMERALS = set("一二三四五六七八九十百零〇")


def prefix(number: str | None) -> str:
    """A heading number as a reader expects it before text: 一、 （一） 1. """
    number = (number or "").strip()
    if not number or number == "0":
        return ""
    if number[-1] in "、.．）)】〕" or number.startswith(("第", "（", "(", "①")):
        return number if number[-1] in "、）)】〕" else number + " "
    if set(number) <= _CJK_NUMERALS:
        return number + "、"
    if number.isdigit():
        return number + ". "
    return number + " "


def numbered(number: str | None, heading: str | None = "") -> str:
    """A heading with its number: 一、任务目标; （一）…; 1. …"""
    return (prefix(number) + (heading or "").strip()).strip()


def number(value: Any) -> str:
    """A score or count, short."""
    if isinstance(value, float):
        return f"{value:.2f}"
    return "" if value is None else str(value)


def register(app: Flask) -> None:
    """Install the helpers as jinja2 filters (and `numbered` as a function)."""
    for fn in (dept, depts, deadline, recurrence, target, path_label, anchor, number, prefix):
        app.jinja_env.filters[fn.__name__] = fn
    app.jinja_env.globals["numbered"] = numbered
