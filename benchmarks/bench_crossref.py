"""Cross-reference speed and memory on the synthetic corpus recombined from the seed clauses.

    .venv/bin/python benchmarks/bench_crossref.py [--docs 5000] [--queries 40]

The corpus comes from `bench_search.synthetic_corpus` (the search benchmark's deterministic
generator: 6-14 clauses per document, each half of one seed clause and half of another, 400
institutions). Reports, for `pbdocs.crossref`: building the clause index on disk (time; peak
traced memory), loading it (memory-mapped), `similar` by clause and by text (p50/p95 per query,
the index loaded; peak traced memory of one query), whether the candidates of the postings give
the same top 10 as scoring every clause, `compare` on two topics and on every curated topic,
and the process' peak resident memory. Time is measured without tracing; traced peaks in a
second run under tracemalloc (numpy buffers included). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_search import synthetic_corpus

from pbdocs.corpus import Corpus
from pbdocs.crossref import cache, compare, similar
from pbdocs.crossref.topics import default_topics
from pbdocs.crossref.vectors import EXHAUSTIVE_MAX

TEXTS = ["专职党务人员和思想政治工作者不低于师生人数的1%", "严格落实三会一课制度",
         "实现教师党支部书记双带头人全覆盖", "每年评选表彰优秀共产党员和优秀党务工作者",
         "党组织书记每学期至少讲一次党课"]


def timed(fn):
    t = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t


def peak_mb(fn) -> float:
    """Peak traced allocation (MB) while fn runs."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p * (len(s) - 1)))]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def forget() -> None:
    cache._MEMORY.clear()
    cache._LAST.clear()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--queries", type=int, default=40)
    ap.add_argument("--seed", type=int, default=20201130)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        seeds = list(Corpus(ROOT / "corpus", Path(tmp) / "seed-index").documents())
        docs = synthetic_corpus(seeds, args.docs, random.Random(args.seed))
        n_clauses = sum(len(d.clauses) for d in docs)
        n_chars = sum(len(c.text) for d in docs for c in d.clauses)
        print(f"# pbdocs crossref benchmark  python {platform.python_version()}  "
              f"{platform.machine()}  (2 shared cores)")
        print(f"corpus: {len(docs)} documents, {n_clauses} clauses, "
              f"{n_chars / 1e6:.1f} M characters, "
              f"{len({d.institution for d in docs})} institutions; "
              f"RSS with the documents in memory {rss_mb():.0f} MB")

        index_dir = Path(tmp) / "index"
        base = rss_mb()
        # Building, then serving, each in a forked child: its peak resident memory is its own
        # (the documents, shared with the parent, are counted in it).
        build_s, build_rss = in_child(lambda: cache.get_index(docs, index_dir))
        folder = next((index_dir / "crossref").iterdir())
        size = sum(f.stat().st_size for f in folder.iterdir()) / 2**20
        print(f"build index on disk: {build_s:.1f} s ({n_clauses / build_s:.0f} clauses/s), "
              f"folder {size:.0f} MB; peak RSS of the building process {build_rss:.0f} MB "
              f"({base:.0f} MB of it the documents before building)")
        rng = random.Random(1)
        ids = [d.clauses[0].id for d in rng.sample(docs, args.queries)]
        _, serve_rss = in_child(lambda: serve(docs, index_dir, ids, args.queries))
        print(f"peak RSS of the serving process (load, the queries and the two compares above; "
              f"the documents included): {serve_rss:.0f} MB")

        # Traced peaks and the check against scoring every clause, in this process.
        forget()
        index = cache.get_index(docs, index_dir)
        run = dict(top=10, index_dir=index_dir)
        similar(docs, clause_id=ids[0], **run)  # the first call builds the lookups
        print(f"similar peak traced memory of one query: "
              f"{peak_mb(lambda: similar(docs, clause_id=ids[1], **run)):.1f} MB")
        peak = peak_mb(lambda: compare(docs, index_dir=index_dir, topics=TWO))
        print(f"compare of two topics peak traced memory: {peak:.0f} MB")
        same = 0
        for cid in ids:
            row = index.position(cid)
            q = index.query(row=row)
            allowed = index.others(row)
            # compared by score: the synthetic corpus has many clauses of equal score
            a = [round(s, 4) for _, s in index.rank(q, 10, allowed, exhaustive=True)]
            b = [round(s, 4) for _, s in index.rank(q, 10, allowed, exhaustive=False)]
            same += a == b
        print(f"candidates vs every clause scored: the same 10 best scores for {same}/{len(ids)} "
              f"queries")


