"""Parse a text given inline and find its tasks: shared by the extraction tests."""

from __future__ import annotations

from pbdocs.model import Source
from pbdocs.parse import parse_text


def tasks_of(text: str, doc_id: str = "t"):
    """The parsed document and its tasks, in clause order."""
    src = Source(path=f"/nonexistent/{doc_id}.txt", format="txt", sha256="0" * 64)
    doc = parse_text(text, doc_id=doc_id, source=src)
    return doc, [t for c in doc.clauses for t in c.tasks]


def find_task(tasks, words: str):
    """The first task whose text holds `words`; fails naming every task when none does."""
    hits = [t for t in tasks if words in t.text]
    assert hits, (words, [t.text for t in tasks])
    return hits[0]


def leads(task):
    """A task's leads as (canonical name, basis) pairs, in order."""
    return [(d.canonical, d.basis) for d in task.lead]
