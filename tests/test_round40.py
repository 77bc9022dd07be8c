"""Round 40 (issue 12): a unit's head named as a doer; a limit counted from a training's end
is counted from the training's days, not from a year the notice names."""

from __future__ import annotations

from pbdocs.extract.tasks import due_of
from tests.test_round13 import _parse
from tests.test_round20 import _row
from tests.test_round38 import _lead

_RULES = [
    "中共示例大学委员会",
    "关于加强附属医院党的建设的实施办法",
    "各二级党组织、各附属医院党委：",
    "为加强附属医院党的建设，制定本办法。",
    "一、工作机制",
    "（一）附属医院党委书记和院长每周至少沟通一次，重要议题会前充分酝酿。",
    "（二）院长每半年向医院党委会报告一次重大事项执行情况。",
    "中共示例大学委员会",
    "2027年3月1日",
]


def test_a_units_head_the_sentence_names_does_its_work(tmp_path):
    doc = _parse(tmp_path, _RULES)
    assert _lead(doc, "附属医院党委书记和院长每周") == [
        ("附属医院党委书记", "text"), ("院长", "text")]
    assert _lead(doc, "院长每半年向医院党委会报告") == [("院长", "text")]


_TRAINING = [
    "中共示例大学委员会统战部",
    "关于举办2027年党外代表人士培训班的通知",
    "各二级党组织：",
    "为提高党外代表人士素质，现将有关事项通知如下。",
    "一、培训安排",
    "（一）7月上旬举办2027年党外代表人士培训班，培训为期4天。",
    "（二）培训期间实行考勤制度，由党校负责考勤记录。",
    "二、有关要求",
    "（一）学员须在培训结束后10日内提交1篇学习体会。",
    "中共示例大学委员会统战部",
    "2027年6月1日",
]


def test_a_limit_counted_from_a_trainings_end_is_not_counted_from_the_notices_year(tmp_path):
    doc = _parse(tmp_path, _TRAINING)
    due = due_of(_row(doc, "学员须在培训结束后10日内"))
    # the training is in early July (7月上旬): ten days after it, not after 2027年 ends
    assert due["kind"] == "by" and due["end"].startswith("2027-07"), due


_DOERS = [
    "中共示例大学委员会",
    "关于加强基层组织建设的实施办法",
    "各二级党组织、各部门：",
    "为加强基层组织建设，制定本办法。",
    "一、工作要求",
    "（一）带队教师负责团队安全管理。",
    "（二）与会委员要充分发表意见。",
    "（三）各代表团要组织本团代表深入开展调研。",
    "（四）物业维修科要在9月24日前完成学生公寓门窗集中排查。",
    "（五）主备人要提前3天将教学设计发送本教研室教师。",
    "（六）遇突发情况，带队教师须在1小时内报告所在学院。",
    "（七）培训期间实行每半天签到，由带班员负责考勤。",
    "（八）各二级党组织书记要亲自部署本单位轮训工作。",
    "（九）对受处分人员每半年开展一次回访教育。",
    "（十）新任党支部书记须在任职后3个月内参加岗前培训。",
    "中共示例大学委员会",
    "2027年3月1日",
]


def test_a_doer_the_sentence_names_leads_though_no_lexicon_knows_it(tmp_path):
    doc = _parse(tmp_path, _DOERS)
    # an officer in charge (负责), a word that only begins with a preposition's character
    # (与会), a delegation (代表团), a section (科) and a person (主备人) the segmenter joins
    # with the modal after it
    assert _lead(doc, "带队教师负责团队安全管理") == [("带队教师", "text")]
    assert _lead(doc, "与会委员要充分发表意见") == [("与会委员", "text")]
    assert [n for n, b in _lead(doc, "各代表团要组织本团代表") if b == "text"] == ["代表团"]
    assert _lead(doc, "物业维修科要在9月24日前") == [("物业维修科", "text")]
    assert _lead(doc, "主备人要提前3天") == [("主备人", "text")]
    # after a condition (遇…情况) or in the segment that hands the work over with 由
    assert _lead(doc, "带队教师须在1小时内") == [("带队教师", "text")]
    assert _lead(doc, "由带班员负责考勤") == [("带班员", "text")]
    # an officer who organises the training is no trainee
    assert _lead(doc, "各二级党组织书记要亲自部署") == [("二级党组织书记", "text")]


def test_a_preposition_names_no_doer(tmp_path):
    doc = _parse(tmp_path, _DOERS)
    assert not any(d.basis == "text" for d in _row(doc, "对受处分人员每半年").lead)
    # (an officer the sentence tells to take a training does it since round 42)
    assert [d.basis for d in _row(doc, "新任党支部书记须在任职后").lead] == ["text"]


_DUES_NOTICE = [
    "中共示例大学委员会组织部",
    "关于开展党费收缴情况专项检查的通知",
    "各二级党组织：",
    "为规范党费收缴工作，现将有关事项通知如下。",
    "一、工作安排",
    "（一）各党支部对照检查内容开展自查，核对党员党费交纳基数。",
    "（二）补交完成后，于10月12日前报送《党费补交情况汇总表》。",
    "（三）对检查中发现的优秀做法，择优向上级党组织推荐。",
    "中共示例大学委员会组织部",
    "2027年9月1日",
]


