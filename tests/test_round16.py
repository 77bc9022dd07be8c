"""Round 16 (issue 12): time limits a term's start sets (秋季学期开学后两周内, 开学后两周内完成
新生…), as writers of fresh plans read them."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round14 import _row


def test_a_term_start_sets_the_limit_not_the_terms_span():
    from pbdocs.extract import timeexpr

    found = [f.deadline for f in timeexpr.find_deadlines(
        "各二级党组织在秋季学期开学后两周内完成新任支部委员全员培训。", "2027-03-01")]
    assert [(d.kind, d.end, d.text) for d in found] == [("by", "2027-09-15", "秋季学期开学后两周内")]
    found = [f.deadline for f in timeexpr.find_deadlines(
        "秋季学期开学后一个月内完成新生党员组织关系接收。", "2027-03-01")]
    assert [(d.kind, d.end) for d in found] == [("by", "2027-09-30")]  # a month from the day
    # the term's start with nothing after it: the month it falls in
    found = [f.deadline for f in timeexpr.find_deadlines(
        "秋季学期开学后组织新生参观学科发展成就展。", "2027-03-01")]
    assert [(d.kind, d.start, d.end) for d in found] == [("on", "2027-09-01", "2027-09-30")]
    # a term written as the time work is done in stays a span
    found = [f.deadline for f in timeexpr.find_deadlines("秋季学期举办入党积极分子培训班。",
                                                         "2027-03-01")]
    assert [(d.kind, d.start, d.end) for d in found] == [("range", "2027-09-01", "2028-01-31")]


def test_a_bare_term_start_for_new_students_is_the_autumn_one():
    from pbdocs.extract import timeexpr

    due = timeexpr.named_day_due("开学后两周内完成新生思想状况摸底。", 2027)
    assert (due.kind, due.end, due.text) == ("by", "2027-09-15", "开学后两周内")
    # with nothing that says which term, no limit is made up
    assert timeexpr.named_day_due("开学后两周内完成学生社团负责人备案。", 2027) is None
    assert timeexpr.named_day_due("每学期开学后两周内完成新生党员信息核对。", 2027) is None


def test_a_dated_term_start_after_a_standing_duty_is_a_row_of_its_own(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某大学外国语学院委员会2026年党建工作计划",
                            "一、规范党支部建设",
                            "（一）优化组织设置。推动学生党支部建在年级上，秋季学期开学后完成新生党员"
                            "组织关系接收和支部调整。",
                            "中共某某大学外国语学院委员会",
                            "2026年2月20日"])
    assert due_of(_row(doc, "推动学生党支部建在年级上"))["kind"] == "ongoing"
    due = due_of(_row(doc, "秋季学期开学后完成"))
    assert (due["kind"], due["start"], due["end"]) == ("on", "2026-09-01", "2026-09-30")


def test_a_yearly_duty_around_a_named_day_is_on_that_day(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某大学委员会关于加强师德师风建设的实施意见",
                            "一、主要任务",
                            "（一）选树典型。每年教师节前后集中宣传一批师德典型。",
                            "（二）表彰先进。每年“七一”前后开展“两优一先”评选表彰。",
                            "（三）走访慰问。每年“七一”和春节前走访慰问生活困难党员。",
                            "中共某某大学委员会",
                            "2027年3月1日"])
    teachers = due_of(_row(doc, "每年教师节前后"))["recurrence"]
    assert (teachers["period"], teachers["on"]) in {("year", "09-10"), ("day", "09-10")}
    assert due_of(_row(doc, "每年“七一”前后"))["recurrence"]["on"] == "07-01"
    # two days a year: no single day
    assert due_of(_row(doc, "每年“七一”和春节前"))["recurrence"]["on"] is None


def test_a_named_day_in_a_quarters_row_beats_the_quarter_not_a_months(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某大学音乐学院总支部委员会2027年党建工作计划",
                            "一、工作安排",
                            "第二季度：开展党史学习。“七一”前后组织新党员入党宣誓。",
                            "6月：开展“七一”系列活动。",
                            "中共某某大学音乐学院总支部委员会",
                            "2027年2月20日"])
    oath = due_of(_row(doc, "“七一”前后组织新党员入党宣誓"))
    assert (oath["kind"], oath["start"], oath["end"]) == ("on", "2027-07-01", "2027-07-01")
    assert due_of(_row(doc, "第二季度：开展党史学习"))["end"] == "2027-06-30"
    june = due_of(_row(doc, "6月：开展“七一”系列活动"))
    assert (june["start"], june["end"]) == ("2027-06-01", "2027-06-30")


def test_a_standing_rule_after_a_duty_that_recurs_is_a_row_of_its_own(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某大学某某学院委员会2027年党建工作要点",
                            "一、严格党内组织生活",
                            "1.各党支部每月开展一次主题党日活动，严格落实“三会一课”制度。",
                            "2.马克思主义学院要每学期组织一次集体备课，推进“大思政课”建设。",
                            "3.每学期末开展一次自查，发现问题及时报告。",
                            "中共某某大学某某学院委员会",
                            "2027年2月20日"])
    monthly = _row(doc, "各党支部每月开展一次主题党日活动")
    assert "三会一课" not in monthly.text
    assert due_of(monthly)["recurrence"]["period"] == "month"
    assert due_of(_row(doc, "严格落实“三会一课”制度"))["kind"] == "ongoing"
    assert due_of(_row(doc, "推进“大思政课”建设"))["kind"] == "ongoing"
    # what is done on finding something (及时…) stays with the check it follows
    assert "及时报告" in _row(doc, "每学期末开展一次自查").text


def test_a_standing_duty_before_a_dated_check_is_split_even_with_doers_between(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某大学委员会2025年党建工作要点",
                            "一、全面从严治党",
                            "（一）深入实施教师党支部书记“双带头人”培育工程，第三季度组织优秀工作室评选。",
                            "（二）加强科研经费使用监督，开展科研项目经费专项检查，由纪检监察室牵头，"
                            "计划财务处配合，10月底前完成。",
                            "中共某某大学委员会",
                            "2025年2月20日"])
    assert due_of(_row(doc, "深入实施教师党支部书记"))["kind"] == "ongoing"
    assert due_of(_row(doc, "第三季度组织优秀工作室评选"))["end"] == "2025-09-30"
    assert due_of(_row(doc, "加强科研经费使用监督"))["kind"] == "ongoing"
    check = due_of(_row(doc, "开展科研项目经费专项检查"))
    assert (check["kind"], check["end"]) == ("by", "2025-10-31")


def test_a_college_committees_own_branch_activity_plan_is_its_own_work(tmp_path):
    doc = _parse(tmp_path, ["中共某某学院环境与资源学院委员会2027年“三会一课”和主题党日活动安排",
                            "一、基本安排",
                            "1.党支部委员会会议每月召开一次。",
                            "2.组织员负责“三会一课”落实情况的日常检查。",
                            "3.学院党委书记每学期至少为师生党员讲一次专题党课。",
                            "中共某某学院环境与资源学院委员会",
                            "2027年1月20日"])
    meeting = _row(doc, "党支部委员会会议每月召开一次")
    assert [d.basis for d in meeting.lead] == ["suggested"]
    assert meeting.lead[0].name.endswith("环境与资源学院党委")
    assert [(d.name, d.basis) for d in _row(doc, "组织员负责").lead] == [("组织员", "text")]
    assert [(d.name, d.basis) for d in _row(doc, "学院党委书记每学期").lead] == [
        ("学院党委书记", "text")]


def test_the_scorer_names_a_college_without_its_institutions_name():
    from pbdocs.extract.evaluate_tasks import _key

    def same(x):
        return x

    assert _key("鹭岩学院环境与资源学院党委", same) == "环境与资源学院党委"
    assert _key("岑湾大学经济与管理学院党委", same) == "经济与管理学院党委"
    assert _key("马克思主义学院", same) == "马克思主义学院"
    assert _key("外国语学院党委", same) == "外国语学院党委"


STEPS_NOTICE = ["中共某某学院委员会组织部",
                "关于开展2026年度二级党组织书记述职评议考核的通知",
                "各二级党组织：",
                "现将有关事项通知如下。",
                "一、方法步骤",
                "（一）撰写述职报告。各二级党组织书记要认真开展自查，亲自撰写述职报告。"
                "述职报告于1月15日前报党委组织部。",
                "（二）开展基层测评。1月中旬，各二级党组织召开党员大会，由书记现场述职。"
                "测评表统一印制，测评结果现场封存。",
                "二、工作要求",
                "（一）严肃纪律。对测评中弄虚作假的，严肃追究责任。各二级党组织要认真做好材料归档。",
                "中共某某学院委员会组织部",
                "2027年1月6日"]


def test_a_dated_step_of_a_notice_dates_the_rest_of_it(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, STEPS_NOTICE)
    before = due_of(_row(doc, "各二级党组织书记要认真开展自查"))
    assert (before["kind"], before["end"], before.get("inferred")) == ("by", "2027-01-15", True)
    after = due_of(_row(doc, "测评表统一印制"))
    assert (after["start"], after["end"]) == ("2027-01-11", "2027-01-20")
    # the requirements of another section hold throughout: no step's date
    assert due_of(_row(doc, "各二级党组织要认真做好材料归档")).get("end") != "2027-01-20"


def test_the_organisers_own_checks_in_a_branch_activity_notice_are_the_departments(tmp_path):
    doc = _parse(tmp_path, ["中共某某学院委员会组织部",
                            "关于召开2026年度基层党组织组织生活会的通知",
                            "各二级党组织：",
                            "现将有关事项通知如下。",
                            "一、方法步骤",
                            "（一）征求意见。春节前广泛征求党员群众意见，梳理形成意见清单。",
                            "二、工作要求",
                            "（一）注重成果运用。4月中旬，对各单位组织生活会质量进行抽查，抽查情况纳入年度党建工作考核。",
                            "（二）做好总结宣传。上半年编印优秀组织生活会案例汇编。",
                            "中共某某学院委员会组织部",
                            "2027年1月8日"])
    assert "党支部" in _row(doc, "春节前广泛征求").lead[0].canonical
    for words in ("4月中旬，对各单位组织生活会质量进行抽查", "上半年编印优秀组织生活会案例汇编"):
        lead = _row(doc, words).lead
        assert [(d.canonical, d.basis) for d in lead] == [("党委组织部", "suggested")], words


def test_a_time_before_the_subject_leaves_the_subject_the_doer(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会2027年党建工作要点",
                            "一、组织建设",
                            "（一）2027年9月底前各二级党组织完成自查总结。",
                            "（二）下半年学生工作部组织开展学生党员培训。",
                            "中共某某大学委员会",
                            "2027年1月8日"])
    assert [(d.canonical.removeprefix("各"), d.basis)
            for d in _row(doc, "2027年9月底前各二级党组织").lead] == [("二级党组织", "text")]
    assert [(d.canonical, d.basis) for d in _row(doc, "下半年学生工作部").lead] == [
        ("党委学生工作部", "text")]


def test_a_unit_that_helps_in_a_departments_own_plan_supports_the_issuer(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学党校",
                            "2027年度党员干部教育培训计划",
                            "各二级党组织，党委各部门：",
                            "为提高培训实效，制定本计划。",
                            "一、主要班次",
                            "（一）新入职教职工党员培训班。9月下旬举办，为期2天，教师工作部配合做好学员组织。",
                            "（二）党外代表人士研修班。10月举办，为期2天，由统战部负责组织。",
                            "中共某某大学党校",
                            "2027年1月8日"])
    row = _row(doc, "9月下旬举办")
    assert [(d.canonical, d.basis) for d in row.lead] == [("党校", "suggested")]
    assert "党委教师工作部" in {d.canonical for d in row.support}


def test_festivals_whose_date_changes_take_that_years_date():
    from pbdocs.extract import timeexpr

    due = timeexpr.named_day_due("春节前广泛征求党员群众意见", 2027)
    assert (due.kind, due.end) == ("by", "2027-02-05")
    due = timeexpr.named_day_due("春节前后走访慰问困难党员", 2028)
    assert (due.kind, due.start) == ("on", "2028-01-26")
    # a year the lexicon has no date for: nothing is made up
    assert timeexpr.named_day_due("春节前走访", 2019) is None
    # days written together: 前 holds for both, the later one sets the limit
    assert timeexpr.named_day_due("中秋国庆前开展节前廉洁提醒", 2027).end == "2027-09-30"


def test_a_december_notices_spring_festival_is_next_years(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某学院委员会组织部",
                            "关于做好走访慰问困难党员工作的通知",
                            "各二级党组织：",
                            "现将有关事项通知如下。",
                            "一、主要安排",
                            "（一）走访慰问。春节前完成生活困难党员和老党员走访慰问。",
                            "中共某某学院委员会组织部",
                            "2026年12月8日"])
    due = due_of(_row(doc, "春节前完成"))
    assert (due["kind"], due["end"]) == ("by", "2027-02-05")  # 春节 2027-02-06


DIVIDED = ["中共某某职业技术学院委员会",
           "党建引领“双高”建设三年行动计划（2027—2029年）",
           "一、重点任务",
           "（一）强化政治引领。坚持党委理论学习中心组每月集中学习制度。各二级党组织书记每学期至少讲授一次形势与政策课。",
           "（二）建强基层组织。实施“一院一品”党建品牌培育工程。",
           "（三）锻造双师队伍。把师德师风作为教师评价第一标准。",
           "（四）强化保障支撑。制定党建引领“双高”建设考核评价办法。",
           "二、责任分工",
           "第（一）项由党委办公室牵头；第（二）项由党委组织部牵头；第（三）项由党委教师工作部牵头，人事处配合。"
           "其余各项由相关部门按职责分工落实。",
           "中共某某职业技术学院委员会",
           "2027年1月18日"]


def test_a_division_by_item_number_states_each_items_lead_and_support(tmp_path):
    doc = _parse(tmp_path, DIVIDED)

    def leads(words):
        return [(d.canonical, d.basis) for d in _row(doc, words).lead]

    assert leads("坚持党委理论学习中心组") == [("党委办公室", "stated")]
    # a doer the row names stays beside the stated lead
    assert ("党委办公室", "stated") in leads("各二级党组织书记每学期")
    assert leads("实施“一院一品”") == [("党委组织部", "stated")]
    row = _row(doc, "把师德师风")
    assert [(d.canonical, d.basis) for d in row.lead] == [("党委教师工作部", "stated")]
    assert [(d.canonical, d.basis) for d in row.support] == [("人事处", "stated")]
    # 其余各项: as the duty table suggests, not the departments the division names
    assert all(d.basis == "suggested" for d in _row(doc, "制定党建引领").lead)


def test_a_list_of_unknown_bodies_as_subject_is_each_of_them(tmp_path):
    doc = _parse(tmp_path, ["中共某某医科大学委员会统战部",
                            "关于做好2027年党外代表人士队伍建设工作的通知",
                            "各二级党组织、各附属医院党委：",
                            "现将有关事项通知如下。",
                            "一、工作安排",
                            "1.摸底调研。各二级党组织、各附属医院党委于3月底前完成本单位党外人士情况摸底。",
                            "中共某某医科大学委员会统战部",
                            "2027年3月8日"])
    names = {d.name for d in _row(doc, "各二级党组织、各附属医院党委于3月底前").lead}
    assert names == {"各二级党组织", "各附属医院党委"}


def test_the_scorer_names_a_hospital_without_its_universitys_name():
    from pbdocs.extract.evaluate_tasks import _key

    assert _key("澄湖医科大学附属第一医院党委", lambda x: x) == "附属第一医院党委"


def test_a_time_after_the_doers_name_and_units_named_by_their_role(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会组织部",
                            "关于做好党员冬训工作的通知",
                            "各二级党组织：",
                            "现将有关事项通知如下。",
                            "一、工作安排",
                            "（一）抓好动员部署。党委组织部12月下旬编印冬训学习资料，下发各党支部。",
                            "（二）培育建设。各培育创建单位要制定培育建设方案，6月底前报党委组织部备案。",
                            "中共某某大学委员会组织部",
                            "2026年12月8日"])
    assert [(d.canonical, d.basis) for d in _row(doc, "党委组织部12月下旬").lead] == [
        ("党委组织部", "text")]
    assert [(d.name, d.basis) for d in _row(doc, "各培育创建单位要").lead] == [
        ("各培育创建单位", "text")]
