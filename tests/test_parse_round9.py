"""Round 9 table rules: a table pasted a cell a line whose empty cells are blank lines (or
lost), anchored by its row numbers and its header's width; a time-limit-only note of a row
without a lead; .docx tables with cells merged down and across; responsibility cells that
name their lead and support themselves."""

from __future__ import annotations

from pbdocs.model import Source
from pbdocs.normalize import normalize
from pbdocs.outline import build_document
from pbdocs.parse import parse_file


def _doc(text: str):
    norm, _ = normalize(text)
    return build_document(norm, "t", Source(path="t.txt", format="txt", sha256="0" * 64))


def _cell_lines(empty: str | None) -> str:
    """A plan whose task table is pasted one cell a line; row 3's 责任单位 is `empty` (a blank
    line) or missing (None)."""
    rows = [("1", "理论武装", "每月组织一次集中学习", "党委宣传部", "2026年起每月"),
            ("2", "支部建设", "开展支部标准化建设", "党委组织部", "2026年6月底前"),
            ("3", "档案管理", "建立党员教育档案", empty, "2026年10月底前"),
            ("4", "成效评估", "对实施情况进行总结评估", "党委办公室", "2027年11月"),
            ("5", "网络阵地", "开设网上学习专栏", "党委宣传部", "每周"),
            ("6", "关爱服务", "为党员提供帮扶服务", "工会", "长期")]
    table = ["序号", "任务名称", "主要内容", "责任单位", "完成时间"]
    for row in rows:
        table.extend(c for c in row if c is not None)
    return "\n".join(["某某学院党员教育提升行动计划", "一、总体目标",
                      "到2027年底，党员教育培训覆盖率达到100%。", "二、重点任务", *table,
                      "三、保障措施", "各单位要高度重视，认真抓好落实。"])


def test_an_empty_cell_as_a_blank_line_does_not_shift_the_rows_after_it():
    doc = _doc(_cell_lines(""))
    rows = [c for c in doc.clauses if c.path[0] == "二"]
    assert [c.number for c in rows] == ["1", "2", "3", "4", "5", "6"]
    assert [c.heading for c in rows] == ["理论武装", "支部建设", "档案管理", "成效评估",
                                         "网络阵地", "关爱服务"]
    assert rows[3].text == "对实施情况进行总结评估。"
    assert rows[3].note == "责任单位：党委办公室；完成时限：2027年11月"
    assert rows[5].note == "责任单位：工会；完成时限：长期"
    # the row without a lead keeps its own time limit, out of its text, and nobody else's
    assert rows[2].text == "建立党员教育档案。"
    assert rows[2].note == "完成时限：2026年10月底前"
    assert doc.section(["三"]).heading == "保障措施"


def test_a_cell_lost_altogether_is_placed_by_its_kind():
    doc = _doc(_cell_lines(None))
    rows = [c for c in doc.clauses if c.path[0] == "二"]
    assert [c.number for c in rows] == ["1", "2", "3", "4", "5", "6"]
    assert rows[2].note == "完成时限：2026年10月底前"
    assert rows[3].note == "责任单位：党委办公室；完成时限：2027年11月"


def test_the_leads_and_time_limits_of_such_a_table_are_its_own_rows():
    norm, _ = normalize(_cell_lines(""))
    path_text = norm
    assert "（责任单位：2026年10月底前" not in path_text
    assert "3.档案管理" in path_text and "4.成效评估" in path_text and "6.关爱服务" in path_text


def test_a_bracketed_time_limit_in_running_text_with_other_labels_stays_in_the_text():
    doc = _doc("某某学院工作方案\n一、重点任务\n1.组织专题学习。（时序进度：2026年3月底前；考核要点：学习记录）")
    c = doc.clauses[-1]
    assert "时序进度：2026年3月底前" in c.text and c.note is None


