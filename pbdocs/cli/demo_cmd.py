"""`pbdocs demo`: the main job end to end on a corpus — parse, index, search, generate."""

from __future__ import annotations

from pathlib import Path

import click

from pbdocs.cli.common import corpus_option, handle_errors, index_option

# The output kinds (of pbdocs.generate.outputs) the demo writes for the first document.
DEMO_KINDS = ("taskbook", "notice")


@click.command()
@corpus_option
@index_option
@click.option("--out", "out_dir", default="out", show_default=True,
              type=click.Path(file_okay=False), help="生成文件的输出目录")
@click.option("--query", default="双带头人", show_default=True, help="演示检索的关键词")
@handle_errors
def demo(corpus_dir, index_dir, out_dir, query):
    """演示完整流程：解析语料、建立索引、检索，并生成一份任务分解表和印发通知。"""
    from pbdocs.corpus import Corpus
    from pbdocs.generate.outputs import get, write
    from pbdocs.search import build_index, search

    click.echo(f"1. 解析并建立索引：{corpus_dir} → {index_dir}")
    stats = build_index(corpus_dir, index_dir)
    click.echo(f"   文档 {stats['documents']} 份，条款 {stats['clauses']} 条，"
               f"新增 {stats['added']}，更新 {stats['updated']}，移除 {stats['removed']}，"
               f"用时 {stats['seconds']:.1f} 秒")
    for f in stats.get("failures", []):
        click.echo(f"   未能解析：{f['message']}", err=True)

    corpus = Corpus(corpus_dir, index_dir)
    docs = list(corpus.documents())
    for d in docs:
        click.echo(f"   · {d.id}：{d.title or '（无标题）'}（{d.institution or '未署院校'}，"
                   f"{len(d.sections)} 个标题，{len(d.clauses)} 条条款）")

    result = search(index_dir, query, limit=5)
    click.echo(f"\n2. 检索“{query}”：共 {result.total} 条，前 {len(result.hits)} 条：")
    for h in result.hits:
        hit = h.to_dict()
        click.echo(f"   · [{hit['institution'] or hit['doc_id']}] {hit['clause_id']}："
                   f"{hit['highlight'][:80]}")

    if not docs:
        click.echo("\n3. 语料中没有可解析的文件，未生成文档。")
        return
    out = Path(out_dir)
    doc = max(docs, key=_bases)  # the first whose task book shows the most kinds of lead
    click.echo(f"\n3. 为 {doc.id} 生成公文：")
    for kind in DEMO_KINDS:
        k = get(kind)
        w = write(kind, doc, out / f"{doc.id}-{k.file_word}.docx")
        rows = f"（{w.count} 行）" if w.count is not None else ""
        click.echo(f"   · {k.label}{rows}：{w.out}")
        for line in (w.note, w.remark):  # (the summary; what to check, as for the command)
            if line:
                click.echo(f"     {line}")


def _bases(doc) -> int:
    """How many kinds of lead a document's task book shows (stated, named in the text,
    suggested): the demo shows one with all three where there is one."""
    return len({d.basis for c in doc.clauses for t in c.tasks for d in t.lead})
