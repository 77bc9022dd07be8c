"""Where text ends on the fixed grid, and where the 版记 goes: on the last text page when that
page is even and has room, else at the foot of the next even page. Counted (`layout`), and
checked against LibreOffice's pages (pdftotext -bbox) for short and long documents."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from _generate_docs import plan
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn

from pbdocs.generate import gbt9704 as G
from pbdocs.generate import layout, oxml
from pbdocs.generate.outputs import write
from pbdocs.generate.render_docx import build_docx, markdown_to_docx, style_name
from pbdocs.model import Clause

FONTS_CONF = Path(__file__).resolve().parents[1] / "pbdocs" / "fonts" / "fonts.conf"
BODY = G.TEXT_WIDTH_MM / 25.4 * 72
EM = 16 + G.BODY_CHAR_SPACING / 20  # a body character's advance


def test_lines_of_28_characters_with_hanging_marks():
    width = 28 * EM
    assert layout.count_lines("党" * 26, width, 2 * EM, 16, G.BODY_CHAR_SPACING / 20) == 1
    assert layout.count_lines("党" * 27, width, 2 * EM, 16, G.BODY_CHAR_SPACING / 20) == 2
    # a comma after the 26th character hangs past the margin instead of starting a line
    assert layout.count_lines("党" * 26 + "，党", width, 2 * EM, 16,
                              G.BODY_CHAR_SPACING / 20) == 2
    assert layout.count_lines("党" * 26 + "，", width, 2 * EM, 16, G.BODY_CHAR_SPACING / 20) == 1
    # an opening mark never ends a line: “ goes down with the word it opens
    assert layout.count_lines("党" * 25 + "“党”", width, 2 * EM, 16,
                              G.BODY_CHAR_SPACING / 20) == 2
    # half-width digits are half an em, and a number is never split
    assert layout.count_lines("党" * 24 + "2021", width, 2 * EM, 16,
                              G.BODY_CHAR_SPACING / 20) == 1
    assert layout.count_lines("党" * 25 + "2021", width, 2 * EM, 16,
                              G.BODY_CHAR_SPACING / 20) == 2


def _doc(md: str):
    d = build_docx(md)
    roles = {d.styles[style_name(r)].style_id: role for r, role in G.ROLES.items()}
    return d, roles


def test_flow_counts_pages_and_lines():
    d, roles = _doc("# 标题\n\n" + "\n\n".join(["这是一段测试正文，" * 9] * 6))
    body = [x for x in d.element.body if x.tag != qn("w:sectPr")]
    end = layout.flow(body, roles)
    # the title's line, six paragraphs of 81 characters (3 lines each)
    assert end.page == 1 and round(end.used / G.LINE_PITCH_PT) == 1 + 18
    d, roles = _doc("\n\n".join(["这是一段测试正文，" * 9] * 8))
    body = [x for x in d.element.body if x.tag != qn("w:sectPr")]
    end = layout.flow(body, roles)
    assert end.page == 2 and round(end.used / G.LINE_PITCH_PT) == 2  # 24 lines: 22 + 2


COLOPHON = "\n\n::: colophon\n抄送：校领导。\n中共某某大学委员会办公室\n2020年11月30日印发\n:::\n"


def _colophon_page_kind(md: str):
    d = build_docx(md + COLOPHON)
    return d, d.sections


def test_colophon_shares_an_even_last_page_with_room():
    d, sections = _colophon_page_kind("正文第一页。\n\n<!-- pbdocs:pagebreak -->\n\n正文第二页。")
    assert len(sections) == 1  # no section of its own: on page 2 with the text
    assert oxml.has_page_field(sections[0].even_page_footer._element)


def test_colophon_after_an_odd_last_page_gets_the_next_page_alone():
    d, sections = _colophon_page_kind("正文只有一页。")
    assert len(sections) == 2 and sections[-1].start_type == WD_SECTION.NEW_PAGE
    assert not oxml.has_page_field(sections[-1].footer._element)
    assert not any(p.paragraph_format.page_break_before for p in d.paragraphs)


def test_colophon_after_a_full_even_page_leaves_a_blank_page_first():
    page = "\n\n".join(["这是一段测试正文，" * 9] * 7)  # 21 lines: no room for the 版记
    d, sections = _colophon_page_kind(page + "\n\n<!-- pbdocs:pagebreak -->\n\n" + page)
    assert len(sections) == 2 and sections[-1].start_type == WD_SECTION.NEW_PAGE
    assert any(p.paragraph_format.page_break_before for p in d.paragraphs[-3:])


def test_colophon_rows_grow_with_their_text_and_cc_hangs():
    long = "中共某某大学委员会党史学习教育领导小组办公室"
    md = ("正文。" + "\n\n::: colophon\n抄送：" + "、".join(["某某省委教育工委组织处"] * 4)
          + "。\n" + long + "\n2021年3月22日印发\n:::\n")
    d = build_docx(md)
    t = d.tables[-1]
    assert t.rows[1].cells[0].text == long  # whole, never cut
    for row in t.rows:
        trh = row._tr.trPr.find(qn("w:trHeight"))
        assert trh.get(qn("w:hRule")) == "atLeast" and oxml.is_cant_split(row)
    assert int(t.rows[0]._tr.trPr.find(qn("w:trHeight")).get(qn("w:val"))) > 7 * 56  # 2 lines
    ind = t.rows[0].cells[0].paragraphs[0]._p.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:hangingChars")) == "300" and ind.get(qn("w:leftChars")) == "400"


# --- LibreOffice: the page the 版记 lands on ------------------------------------------------

def _pages(pdf: Path) -> list[list[tuple[float, str]]]:
    """The lines of each page of a PDF: (y of the line's bottom, text)."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    out = []
    for page in re.findall(r"<page.*?</page>", xml, re.S):
        lines = []
        for line in re.findall(r"<line (.*?)</line>", page, re.S):
            y = float(re.search(r'yMax="([\d.]+)"', line).group(1))
            words = re.findall(r">([^<]*)</word>", line)
            lines.append((y, "".join(words)))
        out.append(sorted(lines))
    return out


def _long_plan():
    doc = plan()
    extra = [Clause(f"t-plan/二/（三）/{i}", ["二", "（三）", str(i)], str(i), None,
                    "加强党支部标准化规范化建设，" * 12 + "确保各项工作落到实处。")
             for i in range(1, 5)]
    doc.clauses = doc.clauses + extra
    return doc


@pytest.mark.render
@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="LibreOffice or poppler-utils not installed")
def test_colophon_page_in_libreoffice(tmp_path, parsed_corpus):
    full = "\n\n".join(["这是一段测试正文，" * 9] * 7)
    files = {
        # short: notice on page 1, the plan on page 2 (even, room): the 版记 at its foot
        "short": write("notice", plan(), tmp_path / "short.docx").out,
        # the plan runs to page 3 (odd): the 版记 alone on page 4, without a page number
        "odd": write("notice", _long_plan(), tmp_path / "odd.docx").out,
        # page 2 full to its last lines: a blank page 3, the 版记 on page 4
        "full": markdown_to_docx(full + "\n\n<!-- pbdocs:pagebreak -->\n\n" + full + COLOPHON,
                                 tmp_path / "full.docx"),
        # long: the hdu notice, ten pages, the last six lines on page 10 and the 版记 below
        "long": write("notice", parsed_corpus["hdu-2020-55"], tmp_path / "long.docx").out,
    }
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path),
                    *[str(p) for p in files.values()]],
                   check=True, env=env, capture_output=True, timeout=240)
    where = {}
    for name, docx in files.items():
        pages = _pages(docx.with_suffix(".pdf"))
        hits = [i + 1 for i, page in enumerate(pages) for _, t in page if t.endswith("印发")
                and re.match(r"^\d{4}年\d{1,2}月\d{1,2}日印发$", t)]
        assert len(hits) == 1, (name, hits)
        page = pages[hits[0] - 1]
        y = next(y for y, t in page if t.endswith("日印发"))
        where[name] = (hits[0], len(pages), y, page)
    bottom = 37 * 72 / 25.4 + 22 * G.LINE_PITCH_PT  # the foot of the text block, in points
    for name, (at, total, y, _page) in where.items():
        assert at == total and at % 2 == 0, (name, at, total)  # the last page, an even one
        assert bottom - 12 <= y <= bottom + 2, (name, y)  # at the foot of the text block
    assert where["short"][0] == 2 and any("加大经费投入" in t for _, t in where["short"][3])
    assert where["long"][0] == 10
    assert "营造良好的党建文化氛围" in "".join(t for _, t in where["long"][3])
    # alone on its page, no page number on it (nor on the blank page before it)
    for name in ("odd", "full"):
        texts = [t for _, t in where[name][3]]
        assert all(re.search(r"抄送|印发|办公室|委员会", t) for t in texts), (name, texts)
        assert where[name][0] == 4
    odd = _pages(files["odd"].with_suffix(".pdf"))
    assert "确保各项工作落到实处" in "".join(t for _, t in odd[2])  # the text ends on page 3
    assert not _pages(files["full"].with_suffix(".pdf"))[2]  # page 3 blank, unnumbered


