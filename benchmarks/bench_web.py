"""Web UI page times, on the bundled corpus and on a large synthetic one.

    /work/venv/bin/python benchmarks/bench_web.py [--docs 1000] [--repeat 5] \
        > benchmarks/bench_web.txt

For each corpus: a corpus folder of text files whose parsed documents are already cached in
`index/docs` (as after `pbdocs index`; the synthetic documents come from
`bench_search.synthetic_corpus`, written as files so the web app finds them) and a built
search index. Each page is fetched once cold (a new app: documents read from the cache,
cross-reference index fitted) and then `--repeat` times warm through Flask's test client;
the table gives the cold time and the warm median. Generation (task book, college draft) is
timed once each. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]  # the library and bench_search


def pages(doc_id: str, clause_id: str) -> list[tuple[str, str]]:
    """(label, address) of the pages a person uses."""
    return [
        ("home (document list)", "/"),
        ("search 三会一课", "/search?q=三会一课"),
        ("search 党支部, page 2", "/search?q=党支部&page=2"),
        ("search 党支部, filtered by year", "/search?q=党支部&year=2020"),
        ("search 党支部, sorted by date", "/search?q=党支部&sort=new&page=2"),
        ("search 党支部, grouped by document", "/search?q=党支部&group=1"),
        ("browse: clauses led by 党委组织部", "/search?lead=党委组织部"),
        ("search by 文号", "/search?q=杭电组〔2020〕55号"),
        ("export 党支部 hits as .xlsx", "/search/export?q=党支部&fmt=xlsx"),
        ("document page, searched within", f"/doc/{doc_id}?q=党支部"),
        ("document page", f"/doc/{doc_id}"),
        ("clause page + similar", f"/clause/{clause_id}"),
        ("compare, one topic (a job; cold = until made)", "/compare?run=1&topic=三会一课"),
        ("compare form", "/compare"),
    ]


def synthetic_folder(base: Path, n_docs: int) -> tuple[Path, Path]:
    """A corpus of n_docs synthetic plans as files, their parsed form cached, and an index."""
    from bench_search import seed_documents, synthetic_corpus

    from pbdocs.search import build_from_documents
    from pbdocs.store import DocStore

    corpus, index = base / "corpus", base / "index"
    corpus.mkdir(parents=True)
    store = DocStore(index)
    docs = synthetic_corpus(seed_documents(), n_docs, random.Random(7))
    for doc in docs:
        path = corpus / f"{doc.id}.txt"
        body = "\n".join([doc.title or ""] + [c.text for c in doc.clauses])
        path.write_text(body, encoding="utf-8")
        doc.source.path = str(path)
        doc.source.sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
        store.put(doc)
    build_from_documents(docs, index)
    return corpus, index


def bundled_folder(base: Path) -> tuple[Path, Path]:
    """The bundled corpus copied, parsed and indexed."""
    from pbdocs.search import build_index

    corpus, index = base / "corpus", base / "index"
    shutil.copytree(ROOT / "corpus", corpus)
    build_index(corpus, index)
    return corpus, index


def measure(label: str, corpus: Path, index: Path, out: Path, repeat: int) -> None:
    """Print the cold and warm time of every page, and of two generated documents."""
    from pbdocs.web import create_app

    app = create_app(corpus, index, out)
    backend = app.extensions["pbdocs"]
    client = app.test_client()
    t = time.perf_counter()
    docs, _ = backend.documents()
    load = time.perf_counter() - t
    doc = max(docs, key=lambda d: len(d.clauses))
    clause = next((c for c in doc.clauses if "三会一课" in c.text), doc.clauses[-1])
    print(f"\n## {label}: {len(docs)} documents, {sum(len(d.clauses) for d in docs)} clauses")
    print(f"(first listing of the corpus, documents read from the cache: {load * 1000:.0f} ms)\n")
    print(f"| page | status | cold ms | warm median ms (n={repeat}) |")
    print("|---|---|---|---|")
    for name, url in pages(doc.id, clause.id):
        t = time.perf_counter()
        r = client.get(url)
        if r.status_code == 303 and "/jobs/" in r.headers["Location"]:  # made in a job
            backend.jobs.wait(r.headers["Location"].rsplit("/", 1)[1], timeout=600)
            r = client.get(url)
        cold = time.perf_counter() - t
        warm = []
        for _ in range(repeat):
            t = time.perf_counter()
            client.get(url)
            warm.append(time.perf_counter() - t)
        print(f"| {name} | {r.status_code} | {cold * 1000:.0f} | "
              f"{statistics.median(warm) * 1000:.0f} |")
    import re

    token = re.search(r'name="csrf_token" value="([^"]+)"',
                      client.get("/generate").data.decode()).group(1)
    for kind in ("taskbook", "draft"):
        t = time.perf_counter()
        r = client.post("/generate", data={"doc": doc.id, "kind": kind, "fmt": "docx",
                                           "college": "计算机学院", "csrf_token": token})
        print(f"| generate {kind} .docx | {r.status_code} | {(time.perf_counter() - t) * 1000:.0f}"
              " | — |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000, help="synthetic corpus size")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    print("# bench_web")
    print(f"python {platform.python_version()}, {platform.machine()}; command: "
          f"benchmarks/bench_web.py --docs {args.docs} --repeat {args.repeat}")
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        base = Path(tmp)
        measure("bundled corpus", *bundled_folder(base / "b"), base / "b-out", args.repeat)
        t = time.perf_counter()
        corpus, index = synthetic_folder(base / "s", args.docs)
        print(f"\n(synthetic corpus written, cached and indexed in "
              f"{time.perf_counter() - t:.1f} s)")
        measure(f"synthetic corpus ({args.docs})", corpus, index, base / "s-out", args.repeat)


if __name__ == "__main__":
    main()
