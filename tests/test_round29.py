"""Round 29 (issue 12): doers the prose names though their names hold a verb."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row

_NOTICE = [
    "中共示例大学委员会研究生工作部",
    "关于加强2027年研究生党支部建设的通知",
    "各培养单位党组织：",
    "为加强研究生党支部建设，现将有关事项通知如下。",
    "一、工作安排",
    "1．各培养单位要在4月底前对现有研究生党支部开展一次摸底排查。",
    "2．各培养单位于6月10日前将实践团名单报研究生工作部。",
    "3．心理健康教育中心要在每年5月集中开展主题宣传活动。",
    "4．各实习支队要结合实习学校实际开展一次理论宣讲。",
    "二、有关要求",
    "对落实不力的单位要进行通报。",
    "中共示例大学委员会研究生工作部",
    "2027年3月1日",
]


def _leads(doc, words):
    return {(d.canonical, d.basis) for d in _row(doc, words).lead}


def test_a_body_whose_name_holds_a_verb_is_the_named_doer(tmp_path):
    doc = _parse(tmp_path, _NOTICE)
    # 培养 and 教育 are verbs, but 各 opens the name, or the body is asked (要) to do it
    for words, name in (("摸底排查", "培养单位"), ("实践团名单", "培养单位"),
                        ("主题宣传活动", "心理健康教育中心"), ("理论宣讲", "实习支队")):
        leads = _leads(doc, words)
        assert len(leads) == 1, (words, leads)
        (canonical, basis), = leads
        assert name in canonical and basis == "text", (words, leads)


def test_a_phrase_opening_with_a_preposition_is_no_doer(tmp_path):
    doc = _parse(tmp_path, _NOTICE)
    # 对…单位要… names whom the work is done to, not who does it
    row = _row(doc, "进行通报")
    assert row.lead and all(not d.name.startswith("对") for d in row.lead), row.lead
