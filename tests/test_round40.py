"""Round 40 (issue 12): a unit's head named as a doer; a limit counted from a training's end
is counted from the training's days, not from a year the notice names."""

from __future__ import annotations

from pbdocs.extract.tasks import due_of
from tests.test_round13 import _parse
from tests.test_round20 import _row
from tests.test_round38 import _lead

_RULES = [
    "中共示例大学委员会",
    "关于加强附属医院党的建设的实施办法",
    "各二级党组织、各附属医院党委：",
    "为加强附属医院党的建设，制定本办法。",
    "一、工作机制",
    "（一）附属医院党委书记和院长每周至少沟通一次，重要议题会前充分酝酿。",
    "（二）院长每半年向医院党委会报告一次重大事项执行情况。",
    "中共示例大学委员会",
    "2027年3月1日",
]


def test_a_units_head_the_sentence_names_does_its_work(tmp_path):
    doc = _parse(tmp_path, _RULES)
    assert _lead(doc, "附属医院党委书记和院长每周") == [
        ("附属医院党委书记", "text"), ("院长", "text")]
    assert _lead(doc, "院长每半年向医院党委会报告") == [("院长", "text")]


_TRAINING = [
    "中共示例大学委员会统战部",
    "关于举办2027年党外代表人士培训班的通知",
    "各二级党组织：",
    "为提高党外代表人士素质，现将有关事项通知如下。",
    "一、培训安排",
    "（一）7月上旬举办2027年党外代表人士培训班，培训为期4天。",
    "（二）培训期间实行考勤制度，由党校负责考勤记录。",
    "二、有关要求",
    "（一）学员须在培训结束后10日内提交1篇学习体会。",
    "中共示例大学委员会统战部",
    "2027年6月1日",
]


def test_a_limit_counted_from_a_trainings_end_is_not_counted_from_the_notices_year(tmp_path):
    doc = _parse(tmp_path, _TRAINING)
    due = due_of(_row(doc, "学员须在培训结束后10日内"))
    # the training is in early July (7月上旬): ten days after it, not after 2027年 ends
    assert due["kind"] == "by" and due["end"].startswith("2027-07"), due
