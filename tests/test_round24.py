"""Round 24 (issue 12): derived dates that name their source, a second opinion from labelled
examples, and rows not tuned on."""

from __future__ import annotations

from docx import Document as Docx

from pbdocs.cli import main
from pbdocs.extract import precedent, timeexpr
from pbdocs.extract.tasks import due_of
from tests.test_round13 import _parse
from tests.test_round20 import _row

_PLAN = """中共示例大学委员会关于印发《基层党建质量提升行动计划（2025—2027年）》的通知

各二级党组织：
现将《基层党建质量提升行动计划（2025—2027年）》印发给你们，请结合实际认真贯彻落实。

中共示例大学委员会
2025年3月10日

基层党建质量提升行动计划（2025—2027年）

一、重点任务
1.制定《党支部工作考核评价办法》。
2.2025年6月底前完成党支部换届。
"""


def _cells(path) -> list[str]:
    return [c.text for t in Docx(str(path)).tables for r in t.rows for c in r.cells]


def test_a_derived_date_names_the_words_it_comes_from(runner, tmp_path):
    src = tmp_path / "plan.txt"
    src.write_text(_PLAN, encoding="utf-8")
    r = runner.invoke(main, ["parse", str(src), "--format", "text"])
    assert r.exit_code == 0, r.output
    # nobody dated the 办法: the plan's period dates it, and the reader is told so
    assert "时限：2027年底前（据“2025—2027年”推定）" in r.output
    # a date written for the task carries no mark
    assert "时限：2025年6月底前；" in r.output
    out = tmp_path / "tb.docx"
    r = runner.invoke(main, ["taskbook", str(src), "--out", str(out)])
    assert r.exit_code == 0, r.output
    cells = _cells(out)
    assert "2027年底前（据“2025—2027年”推定）" in cells
    assert "2025年6月底前" in cells
    assert not [c for c in cells if "按方案期限" in c]
    # the legend under the table says what the mark means
    legend = [p.text for p in Docx(str(out)).paragraphs if "推定）”的" in p.text]
    assert legend and "原文没有为该项写日期" in legend[0], legend


def test_a_named_day_date_in_a_notice_says_so(runner, tmp_path):
    src = tmp_path / "notice.txt"
    src.write_text("中共示例大学委员会组织部\n关于做好2025年新生党员组织关系转接工作的通知\n"
                   "各二级党组织：\n一、工作安排\n"
                   "（一）新生入学后一个月内完成学生党员组织关系转接。\n"
                   "（二）6月20日前报送转接情况统计表。\n"
                   "中共示例大学委员会组织部\n2025年5月6日\n", encoding="utf-8")
    r = runner.invoke(main, ["parse", str(src), "--format", "text"])
    assert r.exit_code == 0, r.output
    assert "时限：2025年9月底前（据“新生入学后一个月内”推定）" in r.output
    assert "时限：2025年6月20日前；" in r.output


def test_members_taking_part_in_their_own_work_lead_it(tmp_path):

    doc = _parse(tmp_path, ["中共某某大学委员会学生工作部",
                            "关于加强学生党员教育管理的若干措施",
                            "1.落实党员联系服务同学制度。学生党员要带头参加志愿服务，"
                            "每学年累计志愿服务时长不少于20小时。",
                            "2.教工党员要按时参加组织生活。",
                            "3.学生党支部书记每年参加集中培训不少于32学时。",
                            "4.学生党员参加社会实践的情况纳入第二课堂成绩单。",
                            "中共某某大学委员会学生工作部",
                            "2027年3月1日"])
    # the members go to their volunteer work and meetings: the text names them
    for words, who in (("带头参加志愿服务", "学生党员"), ("按时参加组织生活", "教工党员")):
        row = _row(doc, words)
        assert [(d.name, d.basis) for d in row.lead] == [(who, "text")], row.lead
    # a secretary trained, or members' record counted, is no doer of the row
    for words in ("参加集中培训", "情况纳入第二课堂"):
        assert not [d for d in _row(doc, words).lead if d.basis == "text"], words


_WRAPPED = ["中共某某大学委员会文件",
            "某党发〔2027〕7号",
            "中共某某大学委员会关于开展教师党支部书记工作室建设的通知",
            "各二级党组织，机关各部门、各直属单位：",
            "为充分发挥教师党支部书记的示范引领作用，经学校党委研究，决定开展工作室建设。"
            "现将《某某大学教师党支部书记工作室建设方案》印发给你们，请认真组织申报。",
            "中共某某大学委员会",
            "2027年3月22日",
            "某某大学教师党支部书记工作室建设方案",
            "一、建设任务",
            "（一）推动党建业务融合。每个工作室确定1至2个融合项目。"
            "建设期内提炼形成1项特色支部工作法。",
            "（二）加强骨干培养。建设期内，每学期开展1次组织生活观摩。",
            "二、建设周期与管理",
            "（一）建设周期。工作室建设周期为2年，自2027年6月起至2029年5月止。",
            "（二）申报。符合条件的教师党支部书记于4月20日前填写申报书。"]


