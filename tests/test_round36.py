"""Round 36 (issue 12): a department is not suggested for what is sent to it."""

from __future__ import annotations

from tests.test_round20 import _row
from tests.test_round35 import _plan

_SENT = [
    "复核结束后，于10月28日前将自查复核报告和《党费收缴情况统计表》报送党委组织部。",
    "新开设的新媒体账号须在开通后5个工作日内报党委宣传部备案。",
    "廉政谈话后一周内撰写心得体会，交纪委。",
    "党委组织部每年对党费收缴情况开展一次专项检查。",
    "每年举办一次党费工作专题培训。",
]


def test_a_department_is_not_suggested_for_what_is_sent_to_it(tmp_path):
    doc = _plan(tmp_path, "关于进一步规范党费工作的实施意见", _SENT,
                preamble="为规范党费收缴、使用和管理，结合学校实际，提出如下意见。")
    # what is sent to the 组织部, reported to the 宣传部 or handed to the 纪委 is not those
    # departments' work: nothing is suggested (未定) rather than the receiver
    for words in ("统计表》报送党委组织部", "报党委宣传部备案", "交纪委"):
        assert _row(doc, words).lead == [], words
    # the duty still names the department for its own work, and a named doer stays
    assert [(d.canonical, d.basis) for d in _row(doc, "专题培训").lead] == [
        ("党委组织部", "suggested")]
    assert [(d.canonical, d.basis) for d in _row(doc, "专项检查").lead] == [
        ("党委组织部", "text")]
