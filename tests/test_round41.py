"""Round 41 (issue 12): a limit counted from the end of the event a notice holds, whose days
its time part writes in a sentence that is no task."""

from __future__ import annotations

from pbdocs.extract.tasks import due_of
from tests.test_round13 import _parse
from tests.test_round20 import _row
from tests.test_round38 import _lead

_CLASS = [
    "中共示例大学委员会组织部",
    "关于举办2027年党务干部读书班的通知",
    "各二级党组织：",
    "根据《中共示例大学委员会干部教育培训规划》要求，为进一步提高党务干部理论水平，经学校党委同意，"
    "定于6月下旬举办2027年党务干部读书班。现将有关事项通知如下。",
    "一、时间和地点",
    "6月21日至25日，共5天。集中学习在党校报告厅进行。",
    "二、有关要求",
    "（一）各单位于6月11日前将参学回执报党委组织部。",
    "（二）党委宣传部将优秀心得汇编成《2027年党务干部读书班心得选编》，于9月底前印发。",
    "（三）党委组织部要在读书班结束后两周内形成工作总结。",
    "（四）各单位要在重要活动结束后2个工作日内将新闻稿发送至党委宣传部邮箱。",
    "中共示例大学委员会组织部",
    "2027年5月28日",
]


def test_a_limit_counts_from_the_end_of_the_class_the_notice_holds(tmp_path):
    doc = _parse(tmp_path, _CLASS)
    # two weeks after 6月25日, not after the 选编 whose title names the class, nor after the
    # 6月下旬 the preamble names
    due = due_of(_row(doc, "读书班结束后两周内"))
    assert (due["kind"], due["end"], due["inferred"]) == ("by", "2027-07-09", True), due
    # each important activity's own end: a standing rule
    assert due_of(_row(doc, "重要活动结束后2个工作日内"))["kind"] != "by"


_SESSIONS = [
    "中共示例大学委员会组织部",
    "关于举办2027年党支部书记示范培训班的通知",
    "各二级党组织：",
    "为提升党支部书记履职能力，现将有关事项通知如下。",
    "一、班次和时间",
    "培训分两个班次进行。二级党组织书记班7月13日至15日举办；党支部书记班7月19日至23日举办。",
    "二、培训要求",
    "（一）培训期间每半天签到一次，由班委负责考勤。",
    "（二）学员须在结业后10日内通过平台提交学习心得1篇。",
    "中共示例大学委员会组织部",
    "2027年6月1日",
]


def test_a_training_in_two_sessions_runs_from_the_first_start_to_the_last_end(tmp_path):
    doc = _parse(tmp_path, _SESSIONS)
    due = due_of(_row(doc, "培训期间每半天签到一次"))
    assert (due["kind"], due["start"], due["end"]) == ("range", "2027-07-13", "2027-07-23"), due
    # ten days after the last session ends
    due = due_of(_row(doc, "结业后10日内"))
    assert (due["kind"], due["end"], due["inferred"]) == ("by", "2027-08-02", True), due


_TIMED_DOER = [
    "中共示例大学委员会学生工作部",
    "关于开展2027年寒假学生党员志愿服务活动的通知",
    "各学院党委：",
    "现将有关事项通知如下。",
    "一、有关要求",
    "（一）辅导员寒假期间要保持通讯畅通，遇有突发情况及时报告学院党委。",
    "中共示例大学委员会学生工作部",
    "2027年1月5日",
]


def test_a_doer_before_a_time_and_a_modal_is_named_in_the_text(tmp_path):
    doc = _parse(tmp_path, _TIMED_DOER)
    assert _lead(doc, "辅导员寒假期间要保持通讯畅通") == [("辅导员", "text")]


_NAMED = [
    "中共示例大学委员会",
    "关于加强基层组织建设的实施方案",
    "各二级党组织、各部门：",
    "为加强基层组织建设，制定本方案。",
    "一、主要任务",
    "（一）结对党支部每学期至少与企业党组织联合开展1次主题党日活动。",
    "（二）图书馆、艺术馆要常态化开展经典阅读和馆藏作品导赏活动。",
    "（三）航海学院、轮机工程学院要面向帮扶县青年开展船员职业技能培训。",
    "（四）被巡察单位党组织书记是配合巡察工作的第一责任人，要如实报告情况。",
    "（五）党委学生工作部要配合做好毕业生党员档案核查。",
    "（六）党员、干部要带头遵守党的纪律。",
    "（七）可个人参加，也可组队参加，每队不超过4人，每人限报1件作品。",
    "中共示例大学委员会",
    "2027年3月1日",
]


def test_doers_the_sentence_opens_with_are_named_in_the_text(tmp_path):
    doc = _parse(tmp_path, _NAMED)
    assert _lead(doc, "结对党支部每学期") == [("结对党支部", "text")]
    # units listed before the modal, known to the lexicon or named as units are
    assert _lead(doc, "图书馆、艺术馆要") == [("图书馆", "text"), ("艺术馆", "text")]
    assert _lead(doc, "航海学院、轮机工程学院要") == [
        ("航海学院", "text"), ("轮机工程学院", "text")]
    # a unit named by what is done to it
    assert _lead(doc, "被巡察单位党组织书记是") == [("被巡察单位党组织书记", "text")]
    # a department that 要配合做好… with nobody it assists does it
    assert _lead(doc, "党委学生工作部要配合做好") == [("党委学生工作部", "text")]
    # persons listed are no units
    assert ("党员", "text") not in _lead(doc, "党员、干部要带头遵守")
    # a permission (可…参加) names no doer
    assert ("可个人", "text") not in _lead(doc, "可个人参加")


_SECOND_NAME = [
    "党委宣传部（党委网络安全和信息化工作办公室）",
    "示大宣〔2027〕14号",
    "关于开展2027年校园网络文化作品征集展示活动的通知",
    "各学院党委（党总支），各部门，各直属单位：",
    "为繁荣校园网络文化，决定开展作品征集展示活动。现将有关事项通知如下。",
    "一、征集要求",
    "（一）各学院党委于10月20日前将推荐作品报党委宣传部。",
    "党委宣传部（党委网络安全和信息化工作办公室）",
    "2027年9月14日",
]


def test_an_issuer_line_with_its_second_name_in_brackets_is_the_issuer(tmp_path):
    doc = _parse(tmp_path, _SECOND_NAME)
    assert doc.title == "关于开展2027年校园网络文化作品征集展示活动的通知"
    assert doc.issuer == "党委宣传部（党委网络安全和信息化工作办公室）"
    assert doc.recipients == ["各学院党委（党总支）", "各部门", "各直属单位"]


def test_a_body_written_with_its_second_name_is_the_first_names_department():
    from pbdocs.extract import lexicon

    lex = lexicon.load(())
    assert lex.canonical("档案馆（校史馆）") == "档案馆"
    assert lex.canonical("党委学生工作部（学生工作处）") == "党委学生工作部"
    # a name the lexicon does not know stays as written
    assert lex.canonical("示例中心（示例站）") == "示例中心（示例站）"