def test_a_notice_that_hands_on_a_plan_under_its_own_title_is_read_as_a_wrapper(tmp_path):

    doc = _parse(tmp_path, _WRAPPED)
    # the notice is not titled 印发…的通知, but its body hands the plan on and it is signed
    # before the plan: the date is the notice's, the title the plan's
    assert doc.date == "2027-03-22"
    assert doc.title == "某某大学教师党支部书记工作室建设方案"
    assert doc.notice is not None and "工作室建设的通知" in doc.notice.title
    # so the year-less date of the plan has its year
    row = _row(doc, "填写申报书")
    assert [(d.kind, d.end) for d in row.deadlines] == [("by", "2027-04-20")]


def test_a_building_cycle_with_its_dates_written_dates_the_work_in_it(tmp_path):

    doc = _parse(tmp_path, _WRAPPED)
    # 自2027年6月起至2029年5月止 is the cycle, not two years from the notice's date; what the
    # cycle delivers is due at its end, what is done in it is done over it
    assert due_of(_row(doc, "提炼形成1项特色支部工作法"))["end"] == "2029-05-31"
    assert due_of(_row(doc, "提炼形成1项特色支部工作法"))["kind"] == "by"
    found = timeexpr.find_deadlines("建设周期为2年，自2027年6月起至2029年5月止。", "2027-03-22")
    assert [(f.deadline.start, f.deadline.end, f.deadline.kind) for f in found
            if f.deadline.kind == "range"] == [("2027-06-01", "2029-05-31", "range")]


_STUDENTS = ["中共示例大学委员会",
             "关于加强新时代学生党员教育管理的实施意见",
             "一、强化教育引导",
             "1.组织学生党员在寒暑假期间开展返乡调研和志愿服务活动。",
             "2.建立党费收缴台账。",
             "中共示例大学委员会",
             "2027年3月1日"]


def test_labelled_examples_overrule_a_lone_keyword_and_say_so(runner, tmp_path, monkeypatch):
    src = tmp_path / "plan.txt"
    src.write_text("\n".join(_STUDENTS), encoding="utf-8")
    r = runner.invoke(main, ["parse", str(src), "--format", "text"])
    assert r.exit_code == 0, r.output
    # 志愿服务 alone points to the 团委; the students' party members make it the 学生工作部's,
    # as the labelled examples have it, and the reason is shown
    assert "牵头：党委学生工作部〔建议：标注样例中相近的任务多由党委学生工作部牵头〕" in r.output
    # a keyword the examples do not dispute stands
    assert "牵头：党委组织部〔建议：“党费收缴”〕" in r.output
    # without the examples, the duty table's keyword decides
    monkeypatch.setenv("PBDOCS_PRECEDENTS_SKIP", "heldout")
    r = runner.invoke(main, ["parse", str(src), "--format", "text"])
    assert "牵头：团委〔建议：“志愿服务”〕" in r.output


def test_a_departments_own_plan_keeps_its_own_work(tmp_path):

    doc = _parse(tmp_path, ["中共示例大学委员会党校",
                            "2027年党员干部教育培训计划",
                            "一、主要任务",
                            "1.举办入党积极分子培训班，每学期举办一期，每期不少于3天。",
                            "2.建立健全党员干部教育培训档案，如实记录参训情况。",
                            "中共示例大学委员会党校",
                            "2027年1月5日"])
    # the examples weigh only what a keyword suggested, not the issuer's own work
    for words in ("每期不少于3天", "如实记录参训情况"):
        lead = _row(doc, words).lead
        assert [d.name for d in lead] == ["党委党校"], (words, lead)
        assert not any("标注样例" in (d.why or "") for d in lead), lead


def test_an_opinion_needs_a_clear_margin():

    sure = precedent.opinion("组织学生党员在寒暑假期间开展返乡调研和志愿服务活动。",
                             "关于加强新时代学生党员教育管理的实施意见", "学校")
    assert sure is not None and sure.lead == ("党委学生工作部",)
    assert sure.margin >= precedent.MARGIN
    # a sentence with nothing to go on gives no opinion
    assert precedent.opinion("做好。", "", "学校") is None


