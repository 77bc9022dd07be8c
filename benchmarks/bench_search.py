"""Search speed on a deterministic synthetic corpus recombined from the seed clauses.

    .venv/bin/python benchmarks/bench_search.py [--docs 5000] [--repeat 5] [--jobs N] \
        > benchmarks/bench_search.txt

Reports, in one run and on the same clause texts: index build rate (documents/s) for whoosh
and for tantivy-py (both fed pbdocs' jieba analysis), the time of that analysis alone, and
query latency p50/p95 over a fixed query set for (a) the engine alone, (b) the whole
`pbdocs.search.search` call with the top 10 hits highlighted, and (c) a plain linear scan
over the normalised clause texts (AND of the query's words; top 10 highlighted too).
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pbdocs.corpus import Corpus  # noqa: E402
from pbdocs.model import Document, Section, Source  # noqa: E402
from pbdocs.search import analysis, build_from_documents, get_backend, search  # noqa: E402
from pbdocs.search.backend import Filters  # noqa: E402
from pbdocs.search.highlight import highlight  # noqa: E402
from pbdocs.search.indexdir import IndexDir  # noqa: E402
from pbdocs.search.query import And, Or, Terms, parse_query, positive_terms  # noqa: E402

WORK = ROOT / "benchmarks" / "_work"
QUERIES = [
    "双带头人", "三会一课", "组织部", "专职组织员", "主题党日", "党支部书记",
    "标杆院系 AND 样板支部", "谈心谈话 OR 民主生活会", "党建 NOT 学生", '"教师党支部书记"',
    "意识形态", "发展党员", "考核评价", "理论学习", "基层党组织", "思想政治工作", "全面从严治党",
    "辅导员", "(培训 OR 轮训) AND 党务干部", "党建工作 创新",
]
SCAN = "linear scan (substring AND/OR/NOT over normalised texts)"
KINDS = ["实施方案", "实施意见", "行动计划", "通知"]
CAMPUS = "东南西北中"


def seed_documents() -> list[Document]:
    """The bundled corpus, parsed (cached under benchmarks/_work)."""
    return list(Corpus(ROOT / "corpus", WORK / "parse-cache").documents())


def synthetic_corpus(seeds: list[Document], n_docs: int, rng: random.Random) -> list[Document]:
    """n_docs documents whose clauses recombine seed clauses and their sentences."""
    clauses = [c for d in seeds for c in d.clauses if c.text]
    headings = [s.heading for d in seeds for s in d.sections if s.heading]
    numerals = "一二三四五六七八九十"
    out = []
    for i in range(n_docs):
        inst = f"{CAMPUS[i % 5]}部示范大学{i % 400:03d}"  # 400 synthetic institutions
        year = 2018 + i % 6
        doc = Document(id=f"syn-{i:05d}", source=Source(f"synthetic/{i}.txt", "txt", f"{i:064x}"),
                       title=f"中共{inst}委员会关于加强党的建设的{KINDS[i % 4]}",
                       kind=KINDS[i % 4], institution=inst, date=f"{year}-0{1 + i % 9}-15")
        n_sections = rng.randint(2, 4)
        for s in range(n_sections):
            doc.sections.append(Section([numerals[s]], 1, f"{numerals[s]}、", rng.choice(headings)))
        for j in range(rng.randint(6, 14)):
            a, b = rng.choice(clauses), rng.choice(clauses)
            sa = [x for x in a.text.split("。") if x]
            sb = [x for x in b.text.split("。") if x]
            text = "。".join(sa[: max(1, len(sa) // 2)] + sb[len(sb) // 2:]) + "。"
            sec = numerals[j % n_sections]
            path = [sec, str(j + 1)]
            doc.clauses.append(replace(a, id=f"{doc.id}/{sec}/{j + 1}", path=path,
                                       number=f"{j + 1}.", text=text,
                                       support=list(a.support) + list(b.lead)))
        out.append(doc)
    return out


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of values, in ms."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * len(s) + 0.5) - 1))] * 1000


def scan_matches(node, norm: str) -> bool:
    """Whether a normalised clause text satisfies a parsed query, by substring tests."""
    if isinstance(node, Terms):  # a run of words (quoted or not) occurs as one string
        return "".join(node.words) in norm
    if isinstance(node, Or):
        return any(scan_matches(n, norm) for n in node.should)
    if isinstance(node, And):
        return all(scan_matches(n, norm) for n in node.must) and not any(
            scan_matches(n, norm) for n in node.must_not)
    raise TypeError(type(node))


def timed(fn, repeat: int) -> list[float]:
    """CPU times of `repeat` calls of fn over every query (CPU, not wall: the benchmark
    machine is shared, and other processes must not count against us)."""
    times = []
    for _ in range(repeat):
        for q in QUERIES:
            t = time.process_time()
            fn(q)
            times.append(time.process_time() - t)
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--seed", type=int, default=20201130)
    ap.add_argument("--jobs", type=int, default=None,
                    help="processes analysing the clauses for the build (default: cores)")
    args = ap.parse_args()
    rng = random.Random(args.seed)

    print("$ python benchmarks/bench_search.py " + " ".join(sys.argv[1:]))
    seeds = seed_documents()
    docs = synthetic_corpus(seeds, args.docs, rng)
    texts = [c.text for d in docs for c in d.clauses]
    n_clauses = len(texts)
    print(f"corpus: {len(docs)} synthetic documents, {n_clauses} clauses, "
          f"{sum(map(len, texts)) / n_clauses:.0f} characters per clause on average, "
          f"recombined from {sum(len(d.clauses) for d in seeds)} seed clauses (seed {args.seed})")
    print(f"machine: Python {platform.python_version()}, {platform.machine()}; "
          f"queries: {len(QUERIES)} x {args.repeat} repeats")
    print()

    analysis.tokens("预热分词词典")
    sample = texts[:: max(1, len(texts) // 5000)]  # a sample keeps the run short
    t = time.process_time()
    for x in sample:
        analysis.tokens(x)
    per_clause = (time.process_time() - t) / len(sample)
    print(f"jieba analysis alone (clause texts, {len(sample)} sampled): "
          f"{per_clause * 1000:.2f} CPU ms/clause = {1 / (per_clause * n_clauses / len(docs)):.0f}"
          f" docs/s")

    from pbdocs.parallel import default_jobs

    jobs = args.jobs or default_jobs()
    indexes = {}
    for engine in ("whoosh", "tantivy"):
        path = WORK / f"ix-{engine}"
        shutil.rmtree(path, ignore_errors=True)
        t, w = time.process_time(), time.perf_counter()
        build_from_documents(docs, path, engine=engine, jobs=jobs)
        dt, wall = time.process_time() - t, time.perf_counter() - w
        indexes[engine] = path
        print(f"index build {engine:8s}: {wall:6.1f} s wall = {len(docs) / wall:6.0f} docs/s "
              f"({n_clauses / wall:.0f} clauses/s; analysis in {jobs} processes; "
              f"{dt:.1f} CPU s in the parent; load {os.getloadavg()[0]:.1f})")
    print()

    results = {}
    for engine, path in indexes.items():
        gen, _ = IndexDir(path).live(engine)
        backend = get_backend(engine, gen)
        parsed = {q: parse_query(q) for q in QUERIES}

        def engine_only(q, backend=backend, parsed=parsed):
            return backend.search(parsed[q], Filters(), 10, 0)

        for q in QUERIES:  # warm the engine's caches and the dictionary shards
            engine_only(q)
            search(path, q, engine=engine)
        results[f"{engine} engine only (parsed query, top 10, exact total)"] = timed(
            engine_only, args.repeat)
        results[f"{engine} search() + top-10 highlights"] = timed(
            lambda q, path=path, engine=engine: search(path, q, engine=engine), args.repeat)
        results[f"{engine} search() + highlights + facets (the web UI's call)"] = timed(
            lambda q, path=path, engine=engine: search(path, q, engine=engine, facets=True),
            args.repeat)
        totals = {q: search(path, q, engine=engine).total for q in QUERIES}
        results[f"_totals_{engine}"] = totals

    norms = [analysis.normalize(x)[0] for x in texts]

    def scan(q, hl=False):
        node = parse_query(q)
        hits = [i for i, n in enumerate(norms) if scan_matches(node, n)]
        if hl:
            terms, phrases = positive_terms(node)
            for i in hits[:10]:
                highlight(texts[i], terms, phrases)
        return hits

    results[SCAN] = timed(scan, 1)
    results["linear scan + top-10 highlights"] = timed(lambda q: scan(q, True), 1)

    print(f"{'query latency (CPU time per query)':62s} {'p50 ms':>8s} {'p95 ms':>8s}")
    for name, vals in results.items():
        if name.startswith("_"):
            continue
        print(f"{name:62s} {pct(vals, 50):8.2f} {pct(vals, 95):8.2f}")
    print()

    def ratio(a, b, p):
        return pct(results[a], p) / pct(results[b], p)

    scan_hl = "linear scan + top-10 highlights"
    for engine in ("whoosh", "tantivy"):
        full = f"{engine} search() + top-10 highlights"
        only = f"{engine} engine only (parsed query, top 10, exact total)"
        print(f"scan / {engine} with highlights: p50 {ratio(scan_hl, full, 50):.1f}x, "
              f"p95 {ratio(scan_hl, full, 95):.1f}x; engine only vs scan: p50 "
              f"{ratio(SCAN, only, 50):.1f}x, p95 {ratio(SCAN, only, 95):.1f}x")
    w, tv = ("whoosh engine only (parsed query, top 10, exact total)",
             "tantivy engine only (parsed query, top 10, exact total)")
    print(f"whoosh / tantivy, engine only: p50 {ratio(w, tv, 50):.1f}x, "
          f"p95 {ratio(w, tv, 95):.1f}x")
    wh, th = "whoosh search() + top-10 highlights", "tantivy search() + top-10 highlights"
    print(f"whoosh / tantivy, with highlights: p50 {ratio(wh, th, 50):.1f}x, "
          f"p95 {ratio(wh, th, 95):.1f}x")
    print()
    tw, tt = results["_totals_whoosh"], results["_totals_tantivy"]
    scan_totals = {q: len(scan(q)) for q in QUERIES}
    print(f"{'query':28s} {'whoosh':>7s} {'tantivy':>7s} {'scan':>7s}   (hits)")
    for q in QUERIES:
        print(f"{q:28s} {tw[q]:7d} {tt[q]:7d} {scan_totals[q]:7d}")


if __name__ == "__main__":
    main()
