"""How often two people agree: score one hand annotation of task rows against another.

Usage: python benchmarks/gold_agreement.py --a DIR --b DIR [--a DIR --b DIR …] [--out FILE]

Both folders hold task gold in the format of tests/gold/tasks/FORMAT.md for the same documents;
the rows of B are A's rows (same quotes, same order), labelled again by a second person who did
not see A's labels. Fields are compared exactly as `pbdocs evaluate` compares the tool with the
gold (department names through the alias table, time limits by kind, dates and cadence), so
the figures sit beside the tool's: a target the annotators themselves reach on fewer rows cannot
be measured above that level.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pbdocs.extract import lexicon  # noqa: E402
from pbdocs.extract.evaluate_tasks import _gold_due_key, _names, load_gold  # noqa: E402
from pbdocs.lang.text import fold  # noqa: E402


def _suggested(names: dict[str, str]) -> bool:
    return bool(names) and all(b == "suggested" for b in names.values())


def compare(a_dir: Path | list[Path], b_dir: Path | list[Path],
            ) -> tuple[Counter, dict[str, Counter], list[str]]:
    """Agreement counts over every row both folders label, overall and per document, and the
    disagreements as lines (several folders on each side: their documents together)."""
    canonical = lexicon.load().canonical
    a_dirs = a_dir if isinstance(a_dir, list) else [a_dir]
    b_dirs = b_dir if isinstance(b_dir, list) else [b_dir]
    b_docs = {data.get("doc_id") or p.stem: data for d in b_dirs for p, data in load_gold(d)}
    total: Counter = Counter()
    per_doc: dict[str, Counter] = {}
    diffs: list[str] = []
    for path, a in (x for d in a_dirs for x in load_gold(d)):
        doc_id = a.get("doc_id") or path.stem
        b = b_docs.get(doc_id)
        if b is None:
            continue
        c = per_doc.setdefault(doc_id, Counter())
        b_rows = {fold(t["quote"]): t for t in b["tasks"]}
        for ta in a["tasks"]:
            tb = b_rows.get(fold(ta["quote"]))
            if tb is None or not tb.get("lead"):
                c["unlabelled"] += 1
                continue
            la, lb = _names(ta.get("lead"), canonical), _names(tb.get("lead"), canonical)
            row = Counter(rows=1)
            row["lead_same"] = set(la) == set(lb)
            row["lead_basis_same"] = la == lb
            row["support_same"] = (set(_names(ta.get("support"), canonical))
                                   == set(_names(tb.get("support"), canonical)))
            for side, mine, other in (("a", la, lb), ("b", lb, la)):
                if _suggested(mine):
                    row[f"sugg_{side}"] = 1
                    row[f"sugg_{side}_agree"] = set(mine) == set(other)
            if _suggested(la) and _suggested(lb):
                row["sugg_both"] = 1
                row["sugg_both_agree"] = set(la) == set(lb)
            due_a, due_b = _gold_due_key(ta), _gold_due_key(tb)
            row["due_same"] = due_a == due_b
            row["kind_same"] = ta.get("kind") == tb.get("kind")
            c.update(row)
            q = ta["quote"]
            if not row["lead_basis_same"]:
                diffs.append(f"{doc_id[:24]} lead「{q}」：A {la}，B {lb}")
            if not row["due_same"]:
                diffs.append(f"{doc_id[:24]} due「{q}」：A {list(due_a)}，B {list(due_b)}")
            if not row["kind_same"]:
                diffs.append(f"{doc_id[:24]} kind「{q}」：A {ta.get('kind')}，B {tb.get('kind')}")
        total.update(c)
    return total, per_doc, diffs


def _rate(c: Counter, agree: str, n: str) -> str:
    return f"{c[agree] / c[n]:.3f}（{c[agree]}/{c[n]}）" if c[n] else "—"


def report(total: Counter, per_doc: dict[str, Counter], diffs: list[str]) -> list[str]:
    lines = [f"两人都标注的行：{total['rows']}（未标注 {total['unlabelled']}）",
             f"牵头部门相同：{_rate(total, 'lead_same', 'rows')}",
             f"牵头部门及依据都相同：{_rate(total, 'lead_basis_same', 'rows')}",
             f"配合部门相同：{_rate(total, 'support_same', 'rows')}",
             f"A 标为建议的行，B 给出相同部门：{_rate(total, 'sugg_a_agree', 'sugg_a')}",
             f"B 标为建议的行，A 给出相同部门：{_rate(total, 'sugg_b_agree', 'sugg_b')}",
             f"两人都标为建议的行，部门相同：{_rate(total, 'sugg_both_agree', 'sugg_both')}",
             f"完成时限一致：{_rate(total, 'due_same', 'rows')}",
             f"任务类型一致：{_rate(total, 'kind_same', 'rows')}",
             "",
             f"{'文档':<44}{'行':>4}{'牵头同':>8}{'建议同(A)':>10}{'时限同':>8}{'类型同':>8}"]
    for doc, c in per_doc.items():
        lines.append(f"{doc[:42]:<44}{c['rows']:>4}{c['lead_same']:>8}"
                     f"{c['sugg_a_agree']:>5}/{c['sugg_a']:<4}{c['due_same']:>8}"
                     f"{c['kind_same']:>8}")
    return lines + [""] + diffs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--a", required=True, action="append",
                    help="the first annotation (a task-gold folder; may be given several times)")
    ap.add_argument("--b", required=True, action="append",
                    help="the second annotation of the same rows (likewise)")
    ap.add_argument("--out", help="also write the report to this file")
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = ap.parse_args(argv)
    total, per_doc, diffs = compare([Path(x) for x in args.a], [Path(x) for x in args.b])
    if args.json:
        print(json.dumps({"total": total, "per_document": per_doc}, ensure_ascii=False))
        return 0
    lines = report(total, per_doc, diffs)
    text = "\n".join(lines) + "\n"
    if args.out:
        dirs = " ".join(f"--a {a} --b {b}" for a, b in zip(args.a, args.b))
        cmd = f"$ python benchmarks/gold_agreement.py {dirs} --out {args.out}"
        Path(args.out).write_text(cmd + "\n\n" + text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
