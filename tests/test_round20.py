"""Round 20 (issue 12): the parts of a sentence that are rows of their own."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round19 import _due

_PLAN = ["中共某某大学委员会",
         "2027年党建工作要点",
         "一、组织建设",
         "（一）每学期组织一次党员发展工作督查，对问题较多的学院负责人进行问询。",
         "（二）每半年开展一次意识形态领域形势研判，落实意识形态工作责任制。",
         "（三）每两年对专职纪检干部开展一次全员轮训，选派纪检干部参与上级纪委审查调查工作。",
         "（四）每月开展一次主题党日活动，每次活动不少于2小时。",
         "（五）各党支部每季度召开一次支部委员会，每季度召开一次。",
         "（六）每年开展一次专项检查，年底前全部完成。",
         "中共某某大学委员会",
         "2027年1月10日"]


def _row(doc, words: str):
    found = [t for c in doc.clauses for t in c.tasks if words in t.text]
    assert len(found) == 1, [t.text for c in doc.clauses for t in c.tasks]
    return found[0]


def test_a_part_asking_for_something_else_after_a_cadence_is_a_row_of_its_own(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    # what the second part asks is not done on the first part's cadence
    for first, second in (("组织一次党员发展工作督查", "对问题较多的学院负责人进行问询"),
                          ("意识形态领域形势研判", "落实意识形态工作责任制"),
                          ("专职纪检干部开展一次全员轮训", "选派纪检干部参与上级纪委")):
        a, b = _row(doc, first), _row(doc, second)
        assert a is not b, second
        assert a.kind == "recurring"
        assert b.recurrences == [], second
    assert _due(_row(doc, "落实意识形态工作责任制")) == ("ongoing", None, None)


def test_a_part_saying_only_how_much_or_that_the_work_completes_stays_with_the_cadence(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    assert _row(doc, "每月开展一次主题党日活动") is _row(doc, "每次活动不少于2小时")
    assert _row(doc, "每年开展一次专项检查") is _row(doc, "年底前全部完成")


def test_a_second_date_inside_a_later_part_dates_a_second_one_off(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学机关委员会2027年党建工作要点",
                            "一、组织建设",
                            "1.第二季度完成机关党支部任期情况摸底，指导任期届满的党支部于9月底前完成换届选举。",
                            "2.11月底前，各党支部书记向机关党委述职，机关党委在年底前完成考核评价。",
                            "3.6月底前召开专题会议，会议材料于6月底前全部报送。",
                            "中共某某大学机关委员会",
                            "2027年2月20日"])
    assert _due(_row(doc, "完成机关党支部任期情况摸底")) == ("by", None, "2027-06-30")
    assert _due(_row(doc, "指导任期届满的党支部")) == ("by", None, "2027-09-30")
    assert _due(_row(doc, "各党支部书记向机关党委述职")) == ("by", None, "2027-11-30")
    assert _due(_row(doc, "机关党委在年底前完成考核评价")) == ("by", None, "2027-12-31")
    # the same date again only dates the part before
    assert _row(doc, "召开专题会议") is _row(doc, "全部报送")


def test_meeting_rules_go_to_the_party_office_and_student_branches_to_organisation(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会2027年党建工作要点",
                            "一、制度建设",
                            "1.修订二级学院党政联席会议制度。",
                            "2.完成新一届学生党支部设置调整。",
                            "3.加强学生党员教育管理。",
                            "中共某某大学委员会",
                            "2027年2月20日"])
    lead = lambda words: [(d.canonical or d.name, d.basis) for d in _row(doc, words).lead]  # noqa: E731
    assert lead("党政联席会议") == [("党委办公室", "suggested")]
    assert lead("学生党支部设置") == [("党委组织部", "suggested")]
    assert lead("学生党员教育管理") == [("党委学生工作部", "suggested")]


def test_an_organising_section_that_divides_the_work_puts_nobody_in_charge_of_all(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会宣传部",
                            "2027年校党委理论学习中心组学习计划",
                            "一、学习安排",
                            "1月：学习习近平总书记关于教育的重要论述。",
                            "3月：学习全国两会精神，邀请专家作专题辅导。",
                            "4月：围绕全面从严治党开展专题学习。",
                            "二、职责分工",
                            "党委办公室负责中心组学习的组织协调，做好会务保障。党委宣传部负责拟定每次学习方案，"
                            "做好学习记录整理和归档工作。",
                            "中共某某大学委员会宣传部",
                            "2027年2月26日"])
    for words in ("关于教育的重要论述", "学习全国两会精神"):
        assert [d.canonical for d in _row(doc, words).lead] == ["党委宣传部"], words


def test_a_note_with_xietong_names_the_support(tmp_path):
    doc = _parse(tmp_path, ["中共某某职业技术学院委员会“党建+产教融合”行动计划",
                            "一、重点行动",
                            "1.每年至少与2家合作企业党组织签订共建协议。（牵头：党委组织部，协同：校企合作处）",
                            "中共某某职业技术学院委员会",
                            "2027年3月1日"])
    t = _row(doc, "签订共建协议")
    assert [(d.canonical, d.basis) for d in t.lead] == [("党委组织部", "stated")]
    assert [(d.canonical, d.basis) for d in t.support] == [("校企合作处", "stated")]


def test_the_party_committees_own_office_issuing_names_itself_as_the_office(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会网络安全和信息化委员会办公室",
                            "关于开展“清朗校园”专项行动的通知",
                            "各二级党组织：",
                            "一、重点任务",
                            "（一）修订完善《校园网络平台管理办法》。",
                            "中共某某大学委员会网络安全和信息化委员会办公室",
                            "2027年4月1日"])
    lead = _row(doc, "修订完善").lead
    assert [(d.name, d.canonical) for d in lead] == [
        ("党委网络安全和信息化委员会办公室", "党委网信办")]


def test_a_modal_before_a_body_is_no_part_of_its_name(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会关于开展民主评议党员工作的通知",
                            "各二级党组织：",
                            "一、方法步骤",
                            "（一）对拟评为“不合格”等次的党员，须报党委组织部备案。",
                            "中共某某大学委员会",
                            "2027年12月1日"])
    assert "须报党委组织部" not in [d.name for d in _row(doc, "须报党委组织部备案").lead]


_MONTHS = ["中共某某大学委员会宣传部",
           "关于印发《2027年校党委理论学习中心组学习计划》的通知",
           "各二级党组织：",
           "现将学习计划印发给你们，请认真抓好落实。",
           "一、学习专题安排",
           "1月：学习习近平总书记关于教育的重要论述。",
           "3月：学习全国两会精神，开学后两周内召开学习会。",
           "4月：围绕全面从严治党开展专题学习，4月中旬召开廉洁从教专题研讨会。",
           "中共某某大学委员会宣传部",
           "2027年2月26日"]


def test_a_part_with_its_own_date_in_a_months_row_is_a_second_one_off(tmp_path):
    doc = _parse(tmp_path, _MONTHS)
    assert _due(_row(doc, "学习全国两会精神")) == ("on", "2027-03-01", "2027-03-31")
    assert _due(_row(doc, "开学后两周内召开学习会"))[0] == "by"
    assert _due(_row(doc, "围绕全面从严治党")) == ("on", "2027-04-01", "2027-04-30")
    assert _due(_row(doc, "4月中旬召开")) == ("range", "2027-04-11", "2027-04-20")


def test_a_month_label_of_a_plan_for_one_year_stays_in_that_year_though_past(tmp_path):
    doc = _parse(tmp_path, _MONTHS)
    # issued on 26 February: January is past, but it is the 2027 plan's January
    assert _due(_row(doc, "关于教育的重要论述")) == ("on", "2027-01-01", "2027-01-31")


def test_a_named_limit_in_a_notice_with_a_schedule_dates_its_task_not_the_schedules_end(tmp_path):
    doc = _parse(tmp_path, ["中共某某医学院委员会学生工作部",
                            "关于做好2027级新生入学教育工作的通知",
                            "各学院：",
                            "一、教育内容",
                            "（一）开学后两周内完成新生心理健康普查，由心理健康教育中心建立新生心理档案。",
                            "二、时间安排",
                            "1.9月1日至2日：新生报到。",
                            "2.9月中旬至10月上旬：新生军事技能训练。",
                            "中共某某医学院委员会学生工作部",
                            "2027年8月20日"])
    assert _due(_row(doc, "开学后两周内完成新生心理健康普查")) == ("by", None, "2027-09-15")


def test_named_days_given_as_examples_of_key_times_date_nothing():
    from pbdocs.extract.timeexpr import named_day_due

    assert named_day_due("“七一”前后、国庆节前后等重要节点实行24小时值班监测", 2027) is None
    assert named_day_due("在“七一”等重要节点前开展警示教育", 2027) is None
    assert named_day_due("“七一”前后开展表彰", 2027).start == "2027-07-01"


def test_a_part_dated_by_a_named_day_and_a_later_one_with_its_own_date_are_two_rows(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学经济学院委员会2026年本科生党支部工作计划",
                            "一、工作安排",
                            "1.“七一”前后开展一次红色主题教育实践活动，8月底前完成活动总结。",
                            "中共某某大学经济学院委员会",
                            "2026年2月20日"])
    assert _row(doc, "红色主题教育实践活动") is not _row(doc, "8月底前完成活动总结")
    assert _due(_row(doc, "8月底前完成活动总结")) == ("by", None, "2026-08-31")


def test_a_heading_naming_the_committees_collective_duty_binds_its_items(tmp_path):
    doc = _parse(tmp_path, ["中共某某工程学院委员会",
                            "落实全面从严治党主体责任清单",
                            "一、党委集体责任",
                            "1.年初召开全面从严治党工作会议，研究部署年度工作。",
                            "2.坚持党管干部原则，严把干部选拔任用政治关。",
                            "二、党委书记第一责任人责任",
                            "3.每年“七一”前后为全校党员干部讲授廉政专题党课。"])
    for words in ("年初召开全面从严治党工作会议", "坚持党管干部原则"):
        assert [(d.name, d.basis) for d in _row(doc, words).lead] == [
            ("某某工程学院党委", "stated")], words
    assert [(d.name, d.basis) for d in _row(doc, "讲授廉政专题党课").lead] == [
        ("党委书记", "stated")]


def test_the_start_or_end_of_the_year_in_a_standing_list_recurs_each_year(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某工程学院委员会",
                            "落实全面从严治党主体责任清单",
                            "一、党委集体责任",
                            "1.年初召开全面从严治党工作会议，研究部署年度工作。",
                            "2.年底前向上级党组织书面报告落实主体责任情况。",
                            "中共某某工程学院委员会",
                            "2027年1月18日"])
    meeting = due_of(_row(doc, "年初召开全面从严治党工作会议"))
    assert meeting["kind"] == "recurring" and meeting["recurrence"]["period"] == "year"
    report = due_of(_row(doc, "年底前向上级党组织书面报告"))
    assert report["kind"] == "recurring" and report["recurrence"]["on"] == "12-31"
    # a year's plan keeps this year's date
    doc = _parse(tmp_path, ["中共某某工程学院委员会2027年党建工作要点",
                            "一、组织建设",
                            "1.年底前向上级党组织书面报告落实主体责任情况。",
                            "中共某某工程学院委员会",
                            "2027年1月18日"])
    assert _due(_row(doc, "年底前向上级党组织书面报告")) == ("by", None, "2027-12-31")


def test_a_part_naming_its_own_body_splits_after_a_time_that_opens_the_sentence(tmp_path):
    doc = _parse(tmp_path, ["中共某某学院委员会组织部关于做好换届工作的通知",
                            "各党总支：",
                            "一、换届程序",
                            "5.报批。选举结束后15日内，党支部将选举结果及委员分工报党总支审批，"
                            "党总支将选举结果报党委组织部审批。",
                            "中共某某学院委员会组织部",
                            "2027年3月1日"])
    branch, general = _row(doc, "党支部将选举结果"), _row(doc, "党总支将选举结果")
    assert branch is not general
    assert [d.canonical for d in branch.lead] == ["党支部"]
    assert [d.canonical for d in general.lead] == ["党总支"]


def test_a_universitys_rules_on_members_life_leave_the_branch_meetings_to_the_branches(tmp_path):
    lines = ["中共某某交通学院委员会",
             "党员教育管理工作实施办法",
             "第一章 三会一课",
             "第一条 支部党员大会一般每季度召开1次。",
             "中共某某交通学院委员会",
             "2027年3月1日"]
    doc = _parse(tmp_path, lines)
    assert [d.canonical for d in _row(doc, "支部党员大会").lead] == ["党支部"]
    # a plan of the same topic divides its work by duty, but a branch meeting held on a
    # cadence is the branches' there too (round 22: four sets' writers, none against)
    lines[1] = "党员教育管理工作三年行动计划"
    lines.insert(4, "第二条 每年开展一次党员集中培训。")
    doc = _parse(tmp_path, lines)
    assert [d.canonical for d in _row(doc, "支部党员大会").lead] == ["党支部"]
    assert [d.canonical for d in _row(doc, "党员集中培训").lead] == ["党委组织部"]


def test_a_named_day_after_its_festivals_name_or_a_year_dates_the_work(tmp_path):
    from pbdocs.extract.recurrence import _named_day
    from pbdocs.extract.timeexpr import find_deadlines

    assert _named_day("“五一”劳动节前后组织劳模工匠事迹报告会") == "05-01"
    assert _named_day("教师节前后集中宣传") == "09-10"
    found = find_deadlines("2028年“七一”前后集中命名表彰一批", "2027-03-01")
    assert [(f.deadline.start, f.deadline.end) for f in found] == [("2028-07-01", "2028-07-01")]
    found = find_deadlines("2028年建成10个示范点", "2027-03-01")
    assert [f.deadline.end for f in found] == ["2028-12-31"]


def test_a_platform_launched_in_a_span_is_due_by_its_end(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会2027年党建工作要点",
                            "一、党建信息化",
                            "1.第三季度上线“某某党建”融媒体平台。",
                            "2.第三季度开展一次党建信息系统使用培训。",
                            "中共某某大学委员会",
                            "2027年2月20日"])
    assert _due(_row(doc, "上线“某某党建”")) == ("by", None, "2027-09-30")
    assert _due(_row(doc, "使用培训")) == ("range", "2027-07-01", "2027-09-30")


def test_what_goes_on_from_a_recurring_duty_stays_with_it(tmp_path):
    doc = _parse(tmp_path, ["中共某某交通学院委员会",
                            "党员教育管理工作实施办法",
                            "第一章 组织生活",
                            "第一条 积分情况每季度在支部范围内公示，接受党员监督。",
                            "第二条 党支部每学期召开一次专题会议，研究解决存在问题。",
                            "第三条 每季度汇总1次联系情况，并向党委常委会报告。",
                            "中共某某交通学院委员会",
                            "2027年3月1日"])
    for first, then in (("积分情况每季度", "接受党员监督"), ("每学期召开一次专题会议", "研究解决存在问题"),
                        ("每季度汇总1次联系情况", "并向党委常委会报告")):
        assert _row(doc, first) is _row(doc, then), then


def test_results_options_and_amounts_after_a_recurring_duty_stay_with_it(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会",
                            "基层党组织建设工作实施办法",
                            "第一条 每年开展一次民主评议，评议结果作为评先评优的重要依据。",
                            "第二条 支部委员会会议每月召开一次，必要时可随时召开。",
                            "第三条 每学期开展一次专项抽查，抽查比例不低于30%。",
                            "第四条 每年举办一期支部书记培训班，帮助其提高党务工作能力。",
                            "第五条 每半年开展一次专项督查，督查情况在全校通报。",
                            "第六条 每两年举办一次集中轮训，由党校组织实施。",
                            "中共某某大学委员会",
                            "2027年3月1日"])
    for first, then in (("每年开展一次民主评议", "评议结果作为"), ("支部委员会会议每月", "必要时可随时召开"),
                        ("每学期开展一次专项抽查", "抽查比例不低于30%"),
                        ("每年举办一期支部书记培训班", "帮助其提高党务工作能力"),
                        ("每半年开展一次专项督查", "督查情况在全校通报"),
                        ("每两年举办一次集中轮训", "由党校组织实施")):
        assert _row(doc, first) is _row(doc, then), then
