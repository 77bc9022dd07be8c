"""Task tables (序号 | 工作任务 | 任务分解 | 牵头单位 | 配合单位 | 时序进度 | 考核要点): each row
written out as one numbered paragraph with its note, `1.任务（牵头单位：X；完成时限：Y）`, so
that the outline and the extraction read a table the way they read a task list written as text.

A column's role comes from the words of its header cell (`lexicon/table_columns.tsv`): task
content, lead, support, time limit, assessment, number. A table is a task table when it has a
content column and a lead, support or time-limit column, or two content columns (a table of
work items and their targets or scores only is read row by row, as written). When the first
content column groups several rows (a cell spanning rows, carried down by the reader), each
group becomes a heading （一） over its rows. Category rows (一、政治建设 with its other cells
empty, or its number alone in the 序号 cell: | 一 | 政治建设 | | |) stand as the table's own
headings over the rows below them, numbered by their 序号. A problem column (问题, 存在问题: a
rectification list) heads each row, as a name cell does; in a table without a measures column
the problems are the rows' content.
"""

from __future__ import annotations

import re

from pbdocs.lang.lexicon import entries, per_lexicon, rows
from pbdocs.lang.numerals import int_to_cn
from pbdocs.markers import match_marker

_NOTE_ROLES = ("lead", "support", "deadline", "assess")
# Between a row's name cell (党建引领专业建设) and the content cell after it (推行…制度): the
# outline takes the name as the clause's heading and the content as its text, and writes a
# full stop in its place in the document's text (one character: offsets hold).
NAME_CELL_END = "\u2063"
# A name cell: a few words naming the task, no sentence inside.
_NAME_MAX = 20


def _norm(cell: str) -> str:
    return re.sub(r"\s+", "", cell)


@per_lexicon()
def _column_words() -> tuple[tuple[str, str], ...]:
    return tuple((r[0], r[1]) for r in rows("table_columns.tsv", min_cells=2))


@per_lexicon()
def _responsibility_labels() -> frozenset[str]:
    return frozenset({r[0] for r in rows("responsibility.tsv")}
                     | set(entries("responsibility_notes.txt")))


def column_role(header: str) -> str | None:
    """The role of a column by its header cell (牵头单位 → lead, 时序进度 → deadline), or None."""
    h = _norm(header)
    if not h or len(h) > 12:
        return None  # a header names a column in a few words; a longer cell is content
    for role, word in _column_words():
        if word in h:
            return role
    return None


@per_lexicon()
def time_field(line: str) -> bool:
    """A labelled line that gives a time limit (完成时限：…, 推进节点：…): its label a deadline
    column's. In a record of labelled lines it is the record's time limit, not a task."""
    return field_label_end(line, "deadline") > 0


def field_label_end(line: str, role: str) -> int:
    """Where the text after a column label of `role` starts (整改措施：开展… → at 开展 for
    "task"), or 0 when the line does not open with such a label."""
    m = re.match(r"^([\u4e00-\u9fff]{2,6})[:：]\s*(?=\S)", line)
    return m.end() if m is not None and column_role(m.group(1)) == role else 0


def glued_header() -> re.Pattern:
    """A table's header row run together without separators, as a PDF copied onto one line
    leaves it (类别项目要求责任单位): three or more column labels, each a column word of
    `table_columns.tsv` with a 单位/部门/人 after it where it has one."""
    words = sorted({w for _, w in _column_words()}, key=len, reverse=True)
    cell = f"(?:{'|'.join(map(re.escape, words))})(?:单位|部门|人)?"
    return re.compile(f"(?:{cell}){{3,}}")


def _label(role: str, header: str) -> str:
    """The note label a column's cells are written with: its header as written when it is a
    responsibility label (责任单位), else the usual label of its role; a column of leaders
    (责任院领导, 分管校领导) names persons in charge, not a department: 责任领导."""
    h = _norm(header)
    if role in ("lead", "support") and "领导" in h:
        return "责任领导"
    if role in ("lead", "support") and h in _responsibility_labels():
        return h
    if role == "deadline" and h in ("时限", "期限", "完成时限", "完成期限", "完成时间"):
        return "完成时限"
    return {"lead": "牵头单位", "support": "配合单位"}.get(role, h)


