"""Scoring `similar` against hand-made gold alignments: recall@1, recall@5 and MRR.

A gold file is a TSV of clause pairs, each side a document id and a quote from the clause; a
quote is resolved to the clause whose text contains it, so gold survives changes of clause paths.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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


def load_gold(path: str | Path) -> list[GoldPair]:
    """Read a gold TSV (doc_a, quote_a, doc_b, quote_b, topic; `#` lines are comments)."""
    pairs = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 4:
            raise InputError(f"{Path(path).name} 第 {n} 行应有至少 4 列（以制表符分隔）。")
        pairs.append(GoldPair(*[c.strip() for c in cols[:5]]))
    return pairs


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


def rank(index, query_id: str, target_id: str, also_gold: set[str] = frozenset()) -> int | None:
    """1-based rank of target among the clauses of other documents most similar to query.

    Other gold partners of the query ranked above the target are not counted against it (the
    "filtered" rank): a clause may rightly match several clauses of the same text.
    """
    import numpy as np

    qi, ti = index.position(query_id), index.position(target_id)
    if qi is None or ti is None:
        return None
    others = np.array([e.doc_id != index.entries[qi].doc_id for e in index.entries])
    scores = index.ranked_scores(row=qi, allowed=others)  # what `similar --clause` ranks by
    keep = others & np.array([e.clause_id not in also_gold for e in index.entries])
    keep[ti] = True
    s = np.where(keep, scores, -np.inf)
    return int((s > s[ti]).sum()) + 1


def score_gold(docs: list[Document], pairs: list[GoldPair],
               other_gold: list[GoldPair] = ()) -> dict:
    """recall@1, recall@5 and MRR of `similar` over the gold pairs, both directions queried;
    partners from `other_gold` are filtered like the pairs' own but not scored."""
    from pbdocs.crossref.vectors import build_index

    by_id = {d.id: d for d in docs}
    index = build_index(docs)
    details, unresolved, resolved = [], [], []
    partners: dict[str, set[str]] = {}
    for p in [*pairs, *other_gold]:
        a, b = resolve(by_id, p.doc_a, p.quote_a), resolve(by_id, p.doc_b, p.quote_b)
        if a is None or b is None:
            if p in pairs:
                unresolved.append(p)
            continue
        if p in pairs:
            resolved.append((a, b, p.topic))
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    for a, b, topic in resolved:
        for q, t in ((a, b), (b, a)):
            r = rank(index, q, t, partners[q] - {t})
            raw = rank(index, q, t)
            details.append({"query": q, "target": t, "topic": topic, "rank": r, "raw_rank": raw})
    rs = [d["rank"] for d in details]
    n = len(rs) or 1
    return {
        "pairs": len(pairs),
        "queries": len(rs),
        "unresolved": len(unresolved),
        "recall@1": sum(1 for r in rs if r and r <= 1) / n,
        "recall@5": sum(1 for r in rs if r and r <= 5) / n,
        "mrr": sum(1 / r for r in rs if r) / n,
        "raw_recall@5": sum(1 for d in details if d["raw_rank"] and d["raw_rank"] <= 5) / n,
        "details": details,
    }
