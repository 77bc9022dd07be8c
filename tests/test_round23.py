"""Round 23 (issue 12): rows that are no tasks, and time limits, on shapes not tuned on."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row


def _texts(doc) -> list[str]:
    return [t.text for c in doc.clauses for t in c.tasks]


def test_a_meetings_quorum_is_a_condition_not_a_task(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会组织部",
                            "关于做好2027年党支部换届选举工作的通知",
                            "各二级党组织：",
                            "一、工作程序",
                            "（一）召开党员大会。选举实行无记名投票。",
                            "到会有选举权的党员超过应到会人数的五分之四，方可进行选举。",
                            "（二）支委会会议须有半数以上委员到会方可召开。",
                            "（三）各党支部须经党委组织部审核同意后方可召开党员大会。",
                            "中共某某大学委员会组织部",
                            "2027年3月16日"])
    rows = _texts(doc)
    assert not [r for r in rows if "五分之四" in r or "半数以上委员" in r], rows
    # a step that must come first is a duty, not a quorum
    assert [r for r in rows if "审核同意后方可召开党员大会" in r], rows


_TALENT = ["中共某某大学委员会",
           "关于建立校领导联系服务高层次人才制度的实施办法",
           "一、联系方式",
           "（一）每名校领导联系3—5名高层次人才。",
           "（二）每年教师节前后召开一次高层次人才座谈会。",
           "（三）上半年举办一期高层次人才国情研修班。",
           "二、工作要求",
           "（一）加强统筹协调。党委人才工作办公室负责本制度的日常组织协调。",
           "中共某某大学委员会",
           "2027年3月1日"]


def test_a_department_named_for_the_topic_and_charged_with_the_document_is_the_suggestion(
        tmp_path):
    doc = _parse(tmp_path, _TALENT)
    for words in ("召开一次高层次人才座谈会", "举办一期高层次人才国情研修班"):
        row = _row(doc, words)
        assert [(d.canonical, d.basis) for d in row.lead] == [
            ("党委人才工作办公室", "suggested")], words
        assert "负责本文件" in row.lead[0].why


def test_a_department_charged_with_a_document_on_another_topic_is_no_suggestion(tmp_path):
    # 党委组织部 is not named for 高层次人才: the duty table keeps the rows
    lines = [x.replace("党委人才工作办公室", "党委组织部") for x in _TALENT]
    doc = _parse(tmp_path, lines)
    row = _row(doc, "举办一期高层次人才国情研修班")
    assert [d.canonical for d in row.lead] != ["党委组织部"]


def test_rules_for_the_whole_of_an_election_period_stay_standing(tmp_path):
    from tests.test_round19 import _due

    doc = _parse(tmp_path, ["中共某某大学委员会组织部",
                            "关于做好2027年基层党组织换届选举工作的通知",
                            "各二级党组织：",
                            "一、时间安排",
                            "全校换届选举工作集中在4月至6月进行。",
                            "二、工作程序",
                            "（一）推荐候选人。委员候选人须经党委组织部会同纪委进行资格审查。",
                            "（二）召开党员大会。党委组织部派员列席指导。",
                            "三、工作要求",
                            "（一）严肃换届纪律。严格落实换届纪律“十严禁”要求，一经查实，严肃处理。",
                            "（二）加强宣传。在学校党建网开设换届工作专栏。",
                            "中共某某大学委员会组织部",
                            "2027年3月16日"])
    for words in ("资格审查", "派员列席指导", "严格落实换届纪律"):
        row = _row(doc, words)
        assert (row.kind, _due(row)[0]) == ("ongoing", "ongoing"), words
    # an activity with no date of its own is still held in the period
    assert _due(_row(doc, "开设换届工作专栏"))[0] != "ongoing"


def test_who_leads_and_who_assists_before_the_work_are_no_rows_of_their_own(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会",
                            "关于加强统一战线工作的实施意见",
                            "一、队伍建设",
                            "1.由党委统战部牵头，人事处配合，每两年开展一次党外代表人士队伍状况专项调研。",
                            "2.学生党员教育管理由党委学生工作部负责，每学期开展一次专项检查。",
                            "中共某某大学委员会",
                            "2027年3月1日"])
    rows = _texts(doc)
    assert not [r for r in rows if r.rstrip("，,。") in ("由党委统战部牵头", "人事处配合")], rows
    row = _row(doc, "每两年开展一次党外代表人士")
    assert row.text.startswith("由党委统战部牵头")
    assert [(d.canonical, d.basis) for d in row.lead] == [("党委统战部", "text")]
    assert [d.canonical for d in row.support] == ["人事处"]
    # a duty of its own before the cadence is still a row
    assert [r for r in rows if r.startswith("学生党员教育管理由党委学生工作部负责")], rows


def test_what_is_done_at_a_meeting_or_a_visit_stays_with_it(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会",
                            "关于加强统一战线工作的实施意见",
                            "一、队伍建设",
                            "1.学校党委每学期召开一次民主党派负责人座谈会，通报学校重要工作，听取意见建议。",
                            "2.校领导每学期至少走访联系党外代表人士一次，听取意见建议。",
                            "3.统战部每季度召开一次工作例会，建立党外人士信息库。",
                            "中共某某大学委员会",
                            "2027年3月1日"])
    rows = _texts(doc)
    assert not [r for r in rows if r.startswith("听取意见建议")], rows
    assert len([r for r in rows if r.endswith("听取意见建议。")]) == 2, rows
    # a deliverable after a meeting is still a row of its own
    assert [r for r in rows if r.startswith("建立党外人士信息库")], rows


def test_handing_in_what_a_recurring_duty_made_stays_with_it(tmp_path):
    doc = _parse(tmp_path, ["中共某某学院委员会",
                            "2027年党建工作要点",
                            "一、组织建设",
                            "（一）辅导员于每月底前统计学生党员参加活动情况，报组织员汇总。",
                            "（二）每年12月，编制下一年度党费使用计划，报学院党委审定后执行。",
                            "（三）各党支部每周开展一次学习，及时报送支部工作信息。",
                            "中共某某学院委员会",
                            "2027年3月1日"])
    rows = _texts(doc)
    assert not [r for r in rows if r.startswith("报")], rows
    # sending the branch's news is a standing duty of its own
    assert [r for r in rows if r.startswith("及时报送支部工作信息")], rows


def test_holding_to_account_after_a_condition_is_a_duty(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会",
                            "关于加强巡察整改工作的实施意见",
                            "一、压实责任",
                            "（一）对整改不力、敷衍整改的，依规依纪严肃追责问责。",
                            "（二）对考核合格的，继续进行下阶段建设。",
                            "中共某某大学委员会",
                            "2027年3月1日"])
    rows = _texts(doc)
    assert [r for r in rows if "严肃追责问责" in r], rows
    row = _row(doc, "严肃追责问责")
    assert row.kind == "ongoing"
    assert [d.canonical for d in row.lead] == ["纪委"]
    # a condition that only says what follows is still none
    assert not [r for r in rows if "继续进行下阶段建设" in r], rows


def test_the_year_under_review_is_no_background(tmp_path):
    doc = _parse(tmp_path, ["中共某某学院委员会",
                            "2027年党建工作要点",
                            "一、组织建设",
                            "（一）1月中旬，各党支部召开2026年度组织生活会，开展民主评议党员。",
                            "（二）2026年学院党委获评先进基层党组织。",
                            "中共某某学院委员会",
                            "2027年1月5日"])
    rows = _texts(doc)
    assert [r for r in rows if "召开2026年度组织生活会" in r], rows
    assert not [r for r in rows if "获评" in r], rows


def test_an_audience_or_a_unit_with_work_after_it_is_a_task_not_a_scope(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会宣传部",
                            "关于开展2027年理论宣讲活动的通知",
                            "一、活动安排",
                            "（一）秋季学期开学后两周内，面向2027级新生开展“开学第一课”专题宣讲。",
                            "（二）各党支部要以支部为单位组织集中学习，每名党员学习时间不少于16学时。",
                            "（三）本次活动以院级党组织为单位开展。",
                            "中共某某大学委员会宣传部",
                            "2027年8月20日"])
    rows = _texts(doc)
    assert [r for r in rows if "开学第一课" in r], rows
    assert [r for r in rows if "以支部为单位组织集中学习" in r], rows
    assert not [r for r in rows if "以院级党组织为单位开展" in r], rows


def test_verbs_of_visiting_sending_and_showing_make_tasks(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会离退休工作处委员会",
                            "2027年工作要点",
                            "一、服务保障",
                            "（一）支部书记要定期上门看望本支部80岁以上老党员。",
                            "（二）端午节前向全校党员干部发送廉洁提醒。",
                            "（三）年底集中展示基层党建优秀成果。",
                            "中共某某大学委员会离退休工作处委员会",
                            "2027年3月1日"])
    rows = _texts(doc)
    for words in ("上门看望", "发送廉洁提醒", "集中展示基层党建优秀成果"):
        assert [r for r in rows if words in r], (words, rows)


def test_two_duties_side_by_side_open_an_item_as_its_first_task(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会",
                            "2027年宣传思想工作要点",
                            "一、阵地管理",
                            "10.加强校园网站和新媒体账号管理，落实“先审后发”制度。6月底前完成全校网站安全检查。",
                            "11.实施组织力提升工程，确保基层组织制度执行到位。每季度开展一次督查。",
                            "中共某某大学委员会",
                            "2027年3月1日"])
    rows = _texts(doc)
    assert [r for r in rows if r.startswith("加强校园网站和新媒体账号管理")], rows
    # a headline whose second half says what the first achieves still heads its item
    assert not [r for r in rows if r.startswith("实施组织力提升工程")], rows


def test_the_practice_teams_of_a_summer_notice_do_their_own_work(tmp_path):
    doc = _parse(tmp_path, ["共青团某某学院委员会",
                            "关于开展2027年大学生暑期“三下乡”社会实践活动的通知",
                            "各二级学院团总支：",
                            "一、时间安排",
                            "（一）集中实践。各团队原则上在7月1日至8月20日期间开展集中实践，时间不少于7天。",
                            "（二）加强安全。各实践团队须在出发前为全体成员购买人身意外伤害保险。",
                            "共青团某某学院委员会",
                            "2027年5月10日"])
    for words in ("开展集中实践", "购买人身意外伤害保险"):
        row = _row(doc, words)
        assert [(d.canonical, d.basis) for d in row.lead] == [("团队", "text")], words


def test_a_term_that_dates_its_start_is_no_period_of_work(tmp_path):
    from pbdocs.extract import period

    doc = _parse(tmp_path, ["中共某某大学委员会办公室",
                            "关于做好2027年寒假及春节期间有关工作的通知",
                            "各单位：",
                            "根据校历安排，学生寒假自1月16日开始，春季学期于2月22日正式开学。现就有关工作通知如下。",
                            "一、安全稳定",
                            "各单位要在放假前组织开展一次安全隐患大排查。",
                            "中共某某大学委员会办公室",
                            "2027年1月6日"])
    found = period.plan_period(doc)
    assert found is None or found.text != "春季学期"


def test_the_term_days_a_notice_states_date_its_work(tmp_path):
    from tests.test_round19 import _due

    doc = _parse(tmp_path, ["中共某某大学委员会办公室",
                            "关于做好2027年寒假及春节期间有关工作的通知",
                            "各单位：",
                            "根据校历安排，学生寒假自1月16日开始，春季学期于2月22日正式开学。现就有关工作通知如下。",
                            "一、安全稳定",
                            "各单位要在放假前组织开展一次安全隐患大排查。",
                            "二、开学准备",
                            "（一）开学前一周，各单位要完成教学设施检修、教材发放等准备工作。",
                            "（二）开学后两周内，各二级党组织召开一次党员大会。",
                            "中共某某大学委员会办公室",
                            "2027年1月6日"])
    assert _due(_row(doc, "安全隐患大排查"))[2] == "2027-01-15"
    assert _due(_row(doc, "教学设施检修"))[2] == "2027-02-15"
    assert _due(_row(doc, "召开一次党员大会"))[2] == "2027-03-08"


def test_a_phrase_with_its_own_agent_or_modal_is_no_body_name(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会宣传部",
                            "关于加强报告会管理的实施细则",
                            "第五条　一般学术讲座由主办单位党组织书记审批。",
                            "第九条　各类海报、宣传品须经主办单位审核后方可张贴。",
                            "第十条　各班以临时党支部为单位组织不少于1次专题研讨。",
                            "中共某某大学委员会宣传部",
                            "2027年3月1日"])
    names = {d.name for c in doc.clauses for t in c.tasks for d in t.lead}
    assert not [n for n in names if "由" in n or "须经" in n or "为单位" in n], names


def test_the_work_of_a_party_anniversary_notice_has_a_suggested_lead():
    from pathlib import Path

    from pbdocs.parse import parse_file

    src = next((Path(__file__).parent / "fixtures" / "heldout43" / "corpus").glob(
        "tbzy-dangwei-2027-qingzhu-jiandang-106-*.txt"))
    doc = parse_file(src, doc_id=src.stem)
    for words in ("评出优秀党课", "活动开展情况进行督查", "召开总结交流会"):
        row = _row(doc, words)
        assert [(d.canonical, d.basis) for d in row.lead] == [("党委组织部", "suggested")], words
    # every row has a lead but the one sent to the 组织部, whose sender is not named (round 36:
    # the receiver is not suggested for it)
    assert [t.text for c in doc.clauses for t in c.tasks if not t.lead] == [
        "走访慰问情况于6月24日前报党委组织部。"]
