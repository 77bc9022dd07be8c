"""Round 35 (issue 12): a committee that is no 党委; a department's notice organises its own
activity."""

from __future__ import annotations

from pbdocs.extract.suggest import short_name
from tests.test_round13 import _parse
from tests.test_round20 import _row


def _plan(tmp_path, title, items, *, issuer="中共示例大学委员会", to="各二级党组织：",
          preamble, heading="一、主要任务", date="2027年2月20日"):
    """A plan with one section of numbered items （一）…, signed by its issuer."""
    lines = [issuer, title, to, preamble, heading]
    lines += [f"（{'一二三四五六七八九十'[i]}）{x}" for i, x in enumerate(items)]
    return _parse(tmp_path, lines + [issuer, date])


def test_only_a_party_committee_is_written_as_its_party_committee():
    assert short_name("中共示例大学委员会") == "示例大学党委"
    assert short_name("示例大学经济管理学院委员会") == "示例大学经济管理学院党委"
    # a 关心下一代工作委员会, 学术委员会 or 精神文明建设委员会 is not a 党委
    assert short_name("示例大学关心下一代工作委员会") == "示例大学关心下一代工作委员会"
    assert short_name("示例大学精神文明建设委员会") == "示例大学精神文明建设委员会"


_NOTICE = [
    "示例理工大学关心下一代工作委员会",
    "关于开展2027年“五老”进校园宣讲活动的通知",
    "各二级学院党组织，党委学生工作部，团委：",
    "为深入开展“五老”进校园活动，经研究，决定开展宣讲活动。现将有关事项通知如下。",
    "一、活动安排",
    "（一）首场宣讲于9月下旬举行，作为活动启动仪式。",
    "（二）11月上旬，对各学院宣讲开展情况进行一次中期检查。",
    "（三）优秀宣讲稿将择优在学校官网专栏刊发。",
    "二、有关要求",
    "各二级学院要于12月10日前将活动总结报校关工委办公室。",
    "示例理工大学关心下一代工作委员会",
    "2027年9月2日",
]


def test_a_departments_notice_keeps_its_own_activity(tmp_path):
    doc = _parse(tmp_path, _NOTICE)
    # the 关工委 is a department (its full name is an alias): what its notice names nobody for
    # is the activity it organises, not the 宣传部's 宣讲 or 网站 duty
    for words in ("首场宣讲", "中期检查", "择优在学校官网"):
        lead = _row(doc, words).lead
        assert [(d.canonical, d.basis) for d in lead] == [("关工委", "suggested")], words
    # what the addressees do is theirs, as written
    assert [d.canonical for d in _row(doc, "活动总结").lead] == ["各二级学院"]


_TERM = [
    "3月底前，各二级党委（党总支）完成届满党组织摸底，制定本单位换届工作计划报党委组织部。",
    "党支部收到换届请示批复后，应在一个月内召开党员大会进行选举。",
    "各二级党组织指定1名组织员负责换届材料整理。",
    "每年3月，各党支部据此重新核对党员名册。",
]


def test_the_body_a_sentence_opens_with_does_its_work(tmp_path):
    doc = _plan(tmp_path, "关于做好2027年基层党组织换届工作的实施方案", _TERM,
                preamble="为规范基层党组织换届工作，制定本方案。")
    # the kind of body in brackets is part of the name, not the end of the subject
    assert [(d.name, d.basis) for d in _row(doc, "完成届满党组织摸底").lead] == [
        ("各二级党委（党总支）", "text")]
    # a body that, on receiving something, must act; that appoints; that acts on what was said
    assert [(d.name, d.basis) for d in _row(doc, "收到换届请示批复后").lead] == [("党支部", "text")]
    assert [(d.name, d.basis) for d in _row(doc, "指定1名组织员").lead] == [("各二级党组织", "text")]
    assert [(d.name, d.basis) for d in _row(doc, "据此重新核对").lead] == [("各党支部", "text")]


