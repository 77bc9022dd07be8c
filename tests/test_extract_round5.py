"""Round-5 extraction rules: rows whose parts differ in kind or time (a standing duty joined to a
dated one-off, a cadence after a deliverable, an event-triggered duty), spans counted from the
document's own issue, a body's standing charge, 由X牵头 before the deliverable, quantified
deliverables."""

from __future__ import annotations

import pytest
from taskhelp import find_task as _find
from taskhelp import tasks_of as _tasks

from pbdocs.extract.tasks import due_of, kind_of
from pbdocs.extract.timeexpr import counted_from_event, find_deadlines


def _due(task) -> tuple:
    d = due_of(task)
    if d["kind"] == "recurring":
        return ("recurring", d["recurrence"]["period"], d["recurrence"]["every"])
    return (d["kind"], d.get("end"))


POINTS = """中共癸市实验中学委员会2026年党建工作要点
一、思想建设
1.加强教职工思想政治工作，下半年开展一次师德师风专题教育。
2.三季度开展党员组织关系集中排查，规范党费收缴、使用和管理。
3.支持工会开展教职工文体活动，年内举办1次教职工运动会。
4.各党支部每月开展1次主题党日，年底前形成工作总结。
5.加强科研人员思想政治工作，开展科学家精神主题宣讲，上半年完成。
6.做好毕业生党员组织关系转接工作，6月20日前全部办理完毕。
7.各项任务全面推进，党委于9月开展一次中期检查。
二、宣传工作
8.办好学校公众号党建专栏，每周至少推送1篇稿件。
9.党政办公室负责本要点的任务分解，3月10日前形成任务清单。
10.每个党支部培育1个特色活动项目。
11.每名党支部书记每年参加集中培训不少于32学时，新任党支部书记任职后3个月内完成岗位培训。
12.新设立的年级组，要同步建立党小组。
13.支持团委召开团代会，年内完成换届。
中共癸市实验中学委员会
2026年2月20日
"""


def test_a_standing_duty_and_a_dated_one_off_are_two_rows():
    _, tasks = _tasks(POINTS)
    standing = _find(tasks, "加强教职工思想政治工作")
    assert "师德师风" not in standing.text and _due(standing) == ("ongoing", None)
    event = _find(tasks, "下半年开展一次师德师风")
    # (work done in the second half, a range ending with the year: round 15)
    assert event.kind == "once" and _due(event) == ("range", "2026-12-31")
    # dated first, then a standing duty
    check = _find(tasks, "三季度开展党员组织关系")
    assert "党费" not in check.text and _due(check) == ("range", "2026-09-30")
    dues = _find(tasks, "规范党费收缴")
    assert dues.kind == "ongoing" and _due(dues) == ("ongoing", None)
    assert "年内举办" not in _find(tasks, "支持工会开展教职工文体活动").text
    assert _due(_find(tasks, "年内举办1次教职工运动会")) == ("by", "2026-12-31")
    # 支持团委召开团代会 is the meeting, held once: it keeps its date
    assert "年内完成换届" in _find(tasks, "支持团委召开团代会").text


def test_a_standing_opener_then_an_event_dated_by_the_sentences_tail():
    _, tasks = _tasks(POINTS)
    standing = _find(tasks, "加强科研人员思想政治工作")
    assert "宣讲" not in standing.text and standing.kind == "ongoing"
    assert _due(_find(tasks, "开展科学家精神主题宣讲")) == ("by", "2026-06-30")
    # the standing work's own completion date stays with it
    transfer = _find(tasks, "做好毕业生党员组织关系转接工作")
    assert "6月20日前全部办理完毕" in transfer.text and _due(transfer) == ("by", "2026-06-20")
    # a subject before the standing word: no standing opener, one row
    assert "中期检查" in _find(tasks, "各项任务全面推进").text


def test_a_recurring_duty_then_its_deliverable_stays_one_row():
    # a cadence before a dated deliverable is not a standing duty: no split by kind
    _, tasks = _tasks(POINTS)
    monthly = _find(tasks, "各党支部每月开展1次主题党日")
    assert "年底前形成工作总结" in monthly.text
    # a doer's charge with a dated deliverable stays one row too
    assert "3月10日前形成任务清单" in _find(tasks, "党政办公室负责本要点").text


