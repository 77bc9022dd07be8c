"""The three documents for every bundled text: generated, complete, and in the format."""

from __future__ import annotations

import re

import pytest
from docx import Document as open_docx
from docx.enum.section import WD_ORIENT
from docx.shared import Mm

from pbdocs.generate import oxml
from pbdocs.generate.outputs import write
from pbdocs.generate.taskbook import COLUMNS
from pbdocs.generate.textfix import LOST, fullwidth

IDS = ["hdu-2020-55", "jyu-2021-54", "nbpt-2020-sanji", "shifan-chuangjian-2020",
       "zju-2020-liangxue"]


def _flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("doc_id", IDS)
def test_three_documents_for_every_text(parsed_corpus, tmp_path, doc_id):
    doc = parsed_corpus[doc_id]

    notice = open_docx(str(write("notice", doc, tmp_path / "n.docx").out))
    sec = notice.sections[0]
    assert abs(sec.page_width / Mm(1) - 210) <= 1 and abs(sec.top_margin / Mm(1) - 37) <= 1
    texts = [p.text for p in notice.paragraphs]
    number = texts[1]
    assert number == "〔 〕号" or ("〔" in number and number.endswith("号"))
    body = _flat("".join(texts)).replace(LOST, "")  # a lost numeral is marked □
    for c in doc.clauses:  # the whole plan is reproduced, clause by clause, punctuation full-width
        assert _flat(fullwidth(c.text)) in body, c.id
    assert str(notice.paragraphs[0].runs[0].font.color.rgb) == "FF0000"

    _w = write("taskbook", doc, tmp_path / "t.docx")
    path, rows = _w.out, _w.count
    book = open_docx(str(path))
    assert book.sections[0].orientation == WD_ORIENT.LANDSCAPE
    table = book.tables[0]
    assert [c.text for c in table.rows[0].cells] == COLUMNS
    assert oxml.is_repeat_header(table.rows[0])
    # the table may go on in a second table (its last rows kept off a page of their own)
    data = [r for t in book.tables for r in t.rows[1:] if len({c._tc for c in r.cells}) > 1]
    assert all(oxml.is_cant_split(r) for t in book.tables for r in t.rows)
    expected = sum(len(c.tasks) for c in doc.clauses)  # one row per task, nothing else
    assert rows == expected == len(data)

    _w = write("timetable", doc, tmp_path / "s.docx")
    path, items = _w.out, _w.count
    grid = open_docx(str(path))
    assert grid.sections[0].orientation == WD_ORIENT.LANDSCAPE and grid.tables
    assert items > 0


def _headings(doc) -> set[str]:
    out = {_flat(s.heading) for s in doc.sections}
    out |= {_flat(c.heading) for c in doc.clauses if c.heading}
    return {h for h in out if h}


@pytest.mark.parametrize("doc_id", IDS)
def test_timetable_rows_are_tasks_and_calendar_repeats(parsed_corpus, tmp_path, doc_id):
    doc = parsed_corpus[doc_id]
    grid = open_docx(str(write("timetable", doc, tmp_path / "s.docx").out))
    headings = _headings(doc)
    for t in grid.tables:
        if t.rows[0].cells[0].text != "序号":
            continue
        numbers = []
        for r in t.rows[1:]:
            assert oxml.is_cant_split(r)
            cells = {c._tc for c in r.cells}
            assert len(cells) > 3, [c.text for c in r.cells]  # no group or heading row
            label = _flat(r.cells[1].text)
            assert label not in headings, label  # a task, never a heading alone
            assert not label.startswith("每年") or len(label) > 8, label  # not a bare period
            numbers.append(int(r.cells[0].text))
        # numbered 1, 2, 3 … in each table (a table cut before its last rows goes on)
        assert numbers == list(range(numbers[0], numbers[0] + len(numbers))), numbers
    ics = write("timetable", doc, tmp_path / "s.ics").out.read_text(encoding="utf-8")
    recurring = any(t.recurrences for c in doc.clauses for t in c.tasks)  # tasks are the rows
    if recurring:
        assert "RRULE:FREQ=" in ics
    if doc_id == "hdu-2020-55":  # 每年10月8日为廉政谈话日
        assert "RRULE:FREQ=YEARLY;INTERVAL=1;BYMONTH=10;BYMONTHDAY=8;" in ics


def test_taskbook_xlsx_prints_landscape_fitted_with_its_header(parsed_corpus, tmp_path):
    from openpyxl import load_workbook

    out = write("taskbook", parsed_corpus["zju-2020-liangxue"], tmp_path / "t.xlsx").out
    ws = load_workbook(out).active
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows == "$1:$1"
    assert ws["A1"].font.name == "宋体" and ws["C2"].font.name == "仿宋"
    text = "".join(str(c.value or "") for row in ws.iter_rows() for c in row)
    # the source's half-width commas made full-width
    assert not re.search(r"[\u4e00-\u9fff],|,[\u4e00-\u9fff]", text)
    assert "□" in text  # a numeral lost in the source, marked (and the cell filled yellow)


DEV = ("huining", "dinghai", "cdgmxy", "jmi", "cugb", "taian")


def test_devcorpus_notices(parsed_devcorpus, tmp_path):
    """A notice for six real texts as published: a plan is 印发ed, a 通知 never."""
    from pbdocs.generate.notice import is_notice

    docs = {k: next(d for s, d in parsed_devcorpus.items() if s.startswith(k)) for k in DEV}
    for key, doc in docs.items():
        w = write("notice", doc, tmp_path / f"{key}.docx")
        texts = [p.text.replace("\n", "") for p in open_docx(str(w.out)).paragraphs]
        if is_notice(doc):
            assert not any(t.startswith("关于印发《") and "通知》" in t for t in texts), key
            assert w.remark, key  # the person is told why it is not 印发ed
        for fmt in ("taskbook.docx", "timetable.docx", "timetable.ics"):
            assert write(fmt.split(".")[0], doc, tmp_path / f"{key}-{fmt}").out.exists()
    assert is_notice(docs["jmi"]) and is_notice(docs["cugb"]) and not is_notice(docs["huining"])
