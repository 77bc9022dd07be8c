"""The search-engine interface and what every engine indexes: one record per clause.

An engine (whoosh, tantivy, PostgreSQL) implements `SearchBackend`; everything
else — analysis, query parsing, filters, highlighting, the index folder — is shared.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pbdocs.model import Document

# Analysed text fields: the clause (its heading and text), its context (the headings above it
# and its lead/support departments, canonical and as written), and the document's title,
# issuer and institution.
TEXT_FIELDS = ("body", "ctx", "title")
# The fields a query searches, with their weight: the clause itself counts most. The title is
# left out: it would make every clause of a 党建 plan a hit for 党建 (and cost a scan of the
# whole index per query); documents are narrowed with --inst / --year / --kind instead.
SEARCH_FIELDS: dict[str, float] = {"body": 1.0, "ctx": 0.5}
# Character bigrams of body and context: the field that decides which clauses match.
GRAMS_FIELD = "grams"
# Exact-value fields used by filters and facets.
KEYWORD_FIELDS = ("clause_id", "doc_id", "inst", "year", "kind", "depts", "lead", "support")
NO_INSTITUTION = "（未注明单位）"


class DamagedIndexError(Exception):
    """Raised by a backend when its files cannot be read."""


@dataclass
class ClauseRecord:
    """Everything the index holds about one clause (stored as `data`, searched by fields)."""

    clause_id: str
    doc_id: str
    order: int
    institution: str | None
    title: str | None
    issuer: str | None
    kind: str | None
    year: str | None
    date: str | None
    doc_number: str | None
    source: str
    path: list[str]
    number: str | None
    heading: str | None
    text: str
    ancestors: list[dict[str, Any]] = field(default_factory=list)
    lead: list[dict[str, str]] = field(default_factory=list)
    support: list[dict[str, str]] = field(default_factory=list)

    def texts(self) -> dict[str, str]:
        """The text of each field in TEXT_FIELDS."""
        body = self.text
        if self.heading and self.heading not in body:
            body = f"{self.heading}\n{body}"
        heads = [a["heading"] for a in self.ancestors if a.get("heading")]
        depts = sorted({d[k] for d in self.lead + self.support
                        for k in ("name", "canonical") if d.get(k)})
        ctx = "\n".join(heads + depts)
        title = "\n".join(x for x in (self.title, self.issuer, self.institution) if x)
        return {"body": body, "ctx": ctx, "title": title}

    def keywords(self) -> dict[str, list[str]]:
        """The exact values of each field in KEYWORD_FIELDS (lists may be empty)."""
        def names(ds: list[dict[str, str]]) -> list[str]:
            return sorted({d[k] for d in ds for k in ("name", "canonical") if d.get(k)})

        return {
            "clause_id": [self.clause_id],
            "doc_id": [self.doc_id],
            "inst": [self.institution or NO_INSTITUTION],
            "year": [self.year] if self.year else [],
            "kind": [self.kind] if self.kind else [],
            "depts": sorted({d["canonical"] for d in self.lead + self.support
                             if d.get("canonical")}),
            "lead": names(self.lead),
            "support": names(self.support),
        }

    def data(self) -> str:
        """The stored form: this record as JSON."""
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_data(cls, data: str) -> ClauseRecord:
        """Rebuild a record from its stored JSON."""
        return cls(**json.loads(data))


def _dept(d) -> dict[str, str]:
    """A department as a record keeps it: name, canonical name, and its basis when the model
    has one (a suggested department must read as a suggestion in hits and exports too)."""
    out = {"name": d.name, "canonical": d.canonical}
    basis = getattr(d, "basis", None)
    if basis:
        out["basis"] = basis
    return out


def records(doc: Document) -> list[ClauseRecord]:
    """One record per clause of a parsed document."""
    year = doc.date[:4] if doc.date and doc.date[:4].isdigit() else None
    out = []
    for i, c in enumerate(doc.clauses):
        out.append(ClauseRecord(
            clause_id=c.id, doc_id=doc.id, order=i, institution=doc.institution,
            title=doc.title, issuer=doc.issuer, kind=doc.kind, year=year, date=doc.date,
            doc_number=doc.doc_number, source=doc.source.path, path=list(c.path),
            number=c.number, heading=c.heading, text=c.text,
            ancestors=[{"path": s.path, "number": s.number, "heading": s.heading}
                       for s in doc.ancestors(c)],
            lead=[_dept(d) for d in c.lead],
            support=[_dept(d) for d in c.support],
        ))
    return out


# Facets a search can count, by name → the keyword field counted. "institution" and
# "department" (lead or support) are the spec's; the others serve the web UI's filters,
# sorting and grouping (lead and support apart, year, kind, and hits per document).
FACET_FIELDS = {"institution": "inst", "department": "depts", "lead": "lead",
                "support": "support", "year": "year", "kind": "kind", "document": "doc_id"}
DEFAULT_FACETS = ("institution", "department")


@dataclass
class Filters:
    """Exact values a hit must have, per field (any of the values); None = no filter."""

    inst: list[str] | None = None
    depts: list[str] | None = None
    year: list[str] | None = None
    kind: list[str] | None = None
    lead: list[str] | None = None  # leading department (canonical name or as written)
    support: list[str] | None = None  # supporting department
    doc: list[str] | None = None  # document ids

    def items(self) -> list[tuple[str, list[str]]]:
        """(field, values) for every filter that is set."""
        return [(k, v) for k, v in (("inst", self.inst), ("depts", self.depts),
                                    ("year", self.year), ("kind", self.kind),
                                    ("lead", self.lead), ("support", self.support),
                                    ("doc_id", self.doc)) if v is not None]

    def impossible(self) -> bool:
        """True when a filter matched no known value, so nothing can be found."""
        return any(not v for _, v in self.items())


@dataclass
class RawHit:
    """What a backend returns per hit: the stored record and the engine's score."""

    record: ClauseRecord
    score: float


@dataclass
class Page:
    """One page of hits, the total number of hits, and facet counts when asked."""

    total: int
    hits: list[RawHit]
    facets: dict[str, dict[str, int]] | None = None


class SearchBackend(ABC):
    """A full-text engine holding ClauseRecords in one folder."""

    name: str = ""

    def __init__(self, path: Path):
        self.path = Path(path)

    @abstractmethod
    def create(self) -> None:
        """Make a new, empty index in self.path (an empty folder)."""

    @abstractmethod
    def write(self, add: list[ClauseRecord], delete_doc_ids: set[str]) -> None:
        """Delete every clause of the given documents, add the records, commit."""

    @abstractmethod
    def search(self, node, filters: Filters, limit: int, offset: int,
               facets: bool = False) -> Page:
        """Hits for a parsed query (pbdocs.search.query) within filters, best first."""

    @abstractmethod
    def get(self, clause_id: str) -> ClauseRecord | None:
        """The stored record of one clause, or None."""

    def count_values(self, node, filters: Filters, field: str,
                     values: list[str]) -> dict[str, int]:
        """Hits per value of a keyword field (the values given), within filters: one counting
        search per value; an engine with a cheaper way overrides this."""
        from dataclasses import replace

        name = {"doc_id": "doc"}.get(field, field)
        out = {}
        for v in values:
            own = getattr(filters, name)
            if own is not None and v not in own:
                continue
            n = self.search(node, replace(filters, **{name: [v]}), 0, 0).total
            if n:
                out[v] = n
        return out

    def close(self) -> None:  # noqa: B027 - optional: most engines hold nothing to release
        """Release open files (optional)."""
