"""Views of a requirement matrix (the JSON of `compare`): terminal text, Markdown through the
template `templates/compare.md.j2`, .docx and .html through the renderer, and .xlsx."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from pbdocs.errors import InputError

DIFF_MARK = "△"
LEGEND = f"{DIFF_MARK} 标出与其他院校不同的数值；“—”表示该校文件未提及。"
_OPS = {"<=": "不超过", "~": "约"}
_QUOTES = "“”\"'‘’"
OUT_SUFFIXES = (".docx", ".xlsx", ".md", ".html")


def numbers(item: dict) -> list[dict[str, Any]]:
    """The numbers of one cell item as short phrases for a person, each with `differs`."""
    out = []
    for t in item.get("targets", []):
        op = _OPS.get(t.get("op"), "")
        if t.get("op") == ">=":
            op = "不低于" if t.get("unit") == "%" else "至少"
        text = t.get("text") or ""
        shown = text if not op or text.startswith(op) else f"{op}{text}"
        if t.get("subject"):
            shown = f"{_subject(t['subject'])}：{shown}"
        out.append({"text": shown, "differs": bool(t.get("differs"))})
    for r in item.get("recurrences", []):
        out.append({"text": r.get("text") or "", "differs": bool(r.get("differs"))})
    for d in item.get("deadlines", []):
        out.append({"text": d.get("text") or "", "differs": bool(d.get("differs"))})
    return [n for n in out if n["text"]]


def _subject(subject: str) -> str:
    """A target's subject without quotation marks cut in half by the extraction."""
    if subject.count("“") != subject.count("”") or subject.count('"') % 2:
        subject = "".join(ch for ch in subject if ch not in _QUOTES)
    return subject


def ref(item: dict) -> str:
    """Where an excerpt comes from, in words: `hdu-2020-55 第二部分第8条`."""
    doc, _, path = (item.get("clause_id") or "").partition("/")
    parts = [p for p in path.split("/") if p]
    if not parts or parts == ["0"]:
        return f"{doc} 引言"
    words = [f"第{parts[0]}部分" if not parts[0].isdigit() else f"第{parts[0]}条"]
    for p in parts[1:]:
        words.append(f"第{p}条" if p.isdigit() else p)
    return f"{doc} {''.join(words)}"


def context(result: dict, title: str | None = None) -> dict[str, Any]:
    """The template context: institutions, and rows with cells in institution order."""
    insts = result.get("institutions", [])
    rows = []
    for r in result.get("requirements", []):
        cells = []
        for inst in insts:
            items = [{"excerpt": it.get("excerpt", ""), "ref": ref(it), "numbers": numbers(it),
                      "clause_id": it.get("clause_id")} for it in r["cells"].get(inst, [])]
            cells.append(items)
        rows.append({"topic": r["topic"], "differs": r.get("differs", False),
                     "discovered": r.get("source") == "discovered", "cells": cells})
    n = len(insts)
    widths = ",".join(["11"] + [str(max(8, 89 // max(n, 1)))] * n)
    return {"title": title or "各校党建工作要求比对表", "institutions": insts, "rows": rows,
            "widths": widths, "legend": LEGEND, "mark": DIFF_MARK}


def to_text(result: dict, width: int | None = None) -> str:
    """The matrix for a terminal: per topic, each institution's excerpt and numbers."""
    width = width or shutil.get_terminal_size((100, 24)).columns
    wrap = max(20, (width - 6) // 2)  # Chinese characters take two columns
    ctx = context(result)
    lines: list[str] = []
    for row in ctx["rows"]:
        tag = "（聚类发现）" if row["discovered"] else ""
        diff = f"  {DIFF_MARK} 各校数值不同" if row["differs"] else ""
        lines.append(f"【{row['topic']}】{tag}{diff}")
        for inst, items in zip(ctx["institutions"], row["cells"]):
            if not items:
                lines.append(f"  ◇ {inst}：—")
                continue
            lines.append(f"  ◆ {inst}")
            for it in items:
                lines.append(f"    〔{it['ref']}〕")
                lines.extend("    " + chunk for chunk in _chunks(it["excerpt"], wrap))
                if it["numbers"]:
                    nums = "；".join((DIFF_MARK if n["differs"] else "") + n["text"]
                                    for n in it["numbers"])
                    lines.extend("    " + c for c in _chunks(f"数值：{nums}", wrap))
        lines.append("")
    if not ctx["rows"]:
        lines.append("没有可比对的主题。")
    else:
        lines.append(LEGEND)
    return "\n".join(lines)


def _chunks(text: str, size: int) -> list[str]:
    return [text[i:i + size] for i in range(0, len(text), size)] or [""]


def to_markdown(result: dict, title: str | None = None) -> str:
    """The matrix as the renderer's Markdown, from `templates/compare.md.j2`."""
    from pbdocs.generate import render_markdown

    return render_markdown("compare", context(result, title))


def check_out(out: str | Path) -> Path:
    """The output path, checked before any work: a known suffix in an existing folder."""
    out = Path(out)
    if out.suffix.lower() not in OUT_SUFFIXES:
        raise InputError(f"不支持的输出格式“{out.suffix or out.name}”："
                         "请用 .docx、.xlsx、.md 或 .html。")
    if not out.parent.is_dir():
        raise InputError(f"输出目录不存在：{out.parent}")
    return out


def write(result: dict, out: str | Path, title: str | None = None) -> Path:
    """Write the matrix to .docx, .xlsx, .md or .html, chosen by the file's suffix."""
    out = check_out(out)
    suffix = out.suffix.lower()
    if suffix == ".xlsx":
        return write_xlsx(result, out, title)
    md = to_markdown(result, title)
    if suffix == ".md":
        out.write_text(md, encoding="utf-8")
    elif suffix == ".html":
        from pbdocs.generate import markdown_to_html

        out.write_text(markdown_to_html(md, standalone=True,
                                        title=title or context(result)["title"]),
                       encoding="utf-8")
    else:
        from pbdocs.generate import markdown_to_docx

        markdown_to_docx(md, out, title=title or context(result)["title"])
    return out


def write_xlsx(result: dict, out: Path, title: str | None = None) -> Path:
    """One sheet: topics as rows, institutions as columns; differing numbers in red."""
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Alignment, Font

    ctx = context(result, title)
    wb = Workbook()
    ws = wb.active
    ws.title = "要求比对"
    ws.append(["主题", *ctx["institutions"]])
    for c in ws[1]:
        c.font = Font(bold=True)
    red = InlineFont(color="FFC00000", b=True)
    for row in ctx["rows"]:
        values: list[Any] = [row["topic"] + ("（聚类发现）" if row["discovered"] else "")]
        for items in row["cells"]:
            if not items:
                values.append("—")
                continue
            rich = CellRichText()
            for k, it in enumerate(items):
                rich.append(("\n\n" if k else "") + f"{it['excerpt']}（{it['ref']}）")
                for n in it["numbers"]:
                    rich.append("\n")
                    rich.append(TextBlock(red, DIFF_MARK + n["text"]) if n["differs"]
                                else n["text"])
            values.append(rich)
        ws.append(values)
    ws.column_dimensions["A"].width = 16
    for i in range(len(ctx["institutions"])):
        ws.column_dimensions[chr(ord("B") + i) if i < 25 else "Z"].width = 48
    for r in ws.iter_rows(min_row=2):
        for c in r:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "B2"
    ws.append([])
    ws.append([ctx["legend"]])
    wb.save(out)
    return out
