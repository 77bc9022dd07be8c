"""Who usually leads a task nobody is named for: a suggestion, never a fact (`basis`
"suggested", with `why`, the words that led to it).

Two sources, as such documents are written. A body's own rules or plan (a 党支部's 制度, a
机关党委's notice) give the work to that body, and a notice's requests go to the units it is
addressed to (主送机关). A university's plan divides the work among its party and
administrative departments by what the work is about: `lexicon/duties.tsv` (党员发展 →
党委组织部, 意识形态 → 党委宣传部 …), extendable per institution."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from pbdocs.lang.lexicon import entries, per_lexicon, rows, sections
from pbdocs.lang.text import fold
from pbdocs.metadata import LEAGUE_PREFIX, PARTY_PREFIX
from pbdocs.model import Dept, Document


@dataclass(frozen=True)
class Duty:
    """One row of the duty table: its words, the usual lead and support (canonical names)."""

    order: int
    terms: tuple[str, ...]
    lead: tuple[str, ...]
    support: tuple[str, ...]


@per_lexicon()
def duties() -> tuple[Duty, ...]:
    """The rows of `lexicon/duties.tsv` (a corpus's rows after the packaged ones; a term
    given again belongs to its later row)."""
    out: list[Duty] = []
    for i, r in enumerate(rows("duties.tsv", min_cells=2)):
        terms = tuple(t.strip() for t in r[0].split("|") if t.strip())
        split = lambda cell: tuple(x.strip() for x in re.split(r"[、，,]", cell) if x.strip())  # noqa: E731
        out.append(Duty(i, terms, split(r[1]), split(r[2]) if len(r) > 2 else ()))
    # a term given again belongs to its last row only
    last: dict[str, int] = {}
    for d in out:
        for t in d.terms:
            last[t] = d.order
    return tuple(Duty(d.order, tuple(t for t in d.terms if last[t] == d.order), d.lead,
                      d.support) for d in out)


@per_lexicon()
def _term_index() -> tuple[tuple[str, str, Duty], ...]:
    """(folded term, term, row) longest first."""
    items = [(fold(t), t, d) for d in duties() for t in d.terms]
    return tuple(sorted(items, key=lambda x: (-len(x[0]), x[2].order)))


def _word_bounds(text: str) -> set[int]:
    """Where words begin and end in the folded text (as segmented)."""
    from pbdocs.extract.tasks import words

    cuts, at = {0}, 0
    for w in words(text):
        at += len(fold(w))
        cuts.add(at)
    return cuts


def _find_word(folded: str, term: str, cuts: set[int], last: bool = False) -> int:
    """Where a duty term stands in the text, a short one (up to three characters) as whole
    words (思政课 is not in 思政课题, 入学 not in 纳入学术); the last place when `last`; -1 if
    nowhere."""
    if not term:
        return -1
    spots = [m.start() for m in re.finditer(re.escape(term), folded)]
    # (a longer term is specific enough inside any word: 党员发展 in 党员发展对象)
    # (统战工作, 宣传工作: jieba keeps a field and its 工作 as one word; the field is the term)
    good = [k for k in spots if len(term) > 3 or (k in cuts and (
        k + len(term) in cuts or (folded.startswith("工作", k + len(term))
                                  and k + len(term) + 2 in cuts)))]
    return (good[-1] if last else good[0]) if good else -1


# a body the work is reported or handed to, right before a term (向学校党委报告, 报党委组织部,
# 交纪委办公室, 送保密办登记)
RECIPIENT = re.compile(r"(?:向|(?<![申填汇])报|报送至?|提交至?|呈报|报请|(?<![移转])交至?|"
                       r"(?<![报发移运护])送至?)$")



def by_duty(text: str) -> tuple[Duty, str] | None:
    """The duty row a text is about and the word that shows it: in the first segment of the
    sentence's core (`tasks.core_segments`) that holds a term, a specific term before a broad
    one of `broad_duty_terms` (学生公寓党建工作站 is about 学生公寓), then the longest term,
    on a tie the later one (党建工作专项经费 is about 经费), unless the two overlap: then the
    earlier one says whose work it is (学生党员发展 is about 学生党员). A phrase of
    `decisive_duty` anywhere in it (…，纳入年度预算) is looked at first."""
    from pbdocs.extract.tasks import core_segments, is_scene, rules

    broad = rules().broad_duty_terms
    decisive = [m.group(0) for m in rules().decisive_duty.finditer(text)]
    for seg in decisive + [x for x in core_segments(text) if not is_scene(x)] + [text]:
        f = fold(seg)
        cuts: set[int] | None = None  # word bounds, segmented only when a term occurs
        best = None
        for ft, term, duty in _term_index():
            if ft not in f:
                continue
            cuts = _word_bounds(seg) if cuts is None else cuts
            at = _find_word(f, ft, cuts, last=True)
            if at < 0 or RECIPIENT.search(f, 0, at):
                continue  # (…每季度向学校党委报告一次: who is told, not whose duty)
            key = (term not in broad, len(ft), at, -duty.order)
            if best is not None and len(ft) == best[0][1] and (
                    abs(at - best[0][2]) < len(ft)):
                # (学生党员发展: of two terms of one length that overlap, the earlier says whose)
                if at < best[0][2]:
                    best = (key, duty, term)
                continue
            if best is None or key > best[0]:
                best = (key, duty, term)
        if best is not None:
            return best[1], best[2]
    return None


def other_duties(text: str, lead: set[str]) -> list[tuple[str, str]]:
    """(department, word) of the other duties a text also names, in reading order: the
    departments that usually support the lead on it."""
    from pbdocs.extract.tasks import core_segments, is_scene

    f = fold("".join(x for x in core_segments(text) if not is_scene(x)))
    found: dict[str, tuple[int, str]] = {}
    for ft, term, duty in _term_index():
        at = f.find(ft) if ft else -1
        if at < 0:
            continue
        for n in duty.lead:
            if n not in lead and (n not in found or at < found[n][0]):
                found[n] = (at, term)
    return [(n, w) for n, (_, w) in sorted(found.items(), key=lambda x: x[1][0])]


@per_lexicon()
def own_work_bodies() -> tuple[str, ...]:
    """Name endings of bodies whose own documents give them the work (党支部, 机关党委 …)."""
    return entries("own_work_bodies.txt")


def _own_body(name: str | None) -> bool:
    n = (name or "").strip()
    return bool(n) and any(n.endswith(e) or e in n for e in own_work_bodies())


@per_lexicon()
def branch_work() -> dict[str, tuple[str, ...]]:
    """Activities held in the party branches themselves (主题党日, 组织生活会 …) and the words
    after one that make a notice about something else (申报, 评选 …)."""
    return sections("branch_work.txt")


@per_lexicon()
def branch_roles() -> tuple[tuple[str, str], ...]:
    """(term, 支委 role) of `lexicon/branch_roles.tsv`: who of a branch committee usually does a
    duty (党费 → 组织委员); a term given again belongs to its later row."""
    return _term_rows("branch_roles.tsv")


def _term_rows(name: str) -> tuple[tuple[str, str], ...]:
    """(term, value) of a lexicon written `term|term<TAB>value`, in file order; a term given
    again (in a corpus's own file after the packaged one) belongs to its later row."""
    out: dict[str, str] = {}
    for r in rows(name, min_cells=2):
        for t in r[0].split("|"):
            if t.strip():
                out.pop(t.strip(), None)
                out[t.strip()] = r[1].strip()
    return tuple(out.items())


BRANCH_COMMITTEE = "支委会"


def branch_role(text: str) -> tuple[str, str | None]:
    """The 支委 member a branch's own duty falls to and the word that shows it (the term that
    comes first in the text; on a tie the longer), else (支委会, None)."""
    best = None
    for term, role in branch_roles():
        at = text.find(term)
        if at >= 0 and (best is None or (at, -len(term)) < best[0]):
            best = ((at, -len(term)), role, term)
    return (best[1], best[2]) if best else (BRANCH_COMMITTEE, None)


def _issued_by_branch(doc: Document) -> bool:
    """Whether the document is a party branch's own (its issuer is a 党支部)."""
    return bool(doc.issuer) and short_name(doc.issuer).endswith("支部")


def _dept(name: str, canonical: str, why: str) -> Dept:
    return Dept(name=name, canonical=canonical, basis="suggested", why=why)


@dataclass(frozen=True)
class BodyKind:
    """A kind of institution that divides its party work among its own departments (a
    university, a hospital, an enterprise): the endings of its names and the departments
    (canonical names) it usually has, None for every department of the duty table."""

    endings: tuple[str, ...]
    name: str
    offices: frozenset[str] | None


@per_lexicon()
def body_kinds() -> tuple[BodyKind, ...]:
    """The rows of `lexicon/body_kinds.tsv` (a corpus's rows first, so they win)."""
    out = []
    for r in rows("body_kinds.tsv", min_cells=3):
        offices = None if r[2].strip() == "*" else frozenset(
            x.strip() for x in re.split(r"[、，,]", r[2]) if x.strip())
        out.append(BodyKind(tuple(e.strip() for e in r[0].split("|") if e.strip()),
                            r[1].strip(), offices))
    return tuple(reversed(out))


def body_kind(name: str | None) -> BodyKind | None:
    """The kind of institution a name ends as (…大学 → 高校, …医院 → 医院), or None."""
    n = (name or "").strip()
    return next((k for k in body_kinds() if n and any(n.endswith(e) for e in k.endings)),
                None)


def short_name(name: str) -> str:
    """A party committee's name as a task book writes it: 中共X委员会 → X党委."""
    party = bool(PARTY_PREFIX.match(name.strip()))
    n = PARTY_PREFIX.sub("", name.strip())
    for full, short in (("总支部委员会", "党总支"), ("支部委员会", "党支部")):
        if n.endswith(full):  # 中共X总支部委员会 → X党总支, 中共X支部委员会 → X党支部
            return n[:-len(full)] + short
    if n.endswith("纪律检查委员会") and len(n) > 7:  # 中共X纪律检查委员会 → X纪委
        return n[:-7] + "纪委"
    if n.endswith("委员会") and not n.endswith(("纪律检查委员会", "党委委员会")) and (
            party or _UNIT_END.search(n[:-3])):
        n = n[:-3] + "党委"  # not a 关心下一代工作委员会 or 学术委员会, which is no 党委
    return n or name


# A body whose 委员会 is its party committee when written without 中共 (X大学委员会, X学院委员会).
_UNIT_END = re.compile(r"(?:大学|学院|学校|医院|系|中心|研究院|研究所|公司|集团)$")


_COMMITTEE = re.compile(r"(?:委员会|委員會|党委|黨委|党组|行政)$")


def institution_level(name: str | None, institution: str | None = None) -> bool:
    """Whether a body is an institution that divides its work among its departments as a
    whole (a university, a hospital, an enterprise: `lexicon/body_kinds.tsv`): its name, or
    its party committee (中共X大学委员会, X学院党委, 学校党委). Its documents divide work by
    the duty table; a body below it (a college's committee, a 机关党委, a branch) or another
    kind (a bureau, a town) does its own documents' work."""
    from pbdocs.metadata import institution_of

    if not name:
        return False
    inst = institution or institution_of(name)
    bare = _COMMITTEE.sub("", PARTY_PREFIX.sub("", name.split()[0]).strip())
    if bare in ("学校", "我校", "本校", "全校"):
        return True
    return bool(inst) and bare == inst and body_kind(inst) is not None


def within_larger(doc: Document) -> bool:
    """Whether the document's institution is a unit of a larger one its title names right
    before it (中共岑湾大学经济与管理学院委员会: a college of a university, however its own
    name ends)."""
    inst, title = (doc.institution or "").strip(), doc.title or ""
    at = title.find(inst) if inst else -1
    if at <= 0:
        return False
    before = PARTY_PREFIX.sub("", title[:at].strip())
    return len(before) >= 3 and body_kind(before) is not None


def issuer_kind(doc: Document, canonical, is_department) -> str:
    """Who issued a document, as the labelled examples of `precedent` know it: the issuing
    department's canonical name, 学校 for the institution or its committee (or the committee's
    office writing for it), else 本单位 (a college, a branch, a unit of its own)."""
    office = issuer_office(doc)
    if office and is_department(canonical(office)) and not issued_by_institution(doc):
        return canonical(office)
    return "学校" if issued_by_institution(doc) else "本单位"


def issued_by_institution(doc: Document) -> bool:
    """Whether the document is the institution's own (issued by it or its party committee, or
    by the committee's general office for it: 党委办公室关于印发《…工作安排》的通知), an
    institution that divides its work among its departments."""
    from pbdocs.extract.tasks import rules

    if doc.issuer and issuer_office(doc) in rules().committee_offices:
        return True
    return bool(doc.issuer) and institution_level(doc.issuer, doc.institution) and not (
        within_larger(doc))


def own_work(doc: Document, is_department) -> bool:
    """Whether the document gives work to its own body rather than dividing an institution's
    work among departments: issued by a party branch or a unit's committee (not the
    institution's own), or, without an issuer, giving work to branch-level bodies and never
    to a department."""
    if doc.issuer:
        return (_own_body(doc.issuer) or _own_body(short_name(doc.issuer))) and not (
            issued_by_institution(doc))
    bodies = 0
    for c in doc.clauses:
        for t in c.tasks:
            for d in t.lead + (t.persons or []):
                if d.basis == "suggested":
                    continue
                if is_department(d.canonical):
                    return False
                bodies += _own_body(d.canonical)  # 党支部, or 党支部书记: a branch's officer
    return bodies > 0


# An officer's title after the name of the body it belongs to (机关党委专职副书记 → 机关党委).
_OFFICER = re.compile(r"(?:专职副书记|常务副书记|副书记|书记|组织委员|宣传委员|纪检委员|委员|"
                      r"主要负责同志|主要负责人|负责人)$")


# A person who works for a committee (its secretary, members, organiser): a title after the
# committee's or unit's name (学院党委书记, 院党委委员, 学院组织员, 党委领导班子成员)
_STAFF = re.compile(r"(?:专职副书记|常务副书记|副书记|书记|委员|专职组织员|组织员|"
                    r"领导班子成员|班子成员|主要负责同志|主要负责人)$")
# the short names a document uses for its own unit's committee (学院党委, 院党委, 本院党委)
_OWN_COMMITTEE = re.compile(r"^(?:本|我)?(?:学院|院|系|所|部|局|中心)?(?:党委|党总支)")


def person_body(name: str) -> str | None:
    """The committee a person named as a doer works for, when the name says which (学院党委书记
    → 学院党委, 学院组织员 → 学院党委, 党委书记 → 党委); None for a branch's officer (党支部书记
    does the branch's work in person) or a title alone (组织员)."""
    n = (name or "").strip()
    m = _STAFF.search(n)
    if not m or "支部" in n or "小组" in n:
        return None
    body = n[:m.start()]
    if body.endswith(("党委", "党总支", "党组", "纪委")):
        return body
    if body in ("学院", "院", "系", "本院", "我院"):  # 学院组织员: the college committee's
        return body + "党委"
    return None


def own_committee(doc: Document) -> str | None:
    """The committee issuing a document of its own unit (a college's, an institute's, a
    bureau's), as a task book names it (经济与管理学院党委), when it is one: its issuer, else
    the body its opening names as doing the whole work (学院党委决定在全院开展…, named as the
    title writes it); else None."""
    name = short_name(doc.issuer) if doc.issuer else None
    if name is None:
        opening = _opening_doer(doc)
        name = _as_titled(opening, doc.title) if opening else None
    if not (name and name.endswith(("党委", "党总支")) and len(name) > 2):
        return None
    return within_institution(name, doc)


def as_own_committee(name: str, committee: str | None) -> str:
    """A doer written as the document's own committee in short (学院党委, 院党委, 党委书记's
    党委, 学院党委理论学习中心组) named as the issuing committee (经济与管理学院党委…)."""
    if not committee:
        return name
    m = _OWN_COMMITTEE.match(name)
    if not m or not committee.endswith(m.group(0).lstrip("本我")[-2:]):
        return name
    rest = name[m.end():]
    if rest and not rest.startswith(("理论学习中心组", "中心组", "常委会", "会议")):
        return name  # 党委组织部, 党委宣传部: a department, not the committee
    rest = "" if rest.startswith("会议") else rest  # 院党委会议: the committee meeting
    return committee + rest


def branch_officer(name: str) -> bool:
    """Whether a person is a branch's officer (党支部书记, 支部组织委员)."""
    m = _OFFICER.search(name or "")
    return bool(m) and "支部" in name[:m.start()]


def _body_of(name: str, canonical) -> str:
    """The organisation of an officer (党支部书记 → 党支部); a body is itself."""
    m = _OFFICER.search(name)
    if m and m.start() >= 2:
        return canonical(name[:m.start()])
    return name


def _notice_like(doc: Document) -> bool:
    """A notice (通知, 通报, a month's 活动安排) rather than a plan: its title's genre, or, for
    an untitled text addressed to bodies, a preamble that names no plan genre."""
    from pbdocs.extract import _is_plan

    if doc.notice is not None:
        return False
    kind = doc.kind or ""
    if any(k in kind for k in ("通知", "通报", "函", "安排", "提示")):
        return True
    return not kind and doc.title is None and bool(doc.recipients) and not _is_plan(doc)


def first_issuer(issuer: str | None) -> str:
    """The first of joint issuers written on one line (中共某某大学委员会组织部　中共某某大学委员会
    办公室): the one a joint notice's own work is suggested to, as its task book writes it."""
    parts = (issuer or "").split()
    return parts[0] if len(parts) > 1 and all(len(p) >= 4 for p in parts) else (issuer or "")


# a functional unit of an institution by its name's ending (学生资助管理中心, 校友工作办公室,
# 实验室与设备管理处): not a party body, nor a college or its office
_UNIT_NAME = re.compile(r"[\u4e00-\u9fff]{2,16}(?:处|中心|办公室|馆)")
_NOT_UNIT = re.compile(r"党委|党总支|党支部|党组|委员会|学院|大学|学校")


def functional_unit(name: str | None) -> bool:
    """Whether `name` reads as an institution's functional unit the lexicon may not list."""
    return bool(name and _UNIT_NAME.fullmatch(name) and not _NOT_UNIT.search(name))


def issuer_office(doc: Document) -> str:
    """The issuer without 中共 and its institution's name (党委组织部 of 中共某某大学委员会组织部
    written 某某大学党委组织部)."""
    first = first_issuer(doc.issuer)
    league = bool(LEAGUE_PREFIX.match(first))
    issuer = LEAGUE_PREFIX.sub("", PARTY_PREFIX.sub("", first))
    if doc.institution and issuer.startswith(doc.institution):
        issuer = issuer[len(doc.institution):]
        if league and issuer.startswith("委员会"):  # 共青团X委员会: the 团委
            issuer = "团委" + issuer[3:]
        elif issuer.startswith("委员会") and len(issuer) > 3:  # (委员会组织部: the 党委's)
            issuer = "党委" + issuer[3:]
    return issuer


def _addressees(doc: Document, canonical) -> list[Dept]:
    """The units a notice is addressed to, as suggestions (主送机关)."""
    return [_dept(r, canonical(r), "通知的主送单位") for r in doc.recipients]


_OWN_UNIT = re.compile(r"本单位|本部门|本院系")
_PARTY_BODY = re.compile(r"(?:党组织|党委|党总支|党工委)$")


def _own_unit_body(doc: Document, text: str, canonical) -> Dept | None:
    """A task about 本单位 that names nobody (述职报告经本单位党组织会议审议后报送…, 坚持把冬训与
    本单位中心工作结合起来) is the addressed units' own: the party bodies the document is
    sent to (各二级党组织), as a suggestion."""
    if not _OWN_UNIT.search(text):
        return None
    for r in doc.recipients:
        name = re.sub(r"^各", "", r.strip())
        if _PARTY_BODY.search(name) and len(name) >= 3:
            return _dept(name, canonical(name), "句中的“本单位”是通知主送的单位")
    return None


def _department_notice(doc: Document, canonical, is_department) -> bool:
    """Whether a notice is a department's (党委组织部关于开展…轮训的通知): the work it names
    nobody for is mostly the department's own organising (召开动员会, 举办培训班,
    印发课程表), and is suggested by duty, like a plan's; what the addressees must do names
    them (各二级党组织要…)."""
    office = issuer_office(doc)
    return bool(office) and is_department(canonical(office))



_BRANCH_WHY = "通知所说的是党支部开展的活动"
OWN_UNIT_WHY = "发文单位自身的工作"  # a college's, a branch's, a bureau's own document
OWN_OFFICE_WHY = "发文部门自身的工作"  # a department's own work plan
ORGANISER_WHY = "发文部门组织、督促的工作"  # what a department's notice has it organise


def _organiser_act(text: str) -> bool:
    """Whether a task is the organiser's own checking or collecting (抽查, 督导, 编印案例汇编,
    跟踪整改: `organiser_acts` in lexicon/branch_work.txt), not the branches' activity."""
    return any(re.search(p, text) for p in branch_work().get("organiser_acts", ()))


def _college_issued(doc: Document, canonical, is_department) -> bool:
    """Whether a document is issued by a body below the university that does its own plan's
    work (a college's committee, a 党总支): not the university's, not a department's."""
    office = issuer_office(doc)
    return bool(office) and not issued_by_institution(doc) and not is_department(
        canonical(office)) and not short_name(doc.issuer or "").endswith("党支部")


def _lays_out_plan(doc: Document) -> bool:
    """Whether a notice with a known issuer sets out a plan of its own in numbered sections
    (一、目标任务 二、重点举措 …): the duties it names nobody for are the issuer's, not requests
    to its addressees (各党支部，院属各部门). An institution (a university's, a hospital's, an
    institute's committee) divides them by the duty table among its offices; a college's
    committee (its 工作安排 to 各党支部，学院各系) does its own plan's work."""
    return bool(doc.issuer) and len([s for s in doc.sections if len(s.path) == 1]) >= 3


def _branch_subject(doc: Document) -> str | None:
    """The branches a notice is about, when its subject (title, or the opening of an untitled
    one) is an activity held in the branches (开展学生党支部组织生活会…, 3月份“支部主题党日”
    活动安排): `党支部`, or as the title qualifies it (学生党支部)."""
    preamble = next((c.text.split("。")[0] for c in doc.clauses if c.path == ["0"]), "")
    subject = doc.title or preamble
    words = branch_work()
    ends = [subject.rfind(w) + len(w) for w in words.get("activities", ()) if w in subject]
    if not ends:
        return None
    if any(w in subject[max(ends):] for w in words.get("not_the_subject_before", ())):
        return None  # 最佳党日活动优胜奖申报工作: the notice is about applying
    m = re.search(r"(学生|教工|教师|研究生|本科生|机关|离退休|在职|农村|社区)党支部", subject)
    return m.group(0) if m else "党支部"


_BRANCH_KIND = re.compile(r"(?:学生|教工|教师|研究生|本科生|机关|离退休|在职|农村|社区)?党支部")


def branch_topic(doc: Document) -> str | None:
    """The branches a document is about (its title, or the first sentence of an untitled
    one, names 党支部: 党支部组织生活若干规定, 加强教师党支部建设): `党支部`, or as written
    (教师党支部); None otherwise."""
    preamble = next((c.text.split("。")[0] for c in doc.clauses if c.path == ["0"]), "")
    m = _BRANCH_KIND.search(doc.title or preamble)
    if m:
        return m.group(0)
    # (a university's rules, 党员教育管理工作实施办法 or 组织生活制度: the members' life in
    # their branches; a college's own plan for it stays the college's)
    if (_BRANCH_LIFE.search(doc.title or preamble) and issued_by_institution(doc)
            and any(g in (doc.kind or "") for g in ("办法", "细则", "规定", "制度", "规则"))):
        return "党支部"
    return None


_BRANCH_LIFE = re.compile(r"党员教育管理|党员管理|组织生活|三会一课")


@per_lexicon()
def _held_meeting() -> re.Pattern:
    """A branch's own meeting held (党员大会每季度召开一次, 每月召开一次支部委员会会议):
    `branch_work.txt` [meetings]."""
    from pbdocs.extract.tasks import any_of

    names = any_of(branch_work().get("meetings", ()))
    return re.compile(rf"(?:{names})[^，,。；;]{{0,8}}?(?:召开|举行)|"
                      rf"(?:召开|举行)[^，,。；;]{{0,8}}?(?:{names})")


def branch_held(doc: Document, task, general: bool = False) -> str | None:
    """The branches that hold a recurring activity (党员大会每季度召开1次, 每年召开1次组织
    生活会) in a document about the branches, or None. With `general` (a plan whose work no
    body of its own does), a branch meeting held on a cadence is the branches' in any plan."""
    branch = branch_topic(doc)
    if branch is None and general and _held_meeting().search(task.text):
        branch = "党支部"  # 每季度至少召开一次党员大会 in any plan with no doer of its own
    if branch is None or not task.recurrences:
        return None
    if any(not branch_officer(d.canonical) for d in task.persons or []):
        return None  # 党员领导干部每年到所在党支部讲党课: theirs, not the branch's
    text = task.text
    return branch if any(w in text for w in branch_work().get("activities", ())) else None


# The body a plan's opening names as the one that does the whole work, at the start of a comma
# segment: 县教育局机关党委将以…, (根据…,)材料学院将于今年7月初起…开展…
_OPENING_DOER = re.compile(r"^(?P<name>[\u4e00-\u9fff（）()]{2,20}?"
                           r"(?:党委|党总支|党支部|党组|委员会|学院|系|局|中心|工委))"
                           r"(?:将|要|拟|决定|定于)")


def _opening_doer(doc: Document) -> str | None:
    """The body a plan's preamble names as doing the whole work (县教育局机关党委将以…): not the
    institution itself (学校党委将…: the duty table divides its work) nor every body (各…)."""
    preamble = next((c.text for c in doc.clauses if c.path == ["0"]), "")
    for sentence in re.split(r"[。！？]", preamble)[:3]:
        for seg in re.split(r"[，,；;]", sentence):
            m = _OPENING_DOER.match(seg.strip())
            if not m or m.group("name").startswith(("各", "学校", "我校", "全校")):
                continue
            name = m.group("name")
            # (only a known institution says that a X学院 is the university, not a college)
            if institution_level(name, doc.institution or "-"):
                return None
            if name in ("学院", "学院党委", "院党委") and (doc.institution or "").endswith(
                    "学院") and issued_by_institution(doc):
                return None  # (学院党委决定… in 镜湖财经学院's own plan: the institution)
            return f"{name}党委" if name.endswith("学院") else name  # a college: its committee
    return None


_TITLE_YEAR = re.compile(r"^(?:关于)?(?:\d{4}\s*(?:年度?|—|-)\s*(?:\d{4}\s*年度?)?)?")


def _as_titled(name: str, title: str | None) -> str:
    """A body's name as the title writes it in full (学院党委 → 化学与材料工程学院党委 when the
    title opens with it), else as given."""
    head = _TITLE_YEAR.sub("", title or "")
    at = head.find(name)
    full = head[:at + len(name)] if at > 0 else ""
    return full if full and re.fullmatch(r"[\u4e00-\u9fff]{2,24}", full) else name




def _own_plan_genres() -> tuple[str, ...]:
    from pbdocs.extract.tasks import rules

    return rules().own_plan_genres


def within_institution(name: str, doc: Document) -> str:
    """A unit's name as its own institution's task book writes it: without the institution
    before it (岚溪科技学院离退休工作处党委 → 离退休工作处党委, 某医学院附属医院党委 →
    附属医院党委)."""
    inst = doc.institution or ""
    if inst and name.startswith(inst) and len(name) > len(inst) + 2:
        return name[len(inst):]
    return name


def default_doers(doc: Document, canonical, is_department) -> list[Dept]:
    """The document's own doer for work it names nobody for, as such documents are written:
    - a notice's requests go to its addressees (主送机关); when the notice is about an activity
      held in the branches (主题党日, 组织生活会), to the branches;
    - a plan whose opening names the body doing the whole work (县教育局机关党委将…) gives it
      to that body;
    - a document issued by a body below a university or outside universities (a college's
      committee, a 机关党委, a branch, a bureau's or a town's committee) does its own work;
      so does a department's own work plan (纪委2027年工作要点, 宣传部's 中心组学习计划);
    - a text without issuer whose doers are all branch-level gives it to the body it names
      most.
    None for a university's own plan: the duty table divides its work among departments."""
    if _notice_like(doc):
        # (a college committee's own 三会一课 and 主题党日 安排: the college's work, as its
        # plan is; a department's or the university's notice about them: the branches')
        branch = None if _college_issued(doc, canonical, is_department) else _branch_subject(doc)
        if branch:
            return [_dept(branch, canonical(branch), _BRANCH_WHY)]
        if doc.recipients and not _lays_out_plan(doc) and not _department_notice(
                doc, canonical, is_department):
            return _addressees(doc, canonical)
    opening = _opening_doer(doc)
    issuer = doc.issuer
    if opening and issuer and not issued_by_institution(doc) and short_name(issuer).endswith(
            opening):
        # 医院党委将… in the 附属医院委员会's own plan: the issuer, named within its institution
        # (附属医院党委, 离退休工作处党委)
        own = within_institution(short_name(issuer), doc)
        return [_dept(own, canonical(own), "文件开头写明由它开展这项工作")]
    if opening:
        opening = _as_titled(opening, doc.title)
        return [_dept(opening, canonical(opening), "文件开头写明由它开展这项工作")]
    if issuer and not issued_by_institution(doc):
        # (a department's rules: the duty table; its own work plan, 纪委2027年工作要点 or
        # 宣传部's 中心组学习计划: its own work)
        office = canonical(issuer_office(doc))
        if not is_department(office):
            # (中共某某大学委员会网络安全和信息化委员会办公室: the 党委's office, as
            # issuer_office names it; a college's committee within its institution)
            name = (issuer_office(doc) if issuer_office(doc).startswith("党委")
                    else within_institution(short_name(issuer), doc))
            return [_dept(name, canonical(name), OWN_UNIT_WHY)]
        if any(g in (doc.kind or "") for g in _own_plan_genres()):
            name = issuer_office(doc)
            return [_dept(name, office, OWN_OFFICE_WHY)]
    if doc.issuer or not own_work(doc, is_department):
        return []
    named: Counter = Counter()
    first: dict[str, int] = {}
    for c in doc.clauses:
        for t in c.tasks:
            for d in t.lead + (t.persons or []):
                body = _body_of(d.canonical, canonical)
                if d.basis != "suggested" and _own_body(body):
                    named[body] += 1
                    first.setdefault(body, len(first))
    if not named:
        return []
    best = max(named, key=lambda n: (named[n], -first[n]))
    return [_dept(best, best, "本文件中承担工作的组织")]


def written_names(doc: Document) -> dict[str, str]:
    """Canonical name → the name this document writes it as (its first stated or text
    mention), so a suggestion speaks the institution's language."""
    out: dict[str, str] = {}
    for c in doc.clauses:
        for d in c.lead + c.support + [x for t in c.tasks for x in t.lead + t.support]:
            if d.basis != "suggested" and d.canonical and d.name:
                out.setdefault(d.canonical, d.name)
    return out


@per_lexicon()
def office_cover() -> dict[str, tuple[str, ...]]:
    """Canonical office → the canonical offices whose work it does where the institution has
    not set them up (`lexicon/office_cover.tsv`; 党群工作部 → 党委组织部, 党委宣传部 …)."""
    out: dict[str, tuple[str, ...]] = {}
    for r in rows("office_cover.tsv", min_cells=2):
        out[r[0].strip()] = tuple(x.strip() for x in re.split(r"[、，,]", r[1]) if x.strip())
    return out


def named_offices(doc: Document, aliases: dict[str, str]) -> dict[str, str]:
    """Canonical name → as written, of every department the document's text names (its own
    offices: 院党委办公室、党群工作部、纪检监察室), outside bodies (省委组织部) left out."""
    from pbdocs.extract.depts import external

    text = "\n".join([doc.title or ""] + [s.heading or "" for s in doc.sections]
                      + [(c.heading or "") + (c.text or "") + (c.note or "")
                         for c in doc.clauses])
    out: dict[str, str] = {}
    for alias in sorted(aliases, key=len, reverse=True):
        if len(alias) < 2 or aliases[alias] in out:
            continue
        at = text.find(alias)
        # not an outside body's (省委组织部), nor part of a longer word (党群部门)
        while at >= 0 and (external(text, at, _ExtLex())
                           or text[at + len(alias):at + len(alias) + 1] == "门"):
            at = text.find(alias, at + 1)
        if at >= 0:
            out[aliases[alias]] = alias
    return out


class _ExtLex:
    """The part of the extraction lexicon `depts.external` reads."""

    @property
    def external_prefixes(self) -> tuple[str, ...]:
        return entries("external_prefixes.txt")


def own_office(name: str, present: dict[str, str], issuer: str | None = None) -> str:
    """The office of this institution that does `name`'s work: the issuing office when it
    covers `name` (纪委办公室's own notice: the 纪委's work is the office's), `name` when the
    document names it or names none of the offices covering it, else the covering office it
    names."""
    if issuer and name in office_cover().get(issuer, ()):
        return issuer
    if not present or name in present:
        return name
    for office, covered in office_cover().items():
        if name in covered and office in present:
            return office
    return name



# a report to the institution's committee (报校党委审定, 报学校党委, 报党委会议研究): in a
# department's notice, the department's own, not what its addressees send in to it
_REPORTS_UP = re.compile(r"报(?:学校|校)?党委(?:会议?|常委会)?(?!组织部|宣传部|统战部|办公室|"
                         r"教师工作部|学生工作部|[^，,。；;]{0,4}部)")


# what addressees send in by a date (于10月12日前报送…, 报党委组织部), and a report sent beyond
# the institution (向省委教育工委推荐, 向上级党组织报送), which is the department's own
_SENT_TO_ISSUER = re.compile(r"报送|上报|提交|报(?:党委)?[\u4e00-\u9fff]{0,4}?(?:部|处|办|科)")
_OUTWARD = re.compile(r"上级|省委|省教育厅|教育工委")


def _sent_inside(text: str, words) -> bool:
    """Whether what a row sends goes to a department of the institution, not up to its
    committee or beyond it (报学校党委, 向上级党组织推荐), and is no sanction (通报批评)."""
    return not (_REPORTS_UP.search(text) or _OUTWARD.search(text)
                or words.accountability.search(text))


def _sends_in() -> re.Pattern:
    from pbdocs.extract.tasks import rules

    return rules().sends_in


def suggest(doc: Document, canonical, is_department, aliases: dict[str, str] | None = None
            ) -> None:
    """Give every task without a lead a suggested lead (and usual support): the document's
    own doer, else the duty its sentence, its clause's lead phrase or its section headings
    are about. Tasks whose text names nobody and fits no duty stay without a lead."""
    from pbdocs.extract.tasks import rules

    words = rules()  # leader_terms, others_provide
    own = default_doers(doc, canonical, is_department)
    # a department's notice: what fits no duty is the addressees' (形成申报材料)
    addressees = (_addressees(doc, canonical) if not own and _notice_like(doc) and doc.recipients
                  and _department_notice(doc, canonical, is_department) else [])
    # a department's notice about the branches' activities: its own organising is its own
    office = issuer_office(doc)
    organiser = (Dept(office, canonical(office), "suggested", ORGANISER_WHY)
                 if office and is_department(canonical(office)) else None)
    names = written_names(doc)
    # the departments the issuing institution has (a hospital's are not a university's)
    kind = body_kind(doc.institution) if issued_by_institution(doc) else None
    offices = kind.offices if kind is not None else None
    issuer = short_name(doc.issuer or "")
    present = named_offices(doc, aliases) if aliases else {}
    mine = canonical(office) if office else None  # (the issuing office, for own_office)
    for c in doc.clauses:
        context = [c.heading or ""] + [s.heading for s in reversed(doc.ancestors(c))]
        if doc.section(c.path) is not None:
            context.insert(0, doc.section(c.path).heading)
        carry = None  # the duty of the task before, when its sentence goes on into this one
        for t in c.tasks:
            same_sentence, carry = carry, None
            if not t.text.rstrip().endswith(("。", "；", ";", "！", "？", "!", "?")) and not (
                    t.lead or t.persons):  # (whoever the sentence names does the rest)
                carry = by_duty(t.text)
            if t.lead:
                continue
            unit = _own_unit_body(doc, t.text, canonical)
            if unit is not None:
                t.lead = [unit]
                continue
            branch = None if any("支部" in d.canonical for d in own) else branch_held(
                doc, t, general=not own)
            if branch:
                t.lead = [_dept(branch, canonical(branch), "党支部按周期开展的活动")]
                continue
            if own and _issued_by_branch(doc) and own[0].why == OWN_UNIT_WHY:
                # a branch's own plan: the committee member whose line it is
                role, term = branch_role(t.text)
                why = f"“{term}”；支部委员会的分工" if term else "支部自身的工作，未对应某位支委"
                t.lead = [_dept(role, canonical(role), why)]
                continue
            if own and own[0].why == _BRANCH_WHY and _organiser_act(t.text):
                # (对各单位组织生活会质量进行抽查: the organiser's own work, not the branches')
                if organiser is not None:
                    t.lead = [replace(organiser)]
                    continue
            elif own and not (own[0].why == _BRANCH_WHY and words.decisive_duty.search(t.text)):
                # (in a notice about the branches' activity, …视情节予以通报批评，并追究相关
                # 责任 is accountability and goes by the duty table, not to the branches)
                other = by_duty(t.text) if own[0].why == OWN_OFFICE_WHY else None
                if other is not None and other[1] in words.others_provide:
                    # 学校每年足额安排学生资助经费 in a department's own plan: the finance
                    # office provides the money
                    t.lead = [_dept(names.get(n, n), canonical(n), f"“{other[1]}”")
                              for n in other[0].lead]
                    continue
                t.lead = [Dept(d.name, d.canonical, "suggested", d.why) for d in own]
                continue
            found = by_duty(t.text)
            source = ""
            if found is None and same_sentence is not None:
                # the rest of a sentence (…评选，评选结果于1月公布首批名单): its work's duty
                found, source = same_sentence, "（见同一句）"
            if found is None:
                for h in context:
                    found = by_duty(h) if h else None
                    if found:
                        source = f"（见标题“{h}”）"
                        break
            if found is None:
                # what the addressees send in (形成申报材料, 报送…) is theirs; the department's
                # own organising (成立考核组, 统一印制测评表, 通报结果) is left to it, and so is
                # holding them to account (弄虚作假的，取消推荐资格并通报批评)
                if addressees and _sends_in().search(t.text) and _sent_inside(t.text, words):
                    t.lead = [_dept(d.name, d.canonical, d.why) for d in addressees]
                continue
            duty, term = found
            if (addressees and organiser is not None
                    and organiser.canonical in {canonical(n) for n in duty.lead}
                    and _SENT_TO_ISSUER.search(t.text) and _sent_inside(t.text, words)
                    and any(d.end and not d.inferred for d in t.deadlines)):
                # (补交完成后，于10月12日前报送《党费补交情况汇总表》 in the 组织部's own notice:
                # the addressees send it in to the department whose duty it is)
                t.lead = [_dept(d.name, d.canonical, f"“{term}”{source}；{d.why}")
                          for d in addressees]
                continue
            if term in words.generic_duties and not (organiser is not None and _notice_like(
                    doc)) and not any(x in t.text for x in duty.terms
                                      if x not in words.generic_duties):
                # (每年评选表彰“劳动之星” in a 劳动教育 plan: the plan's line of work; not
                # “两优一先”评选表彰; a department's notice organises it itself, below)
                titled = by_duty(doc.title or "")
                if titled is not None and set(titled[0].lead) != set(duty.lead):
                    duty, term, source = titled[0], titled[1], "（见文件标题）"
            if (organiser is not None and source.startswith("（见标题")
                    and organiser.canonical not in duty.lead and _notice_like(doc)):
                # (严肃工作纪律 → 严禁弄虚作假 in a 组织部 notice: the heading says how the
                # department's own work is to be done, not whose duty it is)
                t.lead = [replace(organiser)]
                continue
            if (organiser is not None and _notice_like(doc)
                    and organiser.canonical not in words.committee_offices
                    and organiser.canonical not in duty.lead
                    and (all(canonical(n) in words.general_offices for n in duty.lead)
                         or organiser.canonical not in words.general_offices
                         and term not in words.others_provide
                         and not any(canonical(n) in words.own_line_offices
                                     for n in duty.lead))):
                # another department's own notice (统战部's 国情考察, 团委's 评优, 关工委's
                # 宣讲): the party work it names (举行行前集中培训, 撤销其荣誉称号, 首场宣讲) is
                # the activity the department organises, not the 组织部's or 宣传部's duty;
                # supervision and money stay with their offices
                t.lead = [replace(organiser, why=f"“{term}”{source}；{organiser.why}")]
                continue
            if organiser is not None and term in words.leader_terms:
                # a department's own document: the leaders it names (由校党委书记逐一点评)
                # take part in the work the department arranges
                t.lead = [replace(organiser, why=f"“{term}”；{organiser.why}")]
                continue
            why = f"“{term}”{source}"
            # a corpus's duties.tsv may name the institution's own department: keep its
            # name, map it to the canonical one
            # the institution's own office for it (a 党群工作部 where there is no 组织部)
            pairs = [(canonical(n), own_office(canonical(n), present, mine)) for n in duty.lead]
            written = {o: n if o == canonical(n) else o for n, (_, o) in zip(duty.lead, pairs)}
            leads = list(dict.fromkeys(o for _, o in pairs))
            t.lead = [_dept(names.get(n, present.get(n, written[n])), n, why) for n in leads]
            if offices is not None and not any(n in offices or o != n for n, o in pairs):
                # a hospital has no 马克思主义学院: its own committee does it
                t.lead = [_dept(issuer, canonical(issuer), f"{why}；本单位没有对应部门")]
                continue
            if not t.support:
                lead = {d.canonical for d in t.lead}
                support = {}
                for n, w in other_duties(t.text, set(duty.lead)):
                    o = own_office(n, present, mine)
                    if n in duty.support and (offices is None or n in offices) and (
                            o not in lead):
                        support.setdefault(o, w)
                t.support = [_dept(names.get(n, present.get(n, n)), n, f"“{w}”")
                             for n, w in support.items()]


@per_lexicon()
def title_units() -> tuple[tuple[str, str], ...]:
    """(title word, body) of `lexicon/title_units.tsv`: the unit a plan's title is about (附属
    医院 → 附属医院党委); a word given again belongs to its later row."""
    return _term_rows("title_units.tsv")


@per_lexicon()
def unit_offices() -> tuple[tuple[str, str], ...]:
    """(title word, office) of the third column of `lexicon/title_units.tsv`: the offices
    whose duty the unit does for itself in a document about it (二级学院 → 党委办公室: the
    college's own committee meetings)."""
    out = []
    for r in rows("title_units.tsv", min_cells=2):
        for office in re.split(r"[、，,]", r[2] if len(r) > 2 else ""):
            out += [(w.strip(), office.strip()) for w in r[0].split("|")
                    if w.strip() and office.strip()]
    return tuple(out)


TITLE_UNIT_WHY = "文件标题所说的单位自身的工作"


def by_title(doc: Document, canonical, aliases: dict[str, str] | None = None,
             is_department=None) -> None:
    """The last suggestion, for a task nothing else gave a lead (3月中旬召开行动计划动员部署会,
    下半年开展一次中期评估): the plan's own work, so the duty its title is about (基层党建质量
    提升行动计划 → 党委组织部), or, in a plan about a unit's own party work (关于加强附属医院党的
    建设的实施意见: `title_units.tsv`), that unit, also where a sentence only met the title's
    duty (建立医德考评档案 → 附属医院党委, not the 组织部 of 党的建设)."""
    title = doc.title or ""
    unit = next((b for w, b in title_units() if w in title), None)
    if unit is not None:
        # (党委会议每月召开一次 in a college's 议事规则: its own committee's meeting, not the
        # work of the university's 党委办公室 the duty table gives 议事规则 to)
        taken = {canonical(x) for w, x in unit_offices() if w in title}
        for c in doc.clauses:
            for t in c.tasks:
                if not t.lead or all(d.basis == "suggested" and (
                        (d.why or "").endswith("（见文件标题）")
                        or (d.canonical in taken and (d.why or "").startswith("“")))
                        for d in t.lead):
                    t.lead = [_dept(unit, canonical(unit), TITLE_UNIT_WHY)]
    found = by_duty(title)
    if found is None:
        return
    duty, term = found
    present = named_offices(doc, aliases) if aliases else {}
    names = written_names(doc)
    leads = list(dict.fromkeys(own_office(canonical(n), present) for n in duty.lead))
    why = f"“{term}”（见文件标题）"
    office = canonical(issuer_office(doc))
    if (is_department is not None and _notice_like(doc)
            and _department_notice(doc, canonical, is_department) and office not in leads):
        # a department's own notice (学生资助管理中心关于做好…认定工作的通知): what it names
        # nobody for is the activity it organises, not the title's duty's department's
        leads, why = [office], f"“{term}”（见文件标题）；{ORGANISER_WHY}"
    for c in doc.clauses:
        for t in c.tasks:
            if not t.lead:
                t.lead = [_dept(names.get(n, present.get(n, n)), n, why) for n in leads]
