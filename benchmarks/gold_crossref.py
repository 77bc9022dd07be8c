"""Score `pbdocs similar` against the hand-made gold pairs, beside the two plain baselines.

Usage: python benchmarks/gold_crossref.py [-v] [--test]

Corpus: the bundled plans (corpus/) and ../shared/devcorpus/ (beside the repository). Gold:
tests/gold/pairs/pairs.tsv. Every method is scored on the `tune` split (recall@1, recall@5, MRR;
all pairs, then easy and paraphrase pairs; filtered ranks: other gold partners of the query are
not counted against the target): the character-bigram TF-IDF and BM25 baselines, the default,
the variants it was chosen among, and the default served from candidates of its postings (the
path of large corpora: it must score the same). `--test` scores the untouched `test` split once,
for the chosen default and both baselines. `-v` lists the default's misses on tune.
The older alignments*.tsv (five bundled plans only) are scored for reference.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pbdocs.corpus import Corpus
from pbdocs.crossref import vectors
from pbdocs.crossref.gold import (
    bigram_tfidf_scorer,
    bm25_scorer,
    load_gold,
    load_pairs,
    method_scorer,
    score_pairs,
)

GOLD = ROOT / "tests" / "gold"
PAIRS = GOLD / "pairs" / "pairs.tsv"
DEVCORPUS = ROOT.parent / "shared" / "devcorpus"


def documents() -> list:
    docs = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, folder in enumerate((ROOT / "corpus", DEVCORPUS)):
            corpus = Corpus(folder, Path(tmp) / str(n))
            docs += [d for d in corpus.documents()
                     if corpus.files()[d.id].suffix.lower() != ".md"]  # devcorpus/README.md
    return docs


def line(name: str, r: dict) -> str:
    def m(x: dict) -> str:
        return f"{x['recall@1']:.3f} {x['recall@5']:.3f} {x['mrr']:.3f}"
    parts = [f"all {m(r)}"] + [f"{k} {m(r[k])}" for k in ("easy", "paraphrase") if k in r]
    return f"  {name:<44} " + "  |  ".join(parts)


def variant(docs, pairs, **knobs) -> dict:
    old = {k: getattr(vectors, k) for k in knobs}
    for k, v in knobs.items():
        setattr(vectors, k, v)
    vectors._hashers.cache_clear()
    try:
        return score_pairs(docs, pairs, method_scorer(docs))
    finally:
        for k, v in old.items():
            setattr(vectors, k, v)
        vectors._hashers.cache_clear()


def index_of(docs):
    """The default's index and its whole matrix (the gold corpus is small)."""
    index = vectors.build_index(docs)
    return index, index.clause_matrix


def hub_discount_scorer(docs, beta: float):
    """Variant: the default's cosine minus beta times the clause's cosine with the centroid of
    all clauses (a clause like every other, e.g. one listing many standards, is discounted)."""
    import numpy as np

    index, m = index_of(docs)
    centroid = np.asarray(m.mean(axis=0)).ravel()
    hub = (m @ centroid) / (np.linalg.norm(centroid) or 1)
    return lambda row: index.scores(index.query(row=row)) - beta * hub


