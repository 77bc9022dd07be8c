"""Check the untouched test3 split of the cross-reference gold (pairs_test3.tsv).

Usage: python tests/gold/pairs/validate_test3.py [file]   (default: pairs_test3.tsv)

Plain text checks only (no pbdocs code, no similarity of any kind), so that writing or checking
the split never looks at what a method would rank:
- every row has the seven columns, split `test3`, type `easy` or `paraphrase`, two different
  doc ids, and both doc ids name a text of the corpus the split is scored on (corpus/,
  ../shared/devcorpus/, tests/fixtures/heldout2/corpus/, tests/fixtures/heldout3/corpus/; a doc
  id is the lower-case stem of the file name);
- every quote is 8-30 characters, lies within one line of its file, and occurs exactly once in
  its document, both after NFKC folding and with all whitespace removed;
- no row repeats a clause pair of pairs.tsv, pairs_test2.tsv or an earlier row of this file
  (same two documents, and on each side one quote holds the other);
- at least 80 pairs, at least 65 % of them `paraphrase`.
Exit status 1 when a check fails.
"""

import sys

from split_checks import BASE, HELDOUT, HERE, check

if __name__ == "__main__":
    sys.exit(check("test3", HERE / "pairs_test3.tsv", (*BASE, HELDOUT[2], HELDOUT[3]),
                   (HERE / "pairs.tsv", HERE / "pairs_test2.tsv"),
                   fresh={3: HELDOUT[3]}, min_pairs=80, min_paraphrase=0.65,
                   require_fresh=False))
