"""Task tables (序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限): each row written out as one
numbered paragraph with its responsibility note, `1.任务（牵头单位：X；完成时限：Y）`, so that the
outline and the extraction read a table the way they read a task list written as text."""

from __future__ import annotations

import re

from pbdocs.lang.lexicon import entries, rows

# Column headers that hold a time limit rather than a department.
_TIME_HEADER = re.compile(r"^(?:完成)?(?:时限|期限|时间|时间节点|时间要求|截止时间|进度安排)$")
_NUMBER_HEADER = re.compile(r"^(?:序号|编号|序|No\.?)$", re.IGNORECASE)


def _norm(cell: str) -> str:
    return re.sub(r"\s+", "", cell)


def _label_of(header: str) -> str | None:
    """The note label a column header stands for (牵头单位, 完成时限 …), or None for content."""
    h = _norm(header)
    if h in {row[0] for row in rows("responsibility.tsv")} or h in entries(
            "responsibility_notes.txt"):
        return h
    if _TIME_HEADER.match(h):
        return "完成时限" if h in ("时限", "期限", "完成时限", "完成期限") else h
    return None


def task_rows(rows: list[list[str]]) -> list[str] | None:
    """The rows of a task table as numbered paragraphs, or None when the first row is not the
    header of one (a 序号 column and a column naming a department or a time limit)."""
    if len(rows) < 2:
        return None
    header = [_norm(c) for c in rows[0]]
    labels = [_label_of(h) for h in header]
    if not any(labels) or all(labels):
        return None
    number_col = next((k for k, h in enumerate(header) if _NUMBER_HEADER.match(h)), None)
    if number_col is None:
        return None  # only a numbered task list is rewritten; other tables stay cell by cell
    out = []
    for n, row in enumerate(rows[1:], 1):
        cells = [c.strip() for c in row] + [""] * (len(header) - len(row))
        if not any(cells):
            continue
        number = cells[number_col] if number_col is not None else ""
        if not re.fullmatch(r"\d{1,2}", number):
            number = str(n)
        content = [c for k, c in enumerate(cells[:len(header)])
                   if c and labels[k] is None and k != number_col]
        note = [f"{labels[k]}：{c}" for k, c in enumerate(cells[:len(header)])
                if c and labels[k] is not None]
        text = "。".join(x.rstrip("。；;") for x in content)
        if not text:
            continue
        out.append(f"{number}.{text}。" + (f"（{'；'.join(note)}）" if note else ""))
    return out or None