def test_a_cadence_with_a_verb_of_its_own_is_its_own_row():
    _, tasks = _tasks(POINTS)
    column = _find(tasks, "办好学校公众号党建专栏")
    assert "推送" not in column.text
    assert _due(_find(tasks, "每周至少推送1篇稿件")) == ("recurring", "week", 1)


def test_quantified_deliverable_is_once():
    _, tasks = _tasks(POINTS)
    task = _find(tasks, "每个党支部培育1个特色活动项目")
    assert task.kind == "once" and _due(task) == ("by", "2026-12-31")
    assert kind_of("培育特色活动项目", False, False) == "ongoing"  # no number: no deliverable


def test_event_triggered_duties_are_ongoing_rows_of_their_own():
    _, tasks = _tasks(POINTS)
    yearly = _find(tasks, "每年参加集中培训不少于32学时")
    assert "新任" not in yearly.text and yearly.kind == "recurring"
    new = _find(tasks, "新任党支部书记任职后3个月内完成岗位培训")
    assert new.kind == "ongoing" and _due(new) == ("ongoing", None)
    created = _find(tasks, "新设立的年级组")
    assert created.kind == "ongoing"


def test_a_span_after_the_documents_own_issue_runs_from_its_date():
    for text in ("各党总支收到本通知后，要在10个工作日内召开专题会议",
                 "各党支部书记要在方案印发后10个工作日内传达到每名党员"):
        found = [f.deadline for f in find_deadlines(text, "2026-03-04")]
        assert [(d.kind, d.end) for d in found] == [("within", "2026-03-18")], text
        assert not counted_from_event(text)
    # an outside event still sets no date
    assert find_deadlines("党支部要在收到申请后一个月内派人谈话", "2026-03-04") == []
    assert counted_from_event("党总支在支部大会讨论后15个工作日内完成审批")


NOTICE = """中共丑学院委员会组织部关于做好2026年发展党员工作的通知
各党总支：
现就做好2026年发展党员工作通知如下。
一、各党总支收到本通知后，要在10个工作日内召开专题会议进行部署。
二、党委组织部要依托党建系统建立发展党员全程纪实档案。
中共丑学院委员会组织部
2026年3月4日
"""


def test_a_notices_own_issue_dates_its_addressees_duty():
    _, tasks = _tasks(NOTICE)
    assert _due(_find(tasks, "召开专题会议")) == ("by", "2026-03-18")


PLAN = """中共寅大学委员会党支部建设三年行动方案（2026—2028年）
一、主要任务
（一）由党委组织部牵头，会同党委教师工作部建立党支部书记人才库，每半年更新一次。
（二）党委宣传部负责总结推广典型经验，开设党建专栏。
二、保障措施
学院办公室负责经费报销审核。
中共寅大学委员会
2026年2月27日
"""


def test_who_leads_first_then_the_deliverable_and_its_cadence():
    _, tasks = _tasks(PLAN)
    pool = _find(tasks, "建立党支部书记人才库")
    assert "更新" not in pool.text and pool.kind == "once"
    assert _due(pool) == ("by", "2028-12-31")
    assert _due(_find(tasks, "每半年更新一次")) == ("recurring", "semester", 1)
    column = _find(tasks, "开设党建专栏")
    assert "总结推广" not in column.text and column.kind == "once"
    assert _find(tasks, "负责总结推广典型经验").kind == "ongoing"


ACTIVITY = """中共卯大学委员会关于开展“支部双争”活动的工作方案
一、活动时间
2026年3月至2026年6月。
二、主要任务
（一）各党支部开展一次支部书记讲党课活动。
（二）学院办公室负责活动经费报销审核。
中共卯大学委员会
2026年2月27日
"""


def test_a_standing_charge_in_a_short_activity_is_not_held_once():
    _, tasks = _tasks(ACTIVITY)
    assert _find(tasks, "支部书记讲党课").kind == "once"
    charge = _find(tasks, "学院办公室负责活动经费报销审核")
    assert charge.kind == "ongoing"


