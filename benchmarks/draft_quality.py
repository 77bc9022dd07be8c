"""College drafts (`pbdocs draft`) on the bundled corpus: clause selection against the hand-made
gold of `tests/gold/draft_selection.json` (precision, recall), and for every document the size
of the draft, how its tasks are scheduled and who answers for them, and the time to build it.

    /work/venv/bin/python benchmarks/draft_quality.py > benchmarks/draft_quality.txt

Documents are parsed (or read from the index cache) before timing; the time is building the
context and the Markdown, best of 5.
"""

from __future__ import annotations

import collections
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COLLEGE = "计算机与信息工程学院"


def main() -> None:
    from pbdocs.corpus import Corpus
    from pbdocs.generate.draft import draft_context
    from pbdocs.generate.templates import render

    gold = json.loads((ROOT / "tests" / "gold" / "draft_selection.json")
                      .read_text(encoding="utf-8"))["documents"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Corpus(ROOT / "corpus", Path(tmp) / "index")
        docs = {i: corpus.load(i) for i in corpus.files()}
    print(f"# pbdocs draft --college {COLLEGE}, on the bundled corpus\n")
    print("Command: `python benchmarks/draft_quality.py > benchmarks/draft_quality.txt`\n")
    print("## Clause selection against tests/gold/draft_selection.json\n")
    print("| document | task clauses | selected | gold | precision | recall |")
    print("|---|---|---|---|---|---|")
    tp_all = got_all = want_all = 0
    for doc_id, g in gold.items():
        ctx = draft_context(docs[doc_id], COLLEGE)
        got = {it.clause_id.split("/", 1)[1] for it in ctx["items"]}
        want = set(g["concern_a_college"])
        tp = len(got & want)
        tp_all, got_all, want_all = tp_all + tp, got_all + len(got), want_all + len(want)
        print(f"| {doc_id} | {len(g['task_clauses'])} | {len(got)} | {len(want)} "
              f"| {tp / len(got):.2f} | {tp / len(want):.2f} |")
    print(f"| all (micro) | | {got_all} | {want_all} | {tp_all / got_all:.2f} "
          f"| {tp_all / want_all:.2f} |")

    print("\n## Drafts\n")
    print("| document | clauses | task clauses | selected | tasks | month | cadence | 长期坚持 "
          "| roles | ms |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for doc_id, doc in docs.items():
        best = float("inf")
        for _ in range(5):
            t0 = time.perf_counter()
            ctx = draft_context(doc, COLLEGE)
            render("draft", ctx)
            best = min(best, time.perf_counter() - t0)
        rows = ctx["rows"]
        st = ctx["stats"]
        month = sum(1 for r in rows if r.due)
        cadence = sum(1 for r in rows if r.cadence)
        roles = collections.Counter(r.role for r in rows)
        print(f"| {doc_id} | {len(doc.clauses)} | {st['source_clauses']} "
              f"| {st['selected_clauses']} | {st['tasks']} | {month} | {cadence} "
              f"| {len(rows) - month - cadence} "
              f"| {'、'.join(f'{r} {n}' for r, n in roles.most_common())} | {best * 1000:.0f} |")


if __name__ == "__main__":
    main()
