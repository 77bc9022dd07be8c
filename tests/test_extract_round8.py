"""Round 8 of extraction: who leads in a list organised by whom it binds, and an officer who
opens a sentence as its doer (invented texts)."""

from taskhelp import find_task, leads, tasks_of

LIST = """中共青禾大学委员会
2025年落实党建工作责任清单

　　为压实党建工作责任，制定本清单。
　　一、党委领导班子集体责任
　　1.每年年初研究部署全年党建工作，3月底前印发工作要点。
　　2.党委常委会每学期至少听取一次基层党建工作汇报，每年专题研究一次党员发展工作。
　　二、党委书记第一责任人责任
　　1.每年为全校党员讲授一次专题党课。
　　三、职能部门责任
　　（一）党委宣传部：负责意识形态工作责任制落实，每半年开展一次网络舆情研判。
　　（二）财务处、审计处：加强党费使用情况的审计监督。

　　　　　　　　　　　　　　　　　　　　　　　中共青禾大学委员会
　　　　　　　　　　　　　　　　　　　　　　　　　2025年1月10日
"""


def _lead(t):
    return leads(t)


def test_colon_label_is_the_stated_lead():
    _, ts = tasks_of(LIST, "list")
    t = find_task(ts, "网络舆情研判")
    assert _lead(t) == [("党委宣传部", "stated")]
    t = find_task(ts, "党费使用情况")
    assert sorted(_lead(t)) == [("审计处", "stated"), ("财务处", "stated")]


def test_subject_heading_binds_its_subjectless_items():
    _, ts = tasks_of(LIST, "list")
    assert _lead(find_task(ts, "讲授一次专题党课")) == [("党委书记", "stated")]
    # 党委领导班子集体责任: the issuing committee
    assert _lead(find_task(ts, "研究部署全年党建工作")) == [("青禾大学党委", "stated")]


def test_item_naming_its_own_doer_keeps_it():
    _, ts = tasks_of(LIST, "list")
    assert _lead(find_task(ts, "党委常委会每学期")) == [("党委常委会", "text")]
    # the sentence goes on without a subject: the same doer
    assert _lead(find_task(ts, "专题研究一次党员发展")) == [("党委常委会", "text")]


NOTICE = """关于开展2025年“七一”系列活动的通知

各二级党委、直属党支部：
　　现将有关事项通知如下。
　　一、专题党课
　　1.学校党委书记为全校师生党员讲授专题党课，时间安排在6月下旬。
　　2.各二级党委书记、党支部书记要在7月10日前至少讲授1次专题党课。
　　3.对行动不便的老党员，由所在党支部书记上门走访慰问。
　　4.党支部书记参加学校集中轮训不少于16学时。

　　　　　　　　　　　　　　　　　　　　　　　中共青禾大学委员会组织部
　　　　　　　　　　　　　　　　　　　　　　　　　2025年6月1日
"""


def test_officer_opening_the_sentence_leads_not_the_addressees():
    _, ts = tasks_of(NOTICE, "notice")
    assert _lead(find_task(ts, "为全校师生党员讲授")) == [("学校党委书记", "text")] or \
        [b for _, b in _lead(find_task(ts, "为全校师生党员讲授"))] == ["text"]
    t = find_task(ts, "上门走访慰问")
    assert [b for _, b in _lead(t)] == ["text"] and "书记" in t.lead[0].name


def test_officers_listed_first_each_lead():
    _, ts = tasks_of(NOTICE, "notice")
    t = find_task(ts, "7月10日前")
    assert len(t.lead) == 2 and all(d.basis == "text" and d.name.endswith("书记")
                                    for d in t.lead)


def test_officer_being_trained_does_not_lead_it():
    _, ts = tasks_of(NOTICE, "notice")
    t = find_task(ts, "集中轮训")
    assert not any(d.basis == "text" and d.name.endswith("书记") for d in t.lead)


def test_unit_assisting_nobody_named_leads():
    text = NOTICE.replace("　　4.党支部书记参加学校集中轮训不少于16学时。",
                          "　　4.离退休工作处配合做好离退休老党员的走访服务工作。\n"
                          "　　5.信息化中心配合党委组织部开通线上学习功能。")
    _, ts = tasks_of(text, "assist")
    t = find_task(ts, "离退休老党员的走访")
    assert leads(t) == [("离退休工作处", "text")]
    assert not t.support
    # 配合 a named body: that body leads, the unit supports
    t = find_task(ts, "开通线上学习功能")
    assert [d.canonical for d in t.lead] == ["党委组织部"]
    assert "信息化中心" in [d.name for d in t.support]


def test_issuing_committee_as_subject_leads_with_what_follows():
    text = LIST.replace("　　三、职能部门责任",
                        "　　三、意识形态工作\n"
                        "　　1.党委每半年专题研究一次意识形态工作，12月向上级党委报告落实情况。\n"
                        "　　2.党委宣传部每季度开展一次舆情分析。\n"
                        "　　四、职能部门责任")
    _, ts = tasks_of(text, "committee")
    for words in ("专题研究一次意识形态", "12月向上级党委报告"):
        assert _lead(find_task(ts, words)) == [("青禾大学党委", "text")], words
    # a department whose name starts with 党委 is not the committee
    assert _lead(find_task(ts, "舆情分析")) == [("党委宣传部", "text")]
