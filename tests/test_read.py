"""Readers: every format, every encoding, and every kind of bad input (one sentence, no
traceback)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from readfixtures import nav_html, write_docx, write_pdf

from pbdocs.errors import InputError
from pbdocs.read import MAX_BYTES, read_file
from pbdocs.read.numbering import chinese_number, format_number

SAMPLE = ("一、总体要求\n\n坚持党要管党、全面从严治党。\n\n二、主要任务\n\n"
          "1. 加强组织建设，每学期至少1次。\n")


def assert_one_sentence(err: pytest.ExceptionInfo, path: Path, *words: str) -> None:
    """The error names the file and is a single Chinese sentence."""
    msg = str(err.value)
    assert path.name in msg
    assert msg.endswith("。") and msg.count("。") == 1 and "\n" not in msg
    for w in words:
        assert w in msg


# ---- plain text and its encodings -------------------------------------------------------


@pytest.mark.parametrize("codec, recorded, guessed", [
    ("utf-8", "utf-8", False),
    ("utf-8-sig", "utf-8-sig", False),
    ("gb18030", "gb18030", True),
    ("gbk", "gb18030", True),
    ("utf-16", "utf-16", False),            # with BOM (little-endian on this machine)
    ("utf-16-le", "utf-16-le", True),       # no BOM: found by where the NULs are
    ("utf-16-be", "utf-16-be", True),
])
def test_txt_encodings(tmp_path, corpus_dir, codec, recorded, guessed):
    text = (corpus_dir / "jyu-2021-54.txt").read_text(encoding="utf-8")
    p = tmp_path / f"doc-{codec}.txt"
    p.write_bytes(text.encode(codec))
    raw = read_file(p)
    assert raw.text == text
    assert (raw.format, raw.encoding) == ("txt", recorded)
    assert [w.kind for w in raw.warnings] == (["encoding_guessed"] if guessed else [])
    if guessed:
        assert raw.warnings[0].message.endswith("。") and p.name in raw.warnings[0].message


def test_utf16_big_endian_bom(tmp_path):
    p = tmp_path / "be.txt"
    p.write_bytes(b"\xfe\xff" + SAMPLE.encode("utf-16-be"))
    raw = read_file(p)
    assert raw.text == SAMPLE and raw.encoding == "utf-16"


@pytest.mark.parametrize("text, codec, recorded", [
    ("加强党的建设。", "gbk", "gb18030"),
    ("加强", "gbk", "gb18030"),        # four bytes: statistics alone would say Big5
    ("党建", "gb18030", "gb18030"),
    ("一、总体要求\n（一）指导思想。", "gbk", "gb18030"),
    ("中共浙江大學委員會關於推進學習教育常態化制度化的實施方案", "big5", "big5hkscs"),
])
def test_short_chinese_texts(tmp_path, text, codec, recorded):
    # Too short for statistics to be sure: the decoding into everyday characters must win.
    p = tmp_path / "short.txt"
    p.write_bytes(text.encode(codec))
    raw = read_file(p)
    assert (raw.text, raw.encoding) == (text, recorded)


def test_crlf_and_cr_become_newlines(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(SAMPLE.replace("\n", "\r\n").encode("utf-8"))
    assert read_file(p).text == SAMPLE


def test_txt_holding_html_is_read_as_html(tmp_path):
    p = tmp_path / "saved-page.txt"
    p.write_text(nav_html(["一、总体要求", "坚持党要管党。"]), encoding="utf-8")
    raw = read_file(p)
    assert raw.format == "html" and raw.encoding == "utf-8"
    assert raw.text == "一、总体要求\n\n坚持党要管党。"


def test_txt_that_only_mentions_tags_stays_text(tmp_path):
    p = tmp_path / "mentions.txt"
    p.write_text("网页中的 <p> 标签表示段落。\n第二行。\n", encoding="utf-8")
    raw = read_file(p)
    assert raw.format == "txt" and "<p>" in raw.text


# ---- HTML ---------------------------------------------------------------------------------


def test_html_drops_page_furniture(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(nav_html(["一、总体要求", "坚持党要管党。", "二、主要任务"]), encoding="utf-8")
    raw = read_file(p)
    assert raw.format == "html"
    assert raw.text == "一、总体要求\n\n坚持党要管党。\n\n二、主要任务"


def test_html_declared_gbk_charset(tmp_path):
    p = tmp_path / "gbk.htm"
    p.write_bytes(nav_html(["加强党的建设。"], charset="gbk").encode("gbk"))
    raw = read_file(p)
    assert raw.text == "加强党的建设。"
    assert raw.encoding == "gb18030" and raw.warnings == []  # declared, so not a guess


def test_html_blocks_breaks_and_source_wrapping(tmp_path):
    p = tmp_path / "blocks.html"
    p.write_text(
        "<html><body><div>第一段<br>第二行</div><p>源码中\n  折行的句子，每年\n 32\n学时。</p>"
        "<table><tr><td>任务</td><td>牵头部门</td></tr></table>"
        "<article><header><h2>文章标题</h2></header><p>正文 English words</p></article>"
        "</body></html>", encoding="utf-8")
    assert read_file(p).text.split("\n\n") == [
        "第一段\n第二行", "源码中折行的句子，每年32学时。", "任务", "牵头部门", "文章标题",
        "正文 English words"]


def test_html_cms_page_in_a_form_and_layout_table(tmp_path):
    # Content-management systems of Chinese universities wrap the article in a <form> and lay
    # the page out with a table whose left cell is a list of links.
    p = tmp_path / "cms.htm"
    p.write_bytes(
        ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
         '</head><body><div class="menu"><a href="/">网站首页</a><a href="/a">机构设置</a>'
         '<a href="/b">组织建设</a></div><table><tr><td class="lm"><ul><li><a href="a">通知公告</a>'
         '</li><li><a href="b">工作动态</a></li><li><a href="c">文件制度</a></li></ul></td><td>'
         '<form name="news"><h1>关于印发实施方案的通知</h1><div id="vsb_content">'
         '<p>各二级党组织：</p><p>&nbsp;&nbsp;现将方案印发给你们。</p></div></form>'
         '</td></tr></table><div class="bottom">版权所有：某某大学</div></body></html>'
         ).encode("gb2312"))
    raw = read_file(p)
    assert raw.encoding == "gb18030"
    assert raw.text == "关于印发实施方案的通知\n\n各二级党组织：\n\n现将方案印发给你们。"


def test_html_ordered_lists_show_their_numbers(tmp_path):
    p = tmp_path / "ol.html"
    p.write_text('<html><body><ol><li>加强领导</li><li>完善制度</li></ol>'
                 '<ol start="3"><li>健全机制</li></ol><ul><li>要点</li></ul></body></html>',
                 encoding="utf-8")
    assert read_file(p).text.split("\n\n") == ["1. 加强领导", "2. 完善制度", "3. 健全机制", "要点"]


def test_form_feed_is_a_line_break(tmp_path):
    p = tmp_path / "pdftotext.txt"
    p.write_text("第一页末尾\f第二页开头\n", encoding="utf-8")
    assert read_file(p).text == "第一页末尾\n第二页开头\n"


# ---- Markdown -----------------------------------------------------------------------------


def test_markdown_syntax_is_stripped(tmp_path):
    p = tmp_path / "plan.md"
    p.write_text(
        "# 实施方案\n\n## 一、总体要求\n\n坚持**党要管党**，落实[文件](http://x.cn)要求。\n\n"
        "1. 加强组织建设\n2. 完善`制度`\n\n- 要点甲\n* 要点乙\n\n> 引用的话\n\n---\n\n"
        "| 任务 | 部门 |\n|---|---|\n| 建设 | 组织部 |\n\n```\n代码 **原样**\n```\n",
        encoding="utf-8")
    raw = read_file(p)
    assert raw.format == "md"
    lines = [ln for ln in raw.text.split("\n") if ln]
    assert lines == ["实施方案", "一、总体要求", "坚持党要管党，落实文件要求。",
                     "1. 加强组织建设", "2. 完善制度", "要点甲", "要点乙", "引用的话", "任务",
                     "部门", "建设", "组织部", "代码 **原样**"]


# ---- DOCX ---------------------------------------------------------------------------------


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("一、总体要求")
    t = d.add_table(rows=2, cols=2)
    cells = {(0, 0): "任务", (0, 1): "牵头部门", (1, 0): "建设", (1, 1): "组织部"}
    for (r, c), text in cells.items():
        t.cell(r, c).text = text
    d.add_paragraph("")
    d.add_paragraph("二、主要任务")
    d.save(tmp_path / "t.docx")
    raw = read_file(tmp_path / "t.docx")
    assert raw.format == "docx" and raw.encoding is None
    # 任务 | 牵头部门 is a task table's header: its row reads as a numbered task with its note
    assert raw.text == "一、总体要求\n\n1.建设。（牵头部门：组织部）\n\n二、主要任务"


def test_docx_builtin_list_numbering_is_rendered(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("要求如下")
    d.add_paragraph("加强领导", style="List Number")
    d.add_paragraph("完善制度", style="List Number")
    d.add_paragraph("一个要点", style="List Bullet")
    d.save(tmp_path / "n.docx")
    assert read_file(tmp_path / "n.docx").text.split("\n\n") == [
        "要求如下", "1. 加强领导", "2. 完善制度", "一个要点"]


def test_docx_chinese_multilevel_numbering(tmp_path):
    import docx
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {ns} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, text in [(0, "总体要求"), (1, "指导思想"), (1, "基本原则"), (0, "主要任务"),
                        (1, "组织建设")]:
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {ns}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    d.save(tmp_path / "cn.docx")
    assert read_file(tmp_path / "cn.docx").text.split("\n\n") == [
        "一、总体要求", "（一）指导思想", "（二）基本原则", "二、主要任务", "（一）组织建设"]


@pytest.mark.parametrize("n, fmt, shown", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCounting", "十二"),
    (21, "chineseCountingThousand", "二十一"), (3, "decimalEnclosedCircle", "③"),
    (2, "ideographTraditional", "乙"), (4, "upperRoman", "IV"), (28, "lowerLetter", "bb"),
    (7, "decimalFullWidth", "７"), (5, "bullet", ""),
])
def test_word_number_formats(n, fmt, shown):
    assert format_number(n, fmt) == shown


def test_chinese_numbers_beyond_twenty():
    assert [chinese_number(n) for n in (20, 35, 99)] == ["二十", "三十五", "九十九"]


# ---- PDF ----------------------------------------------------------------------------------


def test_pdf_joins_wrapped_lines_and_drops_page_furniture(tmp_path):
    long_para = "为深入贯彻落实全面从严治党要求，" * 12 + "制定本方案。"
    items = [f"{i}. 第{i}项任务的内容。" for i in range(1, 120)]
    paras = ["一、总体要求", long_para, "二、主要任务", *items]
    raw = read_file(write_pdf(tmp_path / "p.pdf", paras))
    assert raw.format == "pdf" and raw.pages and raw.pages >= 3
    assert raw.text.split("\n\n") == paras
    assert "内部资料" not in raw.text and "—" not in raw.text


def test_pdf_without_text_layer_is_refused(tmp_path):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "scan.pdf"))
    c.rect(100, 100, 200, 200, fill=1)  # a picture, no text: what a scan looks like to us
    c.save()
    with pytest.raises(InputError) as err:
        read_file(tmp_path / "scan.pdf")
    assert_one_sentence(err, tmp_path / "scan.pdf", "OCR")


def test_pdf_whose_fonts_map_no_text_is_refused(tmp_path, monkeypatch):
    # Fonts without a ToUnicode map yield private-use codes, not text: say so instead of
    # passing mojibake on.
    from pbdocs.read import pdf

    src = write_pdf(tmp_path / "unmapped.pdf", ["加强党的建设。"])
    real = pdf._page_lines

    def unmapped(page, number):
        return [pdf.Line("\ue001\ue002\ue003\ue004", ln.x0, ln.x1, ln.y, ln.size, ln.page)
                for ln in real(page, number)]

    monkeypatch.setattr(pdf, "_page_lines", unmapped)
    with pytest.raises(InputError) as err:
        read_file(src)
    assert_one_sentence(err, src, "乱码")


def test_encrypted_pdf_is_refused(tmp_path):
    from pypdf import PdfReader, PdfWriter

    src = write_pdf(tmp_path / "plain.pdf", ["加强党的建设。"])
    w = PdfWriter()
    for page in PdfReader(src).pages:
        w.add_page(page)
    w.encrypt("secret")
    with open(tmp_path / "locked.pdf", "wb") as fh:
        w.write(fh)
    with pytest.raises(InputError) as err:
        read_file(tmp_path / "locked.pdf")
    assert_one_sentence(err, tmp_path / "locked.pdf", "密码")


# ---- DOC through LibreOffice --------------------------------------------------------------


def test_doc_without_libreoffice_says_what_to_install(tmp_path, monkeypatch):
    p = tmp_path / "old.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(InputError) as err:
        read_file(p)
    assert_one_sentence(err, p, "LibreOffice", "apt-get install libreoffice-writer-nogui")


@pytest.mark.render
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_doc_is_converted_by_libreoffice(tmp_path):
    import subprocess

    write_docx(tmp_path / "src.docx", ["一、总体要求", "坚持党要管党。"])
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'prof').as_uri()}",
                    "--headless", "--convert-to", "doc", "--outdir", str(tmp_path),
                    str(tmp_path / "src.docx")], check=True, capture_output=True, timeout=120)
    raw = read_file(tmp_path / "src.doc")
    assert raw.format == "doc"
    assert raw.text == "一、总体要求\n\n坚持党要管党。"


def test_misnamed_files_are_read_by_content(tmp_path):
    page = tmp_path / "saved.doc"  # web sites often serve HTML under a .doc name
    page.write_text(nav_html(["加强党的建设。"]), encoding="utf-8")
    assert (read_file(page).format, read_file(page).text) == ("html", "加强党的建设。")
    real_docx = write_docx(tmp_path / "named.docx", ["加强党的建设。"])
    renamed = tmp_path / "actually-docx.doc"
    renamed.write_bytes(real_docx.read_bytes())
    assert read_file(renamed).format == "docx"


# ---- bad input ----------------------------------------------------------------------------


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as err:
        read_file(tmp_path / "nope.txt")
    assert_one_sentence(err, tmp_path / "nope.txt", "找不到")


@pytest.mark.parametrize("content", [b"", b"  \r\n\n\t ", b"\xef\xbb\xbf\n"])
def test_empty_file(tmp_path, content):
    p = tmp_path / "empty.txt"
    p.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_file(p)
    assert_one_sentence(err, p, "空文件")


@pytest.mark.parametrize("name", ["blob.txt", "blob.md", "blob.html"])
def test_binary_content(tmp_path, name):
    import random

    rnd = random.Random(7)
    p = tmp_path / name
    p.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(rnd.randrange(256) for _ in range(4000)))
    with pytest.raises(InputError) as err:
        read_file(p)
    assert_one_sentence(err, p, "二进制")


def test_unreadable_file(tmp_path, monkeypatch):
    p = tmp_path / "secret.txt"
    p.write_text(SAMPLE, encoding="utf-8")
    real = Path.read_bytes

    def denied(self):
        if self == p:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", denied)  # root ignores chmod, so simulate it
    with pytest.raises(InputError) as err:
        read_file(p)
    assert_one_sentence(err, p, "权限")


def test_directory_is_not_a_file(tmp_path):
    d = tmp_path / "folder.txt"
    d.mkdir()
    with pytest.raises(InputError) as err:
        read_file(d)
    assert_one_sentence(err, d, "文件夹")


def test_unknown_extension(tmp_path):
    p = tmp_path / "sheet.xlsx"
    p.write_bytes(b"PK\x03\x04whatever")
    with pytest.raises(InputError) as err:
        read_file(p)
    assert_one_sentence(err, p, ".xlsx", "不受支持")


@pytest.mark.parametrize("name, content", [
    ("broken.docx", b"PK\x03\x04" + b"\x00garbage" * 50),
    ("notzip.docx", b"\x01\x02\x03 not a word file at all \xff\xfe" * 20),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nthis is not a pdf\n%%EOF"),
])
def test_corrupt_docx_and_pdf(tmp_path, name, content):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_file(p)
    assert_one_sentence(err, p)


def test_zip_that_is_not_a_word_document(tmp_path):
    p = tmp_path / "archive.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(InputError) as err:
        read_file(p)
    assert_one_sentence(err, p, "DOCX")


def test_file_over_the_size_limit(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:  # sparse: the size is real, the disk is not used
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(InputError) as err:
        read_file(p)
    assert_one_sentence(err, p, "50 MB")


def _task_table_rows():
    return [["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
            ["1", "开展党支部书记轮训，每年不少于32学时", "党委组织部", "各二级党委", "2023年6月底前"],
            ["2", "开展意识形态形势研判", "党委宣传部", "", "长期坚持"]]


_TASKS = ["1.开展党支部书记轮训，每年不少于32学时。（牵头单位：党委组织部；配合单位：各二级党委；"
          "完成时限：2023年6月底前）", "2.开展意识形态形势研判。（牵头单位：党委宣传部；完成时限：长期坚持）"]


def test_docx_task_table_reads_as_a_numbered_task_list(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("现将重点任务分解如下。")
    rows = _task_table_rows()
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.save(tmp_path / "t.docx")
    assert read_file(tmp_path / "t.docx").text.split("\n\n") == ["现将重点任务分解如下。", *_TASKS]


def test_html_task_table_reads_as_a_numbered_task_list(tmp_path):
    rows = _task_table_rows()
    table = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    (tmp_path / "t.html").write_text(
        f"<html><body><p>现将重点任务分解如下。</p><table>{table}</table></body></html>", "utf-8")
    assert read_file(tmp_path / "t.html").text.split("\n\n") == ["现将重点任务分解如下。", *_TASKS]


def test_task_table_rows_carry_their_departments_and_limits(tmp_path):
    import docx

    from pbdocs.parse import parse_file

    d = docx.Document()
    d.add_paragraph("中共某某大学委员会2023年基层党建重点任务清单")
    d.add_paragraph("现将重点任务分解如下。")
    rows = _task_table_rows()
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.add_paragraph("中共某某大学委员会")
    d.add_paragraph("2023年2月20日")
    d.save(tmp_path / "t.docx")
    doc = parse_file(tmp_path / "t.docx", doc_id="t")
    first, second = doc.clauses[1], doc.clauses[2]
    assert [c.path for c in doc.clauses] == [["0"], ["1"], ["2"]]
    assert [x.canonical for x in first.lead] == ["党委组织部"]
    assert [x.name for x in first.support] == ["各二级党委"]
    assert [(x.kind, x.end) for x in first.deadlines] == [("by", "2023-06-30")]
    assert [x.canonical for x in second.lead] == ["党委宣传部"] and second.deadlines == []
    assert not any(w.kind == "no_structure" for w in doc.warnings)
