"""Round 31 (issue 12): the year of the work a sentence assesses, and 于 before a date."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row

_POINTS = [
    "中共示例大学委员会",
    "关于印发《2027年党建工作要点》的通知",
    "各二级党组织：",
    "现将《2027年党建工作要点》印发给你们，请结合实际认真贯彻落实。",
    "一、加强干部队伍建设",
    "（一）第一季度完成2026年度中层领导班子和中层干部考核，下半年启动新一轮中层干部换届。",
    "二、加强党的政治建设",
    "（二）6月15日至7月15日，各二级党组织书记要为本单位党员讲授一次专题党课，"
    "讲稿于7月20日前报党委宣传部。",
    "中共示例大学委员会",
    "2027年2月20日",
]


def test_the_year_of_the_work_assessed_does_not_date_what_follows(tmp_path):
    doc = _parse(tmp_path, _POINTS)
    first = _row(doc, "中层干部考核")
    assert [d.end for d in first.deadlines][:1] == ["2027-03-31"], first.deadlines
    # 2026年度 is the year the assessment looks at; 下半年 is this document's year
    second = _row(doc, "下半年启动新一轮中层干部换届")
    assert [(d.start, d.end) for d in second.deadlines] == [("2027-07-01", "2027-12-31")], (
        second.deadlines)


def test_a_report_with_its_own_date_is_a_row_of_its_own(tmp_path):
    doc = _parse(tmp_path, _POINTS)
    talk = _row(doc, "讲授一次专题党课")
    report = _row(doc, "讲稿于7月20日前报党委宣传部")
    assert talk is not report
    assert [(d.start, d.end) for d in talk.deadlines] == [("2027-06-15", "2027-07-15")]
    assert [d.end for d in report.deadlines] == ["2027-07-20"], report.deadlines


def test_money_in_a_yearly_budget_is_yearly_however_the_budget_is_named(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "关于实施“双带头人”培育工程的实施方案",
        "各二级党组织：",
        "为推进培育工程，制定本方案。",
        "一、保障措施",
        "（一）培育工程所需经费纳入学校年度党建工作经费预算，专款专用。",
        "（二）各附属医院党委要在医院年度预算中安排相应配套经费。",
        "（三）各二级党组织要加强对培育工作的指导。",
        "中共示例大学委员会",
        "2027年3月1日",
    ])
    for words in ("年度党建工作经费预算", "年度预算中安排"):
        row = _row(doc, words)
        assert row.kind == "recurring", row
        assert [r.period for r in row.recurrences] == ["year"], row.recurrences
    assert _row(doc, "加强对培育工作的指导").kind == "ongoing"


def test_a_national_day_fixes_the_day_of_a_yearly_duty(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, [
        "中共示例医科大学委员会",
        "关于加强附属医院党的建设工作的实施办法",
        "第一条 为加强附属医院党的建设，制定本办法。",
        "第二条 每年中国医师节前后，集中宣传一批优秀医务人员先进典型。",
        "第三条 每年“宪法宣传周”期间举办系列法治文化活动。",
        "第四条 医院党委要加强对宣传工作的领导。",
        "中共示例医科大学委员会",
        "2027年3月1日",
    ])
    for words, day in (("中国医师节", "08-19"), ("宪法宣传周", "12-04")):
        due = due_of(_row(doc, words))
        assert due["kind"] == "recurring" and due["recurrence"]["on"] == day, due


def test_people_named_as_the_doers_lead_as_the_text_names_them(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例职业技术学院委员会",
        "关于加强新时代学生思想政治工作的实施意见",
        "各党总支、各部门：",
        "为加强学生思想政治工作，提出如下意见。",
        "一、主要举措",
        "（一）实行处级干部联系班级制度，处级干部每学期至少到联系班级开展一次活动。",
        "（二）专业带头人每学期至少为所在党支部讲授一次专题党课。",
        "（三）实习指导教师每月至少与实习学生联系一次。",
        "（四）班子成员每年至少形成1篇调研报告。",
        "中共示例职业技术学院委员会",
        "2027年3月1日",
    ])
    for words, who in (("处级干部每学期", "处级干部"), ("专业带头人", "专业带头人"),
                       ("实习指导教师", "实习指导教师"), ("班子成员每年", "班子成员")):
        row = _row(doc, words)
        assert [(d.name, d.basis) for d in row.lead] == [(who, "text")], row.lead
    # the officers a system is about (实行处级干部联系…制度) are not its doer
    system = _row(doc, "实行处级干部联系班级制度")
    assert all(d.basis == "suggested" for d in system.lead), system.lead
    assert not any("实行" in d.name for d in system.lead)


def test_a_standing_duty_and_a_dated_deliverable_in_one_sentence_are_two_rows(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "2027年党建工作要点",
        "一、加强基层组织建设",
        "（一）党委组织部要督促任期届满的党支部按期换届，下半年完成教师党支部集中换届。",
        "（二）依托学校智慧党建平台推行党支部工作全程纪实，10月底前实现全部党支部线上运行。",
        "（三）党委宣传部要及时报道中心组学习动态，年底前汇编印发《中心组学习成果选编》。",
        "中共示例大学委员会",
        "2027年1月10日",
    ])
    for standing, dated, end in (("督促任期届满", "完成教师党支部集中换届", "2027-12-31"),
                                 ("推行党支部工作全程纪实", "实现全部党支部线上运行", "2027-10-31"),
                                 ("及时报道中心组学习动态", "汇编印发", "2027-12-31")):
        first, second = _row(doc, standing), _row(doc, dated)
        assert first is not second
        assert first.kind == "ongoing" and not first.deadlines, (first.text, first.deadlines)
        assert second.kind == "once" and [d.end for d in second.deadlines] == [end]


def test_a_duty_put_into_the_yearly_report_and_review_is_yearly(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例职业技术学院委员会",
        "关于实施“强基工程”的三年行动计划（2027—2029年）",
        "一、主要任务",
        "（一）各党总支要把党支部建设情况纳入党总支书记抓基层党建工作述职评议考核。",
        "（二）各党总支要加强对党支部的指导。",
        "中共示例职业技术学院委员会",
        "2027年3月1日",
    ])
    row = _row(doc, "述职评议考核")
    assert row.kind == "recurring" and [r.period for r in row.recurrences] == ["year"], row
    assert _row(doc, "加强对党支部的指导").kind == "ongoing"


def test_each_body_listed_as_doers_is_a_doer_and_a_name_ends_before_its_modal(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "关于推进“党建+业务”融合发展的行动计划",
        "一、工作步骤",
        "（一）各二级党组织、机关各部门于4月30日前制定本单位任务清单，报党委组织部备案。",
        "（二）各培养单位要逐一确认转出党员已到接收单位报到。",
        "中共示例大学委员会",
        "2027年3月1日",
    ])
    listed = _row(doc, "制定本单位任务清单")
    assert [(d.name, d.basis) for d in listed.lead] == [
        ("各二级党组织", "text"), ("机关各部门", "text")], listed.lead
    unit = _row(doc, "逐一确认转出党员")
    assert [d.name for d in unit.lead] == ["各培养单位"], unit.lead


def test_the_standing_committee_and_the_participants_are_doers_the_text_names(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "落实意识形态工作责任制实施细则",
        "第一条 党委常委会每半年至少专题研判一次意识形态领域形势。",
        "第二条 参加人员须于9月20日前将学习心得报送纪委办公室。",
        "中共示例大学委员会",
        "2027年3月1日",
    ])
    for words, who in (("专题研判", "党委常委会"), ("学习心得", "参加人员")):
        row = _row(doc, words)
        assert [(d.name, d.basis) for d in row.lead] == [(who, "text")], row.lead


def test_a_report_due_in_a_named_year_after_a_cadence_is_one_report(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "关于加强新时代学校党的政治建设的实施意见",
        "一、组织实施",
        "（一）党委办公室会同党委组织部每两年对本意见落实情况开展一次专项督查，"
        "2028年12月底前形成总结报告报学校党委。",
        "（二）常规议题由分管校领导提出，经党委书记审定后列入会议议程。",
        "中共示例大学委员会",
        "2027年3月1日",
    ])
    check = due_of(_row(doc, "开展一次专项督查"))
    assert check["kind"] == "recurring" and check["recurrence"]["every"] == 2, check
    report = _row(doc, "形成总结报告")
    assert report.kind == "once" and [d.end for d in report.deadlines] == ["2028-12-31"]
    topic = _row(doc, "议题由分管校领导提出")
    assert [(d.name, d.basis) for d in topic.lead] == [("分管校领导", "text")], topic.lead


def test_the_review_held_at_the_meeting_stays_with_the_meeting(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "关于加强和改进研究生党建工作的实施意见",
        "一、严格组织生活",
        "（一）研究生党支部每年召开一次组织生活会，开展民主评议党员。",
        "（二）经审议通过的学校下半年工作要点于8月上旬印发。",
        "中共示例大学委员会",
        "2027年3月1日",
    ])
    row = _row(doc, "召开一次组织生活会")
    assert "民主评议党员" in row.text and row.kind == "recurring", row.text
    points = _row(doc, "下半年工作要点")
    assert [(d.canonical, d.basis) for d in points.lead] == [("党委办公室", "suggested")], (
        points.lead)


def test_a_topic_or_a_time_fronted_before_its_doer_is_no_row_of_its_own(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "巡察工作规划（2027—2031年）",
        "一、工作要求",
        "（一）检查期间，检查组每周向校纪委书记报告一次检查进展。",
        "（二）对已推荐的团员，团支部要每季度了解一次其思想和学习情况。",
        "（三）对学院招生考试、职称评审等重点环节加强监督，每学期开展一次作风建设专项检查。",
        "中共示例大学委员会",
        "2027年3月1日",
    ])
    texts = [t.text for c in doc.clauses for t in c.tasks]
    assert not any(t.rstrip("，,。") in ("检查期间", "对已推荐的团员") for t in texts), texts
    assert "检查期间" in _row(doc, "每周向校纪委书记报告").text
    assert "对已推荐的团员" in _row(doc, "每季度了解一次").text
    # a fronted 对… that asks something itself is still a row of its own
    assert _row(doc, "加强监督") is not _row(doc, "作风建设专项检查")


def test_how_long_a_duty_goes_on_is_no_row_of_its_own(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "关于落实巡察反馈意见的整改工作方案",
        "一、整改要求",
        "（一）对长期整改事项，每半年报告一次进展，直至整改到位。",
        "中共示例大学委员会",
        "2027年3月1日",
    ])
    assert "直至整改到位" in _row(doc, "每半年报告一次进展").text


def test_the_duty_table_knows_foreign_affairs_womens_work_and_platform_upkeep(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "关于加强和改进新时代群团工作的实施意见",
        "一、主要任务",
        "（一）每年组织女教职工专项健康检查。",
        "（二）每年年初编制因公出访年度计划。",
        "（三）每学期开展一次平台日常运维安全检查。",
        "中共示例大学委员会",
        "2027年3月1日",
    ])
    for words, dept in (("女教职工", "妇委会"), ("因公出访", "国际交流合作处"),
                        ("日常运维", "信息化中心")):
        row = _row(doc, words)
        assert [(d.canonical, d.basis) for d in row.lead] == [(dept, "suggested")], row.lead


def test_whose_duty_a_sentence_says_it_is_is_no_part_of_a_name(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "关于加强新时代教师党支部建设的若干措施",
        "一、压实工作责任。各二级党组织书记是教师党支部建设第一责任人，"
        "要每学期至少听取一次教师党支部工作汇报。",
        "中共示例大学委员会",
        "2027年3月1日",
    ])
    row = _row(doc, "听取一次教师党支部工作汇报")
    assert [(d.canonical, d.basis) for d in row.lead] == [("二级党组织书记", "text")], row.lead
