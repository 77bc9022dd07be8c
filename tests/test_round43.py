"""Round 43 (issue 12): who the text names as a task's doer when a preposition (面向), a year,
a part of the day or a 自…起 stands between the body and what it does, and a person named by
a role in the work (申报人, 队长, 检查组组长)."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round38 import _lead

_PLAN = [
    "中共示例大学委员会",
    "关于加强师生思想政治工作的实施方案",
    "为加强师生思想政治工作，制定本方案。",
    "一、主要任务",
    "1.心理健康教育中心面向教职工开设心理咨询服务。",
    "2.团委面向全校学生开展“我心中的好老师”征文活动。",
    "3.图书馆2027年内建成党史文献专区。",
    "4.马克思主义学院自2027年秋季学期起开设“中国共产党历史”选修课。",
    "5.10月20日（星期三）上午校医院在老干部活动中心开展义诊。",
    "6.申报人于6月18日前将申报材料提交所在单位。",
    "7.队长要在服务平台登记服务记录。",
    "8.由督查组组长向被督查单位书面反馈意见。",
    "9.党委宣传部面向全校征集思政工作案例。",
    "中共示例大学委员会",
    "2027年3月1日",
]


def test_a_body_facing_someone_does_the_work(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    assert _lead(doc, "心理健康教育中心面向") == [("心理健康教育中心", "text")]
    assert _lead(doc, "团委面向全校学生") == [("团委", "text")]
    assert _lead(doc, "党委宣传部面向全校") == [("党委宣传部", "text")]


def test_a_time_between_the_body_and_its_work(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    assert _lead(doc, "图书馆2027年内") == [("图书馆", "text")]
    assert _lead(doc, "马克思主义学院自2027年") == [("马克思主义学院", "text")]
    assert _lead(doc, "上午校医院在") == [("校医院", "text")]


def test_a_person_named_by_a_role_in_the_work(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    assert _lead(doc, "申报人于6月18日前") == [("申报人", "text")]
    assert _lead(doc, "队长要在服务平台") == [("队长", "text")]
    assert _lead(doc, "由督查组组长向") == [("督查组组长", "text")]
