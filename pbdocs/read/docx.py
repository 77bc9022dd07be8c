"""Word .docx: paragraphs and table cells in document order (walking the body XML), with the
numbers of Word's automatic numbering written out, since they are not in the paragraph text."""

from __future__ import annotations

import io
from pathlib import Path

from pbdocs.read.numbering import Numbering
from pbdocs.read.tables import task_rows

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _para_text(p) -> str:
    """A paragraph's text: runs, hyperlinks, fields' results, tabs and line breaks."""
    parts: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == f"{W}t":
            parts.append(el.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{W}sym":
            parts.append(" ")
    return "".join(parts)


def _table_rows(tbl, numbering: Numbering) -> list[list[tuple[str, list[str]]]]:
    """A table's rows as (cell text, the cell's own paragraphs) per grid column: a cell spanning
    columns (gridSpan) fills each, a cell merged down (vMerge) repeats the text above it with no
    paragraphs of its own."""
    rows: list[list[tuple[str, list[str]]]] = []
    for tr in tbl.iterchildren(f"{W}tr"):
        row: list[tuple[str, list[str]]] = []
        for tc in tr.iterchildren(f"{W}tc"):
            pr = tc.find(f"{W}tcPr")
            span = pr.find(f"{W}gridSpan") if pr is not None else None
            merge = pr.find(f"{W}vMerge") if pr is not None else None
            paras: list[str] = []
            _blocks(tc, numbering, paras)
            text = "".join(p.strip() for p in paras)
            if merge is not None and merge.get(f"{W}val") in (None, "continue") and rows:
                above = rows[-1][len(row)] if len(row) < len(rows[-1]) else ("", [])
                text, paras = above[0], []
            try:
                width = max(1, min(int(span.get(f"{W}val")), 50)) if span is not None else 1
            except (TypeError, ValueError):
                width = 1
            row.extend([(text, paras)] + [(text, [])] * (width - 1))
        rows.append(row)
    return rows


def _blocks(container, numbering: Numbering, out: list[str]) -> None:
    """Append the paragraphs of a body, cell or content control, tables cell by cell."""
    for el in container.iterchildren():
        tag = el.tag
        if tag == f"{W}p":
            text = _para_text(el)
            label = numbering.label(el) if text.strip() else None
            out.append(f"{label}{text}" if label else text)
        elif tag == f"{W}tbl":
            rows = _table_rows(el, numbering)
            # a task table (任务|牵头单位|完成时限) reads as a numbered task list
            tasks = task_rows([[text for text, _ in row] for row in rows])
            if tasks:
                out.extend(tasks)
            else:  # cell by cell, each merged cell once
                out.extend(p for row in rows for _, paras in row for p in paras)
        elif tag in (f"{W}sdt", f"{W}customXml", f"{W}smartTag"):
            content = el.find(f"{W}sdtContent")
            _blocks(content if content is not None else el, numbering, out)


def docx_paragraphs(data: bytes) -> list[str]:
    """The non-empty paragraphs (and table cells) of a .docx in document order."""
    import docx

    document = docx.Document(io.BytesIO(data))
    numbering = Numbering.from_document(document)
    out: list[str] = []
    _blocks(document.element.body, numbering, out)
    return [p.strip() for p in out if p.strip()]


def read_docx(path: Path, data: bytes):
    """Read a .docx file; paragraphs are separated by a blank line."""
    from pbdocs.read import RawText, check_zip

    check_zip(path, data)
    paras = docx_paragraphs(data)
    return RawText("\n\n".join(paras), "docx", None, [], pages=None)
