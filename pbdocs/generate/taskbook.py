"""The 任务分解表 (`pbdocs taskbook`): one row per task, grouped under the plan's sections, as a
landscape .docx and optionally as a spreadsheet."""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

from pbdocs.generate.plan import key_task, plan_name
from pbdocs.generate.rows import TaskRow
from pbdocs.lang import text as lang_text
from pbdocs.lang import wording
from pbdocs.lang.wording import dept_names, heading_label
from pbdocs.model import Clause, Document

COLUMNS = ["序号", "重点任务", "具体举措", "牵头部门", "配合部门", "完成时限", "责任人", "成果形式"]
NO_LEAD = "牵头部门待明确"


def _deliverable_rules(source_path: str | None) -> list[tuple[str, str]]:
    """Keyword → 成果形式 rows from `lexicon/deliverables.tsv` (and its extensions)."""
    from pbdocs.lang import lexicon

    rules: list[tuple[str, str]] = []
    for row in lexicon.rows("deliverables.tsv", lexicon.extension_dirs(source_path)):
        if len(row) > 1 and row[0]:
            rules = [r for r in rules if r[0] != row[0]] + [(row[0], row[1])]
    return rules


# a target whose words put a verb before the count (至少联系1个): how much of a duty is done,
# not a thing produced (不少于5篇, 2个 stay)
_QUALIFIERS = re.compile(r"^(?:\s*(?:至少|不少于|不低于|不超过|达到|累计|共|每年|全年|年内))*\s*")
_NUMERAL = re.compile(r"[\d一二两三四五六七八九十百]")


_PRODUCES = re.compile(r"^(?:建成|建设|培育|形成|打造|推出|汇编|编印|编写|选树|评选|创建|"
                       r"制作|开发)")


def _verb_before_count(text: str) -> bool:
    rest = _QUALIFIERS.sub("", text or "", count=1)
    return (bool(rest) and not _NUMERAL.match(rest) and bool(_NUMERAL.search(rest))
            and not _PRODUCES.match(rest))


def _output(text: str, targets, rules: list[tuple[str, str]]) -> str:
    """成果形式: the targets that count things produced (建成标杆院系2个; not 至少参加1次,
    不低于1%: requirements, not outcomes) first, then deliverables whose keyword the text
    contains."""
    from pbdocs.lang import lexicon

    units = set(lexicon.entries("deliverable_units.txt"))
    parts: list[str] = []
    for t in targets:
        if not t.subject:  # a bare `3-4个` says nothing without what is counted
            continue
        if (t.unit or "") not in units:
            continue
        if _verb_before_count(t.text):
            continue  # 各党支部至少联系1个学生科创团队: a duty's amount, not a thing produced
        label = t.text if t.subject in t.text else f"{t.subject}{t.text}"
        if label not in parts:
            parts.append(label)
    hits = sorted(((text.find(k), v) for k, v in rules if k in text), key=lambda x: x[0])
    for _, v in hits:
        if v not in parts and len(parts) < 3:
            parts.append(v)
    return "；".join(parts)


def _group(doc: Document, clause: Clause) -> str:
    s = doc.section(clause.path[:1])
    if s is None:
        return ""
    return heading_label(s.number) + s.heading


def _shown(depts: list, suggest: bool) -> list:
    """The departments a table shows: all, or without the suggested ones (`--no-suggest`)."""
    return [d for d in depts or [] if suggest or getattr(d, "basis", None) != "suggested"]


def _measure(text: str) -> str:
    """A task's text as its row shows it: without a responsibility note inside it
    (…专题课程。（牵头单位：党委组织部；配合单位：信息化中心）), which the lead and support columns
    already show."""
    return lang_text.responsibility_note().sub("", text).strip() or text.strip()


