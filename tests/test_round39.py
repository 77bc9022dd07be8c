"""Round 39 (issue 12): who a notice's sentence opens with, read by word."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row

_NOTICE = [
    "中共示例大学委员会组织部",
    "关于开展2027年示例评选工作的通知",
    "各二级党组织、党委各部门、行政各部门、直属单位：",
    "为做好评选工作，现将有关事项通知如下。",
    "一、工作安排",
    "（一）谈话对象要如实回答问题，在谈话后10个工作日内提交书面说明。",
    "（二）结对双方要如实填写《结对指导手册》，作为考核的主要依据。",
    "（三）复赛选手须于10月15日前提交复赛材料。",
    "（四）教师填写《暑期企业实践申请表》，于5月28日前交所在二级学院。",
    "二、有关要求",
    "（一）对受处分人员每半年开展一次回访教育。",
    "（二）组织推优对象开展主题团日活动。",
    "（三）拟表彰对象在校园网公示5个工作日。",
    "（四）面向全校师生医护人员征集短视频作品。",
    "（五）党员组织关系转接须在一个月内办结。",
    "党委组织部",
    "2027年3月1日",
]


def _lead(doc, quote):
    return [(d.name, d.basis) for d in _row(doc, quote).lead]


def test_a_person_the_sentence_opens_with_does_it_though_a_preposition_sits_in_a_word(
        tmp_path):
    doc = _parse(tmp_path, _NOTICE)
    # 对 inside 谈话|对象 and 结对|双方 is not a preposition; a contestant is a person
    assert _lead(doc, "谈话对象要如实回答") == [("谈话对象", "text")]
    assert _lead(doc, "结对双方要如实填写") == [("结对双方", "text")]
    assert _lead(doc, "复赛选手须于10月15日前") == [("复赛选手", "text")]
    # a teacher followed straight by what he does
    assert _lead(doc, "教师填写《暑期企业实践申请表》") == [("教师", "text")]


def test_a_phrase_that_opens_with_a_preposition_or_an_act_is_not_a_doer(tmp_path):
    doc = _parse(tmp_path, _NOTICE)
    # 对…人员 (a preposition), 组织推优对象 (an act), 拟表彰对象 (those to be honoured),
    # 面向… (whom it is aimed at), 党员组织关系 (a member's records): nobody is named
    for quote in ("对受处分人员每半年", "组织推优对象开展", "拟表彰对象在校园网",
                  "面向全校师生医护人员", "党员组织关系转接"):
        lead = _row(doc, quote).lead
        assert lead and all(d.basis == "suggested" for d in lead), quote
