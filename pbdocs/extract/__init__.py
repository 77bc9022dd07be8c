"""Extraction: fill each clause's lead, support, actors, deadlines, recurrences, targets,
references and tasks with a rule-based spaCy pipeline (`pbdocs.extract.pipeline`).

spaCy is imported only when `enrich` runs, so commands that never extract stay fast."""

from __future__ import annotations

import copy
import re

from pbdocs.extract.period import STANDING_FIELD
from pbdocs.model import Clause, Deadline, Dept, Document, Task
from pbdocs.read.tables import field_label_end


def enrich(doc: Document, extra: tuple[str, ...] | None = None) -> Document:
    """Fill the extraction fields of every clause of `doc` in place and return it; `extra`
    overrides the lexicon extension folders found beside its source file. The days of its
    own term the text states (春季学期于2月22日正式开学) date its 开学 and 放假."""
    from pbdocs.extract import timeexpr

    with timeexpr.with_stated_days(timeexpr.stated_days(doc.text or "")):
        return _enrich(doc, extra)


def _enrich(doc: Document, extra: tuple[str, ...] | None) -> Document:
    from pbdocs.extract import timeexpr
    from pbdocs.extract.pipeline import analyse, get_nlp, lexicon_of
    from pbdocs.lang.lexicon import extension_dirs

    if extra is None:
        extra = extension_dirs(doc.source.path if doc.source else None)
    lex = lexicon_of(get_nlp(extra))
    heading_deadlines: dict[tuple[str, ...], list[Deadline]] = {}
    title_year = _title_year(doc)  # (a one-year plan's month labels stay in that year)
    year = None if doc.date else title_year  # (an undated text's year-less phases take it)
    for s in doc.sections:  # phase headings: 申报（2020年4月-5月）
        found = timeexpr.find_deadlines(s.heading or "", doc.date, context_year=year)
        # (a year that only says which year's work, 科学谋划2023年工作, dates nothing)
        heading_deadlines[tuple(s.path)] = [f.deadline for f in found
                                            if not _WHOLE_YEAR.fullmatch(f.deadline.text)]
    weeks = [c for c in doc.clauses if timeexpr.is_week_label(c.number)]
    first = timeexpr.term_start(doc.text, year or _date_year(doc.date), doc.title or "") \
        if weeks else None
    for c in weeks if first else ():  # 第3周：… in a term's plan: by the third week's end
        due = timeexpr.teaching_week_due(c.number, *first)
        if due is not None:
            heading_deadlines.setdefault(tuple(c.path), []).append(due)
    # a plan's preamble says why and on what grounds; a notice's may ask for things; a text
    # with no numbered structure at all (a table kept row by row) has no preamble, only a body
    plan = _is_plan(doc) and any(c.path != ["0"] for c in doc.clauses)
    notes = {tuple(c.path): c.note for c in doc.clauses if c.note}
    notes.update(_closing_notes(doc))
    for clause in doc.clauses:
        headings = [s.heading for s in doc.ancestors(clause)] + [clause.heading or ""]
        own = doc.section(clause.path)
        if own is not None:
            headings.append(own.heading)
        # (a notice's body that asks for things by a date opens the text as its preamble:
        # the notice's work, not the plan's reasons)
        asks = bool(doc.notice and doc.notice.body and clause.path == ["0"]
                    and clause.text.startswith(doc.notice.body))
        _enrich_clause(clause, doc.date, extra, lex, heading_deadlines, analyse, headings,
                       plan and not asks, year, _parent_note(notes, clause),
                       title_year)
    _whole_plan(doc, lex)
    return doc


_WHOLE_YEAR = re.compile(r"\d{4}\s*年度?")


def _is_plan(doc: Document) -> bool:
    """Whether the document is a plan (not a notice): its kind, or for an untitled text the
    genre its preamble names (现提出如下实施意见), else whether it is addressed to nobody."""
    from pbdocs.metadata import named_genre

    kind = doc.kind
    if kind is None and doc.title is None:
        preamble = next((c.text for c in doc.clauses if c.path == ["0"]), "")
        kind = named_genre(preamble.split("\n"))
        if kind is None:  # untitled and addressed to nobody: a plan's or rules' opening
            return not doc.recipients
    return bool(kind) and not any(k in kind for k in ("通知", "通报", "函"))


def _whole_plan(doc: Document, lex) -> None:
    """What needs the whole document: the plan's period (relative limits end inside it, an
    undated deliverable is due at its end) and the suggested leads of unassigned tasks."""
    from pbdocs.extract import period, suggest
    from pbdocs.extract.subjects import committee_leads, subject_leads

    _inherit_cadence(doc)
    _yearly_dates(doc)
    subject_leads(doc, lex)  # 二、党委书记第一责任人责任 / （一）党委办公室：…
    committee_leads(doc, lex)  # 党委每年听取一次…述职
    p = period.plan_period(doc)
    period.resolve_spans(doc, p)
    departments = _departments(doc, lex)
    own = suggest.own_work(doc, lambda name: name in departments)
    committee = None if suggest.issued_by_institution(doc) else suggest.own_committee(doc)
    about_branches = suggest.branch_topic(doc) is not None
    for c in doc.clauses:
        for t in c.tasks:
            if t.lead or not t.persons:
                continue
            # a body's own plan or rules: its officers named as the doers lead, as the text
            # names them (组织员负责…, 学院党委书记每学期…: the task book's 责任人, to the
            # person); so do a branch's officers (党支部书记每年至少讲1次党课) in a text about
            # the branches
            # (but not the officers its sentence trains: 党支部书记每年参加集中培训…)
            if (own or (about_branches and all(suggest.branch_officer(d.canonical)
                                               for d in t.persons))) and not _TRAINED.search(
                    t.text):
                t.lead = _dedup([_copy(d) for d in t.persons])
    # a unit committee's officers named as the doers (院党委委员每人联系…, 学院党委书记…) do
    # the committee's work in any document: the committee leads, as the text names it (a
    # 领导班子成员's duty, or a bare 党委书记's, is still divided by the duty table)
    for c in doc.clauses:
        for t in c.tasks:
            if t.lead or not t.persons:
                continue
            bodies = [suggest.person_body(d.name) for d in t.persons
                      if not d.name.endswith(("班子成员", "负责人", "负责同志"))]
            bodies = [b for b in bodies if b and _UNIT_COMMITTEE.fullmatch(b)]
            if _both_heads(t.persons, doc):  # 校长、党委书记每学期各讲1次思政课: the heads
                t.lead = _dedup([_copy(d) for d in t.persons])
            elif bodies:
                t.lead = _dedup([Dept(b, lex.canonical(b), "text") for b in bodies if b])
    if committee:  # 学院党委, 院党委 in a college's own plan: the issuing committee
        for c in doc.clauses:
            for t in c.tasks:
                if not t.lead and _COMMITTEE_MEETING.search(t.text):
                    # 学院党委会议原则上每月召开2次: the committee meets, it does this
                    t.lead = [Dept(committee, lex.canonical(committee), "text")]
                _own_names(t, committee, lex)
    elif doc.issuer and suggest.issued_by_institution(doc):
        # an institution's own committee written short (院党委 in a hospital's or an
        # institute's text, 学院党委 in a 学院's): the issuing committee, in full
        mine = suggest.short_name(doc.issuer)
        for c in doc.clauses:
            for t in c.tasks:
                _own_names(t, mine, lex, unit_only=True)
                _own_discipline(t, mine, lex)
    _bearer_lead(doc, lex)
    # a unit that only 配合做好… with no lead named anywhere is the one doing it
    # (离退休工作处配合做好离退休老党员的联系服务工作): it leads, as the text names it; not in
    # a body's own plan, whose work the issuer leads (党校's 培训计划: 9月下旬举办…，教师工作部
    # 配合做好学员组织)
    own_doers = suggest.default_doers(doc, lex.canonical, lambda name: name in departments)
    issuers_own = bool(own_doers) and own_doers[0].why in (suggest.OWN_UNIT_WHY,
                                                           suggest.OWN_OFFICE_WHY)
    for c in doc.clauses:
        for t in c.tasks:
            if t.lead or not t.support or issuers_own:
                continue
            alone = [d for d in t.support if d.basis == "text" and _assists_alone(t.text, d.name)]
            if alone:
                t.lead = [_copy(d) for d in alone]
                t.support = [d for d in t.support if d not in alone]
    # a person or an office named as the sentence's doer (学校党委书记为全校师生党员讲授专题党课,
    # 由所在党支部书记上门颁发…) does it: the text names the lead, not the notice's addressees
    # nor the duty table
    # (and the sentence after it that names nobody else: …讲授专题党课，要在7月15日前…)
    for c in doc.clauses:
        last: list[Dept] = []
        for t in c.tasks:
            if not t.lead and not t.persons:  # 对…老党员，由所在党支部书记上门…: missed
                t.persons = _opening_officers(t.text, lex) or _opening_person(t.text, lex)
            elif not t.lead and not any(_person_subject(t.text, d.name) for d in t.persons):
                # (国际教育学院党总支书记每学期向…: the known 党总支书记 inside a longer name)
                t.persons = _opening_person(t.text, lex) + t.persons
            if t.lead or not t.persons:
                last = []
                continue
            doers = [d for d in t.persons if _person_subject(t.text, d.name)
                     or _opening_leader(t.text, d.name)]
            names = {d.name for d in t.persons}
            if not doers and last and all(d.name in names for d in last):
                doers = last
            if doers:  # 二级党委书记、党支部书记 written as one mention: each of them
                t.lead = _dedup([Dept(n, lex.canonical(n), "text") for d in doers
                                 for n in re.split(r"[、和及与]", d.name) if n])
            last = doers
    _restated_rows(doc)
    _seated_named(doc, lex)
    _seated_charge(doc, lex)
    _divided_by_item(doc, lex)
    _organising_lead(doc, lex, departments)
    _own_branch(doc, lex)
    _branch_kind(doc, lex)
    _opening_doers(doc, lex)
    suggest.suggest(doc, lex.canonical, lambda name: name in departments, lex.departments)
    _seated_office(doc, lex)
    _issuing_department(doc, lex, departments)
    suggest.by_title(doc, lex.canonical, lex.departments,
                     lambda name: name in departments)
    _second_opinion(doc, lex)
    _not_the_receiver(doc, lex)
    period.fill_undated(doc, p)
    _respective_times(doc)


# months listed for the same work held once in each (4月、10月各举办一期…, 6月、11月分别举办
# A和B, 于9月、12月组织两次集中预审)
_TIME_ITEM = r"\d{1,2}月(?:\d{1,2}日|[上中下]旬|底)?(?:前|之前)?"
_LIMIT_ITEM = r"\d{1,2}月(?:\d{1,2}日|底)(?:前|之前)"
_TIME_LIST = rf"{_TIME_ITEM}(?:\s*[、和及]\s*{_TIME_ITEM})+"
_RESPECTIVE = re.compile(rf"{_TIME_LIST}(?:份)?[^，,。；;]{{0,4}}?"
                         r"(?:分别|各|分两批|两次|两期|三次|三期)"
                         # (分别于5月中旬、11月中旬组织集中预审; 须于5月10日前、11月10日前报送:
                         # each date a limit of its own)
                         rf"|(?:分别|各)(?:于|在)?{_TIME_LIST}"
                         rf"|{_LIMIT_ITEM}(?:\s*[、和及]\s*{_LIMIT_ITEM})+")


def _respective_times(doc: Document) -> None:
    """A one-off written with two or more months for it, each holding one (4月、10月各举办一期
    入党积极分子培训班), is one row per month, in the task book as in the timetable."""
    for c in doc.clauses:
        rows: list[Task] = []
        for t in c.tasks:
            m = _RESPECTIVE.search(t.text) if t.kind == "once" else None
            times = re.findall(_TIME_ITEM, m.group()) if m else []
            dated = [d for d in t.deadlines if d.text in times and not d.inferred]
            if len(dated) < 2 or len(dated) != len(times):
                rows.append(t)
                continue
            for d in dated:
                row = copy.deepcopy(t)
                row.deadlines = [copy.deepcopy(d)]
                rows.append(row)
        c.tasks = rows


_OWN_BRANCH = re.compile(r"(?:本|我)?党?支部")


