"""Search results as a file a person keeps: an .xlsx sheet (one row per clause, to sort and
filter in Excel or WPS) or a landscape .docx table through the GB/T 9704 renderer of generated
documents. Written in a temporary folder and read back: an export changes nothing on the
server."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from pbdocs.lang import wording

MAX_ROWS = 2000  # an export past this is a sign the search should be narrowed
COLUMNS = ("序号", "高校", "文件标题", "发文字号", "成文日期", "条款位置", "条款内容", "牵头部门",
           "配合部门")
NO_INSTITUTION = "（未注明单位）"


def rows(hits: list[dict[str, Any]]) -> list[list[str]]:
    """The table: one row per hit, in the order given."""
    out = []
    for n, h in enumerate(hits, 1):
        out.append([str(n), h.get("institution") or NO_INSTITUTION, h.get("title") or "",
                    h.get("doc_number") or "", h.get("date") or "",
                    h.get("where") or "", h.get("text") or "",
                    wording.depts_shown(h.get("lead")), wording.depts_shown(h.get("support"))])
    return out


def legend(hits: list[dict[str, Any]]) -> str | None:
    """The line that says what （建议） means, when a department in the table is a suggestion."""
    suggested = any(d.get("basis") == "suggested" for h in hits
                    for d in (h.get("lead") or []) + (h.get("support") or []))
    return wording.basis_legend() if suggested else None


def write(hits: list[dict[str, Any]], fmt: str, title: str, summary: str,
          stem: str | None = None) -> tuple[bytes, str]:
    """The results as (bytes, file name from `stem`, else the title) in .xlsx or .docx."""
    from pbdocs.web.safety import safe_filename

    name = safe_filename(f"{stem or title}.{fmt}")
    with tempfile.TemporaryDirectory(prefix="pbdocs-export-") as tmp:
        out = Path(tmp) / name
        if fmt == "xlsx":
            _xlsx(hits, out, title, summary)
        else:
            _docx(hits, out, title, summary)
        return out.read_bytes(), name


def _xlsx(hits, out: Path, title: str, summary: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "检索结果"
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([summary])
    ws.append(list(COLUMNS))
    for c in ws[3]:
        c.font = Font(bold=True)
    for r in rows(hits):
        ws.append(r)
    note = legend(hits)
    if note:
        ws.append([])
        ws.append([note])
    for col, width in zip("ABCDEFGHI", (6, 18, 36, 20, 14, 28, 80, 20, 24)):
        ws.column_dimensions[col].width = width
    for r in ws.iter_rows(min_row=4):
        for c in r:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:I{3 + len(hits)}"
    wb.save(str(out))


def _docx(hits, out: Path, title: str, summary: str) -> None:
    from pbdocs.generate.dialect import escape, escape_cell
    from pbdocs.generate.render_docx import markdown_to_docx

    lines = ["::: landscape", "", f"# {escape(title)}", "", "::: center", escape(summary), ":::",
             "", "::: table widths=4,12,18,12,10,14,60,12,14 size=9",
             "| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for r in rows(hits):
        lines.append("| " + " | ".join(escape_cell(x) or " " for x in r) + " |")
    lines += [":::", ""]
    note = legend(hits)
    if note:
        lines += [escape(note), ""]
    lines.append(":::")
    markdown_to_docx("\n".join(lines), out, title=title)