def sentence_lift_scorer(docs, weight: float, short: int = 20):
    """Variant: requirement-sentence alignment. Each clause scored as (1 - weight) x its cosine
    + weight x its best sentence-pair cosine with the query (sentences under `short` characters
    shrunk by sqrt(len/short)), every clause scored."""
    import numpy as np

    from pbdocs.crossref.vectors import chars, clause_entries
    from pbdocs.lang.text import sentences

    index, m = index_of(docs)
    _, texts = clause_entries(docs)
    sents, owner = [], []
    for i, t in enumerate(texts):
        ss = [x for x in sentences(t) if len(chars(x)) >= 4] or [t]
        sents += ss
        owner += [i] * len(ss)
    owner = np.array(owner)
    sv = index.model.vectorize(sents)
    n = np.array([len(chars(x)) for x in sents], dtype=float)
    shrink = np.sqrt(np.minimum(n, short) / short)
    pair = vectors.cosines(sv, sv) * shrink[:, None] * shrink[None, :]
    best = np.full((len(texts), len(sents)), -1.0)
    for i in range(len(texts)):
        best[i] = pair[owner == i].max(axis=0)
    starts = np.flatnonzero(np.r_[True, np.diff(owner) != 0])

    def scorer(row: int) -> np.ndarray:
        c = index.scores(index.query(row=row))
        return (1 - weight) * c + weight * np.maximum.reduceat(best[row], starts)

    return scorer


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--test", action="store_true", help="score the untouched test split once")
    args = ap.parse_args()
    docs = documents()
    print(f"corpus: {len(docs)} documents, {sum(len(d.clauses) for d in docs)} clauses "
          f"(corpus/ + ../shared/devcorpus/)")
    print(f"default: WORD_WEIGHT={vectors.WORD_WEIGHT} CHAR_NGRAMS={vectors.CHAR_NGRAMS} "
          f"(words + character bigrams, TF sublinear, IDF over clauses)")
    tune = load_pairs(PAIRS, "tune")
    print(f"\ntune split: {len(tune)} pairs  (R@1 R@5 MRR)")
    base = {"bigram TF-IDF (baseline)": bigram_tfidf_scorer(docs),
            "BM25 jieba words (baseline)": bm25_scorer(docs)}
    for name, sc in base.items():
        print(line(name, score_pairs(docs, tune, sc)))
    default = score_pairs(docs, tune, method_scorer(docs))
    print(line("default", default) + f"   ({default['unresolved']} unresolved)")
    cand = score_pairs(docs, tune, method_scorer(docs, exhaustive=False))
    print(line("default from postings candidates", cand))
    print("variants (word weight, character n-grams):")
    for ww in (0.0, 0.3, 0.5, 0.7, 1.0):
        for ng in ((2, 2), (2, 3)):
            if ww == 1.0 and ng != (2, 2):
                continue
            r = variant(docs, tune, WORD_WEIGHT=ww, CHAR_NGRAMS=ng)
            mark = "  <- default" if (ww, ng) == (vectors.WORD_WEIGHT, vectors.CHAR_NGRAMS) \
                else ""
            print(line(f"words {ww} + chars {ng}", r) + mark)
    print("variants the issue asked about (measured, not adopted):")
    for beta in (0.1, 0.2, 0.3):
        print(line(f"hub discount (centroid) {beta}",
                   score_pairs(docs, tune, hub_discount_scorer(docs, beta))))
    for w in (0.2, 0.4, 1.0):
        print(line(f"sentence alignment weight {w}",
                   score_pairs(docs, tune, sentence_lift_scorer(docs, w))))
    if args.verbose:
        for d in default["details"]:
            if d["rank"] is None or d["rank"] > 5:
                print(f"    miss rank {d['rank']}: {d['query']} -> {d['target']} "
                      f"[{d['topic']}, {d['kind']}]")
    print("\nolder gold (five bundled plans; used to tune earlier versions):")
    for f in ("alignments.tsv", "alignments_heldout.tsv", "alignments_fresh.tsv"):
        pairs = load_gold(GOLD / f)
        print(f" {f}: {len(pairs)} pairs")
        for name, sc in base.items():
            print(line(name, score_pairs(docs, pairs, sc)))
        print(line("default", score_pairs(docs, pairs, method_scorer(docs))))
    if args.test:
        test = load_pairs(PAIRS, "test")
        print(f"\ntest split (scored once, after the default was chosen): {len(test)} pairs")
        for name, sc in base.items():
            print(line(name, score_pairs(docs, test, sc)))
        print(line("default", score_pairs(docs, test, method_scorer(docs))))
        print(line("default from postings candidates",
                   score_pairs(docs, test, method_scorer(docs, exhaustive=False))))


if __name__ == "__main__":
    main()
