"""Round 21 (issue 12): who leads, and by when, on shapes of plans not tuned on."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row

_LEADERS = ["中共某某大学委员会办公室",
            "关于印发《2027年度校领导联系基层党组织工作安排》的通知",
            "各二级党组织，各部门：",
            "经学校党委同意，现将《2027年度校领导联系基层党组织工作安排》印发给你们，请认真贯彻落实。",
            "一、联系内容",
            "（一）每学期至少到联系单位的1个基层党支部参加1次组织生活。",
            "（二）“七一”前到联系单位讲1次专题党课。",
            "二、工作要求",
            "（一）每学期开学后1个月内听取联系单位意识形态工作情况汇报。",
            "（二）党委办公室负责联系工作的统筹协调，年底前汇总联系情况。",
            "中共某某大学委员会办公室",
            "2027年2月20日"]


def test_the_committee_office_issues_for_the_committee_and_its_work_is_divided_by_duty(tmp_path):
    doc = _parse(tmp_path, _LEADERS)
    life = _row(doc, "参加1次组织生活")
    assert [(d.canonical, d.basis) for d in life.lead] == [("党委组织部", "suggested")]
    ideology = _row(doc, "意识形态工作情况汇报")
    assert [(d.canonical, d.basis) for d in ideology.lead] == [("党委宣传部", "suggested")]
    # what the office is named for stays its own
    own = _row(doc, "年底前汇总联系情况")
    assert [(d.canonical, d.basis) for d in own.lead] == [("党委办公室", "text")]


def test_a_date_inside_a_term_in_the_same_clause_is_the_time_and_a_second_term_a_second_row(
        tmp_path):
    from tests.test_round19 import _due

    doc = _parse(tmp_path, ["中共某某大学委员会组织部",
                            "关于做好2027年发展党员工作的通知",
                            "各二级党组织：",
                            "一、工作程序",
                            "（一）严格政治审查。春季学期的政审材料于4月底前收集齐全，秋季学期于10月底前完成。",
                            "中共某某大学委员会组织部",
                            "2027年2月20日"])
    spring, autumn = _row(doc, "春季学期的政审材料"), _row(doc, "秋季学期于10月底前完成")
    assert spring is not autumn
    assert _due(spring) == ("by", None, "2027-04-30")
    assert _due(autumn) == ("by", None, "2027-10-31")


def test_the_plans_own_topic_does_not_take_its_tasks_from_the_office_in_charge(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会“三全育人”综合改革实施方案（2027—2029年）",
                            "一、实施步骤",
                            "2027年6月底前召开全校“三全育人”综合改革推进会。",
                            "二、保障措施",
                            "（一）加强组织领导。成立学校“三全育人”工作领导小组，领导小组办公室设在党委学生工作部，负责统筹协调和督促检查。",
                            "中共某某大学委员会",
                            "2027年3月1日"])
    meeting = _row(doc, "推进会")
    assert [(d.canonical, d.basis) for d in meeting.lead] == [("党委学生工作部", "suggested")]


def test_duties_of_school_history_audit_and_teachers_ethics_go_to_their_offices(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会2027年党建工作要点",
                            "一、重点工作",
                            "（一）深入挖掘校史校训中的育人资源。",
                            "（二）每两年对党费账户进行1次专项审计。",
                            "（三）9月举办1场师德专题报告会。",
                            "中共某某大学委员会",
                            "2027年3月1日"])
    for words, office in (("校史校训", "党委宣传部"), ("专项审计", "审计处"),
                          ("师德专题报告会", "党委教师工作部")):
        assert [d.canonical for d in _row(doc, words).lead] == [office], words


def test_a_division_of_work_table_after_the_items_states_who_leads_the_item_it_names(tmp_path):
    from tests.test_round19 import _due

    doc = _parse(tmp_path, ["中共某某大学委员会基层党组织建设质量提升三年行动计划（2027—2029年）",
                            "一、重点任务",
                            "1.2027年上半年修订《二级学院党组织会议和党政联席会议议事规则》。",
                            "2.建立党员积分管理制度，在各党支部全面推行。",
                            "3.寒暑假期间组织学生党员开展返乡调研。",
                            "二、重点任务分工",
                            "序号　任务　牵头单位　配合单位　完成时间",
                            "1　修订二级学院议事规则　党委办公室　党委组织部　2027年6月",
                            "2　推行党员积分管理　党委组织部　各二级党组织　2027年12月",
                            "未列入分工的任务，由相关单位按照职责分工抓好落实。",
                            "",
                            "中共某某大学委员会",
                            "2027年2月26日"])
    rules = _row(doc, "议事规则》")
    assert [(d.canonical, d.basis) for d in rules.lead] == [("党委办公室", "stated")]
    assert [(d.canonical, d.basis) for d in rules.support] == [("党委组织部", "stated")]
    points = _row(doc, "建立党员积分管理制度")
    assert [(d.canonical, d.basis) for d in points.lead] == [("党委组织部", "stated")]
    assert _due(points) == ("by", None, "2027-12-31")
    # the table's rows are the items again, not rows of their own
    texts = [t.text for c in doc.clauses for t in c.tasks]
    assert not any(t.startswith(("修订二级学院议事规则", "推行党员积分管理")) for t in texts), texts
    # a sentence run on after the table is not the last row's: its units are not stated for it
    after = _row(doc, "未列入分工的任务")
    assert all(d.basis != "stated" for d in after.lead + after.support)
    # an item the table does not name is suggested as before
    assert [d.basis for d in _row(doc, "返乡调研").lead] == ["suggested"]


def test_a_standing_duty_in_a_campaigns_months_stays_standing(tmp_path):
    from tests.test_round19 import _due

    doc = _parse(tmp_path, ["中共某某大学委员会",
                            "关于在全校党员中开展党纪学习教育的实施方案",
                            "各二级党组织：",
                            "学校党委决定于2027年4月至7月在全校党员中开展党纪学习教育。现制定如下实施方案。",
                            "一、主要内容",
                            "（一）强化警示教育。坚持用身边事教育身边人，深入剖析高校典型违纪违法案例。",
                            "（二）编印《党纪学习教育应知应会手册》。",
                            "中共某某大学委员会",
                            "2027年3月28日"])
    assert _due(_row(doc, "坚持用身边事教育身边人")) == ("ongoing", None, None)
    # a one-off of the campaign is still due within it
    assert _due(_row(doc, "编印《党纪学习教育应知应会手册》"))[2] == "2027-07-31"


def test_a_span_right_after_those_it_applies_to_holds_for_each_case(tmp_path):
    from tests.test_round19 import _due

    doc = _parse(tmp_path, ["中共某某大学纪律检查委员会2027年工作要点",
                            "一、日常监督",
                            "1.配合党委组织部做好干部选拔任用工作全程监督，对拟提拔人选在5个工作日内出具党风廉政意见回复。",
                            "中共某某大学纪律检查委员会",
                            "2027年2月20日"])
    row = _row(doc, "出具党风廉政意见回复")
    assert _due(row)[0] == "ongoing"  # not five working days after the plan was issued


def test_the_discipline_committees_secretary_does_the_committees_work(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学纪律检查委员会2027年工作要点",
                            "一、强化监督",
                            "1.加强对“一把手”的监督，纪委书记每半年与二级单位党政主要负责人开展一次廉政谈话。",
                            "2.对考核排名靠后的单位，由纪委副书记约谈其主要负责人。",
                            "中共某某大学纪律检查委员会",
                            "2027年2月20日"])
    for words in ("开展一次廉政谈话", "约谈其主要负责人"):
        assert [(d.canonical, d.basis) for d in _row(doc, words).lead] == [("纪委", "text")], words


def test_twice_a_year_is_once_each_half_year(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会巡察工作规划（2027—2031年）",
                            "一、工作安排",
                            "1.每年开展2轮常规巡察。",
                            "2.党委巡察工作领导小组每年至少2次听取巡察工作情况汇报。",
                            "3.每年6月底前和12月底前分两次对发展党员材料进行集中预审。",
                            "4.理论学习中心组每年集体学习不少于12次，其中专题研讨不少于2次。",
                            "中共某某大学委员会",
                            "2027年1月10日"])
    for words in ("常规巡察", "听取巡察工作情况汇报", "分两次对发展党员材料"):
        assert _row(doc, words).recurrences[0].period == "semester", words
    # a part of a yearly count (其中…2次) is not read as each half-year; twelve a year is
    # read as monthly (round 25)
    assert [r.period for r in _row(doc, "集体学习不少于12次").recurrences] == ["month"]


def test_a_segment_saying_only_how_to_take_the_work_does_not_make_it_standing(tmp_path):
    from tests.test_round19 import _due

    doc = _parse(tmp_path, ["中共某某大学委员会关于加强新时代党建工作的意见",
                            "一、工作要求",
                            "各级党组织、各部门要统筹谋划，结合本单位实际，逐条研究提出贯彻落实的具体举措，列出时间表。",
                            "中共某某大学委员会",
                            "2020年3月1日"])
    row = _row(doc, "逐条研究提出贯彻落实的具体举措")
    assert row.kind == "once"
    assert _due(row)[0] == "undated"


def test_a_heading_with_its_note_is_a_heading_and_the_note_is_its_items(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会“三全育人”综合改革实施方案（2027—2029年）",
                            "一、主要任务",
                            "（一）课程育人体系（牵头单位：教务处；参与单位：马克思主义学院、各二级学院）",
                            "1.2027年底前修订全部本科专业人才培养方案。",
                            "2.每学年评选课程思政示范课程40门。",
                            "（二）实践育人体系（牵头单位：团委；参与单位：党委学生工作部）",
                            "寒暑假期间组织学生开展“三下乡”社会实践。",
                            "（三）文化育人体系",
                            "深入挖掘校史校训中的育人资源。",
                            "中共某某大学委员会",
                            "2027年3月1日"])
    headings = {tuple(s.path): s.heading for s in doc.sections}
    assert headings[("一", "（一）")] == "课程育人体系"
    assert headings[("一", "（二）")] == "实践育人体系"
    assert headings[("一", "（三）")] == "文化育人体系"
    for words, lead in (("人才培养方案", "教务处"), ("课程思政示范课程", "教务处"),
                        ("三下乡", "团委")):
        assert [(d.canonical, d.basis) for d in _row(doc, words).lead] == [(lead, "stated")], words
    assert "马克思主义学院" in [d.canonical for d in _row(doc, "人才培养方案").support]


def test_a_list_of_limits_for_the_same_act_is_a_row_for_each(tmp_path):
    from tests.test_round19 import _due

    doc = _parse(tmp_path, ["中共某某大学委员会组织部",
                            "关于做好2027年发展党员工作的通知",
                            "各二级党组织：",
                            "一、工作程序",
                            "（四）做好集中预审。各二级党组织须于5月10日前、11月10日前向党委组织部报送预审材料。党委组织部分别于5月中旬、11月中旬组织集中预审。",
                            "中共某某大学委员会组织部",
                            "2027年2月20日"])
    rows = [t for c in doc.clauses for t in c.tasks]
    sent = [_due(t)[2] for t in rows if "报送预审材料" in t.text]
    held = [_due(t)[2] for t in rows if "组织集中预审" in t.text]
    assert sent == ["2027-05-10", "2027-11-10"]
    assert held == ["2027-05-20", "2027-11-20"]


def test_in_a_plan_about_a_units_own_party_work_what_only_the_title_fits_is_that_units(tmp_path):
    doc = _parse(tmp_path, ["中共某某医科大学委员会关于加强附属医院党的建设的实施意见",
                            "一、加强医德医风建设",
                            "（一）建立医务人员医德档案。",
                            "（二）每年组织一次党支部书记集中轮训。",
                            "（三）整治医疗服务中的不正之风，严肃查处违纪问题。",
                            "中共某某医科大学委员会",
                            "2027年3月1日"])
    own = _row(doc, "建立医务人员医德档案")
    assert [(d.canonical, d.basis) for d in own.lead] == [("附属医院党委", "suggested")]
    assert "标题" in own.lead[0].why
    # a duty of its own still goes to its office
    assert [d.canonical for d in _row(doc, "党支部书记集中轮训").lead] == ["党委组织部"]
    assert [d.canonical for d in _row(doc, "不正之风").lead] == ["纪委"]


def test_a_first_sentence_that_sets_its_own_date_is_no_headline_but_a_task(tmp_path):
    from tests.test_round19 import _due

    doc = _parse(tmp_path, ["中共某某大学委员会巡察工作规划（2027—2031年）",
                            "一、整改落实",
                            "（一）2027年6月底前建立巡察整改台账和销号管理制度。巡察整改情况纳入年度党建工作考核。",
                            "中共某某大学委员会",
                            "2027年1月10日"])
    assert all(c.heading is None for c in doc.clauses)
    assert _due(_row(doc, "建立巡察整改台账")) == ("by", None, "2027-06-30")
