"""Score `pbdocs similar` against the hand-made gold pairs, beside the two plain baselines.

Usage: python benchmarks/gold_crossref.py [-v] [--test3 | --test4 | --test5 | --test6]

Corpus (round 6, the one test6 is scored on): the bundled plans (corpus/), ../shared/devcorpus/
(beside the repository) and tests/fixtures/heldout2..10/corpus/ (texts without gold pairs are
distractors; test5 was scored in round 13 on heldout2..8 only). Tuning gold (round 6): every pair
written so far, tests/gold/pairs/pairs.tsv (its `tune` and round-1 `test` rows),
pairs_test2.tsv … pairs_test5.tsv (each scored once in its round, tuning data since) and
tests/gold/alignments*.tsv. Reported, all on the tuning gold: how the gold quotes resolve;
recall@1, recall@5 and MRR of the two baselines (character-bigram TF-IDF, BM25 over jieba
words), round 2's method, the default and the grid of variants it was chosen among, for clause
queries (`similar --clause`) and requirement queries (`similar --text`, the sentence holding a
quote as the query), per gold file and per type (easy / paraphrase); the choice cross-validated
(5 folds by pair, and one gold file held out at a time); and how often the excerpt a hit is
shown by holds its quote.
Ranks are filtered (other gold partners of the query, in any gold file, are not counted against
the target) and a tie counts against the target.

`--test6` scores the untouched split tests/gold/pairs/pairs_test6.tsv once, after the choice,
for the default and both baselines, over the same corpus (it stops with a message if the file is
absent). `--test3`, `--test4` and `--test5` re-score earlier splits (now tuning data) the same
way. The choice (round 5, kept): the variant whose worst margin over the better baseline,
metric by metric and gold file by gold file, is highest, since the default must beat both
baselines on every metric; the report also tries that rule with one gold file held out at a time.
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
TEST3 = GOLD / "pairs" / "pairs_test3.tsv"
TEST4 = GOLD / "pairs" / "pairs_test4.tsv"
TEST5 = GOLD / "pairs" / "pairs_test5.tsv"
TEST6 = GOLD / "pairs" / "pairs_test6.tsv"
ALIGNMENTS = ("alignments.tsv", "alignments_heldout.tsv", "alignments_fresh.tsv")
DEVCORPUS = ROOT.parent / "shared" / "devcorpus"
HELDOUT = [ROOT / "tests" / "fixtures" / f"heldout{n}" / "corpus" for n in range(2, 9)]
# round 6 (test6): heldout9 and heldout10 join the corpus, test6 has a side in one of them
HELDOUT6 = [ROOT / "tests" / "fixtures" / f"heldout{n}" / "corpus" for n in (9, 10)]
KNOBS = ("WORD_WEIGHT", "B", "K1", "HUB_EXPONENT")


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


def round2_scorer(docs):
    """Round 2's default: the cosine of TF-IDF rows (words 0.3 + characters and bigrams 0.7,
    TF sublinear, each view unit length: `Model.vectorize`, the excerpt's vectors) times the
    hub weight of those rows (exponent 0.5)."""
    from pbdocs.crossref.vectors import clause_entries, hub_weights

    index = vectors.build_index(docs)
    entries, texts = clause_entries(docs)
    with Knobs(EXCERPT_WORD_WEIGHT=0.3, HUB_EXPONENT=0.5):
        m = index.model.vectorize(texts)
        codes = np.unique(np.array([e.doc_id for e in entries], dtype=object),
                          return_inverse=True)[1]
        hub = hub_weights(m.indptr.astype(np.int64), m.indices, m.data, codes)

    def scorer(query):
        with Knobs(EXCERPT_WORD_WEIGHT=0.3):
            q = index.model.vectorize([query if isinstance(query, str) else texts[query]])
        return (m @ q.T).toarray().ravel() * hub

    return scorer


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


def both(ranks: dict, c, where=slice(None)) -> np.ndarray:
    """R@1, R@5, MRR of clause queries then of requirement queries of config c."""
    return np.r_[three(ranks[(c, "clause")][where]), three(ranks[(c, "requirement")][where])]


def margin(ranks: dict, c, baselines, where=slice(None)) -> np.ndarray:
    """The six metrics of c minus the best baseline's, metric by metric."""
    return both(ranks, c, where) - np.max([both(ranks, b, where) for b in baselines], axis=0)


