"""Round 25 (issue 12): a note's time for the item's deliverable, and rows not tuned on."""

from __future__ import annotations

from pbdocs.cli import main
from pbdocs.extract.tasks import due_of
from tests.test_round13 import _parse
from tests.test_round20 import _row

_LIST = [
    "中共示例大学委员会宣传部",
    "2027年意识形态工作任务清单",
    "为压实意识形态工作责任，制定本清单。",
    "1.加强校园网站、新媒体账号备案管理，6月底前完成全校新媒体账号清理整顿。"
    "（责任单位：党委网信办；完成时间：6月底前）",
    "2.加强新闻宣传队伍建设，举办通讯员培训班1期。（完成时间：12月中旬）",
    "3.严格落实报告会、讲座“一会一报”审批制度。（责任单位：党委宣传部；完成时间：全年）",
    "4.修订《新媒体平台管理办法》。（完成时间：9月底前）",
    "中共示例大学委员会宣传部",
    "2027年2月20日",
]


def test_a_notes_time_dates_the_deliverable_not_the_standing_duty_beside_it(tmp_path):
    doc = _parse(tmp_path, _LIST)
    # the item's standing duty stays standing; what it delivers is due by the note's time
    for standing in ("加强校园网站", "加强新闻宣传队伍", "严格落实报告会"):
        row = _row(doc, standing)
        assert (row.kind, row.deadlines) == ("ongoing", []), (standing, row)
    due = due_of(_row(doc, "完成全校新媒体账号清理整顿"))
    assert (due["kind"], due["end"]) == ("by", "2027-06-30"), due
    assert _row(doc, "举办通讯员培训班").deadlines[0].end == "2027-12-20"
    # a one-task item keeps its note's time
    row = _row(doc, "修订《新媒体平台管理办法》")
    assert (row.kind, row.deadlines[0].end) == ("once", "2027-09-30")


_NOTICE = [
    "中共示例大学委员会组织部",
    "关于开展2027年发展党员工作专项检查的通知",
    "各二级党组织：",
    "为规范发展党员工作，现就开展专项检查有关事项通知如下。",
    "一、检查内容",
    "重点检查发展党员程序执行情况和档案材料。",
    "二、严肃工作纪律",
    "严禁弄虚作假、瞒报漏报。对检查中发现问题突出的单位进行通报。",
    "中共示例大学委员会组织部",
    "2027年10月9日",
]


def test_a_heading_about_discipline_does_not_send_a_departments_notice_to_the_jiwei(tmp_path):
    doc = _parse(tmp_path, _NOTICE)
    row = _row(doc, "严禁弄虚作假")
    # the heading says how the department's own check is done, not that the 纪委 does it
    assert [(d.canonical, d.basis) for d in row.lead] == [("党委组织部", "suggested")], row.lead
    assert "纪律" not in (row.lead[0].why or "")


def test_a_colleges_own_meeting_rules_give_its_meetings_to_the_college(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "二级学院党委会议和党政联席会议议事规则",
        "第一条 为完善二级学院党组织议事决策制度，结合学校实际，制定本规则。",
        "第二条 党政联席会议原则上每月召开一次，遇有重要情况可随时召开。",
        "第三条 会议纪要在会后3个工作日内印发。",
    ])
    row = _row(doc, "党政联席会议原则上每月召开一次")
    # the college committee's own meeting, not the university's 党委办公室
    assert [(d.canonical, d.basis) for d in row.lead] == [("二级学院党组织", "suggested")], row.lead


def test_a_doer_is_not_glued_to_the_time_or_the_act_before_it(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学马克思主义学院委员会2027年党建工作要点",
        "一、加强组织建设",
        "1.选聘优秀青年教师党员担任学生党支部书记，寒暑假期间组织党支部书记集中轮训。",
        "二、加强理论学习",
        "2.寒假期间中心组成员开展个人自学，开学后两周内召开集体学习会交流自学体会。",
    ])
    names = {d.name for t in doc.clauses for x in t.tasks for d in x.lead + (x.persons or [])}
    # the act of choosing (选聘) and the time (寒假期间) are not part of anyone's name
    assert not [n for n in names if n.startswith(("选聘", "寒假"))], names
    assert "中心组成员" in {d.name for d in _row(doc, "开展个人自学").persons or []}


_HOLIDAY = [
    "中共示例大学委员会办公室",
    "关于做好2027年国庆节期间有关工作的通知",
    "各单位：",
    "现将有关事项通知如下。",
    "一、放假安排",
    "10月1日（星期五）至7日（星期四）放假调休，共7天。",
    "二、安全工作",
    "加强节日期间校园巡逻和校门管控。节前完成一次食品安全专项检查。",
    "节日期间遇有突发事件，各单位要在第一时间妥善处置。",
    "节后一周内做好值班补助核发工作。",
    "中共示例大学委员会办公室",
    "2027年9月20日",
]


def test_a_holiday_notice_dates_its_work_by_the_days_it_states(tmp_path):
    doc = _parse(tmp_path, _HOLIDAY)
    patrol = _row(doc, "校园巡逻").deadlines
    assert [(d.kind, d.start, d.end, d.inferred) for d in patrol] == [
        ("range", "2027-10-01", "2027-10-07", True)], patrol
    assert [(d.kind, d.end) for d in _row(doc, "食品安全专项检查").deadlines] == [
        ("by", "2027-09-30")]
    assert [(d.kind, d.end) for d in _row(doc, "值班补助核发").deadlines] == [
        ("by", "2027-10-14")]
    # what is done each time a case arises is not dated by the holiday
    assert not _row(doc, "遇有突发事件").deadlines


