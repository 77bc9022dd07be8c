"""Score `pbdocs similar` against the hand-made gold alignments (tests/gold/alignments.tsv).

Usage: python benchmarks/gold_crossref.py [--corpus corpus] [-v] [--variants]
Prints recall@1, recall@5 and MRR (filtered ranks: other gold partners of the query ranked above
the target are not counted against it) and the raw recall@5; `-v` lists the misses;
`--variants` also scores other settings of the vectors (word/character/topic weights, n-grams).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from pbdocs.corpus import Corpus
from pbdocs.crossref import vectors
from pbdocs.crossref.gold import load_gold, score_gold

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT / "corpus"))
    ap.add_argument("--gold", default=str(ROOT / "tests" / "gold" / "alignments.tsv"))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--variants", action="store_true")
    ap.add_argument("--also", action="append", default=[],
                    help="another gold file whose partners are filtered but not scored")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        docs = list(Corpus(args.corpus, tmp).documents())
    gold = load_gold(args.gold)
    also = [p for f in args.also for p in load_gold(f)]
    res = score_gold(docs, gold, also)
    print(f"pairs {res['pairs']}  queries {res['queries']} (both directions)  "
          f"unresolved {res['unresolved']}")
    print(f"recall@1 {res['recall@1']:.3f}  recall@5 {res['recall@5']:.3f}  MRR {res['mrr']:.3f}"
          f"  (raw recall@5 {res['raw_recall@5']:.3f})")
    if args.verbose:
        for d in res["details"]:
            if d["rank"] is None or d["rank"] > 5:
                print(f"  miss rank {d['rank']}: {d['query']} → {d['target']}  [{d['topic']}]")
    if args.variants:
        print("variants (word weight, topic weight, char n-grams): R@1 R@5 MRR raw-R@5")
        chosen = (vectors.WORD_WEIGHT, vectors.TOPIC_WEIGHT, vectors.CHAR_NGRAMS)
        for ww, tw, ng in [(0.0, 0.0, (2, 3)), (1.0, 0.0, (2, 3)), (0.3, 0.0, (2, 3)),
                           (0.5, 0.0, (2, 3)), (0.5, 0.0, (2, 2)), (0.5, 0.0, (2, 4)),
                           (0.3, 0.1, (2, 3)), (0.5, 0.1, (2, 3)), (0.5, 0.2, (2, 3)),
                           (0.5, 0.3, (2, 3))]:
            vectors.WORD_WEIGHT, vectors.TOPIC_WEIGHT, vectors.CHAR_NGRAMS = ww, tw, ng
            r = score_gold(docs, gold, also)
            mark = "  <- chosen" if (ww, tw, ng) == chosen else ""
            print(f"  {ww:.1f} {tw:.1f} {ng}: {r['recall@1']:.3f} {r['recall@5']:.3f} "
                  f"{r['mrr']:.3f} {r['raw_recall@5']:.3f}{mark}")
        vectors.WORD_WEIGHT, vectors.TOPIC_WEIGHT, vectors.CHAR_NGRAMS = chosen


if __name__ == "__main__":
    main()