def _own_branch(doc: Document, lex) -> None:
    """In a branch's own plan, 支部 / 本支部 / 党支部 written as the doer (支部将…, 支部坚持…)
    is the issuing branch, named as the task book names it (not every branch: 各党支部)."""
    from pbdocs.extract import suggest

    name = suggest.short_name(doc.issuer) if doc.issuer else None
    if not name or not name.endswith("党支部") or len(name) <= 3:
        return
    for c in doc.clauses:
        for t in c.tasks:
            for d in t.lead + t.support:
                if d.basis != "suggested" and _OWN_BRANCH.fullmatch(d.name):
                    d.name, d.canonical = name, lex.canonical(name)


# the one kind of branch a document's title is about (学生党员教育管理办法 → 学生党支部,
# 离退休教职工党建工作 → 离退休党支部): the `branch_kinds` of lexicon/tasks.txt
def _title_branch_kind(title: str) -> str | None:
    from pbdocs.lang.lexicon import sections

    kinds = {row.split("=")[1].strip() for row in sections("tasks.txt").get("branch_kinds", ())
             if re.search(row.split("=")[0].strip(), title)}
    return kinds.pop() if len(kinds) == 1 else None


_ANY_BRANCH = re.compile(r"(?:各|所在|该|相关)?党?支部")
_ANY_BRANCH_SECRETARY = re.compile(r"(?:各|所在|该|相关)?党?支部书记")


def _branch_kind(doc: Document, lex) -> None:
    """In a document about one kind of branch (学生党员教育管理办法, 离退休党建工作意见), a
    branch written without its kind (所在党支部要…, 支部书记每学期…) is a branch of that kind,
    as the task book names it (学生党支部, 学生党支部书记)."""
    kind = _title_branch_kind(doc.title or "")
    if kind is None:
        return
    for c in doc.clauses:
        for t in c.tasks:
            for d in t.lead + t.support:
                if d.basis == "suggested":
                    continue
                if _ANY_BRANCH.fullmatch(d.name):
                    d.name = d.canonical = kind
                elif _ANY_BRANCH_SECRETARY.fullmatch(d.name):
                    d.name = d.canonical = kind + "书记"


# (暑假期间中心组成员开展个人自学: a time the part opens with comes before its doer)
_SUBJECT_LEAD_IN = re.compile(r"^\s*(?:[^，,。；;由]{1,6}期间)?(?:由|各|所在|每名|每位)*")
_SEGMENTS = re.compile(r"[，,；;。]")
_OFFICER_FIRST = re.compile(r"[^、，,。；;\s]{1,12}?(?:书记|委员)[、和及与]")


def _assists_alone(text: str, name: str) -> bool:
    """Whether `text` has `name` 配合 or 协助 with no body it assists (X配合做好…, not X配合Y做好…):
    the words after 配合 are `assist_alone` in lexicon/tasks.txt."""
    from pbdocs.lang.lexicon import sections

    words = sections("tasks.txt").get("assist_alone", ())
    # (由法学院党委协助准备学习材料; 人事处、离退休工作处配合提供…: each one listed)
    # (党委学生工作部要配合做好…: the modal before it too)
    if words and re.search(rf"{re.escape(name)}(?:[、和及与][^，,。；;、]{{2,12}}?)*"
                           rf"(?:要|应|须|应当)?(?:积极|主动)?(?:配合|协助)"
                           rf"(?:{'|'.join(map(re.escape, words))})", text):
        return True
    # (教师党支部要参与本单位人才引进…的讨论: the subject that is asked to take part does it)
    return bool(re.match(
        rf"\s*(?:[（(]?[一二三四五六七八九十\d]+[）)．.、]\s*)?(?:各)?{re.escape(name)}\s*(?:要|应|须|应当|需)"
        r"\s*(?:积极|主动|全程|深度|全面|深入)?\s*参与", text))


def _opening_officers(text: str, lex) -> list[Dept]:
    """The officers of the roles table (persons, not bodies) that a part of `text` names as
    its doer with 由 (由所在党支部书记上门…, 议题由分管校领导提出), longest name first."""
    names = [r for r in lex.roles if r not in lex.bodies]
    out: list[Dept] = []
    for seg in _SEGMENTS.split(text):
        rest = seg.strip()
        if not rest.startswith("由"):  # only a doer the text marks as such (由…)
            continue
        rest = rest[_SUBJECT_LEAD_IN.match(rest).end():]
        hits = [n for n in names if rest.startswith(n)]
        if hits:
            n = max(hits, key=len)
            out.append(Dept(n, lex.canonical(n), "text"))
    return [d for d in out if _person_subject(text, d.name)]


_ITEM_MARK = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]+[）)．.、]\s*)?"
                        r"(?:各|每名|每位|每个)?")
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff（）()]+")
# (按照每名党员每年…, 寒暑假前对全体党员…: a phrase, not a name)
_PREPOSITION_CHARS = "对向为与把将在从按以给跟同于被由每和及的、"
_PREPOSITION_PART = re.compile(r"经费|前|后|评议|评选|考核|培训|活动")
_PREPOSITION = re.compile(rf"[{_PREPOSITION_CHARS}]|{_PREPOSITION_PART.pattern}")
# the same, read as words: a one-character preposition standing alone (寒暑假前|对|全体党员),
# not inside a word (谈话|对象, 结对|双方)
_PREPOSITION_WORD = re.compile(rf"[{_PREPOSITION_CHARS}]|按照|依照|根据|对于|关于|通过|针对|"
                               r"围绕|面向")


def _has_preposition(name: str) -> bool:
    """Whether an opening phrase holds a preposition or an activity (按照每名党员…,
    寒暑假前对全体党员…), so that it is a phrase, not a name; read by word."""
    from pbdocs.extract.tasks import words

    return bool(_PREPOSITION_PART.search(name)) or any(
        _PREPOSITION_WORD.fullmatch(w) for w in (words(name) or (name,)))


def _opens_with_preposition(name: str, first: str) -> bool:
    """Whether a name opens with a preposition (对受处分人员…, 面向全校师生…), not with a word
    that only begins with one's character (与会|委员, 对象, 结对): its first word, when that is a
    dictionary word, says which."""
    from pbdocs.segment import in_dictionary

    if not _PREPOSITION_WORD.match(name):
        return False
    return (_PREPOSITION_WORD.fullmatch(first) is not None or len(first) < 2
            or not in_dictionary(first))


def _unit_end(name: str) -> int:
    """Where the unit a person's name opens with ends (国际教育学院党总支|书记): its words are the
    unit's, not acts (`dept_suffixes.txt`); 0 when it names no unit."""
    from pbdocs.lang.lexicon import entries

    ends = [name.rfind(x) + len(x) for x in entries("dept_suffixes.txt") if x in name[:-1]]
    return max(ends, default=0)


def _opening_person(text: str, lex) -> list[Dept]:
    """A person or a group the lexicons do not know, written as the subject the sentence opens
    with (出国（境）党员每半年向党支部书面报告…, 团长应向国际处提交出访报告, 新提任干部在试用期内…):
    a name ending as an officer does (`doer_officers` in lexicon/tasks.txt), the shortest such,
    followed by what a subject is followed by (a modal or `person_cues`). Not a verb phrase
    (落实校领导…), not an activity (民主评议党员每年开展1次), not the institution's leaders
    (`leader_terms`: their duties are organised by a department)."""
    from pbdocs.extract.tasks import has_action, opens_with_action, rules
    from pbdocs.lang.lexicon import sections

    r = rules()
    endings = tuple(sections("tasks.txt").get("doer_officers", ()))
    rest = text[_ITEM_MARK.match(text).end():]
    for _, name, after in _opening_names(rest, endings):
        if not (r.modals.match(after) or r.person_cues.match(after)):
            continue
        if (name.startswith(r.not_subject_starts) or _PREPOSITION.search(name)
                or name.endswith(tuple(r.leader_terms)) or opens_with_action(name, r)
                or has_action(name[_unit_end(name):], r)):
            return []
        return [Dept(name, lex.canonical(name), "text")]
    return []


def _opening_names(rest: str, endings: tuple[str, ...]):
    """(length, name, what follows) for each opening of `rest` of 2 to 16 name characters that
    ends as `endings` do, shortest first."""
    for k in range(2, min(len(rest), 16) + 1):
        name = rest[:k]
        if not _NAME_CHARS.fullmatch(name):
            return
        if name.endswith(endings):
            yield k, name, rest[k:]


# a time or a case the sentence opens with (培训期间，…; 9月下旬，…; 遇突发情况，…)
_LEAD_IN_SEGMENT = re.compile(r"^[^，,。；;]{1,16}?(?:期间|后|前|内|时|中|旬|月|季度|学期|情况)"
                              r"[，,]")


def _opening_doer(text: str, lex) -> list[Dept]:
    """The doer a sentence opens with when no lexicon knows it (考核工作组分组采取…, 牵头部门要…,
    学生社团每学期开展…, 谈话对象须于…): the shortest phrase ending as a doer does
    (`opening_doers` and `doer_officers` in lexicon/tasks.txt) and followed by what a subject is
    followed by (a modal, a cue; for a body, an action verb too); not a verb phrase, not an
    activity, not the officer who is trained."""
    from pbdocs.extract.tasks import (
        _EQUIPPED,
        _HELD,
        _OWN_UNIT_IN,
        MATTER_BY,
        _acts,
        _is_verb,
        has_action,
        rules,
        words,
    )
    from pbdocs.lang.lexicon import sections

    r = rules()
    sec = sections("tasks.txt")
    endings = tuple(sec.get("opening_doers", ())) + tuple(sec.get("doer_officers", ()))
    rest = text[_ITEM_MARK.match(text).end():]
    lead_in = _LEAD_IN_SEGMENT.match(rest)
    if lead_in and not r.modals.search(lead_in.group()):
        rest = rest[lead_in.end():]
        rest = rest[_ITEM_MARK.match(rest).end():]
    rest = rest.removeprefix("由")  # (由牵头部门召集配合部门共同研究: the agent after 由)
    topic = MATTER_BY.match(rest)
    if topic and not has_action(topic.group(1), r):
        rest = rest[topic.end():]  # (经费由课程负责人统筹使用: the agent after the matter)
    officers = tuple(sec.get("doer_officers", ()))
    acting = tuple(sec.get("acting_officers", ()))
    bodies = tuple(sec.get("opening_doers", ()))
    for k, name, after in _opening_names(rest, endings):
        # (带队教师负责团队安全管理: the officer in charge of something does it)
        timed = _AFTER_TIME.match(after)
        cued = bool(r.modals.match(after) or r.person_cues.match(after)
                    or _IN_CHARGE.match(after)
                    or timed and r.modals.match(after, timed.end()))
        if not (cued or ((not name.endswith(officers) or name.endswith(acting))
                         and _acts(after, r))):
            continue
        if (name.endswith(officers) and not cued
                and any(k < len(n) <= k + 4 and not _has_preposition(n)
                        for _, n, _ in _opening_names(rest, bodies))):
            continue  # (教师发展中心举办…: the officer names the body it opens)
        if k not in _word_ends(rest[:k + 8]) and not r.modals.match(after):
            # (基层团|组织建设经费: the name ends inside a word; but 物业维修科|要在…, where the
            # segmenter joins 科要, ends before its modal)
            return []
        parts = words(name) or (name,)
        last = parts[-1]
        if _is_verb(last, r):
            return []  # (校领导|带队: it ends in an act)
        if _OWN_UNIT_IN.search(name) or r.modals.search(name):
            return []  # (学院党委从本单位推荐…: the subject's own unit is no part of its name)
        # (被巡察单位党组织书记要…: the unit an act is done to, named as the doer)
        passive = _PASSIVE_UNIT.match(name)
        role = passive is not None or (
            bool(_ROLE_NAME.match(name)) or last in ("对象", "双方", "人员", "人")
        ) and len(name) <= 6
        core = name[1:] if passive else name
        parts = (words(core) or (core,)) if passive else parts
        if _opens_with_preposition(core, parts[0]) or parts[0] == "拟" or (
                len(parts) > 2 and _is_verb(parts[0], r) and not passive):
            return []  # (对受处分人员…, 拟表彰对象在…公示, 组织推优对象开展…: not its doer)
        # (与会委员要…: 与会 is one word, not the preposition 与)
        opening = next((x for x in r.not_subject_starts if name.startswith(x)), None)
        if ((opening is not None and not role and len(parts[0]) <= len(opening))
                or _has_preposition(core)
                or _NOT_IN_DOER.search(name)
                or any(re.search(x, name) for x in sec.get("not_opening_doers", ()))
                or _HELD.match(after) or _EQUIPPED.match(after)
                or any(x in name for x in r.leader_terms) or r.not_body_words.search(name)
                or name in r.institution_bodies or lex.canonical(name) in r.organised_bodies
                or _TIME_WORDS.search(name)
                or (has_action(name, r) and not role)):
            return []
        if name.endswith(officers) and _trained_one(rest, name):
            return []
        return [Dept(name, lex.canonical(name), "text")]
    return []


