"""The three documents for every bundled text: generated, complete, and in the format."""

from __future__ import annotations

import pytest
from docx import Document as open_docx
from docx.enum.section import WD_ORIENT
from docx.shared import Mm

from pbdocs.generate import oxml
from pbdocs.generate.outputs import write
from pbdocs.generate.taskbook import COLUMNS

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
    body = _flat("".join(texts))
    for c in doc.clauses:  # the whole plan is reproduced, clause by clause
        assert _flat(c.text) in body, c.id
    assert str(notice.paragraphs[0].runs[0].font.color.rgb) == "FF0000"

    _w = write("taskbook", doc, tmp_path / "t.docx")
    path, rows = _w.out, _w.count
    book = open_docx(str(path))
    assert book.sections[0].orientation == WD_ORIENT.LANDSCAPE
    table = book.tables[0]
    assert [c.text for c in table.rows[0].cells] == COLUMNS
    assert oxml.is_repeat_header(table.rows[0])
    data = [r for r in table.rows[1:] if len({c._tc for c in r.cells}) > 1]
    expected = sum(len(c.tasks) for c in doc.clauses)  # one row per task, nothing else
    assert rows == expected == len(data)

    _w = write("timetable", doc, tmp_path / "s.docx")
    path, items = _w.out, _w.count
    grid = open_docx(str(path))
    assert grid.sections[0].orientation == WD_ORIENT.LANDSCAPE and grid.tables
    assert items > 0
