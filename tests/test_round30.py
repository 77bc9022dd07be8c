"""Round 30 (issue 12): duties put into a yearly assessment."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row

_PLAN = [
    "中共示例大学委员会",
    "关于推进基层党建“样板支部”创建工作的实施意见",
    "各二级党组织：",
    "为推进样板支部创建，提出如下意见。",
    "一、主要举措",
    "（一）党委组织部要加强对创建工作的指导，将创建情况纳入二级党组织年度党建工作考核。",
    "（二）各二级党组织要坚持把创建工作作为“书记项目”，持续抓好落实。",
    "中共示例大学委员会",
    "2027年3月1日",
]


def test_a_duty_put_into_a_yearly_assessment_is_yearly(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    row = _row(doc, "纳入二级党组织年度党建工作考核")
    assert row.kind == "recurring", row
    assert [r.period for r in row.recurrences] == ["year"], row.recurrences
    # a standing duty with no yearly assessment stays standing
    assert _row(doc, "持续抓好落实").kind == "ongoing"
