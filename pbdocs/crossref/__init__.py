"""Cross-reference: which clauses of other universities' plans state the same requirement
(`similar`), and what each institution requires on a topic, with its numbers (`compare`).

Library API (the CLI and the web UI are shells over these):
- `similar(docs, *, clause_id=None, text=None, top=10, other_institutions=False, index_dir=None)`
  → `{"hits": [{"doc_id", "clause_id", "institution", "label", "text", "score", "excerpt"}]}`
  (`excerpt`: the hit's sentence best matching the query; `label`: institution, else title)
- `compare(docs, *, topics=None, doc_ids=None, per_cell=2, topics_file=None, discovered=None,
  index_dir=None, only_differences=False)` → `{"institutions": [...], "requirements": [{"topic",
  "source", "keywords", "differs", "cells": {label: [{"clause_id", "doc_id", "excerpt",
  "targets", "recurrences", "deadlines"}]}}]}`; each number carries `differs` (another
  institution set otherwise what measures the same thing), `subject_text`, and `damaged` when its
  numeral was lost in the source; `only_differences` keeps the rows that differ (and says so).
- `default_topics()` → the curated topic names (`pbdocs/lexicon/topics.tsv`).
"""

from __future__ import annotations

from pbdocs.crossref.matrix import compare
from pbdocs.crossref.similar import institution_label, similar
from pbdocs.crossref.topics import default_topics, load_topics

__all__ = ["compare", "default_topics", "institution_label", "load_topics", "similar"]