def test_a_festivals_eve_in_a_winter_break_notice_is_the_festivals(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会办公室",
        "关于做好2027年寒假及春节期间有关工作的通知",
        "各单位：",
        "学生寒假自1月16日开始，春季学期于2月22日正式开学。现将有关事项通知如下。",
        "一、廉洁过节",
        "各级党组织节前对党员干部开展一次廉洁提醒。",
        "纪委要加强寒假期间监督检查。",
        "中共示例大学委员会办公室",
        "2027年1月5日",
    ])
    # 节前: the eve of 春节 (2027-02-06), not of the break
    assert [(d.kind, d.end) for d in _row(doc, "廉洁提醒").deadlines] == [("by", "2027-02-05")]
    # the break runs from its first day to the day before the term opens
    assert [(d.kind, d.start, d.end) for d in _row(doc, "寒假期间监督检查").deadlines] == [
        ("range", "2027-01-16", "2027-02-21")]


def test_what_is_done_for_whom_a_case_concerns_is_done_each_time(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会组织部",
        "关于开展2026年度民主评议党员工作的通知",
        "各二级党组织：",
        "一、时间安排",
        "评议工作于次年1月底前完成。",
        "二、方法步骤",
        "（一）结果运用。次年1月底前，各二级党组织将评议工作总结报党委组织部。"
        "对评为“基本合格”的党员，党支部要进行批评教育，帮助其限期改正。",
        "中共示例大学委员会组织部",
        "2026年12月1日",
    ])
    row = _row(doc, "评为“基本合格”的党员")
    # each time a member is so rated: no date of the notice's
    assert (row.kind, [d.end for d in row.deadlines if d.end]) == ("ongoing", []), row


def test_a_yearly_count_of_ten_to_twelve_is_a_monthly_cadence_marked_as_read(runner, tmp_path):
    src = tmp_path / "plan.txt"
    src.write_text("中共示例大学委员会宣传部\n2027年理论学习中心组学习安排\n一、学习安排\n"
                   "1.坚持党委理论学习中心组学习制度，全年集中学习不少于10次。\n"
                   "2.每年开展专题研讨不少于2次。\n", encoding="utf-8")
    doc = _parse(tmp_path, src.read_text(encoding="utf-8").splitlines())
    rec = _row(doc, "全年集中学习").recurrences[0]
    assert (rec.period, rec.min_times) == ("month", 1), rec
    assert _row(doc, "专题研讨").recurrences[0].period == "year"
    r = runner.invoke(main, ["parse", str(src), "--format", "text"])
    assert r.exit_code == 0, r.output
    # the table says the month is read from the yearly count, not written
    assert "时限：每月（据“全年集中学习不少于10次”推定）" in r.output
    assert "时限：每年；" in r.output


def test_a_daily_duty_is_recurring_each_day(runner, tmp_path):
    src = tmp_path / "notice.txt"
    src.write_text("中共示例大学委员会组织部\n关于举办2027年入党积极分子培训班的通知\n"
                   "各二级党组织：\n一、培训安排\n1.培训期间实行班级化管理，每日通报考勤情况。\n"
                   "中共示例大学委员会组织部\n2027年9月1日\n", encoding="utf-8")
    doc = _parse(tmp_path, src.read_text(encoding="utf-8").splitlines())
    row = _row(doc, "每日通报考勤情况")
    assert row.kind == "recurring"
    assert [(r.period, r.on) for r in row.recurrences] == [("day", None)]
    r = runner.invoke(main, ["parse", str(src), "--format", "text"])
    assert r.exit_code == 0, r.output
    assert "时限：每日；" in r.output and "每年固定日" not in r.output
    ics = tmp_path / "t.ics"
    r = runner.invoke(main, ["timetable", str(src), "--out", str(ics)])
    assert r.exit_code == 0, r.output
    events = ics.read_text(encoding="utf-8").split("BEGIN:VEVENT")
    daily = [e for e in events if "每日通报考勤" in e]
    assert daily and "RRULE:FREQ=DAILY" in daily[0], daily


def test_the_end_of_a_quarter_or_half_is_a_deadline():
    from pbdocs.extract import timeexpr

    def found(text):
        return [(f.deadline.kind, f.deadline.start, f.deadline.end)
                for f in timeexpr.find_deadlines(text, "2027-03-01")]

    assert found("2027年三季度末前全部完成换届选举") == [("by", None, "2027-09-30")]
    assert found("整改情况于第二季度末前报党委组织部") == [("by", None, "2027-06-30")]
    assert found("上半年末完成") == [("by", None, "2027-06-30")]
    # the quarter itself is still the span the work is done in
    assert found("第三季度开展一次排查") == [("range", "2027-07-01", "2027-09-30")]


def test_a_festivals_eve_without_stated_days_is_the_first_festival_of_the_title(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学纪律检查委员会",
        "关于开展2028年元旦春节期间纠治“四风”专项监督检查的通知",
        "各部门、各二级学院：",
        "一、工作要求",
        "各单位要在节前召开一次专题会议，部署廉洁过节工作。",
        "中共示例大学纪律检查委员会",
        "2027年12月10日",
    ])
    # 节前: the eve of 元旦, the first festival the title names
    assert [(d.kind, d.end, d.inferred) for d in _row(doc, "节前召开").deadlines] == [
        ("by", "2027-12-31", True)]


def test_the_inspection_office_by_its_longer_names_is_one_department():
    from pbdocs.extract.pipeline import get_nlp, lexicon_of

    lex = lexicon_of(get_nlp(()))
    for name in ("党委巡察工作办公室", "巡察工作办公室", "党委巡察工作领导小组办公室"):
        assert lex.canonical(name) == "巡察办公室", name
