"""Round 27 (issue 12): time limits of a part of a month, and duties that say how work is done."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row

_NOTICE = [
    "党委宣传部",
    "关于做好2027年度学生思想动态调研工作的通知",
    "各二级学院党委：",
    "一、工作安排",
    "（一）10月中旬，各学院组织开展学生思想动态问卷调查。",
    "（二）11月上旬形成年度学生思想动态分析报告。",
    "党委宣传部",
    "2027年9月20日",
]


def test_a_deliverable_after_a_part_of_a_month_is_due_by_its_end(tmp_path):
    doc = _parse(tmp_path, _NOTICE)
    # what is handed in after 上旬/中旬/下旬 is due by its last day, as after a quarter
    row = _row(doc, "形成年度学生思想动态分析报告")
    assert [(d.kind, d.start, d.end) for d in row.deadlines] == [("by", None, "2027-11-10")]
    # work done in it stays the span
    row = _row(doc, "组织开展学生思想动态问卷调查")
    assert [(d.kind, d.start, d.end) for d in row.deadlines] == [
        ("range", "2027-10-11", "2027-10-20")]


_ACTIVITY = [
    "中共示例大学委员会",
    "关于开展“结对帮扶”专项活动的实施方案",
    "一、活动时间",
    "2027年3月至2027年12月。",
    "二、主要任务",
    "1.选派1名优秀干部担任驻村第一书记。",
    "2.加强对驻村干部的日常管理和关心关爱。",
    "3.严格执行帮扶资金管理规定。",
    "4.组织党员赴帮扶村开展主题党日活动。",
    "中共示例大学委员会",
    "2027年2月20日",
]


def test_how_a_duty_is_done_stays_standing_in_an_activity_period(tmp_path):
    doc = _parse(tmp_path, _ACTIVITY)
    # 加强…, 严格执行…: how the work is done all along, not an activity held once in the period
    for words in ("加强对驻村干部的日常管理", "严格执行帮扶资金管理规定"):
        row = _row(doc, words)
        assert (row.kind, row.deadlines) == ("ongoing", []), (words, row)
    # an activity is still held once in the period
    row = _row(doc, "开展主题党日活动")
    assert row.kind == "once" and row.deadlines and row.deadlines[0].end == "2027-12-31", row


_UNITED_FRONT = [
    "中共示例大学委员会统战部",
    "关于开展民主党派基层组织建设评估工作的通知",
    "各民主党派基层组织，校党外知识分子联谊会，各二级党组织：",
    "一、工作安排",
    "（一）各民主党派基层组织和知联会要对照评估指标逐项自查，于11月10日前报统战部。",
    "（二）知联会秘书处要于11月5日前完成会员年度履职情况统计。",
    "中共示例大学委员会统战部",
    "2027年10月8日",
]


def test_the_united_fronts_bodies_are_named_doers(tmp_path):
    doc = _parse(tmp_path, _UNITED_FRONT)
    # the bodies a 统战部 notice gives work to are named by the text, not suggested
    lead = [(d.canonical, d.basis) for d in _row(doc, "逐项自查").lead]
    assert lead == [("民主党派基层组织", "text"), ("党外知识分子联谊会", "text")], lead
    lead = [(d.name, d.basis) for d in _row(doc, "完成会员年度履职情况统计").lead]
    assert lead == [("知联会秘书处", "text")], lead
