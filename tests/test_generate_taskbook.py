"""`pbdocs taskbook`: the 任务分解表 on landscape pages, and its spreadsheet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _generate_docs import PLAN_ROWS, empty_plan, plan
from docx import Document as open_docx
from docx.enum.section import WD_ORIENT
from docx.shared import Mm

from pbdocs.cli import main
from pbdocs.generate import oxml
from pbdocs.generate.outputs import write
from pbdocs.generate.taskbook import COLUMNS, taskbook_rows, write_xlsx

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def _data_rows(table):
    """Rows that are neither the repeated header nor a merged group row."""
    out = []
    for row in table.rows:
        if oxml.is_repeat_header(row):
            continue
        if len({c._tc for c in row.cells}) == 1:
            continue
        out.append([c.text for c in row.cells])
    return out


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    out = tmp_path_factory.mktemp("tb") / "tb.docx"
    _w = write("taskbook", plan(), out, by_dept=True)
    path, rows = _w.out, _w.count
    return open_docx(str(path)), rows


def test_landscape_pages(book):
    d, _ = book
    for s in d.sections:
        assert s.orientation == WD_ORIENT.LANDSCAPE
        assert abs(s.page_width / Mm(1) - 297) <= 1 and abs(s.page_height / Mm(1) - 210) <= 1


def test_columns_rows_and_header_repeat(book):
    d, rows = book
    t = d.tables[0]
    assert [c.text for c in t.rows[0].cells] == COLUMNS
    assert oxml.is_repeat_header(t.rows[0])
    data = _data_rows(t)
    assert rows == PLAN_ROWS == len(data)
    assert [r[0] for r in data] == [str(i) for i in range(1, PLAN_ROWS + 1)]
    groups = [r.cells[0].text for r in t.rows if len({c._tc for c in r.cells}) == 1]
    assert groups == ["一、总体要求", "二、主要任务"]
    assert all(r[6] == "" for r in data)  # 责任人 left blank
    assert 'w:type="fixed"' in t._tbl.tblPr.xml  # long cells wrap


def test_cells_say_who_what_by_when(book):
    d, _ = book
    data = {r[2]: r for r in _data_rows(d.tables[0])}
    r = data["制定中心组学习办法。"]
    assert r[1] == "健全学习制度" and r[3] == "党委组织部" and r[4] == "党委宣传部"
    assert r[5] == "2021年6月底前" and "制度文件" in r[7]
    assert data["每学期至少开展1次专题研讨。"][5] == "每学期"
    assert data["2021年3月—5月组织申报。"][5] == "2021年3月—5月"  # full-width dash
    assert data["每年10月8日开展廉政谈话。"][5] == "每年10月8日"
    assert data["加大经费投入。"][5] == "长期坚持"
    # a suggestion is marked as one (its mark on a line of its own in a narrow column)
    assert data["加大经费投入。"][3].replace("\n", "") == "财务处（建议）"
    assert data["坚持以新思想为指导，全面提升党建质量。"][3] == "（待定）"  # no lead: to decide
    assert "标杆院系2个" in data["建成标杆院系2个。"][7]


def test_legend_says_what_a_suggestion_is(book):
    d, _ = book
    texts = [p.text for p in d.paragraphs]
    assert any("（建议）" in t and "原文未写明由谁负责" in t for t in texts)
    # above the table (read before the rows; never a page of its own after a full last page)
    body = list(d.element.body)
    legend = next(p._p for p in d.paragraphs if "原文未写明由谁负责" in p.text)
    assert body.index(legend) < body.index(d.tables[0]._tbl)


def test_no_suggestion_legend_and_no_suggestions_with_no_suggest(tmp_path):
    out = write("taskbook", plan(), tmp_path / "n.md", suggest=False)
    md = out.out.read_text(encoding="utf-8")
    assert "（建议）" not in md and "按工作性质提出的建议" not in md
    assert out.details["leads"] == {"stated": 4, "text": 0, "suggested": 0, "none": 3}


def test_fonts_of_the_table(book):
    d, _ = book
    t = d.tables[0]
    head = t.rows[0].cells[0].paragraphs[0].runs[0]
    body = t.rows[2].cells[2].paragraphs[0].runs[0]
    assert oxml.east_asia_font(head) == "黑体"
    assert oxml.east_asia_font(body) == "仿宋_GB2312"


def test_by_department_lists(book):
    d, _ = book
    titles = [p.text for p in d.paragraphs if p.text.endswith("任务清单")]
    assert titles[:2] == ["党委组织部任务清单", "党委宣传部任务清单"]
    assert "牵头部门待明确任务清单" in titles
    org = d.tables[1]
    assert [r[2] for r in _data_rows(org)] == ["制定中心组学习办法。", "每学期至少开展1次专题研讨。"]


def test_no_department_lists_when_no_department_is_named():
    from pbdocs.generate.taskbook import by_department

    doc = plan()
    for c in doc.clauses:
        c.lead = []
        for t in c.tasks:
            t.lead = []
    assert by_department(taskbook_rows(doc)) == []


def test_empty_plan_says_so(tmp_path):
    _w = write("taskbook", empty_plan(), tmp_path / "e.docx")
    path, rows = _w.out, _w.count
    t = open_docx(str(path)).tables[0]
    assert rows == 0
    assert "未从文件中识别出具体任务" in t.rows[1].cells[0].text


def test_xlsx_has_filter_and_frozen_header(tmp_path):
    from openpyxl import load_workbook

    out = write_xlsx(taskbook_rows(plan()), tmp_path / "t.xlsx", by_dept=True)
    wb = load_workbook(out)
    ws = wb["任务分解表"]
    assert [c.value for c in ws[1]][: len(COLUMNS)] == COLUMNS
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:J{PLAN_ROWS + 1}"
    assert ws.max_row == PLAN_ROWS + 1
    assert "党委组织部" in wb.sheetnames
    basis = {r[2].value: r[9].value for r in ws.iter_rows(min_row=2)}
    assert basis["制定中心组学习办法。"] == "明确"
    assert basis["加大经费投入。"] == "建议（“经费”）"
    assert basis["每年10月8日开展廉政谈话。"] == "未定"


def test_control_characters_in_tasks(tmp_path):
    doc = plan()
    doc.clauses[2].tasks[0].text = "制定\x0b办法\x00。"
    _w = write("taskbook", doc, tmp_path / "c.docx")
    path, _ = _w.out, _w.count
    assert any(r[2] == "制定办法。" for r in _data_rows(open_docx(str(path)).tables[0]))
    write_xlsx(taskbook_rows(doc), tmp_path / "c.xlsx")


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("tb-index")


@pytest.mark.parametrize("doc_id", ["nbpt-2020-sanji", "jyu-2021-54"])
def test_cli_rows_match_the_parsed_tasks(runner, tmp_path, index_dir, doc_id):
    from pbdocs.corpus import Corpus

    out, xlsx = tmp_path / "tb.docx", tmp_path / "tb.xlsx"
    r = runner.invoke(main, ["taskbook", doc_id, "--out", str(out), "--xlsx", str(xlsx),
                             "--corpus", str(CORPUS), "--index", str(index_dir),
                             "--format", "json"])
    assert r.exit_code == 0, r.output
    result = json.loads(r.output)
    doc = Corpus(CORPUS, index_dir).load(doc_id)
    expected = sum(len(c.tasks) for c in doc.clauses)
    assert result["out"] == str(out) and result["rows"] == expected
    assert sum(result["leads"].values()) == expected
    # one table, cut where its last rows or a section row would stand alone at a page's foot
    tables = open_docx(str(out)).tables
    sections = {c.path[0] for c in doc.clauses if c.tasks}
    assert sum(len(_data_rows(t)) for t in tables) == expected
    assert len(tables) <= 2 + len(sections)
    assert xlsx.exists()


def test_cli_missing_document(runner, tmp_path):
    r = runner.invoke(main, ["taskbook", str(tmp_path / "nope.txt"), "--out",
                             str(tmp_path / "x.docx"), "--corpus", str(CORPUS),
                             "--index", str(tmp_path / "i")])
    assert r.exit_code == 2 and "找不到文档" in r.output


def test_outputs_list_things_produced_not_requirements():
    """成果形式 holds what a task produces (建成标杆院系2个, 制度文件); a frequency, a number of
    hours, a ratio or a staffing quota is a requirement of the task, not its outcome."""
    from pbdocs.generate.taskbook import _output
    from pbdocs.model import Target

    rules = [("制定", "制度文件"), ("培训", "培训记录")]
    out = _output("建成标杆院系2个，制定办法。", [Target("2个", "=", 2, "个", "标杆院系")], rules)
    assert out == "标杆院系2个；制度文件"
    out = _output("班子成员至少参加1次培训，学习时间不少于56学时。",
                  [Target("至少参加1次", ">=", 1, "次", "班子成员"),
                   Target("不少于56学时", ">=", 56, "学时", "学习时间")], rules)
    assert out == "培训记录"
    assert _output("专职党务人员不低于师生人数的1%，配备专职副书记1名。",
                   [Target("不低于师生人数的1%", ">=", 1, "%", "专职党务人员"),
                    Target("1名", "=", 1, "名", "专职副书记")], rules) == ""
