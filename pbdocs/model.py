"""The one model of a parsed policy document and its JSON form (the contract in shared/spec/).

Every stage and view uses these classes; nothing else defines its own copy of these shapes.
Fields marked ``internal`` travel between stages but are not part of the JSON contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

SCHEMA_VERSION = "2"
SCHEMA_FILE = Path(__file__).resolve().parent / "schema" / "document.schema.json"

# Where a department comes from (`Dept.basis`): an explicit label, note or column; the prose
# naming the doer; or the tool's suggestion of who usually does such work.
BASES = ("stated", "text", "suggested")
# What a task is (`Task.kind`): a deliverable, a repeated duty, a standing duty with no end.
TASK_KINDS = ("once", "recurring", "ongoing")


def _internal(default: Any = None) -> Any:
    """A dataclass field that stages share but the JSON contract does not contain."""
    return field(default=default, metadata={"internal": True}, compare=False, repr=False)


def _to_json(obj: Any) -> Any:
    if isinstance(obj, list):
        return [_to_json(x) for x in obj]
    if hasattr(obj, "__dataclass_fields__"):
        return {
            f.name: _to_json(getattr(obj, f.name))
            for f in fields(obj)
            if not f.metadata.get("internal")
        }
    return obj


class _JsonMixin:
    def to_dict(self) -> dict[str, Any]:
        """This object as plain JSON data, in the contract's field order."""
        return _to_json(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        """Rebuild from the JSON form (unknown keys are ignored)."""
        kwargs = {}
        for f in fields(cls):
            if f.metadata.get("internal") or f.name not in data:
                continue
            kwargs[f.name] = _decode(cls, f.name, data[f.name])
        return cls(**kwargs)


@dataclass
class Dept(_JsonMixin):
    name: str
    canonical: str
    basis: str = "stated"  # stated | text | suggested (BASES)
    why: str | None = None  # for `suggested`: the words of the clause that led to it


@dataclass
class Deadline(_JsonMixin):
    text: str
    start: str | None = None
    end: str | None = None
    kind: str = "by"  # by | range | on | within
    inferred: bool = False  # derived (e.g. the end of the plan's period), not written


@dataclass
class Recurrence(_JsonMixin):
    text: str
    period: str  # day | week | month | quarter | semester | year | term_of_office
    min_times: int | None = None
    on: str | None = None  # MM-DD for period "day"
    amount: float | None = None
    unit: str | None = None
    every: int | None = None  # the interval in periods: 每两年 → 2; None means 1


@dataclass
class Target(_JsonMixin):
    text: str
    op: str  # >= | <= | = | ~
    value: float
    unit: str | None = None
    subject: str | None = None
    value_max: float | None = None
    by: str | None = None


@dataclass
class Task(_JsonMixin):
    text: str
    lead: list[Dept] = field(default_factory=list)
    support: list[Dept] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    recurrences: list[Recurrence] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    kind: str = "ongoing"  # once | recurring | ongoing (TASK_KINDS)
    # Persons the sentence names as doers (党支部书记, 班子成员): leads in a body's own
    # rules, but in an institution's plan the office that does such work is suggested.
    persons: list[Dept] | None = _internal()


@dataclass
class Clause(_JsonMixin):
    id: str
    path: list[str]
    number: str | None
    heading: str | None
    text: str
    lead: list[Dept] = field(default_factory=list)
    support: list[Dept] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    recurrences: list[Recurrence] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    # The responsibility note lifted out of `text` by the outline stage, e.g.
    # "牵头部门:组织部,配合部门:宣传部"; the extraction stage reads it.
    note: str | None = _internal()
    # Whether the note was a paragraph of its own after the clause's text (…优秀党支部书记。
    # ⏎ 牵头单位：党委组织部), not written inside it.
    note_own_line: bool = _internal(False)
    # Offset of the clause's text in the normalised document text.
    offset: int | None = _internal()


@dataclass
class Section(_JsonMixin):
    path: list[str]
    level: int
    number: str
    heading: str


@dataclass
class Warning(_JsonMixin):
    kind: str
    message: str
    excerpt: str | None = None
    offset: int | None = None


@dataclass
class Source(_JsonMixin):
    path: str
    format: str
    sha256: str
    encoding: str | None = None


@dataclass
class Notice(_JsonMixin):
    title: str | None = None
    doc_number: str | None = None
    date: str | None = None
    body: str | None = None


@dataclass
class Document(_JsonMixin):
    id: str
    source: Source
    title: str | None = None
    kind: str | None = None
    issuer: str | None = None
    institution: str | None = None
    doc_number: str | None = None
    date: str | None = None
    recipients: list[str] = field(default_factory=list)
    notice: Notice | None = None
    sections: list[Section] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    # The normalised full text the offsets refer to.
    text: str | None = _internal()

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object, `schema_version` first."""
        return {"schema_version": SCHEMA_VERSION, **_to_json(self)}

    def section(self, path: list[str]) -> Section | None:
        """The section at exactly this path, or None."""
        for s in self.sections:
            if s.path == path:
                return s
        return None

    def ancestors(self, clause: Clause) -> list[Section]:
        """The sections above a clause, outermost first."""
        out = []
        for i in range(1, len(clause.path) + 1):
            s = self.section(clause.path[:i])
            if s is not None and s.path != clause.path:
                out.append(s)
        return out

    def clause(self, clause_id: str) -> Clause | None:
        """The clause with this id, or None."""
        for c in self.clauses:
            if c.id == clause_id:
                return c
        return None


def schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of the parsed document this version writes."""
    import json

    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


_NESTED: dict[tuple[type, str], type] = {}


def _decode(cls: type, name: str, value: Any) -> Any:
    target = _NESTED.get((cls, name))
    if target is None or value is None:
        return value
    if isinstance(value, list):
        return [target.from_dict(v) for v in value]
    return target.from_dict(value)


for _cls, _name, _target in [
    (Task, "lead", Dept), (Task, "support", Dept), (Task, "deadlines", Deadline),
    (Task, "recurrences", Recurrence), (Task, "targets", Target),
    (Clause, "lead", Dept), (Clause, "support", Dept), (Clause, "deadlines", Deadline),
    (Clause, "recurrences", Recurrence), (Clause, "targets", Target), (Clause, "tasks", Task),
    (Document, "source", Source), (Document, "notice", Notice), (Document, "sections", Section),
    (Document, "clauses", Clause), (Document, "warnings", Warning),
]:
    _NESTED[(_cls, _name)] = _target
