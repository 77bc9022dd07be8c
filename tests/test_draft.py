"""`pbdocs draft`: a college's implementation plan drafted from the university's plan."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from pbdocs.errors import InputError
from pbdocs.generate.draft import (
    add_months,
    cite,
    clean,
    committee_name,
    draft_context,
)
from pbdocs.generate.draft_rules import load_rules, read_roles_file
from pbdocs.generate.outputs import write
from pbdocs.generate.templates import render
from pbdocs.model import Clause, Deadline, Dept, Document, Recurrence, Section, Source, Target, Task

COLLEGE = "计算机与信息工程学院"


def render_markdown(ctx, template=None) -> str:
    """The draft's Markdown from its context (templates/draft.md.j2 or a college's own)."""
    return render("draft", ctx, template)


# ---------------------------------------------------------------- constructed documents

def _clause(doc_id, path, text, heading=None, lead=(), support=(), actors=(), tasks=None,
            number="auto"):
    tasks = tasks if tasks is not None else []
    c = Clause(
        id=f"{doc_id}/{'/'.join(path)}", path=list(path),
        number=path[-1] if number == "auto" else number, heading=heading, text=text,
        lead=[Dept(x, x) for x in lead], support=[Dept(x, x) for x in support],
        actors=list(actors), tasks=tasks)
    for t in tasks:
        c.deadlines += t.deadlines
        c.recurrences += t.recurrences
        c.targets += t.targets
    return c


def _doc_a() -> Document:
    """A plan in the style of one university: notes naming 各二级学院 as support. Each task
    has the kind extraction gives it (a date, a number or a deliverable such as 建立/修订 `once`,
    a cadence `recurring`, else `ongoing`)."""
    d = "uni-a"
    clauses = [
        _clause(d, ["0"], "为贯彻落实上级要求，结合学校实际，现提出如下实施意见。", number=None),
        _clause(d, ["一"], "坚持以习近平新时代中国特色社会主义思想为指导，全面落实新时代党的建设总要求，"
                "在学校所有党组织开展党建创优工作。到2023年，建成全国党建工作标杆院系1个，创建省级"
                "样板支部3-4个，争创全国文明校园。", number=None,
                tasks=[Task("坚持以习近平新时代中国特色社会主义思想为指导，全面落实新时代党的建设总要求，"
                            "在学校所有党组织开展党建创优工作。"),
                       Task("到2023年，建成全国党建工作标杆院系1个，创建省级样板支部3-4个，争创全国文明校园。",
                            kind="once",
                            deadlines=[Deadline("到2023年", None, "2023-12-31", "by")],
                            targets=[Target("1个", "=", 1, "个"),
                                     Target("3-4个", "~", 3, "个", value_max=4)])]),
        _clause(d, ["二", "1"], "修订学校章程，完善校长办公会议事规则。", heading="完善学校治理",
                lead=["党政办"], support=["组织部"],
                tasks=[Task("完善学校治理。"), Task("修订学校章程，完善校长办公会议事规则。", kind="once")]),
        _clause(d, ["二", "2"], "严格党内组织生活。全校党支部每学期开展1次组织生活会，2021年6月底前"
                "完成党支部换届工作。建立学生党员工作站。", heading="严格党内组织生活",
                lead=["组织部"], support=["各二级学院"],
                tasks=[Task("严格党内组织生活。"),
                       Task("全校党支部每学期开展1次组织生活会。", kind="recurring",
                            recurrences=[Recurrence("每学期开展1次", "semester", 1)]),
                       Task("2021年6月底前完成党支部换届工作。", kind="once",
                            deadlines=[Deadline("2021年6月底前", None, "2021-06-30", "by")]),
                       Task("建立学生党员工作站。(牵头部门:组织部,配合部门:各二级学院)", kind="once")]),
        _clause(d, ["二", "3"], "深化课程思政改革。各二级学院要建立思政课教师同专业课教师结对制度，"
                "争取1/2的专业课党员教师承担课程思政示范项目。", heading="深化课程思政改革",
                lead=["宣传部"], support=["教务处", "各二级学院"],
                tasks=[Task("深化课程思政改革。"),
                       Task("各二级学院要建立思政课教师同专业课教师结对制度，争取1/2的专业课党员教师"
                            "承担课程思政示范项目。", kind="once",
                            targets=[Target("1/2", ">=", 0.5)])]),
        _clause(d, ["三"], "各级党组织要加强督查考核，把落实情况纳入年度述职评议考核。", number=None),
    ]
    return Document(
        id=d, source=Source("a.txt", "txt", "0"), title="关于开展党建创优工作的实施意见",
        kind="实施意见", issuer="中共甲大学委员会", institution="甲大学", date="2020-06-12",
        sections=[Section(["一"], 1, "一、", "总体目标要求"),
                  Section(["二"], 1, "二、", "推进党建创优"),
                  Section(["三"], 1, "三、", "加强组织保障")],
        clauses=clauses)


def _doc_b() -> Document:
    """A plan of another university: no notes, responsibility in the prose."""
    d = "uni-b"
    clauses = [
        _clause(d, ["0"], "为深入学习贯彻习近平总书记重要论述，结合学校实际，特制定本方案。", number=None),
        _clause(d, ["一"], "牢固树立习近平新时代中国特色社会主义思想的指导地位。强化院级党组织的政治核心作用。",
                number=None),
        _clause(d, ["二", "1"], "加大发展党员工作力度。到2022年底在校生中党员占比不低于12%。"
                "二级党委每学期组织一次发展党员工作自查。", heading="加大发展党员工作力度",
                actors=["二级党委"],
                tasks=[Task("加大发展党员工作力度。"),
                       Task("到2022年底在校生中党员占比不低于12%。", kind="once",
                            deadlines=[Deadline("到2022年底", None, "2022-12-31", "by")],
                            targets=[Target("不低于12%", ">=", 12, "%", subject="在校生中党员占比")]),
                       Task("二级党委每学期组织一次发展党员工作自查。", kind="recurring",
                            recurrences=[Recurrence("每学期组织一次", "semester", 1)])]),
        _clause(d, ["二", "2"], "健全校院两级党建工作领导小组，每年至少2次专题研究党建工作。学校设定每年10月8日为"
                "廉政谈话日，学校党委书记与二级党组织书记进行廉政谈话。", heading="健全责任机制",
                tasks=[Task("健全校院两级党建工作领导小组，每年至少2次专题研究党建工作。",
                            kind="recurring",
                            recurrences=[Recurrence("每年至少2次", "year", 2)]),
                       Task("学校设定每年10月8日为廉政谈话日，学校党委书记与二级党组织书记进行廉政谈话。",
                            kind="recurring",
                            recurrences=[Recurrence("每年10月8日", "day", on="10-08")])]),
        _clause(d, ["二", "3"], "坚持党委领导下的校长负责制，健全党委书记和校长定期沟通制度。",
                heading="坚持党委领导下的校长负责制",
                tasks=[Task("坚持党委领导下的校长负责制，健全党委书记和校长定期沟通制度。")]),
        _clause(d, ["二", "4"], "贯彻落实学校《关于加强学校党建工作的意见》，出台《学校基层党支部建设标准》。"
                "每个学院配备1名专职组织员。", heading="加强党务队伍",
                tasks=[Task("贯彻落实学校《关于加强学校党建工作的意见》，出台《学校基层党支部建设标准》。"),
                       Task("每个学院配备1名专职组织员。", kind="once", targets=[Target("1名", "=", 1, "名")])]),
    ]
    return Document(
        id=d, source=Source("b.txt", "txt", "0"), title="中共乙大学委员会深化党建工作的实施方案",
        kind="实施方案", issuer="中共乙大学委员会", institution="乙大学", date="2020-11-30",
        sections=[Section(["一"], 1, "一、", "任务目标"), Section(["二"], 1, "二、", "任务措施")],
        clauses=clauses)


@pytest.fixture()
def ctx_a():
    return draft_context(_doc_a(), COLLEGE)


@pytest.fixture()
def ctx_b():
    return draft_context(_doc_b(), COLLEGE)


def _month(iso: str) -> tuple[int, int]:
    return int(iso[:4]), int(iso[5:7])


def _check_rows(ctx):
    """The invariants every task table keeps."""
    assert ctx["rows"], "a draft without tasks"
    texts = [re.sub(r"\W", "", r.measure) for r in ctx["rows"]]
    assert len(texts) == len(set(texts)), "duplicated tasks"
    for r in ctx["rows"]:
        assert r.role and r.owner, r
        assert r.time_limit, r
        assert "牵头部门" not in r.measure and "配合部门" not in r.measure
        if r.due is not None:
            assert re.fullmatch(r"\d{4}年\d{1,2}月(?:底|\d{1,2}日)前", r.time_limit), r
            if r.uni_due and r.time_limit.endswith("月底前"):
                assert r.due <= add_months(_month(r.uni_due), -1), r
            elif r.uni_due:  # a month earlier was already past: the university's own date
                assert r.due == _month(r.uni_due), r
        else:
            assert r.time_limit == "长期坚持" or r.time_limit.startswith(("每", "定期")), r


# ---------------------------------------------------------------- the library

def test_committee_name_from_college():
    assert committee_name(COLLEGE) == "中共计算机与信息工程学院委员会"
    # the full name holds the university where the source names it
    assert committee_name(COLLEGE, "甲大学") == "中共甲大学计算机与信息工程学院委员会"
    assert committee_name("甲大学外国语学院", "甲大学") == "中共甲大学外国语学院委员会"
    assert committee_name("外国语学院党委") == "中共外国语学院委员会"
    assert committee_name("中共外国语学院委员会") == "中共外国语学院委员会"


def test_title_names_committee_and_source(ctx_a):
    assert ctx_a["title"] == ("中共甲大学计算机与信息工程学院委员会关于贯彻落实《关于开展党建创优工作的实施意见》"
                              "的实施方案（讨论稿）")
    ctx = draft_context(_doc_a(), COLLEGE, committee="中共计算机与信息工程学院总支部委员会")
    assert ctx["title"].startswith("中共计算机与信息工程学院总支部委员会关于贯彻落实")


def test_selects_only_clauses_that_concern_a_college(ctx_a, ctx_b):
    assert [it.clause_id for it in ctx_a["items"]] == ["uni-a/二/2", "uni-a/二/3"]
    ids_b = [it.clause_id for it in ctx_b["items"]]
    assert "uni-b/二/1" in ids_b and "uni-b/二/2" in ids_b  # actor 二级党委; 校院两级 binds all
    assert "uni-b/二/3" not in ids_b  # the 校长负责制 is the university's alone


def test_college_is_the_subject(ctx_a, ctx_b):
    texts = " ".join(r.measure.removeprefix("配合学校落实：")
                     for r in ctx_a["rows"] + ctx_b["rows"])
    assert "全院党支部每学期开展1次组织生活会" in texts
    assert "本学院要建立思政课教师同专业课教师结对制度" in texts
    assert "学院党委每学期组织一次发展党员工作自查" in texts
    assert "健全学院党建工作领导小组" in texts  # 校院两级, not 全校 inside 健全校院
    assert "学校" not in texts and "全校" not in texts and "各二级学院" not in texts
    # what the university itself does stays the university's: told in the item, word for word,
    # and no row of the college's
    assert "廉政谈话" not in texts
    item = next(it for it in ctx_b["items"] if it.clause_id == "uni-b/二/2")
    assert "学校设定每年10月8日为廉政谈话日，学校党委书记与二级党组织书记进行廉政谈话。" in item.text
    assert "在学院所有党组织开展党建创优工作" in ctx_a["guiding"]


def test_titles_in_book_marks_are_not_rewritten():
    rules = load_rules()
    s = rules.substitute("贯彻落实学校《关于加强学校党建工作的意见》，全校师生")
    assert s == "贯彻落实学校《关于加强学校党建工作的意见》，全院师生"


def test_university_only_sentences_stay_out(ctx_a, ctx_b):
    md = render_markdown(ctx_a) + render_markdown(ctx_b)
    assert "章程" not in md and "校长办公会" not in md
    assert "出台《学校基层党支部建设标准》" not in md
    assert "学院配备1名专职组织员" in md and "每个学院" not in md


def test_months_and_cadences(ctx_a, ctx_b):
    for ctx in (ctx_a, ctx_b):
        _check_rows(ctx)
    rows = {r.measure: r for r in ctx_a["rows"] + ctx_b["rows"]}
    assert rows["2021年6月底前完成党支部换届工作。"].time_limit == "2021年5月底前"
    # the university's own number: the college helps reach it, by the university's date
    assert rows["配合学校落实：到2022年底在校生中党员占比不低于12%。"].time_limit == "2022年11月底前"
    assert rows["全院党支部每学期开展1次组织生活会。"].time_limit == "每学期1次"
    assert rows["健全学院党建工作领导小组，每年至少2次专题研究党建工作。"].time_limit == "每年至少2次"
    # an undated deliverable gets a month in the first phase
    r = rows["建立学生党员工作站。"]
    assert r.due == ctx_a["phases"][0]["last"]


def test_a_plan_with_nothing_for_a_college_is_refused():
    doc = _doc_a()
    doc.clauses = [c for c in doc.clauses if c.id in ("uni-a/0", "uni-a/一", "uni-a/二/1")]
    with pytest.raises(InputError, match="找不到涉及二级学院的任务条款"):
        draft_context(doc, COLLEGE)


def test_start_month_default_and_override(ctx_a):
    assert ctx_a["start"] == "2020-07"  # the month after the source's date
    ctx = draft_context(_doc_a(), COLLEGE, start="2021-03")
    assert ctx["start"] == "2021-03" and ctx["phases"][0]["first_month"] == "2021-03"
    with pytest.raises(InputError, match="YYYY-MM"):
        draft_context(_doc_a(), COLLEGE, start="明年三月")


def test_start_without_a_source_date():
    import datetime as dt

    from pbdocs.generate.draft import _default_start

    doc = _doc_a()
    doc.date = None
    # the source's earliest deadline is 2021-06: a later "today" starts the month before it
    assert _default_start(doc, dt.date(2030, 1, 5)) == (2021, 5)
    assert _default_start(doc, dt.date(2020, 9, 1)) == (2020, 9)
    doc.clauses = [c for c in doc.clauses if not c.deadlines]
    assert _default_start(doc, dt.date(2030, 1, 5)) == (2030, 1)


def test_items_under_a_sub_heading_of_a_guarantee_section_are_tasks():
    doc = _doc_a()
    doc.sections.append(Section(["三", "1"], 2, "1.", "申报（2020年9月）"))
    doc.clauses.append(_clause("uni-a", ["三", "1"], "各二级学院党组织要梳理党建工作基础，提交申报材料。",
                               number=None, tasks=[Task("各二级学院党组织要梳理党建工作基础，提交申报材料。")]))
    ctx = draft_context(doc, COLLEGE)
    assert "uni-a/三/1" in [it.clause_id for it in ctx["items"]]
    assert ctx["stats"]["guarantee_sentences"] == 1  # the paragraph right under 三 only


def test_phases_cover_every_dated_task(ctx_a):
    phased = [r.no for ph in ctx_a["phases"] for r in ph["rows"]]
    dated = [r.no for r in ctx_a["rows"] if r.due]
    assert sorted(phased) == sorted(dated)
    firsts = [ph["first"] for ph in ctx_a["phases"]]
    assert firsts == sorted(firsts)


def test_roles_chosen_by_content(ctx_a, ctx_b):
    rows = {r.measure: r for r in ctx_a["rows"] + ctx_b["rows"]}
    assert rows["配合学校落实：到2022年底在校生中党员占比不低于12%。"].role == "组织员"
    assert rows["全院党支部每学期开展1次组织生活会。"].role == "支部书记"
    assert rows["建立学生党员工作站。"].role == "辅导员"


def test_roles_file_maps_roles_to_names(tmp_path):
    f = tmp_path / "roles.txt"
    f.write_text("# 学院班子\n党委书记=张三\n组织员：李四\n", encoding="utf-8")
    roles = read_roles_file(f)
    assert roles == {"党委书记": "张三", "组织员": "李四"}
    ctx = draft_context(_doc_b(), COLLEGE, roles=roles)
    resp = {r.owner for r in ctx["rows"]}
    assert "组织员（李四）" in resp
    md = render_markdown(ctx)
    assert "由党委书记张三任组长" in md
    bad = tmp_path / "bad.txt"
    bad.write_text("党委书记 张三\n", encoding="utf-8")
    with pytest.raises(InputError, match="角色=姓名"):
        read_roles_file(bad)


def test_keeps_numbers_and_cites_real_clauses(ctx_a):
    doc = _doc_a()
    md = render_markdown(ctx_a)
    for it in ctx_a["items"]:
        c = doc.clause(it.clause_id)
        assert c is not None
        assert f"（对应学校方案{cite(doc, c)}）" in md
    assert cite(doc, doc.clause("uni-a/二/2")) == "第二部分第2条"
    for needle in ("1/2", "每学期开展1次", "3-4个"):
        assert needle in md


def test_never_invents_duties(ctx_a, ctx_b):
    """Every row restates one sentence of the source, nothing more."""
    rules = load_rules()
    for doc, ctx in ((_doc_a(), ctx_a), (_doc_b(), ctx_b)):
        source = [re.sub(r"\W", "", rules.restate(clean(t.text))[0])
                  for c in doc.clauses for t in c.tasks]
        for r in ctx["rows"]:  # the college's part of a sentence, restated
            measure = r.measure.removeprefix("配合学校落实：")
            assert any(re.sub(r"\W", "", measure) in s for s in source), r.measure


def test_guarantees_use_the_source_requirements(ctx_a):
    assert any("学院各级党组织要加强督查考核" in s for s in ctx_a["guarantee"]["supervision"])


def test_goal_targets_bind_colleges(ctx_a):
    texts = [g["text"] for g in ctx_a["goal_targets"]]
    assert any("标杆院系1个" in t for t in texts)
    assert any("样板支部3-4个" in t for t in texts)
    assert not any("文明校园" in t for t in texts)


def test_no_artefacts_in_markdown(ctx_a):
    md = render_markdown(ctx_a)
    assert "(牵头部门:" not in md and "（牵头部门：" not in md


def test_markdown_structure(ctx_a):
    md = render_markdown(ctx_a)
    heads = [ln for ln in md.splitlines() if ln.startswith("## ")]
    assert [h[3:] for h in heads] == ["一、总体要求", "二、主要任务", "三、实施步骤", "四、组织保障"]
    for run_in in ("（一）指导思想。", "（二）工作目标。", "（一）动员部署阶段", "（四）落实经费保障。"):
        assert run_in in md
    titles = [ln for ln in md.splitlines() if ln.startswith("# ")]
    assert titles == [f"# {ctx_a['title']}", f"# {COLLEGE}贯彻落实任务分解表"]
    table = [ln for ln in md.splitlines() if re.match(r"\| \d+ \|", ln)]
    assert len(table) == len(ctx_a["rows"])
    assert md.index("::: signature") < md.index("::: landscape") < md.index("| 序号 |")


def test_title_without_a_source_title():
    doc = _doc_a()
    doc.title = None
    ctx = draft_context(doc, COLLEGE)
    assert ctx["title"] == "中共甲大学计算机与信息工程学院委员会关于贯彻落实中共甲大学委员会实施意见的实施方案（讨论稿）"


def test_two_sources_give_different_drafts(ctx_a, ctx_b):
    a = {re.sub(r"\W", "", r.measure) for r in ctx_a["rows"]}
    b = {re.sub(r"\W", "", r.measure) for r in ctx_b["rows"]}
    assert len(a & b) / len(a | b) < 0.2


def test_own_template(tmp_path, ctx_a):
    t = tmp_path / "house.md.j2"
    t.write_text("# {{ title }}\n{% for r in rows %}- {{ r.measure }}（{{ r.owner }}）\n{% endfor %}",
                 encoding="utf-8")
    md = render_markdown(ctx_a, t)
    assert md.startswith("# 中共甲大学计算机与信息工程学院委员会") and md.count("\n- ") == len(ctx_a["rows"])


def test_write_markdown(tmp_path):
    out = tmp_path / "draft.md"
    result = write("draft", _doc_a(), out, college=COLLEGE)
    assert result.to_json() == {"out": str(out),
                                "tasks": len(draft_context(_doc_a(), COLLEGE)["rows"])}
    assert out.read_text(encoding="utf-8").startswith("# 中共甲大学计算机与信息工程学院委员会")


# ---------------------------------------------------------------- the steps, one by one

def test_select_sorts_the_source():
    from pbdocs.generate.draft import select

    sel = select(_doc_a(), load_rules())
    assert [c.id for c in sel.preamble] == ["uni-a/0"]
    assert [c.id for c in sel.aims] == ["uni-a/一"]
    assert [p.clause.id for p in sel.picks] == ["uni-a/二/2", "uni-a/二/3"]  # not 二/1 (章程)
    assert sel.task_clauses == 3
    assert [s for s, _ in sel.guarantees] == ["学院各级党组织要加强督查考核，把落实情况纳入年度述职评议考核。"]
    # the heading sentence of a clause is never one of its tasks
    assert all(t.text != "严格党内组织生活。" for p in sel.picks for t in p.tasks)


def test_restate_gives_numbered_rows_with_the_college_as_subject():
    from pbdocs.generate.draft import restate_tasks, select

    rules = load_rules()
    items = restate_tasks(select(_doc_b(), rules), _doc_b(), rules)
    rows = [r for it in items for r in it.rows]
    assert [r.no for r in rows] == list(range(1, len(rows) + 1))
    assert all("学校党委书记" not in r.measure for r in rows)
    first = rows[0]
    assert first.source_due == "2022-12-31" and first.key_task == "加大发展党员工作力度"
    assert first.cite == "第二部分第1条" and first.due is None and first.role == ""


def test_schedule_puts_months_before_the_university_and_phases_around_them():
    from pbdocs.generate.draft import restate_tasks, schedule, select
    from pbdocs.generate.rows import DraftRow

    rules = load_rules()
    doc = _doc_a()
    rows = [r for it in restate_tasks(select(doc, rules), doc, rules) for r in it.rows]
    frame = schedule(rows, doc, rules, start=(2020, 7))
    by_text = {r.measure: r for r in rows}
    assert by_text["2021年6月底前完成党支部换届工作。"].due == (2021, 5)
    assert by_text["全院党支部每学期开展1次组织生活会。"].time_limit == "每学期1次"
    assert frame.start == (2020, 7) and frame.phases[0]["first"] == (2020, 7)
    dated = [r for r in rows if r.due]
    assert all(frame.phases[0]["first"] <= r.due <= frame.phases[-1]["last"] for r in dated)
    standing = DraftRow(no=1, measure="长期坚持集体学习制度。", clause_id="x/1")
    first = DraftRow(no=2, measure="制定学院实施方案。", clause_id="x/2")
    frame = schedule([standing, first], doc, rules, start=(2020, 7))
    assert standing.ongoing and standing.due is None and standing.time_limit == "长期坚持"
    assert first.due == frame.phases[0]["last"] and first.time_limit.endswith("底前")


def test_assign_gives_roles_and_names():
    from pbdocs.generate.draft import assign
    from pbdocs.generate.rows import DraftRow

    rows = [DraftRow(no=1, measure="党支部每学期开展1次组织生活会。", clause_id="x/1"),
            DraftRow(no=2, measure="到2022年底学生党员占比不低于12%。", clause_id="x/2")]
    roles = {"支部书记": "王五"}
    assign(rows, load_rules(), roles, ("党委书记", "院长", "党委副书记", "组织员", "支部书记"))
    assert rows[0].role == "支部书记" and rows[0].owner == "支部书记（王五）"
    assert rows[1].role == "组织员" and rows[1].owner == "组织员"


def test_group_follows_the_source_sections():
    from pbdocs.generate.draft import group, restate_tasks, select

    rules = load_rules()
    doc = _doc_a()
    items = restate_tasks(select(doc, rules), doc, rules)
    groups = group(items, doc, rules)
    assert len(groups) == 1 and groups[0]["section"] == "二"
    assert groups[0]["heading"] == "推进党建创优" and groups[0]["items"] == items


# ---------------------------------------------------------------- the bundled corpus

REAL = ("nbpt-2020-sanji", "hdu-2020-55")


@pytest.fixture(scope="module")
def corpus_copy(tmp_path_factory):
    """The bundled corpus in a temporary folder, with its own index (parsed once here)."""
    base = tmp_path_factory.mktemp("draftcorpus")
    shutil.copytree(Path(__file__).resolve().parents[1] / "corpus", base / "corpus")
    return base


@pytest.fixture(scope="module")
def real_docs(corpus_copy):
    from pbdocs.corpus import Corpus

    corpus = Corpus(corpus_copy / "corpus", corpus_copy / "index")
    docs = {i: corpus.load(i) for i in REAL}
    if any(len(d.clauses) < 5 for d in docs.values()):
        pytest.skip("the outline stage does not yet split the bundled texts into clauses")
    return docs


@pytest.fixture(scope="module")
def real_ctx(real_docs):
    return {i: draft_context(d, COLLEGE) for i, d in real_docs.items()}


def test_real_drafts_keep_the_invariants(real_docs, real_ctx):
    for i, ctx in real_ctx.items():
        _check_rows(ctx)
        doc = real_docs[i]
        for it in ctx["items"]:
            assert doc.clause(it.clause_id) is not None
        md = render_markdown(ctx)
        assert "(牵头部门:" not in md and "牵头部门：" not in md
        for r in ctx["rows"]:  # the source's numbers survive the restatement
            numbers = re.findall(r"\d+(?:\.\d+)?%?", r.measure)
            source = [re.findall(r"\d+(?:\.\d+)?%?", t.text)
                      for t in doc.clause(r.clause_id).tasks]
            assert numbers in source, r.measure
        assert ctx["title"].startswith(f"中共{doc.institution}计算机与信息工程学院委员会关于贯彻落实")
        assert ctx["title"].endswith("的实施方案（讨论稿）")


def _selection_scores(corpus_copy) -> dict[str, tuple[float, float]]:
    from pbdocs.corpus import Corpus

    gold = json.loads((Path(__file__).resolve().parent / "gold" / "draft_selection.json")
                      .read_text(encoding="utf-8"))["documents"]
    corpus = Corpus(corpus_copy / "corpus", corpus_copy / "index")
    out = {}
    for doc_id, g in gold.items():
        ctx = draft_context(corpus.load(doc_id), COLLEGE)
        got = {it.clause_id.split("/", 1)[1] for it in ctx["items"]}
        want = set(g["concern_a_college"])
        assert got <= set(g["task_clauses"])
        tp = len(got & want)
        out[doc_id] = (tp / len(got) if got else 0.0, tp / len(want))
    return out


def test_clause_selection_against_gold(corpus_copy, real_docs):
    """Precision and recall of 'this clause concerns a college' against hand labels."""
    scores = _selection_scores(corpus_copy)
    for doc_id, (p, r) in scores.items():
        assert p >= 0.9, (doc_id, p, r)
        assert r >= 0.7, (doc_id, p, r)


def test_real_drafts_differ(real_ctx):
    a, b = (real_ctx[i] for i in REAL)
    ta = {re.sub(r"\W", "", r.measure) for r in a["rows"]}
    tb = {re.sub(r"\W", "", r.measure) for r in b["rows"]}
    assert len(ta & tb) / len(ta | tb) < 0.1
    assert a["guiding"] != b["guiding"]
    assert [it.cite for it in a["items"]] != [it.cite for it in b["items"]]


# ---------------------------------------------------------------- the CLI, as a user types it

def test_cli_needs_a_college(runner, tmp_path):
    from pbdocs.cli import main

    r = runner.invoke(main, ["draft", "hdu-2020-55", "--out", str(tmp_path / "x.docx")])
    assert r.exit_code == 2 and "--college" in r.output


def test_cli_bad_doc_is_one_sentence(runner, tmp_path):
    from pbdocs.cli import main

    r = runner.invoke(main, ["draft", "no-such-plan", "--college", COLLEGE,
                             "--out", str(tmp_path / "x.md"), "--corpus", str(tmp_path)])
    assert r.exit_code == 2
    assert r.output.startswith("错误：") and "no-such-plan" in r.output
    assert "Traceback" not in r.output


def test_cli_markdown_and_json(runner, corpus_copy, real_docs, tmp_path):
    from pbdocs.cli import main

    roles = tmp_path / "roles.txt"
    roles.write_text("党委书记=张三\n院长=李四\n", encoding="utf-8")
    out = tmp_path / "draft.md"
    args = ["draft", "nbpt-2020-sanji", "--college", COLLEGE, "--out", str(out),
            "--roles", str(roles), "--start", "2020-09",
            "--corpus", str(corpus_copy / "corpus"), "--index", str(corpus_copy / "index")]
    r = runner.invoke(main, args + ["--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["out"] == str(out) and data["tasks"] > 5
    md = out.read_text(encoding="utf-8")
    assert "党委书记（张三）" in md and "2020年9月" in md
    r2 = runner.invoke(main, args + ["--format", "json"])
    assert r2.exit_code == 0 and json.loads(r2.output) == data
    r3 = runner.invoke(main, args)
    assert r3.exit_code == 0 and "任务分解表" in r3.output


def test_cli_docx_is_a_gbt9704_document(runner, corpus_copy, real_docs, tmp_path):
    from docx import Document as open_docx

    from pbdocs.cli import main
    from pbdocs.generate import oxml

    out = tmp_path / "学院方案.docx"
    r = runner.invoke(main, ["draft", "hdu-2020-55", "--college", COLLEGE, "--out", str(out),
                             "--format", "json", "--corpus", str(corpus_copy / "corpus"),
                             "--index", str(corpus_copy / "index")])
    assert r.exit_code == 0, r.output
    n = json.loads(r.output)["tasks"]
    d = open_docx(str(out))
    texts = [p.text.replace("\n", "") for p in d.paragraphs if p.text.strip()]  # titles wrap
    assert texts[0].startswith("中共杭州电子科技大学计算机与信息工程学院委员会关于贯彻落实《")
    assert "一、总体要求" in texts and "四、组织保障" in texts
    assert any(t.startswith("（一）指导思想。") for t in texts)
    table = d.tables[0]
    # one table, or two when its last rows would stand alone on a page (the header repeated)
    assert sum(len(t.rows) - 1 for t in d.tables) == n and len(d.tables) <= 2
    assert all(oxml.is_cant_split(r) for t in d.tables for r in t.rows)
    assert [c.text for c in table.rows[0].cells][:3] == ["序号", "重点任务", "具体举措"]
    assert d.sections[-1].page_width > d.sections[-1].page_height  # the table is landscape
    body = "\n".join(texts + [c.text for row in table.rows for c in row.cells])
    assert "牵头部门" not in body


def test_cli_html_and_bad_input(runner, corpus_copy, real_docs, tmp_path):
    from pbdocs.cli import main

    common = ["--corpus", str(corpus_copy / "corpus"), "--index", str(corpus_copy / "index")]
    out = tmp_path / "draft.html"
    r = runner.invoke(main, ["draft", "nbpt-2020-sanji", "--college", COLLEGE,
                             "--out", str(out)] + common)
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'class="pbdocs"' in page and "<table" in page
    bad_roles = tmp_path / "roles.txt"
    bad_roles.write_text("只有一个词\n", encoding="utf-8")
    for extra, needle in ((["--roles", str(bad_roles)], "角色=姓名"),
                          (["--start", "2021年春"], "YYYY-MM"),
                          (["--template", str(tmp_path / "nope.j2")], "模板")):
        r = runner.invoke(main, ["draft", "nbpt-2020-sanji", "--college", COLLEGE,
                                 "--out", str(tmp_path / "x.md")] + common + extra)
        assert r.exit_code == 2 and r.output.startswith("错误：") and needle in r.output, r.output


@pytest.mark.render
def test_rendered_draft_reads_as_a_plan(tmp_path, real_docs):
    """Word → PDF through LibreOffice: the first page holds the title and 总体要求."""
    import subprocess

    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice or poppler is not installed")
    out = tmp_path / "draft.docx"
    write("draft", real_docs["hdu-2020-55"], out, college=COLLEGE)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(out)], check=True, capture_output=True, timeout=120)
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(tmp_path / "draft.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout
    flat = re.sub(r"\s", "", text)
    assert "计算机与信息工程学院委员会关于贯彻落实" in flat and "一、总体要求" in flat


UNSEEN = """中共丙理工大学委员会关于加强新时代基层党支部建设的实施方案

