"""Round 26 (issue 12): who a task goes to when the plan names a body in charge of it all."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row

_PLAN = [
    "中共示例大学委员会",
    "关于加强新时代青年教师思想政治工作的实施意见",
    "一、主要任务",
    "1.每年选树一批优秀青年教师典型，通过校园网、新媒体平台广泛宣传其先进事迹。",
    "2.建立青年教师成长档案，每学期更新一次。",
    "二、组织实施",
    "（一）加强组织领导。由党委教师工作部具体负责组织实施。",
    "（二）强化督促检查。2028年6月底前对本意见落实情况开展一次专项督查。",
    "中共示例大学委员会",
    "2027年3月1日",
]


def _lead(doc, words):
    return [(d.canonical, d.basis) for d in _row(doc, words).lead]


def test_the_body_in_charge_leaves_a_phrase_that_names_the_duty_to_its_owner(tmp_path):
    doc = _parse(tmp_path, _PLAN)
    # 宣传其先进事迹 says the sentence is publicity, though 宣传 alone is a broad term
    assert _lead(doc, "广泛宣传其先进事迹") == [("党委宣传部", "suggested")]
    # checking how the committee's own document is carried out is the 党委办公室's (督查督办)
    assert _lead(doc, "对本意见落实情况开展一次专项督查") == [("党委办公室", "suggested")]
    # the rest stays with the body the plan puts in charge
    assert _lead(doc, "建立青年教师成长档案") == [("党委教师工作部", "suggested")]


_RULES = [
    "中共示例大学委员会",
    "关于加强高层次人才联系服务工作的实施意见",
    "一、主要任务",
    "1.开通高层次人才服务“绿色通道”，对联系对象反映的问题，相关部门应在10个工作日内办理并反馈。",
    "2.严格执行党支部书记选配标准，党支部书记出现空缺的，所在二级党组织应在1个月内完成增补。",
    "3.校领导收集的意见建议交相关职能部门。相关职能部门应在15个工作日内办理完毕并反馈。",
    "4.本意见印发后1个月内，各单位制定具体措施。",
    "中共示例大学委员会",
    "2027年3月1日",
]


def test_a_span_for_each_case_is_a_standing_rule_not_a_date(tmp_path):
    doc = _parse(tmp_path, _RULES)
    # a span after a clause that states the case, or for the answer to each case, holds
    # each time: no date counted from the plan's own
    for words in ("相关部门应在10个工作日内办理", "在1个月内完成增补", "在15个工作日内办理完毕"):
        row = _row(doc, words)
        assert (row.kind, row.deadlines) == ("ongoing", []), (words, row)
    # counted from the plan's issue, it is a date
    row = _row(doc, "制定具体措施")
    assert row.kind == "once" and row.deadlines[0].end == "2027-04-01", row


def test_a_span_in_hours_holds_each_time(tmp_path):
    doc = _parse(tmp_path, ["中共示例大学委员会",
                            "2027年网络意识形态工作方案",
                            "一、主要任务",
                            "1.持续做好网络舆情监测和研判处置，重大舆情2小时内报告。",
                            "2.各二级党组织发现涉校舆情苗头，须在1小时内报告党委宣传部。",
                            "中共示例大学委员会",
                            "2027年3月1日"])
    for words in ("重大舆情2小时内报告", "须在1小时内报告"):
        row = _row(doc, words)
        assert (row.kind, row.deadlines) == ("ongoing", []), (words, row)


def _month_notice(when):
    return ["中共示例大学委员会宣传部",
            "关于开展2027年“网络文明”主题宣传月活动的通知",
            "各单位：",
            "一、活动时间",
            f"{when}。",
            "二、活动内容",
            "（一）组织师生党员学习网络文明相关法律法规。",
            "（二）组织“网络文明志愿者”开展网络谣言辨析宣传活动。",
            "中共示例大学委员会宣传部",
            "2027年4月20日"]


def test_a_campaign_month_written_as_days_dates_its_activities_by_its_last_day(tmp_path):
    doc = _parse(tmp_path, _month_notice("5月1日至31日"))
    for words in ("学习网络文明相关法律法规", "开展网络谣言辨析"):
        row = _row(doc, words)
        assert [(d.kind, d.start, d.end, d.inferred) for d in row.deadlines] == [
            ("by", None, "2027-05-31", True)], (words, row.deadlines)
    # a period of several months keeps its span
    (tmp_path / "b").mkdir()
    doc = _parse(tmp_path / "b", _month_notice("5月1日至6月30日"))
    row = _row(doc, "学习网络文明相关法律法规")
    assert [(d.kind, d.start, d.end) for d in row.deadlines] == [
        ("range", "2027-05-01", "2027-06-30")], row.deadlines


def test_a_branch_notice_leaves_accountability_and_honours_to_their_owners(tmp_path):
    doc = _parse(tmp_path, ["中共示例大学委员会组织部",
                            "关于开展2027年度民主评议党员工作的通知",
                            "各二级党组织：",
                            "一、评议步骤",
                            "（一）组织党员填写《民主评议党员测评表》，当场计票、当场公布。",
                            "（二）对评为优秀的党员，在2028年“七一”表彰中优先推荐。",
                            "（三）对走过场、弄虚作假的，视情节予以通报批评，并追究相关人员责任。",
                            "中共示例大学委员会组织部",
                            "2027年12月1日"])
    assert _lead(doc, "组织党员填写") == [("党支部", "suggested")]
    assert _lead(doc, "表彰中优先推荐") == [("党委组织部", "suggested")]
    assert _lead(doc, "追究相关人员责任") == [("纪委", "suggested")]


def test_an_officer_after_the_time_that_opens_the_sentence_does_the_work(tmp_path):
    doc = _parse(tmp_path, ["中共示例大学委员会宣传部",
                            "党委理论学习中心组2027年学习计划",
                            "一、学习安排",
                            "1.每季度开展一次专题研讨。",
                            "2.暑假期间中心组成员开展个人自学，每人撰写学习心得1篇。",
                            "中共示例大学委员会宣传部",
                            "2027年2月1日"])
    assert _lead(doc, "暑假期间中心组成员开展个人自学") == [("中心组成员", "text")]
    assert _lead(doc, "每季度开展一次专题研讨") == [("党委宣传部", "suggested")]


def test_a_dated_first_batch_then_a_cadence_are_two_rows(tmp_path):
    doc = _parse(tmp_path, ["中共示例大学委员会",
                            "巡察工作规划（2027—2031年）",
                            "一、主要任务",
                            "1.党委组织部会同巡察办建立巡察干部人才库，2027年6月底前完成首批入库，"
                            "此后每年动态调整。",
                            "中共示例大学委员会",
                            "2027年3月1日"])
    first = _row(doc, "完成首批入库")
    assert (first.kind, first.deadlines[0].end) == ("once", "2027-06-30"), first
    later = _row(doc, "此后每年动态调整")
    assert later is not first and later.kind == "recurring", later
    assert later.recurrences[0].period == "year"


def test_the_committees_office_issuing_a_plan_leaves_its_work_to_the_titles_duty(tmp_path):
    doc = _parse(tmp_path, ["中共示例大学委员会办公室",
                            "关于印发《党委理论学习中心组2027年学习计划》的通知",
                            "各二级党组织，机关各部门：",
                            "现将《党委理论学习中心组2027年学习计划》印发给你们，请认真组织实施。",
                            "中共示例大学委员会办公室",
                            "2027年1月18日",
                            "党委理论学习中心组2027年学习计划",
                            "一、学习安排",
                            "1.3月，学习全国“两会”精神，开展专题研讨。",
                            "2.上半年组织一次现场教学。"])
    for words in ("学习全国“两会”精神", "组织一次现场教学"):
        assert _lead(doc, words) == [("党委宣传部", "suggested")], words


def test_a_phase_label_with_a_dated_headline_dates_its_work(tmp_path):
    doc = _parse(tmp_path, ["中共示例大学委员会",
                            "附属医院党建工作质量提升三年行动方案（2027—2029年）",
                            "一、实施步骤",
                            "（一）第一阶段：部署启动（2027年）。开展一次党建工作基础情况摸底调查。",
                            "（二）第二阶段：全面推进（2028年）。对照问题清单逐项整改。",
                            "中共示例大学委员会",
                            "2027年3月1日"])
    assert _row(doc, "摸底调查").deadlines[0].end == "2027-12-31"
    assert _row(doc, "逐项整改").deadlines[0].end == "2028-12-31"
    # the headline is the phase's, no task of its own
    assert not [t for c in doc.clauses for t in c.tasks if t.text.startswith("全面推进")]


def _integrity_notice(issuer):
    return [issuer,
            "关于开展2027年廉洁文化进校园活动的通知",
            "各单位：",
            "一、活动内容",
            "（一）举办“廉洁家风”主题分享会。",
            "（二）依托校史馆建设廉洁文化教育长廊。",
            issuer,
            "2027年3月10日"]


def test_the_issuing_office_does_the_work_of_the_body_it_serves(tmp_path):
    # the 纪委办公室's own notice: the 纪委's work the duty table finds is the office's
    doc = _parse(tmp_path, _integrity_notice("中共示例大学纪律检查委员会办公室"))
    for words in ("主题分享会", "廉洁文化教育长廊"):
        assert _lead(doc, words) == [("纪委办公室", "suggested")], words
    (tmp_path / "b").mkdir()
    doc = _parse(tmp_path / "b", _integrity_notice("中共示例大学纪律检查委员会"))
    assert _lead(doc, "主题分享会") == [("纪委", "suggested")]


def test_a_body_put_into_something_is_not_its_doer(tmp_path):
    doc = _parse(tmp_path, ["中共示例大学委员会",
                            "关于加强专职组织员队伍建设的实施办法",
                            "第一条　专职组织员纳入学校专职思想政治工作队伍统一管理。",
                            "中共示例大学委员会",
                            "2027年3月1日"])
    assert _lead(doc, "纳入学校专职思想政治工作队伍") == [("党委组织部", "suggested")]