def taskbook_rows(doc: Document, suggest: bool = True) -> list[TaskRow]:
    """One row per task of the plan (what extraction kept as tasks: headings, background,
    conditions and fragments are not rows). `suggest=False` leaves suggested departments
    out."""
    rules = _deliverable_rules(doc.source.path if doc.source else None)
    rows: list[TaskRow] = []
    for c in doc.clauses:
        for t in c.tasks:
            lead, support = _shown(t.lead, suggest), _shown(t.support, suggest)
            rows.append(TaskRow(
                no=len(rows) + 1, section=_group(doc, c), key_task=key_task(doc, c),
                measure=_measure(t.text), lead=dept_names(lead), support=dept_names(support),
                time_limit=wording.time_limit(t.deadlines, t.recurrences, t.kind),
                owner=_owners(t, c),
                output=_output(t.text, t.targets, rules), clause_id=c.id,
                lead_shown=wording.depts_shown(lead) or wording.word("phrase", "undecided_lead"),
                support_shown=wording.depts_shown(support),
                lead_basis=_basis(lead), support_basis=_basis(support),
                lead_source=_source(lead)))
    return rows


def _owners(task, clause: Clause) -> str:
    """The 责任人 cell: the persons the text names for the task (组织员负责…, a 责任人 label in
    the task or its clause's note: 责任人：分管教学副院长), else blank for the office to fill in."""
    names = [getattr(d, "name", "") for d in getattr(task, "persons", None) or []]
    for text in (task.text, clause.note or ""):
        for m in _OWNER_LABEL.finditer(text or ""):
            names += [x.strip() for x in re.split(r"[、，,]", m.group(1))]
    return "、".join(dict.fromkeys(n for n in names if n))


_OWNER_LABEL = re.compile(r"责任人\s*[：:]\s*([^；;）)\n。]+)")


def _basis(depts: list) -> str:
    """The basis of a row's lead: that of its first department, `none` without one."""
    return getattr(depts[0], "basis", None) or "stated" if depts else "none"


def _source(depts: list) -> str:
    """Where a row's lead comes from, for a reader: 明确, 文中, 建议（“发展党员”）, 未定."""
    if not depts:
        return wording.basis_name("none")
    return "；".join(dict.fromkeys(wording.dept_basis(d) for d in depts))


def lead_summary(rows: list[TaskRow]) -> dict[str, int]:
    """How many rows have a stated, text, suggested or no lead department."""
    counts = {"stated": 0, "text": 0, "suggested": 0, "none": 0}
    for r in rows:
        counts[r.lead_basis if r.lead_basis in counts else "stated"] += 1
    return counts


def lead_summary_text(counts: dict[str, int]) -> str:
    """The summary line: 牵头部门：明确 12，文中 20，建议 34，未定 0."""
    pattern = wording.word("phrase", "lead_summary",
                           "牵头部门：明确 {stated}，文中 {text}，建议 {suggested}，未定 {none}")
    return pattern.format(**counts)


def _legend(rows: list[TaskRow]) -> str:
    """The note under the table: what （建议）, （待定） and a derived date's mark mean, each only
    when a row shows it."""
    parts = [wording.basis_legend() if any("suggested" in (r.lead_basis, r.support_basis)
                                           for r in rows) else "",
             wording.word("phrase", "undecided_legend") if any(r.lead_basis == "none"
                                                               for r in rows) else "",
             wording.inferred_legend() if any(wording.inferred_mark_in(r.time_limit)
                                              for r in rows) else ""]
    text = "".join(parts)
    return text if not text or text.startswith("注：") else "注：" + text


