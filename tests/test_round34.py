"""Round 34 (issue 12): a season's stated time is its period; work in a named phase."""

from __future__ import annotations

from pbdocs.extract import timeexpr
from tests.test_round13 import _parse
from tests.test_round20 import _row

_WINTER = [
    "中共示例大学委员会",
    "关于做好2027—2028年度党员冬训工作的实施方案",
    "各二级党组织：",
    "经学校党委研究，决定在全校党员中开展2027—2028年度党员冬训。现制定如下实施方案。",
    "一、时间安排",
    "冬训自2027年12月上旬开始，至2028年3月底结束，分三个阶段进行。",
    "（一）动员部署（2027年12月1日—12月20日）。各二级党组织召开冬训动员会。",
    "（二）集中学习（2027年12月21日—2028年1月14日）。以党支部为单位开展集中学习。",
    "（三）评议总结（2028年3月1日—3月31日）。召开专题组织生活会。",
    "二、主要任务",
    "（一）讲好党课。各二级党组织书记要在集中学习阶段为本单位党员讲一次专题党课。",
    "（二）强化督导。党委组织部在集中学习和评议总结阶段各开展一次随机抽查。",
    "（三）抓好学习。党委理论学习中心组在冬训期间安排一次专题学习。",
    "中共示例大学委员会",
    "2027年11月26日",
]


def _due(row):
    return [(d.kind, d.start, d.end) for d in row.deadlines]


def test_a_span_from_its_start_to_its_end_is_one_range():
    found = timeexpr.find_deadlines("冬训自2027年12月上旬开始，至2028年3月底结束。", "2027-11-26")
    assert [(f.deadline.kind, f.deadline.start, f.deadline.end) for f in found] == [
        ("range", "2027-12-01", "2028-03-31")]


def test_a_season_over_two_years_runs_for_its_stated_time(tmp_path):
    from pbdocs.extract import period

    doc = _parse(tmp_path, _WINTER)
    found = period.plan_period(doc)
    # one winter, not the two calendar years 2027 and 2028
    assert (found.start.isoformat(), found.end.isoformat()) == ("2027-12-01", "2028-03-31")
    # what the whole winter holds once is done within it
    assert _due(_row(doc, "冬训期间安排一次专题学习")) == [("range", "2027-12-01", "2028-03-31")]


def test_work_in_a_named_phase_is_done_in_that_phase(tmp_path):
    doc = _parse(tmp_path, _WINTER)
    assert _due(_row(doc, "在集中学习阶段")) == [("range", "2027-12-21", "2028-01-14")]
    # two phases named together: from the first one's start to the second one's end
    assert _due(_row(doc, "各开展一次随机抽查")) == [("range", "2027-12-21", "2028-03-31")]
    assert all(d.inferred for d in _row(doc, "在集中学习阶段").deadlines)


def test_an_item_whose_heading_an_overview_names_keeps_its_own_note(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例学院委员会",
        "关于推进党支部标准化规范化建设的实施方案",
        "一、目标任务",
        "以组织设置、组织生活、台账资料“三个规范”为重点，用两年时间推进党支部标准化规范化建设，"
        "到2028年底全校党支部达标率达到100%。",
        "二、建设标准",
        "（一）组织生活规范。支部委员会会议每月召开一次，支部党员大会每季度召开一次。"
        "（牵头单位：党委组织部；配合单位：党委宣传部）",
        "中共示例学院委员会",
        "2027年4月26日",
    ])
    # the item's own note leads its rows; the overview that names it is no division table
    row = _row(doc, "支部委员会会议每月召开一次")
    assert [(d.canonical, d.basis) for d in row.lead] == [("党委组织部", "stated")], row.lead
    assert [(d.canonical, d.basis) for d in row.support] == [("党委宣传部", "stated")]


def test_a_hospitals_note_names_its_lead_and_supporting_sections(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例医科大学附属医院委员会",
        "关于开展医德医风专项整治工作的通知",
        "各科室：",
        "一、建立长效机制。修订完善医务人员医德考评实施细则，年底前印发实施。"
        "（牵头科室：医务部；配合科室：组织人事科、护理部）",
        "中共示例医科大学附属医院委员会",
        "2027年5月6日",
    ])
    row = _row(doc, "医德考评实施细则")
    assert [(d.name, d.basis) for d in row.lead] == [("医务部", "stated")], row.lead
    assert {d.name for d in row.support} == {"组织人事科", "护理部"}