def test_what_the_addressees_send_in_by_a_date_is_theirs_in_the_departments_own_notice(
        tmp_path):
    doc = _parse(tmp_path, _DUES_NOTICE)
    # the 组织部's own notice: the 汇总表 is sent to it by those it addresses
    lead = _row(doc, "于10月12日前报送").lead
    assert [(d.canonical[-5:], d.basis) for d in lead] == [("二级党组织", "suggested")]
    # what goes beyond the institution (向上级党组织推荐) is the department's own
    lead = _row(doc, "择优向上级党组织推荐").lead
    assert not any(d.canonical.endswith("二级党组织") for d in lead)


_CHECK_NOTICE = [
    "中共示例大学委员会办公室",
    "关于开展二级学院党政联席会议制度执行情况检查的通知",
    "各二级学院：",
    "为推动制度落实，现将有关事项通知如下。",
    "一、工作安排",
    "（一）2027年检查于11月底前完成，检查情况在全校通报。",
    "（二）党委教师工作部组织2027年新入职教师签订廉洁从教承诺书，于9月10日前完成。",
    "中共示例大学委员会办公室",
    "2027年9月1日",
]


def test_a_year_that_only_names_whose_year_a_thing_is_does_not_date_it(tmp_path):
    doc = _parse(tmp_path, _CHECK_NOTICE)
    # 2027年检查, 2027年新入职教师: the row's limit is the date written for it
    assert due_of(_row(doc, "2027年检查于11月底前完成"))["end"] == "2027-11-30"
    assert due_of(_row(doc, "组织2027年新入职教师签订"))["end"] == "2027-09-10"
    # and the task book's 完成时限 shows only that date, not 2027年底前 beside it
    from pbdocs.lang import wording

    row = _row(doc, "2027年检查于11月底前完成")
    assert "年底" not in wording.time_limit(row.deadlines, row.recurrences, row.kind)


_LIMITS = [
    "中共示例大学委员会组织部",
    "关于开展党支部“三会一课”制度落实情况专项检查的通知",
    "各二级党组织：",
    "为掌握党支部“三会一课”制度执行情况，现将有关事项通知如下。",
    "一、工作安排",
    "（一）各党支部要在12月20日前完成整改；难以立即整改到位的，最迟于2028年春季学期开学后"
    "两周内完成。整改情况报告于12月24日前报送。",
    "中共示例大学委员会组织部",
    "2027年10月11日",
]


def test_a_year_that_sets_a_limit_does_not_date_the_bare_months_of_later_sentences(tmp_path):
    doc = _parse(tmp_path, _LIMITS)
    # the notice's own December, not the 2028 the limit before it names
    assert due_of(_row(doc, "整改情况报告于12月24日前报送"))["end"] == "2027-12-24"
    assert due_of(_row(doc, "各党支部要在12月20日前"))["end"] == "2027-12-20"


_POSTING = [
    "中共示例大学委员会组织部",
    "关于做好2027年驻村第一书记选派工作的通知",
    "各二级党组织：",
    "为做好定点帮扶工作，现将有关事项通知如下。",
    "一、选派名额",
    "本次选派驻村第一书记4名，分别派驻4个结对村，驻村期限为2年。",
    "二、有关要求",
    "（一）确定人选在校内公示5个工作日。",
    "（二）派出单位要妥善安排选派人员的原岗位工作。",
    "中共示例大学委员会组织部",
    "2027年5月10日",
]


def test_the_term_those_sent_serve_is_not_the_span_of_the_notices_work(tmp_path):
    doc = _parse(tmp_path, _POSTING)
    # 驻村期限为2年 is how long the secretaries stay, not when the notice's steps are due
    due = due_of(_row(doc, "确定人选在校内公示"))
    assert not (due.get("end") or "").startswith("2029"), due


def test_a_sentence_that_only_says_details_will_follow_is_no_task(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会宣传部",
        "关于举办2027年理论宣讲报告会的通知",
        "各二级党组织：",
        "为深入开展理论宣讲，现将有关事项通知如下。",
        "一、活动安排",
        "（一）9月上旬举行全校理论宣讲报告会。具体时间另行通知。",
        "（二）谈话时间由党委宣传部另行通知。",
        "中共示例大学委员会宣传部",
        "2027年8月20日",
    ])
    rows = [t.text for c in doc.clauses for t in c.tasks]
    assert not any(r.startswith("具体时间另行通知") for r in rows), rows
    # one that names who will tell them is still that body's work
    assert any(r.startswith("谈话时间由党委宣传部另行通知") for r in rows), rows


def test_a_bare_centre_is_the_issuer_named_short_not_a_new_doer(tmp_path):
    doc = _parse(tmp_path, [
        "示例大学学生社区管理中心",
        "关于开展2027年秋季“社区党建月”活动的通知",
        "各学院党组织：",
        "为推进社区党建工作，现将有关事项通知如下。",
        "一、活动安排",
        "（一）10月下旬，中心邀请马克思主义学院教师开展“社区微党课”巡讲。",
        "示例大学学生社区管理中心",
        "2027年9月20日",
    ])
    names = [d.name for d in _row(doc, "中心邀请马克思主义学院").lead]
    assert names and "中心" not in names, names
