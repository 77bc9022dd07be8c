"""`pbdocs evaluate`: extraction precision, recall and F1 per field against hand-made gold."""

from __future__ import annotations

import click

from pbdocs.cli.common import corpus_option, emit_json, format_option, handle_errors

NAMES = {"lead": "牵头部门", "support": "配合部门", "deadlines": "时间要求",
         "recurrences": "周期要求", "targets": "量化目标"}


@click.command()
@click.option("--gold", "gold_dir", default="tests/gold/extract", show_default=True,
              type=click.Path(file_okay=False), help="人工标注目录（每个文档一个 JSON）")
@corpus_option
@format_option
@click.option("--errors", "show_errors", is_flag=True, help="列出每处不一致")
@handle_errors
def evaluate(gold_dir, corpus_dir, fmt, show_errors):
    """按字段评估抽取质量：准确率、召回率与 F1。"""
    from pbdocs.extract.evaluate import FIELDS
    from pbdocs.extract.evaluate import evaluate as run

    report = run(gold_dir, corpus_dir)
    if fmt == "json":
        emit_json(report.to_dict())
        return
    click.echo(f"文档 {report.documents} 篇，条款 {report.clauses} 条")
    click.echo(_pad("字段", 24) + "".join(f"{h:>8}" for h in ("P", "R", "F1", "TP", "FP", "FN")))
    for f in FIELDS:
        s = report.scores[f]
        click.echo(_pad(f"{NAMES[f]} {f}", 24) + f"{s.precision:>8.3f}{s.recall:>8.3f}"
                   f"{s.f1:>8.3f}{s.tp:>8}{s.fp:>8}{s.fn:>8}")
    if show_errors:
        for e in report.errors:
            click.echo(f"{e['clause']} {e['field']}：漏 {e['missed']}，多 {e['extra']}")


def _pad(text: str, width: int) -> str:
    """Left-align text to a display width (a Chinese character takes two columns)."""
    used = sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
    return text + " " * max(1, width - used)
