"""Round 19 (issue 12): a term's plan by teaching week."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round14 import _row

_WEEKS = ["中共某某学院马克思主义学院总支部委员会",
          "2027年秋季学期工作安排",
          "各党支部、各教研室：",
          "现将本学期工作安排如下（本学期第1周自8月30日起）。",
          "一、常规工作",
          "（一）坚持每月开展一次集体备课。",
          "二、教学周安排",
          "第1—2周：召开全院教职工大会，部署本学期工作。开学后两周内，各教研室完成集体备课。",
          "第3周：各党支部制定本学期工作计划，9月20日前报学院党总支。",
          "第15周：纪念“一二·九”运动，组织学生社团开展主题宣讲活动。",
          "第16—18周：召开党员大会，讨论接收预备党员。各党支部于12月下旬召开组织生活会。",
          "中共某某学院马克思主义学院总支部委员会",
          "2027年8月25日"]


def _due(task) -> tuple:
    from pbdocs.extract.tasks import due_of

    d = due_of(task)
    return (d["kind"], d.get("start"), d.get("end"))


def test_teaching_week_labels_number_the_rows_of_a_terms_plan(tmp_path):
    doc = _parse(tmp_path, _WEEKS)
    numbers = [c.number for c in doc.clauses if c.path[0] == "二"]
    assert numbers == ["第1—2周", "第3周", "第15周", "第16—18周"]


def test_a_weeks_work_is_due_by_the_weeks_end_counted_from_the_stated_first_week(tmp_path):
    doc = _parse(tmp_path, _WEEKS)
    # week 2 ends 13 days after 08-30; week 18 ends in the new year
    assert _due(_row(doc, "召开全院教职工大会")) == ("by", None, "2027-09-12")
    assert _due(_row(doc, "开学后两周内")) == ("by", None, "2027-09-12")
    assert _row(doc, "开学后两周内").kind == "once"
    assert _due(_row(doc, "召开党员大会")) == ("by", None, "2028-01-02")
    # a date written in the row wins; a month in a row that runs into January keeps its year
    assert _due(_row(doc, "各党支部制定本学期工作计划")) == ("by", None, "2027-09-20")
    assert _due(_row(doc, "各党支部于12月下旬")) == ("range", "2027-12-21", "2027-12-31")
    # the named day itself is more exact than its week
    assert _due(_row(doc, "纪念“一二·九”")) == ("on", "2027-12-09", "2027-12-09")


def test_the_term_start_is_read_or_inferred_from_the_terms_season():
    from datetime import date

    from pbdocs.extract.timeexpr import teaching_week_due, term_start

    assert term_start("本学期第一周为9月6日至9月12日", 2027, "") == (date(2027, 9, 6), False)
    assert term_start("2月27日正式开学", 2027, "") == (date(2027, 2, 27), False)
    # no day stated: the Monday of the week holding September 1, marked as inferred
    assert term_start("", 2027, "2027年秋季学期工作安排") == (date(2027, 8, 30), True)
    assert term_start("", 2027, "2027年工作要点") is None
    due = teaching_week_due("第五周", date(2027, 3, 1), True)
    assert (due.kind, due.end, due.inferred) == ("by", "2027-04-04", True)


def test_week_of_month_phrases_are_no_labels(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会2027年党建工作要点",
                            "一、组织生活",
                            "1.各党支部每月第二周周三开展主题党日活动。",
                            "2.第一周：这不是教学周安排。",
                            "中共某某大学委员会",
                            "2027年2月20日"])
    assert all(c.number != "第一周" for c in doc.clauses)


def test_a_named_day_already_past_when_the_plan_was_issued_leaves_the_row_its_label(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学纪律检查委员会2027年监督检查工作计划",
                            "一、分季度工作安排",
                            "第一季度：开展新学期廉洁教育，3月底前完成。",
                            "第二季度：开展招生录取专项监督。",
                            "第三季度：暑假期间对招生录取工作实施全过程监督。",
                            "第四季度：开展年度考核。组织元旦、春节前廉洁提醒，督促各单位做好值班值守。",
                            "中共某某大学纪律检查委员会",
                            "2027年2月20日"])
    # 春节 2027 (02-06) was past on 02-20: the reminder is the fourth quarter's work
    assert _due(_row(doc, "组织元旦、春节前廉洁提醒")) == ("by", None, "2027-12-31")


def test_a_named_day_after_its_phases_span_is_the_works_own_time(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会组织部关于开展2027年“七一”系列活动的通知",
                            "各二级党组织：",
                            "现将有关事项通知如下。",
                            "一、方法步骤",
                            "（一）动员部署阶段（5月下旬）。各二级党组织制定本单位活动方案。",
                            "（二）组织实施阶段（6月1日至6月30日）。6月10日前报送表彰推荐材料；"
                            "“七一”前后集中开展走访慰问。",
                            "中共某某大学委员会组织部",
                            "2027年5月10日"])
    assert _due(_row(doc, "“七一”前后集中开展走访慰问")) == ("on", "2027-07-01", "2027-07-01")
    assert _due(_row(doc, "6月10日前报送")) == ("by", None, "2027-06-10")


def test_a_time_field_that_names_a_day_dates_the_row(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会2027年党建工作要点",
                            "一、加强政治建设",
                            "1.组织庆祝中国共产党成立106周年系列活动。（牵头单位：党委宣传部；"
                            "完成时限：“七一”前后）",
                            "2.开展主题教育读书班。（牵头单位：党委组织部；完成时限：9月）",
                            "中共某某大学委员会",
                            "2027年2月20日"])
    assert _due(_row(doc, "组织庆祝中国共产党成立106周年")) == ("on", "2027-07-01", "2027-07-01")
    assert _due(_row(doc, "开展主题教育读书班"))[2] == "2027-09-30"


def test_league_and_student_bodies_opening_a_sentence_do_the_work(tmp_path):
    doc = _parse(tmp_path, ["共青团某某学院委员会2027年工作要点",
                            "一、加强团的建设",
                            "1.团校每学期举办一期青年马克思主义者培养工程培训班。",
                            "2.各团总支要确定一名网络宣传员。",
                            "3.校学生会每学期向学生代表大会常任代表会议报告工作。",
                            "4.校青年志愿者协会每月组织一次志愿服务活动。",
                            "5.校党委理论学习中心组坚持每月集中学习一次。",
                            "共青团某某学院委员会",
                            "2027年2月20日"])
    assert _leads(_row(doc, "团校每学期")) == [("团校", "text")]
    assert _leads(_row(doc, "各团总支要")) == [("各团总支", "text")]
    assert _leads(_row(doc, "校学生会每学期")) == [("校学生会", "text")]
    assert _leads(_row(doc, "校青年志愿者协会")) == [("校青年志愿者协会", "text")]
    # a study group's members study; "中心" alone is no body
    assert all(name != "中心" for name, _ in _leads(_row(doc, "校党委理论学习中心组")))


def _leads(task) -> list[tuple[str, str]]:
    return [(d.canonical, d.basis) for d in task.lead]


def test_the_body_one_belongs_to_and_an_officer_after_you_do_the_work(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会关于做好2027年发展党员工作的通知",
                            "各二级党组织：",
                            "现就有关事项通知如下。",
                            "一、严格程序",
                            "1.预备期满前，所在学生党支部要对其进行转正考察。",
                            "2.宣讲稿须经所在二级党组织审核把关。",
                            "3.政治审查材料由组织员统一审核把关。",
                            "中共某某大学委员会",
                            "2027年3月1日"])
    assert _leads(_row(doc, "预备期满前")) == [("学生党支部", "text")]
    assert _leads(_row(doc, "宣讲稿须经")) == [("二级党组织", "text")]
    assert _leads(_row(doc, "政治审查材料由组织员")) == [("组织员", "text")]



def test_a_field_written_with_its_work_still_names_the_duty():
    from pbdocs.extract.suggest import by_duty

    # jieba keeps 统战工作 one word; the field is still the duty's term
    assert by_duty("各党总支书记要把统战工作纳入年度述职内容。")[0].lead == ("党委统战部",)


def test_a_durative_duty_then_a_dated_one_off_are_two_rows(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学某某学院委员会2027年党建工作要点",
                            "一、组织建设",
                            "1.持续开展“一支部一品牌”创建，上半年组织一次党员志愿服务集中行动。",
                            "2.持续推进教学资源库建设，年底前新增教学案例不少于30个。",
                            "中共某某大学某某学院委员会",
                            "2027年2月20日"])
    assert _due(_row(doc, "持续开展“一支部一品牌”创建")) == ("ongoing", None, None)
    assert _due(_row(doc, "上半年组织一次")) == ("by", None, "2027-06-30")
    assert _due(_row(doc, "持续推进教学资源库建设")) == ("ongoing", None, None)
    assert _due(_row(doc, "年底前新增教学案例")) == ("by", None, "2027-12-31")


def test_an_office_named_as_a_room_does_the_work_but_a_studio_given_money_does_not(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会2027年工作要点",
                            "一、推进依法治校",
                            "1.法律事务室要对学校规章制度开展一次全面清理，10月31日前形成清理报告。",
                            "2.每个工作室给予建设经费2万元。",
                            "中共某某大学委员会",
                            "2027年2月20日"])
    assert _leads(_row(doc, "法律事务室要")) == [("法律事务室", "text")]
    assert all(b != "text" for _, b in _leads(_row(doc, "每个工作室给予")))


def test_a_calendar_day_in_a_plan_of_several_years_is_its_first_one_to_come(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会党建质量提升行动计划（2027—2028年）",
                            "一、党性教育",
                            "1.“七一”前后举办全校新党员集中入党宣誓仪式。",
                            "2.新生入学后一个月内完成入学教育。",
                            "中共某某大学委员会",
                            "2027年3月10日"])
    assert _due(_row(doc, "“七一”前后举办")) == ("on", "2027-07-01", "2027-07-01")
    # new students come each year: no one date
    assert _due(_row(doc, "新生入学后一个月内")) != ("by", None, "2027-09-30")


def test_guarding_and_running_are_actions_so_a_cadence_after_them_is_its_own_row(tmp_path):
    doc = _parse(tmp_path, ["中共某某学院委员会关于加强新时代统一战线工作的实施意见",
                            "一、主要任务",
                            "1.坚决抵御和防范利用宗教进行渗透，每学期开展一次校园宗教渗透风险排查。",
                            "中共某某学院委员会",
                            "2027年3月1日"])
    assert _row(doc, "坚决抵御和防范").kind == "ongoing"
    assert _row(doc, "每学期开展一次校园宗教渗透").kind == "recurring"


def test_teaching_research_and_counselling_have_their_lines_in_the_duty_table():
    from pbdocs.extract.suggest import by_duty

    def lead(text):
        return by_duty(text)[0].lead

    assert lead("修订本科人才培养方案，增设美育实践学分。") == ("教务处",)
    assert lead("坚持每月开展一次心理危机排查。") == ("党委学生工作部",)
    assert lead("将育人成效纳入科研项目评价指标。") == ("科研处",)
    # research as the place a branch is set up: the branch says whose work it is
    assert lead("推动党支部建在学科团队、科研平台上。") == ("党委组织部",)
    assert lead("年内实现科研创新团队党的工作全覆盖。") == ("党委组织部",)


def test_lead_and_support_marked_after_the_names_in_a_label(tmp_path):
    doc = _parse(tmp_path, ["2027年校党委重点工作任务清单",
                            "一、加强理论武装",
                            "1.开展“循迹溯源学思想”主题宣讲活动。责任单位：党委宣传部牵头，马克思主义学院配合 "
                            "完成时限：4月",
                            "2.召开全面从严治党工作会议，签订责任书。责任单位：党委办公室牵头、纪委配合 完成时限：3月",
                            "中共某某大学委员会办公室",
                            "2027年2月26日"])
    task = _row(doc, "开展“循迹溯源学思想”")
    assert _leads(task) == [("党委宣传部", "stated")]
    assert [(d.canonical, d.basis) for d in task.support] == [("马克思主义学院", "stated")]
    task = _row(doc, "召开全面从严治党工作会议")
    assert _leads(task) == [("党委办公室", "stated")]
    assert [(d.canonical, d.basis) for d in task.support] == [("纪委", "stated")]


def test_one_step_of_a_schedule_is_not_the_whole_works_time(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会组织部关于做好2027年度发展党员工作的通知",
                            "各二级党组织：",
                            "现就有关事项通知如下。",
                            "一、工作重点",
                            "（一）严格程序把关。对发展对象逐一开展政治审查，未经政治审查的不得发展。",
                            "二、时间安排",
                            "1.3月20日前，各二级党组织将本单位年度发展党员计划报送党委组织部。",
                            "2.4月中旬，举办第一期入党积极分子培训班。",
                            "3.11月中旬，举办发展对象培训班。",
                            "中共某某大学委员会组织部",
                            "2027年3月1日"])
    # 4月中旬 dates its own step, not every standing duty of the notice
    assert _due(_row(doc, "对发展对象逐一开展政治审查"))[0] == "ongoing"
    assert _due(_row(doc, "4月中旬，举办第一期")) == ("range", "2027-04-11", "2027-04-20")


def test_no_made_up_body_from_a_known_body_and_what_it_does(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学某某学院委员会2027年党建工作要点",
                            "一、支部建设",
                            "1.学院党委邀请校内外专家为支部书记举办一次品牌创建专题培训。",
                            "2.对照问题清单，逐个单位完成党员发展工作“回头看”。",
                            "中共某某大学某某学院委员会",
                            "2027年2月20日"])
    names = [n for n, _ in _leads(_row(doc, "学院党委邀请"))]
    assert not any("邀请" in n for n in names)
    assert not any("逐个" in n for n, _ in _leads(_row(doc, "对照问题清单")))


def test_a_range_inside_a_month_keeps_its_days_in_the_time_limit_cell():
    from pbdocs.lang.wording import deadline_text

    def cell(a, b):
        return deadline_text({"kind": "range", "start": a, "end": b})

    assert cell("2027-12-21", "2027-12-31") == "2027年12月下旬"
    assert cell("2027-10-11", "2027-10-20") == "2027年10月中旬"
    assert cell("2027-02-21", "2027-02-28") == "2027年2月下旬"
    assert cell("2027-04-20", "2027-04-25") == "2027年4月20日—25日"
    assert cell("2027-04-20", "2027-05-10") == "2027年4月20日—5月10日"
    # whole months stay as they were
    assert cell("2027-03-01", "2027-03-31") == "2027年3月"
    assert cell("2027-09-01", "2028-01-31") == "2027年9月—2028年1月"


def test_the_task_books_owner_column_names_the_persons_the_text_names(tmp_path):
    from pbdocs.generate.taskbook import taskbook_rows

    doc = _parse(tmp_path, ["中共某某大学某某学院委员会2027年党建工作要点",
                            "一、组织建设",
                            "1.开展期中教学检查，听取学生对思政课教学的意见建议（责任人：分管教学副院长）。",
                            "2.组织员负责审核发展对象的政治审查材料。",
                            "3.年底前完成党支部换届工作。",
                            "中共某某大学某某学院委员会",
                            "2027年2月20日"])
    owners = {r.measure[:6]: r.owner for r in taskbook_rows(doc)}
    assert owners["开展期中教学"] == "分管教学副院长"
    assert owners["组织员负责审"] == "组织员"
    assert owners["年底前完成党"] == ""  # nobody named: left to fill in


def test_an_officer_of_each_unit_written_with_ge_is_a_person(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学马克思主义学院总支部委员会2027年秋季学期工作安排",
                            "一、常规工作",
                            "（一）坚持每两周开展一次集体备课，各教研室主任具体负责。",
                            "中共某某大学马克思主义学院总支部委员会",
                            "2027年8月25日"])
    assert _leads(_row(doc, "坚持每两周开展一次集体备课")) == [("教研室主任", "text")]


def test_the_party_one_signs_with_is_no_doer(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学某某学院总支部委员会2027年党建工作要点",
                            "一、压实责任",
                            "1.党总支书记与各党支部书记签订党建工作责任书。",
                            "2.党总支书记和组织员共同负责发展党员工作。",
                            "中共某某大学某某学院总支部委员会",
                            "2027年2月20日"])
    assert _leads(_row(doc, "党总支书记与各党支部书记")) == [("党总支书记", "text")]
    assert _leads(_row(doc, "党总支书记和组织员")) == [("党总支书记", "text"), ("组织员", "text")]


def test_the_timetable_marks_every_other_week_and_month_as_written():
    from pbdocs.generate.timetable import TimeItem, _recurring_marks

    def marks(period, every):
        return _recurring_marks(TimeItem(kind="recurring", label="x", lead=[], when="",
                                         period=period, every=every))

    assert marks("week", 2) == [(1, 12, "每两周")]
    assert marks("week", None) == [(1, 12, "每周")]
    assert [a for a, _, _ in marks("month", 2)] == [1, 3, 5, 7, 9, 11]
    assert len(marks("month", 1)) == 12


def test_a_short_verb_before_wancheng_still_makes_a_deliverable_due_by_the_spans_end(tmp_path):
    doc = _parse(tmp_path, ["中共某某学院委员会关于加强新时代师德师风建设的实施方案",
                            "一、加强师德宣传",
                            "1.第四季度拍摄完成师德主题微视频一部。",
                            "2.第三季度开展师德师风专题调研。",
                            "中共某某学院委员会",
                            "2027年3月1日"])
    assert _due(_row(doc, "第四季度拍摄完成")) == ("by", None, "2027-12-31")
    assert _due(_row(doc, "第三季度开展"))[0] == "range"


def test_a_term_plans_timetable_shows_its_regular_work_over_the_terms_months(tmp_path):
    from pbdocs.generate.timetable import timetable_context

    doc = _parse(tmp_path, _WEEKS)
    ctx = timetable_context(doc)
    assert ctx["regular_months"] == [8, 9, 10, 11, 12, 1]
    assert ctx["regular_span"] == "本学期"
    (row,) = [r for r in ctx["regular"] if "集体备课" in r["label"]]
    assert row["months"] == ["●", "●", "●", "●", "●", "●"]


def test_a_year_plans_timetable_keeps_the_calendar_year_grid(tmp_path):
    from pbdocs.generate.timetable import timetable_context

    doc = _parse(tmp_path, ["中共某某大学委员会2027年党建工作要点",
                            "一、组织建设",
                            "1.各党支部每月开展一次主题党日活动。",
                            "2.6月底前完成党支部换届。",
                            "中共某某大学委员会",
                            "2027年2月20日"])
    ctx = timetable_context(doc)
    assert ctx["regular_months"] == list(range(1, 13))
    assert ctx["regular_span"] == "每年"
