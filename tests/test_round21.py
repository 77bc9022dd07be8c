"""Round 21 (issue 12): who leads, and by when, on shapes of plans not tuned on."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row

_LEADERS = ["中共某某大学委员会办公室",
            "关于印发《2027年度校领导联系基层党组织工作安排》的通知",
            "各二级党组织，各部门：",
            "经学校党委同意，现将《2027年度校领导联系基层党组织工作安排》印发给你们，请认真贯彻落实。",
            "一、联系内容",
            "（一）每学期至少到联系单位的1个基层党支部参加1次组织生活。",
            "（二）“七一”前到联系单位讲1次专题党课。",
            "二、工作要求",
            "（一）每学期开学后1个月内听取联系单位意识形态工作情况汇报。",
            "（二）党委办公室负责联系工作的统筹协调，年底前汇总联系情况。",
            "中共某某大学委员会办公室",
            "2027年2月20日"]


def test_the_committee_office_issues_for_the_committee_and_its_work_is_divided_by_duty(tmp_path):
    doc = _parse(tmp_path, _LEADERS)
    life = _row(doc, "参加1次组织生活")
    assert [(d.canonical, d.basis) for d in life.lead] == [("党委组织部", "suggested")]
    ideology = _row(doc, "意识形态工作情况汇报")
    assert [(d.canonical, d.basis) for d in ideology.lead] == [("党委宣传部", "suggested")]
    # what the office is named for stays its own
    own = _row(doc, "年底前汇总联系情况")
    assert [(d.canonical, d.basis) for d in own.lead] == [("党委办公室", "text")]