为深入贯彻落实新时代党的建设总要求，进一步加强学校基层党支部建设，结合学校实际，制定本方案。

一、指导思想

坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻新时代党的组织路线，推动全校基层党组织全面进步、全面过硬。

二、重点任务

1.规范组织生活。各二级学院党委要指导党支部严格落实“三会一课”制度，党支部每月至少开展1次主题党日活动。2021年9月底前，各二级学院完成党支部书记轮训。

2.加强党员发展。各二级学院党委要制定年度发展党员计划，到2022年底学生党员占比不低于10%。

3.推进学校治理。修订学校章程，完善校长办公会议议事规则。

三、保障措施

各级党组织要把支部建设纳入年度述职评议考核。

中共丙理工大学委员会
2021年3月15日
"""


def test_cli_on_a_plan_from_an_unseen_university(runner, tmp_path):
    """A file path, not a corpus id: the whole pipeline on a text no rule was written for."""
    from pbdocs.cli import main

    src = tmp_path / "丙理工党支部建设方案.txt"
    src.write_text(UNSEEN, encoding="utf-8")
    out = tmp_path / "draft.md"
    r = runner.invoke(main, ["draft", str(src), "--college", "机械工程学院", "--out", str(out),
                             "--json", "--corpus", str(tmp_path / "none")])
    assert r.exit_code == 0, r.output
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# 中共丙理工大学机械工程学院委员会关于贯彻落实《中共丙理工大学委员会关于加强新时代基层"
                         "党支部建设的实施方案》的实施方案（讨论稿）")
    assert "学院党委要指导党支部严格落实“三会一课”制度" in md
    assert "| 2021年8月底前 |" in md  # 9月底前 at the university, a month earlier here
    assert "| 2022年11月底前 |" in md and "不低于10%" in md
    assert "章程" not in md and "校长办公会" not in md
    assert "（对应学校方案第二部分第1条）" in md
    # a part with its own doer and cadence, or its own dated target, is a row of its own;
    # the target is the university's number (no share per college): the college helps
    assert "| 党支部每月至少开展1次主题党日活动。 |" in md
    assert "| 配合学校落实：到2022年底学生党员占比不低于10%。 |" in md
    assert "学校目标“到2022年底学生党员占比不低于10%”" in md
    assert json.loads(r.output)["tasks"] == len(re.findall(r"^\| \d+ \|", md, re.MULTILINE)) == 5


def test_number_ranges():
    from pbdocs.generate.draft import number_ranges

    assert number_ranges([1, 2, 3, 5, 7, 8]) == "1—3、5、7—8"
    assert number_ranges([4]) == "4"


# ---------------------------------------------------------------- who acts, whose numbers

def test_the_universitys_own_acts_stay_its_own():
    rules = load_rules()
    whole, mine = rules.restate_parts(
        "学校设定每年10月8日为廉政谈话日，学校党委书记与二级党组织书记进行廉政谈话；"
        "学院、部处正职结合工作实际与副职进行廉政谈话。")
    assert whole.startswith("学校设定每年10月8日为廉政谈话日，学校党委书记与二级党组织书记")
    assert mine == "学院、部处正职结合工作实际与副职进行廉政谈话。"
    whole, mine = rules.restate_parts("学校召开动员大会，部署示范创建工作。")
    assert whole == "学校召开动员大会，部署示范创建工作。" and mine == ""
    # the university's and the colleges' people together: the college's keep the clause
    _, mine = rules.restate_parts("学校党委书记、校长和二级党组织书记、院长带头讲党课。")
    assert mine == "学院党组织书记、院长带头讲党课。"
    # a department of the university: its piece stays, the college's piece is the row
    _, mine = rules.restate_parts("组织部门要细化工作任务，各二级党组织要制定落实举措。")
    assert mine == "学院党组织要制定落实举措。"
    # a quota keeps the university's scope
    assert "全校师生人数" in rules.restate("专职党务人员不低于全校师生人数的1%。")[0]


def test_the_universitys_congress_is_not_the_colleges():
    rules = load_rules()
    s = rules.substitute("推动学校各级党组织全面进步，为实现学校第四次党代会的奋斗目标提供保证，"
                         "落实校第十三届教代会精神，全校师生")
    assert "学校第四次党代会" in s and "校第十三届教代会" in s
    assert "学院各级党组织" in s and "全院师生" in s and "学院第四次" not in s
    # two rules meeting say the college once
    assert rules.substitute("面向学校各院(系)党组织开展") == "面向学院党组织开展"


def test_a_piece_naming_the_university_or_its_leaders_acting_stays_the_universitys():
    rules = load_rules().with_names("浙江大学")
    whole, mine = rules.restate_parts(
        "加强浙大党建公众微信号、网上党校等建设，充分利用新媒体手段，丰富党支部活动载体。")
    assert whole.startswith("加强浙大党建公众微信号")
    assert mine == "充分利用新媒体手段，丰富党支部活动载体。"
    _, mine = rules.restate_parts("建立督查指导机制，坚持党员校领导联系基层党支部制度，"
                                  "建立健全二级党委委员联系基层党支部制度。")
    assert mine == "建立督查指导机制，建立健全学院党委委员联系基层党支部制度。"
    # the university's leaders as an object, its name inside a brand: the college's act
    _, mine = rules.restate_parts("二级党组织书记每年向校领导汇报工作。")
    assert mine == "学院党组织书记每年向校领导汇报工作。"
    _, mine = load_rules().with_names("宁波职业技术学院").restate_parts(
        "共同办好“感动宁职”微视频栏目，发现师生身边典型。")
    assert mine.startswith("共同办好“感动宁职”")
    # a time or a manner before the university's own subject is the university's too
    assert rules.restate_parts("2021年12月前，党委组织部对各建设单位开展项目验收工作。")[1] == ""
    assert rules.restate_parts("按照“专家评议”的原则，党委组织部对材料进行初审。")[1] == ""
    assert rules.restate_parts("按照要求，各二级党组织完成换届。")[1] == "按照要求，学院党组织完成换届。"
    assert rules.restate_parts("培育创建工作在校党委领导下，由党委组织部具体负责组织实施，"
                               "按照申报、创建四个步骤开展。")[1] == ""


def test_branch_meetings_go_to_the_branch_secretary():
    rules = load_rules()
    assert rules.role_for("党小组会议至少每月召开1次。") == "支部书记"
    assert rules.role_for("党员大会至少每季度召开1次。") == "支部书记"
    # the college's own party secretary, not a branch's, though the text names branches
    assert rules.role_for("学院党组织书记每学期至少为基层党支部和党员讲一次党课。") == "党委书记"


def _doc_steps() -> Document:
    """A 示范创建 plan: an 组织实施 section of dated steps, each step a sub-heading over one
    paragraph; the selected units (各建设单位) act, the university's department judges."""
    d = "uni-s"
    steps = [
        ("1", "申报（2020年4月-5月）", [
            "参与申报的各级党组织要梳理总结党建工作基础，编制经费预算，填写申报书。",
            "申报材料于2020年5月底前统一报送党委组织部。",
            "对入选的建设单位，将提供专项经费支持，专款专用。"]),
        ("2", "评估（2021年6月）", [
            "党委组织部以目标管理和过程管理相结合的方式，加强培育创建工作管理考核。",
            "各建设单位应于2021年5月底前，提交阶段工作总结和成果报告。"]),
        ("3", "验收（2021年7月-12月）", [
            "2021年12月前，党委组织部对各建设单位开展项目验收工作。",
            "各建设单位应于2021年11月底前，提交工作总结报告、培育创建成果。"]),
    ]
    clauses = [_clause(d, ["0"], "为推进党建示范创建，结合学校实际，制定本方案。", number=None),
               _clause(d, ["三"], "培育创建工作在校党委领导下，由党委组织部具体负责组织实施。",
                       number=None)]
    sections = [Section(["三"], 1, "三、", "组织实施")]
    for n, head, texts in steps:
        tasks = []
        for t in texts:
            m = re.search(r"(\d{4})年(\d{1,2})月底前", t)
            dl = [Deadline(text=m.group(0), end=f"{m.group(1)}-{int(m.group(2)):02d}-28",
                           kind="by")] if m else []
            tasks.append(Task(t, deadlines=dl))
        clauses.append(_clause(d, ["三", n], "".join(texts), tasks=tasks, number=None))
        sections.append(Section(["三", n], 2, f"{n}.", head))
    return Document(id=d, title="党建示范创建工作实施方案", source=Source("s.txt", "txt", "0"),
                    institution="某某大学", date="2020-04-01", sections=sections,
                    clauses=clauses)


