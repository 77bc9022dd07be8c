"""Round 34 (issue 12): a season's stated time is its period; work in a named phase."""

from __future__ import annotations

from pbdocs.extract import timeexpr
from tests.test_round13 import _parse
from tests.test_round20 import _row

_WINTER = [
    "中共示例大学委员会",
    "关于做好2027—2028年度党员冬训工作的实施方案",
    "各二级党组织：",
    "经学校党委研究，决定在全校党员中开展2027—2028年度党员冬训。现制定如下实施方案。",
    "一、时间安排",
    "冬训自2027年12月上旬开始，至2028年3月底结束，分三个阶段进行。",
    "（一）动员部署（2027年12月1日—12月20日）。各二级党组织召开冬训动员会。",
    "（二）集中学习（2027年12月21日—2028年1月14日）。以党支部为单位开展集中学习。",
    "（三）评议总结（2028年3月1日—3月31日）。召开专题组织生活会。",
    "二、主要任务",
    "（一）讲好党课。各二级党组织书记要在集中学习阶段为本单位党员讲一次专题党课。",
    "（二）强化督导。党委组织部在集中学习和评议总结阶段各开展一次随机抽查。",
    "（三）抓好学习。党委理论学习中心组在冬训期间安排一次专题学习。",
    "中共示例大学委员会",
    "2027年11月26日",
]


def _due(row):
    return [(d.kind, d.start, d.end) for d in row.deadlines]


def test_a_span_from_its_start_to_its_end_is_one_range():
    found = timeexpr.find_deadlines("冬训自2027年12月上旬开始，至2028年3月底结束。", "2027-11-26")
    assert [(f.deadline.kind, f.deadline.start, f.deadline.end) for f in found] == [
        ("range", "2027-12-01", "2028-03-31")]


def test_a_season_over_two_years_runs_for_its_stated_time(tmp_path):
    from pbdocs.extract import period

    doc = _parse(tmp_path, _WINTER)
    found = period.plan_period(doc)
    # one winter, not the two calendar years 2027 and 2028
    assert (found.start.isoformat(), found.end.isoformat()) == ("2027-12-01", "2028-03-31")
    # what the whole winter holds once is done within it
    assert _due(_row(doc, "冬训期间安排一次专题学习")) == [("range", "2027-12-01", "2028-03-31")]


def test_work_in_a_named_phase_is_done_in_that_phase(tmp_path):
    doc = _parse(tmp_path, _WINTER)
    assert _due(_row(doc, "在集中学习阶段")) == [("range", "2027-12-21", "2028-01-14")]
    # two phases named together: from the first one's start to the second one's end
    assert _due(_row(doc, "各开展一次随机抽查")) == [("range", "2027-12-21", "2028-03-31")]
    assert all(d.inferred for d in _row(doc, "在集中学习阶段").deadlines)
