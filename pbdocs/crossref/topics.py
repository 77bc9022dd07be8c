"""Topics of the requirement matrix: a curated, user-extendable file (`lexicon/topics.tsv`) and
topics discovered by clustering clauses of different institutions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from pbdocs.errors import InputError
from pbdocs.lang.text import fold
from pbdocs.model import Document

TOPICS_FILE = "topics.tsv"

# A discovered cluster keeps clauses whose similarity to the cluster's seed reaches this, and
# is shown only when it spans at least two institutions.
CLUSTER_THRESHOLD = 0.18
MAX_DISCOVERED = 12
MAX_SEEDS = 120  # clauses tried as seeds (longest first): bounds the cost on large corpora


@dataclass
class Topic:
    """A requirement to compare: its name and the phrases that mark a sentence as about it."""

    name: str
    keywords: list[str]
    source: str = "lexicon"  # lexicon | discovered | query
    clause_ids: list[str] = field(default_factory=list)  # members, for discovered topics


def read_term_table(name: str, path: str | Path | None = None) -> list[tuple[str, list[str]]]:
    """Rows of a `name<TAB>term|term…` lexicon file as (name, terms): the file at `path` alone,
    else lexicon file `name` with its extensions."""
    from pbdocs.lang import lexicon

    if path:
        return lexicon.parse_term_rows(lexicon.read_file(path))
    return lexicon.term_table(name)


def load_topics(path: str | Path | None = None) -> list[Topic]:
    """Read a topics file (topic, then keywords separated by |); `#` lines are comments."""
    rows = read_term_table(TOPICS_FILE, path)
    return [Topic(name, kws or [name]) for name, kws in rows]


def default_topics(path: str | Path | None = None) -> list[str]:
    """The names of the curated topics, to offer as choices."""
    return [t.name for t in load_topics(path)]


def resolve(requested: list[str], topics: list[Topic], docs: list[Document]) -> list[Topic]:
    """The topics a person asked for: by name, part of a name or keyword; else a phrase found in
    some clause becomes an ad-hoc topic; else InputError naming the choices."""
    out: list[Topic] = []
    for raw in requested:
        want = fold(raw)
        if not want:
            raise InputError("主题不能为空。")
        found = ([t for t in topics if fold(t.name) == want]
                 or [t for t in topics if want in fold(t.name)]
                 or [t for t in topics if any(want == fold(k) for k in t.keywords)])
        if not found and any(want in fold(c.text) for d in docs for c in d.clauses):
            found = [Topic(raw.strip(), [raw.strip()], source="query")]
        if not found:
            names = "、".join(t.name for t in topics[:8])
            raise InputError(f"未知主题“{raw}”：主题文件和各文档中都没有它；可用的主题如 {names}。")
        for t in found:
            if t not in out:
                out.append(t)
    return out


def discover(index, label: dict[str, str], covered: set[str] = frozenset()) -> list[Topic]:
    """Topics found by clustering clauses across documents, labelled by their top words; only
    clusters spanning two or more institutions, and not mostly made of `covered` clause ids."""
    from collections import Counter

    from pbdocs.crossref.vectors import CANDIDATES, cosines, unit_rows, word_feature, words

    n = len(index.entries)
    if n < 2:
        return []
    # A preamble states purpose and basis, not a requirement: it seeds no topic.
    # Clauses of documents not compared (no label) take no part either.
    assigned = np.array([e.clause_id.endswith("/0") or e.doc_id not in label
                         for e in index.entries], dtype=bool)
    out: list[Topic] = []
    # Greedy leader clustering: a seed takes the unassigned clauses of other documents close to
    # it. One query of the index per seed (every clause scored, or its candidates on a large
    # corpus), never an N×N matrix.
    order = np.argsort(-np.diff(np.asarray(index.indptr)), kind="stable")
    tried = 0
    for seed in order:
        if assigned[seed]:
            continue
        if len(out) >= MAX_DISCOVERED or tried >= MAX_SEEDS:
            break
        tried += 1
        hits = np.array([i for i, _ in index.rank(index.query(row=int(seed)), CANDIDATES)
                         if not assigned[i]], dtype=np.int64)
        if not len(hits):
            continue
        # closeness: the cosine of the clauses' rows (made unit length) with the seed's
        close = cosines(unit_rows(index.rows(hits)),
                        unit_rows(index.rows(np.array([int(seed)])))).ravel()
        members = [int(i) for i, c in zip(hits, close) if c >= CLUSTER_THRESHOLD]
        insts = {label[index.entries[i].doc_id] for i in members}
        if len(insts) < 2:
            continue
        assigned[members] = True
        # Label: the words most typical of the members (sublinear count times IDF).
        weight: Counter = Counter()
        for i in members:
            e = index.entries[i]
            for w, k in Counter(words(clause_text_of(e))).items():
                weight[w] += 1 + np.log(k)
        ranked = sorted(weight, key=lambda w: -weight[w] * index.model.idf[word_feature(w)])
        top = [w for w in ranked if len(w) > 1][:3]
        ids = [index.entries[i].clause_id for i in members]
        if not top or sum(i in covered for i in ids) * 2 >= len(ids):
            continue  # a curated topic already shows these clauses
        out.append(Topic("、".join(top), top, source="discovered", clause_ids=ids))
    return out


def clause_text_of(entry) -> str:
    """An index entry's text as compared."""
    from pbdocs.crossref.vectors import compared_text

    return compared_text(entry.text, entry.heading)