def cross_validate(ranks: dict, configs: list, baselines: list, n_pairs: int,
                   splits: int = 20, folds: int = 5) -> None:
    """The choice among `configs` made on 4/5 of the pairs by the sum of the six metrics
    (R@1, R@5, MRR of clause and of requirement queries) and scored on the fifth, over `splits`
    random fold assignments; ranks[(config, queries)] holds the ranks of both directions of each
    pair, pair by pair."""
    pair_of = np.repeat(np.arange(n_pairs), 2)
    held_all, chosen = [], {}
    for seed in range(splits):
        fold = np.random.default_rng(seed).permutation(n_pairs) % folds
        held = {q: np.zeros(2 * n_pairs) for q in ("clause", "requirement")}
        for f in range(folds):
            train = fold[pair_of] != f
            best = max(configs, key=lambda c: both(ranks, c, train).sum())
            chosen[best] = chosen.get(best, 0) + 1
            for q in held:
                held[q][~train] = ranks[(best, q)][~train]
        held_all.append(np.r_[three(held["clause"]), three(held["requirement"])])
    h = np.array(held_all)
    print(f"  held-out, mean of {splits} splits:  clause {f3(h.mean(axis=0)[:3])}  |  "
          f"requirement {f3(h.mean(axis=0)[3:])}")
    print(f"  lowest split:                     clause {f3(h.min(axis=0)[:3])}  |  "
          f"requirement {f3(h.min(axis=0)[3:])}")
    for b in baselines:
        x = both(ranks, b)
        print(f"  {b:<32}  clause {f3(x[:3])}  |  requirement {f3(x[3:])}")
    print("  chosen in the folds: " + ", ".join(
        f"{name(k)} x{v}" for k, v in sorted(chosen.items(), key=lambda kv: -kv[1])))


def f3(x) -> str:
    return " ".join(f"{v:.3f}" for v in x)