# a unit named by what is done to it (被巡察单位, 被检查部门, 被考核对象)
_PASSIVE_UNIT = re.compile(r"被[\u4e00-\u9fff]{1,3}(?:单位|部门|党组织|对象|学院)")
# (数据修正须经…, 支部书记代表支部委员会报告…: an act inside the phrase, not a name)
_NOT_IN_DOER = re.compile(r"经|代表(?!团).")
# a doer's charge right after its name (带队教师负责…)
_IN_CHARGE = re.compile(r"(?:具体|主要|全面)?负责(?!人|同志)")
_TIME_WORDS = re.compile(r"季度|假期|学期|半年|年度|上旬|中旬|下旬|月|日")
# a time between a doer and its modal (辅导员寒假期间要…, 各组组长每天须…)
_AFTER_TIME = re.compile(r"(?:[^，,。；;要须应]{1,6}?期间|寒暑假|寒假|暑假|假期|节假日"
                         r"|每(?:学期|学年|季度|年|月|周|半年|天|日))")


def _word_ends(text: str) -> set[int]:
    """Where the segmented words of `text` end."""
    from pbdocs.extract.tasks import words

    ends, at = set(), 0
    for w in words(text):
        at += len(w)
        ends.add(at)
    return ends


_ROLE_NAME = re.compile(r"(?:牵头|承办|配合|责任|申报|派出|参评|主办|结对|共建|帮扶|窗口)")


def _opening_doers(doc: Document, lex) -> None:
    """Rows no rule gave a lead (or only a suggested one) whose sentence opens with its doer:
    that doer leads, as the text names it."""
    for c in doc.clauses:
        for t in c.tasks:
            if t.lead and any(d.basis != "suggested" for d in t.lead):
                continue
            found = (_opening_doer(t.text, lex) or _opening_list(t.text, lex)
                     or _agent_segment(t.text, lex))
            if found:
                t.lead = found


# names listed at a sentence's start before its modal (图书馆、艺术馆要…)
_UNIT_CHARS = r"[\u4e00-\u9fff（）()]{2,16}"
_OPENING_LIST = re.compile(rf"^(?P<names>{_UNIT_CHARS}(?:[、和]{_UNIT_CHARS}){{1,4}})"
                           r"(?:要|须|应当|应|必须)")


def _opening_list(text: str, lex) -> list[Dept]:
    """Two or more units listed at a sentence's start before its modal (马克思主义学院、教师教育
    学院要推荐骨干教师…; 图书馆、艺术馆要常态化开展…): all of them do it, as the text names them,
    when each is a department the lexicon knows or is named as units are (dept_suffixes.txt)."""
    from pbdocs.extract.depts import _dept_like

    rest = text[_ITEM_MARK.match(text).end():].removeprefix("各")
    m = _OPENING_LIST.match(rest)
    if not m:
        return []
    parts = [p.removeprefix("各") for p in re.split(r"[、和]", m.group("names"))]
    departments = set(lex.departments.values())
    known = [p for p in parts if lex.canonical(p) in departments]
    if not all(p in known or _dept_like(p, {}, lex) for p in parts):
        return []
    return [Dept(p, lex.canonical(p), "text") for p in parts]


def _agent_segment(text: str, lex) -> list[Dept]:
    """The doer a later segment hands the work to with 由 when the sentence opens with a
    condition, a topic or a time (对实施满2年的重要制度，由制定部门开展…; 具体时间由检查组提前…
    通知; 考核等次为“一般”的，由分管校领导约谈…): the agent after 由, as an opening doer is read."""
    from pbdocs.extract.tasks import MATTER_BY

    for m in re.finditer(r"[，,]", text):
        seg = text[m.end():]
        if seg.startswith("由") or MATTER_BY.match(seg):
            found = _opening_doer(seg, lex)
            if found:
                return found
    return []


def _opening_leader(text: str, name: str) -> bool:
    """Whether the institution's leaders (`opening_leaders` in lexicon/tasks.txt) open `text` as
    its doer (校领导每学期到联系学院调研…, 每名校领导联系2至3名…), not as the ones trained."""
    from pbdocs.lang.lexicon import sections

    ends = tuple(sections("tasks.txt").get("opening_leaders", ()))
    rest = text[_ITEM_MARK.match(text).end():]
    return bool(ends) and name.endswith(ends) and rest.startswith(name) and not _trained_one(
        rest, name)


# an officer who takes part in training (党支部书记每年参加集中培训不少于32学时), not one who
# organises it (院党委副书记负责组织支部书记参加学校轮训)
_TRAINED = re.compile(r"^(?:(?!组织|负责)[^，,。；;])*?(?:参加|接受|完成)"
                      r"[^，,。；;]{0,10}?(?:培训|轮训)")


def _trainee(name: str) -> bool:
    """Whether `name` is a class's trainee (`trainee_doers` in lexicon/tasks.txt: 学员), who does
    the coursework a sentence counts in 学时."""
    from pbdocs.lang.lexicon import sections

    return name.endswith(tuple(sections("tasks.txt").get("trainee_doers", ())))


# an officer told to take a training himself (新任党支部书记须在任职后3个月内参加岗前培训,
# 新提任中层干部任职后一年内应参加任职培训): the sentence asks it of him, so he is its doer
_MUST_TRAIN = re.compile(r"^(?:(?!组织|负责|安排)[^，,。；;]){0,14}?(?:须|应当|应|要|必须|需)"
                         r"(?:(?!组织|负责|安排)[^，,。；;]){0,14}?(?:参加|完成|接受)"
                         r"[^，,。；;]{0,12}?(?:培训|轮训|学时|测试|考试|读书班|研修班)")


def _trained_one(text: str, name: str) -> bool:
    """Whether the officer `name` opening `text` is the one trained or counted in it (党支部书记
    每年参加集中培训…), not a class's trainee doing the coursework, nor one the sentence tells
    to take a training (新任党支部书记须在任职后3个月内参加岗前培训)."""
    after = text[len(name):] if text.startswith(name) else ""
    if _ORGANISES.match(after):
        return False  # (各二级党组织书记要亲自部署本单位轮训工作: he organises the training)
    if _MUST_TRAIN.match(after):
        return False
    return bool(_person_object(text) or _TRAINED.search(text)) and not _trainee(name)


# an officer who organises what the sentence names (部署…轮训, 与…开展…谈话, 组织…培训)
_ORGANISES = re.compile(r"\s*(?:要|应当|应|须|必须)?\s*(?:亲自|认真|带头|切实|主动|逐一)?\s*"
                        r"(?:部署|组织|开展|负责|督促|指导|召开|主持|抓好|与|同)")


def _person_object(text: str) -> bool:
    """Whether the officers a sentence opens with are the ones trained or counted in it
    (每名党支部书记每年参加集中培训不少于32学时: `person_objects` in lexicon/tasks.txt)."""
    from pbdocs.lang.lexicon import sections

    return any(re.search(w, text) for w in sections("tasks.txt").get("person_objects", ()))


def _person_subject(text: str, name: str) -> bool:
    """Whether the officer `name` (a 书记, a 委员) opens `text` as its doer (学校党委书记为全校
    师生党员讲授专题党课, 由所在党支部书记上门颁发…), not as the one trained or counted (党支部书记
    每年参加集中培训: `person_objects` in lexicon/tasks.txt)."""
    from pbdocs.lang.lexicon import sections

    s = sections("tasks.txt")
    if _person_object(text) and not _trainee(name):
        return False
    if re.search(rf"(?:^|[，,；;])\s*[^，,；;]{{0,20}}?由(?:所在|学院|各)?{re.escape(name)}"
                 rf"(?:负责|牵头|提出|召集|主持|审核|审定|组织|统一|逐一|[^，,；;]{{0,6}}?(?:进行|开展))",
                 text):
        return True  # 议题由分管校领导提出: whoever the roles table names, after 由
    if not name.endswith(tuple(s.get("doer_officers", ()))):
        return False
    if re.search(rf"[要应须]\s*(?:与|同|和){re.escape(name)}\s*(?:共同|一起|一道|联合)", text):
        return True  # 各党支部书记要与科室主任共同抓好…: the partner does it too
    segs = _SEGMENTS.split(text)
    if name.endswith("领导"):
        # (校领导向党委常委会书面报告…, 教师节前后，校领导走访慰问…: a leader opening the
        # sentence, or after its time; not one who attends what another organises, 学校召开
        # 座谈会，校领导通报…)
        segs = segs[:2] if len(segs[0].strip()) <= 8 else segs[:1]
    for seg in segs:  # 对行动不便的老党员，由所在党支部书记上门颁发…
        seg = seg.strip()
        if re.search(rf"由(?:所在|学院|各)?{re.escape(name)}", seg):
            return True  # 政治审查材料由学院组织员统一审核把关: the agent
        for _ in range(4):  # 各二级党委书记、党支部书记要…: each officer listed first
            rest = seg[_SUBJECT_LEAD_IN.match(seg).end():]
            if seg.startswith(name) or rest.startswith(name):
                return True
            m = _OFFICER_FIRST.match(rest)
            if not m:
                break
            seg = rest[m.end():]
    return False


def _yearly_dates(doc: Document) -> None:
    """A task dated the same month of each year in turn (完成时间：2026年12月、2027年12月)
    recurs every year: a yearly recurrence, not a deadline of its first year."""
    from pbdocs.model import Recurrence

    for c in doc.clauses:
        for t in c.tasks:
            if t.recurrences or len(t.deadlines) < 2:
                continue
            ends = [d.end for d in t.deadlines]
            if not all(e and re.fullmatch(r"\d{4}-\d{2}-\d{2}", e) for e in ends):
                continue
            if any(d.kind not in ("by", "on") or (d.start and d.start[:7] != d.end[:7])
                   for d in t.deadlines):
                continue
            years = [int(e[:4]) for e in ends]
            if len({e[5:] for e in ends}) != 1 or years != list(range(years[0],
                                                                     years[0] + len(years))):
                continue
            t.recurrences = [Recurrence(text="、".join(d.text for d in t.deadlines),
                                        period="year")]
            t.deadlines = []
            t.kind = "recurring"


def _inherit_cadence(doc: Document) -> None:
    """The steps under a duty that recurs (党员大会…每季度召开一次 → 会前准备: 召开支委会…)
    recur with it: a task of a deeper clause with no cadence or date of its own takes the
    first cadence of the nearest clause above it that states one."""
    import copy

    by_path = {tuple(c.path): c for c in doc.clauses}
    for c in doc.clauses:
        above = next((by_path[tuple(c.path[:k])] for k in range(len(c.path) - 1, 0, -1)
                      if tuple(c.path[:k]) in by_path
                      and by_path[tuple(c.path[:k])].recurrences), None)
        if above is None:
            continue
        for t in c.tasks:
            if t.recurrences or any(d.end or d.start for d in t.deadlines):
                continue
            t.recurrences = [copy.copy(above.recurrences[0])]
            t.kind = "recurring"


_BEARER = re.compile(r"^(?P<name>[\u4e00-\u9fff（）()]{2,30}?)(?:[（(]单位[）)])?"
                     r"(?=\d{4}|关于|年度|[（(]?\d)")


def _bearer_lead(doc: Document, lex) -> None:
    """A 目标责任书 names the body it binds at the head of its title (党工委统战部门(单位)2020年度
    …目标责任书): that body leads every item nobody else is named for (basis stated: the title is
    its label)."""
    from pbdocs.extract.tasks import rules

    kind, title = doc.kind or "", doc.title or ""
    m = _BEARER.match(title)
    if not m or not any(kind.endswith(g) for g in rules().bearer_genres):
        return
    name = m.group("name")
    for c in doc.clauses:
        for t in c.tasks:
            if not t.lead:
                t.lead = [Dept(name, lex.canonical(name), "stated")]


