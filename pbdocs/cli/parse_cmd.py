"""`pbdocs parse FILE…`."""

from __future__ import annotations

import click

from pbdocs.cli.common import emit_json, handle_errors


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "text", "md"]), default="text",
              show_default=True, help="json：契约格式；text：元数据与大纲树；md：Markdown")
@handle_errors
def parse(files, fmt):
    """解析政策文件，输出元数据、大纲与条款。"""
    from pbdocs.parse import parse_file

    docs = [parse_file(f) for f in files]
    if fmt == "json":
        emit_json(docs[0].to_dict() if len(docs) == 1 else [d.to_dict() for d in docs])
    else:
        for d in docs:
            click.echo(f"{d.id}：{d.title}")
