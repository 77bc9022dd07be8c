"""Score `pbdocs similar` against the hand-made gold pairs, beside the two plain baselines.

Usage: python benchmarks/gold_crossref.py [-v] [--test2]

Corpus: the bundled plans (corpus/) and ../shared/devcorpus/ (beside the repository). Tuning
gold: every row of tests/gold/pairs/pairs.tsv (its `tune` rows, and its `test` rows, scored once
in round 1 and tuning data since) and tests/gold/alignments*.tsv. Reported, all on the tuning
gold: how the gold quotes resolve; recall@1, recall@5 and MRR of the two baselines
(character-bigram TF-IDF, BM25 over jieba words), round 1's method, the default and the
variants it was chosen among, per part of the gold and per type (easy / paraphrase); the
choice cross-validated; the same with requirement queries (`similar --text`, the sentence
holding a quote as the query); and how often the excerpt a hit is shown by holds its quote.
Ranks are filtered (other gold partners of the query, in any gold file, are not counted against
the target) and a tie counts against the target.

`--test2` scores the untouched split tests/gold/pairs/pairs_test2.tsv once, after the choice,
for the default and both baselines, over the corpus with tests/fixtures/heldout2/corpus added.
`-v` lists the default's misses (rank > 5) on the tuning gold.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pbdocs.corpus import Corpus
from pbdocs.crossref import vectors
from pbdocs.crossref.gold import (
    GoldPair,
    bigram_tfidf_scorer,
    bm25_scorer,
    excerpt_accuracy,
    load_gold,
    load_pairs,
    method_scorer,
    resolve,
    score_pairs,
)

GOLD = ROOT / "tests" / "gold"
PAIRS = GOLD / "pairs" / "pairs.tsv"
TEST2 = GOLD / "pairs" / "pairs_test2.tsv"
ALIGNMENTS = ("alignments.tsv", "alignments_heldout.tsv", "alignments_fresh.tsv")
DEVCORPUS = ROOT.parent / "shared" / "devcorpus"
HELDOUT2 = ROOT / "tests" / "fixtures" / "heldout2" / "corpus"

ROUND1 = {"WORD_WEIGHT": 0.5, "CHAR_NGRAMS": (2, 2), "HUB_EXPONENT": 0}


def documents(folders) -> list:
    docs = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, folder in enumerate(folders):
            corpus = Corpus(folder, Path(tmp) / str(n))
            docs += [d for d in corpus.documents()
                     if corpus.files()[d.id].name.lower() != "readme.md"]  # devcorpus's notes
    return docs


def m3(x: dict) -> str:
    return f"{x['recall@1']:.3f} {x['recall@5']:.3f} {x['mrr']:.3f}"


def line(name: str, r: dict, types: bool = True) -> str:
    parts = [f"all {m3(r)}"]
    if types:
        parts += [f"{k} {m3(r[k])}" for k in ("easy", "paraphrase") if k in r]
    return f"  {name:<40} " + "  |  ".join(parts)


class Knobs:
    """The vectors' parameters set for a variant, restored after."""

    def __init__(self, **knobs):
        self.knobs, self.old = knobs, {}

    def __enter__(self):
        self.old = {k: getattr(vectors, k) for k in self.knobs}
        for k, v in self.knobs.items():
            setattr(vectors, k, v)
        vectors._hashers.cache_clear()

    def __exit__(self, *exc):
        for k, v in self.old.items():
            setattr(vectors, k, v)
        vectors._hashers.cache_clear()


def variant_scorer(docs, **knobs):
    with Knobs(**knobs):
        index = vectors.build_index(docs)

    def scorer(query):
        with Knobs(**knobs):  # a text query is vectorized with the variant's analyzers
            q = index.query(text=query) if isinstance(query, str) else index.query(row=query)
        return index.scores(q)

    return scorer


def sentence_lift_scorer(docs, weight: float, short: int = 20):
    """Variant: requirement-sentence alignment. Each clause scored as (1 - weight) x the
    default's score + weight x its best sentence-pair cosine with the query clause (sentences
    under `short` characters shrunk by sqrt(len/short))."""
    from pbdocs.crossref.vectors import chars, clause_entries
    from pbdocs.lang.text import sentences

    index = vectors.build_index(docs)
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


