"""`compare`: the requirement matrix — topics as rows, institutions as columns, each cell the
clause excerpts and the numbers (targets, recurrences, deadlines) that institution set."""

from __future__ import annotations

from pathlib import Path

from pbdocs.crossref.similar import institution_label
from pbdocs.crossref.topics import Topic, discover, load_topics, resolve
from pbdocs.crossref.vectors import clause_text, fold, sentences
from pbdocs.errors import InputError
from pbdocs.model import Clause, Document

PER_CELL = 2  # clauses shown per institution and topic
MAX_SENTENCES = 3  # sentences of one clause in an excerpt
MAX_SENTENCE_CHARS = 160


def compare(docs: list[Document], *, topics: list[str] | None = None,
            doc_ids: list[str] | None = None, per_cell: int = PER_CELL,
            topics_file: str | Path | None = None, discovered: bool | None = None,
            index_dir: str | Path | None = None) -> dict:
    """The requirement matrix as the spec's JSON (plus `differs`, `recurrences`, `deadlines`).
    `docs` may be a stream (pbdocs.corpus.DocumentStream): it is read a few times, one
    document at a time, and never held whole."""
    docs = _select(docs if hasattr(docs, "key") else list(docs), doc_ids)
    curated = load_topics(topics_file)
    labels = list(dict.fromkeys(institution_label(d) for d in docs))
    chosen = resolve(list(topics), curated, docs) if topics else list(curated)
    rows = _rows(docs, labels, chosen, per_cell, overview=not topics)
    if not topics and discovered is not False:
        from pbdocs.crossref.cache import get_index

        covered = {i["clause_id"] for r in rows for items in r["cells"].values() for i in items}
        found = discover(get_index(docs, index_dir),
                         {d.id: institution_label(d) for d in docs}, covered)
        rows += _rows(docs, labels, found, per_cell, overview=True)
    return {"institutions": labels, "requirements": rows}


class _Prepared:
    """A clause folded once per call (not once per topic and keyword); its sentences are split
    only for the clauses some topic mentions."""

    __slots__ = ("_sents", "clause", "folded")

    def __init__(self, clause: Clause):
        self.clause = clause
        self.folded = fold(clause_text(clause))
        self._sents: tuple[list[str], list[str]] | None = None

    def sentences(self) -> tuple[list[str], list[str]]:
        """The clause's sentences and their folded forms."""
        if self._sents is None:
            sents = sentences(clause_text(self.clause))
            self._sents = (sents, [fold(x) for x in sents])
        return self._sents


def _rows(docs: list[Document], labels: list[str], chosen: list[Topic], per_cell: int,
          overview: bool) -> list[dict]:
    every: list[dict[str, list[dict]]] = [{lab: [] for lab in labels} for _ in chosen]
    for doc in docs:  # one document at a time: a stream is never held whole
        prepared = [_Prepared(c) for c in doc.clauses]
        for cells, topic in zip(every, chosen):
            cells[institution_label(doc)].extend(_cell(doc, prepared, topic, per_cell))
    rows = []
    for topic, cells in zip(chosen, every):
        present = sum(1 for items in cells.values() if items)
        if overview and present < min(2, len(labels)):
            continue  # an overview shows only what can be compared
        differs = _mark_differences(cells)
        rows.append({"topic": topic.name, "source": topic.source, "keywords": topic.keywords,
                     "differs": differs, "cells": cells})
    return rows


def _select(docs: list[Document], doc_ids: list[str] | None) -> list[Document]:
    if not len(docs):
        raise InputError("语料库中没有可比对的文档。")
    if not doc_ids:
        return docs
    if hasattr(docs, "ids"):  # a stream: load only the documents asked for
        known = docs.ids()
        missing = [i for i in doc_ids if i not in known]
        if missing:
            raise InputError(f"语料库中没有编号为“{missing[0]}”的文档；"
                             f"可用的编号：{'、'.join(known)}。")
        chosen = [docs.get(i) for i in dict.fromkeys(doc_ids)]
        return [d for d in chosen if d is not None]
    by_id = {d.id: d for d in docs}
    missing = [i for i in doc_ids if i not in by_id]
    if missing:
        raise InputError(f"语料库中没有编号为“{missing[0]}”的文档；"
                         f"可用的编号：{'、'.join(by_id)}。")
    return [by_id[i] for i in dict.fromkeys(doc_ids)]