def test_a_plan_of_steps_keeps_each_steps_college_tasks_under_its_own_name():
    ctx = draft_context(_doc_steps(), COLLEGE)
    rows = {r.measure: r for r in ctx["rows"]}
    assert "申报材料于2020年5月底前统一报送党委组织部。" in rows  # sent up: the units' act
    assert "各建设单位应于2021年5月底前，提交阶段工作总结和成果报告。" in rows
    assert "各建设单位应于2021年11月底前，提交工作总结报告、培育创建成果。" in rows
    measures = " ".join(rows)
    assert "专项经费支持" not in measures and "项目验收" not in measures  # the university's
    assert not any(_only_time_row(m) for m in rows)
    # each row's 重点任务 is its step, not the heading of the section above
    assert {r.key_task.replace("-", "—") for r in ctx["rows"]} == {
        "申报（2020年4月—5月）", "评估（2021年6月）", "验收（2021年7月—12月）"}
    # the funding guarantee does not repeat the application task
    assert not any("申报书" in f for f in ctx["guarantee"]["funding"])


def _only_time_row(text: str) -> bool:
    return not re.sub(r"[\d年月日前底。，]", "", text)


def test_quotas_stay_the_universitys_unless_each_college_is_given_its_share(ctx_b):
    goals = {g["text"]: g["scope"] for g in ctx_b["goal_targets"]}
    assert goals["到2022年底在校生中党员占比不低于12%"] == "university"
    assert goals["学院配备1名专职组织员"] == "college"
    md = render_markdown(ctx_b)
    assert "学校目标“到2022年底在校生中党员占比不低于12%”" in md


