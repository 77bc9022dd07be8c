"""`compare`: the requirement matrix — topics as rows, institutions as columns, each cell the
clause excerpts and the numbers (targets, recurrences, deadlines) that institution set.

A number is compared only with numbers that measure the same thing: the same kind and unit, the
same period (a recurrence counted per year, so 每学期1次 equals 每年2次), a coverage only with a
coverage, a count only with one of the same scope (a college's own plan, or an institution's),
and a subject alike (who or what: a target's subject, else the words around the number in its
sentence, weighted by IDF, without the words of compare_subjects.tsv that say nothing of what is
measured) and of the same level (校级 is not 省级, and a subject naming a level is not compared
with one naming none). 至少3个, 3个 and 约3个 set the same number; 不超过3个 a ceiling.
Deadlines date each plan's own schedule and are not compared. A number without a subject, or
damaged in the source (a numeral lost in extraction: the normaliser keeps a space where it
was), is shown and never compared. Cost is linear in the corpus:
clauses are found through the clause index's postings, each cell keeps PER_CELL clauses per
institution, and each number is compared with a few subjects of each group of its row, not with
every institution's numbers.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from pbdocs.crossref.similar import institution_label
from pbdocs.crossref.topics import Topic, discover, load_topics, resolve
from pbdocs.crossref.vectors import N_FEATURES, chars, clause_text, word_feature, words
from pbdocs.errors import InputError
from pbdocs.lang import lexicon
from pbdocs.lang.text import fold, sentences
from pbdocs.model import Clause, Document

PER_CELL = 2  # clauses shown per institution and topic
MAX_SENTENCES = 3  # sentences of one clause in an excerpt
MAX_SENTENCE_CHARS = 160
# Two numbers measure the same thing when their subjects' IDF-weighted word cosine reaches this.
SUBJECT_MIN = 0.5
REPRESENTATIVES = 8  # subjects of a group a new number is compared with
SUBJECTS_FILE = "compare_subjects.tsv"  # words ignored in subjects; level words
PER_YEAR = {"week": 52, "month": 12, "quarter": 4, "semester": 2, "year": 1}
# A numeral lost in extraction: the normaliser keeps the space where it stood (召开 次).
_LOST_NUMERAL = re.compile(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]")
_SEGMENT = re.compile(r"[^，,；;。！？!?：:]+")
# Words of the number phrase itself (comparison words, numerals; periods and measure words come
# from the lexicon): not what is measured.
_QUANTITY = (r"每.*|至少|不少于?|不低于?|不超过|不多于?|不高于?|达到|以上|以下|以内|"
             r"[零一二两三四五六七八九十百千万\d.%％]+")


@lexicon.per_lexicon()
def _quantity_word() -> re.Pattern:
    """Matches a word that is part of a number phrase: 每学期, 至少, 1次, 学期, 名 …"""
    units = [e for e in lexicon.entries("measure_words.txt") if not e.startswith("!")]
    periods = [r[0] for r in lexicon.rows("periods.tsv")]
    alts = "|".join(re.escape(w) for w in sorted({*units, *periods}, key=len, reverse=True))
    return re.compile(f"^(?:{_QUANTITY})?(?:{alts})?$")


def compare(docs: list[Document], *, topics: list[str] | None = None,
            doc_ids: list[str] | None = None, per_cell: int = PER_CELL,
            topics_file: str | Path | None = None, discovered: bool | None = None,
            index_dir: str | Path | None = None, only_differences: bool = False) -> dict:
    """The requirement matrix as the spec's JSON (plus `differs`, `recurrences`, `deadlines`);
    `only_differences` keeps the rows where some number differs between institutions."""
    from pbdocs.crossref.cache import get_index

    every = list(docs)
    docs = _select(every, doc_ids)
    curated = load_topics(topics_file)
    labels = list(dict.fromkeys(institution_label(d) for d in docs))
    chosen = resolve(list(topics), curated, docs) if topics else list(curated)
    # The corpus's own index, also when only some documents are compared: one index per corpus
    # (a subset would build, and keep, an index of its own).
    index = get_index(every, index_dir)
    finder = _Finder(docs, index)
    rows = _rows(finder, labels, chosen, per_cell, overview=not topics)
    if not topics and discovered is not False:
        covered = {i["clause_id"] for r in rows for items in r["cells"].values() for i in items}
        found = discover(index, {d.id: institution_label(d) for d in docs}, covered)
        rows += _rows(finder, labels, found, per_cell, overview=True)
    out = {"institutions": labels, "requirements": rows}
    if only_differences:
        out["requirements"] = [r for r in rows if r["differs"]]
        out["only_differences"] = True
    return out


class _Finder:
    """The clauses that mention a keyword: candidates from the postings of the keyword's
    character bigrams (every clause holding the keyword holds them all), then checked."""

    def __init__(self, docs: list[Document], index):
        self.docs = docs
        self.index = index
        self.by_id = {d.id: d for d in docs}
        self.order = {d.id: n for n, d in enumerate(docs)}
        self._folded: dict[int, str] = {}
        self._clauses: dict[str, dict[str, Clause]] = {}

    def rows_with(self, keys: list[str]) -> set[int]:
        """Rows of the index whose text (folded) holds one of the keys."""
        found: set[int] = set()
        for k in keys:
            ck = chars(k)
            grams = {ck[i:i + 2] for i in range(len(ck) - 1)}
            if grams and self.index.post_ptr is not None:
                cand = None
                for g in sorted(grams):
                    f = N_FEATURES + word_feature(g)
                    rows = np.asarray(self.index.post_rows[int(self.index.post_ptr[f]):
                                                           int(self.index.post_ptr[f + 1])])
                    cand = rows if cand is None else np.intersect1d(cand, rows,
                                                                    assume_unique=True)
                    if not len(cand):
                        break
                rows = cand.tolist()
            else:
                rows = range(len(self.index.entries))
            found.update(r for r in rows if self.index.entries[r].doc_id in self.by_id
                         and k in self.text(r, keys))
        return found

    def text(self, row: int, keys: list[str]) -> str:
        """The clause's text as written when it holds one of the keys (most do: no folding),
        else folded (widths and spaces), in which the keys are matched."""
        e = self.index.entries[row]
        raw = f"{e.heading}。{e.text}"
        if any(k in raw for k in keys):
            return raw
        if row not in self._folded:
            self._folded[row] = fold(clause_text(self.clause(e.doc_id, e.clause_id)))
        return self._folded[row]

    def clause(self, doc_id: str, clause_id: str) -> Clause:
        table = self._clauses.get(doc_id)
        if table is None:
            table = self._clauses[doc_id] = {c.id: c for c in self.by_id[doc_id].clauses}
        return table[clause_id]


def _rows(finder: _Finder, labels: list[str], chosen: list[Topic], per_cell: int,
          overview: bool) -> list[dict]:
    rows = []
    for topic in chosen:
        cells = _cells(finder, labels, topic, per_cell)
        present = sum(1 for items in cells.values() if items)
        if overview and present < min(2, len(labels)):
            continue  # an overview shows only what can be compared
        differs = _mark_differences(cells, finder.index.model)
        rows.append({"topic": topic.name, "source": topic.source, "keywords": topic.keywords,
                     "differs": differs, "cells": cells})
    return rows


def _cells(finder: _Finder, labels: list[str], topic: Topic, per_cell: int) -> dict:
    """Per institution, its PER_CELL clauses most about the topic (the earliest keyword of the
    topic's list, then the most mentions), with their numbers. Only the clauses kept are split
    into sentences."""
    keys = [k for k in (fold(x) for x in topic.keywords) if k]
    members = set(topic.clause_ids)
    index = finder.index
    if members:
        rows = {r for r in (index.position(c) for c in members)
                if r is not None and index.entries[r].doc_id in finder.by_id}
    else:
        rows = finder.rows_with(keys)
    ranked: dict[str, list] = {}
    for r in rows:
        e = index.entries[r]
        text = finder.text(r, keys)
        first = min((i for i, k in enumerate(keys) if k in text), default=len(keys))
        mentions = sum(text.count(k) for k in keys)
        rank = (first, -mentions, finder.order[e.doc_id], r)
        ranked.setdefault(e.label, []).append((rank, r))
    cells: dict[str, list[dict]] = {lab: [] for lab in labels}
    for lab, items in ranked.items():
        items.sort()
        for _, r in items:
            if len(cells[lab]) >= per_cell:
                break
            e = index.entries[r]
            c = finder.clause(e.doc_id, e.clause_id)
            sents = sentences(clause_text(c))
            folded = [fold(s) for s in sents]
            hit = [(s, f) for s, f in zip(sents, folded) if any(k in f for k in keys)]
            if hit or members:
                cells[lab].append(_item(finder.by_id[e.doc_id], c,
                                        hit or list(zip(sents, folded))[:1], keys))
    return cells


def _select(docs: list[Document], doc_ids: list[str] | None) -> list[Document]:
    if not docs:
        raise InputError("语料库中没有可比对的文档。")
    if not doc_ids:
        return docs
    by_id = {d.id: d for d in docs}
    missing = [i for i in doc_ids if i not in by_id]
    if missing:
        raise InputError(f"语料库中没有编号为“{missing[0]}”的文档；"
                         f"可用的编号：{'、'.join(by_id)}。")
    return [by_id[i] for i in dict.fromkeys(doc_ids)]


def _item(doc: Document, c: Clause, hit: list[tuple[str, str]], keys: list[str]) -> dict:
    """One clause of a cell: its excerpt (the sentences about the topic, given with their folded
    forms; a sentence holding one of their numbers is never left out) and those numbers."""
    kinds = {"targets": c.targets, "recurrences": c.recurrences, "deadlines": c.deadlines}
    nums = [(k, x, fold(x.text)) for k, xs in kinds.items() for x in xs if x.text]
    # Sentences with a number of the clause come first when the excerpt must be cut.
    with_number = [i for i, (_, f) in enumerate(hit) if any(t in f for _, _, t in nums)]
    shown = set(with_number[:MAX_SENTENCES])
    for i in range(len(hit)):
        if len(shown) >= MAX_SENTENCES:
            break
        shown.add(i)
    chosen = [hit[i] for i in sorted(shown)]
    joined = "".join(f for _, f in chosen)
    kept = [(k, x, t) for k, x, t in nums if any(t in f for _, f in chosen)
            and fold(getattr(x, "subject", None) or "") in joined]
    excerpt = "".join(_trim(s, keys, [t for _, _, t in kept if t in f]) for s, f in chosen)
    if len(hit) > len(chosen):
        excerpt += "……"
    out: dict = {"clause_id": c.id, "doc_id": doc.id, "excerpt": excerpt,
                 "targets": [], "recurrences": [], "deadlines": []}
    used: set[tuple[int, int]] = set()
    scope = _scope(doc)
    for kind, x, _ in kept:
        d = x.to_dict()
        if kind == "targets" and d.get("unit") != "%":
            d["scope"] = scope  # a count is compared only within one scope
        d["subject_text"] = _subject_text(kind, x, [f for _, f in chosen], used)
        if _LOST_NUMERAL.search(x.text or ""):
            d["damaged"] = True
        out[kind].append(d)
    return out


def _scope(doc: Document) -> str:
    """Whose count a document sets: `unit` for a college's, a branch's or another unit's own
    plan (its issuer is a committee or branch below the institution), else `institution`.
    A college's 争创校级样板支部1个 is not the university's 培育校级样板支部5个."""
    from pbdocs.extract.suggest import issued_by_institution, own_work_bodies

    issuer = (doc.issuer or "").strip()
    if not issuer or issued_by_institution(doc):
        return "institution"
    below = issuer.endswith(("委员会", "党委")) or any(e in issuer for e in own_work_bodies())
    return "unit" if below else "institution"


def _subject_text(kind: str, x, sents: list[str], used: set[tuple[int, int]]) -> str:
    """What a number measures, in words: a target's subject, else the part of its (folded)
    sentence around it (between commas), with the part before when that holds only the number
    (「校级领导干部讲党课，每学期不少于1次」). A part taken for one number (`used`, filled
    here) is not taken again for the same words later in the excerpt (「委员会每月召开1次，
    党小组会每月召开1次」)."""
    if kind == "targets":
        return x.subject or ""
    text = fold(x.text)
    for n, s in enumerate(sents):
        segs = _SEGMENT.findall(s)
        for i, seg in enumerate(segs):
            if (n, i) in used:
                continue
            if text in seg or seg in text:
                used.add((n, i))
                if i and not _subject_words(seg):
                    return segs[i - 1] + "，" + seg
                return seg
    return text


def _subject_words(text: str) -> set[str]:
    """The words of a subject text, without those of the number phrase itself and those that
    say nothing about what is measured (`ignore` in compare_subjects.tsv)."""
    q = _quantity_word()
    ignore, levels = _subject_lexicon()
    return {w for w in words(text) if not q.match(w) and w not in ignore
            and not any(w == lw for lw, _ in levels)}


@lexicon.per_lexicon()
def _subject_lexicon() -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """(words to ignore in a subject, (level word, level) longest word first)."""
    rows = lexicon.rows(SUBJECTS_FILE)
    ignore = frozenset(r[1] for r in rows if r[0] == "ignore" and len(r) > 1)
    levels = sorted(((r[1], r[2]) for r in rows if r[0] == "level" and len(r) > 2),
                    key=lambda p: -len(p[0]))
    return ignore, tuple(levels)


def _level(text: str) -> str | None:
    """The level a subject names (校级样板支部 → 校级), or None."""
    for w, level in _subject_lexicon()[1]:
        if w in text:
            return level
    return None


def _trim(sentence: str, keys: list[str], numbers: list[str]) -> str:
    """A long sentence cut to a window around its first keyword; never cutting off a number of
    the excerpt (a sentence holding one is cut around the keyword and the numbers)."""
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return sentence
    # positions in the folded text (keys and numbers are folded), mapped back to the original
    origin = [i for i, ch in enumerate(sentence) for _ in fold(ch)]
    f = fold(sentence)
    marks = [f.find(k) for k in keys if f.find(k) >= 0] or [0]
    spans = [(f.find(n), f.find(n) + len(n)) for n in numbers if f.find(n) >= 0]
    lo = min(marks + [a for a, _ in spans])
    hi = max([b for _, b in spans], default=0)
    start = origin[lo] if lo < len(origin) else 0
    start = max(0, start - MAX_SENTENCE_CHARS // 3)
    end = origin[hi - 1] + 1 if hi else 0
    end = max(start + MAX_SENTENCE_CHARS, end)
    return ("……" if start else "") + sentence[start:end] + ("……" if end < len(sentence) else "")


def _measure(kind: str, x: dict) -> tuple | None:
    """(kind, unit, period) a number is compared within and its value, or None when it is not
    compared (no value, or damaged)."""
    if x.get("damaged"):
        return None
    if kind == "targets":
        if x.get("value") is None:
            return None
        # a coverage (全覆盖, 覆盖率100%) is not a share of something (1%的比例)
        cover = "覆盖" in (x.get("text") or "") + (x.get("subject_text") or "")
        # 至少3个, 3个, 约3个 set the same number; 不超过3个 sets a ceiling
        bound = "max" if x.get("op") in ("<=", "<") else "min"
        return ((kind, x.get("unit") or "", cover, x.get("scope")),
                (bound, x.get("value"), x.get("value_max")))
    if kind == "recurrences":
        per = PER_YEAR.get(x.get("period"))
        n = x.get("min_times")
        if n is not None:
            return ((kind, "次", "year" if per else x.get("period")),
                    (n * per if per else n, x.get("on")))
        if x.get("amount") is not None:
            unit = x.get("unit") or ""
            return ((kind, unit, "year" if per else x.get("period")),
                    (x["amount"] * per if per else x["amount"],))
        return None
    # A deadline dates one plan's own schedule (2019年1月 against 2025年9月 is no difference in
    # what is required): shown, never compared.
    return None


def _subject_vector(text: str, model) -> dict[str, float]:
    return {w: float(model.idf[word_feature(w)]) or 1.0 for w in _subject_words(text)}


def _alike(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    shared = sum(a[w] * b[w] for w in a.keys() & b.keys())
    return shared / (sum(v * v for v in a.values()) * sum(v * v for v in b.values())) ** 0.5


def _mark_differences(cells: dict[str, list[dict]], model) -> bool:
    """Mark each number that another institution, measuring the same thing, set otherwise.
    Numbers are grouped by (kind, unit, period), then by subject: a number joins every subject
    group of its key it is alike to (merging them), compared with at most REPRESENTATIVES
    subjects of each, so the cost is linear in the numbers."""
    groups: dict[tuple, list[dict]] = {}  # key -> [{"reps": [vector], "members": [...]}]
    for inst, items in cells.items():
        for item in items:
            for kind in ("targets", "recurrences", "deadlines"):
                for x in item[kind]:
                    m = _measure(kind, x)
                    x["differs"] = False
                    if m is None:
                        continue
                    key, value = m
                    subject = x.get("subject_text") or ""
                    vec = _subject_vector(subject, model)
                    if not vec:
                        continue  # a number without a subject is not compared
                    level = _level(subject)
                    found = groups.setdefault(key, [])
                    # a level named (校级, 省级) or none: only numbers of the same are alike
                    alike = [g for g in found if g["level"] == level
                             if any(_alike(vec, r) >= SUBJECT_MIN for r in g["reps"])]
                    if not alike:
                        alike = [{"reps": [], "members": [], "level": level}]
                        found.append(alike[0])
                    first = alike[0]
                    for g in alike[1:]:  # the number joins groups that it shows to be one
                        first["members"] += g["members"]
                        first["reps"] = (first["reps"] + g["reps"])[:REPRESENTATIVES]
                        found.remove(g)
                    first["members"].append((inst, value, x))
                    if len(first["reps"]) < REPRESENTATIVES and vec not in first["reps"]:
                        first["reps"].append(vec)
    any_diff = False
    for found in groups.values():
        for g in found:
            insts = {i for i, _, _ in g["members"]}
            having: dict[tuple, set[str]] = {}
            for inst, value, _ in g["members"]:
                having.setdefault(value, set()).add(inst)
            for _, value, x in g["members"]:
                # another institution of the group that never set this value
                x["differs"] = len(insts) > len(having[value])
                any_diff = any_diff or x["differs"]
    return any_diff