# a division of the work by item number (三、责任分工 第（一）项由党委办公室牵头；第（二）（四）项由
# 党委组织部牵头；第（三）项由党委教师工作部牵头，人事处配合)
_ITEM_NO = r"(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}|\d{1,2})"
_DIVISION = re.compile(rf"第?(?P<items>{_ITEM_NO}(?:\s*(?:[、，,和及至到—－-]|\s)*\s*{_ITEM_NO})*)"
                       rf"\s*项(?:任务|工作|举措|措施)?\s*由(?P<lead>[^，,。；;]{{2,40}}?)"
                       rf"(?:牵头|负责)(?:[，,]\s*(?P<support>[^，,。；;]{{2,40}}?)(?:配合|协助|参与))?")
_ITEM_ONE = re.compile(_ITEM_NO)


def _item_key(number: str) -> str:
    """An item number without its brackets or full stop: （三） → 三, 3. → 3."""
    return re.sub(r"[（()）.、．\s]", "", number or "")


def _divided_by_item(doc: Document, lex) -> None:
    """A section that divides the work by item number (第（一）项由党委办公室牵头；第（二）（四）
    项由党委组织部牵头，…配合) states the lead and support of every task of those items; a body the
    task itself names as its doer stays a lead beside it. The items are those of the nearest
    section before it that has them all; 其余各项 stay as the duty table suggests."""
    def stated(names: str | None) -> list[Dept]:
        return [Dept(n, lex.canonical(n), "stated") for n in re.split(r"[、和及与]", names or "")
                if len(n) >= 2]

    for k, c in enumerate(doc.clauses):
        found = list(_DIVISION.finditer(c.text or ""))
        if not found:
            continue
        plan: dict[str, tuple[list[Dept], list[Dept]]] = {}
        for m in found:
            for n in _ITEM_ONE.findall(m.group("items")):
                plan[_item_key(n)] = (stated(m.group("lead")), stated(m.group("support")))
        # the items: clauses before this one, under one section, numbered as the plan says
        before = doc.clauses[:k]
        items: dict[tuple, dict[str, tuple]] = {}  # section path → item number → item path
        for item in before:
            if len(item.path) >= 2 and item.number:
                items.setdefault(tuple(item.path[:-1]), {})[_item_key(item.number)] = tuple(
                    item.path)
        target = next((sec for sec in reversed(list(items))
                       if all(n in items[sec] for n in plan)), None)
        if target is None:
            continue
        for item in before:
            path = tuple(item.path)
            key = next((n for n, p in items[target].items() if path[:len(p)] == p), None)
            if key not in plan:
                continue
            lead, support = plan[key]
            named = {d.canonical for d in lead}
            for t in item.tasks:
                if any(d.basis == "stated" for d in t.lead):
                    continue
                texts = [d for d in t.lead if d.basis == "text" and d.canonical not in named]
                t.lead = [_copy(d) for d in lead] + texts
                leads = {d.canonical for d in t.lead}
                t.support = _dedup([_copy(d) for d in support]
                                   + [d for d in t.support if d.canonical not in leads])
        c.lead = []  # the division names who leads those items, not who does this section
        c.support = []


# the office a leading group's or a task force's daily work is seated in
# (领导小组办公室设在党委组织部; 领导小组下设办公室，设在党委组织部)
_SEATED = re.compile(r"(?:办公室|专班|小组)(?:[^，,。；;]{0,6}?|[，,]\s*)设在"
                     r"(?P<name>[^，,。；;（(、\s]{2,12})")


_GROUP_OFFICE = re.compile(r"(?:领导小组|工作专班|专班|工作小组|活动)办公室$")


def _first_seat(texts, lex) -> str | None:
    """The department the first of `texts` that seats a group's office names (领导小组办公室
    设在党委组织部 → 党委组织部), as written; None when none does."""
    departments = set(lex.departments.values())
    for text in texts:
        for m in _SEATED.finditer(text or ""):
            if lex.canonical(m.group("name")) in departments:
                return m.group("name")
    return None


def _seated_named(doc: Document, lex) -> None:
    """The office of a plan's leading group written as a doer (领导小组办公室每月通报一次进度) is
    the department it is seated in (领导小组办公室设在党委组织部): the task book names that
    department, as the text does (basis kept)."""
    departments = set(lex.departments.values())
    seat = _first_seat((c.text for c in doc.clauses), lex)
    if seat is None:
        return
    for c in doc.clauses:
        for t in c.tasks:
            for d in t.lead + t.support:
                if d.canonical not in departments and _GROUP_OFFICE.match(d.name or ""):
                    d.name, d.canonical = seat, lex.canonical(seat)
            t.lead, t.support = _dedup(t.lead), [d for d in _dedup(t.support) if d not in t.lead]


def _organising_lead(doc: Document, lex, departments: set[str]) -> None:
    """The body that the plan's organising section (组织领导, 组织实施) puts in charge of the
    whole work (由党委组织部具体负责组织实施) is the suggestion for the tasks that name nobody,
    unless the duty table fits a task better: a specific duty of another department (思政课 →
    马克思主义学院; not a broad term of `broad_duty_terms` such as 党建工作, and not a department
    the task itself names as a partner: 联合党委教师工作部举办…; a broad term in a phrase
    that says what the sentence is about counts: 宣传其先进事迹 is the 宣传部's). In a
    document whose unnamed work otherwise goes to its own doers (a notice's addressees), the
    body in charge keeps every such task."""
    from pbdocs.extract.tasks import rules

    words = rules().organising_headings
    lead: list[Dept] = []
    for c in doc.clauses:
        # a section headed 组织领导 / （一）加强组织领导 (not a lead phrase that mentions it)
        headings = [s.heading for s in doc.ancestors(c)]
        if doc.section(c.path) is not None:
            headings.append(doc.section(c.path).heading)
        named = [d for d in c.lead  # 由党委组织部具体负责组织实施 (not 由…负责解释)
                 if d.basis == "text" and not _interprets(c.text or "", d.name)
                 and _in_charge(c.text or "", d.name)]
        if named and _divides_work(c):
            continue  # 党委办公室负责组织协调…；党委宣传部负责拟定学习方案…: a division of work
        if named and any(w in h and len(h) <= 12 for h in headings if h for w in words):
            lead = [Dept(d.name, d.canonical, "suggested", "组织实施一节写明由它负责整项工作")
                    for d in named]
            break
        topical = [d for d in c.lead if d.basis == "text" and _charged_with_document(
            c.text or "", d, doc.title or "")]
        if topical:
            lead = [Dept(d.name, d.canonical, "suggested", "文中写明由它负责本文件的组织协调")
                    for d in topical]
            break
    if not lead:
        return
    from pbdocs.extract import suggest

    mine = {d.canonical for d in lead}
    if suggest.default_doers(doc, lex.canonical, lambda name: name in departments):
        mine = None  # (a notice's own doers come before the duty table)
    present = suggest.named_offices(doc, lex.departments)  # (a 党群工作部 covers 组织部's work)
    for c in doc.clauses:
        for t in c.tasks:
            if t.lead:
                continue
            found = suggest.by_duty(t.text)
            if (mine is not None and found and (found[1] not in rules().broad_duty_terms
                                                 or rules().decisive_duty.search(t.text))
                    and found[1] not in (doc.title or "")  # (the plan's own topic fits it all)
                    and not mine & {suggest.own_office(n, present) for n in found[0].lead}
                    and not any(n in t.text for n in found[0].lead)):
                continue  # a duty of its own fits it better (思政课 → 马克思主义学院)
            t.lead = [_copy(d) for d in lead]


def _issuing_department(doc: Document, lex, departments: set[str]) -> None:
    """A department's own document (宣传部 issuing the study plan, 组织部's notice): the work it
    names nobody for and no duty fits (12月中旬召开年度学习成果交流会) is the department's own;
    not where the committee's office issues a plan of the committee's whose title says whose
    duty it is (党委办公室 印发《党委理论学习中心组学习计划》: the 宣传部 organises it)."""
    from pbdocs.extract import suggest

    office = suggest.issuer_office(doc)
    name = lex.canonical(office) if office else ""
    if not name or name not in departments:
        return
    if suggest.issued_by_institution(doc) and suggest.by_duty(doc.title or "") is not None:
        return  # (党委办公室 issuing the committee's 中心组学习计划: the title's duty, by_title)
    for c in doc.clauses:
        for t in c.tasks:
            if not t.lead:
                t.lead = [Dept(office, name, "suggested", suggest.OWN_OFFICE_WHY)]


def _seated_charge(doc: Document, lex) -> None:
    """A charge after the office it belongs to, in the same sentence (成立…领导小组，领导小组办公室
    设在党委组织部，负责日常协调和督促检查): the prose names who does it (basis text)."""
    from pbdocs.extract.tasks import CHARGE_OPENING

    departments = set(lex.departments.values())
    for c in doc.clauses:
        text = c.text or ""
        for t in c.tasks:
            at = text.find(t.text[:12])
            if t.lead or at <= 0 or not CHARGE_OPENING.match(t.text):
                continue
            start = max(text.rfind(p, 0, at) for p in "。；;！？!?\n") + 1
            seated = [m.group("name") for m in _SEATED.finditer(text, start, at)]
            if seated and lex.canonical(seated[-1]) in departments:
                t.lead = [Dept(seated[-1], lex.canonical(seated[-1]), "text")]


_NOT_CJK = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]")


def _restated_rows(doc: Document) -> None:
    """A division-of-work table after the plan's items (四、重点任务分工: 序号 任务 牵头单位 配合
    单位 完成时间, one row a short name of an item above) states who leads the item it names:
    the item's rows get that lead and support (basis stated) and, where they have no date of
    their own, its time; the table's row, a second copy of the item, is no row of its own."""
    from pbdocs.search.analysis import bigrams

    items = [c for c in doc.clauses if c.tasks]
    for row in doc.clauses:
        stated = [d for d in row.lead if d.basis == "stated"]
        if not stated or len(row.path) < 2:
            continue
        core = re.split(r"[。\n]", row.text or "", maxsplit=1)[0]
        if _NOT_CJK.sub("", (row.text or "").split("\n")[0]) != _NOT_CJK.sub("", core):
            # (（三）组织生活规范。支部委员会会议每月召开一次…（牵头单位：…）: a row is one short
            # name; an item whose heading an overview also names goes on with its own sentences)
            continue
        grams = set(bigrams(core))
        if not 3 <= len(grams) <= 24:
            continue
        scored = []
        for c in items:
            if c is row or c.path[0] == row.path[0] or any(
                    d.basis == "stated" for d in c.lead):
                continue
            have = set(bigrams(c.text or ""))
            scored.append((len(grams & have) / len(grams), c))
        scored.sort(key=lambda x: -x[0])
        if not scored or scored[0][0] < 0.7 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            continue
        item = scored[0][1]
        dated = [d for d in row.deadlines if d.end or d.start]
        for t in item.tasks:
            if not any(d.basis in ("stated", "text") for d in t.lead):
                t.lead = [_copy(d) for d in stated]
            if not t.support:
                t.support = [_copy(d) for d in row.support if d.basis == "stated"]
            if dated and t.kind == "once" and not any(
                    not d.inferred and (d.end or d.start) for d in t.deadlines):
                t.deadlines = [copy.copy(d) for d in dated] + t.deadlines
        row.tasks = [t for t in row.tasks if _NOT_CJK.sub("", t.text) != _NOT_CJK.sub("", core)]
        for t in row.tasks:  # a sentence run on after the table (未列入分工的任务，由相关单位…):
            t.lead = [d for d in t.lead if d.basis != "stated"]  # not the row's units
            t.support = [d for d in t.support if d.basis != "stated"]


# a plan setting up the leading group of its work (学校成立“三全育人”综合改革工作领导小组)
_LEADING_GROUP = re.compile(r"成立[^，,。；;]{2,30}?领导小组")


