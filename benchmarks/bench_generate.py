"""Word-document generation speed: the notice, task book and timetable of every bundled text.

    /work/venv/bin/python benchmarks/bench_generate.py [--repeat 3] > benchmarks/bench_generate.txt

Documents are parsed once (not timed); each generator (template → Markdown → .docx) runs
`--repeat` times per document and the median is reported, with the document's size (clauses,
task rows, pages are not counted: python-docx does no layout). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from pbdocs.corpus import Corpus
    from pbdocs.generate.outputs import write
    from pbdocs.generate.taskbook import taskbook_rows

    index = tempfile.mkdtemp(prefix="bench-generate-index-")
    corpus = Corpus(ROOT / "corpus", index)
    docs = {i: corpus.load(i) for i in corpus.files()}
    print(f"# bench_generate: python {platform.python_version()}, {platform.machine()}, "
          f"median of {args.repeat} runs, seconds")
    print(f"{'document':<26}{'clauses':>8}{'rows':>6}{'notice':>9}{'taskbook':>10}"
          f"{'xlsx':>8}{'timetable':>11}")
    totals = [0.0, 0.0, 0.0, 0.0]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for doc_id, doc in docs.items():
            jobs = [lambda d=doc: write("notice", d, out / "n.docx"),
                    lambda d=doc: write("taskbook", d, out / "t.docx"),
                    lambda d=doc: write("taskbook", d, out / "t.xlsx"),
                    lambda d=doc: write("timetable", d, out / "s.docx")]
            times = []
            for job in jobs:
                runs = []
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    job()
                    runs.append(time.perf_counter() - t)
                times.append(statistics.median(runs))
            totals = [a + b for a, b in zip(totals, times)]
            print(f"{doc_id:<26}{len(doc.clauses):>8}{len(taskbook_rows(doc)):>6}"
                  f"{times[0]:>9.3f}{times[1]:>10.3f}{times[2]:>8.3f}{times[3]:>11.3f}")
    print(f"{'all five':<26}{'':>8}{'':>6}{totals[0]:>9.3f}{totals[1]:>10.3f}"
          f"{totals[2]:>8.3f}{totals[3]:>11.3f}")


if __name__ == "__main__":
    main()
