"""Outline: heading markers to sections and clauses, and the document's metadata."""

from __future__ import annotations

from pbdocs.model import Document, Source


def build_document(text: str, doc_id: str, source: Source) -> Document:
    """Build a Document (metadata, sections, clauses with empty extraction fields) from text."""
    return Document(id=doc_id, source=source, text=text)