def _seated_office(doc: Document, lex) -> None:
    """The office a plan's leading group or task force is seated in (专班办公室设在党群工作部)
    does its daily work: it is the suggestion for the tasks that neither name a doer nor
    fit a duty (成立工作专班, 开展中期评估, 全面总结成效), nor fit only the plan's own topic
    (召开全校“三全育人”综合改革推进会 in the “三全育人” plan: its topic fits all of it)."""
    from pbdocs.extract.tasks import rules

    words = rules().organising_headings

    def organising(c) -> bool:
        headings = [s.heading for s in doc.ancestors(c)]
        if doc.section(c.path) is not None:
            headings.append(doc.section(c.path).heading)
        # (an organising section, or wherever the plan sets up its leading group: 四、保障措施
        # 学校成立…工作领导小组，领导小组办公室设在学生工作处)
        return any(w in h for h in headings + [c.heading or ""] if h for w in words) or bool(
            _LEADING_GROUP.search(c.text or ""))

    _own_seat(doc, lex)
    office = _first_seat((c.text for c in doc.clauses if organising(c)), lex)
    if office is None:
        return
    why = f"“办公室设在{office}”"
    topic = doc.title or ""
    for c in doc.clauses:
        for t in c.tasks:
            if t.lead and all(d.basis == "suggested" and d.why and d.why.startswith("“")
                              and d.why.endswith("”") and d.why[1:-1] in topic for d in t.lead):
                t.lead = []  # the plan's own topic (三全育人 in its title) fits all of it
            if not t.lead:
                t.lead = [Dept(office, lex.canonical(office), "suggested", why)]


def _own_seat(doc: Document, lex) -> None:
    """A leading group set up in a sentence that also seats its office (成立…工作领导小组，党委书记
    任组长，领导小组办公室设在党委组织部): the office does the setting up, as a suggestion; the
    duty its words would fit (党委书记 → 党委办公室) is not the work."""
    for c in doc.clauses:
        for t in c.tasks:
            if not t.lead or not all(d.basis == "suggested" for d in t.lead) or not (
                    _LEADING_GROUP.search(t.text)):
                continue
            seat = _first_seat([t.text], lex)
            if seat is not None:
                t.lead = [Dept(seat, lex.canonical(seat), "suggested",
                               f"句中写明领导小组办公室设在{seat}")]


def _divides_work(clause) -> bool:
    """Whether an organising clause gives two or more departments a charge each (党委办公室负责
    中心组学习的组织协调…。党委宣传部负责拟定每次学习方案…): a division of the work, so none
    of them is in charge of the whole of it."""
    text = clause.text or ""
    charged = {d.canonical or d.name for d in clause.lead if d.basis == "text"
               and re.search(rf"{re.escape(d.name)}[^，,。；;]{{0,6}}?负责(?!解释)", text)}
    return len(charged) > 1


def _in_charge(text: str, name: str) -> bool:
    """Whether `text` puts the body `name` in charge of the whole work (由党委组织部具体负责组织
    实施, 党委组织部负责统筹实施本计划: `organising_charge` in lexicon/tasks.txt), not only of
    one duty of its own (院办公室负责在院网开设专栏)."""
    from pbdocs.extract.tasks import rules

    return _names_body(text, name, rules().organising_charge)


def _names_body(text: str, name: str, patterns: tuple[str, ...]) -> bool:
    """Whether one of `patterns` (regexes with {name}) finds the body `name` in `text`."""
    name_re = re.escape(name)
    return any(re.search(p.replace("{name}", name_re), text) for p in patterns)


# what a department's name says beyond its kind of office (党委人才工作办公室 → 人才)
_OFFICE_KIND = re.compile(r"^党委|(?:工作)?(?:办公室|部|处|中心)$")


def _charged_with_document(text: str, d: Dept, title: str) -> bool:
    """Whether `text` puts the department `d` in charge of the document itself (党委人才工作
    办公室负责本制度的日常组织协调: `document_charge` in lexicon/tasks.txt) and the department
    is named for the document's topic (人才 in 《…联系服务高层次人才制度…》)."""
    from pbdocs.extract.tasks import rules

    topic = _OFFICE_KIND.sub("", d.canonical or d.name)
    return len(topic) >= 2 and topic in title and _names_body(text, d.name,
                                                              rules().document_charge)


def _interprets(text: str, name: str) -> bool:
    """Whether a body is named in `text` only as the one who interprets the document (本意见
    由党委组织部负责解释): that names no lead for the clause's tasks."""
    said = [s for s in re.split(r"[。；;！？\n]", text) if name in s]
    return bool(said) and all("负责解释" in s for s in said)


def _title_year(doc: Document) -> int | None:
    """The one year a plan's title names (2027年校党委理论学习中心组学习计划, 党工委统战部门
    2020年度目标责任书), or None."""
    from pbdocs.extract import period

    p = period.title_period(doc)
    return p.end.year if p is not None and p.start and p.start.year == p.end.year else None


def _outside(d: Deadline, span: Deadline) -> bool:
    """Whether a day falls outside a phase's span (“七一”前后 under 组织实施阶段（6月1日至6月30日）:
    the day itself is the work's time). A month's label keeps its work (6月：“七一”前后…), as
    most gold reads it."""
    lo, hi = span.start or span.end, span.end
    return bool(d.start and lo and hi and not lo <= d.start <= hi
                and not _MONTH_ONLY.fullmatch(span.text or ""))


_MONTH_ONLY = re.compile(r"(?:[一二三四五六七八九十]{1,2}|\d{1,2})(?:\s*[—\-–~～至到]\s*"
                         r"(?:[一二三四五六七八九十]{1,2}|\d{1,2}))?\s*月份?")


def _date_year(value: str | None) -> int | None:
    """The year of an ISO date (a document's date), or None."""
    return int(value[:4]) if value and value[:4].isdigit() else None


def _closing_notes(doc: Document) -> dict[tuple[str, ...], str]:
    """The notes that close a list of items rather than its last item: a note on a line of
    its own after the last of two or more numbered items, none of which has a note of its
    own (1．…⏎2．…⏎3．…⏎牵头单位：党委组织部；配合单位：人事处), is their heading's, by path."""
    out: dict[tuple[str, ...], str] = {}
    siblings: dict[tuple[str, ...], list[Clause]] = {}
    for c in doc.clauses:
        if len(c.path) >= 2:
            siblings.setdefault(tuple(c.path[:-1]), []).append(c)
    for parent, items in siblings.items():
        last = items[-1]
        if (len(items) >= 2 and last.note and last.note_own_line
                and not any(c.note for c in items[:-1]) and parent not in out):
            out[parent] = last.note
    return out


def _parent_note(notes: dict[tuple[str, ...], str], clause: Clause) -> str | None:
    """The responsibility note of the heading a clause sits under (（五）推动党建业务融合
    （牵头单位：党委组织部；配合单位：…） over items 12–14), when the clause has none of its
    own: it holds for the items under it. `notes`: the document's clause notes by path."""
    if clause.note:
        return None
    return next((notes[tuple(clause.path[:k])] for k in range(len(clause.path) - 1, 0, -1)
                 if tuple(clause.path[:k]) in notes), None)


def _enrich_clause(clause: Clause, doc_date, extra, lex, heading_deadlines, analyse,
                   headings: list[str], preamble_of_plan: bool = False,
                   year: int | None = None, parent_note: str | None = None,
                   label_year: int | None = None) -> None:
    from pbdocs.extract import depts, timeexpr
    from pbdocs.extract.tasks import clause_words as tasks_words

    text = clause.text or ""
    inherited: list[Deadline] = []
    for i in range(1, len(clause.path) + 1):
        for dl in heading_deadlines.get(tuple(clause.path[:i]), []):
            if dl.text not in text and all(dl != x for x in inherited):
                inherited.append(dl)
    if clause.heading:  # a lead phrase's time holds for the tasks under it, kept apart from
        # the text or run in (动员部署阶段（3月中旬—3月底）。学院党委成立…): it is no task itself
        for f in timeexpr.find_deadlines(clause.heading, doc_date, context_year=year):
            if f.deadline not in inherited:
                inherited.append(f.deadline)
    if clause.number:  # a month label numbering a plan's months (四月份, 7—8月): the time of
        # its work (全年 is the whole plan, no phase: its standing duties stay so)
        found = timeexpr.find_deadlines(clause.number, doc_date, context_year=year)
        if label_year and not all((f.deadline.end or "")[:4] == str(label_year) for f in found):
            # 1月：… in a 2027 plan issued in February: January 2027, though past
            found = timeexpr.find_deadlines(clause.number, None, context_year=label_year)
        for f in found:
            if ((f.deadline.end or f.deadline.start) and f.deadline not in inherited
                    and not _WHOLE_SPAN.fullmatch(f.deadline.text or "")):
                inherited.append(f.deadline)
    # the year a phase begins in dates the months its text names (秋季学期：9月…10月… of a
    # 2027 plan: 2027, though the semester ends in January 2028)
    ctx_year = next((int((d.start or d.end)[:4]) for d in inherited
                     if d.end and not timeexpr.is_week_label(d.text)), year)
    sdoc = analyse(text, doc_date, extra, ctx_year)
    pb = sdoc.user_data["pb"]
    res = depts.Responsibility()
    if clause.note:
        res.merge(depts.parse_labels(clause.note, lex))
    elif parent_note:
        res.merge(depts.parse_labels(parent_note, lex))
    # a sentence that names nobody inherits the note's departments, or without a note the
    # departments the clause's prose names
    note_depts = res.depts() if res.lead or res.support else None
    if note_depts is not None and not note_depts[0]:
        # (…。牵头单位：纪委办公室；配合单位：党委办公室。: the note lifted is the support
        # alone, the lead's label stayed in the text, and it leads the clause's tasks)
        stated = [Dept(m.name, m.canonical, m.basis) for m in pb["responsibility"].lead
                  if m.basis == "stated"]
        if stated:
            note_depts = (stated, [d for d in note_depts[1]
                                   if d.canonical not in {x.canonical for x in stated}])
    res.merge(pb["responsibility"])
    clause.lead, clause.support = res.depts()
    base = note_depts or ([d for d in clause.lead if not _interprets(text, d.name)],
                          clause.support)
    deadlines = [f.deadline for f in pb["deadlines"]]
    noted_recs = []
    pb["noted"] = []
    if clause.note:  # a lifted note may carry 完成时限：2022年12月, or a cadence (每年1月)
        from pbdocs.extract.recurrence import find_recurrences

        cell = _TIME_FIELD.search(clause.note)  # only the time field: 完成时限：每年1月
        found_recs = [f for f in find_recurrences(clause.note, lex)
                      if cell and cell.start(1) <= f.start < cell.end(1)]
        noted_recs = [f.recurrence for f in found_recs]
        noted = [f.deadline for f in timeexpr.find_deadlines(clause.note, doc_date)
                 if not any(r.start <= f.start < r.end for r in found_recs)]
        the_year = ctx_year or _date_year(doc_date)
        if cell and not noted and not found_recs and the_year:
            # 完成时限：“七一”前后: the named day the time field gives
            day = timeexpr.named_day_due(cell.group(1), the_year)
            noted = [day] if day is not None else []
        inherited = _dedup(inherited + noted)
        # (…。牵头单位：…；完成时限：6月底前。: the time the item's own note states is written
        # for its tasks, not inferred)
        pb["noted"] = [d for d in noted if _TIME_FIELD.search(clause.note)]
        if any(d.end or d.start for d in noted):
            noted_recs = []  # 2026年6月底，此后每年: the date first, the cadence after it
    clause.deadlines = _dedup(inherited + deadlines)
    clause.recurrences = [f.recurrence for f in pb["recurrences"]]
    tgts = pb["targets"]
    clause.references = list(dict.fromkeys(pb["references"]))
    named = {m.canonical for m in res.lead + res.support}
    actors: list[str] = []
    for m in pb["actors"]:
        if m.canonical not in named and m.name not in actors:
            actors.append(m.name)
    clause.actors = actors
    with tasks_words(text, pb["words"]):
        clause.tasks = _tasks(clause, text, pb, lex, note_depts, base, inherited, headings,
                              doc_date, preamble_of_plan)
    if clause.note and noted:
        _note_time_to_deliverables(clause.tasks, noted)
    if noted_recs:  # the note's cadence holds for the tasks that state no time of their own
        import copy

        clause.recurrences = clause.recurrences or list(noted_recs)
        for t in clause.tasks:
            if not t.recurrences and not any(not d.inferred for d in t.deadlines):
                t.recurrences = [copy.copy(noted_recs[0])]
                t.deadlines = [d for d in t.deadlines if not d.inferred]
                t.kind = "recurring"
    clause.targets = [f.target for f in tgts]