def _cell(doc: Document, prepared: list[_Prepared], topic: Topic, per_cell: int) -> list[dict]:
    """The clauses of one document about a topic, most specific first, with their numbers."""
    keys = [k for k in (fold(x) for x in topic.keywords) if k]
    members = set(topic.clause_ids)
    ranked = []
    for pos, p in enumerate(prepared):
        if members and p.clause.id not in members:
            continue
        if not members and not any(k in p.folded for k in keys):
            continue
        sents, folded = p.sentences()
        hit = [s for s, f in zip(sents, folded) if any(k in f for k in keys)]
        if not hit and not members:
            continue
        first = min((i for i, k in enumerate(keys) if k in p.folded), default=len(keys))
        ranked.append(((first, -len(hit), pos), p.clause, hit or sents[:1]))
    ranked.sort(key=lambda r: r[0])
    return [_item(doc, c, hit, keys) for _, c, hit in ranked[:per_cell]]


def _item(doc: Document, c: Clause, hit: list[str], keys: list[str]) -> dict:
    excerpt = "".join(_trim(s, keys) for s in hit[:MAX_SENTENCES])
    if len(hit) > MAX_SENTENCES:
        excerpt += "……"
    folded = fold(excerpt)

    def inside(items):
        # A number belongs to the excerpt when its words are there (a bare "2个" is not enough).
        return [x.to_dict() for x in items
                if x.text and fold(x.text) in folded
                and fold(getattr(x, "subject", None) or "") in folded]

    return {"clause_id": c.id, "doc_id": doc.id, "excerpt": excerpt,
            "targets": inside(c.targets), "recurrences": inside(c.recurrences),
            "deadlines": inside(c.deadlines)}


def _trim(sentence: str, keys: list[str]) -> str:
    """A long sentence cut to a window around its first keyword."""
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return sentence
    at = min((sentence.find(k) for k in keys if sentence.find(k) >= 0), default=0)
    start = max(0, at - MAX_SENTENCE_CHARS // 3)
    end = start + MAX_SENTENCE_CHARS
    return ("……" if start else "") + sentence[start:end] + ("……" if end < len(sentence) else "")


def _fact(kind: str, x: dict) -> tuple[tuple, tuple]:
    """(what is measured, the value) of a number, to compare across institutions."""
    if kind == "targets":
        return (kind, x.get("unit") or ""), (x.get("op"), x.get("value"), x.get("value_max"))
    if kind == "recurrences":
        return ((kind, x.get("period"), x.get("unit") or ""),
                (x.get("min_times"), x.get("amount"), x.get("on")))
    return (kind, x.get("kind")), (x.get("start"), x.get("end"))


def _mark_differences(cells: dict[str, list[dict]]) -> bool:
    """Mark each number that some other institution, measuring the same thing, set otherwise."""
    seen: dict[tuple, dict[str, set]] = {}
    for inst, items in cells.items():
        for item in items:
            for kind in ("targets", "recurrences", "deadlines"):
                for x in item[kind]:
                    key, value = _fact(kind, x)
                    if any(v is not None for v in value):
                        seen.setdefault(key, {}).setdefault(inst, set()).add(value)
    any_diff = False
    for inst, items in cells.items():
        for item in items:
            for kind in ("targets", "recurrences", "deadlines"):
                for x in item[kind]:
                    key, value = _fact(kind, x)
                    if not any(v is not None for v in value):
                        x["differs"] = False  # "每学期…制度": a period without a number
                        continue
                    others = [v for i, v in seen[key].items() if i != inst]
                    x["differs"] = any(value not in v for v in others)
                    any_diff = any_diff or x["differs"]
    return any_diff