def test_standing_rules_get_no_deadline(real_ctx):
    for ctx in real_ctx.values():
        for r in ctx["rows"]:
            if re.search(r"前置研究|不得|坚持|持续|严格执行", r.measure) and not r.source_due:
                assert r.due is None, (r.measure, r.time_limit)


def test_full_committee_name_and_a_day_to_fill_in(real_ctx):
    md = render_markdown(real_ctx["hdu-2020-55"])
    assert "中共杭州电子科技大学计算机与信息工程学院委员会\n" in md
    assert re.search(r"\n\d{4}年\d{1,2}月<mark>×</mark>日\n", md)


@pytest.fixture(scope="module")
def dev_notices(parsed_devcorpus):
    return {k: next(d for s, d in parsed_devcorpus.items() if s.startswith(k))
            for k in ("cugb", "jmi")}


def test_a_notice_to_the_colleges_keeps_its_tasks_and_dates(dev_notices):
    cugb = draft_context(dev_notices["cugb"], COLLEGE)
    jmi = draft_context(dev_notices["jmi"], COLLEGE)
    texts = " ".join(r.measure for r in jmi["rows"])
    for core in ("推荐申报1项", "填写《2023年度高校最佳党日活动优胜奖申报简况表》",
                 "2500字左右申报材料", "5月9日前"):
        assert core in texts, core
    texts = " ".join(r.measure for r in cugb["rows"])
    assert "民主评议党员" in texts and "汇总表" in texts
    assert not any(r.measure.startswith(("联系人", "联系方式", "2019年1月8日")) for r in cugb["rows"])
    for ctx, doc in ((cugb, dev_notices["cugb"]), (jmi, dev_notices["jmi"])):
        start = ctx["start"]
        assert start == doc.date[:7]  # a notice is acted on in its own month
        for r in ctx["rows"]:
            assert r.due is None or f"{r.due[0]:04d}-{r.due[1]:02d}" >= start, r
            if r.uni_due and r.due:
                assert r.due <= _month(r.uni_due), r  # never after the university's date
        assert not ctx["guiding"]  # a notice's opening line is no 指导思想
    assert {r.time_limit for r in jmi["rows"]} == {"2024年5月9日前"}