def _docx(tmp_path, name, header, body, merges):
    import docx

    d = docx.Document()
    d.add_paragraph("某某学院2026年党建工作任务分解表")
    t = d.add_table(rows=1 + len(body), cols=len(header))
    for j, h in enumerate(header):
        t.cell(0, j).text = h
    for i, row in enumerate(body, 1):
        for j, c in enumerate(row):
            if c is not None:
                t.cell(i, j).text = c
    for r1, c1, r2, c2 in merges:
        text = t.cell(r1, c1).text
        t.cell(r1, c1).merge(t.cell(r2, c2)).text = text
    path = tmp_path / name
    d.save(path)
    return parse_file(path)


def test_docx_cells_merged_down_repeat_and_a_row_merged_across_is_a_section(tmp_path):
    header = ["序号", "重点任务", "具体举措", "牵头单位", "完成时限"]
    body = [["一、组织建设", None, None, None, None],
            ["1", "加强班子建设", "完善议事规则", "党委办公室", "2026年6月底前"],
            ["2", None, "开展专题培训", "党委组织部", "2026年9月"],
            ["3", None, "落实谈心谈话", None, "2026年12月"],
            ["二、队伍建设", None, None, None, None],
            ["4", "发展党员", "制定发展计划", "党委组织部", "2026年3月"]]
    # 一、组织建设 across the row; 加强班子建设 down three rows; 党委组织部 down two rows
    doc = _docx(tmp_path, "t.docx", header, body, [(1, 0, 1, 4), (2, 1, 4, 1), (3, 3, 4, 3),
                                                     (5, 0, 5, 4)])
    assert [(s.path, s.heading) for s in doc.sections] == [
        (["一"], "组织建设"), (["一", "（一）"], "加强班子建设"),
        (["二"], "队伍建设"), (["二", "（一）"], "发展党员")]
    tasks = [c for c in doc.clauses if c.number]
    assert [c.text.split("。")[0] for c in tasks] == ["完善议事规则", "开展专题培训",
                                                      "落实谈心谈话", "制定发展计划"]
    assert [[d.name for d in c.lead] for c in tasks] == [["党委办公室"], ["党委组织部"],
                                                         ["党委组织部"], ["党委组织部"]]
    assert not any("组织建设" in (c.note or "") for c in doc.clauses)


def test_html_row_spanning_all_columns_is_a_section(tmp_path):
    head = "".join(f"<th>{h}</th>" for h in ["序号", "工作任务", "牵头单位", "完成时限"])
    body = ('<tr><td colspan="4">一、思想建设</td></tr>'
            "<tr><td>1</td><td>组织专题学习</td><td>党委宣传部</td><td>2026年3月底前</td></tr>"
            '<tr><td colspan="4">二、组织建设</td></tr>'
            "<tr><td>2</td><td>完成支部换届</td><td>党委组织部</td><td>2026年9月底前</td></tr>")
    p = tmp_path / "t.html"
    p.write_text(f"<html><body><p>现将任务分解如下。</p><table><tr>{head}</tr>{body}</table>"
                 "</body></html>", encoding="utf-8")
    doc = parse_file(p)
    assert [(s.path, s.heading) for s in doc.sections] == [(["一"], "思想建设"),
                                                          (["二"], "组织建设")]
    assert [c.path for c in doc.clauses if c.number] == [["一", "1"], ["二", "2"]]


def test_docx_responsibility_cells_that_name_lead_and_support(tmp_path):
    header = ["序号", "工作任务", "责任单位", "完成时限"]
    body = [["1", "完善制度", "牵头：党委组织部；配合：党委宣传部", "2026年6月"],
            ["2", "开展培训", "党委组织部（牵头）、人事处", "2026年9月"]]
    doc = _docx(tmp_path, "r.docx", header, body, [])
    tasks = [c for c in doc.clauses if c.number]
    assert [[d.name for d in c.lead] for c in tasks] == [["党委组织部"], ["党委组织部"]]
    assert [[d.name for d in c.support] for c in tasks] == [["党委宣传部"], ["人事处"]]
