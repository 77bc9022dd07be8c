"""Generated documents: jinja2 template → Markdown (pbdocs dialect) → GB/T 9704 .docx / HTML.

Entry points (import from here; everything is lazy):

- `render_markdown(name, context, template_file=None) -> str` — render `templates/<name>.md.j2`
  (or a person's `--template FILE`; its folder is searched first, so `{% include %}` of the
  shipped partials still works). Filters: `md` (text made literal in a paragraph),
  `cell` (literal in a table cell), `fact(label)` (the value, or a highlighted placeholder
  `label` when missing), `cn_date` (`2020-11-30` → `2020年11月30日`), `book` (《》 inside → 〈〉);
  global `placeholder(label)`.
- `markdown_to_docx(md, out, title=None) -> Path` — write the .docx (A4, margins 37/28/35/26 mm,
  22 lines at an exact 28.95 pt, 仿宋_GB2312 3号 body, headings 黑体/楷体_GB2312/仿宋_GB2312,
  title 方正小标宋简体 2号, page numbers `— 1 —` odd right / even left). `build_docx(md)` returns
  the python-docx Document unsaved.
- `markdown_to_html(md, standalone=False) -> str` — the same Markdown as HTML
  (`<div class="pbdocs">…`); `stylesheet()` gives its CSS (from the same style module).
- Documents, through the registry of output kinds (`outputs.py`: notice, taskbook, timetable,
  draft, compare — each with its label, formats, context and writers):
  `write(kind, source, out, template=None, **options) -> Written(out, kind, fmt, count)` (the
  format follows `out`'s extension: .docx, .md, .html, and .xlsx / .ics where the kind has
  them), `write_all(kind, source, outs, …)`, `markdown(kind, source, …)`,
  `preview_html(kind, source, …)`, `KINDS`. Contexts: `notice_context`, `taskbook_context`,
  `timetable_context`, `draft_context`; rows: `taskbook_rows(doc)` (`TaskRow`s).

The Markdown dialect (parsed in one place, `dialect.py`):

    # Title                      标题: 方正小标宋简体 2号, centred
    ## 一、…                      level-1 heading, 黑体
    ### （一）…                   level-2 heading, 楷体_GB2312
    #### 1. …                    level-3 heading, 仿宋_GB2312
    ##### （1）…                  level-4 heading, 仿宋_GB2312
    paragraph                    正文: 仿宋_GB2312 3号, first line indented two characters
    <span class="h2">（一）x。</span>rest   run-in heading: the span in level 2's font (h1–h4)
    <mark>〔 〕号</mark>          a placeholder to fill in (highlighted yellow in Word)
    **x**                        bold
    | a | b |  (pipe table)      table, 小四; the header row repeats on every page;
                                 a cell holding only `<` merges into the cell on its left;
                                 a row merged into one cell is a group row (黑体, shaded);
                                 `<span class="fill">x</span>` in a cell shades the cell
    <!-- pbdocs:pagebreak -->    page break (invisible in other Markdown viewers)

  Container directives, fenced by `::: name [args]` and `:::` (nestable):

    ::: redhead [star]           line 1 发文机关标志 (red, 方正小标宋简体, fitted to one line),
                                 line 2 发文字号 (centred) over the red rule (★ in it with
                                 `star`), then two blank lines; a line `签发人：姓名` puts the
                                 签发人 on the 发文字号 line (a 上行文: the 标志 80 mm down)
    ::: recipients               主送机关, flush left, one blank line before
    ::: signature [sealed]       line 1 署名, line 2 成文日期 (unsealed layout, right-aligned;
                                 `sealed`: the date 4 characters from the right, 署名 centred)
    ::: note                     附注, e.g. （此件公开发布）
    ::: attachments              附件说明 lines: `附件：1.名称`, the next numbers under the first
    ::: check                    a note for the person sending the document (what to check),
                                 highlighted; not part of the document
    ::: label                    附件 mark (`附件1`), 黑体, flush left, blank line after
    ::: center                   centred lines (e.g. a sub-title)
    ::: colophon                 版记: lines starting `抄送` are 抄送 rows; a line ending in
                                 `印发` is the date; another line is the 印发机关; rules thick/
                                 thin/thick, 四号; at the foot of the last text page when it is
                                 even and has room (lines counted, `layout.py`), else of the next
                                 even page
    ::: landscape                the content goes on landscape A4 pages (own section)
    ::: table widths=6,14,40 size=10.5 nowrap=5   the pipe table inside gets these relative
                                 column widths and font size (pt); `nowrap` columns (`5`,
                                 `4-16`) are widened so that their short cells fit on one line.
                                 Every table's rows stay whole; its last rows never stand alone
                                 on a page

  Text from documents must go through `md`/`cell` (escapes Markdown, HTML and control
  characters) and are written with full-width punctuation, damaged places of the source
  marked (`textfix.py`). Styles, fonts and sizes live in `gbt9704.py`; raw XML in `oxml.py`.
"""

from __future__ import annotations

_EXPORTS = {
    "render_markdown": ("pbdocs.generate.templates", "render"),
    "placeholder": ("pbdocs.generate.templates", "placeholder"),
    "markdown_to_docx": ("pbdocs.generate.render_docx", "markdown_to_docx"),
    "build_docx": ("pbdocs.generate.render_docx", "build_docx"),
    "markdown_to_html": ("pbdocs.generate.render_html", "markdown_to_html"),
    "stylesheet": ("pbdocs.generate.render_html", "stylesheet"),
    "escape": ("pbdocs.generate.dialect", "escape"),
    "escape_cell": ("pbdocs.generate.dialect", "escape_cell"),
    "KINDS": ("pbdocs.generate.outputs", "KINDS"),
    "Written": ("pbdocs.generate.outputs", "Written"),
    "write": ("pbdocs.generate.outputs", "write"),
    "write_all": ("pbdocs.generate.outputs", "write_all"),
    "markdown": ("pbdocs.generate.outputs", "markdown"),
    "preview_html": ("pbdocs.generate.outputs", "preview_html"),
    "notice_context": ("pbdocs.generate.notice", "notice_context"),
    "plan_blocks": ("pbdocs.generate.plan", "plan_blocks"),
    "taskbook_rows": ("pbdocs.generate.taskbook", "taskbook_rows"),
    "taskbook_context": ("pbdocs.generate.taskbook", "taskbook_context"),
    "timetable_context": ("pbdocs.generate.timetable", "timetable_context"),
    "draft_context": ("pbdocs.generate.draft", "draft_context"),
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    target = _EXPORTS.get(name)
    if target is None:
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(target[0]), target[1])
