"""Measure the labelled-example second opinion (`pbdocs.extract.precedent`) on the task gold:
each invented set scored with no examples at all, and with the examples of every set but its
own (leave one set out), so that no set is scored by a model that has seen it.

Usage: python benchmarks/precedent_ablation.py [--first 2] [--last 49] [--out FILE]
The columns are the tool's suggestions that agree with the gold and the gold-suggested rows
given the same department, without examples and with them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pbdocs.extract.evaluate_tasks import evaluate_tasks  # noqa: E402


def _score(n: int, skip: str) -> tuple[int, int, int, int]:
    os.environ["PBDOCS_PRECEDENTS_SKIP"] = skip
    r = evaluate_tasks(ROOT / f"tests/gold/heldout{n}/tasks",
                       [ROOT / f"tests/fixtures/heldout{n}/corpus"])
    return (r.suggested_rows["agree"], r.suggested_rows["total"],
            r.gold_suggested_rows["agree"], r.gold_suggested_rows["total"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--first", type=int, default=2)
    ap.add_argument("--last", type=int, default=49)
    ap.add_argument("--out")
    args = ap.parse_args(argv)
    lines = [f"$ python benchmarks/precedent_ablation.py --first {args.first} --last {args.last}",
             "", f"{'set':<10}{'suggestions agreeing':>26}{'gold-suggested, same dept':>30}",
             f"{'':<10}{'none':>12}{'others':>14}{'none':>15}{'others':>15}"]
    tot = [0] * 8
    for n in range(args.first, args.last + 1):
        if not (ROOT / f"tests/gold/heldout{n}/tasks").is_dir():
            continue
        a = _score(n, "heldout")  # every example row comes from a heldout set: none is used
        b = _score(n, f"heldout{n}/")
        for i, v in enumerate(a + b):
            tot[i] += v
        lines.append(f"heldout{n:<3}{a[0]:>7}/{a[1]:<4}{b[0]:>9}/{b[1]:<4}"
                     f"{a[2]:>10}/{a[3]:<4}{b[2]:>10}/{b[3]:<4}")
    lines.append(f"{'all':<10}{tot[0]:>7}/{tot[1]:<4}{tot[4]:>9}/{tot[5]:<4}"
                 f"{tot[2]:>10}/{tot[3]:<4}{tot[6]:>10}/{tot[7]:<4}")
    out = "\n".join(lines) + "\n"
    print(out, end="")
    if args.out:
        Path(args.out).write_text(out, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
