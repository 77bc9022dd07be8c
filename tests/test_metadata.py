"""Metadata against hand-made gold (tests/gold/outline/*.json) and each metadata rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pbdocs.metadata import institution_of, kind_of, parse_date
from pbdocs.model import Source
from pbdocs.normalize import normalize
from pbdocs.outline import build_document

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "outline"
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
DOC_IDS = sorted(p.stem for p in GOLD_DIR.glob("*.json"))
FIELDS = ("title", "kind", "issuer", "institution", "doc_number", "date", "recipients")


@pytest.fixture(scope="module")
def parsed() -> dict:
    from pbdocs.parse import parse_file

    return {d: parse_file(CORPUS / f"{d}.txt", doc_id=d, extract=False) for d in DOC_IDS}


def _doc(text: str):
    norm, _ = normalize(text)
    return build_document(norm, "t", Source(path="t.txt", format="txt", sha256="0" * 64))


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_metadata_matches_gold(parsed, doc_id):
    gold = json.loads((GOLD_DIR / f"{doc_id}.json").read_text(encoding="utf-8"))
    doc = parsed[doc_id]
    problems = [f"{f}：应为 {gold[f]!r}，实为 {getattr(doc, f)!r}"
                for f in FIELDS if getattr(doc, f) != gold[f]]
    got_notice = doc.notice.to_dict() if doc.notice else None
    if got_notice != gold["notice"]:
        problems.append(f"notice：应为 {gold['notice']!r}，实为 {got_notice!r}")
    assert not problems, f"{doc_id}:\n" + "\n".join(problems)


def test_metadata_field_accuracy_is_total(parsed):
    """Across the five texts every metadata field (and the notice) equals gold: 40/40."""
    right = total = 0
    for d in DOC_IDS:
        gold = json.loads((GOLD_DIR / f"{d}.json").read_text(encoding="utf-8"))
        for f in FIELDS + ("notice",):
            got = getattr(parsed[d], f)
            got = got.to_dict() if hasattr(got, "to_dict") else got
            right += got == gold[f]
            total += 1
    assert (right, total) == (40, 40)


@pytest.mark.parametrize("text,expected", [
    ("2020年11月30日", "2020-11-30"), ("二〇二一年七月十五日", "2021-07-15"),
    ("二○二○年十二月三十一日", "2020-12-31"), ("2020-12-14", "2020-12-14"),
    ("2020.6.2", "2020-06-02"), ("2020/06/12", "2020-06-12"),
    ("2020年13月1日", None), ("特此通知", None), ("2020年", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("title,kind", [
    ("中共嘉应学院委员会加强党的基层组织建设三年行动计划（2021-2023年）实施方案", "实施方案"),
    ("加强党的基层组织建设三年行动计划（2021-2023年）", "行动计划"),
    ("党支部工作考核办法（试行）", "办法"),
    ("关于推进党建工作的实施意见", "实施意见"),
    ("关于印发《某方案》的通知", "通知"),
    ("新时代党建工作", None), (None, None),
])
def test_kind_of(title, kind):
    assert kind_of(title) == kind


@pytest.mark.parametrize("issuer,inst", [
    ("中共嘉应学院委员会", "嘉应学院"), ("中共宁波职业技术学院委员会", "宁波职业技术学院"),
    ("中共浙江大学委员会", "浙江大学"), ("浙江大学党委组织部", "浙江大学"),
    ("中共某市委教育工委", None), ("党委组织部", None), (None, None),
    ("中共临岫区委教育工作委员会", "临岫区"), ("中共青川县委组织部", "青川县"),
    # a college named by its fields of study is no institution; its university is
    ("化学与材料工程学院党委", None), ("经济与管理学院党委", None),
    ("中共某某大学经济与管理学院委员会", "某某大学"), ("中共北山理工学院委员会", "北山理工学院"),
    # a department with its second name in brackets names no institution (党校 inside them)
    ("党委组织部(党校)", None), ("党委组织部（党校）", None),
    ("某某大学(武汉)党委组织部", "某某大学(武汉)"),
])
def test_institution_of(issuer, inst):
    assert institution_of(issuer) == inst


NOTICE = """中共东山大学委员会文件
东大党〔2022〕7号
关于印发《中共东山大学委员会基层党建质量提升 行动计划》的通知
各学院党委、各直属党支部：
现将《中共东山大学委员会基层党建质量提升行动计划》印发给你们，请认真贯彻执行。
中共东山大学委员会
2022年3月1日
中共东山大学委员会
基层党建质量提升行动计划
为提升基层党建质量，制定本计划。
一、主要任务
1.建强支部。每年开展评星定级。
"""


def test_notice_wrapping_plan_with_title_over_two_lines():
    doc = _doc(NOTICE)
    assert doc.title == "中共东山大学委员会基层党建质量提升行动计划"
    assert (doc.kind, doc.issuer, doc.institution) == ("行动计划", "中共东山大学委员会", "东山大学")
    assert doc.doc_number == "东大党〔2022〕7号" and doc.date == "2022-03-01"
    assert doc.recipients == ["各学院党委", "各直属党支部"]
    assert doc.notice.title == "关于印发《中共东山大学委员会基层党建质量提升行动计划》的通知"
    assert doc.notice.body.startswith("现将《") and doc.notice.date == "2022-03-01"
    assert [c.path for c in doc.clauses] == [["0"], ["一", "1"]]


WEB_PAGE = """当前位置：首页 > 通知公告
北山学院党委关于开展党支部评星定级工作的通知
发布时间：2021-05-20 浏览次数：312
各党总支：
为加强支部建设，现就有关事项通知如下。
一、工作安排
1.开展自评。各支部于6月底前完成自评。
中共北山学院委员会
2021年5月18日
"""


def test_signature_date_wins_over_posting_date():
    doc = _doc(WEB_PAGE)
    assert doc.date == "2021-05-18"
    assert doc.title == "北山学院党委关于开展党支部评星定级工作的通知" and doc.kind == "通知"
    assert doc.issuer == "中共北山学院委员会" and doc.institution == "北山学院"
    assert doc.recipients == ["各党总支"] and doc.notice is None


def test_posting_date_used_when_no_signature():
    doc = _doc(WEB_PAGE.replace("中共北山学院委员会\n2021年5月18日\n", ""))
    assert doc.date == "2021-05-20"
    assert doc.issuer == "北山学院党委" and doc.institution == "北山学院"


def test_untitled_text_reads_signature_and_has_no_kind():
    # kind is the genre word the title ends in (spec): an untitled text has none, even when its
    # preamble names its genre; extraction still reads that preamble as a plan's
    from pbdocs.extract import _is_plan
    from pbdocs.metadata import named_genre

    doc = _doc("为加强党建，现提出如下实施意见。\n一、目标\n1.建强支部。每年评星。\n"
               "中共西岭职业技术学院委员会\n2020年6月12日\n")
    assert doc.title is None and doc.kind is None
    assert named_genre(["为加强党建，现提出如下实施意见。"]) == "实施意见"
    assert _is_plan(doc)
    assert doc.issuer == "中共西岭职业技术学院委员会" and doc.institution == "西岭职业技术学院"
    assert doc.date == "2020-06-12"
    assert "西岭" not in doc.clauses[-1].text


def test_no_institution_named_is_null():
    doc = _doc("党建示范创建工作方案\n为推进学校党建工作，制定本方案。\n一、目标\n培育2个标杆院系。\n")
    assert doc.title == "党建示范创建工作方案" and doc.kind == "工作方案"
    assert doc.issuer is None and doc.institution is None and doc.date is None


def test_recipients_split_on_both_separators():
    doc = _doc("关于做好党员教育工作的通知\n机关党委、各学院党委，各直属支部：\n现就有关事项通知如下。\n")
    assert doc.recipients == ["机关党委", "各学院党委", "各直属支部"]


def test_letterhead_without_wenjian_and_adopted_date_line():
    doc = _doc("中共东山大学委员会\n东大党〔2022〕8号\n东山大学党支部工作规定\n"
               "（2022年3月8日党委常委会审议通过）\n第一条 为规范党支部工作，制定本规定。\n")
    assert doc.title == "东山大学党支部工作规定" and doc.kind == "规定"
    assert doc.issuer == "中共东山大学委员会" and doc.doc_number == "东大党〔2022〕8号"
    assert doc.date == "2022-03-08"
    assert [c.path for c in doc.clauses] == [["第一条"]]


PDF_LIKE = """中共东海大学委员会
关于进一步加强基层党组织建设的实施
意见
各党委、党总支、直属党支部：
为深入贯彻落实习近平新时代中国特色社会主义思想，进一步加强
学校基层党组织建设，现提出如下实施意见。
一、总体要求
（一）指导思想。以习近平新时代中国特色社会主义思想为指导，
全面贯彻党的十九大精神。
— 1 —
（二）工作目标。到2022年，基层党组织全面进步全面过硬。
二、保障措施
各单位要高度重视，抓好落实。
附件：1.任务分工表
2.时间安排表
中共东海大学委员会
2021年9月1日
抄送：省委教育工委。
中共东海大学委员会办公室                2021年9月2日印发
"""


def test_pdf_like_text_with_wrapped_title_attachments_and_footer():
    doc = _doc(PDF_LIKE)
    assert doc.title == "中共东海大学委员会关于进一步加强基层党组织建设的实施意见"
    assert (doc.kind, doc.institution, doc.date) == ("实施意见", "东海大学", "2021-09-01")
    assert doc.recipients == ["各党委", "党总支", "直属党支部"]
    assert [c.path for c in doc.clauses] == [["0"], ["一", "（一）"], ["一", "（二）"], ["二"]]
    assert doc.clauses[1].text == "指导思想。以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神。"
    assert doc.clauses[-1].text == "各单位要高度重视，抓好落实。"


def test_joint_signature_and_signature_on_one_line():
    doc = _doc("东山大学党建工作要点\n一、目标\n1.建强支部。每年评星。\n"
               "中共东山大学委员会\n东山大学\n二〇二二年一月十日\n")
    assert (doc.issuer, doc.date) == ("中共东山大学委员会", "2022-01-10")
    assert doc.clauses[-1].text == "建强支部。每年评星。"
    doc = _doc("东山大学党建工作要点\n一、目标\n1.建强支部。每年评星。\n中共东山大学委员会  2022年1月10日\n")
    assert (doc.issuer, doc.date) == ("中共东山大学委员会", "2022-01-10")
    assert doc.clauses[-1].text == "建强支部。每年评星。"


def test_notice_with_attachment_label_over_the_plan():
    doc = _doc("关于印发《东山大学党建工作要点》的通知\n各学院：\n现将《东山大学党建工作要点》印发给你们。\n"
               "中共东山大学委员会\n2022年1月10日\n附件\n东山大学党建工作要点\n一、目标\n1.建强支部。每年评星。\n")
    assert doc.title == "东山大学党建工作要点" and doc.notice.date == "2022-01-10"
    assert [c.path for c in doc.clauses] == [["一", "1"]]


def test_signature_with_a_broken_date_names_the_issuer_and_its_date_when_unambiguous():
    doc = _doc("关于开展支部书记述职的通知\n发布人:王五  发布时间:2020-04-24   浏览次数:71\n各党总支:\n"
               "现就有关事项通知如下。\n一、时间安排\n各单位于20215月完成述职。\n党委组织部\n2020420\n")
    # 2020420 reads only as 4月20日 (42月 is no month): the signature's date beats the posting's
    assert (doc.issuer, doc.institution, doc.date) == ("党委组织部", None, "2020-04-20")
    assert doc.clauses[-1].text == "各单位于20215月完成述职。"
    doc = _doc("关于开展支部书记述职的通知\n发布时间:2020-04-24 浏览次数:71\n各党总支:\n"
               "现就有关事项通知如下。\n党委组织部\n2020112\n")
    assert doc.date == "2020-04-24"  # 1月12日 or 11月2日: the posting date stands in


def test_recipients_not_split_inside_brackets():
    doc = _doc("校党组字〔2017〕9号\n关于开展活动方案立项的通知\n医学部党工委,基层党委(总支、直属支部):\n"
               "现就有关事项通知如下。\n")
    assert doc.recipients == ["医学部党工委", "基层党委(总支、直属支部)"]
    assert doc.doc_number == "校党组字〔2017〕9号"


def test_traditional_characters():
    doc = _doc("中共東山大學委員會關於加強黨支部建設的實施意見\n為加強黨支部建設，提出如下意見。\n"
               "第一條 黨支部每月召開支部委員會。（責任單位：組織部）\n")
    assert (doc.kind, doc.issuer, doc.institution) == ("實施意見", "中共東山大學委員會", "東山大學")
    assert doc.clauses[-1].path == ["第一條"] and doc.clauses[-1].note == "責任單位：組織部"


def test_notice_handing_on_two_plans_takes_the_first():
    doc = _doc("关于印发《党支部工作细则》《党小组工作办法》的通知\n各党委：\n现将《党支部工作细则》《党小组工作办法》印发给你们。\n"
               "第一条 为规范党支部工作，制定本细则。\n")
    assert doc.title == "党支部工作细则" and doc.kind == "细则"
    assert doc.notice.title.startswith("关于印发《党支部工作细则》")


def test_annex_table_after_the_signature_is_not_the_last_clause():
    doc = _doc("某某学院党建工作计划\n一、任务\n1.完善制度。建立台账。\n二、保障\n学院党委每半年听取1次汇报。\n"
               "中共某某学院委员会\n2022年1月10日\n附件：任务分解表\n序号\n任务\n牵头单位\n1\n建设工作室\n"
               "党委组织部\n2023年6月\n")
    assert doc.date == "2022-01-10" and doc.issuer == "中共某某学院委员会"
    assert doc.clauses[-1].text == "学院党委每半年听取1次汇报。"
    assert [c.path for c in doc.clauses] == [["一", "1"], ["二"]]


def test_star_line_and_publication_note_are_not_titles():
    doc = _doc("中共某某大学委员会文件\n某大党发〔2021〕33号\n★\n中共某某大学委员会关于印发\n"
               "《某某大学党支部考核办法》的通知\n各学院党委：\n现将《某某大学党支部考核办法》印发给你们。\n"
               "中共某某大学委员会\n2021年12月6日\n（此件公开发布）\n附件\n某某大学党支部考核办法\n"
               "第一条　为加强党支部建设，制定本办法。\n第二条　本办法自发布之日起施行。\n")
    assert doc.notice.title == "中共某某大学委员会关于印发《某某大学党支部考核办法》的通知"
    assert doc.title == "某某大学党支部考核办法" and doc.date == "2021-12-06"
    assert [c.path for c in doc.clauses] == [["第一条"], ["第二条"]]


@pytest.mark.parametrize("title,kind", [
    ("关于进一步加强学生党员教育管理的若干措施", "措施"),  # 若干 only counts them
    ("某某大学加强基层党建的十条措施", "措施"),
    ("某某学院2023年党建工作任务书", "任务书"),
    ("某某学院2025年党建工作重点任务分解表", "任务分解表"),
    ("中共某某大学某某学院委员会2025年党建工作月度安排", "安排"),
])
def test_more_genre_words(title, kind):
    assert kind_of(title) == kind


def test_title_broken_over_four_lines():
    doc = _doc("中共某某医科大学委员会\n关于深入推进新时代\n高校党建示范创建工作的\n实施方案\n"
               "为深入推进党建示范创建，制定本方案。\n一、工作目标\n到2025年，建成省级标杆院系2个。\n")
    assert doc.title == "中共某某医科大学委员会关于深入推进新时代高校党建示范创建工作的实施方案"
    assert doc.kind == "实施方案" and doc.institution == "某某医科大学"
    assert doc.clauses[0].text == "为深入推进党建示范创建，制定本方案。"


def test_a_department_signing_under_a_title_that_names_the_university():
    doc = _doc("某某大学党委组织部关于开展2023年党支部书记培训的通知\n各二级党委：\n现就有关事项通知如下。\n"
               "一、培训对象\n全校党支部书记，共计180名。\n党委组织部\n2023年3月20日\n")
    assert doc.issuer == "某某大学党委组织部" and doc.institution == "某某大学"
    assert doc.date == "2023-03-20"


def test_a_total_stated_is_not_a_target():
    from pbdocs.extract import enrich

    doc = enrich(_doc("一、培训安排\n1.培训对象为全校党支部书记，共计180名。2023年4月10日至14日，共5天。\n"))
    assert doc.clauses[0].targets == []


def test_menu_wrapped_web_copy_yields_the_title_and_the_signature_the_issuer():
    doc = _doc("某某能源集团 | 首页 | 集团概况 | 新闻中心 | 党建园地 | 企业文化 | 联系我们\n"
               "党建园地 > 制度建设\n"
               "某某能源集团有限公司基层党组织“三会一课”督查办法（试行）\n"
               "时间：2024-05-20 09:36    来源：党委组织部    点击：\n"
               "第一条 为推动基层党组织严格落实“三会一课”制度，制定本办法。\n"
               "第二条 本办法由集团公司党委组织部负责解释。\n"
               "中共某某能源集团有限公司委员会\n2024年5月16日\n【打印本页】【关闭窗口】\n")
    assert doc.title == "某某能源集团有限公司基层党组织“三会一课”督查办法（试行）"
    assert doc.kind == "办法" and doc.date == "2024-05-16"
    assert doc.issuer == "中共某某能源集团有限公司委员会"
    assert doc.institution == "某某能源集团有限公司"


def test_untitled_web_copy_takes_its_poster_as_issuer_and_no_title():
    doc = _doc("某某职业技术学院党委组织部\n首页  机构概况  组织工作  干部工作  党员之家  文件制度\n"
               "发布者:党委组织部发布时间:2023-10-12浏览次数:\n"
               "为深入贯彻落实新时代党的建设总要求,进一步加强教师党支部建设,提出如下意见。\n"
               "一、优化设置\n1.调整优化教师党支部设置,2023年12月底前完成。\n")
    assert doc.title is None and doc.kind is None
    assert doc.issuer == "党委组织部" and doc.institution is None and doc.date == "2023-10-12"


def test_disclosure_page_number_is_the_notice_number():
    doc = _doc("某某县人民政府门户网站   无障碍浏览   长者模式   繁體\n"
               "首页 > 政务公开 > 部门信息公开 > 县教育局\n"
               "索引号：\t001385264/2024-00047\t主题分类：\t教育\n"
               "发布机构：\t某某县教育局\t文　　号：\t某教党〔2024〕3号\n"
               "成文日期：\t2024-02-20\t发布日期：\t2024-02-22\n"
               "中共某某县教育局委员会关于印发《2024年全县教育系统党建工作要点》的通知\n"
               "字号：[ 大 中 小 ]   打印本页   关闭窗口\n"
               "各中小学校、局属各单位：\n"
               "现将《2024年全县教育系统党建工作要点》印发给你们，请认真抓好落实。\n"
               "中共某某县教育局委员会\n2024年2月20日\n"
               "2024年全县教育系统党建工作要点\n"
               "2024年是关键一年，全县教育系统党建工作要把握以下要点。\n"
               "一、强化理论武装\n深化党的创新理论学习。一是落实“第一议题”制度。\n")
    assert doc.title == "2024年全县教育系统党建工作要点" and doc.kind == "工作要点"
    assert doc.doc_number == "某教党〔2024〕3号" and doc.notice.doc_number == "某教党〔2024〕3号"
    assert doc.issuer == "中共某某县教育局委员会" and doc.institution == "某某县教育局"
    assert doc.recipients == ["各中小学校", "局属各单位"] and doc.date == "2024-02-20"


@pytest.mark.parametrize("issuer,institution", [
    ("中共某某市中心医院委员会", "某某市中心医院"),
    ("中共某某能源集团有限公司委员会", "某某能源集团有限公司"),
])
def test_hospitals_and_companies_are_institutions(issuer, institution):
    assert institution_of(issuer) == institution


def test_college_committee_signing_in_short_under_its_full_name():
    # a 二级学院 plan: the title names the college committee in full, the signature in short
    doc = _doc("中共某某大学经济与管理学院委员会2025年党建工作月度安排\n"
               "为做好全年工作，现将安排如下。\n一、常态化工作\n1.每月召开党委会议。\n"
               "经济与管理学院党委\n2025年2月25日")
    assert doc.issuer == "中共某某大学经济与管理学院委员会"
    assert doc.institution == "某某大学" and doc.date == "2025-02-25"


def test_red_header_with_square_bracket_number_two_line_title_and_chinese_date():
    doc = _doc("中共青川县委教育工作委员会\n青教工委【2025】4号\n关于加强中小学校党组织书记\n"
               "队伍建设的若干措施\n各中小学校党组织：\n为建设书记队伍，制定以下措施。\n"
               "一、严格选拔\n1.书记原则上由党员校长担任。（责任单位：组织科、人事科）\n"
               "各学校要于6月底前报送落实情况。\n中共青川县委教育工作委员会\n二〇二五年四月十八日\n")
    assert doc.title == "关于加强中小学校党组织书记队伍建设的若干措施" and doc.kind == "措施"
    assert doc.doc_number == "青教工委【2025】4号" and doc.date == "2025-04-18"
    assert doc.issuer == "中共青川县委教育工作委员会" and doc.institution == "青川县"
    last = doc.clauses[-1]  # the note closes item 1; the closing paragraph continues it
    assert last.note == "责任单位：组织科、人事科"
    assert last.text == "书记原则上由党员校长担任。\n各学校要于6月底前报送落实情况。"


def test_number_first_then_title_then_adoption_line():
    doc = _doc("青理工党【2025】8号\n中共青城理工学院委员会党支部书记管理办法(修订)\n"
               "（2025年4月1日学院党委常委会会议审议通过）\n第一条　为建设书记队伍，制定本办法。\n"
               "第二条　本办法自印发之日起施行。\n")
    assert doc.title == "中共青城理工学院委员会党支部书记管理办法(修订)" and doc.kind == "办法"
    assert doc.doc_number == "青理工党【2025】8号" and doc.date == "2025-04-01"
    assert doc.issuer == "中共青城理工学院委员会" and doc.institution == "青城理工学院"
    assert [c.path for c in doc.clauses] == [["第一条"], ["第二条"]]


def test_a_year_before_the_body_named_in_the_title():
    doc = _doc("2024年化学与材料工程学院党委“强基创优”党支部建设实施方案\n"
               "为提升党支部建设质量，特制定本方案。\n一、工作目标\n推动党支部全部达标。\n")
    assert doc.issuer == "化学与材料工程学院党委" and doc.institution is None


def test_adoption_lines_under_a_wrapped_plan_and_with_jing():
    doc = _doc("中共某某大学委员会\n关于印发《某某大学2025年党建工作要点》的通知\n各二级党委：\n"
               "《某某大学2025年党建工作要点》已经校党委常委会研究通过，现印发给你们，请认真贯彻落实。\n"
               "中共某某大学委员会\n2025年2月20日\n某某大学2025年党建工作要点\n"
               "（2025年2月18日校党委常委会会议审议通过）\n一、加强政治建设\n1.深入学习。\n")
    assert doc.title == "某某大学2025年党建工作要点" and doc.date == "2025-02-20"
    assert [c.path for c in doc.clauses] == [["一", "1"]]
    doc = _doc("某某大学党委组织部关于做好发展党员工作的通知\n（经2025年3月1日部务会研究通过）\n"
               "各基层党委：\n为做好发展党员工作，现通知如下。\n一、总体要求\n坚持标准。\n")
    assert doc.recipients == ["各基层党委"] and doc.date == "2025-03-01"
    assert doc.clauses[0].text == "为做好发展党员工作，现通知如下。"


def test_a_seal_note_after_the_signer():
    doc = _doc("某某学院2025年党建工作计划\n为做好工作，制定本计划。\n一、总体要求\n坚持标准，保证质量。\n"
               "某某学院党委（盖章）\n2025年3月5日\n")
    assert doc.issuer == "某某学院党委" and doc.date == "2025-03-05"
    assert doc.clauses[-1].text == "坚持标准，保证质量。"


def test_a_department_of_the_committee_opening_the_title_is_the_issuer():
    doc = _doc("中共某某大学委员会组织部\n2025年党员发展工作计划\n二〇二五年二月二十日\n"
               "一、工作目标\n全年发展党员200名。\n")
    assert doc.issuer == "中共某某大学委员会组织部" and doc.institution == "某某大学"
    assert doc.date == "2025-02-20"


def test_a_bracketed_date_under_the_title_and_a_department_before_the_year():
    doc = _doc("某某大学党委宣传部\n2025年宣传思想工作要点\n（2025年2月26日）\n"
               "宣传思想工作要坚持正确方向，现提出如下工作要点。\n第一部分 理论武装\n1.深化理论学习。\n")
    assert doc.title == "某某大学党委宣传部2025年宣传思想工作要点" and doc.date == "2025-02-26"
    assert doc.issuer == "某某大学党委宣传部" and doc.institution == "某某大学"


def test_a_department_signing_in_short_under_its_committee_title():
    doc = _doc("中共某某大学委员会组织部\n关于开展2025年“七一”走访慰问\n工作的通知\n"
               "各二级党委（党总支）、直属党支部，\n机关各部门、各直属单位：\n"
               "为做好走访慰问工作，现将有关事项通知如下。\n一、慰问对象\n生活困难党员。\n"
               "党委组织部\n2025年6月10日\n")
    assert doc.title == "中共某某大学委员会组织部关于开展2025年“七一”走访慰问工作的通知"
    assert doc.issuer == "中共某某大学委员会组织部" and doc.institution == "某某大学"
    assert doc.recipients == ["各二级党委（党总支）", "直属党支部", "机关各部门", "各直属单位"]


ANNEX_LIST_NOTICE = """中共西岭大学委员会文件
西大党〔2024〕3号
关于印发《西岭大学党支部建设工作方案》的通知
各二级党组织：
　　现将《西岭大学党支部建设工作方案》印发给你们，请认真组织实施。
　　附件：1.西岭大学党支部建设工作方案
　　　　　2.回执
中共西岭大学委员会
2024年3月1日
附件1
西岭大学党支部建设工作方案
　　为提升党支部建设质量，制定本方案。
　　一、工作安排
　　1.各党支部每月召开一次支部委员会。
　　2.党委组织部于6月底前完成检查。
附件2
回　执
单位（盖章）：　　联系人：
"""


def test_notice_listing_two_attachments_keeps_its_plan():
    """附件：1.方案 / 2.回执 in the notice: the 2. of the list opens no outline, so the notice
    ends at its signature and the plan under 附件1 is read (the plan was lost before)."""
    doc = _doc(ANNEX_LIST_NOTICE)
    assert doc.title == "西岭大学党支部建设工作方案" and doc.kind == "工作方案"
    assert doc.notice is not None and doc.notice.date == "2024-03-01"
    assert doc.notice.body.startswith("现将《")
    paths = [c.path for c in doc.clauses]
    assert ["一", "1"] in paths and ["一", "2"] in paths
    assert any("6月底前完成检查" in c.text for c in doc.clauses)


def test_annex_after_the_signature_is_named_as_left_out():
    """An annex after the signature is a document of its own: the outline leaves it out and a
    warning says so, with its size, instead of dropping it silently."""
    doc = _doc("西岭学院党支部建设工作方案\n一、工作安排\n1.各党支部每月召开一次支部委员会。\n"
               "2.党委组织部于6月底前完成检查。\n中共西岭学院委员会\n2024年3月1日\n附件\n"
               "党支部建设工作台账\n一、基本情况\n1.支部名称、书记、委员、党员人数。\n")
    assert [c.path for c in doc.clauses] == [["一", "1"], ["一", "2"]]
    assert not any("工作台账" in c.text for c in doc.clauses)
    warned = [w for w in doc.warnings if w.kind == "annex_skipped"]
    assert len(warned) == 1 and warned[0].excerpt == "附件"
    assert "未纳入大纲（4 段，" in warned[0].message
