"""`pbdocs notice|taskbook|timetable DOC --out F.docx`: Word documents in the GB/T 9704 format."""

from __future__ import annotations

from pathlib import Path

import click

from pbdocs.cli.common import (
    corpus_option,
    emit_json,
    fail,
    format_option,
    handle_errors,
    index_option,
)

_doc_arg = click.argument("doc", required=False)
_out_opt = click.option("--out", "out", type=click.Path(dir_okay=False),
                        help="输出的 Word 文件（.docx，必填）")
_tpl_opt = click.option("--template", type=click.Path(dir_okay=False),
                        help="自定义 jinja2 模板（默认 templates/ 下的同名模板）")
_html_opt = click.option("--html", "html_out", type=click.Path(dir_okay=False),
                         help="另存一份 HTML 预览")


def _load(doc: str | None, out: str | None, corpus_dir: str, index_dir: str):
    if not doc:
        fail("请给出文件：语料库中的文档编号或文件路径。")
    if not out:
        fail("请用 --out 给出输出文件，如 --out 通知.docx。")
    if Path(out).suffix.lower() != ".docx":
        fail(f"--out 应是 .docx 文件：{out}")
    from pbdocs.corpus import Corpus

    return Corpus(corpus_dir, index_dir).load(doc)


def _html(md: str, path: str | None, title: str) -> None:
    if not path:
        return
    from pbdocs.generate.output import save
    from pbdocs.generate.render_html import markdown_to_html

    html = markdown_to_html(md, standalone=True, title=title)
    save(path, lambda p: p.write_text(html, encoding="utf-8"))


@click.command()
@_doc_arg
@_out_opt
@click.option("--issuer", help="发文机关（默认取自原文）")
@click.option("--number", help="发文字号，如“某组〔2020〕5号”（默认取自原文）")
@click.option("--date", help="成文日期，如 2020-11-30（默认取自原文）")
@click.option("--to", help="主送机关，以“、”分隔（默认取自原文）")
@click.option("--cc", help="抄送机关，以“、”或“，”分隔（可选）")
@click.option("--printer", help="版记中的印发机关（默认为发文机关）")
@click.option("--star/--no-star", default=None, help="红色分隔线中加五角星（默认：党组织发文加）")
@click.option("--verb", type=click.Choice(["印发", "转发", "批转"]), default="印发",
              show_default=True, help="印发本机关文件，转发上级或不相隶属机关文件，批转下级文件")
@_tpl_opt
@_html_opt
@format_option
@corpus_option
@index_option
@handle_errors
def notice(doc, out, issuer, number, date, to, cc, printer, star, verb, template, html_out, fmt,
           corpus_dir, index_dir):
    """生成印发（转发、批转）通知（GB/T 9704 格式），正文后另起一页附方案全文。"""
    document = _load(doc, out, corpus_dir, index_dir)
    from pbdocs.generate.notice import notice_markdown, write_notice

    facts = {"issuer": issuer, "number": number, "date": date, "to": to, "cc": cc,
             "printer": printer,
                 "star": star}
    path = write_notice(document, out, template, **facts)
    _html(notice_markdown(document, template, **facts) if html_out else "", html_out,
          document.title or "")
    if fmt == "json":
        emit_json({"out": str(path)})
    else:
        click.echo(f"已生成{verb}通知：{path}")


@click.command()
@_doc_arg
@_out_opt
@click.option("--by-dept", is_flag=True, help="另按牵头部门各出一张任务清单")
@click.option("--xlsx", "xlsx_out", type=click.Path(dir_okay=False),
              help="另存为 Excel 表格（带筛选、冻结表头）")
@_tpl_opt
@_html_opt
@format_option
@corpus_option
@index_option
@handle_errors
def taskbook(doc, out, by_dept, xlsx_out, template, html_out, fmt, corpus_dir, index_dir):
    """生成任务分解表（横向 A4，表头每页重复）。"""
    document = _load(doc, out, corpus_dir, index_dir)
    from pbdocs.generate.taskbook import taskbook_context, taskbook_rows, write_taskbook, write_xlsx
    from pbdocs.generate.templates import render

    path, rows = write_taskbook(document, out, template, by_dept=by_dept)
    if xlsx_out:
        write_xlsx(taskbook_rows(document), xlsx_out, by_dept=by_dept)
    if html_out:
        _html(render("taskbook", taskbook_context(document, by_dept), template), html_out,
              document.title or "")
    if fmt == "json":
        emit_json({"out": str(path), "rows": rows})
    else:
        extra = f"；Excel：{xlsx_out}" if xlsx_out else ""
        click.echo(f"已生成任务分解表：{path}（{rows}项任务{extra}）")


@click.command()
@_doc_arg
@_out_opt
@click.option("--ics", "ics_out", type=click.Path(dir_okay=False),
              help="另存日历文件（.ics），含有明确日期的时间节点")
@_tpl_opt
@_html_opt
@format_option
@corpus_option
@index_option
@handle_errors
def timetable(doc, out, ics_out, template, html_out, fmt, corpus_dir, index_dir):
    """生成时间表：按月排列阶段、节点、经常性工作和长期坚持事项。"""
    document = _load(doc, out, corpus_dir, index_dir)
    from pbdocs.generate.templates import render
    from pbdocs.generate.timetable import timetable_context, write_timetable

    path, rows = write_timetable(document, out, template)
    events = None
    if ics_out:
        from pbdocs.generate.ics import write_ics

        _, events = write_ics(document, ics_out)
    if html_out:
        _html(render("timetable", timetable_context(document), template), html_out,
              document.title or "")
    if fmt == "json":
        emit_json({"out": str(path), "rows": rows})
    else:
        extra = f"；日历：{ics_out}（{events}个事件）" if ics_out else ""
        click.echo(f"已生成时间表：{path}（{rows}行{extra}）")
