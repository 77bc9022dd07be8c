"""`pbdocs evaluate`: extraction precision, recall and F1 per field against hand-made gold;
with `--tasks`, the task level: tasks found, leads and supports per basis, agreement of
suggested leads, time limits and kinds."""

from __future__ import annotations

import click

from pbdocs.cli.common import emit_json, format_option, handle_errors

NAMES = {"lead": "牵头部门", "support": "配合部门", "deadlines": "时间要求",
         "recurrences": "周期要求", "targets": "量化目标"}
BASIS_NAMES = {"stated": "明确", "text": "文中", "suggested": "建议"}
TASK_GOLD = "tests/gold/tasks/dev"


@click.command()
@click.option("--gold", "gold_dir", default=None, type=click.Path(file_okay=False),
              help="人工标注目录（每个文档一个 JSON；默认 tests/gold/extract，"
                   "加 --tasks 时默认 tests/gold/tasks/dev）")
@click.option("--corpus", "corpus_dirs", multiple=True, type=click.Path(file_okay=False),
              help="语料目录（可多次给出；默认 corpus；任务标注按其中的 source 找原文）")
@click.option("--tasks", "tasks_mode", is_flag=True,
              help="按任务评估：任务、牵头与配合部门（分依据）、建议部门、完成时限与任务类型")
@format_option
@click.option("--errors", "show_errors", is_flag=True, help="列出每处不一致")
@handle_errors
def evaluate(gold_dir, corpus_dirs, tasks_mode, fmt, show_errors):
    """按字段评估抽取质量：准确率、召回率与 F1（加 --tasks 按任务评估）。"""
    if tasks_mode:
        _tasks(gold_dir or TASK_GOLD, list(corpus_dirs) or ["corpus"], fmt, show_errors)
        return
    from pbdocs.extract.evaluate import FIELDS
    from pbdocs.extract.evaluate import evaluate as run

    report = run(gold_dir or "tests/gold/extract", (corpus_dirs or ("corpus",))[0])
    if fmt == "json":
        emit_json(report.to_dict())
        return
    click.echo(f"文档 {report.documents} 篇，条款 {report.clauses} 条")
    click.echo(_pad("字段", 24) + "".join(f"{h:>8}" for h in ("P", "R", "F1", "TP", "FP", "FN")))
    for f in FIELDS:
        s = report.scores[f]
        click.echo(_row(f"{NAMES[f]} {f}", s))
    if show_errors:
        for e in report.errors:
            click.echo(f"{e['clause']} {e['field']}：漏 {e['missed']}，多 {e['extra']}")


def _row(label: str, s) -> str:
    return (_pad(label, 24) + f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
            f"{s.tp:>8}{s.fp:>8}{s.fn:>8}")


def _rate(c: dict) -> str:
    return f"{c['rate']:.3f}（{c['agree']}/{c['total']}）" if c["total"] else "—（0/0）"


def _tasks(gold_dir: str, corpus_dirs: list[str], fmt: str, show_errors: bool) -> None:
    from pbdocs.extract.evaluate_tasks import evaluate_tasks

    report = evaluate_tasks(gold_dir, corpus_dirs)
    data = report.to_dict()
    if fmt == "json":
        emit_json(data)
        return
    click.echo(f"文档 {report.documents} 篇，标注任务 {report.gold_tasks} 项，"
               f"识别任务 {report.predicted_tasks} 项")
    click.echo(_pad("字段", 24) + "".join(f"{h:>8}" for h in ("P", "R", "F1", "TP", "FP", "FN")))
    click.echo(_row("任务 tasks", report.tasks))
    click.echo(_row("牵头部门 lead", report.lead))
    for b, name in BASIS_NAMES.items():
        click.echo(_row(f"  其中{name} {b}", report.lead_by_basis[b]))
    click.echo(_row("配合部门 support", report.support))
    for b, name in BASIS_NAMES.items():
        click.echo(_row(f"  其中{name} {b}", report.support_by_basis[b]))
    click.echo(f"工具建议的牵头部门与标注一致：{_rate(data['suggested_agreement'])}；"
               f"有交集：{data['suggested_overlap']['agree']}/{data['suggested_overlap']['total']}")
    click.echo(f"标注为建议的任务，工具给出相同部门：{_rate(data['gold_suggested_agreement'])}")
    click.echo(f"完成时限一致：{_rate(data['time_limit_agreement'])}")
    click.echo(f"任务类型一致：{_rate(data['kind_agreement'])}")
    cov = data["lead_coverage"]
    share = cov["with_lead"] / cov["rows"] if cov["rows"] else 0.0
    click.echo(f"有牵头部门的行：{cov['with_lead']}/{cov['rows']}（{share:.1%}）；"
               f"标注为非任务却成行：{data['not_task_rows']}")
    click.echo("")
    click.echo(_pad("文档", 44) + "".join(_pad(h, 8) for h in (
        "标注", "识别", "找到", "有牵头", "牵头对", "时限对", "类型对")))
    for d in data["per_document"]:
        cells = (d["gold"], d["predicted"], d["found"], d["with_lead"], d["lead_tp_fp_fn"][0],
                 d["time_limit_agree"], d["kind_agree"])
        click.echo(_pad(d["doc"][:42], 44) + "".join(_pad(str(x), 8) for x in cells))
    if show_errors:
        click.echo("")
        for e in data["errors"]:
            click.echo(_error(e))


def _error(e: dict) -> str:
    where = e["doc"][:24]
    if e["field"] == "task":
        if e.get("missed"):
            return f"{where} 漏任务：{e['quote']}"
        return f"{where} 多出的行：{e['text'][:60]}"
    why = f"（{'、'.join(e['why'])}）" if e.get("why") else ""
    return f"{where} {e['field']}「{e['quote']}」：标注 {e['gold']}，识别 {e['predicted']}{why}"


def _pad(text: str, width: int) -> str:
    """Left-align text to a display width (a Chinese character takes two columns)."""
    used = sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
    return text + " " * max(1, width - used)
