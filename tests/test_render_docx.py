"""The renderer: dialect Markdown → .docx in the GB/T 9704 format, and → HTML."""

from __future__ import annotations

import pytest
from docx import Document as open_docx
from docx.enum.section import WD_ORIENT
from docx.shared import Mm

from pbdocs.generate import dialect, oxml
from pbdocs.generate import gbt9704 as G
from pbdocs.generate.render_docx import markdown_to_docx
from pbdocs.generate.render_html import markdown_to_html

SAMPLE = """::: redhead
中共某某大学委员会文件
某大组〔2020〕55号
:::

# 关于印发《某某方案》的通知

::: recipients
各二级学院党委：
:::

现将《某某方案》印发给你们，请结合实际认真贯彻落实。

::: signature
中共某某大学委员会
2020年11月30日
:::

<!-- pbdocs:pagebreak -->

# 某某方案

## 一、总体要求

### （一）指导思想

#### 1. 强化引领

##### （1）细则

<span class="h2">（二）工作目标。</span>到2022年底全面完成。

::: landscape
::: table widths=2,10,20
| 序号 | 重点任务 | 具体举措 |
|---|---|---|
| 一、总体要求 | < | < |
| 1 | 强化引领 | <span class="fill">健全制度</span> |
:::
:::

::: colophon
抄送：校领导。
中共某某大学委员会办公室
2020年11月30日印发
:::
"""


def _mm(length) -> float:
    return length / Mm(1)


def _para(doc, text):
    return next(p for p in doc.paragraphs if p.text.replace("\n", "").strip() == text)


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory):
    out = tmp_path_factory.mktemp("render") / "sample.docx"
    markdown_to_docx(SAMPLE, out)
    return open_docx(str(out))


def test_page_size_and_margins(sample_docx):
    sec = sample_docx.sections[0]
    assert abs(_mm(sec.page_width) - 210) < 1 and abs(_mm(sec.page_height) - 297) < 1
    assert abs(_mm(sec.top_margin) - 37) < 1 and abs(_mm(sec.bottom_margin) - 35) < 1
    assert abs(_mm(sec.left_margin) - 28) < 1 and abs(_mm(sec.right_margin) - 26) < 1


def test_fonts_sizes_and_line_pitch(sample_docx):
    d = sample_docx
    title = _para(d, "某某方案")
    assert oxml.east_asia_font(title.runs[0]) == "方正小标宋简体"
    assert title.runs[0].font.size.pt == 22
    body = _para(d, "现将《某某方案》印发给你们，请结合实际认真贯彻落实。")
    assert oxml.east_asia_font(body.runs[0]) == "仿宋_GB2312"
    assert body.runs[0].font.size.pt == 16
    normal = d.styles["Normal"]
    assert abs(normal.paragraph_format.line_spacing.pt - 28.95) < 0.01
    assert oxml.east_asia_font(normal) == "仿宋_GB2312"
    for text, font in (("一、总体要求", "黑体"), ("（一）指导思想", "楷体_GB2312"),
                       ("1. 强化引领", "仿宋_GB2312"), ("（1）细则", "仿宋_GB2312")):
        p = _para(d, text)
        assert oxml.east_asia_font(p.runs[0]) == font, text
        assert p.runs[0].font.size.pt == 16
    runin = _para(d, "（二）工作目标。到2022年底全面完成。")
    assert oxml.east_asia_font(runin.runs[0]) == "楷体_GB2312"
    assert oxml.east_asia_font(runin.runs[1]) == "仿宋_GB2312"


def test_no_theme_fonts_left(sample_docx):
    xml = sample_docx.styles.element.xml
    assert "eastAsiaTheme" not in xml and "asciiTheme" not in xml


def test_red_masthead_and_rule(sample_docx):
    mast = _para(sample_docx, "中共某某大学委员会文件")
    assert str(mast.runs[0].font.color.rgb) == "FF0000"
    assert oxml.east_asia_font(mast.runs[0]) == "方正小标宋简体"
    number = _para(sample_docx, "某大组〔2020〕55号")
    border = oxml.paragraph_border(number, "bottom")
    assert border["color"] == "FF0000" and border["val"] == "single"


def test_page_numbers_odd_right_even_left(sample_docx):
    assert sample_docx.settings.odd_and_even_pages_header_footer
    sec = sample_docx.sections[0]
    odd, even = sec.footer, sec.even_page_footer
    assert oxml.has_page_field(odd._element) and oxml.has_page_field(even._element)
    assert odd.paragraphs[0].alignment == 2 and even.paragraphs[0].alignment == 0  # right/left
    assert odd.paragraphs[0].text.startswith("— ") and odd.paragraphs[0].text.endswith(" —")
    assert oxml.east_asia_font(odd.paragraphs[0].runs[0]) == "宋体"
    assert odd.paragraphs[0].runs[0].font.size.pt == 14


