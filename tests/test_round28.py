"""Round 28 (issue 12): which tasks a responsibility note speaks for."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row

_SCHEDULE = [
    "中共示例大学委员会宣传部",
    "关于印发《2027年校党委理论学习中心组学习安排》的通知",
    "各二级党组织，党委各部门：",
    "现将《2027年校党委理论学习中心组学习安排》印发给你们，请认真组织实施。",
    "一、专题学习安排",
    "5月：学习党纪党规。学习形式：专题辅导，组织观看警示教育片。承办单位：纪委办公室。",
    "6月：学习党的建设重要论述，赴红色教育基地开展现场教学。承办单位：党委组织部。",
    "7月：暑期自学，中心组成员每人撰写读书笔记1篇。",
    "二、保障措施",
    "学校成立学习工作领导小组，统筹推进中心组学习。推动理论学习与业务工作相融合，"
    "每个单位至少形成1项学习成果（责任单位：党委办公室、党委宣传部）。"
    "学校每年安排专项经费保障中心组学习（责任单位：财务处）。对学习不力的单位予以通报。",
    "中共示例大学委员会宣传部",
    "2027年2月22日",
]


def _leads(doc, words):
    return {(d.canonical, d.basis) for d in _row(doc, words).lead}


def test_a_label_closing_a_months_line_speaks_for_its_tasks(tmp_path):
    doc = _parse(tmp_path, _SCHEDULE)
    # 承办单位：X after a month's schedule is the unit that does that month's work
    assert _leads(doc, "组织观看警示教育片") == {("纪委办公室", "stated")}
    assert _leads(doc, "开展现场教学") == {("党委组织部", "stated")}


def test_a_note_inside_a_sentence_is_that_sentences_own(tmp_path):
    doc = _parse(tmp_path, _SCHEDULE)
    # the bracket closes its sentence (before the 。): the sentence's tasks are the note's
    assert _leads(doc, "安排专项经费") == {("财务处", "stated")}
    assert _leads(doc, "相融合") == {("党委办公室", "stated"), ("党委宣传部", "stated")}
    # and the other sentences of the paragraph are not given to 财务处
    for words in ("成立学习工作领导小组", "予以通报"):
        leads = _leads(doc, words)
        assert ("财务处", "stated") not in leads, (words, leads)
        assert all(basis != "stated" for _, basis in leads), (words, leads)
