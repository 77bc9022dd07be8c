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


def test_year_grid_holds_the_tasks_dated_in_that_year(grid):
    d, _ = grid
    assert d.sections[0].orientation == WD_ORIENT.LANDSCAPE
    t = d.tables[0]
    head = [c.text for c in t.rows[0].cells]
    assert head[:4] == ["序号", "工作内容", "牵头部门", "时间"]
    # the plan's period: from its issue (2020年11月) to its last date (2021年6月, 学习办法);
    # 2020 holds no task, so its grid is left out
    assert head[4:] == ["1", "2", "3", "4", "5", "6"]
    assert oxml.is_repeat_header(t.rows[0])
    assert all(oxml.is_cant_split(r) for r in t.rows)
    assert any(p.text == "（2020年11月—2021年6月）" for p in d.paragraphs)
    assert [r.cells[0].text for r in t.rows[1:]] == ["1", "2"]  # numbered without gaps
    assert [r.cells[1].text for r in t.rows[1:]] == ["2021年3月—5月组织申报。",
                                                      "制定中心组学习办法。"]


def test_phase_is_a_shaded_span_and_deadline_a_marked_month(grid):
    d, _ = grid
    t = d.tables[0]
    phase = _row(t, "2021年3月—5月组织申报。")
    cells = phase.cells[6:]  # from March
    assert cells[0]._tc is cells[2]._tc  # March to May merged into one span
    assert oxml.cell_shading(cells[0]) == G.SPAN_FILL and oxml.cell_shading(cells[3]) is None
    due = _row(t, "制定中心组学习办法。")
    assert due.cells[9].text == "▲" and oxml.cell_shading(due.cells[9]) == G.SPAN_FILL
    assert due.cells[3].text == "2021年6月底前" and due.cells[2].text == "党委组织部"


def test_recurring_and_standing_tasks_listed_once_with_a_legend(grid):
    d, rows = grid
    # one year grid, one grid of the duties of every year (its last two rows go on on the
    # next page together, under the header repeated, rather than the last one alone)
    duty = d.tables[1:]
    assert 1 <= len(duty) <= 2
    assert all([c.text for c in t.rows[0].cells][4:] == [str(m) for m in range(1, 13)]
               for t in duty)
    assert [r.cells[0].text for t in duty for r in t.rows[1:]] == ["1", "2", "3", "4", "5"]
    t = d.tables[1]
    sem = _row(t, "每学期至少开展1次专题研讨。")
    assert sem.cells[3].text == "每学期"
    assert sem.cells[4].text == "1次" and sem.cells[4]._tc is sem.cells[10]._tc  # spring
    assert sem.cells[11].text == "1次" and sem.cells[11]._tc is sem.cells[15]._tc  # autumn
    day = _row(t, "每年10月8日开展廉政谈话。")  # the task, not only its date
    assert day.cells[13].text == "8日" and day.cells[3].text == "每年10月8日"
    band = _row(duty[-1], "加大经费投入。")  # the task, not its clause's heading with it
    assert band.cells[4]._tc is band.cells[15]._tc and band.cells[4].text == "贯穿全年"
    # (the mark may stand on a line of its own in the narrow column)
    assert band.cells[3].text == "长期坚持"
    assert band.cells[2].text.replace("\n", "") == "财务处（建议）"
    for table in d.tables:  # tasks only: no group or heading rows
        for r in table.rows:
            assert len({c._tc for c in r.cells}) > 4
            assert r.cells[1].text not in ("总体要求", "主要任务", "加强政治建设", "强化宣传")
    legend = next(p.text for p in d.paragraphs if p.text.startswith("图例："))
    assert "▲" in legend and "（建议）" in legend  # a suggested lead is said to be one
    assert rows == len(timetable_context(plan())["items"]) == 7


def test_an_undated_deliverable_is_pending_not_standing(tmp_path):
    doc = plan()
    doc.clauses[3].tasks[1].kind = "once"  # 建成标杆院系2个: a result, the plan gives no date
    d = open_docx(str(write("timetable", doc, tmp_path / "u.docx").out))
    assert len(d.tables) == 3
    regular, pending = d.tables[1], d.tables[2]
    assert all(r.cells[1].text != "建成标杆院系2个。" for r in regular.rows)
    assert [c.text for c in pending.rows[0].cells] == ["序号", "工作内容", "牵头部门", "时间"]
    assert [[c.text for c in r.cells] for r in pending.rows[1:]] == [
        ["1", "建成标杆院系2个。", "党委宣传部", "待定"]]  # no months, never 贯穿全年
    assert any("时限待定的工作" in p.text for p in d.paragraphs)
    assert any(p.text.startswith("图例：") and "“待定”" in p.text for p in d.paragraphs)


def test_no_dates_gives_a_table_without_months(tmp_path):
    _w = write("timetable", empty_plan(), tmp_path / "e.docx")
    path, rows = _w.out, _w.count
    t = open_docx(str(path)).tables[0]
    assert rows == 0 and "未从文件中识别出时间安排" in t.rows[1].cells[1].text


def _unfold(text: str) -> list[str]:
    assert "\n" not in text.replace("\r\n", "")  # every line ends with CRLF
    out: list[str] = []
    for line in text.split("\r\n"):
        if line.startswith(" "):
            out[-1] += line[1:]
        elif line:
            out.append(line)
    return out


def _events(text: str) -> list[dict[str, str]]:
    events, cur = [], None
    for line in _unfold(text):
        if line == "BEGIN:VEVENT":
            cur = {}
        elif line == "END:VEVENT":
            events.append(cur)
            cur = None
        elif cur is not None:
            k, _, v = line.partition(":")
            cur[k] = v
    return events


