"""Check the untouched test4 split of the cross-reference gold (pairs_test4.tsv).

Usage: python tests/gold/pairs/validate_test4.py [file]   (default: pairs_test4.tsv)

Plain text checks only (no pbdocs code, no similarity of any kind), so that writing or checking
the split never looks at what a method would rank:
- every row has the seven columns, split `test4`, type `easy` or `paraphrase`, two different
  doc ids, and both doc ids name a text of the corpus the split is scored on (corpus/,
  ../shared/devcorpus/, tests/fixtures/heldout2/corpus/ ... tests/fixtures/heldout7/corpus/; a
  doc id is the lower-case stem of the file name);
- every row has at least one side in tests/fixtures/heldout4/corpus/ ... heldout7/corpus/ (the
  round 4-7 texts, never used in an earlier pairs file);
- every quote is 8-30 characters, lies within one line of its file, and occurs exactly once in
  its document, both after NFKC folding and with all whitespace removed;
- no row repeats a clause pair of pairs.tsv, pairs_test2.tsv, pairs_test3.tsv or an earlier
  row of this file
  (same two documents, and on each side one quote holds the other);
- at least 80 pairs, at least 65 % of them `paraphrase`.
Exit status 1 when a check fails.
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
HELDOUT = tuple(ROOT / "tests" / "fixtures" / f"heldout{n}" / "corpus" for n in range(2, 8))
FOLDERS = (ROOT / "corpus", ROOT.parent / "shared" / "devcorpus", *HELDOUT)
FRESH = {n: HELDOUT[n - 2] for n in range(4, 8)}  # round -> folder; every row touches one
TEST4 = HERE / "pairs_test4.tsv"
EARLIER = (HERE / "pairs.tsv", HERE / "pairs_test2.tsv", HERE / "pairs_test3.tsv")
MIN_PAIRS, MIN_PARAPHRASE = 80, 0.65


def fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def documents() -> dict[str, str]:
    docs = {}
    for folder in FOLDERS:
        for path in sorted(folder.glob("*.txt")):
            docs[path.stem.lower()] = path.read_text(encoding="utf-8")
    return docs


def rows(path: Path) -> list[tuple[int, list[str]]]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            out.append((n, line.split("\t")))
    return out


def same_clause(q1: str, q2: str) -> bool:
    a, b = fold(q1), fold(q2)
    return a in b or b in a


def repeats(doc_a, qa, doc_b, qb, earlier) -> bool:
    for da, ea, db, eb in earlier:
        if (da, db) == (doc_a, doc_b) and same_clause(ea, qa) and same_clause(eb, qb):
            return True
        if (da, db) == (doc_b, doc_a) and same_clause(ea, qb) and same_clause(eb, qa):
            return True
    return False


def main() -> int:
    docs = documents()
    folded = {d: fold(t) for d, t in docs.items()}
    lines = {d: [fold(x) for x in t.splitlines()] for d, t in docs.items()}
    earlier = [(c[2], c[3], c[4], c[5]) for p in EARLIER for _, c in rows(p) if len(c) == 7]
    fresh = {p.stem.lower(): n for n, folder in FRESH.items() for p in folder.glob("*.txt")}
    errors, types, used, rounds = [], Counter(), Counter(), Counter()
    data = rows(Path(sys.argv[1]) if len(sys.argv) > 1 else TEST4)
    for n, cols in data:
        where = f"line {n}"
        if len(cols) != 7:
            errors.append(f"{where}: {len(cols)} columns, 7 expected")
            continue
        split, kind, doc_a, quote_a, doc_b, quote_b, topic = cols
        if split != "test4":
            errors.append(f"{where}: split {split!r}, 'test4' expected")
        if kind not in ("easy", "paraphrase"):
            errors.append(f"{where}: type {kind!r}")
        types[kind] += 1
        touched = {fresh[d] for d in (doc_a, doc_b) if d in fresh}
        if not touched:
            errors.append(f"{where}: neither side is in tests/fixtures/heldout4..7/corpus/")
        for n_round in touched:
            rounds[n_round] += 1
        if doc_a == doc_b:
            errors.append(f"{where}: both quotes from {doc_a}")
        if not topic.strip():
            errors.append(f"{where}: no topic")
        for doc, quote in ((doc_a, quote_a), (doc_b, quote_b)):
            if doc not in docs:
                errors.append(f"{where}: unknown doc id {doc}")
                continue
            used[doc] += 1
            q = fold(quote)
            if not 8 <= len(q) <= 30:
                errors.append(f"{where}: quote of {len(q)} characters: {quote}")
            count = folded[doc].count(q)
            if count != 1:
                errors.append(f"{where}: {doc} holds 「{quote}」 {count} times")
            elif not any(q in line for line in lines[doc]):
                errors.append(f"{where}: 「{quote}」 spans a line break in {doc}")
        if repeats(doc_a, quote_a, doc_b, quote_b, earlier):
            errors.append(f"{where}: repeats an earlier clause pair ({doc_a} / {doc_b})")
        earlier.append((doc_a, quote_a, doc_b, quote_b))
    total = sum(types.values())
    share = types["paraphrase"] / total if total else 0.0
    if total < MIN_PAIRS:
        errors.append(f"{total} pairs, at least {MIN_PAIRS} expected")
    if share < MIN_PARAPHRASE:
        errors.append(f"paraphrase share {share:.1%}, at least {MIN_PARAPHRASE:.0%} expected")
    print(f"{total} pairs: {types['easy']} easy, {types['paraphrase']} paraphrase "
          f"({share:.1%}); {len(used)} documents; pairs touching heldout4..7: "
          + ", ".join(f"round {n} {rounds[n]}" for n in sorted(FRESH)))
    for e in errors:
        print("  " + e)
    print("OK" if not errors else f"{len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
