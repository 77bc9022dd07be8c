"""The document store's put at growing sizes: the one-file-per-id layout against the layout it
replaced (which listed the folder with a glob for every document stored).

    .venv/bin/python benchmarks/bench_store.py [--sizes 500 5000 50000] \
        > benchmarks/bench_store.txt

The store folder is filled with N stored documents (small JSON files under the name each layout
uses), then 200 real documents (the bundled ones, under new ids) are put and timed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pbdocs.corpus import Corpus  # noqa: E402
from pbdocs.store import DocStore, atomic_write_text  # noqa: E402

WORK = ROOT / "benchmarks" / "_work" / "store"


def old_put(store: DocStore, doc_id: str, sha: str, text: str) -> None:
    """DocStore.put as it was: remove older versions found by a glob, then write."""
    for old in store.dir.glob(f"{doc_id}.*.json"):
        old.unlink(missing_ok=True)
    atomic_write_text(store.dir / f"{doc_id}.{sha[:16]}.{store.fingerprint}.json", text)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 5000, 50000])
    ap.add_argument("--puts", type=int, default=200)
    args = ap.parse_args()
    print("$ python benchmarks/bench_store.py " + " ".join(sys.argv[1:]))
    docs = list(Corpus(ROOT / "corpus", WORK / "parse-cache").documents())
    texts = [(d.source.sha256, json.dumps(d.to_dict(), ensure_ascii=False)) for d in docs]
    print(f"{'documents in the store':>24s} {'put before (glob)':>18s} {'put now':>10s}")
    for n in args.sizes:
        row = []
        for layout in ("old", "new"):
            folder = WORK / f"{layout}-{n}"
            shutil.rmtree(folder, ignore_errors=True)
            store = DocStore(folder)
            store.dir.mkdir(parents=True)
            for i in range(n):  # the documents already stored
                name = (f"d{i:06d}.{'0' * 16}.{store.fingerprint}.json" if layout == "old"
                        else f"d{i:06d}.json")
                (store.dir / name).write_text("{}", encoding="utf-8")
            t = time.perf_counter()
            for k in range(args.puts):
                sha, text = texts[k % len(texts)]
                if layout == "old":
                    old_put(store, f"new{k:04d}", sha, text)
                else:
                    store.put_json(f"new{k:04d}", sha, text)
            row.append((time.perf_counter() - t) / args.puts * 1000)
            shutil.rmtree(folder, ignore_errors=True)
        print(f"{n:24,d} {row[0]:15.2f} ms {row[1]:7.2f} ms")


if __name__ == "__main__":
    main()