def _groups(rows: list[TaskRow]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for r in rows:
        if not out or out[-1]["heading"] != r.section:
            out.append({"heading": r.section, "rows": []})
        out[-1]["rows"].append(asdict(r) | {"cells": r.cells()})
    return out


def by_department(rows: list[TaskRow]) -> list[dict[str, Any]]:
    """One 任务清单 per lead department (rows without one go to 牵头部门待明确, last); none
    when the plan names no lead department at all."""
    depts: dict[str, list[TaskRow]] = {}
    for r in rows:
        for name in r.lead or [NO_LEAD]:
            depts.setdefault(name, []).append(r)
    if list(depts) == [NO_LEAD]:
        return []  # no department named anywhere: a second copy of the table would say nothing
    first = {n: i for i, n in enumerate(depts)}
    order = sorted(depts, key=lambda n: (n == NO_LEAD, -len(depts[n]), first[n]))
    return [{"name": n, "rows": [asdict(r) | {"cells": r.cells()} for r in depts[n]]}
            for n in order]


def taskbook_context(doc: Document, by_dept: bool = False, suggest: bool = True
                     ) -> dict[str, Any]:
    """What the task-book template reads: title, columns, rows grouped by section, the
    per-department lists when asked for, the legend line when a department is only
    suggested, and how many rows have a lead of each basis."""
    rows = taskbook_rows(doc, suggest)
    summary = lead_summary(rows)
    return {
        "legend": _legend(rows),
        "lead_summary": summary,
        "lead_summary_text": lead_summary_text(summary),
        "plan_title": doc.title,
        "plan_name": plan_name(doc),
        "issuer": doc.issuer,
        "date": wording.cn_date(doc.date) or None,
        "columns": COLUMNS,
        "rows": [asdict(r) | {"cells": r.cells()} for r in rows],
        "task_rows": rows,
        "groups": _groups(rows),
        "by_dept": by_department(rows) if by_dept else [],
        "doc_id": doc.id,
    }


XLSX_FONT = "仿宋"  # body cells (the font Excel and WPS have under this name)
XLSX_HEAD_FONT = "宋体"


def write_xlsx(rows: list[TaskRow], out: str | Path, by_dept: bool = False, text=None) -> Path:
    """The same table as a spreadsheet for printing and filtering: 仿宋 cells under a bold 宋体
    header, header frozen and repeated on every printed page, autofilter on, text wrapped,
    landscape A4 fitted to the page width; a sheet per lead department when by_dept. `text`
    (`textfix.TextRules`) writes values as the .docx does: punctuation full-width, a lost
    character □ in a yellow cell."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    from pbdocs.generate.oxml import xml_safe
    from pbdocs.generate.textfix import DAMAGE_CLOSE, DAMAGE_OPEN

    header = COLUMNS + ["所属部分", "牵头部门依据"]
    widths = [6, 22, 60, 18, 24, 16, 10, 18, 24, 24]
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    damaged = PatternFill("solid", fgColor="FFFF00")

    def value(x: str) -> tuple[str, bool]:
        v = text.apply(x) if text is not None else x
        marked = DAMAGE_OPEN in v
        return xml_safe(v.replace(DAMAGE_OPEN, "").replace(DAMAGE_CLOSE, "")), marked

    def fill(ws, items: list[TaskRow]) -> None:
        ws.append(header)
        for r in items:
            cells = [value(x) for x in r.cells()] + [value(r.section), value(r.lead_source)]
            ws.append([v for v, _ in cells])
            ws.cell(row=ws.max_row, column=1).value = r.no
            for k, (_, marked) in enumerate(cells, 1):
                if marked:
                    ws.cell(row=ws.max_row, column=k).fill = damaged
        for i, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = w
        for cell in ws[1]:
            cell.font = Font(name=XLSX_HEAD_FONT, bold=True, size=11)
            cell.fill = PatternFill("solid", fgColor="D9D9D9")
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = box
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.font = Font(name=XLSX_FONT, size=11)
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                cell.border = box
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(ws.max_row, 1)}"
        ws.print_title_rows = "1:1"  # the header on every printed page
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages as it takes, one page wide
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.oddFooter.center.text = "第 &P 页，共 &N 页"

    wb = Workbook()
    ws = wb.active
    ws.title = "任务分解表"
    fill(ws, rows)
    if by_dept:
        seen: set[str] = set()
        for g in by_department(rows):
            name = "".join(ch for ch in g["name"] if ch not in '[]:*?/\\')[:31] or "部门"
            while name in seen:
                name = name[:29] + str(len(seen))
            seen.add(name)
            fill(wb.create_sheet(name), [TaskRow(**{k: v for k, v in r.items() if k != "cells"})
                                         for r in g["rows"]])
    from pbdocs.generate.output import save

    return save(out, lambda p: wb.save(str(p)))
