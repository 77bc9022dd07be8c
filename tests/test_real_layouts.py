"""Layouts real plans arrive in (issue 13): page chrome, 红头 and disclosure headers, titles
without a genre word, 主送 by its shape, signatures, numbering of any size and nesting. Each
example is the failure a real document showed, written small."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pbdocs.model import Source
from pbdocs.normalize import normalize
from pbdocs.outline import build_document


def _doc(text: str):
    norm, warnings = normalize(text)
    doc = build_document(norm, "t", Source(path="t.txt", format="txt", sha256="0" * 64))
    doc.warnings = warnings + doc.warnings
    return doc


# ---- page chrome ----------------------------------------------------------------------------

def test_portal_banner_glued_to_the_title_is_cut_off():
    doc = _doc("欢迎访问长春工业大学信息门户,今天是关于申报2023年度党建研究课题的通知\n"
               "各二级单位党委、党总支:\n现将有关事项通知如下。\n一、申报条件\n1.申报人须为中共党员。\n")
    assert doc.title == "关于申报2023年度党建研究课题的通知" and doc.kind == "通知"
    assert doc.recipients == ["各二级单位党委", "党总支"]


def test_breadcrumb_glued_to_the_title_time_stamp_and_pagination_are_dropped():
    doc = _doc("通知公告您目前的位置:首页»通知公告»党建工作关于开展党支部书记培训的通知\n11:18:23\n原创\n"
               "各党支部:\n现将培训安排通知如下。\n一、培训时间\n2023年5月。\n首页 上一页 1 2 下一页 尾页\n")
    assert doc.title == "关于开展党支部书记培训的通知"
    assert doc.recipients == ["各党支部"]
    assert [(c.path, c.text) for c in doc.clauses] == [
        (["0"], "现将培训安排通知如下。"), (["一"], "2023年5月。")]
    assert sum(w.kind == "boilerplate_removed" for w in doc.warnings) == 4


def test_site_menu_column_label_and_reading_widget_are_dropped():
    doc = _doc("首页|学院概况|党建工作|本科教学|科学研究|English\n党建工作\n理论学习\n支部建设\n"
               "通知公告\n朗读\n关于加强党支部建设的意见\n为加强党支部建设，提出如下意见。\n")
    assert doc.title == "关于加强党支部建设的意见"
    assert [c.text for c in doc.clauses] == ["为加强党支部建设，提出如下意见。"]


def test_document_sharing_clutter_and_download_prompts_are_dropped():
    doc = _doc("上传人：张三\n关于加强党建的意见\n请点击图标下载浏览\n点击查看更多>>\n为加强党建，提出意见。\n")
    assert doc.title == "关于加强党建的意见"
    assert [c.text for c in doc.clauses] == ["为加强党建，提出意见。"]


def test_database_dump_around_the_text_is_dropped():
    doc = _doc("INSERT INTO `article` VALUES (1023,'2021-05-06','admin');\n关于开展主题党日活动的通知\n"
               "各党支部:\n请按要求开展活动。\n\"id\": 1023, \"hits\": 55,\n")
    assert doc.title == "关于开展主题党日活动的通知"
    assert [c.text for c in doc.clauses] == ["请按要求开展活动。"]


def test_short_body_lines_after_the_text_began_are_not_chrome():
    doc = _doc("各党支部：\n现将有关安排通知如下。\n一、学习内容\n党章\n准则\n条例\n")
    assert doc.clauses[-1].text == "党章\n准则\n条例"


# ---- headers, disclosure blocks, signatures ---------------------------------------------------

def test_red_letterhead_gives_issuer_and_doc_number():
    doc = _doc("中共山东省委文件\n鲁发〔2017〕19号\n中共山东省委关于加强基层党组织建设的意见\n"
               "为加强基层党组织建设，提出如下意见。\n一、总体要求\n坚持党要管党。\n中共山东省委\n2017年6月1日\n")
    assert (doc.issuer, doc.doc_number, doc.date) == ("中共山东省委", "鲁发〔2017〕19号", "2017-06-01")
    assert doc.title == "中共山东省委关于加强基层党组织建设的意见"


def test_disclosure_block_gives_doc_number_issuer_and_the_written_date_repaired():
    doc = _doc("索引号：11370000/2022-00123\n发布机构：省教育厅\n文号：鲁教党发〔2022〕3号\n"
               "成文日期：20221月26\n发布日期：2022-02-10\n关于加强高校党建工作的通知\n各高校党委：\n"
               "现将有关事项通知如下。\n一、加强组织建设\n各高校要建强党支部。\n")
    assert (doc.issuer, doc.doc_number) == ("省教育厅", "鲁教党发〔2022〕3号")
    assert doc.date == "2022-01-26"  # 成文日期 before the posting date, its 年 restored
    assert doc.recipients == ["各高校党委"]  # the 索引号 is not a recipient


def test_disclosure_labels_over_their_values_and_bare_values():
    doc = _doc("• 信息索引号:\n113307020501239658/2023-46395\n• 发布机构:\n区文旅体局\n• 成文日期:\n"
               "2023-05-04\n• 公开方式:\n主动公开\n根据区委统一部署，现将整改情况予以公布。\n")
    assert (doc.issuer, doc.date) == ("区文旅体局", "2023-05-04")
    assert [c.text for c in doc.clauses] == ["根据区委统一部署，现将整改情况予以公布。"]
    doc = _doc("002961825/2025-170757\n部门文件\n县级政策\n教育\n2025-05-27\n县教育局\n县教育局\n通知\n"
               "主动公开\n-\n2025年是关键之年，现提出如下工作要点。\n")
    assert (doc.issuer, doc.date, doc.title) == ("县教育局", "2025-05-27", None)


def test_issuer_from_a_title_that_opens_with_it():
    doc = _doc("教育部办公厅关于开展党建示范创建工作的通知\n各省、自治区、直辖市教育厅（教委）：\n"
               "现将有关事项通知如下。\n一、创建目标\n建成一批示范高校。\n")
    assert doc.issuer == "教育部办公厅"
    assert doc.recipients == ["各省", "自治区", "直辖市教育厅（教委）"]


def test_issuer_and_date_from_the_signature_when_there_is_no_header():
    doc = _doc("一、每月召开支部委员会。\n二、每季度召开党员大会。\n机关党委\n2012年3月22日\n")
    assert (doc.issuer, doc.date) == ("机关党委", "2012-03-22")
    assert [c.text for c in doc.clauses] == ["每月召开支部委员会。", "每季度召开党员大会。"]


def test_undated_signature_and_closing_formula_are_not_content():
    doc = _doc("各分党委(党总支部):\n请于1月21日前报送自评报告。\n注:1、备注栏为“二级党组织”的项目由其自评。\n"
               "2、学院党组织总分为52分。\n特此通知\n中国地质大学(武汉)党委组织部\n")
    assert doc.recipients == ["各分党委(党总支部)"]
    assert (doc.issuer, doc.institution) == ("中国地质大学(武汉)党委组织部", "中国地质大学(武汉)")
    assert [(c.path, c.text) for c in doc.clauses] == [
        (["0"], "请于1月21日前报送自评报告。"), (["1"], "备注栏为“二级党组织”的项目由其自评。"),
        (["2"], "学院党组织总分为52分。")]


def test_joint_signers_keep_one_space_and_a_run_together_date_is_read():
    doc = _doc("关于印发《甘沟驿镇实施方案》的通知\n各村党支部：\n现将《甘沟驿镇实施方案》印发给你们。\n"
               "中共甘沟驿镇委员会    甘沟驿镇人民政府\n2022426\n甘沟驿镇实施方案\n一、总体要求\n坚持党建引领。\n")
    assert doc.issuer == "中共甘沟驿镇委员会 甘沟驿镇人民政府"
    assert (doc.institution, doc.date) == ("甘沟驿镇", "2022-04-26")
    assert doc.title == "甘沟驿镇实施方案" and doc.notice.date == "2022-04-26"


@pytest.mark.parametrize("issuer, institution", [
    ("中共新乡学院教育科学学院委员会", "新乡学院"),  # the university, not its college
    ("中国地质大学（武汉）党委组织部", "中国地质大学（武汉）"),
    ("中共甘沟驿镇委员会", "甘沟驿镇"),
    ("县教育局", None), ("党委组织部", None),
])
def test_institution_of_an_issuer(issuer, institution):
    from pbdocs.metadata import institution_of

    assert institution_of(issuer) == institution


# ---- titles ---------------------------------------------------------------------------------

@pytest.mark.parametrize("title, kind", [
    ("5月党建工作重点任务提示", None),
    ("院(系)级单位党组织工作基本规范(试行)", None),
    ("2020年教育系统党委工作计划", "工作计划"),
])
def test_titles_by_position_and_shape(title, kind):
    doc = _doc(f"{title}\n一、指导思想\n坚持以习近平新时代中国特色社会主义思想为指导。\n")
    assert (doc.title, doc.kind) == (title, kind)


def test_title_in_an_annex_line():
    doc = _doc("附件：中共某某学院委员会党支部工作细则\n第一条 为规范党支部工作，制定本细则。\n")
    assert (doc.title, doc.kind) == ("中共某某学院委员会党支部工作细则", "细则")
    doc = _doc("附件1\n关于加强党支部建设的实施办法\n第一条 为加强党支部建设，制定本办法。\n")
    assert doc.title == "关于加强党支部建设的实施办法"


def test_a_first_line_with_a_sentence_is_not_a_title():
    doc = _doc("为加强党建工作，制定本要点。\n一、目标\n建强支部。\n")
    assert doc.title is None


# ---- notice or plan -------------------------------------------------------------------------

def test_a_notice_that_hands_on_nothing_in_the_file_is_a_notice():
    doc = _doc("关于印发《2023年党建工作要点》的通知\n各党总支：\n现将《2023年党建工作要点》印发给你们，"
               "请认真贯彻执行。\n附件：2023年党建工作要点.docx\n党委办公室\n2023年2月1日\n")
    assert (doc.title, doc.kind, doc.notice) == ("关于印发《2023年党建工作要点》的通知", "通知", None)
    assert (doc.issuer, doc.date, doc.recipients) == ("党委办公室", "2023-02-01", ["各党总支"])


def test_a_publishing_notice_with_its_own_items_is_a_notice():
    doc = _doc("关于发布《2023年度优秀党支部名单》的通知\n各党总支：\n经评审，确定名单如下。\n"
               "一、优秀党支部\n机关第一党支部。\n")
    assert (doc.kind, doc.notice) == ("通知", None)


def test_a_notice_wrapping_its_plan_stays_a_wrapper():
    doc = _doc("关于印发《某某学院党建工作要点》的通知\n各党总支：\n现将《某某学院党建工作要点》印发给你们。\n"
               "中共某某学院委员会\n2023年2月1日\n某某学院党建工作要点\n一、目标\n建强支部。\n")
    assert doc.title == "某某学院党建工作要点" and doc.kind == "工作要点"
    assert doc.notice.title == "关于印发《某某学院党建工作要点》的通知"


# ---- one-line and run-together text ----------------------------------------------------------

def test_pdf_text_on_one_line_is_split_where_its_structure_shows():
    text = ("—1—陕交院党〔2018〕19号中共陕西交通职业技术学院委员会关于印发《加强意识形态工作责任制实施细则》"
            "的通知各党总支、直属党支部:学校《加强意识形态工作责任制实施细则》已经党委研究同意,现印发给你们,"
            "请遵照执行。中共陕西交通职业技术学院委员会2018年3月16日—2—陕西交通职业技术学院加强意识形态工作"
            "责任制实施细则第一条为切实加强和改进我校意识形态工作,制定本细则。第二条按照分级负责的原则,"
            "形成党委统一领导、有关部门共同参—3—与的工作格局。第三条党委成立领导小组。")
    doc = _doc(text)
    assert doc.doc_number == "陕交院党〔2018〕19号" and doc.date == "2018-03-16"
    assert doc.title == "陕西交通职业技术学院加强意识形态工作责任制实施细则"
    assert doc.recipients == ["各党总支", "直属党支部"]
    assert [c.number for c in doc.clauses] == ["第一条", "第二条", "第三条"]
    assert "共同参与的工作格局" in doc.clauses[1].text  # the page number inside a word is gone
    assert any(w.kind == "line_split" for w in doc.warnings)


def test_items_run_together_after_spaces_are_split_in_sequence():
    doc = _doc("县教育局机关党委工作要点\n2025年是关键之年,现提出如下要点。 一、坚持政治统领,持续深化理论武装 "
               "1.强化政治机关建设。始终把党的政治建设摆在首位,严肃党内政治生活。 2.深化理论学习。坚持把学习"
               "贯彻习近平新时代中国特色社会主义思想作为首要政治任务,持续巩固拓展主题教育成果。")
    assert [s.path for s in doc.sections] == [["一"]]
    assert [(c.path, c.heading) for c in doc.clauses] == [
        (["0"], None), (["一", "1"], "强化政治机关建设"), (["一", "2"], "深化理论学习")]


# ---- outline --------------------------------------------------------------------------------

def test_a_middle_level_under_one_section_is_not_flattened():
    doc = _doc("一、总体要求\n坚持党要管党。\n二、主要任务\n（一）组织建设\n1.建强支部。每年评星。\n"
               "2.发展党员。严把入口。\n（二）作风建设\n1.改进作风。\n三、保障措施\n1.加强领导。\n")
    assert [(s.path, s.level) for s in doc.sections] == [
        (["一"], 1), (["二"], 1), (["二", "（一）"], 2), (["二", "（二）"], 2), (["三"], 1)]
    assert [c.path for c in doc.clauses] == [
        ["一"], ["二", "（一）", "1"], ["二", "（一）", "2"], ["二", "（二）", "1"], ["三", "1"]]


def test_items_numbered_100_and_up_are_items_of_their_own():
    items = "\n".join(f"{n}.落实第{n}项任务，每年至少检查1次。" for n in range(1, 1384))
    doc = _doc(f"关于落实重点任务的实施方案\n一、重点任务\n{items}\n")
    assert len(doc.clauses) == 1383 and doc.clauses[-1].path == ["一", "1383"]
    assert max(len(c.text) for c in doc.clauses) < 40
    assert not [w for w in doc.warnings if w.kind in ("number_gap", "long_clause")]


def test_an_implausibly_long_clause_is_warned_about():
    doc = _doc("一、任务\n" + "落实第N项任务，每年至少检查1次。" * 300 + "\n")
    assert [w.kind for w in doc.warnings if w.kind == "long_clause"] == ["long_clause"]


@pytest.mark.parametrize("text, numbers", [
    ("第1条 为加强党建，制定本办法。\n第2条 本办法自发布之日起施行。\n", ["第1条", "第2条"]),
    ("第三条  为加强党建，制定本办法。\n四条  坚持标准。加强发展工作。\n", ["第三条", "四条"]),
    ("第一、意识形态工作是党的一项极端重要的工作。\n第二、做好意识形态工作。\n", ["第一", "第二"]),
])
def test_article_numbering_variants(text, numbers):
    doc = _doc(text)
    assert [c.number for c in doc.clauses] == numbers and [c.path[-1] for c in doc.clauses] == numbers


def test_stage_headings_and_yi_shi_items():
    doc = _doc("三、方法步骤\n按三个环节进行。\n第一环节:学习教育、听取意见\n重点抓好学习宣传。\n"
               "第二环节:查摆问题\n一是加强思想建设，每月组织学习。二是加强组织建设。\n")
    assert [(s.path, s.heading) for s in doc.sections] == [
        (["三"], "方法步骤"), (["三", "第一环节"], "学习教育、听取意见"), (["三", "第二环节"], "查摆问题")]
    # 一是…。二是… run on in one paragraph is prose: one clause's text (the extraction splits
    # its tasks); 一是 and 二是 opening paragraphs of their own are numbered items
    assert [c.path for c in doc.clauses][-1] == ["三", "第二环节"]
    assert doc.clauses[-1].text == "一是加强思想建设，每月组织学习。二是加强组织建设。"
    doc = _doc("三、方法步骤\n一是加强思想建设，每月组织学习。\n二是加强组织建设。\n")
    assert [c.path for c in doc.clauses] == [["三", "一是"], ["三", "二是"]]


def test_headline_over_items_in_prose_leads_its_clause():
    doc = _doc("一、强化理论武装\n深化党的创新理论学习。一是落实“第一议题”制度。二是发挥示范作用。\n"
               "二、加强组织\n一是推进标准化建设。二是做好发展党员工作。\n"
               "三、落实责任\n各学校党组织书记要切实履行第一责任人职责。班子成员落实“一岗双责”。\n")
    assert [(c.path, c.number, c.heading) for c in doc.clauses] == [
        (["一"], None, "深化党的创新理论学习"), (["二"], None, None), (["三"], None, None)]


def test_quoted_label_before_a_colon_leads_its_clause():
    doc = _doc("四、等次标准\n(一)“好”等次:党支部书记政治素质过硬,认真履行第一责任人职责。\n"
               "(二)“较好”等次:能够较好履行抓党建工作职责,完成年度党建工作任务。\n")
    assert [c.heading for c in doc.clauses] == ["“好”等次", "“较好”等次"]


@pytest.mark.parametrize("first, heading", [
    ("加强校内基层党委、党总支建设的主要原则和目标任务。", "加强校内基层党委、党总支建设的主要原则和目标任务"),
    ("考核结果作为二级党组织书记评优评先的重要依据。", None),
])
def test_an_article_leads_only_with_a_headline(first, heading):
    doc = _doc(f"第四条 {first}坚持党要管党、从严治党的原则。\n")
    assert doc.clauses[0].heading == heading


def test_a_full_sentence_is_not_a_lead_phrase():
    doc = _doc("一、各支部要实事求是,按时认真记载,内容要准确,字迹要清晰。机关党委不定期检查。\n"
               "二、申报材料主标题用二号方正小标宋GBK,主标题下党组织名称用小三号楷体。正文用三号仿宋。\n"
               "三、落实领导职责。将党建工作列入中心工作大局通盘考虑。\n")
    assert [c.heading for c in doc.clauses] == [None, None, "落实领导职责"]


# ---- tables as tasks -------------------------------------------------------------------------

_HEADER = ["工作任务", "任务分解", "时序进度", "考核要点"]
_ROWS = [("加强政治建设", "组织专题学习", "2023年3月底前", "学习记录"),
         ("加强政治建设", "开展集中研讨", "2023年6月底前", "研讨纪要"),
         ("加强组织建设", "完成支部换届", "2023年9月底前", "换届材料")]
_EXPECTED = [(["（一）"], None), (["（一）", "1"], "组织专题学习。"), (["（一）", "2"], "开展集中研讨。"),
             (["（二）"], None), (["（二）", "1"], "完成支部换届。")]


def _parsed(path):
    from pbdocs.parse import parse_file

    doc = parse_file(path, extract=False)
    return ([(s.path, None) for s in doc.sections]
            + [(c.path, c.text.split("（")[0]) for c in doc.clauses]), doc


def _sorted(items):
    return sorted(items, key=lambda x: (x[0], x[1] or ""))


def test_html_task_table_with_rowspans(tmp_path):
    head = "".join(f"<th>{h}</th>" for h in _HEADER)
    body = ('<tr><td rowspan="2">加强政治建设</td><td>组织专题学习</td><td>2023年3月底前</td><td>学习记录</td></tr>'
            "<tr><td>开展集中研讨</td><td>2023年6月底前</td><td>研讨纪要</td></tr>"
            "<tr><td>加强组织建设</td><td>完成支部换届</td><td>2023年9月底前</td><td>换届材料</td></tr>")
    p = tmp_path / "t.html"
    p.write_text(f"<html><body><p>现将任务分解如下。</p><table><tr>{head}</tr>{body}</table></body></html>",
                 encoding="utf-8")
    got, doc = _parsed(p)
    assert _sorted([x for x in got if x[0] != ["0"]]) == _sorted(_EXPECTED)
    assert doc.section(["（一）"]).heading == "加强政治建设"
    first = doc.clauses[1]
    assert "时序进度：2023年3月底前" in first.text and "考核要点：学习记录" in first.text


def test_docx_task_table_with_merged_cells(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("现将任务分解如下。")
    t = d.add_table(rows=4, cols=4)
    for c, h in enumerate(_HEADER):
        t.cell(0, c).text = h
    for r, row in enumerate(_ROWS, 1):
        for c, v in enumerate(row):
            if not (c == 0 and r == 2):
                t.cell(r, c).text = v
    t.cell(1, 0).merge(t.cell(2, 0))  # 加强政治建设 spans two rows (w:vMerge)
    d.save(tmp_path / "t.docx")
    got, doc = _parsed(tmp_path / "t.docx")
    assert _sorted([x for x in got if x[0] != ["0"]]) == _sorted(_EXPECTED)


def test_markdown_and_text_task_tables(tmp_path):
    md = "现将任务分解如下。\n\n| " + " | ".join(_HEADER) + " |\n|" + "---|" * 4 + "\n" + "".join(
        "| " + " | ".join(r) + " |\n" for r in _ROWS)
    (tmp_path / "t.md").write_text(md, encoding="utf-8")
    txt = "现将任务分解如下。\n" + " | ".join(_HEADER) + " ||\n" + "".join(
        " | ".join(r) + " ||\n" for r in _ROWS)
    (tmp_path / "t.txt").write_text(txt, encoding="utf-8")
    for name in ("t.md", "t.txt"):
        got, doc = _parsed(tmp_path / name)
        assert _sorted([x for x in got if x[0] != ["0"]]) == _sorted(_EXPECTED), name


def test_a_table_that_is_not_a_task_table_stays_cell_by_cell(tmp_path):
    p = tmp_path / "t.html"
    p.write_text("<html><body><table><tr><td>职务</td><td>姓名</td></tr><tr><td>组长</td><td>张三</td>"
                 "</tr></table></body></html>", encoding="utf-8")
    from pbdocs.read import read_file

    assert read_file(p).text.split("\n\n") == ["职务", "姓名", "组长", "张三"]


def test_task_table_departments_reach_the_extraction(tmp_path):
    from pbdocs.parse import parse_file

    p = tmp_path / "t.txt"
    p.write_text("关于落实重点任务的通知\n一、重点任务\n工作任务 | 牵头单位 | 配合单位 | 完成时限\n"
                 "开展党支部书记轮训 | 党委组织部 | 各二级党委 | 2023年6月底前\n", encoding="utf-8")
    c = parse_file(p).clauses[-1]
    assert [d.canonical for d in c.lead] == ["党委组织部"] and c.deadlines


def test_pdf_spaces_inside_words_are_removed(tmp_path):
    from readfixtures import write_pdf

    from pbdocs.parse import parse_file

    p = write_pdf(tmp_path / "p.pdf", ["关于学习贯彻党的十 九大精神的通知",
                                       "教育 部党组要求各地建成10000 个示范点，每年至少开展 2 次检查。"])
    doc = parse_file(p, extract=False)
    assert doc.clauses[-1].text == "教育部党组要求各地建成10000个示范点，每年至少开展2次检查。"
    assert doc.title == "关于学习贯彻党的十九大精神的通知"  # the running header 内部资料 is gone


@pytest.mark.parametrize("block", [
    "索引号 | 113301/2023-00012 | 分类 | 党建 |\n发布机构 | 县委组织部 | 发文日期 | 2023-05-01 |\n"
    "名称 | 关于加强党建的通知 |\n文号 | 县组通〔2023〕5号 | 主题词 | |\n",
    "索引号\n113301/2023-00012\n发布机构\n县委组织部\n文号\n县组通〔2023〕5号\n成文日期\n2023-05-01\n",
])
def test_disclosure_tables_without_colons(block):
    doc = _doc(block + "关于加强党建的通知\n各党委：\n现将有关事项通知如下。\n")
    assert (doc.title, doc.issuer, doc.doc_number, doc.date, doc.recipients) == (
        "关于加强党建的通知", "县委组织部", "县组通〔2023〕5号", "2023-05-01", ["各党委"])
    assert [c.text for c in doc.clauses] == ["现将有关事项通知如下。"]


def test_a_bare_word_like_a_label_over_other_text_stays():
    doc = _doc("一、学习安排\n时间\n内容\n2023年5月\n开展学习\n")
    assert doc.clauses[0].text == "时间\n内容\n2023年5月\n开展学习"


@pytest.mark.parametrize("line", [
    "根据上级通知各单位要于3月底前完成以下工作：组织专题学习，开展谈心谈话，做好材料报送，确保各项工作按时保质完成，不得拖延。",
    "第四条 为加强党建工作，根据《条例》 第一条规定，各党支部应当每月召开支部委员会，每季度召开党员大会，必要时可以随时召开，并做好会议记录。",
    "截至 2023 年，全校共有党员 1.2 万名，其中学生党员 6000 余名，教职工党员 3000 余名，离退休党员 2000 余名，党员总数较上年增长 5%。",
])
def test_ordinary_long_lines_are_not_split(line):
    from pbdocs.normalize import _split_run_on

    assert _split_run_on(line) == [line]


@pytest.mark.parametrize("where", ["end", "middle"])
def test_page_fields_below_or_inside_the_text_are_not_content(where):
    posted = "发布时间：2023-05-02 浏览次数：33\n"
    body = "一、学习内容\n党章。\n"
    text = ("关于开展学习的通知\n各党支部：\n请组织学习。\n" + (posted + body if where == "middle" else body)
            + ("党委组织部\n2023年5月1日\n" + posted if where == "end" else ""))
    doc = _doc(text)
    assert [c.text for c in doc.clauses] == ["请组织学习。", "党章。"]
    assert doc.date == ("2023-05-01" if where == "end" else "2023-05-02")


# ---- round 2: layouts the round-1 held-out texts showed ----------------------------------------

def test_one_line_pdf_table_with_its_header_and_headings_glued():
    # a PDF table copied onto one line: page marks, the header row run together (and repeated
    # after the page break), a 类别 heading glued to its first 项目, later items after a stop
    line = ("—33—2019年度某省基层党组织建设考核评价项目(机关、事业单位党组织)类别项目要求责任单位"
            "一、组织建设好(1)一个组织网络党组织设置规范。党组织设置合理,实现全覆盖。"
            "(2)一个群团网络工青妇组织设置完备。工青妇组织全年开展不少于2次活动。"
            "二、队伍建设好(3)一个好书记书记配备。书记由党员负责人兼任。"
            "—34—类别项目要求责任单位(4)一个好班子班子健全。①班子通过选举产生;②班子按规定人数配齐。")
    doc = _doc(line + "\n")
    assert doc.title == "2019年度某省基层党组织建设考核评价项目(机关、事业单位党组织)"
    assert [(s.path, s.heading) for s in doc.sections] == [(["一"], "组织建设好"),
                                                          (["二"], "队伍建设好")]
    assert [c.path for c in doc.clauses] == [["一", "(1)"], ["一", "(2)"], ["二", "(3)"],
                                             ["二", "(4)"]]
    assert "类别项目要求责任单位" not in doc.text and "—34—" not in doc.text
    assert doc.clauses[-1].text.endswith("②班子按规定人数配齐。")  # ① ② stay in their item


def test_untitled_notice_handing_on_a_plan():
    doc = _doc("全区各中小学、幼儿园党组织:\n现将《某区教育局党委主题教育实施方案》印发给你们,请认真抓好贯彻落实。\n"
               "中共某市某区教育局委员会\n2019年9月13日\n某区教育局党委主题教育实施方案\n"
               "根据上级部署,制定本实施方案。\n一、目标任务\n开展主题教育。\n")
    assert (doc.title, doc.kind) == ("某区教育局党委主题教育实施方案", "实施方案")
    assert doc.issuer == "中共某市某区教育局委员会" and doc.institution == "某市某区教育局"
    assert doc.date == "2019-09-13" and doc.notice.title is None
    assert doc.notice.body.startswith("现将《") and doc.recipients[0] == "全区各中小学"
    assert doc.clauses[0].text == "根据上级部署,制定本实施方案。"


def test_a_numbered_line_at_the_end_is_no_signature():
    doc = _doc("关于某事的实施细则\n第一条 为加强工作,制定本细则。\n第二条 学校党委对学校意识形态工作负主体责任。\n"
               "第三条 学校党委对学校\n")
    assert doc.issuer is None and doc.clauses[-1].number == "第三条"


def test_no_lead_phrase_that_names_a_doer_or_a_score_or_an_author():
    doc = _doc("一、活动安排\n1.习近平:切实加强基础研究夯实科技自立自强根基\n"
               "2.《测评表》由各学院自行收齐留存。各学院填写汇总表。\n"
               "3.政令畅通,各项部署落实到位(11分)。由党建科室根据完成情况打分。\n")
    assert [c.heading for c in doc.clauses] == [None, None, None]


def test_a_table_of_work_items_and_targets_only_is_read_as_written():
    doc = _doc("某部门2020年度目标责任书\n工作任务 | 目标及质量要求 |\n"
               "招商引资(2分) | 第一、二季度任务分别为500、600万元。 |\n"
               "统战工作(5分) | 第一季度:开展安全检查1次(9分);组织企业培训1次(8分)。 |\n")
    # nothing numbered: a clause a row as written (round 11: a clause a paragraph), no items
    assert [c.path for c in doc.clauses] == [["0"], ["p1"], ["p2"]] and not doc.sections
    assert all(c.number is None for c in doc.clauses)
    assert doc.clauses[1].text.startswith("招商引资(2分) |第一、二季度任务")


def test_devcorpus_outline_gold_stays_above_its_floor():
    """Metadata and outline of the real texts of ../shared/devcorpus against the dev gold
    (benchmarks/gold_devcorpus.py; results in benchmarks/gold_devcorpus_dev.txt): floors a
    little under what the rules reach, so a change that makes them worse fails."""
    import importlib.util
    import json
    from pathlib import Path

    from pbdocs.parse import parse_file

    root = Path(__file__).resolve().parents[1]
    texts = root.parent / "shared" / "devcorpus"
    if not texts.is_dir():
        pytest.skip("the shared devcorpus is not beside the checkout")
    spec = importlib.util.spec_from_file_location("gold_devcorpus",
                                                  root / "benchmarks" / "gold_devcorpus.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    ok = n = meta_fail = files = 0
    for g in sorted((root / "tests" / "gold" / "devcorpus" / "outline" / "dev").glob("*.json")):
        doc = parse_file(texts / f"{g.stem}.txt", doc_id=g.stem, extract=False)
        passed, total, fails = bench.checks(doc, json.loads(g.read_text(encoding="utf-8")))
        ok, n, files = ok + passed, n + total, files + 1
        meta_fail += sum(f.startswith("metadata") for f in fails)
    assert ok / n >= 0.98, (ok, n)
    assert 1 - meta_fail / (8 * files) >= 0.98, meta_fail


def test_round2_outline_gold_stays_above_its_floor():
    """Round 2's texts (tests/fixtures/heldout2, scored once at the end of round 2: metadata
    66.2 %, all checks 84.7 %) are tuning data since; floors a little under what the rules reach
    now (benchmarks/gold_devcorpus.py --set heldout2: metadata 79/80, all checks 1053/1058)."""
    import importlib.util

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("gold_devcorpus",
                                                  root / "benchmarks" / "gold_devcorpus.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    last = bench.score_set("heldout2", False, *bench.SETS["heldout2"])[-1]
    m = re.search(r"metadata (\d+)/(\d+).*all checks (\d+)/(\d+)", last)
    meta_ok, meta_n, ok, n = (int(x) for x in m.groups())
    assert meta_ok / meta_n >= 0.975 and ok / n >= 0.99, last


def test_task_table_pasted_with_runs_of_spaces(tmp_path):
    # a table pasted from a word processor as text: cells separated by runs of spaces of any
    # length, category rows （一） over rows numbered again from 1, and 注：1. notes after it
    text = ("某某学院2025年党建工作任务清单\n"
            "为推动工作落实，制定本清单。\n"
            "序号  工作任务      责任院领导    牵头单位      完成时间\n"
            "（一）政治建设\n"
            "1     落实“第一议题”制度    党委书记    党委办公室    长期坚持\n"
            "2     修订议事规则     党委书记      党委办公室    2025年4月底前\n"
            "（二）组织建设\n"
            "1     完成党支部换届选举       党委副书记    党委组织部      2025年6月\n"
            "注：1.完成时间未标注年份的，均为2025年。\n"
            "2.牵头单位为第一责任单位。\n")
    p = tmp_path / "t.txt"
    p.write_text(text, encoding="utf-8")
    from pbdocs.parse import parse_file

    doc = parse_file(p, extract=False)
    assert [s.path for s in doc.sections] == [["（一）"], ["（二）"]]
    assert [s.heading for s in doc.sections] == ["政治建设", "组织建设"]
    assert [c.path for c in doc.clauses] == [["0"], ["（一）", "1"], ["（一）", "2"],
                                             ["（二）", "1"], ["1"], ["2"]]
    assert doc.clauses[0].text == "为推动工作落实，制定本清单。"  # the header row is no text
    first = doc.clauses[1]
    assert first.text.startswith("落实“第一议题”制度")
    assert "党委办公室" in first.note and "长期坚持" in first.note
    assert doc.clauses[4].text == "完成时间未标注年份的，均为2025年。"


def test_spaced_lines_without_column_labels_are_not_a_table(tmp_path):
    text = ("某某学院党建工作安排\n一、人员分工\n张三  李四  王五\n1.做好学习。\n")
    p = tmp_path / "t.txt"
    p.write_text(text, encoding="utf-8")
    from pbdocs.parse import parse_file

    doc = parse_file(p, extract=False)
    assert not any(w.kind == "table_rows_joined" for w in doc.warnings)


def test_link_lists_and_visitor_counters_after_the_signature_are_dropped():
    # a page's foot under the signature: related links and a visitor counter; the signature
    # is then the text's last lines again (issuer and date from it, not from the page fields)
    doc = _doc("2025年党员教育培训工作计划\n发布时间:2025-03-04 09:12:37    来源:党委组织部(党校)\n"
               "为提高培训质量,制定本计划。\n一、目标任务\n全年实现党员教育培训全覆盖。\n"
               "某某师范学院党委组织部\n2025年3月3日\n"
               "相关链接: 共产党员网 | 学习强国 | 全国党员教育平台\n"
               "技术支持:网络信息中心  您是第 0012873 位访客\n")
    assert doc.issuer == "某某师范学院党委组织部" and doc.date == "2025-03-03"
    assert doc.institution == "某某师范学院"
    assert doc.clauses[-1].text == "全年实现党员教育培训全覆盖。"


def test_an_attachment_list_after_a_contact_line_is_not_text():
    doc = _doc("关于开展述职评议的通知\n各党总支:\n现将有关事项通知如下。\n一、工作要求\n"
               "1.各党总支要高度重视。\n2.党委组织部将派员列席。\n"
               "联系人:周老师,电子邮箱:zzb@example.edu.cn\n附件:1.述职评议测评表\n2.考核结果汇总表\n"
               "某某学院党委组织部\n2024年11月25日\n")
    assert [c.path for c in doc.clauses] == [["0"], ["一", "1"], ["一", "2"]]
    assert doc.clauses[-1].text.endswith("zzb@example.edu.cn")
    assert doc.issuer == "某某学院党委组织部" and doc.date == "2024-11-25"


def test_spaced_task_table_with_a_wrapped_cell_and_an_unknown_column(tmp_path):
    text = ("某某学院2025年党建工作任务清单\n为推动工作落实，制定本清单。\n"
            "序号  重点任务      责任人    督办人   时间安排\n"
            "1     落实“第一议题”制度，党委会第一时间传达    党委书记    张某    长期坚持\n"
            "      学习重要讲话精神\n"
            "2     修订议事规则     党委书记      李某    2025年4月底前\n")
    p = tmp_path / "t.txt"
    p.write_text(text, encoding="utf-8")
    from pbdocs.parse import parse_file

    doc = parse_file(p, extract=False)
    assert [c.path for c in doc.clauses] == [["0"], ["1"], ["2"]]
    assert doc.clauses[1].text.startswith("落实“第一议题”制度，党委会第一时间传达学习重要讲话精神")
    assert "2025年4月底前" in doc.clauses[2].note


def test_task_table_lead_column_beside_responsible_units_and_leaders():
    # 牵头单位 beside 责任单位: the responsible units share the work (support); a column of
    # college leaders names persons in charge, not a department
    from pbdocs.read.tables import task_rows

    rows = task_rows([["序号", "工作任务", "责任院领导", "牵头单位", "责任单位", "完成时间"],
                      ["1", "修订议事规则", "党委书记", "党委办公室", "院长办公室", "4月底前"]])
    assert rows == ["1.修订议事规则。（责任领导：党委书记；牵头单位：党委办公室；"
                    "配合单位：院长办公室；完成时限：4月底前）"]
    alone = task_rows([["序号", "工作任务", "责任单位", "完成时间"], ["1", "修订议事规则", "党委办公室", "4月底前"]])
    assert alone == ["1.修订议事规则。（责任单位：党委办公室；完成时限：4月底前）"]


def test_spaced_task_table_row_with_an_empty_cell_keeps_its_time():
    text = ("某某学院2025年党建工作任务清单\n为推动工作落实，制定本清单。\n"
            "序号  工作任务      牵头单位    配合单位   完成时间\n"
            "1     落实“第一议题”制度    党委办公室    各党总支    长期坚持\n"
            "2     修订议事规则     党委办公室      2025年4月底前\n")
    doc = _doc(text)
    assert doc.clauses[2].note == "牵头单位：党委办公室；完成时限：2025年4月底前"


def test_recipients_with_the_text_run_on_after_the_colon():
    doc = _doc("关于开展党员组织关系排查的通知\n各党总支、直属党支部：为摸清党员底数，现就有关事项通知如下。\n"
               "一、排查范围\n全体党员。\n党委组织部\n2025年6月1日\n")
    assert doc.recipients == ["各党总支", "直属党支部"]
    assert doc.clauses[0].text == "为摸清党员底数，现就有关事项通知如下。"
    norm, _ = normalize("一、工作要求\n各党总支：要按时报送。\n")
    assert "各党总支：要按时报送。" in norm  # after a numbered item: a line of the text


def test_spaced_task_table_with_a_category_column_spanning_rows_and_a_repeated_header():
    text = ("某某学院2025年党建工作任务分解表\n为推动工作落实，制定本表。\n"
            "类别      序号  工作任务      牵头部门    完成时限\n"
            "政治建设  1     落实“第一议题”制度    党委办公室    长期坚持\n"
            "          2     开展中心组学习     党委宣传部      每月\n"
            "组织建设  3     完成支部换届选举       党委组织部    2025年6月\n"
            "类别      序号  工作任务      牵头部门    完成时限\n"
            "          4     开展星级评定       党委组织部    2025年12月\n")
    doc = _doc(text)
    assert [(s.path, s.heading) for s in doc.sections] == [(["（一）"], "政治建设"),
                                                           (["（二）"], "组织建设")]
    assert [c.path for c in doc.clauses] == [["0"], ["（一）", "1"], ["（一）", "2"],
                                             ["（二）", "3"], ["（二）", "4"]]
    assert doc.clauses[-1].note == "牵头部门：党委组织部；完成时限：2025年12月"


def test_records_in_labelled_lines_are_one_clause_each_with_their_notes():
    text = ("某某学院巡察反馈问题整改清单\n"
            "问题一：部分支部组织生活不规范，记录简单。\n"
            "整改措施：开展专项检查，建立问题台账。\n"
            "责任领导：党委副书记　某某\n"
            "牵头单位：党委组织部\n"
            "配合单位：各党总支\n"
            "完成时限：2026年4月底前\n"
            "问题二：经费使用进度偏慢。\n"
            "整改措施：开展专项清理，每半年通报一次。\n"
            "牵头单位：计划财务处\n"
            "完成时限：2026年6月\n")
    doc = _doc(text)
    assert [c.path for c in doc.clauses] == [["问题一"], ["问题二"]]
    assert doc.sections == []
    one, two = doc.clauses
    assert one.number == "问题一" and one.heading == "部分支部组织生活不规范，记录简单"
    # the labelled lines stay lines of the record, and its leads and time limit are its note
    assert one.text.split("\n")[-3:] == ["牵头单位：党委组织部", "配合单位：各党总支",
                                         "完成时限：2026年4月底前"]
    assert "牵头单位：党委组织部" in one.note and "完成时限：2026年4月底前" in one.note
    assert "责任领导：党委副书记\u3000某某" in one.text  # a post and its holder stay apart
    norm, _ = normalize("加强党的建 设，落实书记　责任。\n")
    assert "加强党的建设，落实书记责任。" in norm  # spaces that broke words still go
    assert "计划财务处" in two.note and "党委组织部" not in two.note
    assert two.text.endswith("完成时限：2026年6月")


def test_notice_body_stops_before_its_attachment_line():
    text = ("某院组〔2026〕2号\n关于印发《某某学院整改任务清单》的通知\n各党总支：\n"
            "现将整改任务清单印发给你们，请对照清单逐项整改。\n"
            "附件：整改情况报告（模板）\n中共某某学院委员会组织部\n2026年1月28日\n"
            "某某学院整改任务清单\n一、总体要求\n按时完成整改。\n")
    doc = _doc(text)
    assert doc.notice is not None
    assert doc.notice.body == "现将整改任务清单印发给你们，请对照清单逐项整改。"
    assert doc.kind == "任务清单"


def test_table_pasted_one_cell_per_line_with_a_name_column_before_its_measures():
    text = ("某某学院2026年基层党建行动计划\n为推动基层党建提质增效，制定本计划。\n"
            "序号\n任务名称\n主要举措\n牵头部门\n协同部门\n推进节点\n"
            "1\n党建引领专业建设\n推行党总支书记参加专业建设委员会制度\n党委组织部\n教务处\n2026年5月\n"
            "2\n“双带头人”培育\n新选任教师党支部书记中“双带头人”比例达到100%\n党委组织部\n"
            "教师工作部\n持续推进\n"
            "3\n党员学习教育\n开展线上学习，人均学时不少于50学时\n党委宣传部\n各党总支\n每季度通报\n")
    doc = _doc(text)
    rows = doc.clauses[1:]
    assert [c.path for c in rows] == [["1"], ["2"], ["3"]]
    assert [c.heading for c in rows] == ["党建引领专业建设", "“双带头人”培育", "党员学习教育"]
    # the name cell heads the row; the measure cell is its text, the other cells its note
    assert rows[0].text == "推行党总支书记参加专业建设委员会制度。"
    assert rows[2].text.startswith("开展线上学习，人均学时不少于50学时")
    assert rows[0].note == "牵头部门：党委组织部；协同部门：教务处；推进节点：2026年5月"
    assert "\u2063" not in doc.text and doc.text[rows[0].offset:].startswith("推行")


def test_related_articles_list_under_the_signature_is_chrome():
    text = ("外国语学院党委2026年支部品牌创建工作方案\n一、工作要求\n各党支部要按时完成创建。\n"
            "中共某某大学外国语学院委员会\n2026年3月10日\n"
            "上一篇：外国语学院召开工作会议\n相关文章\n外国语学院举行党支部书记例会\n"
            "外国语学院党委召开中心组学习会\n")
    doc = _doc(text)
    assert doc.clauses[-1].text == "各党支部要按时完成创建。"
    assert doc.issuer == "中共某某大学外国语学院委员会" and doc.institution == "某某大学"
    assert doc.date == "2026-03-10"
    # a label of that kind inside the text, with sentences after it, is text
    doc = _doc("某某学院工作方案\n一、学习内容\n相关文章\n各支部要组织学习相关文章。\n")
    assert "相关文章" in doc.clauses[-1].text


def test_signature_naming_the_letterhead_body_in_full_gives_the_issuer():
    text = ("某某学院文件\n\n中共某某学院委员会关于加强教职工党支部建设的实施意见\n某院党〔2026〕11号\n"
            "各党总支：\n为加强党支部建设，现提出如下意见。\n一、优化设置\n按教研室设置党支部。\n"
            "中共某某学院委员会\n2026年3月16日\n")
    assert _doc(text).issuer == "中共某某学院委员会"
    text = ("某某学院党委组织部\n某院组字〔2026〕3号\n关于做好发展党员工作的通知\n各党总支：\n"
            "一、计划申报\n3月20日前报送计划。\n中共某某学院委员会组织部\n2026年3月4日\n")
    assert _doc(text).issuer == "中共某某学院委员会组织部"
    # another office of the committee under the letterhead: the letterhead stays the issuer
    text = ("某某学院党委组织部\n某院组字〔2026〕3号\n关于做好发展党员工作的通知\n各党总支：\n"
            "一、计划申报\n3月20日前报送计划。\n中共某某学院委员会宣传部\n2026年3月4日\n")
    assert _doc(text).issuer == "某某学院党委组织部"


def test_page_fields_in_brackets_side_by_side_are_not_glued_to_the_title():
    text = ("某某中学\n学校首页　学校概况　党建园地　德育天地　教学科研　校园动态\n您现在的位置：首页 > 党建园地 > 工作计划\n"
            "【发布单位：党政办公室】【发布时间：2026年02月24日】【阅读：156次】\n\n"
            "中共某某中学委员会2026年党建工作要点\n\n2026年，学校党委提出如下工作要点。\n"
            "一、加强政治建设\n1.落实“第一议题”制度。\n")
    doc = _doc(text)
    assert doc.title == "中共某某中学委员会2026年党建工作要点"
    assert doc.date == "2026-02-24"


def test_numbered_line_cut_at_the_wrap_width_is_no_signature():
    text = ("某某机关党委2026年行动方案\n"
            "    一、工作要求\n"
            "    （一）各机关党支部要于3月20日前制定本支部\n"
            "行动计划，明确责任人和时间节点。各机关党支部书记\n"
            "是本支部行动的第一责任人。\n"
            "    （二）机关党委办公室负责活动的统筹协调，每月\n"
            "编发一期工作简报，及时总结推广好经验好做法。\n"
            "    （三）党委宣传部要在校园网开设专栏，集中宣传\n"
            "行动中涌现的先进典型，每月至少刊发1篇稿件。\n")
    doc = _doc(text)
    assert [c.path for c in doc.clauses] == [["一", "（一）"], ["一", "（二）"], ["一", "（三）"]]
    assert doc.clauses[0].text.startswith("各机关党支部要于3月20日前制定本支部行动计划")


def test_title_opening_with_an_office_committee_and_a_slogan_with_a_gap():
    text = ("附件2\n\n某某师范大学机关党委2026年“强支部 优服务”\n行动方案\n\n"
            "    为推动机关党建和业务工作深度融合，机关党委决定开展行动。\n    一、行动时间\n"
            "    2026年3月至12月。\n")
    doc = _doc(text)
    assert doc.title == "某某师范大学机关党委2026年“强支部 优服务”行动方案"
    assert doc.issuer == "某某师范大学机关党委" and doc.institution == "某某师范大学"
    # a space that broke a word, in or out of quotes, still goes
    norm, _ = normalize("要学习“十 九大”精神，做到“两个维 护”。\n")
    assert "“十九大”" in norm and "“两个维护”" in norm


def test_records_in_labelled_lines_without_numbers_read_as_table_rows():
    text = ("某某学院2026年党建重点任务清单\n为抓好落实，制定本清单。\n"
            "工作任务：落实“第一议题”制度，及时传达学习重要讲话精神\n牵头单位：党委办公室\n"
            "配合单位：各党总支\n完成时限：长期坚持\n"
            "工作任务：完成5个党支部换届选举\n牵头单位：党委组织部\n完成时限：2026年6月底前\n"
            "工作任务：开展“廉洁文化进校园”活动\n牵头单位：纪委办公室\n配合单位：党委宣传部\n"
            "完成时限：2026年5月\n")
    doc = _doc(text)
    assert [c.path for c in doc.clauses] == [["0"], ["1"], ["2"], ["3"]]
    assert doc.clauses[2].text == "完成5个党支部换届选举。"
    assert doc.clauses[2].note == "牵头单位：党委组织部；完成时限：2026年6月底前"
    assert doc.clauses[3].note == "牵头单位：纪委办公室；配合单位：党委宣传部；完成时限：2026年5月"
    # one labelled line in prose is no record
    doc = _doc("某某学院工作方案\n一、工作任务\n工作任务：抓好支部建设。\n牵头单位：党委组织部\n")
    assert doc.clauses[0].text.startswith("工作任务：抓好支部建设。")


def test_html_task_table_with_a_name_column_heads_each_row(tmp_path):
    from pbdocs.parse import parse_file

    page = tmp_path / "plan.html"
    page.write_text(
        "<html><body><h1>某某学院2026年党建行动计划</h1><p>为推动基层党建提质增效，制定本计划。</p>"
        "<table><tr><td>序号</td><td>任务名称</td><td>主要举措</td><td>牵头部门</td><td>完成时间</td></tr>"
        "<tr><td>1</td><td>党建引领专业建设</td><td>推行党总支书记参加专业建设委员会制度</td>"
        "<td>党委组织部</td><td>2026年5月</td></tr>"
        "<tr><td>2</td><td>党员学习教育</td><td>开展线上学习，人均学时不少于50学时</td>"
        "<td>党委宣传部</td><td>每季度</td></tr></table></body></html>", encoding="utf-8")
    doc = parse_file(page, extract=False)
    rows = [c for c in doc.clauses if c.number]
    assert [(c.heading, c.text) for c in rows] == [
        ("党建引领专业建设", "推行党总支书记参加专业建设委员会制度。"),
        ("党员学习教育", "开展线上学习，人均学时不少于50学时。")]
    assert "\u2063" not in doc.text


# ---- round 6: layouts of the round-5 held-out set -------------------------------------------

def test_markdown_pipe_table_in_plain_text_with_category_rows_and_a_problem_column():
    text = ("某某集团党委巡察反馈问题整改任务清单\n"
            "对照巡察反馈问题，制定本清单。\n\n"
            "| 序号 | 问题 | 整改措施 | 责任部门 | 整改时限 |\n"
            "|---|---|---|---|---|\n"
            "| 一 | 党的领导方面 | | | |\n"
            "| 1 | 学习流于形式 | 制定年度学习计划，每月集中学习一次 | 党群工作部 | 长期坚持 |\n"
            "| 2 | 党建与业务融合不紧，考核偏软 | 修订考核办法 | 党群工作部（牵头）、人力资源部 | 2026.6.30 |\n"
            "| 二 | 从严治党方面 | | | |\n"
            "| 3 | 招投标管理存在漏洞 | 开展专项检查 | 纪委 | 立行立改 |\n")
    doc = _doc(text)
    # the rule under the header is no row; the category rows, numbered 一/二 in the 序号
    # column, are the sections; the rows run on under them
    assert [(s.path, s.heading) for s in doc.sections] == [(["一"], "党的领导方面"),
                                                           (["二"], "从严治党方面")]
    assert [c.path for c in doc.clauses] == [["0"], ["一", "1"], ["一", "2"], ["二", "3"]]
    rows = doc.clauses[1:]
    # the problem heads its row (even with a comma inside), the measures are the text
    assert [c.heading for c in rows] == ["学习流于形式", "党建与业务融合不紧，考核偏软",
                                         "招投标管理存在漏洞"]
    assert rows[0].text == "制定年度学习计划，每月集中学习一次。"
    assert rows[1].note == "责任部门：党群工作部（牵头）、人力资源部；整改时限：2026.6.30"
    assert not any("---" in c.text for c in doc.clauses)


def test_category_row_numbered_in_its_number_cell_reads_the_same_from_markdown():
    from pbdocs.read.md import md_to_text

    text = md_to_text("| 序号 | 问题 | 整改措施 | 责任部门 |\n|---|---|---|---|\n"
                      "| 一 | 组织建设方面 | | |\n| 1 | 支部设置不规范 | 开展摸底 | 组织部 |\n")
    assert text.split("\n\n") == ["一、组织建设方面",
                                  "1.支部设置不规范\u2063开展摸底。（责任部门：组织部）"]


@pytest.mark.parametrize("stop", ["", "。"])
def test_web_copy_with_lost_line_breaks_splits_headings_glued_to_their_first_item(stop):
    line = ("2026年，学校统一战线工作要坚持大统战工作格局，围绕中心工作，凝聚人心、汇聚力量。"
            f"一、加强党的领导{stop}（一）党委常委会每年专题研究一次统战工作。（二）落实常委联系党外人士"
            f"制度，每年谈心一次。二、支持民主党派建设{stop}（三）支持民主党派开展主题教育，每季度召开一次"
            "联席会议。")
    doc = _doc("某大学统战部2026年统一战线工作要点\n" + line + "\n"
               f"三、做好知识分子工作{stop}（四）发挥党外知识分子联谊会作用，年内组织开展建言献策活动不少于2次。"
               "（五）做好留学人员统战工作，国际交流合作处负责建立留学归国人员联系台账。\n")
    assert [(s.path, s.heading) for s in doc.sections] == [
        (["一"], "加强党的领导"), (["二"], "支持民主党派建设"), (["三"], "做好知识分子工作")]
    assert [c.path for c in doc.clauses] == [
        ["0"], ["一", "（一）"], ["一", "（二）"], ["二", "（三）"], ["三", "（四）"],
        ["三", "（五）"]]
    assert doc.clauses[0].text.endswith("凝聚人心、汇聚力量。")
    assert doc.clauses[2].text == "落实常委联系党外人士制度，每年谈心一次。"


def test_items_numbered_inline_after_a_full_stop_stay_in_their_clause():
    # no heading runs into a first item here: （1）（2） are the parts of one item's text
    line = ("一、工作要求各支部要认真组织学习，做到全员参与，学习内容包括：（1）党章党规。（2）系列讲话。"
            "各支部要按时报送学习记录，确保学习效果，形成长效机制并定期总结经验，及时推广好的做法。")
    doc = _doc("某学院学习计划\n" + line + "\n二、保障措施\n加强组织领导。\n")
    assert [c.path for c in doc.clauses] == [["一"], ["二"]]
    assert "（2）系列讲话。" in doc.clauses[0].text


def test_sub_items_that_are_parts_of_one_sentence_stay_in_their_item():
    doc = _doc("某学院党总支2026年党建工作计划\n一、组织建设\n"
               "1、按期做好支部换届，各支部于5月底前完成换届选举。\n"
               "2、做好党费收缴，党总支每半年在学院公开一次党费收缴情况。\n"
               "(1)教工党员党费于每月10日前缴纳；\n(2)学生党员党费按学期集中缴纳。\n"
               "3、开展年度党员民主评议。\n")
    assert [c.path for c in doc.clauses] == [["一", "1"], ["一", "2"], ["一", "3"]]
    assert doc.sections[-1].path == ["一"]
    two = doc.clauses[1]
    assert two.heading is None
    assert two.text.endswith("(1)教工党员党费于每月10日前缴纳；\n(2)学生党员党费按学期集中缴纳。")


@pytest.mark.parametrize("lead_in, folded", [("", True), ("，具体要求如下", False)])
def test_sub_items_ending_in_full_stops_under_a_full_sentence(lead_in, folded):
    doc = _doc("某学院党总支2026年党建工作计划\n一、组织建设\n"
               "1、按期做好支部换届，各支部于5月底前完成换届选举。\n"
               f"2、规范党费收缴，党总支每半年在学院公开一次党费收缴情况{lead_in}。\n"
               "(1)教工党员党费于每月10日前缴纳。\n(2)学生党员党费按学期集中缴纳。\n"
               "3、开展年度党员民主评议。\n")
    paths = [c.path for c in doc.clauses]
    assert (["一", "2", "(2)"] not in paths) == folded
    assert (paths == [["一", "1"], ["一", "2"], ["一", "3"]]) == folded


def test_sub_items_under_a_short_headline_are_clauses_of_their_own():
    doc = _doc("某医院党委党建工作方案\n一、组织建设\n1.选优配强党支部书记。\n"
               "（1）党支部书记原则上由科室主任担任；\n（2）党支部书记每年参加集中培训；\n"
               "（3）建立党支部书记后备人才库。\n2.开展融合活动。\n")
    assert ["一", "1", "（2）"] in [c.path for c in doc.clauses]
    assert (["一", "1"], "选优配强党支部书记") in [(s.path, s.heading) for s in doc.sections]


def test_issuing_line_of_a_hard_wrapped_pdf_is_not_joined_to_the_last_article():
    articles = ["第一条　为加强和改进党员教育管理工作，根据有关条例的规定，结合学院实际，制定本细则。",
                "第二条　党委组织部负责党员教育管理的统筹协调和督促检查，于每年1月制定年度培训计划。",
                "第三条　各党支部要按照“三会一课”制度要求，每月第一周组织党员开展主题党日活动。",
                "第四条　本细则由党委组织部负责解释，自印发之日起施行。学院原《党员教育管理办法》"
                "（某院党〔2019〕12号）和《党员日常管理与服务工作细则》（某院党〔2020〕3号）同时废止。"]
    # a PDF copy hard-wrapped every 30 characters; the last line of the last article ends
    # with 。 near that width, and the 印发 line of the document's foot follows
    lines = [a[k:k + 30] for a in articles for k in range(0, len(a), 30)]
    assert len(lines[-1]) >= 28
    doc = _doc("某某职业技术学院党员教育管理实施细则\n" + "\n".join(lines) + "\n\n"
               "中共某某职业技术学院委员会办公室　　　　2026年4月9日印发\n")
    last = doc.clauses[-1]
    assert last.path == ["第四条"]
    assert last.text.endswith("同时废止。")


def test_banner_and_document_number_on_one_line():
    doc = _doc("某某市第三人民医院党委文件\u3000\u3000某三院党发〔2026〕5号\n\n"
               "关于开展党支部创建活动的通知\n各党支部：\n现将有关事项通知如下。\n"
               "一、创建对象\n全院在职职工党支部。\n中共某某市第三人民医院委员会\n2026年3月6日\n")
    assert doc.doc_number == "某三院党发〔2026〕5号"
    assert doc.title == "关于开展党支部创建活动的通知"


def test_pipe_table_category_column_filled_only_on_its_first_row_and_short_rows_kept():
    doc = _doc("某某学院2026年党建重点任务清单\n为抓好落实，制定本清单。\n\n"
               "| 类别 | 序号 | 工作任务 | 牵头单位 | 完成时限 |\n|:---:|:---:|---|---|---|\n"
               "| 政治建设 | 1 | 落实第一议题制度 | 党委办公室 | 全年 |\n"
               "| | 2 | 开展专题学习 | 党委宣传部 | 6月底前 |\n"
               "| 组织建设 | 3 | 推进支部标准化 | 党委组织部 | 12月 |\n"
               "| | 4 | 开展书记培训 | 党委组织部 | 9月 |\n")
    # an empty category cell under a filled one is the same category (a cell spanning rows);
    # a row of short cells split by bars is the table's, not a site menu to drop
    assert [(s.path, s.heading) for s in doc.sections] == [(["（一）"], "政治建设"),
                                                           (["（二）"], "组织建设")]
    assert [c.path for c in doc.clauses[1:]] == [["（一）", "1"], ["（一）", "2"],
                                                 ["（二）", "3"], ["（二）", "4"]]
    assert doc.clauses[3].note == "牵头单位：党委组织部；完成时限：12月"


@pytest.mark.parametrize("head", ["中共某某大学委员会文件\n某大党发〔2026〕3号\u3000\u3000\u3000\u3000签发人：张三\n",
                                  "某大党发〔2026〕3号\n签发人：张三\n"])
def test_signer_beside_or_under_the_document_number_is_no_part_of_the_title(head):
    doc = _doc(head + "\n关于开展党支部创建活动的通知\n各党支部：\n现将有关事项通知如下。\n"
               "一、创建对象\n全体党支部。\n中共某某大学委员会\n2026年3月6日\n")
    assert doc.title == "关于开展党支部创建活动的通知"
    assert doc.doc_number == "某大党发〔2026〕3号"
    assert not any("张三" in c.text for c in doc.clauses)


def test_pipe_table_in_plain_text_with_bold_category_rows():
    doc = _doc("某某公司党委巡察整改清单\n\n"
               "| 序号 | 存在问题 | 整改措施 | 责任部门 |\n| :--: | --- | --- | --- |\n"
               "| **一** | **党的建设方面** | | |\n"
               "| 1 | 支部设置不规范 | 开展**全面**摸底 | 党群工作部 |\n")
    assert [(s.path, s.heading) for s in doc.sections] == [(["一"], "党的建设方面")]
    assert doc.clauses[-1].path == ["一", "1"] and doc.clauses[-1].text == "开展全面摸底。"
    assert doc.clauses[-1].heading == "支部设置不规范"


def test_problem_list_without_a_measures_column_reads_its_problems_as_the_rows():
    doc = _doc("某某学院巡察反馈问题整改清单\n\n| 序号 | 反馈问题 | 责任单位 | 整改时限 |\n"
               "|---|---|---|---|\n| 1 | 理论学习中心组学习流于形式 | 党委宣传部 | 2026年6月 |\n"
               "| 2 | 发展党员结构不优 | 党委组织部 | 长期坚持 |\n")
    assert [(c.path, c.text) for c in doc.clauses] == [(["1"], "理论学习中心组学习流于形式。"),
                                                       (["2"], "发展党员结构不优。")]
    assert doc.clauses[0].note == "责任单位：党委宣传部；整改时限：2026年6月"


def test_outline_gold_starts_may_skip_a_run_in_lead_phrase(tmp_path):
    """The spec keeps a run-in lead phrase (（一）优化支部设置。党支部…) in a clause's `text` and
    gives it as its `heading` too: a gold `starts` written before or after it is the same clause
    start; a `starts` from elsewhere in the clause still fails."""
    import importlib.util

    from pbdocs.parse import parse_file

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("gold_devcorpus",
                                                  root / "benchmarks" / "gold_devcorpus.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    src = tmp_path / "plan.txt"
    src.write_text("某某大学党委关于加强党支部建设的实施意见\n一、重点任务\n"
                   "（一）优化支部设置。党支部原则上建在教研室，年内完成排查调整。\n"
                   "（二）严格组织生活。认真落实“三会一课”制度。\n", encoding="utf-8")
    doc = parse_file(src, doc_id="plan", extract=False)
    clause = next(c for c in doc.clauses if c.path == ["一", "（一）"])
    assert clause.heading == "优化支部设置" and clause.text.startswith("优化支部设置")

    def fails(starts):
        gold = {f: getattr(doc, f) for f in bench.META}
        gold["date"] = doc.date.to_dict() if hasattr(doc.date, "to_dict") else doc.date
        gold.update(sections=[], clauses=[{"path": ["一", "（一）"], "starts": starts}])
        return [f for f in bench.checks(doc, gold)[2] if "starts" in f]

    assert fails("优化支部设置。党支部") == []
    assert fails("党支部原则上建在教研") == []
    assert fails("年内完成排查调整") != []