def _note_time_to_deliverables(tasks_: list[Task], noted: list[Deadline]) -> None:
    """A note's time (完成时间：6月底前) for an item of several tasks is the time of what the
    item delivers (加强新媒体账号备案管理，6月底前完成清理整顿。): a standing duty beside it
    (加强…, 完善…) dates nothing and stays standing; so does one the note gives the whole
    year (严格落实…审批制度。完成时间：全年)."""
    from pbdocs.extract import tasks

    rules = tasks.rules()
    ends = {d.end for d in noted if d.end}
    written = {(d.text, d.end) for d in noted}  # (the note's own time, not inferred)

    def standing(t: Task) -> bool:
        return (not t.recurrences and bool(t.deadlines)
                and all((d.inferred or (d.text, d.end) in written) and d.end in ends
                        for d in t.deadlines)
                and _STANDING_VERB.match(t.text)
                and tasks.kind_of(t.text, False, False, rules_=rules) == "ongoing")

    reverted = [t for t in tasks_ if standing(t)]
    whole = all(_WHOLE_SPAN.fullmatch(d.text or "") for d in noted)
    if not reverted or (len(reverted) == len(tasks_) and not whole):
        return
    for t in reverted:
        t.deadlines, t.kind = [], "ongoing"


_STANDING_VERB = re.compile(r"^(?:要|并|同时)?(?:深入|持续|全面|大力|积极|进一步|不断|切实)?"
                            r"(?:加强|规范|严格|坚持|深化|完善|强化)")


def _tasks(clause: Clause, text: str, pb: dict, lex, noted, base, inherited: list[Deadline],
           headings: list[str], doc_date: str | None, preamble_of_plan: bool) -> list[Task]:
    """The clause's tasks: its sentences that ask for something (a sentence split where a
    later part has its own doer, cadence or date), each with the departments its note or its
    own words name, its time limits, recurrences, targets and kind."""
    from pbdocs.extract import tasks, timeexpr

    rules = tasks.rules()
    doc_year = int(doc_date[:4]) if doc_date and doc_date[:4].isdigit() else None
    organising = any(w in h for h in headings if h for w in rules.organising_headings)
    named = sorted(pb["mentions"] + pb["bodies"] + pb.get("persons", []), key=lambda m: m.start)
    persons = {m.start for m in pb.get("persons", [])}
    head = (clause.heading or "").rstrip("。")
    # the time of the row's label (3月：…, 第二季度：…): a part with a date of its own other
    # than the label's is a second one-off
    # (a teaching week's row keeps the exact date it writes: 第3周：…，9月20日前报…)
    month_end = next((d.end for d in inherited if d.end and d.text and clause.number
                      and d.text in clause.number and not timeexpr.is_week_label(d.text)),
                     None)
    for f in pb["targets"]:  # a target is due when its sentence's first dated limit is
        sa, sb = next(((a, b) for a, b in pb["sentences"] if a <= f.start < b), (0, 0))
        due = next((d.deadline.end for d in pb["deadlines"]
                    if sa <= d.start < sb and d.deadline.end), None)
        f.target.by = f.target.by or due
    pieces: list[list[int]] = []  # [start, end] of each task's text
    dated_phase = bool(clause.heading or clause.number) and any(
        (d.end or d.start) and d.text and d.text in (clause.heading or clause.number or "")
        for d in inherited)
    previous, last_kept = "", False
    spans = {at for at in _plan_spans(pb)  # (用三年时间，建成一批…: a deliverable after it)
             if not rules.own_once.match(text[at:].split("，", 1)[-1].split(",", 1)[-1]
                                         .lstrip())}
    units = tasks.units(text, pb["sentences"])
    # (1.编写《党支部工作实务手册》。牵头单位：党委组织部；完成时限：6月底前。: the item's lead
    # phrase is its task when the rest only labels who and by when)
    after_first = [u for u in units if u.text][1:]
    fields_only = bool(after_first) and all(tasks.only_field(u.text, rules)
                                            or tasks.time_field(u.text) for u in after_first)
    # …；完成时限：4月30日前。: the time the label states for the item's task
    field_dl = [f.deadline for f in pb["deadlines"] if fields_only
                and any(u.start <= f.start < u.end for u in after_first)]
    standing = fields_only and any(STANDING_FIELD.search(u.text) for u in after_first)
    for u in units:
        has_doer = any(not d.person for d in
                       tasks.subjects(text, u.start, u.end, named, persons, lex.canonical, rules))
        if not u.text or (head and u.text.rstrip("。") == head and len(units) > 1
                          and not fields_only
                          and not (has_doer and rules.modals.search(u.text))):
            continue  # a lead phrase (实施政治“强核”行动计划) heads the tasks, is not one
        follows = tasks.continues(u, previous, rules) and not has_doer  # not a new doer
        previous = u.text
        if pieces and last_kept and (follows or tasks.is_deliverable_list(u, rules)):
            pieces[-1][1] = u.end  # 成果形式主要包括：…, or another object of its verb
            continue
        has_target = any(u.start <= f.start < u.end for f in pb["targets"])
        # (a goal dated by its own label, （一）2026年：夯实基础。完成…调研，出台…方案: the
        # year's work, dated as a dated duty is)
        # (用三年时间（2027—2029年），基本建立…: the plan's own span dates no task)
        timed = dated_phase or any(u.start <= f.start < u.end and f.start not in spans
                                   for f in pb["recurrences"] + pb["deadlines"])
        # (a plan's preamble says why, but 现将要点印发如下，各党支部要结合实际制定本支部年度
        # 工作计划，于3月15日前报学院党委 asks a named body for something by a date)
        asking = has_doer and timed and bool(rules.modals.search(u.text))
        last_kept = (not follows
                     and not (preamble_of_plan and clause.path == ["0"] and not asking)
                     and not tasks.classify(u, headings, doc_year, rules, has_target=has_target,
                                            timed=timed, organising=organising,
                                            has_doer=has_doer))
        if last_kept:
            pieces.append([u.start, u.end])
    out: list[Task] = []
    carried: tuple[list[Dept], list[Dept]] = ([], [])  # a sentence's doers, for those after
    each = False  # whether the carried doers are addressees (各二级党组织要…)
    labels = _time_labels(text, pb)
    openers = _time_openers(text, pb)
    for a, b in pieces:
        new_sentence = bool(re.search(r"[。！？!?]\s*$", text[:a]))
        if "\n" in text[max(0, a - 1):a + 1] or (
                new_sentence and rules.results_included.match(text[a:b])):
            # a new line or item: its own doer, if any; so is a sentence that only says what
            # is counted in an assessment (专项工作成效纳入二级党组织年度考核: not the doer's
            # before it)
            carried = ([], [])
        elif rules.institution_openers.match(text[a:b]):
            carried = ([], [])  # 学校每两年评选…: the institution's own, not the doer's before
        elif each and any(f.start == a + len(text[a:b]) - len(text[a:b].lstrip())
                          for f in pb["deadlines"]):
            # the addressees told what to do, then a dated sentence naming nobody: the
            # writer's own schedule again (各二级党组织要…报送名单。4月15日前印发课程表)
            carried = ([], [])
        elif new_sentence and not rules.subject_carried.match(text[a:b]):
            # a sentence that names nobody does not take the doer of the sentence before
            # (辅导员每月…谈心谈话。国庆节期间组织开展…: nobody named, a suggestion), unless
            # it opens with what goes on from a subject (要/应/并/同时…)
            carried = ([], [])
        inner = carried
        # 第一季度:开展…;组织…: a time label holds for the items after it on its line
        label = next((dl for at, dl in reversed(labels)
                      if at <= a and "\n" not in text[at:a]), None)
        if label is None:  # 6月23日至7月4日，…走访慰问…；各党总支要同步开展…: its sentence
            label = next((dl for at, dl in reversed(openers)
                          if at < a and not re.search(r"[。！？\n]", text[at:a])), None)
        timed = [_by_end(_inferred(label))] if label is not None else inherited
        parts = tasks.split_points(text, a, b, named, persons, pb, lex.canonical, rules,
                                   month_end)
        said = False  # whether an earlier part of this sentence named its doer
        for k, (pa, pe) in enumerate(parts):
            # (学生工作部要健全…，新生入学后一个月内完成…: the sentence's doer, not a body the
            # clause named in an earlier sentence)
            task, doers, opening = _task(text, pa, pe, pb, lex, named, persons, noted,
                                         ([], []) if said else base, timed, inner, rules)
            if doers[0] or doers[1]:
                inner = doers  # the rest of the sentence is theirs
                said = True
                if k == 0 and opening:
                    carried = doers  # a subject opening the sentence goes on after it
                    each = bool(_EACH_ADDRESSEE.match(text[pa:pe]))
            if k > 0 and _BARE_CADENCE.match(task.text):
                # …建立入党积极分子培养台账，每季度更新一次: the row says what is updated
                thing = _object_of(text[parts[k - 1][0]:parts[k - 1][1]], rules)
                if thing:
                    task.text = f"{thing}，{task.text}"
            if field_dl and not any(not d.inferred for d in task.deadlines):
                task.deadlines = [_by_end(d) for d in field_dl]
                task.kind = "once" if task.kind == "ongoing" else task.kind
            elif standing and not task.recurrences:
                task.deadlines, task.kind = [], "ongoing"  # 完成时限：长期坚持
            out.append(task)
    return out


_EACH_ADDRESSEE = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]+[)）.、．]\s*)?各")
# a cadence and a verb with no object (每季度更新一次): it is about the thing before it
_BARE_CADENCE = re.compile(r"^\s*(?:每[^，,。；;]{1,4}?|定期)(?:至少)?(?:更新|修订|调整|维护|核对|"
                           r"核查|补充|完善)[^，,。；;]{0,4}[。；;]?\s*$")


_DOER_HEAD = re.compile(r"^[^，,。；;]{0,14}?(?:具体|主要)?(?:负责|要|应当|应|须|将)")


def _object_of(part: str, rules) -> str | None:
    """What the first action of a part acts on (建立入党积极分子培养台账 → 入党积极分子培养台账),
    when it is a short noun phrase."""
    from pbdocs.extract import tasks

    first = tasks.core_segments(part, rules)
    seg = _DOER_HEAD.sub("", first[-1] if first else part, count=1)  # 组织委员负责 | 建立…
    pred = tasks.predicate(seg, rules)
    toks = tasks.words(pred)
    if not toks:
        return None
    thing = pred[len(toks[0]):].strip(" ，,。；;")
    return thing if 2 <= len(thing) <= 20 and not re.search(r"[，,。；;]", thing) else None


# what a body named right before it 负责 (宣传科负责…, 学院办公室具体负责…)
_SCOPE = re.compile(r"\s*(?:[（(][^（）()，。]{1,10}[）)])?\s*(?:具体|主要|全面)?负责(?!人|同志)")


