"""PostgreSQL beside tantivy at scale: 200,000 synthetic clauses (recombined from the seed
clauses, as in bench_search.py), built into a throwaway PostgreSQL cluster and into tantivy.

    .venv/bin/python benchmarks/bench_scale.py [--clauses 200000] [--steps 4] [--repeat 3] \
        > benchmarks/bench_scale.txt

PostgreSQL is filled in --steps equal parts (the first a full build, the others incremental
updates, as `pbdocs index` makes them), and after each part reports the index's size on disk
and the query latency, so the growth can be read off. tantivy is built once at full size.
Query latency is wall time per `pbdocs.search.search()` call (the server's work happens in
another process, so CPU time would not count it), top 10 hits highlighted; also with facets
(the web UI's call). Totals of every query are compared between the engines. Not part of the
test suite; the machine may be shared, so its load average is printed.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_search import QUERIES, pct, seed_documents, synthetic_corpus  # noqa: E402
from pgcluster import Cluster  # noqa: E402

from pbdocs.search import build_from_documents, index_documents, search  # noqa: E402

WORK = ROOT / "benchmarks" / "_work" / "scale"
SETTINGS = {"shared_buffers": "2GB", "maintenance_work_mem": "1GB", "work_mem": "64MB",
            "effective_cache_size": "8GB", "max_wal_size": "4GB"}


def latency(path: Path, engine: str, repeat: int, facets: bool = False) -> list[float]:
    for q in QUERIES:  # warm caches
        search(path, q, engine=engine, facets=facets)
    out = []
    for _ in range(repeat):
        for q in QUERIES:
            t = time.perf_counter()
            search(path, q, engine=engine, facets=facets)
            out.append(time.perf_counter() - t)
    return out


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def pg_sizes(url: str) -> dict[str, float]:
    import psycopg

    with psycopg.connect(url) as conn:
        q = "SELECT pg_total_relation_size(%s), pg_relation_size(%s)"
        total, heap = conn.execute(q, ("pbdocs.clauses", "pbdocs.clauses")).fetchone()
        out = {"total": total / 1e6, "heap": heap / 1e6}
        for name in ("clauses_terms", "clauses_grams", "clauses_doc", "clauses_id"):
            out[name] = conn.execute("SELECT pg_relation_size(%s)",
                                     (f"pbdocs.{name}",)).fetchone()[0] / 1e6
        out["toast"] = total / 1e6 - out["heap"] - sum(out[n] for n in (
            "clauses_terms", "clauses_grams", "clauses_doc", "clauses_id"))
        out["docs"] = conn.execute("SELECT pg_total_relation_size('pbdocs.docs')"
                                   ).fetchone()[0] / 1e6
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clauses", type=int, default=200_000)
    ap.add_argument("--steps", type=int, default=4)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=20201130)
    ap.add_argument("--skip-tantivy", action="store_true")
    args = ap.parse_args()

    print("$ python benchmarks/bench_scale.py " + " ".join(sys.argv[1:]))
    rng = random.Random(args.seed)
    seeds = seed_documents()
    docs = synthetic_corpus(seeds, max(1, args.clauses // 10), rng)
    while sum(len(d.clauses) for d in docs) < args.clauses:  # top up to the clause count
        docs += synthetic_corpus(seeds, 50, rng)[: 1]
        docs[-1].id = f"syn-x{len(docs):06d}"
        for c in docs[-1].clauses:
            c.id = f"{docs[-1].id}/{c.id.split('/', 1)[1]}"
    n_clauses = sum(len(d.clauses) for d in docs)
    print(f"corpus: {len(docs)} synthetic documents, {n_clauses} clauses (seed {args.seed})")
    print(f"machine: Python {platform.python_version()}, {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.1f} at start (shared machine)")
    cluster = Cluster(settings=SETTINGS).start()
    try:
        import psycopg

        with psycopg.connect(cluster.url()) as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
        print(f"PostgreSQL {version}, throwaway cluster: "
              + ", ".join(f"{k}={v}" for k, v in SETTINGS.items()))
        url = cluster.create_database("pbdocs")
        pg_path = WORK / "ix-postgres"
        shutil.rmtree(pg_path, ignore_errors=True)
        print()
        print(f"{'PostgreSQL, filled in steps':34s} {'build s':>8s} {'clauses/s':>9s} "
              f"{'size MB':>8s} {'p50 ms':>7s} {'p95 ms':>7s} {'+facets p50':>11s} "
              f"{'p95':>6s}")
        step = -(-len(docs) // args.steps)
        total_build = 0.0
        for k in range(args.steps):
            part = docs[k * step:(k + 1) * step]
            t = time.perf_counter()
            if k == 0:
                build_from_documents(part, pg_path, engine="postgres", db=url, jobs=None)
            else:
                index_documents(part, pg_path, engine="postgres", db=url, jobs=None)
            dt = time.perf_counter() - t
            total_build += dt
            have = sum(len(d.clauses) for d in docs[:(k + 1) * step])
            sizes = pg_sizes(url)
            lat = latency(pg_path, "postgres", args.repeat)
            fac = latency(pg_path, "postgres", args.repeat, facets=True)
            print(f"{have:8d} clauses ({'full build' if k == 0 else 'update'}){'':6s} "
                  f"{dt:8.1f} {sum(len(d.clauses) for d in part) / dt:9.0f} "
                  f"{sizes['total']:8.0f} {pct(lat, 50):7.1f} {pct(lat, 95):7.1f} "
                  f"{pct(fac, 50):11.1f} {pct(fac, 95):6.1f}")
        print(f"sizes at {n_clauses} clauses (MB): "
              + ", ".join(f"{k} {v:.0f}" for k, v in sizes.items()))
        pg_lat = latency(pg_path, "postgres", args.repeat)
        pg_totals = {q: search(pg_path, q, engine="postgres").total for q in QUERIES}
        if args.skip_tantivy:
            return
        tv_path = WORK / "ix-tantivy"
        shutil.rmtree(tv_path, ignore_errors=True)
        t = time.perf_counter()
        build_from_documents(docs, tv_path, engine="tantivy")
        tv_build = time.perf_counter() - t
        tv_lat = latency(tv_path, "tantivy", args.repeat)
        tv_fac = latency(tv_path, "tantivy", args.repeat, facets=True)
        tv_totals = {q: search(tv_path, q, engine="tantivy").total for q in QUERIES}
        print()
        print(f"{'at ' + str(n_clauses) + ' clauses':24s} {'build s':>8s} {'size MB':>8s} "
              f"{'p50 ms':>7s} {'p95 ms':>7s}   (search() + top-10 highlights, wall)")
        print(f"{'PostgreSQL':24s} {total_build:8.1f} {sizes['total']:8.0f} "
              f"{pct(pg_lat, 50):7.1f} {pct(pg_lat, 95):7.1f}")
        print(f"{'tantivy':24s} {tv_build:8.1f} {folder_mb(tv_path):8.0f} "
              f"{pct(tv_lat, 50):7.1f} {pct(tv_lat, 95):7.1f}   (with facets p50 "
              f"{pct(tv_fac, 50):.1f}, p95 {pct(tv_fac, 95):.1f})")
        print()
        print(f"{'query':28s} {'postgres':>9s} {'tantivy':>9s}   (hits)")
        for q in QUERIES:
            print(f"{q:28s} {pg_totals[q]:9d} {tv_totals[q]:9d}"
                  + ("" if pg_totals[q] == tv_totals[q] else "   DIFFERENT"))
        print(f"totals equal for every query: {pg_totals == tv_totals}")
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