def test_landscape_table_with_repeated_header_and_merges(sample_docx):
    secs = sample_docx.sections
    assert secs[0].orientation == WD_ORIENT.PORTRAIT
    land = [s for s in secs if s.orientation == WD_ORIENT.LANDSCAPE]
    assert land and abs(_mm(land[0].page_width) - 297) < 1
    t = sample_docx.tables[0]
    assert len(t.columns) == 3 and len(t.rows) == 3
    assert oxml.is_repeat_header(t.rows[0]) and not oxml.is_repeat_header(t.rows[1])
    assert t.rows[1].cells[0].text == "一、总体要求" == t.rows[1].cells[2].text  # merged
    assert oxml.cell_shading(t.rows[2].cells[2]) == G.SPAN_FILL
    # portrait again after the landscape block
    assert secs[-1].orientation == WD_ORIENT.PORTRAIT


def test_colophon_alone_on_an_even_last_page_without_number(sample_docx):
    from docx.enum.section import WD_SECTION

    last = sample_docx.sections[-1]
    assert last.start_type == WD_SECTION.EVEN_PAGE
    assert not oxml.has_page_field(last.footer._element)
    assert not oxml.has_page_field(last.even_page_footer._element)
    assert oxml.has_page_field(sample_docx.sections[0].footer._element)


def test_colophon_rules(sample_docx):
    t = sample_docx.tables[-1]
    assert t.rows[0].cells[0].text == "抄送：校领导。"
    assert t.rows[-1].cells[1].text == "2020年11月30日印发"
    borders = t._tbl.tblPr.xml
    assert 'w:sz="8"' in borders and 'w:sz="6"' in borders  # 0.35 mm thick, 0.25 mm thin


def test_control_characters_are_cleaned(tmp_path):
    out = markdown_to_docx("# 标\x0b题\n\n正文\x00\x1f含控制符\x0c。\n\n| a |\n|---|\n| b\x07 |\n",
                           tmp_path / "c.docx")
    d = open_docx(str(out))
    assert any(p.text == "正文含控制符。" for p in d.paragraphs)


def test_escape_keeps_text_literal():
    src = dialect.escape("1. 第一 *重点* <b>x</b> | y & z\x0b")
    html = markdown_to_html(src)
    assert "1. 第一 *重点* &lt;b&gt;x&lt;/b&gt; | y &amp; z" in html
    assert "<ol>" not in html and "<em>" not in html


def test_long_cell_wraps_in_fixed_layout(tmp_path):
    long = "很长的内容" * 200
    out = markdown_to_docx(f"| 序号 | 内容 |\n|---|---|\n| 1 | {long} |\n", tmp_path / "l.docx")
    t = open_docx(str(out)).tables[0]
    assert 'w:type="fixed"' in t._tbl.tblPr.xml
    assert t.rows[1].cells[1].text == long


def test_html_has_the_same_structure():
    html = markdown_to_html(SAMPLE)
    assert '<div class="pb-redhead">' in html and 'class="masthead"' in html
    assert "<h2>一、总体要求</h2>" in html and 'colspan="3"' in html
    assert 'class="pb-pagebreak"' in html
    assert '<col style="width:6.2%">' in html  # ::: table widths=2,10,20 as a colgroup
    page = markdown_to_html(SAMPLE, standalone=True, title="t")
    assert page.startswith("<!DOCTYPE html>") and "仿宋_GB2312" in page


def test_masthead_fit_and_signature_layout():
    size, scale = G.masthead_fit("中共某某大学委员会文件")
    assert size in (36, 42) and scale == 100
    size, scale = G.masthead_fit("中共某某某某某某科技大学委员会文件")
    assert size * G.text_width("中共某某某某某某科技大学委员会文件") * scale / 100 <= 442.3
    sig_r, date_r = G.signature_indents("中共某某大学委员会", "2020年11月30日")
    assert sig_r == 2 and date_r == 2 + 9 - 7 - 2


def test_28_characters_fit_a_line(sample_docx):
    """3号 characters condensed so that 28 fill the 156 mm text block (22 × 28 practice)."""
    from docx.oxml.ns import qn

    rpr = sample_docx.styles["Normal"].element.rPr
    spacing = int(rpr.find(qn("w:spacing")).get(qn("w:val"))) / 20
    width_pt = 156 / 25.4 * 72
    assert 28 * (16 + spacing) <= width_pt < 29 * (16 + spacing)


