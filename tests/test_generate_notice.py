"""`pbdocs notice`: the 印发 notice with the plan, in the GB/T 9704 format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _generate_docs import empty_plan, plan
from docx import Document as open_docx
from docx.shared import Mm

from pbdocs.cli import main
from pbdocs.errors import InputError
from pbdocs.generate import oxml
from pbdocs.generate.notice import notice_context
from pbdocs.generate.outputs import markdown, write
from pbdocs.model import Clause, Notice

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def _texts(d) -> list[str]:
    return [p.text.replace("\n", "") for p in d.paragraphs]  # a title's line breaks aside


def _para(d, text):
    return next(p for p in d.paragraphs if p.text.replace("\n", "") == text)


@pytest.fixture(scope="module")
def notice_docx(tmp_path_factory):
    out = tmp_path_factory.mktemp("notice") / "n.docx"
    write("notice", plan(), out, cc="校领导，各职能部门", star=False)
    return open_docx(str(out))


def test_page_and_margins(notice_docx):
    s = notice_docx.sections[0]
    for got, want in ((s.page_width, 210), (s.page_height, 297), (s.top_margin, 37),
                      (s.bottom_margin, 35), (s.left_margin, 28), (s.right_margin, 26)):
        assert abs(got / Mm(1) - want) <= 1


def test_red_head_number_and_rule(notice_docx):
    mast = _para(notice_docx, "中共某某大学委员会文件")
    assert str(mast.runs[0].font.color.rgb) == "FF0000"
    assert oxml.east_asia_font(mast.runs[0]) == "方正小标宋简体"
    assert mast.runs[0].font.size.pt >= 30
    number = _para(notice_docx, "某大组〔2020〕5号")
    rule = oxml.paragraph_border(number, "bottom")
    assert rule["color"] == "FF0000" and int(rule["sz"]) >= 12  # ≥ 1.5 pt


def test_title_recipients_body_signature(notice_docx):
    texts = _texts(notice_docx)
    title = "关于印发《中共某某大学委员会关于落实〈党建工作条例〉的实施方案》的通知"
    t = _para(notice_docx, title)
    assert oxml.east_asia_font(t.runs[0]) == "方正小标宋简体" and t.runs[0].font.size.pt == 22
    assert "各二级学院党委、各直属党支部：" in texts
    body = _para(notice_docx, "现将《中共某某大学委员会关于落实〈党建工作条例〉的实施方案》"
                              "印发给你们，请结合实际认真贯彻落实。")
    assert oxml.east_asia_font(body.runs[0]) == "仿宋_GB2312" and body.runs[0].font.size.pt == 16
    i = texts.index("中共某某大学委员会")
    assert texts[i + 1] == "2020年11月30日"
    sig, date = notice_docx.paragraphs[i], notice_docx.paragraphs[i + 1]
    for p in (sig, date):  # right-aligned (style), right indents counted in characters
        assert (p.alignment or p.style.paragraph_format.alignment) == 2
    # 署名 9 characters, date 7: the date starts two characters right of the 署名's start
    assert sig.paragraph_format.right_indent.pt == 32 and date.paragraph_format.right_indent.pt == 32


def test_long_title_breaks_into_balanced_lines_between_words(notice_docx):
    t = _para(notice_docx, "关于印发《中共某某大学委员会关于落实〈党建工作条例〉的实施方案》的通知")
    lines = t.text.split("\n")
    assert len(lines) == 2 and all(len(x) <= 20 for x in lines)
    assert abs(len(lines[0]) - len(lines[1])) <= 4
    assert lines[1][0] not in "》）、，"


def test_plan_on_a_new_page_with_heading_fonts(notice_docx):
    plan_title = _para(notice_docx, "中共某某大学委员会关于落实《党建工作条例》的实施方案")
    assert plan_title.paragraph_format.page_break_before
    assert oxml.east_asia_font(plan_title.runs[0]) == "方正小标宋简体"
    assert oxml.east_asia_font(_para(notice_docx, "一、总体要求").runs[0]) == "黑体"
    assert oxml.east_asia_font(_para(notice_docx, "（一）加强政治建设").runs[0]) == "楷体_GB2312"
    runin = _para(notice_docx, "1.健全学习制度。制定中心组学习办法。每学期至少开展1次专题研讨。")
    assert runin.runs[0].text == "1.健全学习制度。"
    assert oxml.east_asia_font(runin.runs[0]) == "仿宋_GB2312"
    level2 = _para(notice_docx, "（二）完善保障。加大经费投入。")
    assert oxml.east_asia_font(level2.runs[0]) == "楷体_GB2312"
    assert oxml.east_asia_font(level2.runs[1]) == "仿宋_GB2312"


def test_colophon_and_page_numbers(notice_docx):
    t = notice_docx.tables[-1]
    assert t.rows[0].cells[0].text == "抄送：校领导，各职能部门。"
    assert t.rows[1].cells[0].text == "中共某某大学委员会"
    assert t.rows[1].cells[1].text == "2020年11月30日印发"
    assert notice_docx.settings.odd_and_even_pages_header_footer
    s = notice_docx.sections[0]
    assert oxml.has_page_field(s.footer._element) and oxml.has_page_field(s.even_page_footer._element)


def test_star_in_the_rule_for_party_organs(tmp_path):
    out = write("notice", plan(), tmp_path / "s.docx").out
    d = open_docx(str(out))
    star = d.tables[0]
    assert "★" in star.rows[0].cells[1].text
    assert 'w:color="FF0000"' in star.rows[0].cells[0]._tc.xml


def test_missing_facts_become_visible_placeholders(tmp_path):
    doc = plan(issuer=None, doc_number=None, date=None, recipients=[], title=None)
    md = markdown("notice", doc)
    assert "<mark>〔 〕号</mark>" in md and "<mark>（主送机关）</mark>：" in md
    out = write("notice", doc, tmp_path / "p.docx").out
    d = open_docx(str(out))
    number = next(p for p in d.paragraphs if "〔 〕号" in p.text)
    assert number.runs[0].font.highlight_color is not None
    assert any("（文件标题）" in p.text for p in d.paragraphs)


def test_parsed_facts_default_and_options_override():
    doc = plan(notice=Notice(doc_number="某大组【2020】05号", date="2020-12-01"))
    ctx = notice_context(doc)
    assert ctx["doc_number"] == "某大组〔2020〕5号" and ctx["date"] == "2020年12月1日"
    ctx = notice_context(doc, issuer="中共某某学院委员会", number="某院〔2021〕3号",
                         date="2021年1月5日", to="甲单位、乙单位", cc="丙")
    assert ctx["masthead"] == "中共某某学院委员会文件" and ctx["doc_number"] == "某院〔2021〕3号"
    assert ctx["date"] == "2021年1月5日" and ctx["recipients"] == ["甲单位", "乙单位"]
    assert ctx["cc"] == ["丙"]


def test_forwarding_notice(tmp_path):
    d = open_docx(str(write("notice", plan(), tmp_path / "z.docx", verb="转发").out))
    texts = _texts(d)
    assert "关于转发《中共某某大学委员会关于落实〈党建工作条例〉的实施方案》的通知" in texts
    assert any(t.startswith("现将《") and "》转发给你们" in t for t in texts)
    with pytest.raises(InputError):
        notice_context(plan(), verb="下发")


def test_malformed_parsed_number_is_not_guessed():
    assert notice_context(plan(doc_number="教党〔201722 号"))["doc_number"] is None


def test_control_characters_and_markdown_in_text(tmp_path):
    doc = plan(clauses=[Clause("t/一", ["一"], None, None,
                               "含\x0b控制\x00字符和 *星号* <b>标签</b> | 竖线。")])
    d = open_docx(str(write("notice", doc, tmp_path / "c.docx").out))
    assert "含控制字符和 *星号* <b>标签</b> | 竖线。" in _texts(d)


def test_empty_plan_still_gives_a_notice(tmp_path):
    d = open_docx(str(write("notice", empty_plan(), tmp_path / "e.docx").out))
    assert any(p.text.startswith("关于印发《") for p in d.paragraphs)


# --- the command, as a user types it -------------------------------------------------------


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("gen-index")


def test_cli_notice_json_and_overrides(runner, tmp_path, index_dir):
    out, html = tmp_path / "hdu.docx", tmp_path / "hdu.html"
    r = runner.invoke(main, ["notice", "hdu-2020-55", "--out", str(out), "--corpus", str(CORPUS),
                             "--index", str(index_dir), "--format", "json", "--html", str(html),
                             "--number", "杭电组〔2021〕9号", "--cc", "校领导"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output) == {"out": str(out)}
    d = open_docx(str(out))
    texts = _texts(d)
    assert "杭电组〔2021〕9号" in texts
    assert any(t.startswith("关于印发《") and t.endswith("》的通知") for t in texts)
    assert d.tables[-1].rows[0].cells[0].text == "抄送：校领导。"
    page = html.read_text(encoding="utf-8")  # the same Markdown as HTML
    assert page.startswith("<!DOCTYPE html>") and 'class="masthead"' in page
    assert "杭电组〔2021〕9号" in page and "<h2>" in page


def test_cli_missing_document_is_one_sentence(runner, tmp_path):
    r = runner.invoke(main, ["notice", "no-such-doc", "--out", str(tmp_path / "x.docx"),
                             "--corpus", str(CORPUS), "--index", str(tmp_path / "i")])
    assert r.exit_code == 2
    assert "找不到文档" in r.output and "Traceback" not in r.output


def test_cli_unreadable_file_and_bad_options(runner, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    r = runner.invoke(main, ["notice", str(bad), "--out", str(tmp_path / "x.docx"),
                             "--corpus", str(tmp_path / "none")])
    assert r.exit_code == 2 and "Traceback" not in r.output
    r = runner.invoke(main, ["notice", "hdu-2020-55", "--corpus", str(CORPUS)])
    assert r.exit_code == 2 and "--out" in r.output
    r = runner.invoke(main, ["notice", "hdu-2020-55", "--out", str(tmp_path / "x.docx"),
                             "--corpus", str(CORPUS), "--index", str(tmp_path / "i"),
                             "--date", "去年"])
    assert r.exit_code == 2 and "成文日期" in r.output


def test_own_template_with_shipped_partial(tmp_path):
    tpl = tmp_path / "my.md.j2"
    tpl.write_text("# 关于印发《{{ plan_title|book }}》的通知\n\n本校自定的措辞。\n\n"
                   '{% include "_plan_body.md.j2" %}\n', encoding="utf-8")
    d = open_docx(str(write("notice", plan(), tmp_path / "t.docx", template=tpl).out))
    texts = _texts(d)
    assert "本校自定的措辞。" in texts and "一、总体要求" in texts


def test_broken_template_is_one_sentence(runner, tmp_path, index_dir):
    tpl = tmp_path / "bad.md.j2"
    tpl.write_text("{% if %}\n", encoding="utf-8")
    r = runner.invoke(main, ["notice", "hdu-2020-55", "--out", str(tmp_path / "x.docx"),
                             "--corpus", str(CORPUS), "--index", str(index_dir),
                             "--template", str(tpl)])
    assert r.exit_code == 2 and "模板" in r.output and "Traceback" not in r.output
    r = runner.invoke(main, ["notice", "hdu-2020-55", "--out", str(tmp_path / "x.docx"),
                             "--corpus", str(CORPUS), "--index", str(index_dir),
                             "--template", str(tmp_path / "missing.md.j2")])
    assert r.exit_code == 2 and "找不到模板文件" in r.output


# --- a notice for each kind of source -------------------------------------------------------

def _a_notice(**overrides):
    """A source that is itself a 通知, from a 组织部, to the colleges."""
    doc = plan(title="关于开展2023年度最佳党日活动申报工作的通知", kind="通知",
               issuer="党委组织部", doc_number=None, date="2024-04-30",
               recipients=["各党总支", "直属党支部"])
    for k, v in overrides.items():
        setattr(doc, k, v)
    return doc


def test_a_notice_is_set_as_itself_never_printed_in_a_notice_of_its_own(tmp_path):
    w = write("notice", _a_notice(), tmp_path / "n.docx")
    texts = _texts(open_docx(str(w.out)))
    assert "关于开展2023年度最佳党日活动申报工作的通知" in texts
    assert not any("关于印发" in t for t in texts)
    assert "各党总支、直属党支部：" in texts  # its own 主送, not a placeholder
    assert texts.count("关于开展2023年度最佳党日活动申报工作的通知") == 1  # no second title page
    assert "党委组织部" in texts and "2024年4月30日" in texts  # signed at its end
    assert w.remark and "本身是一份通知" in w.remark and "没有再套" in w.remark
    assert w.note == ""  # the line for stdout (a task book's lead summary): none here
    with pytest.raises(InputError, match="本身是一份通知"):
        notice_context(_a_notice(), verb="印发")


def test_a_notice_of_another_organ_is_forwarded_with_the_original_after(tmp_path):
    w = write("notice", _a_notice(), tmp_path / "f.docx", issuer="中共某某大学委员会",
              number="某大组〔2024〕9号", to="各二级学院党委")
    d = open_docx(str(w.out))
    texts = _texts(d)
    assert "关于转发《关于开展2023年度最佳党日活动申报工作的通知》的通知" in texts
    assert "中共某某大学委员会文件" in texts and "各二级学院党委：" in texts
    i = texts.index("关于开展2023年度最佳党日活动申报工作的通知")  # the original, on its page
    assert d.paragraphs[i].paragraph_format.page_break_before
    after = texts[i:]
    assert "各党总支、直属党支部：" in after  # the original's own 主送 and signature
    assert "党委组织部" in after and "2024年4月30日" in after
    assert "转发通知" in w.remark
    # a forwarded plan: the forwarding organ's number and date are its own, never the source's
    ctx = notice_context(plan(), verb="转发")
    assert ctx["issuer"] is None and ctx["doc_number"] is None and ctx["date"] is None


def test_attachments_sealed_signature_and_signer(tmp_path):
    w = write("notice", plan(), tmp_path / "s.docx", sealed=True, signer="张三",
              attachments=["某某大学党建工作任务分解表", "某某大学党建工作时间表"])
    d = open_docx(str(w.out))
    texts = _texts(d)
    _para(d, "附件：1.某某大学党建工作任务分解表")  # 附件说明 after the body
    second = _para(d, "2.某某大学党建工作时间表")
    ind = second._p.pPr.find(oxml.qn("w:ind"))
    # the second number under the first: 2 characters + 附件： (3)
    assert ind.get(oxml.qn("w:leftChars")) == "600" and ind.get(oxml.qn("w:hangingChars")) == "100"
    # sealed: the date 4 characters from the right, the 署名 centred over it
    sig, date = _para(d, "中共某某大学委员会"), _para(d, "2020年11月30日")
    assert date.paragraph_format.right_indent.pt == 4 * 16
    assert sig.paragraph_format.right_indent.pt == (4 + (7 - 9) / 2) * 16
    # 签发人 on the 发文字号 line, the masthead lower (a 上行文)
    number = next(p for p in d.paragraphs if p.text.startswith("某大组〔2020〕5号"))
    assert number.text.endswith("签发人：张三") and "\t" in number.text
    assert oxml.east_asia_font(number.runs[-1]) == "楷体_GB2312"
    assert abs(d.paragraphs[0].paragraph_format.space_before.mm - 80) < 1
    assert "附件：1.某某大学党建工作任务分解表" in texts


def test_cli_notice_of_a_notice_says_what_it_did(runner, tmp_path):
    src = tmp_path / "通知.txt"
    src.write_text("关于开展2023年度最佳党日活动申报工作的通知\n各党总支、直属党支部:\n"
                   "经研究,决定开展最佳党日活动申报工作,现将有关事项通知如下。\n"
                   "一、申报名额。各党总支、直属党支部各推荐申报1项。\n"
                   "二、报送时间。请于5月9日前报送组织部。\n附件:申报简况表.docx\n"
                   "党委组织部\n2024年4月30日\n", encoding="utf-8")
    out = tmp_path / "n.docx"
    r = runner.invoke(main, ["notice", str(src), "--out", str(out),
                             "--corpus", str(tmp_path / "none")])
    assert r.exit_code == 0, r.output
    assert "本身是一份通知" in r.output  # on stderr, which the runner mixes in
    texts = _texts(open_docx(str(out)))
    assert not any("关于印发" in t for t in texts)
    r = runner.invoke(main, ["notice", str(src), "--out", str(out), "--verb", "印发",
                             "--corpus", str(tmp_path / "none")])
    assert r.exit_code == 2 and "本身是一份通知" in r.output
