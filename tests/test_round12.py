"""Round 12: a plan arranged by month has its month labels as clause numbers, out of the text,
and its tasks still dated by them. A record of labelled lines (问题一：… / 整改措施：… / 牵头单位：… / 完成时限：…)
gives its time-limit line to its tasks and no task row of its own, and its measure label
(整改措施：) opens no row."""

from __future__ import annotations

from pbdocs.parse import parse_file


def _parse(tmp_path, lines: list[str]):
    """The document a user gets from a text file of these lines."""
    src = tmp_path / "plan.txt"
    src.write_text("\n".join(lines), encoding="utf-8")
    return parse_file(src, doc_id="plan")


def test_a_records_time_limit_line_is_no_task(tmp_path):
    doc = _parse(tmp_path, [
        "某某大学党委巡察整改任务清单",
        "问题一：部分党支部“三会一课”不规范，会议记录简单。",
        "整改措施：开展组织生活专项检查，建立问题台账，逐项督促整改。",
        "牵头单位：党委组织部",
        "配合单位：各党总支",
        "完成时限：2026年6月30日前完成清理，此后每半年通报",
        "问题二：党建经费使用进度偏慢。",
        "整改措施：对党建工作经费使用情况开展专项检查。",
        "牵头单位：财务处",
        "完成时限：2026年9月",
        "中共某某大学委员会",
        "2026年3月1日"])
    rows = [t for c in doc.clauses for t in c.tasks]
    assert rows and not any(t.text.startswith("完成时限") for t in rows)
    # the measure's label heads no row: the row says what is done
    assert rows[0].text.startswith("开展组织生活专项检查")
    second = [t for c in doc.clauses if c.path == ["问题二"] for t in c.tasks]
    assert [d.end for d in second[0].deadlines] == ["2026-09-30"]
    assert [d.canonical for d in second[0].lead] == ["财务处"]


def test_month_labels_number_clauses_and_date_their_work(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, [
        "某某学院党总支2026年党建工作计划",
        "根据学校党委工作要点，制定本计划。",
        "三月：召开学院党总支全体委员会议，研究部署全年党建工作。",
        "四月份：开展师德师风专题教育。",
        "6月：6月底前完成上半年发展党员工作。结合“七一”评选表彰优秀共产党员。",
        "7—8月：利用暑期对学院党员信息进行一次全面核查。",
        "全年：持续加强学院网站和微信公众号的内容审核。",
        "某某学院党总支",
        "2026年3月2日"])
    by = {c.number: c for c in doc.clauses}
    assert by["三月"].text.startswith("召开学院党总支全体委员会议")
    tasks = {t.text[:6]: due_of(t) for c in doc.clauses for t in c.tasks}
    # 全年 inside the month's work is what is planned, not when: the work is March's
    assert tasks["召开学院党总"]["kind"] == "on"
    assert (tasks["召开学院党总"]["start"], tasks["召开学院党总"]["end"]) == ("2026-03-01",
                                                                            "2026-03-31")
    assert tasks["开展师德师风"]["end"] == "2026-04-30"
    assert (tasks["6月底前完成"]["kind"], tasks["6月底前完成"]["end"]) == ("by", "2026-06-30")
    assert tasks["利用暑期对学"]["end"] == "2026-08-31"
    assert tasks["持续加强学院"] == {"kind": "ongoing"}


def _notice(tmp_path, body: str):
    return _parse(tmp_path, [
        "中共某某大学委员会",
        "关于印发《某某大学意识形态工作责任制实施细则》的通知",
        "某大党发〔2026〕9号",
        "各二级党组织，机关各部门：",
        body,
        "中共某某大学委员会",
        "2026年5月8日",
        "某某大学意识形态工作责任制实施细则",
        "第一条 为落实意识形态工作责任制，结合学校实际，制定本细则。",
        "第二条 党委宣传部每季度开展一次意识形态形势分析研判。"])


def test_a_notice_that_asks_for_dated_work_has_it_in_the_task_book(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _notice(tmp_path, "现将《某某大学意识形态工作责任制实施细则》印发给你们，请认真贯彻落实。"
                            "请各单位于6月30日前制定本单位意识形态工作责任清单，报党委宣传部备案。"
                            "党委宣传部要于8月底前完成校园网站集中清理。")
    first = doc.clauses[0]
    assert first.path == ["0"] and first.text.startswith("现将")
    rows = {t.text[:6]: t for t in first.tasks}
    # the notice's year holds for its year-less dates
    assert due_of(rows["请各单位于6"])["end"] == "2026-06-30"
    assert due_of(rows["党委宣传部要"])["end"] == "2026-08-31"
    assert [d.canonical for d in rows["党委宣传部要"].lead] == ["党委宣传部"]
    assert [c.path for c in doc.clauses[1:]] == [["第一条"], ["第二条"]]


def test_a_notice_that_only_hands_the_plan_on_is_no_clause(tmp_path):
    # a receipt asked for in the sentence that hands the plan on is no work of the plan's
    doc = _notice(tmp_path, "现将《某某大学意识形态工作责任制实施细则》印发给你们，请认真组织实施，"
                            "并于4月10日前将回执报党委组织部。")
    assert [c.path for c in doc.clauses] == [["第一条"], ["第二条"]]
    assert "回执" in doc.notice.body


def test_a_years_goals_under_a_goal_heading_are_that_years_tasks(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, [
        "中共某某学院委员会思想政治工作质量提升三年行动计划（2026—2028年）",
        "为推动学院思想政治工作高质量发展，制定本行动计划。",
        "一、分年度目标",
        "（一）2026年：夯实基础。完成思想政治工作现状调研，出台课程思政建设实施方案。",
        "（二）2027年：全面推进。课程思政覆盖全部专业。",
        "二、主要任务",
        "（一）强化理论武装。健全党委理论学习中心组学习制度，每年开展专题研讨不少于6次。"])
    rows = {t.text[:6]: due_of(t) for c in doc.clauses for t in c.tasks}
    assert rows["完成思想政治"]["end"] == "2026-12-31"
    assert rows["课程思政覆盖"]["end"] == "2027-12-31"