def centroid_hub_scorer(docs, beta: float):
    """Variant (round 1's hub discount): the default's cosine, no spread discount, minus beta
    times the clause's cosine with the centroid of all clauses."""
    with Knobs(HUB_EXPONENT=0):
        index = vectors.build_index(docs)
    m = index.clause_matrix
    centroid = np.asarray(m.mean(axis=0)).ravel()
    hub = (m @ centroid) / (np.linalg.norm(centroid) or 1)
    return lambda row: index.scores(index.query(row=row)) - beta * hub


def cosine_excerpt(model, query: str, texts: list[str]) -> list[str]:
    """Round 1's excerpt: the sentence of best cosine with a sentence of the query."""
    from pbdocs.crossref.similar import MIN_SENTENCE
    from pbdocs.crossref.vectors import chars, cosines
    from pbdocs.lang.text import sentences

    out = []
    qs = [s for s in sentences(query) if len(chars(s)) >= MIN_SENTENCE] or [query]
    for t in texts:
        ss = [s.strip() for s in sentences(t) if s.strip()] or [t.strip()]
        sims = cosines(model.vectorize(ss), model.vectorize(qs)).max(axis=1)
        sims[[len(chars(s)) < MIN_SENTENCE for s in ss]] -= 1
        out.append(ss[int(sims.argmax())])
    return out


def first_excerpt(model, query: str, texts: list[str]) -> list[str]:
    """Trivial excerpt: the first sentence of MIN_SENTENCE characters or more."""
    from pbdocs.crossref.similar import MIN_SENTENCE
    from pbdocs.crossref.vectors import chars
    from pbdocs.lang.text import sentences

    out = []
    for t in texts:
        ss = [s.strip() for s in sentences(t) if len(chars(s)) >= MIN_SENTENCE] or [t.strip()]
        out.append(ss[0])
    return out


def excerpt_line(name, docs, pairs, pick=None) -> str:
    import importlib

    similar = importlib.import_module("pbdocs.crossref.similar")
    old = similar.best_sentences
    if pick is not None:
        similar.best_sentences = pick
    try:
        r = excerpt_accuracy(docs, pairs)
    finally:
        similar.best_sentences = old
    return f"  {name:<40} " + "  |  ".join(f"{k} {v:.3f} ({n})" for k, (v, n) in r.items())


def ranks_of(r: dict) -> np.ndarray:
    return np.array([d["rank"] or 10**9 for d in r["details"]], dtype=float)


def three(x: np.ndarray) -> np.ndarray:
    return np.array([(x <= 1).mean(), (x <= 5).mean(), (1 / x).mean()])


def cross_validate(configs: dict, baselines: dict, splits: int = 20, folds: int = 5) -> None:
    """The choice among `configs` (ranks of the same queries) made on 4/5 of the pairs by the
    sum of R@1, R@5 and MRR and scored on the fifth, over `splits` random fold assignments."""
    n_pairs = len(next(iter(configs.values()))) // 2
    pair_of = np.repeat(np.arange(n_pairs), 2)
    held_all, chosen = [], {}
    for seed in range(splits):
        fold = np.random.default_rng(seed).permutation(n_pairs) % folds
        held = np.zeros(2 * n_pairs)
        for f in range(folds):
            train = fold[pair_of] != f
            best = max(configs, key=lambda c: three(configs[c][train]).sum())
            chosen[best] = chosen.get(best, 0) + 1
            held[~train] = configs[best][~train]
        held_all.append(three(held))
    h = np.array(held_all)
    print(f"  held-out, mean of {splits} splits: R@1 {h[:, 0].mean():.3f} R@5 "
          f"{h[:, 1].mean():.3f} MRR {h[:, 2].mean():.3f} (lowest split "
          f"{h[:, 0].min():.3f} {h[:, 1].min():.3f} {h[:, 2].min():.3f})")
    for name, x in baselines.items():
        print(f"  {name}: " + " ".join(f"{v:.3f}" for v in three(x)))
    print("  chosen in the folds: " + ", ".join(
        f"{k} x{v}" for k, v in sorted(chosen.items(), key=lambda kv: -kv[1])))


