"""Round 18 (issue 12): leads as writers of fresh plans read them."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round14 import _row


def _leads(task) -> list[tuple[str, str]]:
    return [(d.canonical, d.basis) for d in task.lead]


def test_case_collections_are_the_organisation_departments_and_publicity_stays_with_publicity(
        tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会2027年基层党建工作要点",
                            "一、加强基层组织建设",
                            "1.11月底前完成基层党建优秀案例评审，汇编成册。",
                            "2.在校园网开设专栏，集中宣传先进典型。",
                            "中共某某大学委员会",
                            "2027年2月20日"])
    assert _leads(_row(doc, "11月底前完成基层党建优秀案例评审")) == [("党委组织部", "suggested")]
    assert _leads(_row(doc, "在校园网开设专栏")) == [("党委宣传部", "suggested")]


def test_organisers_and_party_members_named_first_do_the_work(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会组织部关于做好2027年发展党员工作的通知",
                            "各二级党组织：",
                            "现就有关事项通知如下。",
                            "一、压实工作责任",
                            "组织员要全程参与发展党员各环节工作。学生党员要带头开展学业帮扶。",
                            "二、配齐工作力量",
                            "年底前建成样板支部5个，专职组织员实现二级党委全覆盖。",
                            "中共某某大学委员会组织部",
                            "2027年3月1日"])
    assert _leads(_row(doc, "组织员要全程参与")) == [("组织员", "text")]
    assert _leads(_row(doc, "学生党员要带头")) == [("学生党员", "text")]
    # the organisers counted in a target are what is reached, not who reaches it
    assert all(b == "suggested" for _, b in _leads(_row(doc, "年底前建成样板支部")))


def test_a_named_day_after_a_dated_part_is_a_row_of_its_own_on_that_day(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某大学委员会宣传部2027年工作要点",
                            "一、加强理论宣讲",
                            "1.上半年完成宣讲团组建和首批宣讲员遴选，“七一”前后集中开展主题宣讲。",
                            "中共某某大学委员会宣传部",
                            "2027年2月20日"])
    first = due_of(_row(doc, "上半年完成宣讲团组建"))
    assert (first["kind"], first["end"]) == ("by", "2027-06-30")
    second = due_of(_row(doc, "“七一”前后集中开展主题宣讲"))
    assert (second["kind"], second["start"], second["end"]) == ("on", "2027-07-01", "2027-07-01")


def test_money_put_into_the_yearly_budget_is_each_years_unless_a_mechanism_stands(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某大学委员会关于加强基层党建工作的实施意见",
                            "一、强化保障",
                            "1.学校给予每个样板支部2万元建设经费，纳入年度预算，专款专用。",
                            "2.健全学校党建工作经费保障机制，纳入学校年度预算。",
                            "中共某某大学委员会",
                            "2027年2月20日"])
    money = due_of(_row(doc, "学校给予每个样板支部"))
    assert (money["kind"], money["recurrence"]["period"]) == ("recurring", "year")
    assert due_of(_row(doc, "健全学校党建工作经费保障机制"))["kind"] == "ongoing"


def test_how_often_with_no_object_of_its_own_stays_with_the_work_before_it(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某大学委员会2027年统战工作要点",
                            "一、加强党外知识分子工作",
                            "1.党委委员每人联系2—3名高层次人才，每学期至少走访一次。",
                            "2.建立党外代表人士数据库，每半年更新一次。",
                            "中共某某大学委员会",
                            "2027年2月20日"])
    rows = [t.text for c in doc.clauses for t in c.tasks]
    contact = due_of(_row(doc, "党委委员每人联系"))
    assert (contact["kind"], contact["recurrence"]["period"]) == ("recurring", "semester")
    assert not any(r.startswith("每学期至少走访") for r in rows), rows
    # set up once, kept up each half year: two rows
    assert due_of(_row(doc, "建立党外代表人士数据库"))["kind"] != "recurring"
    assert any(r.endswith("每半年更新一次。") and not r.startswith("建立") for r in rows), rows


def test_money_put_into_the_budget_is_the_finance_offices_whatever_it_is_for():
    from pbdocs.extract.suggest import by_duty

    duty, word = by_duty("学校给予每个标杆院系8万元、每个样板支部2万元建设经费，纳入年度预算，专款专用。")
    assert (duty.lead, word) == (("财务处",), "年度预算")
    duty, word = by_duty("党外代表人士队伍建设工作经费列入学校年度预算。")
    assert duty.lead == ("财务处",)
    # money the sentence only mentions in passing does not decide it
    assert by_duty("建设样板支部，给予经费支持")[0].lead == ("党委组织部",)


def test_a_subject_asked_to_take_part_with_nobody_else_named_does_the_work(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会关于加强教师党支部建设的实施意见",
                            "一、主要任务",
                            "1.教师党支部要参与本单位人才引进、职称评审等重要事项的讨论。",
                            "2.党委组织部牵头开展党建工作考核，各学院要积极参与。",
                            "中共某某大学委员会",
                            "2027年2月20日"])
    assert _leads(_row(doc, "教师党支部要参与")) == [("教师党支部", "text")]
    # one who takes part beside a lead named in the sentence supports it
    assert _leads(_row(doc, "党委组织部牵头开展")) == [("党委组织部", "text")]


def test_holding_to_account_is_the_discipline_committees_however_jieba_cuts_it():
    from pbdocs.extract.suggest import by_duty

    assert by_duty("对推进不力、敷衍应付的单位，严肃追责问责。")[0].lead == ("纪委",)
    assert by_duty("严肃处理并追究相关人员责任。")[0].lead == ("纪委",)


def test_a_named_days_limit_in_a_row_under_a_quarters_label_is_the_rows_time(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某学院继续教育学院总支部委员会2027年党建工作计划",
                            "一、工作安排",
                            "第一季度：开学后两周内召开党总支委员会会议，研究确定年度工作任务清单。",
                            "第三季度：开学后一个月内完成新生党员组织关系接收。",
                            "中共某某学院继续教育学院总支部委员会",
                            "2027年2月20日"])
    assert due_of(_row(doc, "第一季度：开学后两周内"))["end"] == "2027-03-15"
    assert due_of(_row(doc, "第三季度：开学后一个月内"))["end"] == "2027-09-30"


def test_a_standing_duty_and_a_named_days_one_off_in_one_sentence_are_two_rows(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某大学委员会2027年党建和思想政治工作要点",
                            "一、加强宣传思想工作",
                            "1.持续办好新媒体矩阵，“七一”前后集中推出一组优秀共产党员先进事迹报道。",
                            "2.教师节前后开展师德师风主题教育月活动，加强师德失范行为查处。",
                            "中共某某大学委员会",
                            "2027年2月20日"])
    report = _row(doc, "“七一”前后集中推出")
    assert (due_of(report)["kind"], due_of(report)["start"]) == ("on", "2027-07-01")
    assert _leads(report) == [("党委宣传部", "suggested")]
    assert due_of(_row(doc, "持续办好新媒体矩阵"))["kind"] == "ongoing"
    assert due_of(_row(doc, "加强师德失范行为查处"))["kind"] == "ongoing"
    assert due_of(_row(doc, "教师节前后开展"))["start"] == "2027-09-10"


def test_what_is_done_each_time_a_condition_holds_stays_standing_in_a_dated_notice(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某学院委员会组织部",
                            "关于做好2027年度基层党组织书记抓党建工作述职评议考核的通知",
                            "各二级党组织：",
                            "现就有关事项通知如下。",
                            "一、时间安排",
                            "12月上旬各单位完成述职准备，1月31日前完成考核评议工作。",
                            "二、结果运用",
                            "对考核等次为“一般”的，由党委组织部负责同志进行提醒谈话；对考核等次为“差”的，"
                            "由学院党委书记进行约谈，限期整改。",
                            "中共某某学院委员会组织部",
                            "2027年11月26日"])
    for start in ("对考核等次为“一般”的", "对考核等次为“差”的"):
        assert due_of(_row(doc, start))["kind"] == "ongoing", start


def test_a_colleges_own_discipline_committee_written_short_is_its_discipline_committee(tmp_path):
    doc = _parse(tmp_path, ["中共某某工程学院委员会关于开展发展党员工作“质量提升年”活动的实施方案",
                            "一、工作要求",
                            "1.学院纪委要加强对发展党员工作的监督。",
                            "2.校纪委负责受理有关举报。",
                            "中共某某工程学院委员会",
                            "2027年2月28日"])
    assert _leads(_row(doc, "学院纪委要加强")) == [("纪委", "text")]
    assert _leads(_row(doc, "校纪委负责受理")) == [("纪委", "text")]


def test_a_label_on_a_heading_holds_for_the_items_under_it(tmp_path):
    doc = _parse(tmp_path, ["中共某某学院委员会关于加强新时代高校教师党支部建设的实施意见",
                            "一、重点任务",
                            "（一）加强教师思想政治引领",
                            "1.寒暑假期间，组织党员教师开展社会实践活动。",
                            "（二）推动党建业务融合（牵头单位：党委组织部；配合单位：党委教师工作部、教务处）",
                            "2.支持教师党支部开展“一支部一品牌”创建，2027年第三季度启动首批创建。",
                            "3.持续开展“党员示范课堂”评选，每学年评选一次。",
                            "中共某某学院委员会",
                            "2027年3月8日"])
    for start in ("支持教师党支部开展", "持续开展“党员示范课堂”"):
        row = _row(doc, start)
        assert _leads(row) == [("党委组织部", "stated")], start
        assert {d.canonical for d in row.support} == {"党委教师工作部", "教务处"}, start
    # the label is that heading's, not the one before
    assert all(b != "stated" for _, b in _leads(_row(doc, "寒暑假期间")))


def test_who_answers_for_the_work_and_a_phases_name_are_no_tasks(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会关于实施党支部书记“双带头人”培育工程的实施方案",
                            "一、分年度推进安排",
                            "2027年：启动阶段。4月底前完成教师党支部书记队伍摸底。",
                            "二、保障措施",
                            "学校党委对培育工程负总责，党委书记是第一责任人。党委组织部要加强统筹协调。",
                            "中共某某大学委员会",
                            "2027年3月10日"])
    rows = [t.text for c in doc.clauses for t in c.tasks]
    assert not any("负总责" in r for r in rows), rows
    assert not any(r.startswith("2027年：启动阶段") and len(r) < 12 for r in rows), rows
    assert any(r.startswith("4月底前完成教师党支部书记队伍摸底") for r in rows), rows
    assert any(r.startswith("党委组织部要加强统筹协调") for r in rows), rows


def test_how_much_each_period_stays_with_the_work_before_it(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某大学委员会宣传部关于开展主题宣讲活动的通知",
                            "各二级党组织：",
                            "现将有关事项通知如下。",
                            "一、创新宣讲形式",
                            "在学校公众号开设“理论微宣讲”专栏，每周推送不少于2期。",
                            "中共某某大学委员会宣传部",
                            "2027年4月6日"])
    rows = [t.text for c in doc.clauses for t in c.tasks]
    assert not any(r.startswith("每周推送") for r in rows), rows
    due = due_of(_row(doc, "在学校公众号开设"))
    assert (due["kind"], due["recurrence"]["period"]) == ("recurring", "week")


def test_what_the_work_focuses_on_is_no_row_of_its_own(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某学院纪律检查委员会2027年工作要点",
                            "一、强化日常监督",
                            "1.聚焦“三重一大”决策制度执行情况，每季度开展一次专项监督检查。",
                            "中共某某学院纪律检查委员会",
                            "2027年2月24日"])
    rows = [t.text for c in doc.clauses for t in c.tasks]
    assert len(rows) == 1, rows
    assert due_of(_row(doc, "聚焦"))["recurrence"]["period"] == "quarter"


def test_what_is_done_promptly_each_time_is_standing(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某大学委员会宣传部关于开展主题宣讲活动的通知",
                            "各二级党组织：",
                            "现将有关事项通知如下。",
                            "一、强化宣传报道",
                            "各单位要及时报送宣讲活动信息。",
                            "中共某某大学委员会宣传部",
                            "2027年4月6日"])
    assert due_of(_row(doc, "各单位要及时报送"))["kind"] == "ongoing"


def test_a_named_day_in_a_years_row_is_that_years_day(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某大学委员会关于实施“双带头人”培育工程（2027—2029年）的实施方案",
                            "一、分年度推进安排",
                            "2028年：深化阶段。上半年组织开展中期评估；“七一”前后表彰一批优秀党支部书记。",
                            "中共某某大学委员会",
                            "2027年3月10日"])
    due = due_of(_row(doc, "“七一”前后表彰"))
    assert (due["kind"], due["start"]) == ("on", "2028-07-01")


def test_who_a_body_is_made_of_is_not_who_does_the_work(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会宣传部关于开展主题宣讲活动的通知",
                            "各二级党组织：",
                            "现将有关事项通知如下。",
                            "一、宣讲团组建",
                            "学校组建理论宣讲团，成员由校领导、马克思主义学院骨干教师和优秀辅导员组成。",
                            "中共某某大学委员会宣传部",
                            "2027年4月6日"])
    assert all(d.canonical != "马克思主义学院" for d in _row(doc, "学校组建理论宣讲团").lead)


def test_a_units_plan_opening_with_its_own_short_name_is_the_issuers_own_work(tmp_path):
    doc = _parse(tmp_path, ["中共某某医学院附属医院委员会",
                            "2027年党建工作计划",
                            "为深入贯彻新时代党的建设总要求，结合医院实际，制定本计划。医院党委将坚持以高质量党建引领"
                            "医院高质量发展。",
                            "一月：制定党委理论学习中心组年度学习计划。",
                            "二月：召开2027年党风廉政建设工作会议。",
                            "中共某某医学院附属医院委员会",
                            "2027年2月8日"])
    for start in ("一月：制定党委理论学习中心组", "二月：召开2027年党风廉政"):
        lead = _row(doc, start).lead
        assert [(d.name, d.basis) for d in lead] == [("附属医院党委", "suggested")], start


def test_a_years_name_in_a_months_row_leaves_the_row_its_month(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某医学院附属医院委员会",
                            "2027年党建工作计划",
                            "为加强医院党建工作，制定本计划。",
                            "二月：召开2027年党风廉政建设工作会议。制定党委理论学习中心组年度学习计划。",
                            "中共某某医学院附属医院委员会",
                            "2027年2月8日"])
    for start in ("二月：召开2027年党风廉政", "制定党委理论学习中心组年度学习计划"):
        due = due_of(_row(doc, start))
        assert (due["kind"], due["start"], due["end"]) == ("on", "2027-02-01", "2027-02-28"), start


def test_a_yearly_quota_after_a_one_off_is_a_duty_of_its_own(tmp_path):
    from pbdocs.extract.tasks import due_of

    doc = _parse(tmp_path, ["中共某某大学委员会",
                            "2027年党建工作重点任务清单",
                            "为做好2027年党建工作，制定本清单。",
                            "序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限",
                            "一、政治建设和理论武装",
                            "1 | 制定校党委理论学习中心组2027年度学习计划，全年开展集体学习不少于12次 | 党委宣传部 | "
                            "党委办公室 | 3月底前",
                            "中共某某大学委员会",
                            "2027年2月20日"])
    plan = due_of(_row(doc, "制定校党委理论学习中心组"))
    assert (plan["kind"], plan["end"]) == ("by", "2027-03-31")
    study = [t for c in doc.clauses for t in c.tasks if t.text.startswith("全年开展集体学习")]
    assert len(study) == 1 and due_of(study[0])["kind"] == "recurring"


def test_a_heading_that_only_names_a_subject_binds_the_items_under_it(tmp_path):
    doc = _parse(tmp_path, ["中共某某职业学院委员会意识形态工作责任制实施细则",
                            "一、责任主体",
                            "（一）党委书记。党委书记是意识形态工作第一责任人，应当：",
                            "1.带头抓意识形态工作，重要工作亲自部署。",
                            "2.每学期至少为师生讲授一次思政课。",
                            "（二）党委宣传部。党委宣传部在党委领导下具体负责，应当：",
                            "1.制定学校年度意识形态工作要点。",
                            "中共某某职业学院委员会",
                            "2027年3月18日"])
    for start, who in (("带头抓意识形态工作", "党委书记"), ("每学期至少为师生讲授", "党委书记"),
                       ("制定学校年度意识形态工作要点", "党委宣传部")):
        assert [d.canonical for d in _row(doc, start).lead] == [who], start


def test_a_units_own_work_is_named_within_its_institution(tmp_path):
    doc = _parse(tmp_path, ["中共某某科技学院离退休工作处委员会",
                            "2027年工作计划",
                            "为做好离退休党员教育管理工作，制定本计划。",
                            "一、加强政治建设",
                            "1.上半年举办一期离退休党员专题学习班。",
                            "中共某某科技学院离退休工作处委员会",
                            "2027年1月8日"])
    lead = _row(doc, "上半年举办一期离退休党员").lead
    assert [(d.name, d.basis) for d in lead] == [("离退休工作处党委", "suggested")]


def test_the_youth_leagues_own_plan_is_the_youth_league_committees_work(tmp_path):
    doc = _parse(tmp_path, ["共青团某某医学高等专科学校委员会2027年工作要点",
                            "2027年，校团委工作的总体思路是：坚持立德树人根本任务。",
                            "一、加强思想政治引领",
                            "1.持续运营校团委微信公众号，每周推送青年思政内容不少于3期。",
                            "共青团某某医学高等专科学校委员会",
                            "2027年2月26日"])
    assert doc.institution == "某某医学高等专科学校"
    lead = _row(doc, "持续运营校团委微信公众号").lead
    assert [(d.canonical, d.basis) for d in lead] == [("团委", "suggested")]
