"""Score `pbdocs similar` against the hand-made gold alignments in tests/gold/.

Usage: python benchmarks/gold_crossref.py [--corpus corpus] [-v] [--variants]
Scores the three gold files: alignments.tsv and alignments_heldout.tsv (the settings were chosen
on these two) and alignments_fresh.tsv (written by reading before the sentence-level re-ranking
was tuned, used only for this report). Prints recall@1, recall@5 and MRR (filtered ranks: other
gold partners of the query, from all three files, ranked above the target are not counted
against it) and the raw recall@5, with and without the sentence-level re-ranking; `-v` lists the
misses; `--variants` scores other settings on the two tuning files (pooled recall@5 decides).
Also prints the full method (sentence re-ranking + the concept view of lexicon/concepts.tsv)
against the same without the concept view.
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
from pathlib import Path

from pbdocs.corpus import Corpus
from pbdocs.crossref import vectors
from pbdocs.crossref.gold import load_gold, score_gold

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
FILES = {"main (tuning)": "alignments.tsv", "held-out (tuning)": "alignments_heldout.tsv",
         "fresh (report only)": "alignments_fresh.tsv"}
KNOBS = ("SENTENCE_WEIGHT", "SHORT_SENTENCE", "RERANK_TOP", "MIN_SENTENCE")
CONCEPT_KNOBS = ("CONCEPT_WEIGHT", "SENTENCE_CONCEPT_WEIGHT")


def line(r: dict) -> str:
    return (f"R@1 {r['recall@1']:.3f}  R@5 {r['recall@5']:.3f}  MRR {r['mrr']:.3f}  "
            f"(raw R@5 {r['raw_recall@5']:.3f}, {r['queries']} queries)")


def score_all(docs, sets: dict) -> dict:
    return {name: score_gold(docs, pairs, [p for other, ps in sets.items() if other != name
                                           for p in ps])
            for name, pairs in sets.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT / "corpus"))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--variants", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        docs = list(Corpus(args.corpus, tmp).documents())
    sets = {name: load_gold(GOLD / f) for name, f in FILES.items()}
    chosen = {k: getattr(vectors, k) for k in KNOBS}
    concepts = {k: getattr(vectors, k) for k in CONCEPT_KNOBS}
    for k in CONCEPT_KNOBS:
        setattr(vectors, k, 0.0)
    vectors.SENTENCE_WEIGHT = 0.0
    before = score_all(docs, sets)
    vectors.SENTENCE_WEIGHT = chosen["SENTENCE_WEIGHT"]
    sentence = score_all(docs, sets)
    for k, v in concepts.items():
        setattr(vectors, k, v)
    after = score_all(docs, sets)
    print("settings: " + "  ".join(f"{k}={v}" for k, v in {**chosen, **concepts}.items()))
    for name in FILES:
        unresolved = after[name]["unresolved"]
        print(f"{name}: {after[name]['pairs']} pairs, {unresolved} unresolved")
        print(f"  whole clauses only:      {line(before[name])}")
        print(f"  + sentence re-ranking:   {line(sentence[name])}")
        print(f"  + concept view:          {line(after[name])}")
        if args.verbose:
            for d in after[name]["details"]:
                if d["rank"] is None or d["rank"] > 5:
                    print(f"    miss rank {d['rank']}: {d['query']} → {d['target']}  "
                          f"[{d['topic']}]")
    if args.variants:
        tuning = {k: v for k, v in sets.items() if "tuning" in k}
        print("variants on the tuning files (weight, short, top, min): main R@1 R@5 MRR | "
              "held-out R@1 R@5 MRR | pooled R@5")
        for w, short, top, mn in itertools.product((0.1, 0.2, 0.3, 0.5), (0, 20, 30),
                                                   (50, 100), (4, 8)):
            if (top, mn) != (100, 4) and (w, short) != (0.2, 20):
                continue
            for k, v in zip(KNOBS, (w, short, top, mn), strict=True):
                setattr(vectors, k, v)
            r = score_all(docs, tuning)
            a, b = r["main (tuning)"], r["held-out (tuning)"]
            pooled = ((a["recall@5"] * a["queries"] + b["recall@5"] * b["queries"])
                      / (a["queries"] + b["queries"]))
            mark = "  <- chosen" if (w, short, top, mn) == tuple(chosen.values()) else ""
            print(f"  {w:.1f} {short:>2} {top:>3} {mn}: {a['recall@1']:.3f} {a['recall@5']:.3f} "
                  f"{a['mrr']:.3f} | {b['recall@1']:.3f} {b['recall@5']:.3f} {b['mrr']:.3f} | "
                  f"{pooled:.3f}{mark}")
        for k, v in chosen.items():
            setattr(vectors, k, v)
        print("concept view variants on the tuning files (clause weight, sentence weight): "
              "main R@1 R@5 MRR | held-out R@1 R@5 MRR | pooled R@5")
        for cw, sw in ((0, 0), (0.05, 0), (0.05, 0.05), (0.05, 0.1), (0.05, 0.2), (0.1, 0.1),
                       (0.15, 0.15), (0.2, 0.2), (0.3, 0.3), (0, 0.25)):
            vectors.CONCEPT_WEIGHT, vectors.SENTENCE_CONCEPT_WEIGHT = cw, sw
            r = score_all(docs, tuning)
            a, b = r["main (tuning)"], r["held-out (tuning)"]
            pooled = ((a["recall@5"] * a["queries"] + b["recall@5"] * b["queries"])
                      / (a["queries"] + b["queries"]))
            mark = "  <- chosen" if (cw, sw) == tuple(concepts.values()) else ""
            print(f"  {cw:.2f} {sw:.2f}: {a['recall@1']:.3f} {a['recall@5']:.3f} {a['mrr']:.3f} | "
                  f"{b['recall@1']:.3f} {b['recall@5']:.3f} {b['mrr']:.3f} | {pooled:.3f}{mark}")
        for k, v in concepts.items():
            setattr(vectors, k, v)


if __name__ == "__main__":
    main()