def protocol_check(docs, gold: dict[str, list[GoldPair]]) -> None:
    from pbdocs.lang.text import fold

    by_id = {d.id: d for d in docs}
    for name, pairs in gold.items():
        quotes = [(p.doc_a, p.quote_a) for p in pairs] + [(p.doc_b, p.quote_b) for p in pairs]
        missing = [(d, q) for d, q in quotes if resolve(by_id, d, q) is None]
        several = [(d, q) for d, q in quotes if d in by_id and sum(
            fold(q) in fold(c.text) or bool(c.heading and fold(q) in fold(c.heading))
            for c in by_id[d].clauses) > 1]
        print(f"  {name}: {len(quotes)} quotes, {len(quotes) - len(missing)} resolve to a "
              f"clause, {len(several)} to more than one (the first taken)")
        for d, q in missing:
            print(f"    unresolved: {d} 「{q}」")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--test2", action="store_true",
                    help="score the untouched test2 split once (after the choice)")
    args = ap.parse_args()
    if args.test2:
        return score_test2()
    docs = documents((ROOT / "corpus", DEVCORPUS))
    print(f"corpus: {len(docs)} documents, {sum(len(d.clauses) for d in docs)} clauses "
          f"(corpus/ + ../shared/devcorpus/)")
    print(f"default: WORD_WEIGHT={vectors.WORD_WEIGHT} CHAR_NGRAMS={vectors.CHAR_NGRAMS} "
          f"HUB_EXPONENT={vectors.HUB_EXPONENT} (words + characters and bigrams, TF sublinear, "
          f"IDF over clauses, cosine x hub weight)")
    pairs = load_pairs(PAIRS)
    align = [p for f in ALIGNMENTS for p in load_gold(GOLD / f)]
    gold = {"pairs.tsv tune": [p for p in pairs if p.split == "tune"],
            "pairs.tsv test (round 1)": [p for p in pairs if p.split == "test"],
            "alignments*.tsv": align}
    tuning = pairs + align
    print("\nprotocol: each quote resolves to the first clause of its document holding it")
    protocol_check(docs, gold)

    def score(sc, part, queries="clause"):
        rest = [p for p in tuning if not any(p is x for x in part)]
        return score_pairs(docs, part, sc, rest, queries)

    base = {"bigram TF-IDF (baseline)": bigram_tfidf_scorer(docs),
            "BM25 jieba words (baseline)": bm25_scorer(docs)}
    methods = {**base, "round 1 (words .5 + bigrams)": variant_scorer(docs, **ROUND1),
               "default": method_scorer(docs),
               "default from postings candidates": method_scorer(docs, exhaustive=False)}
    results = {}
    for queries, label in (("clause", "clause queries (similar --clause)"),
                           ("requirement", "requirement queries (similar --text, the sentence "
                                           "holding the quote)")):
        print(f"\n{label}, tuning gold  (R@1 R@5 MRR)")
        for part_name, part in [("all tuning gold", tuning), *gold.items()]:
            print(f" {part_name}: {len(part)} pairs")
            for name, sc in methods.items():
                if queries == "requirement" and "postings" in name:
                    continue
                r = score(sc, part, queries)
                results[(queries, part_name, name)] = r
                print(line(name, r, types=part_name != "alignments*.tsv"))

    print("\nvariants, clause queries, all tuning gold (word weight, character n-grams, hub "
          "exponent):")
    configs = {}
    for ng in ((2, 2), (1, 2)):
        for ww in (0.3, 0.5):
            for hub in (0, 0.25, 0.5):
                knobs = {"WORD_WEIGHT": ww, "CHAR_NGRAMS": ng, "HUB_EXPONENT": hub}
                r = score(variant_scorer(docs, **knobs), tuning)
                configs[(ww, ng, hub)] = ranks_of(r)
                mark = "  <- default" if knobs == {k: getattr(vectors, k) for k in knobs} \
                    else "  <- round 1" if knobs == ROUND1 else ""
                print(line(f"words {ww} + chars {ng} hub {hub}", r) + mark)
    for ww in (0.2, 0.4):
        knobs = {"WORD_WEIGHT": ww}
        print(line(f"words {ww} + chars (1, 2) hub 0.5", score(variant_scorer(docs, **knobs),
                                                               tuning)))
    print(line("hub 0.75", score(variant_scorer(docs, HUB_EXPONENT=0.75), tuning)))
    print(line("hub spread from a sample of 100 clauses", score(
        variant_scorer(docs, HUB_SAMPLE=100), tuning)))
    for beta in (0.1, 0.2):
        print(line(f"round 1's centroid hub discount {beta}",
                   score(centroid_hub_scorer(docs, beta), tuning)))
    for w in (0.2, 0.4, 1.0):
        print(line(f"+ sentence alignment weight {w}",
                   score(sentence_lift_scorer(docs, w), tuning)))
    print("\ncross-validation of the choice among the 12 variants of the grid above "
          "(all tuning gold, 5 folds by pair):")
    cross_validate(configs, {k: ranks_of(results[("clause", "all tuning gold", k)])
                             for k in base})

    print("\nexcerpt: the sentence a hit is shown by holds the hit's gold quote (tuning gold, "
          "hits of several sentences; share (directions))")
    print(excerpt_line("local alignment (default)", docs, tuning))
    print(excerpt_line("cosine with a query sentence (round 1)", docs, tuning, cosine_excerpt))
    print(excerpt_line("first sentence", docs, tuning, first_excerpt))

    if args.verbose:
        for d in results[("clause", "all tuning gold", "default")]["details"]:
            if d["rank"] is None or d["rank"] > 5:
                print(f"    miss rank {d['rank']}: {d['query']} -> {d['target']} "
                      f"[{d['topic']}, {d['kind']}]")