def test_a_department_name_is_one_word_whatever_follows_it(tmp_path):
    from pbdocs import segment

    # jieba alone cuts 科研院要 as 科研/院要: the department was not found
    assert "科研院" in segment.cut("科研院要会同党委组织部完成摸底")
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "关于推进党建与业务融合的实施方案",
        "一、主要任务",
        "（一）推进融合。科研院要会同党委组织部于2027年6月底前完成全校科研团队党员情况摸底。",
        "（二）加强考核。12月中旬，联系校领导对联系单位党建工作进行总结评价，"
        "结果作为二级党组织书记抓党建述职评议考核的参考。",
        "中共示例大学委员会",
        "2027年3月18日",
    ])
    row = _row(doc, "科研团队党员情况摸底")
    assert [(d.canonical, d.basis) for d in row.lead] == [("科研处", "text")], row.lead
    assert [d.canonical for d in row.support] == ["党委组织部"]
    # a phrase that would cut a known name in two (…作为二级党组织|书记…) is no body
    assert all("结果" not in d.name for d in _row(doc, "总结评价").lead)


def test_a_closing_time_and_a_clock_time_before_are_deadlines():
    def due(text):
        return [(f.deadline.kind, f.deadline.end)
                for f in timeexpr.find_deadlines(text, "2027-09-01")]

    assert due("各离退休党支部组织报名，报名截止时间为10月20日。") == [("by", "2027-10-20")]
    assert due("各单位于10月8日17:00前将值班情况报党委办公室。") == [("by", "2027-10-08")]
    # a day and its hour, with nothing after: the day of the event
    assert due("10月8日 9:30在报告厅召开动员会。") == [("on", "2027-10-08")]


def test_a_partner_named_with_hui_tong_leaves_the_sentences_doer_leading(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例学院纪律检查委员会",
        "关于开展廉洁文化宣传教育月活动的通知",
        "各党总支：",
        "一、活动内容",
        "1.节假日前，纪委办公室发布廉洁提醒，节日期间会同党委办公室开展作风建设专项检查。",
        "2.1月完成第三批中期检查；3月召开总结会。",
        "中共示例学院纪律检查委员会",
        "2027年4月1日",
    ])
    row = _row(doc, "会同党委办公室开展")
    assert [(d.canonical, d.basis) for d in row.lead] == [("纪委办公室", "text")], row.lead
    assert [d.canonical for d in row.support] == ["党委办公室"]
    # a month a deliverable is written in: due by its end; a meeting that month is held in it
    assert [(d.kind, d.end) for d in _row(doc, "完成第三批中期检查").deadlines] == [
        ("by", "2028-01-31")]
    assert [d.kind for d in _row(doc, "召开总结会").deadlines] == ["on"]


def test_guiding_thoughts_principles_grades_and_quotas_are_no_rows(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "关于加强研究生党建工作的实施方案",
        "一、总体要求",
        "坚持以习近平新时代中国特色社会主义思想为指导，坚持党建引领、立德树人，把研究生党建工作纳入学校党的建设总体布局。",
        "二、主要任务",
        "（一）健全组织体系。坚持分类指导，坚持问题导向，推动研究生党支部发挥战斗堡垒作用。"
        "研究生工作部每年举办一期研究生党支部书记培训班。",
        "（二）严格考核。每年12月对研究生党支部书记开展述职评议。考核结果分为优秀、合格、不合格三个等次。",
        "（三）评选表彰。本次评选“先锋示范岗”30个、“优秀研究生党员”50名。本次更新对象为在读研究生党员。",
        "中共示例大学委员会",
        "2027年3月1日",
    ])
    texts = [t.text for c in doc.clauses for t in c.tasks]
    for words in ("为指导", "坚持分类指导", "考核结果分为", "本次评选", "本次更新对象"):
        assert not any(words in t for t in texts), (words, texts)
    # the work written beside them is still a row
    assert any("举办一期研究生党支部书记培训班" in t for t in texts)
    assert any("开展述职评议" in t for t in texts)


def test_the_items_of_a_materials_list_are_no_rows(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例学院委员会组织部",
        "关于做好2027年上半年发展党员工作的通知",
        "各党总支：",
        "一、材料报送",
        "各党总支于7月10日前报送以下材料：",
        "1.上半年发展党员工作总结；",
        "2.发展党员情况统计表；",
        "3.撰写发展对象考察报告；",
        "中共示例学院委员会组织部",
        "2027年6月1日",
    ])
    texts = [t.text for c in doc.clauses for t in c.tasks]
    assert not any(t.startswith(("上半年发展党员工作总结", "发展党员情况统计表")) for t in texts), texts
    # an item with its own verb is still work to do
    assert any("撰写发展对象考察报告" in t for t in texts), texts


