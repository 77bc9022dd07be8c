"""Score the outline and metadata against the hand-made gold in tests/gold/outline/.

Usage: python benchmarks/gold_outline.py [--out FILE]
Prints per document: section paths and clause paths (precision/recall), section level/number/
heading and clause number/heading/note agreement, and metadata fields right out of total.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "outline"
META = ("title", "kind", "issuer", "institution", "doc_number", "date", "recipients", "notice")


def _pr(gold: set, got: set) -> tuple[float, float]:
    hit = len(gold & got)
    return (hit / len(got) if got else 1.0), (hit / len(gold) if gold else 1.0)


def score(doc, gold: dict) -> dict:
    """Agreement of one parsed document with its gold annotation."""
    gs = {tuple(s["path"]): s for s in gold["sections"]}
    ps = {tuple(s.path): s for s in doc.sections}
    gc = {tuple(c["path"]): c for c in gold["clauses"]}
    pc = {tuple(c.path): c for c in doc.clauses}
    s_fields = [getattr(ps[p], f) == gs[p][f] for p in gs.keys() & ps.keys()
                for f in ("level", "number", "heading")]
    c_fields = [getattr(pc[p], f) == gc[p][f] for p in gc.keys() & pc.keys()
                for f in ("number", "heading", "note") if f in gc[p]]
    meta = []
    for f in META:
        got = getattr(doc, f)
        meta.append((got.to_dict() if hasattr(got, "to_dict") else got) == gold[f])
    return {"sections": _pr(set(gs), set(ps)), "clauses": _pr(set(gc), set(pc)),
            "n_sections": len(gs), "n_clauses": len(gc),
            "section_fields": (sum(s_fields), len(s_fields)),
            "clause_fields": (sum(c_fields), len(c_fields)), "meta": (sum(meta), len(meta))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=None)
    args = ap.parse_args(argv)
    from pbdocs.parse import parse_file

    lines = ["$ python benchmarks/gold_outline.py" + (f" --out {args.out}" if args.out else "")]
    tot = {"s": [0, 0], "c": [0, 0], "sf": [0, 0], "cf": [0, 0], "m": [0, 0]}
    for g in sorted(GOLD.glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        doc = parse_file(ROOT / "corpus" / f"{g.stem}.txt", doc_id=g.stem, extract=False)
        r = score(doc, gold)
        (sp, sr), (cp, cr) = r["sections"], r["clauses"]
        lines.append(
            f"{g.stem:24s} sections {r['n_sections']:3d} P={sp:.3f} R={sr:.3f} | clauses "
            f"{r['n_clauses']:3d} P={cp:.3f} R={cr:.3f} | section fields "
            f"{r['section_fields'][0]}/{r['section_fields'][1]} | clause fields "
            f"{r['clause_fields'][0]}/{r['clause_fields'][1]} | metadata "
            f"{r['meta'][0]}/{r['meta'][1]}")
        for key, (a, b) in (("sf", r["section_fields"]), ("cf", r["clause_fields"]),
                            ("m", r["meta"])):
            tot[key][0] += a
            tot[key][1] += b
        tot["s"][0] += round(sr * r["n_sections"])
        tot["s"][1] += r["n_sections"]
        tot["c"][0] += round(cr * r["n_clauses"])
        tot["c"][1] += r["n_clauses"]
    lines.append(
        f"{'all five':24s} section paths {tot['s'][0]}/{tot['s'][1]} found, clause paths "
        f"{tot['c'][0]}/{tot['c'][1]} found, section fields {tot['sf'][0]}/{tot['sf'][1]}, "
        f"clause fields {tot['cf'][0]}/{tot['cf'][1]}, metadata {tot['m'][0]}/{tot['m'][1]}")
    report = "\n".join(lines) + "\n"
    sys.stdout.write(report)
    if args.out:
        Path(args.out).write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