def test_ics_parses_back_with_repeating_duties():
    text, n = ics_text(plan(), now=datetime(2021, 1, 1, tzinfo=timezone.utc))
    for raw in text.split("\r\n"):
        assert len(raw.encode("utf-8")) <= 75
    lines = _unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    events = _events(text)
    assert n == len(events) == 5
    once = {e["DTSTART;VALUE=DATE"]: e for e in events if "RRULE" not in e}
    assert once["20210301"]["DTEND;VALUE=DATE"] == "20210601"  # span, end exclusive
    assert once["20210630"]["SUMMARY"].startswith("截止：")
    assert "\\n牵头部门：党委组织部" in once["20210630"]["DESCRIPTION"]
    rules = {e["DTSTART;VALUE=DATE"]: e["RRULE"] for e in events if "RRULE" in e}
    # 每年10月8日: yearly on the day; 每学期: two yearly rules, spring and autumn; until the
    # plan's end, at least a year from its date (2020-11-30)
    assert rules["20211008"] == "FREQ=YEARLY;INTERVAL=1;BYMONTH=10;BYMONTHDAY=8;UNTIL=20211129"
    assert rules["20210301"] == rules["20210901"] == "FREQ=YEARLY;INTERVAL=1;UNTIL=20211129"
    assert len({e["UID"] for e in events}) == 5


def test_ics_monthly_quarterly_and_every_two_years():
    from pbdocs.model import Clause, Recurrence, Task

    rec = [Recurrence("每月至少召开1次支委会", "month", 1),
           Recurrence("每季度至少讲1次党课", "quarter", 1),
           Recurrence("每两年评选一次", "year")]
    rec[2].every = 2  # schema v2 (issue 12); read defensively
    doc = plan(clauses=[Clause("t/二/1", ["二", "1"], "1", None, "x",
                               tasks=[Task(r.text + "。", recurrences=[r]) for r in rec])])
    rules = {e["SUMMARY"]: (e["DTSTART;VALUE=DATE"], e["RRULE"])
             for e in _events(ics_text(doc)[0])}
    assert rules["每月至少召开1次支委会。"] == ("20201201", "FREQ=MONTHLY;INTERVAL=1;UNTIL=20211129")
    assert rules["每季度至少讲1次党课。"] == ("20210101", "FREQ=MONTHLY;INTERVAL=3;UNTIL=20211129")
    assert rules["每两年评选一次。"][1].startswith("FREQ=YEARLY;INTERVAL=2;")


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


def _untitled_plan():
    """A plan with no title whose every dated task is due at the end of its period."""
    from pbdocs.model import Clause, Deadline, Task

    doc = plan(title=None, kind=None, date="2020-06-12")
    doc.clauses = [
        Clause("t-plan/0", ["0"], None, None,
               "为贯彻落实上级精神，结合学校实际，全面开展党建“三级联创”工作。现提出如下实施意见。"),
        Clause("t-plan/二/1", ["二", "1"], "1", None, "建成标杆院系1个。",
               tasks=[Task("2023年底前建成标杆院系1个。",
                           deadlines=[Deadline("2023年底前", None, "2023-12-31", "by")])]),
    ]
    return doc


def test_an_untitled_plan_is_named_from_its_preamble_and_spans_its_period(tmp_path):
    doc = _untitled_plan()
    ctx = timetable_context(doc)
    assert ctx["plan_name"] == "党建“三级联创”工作"
    # from the month it was issued, not only the month its tasks are due
    assert (ctx["first"], ctx["last"]) == ("2020年6月", "2023年12月")
    assert ctx["years"][0]["months"] == list(range(1, 13))
    d = open_docx(str(write("timetable", doc, tmp_path / "tt.docx").out))
    assert any(p.text == "党建“三级联创”工作时间表" for p in d.paragraphs)
    d = open_docx(str(write("taskbook", doc, tmp_path / "tb.docx").out))
    assert any(p.text == "党建“三级联创”工作任务分解表" for p in d.paragraphs)


def test_month_cells_fit_a_count_with_room_to_spare(tmp_path):
    """`2次` in a month column never breaks: each month is wide enough for it and half an em
    (a reader's font may set it wider than ours)."""
    import re

    from pbdocs.generate import layout
    from pbdocs.model import Recurrence, Task

    doc = plan()
    doc.clauses[2].tasks.append(Task("每月至少开展2次主题党日。", recurrences=[
        Recurrence("每月至少开展2次", "month", 2)]))
    doc.clauses[2].tasks.append(Task("每月开展1次党员学习。", recurrences=[
        Recurrence("每月开展1次", "month", 1)]))
    d = open_docx(str(write("timetable", doc, tmp_path / "tt.docx").out))
    t = d.tables[-1]
    assert [c.text for c in _row(t, "每月至少开展2次主题党日。").cells[4:]] == ["2次"] * 12
    # once a month is what ● says: the month cells hold no `1次`
    assert [c.text for c in _row(t, "每月开展1次党员学习。").cells[4:]] == ["●"] * 12
    widths = [int(w) for w in re.findall(r'w:gridCol w:w="(\d+)"', t._tbl.xml)]
    em = 10.5 * 20
    need = (sum(layout.char_advance(ch, 1.0, 0.0, layout.WIDE_LATIN) for ch in "2次") + 0.5) * em
    margin = 2 * G.CELL_MARGIN_MM / 25.4 * 1440
    assert all(w - margin >= need for w in widths[4:])