def test_work_due_before_the_meeting_a_notice_calls_counts_back_from_its_day(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例学院委员会组织部",
        "关于召开2027年度二级党组织书记抓基层党建工作述职评议考核会议的通知",
        "各二级党组织：",
        "经学校党委同意，定于2028年1月召开述职评议考核会议。现将有关事项通知如下。",
        "一、会议时间和地点",
        "2028年1月13日（星期四）下午2:30，行政楼第一会议室。",
        "二、述职要求",
        "现场述职人选由党委组织部在会前一周随机抽取确定。现场述职的书记须制作汇报课件，于会前3个工作日报党委组织部审核。",
        "三、会务保障",
        "会场布置和设备调试于会前一天完成。",
        "中共示例学院委员会组织部",
        "2027年12月8日",
    ])
    assert [(d.kind, d.end) for d in _row(doc, "会前一周").deadlines] == [("by", "2028-01-06")]
    # three working days before a Thursday: the Monday
    assert [(d.kind, d.end) for d in _row(doc, "会前3个工作日").deadlines] == [("by", "2028-01-10")]
    assert [(d.kind, d.end) for d in _row(doc, "会前一天").deadlines] == [("by", "2028-01-12")]
    assert all(d.inferred for d in _row(doc, "会前一天").deadlines)


def test_a_rule_for_each_meeting_keeps_no_day(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例学院委员会",
        "党委会议议事规则",
        "第一条 党委会议一般每月召开一次。",
        "第二条 议题提出部门要于会前2个工作日将会议材料报送党委办公室。",
        "中共示例学院委员会",
        "2027年3月1日",
    ])
    assert not any(d.end for d in _row(doc, "会前2个工作日").deadlines)


def test_the_span_a_report_covers_is_not_the_time_of_the_work(tmp_path):
    from pbdocs.extract import period

    doc = _parse(tmp_path, [
        "中共示例学院委员会办公室",
        "关于报送2027年上半年党建工作情况的通知",
        "各二级党组织：",
        "现将有关事项通知如下。",
        "一、报送内容",
        "各二级党组织填报《上半年党建工作统计表》，统计时间为2027年1月1日至6月30日。",
        "二、报送时间",
        "请于7月9日前报送党委办公室。",
        "中共示例学院委员会办公室",
        "2027年6月21日",
    ])
    found = period.plan_period(doc)
    assert found is None or found.text != "2027年1月1日至6月30日", found


def test_a_span_of_one_day_reads_as_that_day():
    from pbdocs.lang.wording import deadline_text

    assert deadline_text({"kind": "range", "start": "2028-01-13", "end": "2028-01-13"}) == \
        "2028年1月13日"
    assert deadline_text({"kind": "range", "start": "2028-01-13", "end": "2028-01-15"}) == \
        "2028年1月13日—15日"


def test_a_plan_handed_on_in_a_notice_keeps_its_notes_word_for_word(tmp_path):
    from pbdocs.generate.notice import notice_context

    doc = _parse(tmp_path, [
        "中共示例学院委员会",
        "关于推进“党建带团建”工作的实施方案",
        "一、主要任务",
        "（一）加强团干部培养。专职团干部任职满3年且考核优秀的，可优先列入后备干部人选。"
        "（牵头单位：党委组织部；配合单位：校团委、人事处）",
        "（二）深化思想引领。每学年评选10个党建带团建示范团支部（责任单位：校团委）。",
        "（三）强化保障。学院每年安排党建带团建专项经费。",
        "牵头单位：财务处",
        "中共示例学院委员会",
        "2027年4月28日",
    ])
    text = "\n".join(b.get("runin", "") + b.get("text", "")
                     for b in notice_context(doc)["blocks"] if b["kind"] == "para")
    assert "后备干部人选。（牵头单位：党委组织部；配合单位：校团委、人事处）" in text, text
    assert "示范团支部（责任单位：校团委）。" in text, text
    assert "牵头单位：财务处" in text, text
    # the notes are still read as who leads
    assert [d.canonical for d in _row(doc, "示范团支部").lead] == ["团委"]


def test_a_timetable_runs_from_the_start_a_plan_states_for_itself(tmp_path):
    from pbdocs.generate.timetable import month_range, timetable_items

    doc = _parse(tmp_path, [
        "中共示例学院委员会",
        "关于推进“党建带团建”工作的实施方案",
        "一、实施期限",
        "实施期限为2027年5月至2028年12月。",
        "二、实施步骤",
        "（一）启动部署（2027年5月—6月）。召开全院党建带团建工作推进会。",
        "（二）总结提升（2028年10月—12月）。形成工作总结报告。",
        "中共示例学院委员会",
        "2027年4月28日",
    ])
    months = month_range(timetable_items(doc), doc)
    # issued in April, but the plan runs from May: no empty April column
    assert months[0] == (2027, 5) and months[-1] == (2028, 12), months