def test_a_yearly_duty_due_some_time_after_a_term_starts_has_that_day(tmp_path):
    doc = _plan(tmp_path, "关于加强党员教育管理的实施意见", [
        "每年秋季学期开学后一个月内，举办一期党支部组织委员业务培训。",
        "每年新生入学后两周内，各学生党支部要完成新生党员信息登记。",
        "每年“七一”前，评选表彰一批优秀共产党员。",
        "每年春节前走访慰问生活困难党员。",
    ], preamble="为规范党员教育管理，制定本意见。")

    def on(words):
        r = _row(doc, words).recurrences[0]
        return (r.period, r.on)

    # the term's start is a named day (FORMAT.md): a month after it is 09-30 every year
    assert on("组织委员业务培训") == ("day", "09-30")
    assert on("新生党员信息登记") == ("day", "09-15")
    assert on("评选表彰") == ("day", "06-30")
    # a festival whose date moves (春节) gives no day
    assert on("走访慰问") == ("year", None)


def test_a_yearly_named_day_reads_as_written(tmp_path):
    from pbdocs.lang import wording

    doc = _plan(tmp_path, "关于加强党员教育管理的实施意见", [
        "每年“七一”前后，评选表彰一批优秀共产党员。",
        "每年秋季学期开学后一个月内，举办一期党支部组织委员业务培训。",
        "每年10月8日召开党员大会。",
    ], preamble="为规范党员教育管理，制定本意见。")

    def said(words):
        return wording.recurrence_text(_row(doc, words).recurrences[0])

    # a reader knows the day by its name; a limit after it also shows its date
    assert said("评选表彰") == "每年“七一”前后"
    assert said("组织委员业务培训") == "每年秋季学期开学后一个月内（9月30日前）"
    assert said("召开党员大会") == "每年10月8日"


def _bundled(runner, tmp_path, command: str, name: str):
    """Run `pbdocs COMMAND corpus/NAME --out F.docx` as a user would: (result, the .docx)."""
    from pathlib import Path

    from docx import Document as open_docx

    from pbdocs.cli import main

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    out = tmp_path / f"{command}.docx"
    r = runner.invoke(main, [command, str(corpus / name), "--out", str(out),
                             "--index", str(tmp_path / "index")])
    assert r.exit_code == 0, r.output
    return r, open_docx(str(out))


