"""The normalizer: each repair and each suspicion, on small texts and on the seed texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbdocs.normalize import normalize

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _kinds(warnings, kind):
    return [w for w in warnings if w.kind == kind]


@pytest.fixture(scope="module")
def seeds() -> dict:
    return {p.stem: normalize(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))}


def test_spaces_inside_chinese_removed_latin_kept():
    text, w = normalize("全面从严治 党突出关键少数,2016\u00a0年开展 PDCA 循环。\n"
                        "Party\u00a0Building Plan 2021 版")
    assert text == "全面从严治党突出关键少数,2016年开展PDCA循环。\nParty Building Plan 2021版"
    sr = _kinds(w, "space_removed")
    assert len(sr) == 2 and all(isinstance(x.message, str) and x.message for x in sr)


def test_punctuation_and_paragraphs_kept():
    text, _ = normalize("一、任务\n\n\n1.做好工作,确保落实。\r\n2.加强领导;形成合力。\n")
    assert text == "一、任务\n1.做好工作,确保落实。\n2.加强领导;形成合力。"


def test_sentence_broken_by_page_break_is_joined():
    text, w = normalize("1.加强队伍建设。及时了解各级班子运行情况，重视综合分\n\n析研判，把干部表现作为依据。\n"
                        "2.健全责任机制。学校设定每年10月8\n\n日为廉政谈话日，进行谈话。\n")
    assert text.split("\n") == ["1.加强队伍建设。及时了解各级班子运行情况，重视综合分析研判，把干部表现作为依据。",
                                "2.健全责任机制。学校设定每年10月8日为廉政谈话日，进行谈话。"]
    joins = _kinds(w, "line_joined")
    assert len(joins) == 2
    assert text[joins[0].offset:joins[0].offset + 3] == "析研判"


@pytest.mark.parametrize("text", [
    "中共东山大学委员会\n深化推进党建工作的实施方案\n为加强党建，制定本方案。",  # title lines
    "一、任务目标\n牢固树立新发展理念，推进工作。",  # heading, then body
    "确保各项措施落实到位，推动工作开展(牵头部门:组织部)\n中共东山大学委员会\n2020年6月12日",
    "这是完整的一句话，写完了。\n下一段开始了，也写完了。",
])
def test_complete_or_heading_lines_not_joined(text):
    out, w = normalize(text)
    assert out.count("\n") == text.count("\n") and not _kinds(w, "line_joined")


def test_heading_wrapped_onto_second_line_is_joined():
    text, w = normalize("（一）全面推进党的政治建设，\n切实增强基层党组织政治领导力\n1.旗帜鲜明讲政治。内容。")
    assert text.split("\n")[0] == "（一）全面推进党的政治建设，切实增强基层党组织政治领导力"
    assert _kinds(w, "line_joined")


WEB = """学校要闻
党建工作
当前位置:
首页\u00a0>\u00a0 党建工作
Learning Field
学习园地
关于开展主题党日活动的通知
发布人：党委组织部  发布时间：2021-03-02  浏览次数：1024
各党支部：
请按要求开展活动。
附件下载：活动安排表.docx
— 2 —
上一篇：关于评优的通知
【打印】【关闭】
返回
"""


def test_web_boilerplate_dropped_posting_date_kept():
    text, w = normalize(WEB)
    assert text.split("\n") == ["关于开展主题党日活动的通知", "发布日期：2021-03-02", "各党支部：",
                                 "请按要求开展活动。"]
    assert len(_kinds(w, "boilerplate_removed")) == 12
    assert all(x.message and x.excerpt for x in _kinds(w, "boilerplate_removed"))


def test_document_sharing_site_clutter_dropped():
    text, w = normalize("本文档由用户上传，下载需要5积分\n关于加强党建的意见\n第1页 共5页\n展开阅读全文\n"
                        "还剩5页未读，继续阅读\n文档页数：12\n3 / 12\n为加强党建，提出意见。")
    assert text == "关于加强党建的意见\n为加强党建，提出意见。"
    assert len(_kinds(w, "boilerplate_removed")) == 6


def test_missing_numeral_reported_not_repaired():
    text, w = normalize("党支部每月至少召开\u00a0次支部委员会会议和\u00a0次党员大会，每季度组织开展次党课。")
    mn = _kinds(w, "missing_numeral")
    assert len(mn) == 3
    assert "召开 次支部委员会会议和 次党员大会" in text  # the gap stays visible
    for x in mn:
        assert text[x.offset:x.offset + 3] in (" 次支", " 次党", "每季度")


@pytest.mark.parametrize("text", ["确保各 项工作落实", "提高多层 次人才培养", "每年至少1次专题研究",
                                  "做好各项工作", "推进重点项目"])
def test_no_false_missing_numeral(text):
    assert not _kinds(normalize(text)[1], "missing_numeral")


def test_unbalanced_quotes_reported():
    text, w = normalize("做到三坚持,实现三增强”“三确保。\n推动关键少数”持续发挥作用。\n坚持“两学一做”。")
    uq = _kinds(w, "unbalanced_quote")
    assert [text[x.offset - 2:x.offset + 1] for x in uq] == ["增强”", "少数”"]
    assert all("引号" in x.message for x in uq)


def test_malformed_doc_number_and_dates():
    text, w = normalize("根据《意见》(教党 〔201722\u00a0号)精神，于2020420前报送，20215月完成，"
                        "依据浙组〔2019〕15号，2021年5月底前完成。")
    assert [text[x.offset:x.offset + 8] for x in _kinds(w, "malformed_doc_number")] == ["〔201722号"]
    assert sorted(text[x.offset:x.offset + 7] for x in _kinds(w, "malformed_date")) == ["2020420",
                                                                                      "20215月完"]


def test_offsets_are_in_normalised_text(seeds):
    for doc_id, (text, warnings) in seeds.items():
        for x in warnings:
            assert x.offset is not None and 0 <= x.offset <= len(text), (doc_id, x)


def test_seed_web_page(seeds):
    text, w = seeds["zju-2020-liangxue"]
    assert text.startswith("中共浙江大学委员会印发《关于推进“两学一做”学习教育常态化制度化实施方案》的通知\n2020-12-14\n")
    assert "当前位置" not in text and "Learning Field" not in text and not text.endswith("返回")
    assert "\u00a0" not in text and "全面从严治党" in text
    assert len(_kinds(w, "missing_numeral")) == 6
    assert len(_kinds(w, "malformed_doc_number")) == 1
    assert len(_kinds(w, "unbalanced_quote")) >= 4


def test_seed_page_breaks(seeds):
    text, w = seeds["hdu-2020-55"]
    assert len(_kinds(w, "line_joined")) == 7
    assert "协调各方的领导核心作用" in text and "每年10月8日为廉政谈话日" in text
    text, w = seeds["nbpt-2020-sanji"]
    assert text.endswith("(牵头部门:组织部,配合部门:宣传部)\n中共宁波职业技术学院委员会\n2020年6月12日")
    assert not _kinds(w, "line_joined")


def test_marker_alone_on_its_line_joins_its_text():
    text, w = normalize("一、\n总体要求\n（一）\n指导思想。坚持党的领导。")
    assert text == "一、总体要求\n（一）指导思想。坚持党的领导。"
    assert len(_kinds(w, "line_joined")) == 2


def test_body_line_mentioning_a_source_is_not_boilerplate():
    text, w = normalize("经费保障：所需经费来源：学校党建专项经费，按规定使用\n作者：张三\n")
    assert text == "经费保障：所需经费来源：学校党建专项经费，按规定使用"
    assert len(_kinds(w, "boilerplate_removed")) == 1


def test_unnumbered_heading_not_joined_but_hard_wrapped_lines_are():
    text, _ = normalize("加强党的政治建设\n各级党组织要把政治建设摆在首位。")
    assert text == "加强党的政治建设\n各级党组织要把政治建设摆在首位。"
    wrapped = ("坚持以习近平新时代中国特色社会主义思想为指导深入\n贯彻党的十九大和十九届历次全会精神全面加强党的领\n"
               "导和党的建设推动全面从严治党向纵深发展持续深化党\n建工作。")
    text, w = normalize(wrapped)
    assert "\n" not in text and len(_kinds(w, "line_joined")) == 3


def test_rows_of_a_list_are_not_joined():
    text, w = normalize("三、联系分工\n王某 联系教工一支部、教工三支部;联系人:张某、李某\n"
                        "赵 某 联系教工二支部;联系人:孙某\n")
    assert text.split("\n")[1:] == ["王某联系教工一支部、教工三支部;联系人:张某、李某",
                                    "赵某联系教工二支部;联系人:孙某"]
    assert not _kinds(w, "line_joined")


def test_page_feed_and_control_characters():
    text, w = normalize("1.加强队伍建设。及时了解各级班子运行情况，重视综合分\f析研判。\x00\n2.做好工作。\u200b")
    assert text == "1.加强队伍建设。及时了解各级班子运行情况，重视综合分析研判。\n2.做好工作。"
    assert len(_kinds(w, "line_joined")) == 1


def test_line_starting_with_a_comma_continues_and_zhidu_is_not_a_title_end():
    text, w = normalize("1.推行入学“第一课”制度\n，坚持从源头上强化政治引领。\n"
                        "2.完善考核。建立健全舆情管理工作制度\n强化意识形态工作研判。")
    assert text.split("\n") == ["1.推行入学“第一课”制度，坚持从源头上强化政治引领。",
                                "2.完善考核。建立健全舆情管理工作制度强化意识形态工作研判。"]
    assert len(_kinds(w, "line_joined")) == 2


def test_parallel_headings_of_equal_length_are_not_a_wrap_width():
    heads = ["（一）全面加强政治建设，切实提升基层党组织政治领导力", "（二）全面加强思想建设，切实提升基层党组织思想引领力",
             "（三）全面加强组织建设，切实提升基层党组织组织凝聚力"]
    body = "各级党组织要认真落实，结合实际制定具体措施，明确责任分工，确保各项任务落到实处，做好第{}项工作。"
    text, w = normalize("\n".join(f"{h}\n{body.format(k)}" for k, h in enumerate(heads)))
    assert text.split("\n")[::2] == heads and not _kinds(w, "line_joined")


def test_more_site_clutter_and_a_title_broken_inside_its_brackets():
    text = ("您当前的位置：首页 >> 党建工作 >> 文件通知\n字号：大 中 小\n"
            "关于印发《中共某某大学委员会党建工作“质量攻坚年”\n活动方案》的通知\n分享到：\n"
            "各基层党委：\n现将方案印发给你们。\n")
    out, warnings = normalize(text)
    assert out.split("\n")[0] == "关于印发《中共某某大学委员会党建工作“质量攻坚年”活动方案》的通知"
    assert "位置" not in out and "字号" not in out and "分享" not in out
    assert not any(w.kind == "unbalanced_quote" for w in warnings)


@pytest.mark.parametrize("page", ["- {} -", "— {} —", "·{}·", "第{}页"])
def test_running_header_beside_page_numbers_of_copied_pdf_text_is_dropped(page):
    text = ("某某大学2022年党建工作任务清单\n一、组织建设\n1.实施“双带头人”培育工程，教师党支部书记比例\n"
            f"{page.format(1)}\n某某大学党委文件\n保持在100%。\n2.做好党员发展工作，全年发展党员控制在\n"
            f"{page.format(2)}\n某某大学党委文件\n450名以内。\n{page.format(3)}\n")
    out, _ = normalize(text)
    assert "党委文件" not in out and "页" not in out.split("\n", 1)[1]
    # the sentences are whole again without the page breaks
    assert "教师党支部书记比例保持在100%。" in out and "控制在450名以内。" in out


@pytest.mark.parametrize("table", [
    "序号\n工作任务\n牵头单位\n完成时限\n1\n开展书记轮训\n党委组织部\n2023年6月底前\n2\n开展形势研判\n党委宣传部\n长期坚持\n",
    "序号\t工作任务\t牵头单位\t完成时限\n1\t开展书记轮训\t党委组织部\t2023年6月底前\n"
    "2\t开展形势研判\t党委宣传部\t长期坚持\n",
])
def test_task_table_pasted_as_text_becomes_numbered_items(table):
    out, warnings = normalize("现将任务分解如下。\n" + table + "中共某某大学委员会\n2023年2月20日\n")
    assert out.split("\n") == [
        "现将任务分解如下。", "1.开展书记轮训。（牵头单位：党委组织部；完成时限：2023年6月底前）",
        "2.开展形势研判。（牵头单位：党委宣传部；完成时限：长期坚持）", "中共某某大学委员会", "2023年2月20日"]
    assert any(w.kind == "table_rows_joined" for w in warnings)


def test_a_list_of_names_under_xuhao_is_not_rewritten_without_a_task_header():
    text = "序号\n姓名\n单位\n1\n张三\n党委组织部\n2\n李四\n党委宣传部\n"
    assert normalize(text)[0].split("\n")[:3] == ["序号", "姓名", "单位"]


@pytest.mark.parametrize("line,kept", [
    ("时间：2024年03月05日  来源：党委办公室  点击：", "发布机构：党委办公室；发布日期：2024-03-05"),
    ("日期：2024-03-05 浏览：120", "发布日期：2024-03-05"),
    ("附件【某某大学2024年党建工作要点.docx】已下载次", ""),
    ("【打印此页】 【关闭窗口】", ""),
    ("时间节点：2024年3月", "时间节点：2024年3月"),
])
def test_more_web_page_lines(line, kept):
    assert normalize(line)[0] == kept


@pytest.mark.parametrize("line", [
    "某某学院党委组织部 | 首页 | 机构设置 | 组织建设 | 干部工作 | 通知公告 | 下载中心",
    "首页 学院概况 师资队伍 人才培养 科学研究 党建思政 学生工作 招生就业",
    "网站首页  医院概况  新闻中心  党建园地  科室导航  专家介绍",
    "某某县人民政府门户网站   无障碍浏览   长者模式   繁體",
    "党建园地 > 制度建设",
    "阅读 2468",
    "关注该公众号",
])
def test_site_menus_breadcrumbs_and_widgets_are_dropped(line):
    assert normalize(line + "\n为加强党支部建设，制定本方案。")[0] == "为加强党支部建设，制定本方案。"


def test_a_list_of_names_or_a_table_row_is_not_a_menu():
    text = "张三 李四 王五 赵六 钱七\n1 组织建设 党委组织部 各党总支 全年"
    assert normalize(text)[0] == "张三李四王五赵六钱七\n1组织建设党委组织部各党总支全年"


@pytest.mark.parametrize("head,title", [
    # the last step of a breadcrumb, a column's name, run into a title without a separator
    ("您当前的位置：首页 > 党建园地 > 制度建设中共某某医院委员会关于加强党建工作的实施方案",
     "中共某某医院委员会关于加强党建工作的实施方案"),
    ("当前位置：首页>>党建思政>>正文2024年某某学院党委党支部建设实施方案",
     "2024年某某学院党委党支部建设实施方案"),
    # a breadcrumb from 首页 without its 当前位置 label, the title as its last step
    ("首页 > 通知公告 > 关于开展2024年度党支部书记述职评议的通知",
     "关于开展2024年度党支部书记述职评议的通知"),
    # a body's name before a year is the title's own
    ("当前位置：首页 > 通知公告 > 某某大学2024年党建工作要点", "某某大学2024年党建工作要点"),
])
def test_breadcrumb_glued_to_a_title_is_cut_at_the_title(head, title):
    assert normalize(head + "\n为加强党支部建设，制定本方案。")[0].split("\n")[0] == title


def test_site_name_over_its_menu_is_dropped():
    text = ("某某大学化学与材料工程学院\n首页 学院概况 师资队伍 人才培养 科学研究 党建思政\n"
            "某某学院党支部建设实施方案\n为加强党支部建设，制定本方案。")
    assert normalize(text)[0].split("\n")[0] == "某某学院党支部建设实施方案"


@pytest.mark.parametrize("line,kept", [
    ("原创 党委组织部 某某组工 2023-09-18 17:30 发表于福建", "发布机构：党委组织部；发布日期：2023-09-18"),
    ("原创 某某学院 某某青年 2023年09月18日 17:30", "发布机构：某某学院；发布日期：2023-09-18"),
    ("转载 某某党建 2023-09-18", "发布日期：2023-09-18"),
    ("发布者:党委组织部发布时间:2023-10-12浏览次数:", "发布机构：党委组织部；发布日期：2023-10-12"),
    ("发布者:系统管理员发布时间:2017-04-01浏览次数:9", "发布日期：2017-04-01"),
    ("发布机构：\t某某县教育局\t文　　号：\t某教党〔2024〕3号", "发布机构：某某县教育局；文号：某教党〔2024〕3号"),
])
def test_wechat_head_and_page_fields(line, kept):
    assert normalize(line)[0] == kept


def test_recipients_line_at_the_wrap_width_is_not_joined_to_the_body():
    text = ("各二级党委（党总支）、直属党支部，机关各部门、各直属单位：\n"
            "《某某大学基层党建质量提升三年行动实施方案（20\n"
            "24—2026年）》已经校党委常委会会议研究通过，现印发\n"
            "给你们，请结合实际认真抓好贯彻落实，抓好各项工作。\n"
            "一是加强组织领导，明确责任分工，确保各项任务落地落\n"
            "实，形成上下联动、齐抓共管的工作格局和良好氛围。")
    assert normalize(text)[0].split("\n")[0] == "各二级党委（党总支）、直属党支部，机关各部门、各直属单位："


def test_tab_table_with_category_rows_keeps_its_headings_and_numbers():
    text = ("为抓好党建工作要点的贯彻落实，现将重点任务分解如下。\n"
            "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
            "一、政治建设\t\t\t\t\n"
            "1\t举办二级党组织书记专题读书班1期\t党委组织部\t党校\t4月底前\n"
            "2\t落实“第一议题”制度\t党委办公室\t党委宣传部\t长期坚持\n"
            "二、思想建设\t\t\t\t\n"
            "3\t每学期开展1次意识形态工作专题研判\t党委宣传部\t各党总支\t每学期\n")
    assert normalize(text)[0].split("\n")[1:] == [
        "一、政治建设",
        "1.举办二级党组织书记专题读书班1期。（牵头单位：党委组织部；配合单位：党校；完成时限：4月底前）",
        "2.落实“第一议题”制度。（牵头单位：党委办公室；配合单位：党委宣传部；完成时限：长期坚持）",
        "二、思想建设",
        "3.每学期开展1次意识形态工作专题研判。（牵头单位：党委宣传部；配合单位：各党总支；完成时限：每学期）",
    ]
