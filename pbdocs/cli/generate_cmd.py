"""`pbdocs notice|taskbook|timetable|draft DOC --out F.docx`: the generated documents, one
command per output kind of the registry (`pbdocs.generate.outputs`). The file's format follows
the extension of `--out` (the kind's formats: .docx, .md, .html, and .xlsx / .ics where it has
them); `--format` says what is printed (text for a person, json for a program)."""

from __future__ import annotations

from collections.abc import Callable

import click

from pbdocs.cli.common import corpus_option, emit_json, format_option, handle_errors, index_option


def _formats(kind: str) -> str:
    from pbdocs.generate.outputs import get

    return "、".join(f".{f}" for f in get(kind).formats)


def _common(kind: str) -> Callable:
    """The arguments and options every document command has, in one decorator."""

    def deco(func: Callable) -> Callable:
        for option in reversed([
            click.argument("doc", metavar="DOC"),
            click.option("--out", "out", required=True, type=click.Path(dir_okay=False),
                         help=f"输出文件，格式由扩展名决定（{_formats(kind)}）"),
            click.option("--template", type=click.Path(dir_okay=False),
                         help="自定义 jinja2 模板（默认 templates/ 下的同名模板）"),
            click.option("--html", "html_out", type=click.Path(dir_okay=False),
                         help="另存一份 HTML 预览"),
            click.option("--keep-punct", is_flag=True,
                         help="保留原文的标点（默认把原文中的半角标点改为全角）"),
            format_option, corpus_option, index_option,
        ]):
            func = option(func)
        return func

    return deco


def _run(kind: str, doc: str, out: str, extras: list[str | None], template: str | None,
         html_out: str | None, fmt: str, corpus_dir: str, index_dir: str,
         say: Callable[[list], str], keep_punct: bool = False, **options) -> None:
    """Check every output file's format, load the document, write the files (context built
    once), and print what was written (and, on stderr, what the person should know)."""
    from pbdocs.corpus import Corpus
    from pbdocs.generate.outputs import format_of, write_all

    outs = [o for o in (out, *extras, html_out) if o]
    for o in outs:
        format_of(kind, o)  # a wrong extension is said before any parsing
    document = Corpus(corpus_dir, index_dir).load(doc)
    written = write_all(kind, document, outs, template,
                        punctuation="source" if keep_punct else "full", **options)
    if fmt == "json":
        emit_json(written[0].to_json())
    else:
        click.echo(say(written))
    if written[0].remark:
        click.echo(written[0].remark, err=True)


@click.command()
@_common("notice")
@click.option("--issuer", help="发文机关（默认取自原文）")
@click.option("--number", help="发文字号，如“某组〔2020〕5号”（默认取自原文）")
@click.option("--date", help="成文日期，如 2020-11-30（默认取自原文）")
@click.option("--to", help="主送机关，以“、”分隔（默认取自原文）")
@click.option("--cc", help="抄送机关，以“、”或“，”分隔（可选）")
@click.option("--printer", help="版记中的印发机关（默认为发文机关）")
@click.option("--star/--no-star", default=None, help="红色分隔线中加五角星（默认：党组织发文加）")
@click.option("--verb", type=click.Choice(["印发", "转发", "批转"]), default=None,
              help="印发本机关文件，转发上级或不相隶属机关文件，批转下级文件（默认：方案用印发；"
                   "原文本身是通知时按原通知排版，--issuer 为其他机关时转发）")
@click.option("--title", help="原文标题（原文没有标题或标题有误时给出）")
@click.option("--sealed", is_flag=True, help="加盖印章的版式：成文日期右空四字，署名以日期居中")
@click.option("--signer", help="签发人姓名（上行文），以“、”分隔；写在发文字号同一行")
@click.option("--attachment", "attachments", multiple=True,
              help="附件名称，可重复给出（默认取自原文的附件说明）")
