"""Extraction speed: the full extraction pipeline on the corpus against jieba segmentation
alone of the same clause texts, in the same run; and a one-file `pbdocs parse` from a cold
process.

Run from the project root:  python benchmarks/bench_extract.py [--corpus corpus] [--repeat 7]
Timings are the best of `--repeat` runs, as wall-clock and as this process's CPU time (the
machine is shared by other jobs: the minimum CPU time is the least noisy; the ratio uses it).
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT / "corpus"))
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--cold-runs", type=int, default=3)
    args = ap.parse_args()

    from pbdocs import segment
    from pbdocs.corpus import Corpus
    from pbdocs.extract import enrich
    from pbdocs.parse import parse_file

    files = Corpus(args.corpus).files()
    docs = [parse_file(p, doc_id=i, extract=False) for i, p in files.items()]
    texts = [c.text for d in docs for c in d.clauses]
    chars = sum(len(t) for t in texts)

    t0 = time.perf_counter()
    segment.cut("预热")
    t1 = time.perf_counter()
    enrich(copy.deepcopy(docs[0]))  # builds the spaCy pipeline once, as a process does
    t2 = time.perf_counter()

    seg_times, ext_times, seg_cpu, ext_cpu = [], [], [], []
    for _ in range(args.repeat):
        t, c = time.perf_counter(), time.process_time()
        for text in texts:
            segment.cut(text)
        seg_times.append(time.perf_counter() - t)
        seg_cpu.append(time.process_time() - c)
        batch = [copy.deepcopy(d) for d in docs]
        t, c = time.perf_counter(), time.process_time()
        for d in batch:
            enrich(d)
        ext_times.append(time.perf_counter() - t)
        ext_cpu.append(time.process_time() - c)
    seg, ext = min(seg_times), min(ext_times)

    cold, load = [], os.getloadavg()[0]
    target = next(iter(files.values()))
    exe = [sys.executable, "-m", "pbdocs", "parse", str(target), "--format", "json"]
    cold_cpu = []
    for _ in range(args.cold_runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(exe, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        cold.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cold_cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)

    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs, "
          f"load average {load:.1f}; {len(docs)} documents, {len(texts)} clauses, "
          f"{chars} characters")
    print(f"jieba dictionary load (first cut):   {t1 - t0:.3f} s")
    print(f"spaCy pipeline build (first enrich): {t2 - t1:.3f} s")
    print(f"jieba segmentation alone, best of {args.repeat}: wall {seg:.3f} s "
          f"(median {statistics.median(seg_times):.3f}), CPU {min(seg_cpu):.3f} s")
    print(f"full extraction pipeline, best of {args.repeat}: wall {ext:.3f} s "
          f"(median {statistics.median(ext_times):.3f}), CPU {min(ext_cpu):.3f} s")
    print(f"ratio pipeline / segmentation: CPU {min(ext_cpu) / min(seg_cpu):.2f}, "
          f"wall {ext / seg:.2f} (aim <= 3.0)")
    print(f"cold one-file parse ({target.name}), {args.cold_runs} runs, wall: "
          + ", ".join(f"{c:.2f}" for c in cold) + f" s; best {min(cold):.2f} s (aim < 2 s)")
    print("  the same runs, CPU time of the process: "
          + ", ".join(f"{c:.2f}" for c in cold_cpu) + f" s; best {min(cold_cpu):.2f} s")


if __name__ == "__main__":
    main()
