"""`pbdocs similar` and `pbdocs compare`: thin shells over `pbdocs.crossref`."""

from __future__ import annotations

import shutil

import click

from pbdocs.cli.common import corpus_option, emit_json, format_option, handle_errors, index_option


def _documents(corpus_dir: str, index_dir: str):
    """The corpus' parsed documents as a stream (loaded one at a time from the cache, never
    all held); files that fail to parse are reported once and skipped."""
    from pbdocs.corpus import Corpus

    def warn(failure) -> None:
        click.echo(f"未能解析：{failure.path}：{failure.message}", err=True)

    return Corpus(corpus_dir, index_dir).stream(on_error=warn)


@click.command()
@click.option("--clause", "clause_id", help="条款编号，如 hdu-2020-55/二/8")
@click.option("--text", help="一段条款文字（与 --clause 二选一）")
@click.option("--limit", "--top", "limit", type=int, default=10, show_default=True,
              help="最多显示几条")
@click.option("--other-institutions", is_flag=True, help="只看其他院校（排除同一院校的文件）")
@corpus_option
@index_option
@format_option
@handle_errors
def similar(clause_id, text, limit, other_institutions, corpus_dir, index_dir, fmt):
    """找出其他文件中表述同一要求的条款，按相似度排序。"""
    from pbdocs.crossref import similar as run
    from pbdocs.errors import InputError

    if limit < 1:
        raise InputError("返回条数（--limit）必须是正整数。")
    if clause_id is None and text is None:
        raise InputError("请给出要比对的条款编号（--clause）或一段文本（--text），二者选一。")
    docs = _documents(corpus_dir, index_dir)
    result = run(docs, clause_id=clause_id, text=text, top=limit,
                 other_institutions=other_institutions, index_dir=index_dir)
    if fmt == "json":
        emit_json(result)
        return
    hits = result["hits"]
    if not hits:
        click.echo("没有找到相似的条款。")
        return
    width = max(40, shutil.get_terminal_size((100, 24)).columns)
    limit = max(20, (width - 8) // 2 * 3)  # about three lines of Chinese text
    for n, h in enumerate(hits, 1):
        who = h.get("label") or h["institution"] or h["doc_id"]
        click.echo(f"{n}. {who}  {h['clause_id']}  相似度 {h['score']:.2f}")
        body = (h.get("excerpt") or h["text"]).strip()
        more = "……" if body != h["text"].strip() else ""
        click.echo("   " + (body if len(body) <= limit else body[:limit] + "……") + more)


@click.command()
@click.option("--topic", "topics", multiple=True,
              help="比对主题（可重复）：主题名、其中一部分或关键词，如 双带头人、专职组织员")
@click.option("--docs", "doc_ids", multiple=True, help="只比对这些文档（文档编号，可重复）")
@click.option("--out", type=click.Path(dir_okay=False),
              help="写入文件，格式由扩展名决定：.docx（横版公文表格）、.xlsx、.md 或 .html")
@click.option("--title", help="输出文件的标题（默认：各校党建工作要求比对表）")
@click.option("--only-differences", is_flag=True,
              help="只列出各校数值不同的主题（只比较衡量同一事项的数值）")
@corpus_option
@index_option
@format_option
@handle_errors
def compare(topics, doc_ids, out, title, only_differences, corpus_dir, index_dir, fmt):
    """按主题比对各院校的要求：每校的条款摘录与数值，标出不同的数值。"""
    from pbdocs.crossref import compare as run
    from pbdocs.generate import compare as view
    from pbdocs.generate import outputs

    if out:
        outputs.format_of("compare", out)  # a wrong extension is said before any work
    docs = _documents(corpus_dir, index_dir)
    result = run(docs, topics=list(topics) or None, doc_ids=list(doc_ids) or None,
                 index_dir=index_dir, only_differences=only_differences)
    if out:
        written = outputs.write("compare", result, out, title=title)
        if fmt == "json":
            emit_json(written.to_json() | {"institutions": len(result["institutions"])})
        else:
            click.echo(f"已写入 {written.out}：{written.count} 个主题，"
                       f"{len(result['institutions'])} 所院校。")
        return
    if fmt == "json":
        emit_json(result)
        return
    click.echo(view.to_text(result))