TWO = ["双带头人", "专职组织员"]


def in_child(fn) -> tuple[float, float]:
    """Run fn in a forked child: (wall seconds, the child's peak RSS in MB)."""
    sys.stdout.flush()
    t = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            fn()
        except BaseException:  # noqa: BLE001 - reported, the child must not return
            import traceback

            traceback.print_exc()
            code = 1
        sys.stdout.flush()
        os._exit(code)
    _, status, usage = os.wait4(pid, 0)
    if status:
        raise SystemExit("the child process failed")
    return time.perf_counter() - t, usage.ru_maxrss / 1024


def serve(docs, index_dir, ids, n_queries) -> None:
    """Load the index and time similar and compare, untraced."""
    forget()
    index, load_s = timed(lambda: cache.get_index(docs, index_dir))
    _, fp_s = timed(lambda: cache.fingerprint(docs))
    print(f"load (arrays per clause and per feature read, entries rebuilt, fingerprint of the "
          f"documents included; on a large corpus rows and postings stay on disk): "
          f"{load_s:.2f} s, {index.data.shape[0] / 1e6:.1f} M non-zeros; the fingerprint alone "
          f"{fp_s:.2f} s (once per new list of documents)")
    run = dict(top=10, index_dir=index_dir)
    similar(docs, clause_id=ids[0], **run)  # first call: entries' masks, caches
    by_clause = [timed(lambda cid=cid: similar(docs, clause_id=cid, **run))[1] for cid in ids]
    other = [timed(lambda cid=cid: similar(docs, clause_id=cid, other_institutions=True,
                                           **run))[1] for cid in ids]
    by_text = [timed(lambda t=t: similar(docs, text=t, **run))[1]
               for t in (TEXTS * (n_queries // len(TEXTS) + 1))[:n_queries]]
    mode = ("candidates from the postings" if len(index.entries) > EXHAUSTIVE_MAX
            else "every clause scored")
    for label, xs in (("similar --clause", by_clause),
                      ("similar --clause --other-institutions", other),
                      ("similar --text", by_text)):
        print(f"{label} (top 10, {mode}): p50 {pct(xs, .5) * 1e3:.0f} ms, "
              f"p95 {pct(xs, .95) * 1e3:.0f} ms over {len(xs)} queries")
    for label, kwargs in (("compare --topic 双带头人 --topic 专职组织员", {"topics": TWO}),
                          (f"compare, all {len(default_topics())} curated topics",
                           {"discovered": False})):
        result, secs = timed(lambda kw=kwargs: compare(docs, index_dir=index_dir, **kw))
        cells = [len(items) for r in result["requirements"] for items in r["cells"].values()]
        print(f"{label}: {secs:.1f} s, {len(result['requirements'])} topics x "
              f"{len(result['institutions'])} institutions, at most {max(cells, default=0)} "
              f"items a cell")
    try:
        status = dict(line.split(":", 1) for line in
                      Path("/proc/self/status").read_text().splitlines() if ":" in line)
        print("serving process at the end: " + ", ".join(
            f"{k} {int(status[k].split()[0]) / 1024:.0f} MB" for k in ("RssAnon", "RssFile")
            if k in status) + " (RssFile: pages of files it maps, e.g. libraries)")
    except OSError:
        pass


if __name__ == "__main__":
    main()