def test_an_untitled_source_is_named_by_the_genre_its_preamble_gives(real_docs):
    from pbdocs.generate.draft import _source_name

    doc = real_docs["nbpt-2020-sanji"]
    assert doc.title is None and doc.kind is None
    assert _source_name(doc).endswith("实施意见")


def test_items_outside_any_section_do_not_get_a_bare_group_heading():
    """A notice whose tasks are top-level run-in clauses (二、申报名额。…) and one item under a
    section (四、其他要求): no group heading without words (a bare `### （一）`)."""
    d = "uni-n"
    clauses = [
        _clause(d, ["二"], "各二级学院党委各推荐申报1项。", heading="申报名额",
                tasks=[Task("各二级学院党委各推荐申报1项。")]),
        _clause(d, ["三"], "各二级学院党委填写申报简况表，形成2500字左右申报材料。", heading="材料要求",
                tasks=[Task("各二级学院党委填写申报简况表，形成2500字左右申报材料。", kind="once")]),
        _clause(d, ["四", "（二）"], "各二级学院党委请于5月9日前报送申报材料。",
                tasks=[Task("各二级学院党委请于5月9日前报送申报材料。", kind="once",
                            deadlines=[Deadline("5月9日前", None, "2024-05-09", "by")])]),
    ]
    doc = Document(id=d, source=Source("n.txt", "txt", "0"), title="关于最佳党日活动申报工作的通知",
                   kind="通知", issuer="党委组织部", date="2024-04-30",
                   sections=[Section(["四"], 1, "四、", "其他要求")], clauses=clauses)
    md = render_markdown(draft_context(doc, COLLEGE))
    tasks = md[md.index("## 二、主要任务"):md.index("## 三、实施步骤")]
    assert not re.search(r"^#+ （[一二三四五六七八九十]+）\s*$", tasks, re.M), tasks
    assert "申报名额。" in tasks and "材料要求。" in tasks and "5月9日前报送申报材料" in tasks


