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
        names = _LINE_CLASSES.get(dialect.directive(div) or "")
        if names:
            for p, cls in zip([c for c in div if c.tag == "p"], names):
                p.set("class", cls)
    body = etree.tostring(root, encoding="unicode", method="html")
    if not standalone:
        return body
    from html import escape

    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(title)}</title><style>{G.css()}</style></head>"
            f"<body>{body}</body></html>\n")


def stylesheet() -> str:
    """The CSS a page embedding `markdown_to_html` fragments needs."""
    return G.css()
