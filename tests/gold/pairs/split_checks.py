"""Checks shared by the untouched splits of the cross-reference gold (validate_test3.py,
validate_test4.py): plain text checks only (no pbdocs code, no similarity of any kind), so that
writing or checking a split never looks at what a method would rank:
- every row has the seven columns, the split's name, type `easy` or `paraphrase`, two different
  doc ids, and both doc ids name a text of the corpus the split is scored on (a doc id is the
  lower-case stem of the file name);
- every quote is 8-30 characters, lies within one line of its file, and occurs exactly once in
  its document, both after NFKC folding and with all whitespace removed;
- no row repeats a clause pair of an earlier split or an earlier row of this file (same two
  documents, and on each side one quote holds the other);
- with `fresh` folders (and `require_fresh`), every row has a side in one of them;
- at least `min_pairs` pairs, at least `min_paraphrase` of them `paraphrase`.
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
HELDOUT = {n: ROOT / "tests" / "fixtures" / f"heldout{n}" / "corpus" for n in range(2, 8)}
BASE = (ROOT / "corpus", ROOT.parent / "shared" / "devcorpus")


def fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def documents(folders) -> dict[str, str]:
    docs = {}
    for folder in folders:
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


def check(split: str, default: Path, folders, earlier_files, fresh: dict[int, Path] | None = None,
          min_pairs: int = 80, min_paraphrase: float = 0.65, require_fresh: bool = True) -> int:
    """Check one split file (the command line's, else `default`); with `fresh` (round → folder),
    the pairs touching each are counted, and
    with `require_fresh` every row must have a side in one of them. Prints a summary; 1 when a check fails."""
    split_name = split
    fresh = fresh or {}
    docs = documents(folders)
    folded = {d: fold(t) for d, t in docs.items()}
    lines = {d: [fold(x) for x in t.splitlines()] for d, t in docs.items()}
    earlier = [(c[2], c[3], c[4], c[5]) for p in earlier_files for _, c in rows(p) if len(c) == 7]
    in_fresh = {p.stem.lower(): n for n, folder in fresh.items() for p in folder.glob("*.txt")}
    errors, types, used, rounds = [], Counter(), Counter(), Counter()
    data = rows(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
    for n, cols in data:
        where = f"line {n}"
        if len(cols) != 7:
            errors.append(f"{where}: {len(cols)} columns, 7 expected")
            continue
        split, kind, doc_a, quote_a, doc_b, quote_b, topic = cols
        if split != split_name:
            errors.append(f"{where}: split {split!r}, {split_name!r} expected")
        if kind not in ("easy", "paraphrase"):
            errors.append(f"{where}: type {kind!r}")
        types[kind] += 1
        touched = {in_fresh[d] for d in (doc_a, doc_b) if d in in_fresh}
        if fresh and require_fresh and not touched:
            errors.append(f"{where}: neither side is in the fresh held-out folders")
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
    if total < min_pairs:
        errors.append(f"{total} pairs, at least {min_pairs} expected")
    if share < min_paraphrase:
        errors.append(f"paraphrase share {share:.1%}, at least {min_paraphrase:.0%} expected")
    print(f"{total} pairs: {types['easy']} easy, {types['paraphrase']} paraphrase "
          f"({share:.1%}); {len(used)} documents; pairs touching the held-out texts: "
          + ", ".join(f"round {n} {rounds[n]}" for n in sorted(fresh)))
    for e in errors:
        print("  " + e)
    print("OK" if not errors else f"{len(errors)} problems")
    return 1 if errors else 0