OPINION = """中共辰学院委员会关于加强教职工党支部建设的实施意见
一、主要任务
（一）依托教研室设置教职工党支部，每年对党支部设置情况进行一次调整优化。
（二）建立党支部书记年度培训制度。
二、组织保障
（三）各党总支要将教职工党支部建设纳入年度工作计划。
本意见自印发之日起施行，由党委组织部负责解释。
中共辰学院委员会
2026年3月16日
"""


def test_who_interprets_the_text_leads_none_of_its_tasks():
    _, tasks = _tasks(OPINION)
    for words in ("依托教研室设置教职工党支部", "建立党支部书记年度培训制度"):
        lead = _find(tasks, words).lead
        assert lead and all(d.basis == "suggested" for d in lead), (words, lead)


def test_a_second_doer_with_a_duty_of_its_own_splits_off_a_cadence():
    _, tasks = _tasks("""中共巳学院委员会2026年党支部品牌创建工作方案
一、主要任务
1.各党支部每两个月至少开展1次品牌特色活动，教师党支部要与学生党支部结对共建。
中共巳学院委员会
2026年3月1日
""")
    pairing = _find(tasks, "教师党支部要与学生党支部结对共建")
    assert "每两个月" not in pairing.text and pairing.kind == "ongoing"
    assert _due(_find(tasks, "每两个月至少开展1次")) == ("recurring", "month", 2)


def test_a_role_statement_before_the_duty_sets_neither_kind_nor_doer():
    text = "各院级党组织书记是本单位落实本方案的第一责任人，要定期听取所属党支部建设情况汇报。"
    assert kind_of(text, False, False) == "recurring"
    _, tasks = _tasks(PLAN.replace("学院办公室负责经费报销审核。", text))
    task = _find(tasks, "要定期听取")
    assert task.kind == "recurring"
    assert all("是" not in d.name for d in task.lead + task.persons)


def test_scorer_compares_a_colleges_body_without_its_universitys_name():
    from pbdocs.extract.evaluate_tasks import _key

    def same(name: str) -> str:
        return name

    assert _key("岑湾大学经济与管理学院党委", same) == _key("经济与管理学院党委", same)
    assert _key("岑湾大学外国语学院", same) == "外国语学院"
    # the university's own offices keep their names (no college after it)
    assert _key("岑湾大学党委组织部", same) == "岑湾大学党委组织部"
    assert _key("岑湾大学", same) == "岑湾大学"


def test_an_undated_texts_phase_months_take_its_titles_year():
    _, tasks = _tasks("""午师范大学机关党委2026年“强支部”行动方案
一、进度安排
（一）部署启动（3月）。召开行动动员会，印发行动方案。
（二）总结评估（12月）。开展行动总结评估。
""")
    assert _due(_find(tasks, "召开行动动员会")) == ("on", "2026-03-31")
    assert _due(_find(tasks, "开展行动总结评估")) == ("on", "2026-12-31")


def test_the_means_before_the_work_sets_no_kind():
    assert kind_of("党委组织部要依托党建系统建立发展党员全程纪实档案", False, False) == "once"
    assert kind_of("依托党建平台开展党员线上学习", False, False) == "ongoing"
    _, tasks = _tasks(NOTICE)
    assert _find(tasks, "建立发展党员全程纪实档案").kind == "once"


@pytest.mark.parametrize("full, short", [
    ("中共东山大学委员会", "东山大学党委"),
    ("中共东山大学机电工程学院总支部委员会", "东山大学机电工程学院党总支"),
    ("中共东山大学图书馆直属支部委员会", "东山大学图书馆直属党支部"),
    ("中共东山大学纪律检查委员会", "东山大学纪委"),  # (round 35: as a task book writes it)
])
def test_short_name_of_party_bodies(full, short):
    """A 总支部委员会 is a 党总支 and a 支部委员会 a 党支部, never a 总支部党委."""
    from pbdocs.extract.suggest import short_name

    assert short_name(full) == short