def _task(text: str, a: int, b: int, pb: dict, lex, named: list, persons: set[int], noted,
          base, inherited: list[Deadline], carried, rules) -> tuple[Task, tuple, bool]:
    """One task from text[a:b]: its departments (own labels or frames, the clause's note, the
    bodies it names as doers, the clause's prose, the doer carried from before), deadlines,
    recurrences, targets and kind. Returns it with the (bodies, persons) it names and whether
    they open it (a subject, not a doer named further on)."""
    from pbdocs.extract import depts, tasks, timeexpr

    sent = text[a:b].strip().rstrip("，,、")
    sent = sent[field_label_end(sent, "task"):]  # 整改措施：开展…: the label heads no task
    own = depts.Responsibility()
    own.merge(depts.parse_labels(sent, lex))
    for s0, s1, at, note in pb.get("inline_notes", ()):
        # 推动…相融合，每个单位打造1门示范课程（责任单位：教务处）。: the sentence's note
        if s0 <= a < s1 and not a <= at < b:
            own.merge(depts.parse_labels(note, lex))
    own.merge(depts.prose(text[a:b], [depts.Mention(m.start - a, m.end - a, m.name, m.canonical)
                                       for m in pb["mentions"] + pb["bodies"]
                                       if a <= m.start < b], lex))
    doers = tasks.subjects(text, a, b, named, persons, lex.canonical, rules)
    bodies = [Dept(d.name, d.canonical, "text") for d in doers if not d.person]
    people = [Dept(d.name, d.canonical, "text") for d in doers if d.person]
    if own.lead or own.support:
        lead, support = own.depts()
        if not lead:  # 由学生工作部会同各学院共同指导: the doer the 会同 is with leads
            known = {m.name for m in pb["mentions"] + pb["bodies"] if a <= m.start < b}
            lead = [d for d in bodies if d.name in known
                    and d.canonical not in {x.canonical for x in support}]
        if not lead and re.search(r"会同|协同|联合", text[a:b]):
            # (纪委办公室发布廉洁提醒，节日期间会同党委办公室开展…: who the sentence named goes
            # on, with the partner it names now; not 学生工作部配合做好…, its own doer)
            lead = [d for d in carried[0] if d.canonical not in {x.canonical for x in support}]
    elif noted is not None:  # the note leads; a body the sentence names does it, first
        # (not one the note makes support: 各二级学院要加强…。牵头单位：教务处；
        # 配合单位：各二级学院)
        helpers = {x.canonical for x in noted[1]}
        bodies = [d for d in bodies if d.canonical not in helpers] if noted[0] else bodies
        lead = bodies + [d for d in noted[0] if d.canonical not in
                         {x.canonical for x in bodies}]
        support = noted[1]
    elif bodies:
        lead, support = bodies, []
    elif base[0] or base[1]:
        # the clause's prose names them: for the sentences from where it names them on (a
        # closing 学院办公室负责保障… does not do the duties written before it)
        # (a label of the clause, 牵头单位：…, holds for all its tasks, also those before it)
        def holds(d: Dept) -> bool:
            return not _labelled_before(text, d.name, a) and (
                d.basis == "stated" or (_named_before(text, d.name, b)
                                        and _in_sentence(text, d.name, a, rules)))

        lead, support = [d for d in base[0] if holds(d)], [d for d in base[1] if holds(d)]
        if not lead:
            lead, support = list(carried[0]), []
            people = people or list(carried[1])
    elif people:
        lead, support = [], []
    else:
        lead, support = list(carried[0]), []
        people = list(carried[1])
    found_dl = [f for f in pb["deadlines"] if a <= f.start < b
                and not (_WHOLE_SPAN.fullmatch(f.deadline.text or "")
                         and text[f.end:f.end + 1] in (":", "："))]  # 全年：… labels no date
    labels = _time_labels(text, pb)
    at_labels = {at for at, _ in labels}
    spans = [(d.start or d.end, d.end) for _, d in labels if d.end]
    if any(f.start not in at_labels and f.deadline.end and (
            _LIMIT_WORD.search(f.deadline.text or "")
            or any(lo <= (f.deadline.start or f.deadline.end) and f.deadline.end <= hi
                   and (f.deadline.start, f.deadline.end) != (lo, hi) for lo, hi in spans))
           for f in found_dl):
        # 6月：6月底前完成…, 第二季度：4月举办…: a date written in the line wins over the
        # line's label (the more exact one inside the label's span)
        found_dl = [f for f in found_dl if f.start not in at_labels]
    # (第三季度开展…, 下半年举办…: the work is done in that span, a range; a deliverable
    # (三季度完成…, 一季度修订…), a time label (第三季度：…) or 上半年 is due by its end)
    t_dl = [f.deadline if f.start not in at_labels and _IN_SPAN.fullmatch(f.deadline.text or "")
            and not rules.span_deliverable.match(text, f.end) else _by_end(f.deadline)
            for f in found_dl]
    # (9月中旬完成首批入库, 11月上旬形成…报告, 1月完成第三批中期检查: a part of a month or a
    # month, too, is the span a deliverable is due by the end of)
    t_dl = [Deadline(d.text, None, d.end, "by", inferred=d.inferred)
            if d.end and ((d.kind == "range" and _DEKAD.fullmatch(d.text or ""))
                          or (d.kind == "on" and _ONE_MONTH.fullmatch(d.text or "")))
            and rules.span_deliverable.match(text, f.end) else d
            for d, f in zip(t_dl, found_dl)]
    if (found_dl and not any(f.start not in at_labels for f in found_dl)
            and _wider_than_month(found_dl[0].deadline) and found_dl[0].deadline.end):
        # 第一季度：开学后两周内召开…: the limit a named day sets in the row, in the term the
        # row's label says
        named = timeexpr.named_day_due(sent, int(found_dl[0].deadline.end[:4]),
                                       _term_month(found_dl[0].deadline))
        if named is not None and named.kind == "by":
            t_dl = [named]
    if t_dl and all(_WHOLE_SPAN.fullmatch(d.text or "") or _WHOLE_YEAR.fullmatch(d.text or "")
                    for d in t_dl) and any(_narrower(d, t_dl) for d in inherited):
        # 三月：研究部署全年党建工作, 二月：召开2027年党风廉政建设工作会议: the month's work, the
        # year only its object
        t_dl = []
    # (健全经费保障机制，纳入年度预算…: the budget is yearly, the standing duty before it is not)
    # (学校给予…建设经费，纳入年度预算: the money is each year's; 健全经费保障机制，纳入…预算:
    # the mechanism stands)
    first_end = tasks.first_segment_end(text, a, b)
    found_recs = [f for f in pb["recurrences"] if a <= f.start < b and not (
        getattr(f, "budget", False) and f.start >= first_end
        and rules.standing_openers.search(text[a:first_end].strip()))]
    if found_recs and all(getattr(f, "annual", False) for f in found_recs) and any(
            d.end for d in t_dl + inherited[:1]):
        # 制定本单位年度培训计划，于3月20日前报党校 (or under a month's label, 二月：制定…年度学习
        # 计划): this year's plan, due by its date
        found_recs = []
    if not t_dl and not found_recs and not any(d.start and d.start == d.end for d in inherited):
        # 开展建党100周年庆祝活动: due in the anniversary's year (unless the row's time field
        # names the day: 完成时限：“七一”前后)
        due = timeexpr.anniversary_due(sent, pb.get("doc_date"))
        t_dl = [due] if due is not None else []
    if t_dl and inherited and inherited[0].kind == "on" and inherited[0].start and all(
            _SEASON.fullmatch(d.text or "") and d.start and d.end
            and d.start <= inherited[0].start and inherited[0].end <= d.end for d in t_dl):
        t_dl = []  # 10月：选派…参加党校秋季培训班: the month its label names, not the season
    week_row = bool(inherited) and timeexpr.is_week_label(inherited[0].text)
    if not t_dl and not found_recs and inherited and inherited[0].end:
        # 5月中旬将材料报…预审，“七一”前完成接收: a limit the task's named day sets (X前, X后
        # N个月内) is its own, not the time its sentence or row opened with; so is the day
        # itself (“七一”前后组织新党员入党宣誓) under a label wider than a month (第二季度：),
        # while a month's label (6月：开展“七一”系列活动) keeps its month (a teaching week's,
        # 第15周：纪念“一二·九”…, gives way to the day)
        named = timeexpr.named_day_due(sent, int(inherited[0].end[:4]),
                                       _term_month(inherited[0]))
        if named is not None and named.end and named.end < (pb.get("doc_date") or ""):
            named = None  # 第四季度：组织元旦、春节前廉洁提醒 in a plan issued in February:
            # the year's 春节 was past when the plan was written; the row's label dates it
        if named is not None and (named.kind == "by" or _wider_than_month(inherited[0])
                                  or week_row or _outside(named, inherited[0])):
            t_dl = [named]
    if not t_dl and not found_recs:
        # 2月：…，下旬召开部署会: the part of the month its label names
        t_dl = [x for x in (_part_of_month(sent, d) for d in inherited[:1]) if x]
    # (2027年检查于11月底前完成: the year only says whose the check is; the row's limit is the
    # date written after it)
    t_dl = [d for i, d in enumerate(t_dl) if not tasks.year_of_a_thing(d, t_dl[i + 1:])]
    recs = [f.recurrence for f in found_recs]
    tgts = [f.target for f in pb["targets"] if a <= f.start < b]
    dated = any(d.end or d.start for d in t_dl)
    lead_in = text[a:b].find(sent)  # the task's text starts where its sentence does
    opening = [d for d in doers if d.start < first_end]
    subject_end = max((d.start + len(d.name) - a - max(lead_in, 0) for d in opening),
                      default=0)
    kind = tasks.kind_of(sent, bool(recs), dated, any(d.end or d.start for d in inherited),
                         rules, has_target=bool(tgts), subject_end=max(0, subject_end))
    if kind == "once" and not dated and not week_row and (
            timeexpr.each_time(sent) or rules.event_subjects.search(sent.lstrip("各"))):
        # 新任书记任职后3个月内完成培训: each time someone takes office (第1—2周：开学后两周内
        # 完成…: once, in the weeks the row names)
        kind = "ongoing"
    if not recs and (tasks.CONDITION_OPENING.match(sent) or tasks.CONDITION_OF_WHOM.match(
            sent)) and not any(
            (d.end or d.start) and not d.inferred and d.text not in ("当年", "当年度")
            for d in t_dl):
        # 对考核等次为“差”的，由校党委书记进行约谈: each time the condition holds
        kind, t_dl, inherited = "ongoing", [], []
    stated_times = pb.get("noted", ())

    def as_given(d: Deadline) -> Deadline:
        # (the item's own note states its time; a heading's or a phase's time is inferred)
        return d if any(d is n for n in stated_times) else _inferred(d)

    task = Task(text=sent, lead=[_copy(d) for d in lead], support=[_copy(d) for d in support],
                deadlines=t_dl or [as_given(d) if _IN_SPAN.fullmatch(d.text or "")
                                   else _by_end(as_given(d)) for d in inherited],
                recurrences=recs,
                targets=tgts, kind=kind)
    task.persons = [_copy(d) for d in people]
    first_segment = tasks.first_segment_end(text, a, b)
    opening = any(d.start < first_segment for d in doers)
    return task, ([Dept(d.name, d.canonical, "text") for d in doers if not d.person],
                  [Dept(d.name, d.canonical, "text") for d in doers if d.person]), opening


# a limit written as one (6月底前, 3月20日): not a span that says whose work (全年党建工作)
_LIMIT_WORD = re.compile(r"(?:前|日|号)$")
_WHOLE_SPAN = re.compile(r"\s*(?:全年度?|常年|长期)\s*")
_LABEL_START = re.compile(r"(?:^|(?<=[\n。；;|｜\s]))$")


def _time_labels(text: str, pb: dict) -> list[tuple[int, Deadline]]:
    """(where, deadline) of the time labels of a clause: a time written at the start of a
    sentence and followed by a colon (第一季度:开展…, 9月:…), in reading order."""
    out = []
    for f in pb["deadlines"]:
        if (text[f.end:f.end + 1] in (":", "：") and (f.deadline.end or f.deadline.start)
                and _LABEL_START.search(text, 0, f.start)
                and not _WHOLE_SPAN.fullmatch(f.deadline.text or "")):
            # (全年：坚持…, 加强…: the whole year is no phase; its standing duties stay so)
            out.append((f.start, f.deadline))
    return out


def _time_openers(text: str, pb: dict) -> list[tuple[int, Deadline]]:
    """(where, deadline) of the windows of time that open a sentence before a comma (6月23日至
    7月4日，学院党委班子成员…): the time of everything that sentence asks for."""
    out = []
    for f in pb["deadlines"]:
        if (text[f.end:f.end + 1] in ("，", ",") and f.deadline.end and not f.deadline.inferred
                and f.deadline.kind in ("range", "on")  # a window, not a horizon (到2026年，)
                and _OPENER_START.search(text, 0, f.start)):
            out.append((f.start, f.deadline))
    return out


_OPENER_START = re.compile(r"(?:^|(?<=[\n。！？]))\s*$")


# A part of a year given as a task's time (上半年, 第一季度): the task is due by its end, as a
# person writes it in a task book (3月底前); the clause keeps the span as written.
_PART_OF_YEAR = re.compile(r"(?:\d{4}\s*年)?(?:上半年|下半年|第?[一二三四1-4]季度)|\d{4}\s*年度?")


_DEKAD = re.compile(r"(?:\d{4}\s*年)?\d{1,2}\s*月(?:上|中|下)旬")
_ONE_MONTH = re.compile(r"(?:\d{4}\s*年)?\d{1,2}\s*月份?")
_IN_SPAN = re.compile(r"(?:\d{4}\s*年)?(?:下半年|第?[一二三四1-4]季度)")


# the whole span of a plan as its goals open with it: 用三年时间, 通过两年努力
_WHOLE_PLAN_SPAN = re.compile(r"(?:用|通过|经过)\s*[\d一二两三四五]\s*年(?:左右)?的?(?:时间|努力)")


