"""`pbdocs index`, `pbdocs search` and `pbdocs show`: thin shells over `pbdocs.search`."""

from __future__ import annotations

import sys

import click

from pbdocs.cli.common import corpus_option, emit_json, format_option, handle_errors, index_option

ENGINE_CHOICE = click.Choice(["whoosh", "tantivy", "postgres"])
db_option = click.option(
    "--db", default=None, metavar="URL",
    help="PostgreSQL 数据库地址（--engine postgres 时使用，如 postgresql://postgres@127.0.0.1:5432/"
         "pbdocs；也可设置环境变量 PBDOCS_DATABASE_URL）")


def _depts(ds: list[dict[str, str]]) -> str:
    from pbdocs.lang.wording import dept_labels

    return dept_labels(ds)


def _clause_path(rec) -> str:
    return " / ".join(rec.path)


@click.command()
@corpus_option
@index_option
@click.option("--rebuild", is_flag=True, help="丢弃现有索引，全部重建")
@click.option("--engine", type=ENGINE_CHOICE, default=None,
              help="检索引擎：whoosh（默认）、tantivy（需 pip install pbdocs[tantivy]）"
                   "或 postgres（多台机器共用的数据库）")
@db_option
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="并行解析的进程数（默认：本机的处理器核数）")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS",
              help="把解析分批交给 Dask 集群（调度器地址，如 tcp://10.0.0.5:8786）")
@format_option
@handle_errors
def index(corpus_dir, index_dir, rebuild, engine, db, jobs, dask_address, fmt):
    """解析语料并建立或更新检索索引（只重新解析新增或改动的文件）。"""
    from pbdocs.search import build_index, resolve_engine

    engine = resolve_engine(index_dir, engine, db)
    show = fmt == "text" and sys.stderr.isatty()

    def progress(i: int, n: int, doc_id: str) -> None:
        if show:
            done = min(20, i * 20 // max(n, 1))
            bar = "█" * done + "░" * (20 - done)
            click.echo(f"\r正在解析 {bar} {i}/{n}：{doc_id}\033[K", err=True, nl=False)

    summary = build_index(corpus_dir, index_dir, rebuild=rebuild, engine=engine,
                          progress=progress, jobs=jobs, dask=dask_address, db=db)
    if show:
        click.echo("\r\033[K", err=True, nl=False)
    if fmt == "json":
        emit_json(summary)
    else:
        for f in summary["failures"]:
            click.echo(f"未能解析：{f['path']}：{f['message']}", err=True)
        if summary.get("repaired"):
            click.echo("原有索引已损坏（文件被改动或截断），已从头重建。", err=True)
        click.echo(f"索引已更新（{engine}）：{summary['documents']} 篇文档，"
                   f"{summary['clauses']} 条条款；新增 {summary['added']}，"
                   f"更新 {summary['updated']}，删除 {summary['removed']}；"
                   f"用时 {summary['seconds']:.1f} 秒。")
    failures = summary["failures"]
    if failures:  # like `parse`: the good files are indexed, the run still says it was not all
        n = summary["documents"] + len(failures)
        click.echo(f"共 {n} 个文件，{len(failures)} 个未能解析："
                   f"{'、'.join(str(f['path']) for f in failures)}。", err=True)
        sys.exit(2)


@click.command()
@click.argument("query", nargs=-1, required=True)
@index_option
@click.option("--inst", help="只看某所学校（全称或其中一部分）")
@click.option("--dept", help="只看某部门牵头或配合的条款（如：组织部）")
@click.option("--year", help="只看某年的文件（四位年份）")
@click.option("--kind", help="只看某一文种（如：实施方案、实施意见）")
@click.option("--limit", type=click.IntRange(min=0), default=10, show_default=True,
              help="最多显示几条")
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
              help="跳过前几条（翻页）")
@click.option("--facets", is_flag=True, help="同时列出按学校、按部门的命中条数")
@click.option("--engine", type=ENGINE_CHOICE, default=None,
              help="检索引擎（默认为最近建索引所用的）")
@db_option
@format_option
@handle_errors
def search(query, index_dir, inst, dept, year, kind, limit, offset, facets, engine, db, fmt):
    """在条款中检索：词语、"短语"、AND / OR / NOT、括号。"""
    from pbdocs.search import search as run

    q = " ".join(query)
    result = run(index_dir, q, inst=inst, dept=dept, year=year, kind=kind, limit=limit,
                 offset=offset, facets=facets, engine=engine, db=db)
    if fmt == "json":
        emit_json(result.to_dict())
        return
    tty = sys.stdout.isatty()
    if result.total == 0:
        click.echo(f"没有找到与“{q}”匹配的条款。")
    else:
        last = offset + len(result.hits)
        shown = f"，以下是第 {offset + 1}–{last} 条" if result.hits else ""
        click.echo(f"共 {result.total} 条条款与“{q}”匹配{shown}：")
    for n, hit in enumerate(result.hits, offset + 1):
        r = hit.record
        title = f"《{r.title}》" if r.title else r.doc_id
        click.echo("")
        click.echo(f"{n}. {r.institution or '（未注明单位）'} {title}  {_clause_path(r)}")
        marks = ("\033[1;31m", "\033[0m") if tty else ("【", "】")
        passage = hit.highlight.marked(*marks)
        click.echo(f"   {passage}")
        if r.lead or r.support:
            parts = []
            if r.lead:
                parts.append(f"牵头：{_depts(r.lead)}")
            if r.support:
                parts.append(f"配合：{_depts(r.support)}")
            click.echo("   " + "；".join(parts))
        click.echo(f"   条款编号：{r.clause_id}")
    if result.facets is not None:
        click.echo("")
        for key, label in (("institution", "按学校"), ("department", "按部门")):
            counts = sorted(result.facets.get(key, {}).items(), key=lambda kv: (-kv[1], kv[0]))
            body = "，".join(f"{k} {v}" for k, v in counts) or "无"
            click.echo(f"{label}：{body}")


@click.command()
@click.argument("clause_id")
@index_option
@click.option("--engine", type=ENGINE_CHOICE, default=None,
              help="检索引擎（默认为最近建索引所用的）")
@db_option
@format_option
@handle_errors
def show(clause_id, index_dir, engine, db, fmt):
    """显示一条条款及其上下文：所在文件、上级标题、全文、牵头与配合部门。"""
    from dataclasses import asdict

    from pbdocs.search import get_clause

    r = get_clause(index_dir, clause_id, engine=engine, db=db)
    if fmt == "json":
        emit_json(asdict(r))
        return
    title = f"《{r.title}》" if r.title else "（无标题）"
    click.echo(f"{r.institution or '（未注明单位）'} {title}")
    facts = [x for x in (r.doc_number, r.date, r.kind) if x]
    if facts:
        click.echo("　".join(facts))
    click.echo(f"条款编号：{r.clause_id}")
    for depth, a in enumerate(r.ancestors):
        click.echo(f"{'  ' * depth}{a.get('number') or ''} {a.get('heading') or ''}".rstrip())
    indent = "  " * len(r.ancestors)
    number = r.number or (r.path[-1] if r.path else "")
    click.echo(f"{indent}{number} {r.heading or ''}".rstrip())
    click.echo("")
    click.echo(r.text)
    click.echo("")
    click.echo(f"牵头部门：{_depts(r.lead) or '（未写明）'}")
    click.echo(f"配合部门：{_depts(r.support) or '（未写明）'}")
    click.echo(f"来源文件：{r.source}")