def test_the_bodies_and_people_a_procedure_names_are_its_doers(tmp_path):

    doc = _parse(tmp_path, ["中共示例大学委员会办公室",
                            "关于做好2027年国庆节期间有关工作的通知",
                            "各单位：",
                            "一、值班安排",
                            "值班人员要坚守岗位，保持通讯畅通。",
                            "二、巡察整改",
                            "被巡察党组织要在巡察反馈后3个月内完成集中整改。",
                            "三、培训要求",
                            "学员要严格遵守课堂纪律。",
                            "中共示例大学委员会办公室",
                            "2027年9月20日"])
    for words, who in (("坚守岗位", "值班人员"), ("完成集中整改", "被巡察党组织"),
                       ("遵守课堂纪律", "学员")):
        lead = _row(doc, words).lead
        assert [(d.name, d.basis) for d in lead] == [(who, "text")], (words, lead)


def test_what_holds_each_time_in_an_activity_period_stays_standing(tmp_path):

    doc = _parse(tmp_path, ["共青团示例大学委员会",
                            "关于开展2027年暑期社会实践活动的通知",
                            "各学院团委：",
                            "一、活动时间",
                            "2027年7月至8月。",
                            "二、工作要求",
                            "（一）各学院团委组织开展安全教育培训。",
                            "（二）实践期间遇突发情况须第一时间报告校团委。",
                            "（三）指导教师工作量按学校有关规定予以认定。",
                            "（四）对进度滞后的实践团队进行跟踪督导。",
                            "共青团示例大学委员会",
                            "2027年5月20日"])
    # a rule for every case of the whole work holds throughout, not once in July or August
    for words in ("第一时间报告", "有关规定予以认定", "跟踪督导"):
        assert due_of(_row(doc, words))["kind"] == "ongoing", words
    # an activity of the period is held within it
    assert due_of(_row(doc, "安全教育培训"))["kind"] in ("range", "by")


def test_a_task_about_its_own_unit_is_the_addressed_units(tmp_path):

    doc = _parse(tmp_path, ["中共示例大学委员会组织部",
                            "关于开展2027年度基层党组织书记述职评议工作的通知",
                            "各二级党组织：",
                            "一、工作安排",
                            "（一）述职报告经本单位党组织会议审议后，于12月20日前报送党委组织部。",
                            "（二）党委组织部统一印制测评表。",
                            "中共示例大学委员会组织部",
                            "2027年11月20日"])
    # 本单位 is the unit the notice is sent to: its own meeting reviews its own report
    lead = _row(doc, "本单位党组织会议审议").lead
    assert [d.name for d in lead] == ["二级党组织"] and lead[0].basis == "suggested", lead
    assert "本单位" in lead[0].why
    # the issuing department's own organising stays its own
    assert [d.canonical for d in _row(doc, "统一印制测评表").lead] == ["党委组织部"]


def test_a_helping_plans_work_goes_to_the_offices_that_do_it(tmp_path):

    doc = _parse(tmp_path, ["中共示例大学委员会",
                            "2027年定点帮扶工作计划",
                            "一、重点任务",
                            "1.全年采购和帮助销售帮扶地区农产品不少于400万元。",
                            "2.按期完成驻村第一书记和工作队员轮换。",
                            "3.年底前建立党建与业务工作“双清单”。",
                            "中共示例大学委员会",
                            "2027年2月20日"])
    for words, dept in (("帮扶地区农产品", "社会合作处"), ("驻村第一书记", "党委组织部"),
                        ("双清单", "党委组织部")):
        lead = _row(doc, words).lead
        assert [(d.canonical, d.basis) for d in lead] == [(dept, "suggested")], (words, lead)


def test_a_holiday_notice_divides_campus_services_by_duty(tmp_path):

    doc = _parse(tmp_path, ["中共示例大学委员会办公室",
                            "关于做好2027年国庆节期间有关工作的通知",
                            "各单位：",
                            "一、做好安全保障",
                            "（一）做好节日期间水电、食堂和校园交通保障。",
                            "（二）加强节日期间校园巡逻和校门管控。",
                            "（三）10月8日开展节后教学秩序专项检查。",
                            "中共示例大学委员会办公室",
                            "2027年9月20日"])
    for words, dept in (("水电、食堂", "后勤处"), ("校园巡逻", "保卫处"), ("教学秩序", "教务处")):
        lead = _row(doc, words).lead
        assert [(d.canonical, d.basis) for d in lead] == [(dept, "suggested")], (words, lead)
