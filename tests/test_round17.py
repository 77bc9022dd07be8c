"""Round 17 (issue 12): time limits and leads as writers of fresh plans read them."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round14 import _row


def test_festivals_in_both_halves_of_the_year_are_twice_a_year(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某大学委员会2027年党风廉政建设工作要点",
                            "一、加强作风建设",
                            "1.元旦春节、“五一”、中秋国庆等节前，通过短信向党员干部发送廉洁提醒。",
                            "2.坚持节前提醒制度，元旦春节、中秋国庆前开展廉洁谈话，节日期间开展作风"
                            "建设明察暗访。",
                            "3.每年“七一”前后和春节前走访慰问生活困难党员和老党员。",
                            "4.国庆节前后组织党员参观校史馆。",
                            "中共某某大学委员会",
                            "2027年2月20日"])
    for start in ("元旦春节、“五一”", "元旦春节、中秋国庆前", "节日期间", "每年“七一”前后和春节前"):
        due = due_of(_row(doc, start))
        assert (due["kind"], due["recurrence"]["period"]) == ("recurring", "semester"), start
    # one festival: its day, once
    due = due_of(_row(doc, "国庆节前后"))
    assert (due["kind"], due["start"], due["end"]) == ("on", "2027-10-01", "2027-10-01")


def test_new_years_day_before_in_a_years_plan_is_the_years_end(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某大学委员会组织部2027年工作计划",
                            "一、工作安排",
                            "1.元旦前完成全校党员信息年度核对。",
                            "中共某某大学委员会组织部",
                            "2027年2月20日"])
    due = due_of(_row(doc, "元旦前完成"))
    assert (due["kind"], due["end"]) == ("by", "2027-12-31")


def test_a_limit_beats_a_day_named_as_the_occasion_and_a_months_label_sets_the_term():
    from pbdocs.extract import timeexpr

    due = timeexpr.named_day_due("在新生入学教育中融入廉洁教育内容，开学后两周内完成新生“廉洁第一课”。",
                                 2027)
    assert (due.kind, due.end, due.text) == ("by", "2027-09-15", "开学后两周内")
    # under a row labelled 9月 (or 3月) a bare 开学 is that month's term start
    assert timeexpr.named_day_due("开学后两周内召开支部委员会会议。", 2027, 9).end == "2027-09-15"
    assert timeexpr.named_day_due("开学后两周内召开支部委员会会议。", 2027, 3).end == "2027-03-15"
    assert timeexpr.named_day_due("开学后两周内召开支部委员会会议。", 2027, 5) is None
    assert timeexpr.named_day_due("开学后两周内召开支部委员会会议。", 2027) is None


def test_teaching_sections_and_branches_named_in_a_colleges_plan_do_their_work(tmp_path):
    doc = _parse(tmp_path, ["中共某某学院马克思主义学院总支部委员会",
                            "2027年春季学期理论学习和教研活动安排",
                            "各党支部、各教研室：",
                            "现将本学期安排如下。",
                            "一、月度安排",
                            "3月：各党支部调整完善本学期支部工作计划，3月5日前报学院党总支。"
                            "各教研室于3月20日前完成集体备课。",
                            "4月：学习全国两会精神，各党支部同步组织党员开展学习讨论。",
                            "二、有关要求",
                            "集体备课每次形成书面记录，由教研室主任审核后报学院党总支存档。",
                            "中共某某学院马克思主义学院总支部委员会",
                            "2027年2月20日"])

    def lead(start):
        return [(d.name, d.basis) for d in _row(doc, start).lead]

    assert lead("3月：各党支部调整完善") == [("各党支部", "text")]
    assert lead("各教研室于3月20日前") == [("各教研室", "text")]
    assert ("各党支部", "text") in lead("4月：学习全国两会精神")
    assert lead("集体备课每次形成书面记录") == [("教研室主任", "text")]


def test_a_specific_duty_term_beats_a_broad_one_and_the_first_item_is_the_meetings():
    from pbdocs.extract.suggest import by_duty

    duty, term = by_duty("实现学生公寓党建工作站全覆盖。")
    assert (duty.lead, term) == (("党委学生工作部",), "学生公寓")
    # with only a broad term, it still decides
    duty, term = by_duty("加强二级学院党建工作。")
    assert (duty.lead, term) == (("党委组织部",), "党建工作")
    # the 第一议题 of the committee's meetings is its office's to keep
    duty, term = by_duty("坚持“第一议题”制度，校党委会每次会议首先传达学习重要讲话精神。")
    assert duty.lead == ("党委办公室",)


def test_a_named_day_opening_a_part_after_a_standing_duty_dates_a_row_of_its_own(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某职业技术学院委员会2027年党建工作要点",
                            "一、加强组织建设",
                            "1.坚持把政治标准放在首位，做好发展党员工作，“七一”前后集中举行新党员入党宣誓"
                            "仪式；新生入学后，在新生中开展入党启蒙教育。",
                            "中共某某职业技术学院委员会",
                            "2027年2月20日"])
    assert due_of(_row(doc, "坚持把政治标准放在首位"))["kind"] == "ongoing"
    oath = due_of(_row(doc, "“七一”前后集中举行"))
    assert (oath["kind"], oath["start"], oath["end"]) == ("on", "2027-07-01", "2027-07-01")
    freshmen = due_of(_row(doc, "新生入学后"))
    assert (freshmen["kind"], freshmen["start"], freshmen["end"]) == ("on", "2027-09-01",
                                                                      "2027-09-30")


def test_leaders_named_in_a_departments_notice_take_part_in_its_work(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会组织部",
                            "关于开展2026年度二级党组织书记抓基层党建工作述职评议考核的通知",
                            "各二级党组织：",
                            "现就有关事项通知如下。",
                            "一、述职评议",
                            "1月下旬召开现场述职评议会议。述职后由校党委书记逐一点评。",
                            "二、结果运用",
                            "对考核结果为“一般”的，由校党委书记进行约谈。",
                            "中共某某大学委员会组织部",
                            "2027年1月4日"])
    for start in ("述职后由校党委书记逐一点评", "对考核结果为“一般”的"):
        lead = _row(doc, start).lead
        assert [(d.canonical, d.basis) for d in lead] == [("党委组织部", "suggested")], start
        assert lead[0].name == "党委组织部" and "党委书记" in lead[0].why


def test_a_term_start_after_a_dated_part_is_a_row_of_its_own_in_the_right_term(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某大学土木工程学院委员会2027年学生党建工作要点",
                            "一、工作安排",
                            "1.7月上旬前完成毕业生党员组织关系转接，辅导员要在开学后两周内完成新生党员"
                            "组织关系接收。",
                            "2.第三季度：暑假期间，中心组成员结合分管工作开展专题调研，开学后两周内将调研"
                            "报告提交党委宣传部。",
                            "3.2月：召开全院党建工作部署会。开学后两周内，完成党支部书记述职评议。",
                            "中共某某大学土木工程学院委员会",
                            "2027年2月20日"])
    assert due_of(_row(doc, "7月上旬前完成"))["end"] == "2027-07-10"
    for start in ("辅导员要在开学后两周内", "开学后两周内将调研报告"):
        due = due_of(_row(doc, start))
        assert (due["kind"], due["end"]) == ("by", "2027-09-15"), start
    due = due_of(_row(doc, "暑假期间"))
    assert (due["kind"], due["start"], due["end"]) == ("range", "2027-07-01", "2027-08-31")
    # under a February row the term that starts next is the spring one
    due = due_of(_row(doc, "开学后两周内，完成"))
    assert (due["kind"], due["end"]) == ("by", "2027-03-15")


def test_developing_members_among_a_group_is_the_organisation_departments():
    from pbdocs.extract.suggest import by_duty

    duty, term = by_duty("加大在高层次人才和青年教师中发展党员力度。")
    assert (duty.lead, term) == (("党委组织部",), "中发展党员")
    # the group alone is still its own department's
    assert by_duty("完善高层次人才引进政治把关机制。")[0].lead == ("人事处",)


def test_in_a_departments_notice_a_report_to_the_committee_is_the_departments_own(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会组织部",
                            "关于开展2026年度二级党组织书记述职评议考核的通知",
                            "各二级党组织：",
                            "现就有关事项通知如下。",
                            "一、工作步骤",
                            "述职报告于1月15日前报送党委组织部。汇总各项得分后提出等次建议，2月底前报校党委"
                            "会议审定。",
                            "中共某某大学委员会组织部",
                            "2027年1月4日"])
    assert [d.canonical for d in _row(doc, "汇总各项得分").lead] == ["党委组织部"]
    assert [d.canonical for d in _row(doc, "述职报告于1月15日前").lead] == ["各二级党组织"]


def test_a_doer_written_with_a_modifier_starts_where_the_modifier_does(tmp_path):
    doc = _parse(tmp_path, ["中共某某学院马克思主义学院总支部委员会2027年春季学期工作安排",
                            "一、有关要求",
                            "（一）学院党总支将不定期抽查理论学习和集体备课开展情况，抽查结果纳入年度考核。",
                            "中共某某学院马克思主义学院总支部委员会",
                            "2027年2月20日"])
    row = _row(doc, "学院党总支将不定期")
    # 不定期: no cadence (the doer's name no longer swallows the 不 of 不定期)
    assert row.kind == "ongoing" and not row.recurrences


def test_a_duty_under_a_condition_holds_each_time_and_a_dated_part_after_it_is_its_own(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某大学委员会组织部",
                            "关于开展2026年度二级党组织书记述职评议考核的通知",
                            "各二级党组织：",
                            "现就有关事项通知如下。",
                            "一、结果运用",
                            "对考核等次为“一般”“差”的，由校党委书记进行约谈，6月底前组织“回头看”。",
                            "考核等次为“差”的，由校党委主要负责同志进行约谈，当年不得评先评优。",
                            "中共某某大学委员会组织部",
                            "2027年1月4日"])
    for start in ("对考核等次为“一般”“差”的", "考核等次为“差”的"):
        assert due_of(_row(doc, start))["kind"] == "ongoing", start
    due = due_of(_row(doc, "6月底前组织"))
    assert (due["kind"], due["end"]) == ("by", "2027-06-30")


def test_a_seasons_notice_over_two_years_dates_named_days_after_it_is_issued(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某学院委员会组织部关于做好2026—2027年度党员冬训工作的通知",
                            "各二级党组织：",
                            "现就做好冬训工作通知如下。",
                            "一、工作安排",
                            "（一）各党支部要于元旦前制定支部冬训学习计划。",
                            "（二）春节前，各二级党组织要走访慰问生活困难党员和老党员。",
                            "中共某某学院委员会组织部",
                            "2026年12月8日"])
    plan = due_of(_row(doc, "各党支部要于元旦前"))
    assert (plan["kind"], plan["end"]) == ("by", "2026-12-31")
    visit = due_of(_row(doc, "春节前"))
    assert (visit["kind"], visit["end"]) == ("by", "2027-02-05")


def test_a_row_nothing_else_leads_is_suggested_from_the_plans_title(tmp_path):
    doc = _parse(tmp_path, ["中共某某职业技术学院委员会关于实施基层党建质量提升行动计划的通知",
                            "一、实施步骤",
                            "（一）动员部署。3月中旬召开行动计划动员部署会。",
                            "（二）中期评估。下半年开展一次中期评估。",
                            "中共某某职业技术学院委员会",
                            "2027年2月20日"])
    for start in ("3月中旬召开", "下半年开展一次中期评估"):
        lead = _row(doc, start).lead
        assert [(d.canonical, d.basis) for d in lead] == [("党委组织部", "suggested")], start
        assert "文件标题" in lead[0].why


def test_assisting_is_no_subject_and_a_completion_with_its_own_object_after_a_cadence_is_a_row(
        tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某职业技术学院委员会宣传部2027年工作要点",
                            "一、理论武装",
                            "1.协助党委办好理论学习中心组学习，每月初拟定当月学习安排，年底前完成中心组学习"
                            "档案整理归档。",
                            "2.每年立项建设一批党建研究课题，第三季度完成年度立项评审。",
                            "中共某某职业技术学院委员会宣传部",
                            "2027年1月10日"])
    monthly = _row(doc, "每月初拟定")
    assert [d.canonical for d in monthly.lead] == ["党委宣传部"]
    assert due_of(monthly)["recurrence"]["period"] == "month"
    due = due_of(_row(doc, "年底前完成中心组学习档案"))
    assert (due["kind"], due["end"]) == ("by", "2027-12-31")
    # each year's review stays with the yearly duty
    assert not [t for c in doc.clauses for t in c.tasks if t.text.startswith("第三季度完成")]


def test_training_is_the_topics_work_and_alone_the_organisation_departments():
    from pbdocs.extract.suggest import by_duty

    assert by_duty("下半年组织开展中层干部意识形态工作专题培训。")[0].lead == ("党委宣传部",)
    assert by_duty("举办入党积极分子培训班。")[0].lead == ("党委组织部",)
    assert by_duty("举办一期专题培训班。")[0].lead == ("党委组织部",)


def test_money_in_a_departments_own_plan_is_the_finance_offices(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会学生工作部2027年学生党建工作要点",
                            "一、资助育人",
                            "1.暑假期间组织学生党员开展返乡社会实践。学校每年足额安排学生资助和勤工助学"
                            "经费，纳入年度预算。",
                            "2.12月中旬召开学生党建工作总结会。",
                            "中共某某大学委员会学生工作部",
                            "2027年1月10日"])
    assert [(d.canonical, d.basis) for d in _row(doc, "学校每年足额").lead] == [
        ("财务处", "suggested")]
    assert [d.canonical for d in _row(doc, "12月中旬召开").lead] == ["党委学生工作部"]


def test_a_sentence_that_only_says_what_results_are_for_is_no_task(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会组织部关于开展述职评议考核的通知",
                            "各二级党组织：",
                            "现就有关事项通知如下。",
                            "一、结果运用",
                            "年底前对各党支部党建工作进行考核，考核结果作为评先评优的重要依据。"
                            "考核结果作为干部年度考核、评先评优的重要依据。",
                            "中共某某大学委员会组织部",
                            "2027年1月4日"])
    rows = [t.text for c in doc.clauses for t in c.tasks]
    assert any(r.startswith("年底前对各党支部") for r in rows)
    assert not any(r.startswith("考核结果作为干部年度考核") for r in rows), rows


def test_a_notices_closing_words_and_its_grades_are_no_tasks(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会组织部关于开展述职评议考核的通知",
                            "各二级党组织：",
                            "现就有关事项通知如下。",
                            "一、考核评价",
                            "1月下旬召开现场述职评议会议。考核等次分为“好”“较好”“一般”“差”四个等次。",
                            "二、有关要求",
                            "请各二级党组织高度重视，认真抓好落实。执行中遇到的问题，请及时与党委组织部联系。",
                            "中共某某大学委员会组织部",
                            "2027年1月4日"])
    rows = [t.text for c in doc.clauses for t in c.tasks]
    assert any(r.startswith("1月下旬召开") for r in rows)
    for start in ("考核等次分为", "请各二级党组织高度重视", "执行中遇到的问题"):
        assert not any(r.startswith(start) for r in rows), (start, rows)


def test_the_statement_of_the_overall_approach_is_no_task(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会学生工作部2027年学生党建工作要点",
                            "2027年学生党建工作的总体思路是：坚持以习近平新时代中国特色社会主义思想为指导，"
                            "坚持把政治标准放在首位，全面提升学生党建工作质量。",
                            "一、加强学生党支部建设",
                            "1.上半年完成学生党支部设置调整。",
                            "中共某某大学委员会学生工作部",
                            "2027年1月10日"])
    rows = [t.text for c in doc.clauses for t in c.tasks]
    assert any(r.startswith("上半年完成") for r in rows)
    assert not any("总体思路" in r or r.startswith("坚持以习近平") for r in rows), rows


def test_a_departments_work_arrangement_is_its_own_plan(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会学生工作部2027年学生党员发展和教育管理工作安排",
                            "现将全年工作安排如下。",
                            "一、入党积极分子培养教育",
                            "1.举办学生入党积极分子培训班，春季班于4月上旬开班。",
                            "2.下半年开展一次学生党员组织关系排查。",
                            "中共某某大学委员会学生工作部",
                            "2027年2月20日"])
    for start in ("举办学生入党积极分子培训班", "下半年开展一次"):
        lead = _row(doc, start).lead
        assert [(d.canonical, d.basis) for d in lead] == [("党委学生工作部", "suggested")], start


def test_a_project_leader_or_section_head_named_first_leads(tmp_path):
    doc = _parse(tmp_path, ["中共某某职业技术学院委员会关于开展2027年度基层党建“书记项目”的通知",
                            "各二级党组织：",
                            "现就有关事项通知如下。",
                            "一、项目实施",
                            "（一）细化方案。立项后两周内，项目负责人要细化实施方案。",
                            "（二）结项验收。12月中旬前，项目负责人提交结项报告及佐证材料。",
                            "中共某某职业技术学院委员会",
                            "2027年2月26日"])
    for start in ("立项后两周内", "12月中旬前"):
        assert [(d.name, d.basis) for d in _row(doc, start).lead] == [("项目负责人", "text")], start


def test_completing_in_a_span_is_due_by_its_end_doing_in_it_is_the_span(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某大学委员会宣传部2027年工作要点",
                            "一、阵地管理",
                            "1.第二季度完成校园橱窗和展板内容更新。",
                            "2.第三季度开展一次网络阵地专项排查。",
                            "中共某某大学委员会宣传部",
                            "2027年1月10日"])
    done = due_of(_row(doc, "第二季度完成"))
    assert (done["kind"], done["end"]) == ("by", "2027-06-30")
    held = due_of(_row(doc, "第三季度开展"))
    assert (held["kind"], held["start"], held["end"]) == ("range", "2027-07-01", "2027-09-30")