def test_a_suggested_department_is_never_cut_in_a_narrow_cell(runner, tmp_path):
    _, d = _bundled(runner, tmp_path, "taskbook", "hdu-2020-55.txt")
    table = d.tables[0]
    head = [c.text for c in table.rows[0].cells]
    col = head.index("牵头部门")
    cells = [row.cells[col].text for row in table.rows[1:]]
    marked = [c for c in cells if "（建议）" in c]
    assert marked
    # the mark goes on a line of its own, the name before it whole (not 党委办公 / 室（建 / 议）)
    assert "党委办公室\n（建议）" in cells or "党委组织部\n（建议）" in cells
    assert all(line == "（建议）" or "（建议）" not in line for c in marked
               for line in c.split("\n") if len(c) > 8)
    # the column holds a five-character name on one line at 小四 (12 pt = 240 twips a character)
    width = table.columns[col].width.twips if table.columns[col].width else None
    grid = [int(g.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w"))
            for g in table._tbl.tblGrid.iter(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol")]
    assert (width or grid[col]) >= 5 * 240


def test_a_body_named_by_its_work_does_it(tmp_path):
    doc = _plan(tmp_path, "关于开展2027年度文明部门测评工作的实施方案", [
        "测评组根据实地测评情况提出拟命名名单。",
        "检查组要如实记录检查情况。",
    ], to="各部门：", preamble="为做好测评工作，制定本方案。", heading="一、测评安排")
    # (测评 and 检查 are acts, but 测评组 and 检查组 are the bodies that do them)
    assert [(d.name, d.basis) for d in _row(doc, "提出拟命名名单").lead] == [("测评组", "text")]
    assert [(d.name, d.basis) for d in _row(doc, "如实记录").lead] == [("检查组", "text")]


def test_a_grid_label_is_never_cut_inside_a_word_or_number():
    from pbdocs.generate.timetable import _short

    label = _short("党员领导干部每年集中学习时间不少于56学时并撰写心得体会报告一份以上形成制度成果", 30)
    assert label.endswith("…") and len(label) <= 30
    assert "56学时" in label or "5" not in label  # (not 不少于5…, which hides 56学时)
    assert _short("推动全面从严治党向纵深发展，把党的政治建设摆在首位，坚持不懈用创新理论凝心铸魂", 30) == (
        "推动全面从严治党向纵深发展，把党的政治建设摆在首位…")


def test_the_branch_as_a_school_of_its_members_stays_a_school():
    from pbdocs.generate.draft_rules import load_rules

    said = load_rules().substitute("党支部要真正成为教育党员的学校、团结群众的核心。学校各级党组织要落实。")
    # (a metaphor: the branch is a school for its members; the university is still restated)
    assert "教育党员的学校" in said and "学院各级党组织" in said


def test_after_the_meeting_counts_from_the_meeting_the_notice_calls(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会统战部",
        "关于召开2027年党外人士座谈会的通知",
        "各民主党派基层组织，各二级党组织：",
        "经学校党委同意，定于6月下旬召开党外人士座谈会。现将有关事项通知如下。",
        "一、会议时间和地点",
        "时间：6月29日（星期二）下午3:00",
        "二、有关要求",
        "（一）请于6月18日前将建言材料报党委统战部。",
        "（二）党委宣传部负责会议新闻报道，会后2个工作日内在学校主页发布。",
        "（三）党委统战部于会后5个工作日内形成会议纪要，报送校领导。",
        "中共示例大学委员会统战部",
        "2027年6月7日",
    ])
    # (Tuesday 29 June: two working days on is Thursday 1 July, five is Tuesday 6 July)
    assert [(d.kind, d.end) for d in _row(doc, "新闻报道").deadlines] == [("by", "2027-07-01")]
    assert [(d.kind, d.end) for d in _row(doc, "会议纪要").deadlines] == [("by", "2027-07-06")]


def test_after_the_training_counts_from_its_last_day(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会组织部",
        "关于举办2027年秋季学期发展对象培训班的通知",
        "各二级党组织：",
        "经研究，决定举办2027年秋季学期发展对象培训班。现将有关事项通知如下。",
        "一、培训对象",
        "培训对象为拟于2028年上半年发展入党的发展对象。",
        "二、培训安排",
        "（一）集中培训。11月10日至13日在党校报告厅举行。11月10日上午举行开班式。",
        "（二）11月13日下午组织闭卷考试。",
        "三、有关要求",
        "（一）培训经费从党费中列支。",
        "（二）党校要在培训结束后一个月内开展培训质量评估，形成评估报告。",
        "中共示例大学委员会组织部",
        "2027年9月28日",
    ])
    # the training's days, not the 2028年上半年 its trainees are to join the party in
    assert [(d.kind, d.end) for d in _row(doc, "培训质量评估").deadlines] == [("by", "2027-12-13")]


def test_a_colleges_own_committee_is_the_institution_in_the_colleges_plan(tmp_path):
    doc = _plan(tmp_path, "关于实施教师党支部书记“双带头人”培育工程的实施方案", [
        "每个教师党支部储备1至2名书记后备人选，后备名单每年更新一次。",
        "在职称评审、岗位聘任中，同等条件下优先考虑“双带头人”书记。",
        "每学期对网评员开展一次集中培训。",
        "考核工作组采取听取汇报、查阅资料等方式进行考核。",
    ], issuer="中共示例财经学院委员会", to="各二级学院党委，党委各部门，行政各部门：",
        preamble="为推动教师党支部建设，学院党委决定于2027—2029年实施培育工程。结合学院实际，制定本方案。",
        date="2027年3月1日")
    # 示例财经学院 is the institution: its 学院党委 divides the work by duty, as a university's
    # committee does (not all to 学院党委)
    assert [d.canonical for d in _row(doc, "储备1至2名").lead] == ["党委组织部"]
    assert [d.canonical for d in _row(doc, "职称评审").lead] == ["人事处"]
    # the trainees name the duty, not the training (网评员 are the 宣传部's)
    assert [d.canonical for d in _row(doc, "网评员").lead] == ["党委宣传部"]
    assert [(d.name, d.basis) for d in _row(doc, "听取汇报").lead] == [("考核工作组", "text")]


def test_meetings_held_within_a_span_date_their_preparation_and_their_work(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会组织部",
        "关于召开专题组织生活会的通知",
        "各二级党组织：",
        "经学校党委同意，现就召开专题组织生活会有关事项通知如下。",
        "一、会前准备",
        "（一）会前，各党支部要组织党员开展一次集中学习研讨。",
        "（二）党员要逐条查摆问题，于6月25日前交支部书记审阅。",
        "二、会议召开",
        "（一）专题组织生活会于6月26日至7月15日召开。",
        "（二）会议由支部书记主持，党员逐一发言，开展批评和自我批评。",
        "三、整改落实",
        "（一）会后10个工作日内，各党支部要制定整改清单。",
        "中共示例大学委员会组织部",
        "2027年6月8日",
    ])

    def due(words):
        return [(d.kind, d.start, d.end) for d in _row(doc, words).deadlines]

    # preparation: by the end of the span the meetings are held in; a written date stays
    assert due("集中学习研讨") == [("by", None, "2027-07-15")]
    assert due("逐条查摆问题") == [("by", None, "2027-06-25")]
    # the meetings' own work: within the span
    assert due("开展批评和自我批评") == [("range", "2027-06-26", "2027-07-15")]
    # after each branch's own meeting: a rule for each one, not a date
    assert _row(doc, "整改清单").kind == "ongoing"


