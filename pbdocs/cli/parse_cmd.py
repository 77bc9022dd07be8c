"""`pbdocs parse FILE… [--format json|text|md]`."""

from __future__ import annotations

import sys

import click

from pbdocs.cli.common import emit_json, handle_errors
from pbdocs.errors import PbdocsError


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "text", "md"]), default="text",
              show_default=True, help="json：契约格式；text：元数据与大纲树；md：Markdown")
@handle_errors
def parse(files, fmt):
    """解析政策文件（txt、docx、html、md、pdf、doc），输出元数据、大纲与条款。

    给出多个文件时，能解析的照常输出，不能解析的每个在标准错误上说明一句，最后汇总（退出码 2）。
    """
    from pbdocs.parse import parse_file
    from pbdocs.present import render_markdown, render_text

    docs = []
    failures: list[tuple[str, int]] = []
    for f in files:
        try:
            docs.append(parse_file(f))
        except PbdocsError as e:
            click.echo(f"错误：{e}", err=True)
            failures.append((f, e.exit_code))
        except Exception as e:  # noqa: BLE001 - one bad file must not hide the others' results
            click.echo(f"错误：解析 {f} 时发生内部错误（{type(e).__name__}：{e}），"
                       "请带上该文件报告此问题。", err=True)
            failures.append((f, 1))
    if docs:
        if fmt == "json":
            emit_json(docs[0].to_dict() if len(files) == 1 else [d.to_dict() for d in docs])
        else:
            render = render_markdown if fmt == "md" else render_text
            sep = "\n---\n\n" if fmt == "md" else "\n"
            click.echo(sep.join(render(d) for d in docs), nl=False)
    if failures:
        if len(files) > 1:
            names = "、".join(f for f, _ in failures)
            click.echo(f"共 {len(files)} 个文件，{len(failures)} 个未能解析：{names}。", err=True)
        sys.exit(2 if any(code == 2 for _, code in failures) else 1)