def test_a_long_tables_last_rows_never_stand_alone():
    rows = "\n".join(f"| {i} | 第{i}项任务，加强党支部标准化规范化建设，确保各项工作落到实处。 |"
                     for i in range(1, 21))
    md = "::: landscape\n# 表\n\n::: table widths=1,10\n| 序号 | 内容 |\n|---|---|\n" + rows + "\n:::\n:::\n"
    d = build_docx(md)
    body = [r for t in d.tables for r in t.rows if r.cells[0].text != "序号"]
    assert [r.cells[0].text for r in body] == [str(i) for i in range(1, 21)]
    keep = [r.cells[0].text for r in body
            if r.cells[0].paragraphs[0].paragraph_format.keep_with_next]
    assert keep == ["18", "19"]  # rows 18–20 held together (Word, WPS)
    # 19 rows fit a landscape page: the table is cut before its last three (LibreOffice),
    # which go on under the header row repeated
    assert len(d.tables) == 2 and [r.cells[0].text for r in d.tables[1].rows] == [
        "序号", "18", "19", "20"]
    assert oxml.is_repeat_header(d.tables[1].rows[0])


SIGNED = "\n\n::: signature\n中共某某大学委员会\n2020年11月30日\n:::\n"


def _signed_page(last: str) -> str:
    """Six paragraphs of three lines (18 lines), `last`, then the 落款 (a blank line, 署名,
    成文日期): with a two-line `last` the page holds 20 lines and the 落款 does not fit."""
    return "\n\n".join(["这是一段测试正文，" * 9] * 6 + [last]) + SIGNED


