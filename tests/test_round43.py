"""Round 43 (issue 12): who the text names as a task's doer when a preposition (面向), a year,
a part of the day or a 自…起 stands between the body and what it does, and a person named by
a role in the work (申报人, 队长, 检查组组长)."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round38 import _lead

_PLAN = [
    "中共示例大学委员会",
    "关于加强师生思想政治工作的实施方案",
    "为加强师生思想政治工作，制定本方案。",
    "一、主要任务",
    "1.心理健康教育中心面向教职工开设心理咨询服务。",
    "2.团委面向全校学生开展“我心中的好老师”征文活动。",
    "3.图书馆2027年内建成党史文献专区。",
    "4.马克思主义学院自2027年秋季学期起开设“中国共产党历史”选修课。",
    "5.10月20日（星期三）上午校医院在老干部活动中心开展义诊。",
    "6.申报人于6月18日前将申报材料提交所在单位。",
    "7.队长要在服务平台登记服务记录。",
    "8.由督查组组长向被督查单位书面反馈意见。",
    "9.党委宣传部面向全校征集思政工作案例。",
    "中共示例大学委员会",
    "2027年3月1日",
]


def test_a_body_facing_someone_does_the_work(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    assert _lead(doc, "心理健康教育中心面向") == [("心理健康教育中心", "text")]
    assert _lead(doc, "团委面向全校学生") == [("团委", "text")]
    assert _lead(doc, "党委宣传部面向全校") == [("党委宣传部", "text")]


def test_a_time_between_the_body_and_its_work(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    assert _lead(doc, "图书馆2027年内") == [("图书馆", "text")]
    assert _lead(doc, "马克思主义学院自2027年") == [("马克思主义学院", "text")]
    assert _lead(doc, "上午校医院在") == [("校医院", "text")]


def test_a_person_named_by_a_role_in_the_work(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    assert _lead(doc, "申报人于6月18日前") == [("申报人", "text")]
    assert _lead(doc, "队长要在服务平台") == [("队长", "text")]
    assert _lead(doc, "由督查组组长向") == [("督查组组长", "text")]


_NOTICE = [
    "中共示例大学委员会组织部",
    "关于开展2027年“示范岗”创建活动的通知",
    "各二级党组织：",
    "为推动党支部规范化建设，决定开展“示范岗”创建活动。现将有关事项通知如下。",
    "一、工作安排",
    "（一）离退休党工委每年6月集中培训一次支部书记。",
    "（二）各创建岗位要在名单公布后两周内制定创建计划。",
    "中共示例大学委员会组织部",
    "2027年3月28日",
]


def test_a_working_committee_and_a_post_in_creation_do_the_work(tmp_path):
    doc = _parse(tmp_path, _NOTICE)
    assert _lead(doc, "离退休党工委每年6月") == [("离退休党工委", "text")]
    assert _lead(doc, "各创建岗位要在") == [("各创建岗位", "text")]


_OPTIONS = [
    "中共示例大学委员会",
    "关于加强基层党组织建设的实施方案",
    "为加强基层党组织建设，制定本方案。",
    "一、主要任务",
    "1.各二级党组织要建立党支部工作台账。",
    "2.检查组可随机抽取2至3名学生党员了解情况。",
    "3.教师作品可单独报送，也可与学生联合创作。",
    "4.各二级党组织可结合实际制定实施细则，于本方案印发后两个月内报党委组织部备案。",
    "5.优秀作品可按规定认定为教学科研成果，具体办法由教务处于2027年12月底前制定。",
    "中共示例大学委员会",
    "2027年3月1日",
]


def test_what_a_body_may_do_is_no_task(tmp_path):
    doc = _parse(tmp_path, _OPTIONS)
    texts = [t.text for c in doc.clauses for t in c.tasks]
    assert any(t.startswith("各二级党组织要建立") for t in texts)
    assert not any("随机抽取" in t for t in texts)
    assert not any("单独报送" in t for t in texts)
    # an option followed by a dated report, or by another body's work, is still a task
    assert any("报党委组织部备案" in t for t in texts)
    assert any("由教务处于2027年12月底前制定" in t for t in texts)


_DIVISION = [
    "中共示例大学委员会文件",
    "示大党发〔2027〕3号",
    "中共示例大学委员会",
    "2027年党风廉政建设和反腐败工作任务分工",
    "各党总支、直属党支部，各部门：",
    "为推进全面从严治党，现将全年主要任务分工如下。",
    "一、落实主体责任",
    "1.召开2027年全面从严治党工作会议，逐级签订党风廉政建设责任书。牵头单位：党委办公室；"
    "配合单位：纪委办公室；完成时限：2027年3月底前。",
    "2.元旦春节、中秋国庆等重要节点前发布廉洁提醒，节日期间组织作风督查。牵头单位：纪委办公室；"
    "配合单位：党委办公室、党委宣传部。",
    "3.各二级学院要加强对学生实习带教环节的管理。牵头单位：教务处；配合单位：各二级学院。",
    "4.组织各党总支书记向学校纪委书面述责述廉。牵头单位：党委组织部；配合单位：纪委办公室；"
    "完成时限：2027年12月至2028年1月。",
    "中共示例大学委员会",
    "2027年2月20日",
]


def test_a_division_of_tasks_with_run_in_labels(tmp_path):
    doc = _parse(tmp_path, _DIVISION)
    # its title is a title (任务分工 is a kind of document), so its year is the plan's
    assert doc.title.endswith("2027年党风廉政建设和反腐败工作任务分工")
    # the lead's label is the lead, though the support's label ends the line
    assert _lead(doc, "重要节点前发布廉洁提醒") == [("纪委办公室", "stated")]
    # a body the prose names that the labels make support does not lead
    assert _lead(doc, "各二级学院要加强") == [("教务处", "stated")]
    # the label's time limit, not the year in the meeting's name
    row = next(t for c in doc.clauses for t in c.tasks if t.text.startswith("召开2027年"))
    assert [d.end for d in row.deadlines] == ["2027-03-31"]


def test_a_limit_counted_from_the_division_itself(tmp_path):
    doc = _parse(tmp_path, _DIVISION[:-2] + [
        "二、工作要求",
        "（一）各牵头单位要对照分工制定具体落实措施，于本分工印发后1个月内报纪委办公室。",
        "中共示例大学委员会",
        "2027年2月20日",
    ])
    row = next(t for c in doc.clauses for t in c.tasks if t.text.startswith("各牵头单位要"))
    assert [d.end for d in row.deadlines] == ["2027-03-20"]


def test_a_unit_named_by_its_part_in_the_work(tmp_path):
    doc = _parse(tmp_path, _PLAN[:-2] + ["10.讲座期间，邀请单位应安排专人全程跟踪。",
                                         "11.主管单位要在3个工作日内完成审核。"] + _PLAN[-2:])
    assert _lead(doc, "邀请单位应安排") == [("邀请单位", "text")]
    assert _lead(doc, "主管单位要在") == [("主管单位", "text")]


def test_the_university_leaders_opening_a_sentence_do_it(tmp_path):
    doc = _parse(tmp_path, _PLAN[:-2] + [
        "12.每年12月，校领导向党委常委会书面报告年度联系工作情况。",
        "13.教师节前后，校领导分组走访慰问优秀教师代表。",
        "14.学校召开离退休老同志代表座谈会，通报学校发展情况，校领导出席。"] + _PLAN[-2:])
    assert _lead(doc, "校领导向党委常委会") == [("校领导", "text")]
    assert _lead(doc, "校领导分组走访") == [("校领导", "text")]
    # a leader who attends what another organises does not lead it
    assert ("校领导", "text") not in _lead(doc, "学校召开离退休老同志")


def test_an_issuer_line_with_its_office_short_name_in_brackets(tmp_path):
    doc = _parse(tmp_path, [
        "党委宣传部（党委网信办）",
        "示传院宣〔2027〕21号",
        "关于开展2027年校园新媒体账号年度审核工作的通知",
        "各二级学院党委（党总支），各部门：",
        "为全面掌握校园新媒体账号运行状况，决定开展年度审核。现将有关事项通知如下。",
        "一、审核安排",
        "（一）各单位于10月15日前完成账号自查。",
        "党委宣传部（党委网信办）",
        "2027年9月24日",
    ])
    assert doc.title == "关于开展2027年校园新媒体账号年度审核工作的通知"
    assert doc.issuer == "党委宣传部（党委网信办）"


def test_a_route_led_by_the_officer_its_label_names(tmp_path):
    doc = _parse(tmp_path, [
        "国际教育学院党总支",
        "关于开展2027年留学生社会实践活动的通知",
        "各党支部：",
        "为引导留学生了解中国，决定开展社会实践活动。现将有关事项通知如下。",
        "一、活动线路",
        "（一）线路一：10月16日（星期六），走访省内乡村振兴示范村，参观特色农业产业园。"
        "（带队：第一党支部书记；随队：2027级辅导员）",
        "（二）党校定于12月举办新任委员履职能力培训。",
        "国际教育学院党总支",
        "2027年9月20日",
    ])
    assert _lead(doc, "走访省内乡村振兴示范村") == [("第一党支部书记", "stated")]
    assert _lead(doc, "党校定于12月") == [("党校", "text")]


def test_a_work_started_and_ended_apart_spans_both(tmp_path):
    from pbdocs.extract import period

    doc = _parse(tmp_path, [
        "中共示例大学委员会组织部",
        "关于做好2027年二级学院党组织换届选举工作的通知",
        "各二级学院党委（党总支）：",
        "经学校党委研究，决定于今年下半年进行集中换届。现将有关事项通知如下。",
        "一、时间安排",
        "本次换届自7月上旬启动，12月10日前结束。",
        "二、工作程序",
        "（一）各换届单位于7月9日前向学校党委报送请示。",
        "中共示例大学委员会组织部",
        "2027年6月20日",
    ])
    p = period.plan_period(doc)
    assert (p.start.isoformat(), p.end.isoformat()) == ("2027-07-01", "2027-12-10")


def test_self_study_hours_and_a_college_named_by_two_fields(tmp_path):
    doc = _parse(tmp_path, _PLAN[:-2] + [
        "15.中心组成员每年个人自学不少于50学时，建立个人学习台账。",
        "16.作曲与指挥学院党委要组织师生开展创作。",
        "17.党支部书记每年参加集中培训不少于32学时。",
        "18.学院与各二级学院签订实验室安全责任书。"] + _PLAN[-2:])
    # who studies by himself does it; the officer a training counts stays the one trained
    assert _lead(doc, "中心组成员每年个人自学") == [("中心组成员", "text")]
    assert ("党支部书记", "text") not in _lead(doc, "党支部书记每年参加集中培训")
    assert _lead(doc, "作曲与指挥学院党委要") == [("作曲与指挥学院党委", "text")]
    assert ("学院与各二级学院", "text") not in _lead(doc, "学院与各二级学院签订")
