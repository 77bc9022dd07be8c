"""The comparison document: a requirement matrix (the JSON of `pbdocs compare`) as terminal text,
as the context of `templates/compare.md.j2` (→ .docx, .md, .html through the renderer), and as
.xlsx. Written through the output registry (`pbdocs.generate.outputs`)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from pbdocs.lang import wording

DIFF_MARK = "△"
DAMAGED = "（原文数字缺失，未比对）"
LEGEND = (f"{DIFF_MARK} 标出与其他院校不同的数值（只与衡量同一事项、同一单位和周期的数值相比）；"
          f"“—”表示该校文件未提及；“{DAMAGED}”表示原文此处的数字在提取时丢失。")
_QUOTES = "“”\"'‘’"


def numbers(item: dict) -> list[dict[str, Any]]:
    """The numbers of one cell item as short phrases for a person, each with `differs`."""
    out = []
    for kind in ("targets", "recurrences", "deadlines"):
        for x in item.get(kind, []):
            if kind == "targets":
                shown = wording.target_phrase({**x, "subject": _subject(x.get("subject") or "")})
            else:
                shown = x.get("text") or ""
            if not shown:
                continue
            damaged = bool(x.get("damaged"))
            out.append({"text": shown + (DAMAGED if damaged else ""),
                        "differs": bool(x.get("differs")), "damaged": damaged})
    return out


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


# Above this many institutions a document lists (topic, institution) rows instead of a column
# per institution: 98 columns on a landscape A4 page are unreadable.
MATRIX_MAX = 6


def context(result: dict, title: str | None = None) -> dict[str, Any]:
    """The template context: the institutions that mention a topic (the others named once, in
    `absent`), and rows with cells in institution order; `long` when there are too many
    institutions for a column each, with each row's `entries` (institution, items)."""
    every = result.get("institutions", [])
    reqs = result.get("requirements", [])
    insts = [i for i in every if any(r["cells"].get(i) for r in reqs)] or list(every)
    rows = []
    for r in reqs:
        cells = []
        for inst in insts:
            items = [{"excerpt": it.get("excerpt", ""), "ref": ref(it), "numbers": numbers(it),
                      "clause_id": it.get("clause_id")} for it in r["cells"].get(inst, [])]
            cells.append(items)
        rows.append({"topic": r["topic"], "differs": r.get("differs", False),
                     "discovered": r.get("source") == "discovered", "cells": cells,
                     "entries": [{"institution": i, "found": c}
                                 for i, c in zip(insts, cells) if c]})
    n = len(insts)
    widths = ",".join(["11"] + [str(max(8, 89 // max(n, 1)))] * n)
    ctx = {"title": title or "各校党建工作要求比对表", "institutions": insts, "rows": rows,
           "widths": widths, "legend": LEGEND, "mark": DIFF_MARK,
           "absent": [i for i in every if i not in insts] if reqs else [],
           "long": n > MATRIX_MAX, "total": len(every)}
    ctx["absent_line"] = absent_line(ctx)
    return ctx


def absent_line(ctx: dict) -> str:
    """The institutions whose documents mention none of the topics, in one sentence, or ''."""
    absent = ctx.get("absent") or []
    if not absent:
        return ""
    return f"另有 {len(absent)} 所院校的文件未提及这些主题：{'、'.join(absent)}。"


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
        lines.append("各校在这些主题上没有数值不同之处。" if result.get("only_differences")
                     else "没有可比对的主题。")
    else:
        lines.append(LEGEND)
        if ctx["absent_line"]:
            lines.extend(_chunks(ctx["absent_line"], wrap))
    return "\n".join(lines)


def _chunks(text: str, size: int) -> list[str]:
    return [text[i:i + size] for i in range(0, len(text), size)] or [""]


def write_xlsx(result: dict, out: Path, title: str | None = None) -> int:
    """One sheet: topics as rows, institutions as columns; differing numbers in red; returns
    the number of topics."""
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
    from openpyxl.utils import get_column_letter

    ws.column_dimensions["A"].width = 16
    for i in range(len(ctx["institutions"])):
        ws.column_dimensions[get_column_letter(i + 2)].width = 48
    for r in ws.iter_rows(min_row=2):
        for c in r:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "B2"
    ws.append([])
    ws.append([ctx["legend"]])
    if ctx["absent_line"]:
        ws.append([ctx["absent_line"]])
    from pbdocs.generate.output import save

    save(out, lambda p: wb.save(str(p)))
    return len(ctx["rows"])