def name(c) -> str:
    return c if isinstance(c, str) else f"words {c[0]} b {c[1]} k1 {c[2]} hub {c[3]}"


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
    which = ap.add_mutually_exclusive_group()
    which.add_argument("--test3", action="store_true",
                       help="re-score round 3's split (tuning data since round 4)")
    which.add_argument("--test4", action="store_true",
                       help="re-score round 4's split (tuning data since round 5)")
    which.add_argument("--test5", action="store_true",
                       help="re-score round 5's split (scored once in round 13, tuning data since)")
    which.add_argument("--test6", action="store_true",
                       help="score the untouched test6 split once (after the choice)")
    args = ap.parse_args()
    if args.test3:
        return score_split("test3", TEST3)
    if args.test4:
        return score_split("test4", TEST4)
    if args.test5:
        return score_split("test5", TEST5)
    if args.test6:
        return score_split("test6", TEST6)
    docs = documents(folders())
    print(f"corpus: {len(docs)} documents, {sum(len(d.clauses) for d in docs)} clauses "
          f"({corpus_label(folders())})")
    print("default: " + " ".join(f"{k}={getattr(vectors, k)}" for k in KNOBS)
          + f" CHAR_NGRAMS={vectors.CHAR_NGRAMS} (BM25 of the clause's words and of its "
          "characters and bigrams, each share of the most a query can score, query TF "
          "log(1 + tf); times the hub weight)")
    gold = {"pairs.tsv": load_pairs(PAIRS), "pairs_test2.tsv": load_pairs(TEST2),
            "pairs_test3.tsv": load_pairs(TEST3), "pairs_test4.tsv": load_pairs(TEST4),
            "pairs_test5.tsv": load_pairs(TEST5),
            "alignments*.tsv": [p for f in ALIGNMENTS for p in load_gold(GOLD / f)]}
    tuning = [p for part in gold.values() for p in part]
    part_of = np.repeat(np.arange(len(gold)), [len(x) for x in gold.values()])
    print("\nprotocol: each quote resolves to the first clause of its document holding it")
    protocol_check(docs, gold)

    def score(sc, part, queries="clause"):
        rest = [p for p in tuning if not any(p is x for x in part)]
        return score_pairs(docs, part, sc, rest, queries)

    base = {"bigram TF-IDF (baseline)": bigram_tfidf_scorer(docs),
            "BM25 jieba words (baseline)": bm25_scorer(docs)}
    methods = {**base, "round 2 (TF-IDF cosine x hub)": round2_scorer(docs),
               "default": method_scorer(docs),
               "default from postings candidates": method_scorer(docs, exhaustive=False)}
    results, ranks = {}, {}
    for queries, label in (("clause", "clause queries (similar --clause)"),
                           ("requirement", "requirement queries (similar --text, the sentence "
                                           "holding the quote)")):
        print(f"\n{label}, tuning gold  (R@1 R@5 MRR)")
        for part_name, part in [("all tuning gold", tuning), *gold.items()]:
            print(f" {part_name}: {len(part)} pairs")
            for mname, sc in methods.items():
                if queries == "requirement" and "postings" in mname:
                    continue
                r = score(sc, part, queries)
                results[(queries, part_name, mname)] = r
                if part is tuning:
                    ranks[(mname, queries)] = ranks_of(r)
                print(line(mname, r, types=part_name != "alignments*.tsv"))
    pair_ids = np.array([d["pair"] for d in results[("clause", "all tuning gold",
                                                     "default")]["details"]])
    where = {n: part_of[pair_ids] == k for k, n in enumerate(gold)}

    print("\nvariants, all tuning gold (word weight, BM25 b and k1, hub exponent)   "
          "clause R@1 R@5 MRR  |  requirement R@1 R@5 MRR  |  worst margin over the better "
          "baseline in any gold file")
    configs = []
    default = tuple(getattr(vectors, k) for k in KNOBS)
    for ww in (0, 0.15, 0.3, 0.45):
        for b in (0.5, 0.75):
            for k1 in (0.8, 1.2):
                for hub in (0, 0.5):
                    c = (ww, b, k1, hub)
                    sc = variant_scorer(docs, **dict(zip(KNOBS, c)))
                    for queries in ("clause", "requirement"):
                        ranks[(c, queries)] = ranks_of(score(sc, tuning, queries))
                    configs.append(c)
    for c in configs:
        x = both(ranks, c)
        worst = min(margin(ranks, c, list(base), w).min() for w in where.values())
        print(f"  {name(c):<34} {f3(x[:3])}  |  {f3(x[3:])}  |  {worst:+.3f}"
              + ("  <- default" if c == default else ""))
    worst = {c: min(margin(ranks, c, list(base), w).min() for w in where.values())
             for c in configs}
    print("\nthe variants that beat both baselines on every metric, both kinds of query, in "
          "each gold file alone: " + (", ".join(name(c) for c in configs if worst[c] > 0)
                                      or "none") + f"; the best worst margin: "
          f"{name(max(configs, key=worst.get))} ({max(worst.values()):+.3f})")

    print("\ncross-validation of the choice among the 32 variants (all tuning gold, 5 folds by "
          "pair, chosen by the sum of the six metrics):")
    cross_validate(ranks, configs, list(base), len(pair_ids) // 2)
    rules = {"sum of the six metrics": lambda c, w: both(ranks, c, w).sum(),
             "worst margin over the baselines in a gold file": lambda c, w: min(
                 margin(ranks, c, list(base), w & (part_of[pair_ids] == k)).min()
                 for k in range(len(gold)) if (w & (part_of[pair_ids] == k)).any())}
    for rule, key in rules.items():
        print(f"\none gold file held out, the choice (by the {rule}) made on the others: "
              "held-out metrics (clause | requirement) and margin over the better baseline")
        for held, w in where.items():
            best = max(configs, key=lambda c: key(c, ~w))
            print(f"  {held:<16} chosen {name(best)}: {f3(both(ranks, best, w)[:3])} | "
                  f"{f3(both(ranks, best, w)[3:])}; margin "
                  f"{' '.join(f'{v:+.3f}' for v in margin(ranks, best, list(base), w))}")
    print("\nthe default, per gold file: metrics (clause | requirement) and margin over the "
          "better baseline")
    for held, w in where.items():
        x = both(ranks, default, w)
        print(f"  {held:<16} {f3(x[:3])} | {f3(x[3:])}; margin "
              f"{' '.join(f'{v:+.3f}' for v in margin(ranks, default, list(base), w))}")

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


def folders() -> list[Path]:
    """The corpus test6 is scored on (round 6): corpus/, the dev corpus and every held-out
    corpus 2..10 (test5 was scored on 2..8)."""
    return [ROOT / "corpus", DEVCORPUS] + [f for f in HELDOUT + HELDOUT6 if f.is_dir()]


def corpus_label(fs) -> str:
    return " + ".join(str(f.relative_to(ROOT.parent)) if f == DEVCORPUS
                      else str(f.relative_to(ROOT)) for f in fs)


def score_split(split: str, path: Path) -> None:
    """The single scoring of an untouched split: the default and both baselines."""
    if not path.is_file():
        sys.exit(f"{path.relative_to(ROOT)} is absent: the {split} split has not been written "
                 "yet, nothing to score")
    docs = documents(folders())
    print(f"corpus: {len(docs)} documents, {sum(len(d.clauses) for d in docs)} clauses ("
          + corpus_label(folders()) + ")")
    print("default: " + " ".join(f"{k}={getattr(vectors, k)}" for k in KNOBS))
    test = load_pairs(path)
    known = [PAIRS, TEST2, TEST3, TEST4, TEST5, TEST6]
    other = ([p for f in known if f != path and f.is_file() for p in load_pairs(f)]
             + [p for f in ALIGNMENTS for p in load_gold(GOLD / f)])
    print("\nprotocol: each quote resolves to the first clause of its document holding it")
    protocol_check(docs, {path.name: test})
    methods = {"bigram TF-IDF (baseline)": bigram_tfidf_scorer(docs),
               "BM25 jieba words (baseline)": bm25_scorer(docs),
               "default": method_scorer(docs),
               "default from postings candidates": method_scorer(docs, exhaustive=False)}
    for queries, label in (("clause", "clause queries (similar --clause)"),
                           ("requirement", "requirement queries (similar --text)")):
        print(f"\n{split} split, scored once after the choice: {len(test)} pairs, {label}")
        for mname, sc in methods.items():
            if queries == "requirement" and "postings" in mname:
                continue
            r = score_pairs(docs, test, sc, other, queries)
            print(line(mname, r) + (f"   ({r['unresolved']} unresolved)" if r["unresolved"]
                                    else ""))
    print(f"\nexcerpt holds the hit's gold quote ({split}):")
    print(excerpt_line("local alignment (default)", docs, test))


if __name__ == "__main__":
    main()
