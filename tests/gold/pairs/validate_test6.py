"""Check the untouched test6 split of the cross-reference gold (pairs_test6.tsv).

Usage: python tests/gold/pairs/validate_test6.py [file]   (default: pairs_test6.tsv)

Plain text checks only (no pbdocs code, no similarity of any kind), so that writing or checking
the split never looks at what a method would rank:
- every row has the seven columns, split `test6`, type `easy` or `paraphrase`, two different
  doc ids, and both doc ids name a text of the corpus the split is scored on (corpus/,
  ../shared/devcorpus/, tests/fixtures/heldout2/corpus/ ... tests/fixtures/heldout10/corpus/;
  a doc id is the lower-case stem of the file name);
- every row has at least one side in tests/fixtures/heldout9/corpus/ or
  tests/fixtures/heldout10/corpus/ (the round-9 and round-10 texts, never used in an earlier
  pairs file; only their .txt texts count);
- every quote is 8-30 characters, lies within one line of its file, and occurs exactly once in
  its document, both after NFKC folding and with all whitespace removed;
- no row repeats a clause pair of pairs.tsv, pairs_test2.tsv ... pairs_test5.tsv or an
  earlier row of this file (same two documents, and on each side one quote holds the
  other);
- at least 90 pairs, at least 65 % of them `paraphrase`.
Exit status 1 when a check fails.
"""

import sys

from split_checks import BASE, HELDOUT, HERE, ROOT, check

# heldout8..10 are named here explicitly: split_checks.HELDOUT (2..7) is what test3/test4
# check, and validate_test5.py adds heldout8 only.
HELDOUT8 = ROOT / "tests" / "fixtures" / "heldout8" / "corpus"
HELDOUT9 = ROOT / "tests" / "fixtures" / "heldout9" / "corpus"
HELDOUT10 = ROOT / "tests" / "fixtures" / "heldout10" / "corpus"

if __name__ == "__main__":
    sys.exit(check("test6", HERE / "pairs_test6.tsv",
                   (*BASE, *HELDOUT.values(), HELDOUT8, HELDOUT9, HELDOUT10),
                   (HERE / "pairs.tsv", HERE / "pairs_test2.tsv", HERE / "pairs_test3.tsv",
                    HERE / "pairs_test4.tsv", HERE / "pairs_test5.tsv"),
                   fresh={9: HELDOUT9, 10: HELDOUT10}, min_pairs=90, min_paraphrase=0.65))
