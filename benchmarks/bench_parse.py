"""Time parsing the bundled corpus: characters per second for read+normalize+outline, and for
the full pipeline (with extraction) separately.

Usage: python benchmarks/bench_parse.py [--rounds N] [--corpus DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def bench(files: list[Path], rounds: int, extract: bool) -> tuple[int, float, float]:
    """Parse every file `rounds` times; return (characters parsed, CPU seconds, wall seconds).

    CPU time is the fairer number on a shared machine: other processes do not inflate it."""
    from pbdocs.markers import clear_cache
    from pbdocs.parse import parse_file

    chars = 0
    cpu, start = time.process_time(), time.perf_counter()
    for _ in range(rounds):
        for f in files:
            clear_cache()  # each text as if seen for the first time
            doc = parse_file(f, extract=extract)
            chars += len(doc.text or "")
    return chars, time.process_time() - cpu, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--corpus", default=str(ROOT / "corpus"))
    ap.add_argument("--out", default=None, help="also write the report to this file")
    args = ap.parse_args(argv)
    files = sorted(p for p in Path(args.corpus).iterdir() if p.suffix == ".txt")
    raw = sum(len(p.read_text(encoding="utf-8")) for p in files)
    lines = [
        f"$ python benchmarks/bench_parse.py --rounds {args.rounds}"
        + (f" --out {args.out}" if args.out else ""),
        (f"python {platform.python_version()}, {platform.machine()}, "
        f"{len(files)} files, {raw} raw characters, {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.1f} at start (shared machine: compare runs at similar load)"),
    ]
    bench(files[:1], 1, extract=False)  # warm caches (lexicons, regexes)
    chars, secs, wall = bench(files, args.rounds, extract=False)
    lines.append(f"read+normalize+outline: {args.rounds} rounds, {chars} chars in {secs:.3f} s CPU "
                 f"= {chars / secs:,.0f} chars/s ({secs / args.rounds / len(files) * 1000:.1f} "
                 f"ms/doc; wall {wall:.3f} s = {chars / wall:,.0f} chars/s)")
    try:
        bench(files[:1], 1, extract=True)  # load the extraction pipeline once
        rounds = max(1, args.rounds // 4)
        chars, secs, wall = bench(files, rounds, extract=True)
        lines.append(f"full pipeline (with extraction): {rounds} rounds, {chars} chars in "
                     f"{secs:.3f} s CPU = {chars / secs:,.0f} chars/s "
                     f"({secs / rounds / len(files) * 1000:.1f} ms/doc; wall {wall:.3f} s = "
                     f"{chars / wall:,.0f} chars/s)")
    except Exception as e:  # noqa: BLE001 - extraction is another stage: report, never fail
        lines.append(f"full pipeline (with extraction): not measured ({type(e).__name__}: {e})")
    report = "\n".join(lines) + "\n"
    sys.stdout.write(report)
    if args.out:
        Path(args.out).write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
