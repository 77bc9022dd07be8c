"""Write `pbdocs/lexicon/precedents.tsv`: the labelled examples of `pbdocs.extract.precedent`.

Every task of the invented task-gold sets (tests/gold/heldout2..N) that names nobody and that the
writer gave to departments (`suggested`) is one row: the departments, who issued the document,
its title, the task's sentence and where it comes from. The bundled plans and the real texts of
../shared/devcorpus are left out, so that no fact about a real document is learned; sets after
--last are left out until they have been scored once.

Usage: python benchmarks/build_precedents.py [--last 49] [--out pbdocs/lexicon/precedents.tsv]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pbdocs.extract import lexicon, suggest  # noqa: E402
from pbdocs.extract.evaluate_tasks import find_source, load_gold  # noqa: E402
from pbdocs.lang.lexicon import extension_dirs  # noqa: E402
from pbdocs.parse import parse_file  # noqa: E402

HEADER = """\
# 建议牵头部门的标注样例：原文没有写明由谁负责的任务，标注者（熟悉高校党建分工的人）交给了哪个
# 部门。pbdocs 用这些样例对职责表（duties.tsv）的建议作第二意见：样例把握大得多时，建议改用
# 样例的部门，并注明依据。每行：牵头部门（规范名，多个以“、”分隔）<TAB>发文者<TAB>文件标题<TAB>
# 任务所在的句子<TAB>来源。发文者是发文的职能部门的规范名，学校或学校党委发的写“学校”，学院、
# 支部等发的写“本单位”。本文件由 benchmarks/build_precedents.py 从虚构院校的标注集生成，
# 不含真实文件的内容。本校的分工不同时，可在语料目录的 lexicon/precedents.tsv 里写同样格式的行。
"""


def _sentence(text: str, quote: str) -> str | None:
    i = text.find(quote)
    if i < 0:
        return None
    a = max(text.rfind(c, 0, i) for c in "。；;\n") + 1
    ends = [j for j in (text.find(c, i + len(quote)) for c in "。；;\n") if j >= 0]
    return re.sub(r"\s+", "", text[a:min(ends) if ends else len(text)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--last", type=int, default=49)
    ap.add_argument("--out", default=str(ROOT / "pbdocs/lexicon/precedents.tsv"))
    args = ap.parse_args(argv)
    lines = []
    for n in range(2, args.last + 1):
        gold_dir = ROOT / f"tests/gold/heldout{n}/tasks"
        if not gold_dir.is_dir():
            continue
        for path, data in load_gold(gold_dir):
            src = find_source(path, data, [ROOT / f"tests/fixtures/heldout{n}/corpus"])
            lex = lexicon.load(extension_dirs(str(src)))
            departments = set(lex.departments.values())
            doc = parse_file(src, doc_id=data.get("doc_id") or path.stem)
            issuer = suggest.issuer_kind(doc, lex.canonical, departments.__contains__)
            raw = src.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("gb18030", errors="replace")
            for t in data.get("tasks", []):
                leads = t.get("lead") or []
                if not leads or any(x.get("basis") != "suggested" for x in leads):
                    continue
                names = sorted({lex.canonical(x["name"]) for x in leads})
                if not all(x in departments for x in names):
                    continue
                sent = _sentence(text, t["quote"])
                if not sent:
                    continue
                title = re.sub(r"\s+", "", doc.title or "")
                lines.append("\t".join(["、".join(names), issuer, title, sent,
                                        f"heldout{n}/{doc.id}"]))
    Path(args.out).write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} rows -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
