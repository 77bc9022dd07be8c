"""Generated text: the source's half-width punctuation made full-width, damaged places marked."""

from __future__ import annotations

import pytest
from _generate_docs import plan

from pbdocs.generate.outputs import markdown
from pbdocs.generate.textfix import DAMAGE_CLOSE, DAMAGE_OPEN, LOST, Damage, TextRules, fullwidth
from pbdocs.model import Clause, Recurrence, Task, Warning


@pytest.mark.parametrize("src, want", [
    ("各党总支(党委)书记", "各党总支（党委）书记"),
    ("有关要求,3月22日,学校召开", "有关要求，3月22日，学校召开"),
    ("(一)压实主体责任", "（一）压实主体责任"),
    ("填写汇总表(附件3);纸质版材料", "填写汇总表（附件3）；纸质版材料"),
    ("主要包括:活动主题", "主要包括：活动主题"),
    ("(中地大京党发[2019]4号)", "（中地大京党发〔2019〕4号）"),
    ('开展"三会一课"制度', "开展“三会一课”制度"),
    ("三年行动计划(2021-2023年)", "三年行动计划（2021—2023年）"),
    ("2021年3月-5月组织申报", "2021年3月—5月组织申报"),
    # marks between Latin letters or digits stay as they are
    ("经费1,000万元", "经费1,000万元"),
    ("下午14:00前", "下午14:00前"),
    ("发送至cugbxgc@163.com。", "发送至cugbxgc@163.com。"),
    ("Word 2016 (x64)", "Word 2016 (x64)"),
])
def test_fullwidth(src, want):
    assert fullwidth(src) == want


def _damaged_doc():
    doc = plan()
    text = "党支部每月至少召开 次支部委员会会议,推进两学一做”学习教育。"
    # the task extraction finds in it (a clause without tasks is no task-book or timetable row)
    task = Task(text, kind="recurring",
                recurrences=[Recurrence("每月至少召开 次支部委员会会议", "month")])
    doc.clauses.append(Clause("t-plan/二/（三）", ["二", "（三）"], "（三）", None, text,
                              tasks=[task]))
    doc.warnings = [
        Warning("missing_numeral", "“次”前疑似缺少数字", "每月至少召开 次支部委员会", 10),
        Warning("unbalanced_quote", "本段“”不配对", "推进两学一做”学习教育。", 40),
    ]
    return doc


def test_damage_is_marked_in_every_kind_with_a_note():
    doc = _damaged_doc()
    for kind in ("notice", "taskbook", "timetable"):
        md = markdown(kind, doc)
        assert f'召开<mark class="damaged">{LOST}</mark>次支部委员会会议，' in md, kind
        assert '两学一做<mark class="damaged">”</mark>学习' in md, kind
        assert "::: check" in md and "原文有" in md and "处缺损" in md, kind
    # a source without damage gets no note
    assert "::: check" not in markdown("notice", plan())


def test_keep_the_source_punctuation_on_request():
    md = markdown("notice", _damaged_doc(), punctuation="source")
    assert "次支部委员会会议,推进" in md
    with pytest.raises(Exception, match="标点处理方式"):
        markdown("notice", plan(), punctuation="ascii")


def test_rules_count_what_they_mark():
    rules = TextRules(damage=Damage.of(_damaged_doc()))
    out = rules.apply("每月至少召开 次支部委员会会议,推进两学一做”学习教育。")
    assert rules.marked == 2 and LOST in out and "，" in out


def test_every_quote_out_of_order_is_marked_not_only_the_reported_one():
    """Parsing reports one damaged place a paragraph; a second one in the same paragraph
    (`深化落实事业之友”“新生之友等`) is marked too, a well-formed pair is not."""
    rules = TextRules(damage=Damage.of(_damaged_doc()))
    out = rules.apply("深化落实事业之友”“新生之友等联系服务群众制度，开展“三会一课”。")
    assert out.count(DAMAGE_OPEN) == 2, out
    assert f"{DAMAGE_OPEN}”{DAMAGE_CLOSE}" in out and f"{DAMAGE_OPEN}“{DAMAGE_CLOSE}" in out
    assert "开展“三会一课”" in out
    clean = TextRules(damage=Damage())  # a source without damage: nothing marked
    assert DAMAGE_OPEN not in clean.apply("深化落实事业之友”“新生之友等联系服务群众制度。")
