"""Score every task-gold set at once (dev and heldoutLO..HI), each held-out set without its own
rows of lexicon/precedents.tsv, and print one line of totals: tasks found, extra rows, lead F1,
suggested leads equal to the label, time limits and kinds agreeing, and the gold rows that share
one tool row with another gold row (the gold splits a sentence the tool keeps whole).
With --dump FILE every gold row's comparison is written as JSON lines (for diffing two codes).

Usage: python benchmarks/gold_tasks_allsets.py LO HI [--dump FILE] [-j N]
"""

import argparse
import json
import os
import sys
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def sets(lo: int, hi: int) -> list:
    out = [("dev", ROOT / "tests/gold/tasks/dev",
            [ROOT / "corpus", ROOT.parent / "shared/devcorpus"])]
    for n in range(lo, hi + 1):
        g = ROOT / f"tests/gold/heldout{n}/tasks"
        if g.is_dir():
            out.append((f"heldout{n}", g, [ROOT / f"tests/fixtures/heldout{n}/corpus"]))
    return out


def run(item) -> list:
    name, gdir, corp = item
    os.environ["PBDOCS_PRECEDENTS_SKIP"] = name + "/" if name != "dev" else ""
    from pbdocs.extract import evaluate_tasks as et
    from pbdocs.extract import lexicon
    from pbdocs.lang.lexicon import extension_dirs
    from pbdocs.lang.text import fold
    from pbdocs.parse import parse_file, slugify

    rows = []
    for path, data in et.load_gold(gdir):
        src = et.find_source(path, data, corp)
        doc_id = data.get("doc_id") or slugify(src.name)
        lex = lexicon.load(extension_dirs(str(src)))
        doc = parse_file(src, doc_id=doc_id)
        canonical = et._own_committee_free(lex.canonical, doc.institution)
        tasks = et.predicted_tasks(doc)
        folded = [fold(t.text) for t in tasks]
        compared, users, mine = set(), {}, []
        for gi, g in enumerate(data["tasks"]):
            q = fold(g["quote"])
            hits = [i for i, f in enumerate(folded) if q and q in f]
            rec = {"set": name, "doc": doc_id, "gi": gi, "quote": g["quote"],
                   "gkind": g.get("kind"), "gdue": list(et._gold_due_key(g)),
                   "glead": et._names(g.get("lead"), canonical)}
            if hits:
                row = next((i for i in hits if i not in compared), hits[0])
                compared.add(row)
                t = tasks[row]
                pred = et._same_college(rec["glead"], et._names(t.lead, canonical))
                rec.update(row=row, text=t.text, pkind=t.kind,
                           pdue=list(et._due_key(et.task_due(t))), plead=pred,
                           why=[d.why for d in t.lead if d.why])
                users.setdefault(row, []).append(gi)
            mine.append(rec)
        for r in mine:
            if "row" in r:
                r["shared"] = len(users[r["row"]]) > 1
        rows += mine
        rows.append({"set": name, "doc": doc_id,
                     "extra": [t.text for i, t in enumerate(tasks) if i not in users]})
    return rows


def summary(rows: list) -> str:
    c = dict.fromkeys(("gold", "found", "fp", "due", "kind", "tp", "lfp", "lfn", "sugg",
                       "sugg_ok", "shared", "shared_due"), 0)
    for r in rows:
        if "extra" in r:
            c["fp"] += len(r["extra"])
            continue
        c["gold"] += 1
        if "row" not in r:
            continue
        c["found"] += 1
        c["due"] += r["gdue"] == r["pdue"]
        c["kind"] += r["gkind"] == r["pkind"]
        g, p = set(r["glead"]), set(r["plead"])
        c["tp"] += len(g & p)
        c["lfp"] += len(p - g)
        c["lfn"] += len(g - p)
        if p and all(b == "suggested" for b in r["plead"].values()):
            c["sugg"] += 1
            c["sugg_ok"] += g == p
        if r.get("shared"):
            c["shared"] += 1
            c["shared_due"] += r["gdue"] == r["pdue"]
    f1 = 2 * c["tp"] / max(1, 2 * c["tp"] + c["lfp"] + c["lfn"])
    return (f"gold {c['gold']} found {c['found']} extra rows {c['fp']} | lead F1 {f1:.4f} | "
            f"suggestions {c['sugg_ok']}/{c['sugg']} | time {c['due']}/{c['found']} | "
            f"kinds {c['kind']}/{c['found']} | shared rows {c['shared']}, time "
            f"{c['shared_due']}/{c['shared']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("lo", type=int)
    ap.add_argument("hi", type=int)
    ap.add_argument("--dump")
    ap.add_argument("-j", type=int, default=2)
    args = ap.parse_args()
    rows: list = []
    with Pool(args.j) as pool:
        for part in pool.imap(run, sets(args.lo, args.hi)):
            rows += part
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(summary(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