def test_the_secrecy_office_and_a_discipline_committee_by_their_names(tmp_path):
    from pbdocs.extract.suggest import short_name

    # 中共X纪律检查委员会 is X纪委 (not X党委, nor the long form in a task book)
    assert short_name("中共示例医学院第二附属医院纪律检查委员会") == "示例医学院第二附属医院纪委"
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "保密工作责任制实施办法",
        "第一条 为落实保密工作责任制，制定本办法。",
        "第二条 保密办每年组织1次全校保密教育培训。",
        "第三条 每学期对涉密载体管理情况开展一次检查。",
        "中共示例大学委员会",
        "2027年3月1日",
    ])
    # 保密办 is the 保密委员会办公室, and secrecy work is its duty
    assert [(d.canonical, d.basis) for d in _row(doc, "保密教育培训").lead] == [
        ("保密委员会办公室", "text")]
    assert [d.canonical for d in _row(doc, "涉密载体").lead] == ["保密委员会办公室"]


def test_a_hospitals_own_departments_are_named_doers(tmp_path):
    doc = _plan(tmp_path, "关于推进“清廉医院”建设的实施方案", [
        "药学部、采购中心、医学装备部要对采购合同逐一梳理。",
        "医务部要在门诊大厅公布举报电话。",
    ], issuer="中共示例医学院第二附属医院委员会", to="各党支部，各科室：",
        preamble="为推进清廉医院建设，制定本方案。", heading="一、重点任务", date="2027年3月1日")
    assert [(d.canonical, d.basis) for d in _row(doc, "采购合同").lead] == [
        ("药学部", "text"), ("采购中心", "text"), ("医学装备部", "text")]
    assert [(d.canonical, d.basis) for d in _row(doc, "举报电话").lead] == [("医务部", "text")]


def test_deadlines_in_successive_months_make_a_monthly_duty(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会宣传部",
        "关于安排2027年秋季学期教职工政治理论学习的通知",
        "各二级党组织：",
        "现将秋季学期教职工政治理论学习安排通知如下。",
        "一、有关要求",
        "（一）分别于10月8日前、11月5日前、12月6日前和次年1月5日前报送上月学习考勤表。",
        "中共示例大学委员会宣传部",
        "2027年9月1日",
    ])
    row = _row(doc, "上月学习考勤表")
    assert row.kind == "recurring" and [r.period for r in row.recurrences] == ["month"]