def test_the_signature_takes_the_texts_last_short_paragraph_along():
    d = build_docx(_signed_page("最后一段正文，" * 7 + "确保落实。"))
    roles = {d.styles[style_name(r)].style_id: role for r, role in G.ROLES.items()}
    body = [x for x in d.element.body if x.tag != qn("w:sectPr")]
    last = next(p for p in reversed(d.paragraphs) if p.text.startswith("最后一段"))
    assert last.paragraph_format.keep_with_next and last.paragraph_format.keep_together
    # counted: page 2 holds the last paragraph's two lines, a blank line, 署名 and 成文日期
    end = layout.flow(body, roles)
    assert end.page == 2 and abs(end.used - 5 * G.LINE_PITCH_PT) < 1, end
    # a long last paragraph stays where it is (its page would be left half empty)
    d2 = build_docx(_signed_page("最后一段很长的正文，" * 12))
    long_last = next(p for p in reversed(d2.paragraphs) if p.text.startswith("最后一段"))
    assert not long_last.paragraph_format.keep_together


@pytest.mark.render
@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="LibreOffice or poppler-utils not installed")
def test_signature_never_alone_on_its_page_in_libreoffice(tmp_path):
    docx = markdown_to_docx(_signed_page("最后一段正文，" * 7 + "确保落实。"), tmp_path / "s.docx")
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, env=env, capture_output=True, timeout=240)
    pages = _pages(docx.with_suffix(".pdf"))
    at = next(i for i, page in enumerate(pages) if any("2020年11月30日" in t for _, t in page))
    texts = "".join(t for _, t in pages[at])
    assert "最后一段正文" in texts and "中共某某大学委员会" in texts, texts


def test_a_short_tables_last_row_never_stands_alone():
    """Four tall rows of which three fit the landscape page: the fourth would stand alone on
    the next page; the last two go on together instead."""
    text = "加强党支部标准化规范化建设，确保各项工作落到实处，" * 11
    rows = "\n".join(f"| {i} | 第{i}项。{text} |" for i in range(1, 5))
    md = "::: landscape\n# 表\n\n::: table widths=1,10\n| 序号 | 内容 |\n|---|---|\n" + rows + "\n:::\n:::\n"
    d = build_docx(md)
    assert len(d.tables) == 2, [len(t.rows) for t in d.tables]
    assert [r.cells[0].text for r in d.tables[1].rows] == ["序号", "3", "4"]
