"""`pbdocs timetable`: the month grid, and the calendar file."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from _generate_docs import empty_plan, plan
from docx import Document as open_docx
from docx.enum.section import WD_ORIENT

from pbdocs.cli import main
from pbdocs.generate import gbt9704 as G
from pbdocs.generate import oxml
from pbdocs.generate.ics import fold, ics_text
from pbdocs.generate.outputs import write
from pbdocs.generate.timetable import timetable_context

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def _row(table, label):
    for row in table.rows:
        if row.cells[1].text == label:
            return row
    raise AssertionError(f"no row {label}")


@pytest.fixture(scope="module")
def grid(tmp_path_factory):
    _w = write("timetable", plan(), tmp_path_factory.mktemp("tt") / "tt.docx")
    path, rows = _w.out, _w.count
    return open_docx(str(path)), rows


def test_months_from_first_to_last_dated_item(grid):
    d, _ = grid
    assert d.sections[0].orientation == WD_ORIENT.LANDSCAPE
    t = d.tables[0]
    head = [c.text for c in t.rows[0].cells]
    assert head[:4] == ["序号", "工作内容", "牵头部门", "时间"]
    assert head[4:] == ["3", "4", "5", "6"]  # 2021年3月 (申报) … 2021年6月 (学习办法)
    assert oxml.is_repeat_header(t.rows[0])
    assert any(p.text == "（2021年3月—2021年6月）" for p in d.paragraphs)


def test_phase_is_a_shaded_span_and_deadline_a_marked_month(grid):
    d, _ = grid
    t = d.tables[0]
    phase = _row(t, "开展示范创建：2021年3月-5月组织申报。")
    cells = phase.cells[4:]
    assert cells[0]._tc is cells[2]._tc  # March to May merged into one span
    assert oxml.cell_shading(cells[0]) == G.SPAN_FILL and oxml.cell_shading(cells[3]) is None
    due = _row(t, "健全学习制度：制定中心组学习办法。")
    assert due.cells[7].text == "▲" and oxml.cell_shading(due.cells[7]) == G.SPAN_FILL
    assert due.cells[3].text == "2021年6月底前"


def test_recurring_duties_and_standing_band(grid):
    d, rows = grid
    t = d.tables[0]
    sem = _row(t, "健全学习制度：每学期至少开展1次专题研讨")
    assert sem.cells[4].text == "1次" and sem.cells[3].text == "每学期"
    band = _row(t, "完善保障：加大经费投入。")  # a standing task, named by what is done
    assert band.cells[4]._tc is band.cells[7]._tc and band.cells[4].text == "贯穿全年"
    assert band.cells[2].text == "财务处（建议）"
    labels = [r.cells[0].text for r in t.rows if len({c._tc for c in r.cells}) == 1]
    assert labels == ["阶段与时间节点", "经常性工作", "长期坚持"]
    assert rows == len(timetable_context(plan())["items"]) == 6


def test_no_dates_gives_a_table_without_months(tmp_path):
    _w = write("timetable", empty_plan(), tmp_path / "e.docx")
    path, rows = _w.out, _w.count
    t = open_docx(str(path)).tables[0]
    assert rows == 0 and "未从文件中识别出时间安排" in t.rows[1].cells[0].text


def _unfold(text: str) -> list[str]:
    assert "\n" not in text.replace("\r\n", "")  # every line ends with CRLF
    out: list[str] = []
    for line in text.split("\r\n"):
        if line.startswith(" "):
            out[-1] += line[1:]
        elif line:
            out.append(line)
    return out


def test_ics_parses_back():
    text, n = ics_text(plan(), now=datetime(2021, 1, 1, tzinfo=timezone.utc))
    for raw in text.split("\r\n"):
        assert len(raw.encode("utf-8")) <= 75
    lines = _unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    events, cur = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            cur = {}
        elif line == "END:VEVENT":
            events.append(cur)
            cur = None
        elif cur is not None:
            k, _, v = line.partition(":")
            cur[k] = v
    assert n == len(events) == 2
    by_start = {e["DTSTART;VALUE=DATE"]: e for e in events}
    assert by_start["20210301"]["DTEND;VALUE=DATE"] == "20210601"  # span, end exclusive
    assert by_start["20210630"]["SUMMARY"].startswith("截止：")
    assert "\\n牵头部门：党委组织部" in by_start["20210630"]["DESCRIPTION"]
    assert len({e["UID"] for e in events}) == 2


def test_fold_never_splits_a_character():
    line = "SUMMARY:" + "党建工作" * 40
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(x.encode("utf-8")) <= 75 for x in folded.split("\r\n"))


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("tt-index")


def test_cli_timetable_with_calendar(runner, tmp_path, index_dir):
    out, ics = tmp_path / "tt.docx", tmp_path / "tt.ics"
    r = runner.invoke(main, ["timetable", "shifan-chuangjian-2020", "--out", str(out),
                             "--ics", str(ics), "--corpus", str(CORPUS),
                             "--index", str(index_dir), "--format", "json"])
    assert r.exit_code == 0, r.output
    result = json.loads(r.output)
    assert result["out"] == str(out) and result["rows"] > 0
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert "BEGIN:VEVENT" in ics.read_text(encoding="utf-8")
    d = open_docx(str(out))
    assert d.tables and d.sections[0].orientation == WD_ORIENT.LANDSCAPE