def task_rows(table: list[list[str]]) -> list[str] | None:
    """The rows of a task table as numbered paragraphs (with a （一） heading over each group of
    rows), or None when the first row is not the header of a task table."""
    if len(table) < 2:
        return None
    header = table[0]
    roles = [column_role(h) for h in header]
    tasks = [k for k, r in enumerate(roles) if r == "task"]
    if not tasks:  # a list of problems with who fixes them and by when, no measures column
        roles = ["task" if r == "problem" else r for r in roles]
        tasks = [k for k, r in enumerate(roles) if r == "task"]
    others = [k for k, r in enumerate(roles) if r in _NOTE_ROLES]
    # who or when makes it a task table; a table of work items and their targets or scores
    # only (工作任务 | 目标及质量要求, a 目标责任书 or 考核评分表) is read row by row as written
    if not tasks or not (any(roles[k] != "assess" for k in others) or len(tasks) >= 2):
        return None
    body = [[c.strip() for c in row] + [""] * (len(header) - len(row)) for row in table[1:]]
    body = [row for row in body if any(row)]
    group_col = tasks[0] if len(tasks) >= 2 and _groups(body, tasks[0]) else None
    # a category column (类别 | 序号 | 工作任务 …) groups the rows whose cell it shares
    named = next((k for k, r in enumerate(roles) if r == "group"), None)
    if group_col is None and named is not None and body and body[0][named]:
        group_col = named
    if group_col is not None:
        # a group cell left empty under a filled one is the same group (a cell spanning rows
        # pasted as text, where only its first row holds it)
        for above, row in zip(body, body[1:]):
            if not row[group_col] and any(row[k] for k in tasks if k != group_col):
                row[group_col] = above[group_col]
    number = next((k for k, r in enumerate(roles) if r == "number"), None)
    # a "group" whose rows are one numbered item (序号 and 重点任务 merged down together over
    # the rows of one task): the cell names that item, it heads no group of items
    named_item = group_col is not None and _one_item_a_group(body, group_col, number)
    if named_item:
        group_col = None
    content = [k for k in tasks if k != group_col]
    # a column of the problems a rectification list answers (问题, 存在问题): each row's
    # problem heads it, its measures are the text
    problem = next((k for k, r in enumerate(roles) if r == "problem"), None)
    labels = {k: _label(roles[k], header[k]) for k in others}
    # beside a 牵头单位 column, a 责任单位 column names the units that share the work (the
    # lead is the first of them): their support
    if any("牵头" in _norm(header[k]) and labels[k] != "责任领导" for k in others):
        for k in others:
            if roles[k] == "lead" and "牵头" not in _norm(header[k]) and labels[k] != "责任领导":
                labels[k] = "配合单位"
    # category rows (一、政治建设 over its rows, the other cells empty): the table's own
    # headings, and its 序号 numbers the rows under them, as written
    categories = any(_category(row, number) for row in body)
    # a named item whose rows name different units or dates (重点任务 merged over two 具体举措,
    # each with its own 牵头单位): the item heads its rows, and each row is a sub-item （1）（2）
    # with its own note, so each measure keeps its own lead, support and time limit
    split_items: set[str] = set()
    if named_item:
        notes_of: dict[str, set[tuple[str, ...]]] = {}
        for row in body:
            notes_of.setdefault(row[number], set()).add(tuple(row[k] for k in others))
        split_items = {num for num, notes in notes_of.items() if len(notes) > 1}
    out: list[str] = []
    group, n, g = None, 0, 0
    last_number = None
    sub = 0
    for row in body:
        cell = _category(row, number) if categories else None
        if cell:
            if match_marker(cell):  # 一、组织建设: its own number; the groups under it count anew
                out.append(cell)
                g, group = 0, None
            else:
                g += 1
                out.append(f"（{int_to_cn(g)}）{cell}")
            continue
        if group_col is not None and row[group_col] != group:
            group, n, g = row[group_col], 0, g + 1
            out.append(f"（{int_to_cn(g)}）{group.rstrip('。；;')}")
        note = "；".join(f"{labels[k]}：{row[k]}" for k in others if row[k])
        note = f"（{note}）" if note else ""
        if named_item and row[number] == last_number:
            # the item's next row: its measure goes on under the item, its own units noted
            cells = [row[k].rstrip("。；;") for k in content[1:] if row[k]]
            if cells and row[number] in split_items:
                sub += 1
                out.append(f"（{sub}）" + "。".join(cells) + "。" + note)
            elif cells:
                out.append("。".join(cells) + "。" + note)
            continue
        cells = [row[k].rstrip("。；;") for k in content if row[k]]
        last_number = row[number] if number is not None else None
        if named_item and row[number] in split_items and len(cells) >= 2:
            out.append(f"{int(row[number])}.{cells[0]}")
            out.append("（1）" + "。".join(cells[1:]) + "。" + note)
            n, sub = int(row[number]), 1
            continue
        if problem is not None and row[problem] and cells:
            text = row[problem].rstrip("。；;") + NAME_CELL_END + "。".join(cells)
        elif len(cells) >= 2 and _name_cell(cells[0]):
            text = cells[0] + NAME_CELL_END + "。".join(cells[1:])
        else:
            text = "。".join(cells)
        if not text:
            continue
        n += 1
        if number is not None and re.fullmatch(r"\d{1,3}", row[number]):
            n = int(row[number])  # the 序号 as written (running on across groups or not)
        out.append(f"{n}.{text}。" + note)
    return out or None


