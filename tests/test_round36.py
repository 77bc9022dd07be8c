"""Round 36 (issue 12): a department is not suggested for what is sent to it."""

from __future__ import annotations

from tests.test_round13 import _parse
from tests.test_round20 import _row
from tests.test_round35 import _bundled, _plan

_SENT = [
    "复核结束后，于10月28日前将自查复核报告和《党费收缴情况统计表》报送党委组织部。",
    "新开设的新媒体账号须在开通后5个工作日内报党委宣传部备案。",
    "廉政谈话后一周内撰写心得体会，交纪委。",
    "党委组织部每年对党费收缴情况开展一次专项检查。",
    "每年举办一次党费工作专题培训。",
]


def test_a_department_is_not_suggested_for_what_is_sent_to_it(tmp_path):
    doc = _plan(tmp_path, "关于进一步规范党费工作的实施意见", _SENT,
                preamble="为规范党费收缴、使用和管理，结合学校实际，提出如下意见。")
    # what is sent to the 组织部, reported to the 宣传部 or handed to the 纪委 is not those
    # departments' work: nothing is suggested (未定) rather than the receiver
    for words in ("统计表》报送党委组织部", "报党委宣传部备案", "交纪委"):
        assert _row(doc, words).lead == [], words
    # the duty still names the department for its own work, and a named doer stays
    assert [(d.canonical, d.basis) for d in _row(doc, "专题培训").lead] == [
        ("党委组织部", "suggested")]
    assert [(d.canonical, d.basis) for d in _row(doc, "专项检查").lead] == [
        ("党委组织部", "text")]


_JOINT = [
    "中共示例大学委员会组织部",
    "中共示例大学委员会办公室",
    "关于开展二级学院党政联席会议制度执行情况专项检查的通知",
    "各二级学院党委（党总支）：",
    "为推动二级学院党政联席会议制度落实，经研究，决定开展专项检查。现将有关事项通知如下。",
    "一、工作安排",
    "（一）各学院于5月20日前完成自查，形成自查报告。",
    "（二）6月上旬，组织检查组进行现场抽查，查阅会议记录。",
    "（三）检查结果在全校通报。",
    "中共示例大学委员会组织部　　中共示例大学委员会办公室",
    "2027年5月6日",
]


def test_a_joint_notice_is_organised_by_its_first_issuer(tmp_path):
    doc = _parse(tmp_path, _JOINT)
    # two issuers on the signature line: the notice's own work is the first one's, a
    # department, not one body named by both names run together
    for words in ("现场抽查", "全校通报"):
        assert [(d.name, d.canonical, d.basis) for d in _row(doc, words).lead] == [
            ("党委组织部", "党委组织部", "suggested")], words
    assert [d.canonical for d in _row(doc, "完成自查").lead] == ["各二级学院"]


def test_festivals_named_as_times_are_before_each_of_them(tmp_path):
    doc = _plan(tmp_path, "2027年党风廉政建设工作要点", [
        "紧盯元旦春节、中秋国庆等重要节点，节前发送廉洁提醒，节日期间开展作风明察暗访。"],
        issuer="中共示例大学纪律检查委员会", preamble="现将2027年工作要点印发如下。")
    # festivals in both halves of the year, written as 等重要节点，节前: twice a year, as
    # 元旦春节、中秋国庆等节前 is
    row = _row(doc, "发送廉洁提醒")
    assert row.kind == "recurring"
    assert [r.period for r in row.recurrences] == ["semester"]


def test_an_untitled_plan_gets_a_suggested_title_in_the_remark_only(runner, tmp_path):
    r, d = _bundled(runner, tmp_path, "notice", "nbpt-2020-sanji.txt")
    # the preamble says what the text is (…全面开展党建“三级联创”工作…现提出如下实施意见): the
    # remark offers that as a title to check
    assert "标题可拟为《关于全面开展党建“三级联创”工作的实施意见》（工具建议，请核对）" in r.output
    # the notice itself keeps the placeholder: a suggestion is not put in as a fact
    text = "\n".join(p.text for p in d.paragraphs)
    assert "（文件标题）" in text and "三级联创”工作的实施意见" not in text


def test_no_title_is_suggested_without_a_genre_or_a_work(tmp_path):
    from pbdocs.metadata import suggested_title

    doc = _parse(tmp_path, ["为规范工作，结合实际，现通知如下。", "一、工作安排",
                            "（一）各单位于5月20日前完成自查。"])
    assert doc.title is None and suggested_title(doc) is None


def test_a_row_without_a_lead_says_it_is_to_be_decided(runner, tmp_path):
    r, d = _bundled(runner, tmp_path, "taskbook", "shifan-chuangjian-2020.txt")
    assert "未定 1" in r.output
    col = [c.text for c in d.tables[0].rows[0].cells].index("牵头部门")
    row = next(row for table in d.tables for row in table.rows
               if "统一报送党委组织部" in row.cells[2].text)
    # the applications sent to the 组织部 name no sender: the cell says so, not blank
    assert row.cells[col].text == "（待定）"
    notes = "\n".join(p.text for p in d.paragraphs)
    assert "牵头部门为“（待定）”的，原文未写明由谁负责，请确定后再下发。" in notes


_CENTRE = [
    "示例学院学生资助管理中心",
    "关于做好2027年秋季学期家庭经济困难学生认定工作的通知",
    "各二级学院：",
    "为做好家庭经济困难学生认定工作，现将有关事项通知如下。",
    "一、工作安排",
    "（一）11月上旬组织抽查复核，形成认定工作报告。",
    "（二）认定结果于11月5日前报省学生资助管理中心备案。",
    "示例学院学生资助管理中心",
    "2027年9月3日",
]


def test_a_centre_or_an_office_signs_its_own_notice(tmp_path):
    doc = _parse(tmp_path, _CENTRE)
    # a unit named …中心 (or …处, …馆) over the date is the issuer, not its institution
    assert doc.issuer == "示例学院学生资助管理中心" and doc.institution == "示例学院"
    # and its notice's own work is its own, not the 学生工作部's for 资助
    lead = _row(doc, "组织抽查复核").lead
    assert [d.canonical for d in lead] == ["学生资助管理中心"]


def test_an_offices_notice_does_the_work_no_duty_fits(tmp_path):
    doc = _parse(tmp_path, ["示例学院校友工作办公室", "关于做好2027年校友返校日活动的通知",
                            "各二级学院：", "现将返校日活动有关事项通知如下。", "一、活动安排",
                            "（一）10月12日召开校友总会年度理事会。",
                            "（二）在学校东门设立校友服务站。",
                            "示例学院校友工作办公室", "2027年9月6日"])
    # neither the sentences nor the title fit a duty: the issuing office's own work, not 未定
    for words in ("校友总会年度理事会", "校友服务站"):
        assert [d.canonical for d in _row(doc, words).lead] == ["校友工作办公室"], words


def test_a_units_branch_named_in_full_does_its_work(tmp_path):
    doc = _plan(tmp_path, "2027年后勤党建工作计划", [
        "饮食服务中心党支部要带头落实食品安全“日管控、周排查、月调度”机制。",
        "要找准基层党组织服务师生的切入点。"],
        issuer="中共示例大学后勤委员会", preamble="现将2027年党建工作计划印发如下。")
    # a unit's name before a known body (饮食服务中心 + 党支部) is that body, the doer
    assert [(d.name, d.basis) for d in _row(doc, "带头落实食品安全").lead] == [
        ("饮食服务中心党支部", "text")]
    # a verb before one (找准 + 基层党组织) is no name
    assert all("找准" not in d.name for d in _row(doc, "找准基层党组织").lead)