@handle_errors
def notice(doc, out, template, html_out, keep_punct, fmt, corpus_dir, index_dir, issuer, number,
           date, to, cc, printer, star, verb, title, sealed, signer, attachments):
    """生成通知（GB/T 9704 格式）：方案用印发通知，正文后另起一页附方案全文；原文本身是通知时
    按公文格式排版原通知（或转发）。"""
    _run("notice", doc, out, [], template, html_out, fmt, corpus_dir, index_dir,
         lambda w: f"已生成通知：{w[0].out}", keep_punct,
         issuer=issuer, number=number, date=date, to=to, cc=cc, printer=printer, star=star,
         verb=verb, title=title, sealed=sealed, signer=signer,
         attachments=list(attachments) or None)


@click.command()
@_common("taskbook")
@click.option("--by-dept", is_flag=True, help="另按牵头部门各出一张任务清单")
@click.option("--xlsx", "xlsx_out", type=click.Path(dir_okay=False),
              help="另存为 Excel 表格（.xlsx，带筛选、冻结表头）")
@click.option("--no-suggest", "no_suggest", is_flag=True,
              help="不列出工具建议的部门，只列原文写明或文中点名的部门")
@handle_errors
def taskbook(doc, out, template, html_out, keep_punct, fmt, corpus_dir, index_dir, by_dept,
             xlsx_out, no_suggest):
    """生成任务分解表（横向 A4，表头每页重复；也可写成 .xlsx）。"""
    _run("taskbook", doc, out, [xlsx_out], template, html_out, fmt, corpus_dir, index_dir,
         lambda w: f"已生成任务分解表：{w[0].out}（{w[0].count}项任务"
                   + "".join(f"；Excel：{x.out}" for x in w[1:] if x.fmt == "xlsx") + "）"
                   + (f"\n{w[0].note}" if w[0].note else ""),
         keep_punct, by_dept=by_dept, suggest=not no_suggest)


@click.command()
@_common("timetable")
@click.option("--ics", "ics_out", type=click.Path(dir_okay=False),
              help="另存日历文件（.ics），含有明确日期的时间节点")
@handle_errors
def timetable(doc, out, template, html_out, keep_punct, fmt, corpus_dir, index_dir, ics_out):
    """生成时间表：按月排列阶段、节点、经常性工作和长期坚持事项（也可写成 .ics 日历）。"""
    _run("timetable", doc, out, [ics_out], template, html_out, fmt, corpus_dir, index_dir,
         lambda w: f"已生成时间表：{w[0].out}（{w[0].count}"
                   + ("个事件" if w[0].fmt == "ics" else "行")
                   + "".join(f"；日历：{x.out}（{x.count}个事件）" for x in w[1:]
                             if x.fmt == "ics") + "）", keep_punct)


@click.command()
@_common("draft")
@click.option("--college", required=True, help="学院名称，如“计算机与信息工程学院”")
@click.option("--roles", "roles_file", type=click.Path(dir_okay=False),
              help="角色文件：每行“角色=姓名”，如“党委书记=张三”")
@click.option("--start", help="方案起始月份 YYYY-MM（默认：学校方案成文的次月）")
@click.option("--committee", help="学院党组织全称（默认由学院名称推出：中共×××委员会）")
@click.option("--json", "as_json", is_flag=True, hidden=True, help="同 --format json")
@handle_errors
def draft(doc, out, template, html_out, keep_punct, fmt, corpus_dir, index_dir, college,
          roles_file, start, committee, as_json):
    """由学校实施方案生成二级学院贯彻落实实施方案（讨论稿），含任务分解表。"""
    _run("draft", doc, out, [], template, html_out, "json" if as_json else fmt, corpus_dir,
         index_dir,
         lambda w: f"已生成{college.strip()}实施方案讨论稿：{w[0].out}"
                   f"（任务分解表{w[0].count}项）", keep_punct,
         college=college, roles_file=roles_file, start=start, committee=committee)