def test_property_elements_in_schema_order(tmp_path):
    """Word refuses a file whose property children are out of the schema's order."""
    import zipfile

    from _generate_docs import plan
    from lxml import etree

    from pbdocs.generate.outputs import write
    from pbdocs.generate.oxml import _RANK

    out = markdown_to_docx(SAMPLE, tmp_path / "o.docx")
    notice = write("notice", plan(), tmp_path / "n.docx", cc="校领导").out
    for path in (out, notice):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if not name.endswith(".xml") or not name.startswith("word/"):
                    continue
                root = etree.fromstring(z.read(name))
                for parent_tag, rank in _RANK.items():
                    for parent in root.iter(parent_tag):
                        seq = [rank[c.tag] for c in parent if c.tag in rank]
                        assert seq == sorted(seq), (name, parent_tag, seq)


def _grid(t) -> list[int]:
    import re

    return [int(w) for w in re.findall(r'w:gridCol w:w="(\d+)"', t._tbl.xml)]


def _lines(widths, rows, size=12.0):
    """Lines each row takes (its tallest cell) in columns of these widths."""
    import math

    margin = 2 * G.CELL_MARGIN_MM / 25.4 * 1440 + 40
    return sum(max(math.ceil(G.text_width(c) / max((w - margin) / (size * 20), 1)) or 1
                   for c, w in zip(r, widths)) for r in rows)


def test_auto_widths_fit_the_columns_to_their_content(tmp_path):
    """`widths=auto`: a long 重点任务 repeated on every row gets the room that saves lines, and
    the table is shorter than with the fixed weights a template would guess."""
    key = "落实全面从严治党主体责任，做到管大局过硬"
    rows = [["1", key, "每年公布党建工作问题清单和任务清单。", "党委（校长）办公室",
             "党委组织部、党委宣传部、纪委办公室", "长期坚持"]] * 12
    rows += [["2", key, "全面签订意识形态工作责任书，严格意识形态阵地管控，加强融媒体建设，"
              "创建官方抖音，建立舆情管理工作制度，强化意识形态工作动态研判。", "党委宣传部",
              "", "2023年底前（据“到2023年”推定）"]] * 6
    table = "\n".join(["| 序号 | 重点任务 | 具体举措 | 牵头部门 | 配合部门 | 完成时限 |",
                       "|:-:|---|---|---|---|:-:|"] + ["| " + " | ".join(r) + " |" for r in rows])
    docs = {}
    for spec in ("auto", "5.5,11,42,13,13,10"):
        md = f"::: landscape\n::: table widths={spec} nowrap=6\n{table}\n:::\n:::\n"
        docs[spec] = open_docx(str(markdown_to_docx(md, tmp_path / f"t{len(docs)}.docx")))
    auto, fixed = (_grid(docs[s].tables[0]) for s in ("auto", "5.5,11,42,13,13,10"))
    assert sum(auto) == sum(fixed)
    assert _lines(auto, rows) < _lines(fixed, rows)
    assert auto[1] > fixed[1]  # the 重点任务 column is widened
    # the short rows on two lines, the long ones on four at most
    assert _lines(auto, rows[:12]) == 2 * 12 and _lines(auto, rows[12:]) <= 4 * 6


def test_a_section_row_keeps_with_the_row_after_it(tmp_path):
    """A group (section) row never ends a page: keep-with-next on its paragraph (Word), and
    the table is cut before it when the rows as counted would leave it last on its page."""
    long = "具体举措的文字" * 30
    lines = ["| 序号 | 重点任务 | 具体举措 |", "|:-:|---|---|"]
    n = 0
    for g in ("一、总体要求", "二、主要任务", "三、组织保障", "四、工作要求"):
        lines.append(f"| {g} | < | < |")
        for _ in range(3):
            n += 1
            lines.append(f"| {n} | 任务{n} | {long} |")
    md = "::: landscape\n::: table widths=auto\n" + "\n".join(lines) + "\n:::\n:::\n"
    d = open_docx(str(markdown_to_docx(md, tmp_path / "g.docx")))
    groups = [r for t in d.tables for r in t.rows if len({c._tc for c in r.cells}) == 1]
    assert len(groups) == 4
    assert all(p.paragraph_format.keep_with_next for r in groups for p in r.cells[0].paragraphs)
    for t in d.tables:  # a group row is never a table's last row
        last = t.rows[-1]
        assert len({c._tc for c in last.cells}) > 1