def score_test2() -> None:
    """The single scoring of the untouched test2 split: the default and both baselines."""
    docs = documents((ROOT / "corpus", DEVCORPUS, HELDOUT2))
    print(f"corpus: {len(docs)} documents, {sum(len(d.clauses) for d in docs)} clauses "
          f"(corpus/ + ../shared/devcorpus/ + tests/fixtures/heldout2/corpus/)")
    print(f"default: WORD_WEIGHT={vectors.WORD_WEIGHT} CHAR_NGRAMS={vectors.CHAR_NGRAMS} "
          f"HUB_EXPONENT={vectors.HUB_EXPONENT}")
    test2 = load_pairs(TEST2)
    other = load_pairs(PAIRS) + [p for f in ALIGNMENTS for p in load_gold(GOLD / f)]
    print("\nprotocol: each quote resolves to the first clause of its document holding it")
    protocol_check(docs, {"pairs_test2.tsv": test2})
    methods = {"bigram TF-IDF (baseline)": bigram_tfidf_scorer(docs),
               "BM25 jieba words (baseline)": bm25_scorer(docs),
               "default": method_scorer(docs),
               "default from postings candidates": method_scorer(docs, exhaustive=False)}
    for queries, label in (("clause", "clause queries (similar --clause)"),
                           ("requirement", "requirement queries (similar --text)")):
        print(f"\ntest2 split, scored once after the choice: {len(test2)} pairs, {label}")
        for name, sc in methods.items():
            if queries == "requirement" and "postings" in name:
                continue
            r = score_pairs(docs, test2, sc, other, queries)
            print(line(name, r) + (f"   ({r['unresolved']} unresolved)" if r["unresolved"]
                                   else ""))
    print("\nexcerpt holds the hit's gold quote (test2):")
    print(excerpt_line("local alignment (default)", docs, test2))
    print(excerpt_line("cosine with a query sentence (round 1)", docs, test2, cosine_excerpt))


if __name__ == "__main__":
    main()
