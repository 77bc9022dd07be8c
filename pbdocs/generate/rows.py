"""The rows of the task tables: one dataclass for the task book's rows, extended by the college
draft with what scheduling and assigning add."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Month = tuple[int, int]


@dataclass
class TaskRow:
    """One row of a task table: a task of the plan and who does it by when."""

    no: int
    measure: str  # 具体举措: the task sentence
    clause_id: str
    key_task: str = ""  # 重点任务: the clause's lead phrase or its section's heading
    section: str = ""  # the level-1 section the task belongs to, e.g. `二、主要任务`
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    time_limit: str = ""  # 完成时限 as a table says it
    owner: str = ""  # 责任人: the persons the text names, else blank to fill in
    output: str = ""  # 成果形式
    # the departments as the table shows them, a suggestion marked (党委组织部（建议）); when
    # empty, the names of `lead`/`support` are shown as they are
    lead_shown: str = ""
    support_shown: str = ""
    lead_basis: str = ""  # stated | text | suggested | none (the first lead's basis)
    support_basis: str = ""
    lead_source: str = ""  # where the lead comes from, for a reader: 文中, 建议（“发展党员”）

    def cells(self) -> list[str]:
        """The task book's cells, in `taskbook.COLUMNS` order."""
        return [str(self.no), self.key_task, self.measure,
                self.lead_shown or "、".join(self.lead),
                self.support_shown or "、".join(self.support), self.time_limit, self.owner,
                self.output]


@dataclass
class DraftRow(TaskRow):
    """A row of a college's draft: the task restated for the college, where it comes from in
    the university's plan, its month or cadence, and the role that does it."""

    cite: str = ""  # 对应学校方案…: where the task sits in the source plan
    source_due: str | None = None  # the source's own date for the task (ISO), if any
    uni_due: str | None = None  # the date a college must finish before (source's or plan end)
    recurrences: list[Any] = field(default_factory=list, repr=False)
    due: Month | None = None  # the month the college finishes it
    cadence: str | None = None  # 每学期至少1次 …, for a repeated duty
    ongoing: bool = False  # 长期坚持
    task_kind: str | None = None  # once | recurring | ongoing, where the model says it
    deliverable: bool = False  # a one-off result (the model's `once`, or a number to reach)
    university: bool = False  # a number the university sets itself: the college helps
    role: str = ""
    person: str = ""

    @property
    def due_month(self) -> str | None:
        """The due month as `YYYY-MM`."""
        return f"{self.due[0]:04d}-{self.due[1]:02d}" if self.due else None
