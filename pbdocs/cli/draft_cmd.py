"""`pbdocs draft DOC --college NAME --out F.docx`: a college's implementation plan, drafted."""

from __future__ import annotations

from pathlib import Path

import click

from pbdocs.cli.common import corpus_option, emit_json, fail, handle_errors, index_option

_SUFFIX_FORMAT = {".docx": "docx", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


@click.command()
@click.argument("doc", required=False)
@click.option("--college", help="学院名称，如“计算机与信息工程学院”（必填）")
@click.option("--out", "out", type=click.Path(dir_okay=False), help="输出文件（必填）")
@click.option("--roles", "roles_file", type=click.Path(dir_okay=False),
              help="角色文件：每行“角色=姓名”，如“党委书记=张三”")
@click.option("--start", help="方案起始月份 YYYY-MM（默认：学校方案成文的次月）")
@click.option("--committee", help="学院党组织全称（默认由学院名称推出：中共×××委员会）")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "html", "json"]), default=None,
              help="文件格式（默认按 --out 的扩展名，否则 docx）；json：照常写文件并打印 JSON")
@click.option("--json", "as_json", is_flag=True, help="写文件后打印 JSON：{\"out\", \"tasks\"}")
@click.option("--template", type=click.Path(dir_okay=False),
              help="自定义 jinja2 模板（默认 templates/draft.md.j2）")
@corpus_option
@index_option
@handle_errors
def draft(doc, college, out, roles_file, start, committee, fmt, as_json, template, corpus_dir,
          index_dir):
    """由学校实施方案生成二级学院贯彻落实实施方案（讨论稿），含任务分解表。"""
    if not doc:
        fail("请给出学校方案：语料库中的文档编号或文件路径。")
    if not college or not college.strip():
        fail("请用 --college 给出学院名称，如 --college 计算机与信息工程学院。")
    if not out:
        fail("请用 --out 给出输出文件，如 --out 学院实施方案.docx。")
    if fmt == "json":
        as_json, fmt = True, None
    if fmt is None:
        fmt = _SUFFIX_FORMAT.get(Path(out).suffix.lower(), "docx")

    from pbdocs.corpus import Corpus
    from pbdocs.generate.draft import write_draft

    document = Corpus(corpus_dir, index_dir).load(doc)
    result = write_draft(document, college, out, fmt=fmt, roles_file=roles_file, start=start,
                         template=template, committee=committee)
    if as_json:
        emit_json(result)
    else:
        click.echo(f"已生成{college.strip()}实施方案讨论稿：{result['out']}"
                   f"（任务分解表{result['tasks']}项）")
