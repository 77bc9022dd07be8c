"""pbdocs: Chinese party-building policy texts to structured, searchable, comparable knowledge
and to the official Word documents that implement them.

The library API is imported lazily so that `pbdocs search` never pays for spaCy.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["parse_file", "Corpus", "Document"]


def __getattr__(name: str):
    if name == "parse_file":
        from pbdocs.parse import parse_file

        return parse_file
    if name == "Corpus":
        from pbdocs.corpus import Corpus

        return Corpus
    if name == "Document":
        from pbdocs.model import Document

        return Document
    raise AttributeError(name)
