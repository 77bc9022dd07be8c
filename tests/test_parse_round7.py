"""Round 7 layout rules: a WeChat copy's byline, end mark, decorative numbers and column label;
a stage's period before a colon; compound 清单 genres."""

from __future__ import annotations

from pbdocs.model import Source
from pbdocs.normalize import normalize
from pbdocs.outline import build_document

WECHAT = """通知｜关于开展主题党日活动的通知

原创 某某大学组织部 某某先锋 2025年04月03日 09:15

各二级党委、直属党支部：

为深入学习贯彻党的二十大精神，决定开展主题党日活动。现将有关事项通知如下：

01

一、活动内容

1.各党支部要在4月20日前开展一次主题党日活动。

02

二、工作要求

各单位要高度重视，精心组织。

- END -

来源｜党委组织部

编辑｜张三

阅读原文

阅读 1024
"""


def _doc(text: str):
    norm, _ = normalize(text)
    return build_document(norm, "t", Source(path="t.txt", format="txt", sha256="0" * 64))


def test_wechat_byline_without_a_province_gives_issuer_and_date():
    doc = _doc(WECHAT)
    assert doc.date == "2025-04-03"
    assert doc.issuer == "某某大学组织部"
    assert doc.recipients == ["各二级党委", "直属党支部"]


def test_column_name_before_a_bar_is_cut_from_the_title():
    assert _doc(WECHAT).title == "关于开展主题党日活动的通知"


def test_end_mark_and_the_copy_tail_are_dropped():
    doc = _doc(WECHAT)
    last = doc.clauses[-1]
    assert last.text.endswith("精心组织。")
    assert "来源" not in normalize(WECHAT)[0] and "END" not in normalize(WECHAT)[0]


def test_decorative_numbers_over_headings_are_dropped():
    doc = _doc(WECHAT)
    assert all(not c.text.endswith(("01", "02")) for c in doc.clauses)
    assert "\n01\n" not in "\n" + normalize(WECHAT)[0] + "\n"


def test_a_lone_number_that_heads_nothing_is_kept():
    text = "关于报送材料的通知\n各党支部：\n请于5月10日前报送以下数量的材料：\n05\n特此通知。"
    assert "05" in normalize(text)[0].split("\n")


def test_a_bar_inside_a_body_line_is_not_a_column_label():
    text = "关于报送材料的通知\n各党支部：\n联系方式｜党委组织部组织科办公室电话"
    assert "联系方式｜党委组织部组织科办公室电话" in normalize(text)[0]


def test_head_line_needs_a_wechat_mark():
    # a date line under a title without 原创/转载 or 发表于 is no byline: no issuer from it
    text = "关于开展主题党日活动的通知\n某某大学组织部 2025年04月03日\n各党支部：\n现将有关事项通知如下。"
    assert not normalize(text)[0].startswith("发布机构")


def test_stage_period_before_a_colon_heads_the_stage():
    text = ("某某学院2026年工作方案\n一、主要任务\n各支部要抓好落实。\n二、实施步骤\n"
            "第一阶段（3月—4月）：制定方案，召开动员部署会。各党支部4月10日前报送计划。\n"
            "第二阶段（5月—10月）：全面落实各项任务。\n")
    doc = _doc(text)
    first = next(c for c in doc.clauses if c.number == "第一阶段")
    assert first.heading == "（3月—4月）"
    assert first.text.startswith("制定方案")


def test_responsibility_list_is_its_own_kind():
    doc = _doc("某某大学2026年落实全面从严治党主体责任清单\n一、党委领导班子集体\n1.履行主体责任。")
    assert doc.kind == "责任清单"


def test_a_first_sentence_naming_its_department_is_no_lead_phrase():
    text = ("某某学院2026年党建工作要点\n一、加强宣传思想工作\n"
            "1.党委宣传部加强校园网站审核管理，做到“先审后发”。每年组织开展一次舆情应对演练。\n"
            "2.加强校园网站审核管理。每年组织开展一次舆情应对演练。\n")
    doc = _doc(text)
    first, second = (c for c in doc.clauses if c.number in ("1", "2"))
    assert first.heading is None
    assert second.heading == "加强校园网站审核管理"


def test_units_side_by_side_before_a_colon_head_the_item():
    text = ("某某大学主体责任清单\n一、职能部门\n"
            "（一）党委办公室：负责督查督办，每半年通报一次落实情况。\n"
            "（二）财务处、审计处：按照职责分工，加强财务管理和审计监督。\n"
            "（三）指导思想、基本原则：坚持党的领导，坚持问题导向。\n")
    doc = _doc(text)
    heads = {c.number: c.heading for c in doc.clauses}
    assert heads["（一）"] == "党委办公室"
    assert heads["（二）"] == "财务处、审计处"
    assert heads["（三）"] is None  # not units: a list of topics is no heading label
    texts = {c.number: c.text for c in doc.clauses}
    assert texts["（一）"].startswith("负责督查督办")
    assert texts["（二）"].startswith("按照职责分工")
    assert texts["（三）"].startswith("指导思想、基本原则：")
