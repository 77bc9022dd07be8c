"""Builders of input files in every format, for the reader and round-trip tests."""

from __future__ import annotations

from html import escape
from pathlib import Path

NAV_HTML = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>党建工作-学校网站</title>
<style>body {{ font-size: 14px }}</style>
<script>var visits = 12345; document.write("统计代码");</script></head>
<body>
<header class="site-header"><img src="logo.png" alt="学校"><h1>党委组织部</h1></header>
<nav class="main-nav"><ul><li><a href="/">首页</a></li><li><a href="/a">机构设置</a></li>
<li><a href="/b">党建工作</a></li><li><a href="/c">通知公告</a></li></ul></nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/b">党建工作</a></div>
<div class="wrapper">
<aside class="sidebar"><h3>栏目导航</h3><a href="/x">组织建设</a><a href="/y">干部工作</a></aside>
<div class="article">
{body}
</div>
<ul class="related"><li><a href="/1">相关新闻一</a></li><li><a href="/2">相关新闻二</a></li>
<li><a href="/3">相关新闻三</a></li></ul>
</div>
<footer><p>版权所有 &copy; 某某大学 地址：某某路1号</p><a href="#top">返回顶部</a></footer>
<script>trackPageView();</script>
</body></html>
"""


def seed_paragraphs(text: str) -> list[str]:
    """The non-empty lines of a plain text: one paragraph each (a .docx/.html/.pdf paragraph)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def write_docx(path: Path, paragraphs: list[str], indent: bool = False,
               official: bool = False) -> Path:
    """A .docx with one paragraph per item (first-line indent of two characters when asked).

    `official`: laid out like an official document: 16 pt justified text with a two-character
    indent, a running header, and `— n —` page numbers from a PAGE field in the footer."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Pt

    document = docx.Document()
    size = 16 if official else 10.5
    if official:
        document.styles["Normal"].font.size = Pt(size)
        section = document.sections[0]
        section.header.paragraphs[0].text = "内部资料 注意保存"
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("— ")
        footer.add_run()._r.append(parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
        footer.add_run(" —")
    for p in paragraphs:
        para = document.add_paragraph(p)
        if indent or official:
            para.paragraph_format.first_line_indent = Pt(2 * size)
        if official:
            para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    document.save(path)
    return path


def nav_html(paragraphs: list[str], charset: str = "utf-8") -> str:
    """An HTML page with the paragraphs as <p> inside navigation, header, footer and scripts."""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return NAV_HTML.format(charset=charset, body=body)


def write_pdf(path: Path, paragraphs: list[str], header: str | None = "内部资料 注意保存",
              page_numbers: bool = True) -> Path:
    """A PDF in reportlab's built-in Chinese font, paragraphs wrapped by the page width with a
    two-character first-line indent, a running header and `— n —` page numbers."""
    from xml.sax.saxutils import escape as xml_escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=20,
                           wordWrap="CJK", firstLineIndent=24)

    def decorate(canvas, doc):
        canvas.setFont("STSong-Light", 9)
        if header:
            canvas.drawCentredString(A4[0] / 2, A4[1] - 40, header)
        if page_numbers:
            canvas.drawCentredString(A4[0] / 2, 30, f"— {doc.page} —")

    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Paragraph(xml_escape(p), style) for p in paragraphs],
              onFirstPage=decorate, onLaterPages=decorate)
    return path