def test_cite_column_holds_a_whole_clause_number(tmp_path, real_docs):
    """学校方案条款 such as 第三部分第2条 on one line: never 「第三部分第2 / 条」."""
    from docx import Document as open_docx
    from docx.oxml.ns import qn

    from pbdocs.generate import gbt9704 as G
    from pbdocs.generate import layout

    out = tmp_path / "draft.docx"
    write("draft", real_docs["nbpt-2020-sanji"], out, college=COLLEGE)
    table = open_docx(str(out)).tables[0]
    cites = {row.cells[-1].text for row in table.rows[1:]}
    short = [c for c in cites if re.fullmatch(r"第[一二三四五六七八九十]+部分第\d+条", c)]
    assert short
    grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    room = grid[-1] / 20 - 2 * G.CELL_MARGIN_MM / 25.4 * 72  # points inside the margins
    need = max(sum(layout.char_advance(ch, 12.0, 0.0, layout.WIDE_LATIN) for ch in c)
               for c in short)
    assert need <= room, (need, room)


def test_a_subjectless_tail_of_the_universitys_sentence_stays_the_universitys():
    """Extraction splits `校级领导班子成员每学期至少…1次，每周至少…1次` into two tasks; the
    second has no subject of its own and is still the university leaders' act: no row."""
    d = "uni-t"
    text = ("各二级学院党委要建立领导干部联系班级制度。校级领导班子成员每学期至少给师生上党课1次，"
            "每周至少“面对面”与学生沟通交流1次。")
    clauses = [_clause(d, ["二", "1"], text, heading="健全联系师生制度", tasks=[
        Task("各二级学院党委要建立领导干部联系班级制度。", kind="once"),
        Task("校级领导班子成员每学期至少给师生上党课1次，", kind="recurring",
             recurrences=[Recurrence("每学期至少给师生上党课1次", "semester", 1)]),
        Task("每周至少“面对面”与学生沟通交流1次。", kind="recurring",
             recurrences=[Recurrence("每周至少“面对面”与学生沟通交流1次", "week", 1)])])]
    doc = Document(id=d, source=Source("t.txt", "txt", "0"), title="关于加强联系师生工作的实施方案",
                   kind="实施方案", issuer="中共丁大学委员会", institution="丁大学", date="2021-03-01",
                   sections=[Section(["二"], 1, "二、", "主要任务")], clauses=clauses)
    ctx = draft_context(doc, COLLEGE)
    measures = [r.measure for r in ctx["rows"]]
    assert any("联系班级制度" in m for m in measures), measures
    assert not any("面对面" in m or "上党课" in m for m in measures), measures


