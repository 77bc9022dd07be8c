"""Round 42 (issue 12): an officer told to take a training is its doer; a doer's name ends
before a modal or the subject's own unit (本单位)."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round38 import _lead

_PLAN = [
    "中共示例大学委员会",
    "关于加强基层党组织建设的实施方案",
    "为加强基层党组织建设，制定本方案。",
    "一、建强书记队伍",
    "1.新任党支部书记须在任职后3个月内参加岗前培训。",
    "2.新提任中层干部任职后一年内应参加任职培训。",
    "3.党支部书记每年参加集中培训不少于32学时。",
    "4.各二级党组织书记要组织支部书记参加学校轮训。",
    "二、加强日常管理",
    "5.辅导员要协助党支部做好学生入党积极分子的日常考察。",
    "6.各单位对照本单位档案归档范围逐件整理文书材料。",
    "7.保留期间，所在二级学院党委要指定专门党支部进行管理。",
    "8.各临床学院结合实际制定本单位实施细则，4月30日前报党委组织部。",
    "中共示例大学委员会",
    "2027年3月1日",
]


def test_an_officer_told_to_take_a_training_does_it(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    assert _lead(doc, "新任党支部书记须在") == [("新任党支部书记", "text")]
    assert _lead(doc, "新提任中层干部任职后") == [("新提任中层干部", "text")]
    # a count of hours with nobody told to do anything: the officer is the one counted, and
    # the work goes by duty, as before
    assert _lead(doc, "党支部书记每年参加集中培训") == [("党委组织部", "suggested")]
    # the officer who organises a training does that
    assert _lead(doc, "各二级党组织书记要组织") == [("二级党组织书记", "text")]


def test_a_doer_name_ends_before_a_modal_or_its_own_unit(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    assert _lead(doc, "辅导员要协助党支部") == [("辅导员", "text")]
    assert _lead(doc, "各单位对照本单位") == [("各单位", "text")]
    assert _lead(doc, "所在二级学院党委要指定") == [("二级学院党委", "text")]
    assert _lead(doc, "各临床学院结合实际") == [("临床学院", "text")]
