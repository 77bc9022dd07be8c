"""Scoring `similar` against hand-made gold pairs: recall@1, recall@5 and MRR, beside the two
plain baselines every method must beat (character-bigram TF-IDF cosine; BM25 over jieba words).

Gold files are TSVs of clause pairs, each side a document id and a quote from the clause; a quote
is resolved to the clause whose text contains it, so gold survives changes of clause paths.
`tests/gold/pairs/pairs*.tsv` (FORMAT.md beside them) add a split (`tune` / `test` / `test2`)
and a type (`easy` / `paraphrase`); the older `alignments*.tsv` have neither.

Two ways of querying: `clause` (`similar --clause`: the query is the whole clause holding one
quote, the hit the clause holding the other) and `requirement` (`similar --text`: the query is
the sentence holding the quote, the requirement as a user would type it; the hit again the
clause). A scorer takes a row of the index (a clause) or a text and scores every clause.
`excerpt_accuracy` checks the sentence a hit is shown by: the one holding the partner's quote.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pbdocs.errors import InputError
from pbdocs.model import Document


@dataclass
class GoldPair:
    """Two clauses of different documents that state the same requirement."""

    doc_a: str
    quote_a: str
    doc_b: str
    quote_b: str
    topic: str = ""
    split: str = ""
    kind: str = ""  # easy | paraphrase


def _rows(path: str | Path, width: int):
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < width:
            raise InputError(f"{Path(path).name} 第 {n} 行应有至少 {width} 列（以制表符分隔）。")
        yield cols


def load_gold(path: str | Path) -> list[GoldPair]:
    """Read an alignments TSV (doc_a, quote_a, doc_b, quote_b, topic)."""
    return [GoldPair(*cols[:5]) for cols in _rows(path, 4)]


def load_pairs(path: str | Path, split: str | None = None) -> list[GoldPair]:
    """Read a pairs TSV (split, type, doc_a, quote_a, doc_b, quote_b, topic), only the rows of
    `split` when given: the `test` rows are read only to score a chosen method once."""
    out = []
    for cols in _rows(path, 6):
        if split is None or cols[0] == split:
            topic = cols[6] if len(cols) > 6 else ""
            out.append(GoldPair(cols[2], cols[3], cols[4], cols[5], topic, cols[0], cols[1]))
    return out


def resolve(docs: dict[str, Document], doc_id: str, quote: str) -> str | None:
    """The id of the first clause of `doc_id` whose text contains the quote, or None."""
    from pbdocs.lang.text import fold

    doc = docs.get(doc_id)
    if doc is None:
        return None
    q = fold(quote)
    for c in doc.clauses:
        if q in fold(c.text) or (c.heading and q in fold(c.heading)):
            return c.id
    return None


Scorer = Callable[[int | str], np.ndarray]  # a clause's row, or a text -> a score per clause


def requirement(docs: dict[str, Document], doc_id: str, quote: str) -> str:
    """The sentence of the clause holding the quote that holds it (the requirement as a user
    would type it); the quote itself when it runs over a sentence end."""
    from pbdocs.lang.text import fold, sentences

    doc, cid = docs.get(doc_id), resolve(docs, doc_id, quote)
    clause = doc.clause(cid) if doc is not None and cid else None
    for s in sentences(clause.text if clause else ""):
        if fold(quote) in fold(s):
            return s
    return quote


def score_pairs(docs: list[Document], pairs: list[GoldPair], scorer: Scorer,
                other_gold: list[GoldPair] = (), queries: str = "clause") -> dict:
    """recall@1, recall@5 and MRR of a scorer over the pairs, both directions queried, over all
    pairs and per type. `queries`: "clause" (the query is the clause holding a quote) or
    "requirement" (the sentence holding it, as a text). Candidates are the clauses of other
    documents; other gold partners of the query ranked above the target (also those of
    `other_gold`) are not counted against it (the "filtered" rank: a clause may rightly match
    several clauses); a clause of the same score as the target counts against it. Each detail
    names its pair by its position in `pairs`."""
    from pbdocs.crossref.vectors import clause_entries

    entries, _ = clause_entries(docs)
    pos = {e.clause_id: i for i, e in enumerate(entries)}
    doc_of = np.array([e.doc_id for e in entries], dtype=object)
    by_id = {d.id: d for d in docs}
    partners: dict[int, set[int]] = {}
    resolved, unresolved = [], 0
    for p in [*pairs, *other_gold]:
        a, b = (resolve(by_id, p.doc_a, p.quote_a), resolve(by_id, p.doc_b, p.quote_b))
        a, b = pos.get(a), pos.get(b)
        mine = next((n for n, x in enumerate(pairs) if p is x), None)
        if a is None or b is None:
            unresolved += mine is not None
            continue
        if mine is not None:
            resolved.append((a, b, p, mine))
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    details = []
    for a, b, p, n in resolved:
        for q, t, side in ((a, b, (p.doc_a, p.quote_a)), (b, a, (p.doc_b, p.quote_b))):
            query = q if queries == "clause" else requirement(by_id, *side)
            s = np.asarray(scorer(query), dtype=np.float64).copy()
            s[doc_of == doc_of[q]] = -np.inf
            for o in partners[q] - {t}:
                s[o] = -np.inf
            rank = int((s >= s[t]).sum()) if np.isfinite(s[t]) else None
            details.append({"query": entries[q].clause_id, "target": entries[t].clause_id,
                            "topic": p.topic, "kind": p.kind, "rank": rank, "pair": n})
    out = {"pairs": len(pairs), "queries": len(details), "unresolved": unresolved,
           **metrics([d["rank"] for d in details]), "details": details}
    for kind in ("easy", "paraphrase"):
        rs = [d["rank"] for d in details if d["kind"] == kind]
        if rs:
            out[kind] = metrics(rs)
    return out


def excerpt_accuracy(docs: list[Document], pairs: list[GoldPair], index=None) -> dict:
    """How often the sentence a hit is shown by (`similar`'s excerpt, the query being the other
    clause) holds the hit's gold quote, over the directions whose hit has several sentences;
    overall and per type."""
    from pbdocs.crossref.similar import best_sentences
    from pbdocs.crossref.vectors import build_index, clause_entries, compared_text
    from pbdocs.lang.text import fold, sentences

    index = index or build_index(docs)
    by_id = {d.id: d for d in docs}
    pos = {e.clause_id: i for i, e in enumerate(clause_entries(docs)[0])}
    found: dict[str, list[bool]] = {"all": [], "easy": [], "paraphrase": []}
    for p in pairs:
        ids = resolve(by_id, p.doc_a, p.quote_a), resolve(by_id, p.doc_b, p.quote_b)
        if not all(i in pos for i in ids):
            continue
        for q, t, quote in ((ids[0], ids[1], p.quote_b), (ids[1], ids[0], p.quote_a)):
            eq, et = index.entries[pos[q]], index.entries[pos[t]]
            if len([x for x in sentences(et.text) if x.strip()]) < 2:
                continue
            shown = fold(best_sentences(index.model, compared_text(eq.text, eq.heading),
                                        [et.text])[0])
            hit = fold(quote) in shown or shown in fold(quote)
            found["all"].append(hit)
            if p.kind in found:
                found[p.kind].append(hit)
    return {k: (sum(v) / len(v), len(v)) for k, v in found.items() if v}


def metrics(ranks: list[int | None]) -> dict:
    """recall@1, recall@5 and MRR of 1-based ranks (None: not found)."""
    n = len(ranks) or 1
    return {"recall@1": sum(1 for r in ranks if r and r <= 1) / n,
            "recall@5": sum(1 for r in ranks if r and r <= 5) / n,
            "mrr": sum(1 / r for r in ranks if r) / n}


def score_gold(docs: list[Document], pairs: list[GoldPair],
               other_gold: list[GoldPair] = ()) -> dict:
    """The default method (`similar`'s scores, every clause scored) over gold pairs."""
    return score_pairs(docs, pairs, method_scorer(docs), other_gold)


def method_scorer(docs: list[Document], exhaustive: bool = True) -> Scorer:
    """`similar --clause` as a scorer: every clause scored, or (exhaustive=False) the clauses
    the postings give as candidates, the rest -inf."""
    from pbdocs.crossref.vectors import build_index

    index = build_index(docs)

    def scorer(query: int | str) -> np.ndarray:
        q = index.query(text=query) if isinstance(query, str) else index.query(row=query)
        if exhaustive:
            return index.scores(q)
        s = np.full(len(index.entries), -np.inf)
        for i, v in index.rank(q, len(index.entries), exhaustive=False):
            s[i] = v
        return s

    return scorer


# -- baselines ----------------------------------------------------------------------------------

def _texts(docs: list[Document]) -> list[str]:
    from pbdocs.crossref.vectors import clause_entries

    return clause_entries(docs)[1]


def bigram_tfidf_scorer(docs: list[Document]) -> Scorer:
    """Baseline: cosine of character-bigram TF-IDF (scikit-learn's defaults), nothing else."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from pbdocs.crossref.vectors import chars

    vec = TfidfVectorizer(analyzer="char", ngram_range=(2, 2), preprocessor=chars)
    m = vec.fit_transform(_texts(docs))

    def scorer(query: int | str) -> np.ndarray:
        q = vec.transform([query]) if isinstance(query, str) else m[query]
        return (m @ q.T).toarray().ravel()

    return scorer


_NOT_WORD = re.compile(r"[\W_]+")


def bm25_scorer(docs: list[Document], k1: float = 1.2, b: float = 0.75) -> Scorer:
    """Baseline: Okapi BM25 over jieba words (the domain dictionary, punctuation dropped), the
    query's distinct words as the query."""
    from pbdocs.lang.text import fold
    from pbdocs.segment import cut

    def tokens(text: str) -> list[str]:
        return [w for w in cut(fold(text)) if w.strip() and not _NOT_WORD.fullmatch(w)]

    toks = [tokens(t) for t in _texts(docs)]
    n = len(toks)
    avg = sum(map(len, toks)) / max(n, 1)
    df = Counter(w for t in toks for w in set(t))
    idf = {w: math.log(1 + (n - k + 0.5) / (k + 0.5)) for w, k in df.items()}
    tfs = [Counter(t) for t in toks]
    norms = [k1 * (1 - b + b * len(t) / avg) for t in toks]

    def scorer(query: int | str) -> np.ndarray:
        q = set(tokens(query) if isinstance(query, str) else toks[query])
        return np.array([sum(idf[w] * f * (k1 + 1) / (f + nm)
                             for w in q if (f := tf.get(w)))
                         for tf, nm in zip(tfs, norms)])

    return scorer