def test_branches_directly_under_the_university_leave_the_college_addressee():
    """`各党总支、直属党支部请于…前报送` names the colleges and the branches directly under the
    university; the college's draft names its own organisation alone."""
    rules = load_rules()
    for src in ("各党总支、直属党支部请于5月9日前，将相关纸质材料报组织部办公室。",
                "各学院党委、党总支、直属党支部要认真组织开展民主评议党员工作。",
                "各二级党委、直属党支部要按时报送材料。"):
        text, mine = rules.restate_parts(src)
        assert "直属" not in mine and mine.startswith("学院党"), (src, mine)


def test_a_committee_whose_university_is_unknown_gets_a_placeholder():
    """中共计算机学院委员会 names no university: when neither the source nor --committee nor the
    college's name says it, the title and the 落款 show a highlighted placeholder for it."""
    doc = _doc_a()
    doc.institution = None
    doc.issuer = "党委组织部"
    md = render_markdown(draft_context(doc, COLLEGE))
    assert md.startswith(f"# 中共<mark>（学校名称）</mark>{COLLEGE}委员会关于贯彻落实")
    sig = md[md.index("::: signature"):]
    assert sig.splitlines()[1] == f"中共<mark>（学校名称）</mark>{COLLEGE}委员会"
    for ctx in (draft_context(_doc_a(), COLLEGE),  # the source names the university
                draft_context(doc, "甲大学" + COLLEGE),  # the college's name holds it
                draft_context(doc, COLLEGE, committee=f"中共甲大学{COLLEGE}委员会")):
        assert "（学校名称）" not in render_markdown(ctx)


def test_a_title_with_a_placeholder_breaks_between_words_and_keeps_the_mark():
    from pbdocs.generate import oxml
    from pbdocs.generate.render_docx import build_docx

    title = ("中共<mark>（学校名称）</mark>计算机学院委员会关于贯彻落实《关于开展2018年度学生党支部"
             "组织生活会和开展民主评议党员的通知》的实施方案（讨论稿）")
    d = build_docx(f"# {title}\n\n正文。\n")
    p = d.paragraphs[0]
    plain = title.replace("<mark>", "").replace("</mark>", "")
    assert p.text.replace("\n", "") == plain
    marked = [r.text for r in p.runs if r._r.find(oxml.qn("w:rPr") + "/" + oxml.qn("w:highlight"))
              is not None]
    assert marked == ["（学校名称）"]
    lines = p.text.split("\n")
    assert len(lines) > 1 and lines[-1] != "（讨论稿）" and not lines[1].startswith("活会")