def _plan_spans(pb: dict) -> set[int]:
    """Where a clause names the plan's whole span (用三年时间, and the years in brackets right
    after it: （2027—2029年）): times that date no task of their own."""
    out: set[int] = set()
    ends: list[int] = []
    for f in sorted(pb["deadlines"], key=lambda f: f.start):
        if _WHOLE_PLAN_SPAN.fullmatch(f.deadline.text or "") or any(
                0 <= f.start - e <= 2 for e in ends):
            out.add(f.start)
            ends.append(f.end)
    return out


_SEASON = re.compile(r"(?:\d{4}\s*年)?(?:春季|秋季)(?:学期)?")
_TEN_DAYS = re.compile(r"\s*(?:于|在)?\s*(上旬|中旬|下旬)")


def _term_month(label: Deadline) -> int | None:
    """The month of the one term start a row's label spans or is just before (9 for 8月, 9月
    or 第三季度, 3 for 2月, 3月 or 第一季度), which tells which term a bare 开学 in the row
    starts; None when it spans both or neither."""
    if not label.start or not label.end or label.end < label.start:
        return None
    first, last = int(label.start[5:7]), int(label.end[5:7])
    if label.start[:4] != label.end[:4] or last - first > 5:
        return None
    months = set(range(first, last + 1))
    autumn, spring = bool(months & {8, 9}), bool(months & {2, 3})
    return 9 if autumn and not spring else 3 if spring and not autumn else None


def _narrower(d: Deadline, than: list[Deadline]) -> bool:
    """Whether `d` is a date inside and shorter than each of `than` (a month's label inside the
    year a task names)."""
    if not d.end:
        return False
    return all(x.end and (x.start or x.end[:4] + "-01-01") <= (d.start or d.end) and d.end <= x.end
               and (d.start, d.end) != (x.start, x.end) for x in than)


def _wider_than_month(d: Deadline) -> bool:
    """Whether a time spans more than one calendar month (a quarter, a half-year, a term)."""
    return (bool(d.start and d.end) and d.start[:7] != d.end[:7]) or bool(
        _PART_OF_YEAR.fullmatch(d.text or ""))  # 第二季度：, a label due by its end


def _part_of_month(sent: str, d: Deadline) -> Deadline | None:
    """A task opening with 上旬/中旬/下旬 under a month's label (3月：…；中旬启动…申报): that
    part of the month, as written for the task."""
    m = _TEN_DAYS.match(sent)
    if not m or d.kind != "on" or not d.start or not d.end or d.start[:7] != d.end[:7] or (
            d.start[8:] != "01"):
        return None
    first, last = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, int(d.end[8:]))}[m.group(1)]
    return Deadline(m.group(1), f"{d.start[:8]}{first:02d}", f"{d.start[:8]}{last:02d}", "range")


def _by_end(d: Deadline) -> Deadline:
    if d.kind == "range" and d.end and _PART_OF_YEAR.fullmatch(d.text or ""):
        return Deadline(d.text, None, d.end, "by", inferred=d.inferred)
    return d


# the meeting of a unit's own committee opening a sentence (学院党委会议…, 局党委会议每次…)
_COMMITTEE_MEETING = re.compile(r"(?:^|[，,；;])\s*(?:[一二三四五六七八九十]+是)?(?:本|我)?"
                                r"(?:学院|院|局|系|所|中心)?(?:党委|党组|党总支)"
                                r"(?:会议|常委会|扩大会议)")


def _both_heads(persons: list[Dept], doc: Document) -> bool:
    """Whether the issuing unit's two heads are named as the doers, and nobody else: its
    committee's secretary (党委书记, 院党委书记) and its own head (校长 of a school, 院长 of a 院:
    a hospital, an institute, a college). They lead as the persons the text names (round 42:
    the gold of heldout92..194 writes 党委书记、校长 so; the committee and the unit before)."""
    from pbdocs.extract import suggest

    if not doc.issuer or not persons:
        return False
    committee = suggest.short_name(doc.issuer)
    unit = re.sub(r"(?:党委|党总支)$", "", committee)
    if unit == committee or len(unit) < 2:
        return False
    kinds = set()
    for d in persons:
        if _SECRETARY.fullmatch(d.name):
            kinds.add("secretary")
        elif (d.name == "校长" and unit.endswith(("学", "校"))) or (
                d.name == "院长" and unit.endswith("院")):
            kinds.add("head")
        else:
            return False
    return len(kinds) == 2  # the pair: 党委书记、校长 (one alone is not the unit's heads)


_SECRETARY = re.compile(r"(?:院|学院|校|所)?党委书记")


def _own_names(t: Task, committee: str, lex, unit_only: bool = False) -> None:
    """Name the document's own committee, written short in a task's lead or support (学院党委,
    院党委, 院党委理论学习中心组), as the issuing committee; `unit_only`: only a short name
    with its unit (院党委, not a bare 党委)."""
    from pbdocs.extract import suggest

    for d in t.lead + t.support:
        if d.basis == "suggested" or (unit_only and not _UNIT_COMMITTEE.match(d.name)):
            continue
        named = suggest.as_own_committee(d.name, committee)
        if named != d.name:
            d.name, d.canonical = named, lex.canonical(named)


def _own_discipline(t: Task, committee: str, lex) -> None:
    """The institution's discipline committee written short with its unit (学院纪委, 院纪委 in a
    学院's or a hospital's text, as 学院党委 is its committee): the 纪委 of the task book."""
    for d in t.lead + t.support:
        unit = re.fullmatch(r"(?:本|我)?(学院|院)纪委", d.name)
        if unit and d.basis != "suggested" and committee.endswith(unit.group(1) + "党委"):
            d.canonical = lex.canonical("纪委")


_UNIT_COMMITTEE = re.compile(r"^(?:本|我)?(?:(?:学院|院|所|中心)(?:党委|党总支)|机关党委|纪委)")


def _labelled_before(text: str, name: str, start: int) -> bool:
    """Whether `name` is stated only in a bracketed label that closes an earlier task of the
    clause (4月：举办…培训班（责任人：组织员）；组织…申报: the label is that task's, not the
    next one's). A label closing the whole clause holds for all its tasks."""
    from pbdocs.extract.tasks import BRACKET_NOTE

    labels = [m for m in BRACKET_NOTE.finditer(text) if name in m.group()]
    return bool(labels) and all(m.end() <= start and text[m.end():].strip(" 。；;，,\n")
                                for m in labels)


def _in_sentence(text: str, name: str, at: int, rules) -> bool:
    """Whether `name` is written in the sentence that `at` is in, or the sentence goes on from
    the one before (要/应/并…: `subject_carried`): a sentence naming nobody does not take the
    body an earlier sentence of the clause named (学生党员教育管理由党委学生工作部负责。持续推行
    党员积分制管理: nobody named, a suggestion)."""
    start = max(text.rfind(p, 0, at) for p in "。！？!?\n") + 1
    stop = re.search(r"[。！？!?\n]", text[at:])
    end = at + stop.end() if stop else len(text)
    if name in text[start:end] or text.find(name) < 0:
        return True
    return bool(start and rules.subject_carried.match(text[start:end]))


def _named_before(text: str, name: str, end: int) -> bool:
    """Whether `name` is written in `text` before the end of the sentence that `end` is in
    (or is not found in it as written)."""
    at = text.find(name)
    stop = re.search(r"[。！？!?\n]", text[max(0, end - 1):])
    if at < 0:
        return True
    if at >= (max(0, end - 1) + stop.end() if stop else len(text)):
        return False
    if at >= end and re.search(r"[，,；;]\s*$", text[max(0, at - 1):at]) and (
            "由" not in text[end:at]):
        # the subject of a later part of the sentence (…，严防宗教渗透校园，保卫处会同统战部每
        # 学期开展一次排查): that part is its work (a 由X组织实施 frame covers the sentence)
        return False
    # named in an earlier sentence for what it 负责 there (学院办公室负责保障…): not this one's
    start = max(text.rfind(ch, 0, max(0, end - 1)) for ch in "。！？!?\n") + 1
    return at >= start or not (_SCOPE.match(text[at + len(name):]) and not re.search(
        r"由\s*$", text[max(0, at - 2):at]))


def _second_opinion(doc: Document, lex) -> None:
    """A department suggested from one keyword gives way to the one the labelled examples are
    far surer of (`precedent`): 学生党员要带头参加志愿服务 is the 学生工作部's, not the
    团委's for 志愿服务. Only a department suggested from a keyword is weighed."""
    from pbdocs.extract import precedent, suggest

    departments = set(lex.departments.values())
    kind = suggest.body_kind(doc.institution) if suggest.issued_by_institution(doc) else None
    offices = kind.offices if kind is not None else None
    issuer = suggest.issuer_kind(doc, lex.canonical, lambda n: n in departments)
    present = suggest.named_offices(doc, lex.departments)
    names = suggest.written_names(doc)
    office = suggest.issuer_office(doc)
    mine = lex.canonical(office) if office else None
    for c in doc.clauses:
        for t in c.tasks:
            if not t.lead or any(d.basis != "suggested" or d.canonical not in departments
                                 or not (d.why or "").startswith("“") for d in t.lead):
                continue  # (the document's own doer, its body in charge: not a keyword's)
            if any((d.why or "").endswith(suggest.ORGANISER_WHY) for d in t.lead):
                continue  # a department's own notice: the activity it organises is its own
            op = precedent.opinion(t.text, doc.title or "", issuer)
            if op is None or set(op.lead) == {d.canonical for d in t.lead}:
                continue
            if offices is not None and not all(n in offices for n in op.lead):
                continue  # a hospital has no 学生工作部
            lead = [suggest.own_office(n, present, mine) for n in op.lead]
            why = f"标注样例中相近的任务多由{'、'.join(lead)}牵头"
            t.lead = [Dept(names.get(n, present.get(n, n)), n, "suggested", why) for n in lead]
            t.support = [d for d in t.support if d.canonical not in lead]


def _sent_to(text: str, name: str) -> bool:
    """Whether `text` sends or reports something to `name` (报党委组织部备案, 交纪委办公室,
    向党委统战部报告; not 报党委组织部部长审批), as `suggest.by_duty` reads a recipient."""
    from pbdocs.extract.suggest import RECIPIENT

    for m in re.finditer(re.escape(name), text):
        before = re.sub(r"(?:学校|校)$", "", text[:m.start()])
        if RECIPIENT.search(before) and not re.match(r"副|书记|部长|负责|主任", text[m.end():]):
            return True
    return False


def _not_the_receiver(doc: Document, lex) -> None:
    """A department suggested for work that is sent to it (…，于10月28日前将复核报告报送党委
    组织部; 新开设账号须在开通后5个工作日内报党委网信办备案) does not do it: it receives it.
    The sender is not named, so nothing is suggested (未定) rather than the receiver."""
    aliases: dict[str, set[str]] = {}
    for a, canon in lex.departments.items():
        aliases.setdefault(canon, set()).add(a)
    for c in doc.clauses:
        for t in c.tasks:
            if t.lead and all(d.basis == "suggested" for d in t.lead) and any(
                    _sent_to(t.text, n) for d in t.lead
                    for n in aliases.get(d.canonical, set()) | {d.canonical, d.name} if n):
                t.lead = []
                t.support = [d for d in t.support if d.basis != "suggested"]


def _departments(doc: Document, lex) -> set[str]:
    """The departments the lexicons know, and the issuing unit when it is a functional unit they
    do not list (学生资助管理中心's own notice is a department's notice)."""
    from pbdocs.extract import suggest

    out = set(lex.departments.values())
    office = lex.canonical(suggest.issuer_office(doc)) if doc.issuer else None
    if office and office not in out and suggest.functional_unit(office):
        out.add(office)
    return out


def _copy(d: Dept) -> Dept:
    return Dept(d.name, d.canonical, d.basis, d.why)


_TIME_FIELD = re.compile(r"(?:时限|时间|期限)\s*[:：]\s*([^；;，,。\n]+)")


def _inferred(d: Deadline) -> Deadline:
    """A phase's date applied to a task under it: not written for the task, so inferred."""
    return Deadline(d.text, d.start, d.end, d.kind, inferred=True)


def _dedup(items: list) -> list:
    out: list = []
    for x in items:
        if x not in out:
            out.append(x)
    return out
