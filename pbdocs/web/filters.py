"""Template helpers that say model values in Chinese for a reader: the wording of
`pbdocs.lang.wording`, installed as jinja2 filters (all output is escaped by jinja2; nothing here
returns markup)."""

from __future__ import annotations

from typing import Any

from flask import Flask

from pbdocs.lang import wording

# How the UI names a plan whose institution the text does not say, everywhere (the search
# index's own value for it, so that the facet and the filter use the same words).
NO_INSTITUTION = "（未注明单位）"


def inst_label(institution: str | None) -> str:
    """An institution, or the one way the UI says there is none."""
    return institution or NO_INSTITUTION


# A department as written (with its canonical name), marked （建议） when the tool only
# suggests it: a suggestion never reads as a fact.
dept = wording.dept_label
depts = wording.dept_labels


def warning_label(kind: str | None) -> str:
    """What kind of parsing note this is, in words (`lexicon/wording.tsv`, rows `warning`)."""
    return wording.word("warning", kind or "", "解析提示")


def size_label(n: int | None) -> str:
    """A file size for a person: 12 KB, 1.3 MB."""
    if n is None:
        return ""
    if n < 1024 * 1024:
        return f"{max(1, round(n / 1024))} KB"
    return f"{n / 1024 / 1024:.1f} MB"


def path_label(path: Any) -> str:
    """A clause path for display: `二 / （一） / 1` (from a list or a "/"-joined string)."""
    parts = path if isinstance(path, list) else str(path or "").split("/")
    return " / ".join(p for p in parts if p)


def anchor(clause_id: str) -> str:
    """The in-page anchor of a clause on its document page."""
    return "c-" + "-".join(str(clause_id or "").split("/")[1:])


def number(value: Any) -> str:
    """A score or count, short."""
    if isinstance(value, float):
        return f"{value:.2f}"
    return "" if value is None else str(value)


def numbered(number: str | None, heading: str | None = "") -> str:
    """A heading with its number: 一、任务目标; （一）…; 1.…"""
    return wording.numbered(number, heading)


FILTERS = {
    "dept": dept, "depts": depts, "inst": inst_label, "warning": warning_label,
    "size": size_label, "cn_date": wording.cn_date,
    "deadline": wording.deadline_label, "recurrence": wording.recurrence_label,
    "target": wording.target_label, "prefix": wording.heading_label,
    "path_label": path_label, "anchor": anchor, "number": number,
}


def register(app: Flask) -> None:
    """Install the helpers as jinja2 filters (and `numbered` as a function)."""
    app.jinja_env.filters.update(FILTERS)
    app.jinja_env.globals["numbered"] = numbered
