"""Dialect Markdown → HTML for the web UI: the tree `dialect.parse` gives, serialised, with a
stylesheet derived from the same GB/T 9704 roles as the .docx."""

from __future__ import annotations

from lxml import etree

from pbdocs.generate import dialect
from pbdocs.generate import gbt9704 as G

_LINE_CLASSES = {"redhead": ("masthead", "docnumber"), "signature": ("signature", "date")}


def markdown_to_html(markdown_text: str, standalone: bool = False, title: str = "") -> str:
    """Render dialect Markdown to an HTML fragment `<div class="pbdocs">…</div>` (or a whole
    page with its stylesheet when standalone)."""
    root = dialect.parse(markdown_text)
    for div in root.iter("div"):
        name = dialect.directive(div) or ""
        names = _LINE_CLASSES.get(name)
        if names:
            for p, cls in zip([c for c in div if c.tag == "p"], names):
                p.set("class", cls)
        if name == "table":
            _col_widths(div)
    body = etree.tostring(root, encoding="unicode", method="html")
    if not standalone:
        return body
    from html import escape

    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(title)}</title><style>{G.css()}</style></head>"
            f"<body>{body}</body></html>\n")


def _col_widths(div) -> None:
    """`::: table widths=…` as a <colgroup> of percentages."""
    try:
        weights = [float(x) for x in dialect.args(div).get("widths", "").split(",") if x]
    except ValueError:
        return
    table = div.find("table")
    if table is None or not weights:
        return
    group = etree.Element("colgroup")
    for w in weights:
        etree.SubElement(group, "col", style=f"width:{100 * w / sum(weights):.1f}%")
    table.insert(0, group)
    size = dialect.args(div).get("size")
    if size:
        table.set("style", f"font-size:{size}pt")


def stylesheet() -> str:
    """The CSS a page embedding `markdown_to_html` fragments needs."""
    return G.css()