def _one_item_a_group(body: list[list[str]], col: int, number: int | None) -> bool:
    """Whether each group of rows in column `col` is one numbered item: every row numbered in
    digits, rows with one 序号 always share one `col` cell and one `col` cell one 序号."""
    if number is None or not body or not all(re.fullmatch(r"\d{1,3}", r[number]) for r in body):
        return False
    by_cell: dict[str, set[str]] = {}
    by_number: dict[str, set[str]] = {}
    for r in body:
        by_cell.setdefault(r[col], set()).add(r[number])
        by_number.setdefault(r[number], set()).add(r[col])
    return all(len(v) == 1 for v in [*by_cell.values(), *by_number.values()])


def _category(row: list[str], number: int | None) -> str | None:
    """A category row's heading (一、政治建设 over the rows below it, its other cells empty),
    or None: one filled cell that is not a row number, or a 序号 cell numbered in Chinese (一,
    （二）) and one other cell (| 一 | 党的领导弱化方面 | | |), written 一、党的领导弱化方面."""
    filled = [k for k, c in enumerate(row) if c]
    # a cell merged across columns (a .docx gridSpan, an HTML colspan) fills each it spans
    filled = [k for k in filled if k == number or row[k] not in {row[j] for j in filled if j < k}]
    if len(filled) == 1 and not re.fullmatch(r"\d{1,3}", row[filled[0]]):
        return row[filled[0]]
    if len(filled) == 2 and number in filled:
        num, cell = row[number], row[filled[0] if filled[1] == number else filled[1]]
        if re.fullmatch(r"[一二三四五六七八九十]{1,3}", num):
            return f"{num}、{cell}"
        if re.fullmatch(r"[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]",
                        num):
            return num + cell
    return None


def _name_cell(cell: str) -> bool:
    """A cell that names a task in a few words (党建引领专业建设, “双带头人”培育) rather than
    stating it: short, without a sentence or a clause break inside."""
    return 2 <= len(cell) <= _NAME_MAX and not re.search(r"[。；;，,：:！？]", cell)


def _groups(body: list[list[str]], col: int) -> bool:
    """Whether a column's cells repeat down consecutive rows (a cell spanning rows)."""
    return any(body[k][col] and body[k][col] == body[k + 1][col] for k in range(len(body) - 1))
