"""Cross-reference speed and memory on the synthetic corpus recombined from the seed clauses.

    /work/venv/bin/python benchmarks/bench_crossref.py [--docs 5000] [--queries 20] \
        > benchmarks/bench_crossref.txt

The corpus comes from `bench_search.synthetic_corpus` (the search benchmark's deterministic
generator: 6-14 clauses per document, each half of one seed clause and half of another, 400
institutions). Reports, for `pbdocs.crossref`: fitting the clause index (time; peak traced
memory), loading it back from the on-disk cache, `similar` by clause and by text (p50/p95 per
query; peak traced memory of one query), and `compare` on two topics, on every curated topic,
and as an overview with discovered topics. Time is measured without tracing; peak memory in a
second run under tracemalloc (numpy and scipy buffers included). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import platform
import random
import resource
import statistics
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
from pbdocs.crossref.vectors import build_index

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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--queries", type=int, default=20)
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
              f"{len({d.institution for d in docs})} institutions")

        index, fit_s = timed(lambda: build_index(docs))
        m = index.clause_matrix
        mb = (m.data.nbytes + m.indices.nbytes + m.indptr.nbytes) / 2**20
        print(f"fit index: {fit_s:.1f} s ({n_clauses / fit_s:.0f} clauses/s); sparse matrix "
              f"{m.shape[0]}x{m.shape[1]}, {m.nnz / 1e6:.1f} M non-zeros, {mb:.0f} MB")
        print(f"fit index peak traced memory: {peak_mb(lambda: build_index(docs)):.0f} MB")

        index_dir = Path(tmp) / "index"
        key, fp_s = timed(lambda: cache.fingerprint(docs))
        path = index_dir / "crossref" / f"{key}.pkl"
        _, save_s = timed(lambda: cache._save(index, path))
        cache._MEMORY.clear()
        _, load_s = timed(lambda: cache.get_index(docs, index_dir))
        size = path.stat().st_size / 2**20
        print(f"disk cache: save {save_s:.1f} s, load {load_s:.2f} s (fingerprint of the "
              f"documents {fp_s:.2f} s included), file {size:.0f} MB")

        rng = random.Random(1)
        ids = [c.id for d in rng.sample(docs, args.queries) for c in d.clauses[:1]]
        by_clause = [timed(lambda cid=cid: similar(docs, clause_id=cid, top=10))[1] for cid in ids]
        by_text = [timed(lambda t=t: similar(docs, text=t, top=10))[1]
                   for t in (TEXTS * (args.queries // len(TEXTS) + 1))[: args.queries]]
        q_peak = peak_mb(lambda: similar(docs, clause_id=ids[0], top=10))
        print(f"similar --clause (top 10, index in memory): p50 {pct(by_clause, .5) * 1e3:.0f} ms, "
              f"p95 {pct(by_clause, .95) * 1e3:.0f} ms over {len(by_clause)} queries "
              f"(each includes the corpus fingerprint)")
        print(f"similar --text   (top 10, index in memory): p50 {pct(by_text, .5) * 1e3:.0f} ms, "
              f"p95 {pct(by_text, .95) * 1e3:.0f} ms")
        print(f"similar peak traced memory of one query: {q_peak:.1f} MB "
              f"(an N×N float32 matrix would be {n_clauses**2 * 4 / 2**30:.0f} GB)")

        two = ["双带头人", "专职组织员"]
        for label, kwargs in (("compare --topic 双带头人 --topic 专职组织员", {"topics": two}),
                              (f"compare, all {len(default_topics())} curated topics",
                               {"discovered": False}),
                              ("compare overview (curated + discovered topics)", {})):
            result, secs = timed(lambda kw=kwargs: compare(docs, **kw))
            peak = peak_mb(lambda kw=kwargs: compare(docs, **kw))
            found = sum(1 for r in result["requirements"] if r["source"] == "discovered")
            print(f"{label}: {secs:.1f} s, peak traced memory {peak:.0f} MB, "
                  f"{len(result['requirements'])} topics ({found} discovered) x "
                  f"{len(result['institutions'])} institutions")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"process max RSS: {rss:.0f} MB")
        print(f"median of similar --clause: {statistics.median(by_clause) * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
