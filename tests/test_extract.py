"""Clause extraction: every written form of time limits, recurrences, targets, departments and
references the issue lists, on sentences from the seed texts and from an imaginary university."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pbdocs.extract import enrich
from pbdocs.extract.lexicon import load
from pbdocs.extract.recurrence import find_recurrences
from pbdocs.extract.targets import find_targets
from pbdocs.extract.timeexpr import find_deadlines
from pbdocs.lang.numerals import cn_to_int, to_number
from pbdocs.model import Clause, Document, Section, Source

LEX = load()


def deadlines(text, doc_date=None):
    return [(f.deadline.kind, f.deadline.start, f.deadline.end)
            for f in find_deadlines(text, doc_date)]


def recurrences(text):
    return [(f.recurrence.period, f.recurrence.min_times, f.recurrence.on,
             f.recurrence.amount, f.recurrence.unit) for f in find_recurrences(text, LEX)]


def targets(text):
    return [(f.target.op, f.target.value, f.target.value_max, f.target.unit)
            for f in find_targets(text, LEX)]


def make_doc(clauses, date="2020-11-30", sections=(), path="/nonexistent/x.txt"):
    return Document(id="x", source=Source(path=path, format="txt", sha256="0" * 64),
                    date=date, sections=list(sections), clauses=clauses)


def clause(text, path=("二", "1"), note=None, heading=None):
    return Clause(id="x/" + "/".join(path), path=list(path), number=path[-1], heading=heading,
                  text=text, note=note)


# ---- deadlines -------------------------------------------------------------------------

@pytest.mark.parametrize("text,doc_date,expected", [
    ("申报材料于2021年5月底前统一报送", None, [("by", None, "2021-05-31")]),
    ("到2022年底在校生中党员占比不低于12%", "2020-11-30", [("by", None, "2022-12-31")]),
    ("申报（2020年4月-5月）", None, [("range", "2020-04-01", "2020-05-31")]),
    ("建设期为2024年1月至2025年12月", None, [("range", "2024-01-01", "2025-12-31")]),
    ("2018—2020年党建工作规划", None, [("range", "2018-01-01", "2020-12-31")]),
    ("2021-2023年分别以三个主题推进", "2021-07-15", [("range", "2021-01-01", "2023-12-31")]),
    ("上半年完成支部换届", "2022-03-01", [("range", "2022-01-01", "2022-06-30")]),
    ("上半年前完成支部换届", "2022-03-01", [("by", None, "2022-06-30")]),
    ("第一季度召开动员会", "2022-01-10", [("range", "2022-01-01", "2022-03-31")]),
    ("3月31日前报送总结", "2022-01-10", [("by", None, "2022-03-31")]),
    ("请于3月27日(周二)前报送", "2018-03-01", [("by", None, "2018-03-27")]),
    ("请于3月27日（星期二）前报送", "2018-03-01", [("by", None, "2018-03-27")]),
    ("评估(2021年6月)", None, [("on", "2021-06-01", "2021-06-30")]),
    ("2021年12月前，组织验收", None, [("by", None, "2021-12-31")]),
    ("十二月底前报送", "2021-07-15", [("by", None, "2021-12-31")]),
    ("年底前完成", "2021-07-15", [("by", None, "2021-12-31")]),
    ("到2023年,争创全国党建工作示范高校", "2020-06-12", [("by", None, "2023-12-31")]),
    ("2023.12.31前完成", "2023-03-01", [("by", None, "2023-12-31")]),
    ("完成时限：2023.12", "2023-03-01", [("by", None, "2023-12-31")]),
    ("2023年7月1日至8月31日集中轮训", "2023-03-01", [("range", "2023-07-01", "2023-08-31")]),
    ("截止时间：2023年6月30日", "2023-03-01", [("by", None, "2023-06-30")]),
    ("在9-10月组织开展中期检查", "2024-03-01", [("range", "2024-09-01", "2024-10-31")]),
    ("2021年年底前完成", "2021-03-01", [("by", None, "2021-12-31")]),
    ("今年年内完成换届", "2021-03-01", [("by", None, "2021-12-31")]),
    ("即日起至2023年6月", "2023-03-01", [("by", None, "2023-06-30")]),
    ("2024年9-10月底前完成", "2024-03-01", [("by", None, "2024-10-31")]),
])
def test_deadline_forms(text, doc_date, expected):
    assert deadlines(text, doc_date) == expected


def test_month_without_year_takes_the_year_written_before_it():
    text = "各二级党委于2024年11月15日前提交总结报告，学校于12月底前完成考核验收。"
    assert deadlines(text, "2023-03-06") == [("by", None, "2024-11-15"), ("by", None, "2024-12-31")]
    # the end of a range does not set the year of what follows
    text = "2024年1月至2025年12月为建设期，第一季度完成方案论证"
    assert deadlines(text, "2024-01-05")[1] == ("range", "2024-01-01", "2024-03-31")


def test_a_single_year_is_due_by_its_end():
    assert deadlines("本年度发展学生党员不少于300名", "2023-03-06") == [("by", None, "2023-12-31")]
    assert deadlines("2025年建成5个样板支部", "2023-03-06") == [("by", None, "2025-12-31")]


def test_month_without_year_already_past_rolls_to_next_year():
    # a plan dated 30 November that asks for something "by 31 March" means next March
    assert deadlines("3月31日前完成", "2020-11-30") == [("by", None, "2021-03-31")]


@pytest.mark.parametrize("text,expected", [
    ("用3年时间建成3个省级思政名师工作室", ("within", "2020-11-30", "2023-11-30")),
    ("建设周期为1年半", ("within", "2020-11-30", "2022-05-30")),
    ("通过3年努力，氛围更加浓厚", ("within", "2020-11-30", "2023-11-30")),
    ("通过一年的建设，培育2个标杆院系", ("within", "2020-11-30", "2021-11-30")),
    ("用两年时间完成", ("within", "2020-11-30", "2022-11-30")),
    ("6个月内完成整改", ("within", "2020-11-30", "2021-05-30")),
])
def test_spans_counted_from_document_date(text, expected):
    assert deadlines(text, "2020-11-30") == [expected]


def test_span_without_document_date_keeps_kind_but_no_dates():
    assert deadlines("建设周期为1年半", None) == [("within", None, None)]


def test_history_and_non_dates_are_not_deadlines():
    assert deadlines("2016 年学校党委在全校党员中开展学习教育", "2020-12-14") == []
    assert deadlines("（浙委办发〔2019〕27号）精神", "2020-12-14") == []
    assert deadlines("制定党务干部3年轮训计划", "2020-11-30") == []
    assert deadlines("中国共产党成立100周年庆祝活动", "2021-07-15") == []
    # already past when the plan was issued: what was done, not what is due
    assert deadlines("2021年3月，学校召开了动员大会", "2021-07-15") == []
    assert deadlines("2022年是学校第三次党代会召开之年", "2022-02-25") == []
    assert deadlines("2023年秋季学期起，分批轮训全体支部书记", "2023-05-08") == []
    assert deadlines("自2023年9月起施行", "2023-05-08") == []


# ---- recurrences -----------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("坚持党委书记和校长每周沟通制度", ("week", None, None, None, None)),
    ("每月定期组织党员集中学习一次", ("month", 1, None, None, None)),
    ("每季度组织开展1次党课教育", ("quarter", 1, None, None, None)),
    ("院级党组织书记每学期至少为基层党支部和党员讲一次党课", ("semester", 1, None, None, None)),
    ("校党委每半年至少听取1次专题工作汇报", ("semester", 1, None, None, None)),
    # (twice a year is once each half-year, as the writers of heldout31..40 put it)
    ("每年至少2次专题研究所属党组织党建工作", ("semester", 1, None, None, None)),
    ("每两年立项确定一批党建创新项目", ("year", None, None, None, None)),
    ("每届任期内至少开展一次全面检查", ("term_of_office", 1, None, None, None)),
    ("学校党委专题研究党建工作会议每学期不少于1次", ("semester", 1, None, None, None)),
    ("确保党员每年参加集中培训和集体学习的时间不少于32学时", ("year", None, None, 32, "学时")),
    ("学校设定每年10月8日为廉政谈话日", ("day", None, "10-08", None, None)),
    ("每位党员教师每年要至少参加1个项目攻坚团队", ("year", None, None, 1, "个")),
    ("每3年开展一次全面考核", ("year", 1, None, None, None)),
    ("党委组织部每两个月通报一次工作进展", ("month", 1, None, None, None)),
    ("每个党支部每年活动经费不少于3000元", ("year", None, None, 3000, "元")),
    ("支部书记轮训一年一次", ("year", 1, None, None, None)),
    ("院级党组织要按年度作出学习安排", ("year", None, None, None, None)),
    ("各党支部按月报送学习情况", ("month", None, None, None, None)),
    ("每季度第一个月召开发展党员工作推进会", ("quarter", None, None, None, None)),
    ("每年发展学生党员约300名", ("year", None, None, 300, "名")),
])
def test_recurrence_forms(text, expected):
    assert recurrences(text) == [expected]


def test_two_recurrences_in_one_sentence_and_lost_digits():
    text = "校级领导班子成员每学期至少给师生上党课1次，每周至少“面对面”与学生沟通交流1次。"
    assert recurrences(text) == [("semester", 1, None, None, None), ("week", 1, None, None, None)]
    # "每月至少召开 次": the digit was lost in extraction, the period is still known
    assert recurrences("党小组会议至少每月召开 次。") == [("month", None, None, None, None)]


def test_each_person_is_not_a_period():
    assert recurrences("每个学院配备1名专职副书记，每名党员要亮身份") == []


def test_yearly_limit_is_a_recurrence_not_a_deadline():
    # 每年年底前: a fixed day each year (12-31), as 每年年底 is
    c = enrich(make_doc([clause("各党支部每年年底前报送工作总结。")])).clauses[0]
    assert [(r.period, r.on) for r in c.recurrences] == [("day", "12-31")]
    assert c.deadlines == []


def test_fixed_day_is_not_also_a_deadline():
    doc = make_doc([clause("学校设定每年10月8日为廉政谈话日。")])
    c = enrich(doc).clauses[0]
    assert [r.on for r in c.recurrences] == ["10-08"]
    assert c.deadlines == []


# ---- targets ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("在校生中党员占比不低于12%", [(">=", 12, None, "%")]),
    ("创建省级党建工作标杆院系、样板支部3-4个", [("=", 3, 4, "个")]),
    ("培养2-3名省级领军人物和拔尖教师", [("=", 2, 3, "名")]),
    ("至少配备1至2名专职组织员", [(">=", 1, 2, "名")]),
    ("聘请15名左右县处级以上领导干部", [("~", 15, None, "名")]),
    ("学习时间不少于56学时", [(">=", 56, None, "学时")]),
    ("实现全校教师党支部书记“双带头人”100%全覆盖", [("=", 100, None, "%")]),
    ("实现党的组织和工作全覆盖", [("=", 100, None, "%")]),
    ("争取培育省级以上党建和思政工作品牌10项", [("=", 10, None, "项")]),
    ("力争建成两个省级样板支部", [("=", 2, None, "个")]),
    ("培育十个校级标杆院系", [("=", 10, None, "个")]),
    ("争取有1/2左右的专业课党员教师承担示范项目", [("~", 50, None, "%")]),
    ("专职党务人员不低于全校师生人数的1%", [(">=", 1, None, "%")]),
    ("每年推荐不少于3所学校参加评选", [(">=", 3, None, "所")]),
    ("发展学生党员20人以上", [(">=", 20, None, "人")]),
    ("培训率达100%", [(">=", 100, None, "%")]),
    ("合格率≥90%，问题率≤5%", [(">=", 90, None, "%"), ("<=", 5, None, "%")]),
    ("不少于总数的三分之一", [(">=", 33.33, None, "%")]),
    ("发展党员100余人", [(">=", 100, None, "人")]),
    ("培育三到五个特色品牌", [("=", 3, 5, "个")]),
])
def test_target_forms(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize("text", [
    "严格执行省委坚决落实“两个维护”十项制度机制",
    "增强“四个意识”、坚定“四个自信”",
    "坚持全覆盖、常态化、重创新、求实效",
    "相关成果原则上不能少于“四个一”",
    "中国共产党成立100周年",
    "3个月内完成整改",
    "申报范围为全校51个党支部",
    "第3个五年规划",
    "用2个学期完成轮训",
    "学校目前设有11个二级学院",
    "已建成3个省级样板支部",
])
def test_not_targets(text):
    assert targets(text) == []


def test_rate_written_with_da_is_not_a_comparator():
    assert targets("完成达标验收，达标率100%") == [("=", 100, None, "%")]


def test_target_subject_and_due_date():
    doc = make_doc([clause("到2022年底在校生中党员占比不低于12%。")])
    t = enrich(doc).clauses[0].targets[0]
    assert (t.subject, t.by) == ("在校生中党员占比", "2022-12-31")


@pytest.mark.parametrize("text,subjects", [
    ("基层党组织书记和班子成员至少参加1次集中培训、学习时间不少于56学时。",
     ["基层党组织书记和班子成员", "学习时间"]),
    ("学校专职党务人员和思想政治工作者不低于全校师生人数的1%。", ["学校专职党务人员和思想政治工作者"]),
    ("培养2-3名省级领军人物和拔尖教师", ["省级领军人物和拔尖教师"]),
    ("实现全校教师党支部书记“双带头人”100%全覆盖", ["全校教师党支部书记“双带头人”"]),
])
def test_target_subjects(text, subjects):
    assert [f.target.subject for f in find_targets(text, LEX)] == subjects


def test_chinese_numerals():
    assert cn_to_int("两") == 2 and cn_to_int("十") == 10 and cn_to_int("二十五") == 25
    assert cn_to_int("一百零八") == 108 and to_number("1/2") == 0.5 and cn_to_int("甲") is None


# ---- departments -----------------------------------------------------------------------

def test_note_lead_and_support_with_canonical_names():
    doc = make_doc([clause("定期召开专题组织生活会。",
                           note="牵头部门:纪委办,配合部门:组织部、各二级学院")])
    c = enrich(doc).clauses[0]
    assert [(d.name, d.canonical) for d in c.lead] == [("纪委办", "纪委办公室")]
    assert [(d.name, d.canonical) for d in c.support] == [
        ("组织部", "党委组织部"), ("各二级学院", "各二级学院")]
    assert all(t.lead == c.lead and t.support == c.support for t in c.tasks)


def test_unknown_departments_in_note_keep_their_name():
    doc = make_doc([clause("修订学校章程。", note="牵头部门:党政办,配合部门:质控办、信息资源中心、招就办")])
    c = enrich(doc).clauses[0]
    assert [d.canonical for d in c.lead] == ["党委（校长）办公室"]
    assert len(c.support) == 3


@pytest.mark.parametrize("text,lead,support", [
    ("培育创建工作在校党委领导下，由党委组织部具体负责组织实施。", ["党委组织部"], []),
    ("由宣传部负责，学工部、团委配合。", ["党委宣传部"], ["党委学生工作部", "团委"]),
    ("人事处牵头，会同教务处制定考核办法。", ["人事处"], ["教务处"]),
    ("牵头单位：党委教师工作部；配合单位：人事处、教务处", ["党委教师工作部"],
     ["人事处", "教务处"]),
    ("责任部门：学生处", ["党委学生工作部"], []),
    ("由国际教育学院具体负责", ["国际教育学院"], []),
    ("由党委办公室牵头，纪检监察室参与。", ["党委办公室"], ["纪委办公室"]),
    ("健全党支部参与重要事项决策机制，党政共同参与。", [], []),
    ("党委组织部牵头负责，各学院党委协同推进。", ["党委组织部"], ["各学院党委"]),
    ("由党委学生工作部具体负责，团委、各学院党委配合。", ["党委学生工作部"], ["团委", "各学院党委"]),
    ("组织部会同学工部、研究生工作部具体实施。", ["党委组织部"], ["党委学生工作部", "党委研究生工作部"]),
    ("认真落实省委组织部牵头的工作，加强与北仑区委组织部合作。", [], []),
    ("领导小组下设办公室，负责统筹协调；校长全面负责行政工作；完善党委领导下的校长负责制。", [], []),
])
def test_prose_and_label_responsibility(text, lead, support):
    c = enrich(make_doc([clause(text)])).clauses[0]
    assert [d.canonical for d in c.lead] == lead
    assert [d.canonical for d in c.support] == support


def test_party_bodies_can_lead_but_persons_cannot():
    c = enrich(make_doc([clause("由各二级学院党委负责组织实施，院长具体负责。")])).clauses[0]
    assert [d.name for d in c.lead] == ["各二级学院党委"]


def test_labels_on_separate_lines_with_a_bracketed_name_and_a_time_limit():
    note = "牵头单位：党委组织部（党校）配合单位：人事处完成时限：2022年12月"
    c = enrich(make_doc([clause("加强党务干部队伍建设。", note=note)], date="2022-02-25")).clauses[0]
    assert [(d.name, d.canonical) for d in c.lead] == [("党委组织部（党校）", "党委组织部")]
    assert [d.canonical for d in c.support] == ["人事处"]
    assert [(d.kind, d.end) for d in c.deadlines] == [("by", "2022-12-31")]


def test_departments_sharing_a_duty():
    c = enrich(make_doc([clause("党委组织部、党委宣传部按职责分工负责。")])).clauses[0]
    assert [d.canonical for d in c.lead] == ["党委组织部", "党委宣传部"]


def test_lead_marked_inside_a_list_of_responsible_units():
    note = "责任单位：党委组织部（牵头）、党委教师工作部、科研处"
    c = enrich(make_doc([clause("培育党建品牌项目。", note=note)])).clauses[0]
    assert [d.canonical for d in c.lead] == ["党委组织部"]
    assert [d.canonical for d in c.support] == ["党委教师工作部", "科研处"]


def test_roles_and_outside_bodies_are_not_lead():
    text = ("健全学校党委书记牵头、分管副书记具体负责的领导机制。认真贯彻落实省委组织部"
            "《关于进一步提高发展党员质量的指导意见》，加强与北仑区委组织部合作。校长全面负责学校行政工作。")
    c = enrich(make_doc([clause(text)])).clauses[0]
    assert c.lead == [] and c.support == []
    assert "学校党委书记" in c.actors and "组织部" not in c.actors


def test_task_names_its_own_lead():
    text = "加强党员教育培训。宣传部负责网络阵地管理。"
    c = enrich(make_doc([clause(text, note="牵头部门:组织部")])).clauses[0]
    assert [d.canonical for d in c.lead] == ["党委组织部", "党委宣传部"]
    assert [[d.canonical for d in t.lead] for t in c.tasks] == [["党委组织部"], ["党委宣传部"]]


def test_corpus_lexicon_extends_aliases(tmp_path):
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "departments.tsv").write_text(
        "# 本校别名\n组宣部\t党委组织部\n", encoding="utf-8")
    doc = make_doc([clause("组宣部牵头推进。")], path=str(tmp_path / "plan.txt"))
    c = enrich(doc).clauses[0]
    assert [(d.name, d.canonical) for d in c.lead] == [("组宣部", "党委组织部")]


def test_user_lexicon_folder_from_environment(tmp_path, monkeypatch):
    folder = tmp_path / "mylex"
    folder.mkdir()
    (folder / "departments.tsv").write_text("党建办\t党委组织部\n", encoding="utf-8")
    (folder / "roles.txt").write_text("书院党委\t机构\n", encoding="utf-8")
    monkeypatch.setenv("PBDOCS_LEXICON", str(folder))
    c = enrich(make_doc([clause("党建办牵头，书院党委配合。")])).clauses[0]
    assert [(d.name, d.canonical) for d in c.lead] == [("党建办", "党委组织部")]
    assert [d.name for d in c.support] == ["书院党委"]


# ---- references, tasks, phases ---------------------------------------------------------

def test_references_with_nested_titles():
    text = ("根据《广东省教育系统贯彻落实〈广东省加强党的基层组织建设三年行动计划（2021-2023年）〉实施方案》"
            "和《中国共产党支部工作条例（试行）》精神。")
    c = enrich(make_doc([clause(text)], date="2021-07-15")).clauses[0]
    assert c.references == [
        "广东省教育系统贯彻落实〈广东省加强党的基层组织建设三年行动计划（2021-2023年）〉实施方案",
        "中国共产党支部工作条例（试行）"]
    assert c.deadlines == []  # the years inside a title are not a time limit


def test_phase_heading_applies_to_clause_under_it():
    sections = [Section(path=["三"], level=1, number="三、", heading="组织实施"),
                Section(path=["三", "1"], level=2, number="1.", heading="申报（2020年4月-5月）")]
    c = clause("各党组织填写申报书。申报材料于2020年5月底前统一报送党委组织部。", path=("三", "1"))
    c = enrich(make_doc([c], date=None, sections=sections)).clauses[0]
    assert [(d.kind, d.start, d.end) for d in c.deadlines] == [
        ("range", "2020-04-01", "2020-05-31"), ("by", None, "2020-05-31")]
    assert [[d.kind for d in t.deadlines] for t in c.tasks] == [["range"], ["by"]]


def test_time_in_a_heading_kept_apart_from_the_text():
    c = clause("各单位报送总结。", path=("三", "3"), heading="评估(2021年6月)")
    c = enrich(make_doc([c], date=None)).clauses[0]
    assert [(d.kind, d.start, d.end) for d in c.deadlines] == [("on", "2021-06-01", "2021-06-30")]


def test_tasks_split_sentences_and_skip_heading():
    text = "实施组织力提升工程。严格执行“三会一课”制度；每学期开展互查互评。"
    c = enrich(make_doc([clause(text, heading="实施组织力提升工程")])).clauses[0]
    assert [t.text for t in c.tasks] == ["严格执行“三会一课”制度；", "每学期开展互查互评。"]
    assert [len(t.recurrences) for t in c.tasks] == [0, 1]


# ---- an imaginary other university -----------------------------------------------------

def test_other_university_plan():
    text = ("到2025年6月底，全校教师党支部书记“双带头人”比例达到90%以上；"
            "每学期至少开展2次主题党日活动，每年组织不少于24学时的集中轮训。"
            "由组织部门牵头，会同宣传部门、校团委具体实施。")
    c = enrich(make_doc([clause(text)], date="2023-03-01")).clauses[0]
    assert [(d.kind, d.end) for d in c.deadlines] == [("by", "2025-06-30")]
    assert [(t.op, t.value, t.unit) for t in c.targets] == [(">=", 90, "%")]
    assert [(r.period, r.min_times, r.amount, r.unit) for r in c.recurrences] == [
        ("semester", 2, None, None), ("year", None, 24, "学时")]
    assert [d.canonical for d in c.lead] == ["党委组织部"]
    assert [d.canonical for d in c.support] == ["党委宣传部", "团委"]


def test_other_university_schedule():
    text = "2024年1月至2025年12月为建设期，第一季度完成方案论证，下半年前完成中期检查，建成5个样板党支部。"
    c = enrich(make_doc([clause(text)], date="2024-01-05")).clauses[0]
    assert [(d.kind, d.start, d.end) for d in c.deadlines] == [
        ("range", "2024-01-01", "2025-12-31"), ("range", "2024-01-01", "2024-03-31"),
        ("by", None, "2024-12-31")]
    assert [(t.value, t.unit) for t in c.targets] == [(5, "个")]


# ---- laziness --------------------------------------------------------------------------

def test_importing_extract_does_not_import_spacy():
    code = "import pbdocs.extract, sys; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---- robustness ------------------------------------------------------------------------

def test_odd_input_never_raises_and_stays_in_the_contract(schema):
    import json
    import random

    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    rng = random.Random(7)
    alphabet = list("每年月日前底至到-—～半季度学期周届次个名项%不少于低至少以上左右达到全覆盖"
                    "牵头负责配合会同由部处办党委组织宣传（）()《》〈〉“”，。；：:、0123456789"
                    "一二两三十百第用时间内起是 \n")
    for i in range(100):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        note = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) if i % 3 else None
        doc = make_doc([clause(text, note=note, heading=text[:8] or None)],
                       date=rng.choice([None, "2020-11-30", "2020-13-45", "不是日期"]),
                       sections=[Section(path=["二"], level=1, number="二", heading=text[:12])])
        data = json.loads(json.dumps(enrich(doc).to_dict()))
        data["date"] = None  # the malformed dates above are the input's, not extraction's
        validator.validate(data)


def test_next_year_is_not_a_count():
    # 次年 is "the following year", so 一次 further on is the count
    assert recurrences("述职评议每年12月至次年1月开展一次") == [("year", 1, None, None, None)]


def test_minutes_are_measured():
    assert targets("每人述职时间不超过10分钟") == [("<=", 10, None, "分钟")]


def test_matter_before_you_names_who_is_responsible():
    c = enrich(make_doc([clause("本办法由党委组织部负责解释。")])).clauses[0]
    assert [d.canonical for d in c.lead] == ["党委组织部"]


def test_a_year_naming_a_document_is_not_a_limit():
    assert deadlines("现将2022年基层党建工作任务清单印发如下", "2022-02-18") == []
    assert deadlines("各单位要对照2023年度党建工作要点抓好落实", "2023-01-05") == []
    # a verb after the year: the year is when the work is due
    assert deadlines("2025年完成工作方案修订", "2023-01-05") == [("by", None, "2025-12-31")]


def test_pieces_of_work_are_measured():
    assert recurrences("各党支部每学期至少办成2件实事") == [("semester", None, None, 2, "件")]


@pytest.mark.parametrize("note,lead,support,end", [
    ("牵头：党委组织部；配合：党委宣传部、团委", ["党委组织部"], ["党委宣传部", "团委"], None),
    ("责任处室：党委组织部；协助单位：人事处；完成期限：2022年6月", ["党委组织部"], ["人事处"],
     "2022-06-30"),
    ("牵头部门：信息化办公室 配合部门：党委组织部 完成时间：2022年10月", ["信息化中心"],
     ["党委组织部"], "2022-10-31"),
    ("主要责任单位：党委宣传部；时间节点：2022年9月", ["党委宣传部"], [], "2022-09-30"),
])
def test_other_ways_of_writing_a_responsibility_note(note, lead, support, end):
    c = enrich(make_doc([clause("加强书记培训。", note=note)], date="2022-02-25")).clauses[0]
    assert [d.canonical for d in c.lead] == lead
    assert [d.canonical for d in c.support] == support
    assert [d.end for d in c.deadlines] == ([end] if end else [])


def test_once_a_period_written_yi_nian_yi():
    assert recurrences("党支部书记一年一述职，党员一年一评议。") == [
        ("year", 1, None, None, None), ("year", 1, None, None, None)]


def test_a_list_ending_in_deng_bumen_still_supports():
    c = enrich(make_doc([clause("党委宣传部牵头，党委组织部、团委等部门配合。")])).clauses[0]
    assert [d.canonical for d in c.lead] == ["党委宣传部"]
    assert [d.canonical for d in c.support] == ["党委组织部", "团委"]


def test_calendar_year_with_nei_is_not_a_span_of_years():
    assert deadlines("2022年内完成全部换届", "2022-03-01") == [("by", None, "2022-12-31")]
    assert deadlines("3年内完成", "2022-03-01") == [("within", "2022-03-01", "2025-03-01")]


def test_qianhou_is_around_a_day_not_before_it():
    assert deadlines("2022年7月1日前后举行表彰大会", "2022-03-01") == [
        ("on", "2022-07-01", "2022-07-01")]


def test_middle_and_late_part_of_a_month():
    assert deadlines("3月中下旬召开推进会", "2022-03-01") == [("range", "2022-03-11", "2022-03-31")]  # days, not a month


@pytest.mark.parametrize("text,expected", [
    ("学生党员占比保持在8%—10%", [("=", 8, 10, "%")]),
    ("建设党建工作室不少于10间", [(">=", 10, None, "间")]),
    ("教师党员比例提高5个百分点", [("=", 5, None, "个百分点")]),
])
def test_more_target_forms(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize("text,lead,support", [
    ("党委组织部负总责，各二级党组织具体落实。", ["党委组织部"], []),
    ("人事处、教务处要积极配合党委组织部做好相关工作。", ["党委组织部"], ["人事处", "教务处"]),
    ("该项工作由党委学生工作部（武装部）牵头，团委配合。", ["党委学生工作部"], ["团委"]),
    ("党委办公室、校长办公室（简称“两办”）负责督查督办。", ["党委办公室", "校长办公室"], []),
    ("各学院党委配合做好相关工作。", [], ["各学院党委"]),
])
def test_more_responsibility_frames(text, lead, support):
    c = enrich(make_doc([clause(text)])).clauses[0]
    assert [d.canonical for d in c.lead] == lead
    assert [d.canonical for d in c.support] == support


def test_more_than_n_of_something_is_a_condition_not_a_goal():
    assert targets("党员人数超过50人的党支部应当分设") == []
    assert targets("教师党员比例超过60%") == [(">=", 60, None, "%")]


def test_the_years_theme_is_not_a_limit():
    assert deadlines("2024年学校党建工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导", "2024-03-01") == []
    assert deadlines("2024年完成全部党支部换届", "2024-03-01") == [("by", None, "2024-12-31")]


def test_a_range_of_days_in_one_month():
    assert deadlines("2023年4月10日至14日举办培训班", "2023-03-01") == [
        ("range", "2023-04-10", "2023-04-14")]
    assert deadlines("4月10日—14日举办", "2023-03-01") == [("range", "2023-04-10", "2023-04-14")]


def test_one_theme_a_year_is_not_a_duty():
    assert recurrences("坚持一年一主题持续推进") == []
