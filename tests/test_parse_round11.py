"""Round 11 outline rules: a plan arranged by month (月度工作安排, 三月：… / 四月份：… / 6月：… /
7—8月：… / 全年：…) has its month labels as clause markers when at least three open lines in
calendar order; a date inside a sentence, or months out of order, open no clause."""

from __future__ import annotations

from pbdocs.model import Source
from pbdocs.normalize import normalize
from pbdocs.outline import build_document
from pbdocs.parse import parse_file
from pbdocs.read.tables import task_rows


def _doc(text: str):
    norm, _ = normalize(text)
    return build_document(norm, "t", Source(path="t.txt", format="txt", sha256="0" * 64))


_MONTHS = ["三月：召开支部委员会，研究部署全年工作。各小组于3月20日前报送计划。",
           "四月份：开展专题教育，组织党员签订承诺书。",
           "6月：6月底前完成上半年发展党员工作。结合“七一”评选表彰。",
           "7—8月：利用暑期核查党员信息。组织党员参加集中培训。",
           "全年：坚持“三会一课”制度，党小组会每月召开一次。"]


def _plan(lines: list[str]) -> str:
    return "\n".join(["某某学院党支部2026年工作计划",
                      "根据学院党委工作要点，制定本计划。全年工作按月安排如下。", *lines,
                      "某某学院党支部", "2026年3月2日"])


def test_month_labels_in_calendar_order_are_clauses():
    doc = _doc(_plan(_MONTHS))
    assert [c.number for c in doc.clauses] == [None, "三月", "四月份", "6月", "7—8月", "全年"]
    assert [c.path for c in doc.clauses][1:] == [["三月"], ["四月份"], ["6月"], ["7—8月"], ["全年"]]
    by = {c.number: c for c in doc.clauses}
    # the label is the clause's number, which the spec's text excludes (round 12)
    assert by["四月份"].text.startswith("开展专题教育")
    assert by["6月"].text.startswith("6月底前完成")
    assert all(by[k].heading is None for k in ("三月", "四月份", "6月", "7—8月"))
    assert doc.clauses[0].text.endswith("按月安排如下。")


def test_months_out_of_order_or_too_few_open_no_clause():
    shuffled = [_MONTHS[2], _MONTHS[0], _MONTHS[1]]
    assert all(c.number is None for c in _doc(_plan(shuffled)).clauses)
    assert all(c.number is None for c in _doc(_plan(_MONTHS[:2])).clauses)


def test_a_date_inside_a_sentence_is_not_a_month_label():
    lines = ["6月底前完成上半年发展党员工作。", "7月：组织暑期培训。", "9月：开展新生教育。",
             "各支部于10月：前报送总结。"]
    doc = _doc(_plan(["3月：部署全年工作。", *lines]))
    assert [c.number for c in doc.clauses if c.number] == ["3月", "7月", "9月"]
    assert "6月底前完成" in next(c for c in doc.clauses if c.number == "3月").text


def test_prose_paragraphs_with_no_marker_are_a_clause_each():
    doc = _doc(_plan(["在理论学习方面，支部坚持每月集中学习一次。",
                      "在组织建设方面，支部委员每学期开展谈心谈话。",
                      "支部书记对本计划的落实负总责。"]))
    assert [c.path for c in doc.clauses] == [["0"], ["p1"], ["p2"], ["p3"]]
    assert all(c.number is None and c.heading is None for c in doc.clauses)
    assert doc.clauses[2].text.startswith("在组织建设方面")
    assert doc.clauses[2].id == "t/p2"


def test_one_numbered_paragraph_keeps_the_paragraphs_after_it_in_its_clause():
    doc = _doc(_plan(["一、在理论学习方面，支部坚持每月集中学习一次。",
                      "支部书记对本计划的落实负总责。"]))
    assert [c.path for c in doc.clauses] == [["0"], ["一"]]


def test_a_task_cell_merged_down_with_its_number_names_one_item():
    # the rows of one item name the same units: one clause, the item's name its heading
    table = [["序号", "重点任务", "具体举措", "牵头单位", "完成时限"],
             ["1", "强化政治引领", "完善中心组学习制度", "党委宣传部", "每年3月"],
             ["2", "提升党员队伍质量", "严格执行发展党员工作细则", "党委组织部", "长期坚持"],
             ["2", "提升党员队伍质量", "做好高知识群体发展党员工作", "党委组织部", "长期坚持"],
             ["3", "落实经费保障", "党建经费列入预算", "财务处", "每年"]]
    out = task_rows(table)
    assert [p[:2] for p in out] == ["1.", "2.", "做好", "3."]
    doc = _doc("\n".join(["某某学院行动计划", "一、重点任务", *out]))
    items = [c for c in doc.clauses if c.path[0] == "一"]
    assert [c.path for c in items] == [["一", "1"], ["一", "2"], ["一", "3"]]
    assert [c.heading for c in items] == ["强化政治引领", "提升党员队伍质量", "落实经费保障"]
    assert "高知识群体" in items[1].text and not any(s.path != ["一"] for s in doc.sections)


def test_rows_of_one_merged_item_with_their_own_units_keep_them(tmp_path):
    # 重点任务 merged over two 具体举措 rows, each with its own 牵头单位, 配合单位 and 完成时限: the
    # item heads them and each row is a sub-item with its own lead, support and time limit; no
    # row of the task book is made of a note's pieces
    table = [["序号", "重点任务", "具体举措", "牵头单位", "配合单位", "完成时限"],
             ["1", "强化政治引领", "完善中心组学习制度", "党委宣传部", "党委办公室", "每年3月"],
             ["2", "提升党员队伍质量", "严格执行发展党员工作细则", "党委组织部", "党委教师工作部",
              "长期坚持"],
             ["2", "提升党员队伍质量", "建立学生党员先锋指数评价体系", "党委学生工作部", "团委",
              "2027年6月"],
             ["3", "落实经费保障", "党建经费列入预算", "财务处", "", "每年"]]
    out = task_rows(table)
    assert [p[:3] for p in out] == ["1.强", "2.提", "（1）", "（2）", "3.落"]
    src = tmp_path / "plan.txt"
    src.write_text("\n".join(["某某大学行动计划（2026—2028年）", "一、重点任务", *out]),
                   encoding="utf-8")
    doc = parse_file(src, doc_id="plan")
    items = [c for c in doc.clauses if c.path[0] == "一"]
    assert [c.path for c in items] == [["一", "1"], ["一", "2", "（1）"], ["一", "2", "（2）"],
                                       ["一", "3"]]
    assert [s.heading for s in doc.sections if s.path == ["一", "2"]] == ["提升党员队伍质量"]
    rows = {t.text[:6]: t for c in items for t in c.tasks}
    assert not any("单位" in k or "时限" in k for k in rows)
    first, second = rows["严格执行发展"], rows["建立学生党员"]
    assert [d.canonical for d in first.lead] == ["党委组织部"]
    assert [d.canonical for d in second.lead] == ["党委学生工作部"]
    assert [d.canonical for d in second.support] == ["团委"]
    assert first.kind == "ongoing" and [d.end for d in second.deadlines] == ["2027-06-30"]
