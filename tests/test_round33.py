"""Round 33 (issue 12): a notice's steps date the work written beside a dated step."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row

_MEETING = [
    "中共示例学院委员会办公室",
    "关于召开2027年度学院领导班子民主生活会的通知",
    "学院领导班子成员，各党总支：",
    "经学院党委研究，决定召开2027年度学院领导班子民主生活会。现将有关事项通知如下。",
    "一、会议主题",
    "以深入学习贯彻习近平新时代中国特色社会主义思想为主题，认真查摆问题。",
    "二、会前准备",
    "（一）征求意见。各党总支于12月8日前将征求意见表交党委办公室。纪检监察室要梳理信访举报情况，形成书面材料。",
    "（二）谈心谈话。书记要与班子成员逐一谈心，班子成员之间要相互谈心。谈心谈话于12月16日前完成。",
    "（三）学习研讨。“七一”前后组织一次专题学习。",
    "三、工作要求",
    "（一）党委办公室于12月18日前汇总情况。班子成员要高度重视，认真做好会前准备。",
    "中共示例学院委员会办公室",
    "2027年11月20日",
]


def _due(row):
    return [(d.kind, d.end, d.inferred) for d in row.deadlines]


def test_a_preparation_step_dates_the_work_written_beside_its_date(tmp_path):
    doc = _parse(tmp_path, _MEETING)
    # after a dated sentence of the step: its date; before the step's deadline: that deadline
    assert _due(_row(doc, "梳理信访举报情况")) == [("by", "2027-12-08", True)]
    assert _due(_row(doc, "逐一谈心")) == [("by", "2027-12-16", True)]
    # a named day keeps its own date (the one still to come), not the step's
    assert _row(doc, "组织一次专题学习").deadlines[0].end == "2028-07-01"
    # the requirements hold throughout: no step's date
    assert not any(d.end for d in _row(doc, "认真做好会前准备").deadlines)


def test_a_committees_study_group_is_the_committee_in_the_task_book(tmp_path):
    from pbdocs.extract.lexicon import load

    lex = load()
    # the unit a task book names: the college's committee, with or without its study group
    assert lex.canonical("化学与材料学院党委理论学习中心组") == "化学与材料学院党委"
    assert lex.canonical("各党总支理论学习中心组") == lex.canonical("各党总支")
    # the institution's own committee's group is not reduced to the bare committee
    assert lex.canonical("党委理论学习中心组") == "党委理论学习中心组"
    doc = _parse(tmp_path, [
        "中共示例大学化学与材料学院委员会",
        "2027年党建工作要点",
        "一、加强政治建设",
        "（一）学院党委理论学习中心组每月集中学习1次，全年专题研讨不少于4次。",
        "中共示例大学化学与材料学院委员会",
        "2027年2月20日",
    ])
    row = _row(doc, "每月集中学习1次")
    assert [(d.canonical, d.basis) for d in row.lead] == [("化学与材料学院党委", "text")], row.lead


def test_the_institutions_own_study_group_is_organised_by_the_department_serving_it(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "关于加强新时代党员教育工作的实施意见",
        "各二级党组织：",
        "一、加强理论武装",
        "（一）校党委理论学习中心组每月开展一次集体学习，全年专题研讨不少于6次。",
        "（二）党委常委会每季度至少专题研究一次党员教育工作。",
        "中共示例大学委员会",
        "2027年3月1日",
    ])
    row = _row(doc, "每月开展一次集体学习")
    assert [(d.canonical, d.basis) for d in row.lead] == [("党委宣传部", "suggested")], row.lead
    # the standing committee itself is still the body the text names
    assert [(d.canonical, d.basis) for d in _row(doc, "专题研究一次").lead] == [
        ("党委常委会", "text")]


def test_the_scorer_names_a_colleges_own_committee_with_or_without_its_name(tmp_path):
    from pbdocs.extract.evaluate_tasks import TaskReport, score_document
    from pbdocs.extract.lexicon import load

    lines = [
        "中共示例师范学院委员会",
        "关于加强辅导员队伍建设的实施意见",
        "各二级党组织：",
        "一、主要措施",
        "（一）学校党委每年至少专题研究一次辅导员队伍建设工作。",
        "中共示例师范学院委员会",
        "2027年3月1日",
    ]
    doc = _parse(tmp_path, lines)
    assert [d.canonical for d in _row(doc, "专题研究一次").lead] == ["示例师范学院党委"]
    gold = {"doc_id": "plan", "tasks": [{"quote": "学校党委每年至少专题研究一次辅导员队伍建设工作",
                                         "lead": [{"name": "党委", "basis": "text"}]}]}
    report = TaskReport()
    score_document(report, doc, gold, load().canonical)
    assert (report.lead.tp, report.lead.fp, report.lead.fn) == (1, 0, 0)
    # the college's own text calls it 学院: 学院党委 is its committee too
    gold["tasks"][0]["lead"] = [{"name": "学院党委", "basis": "text"}]
    report = TaskReport()
    score_document(report, doc, gold, load().canonical)
    assert (report.lead.tp, report.lead.fp, report.lead.fn) == (1, 0, 0)


def test_a_branch_in_a_text_about_one_kind_of_branch_is_of_that_kind(tmp_path):
    lines = [
        "中共示例大学委员会",
        "学生党员教育管理办法",
        "一、日常管理",
        "（一）所在党支部要对不亮身份的学生党员及时进行提醒谈话。",
        "（二）支部书记每学期至少为党员讲一次党课。",
        "中共示例大学委员会",
        "2027年3月1日",
    ]
    doc = _parse(tmp_path, lines)
    assert [d.canonical for d in _row(doc, "提醒谈话").lead] == ["学生党支部"]
    assert [d.canonical for d in _row(doc, "讲一次党课").lead] == ["学生党支部书记"]
    # a title about party work in general keeps the branch as written
    doc = _parse(tmp_path, [x.replace("学生党员教育管理办法", "党员教育管理办法") for x in lines])
    assert [d.canonical for d in _row(doc, "提醒谈话").lead] == ["党支部"]


def test_a_studio_or_a_review_group_opening_its_sentence_does_the_work(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会组织部",
        "关于开展“双带头人”工作室申报的通知",
        "各二级党组织：",
        "一、建设要求",
        "（一）工作室每学期至少面向全校开展2次示范观摩活动。",
        "（二）每个工作室每年给予2万元建设经费。",
        "中共示例大学委员会组织部",
        "2027年9月1日",
    ])
    assert [(d.canonical, d.basis) for d in _row(doc, "示范观摩活动").lead] == [("工作室", "text")]
    # each studio is given the money: it is not the one that gives it
    assert all(d.basis == "suggested" for d in _row(doc, "给予2万元").lead)


def test_a_bodys_own_meeting_doing_the_work_names_the_body(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "意识形态工作责任制实施细则",
        "第一条 二级党组织会议每学期至少专题研究一次意识形态工作。",
        "第二条 党支部委员会会议每月召开一次。",
        "中共示例大学委员会",
        "2027年3月1日",
    ])
    assert [(d.canonical, d.basis) for d in _row(doc, "专题研究一次").lead] == [
        ("二级党组织", "text")]
    # a meeting only held names no doer
    assert all(d.basis == "suggested" for d in _row(doc, "每月召开一次").lead)


def test_a_span_after_an_event_counts_from_the_steps_heading_date(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会组织部",
        "关于开展党费收缴使用情况自查的通知",
        "各二级党组织：",
        "一、方法步骤",
        "（一）抽查复核（10月中旬）。党委组织部组成联合检查组，按不低于30%的比例抽查党支部。抽查结束后一周内，检查组向被抽查单位反馈意见。",
        "中共示例大学委员会组织部",
        "2027年6月20日",
    ])
    assert _due(_row(doc, "抽查结束后一周内")) == [("by", "2027-10-27", True)]


def test_next_years_date_in_a_standing_rule_falls_each_year(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会",
        "党组织工作经费管理办法",
        "第一条 各二级党组织每年12月报送经费使用情况。",
        "第二条 党委组织部汇总后于次年1月底前形成全校年度报告，报学校党委。",
        "第三条 党委组织部于次年第一季度通报经费使用情况。",
        "中共示例大学委员会",
        "2027年3月1日",
    ])
    row = _row(doc, "形成全校年度报告")
    assert row.kind == "recurring"
    assert [(r.period, r.on) for r in row.recurrences] == [("year", "01-31")]
    row = _row(doc, "通报经费使用情况")
    assert row.kind == "recurring" and [r.period for r in row.recurrences] == ["year"]


def test_what_each_round_needs_follows_the_rounds_a_year(tmp_path):
    lines = [
        "中共示例大学委员会",
        "巡察工作规划（2027—2031年）",
        "一、工作安排",
        "（一）每年开展两轮常规巡察，每轮巡察4至5个单位。",
        "（二）每轮巡察进驻前组织巡察组成员集中培训。",
        "中共示例大学委员会",
        "2027年3月1日",
    ]
    row = _row(_parse(tmp_path, lines), "每轮巡察进驻前")
    assert row.kind == "recurring" and [r.period for r in row.recurrences] == ["semester"]
    # without a number of rounds a year, nothing says how often
    row = _row(_parse(tmp_path, [x.replace("每年开展两轮常规巡察，", "") for x in lines]),
               "每轮巡察进驻前")
    assert not row.recurrences


def test_the_persons_a_notice_asks_to_report_themselves_lead(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会统战部",
        "关于做好党外代表人士年度履职情况报送工作的通知",
        "各二级党组织：",
        "一、报送方式",
        "（一）党外代表人士本人于12月10日前登录平台，如实填写履职情况登记表。",
        "中共示例大学委员会统战部",
        "2027年11月20日",
    ])
    assert [(d.canonical, d.basis) for d in _row(doc, "登录平台").lead] == [
        ("党外代表人士", "text")]


def test_a_time_or_a_request_opens_no_doers_name(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会宣传部",
        "关于开展意识形态阵地排查工作的通知",
        "各二级党组织：",
        "一、工作安排",
        "（一）6月下旬对问题较多的单位开展“回头看”。",
        "（二）党委巡察办商请纪委、党委组织部提供有关情况。",
        "中共示例大学委员会宣传部",
        "2027年3月20日",
    ])
    for words in ("开展“回头看”", "提供有关情况"):
        names = [d.name for d in _row(doc, words).lead]
        assert not any(n[0].isdigit() or "商请" in n for n in names), names


def test_a_procedure_each_case_follows_stays_standing_in_a_notices_period(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会组织部",
        "关于做好2027年上半年发展党员工作的通知",
        "各二级党组织：",
        "现就做好学校2027年上半年发展党员工作通知如下。",
        "一、工作要求",
        "（一）学生发展对象的政治审查须听取辅导员意见。",
        "（二）发展对象均须在本单位公示，公示期不少于5个工作日。",
        "中共示例大学委员会组织部",
        "2027年3月1日",
    ])
    for words in ("须听取辅导员意见", "公示期不少于5个工作日"):
        row = _row(doc, words)
        assert row.kind == "ongoing" and not any(d.end for d in row.deadlines), (words, row.deadlines)


def test_a_joint_notice_keeps_its_title_number_and_recipients(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学委员会教师工作部",
        "示例大学人事处",
        "示例大党教〔2027〕9号",
        "关于做好2027年教师节庆祝和表彰工作的通知",
        "各二级党组织，各学院：",
        "现将有关事项通知如下。",
        "一、工作安排",
        "（一）各学院于8月31日前推荐1篇优秀教师事迹稿件。",
        "中共示例大学委员会教师工作部",
        "示例大学人事处",
        "2027年6月28日",
    ])
    assert doc.title == "关于做好2027年教师节庆祝和表彰工作的通知"
    assert doc.kind == "通知" and doc.doc_number == "示例大党教〔2027〕9号"
    assert doc.issuer == "中共示例大学委员会教师工作部"
    assert doc.recipients == ["各二级党组织", "各学院"]


def test_the_outline_scorer_takes_a_title_with_or_without_its_issuer():
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("gold_devcorpus",
                                                  root / "benchmarks" / "gold_devcorpus.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    title = "关于加强新时代学校统一战线工作的实施意见"
    assert bench._same_title("中共示例学院委员会" + title, title)
    assert bench._same_title(title, "中共示例学院委员会" + title)
    # a different 事由 is a different title, and a missing one is missing
    assert not bench._same_title("中共示例学院委员会关于加强统一战线工作的意见", title)
    assert not bench._same_title(None, title)


def test_a_span_counted_back_from_now_is_no_time_limit():
    from pbdocs.extract import timeexpr

    # 近三年内 looks back: a condition on the past, not a limit three years ahead
    assert timeexpr.find_deadlines("近三年内师德考核不合格的人员，不得推荐。", "2027-06-28") == []
    found = timeexpr.find_deadlines("3年内完成全部党支部标准化建设。", "2027-06-28")
    assert [f.deadline.end for f in found] == ["2030-06-28"]


def test_a_span_after_the_vote_counts_from_the_votes_dates(tmp_path):
    doc = _parse(tmp_path, [
        "中共示例大学机关委员会",
        "关于开展2027年度机关“服务之星”评选活动的通知",
        "各机关党支部：",
        "一、评选程序",
        "（一）10月11日至10月20日，通过校园网组织师生投票。",
        "（二）投票结束后3个工作日内，机关党委办公室在校园网公布得票情况。",
        "中共示例大学机关委员会",
        "2027年9月1日",
    ])
    assert _due(_row(doc, "公布得票情况")) == [("by", "2027-10-25", True)]
