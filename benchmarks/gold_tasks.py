"""Score the task books against the hand-made task gold (tests/gold/tasks/, FORMAT.md there) and
count, for each bundled plan, the rows that have a lead and of which basis.

Usage: python benchmarks/gold_tasks.py [--gold DIR] [--out FILE]
The default gold is tests/gold/tasks/dev (the part the rules were tuned on). The held-out part
(tests/gold/tasks/heldout) is scored once, at the end: `--gold tests/gold/tasks/heldout`.
Texts are found through each gold file's `source`, else in corpus/ and ../shared/devcorpus/.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from click.testing import CliRunner  # noqa: E402

from pbdocs.cli import main  # noqa: E402


def coverage() -> list[str]:
    """Rows with a lead, per bundled plan, and the lead summary of its task book."""
    from pbdocs.corpus import Corpus
    from pbdocs.generate.taskbook import lead_summary, lead_summary_text, taskbook_rows
    from pbdocs.parse import parse_file

    out = []
    for doc_id, path in Corpus(ROOT / "corpus").files().items():
        rows = taskbook_rows(parse_file(path, doc_id=doc_id))
        counts = lead_summary(rows)
        led = len(rows) - counts["none"]
        out.append(f"{doc_id:<24} {led:>3}/{len(rows):<3} rows with a lead "
                   f"({led / len(rows):.1%})  {lead_summary_text(counts)}")
    return out


def main_(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", default=str(ROOT / "tests" / "gold" / "tasks" / "dev"))
    ap.add_argument("--out")
    args = ap.parse_args(argv)
    corpora = [str(ROOT / "corpus"), str(ROOT.parent / "shared" / "devcorpus")]
    cmd = ["evaluate", "--tasks", "--gold", args.gold]
    for c in corpora:
        cmd += ["--corpus", c]
    result = CliRunner().invoke(main, cmd)
    if result.exit_code != 0:
        print(result.output, file=sys.stderr)
        return result.exit_code
    shown = " ".join(a for a in sys.argv[1:])
    lines = [f"$ python benchmarks/gold_tasks.py {shown}".rstrip(), "",
             result.output.rstrip()]
    if "heldout" not in args.gold:
        lines += ["", "Task books of the bundled plans (rows with a lead):", *coverage()]
    text = "\n".join(lines) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main_())
