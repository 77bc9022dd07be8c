"""Tasks: a clause cut into actionable requirements. What is not a task is left out — headings,
background, purpose and significance, principles, conditions, evaluation criteria, options, the
document speaking about itself — and the items of an enumerated list of deliverables stay with
the task that asks for them. Each task gets its kind (`once`, `recurring`, `ongoing`) and the
body its sentence names as the doer (`text` basis). The rules' words are `lexicon/tasks.txt`."""

from __future__ import annotations

import re
from bisect import bisect_left
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from pbdocs.lang.lexicon import entries, per_lexicon, sections
from pbdocs.lang.text import inside_note
from pbdocs.read.tables import field_label_end, time_field

_FINAL = "。；;！？!?"
_SEGMENT = re.compile(r"[，,；;：:。！？!?]")


@dataclass(frozen=True)
class Rules:
    """The compiled sections of `lexicon/tasks.txt`."""

    not_task_headings: tuple[str, ...]
    criteria_headings: tuple[str, ...]
    self_reference: re.Pattern
    purpose_starts: tuple[str, ...]
    past_markers: re.Pattern
    significance: re.Pattern
    scope: re.Pattern
    checks: re.Pattern
    announced_later: re.Pattern  # 具体安排另行通知: details to come, no task
    outcomes: re.Pattern
    purposes: re.Pattern
    enumerations: re.Pattern
    reported: re.Pattern
    principles: re.Pattern
    goal_headings: tuple[str, ...]
    conditions: re.Pattern
    uses: re.Pattern  # a sentence that only says what results are used for
    options: re.Pattern
    modals: re.Pattern
    person_cues: re.Pattern  # after an unknown person's name: it is the subject (每, 向, 本人…)
    criteria: re.Pattern
    list_intros: tuple[str, ...]
    deliverable_lists: re.Pattern
    organising_headings: tuple[str, ...]
    patient_after: re.Pattern
    organising_charge: tuple[str, ...]  # patterns with {name}: put in charge of the whole
    document_charge: tuple[str, ...]  # patterns with {name}: in charge of the document itself
    period_rules: re.Pattern  # a rule for the whole of an activity period, not done once in it
    accountability: re.Pattern  # holding to account after a condition: a duty, not a condition
    broad_duty_terms: frozenset[str]  # duty terms that fit the whole work, not one department's
    decisive_duty: re.Pattern  # a phrase that says what the sentence is about (纳入年度预算)
    subject_carried: re.Pattern  # a sentence opening that goes on from the sentence's subject
    span_deliverable: re.Pattern  # after 第三季度/下半年: what is due by the span's end
    durative_openers: re.Pattern  # 持续/不断…: the work is standing, whatever its object
    own_plan_genres: tuple[str, ...]  # a department's own work plan: its unnamed work is its own
    attitudes: re.Pattern  # 统筹谋划, 高度重视: how to take the work, no work of its own
    committee_offices: frozenset[str]  # the committee's general office: it issues for the committee
    others_provide: frozenset[str]  # duty terms another department provides even there (经费)
    generic_duties: frozenset[str]  # duty terms any line of work has (评选表彰, 优秀案例)
    general_offices: frozenset[str]  # the most general party work's offices (组织部, 党委办公室)
    own_line_offices: frozenset[str]  # supervision and money: theirs in any department's notice
    leader_terms: frozenset[str]  # the institution's leaders (校党委书记, 校领导)
    organised_bodies: frozenset[str]  # the committee's own group a department serves
    sends_in: re.Pattern  # what a notice's addressees send in (报送, 申报材料…)
    after_object: re.Pattern  # the verb after an object fronted by 对/将/把
    results_included: re.Pattern  # 成效纳入考核: what counts in an assessment, no doer
    startup_acts: re.Pattern  # 成立…领导小组: set up at the start, by the first phase's end
    event_support: re.Pattern  # 负责会务/场地/餐饮保障: done at the event its clause dates
    bearer_genres: tuple[str, ...]
    verbs: frozenset[str]
    action_phrases: tuple[str, ...]
    light_verbs: frozenset[str]
    ongoing_starts: re.Pattern
    manner_starts: re.Pattern  # how a duty is done all along: 加强…, 严格执行…
    once_verbs: re.Pattern
    due_at_end: re.Pattern
    done_by_span_end: re.Pattern
    target_statements: re.Pattern
    own_once: re.Pattern
    standing_after_date: re.Pattern
    standing_openers: re.Pattern
    event_subjects: re.Pattern
    subject_cues: re.Pattern
    institution_bodies: frozenset[str]
    institution_openers: re.Pattern
    not_subject_starts: tuple[str, ...]
    scene_starts: tuple[str, ...]
    generic_subject: re.Pattern
    not_body_words: re.Pattern = re.compile("(?!)")
    count_target: re.Pattern = re.compile("(?!)")  # 5个, 10名: a count of things to make
    standing_part: re.Pattern = re.compile("(?!)")  # 持续推进…, 加强…: a standing effort
    # what goes on from a recurring duty and stays in its row (发现问题…, 确保…, 评议结果作为…)
    stays_after_cadence: re.Pattern = re.compile("(?!)")


def any_of(items) -> str:
    """A regex alternation of literal words, longest first (never matching when empty)."""
    return "|".join(re.escape(w) for w in sorted(set(items), key=len, reverse=True)) or "(?!)"


def _regexes(items) -> re.Pattern:
    return re.compile("|".join(f"(?:{x})" for x in items) or "(?!)")


@per_lexicon()
def rules() -> Rules:
    """The task rules of the active lexicons."""
    s = sections("tasks.txt")
    cues = tuple(s.get("subject_cues", ())) + entries("actor_cues.txt")
    return Rules(
        not_task_headings=s.get("not_task_headings", ()),
        criteria_headings=s.get("criteria_headings", ()),
        self_reference=_regexes(s.get("self_reference", ())),
        purpose_starts=s.get("purpose_starts", ()),
        past_markers=re.compile(any_of(s.get("past_markers", ()))),
        significance=_regexes(s.get("significance", ())),
        scope=_regexes(s.get("scope", ())),
        checks=_regexes(s.get("checks", ())),
        announced_later=_regexes(s.get("announced_later", ())),
        outcomes=_regexes(s.get("outcomes", ())),
        purposes=_regexes(s.get("purposes", ())),
        enumerations=_regexes(s.get("enumerations", ())),
        reported=_regexes(s.get("reported", ())),
        principles=_regexes(s.get("principles", ())),
        goal_headings=s.get("goal_headings", ()),
        conditions=_regexes(s.get("conditions", ())),
        uses=_regexes(s.get("uses_of_results", ())),
        options=re.compile(any_of(s.get("options", ()))),
        modals=_regexes(s.get("modals", ())),
        person_cues=_regexes(s.get("person_cues", ())),
        criteria=_regexes(s.get("criteria", ())),
        list_intros=s.get("list_intros", ()),
        deliverable_lists=re.compile(rf"^\s*(?:{any_of(s.get('deliverable_lists', ()))})"
                                     r"[^：:，,。；;]{0,16}[：:]"),
        organising_headings=s.get("organising_headings", ()),
        patient_after=_regexes(s.get("patient_after_subject", ())),
        organising_charge=tuple(s.get("organising_charge", ())),
        document_charge=tuple(s.get("document_charge", ())),
        period_rules=_regexes(s.get("period_rules", ())),
        accountability=_regexes(s.get("accountability", ())),
        broad_duty_terms=frozenset(s.get("broad_duty_terms", ())),
        decisive_duty=_regexes(s.get("decisive_duty", ())),
        subject_carried=re.compile(rf"^\s*(?:{any_of(s.get('subject_carried', ()))})"),
        # (第四季度拍摄完成…: a short verb before 完成/建成 still makes it a deliverable)
        span_deliverable=re.compile(rf"\s*(?:[\u4e00-\u9fff]{{1,2}}(?:完成|建成)|"
                                    rf"{any_of(s.get('span_deliverable', ()))})"),
        durative_openers=re.compile(
            rf"^(?:要|并|同时)?(?:{any_of(s.get('durative_openers', ()))})"),
        own_plan_genres=tuple(s.get("own_plan_genres", ())),
        attitudes=re.compile(rf"(?:要|应|须|必须)?(?:{any_of(s.get('attitudes', ()))})"),
        committee_offices=frozenset(s.get("committee_offices", ())),
        others_provide=frozenset(s.get("others_provide", ())),
        generic_duties=frozenset(s.get("generic_duties", ())),
        general_offices=frozenset(s.get("general_offices", ())),
        own_line_offices=frozenset(s.get("own_line_offices", ())),
        leader_terms=frozenset(s.get("leader_terms", ())),
        organised_bodies=frozenset(s.get("organised_bodies", ())),
        sends_in=re.compile(any_of(s.get("sends_in", ()))),
        after_object=re.compile(any_of(s.get("after_object", ()))),
        results_included=_regexes(s.get("results_included", ())),
        startup_acts=_regexes(s.get("startup_acts", ())),
        event_support=_regexes(s.get("event_support", ())),
        bearer_genres=s.get("bearer_genres", ()),
        verbs=frozenset(s.get("action_verbs", ())),
        action_phrases=s.get("action_phrases", ()),
        light_verbs=frozenset(s.get("light_verbs", ())),
        ongoing_starts=re.compile(rf"^(?:{any_of(s.get('ongoing_starts', ()))})"),
        manner_starts=_regexes(s.get("manner_starts", ())),
        once_verbs=_regexes(s.get("once_verbs", ())),
        due_at_end=_regexes(s.get("due_at_end", ())),
        done_by_span_end=_regexes(s.get("done_by_span_end", ())),
        target_statements=_regexes(s.get("target_statements", ())),
        own_once=_regexes(s.get("own_once", ())),
        standing_after_date=_regexes(s.get("standing_after_date", ())),
        standing_openers=_regexes(s.get("standing_openers", ())),
        event_subjects=_regexes(s.get("event_subjects", ())),
        subject_cues=re.compile(rf"\s*(?:{any_of(cues)})"),
        institution_bodies=frozenset(s.get("institution_bodies", ())),
        institution_openers=_regexes(s.get("institution_openers", ())),
        not_subject_starts=tuple(s.get("not_subject_starts", ())),
        scene_starts=tuple(s.get("scene_starts", ())),
        generic_subject=re.compile(
            rf"(?P<name>(?:{any_of(s.get('subject_endings', ()))}))"
            r"(?:(?:和|及|与)[^，,。；;：:\s]{1,8}?(?=要|应|须|必须|务必|请|将|负责|对|在|于))?"),
        not_body_words=re.compile(any_of(s.get("not_body_words", ()))),
        count_target=re.compile(
            rf"[0-9一二三四五六七八九十两]+\s*(?:{any_of(s.get('count_units', ()))})"),
        standing_part=re.compile(rf"^(?:要|并|同时)?(?:{any_of(s.get('standing_parts', ()))})"),
        stays_after_cadence=_regexes(s.get("stays_after_cadence", ())),
    )


@dataclass
class Unit:
    """A piece of a clause's text that may be a task: its span, and why it is not one."""

    start: int
    end: int
    text: str
    reason: str | None = None  # None: a task; else heading, background, condition …
    parts: list[tuple[int, int]] = field(default_factory=list)  # merged spans


def units(text: str, spans: list[tuple[int, int]]) -> list[Unit]:
    """The clause's sentences (`spans`, cut at 。；！？ and line ends) with the items of a
    colon-introduced list kept in one unit (`成果形式主要包括：A；B；C。` is one)."""
    out: list[Unit] = []
    open_list = False
    spans = _dated_items(text, _notes_close(text, spans))
    for a, b in spans:
        piece = text[a:b]
        if open_list and out and _own_item(piece):
            open_list = False  # 第一季度:开展检查1次;组织培训1次: each item asks on its own
        if open_list and out:
            out[-1].end = b
            out[-1].text = text[out[-1].start:b].strip()
            out[-1].parts.append((a, b))
        else:
            out.append(Unit(a, b, piece.strip(), parts=[(a, b)]))
        stripped = piece.rstrip()
        ends_item = stripped.endswith(("；", ";"))
        if open_list:
            open_list = ends_item and not piece.endswith("\n")
        else:
            # (a colon inside brackets, （责任人：组织员）；, opens no list)
            bare = _BRACKETED.sub(lambda m: "＿" * len(m.group()), piece)
            colon = max(bare.rfind("："), bare.rfind(":"))
            open_list = colon >= 0 and ends_item and "\n" not in piece[colon:].rstrip()
    return out


_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
# a bracketed responsibility note: （责任人：辅导员）, （牵头单位：党委组织部；配合单位：人事处）
BRACKET_NOTE = re.compile(r"[（(][^（）()]{0,12}[:：][^（）()]{1,60}[）)]")


def _notes_close(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans with a responsibility note written after a full stop (…完成新生入党启蒙
    教育。（责任人：辅导员）第三季度完成…) moved to the sentence it annotates: a note follows
    what it is about."""
    out = list(spans)
    for k in range(1, len(out)):
        a, b = out[k]
        m = BRACKET_NOTE.match(text, a + len(text[a:b]) - len(text[a:b].lstrip()))
        pa, pb = out[k - 1]
        if m and m.end() < b and pb == a and "\n" not in text[pa:pb] and text[a:m.end()].strip():
            out[k - 1] = (pa, m.end())
            out[k] = (m.end(), b)
    return out


_EVERY = re.compile(r"每(?:[一两二三四五六\d]个?)?(?:周|月|季度|学期|半年|年)")
# a list of dated items after a colon: 每月开展主题党日活动：4月…；5月…；“七一”前后…
_DATED_ITEM = re.compile(r"[：:]\s*(?=(?:\d{1,2}\s*月|[“\"]?七一[”\"]?前后|[一二三四]季度))")


def _dated_items(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans with a colon that opens a list of dated items (每月15日前后开展主题党日
    活动：4月…祭扫活动；5月…联学共建；…) cut after the colon: each item is a task with its own
    month, the words before the colon one of their own."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        m = _DATED_ITEM.search(text, a, b)
        piece = text[a:b].rstrip()
        if m and piece.endswith(("；", ";")) and m.start() > a + 4:
            out += [(a, m.end()), (m.end(), b)]
        else:
            out.append((a, b))
    return out


_QUOTED = re.compile(r"《[^《》]*》|“[^“”]{0,30}”")
_TITLED = re.compile(r"《[^《》]*》")


def _own_item(piece: str) -> bool:
    """Whether an item of a colon-introduced list opens with an action of its own (积极组织…,
    开展…): a requirement by itself, not another deliverable of the one before."""
    first = _SEGMENT.split(piece.strip(), maxsplit=1)[0]
    return _starts_with_verb(re.sub(r"^(?:积极|认真|及时|切实|继续|深入|广泛|全面)", "", first),
                             rules())


_CLAUSE: ContextVar[tuple[str, list[tuple[int, str]], list[int]] | None] = ContextVar(
    "pbdocs_task_clause", default=None)


@contextmanager
def clause_words(text: str, tokens: list[tuple[int, str]]):
    """Let the rules take the words of pieces of this clause from its segmentation (with the
    words' offsets, in order, to find a piece's words by bisection)."""
    reset = _CLAUSE.set((text, tokens, [i for i, _ in tokens]))
    try:
        yield
    finally:
        _CLAUSE.reset(reset)


def words(text: str) -> tuple[str, ...]:
    """The segmented words of a text: those of the clause being read when the text is a piece
    of it (segmented once, with the whole sentence as context), else segmented afresh."""
    ctx = _CLAUSE.get()
    if ctx is not None and text:
        need = max(1, len(text.strip()) - 2)  # (a short piece inside a longer word, 推动 in
        at = ctx[0].find(text)                 # 推动力, is segmented on its own)
        tokens, starts = ctx[1], ctx[2]
        while at >= 0:
            end = at + len(text)
            inside = tuple(w for i, w in tokens[bisect_left(starts, at):bisect_left(starts, end)]
                           if i + len(w) <= end)
            if sum(len(w) for w in inside) >= need:
                return inside
            at = ctx[0].find(text, at + 1)
    return _cut(text)


@per_lexicon(maxsize=8192)
def _cut(text: str) -> tuple[str, ...]:
    from pbdocs import segment

    return tuple(segment.cut(text))


def has_action(text: str, rules_: Rules | None = None) -> bool:
    """Whether a text names an action: one of its words (as segmented, titles and quoted
    names left out) is an action verb, or a compound of two (建立健全, 研究部署)."""

    r = rules_ or rules()
    bare = _QUOTED.sub("", text)
    if any(p in bare for p in r.action_phrases):
        return True
    return any(_is_verb(tok, r) for tok in words(bare))


def opens_with_action(text: str, rules_: Rules | None = None) -> bool:
    """Whether a text's first word is an action verb (加强校园网站…, 落实“先审后发”制度), not a
    subject or a state (部分支部组织生活不规范)."""
    r = rules_ or rules()
    bare = _QUOTED.sub("", text).strip()
    toks = words(bare)
    return bool(toks) and (_is_verb(toks[0], r) or bool(r.ongoing_starts.match(bare)))


def _is_verb(tok: str, r: Rules) -> bool:
    """An action verb, or a four-character compound with one (沟通交流, 建立健全), or one the
    segmenter glued to its modal (要带头)."""
    if len(tok) > 2 and tok[0] in "要应须" and tok[1:] in r.verbs:
        return True
    return tok in r.verbs or (len(tok) == 4 and (tok[:2] in r.verbs or tok[2:] in r.verbs))


# a subject that may do something (各二级党组织可结合实际制定…, 教师作品可单独报送): an option,
# not a requirement (not 可持续, 可靠, 不可, 认可)
_MAY = re.compile(r"^[^，,。；;]{1,14}?(?<![不许认宁])可(?!能|行|靠|控|视|持续|再生|复制|推广|操作|"
                  r"信|喜|贵|爱|见|知|观|读|用|比|及|查|感|及时)[\u4e00-\u9fff]")


def _has(words: tuple[str, ...], text: str) -> bool:
    return any(w in text for w in words)


def classify(unit: Unit, headings: list[str], doc_year: int | None,
             rules_: Rules | None = None, has_target: bool = False, timed: bool = False,
             organising: bool = False, has_doer: bool = False) -> str | None:
    """Why a unit is not a task (a short reason), or None when it is one. A quantified
    target (`到2022年底党员占比不低于12%`) is a requirement even without a verb; under a goal
    heading (目标) only targets and dated or repeated duties are tasks (`timed`); in an
    organising section (组织领导) a sentence that only says who is in charge is not one. A
    sentence that names its doer with 要/应/须 (`has_doer`) asks for something even among
    principles and check items."""
    r = rules_ or rules()
    t = unit.text.strip()
    core = t.rstrip(_FINAL + " ")
    has_modal = bool(r.modals.search(t))
    required = has_doer and has_modal
    if not core:
        return "empty"
    if any(_has(r.criteria_headings, h) for h in headings if h) and not timed:
        return "criterion"  # (一、联系对象 党委书记：联系…。“七一”前到联系单位讲…: dated, a task)
    if any(_has(r.not_task_headings, h) for h in headings if h) and not required:
        return "principle"
    if r.criteria.search(t) or (r.checks.search(t) and not has_modal and not has_doer):
        return "criterion"
    if r.self_reference.search(t):
        return "self"
    if r.announced_later.fullmatch(t):
        return "later"  # 具体安排另行通知。: what is to come, not asked for here
    if core.endswith(("：", ":")) and not (_EVERY.search(core) and has_action(core, r)):
        return "intro"  # (每月15日前后开展主题党日活动：4月…；5月…: a duty of its own)
    if time_field(t) or only_field(t, r):
        return "label"  # 完成时限：2026年6月30日前完成清理, 牵头单位：信息化中心；: no task
    if not has_target and not has_doer and not has_action(t, r):
        return "fragment"
    if (t[-1] not in _FINAL and len(core) <= 16 and not timed) or len(core) <= 6:
        return "heading"  # (a short line that says how often asks for it: 每半年研究一次…)
    if _PHASE_NAME.fullmatch(core):
        return "heading"  # 2027年：启动阶段。: the name of the phase its label opens
    if r.conditions.search(t) and not r.accountability.search(t):
        return "condition"
    if r.uses.search(t) and not has_modal:
        return "use"  # 考核结果作为评先评优的重要依据。: what the results are for
    if r.scope.search(t):
        return "scope"
    if (r.outcomes.search(t) and not has_modal) or r.principles.search(t) or _motto(core):
        return "principle"
    if not has_modal and not has_doer and r.purposes.search(t):
        return "purpose"
    segments = [x for x in _SEGMENT.split(core) if x.strip()]
    if len(segments) <= 3 and r.enumerations.search(t):
        return "intro"  # …，做到四个带头。: the requirements are the items that follow
    if not has_modal and t[-1] not in _FINAL and r.reported.search(t):
        return "reported"  # a headline of what others did (学习材料)
    if (any(_has(r.goal_headings, h) and not _starts_with_verb(h, r) for h in headings if h)
            and not (has_target or timed)):  # (明确工作目标 asks for goals: not a goal heading)
        return "goal"
    if organising and _IN_CHARGE.search(t) and not _PAIR_DUTY.search(t):
        return "organising"
    if not has_modal and segments and all(
            _ROLE.search(x.strip()) or _ANSWERS_FOR.search(x.strip()) for x in segments):
        return "responsibility"  # 学院党委对…负总责，党委书记是第一责任人。: whose it is
    if not has_modal and segments and all(_COMPOSED.search(x.strip()) for x in segments):
        return "composition"  # 学生工作部、教务处…负责同志为成员。: who a body is made of
    first = _SEGMENT.split(t, maxsplit=1)[0]
    # (…可结合实际制定实施细则，于…前报党委组织部备案, …，具体办法由教务处…制定: a dated
    # report or another doer's work after the option is a task)
    may = bool(_MAY.search(first)) and not timed and "由" not in t[len(first):]
    if (r.options.search(first) or may) and not has_modal:
        return "option"  # 可以…也可以…, 各二级党组织可结合实际…: the first thing said is an option
    if r.significance.search(t) and not has_modal:
        return "significance"
    if not has_modal and _background(t, r, doc_year):
        return "background"
    if not has_modal and _statement(t):
        return "statement"
    return None


# a place in a body someone is given (任组长, 任副主任, 为成员, 为成员单位)
_PLACE_IN_BODY = r"(?:任|为|担任)(?:常务)?副?(?:组长|主任|成员(?:单位)?|组员|秘书长)"
# a body's people named as members or officers of another (党委有关部门负责同志为成员)
_MEMBER_OF = re.compile(rf"\s*(?:主要)?(?:负责同志|负责人)?\s*{_PLACE_IN_BODY}"
                        r"(?![^，,。；;]*?负责)")
# who a body is made of (…任组长, …任副主任, …负责同志为成员), said of each part
_COMPOSED = re.compile(rf"{_PLACE_IN_BODY}$")


def only_field(text: str, rules_: Rules | None = None) -> bool:
    """Whether a unit only gives a responsibility field (牵头单位：信息化中心； 配合单位：…；):
    a label of a lead or support column and names after it, nothing to do."""
    parts = [x.strip() for x in re.split(r"[；;。]", text) if x.strip()]
    if not parts or not any(field_label_end(parts[0], role) for role in ("lead", "support")):
        return False
    for part in parts:  # each a field: names after a lead or support label, or a time limit
        at = max(field_label_end(part, role) for role in ("lead", "support"))
        if not (time_field(part) or (at and not has_action(part[at:], rules_))):
            return False
    return True


_IN_CHARGE = re.compile(r"由[^，,。；;]{2,40}?(?:具体|统一|共同)?(?:负责|牵头)")
# 由X牵头、Y配合，每年评选…: a lead and its partner for the duty after the comma, a task
_PAIR_DUTY = re.compile(r"由[^，,。；;]{2,40}?(?:负责|牵头)[、，,][^，,。；;]{0,12}?配合[，,]"
                        r"[^，,。；;]{4,}")


_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年(?!\s*(?:底|末|前|内|以前|之前))")


def _background(t: str, r: Rules, doc_year: int | None) -> bool:
    """Narrative of what already happened: past markers, or a year before the document's
    after a scene-setting start (根据中央统一部署，2016年学校党委…开展…). A year inside a
    title names a document or form (填写《2023年度…申报简况表》), it dates nothing."""
    if r.past_markers.search(t) or re.search(r"了[。；;]?$", t):
        return True
    if doc_year is None:
        return False
    # (召开2026年度组织生活会 in a 2027 plan: the year under review, work still to do)
    years = [int(m.group(1)) for m in _YEAR.finditer(_TITLED.sub("", t))
             if not t.startswith("年度", m.end(1))]
    return bool(years) and max(years) < doc_year


_COPULA = re.compile(r"^[^，,。；;：:]{1,30}?(?<![不就总还])是(?![否非])")
# 一是…二是… (first, second …) counts the requirements of a paragraph: no copula
_ORDINAL = re.compile(r"^(?:其?[一二三四五六七八九十]+|首先|其次|再次|最后)是")


def _statement(t: str) -> bool:
    """A definition or judgement (X是Y) that asks nothing: one or two segments, 是 first."""
    if _ORDINAL.match(t):
        return False
    return bool(_COPULA.match(t)) and len([s for s in _SEGMENT.split(t) if s.strip()]) <= 2


_MOTTO_LEAD = re.compile(r"^(?:坚持|做到|遵循|实现|突出|体现)")


def _motto(core: str) -> bool:
    """A slogan: four-character phrases (坚持培育为基、重在建设、典型引领、整体推进), or a
    line followed by three or more short parallel phrases (…，持续学、深入学、结合实际学)."""
    body = _MOTTO_LEAD.sub("", core)
    items = [x for x in re.split(r"[、，,]", body) if x]
    if len(items) >= 3 and all(len(x) == 4 for x in items):
        return True
    tail = items[1:]
    return (len(tail) >= 3 and all(len(x) <= 6 for x in tail)
            and len({x[-1] for x in tail}) == 1)


def core_segments(text: str, rules_: Rules | None = None) -> list[str]:
    """The comma segments of a sentence without the leading ones that only set the scene
    (以…为契机，按照…要求，依托…，): what the sentence is about is in the rest."""
    r = rules_ or rules()
    segs = [x.strip() for x in _SEGMENT.split(text) if x.strip()]
    k = 0
    while k < len(segs) - 1 and is_scene(segs[k], r):
        k += 1
    return segs[k:]


_FRAME_END = re.compile(r"(?:为(?:主要|重要|基本|根本)?(?:契机|抓手|载体|重点|目标|核心|主线|指导|"
                        r"统领|落脚点|引领|单位|内容|遵循)|下|中|时|要求|原则|精神|部署|基础上|"
                        r"方式|安排|规定|实际|方面|层面|领域|上|情况|问题|环节|重点|难点|任务|目标)$")


def is_scene(segment: str, rules_: Rules | None = None) -> bool:
    """Whether a comma segment only sets the scene: it opens with 以/在/按照/根据/依托… and
    either closes the frame (…为契机, …领导下, …的要求) or asks for nothing by itself."""
    r = rules_ or rules()
    s = segment.strip()
    modal = r.modals.search(s[:20])  # 院级党组织要以…为主要抓手: the scene after the subject
    if modal and not s.startswith(r.scene_starts):
        s = s[modal.end():].strip()
    if not s.startswith(r.scene_starts):
        return False
    word = next(w for w in sorted(r.scene_starts, key=len, reverse=True) if s.startswith(w))
    return bool(_FRAME_END.search(s)) or not has_action(s[len(word):], r)


def is_deliverable_list(unit: Unit, rules_: Rules | None = None) -> bool:
    """Whether a unit lists the deliverables of the task before it (成果形式主要包括：…)."""
    return bool((rules_ or rules()).deliverable_lists.match(unit.text))


def continues(unit: Unit, previous: str, rules_: Rules | None = None) -> bool:
    """Whether a unit after a `；` only continues the one before it: its first phrase names
    no action (`…拟培育创建2个标杆院系；4个样板支部，申报范围为…；`), so it is another object
    of the same verb, not a task of its own."""
    r = rules_ or rules()
    if not previous.rstrip().endswith(("；", ";")):
        return False
    first = _SEGMENT.split(unit.text.strip(), maxsplit=1)[0]
    dated = re.search(r"\d\s*[月年日]|[一二三四五六七八九十]\s*月", first)
    return bool(first) and not dated and not has_action(first, r)


# -- kind ---------------------------------------------------------------------------------

def predicate(segment: str, rules_: Rules | None = None) -> str:
    """A segment from its first action (or standing-duty word) on: what is asked, without
    the doer, modal and manner words before it (各党总支、直属党支部各推荐申报1项 → 推荐申报1项)."""
    r = rules_ or rules()
    segment = _MANNER.sub("", segment)  # 要结合实际制定… → 制定…
    pos = 0
    toks = words(segment)
    for k, tok in enumerate(toks):
        at = segment.find(tok, pos)
        pos = at + len(tok) if at >= 0 else pos
        if tok in r.light_verbs and k + 1 < len(toks) and _is_verb(toks[k + 1], r):
            continue  # 推动成立…: what is done is the next verb
        if tok in _MEANS and any(_is_verb(x, r) for x in toks[k + 1:]):
            continue  # 依托“青芜党建”系统建立…档案: what is done is 建立
        if tok in _FRONTING and k + 1 < len(toks):
            # 对创建活动中的问题进行监督, 将评选结果纳入考核: what is done comes after the
            # object (a verb inside it, 创建, is not it)
            m = r.after_object.search(segment, pos)
            if m:
                return segment[m.start():]
        if _is_verb(tok, r) or r.ongoing_starts.match(tok):
            return segment[at:]
    return segment


_FRONTING = frozenset(("对", "将", "把"))


_REGULARLY = re.compile(r"(?<!不)定期")
# the means a sentence's work is done by (依托…平台, 借助…, 利用…): not what is done
_MEANS = frozenset(("依托", "借助", "利用", "运用", "通过"))
_MANNER = re.compile(r"^(?:要|应|须|必须|务必|要在)?\s*(?:结合(?:本单位|本部门|工作|自身)?实际|"
                     r"按照要求|根据需要)[，,]?\s*")


# the doer and modal before a segment (各级党组织、各部门要…), left out when reading its words
_SUBJECT_MODAL = re.compile(r"^[^，,。；;]{0,20}?(?=(?:要|应|须|必须)[^，,。；;]{2,6}$)")


def kind_of(text: str, has_recurrence: bool, has_date: bool, in_dated_phase: bool = False,
            rules_: Rules | None = None, has_target: bool = False, subject_end: int = 0) -> str:
    """What the task's first clause asks for (a row's kind follows its first clause):
    `recurring` when it repeats (每学期…, 定期…); `once` when it is dated; `ongoing` for a
    standing duty (坚持/持续/不断…); `once` inside a dated phase or for a deliverable
    (出台/制定/建立/召开/完成…); else `ongoing`."""
    r = rules_ or rules()
    text = text[subject_end:]  # what is asked, after the doer who is asked (组织部门要…)
    segments = [x for x in core_segments(text, r) if not is_scene(x, r)]
    if len(segments) > 1 and (_DOER_FRAME.match(segments[0]) or _ROLE.search(segments[0])):
        # 由党委组织部牵头，会同…建立…; X是本单位…的第一责任人，要定期听取…: what is asked
        # comes after
        segments = segments[1:]
    if len(segments) > 1 and r.attitudes.fullmatch(_SUBJECT_MODAL.sub("", segments[0].strip())):
        segments = segments[1:]  # 各级党组织要统筹谋划，…逐条研究提出…举措: what is asked
    first = predicate(segments[0] if segments else text.strip(), r)
    if has_recurrence or _REGULARLY.search(segments[0] if segments else text):
        return "recurring"
    head = segments[0] if segments else text
    if has_date or (has_target and not has_action(head, r)):
        return "once"  # a date, or a target stated as such (党务人员不低于师生人数的1%)
    if r.target_statements.search(head.strip()):
        return "once"  # a level to reach (…比例达到85%, …覆盖全部实验室): due at the end
    if r.ongoing_starts.match(first):
        return "ongoing"
    asked = _asked(first)
    means = _MEANS_PHRASE.match(head.strip())
    if means:  # 依托“…”网络学习平台开设专题课程: what is done on the platform
        asked.append(predicate(head.strip()[means.end():], r))
    if in_dated_phase or any(r.once_verbs.search(x) for x in asked):
        return "once"
    return "ongoing"


def _asked(first: str) -> list[str]:
    """What a clause may ask for: itself, past 负责, and past a place it is done in
    (负责在院内网和公众号开设专栏 → 开设专栏)."""
    rest = _IN_CHARGE_OF.sub("", first, count=1)
    out = [first, rest]
    if rest.startswith("在"):  # 在院内网和公众号 | 开设…: each place the phrase may end
        head = re.split(r"[，,。；;“”]", rest)[0][:18]
        out += [rest[k + 1:] for k, ch in enumerate(head) if k > 1 and ch in _PLACE_ENDS]
    return out


# a means a clause opens with (依托…平台, 利用…阵地): the action comes after it
_MEANS_PHRASE = re.compile(r"^(?:依托|利用|借助|通过)[^，,。；;]{1,24}"
                           r"(?:平台|阵地|网站|网|公众号|载体|基地)")


# (负责 opening the clause, or after a doer the segmenter took for a verb: 组织委员负责…)
_IN_CHARGE_OF = re.compile(r"^[^，,。；;]{0,14}?(?:具体|主要|全面)?负责(?!人|同志)")
_PLACE_ENDS = "上中内里网号台栏"


# a line that only names a phase after its time label (2027年：启动阶段, 第一阶段：动员部署阶段)
_PHASE_NAME = re.compile(r"[^：:，,。；;]{2,16}[：:]\s*[^：:，,。；;]{1,10}阶段")
# a segment that only says who answers for the whole work (学院党委对教师党支部建设负总责)
_ANSWERS_FOR = re.compile(r"负(?:总责|全面责任|主体责任|领导责任)$")
# a segment that only says whose responsibility it is (…是本单位落实本方案的第一责任人)
_ROLE = re.compile(r"[^，,。；;]{0,24}(?:第一责任人|直接责任人|主要责任人|责任主体)$")
# a segment that only says who leads (由党委组织部牵头，…): the task is in the segment after it
_DOER_FRAME = re.compile(r"^(?:由[^，,。；;]{2,30}?)?(?:牵头|负责|统筹|主责)$")


def _starts_with_verb(text: str, r: Rules) -> bool:
    first = words(text.lstrip()[:12])
    return bool(first) and _is_verb(first[0], r)


# -- the doer a sentence names ----------------------------------------------------------------

_JOIN = re.compile(r"\s*(?:、|和|及|与|以及|或)\s*")
_OPENERS = "，,；;：:。！？!?\n"
# words before a subject that leave it the subject: 同时, 请, 每个 (每个学生党支部至少组织…)
_LEADING = re.compile(r"^(?:同时|并且?|而且|此外|另外|今后|此后|以后|请|每(?:一?个|名|位)|所在|"
                      r"[一二三四五六七八九十]+是)")
# a time written in a doer's sentence (2029年9月底前, 下半年, 第三季度, 12月下旬)
_TIME_PHRASE = (r"(?:(?:\d{4}\s*年)?(?:[上下]半年|第?[一二三四]季度|年内|年底|年初|年中|"
                r"当日|当天|次日|\d{1,2}\s*月(?:[上中下]{1,2}旬|底|份|末|初)?(?:\d{1,2}\s*[日号])?)"
                # (图书馆2027年内建成…, 10月20日（星期三）上午校医院…)
                r"|\d{4}\s*年内?)(?:\s*[（(]?(?:星期|周)[一二三四五六日天][）)]?)?"
                r"(?:上午|下午|晚上|全天)?(?:前|以前|之前)?")
# a break or holiday the work is done in (寒暑假期间中心组成员开展个人自学, 暑期…)
_BREAK_PHRASE = (r"(?:寒暑假|寒假|暑假|暑期|假期|节假日|节日|国庆节?|春节|元旦|节前|节后)"
                 r"(?:期间|前|后)?")
# right after the doer's name, before what it does (党委组织部12月下旬编印…, …于6月底前…)
# (…于6月底前…, 各团队在7月1日至8月20日期间开展…: a span too)
_TIME_AFTER_NAME = re.compile(rf"(?:(?:于|在)?{_TIME_PHRASE}"
                              rf"(?:\s*(?:至|到|—|-|－)\s*{_TIME_PHRASE})?(?:期间|内)?"
                              # (马克思主义学院自2027年秋季学期起面向…)
                              rf"|(?:自|从)\s*(?:{_TIME_PHRASE}|\d{{4}}\s*年[春秋]季学期)起)\s*")
# opening a segment before its subject (2029年9月底前各二级党组织…, 每年3月党委组织部…)
_TIME_LEAD = re.compile(rf"^(?:于|在)?(?:每年|每学期)?\s*(?:{_TIME_PHRASE}|{_BREAK_PHRASE})\s*$")
# 每个二级学院配备1名专职副书记, 每个工作室每年给予2万元: each is equipped, by someone else
_EQUIPPED = re.compile(r"\s*(?:至少|原则上|均|都|要|应)*\s*(?:每年|每学期|一次性)?\s*"
                       r"(?:配备|配齐|配强|选配|明确|设立专职|给予|资助|补助|奖励)")
_ADVERBS = re.compile(r"^(?:要|应|须|必须|务必|需|请|将|均|都|也|各|先|再|还|又|及时|定期|"
                      r"不定期|认真|切实|积极|主动|严格|按时|每年|每学期|每月|每季度|至少|"
                      r"原则上|一般|随机|统一|逐一|分别|共同|全程|集中|择优|另行|按期|提前|同期|同时|"
                      r"专题|专门|亲自|带头)+")


# a modifier of a doer names it (学校两学一做学习教育…, 参与申报的…): no quotes, no preposition
_NOT_MODIFIER = re.compile(r"[“”《》（）()]|(?<!的)[对向为与把将在从按以给跟同于被由每](?!的)|"
                           r"^(?:定期|及时|认真|切实|进一步|其中|力争|争取|确保|努力)|(?:须|需|必须|应|应当|要|经)$|"
                           # 院长和院党委书记: a list, not a modifier; 学院8个党支部: a count
                           # (党员人数超过50人的党支部 is one)
                           r"(?:[和及与、]|代表)$|^(?!.*的$).*[\d两]|"
                           # 各二级党组织书记是教师党支部建设第一责任人: whose duty, not a name
                           r"是")


# a college named by two fields (作曲与指挥学院党委, 经济与管理学院党委要…): one name, 与 and all
# (not 学院与各二级学院签订…: the two parties)
_COLLEGE_WITH = re.compile(r"(?!学院与|学校与)[\u4e00-\u9fff]{1,8}与(?!各)[\u4e00-\u9fff]{1,8}学院"
                           r"[\u4e00-\u9fff]{0,6}")


@dataclass
class Doer:
    """A body or person a sentence makes the doer: as written, canonical, and whether it is a
    person (a 书记, a 班子成员) rather than an organisation."""

    name: str
    canonical: str
    person: bool = False
    start: int = 0  # where it is named in the clause's text


# 党支部委员会每月召开1次: the name is a meeting's, which is held (no object after 召开)
_HELD = re.compile(r"\s*(?:一般|原则上)?\s*(?:每[^，,。；;\s]{1,6}?)?\s*(?:一般|至少|不少于)?\s*"
                   r"(?:召开|举行)\s*(?:(?:至少|不少于)?\s*[一二两三四五六七八九十\d]+\s*次)?"
                   r"\s*(?:[，,。；;]|$)")


def _acts(after: str, r: Rules) -> bool:
    """Whether the words after a name make it the doer: a cue (要/应/负责/对/将…) or, after
    adverbs (及时/不定期…), an action verb; not when the name is a meeting that is held
    (党支部委员会每月召开1次)."""
    if _HELD.match(after) or r.patient_after.search(after):
        return False  # (党支部书记每年集中轮训…: the secretaries are trained, by someone else)
    if r.subject_cues.match(after):
        return True
    rest = _ADVERBS.sub("", after.lstrip())
    if not _starts_with_verb(rest, r):
        # 党委组织部12月下旬编印…, 党委组织部3月底前对…进行通报: a time between the name and
        # what it does
        timed = _TIME_AFTER_NAME.match(rest)
        if timed and timed.end():
            rest = rest[timed.end():]
            return bool(r.subject_cues.match(rest)) or _starts_with_verb(
                _ADVERBS.sub("", rest.lstrip()), r)
        return False
    return True


# a body's own meeting after its name (二级党组织会议, 党委常委会会议, 党支部委员会会议)
_ITS_MEETING = re.compile(r"\s*(?:委员会|常委会)?会议(?:[（(][^）)]{1,20}[）)])?")


def _meeting_acts(after: str, r: Rules) -> bool:
    """Whether a body's own meeting opening the sentence does the work, which is then the
    body's (二级党组织会议每学期至少专题研究一次意识形态工作, 党委常委会会议坚持把…作为第一
    议题): not when the meeting is only held (党支部委员会会议每月召开一次)."""
    m = _ITS_MEETING.match(after)
    if not m:
        return False
    rest = after[m.end():]
    return not _HELD.match(rest) and not re.match(r"[^，,。；;]{0,12}?(?:召开|举行)", rest) and (
        _acts(rest, r))


def subjects(text: str, start: int, end: int, named: list, persons: set[int],
             canonical, rules_: Rules | None = None) -> list[Doer]:
    """The bodies and persons that the sentence text[start:end] makes its doers: a list at the
    start of a segment (or after a modifier ending in 的, or after 请) followed by a cue or an
    action verb, or the agent after 由 (由支委会召集). A name the lexicon does not know counts
    when it ends like a body (各项目单位要…). The issuing institution itself (学校党委) is not a
    doer a task book can use, so it is left out."""
    r = rules_ or rules()
    inside = [m for m in named if start <= m.start < end]
    out: list[Doer] = []
    seen_segments: set[int] = set()
    agents: list[tuple[int, int]] = []  # (segment start, where) of each agent after 由

    def add(d: Doer) -> None:
        if d.name in r.institution_bodies or d.canonical in r.institution_bodies:
            return
        if d.canonical in r.organised_bodies:
            return  # 校党委理论学习中心组每月集中学习: the department serving it organises it
        if all(d.canonical != x.canonical for x in out):
            out.append(d)

    def add_listed(name: str, at: int, known: Doer | None = None) -> None:
        # (各二级党组织、各附属医院党委于3月底前完成…: each body listed is a doer)
        for part in name.split("、"):
            if len(part.strip()) >= 2:
                named_part = known if known is not None and part == known.name else None
                add(Doer(part.strip(), named_part.canonical if named_part
                         else canonical(part.strip()), bool(known and known.person), at))
            at += len(part) + 1

    i = 0
    while i < len(inside):
        group = [inside[i]]
        while (i + 1 < len(inside)
               and _JOIN.fullmatch(text[group[-1].end:inside[i + 1].start])):
            i += 1
            group.append(inside[i])
        i += 1
        if len(group) > 1 and _SIGNS_WITH.match(text, group[-1].end, end) and re.fullmatch(
                r"\s*(?:与|同)\s*", text[group[0].end:group[1].start]):
            group = group[:1]  # 党总支书记与各党支部书记签订责任书: who signs with whom
        first, last = group[0], group[-1]
        # 各二级党委（党总支）对照…: the kind of body in brackets is part of its name
        alias = _BODY_ALIAS.match(text, last.end, end)
        after_at = alias.end() if alias else last.end
        while alias and i < len(inside) and inside[i].start < after_at:
            i += 1  # (the 党总支 inside the brackets is no doer of its own)
        seg_start = _segment_start(text, start, first.start)
        # (2029年9月底前各二级党组织完成…, 下半年学生工作部组织…: the time opens the segment,
        # the body after it is its subject)
        raw_before = _TIME_LEAD.sub("", text[seg_start + 1:first.start].strip())
        before = _LEADING.sub("", raw_before).removesuffix("所在")  # (由所在党支部…: the branch)
        if raw_before.startswith("每") and (seg_start >= start or _EQUIPPED.match(
                text, last.end, end)):
            continue  # 每个党支部 opens the sentence as its subject, and is not equipped
        agent = before.endswith(("由", "须经", "应经", "需经"))  # 数据修正须经党支部书记审核
        lead_in = ""
        if not agent:
            # 示范岗由学生党支部申报, 由接收党支部收缴党费: the agent after 由, its name
            # opened by a word that says which (学生), or by an act (接收: the branch alone)
            m_by = _BY_WHICH.search(before)
            if m_by and not _NOT_IN_NAME.search(m_by.group(1)) and not has_action(
                    m_by.group(1), r):
                agent, lead_in = True, m_by.group(1)
            elif m_by and opens_with_action(m_by.group(1), r):
                agent = True
        if agent and _MADE_UP_OF.match(text, last.end, end):
            continue  # 成员由校领导、马克思主义学院骨干教师…组成: who it is made of, not who acts
        if _MEMBER_OF.match(text, after_at, end):
            continue  # (…，党委有关部门负责同志为成员: who the body is made of)
        # 参与申报的各级党组织要…, 学校两学一做学习教育领导小组办公室…: a modifier before it
        modifier = (before and not agent and len(before) <= 14 and not has_action(before, r)
                    and not before.startswith(r.not_subject_starts)
                    and (not _NOT_MODIFIER.search(before) or _COLLEGE_WITH.fullmatch(
                        before + first.name))
                    and not _NOT_IN_NAME.search(before)
                    # (学院党委要指定专门党支部…, 辅导员要协助党支部…: a modal ends the
                    # subject before it; the body after it is what the subject acts on)
                    and not r.modals.search(before)
                    and not _via(before)
                    and not r.not_body_words.search(before))
        if before not in ("", "各") and not agent and not modifier:
            continue
        if not (agent or _acts(text[after_at:end], r) or _ROLE_IS.match(text, after_at, end)
                or _meeting_acts(text[after_at:end], r)):
            continue
        seen_segments.add(seg_start)
        if agent:
            agents.append((seg_start, first.start))
        for k, m in enumerate(group):
            # (the modifier, or the word after 由, written before the name is where the
            # doer's name starts)
            prefix = (before if modifier else lead_in) if k == 0 else ""
            name = prefix + m.name + (alias.group() if alias and m is last else "")
            at = m.start - len(prefix) if prefix and text[
                m.start - len(prefix):m.start] == prefix else m.start
            if "、" in prefix:  # 各二级党组织、机关各部门于4月30日前…
                add_listed(name, at, Doer(m.name, m.canonical, m.start in persons, m.start))
                continue
            add(Doer(name, m.canonical if name == m.name else canonical(name),
                     m.start in persons, at))
        # 各党支部书记要与科室主任共同抓好…: the partner it does the work with leads too
        tie = _TOGETHER.match(text, last.end, end)
        if tie:
            for m in inside:
                if m.start == tie.end() and _JOINTLY.match(text, m.end, end):
                    add(Doer(m.name, m.canonical, m.start in persons, m.start))
    if agents:  # 二级党组织选举大会由党委组织部派员指导: the matter's owner is not its agent
        # (not 各学院要成立由党委书记任组长的小组: 由 inside what the subject does)
        out = [d for d in out if not any(
            _segment_start(text, start, d.start) == seg and d.start < at
            and "由" in text[d.start:at] and not _BEFORE_BY.search(text[d.start:at])
            for seg, at in agents)]
    for m in inside:  # 做好意识形态工作，是党支部的重要政治责任: whose duty it is
        if text[max(start, m.start - 1):m.start] == "是" and _WHOSE_DUTY.match(text, m.end):
            add(Doer(m.name, m.canonical, m.start in persons, m.start))
    for seg_start in _segment_starts(text, start, end):
        if seg_start in seen_segments:
            continue
        found = _generic_doer(text, seg_start + 1, end, inside, r)
        by = MATTER_BY.match(text, seg_start + 1, end) if found is None else None
        if by is not None and not r.modals.search(by.group(1)):
            # (学习材料由承办部门负责收集整理, 实验废弃物由各实验室分类收集: the agent after
            # the matter the segment opens with)
            found = _generic_doer(text, by.end() - 1, end, inside, r)
        if found is not None:
            add_listed(*found)
    return out


# the matter a segment opens with before its agent (学习材料由承办部门负责…, 经费由课程负责人…)
MATTER_BY = re.compile(r"\s*([^，,。；;：:由]{1,10}?)由")


def _segment_start(text: str, start: int, at: int) -> int:
    """Where the segment holding `at` opens (the mark before it), or `start` - 1."""
    return max([text.rfind(ch, start, at) for ch in _OPENERS] + [start - 1])


# the kind of body a name is, in brackets after it (各二级党委（党总支）, 各学院党委（党总支）)
_BODY_ALIAS = re.compile(r"[（(](?:党总支|党委|党支部|直属党支部|党工委|党组织)[）)]")


# what a subject does before a 由 that only says how (要成立由…任组长的小组)
_BEFORE_BY = re.compile(r"要|应|须|将|成立|组建|建立|设立|组成")
# the agent's name opened by a word after 由 (由学生党支部申报); not every body (由各…) nor the
# university's own (由学校党委组织部负责: its department, as before)
_BY_WHICH = re.compile(r"由((?!各|(?:学校|校|本|全校)$)[\u4e00-\u9fff]{1,4})$")


# a pledge signed with someone (…与各党支部书记签订责任书): the one after 与 is the other party
_SIGNS_WITH = re.compile(r"\s*(?:分别)?(?:签订|签署|逐级签订)")


# what a body is made of (由…等组成, 由…构成)
_MADE_UP_OF = re.compile(r"[^，,。；;]*?(?:组成|构成)")
_TOGETHER = re.compile(r"\s*(?:要|应|须|应当)?\s*(?:与|同|和)\s*")
_JOINTLY = re.compile(r"\s*(?:共同|一起|一道|联合)")


# 各二级党委书记是本单位…第一责任人，要…; 党委书记履行第一责任人责任，…: whose the work is
_ROLE_IS = re.compile(r"(?:是|为|履行)[^，,。；;]{0,24}?(?:第一责任人|直接责任人|主要责任人|"
                      r"责任主体|第一责任单位|主责单位)")
_WHOSE_DUTY = re.compile(r"的[^，,。；;]{0,8}(?:责任|职责|任务)")


# words a body's name does not open with or hold (及时与党委…, 报院党委会…, 其中…, 9月前推选1名…)
_NOT_A_NAME = re.compile(r"^(?:及时|与|报|向|其中|请|协助|配合|负责|牵头|会同|力争|争取|逐个|逐一|"
                         r"分别|全部|所有)"
                         r"|^(?!.*的).*\d"
                         # (一般学术讲座由主办单位党组织书记审批, 宣传品须经主办单位审核,
                         # 各班以临时党支部为单位组织…: a phrase with its own 由/须经/以…为 is no
                         # name; the body inside it is)
                         r"|.由|须|以[^，,。；;]{1,12}为")


# words no name of a body holds: sending to (立项后一个月内报党委组织部备案, 同时抄送党委组织部),
# facing or turning to (面向各团支部, 团员本人向所在团支部), effort (着力把…党组织), timing
# (原则上提前一周报…): the body after them is whom the work goes to, not who does it
_NOT_IN_NAME = re.compile(r"抄送|面向|着力|提前|原则上|会同|商请|(?<![校学申])报(?![社刊])|[向把]"
                          r"|^\d")  # (6月下旬对问题较多的单位开展…: a time opens no name)


def _via(phrase: str) -> bool:
    """Whether a phrase holds the preposition 经 as a word (初评结果经二级学院党总支审核后…:
    what passes through a body; not the 经 of 经济学院)."""
    return "经" in phrase and "经" in words(phrase)


# the subject's own unit (本单位, 本部门, 本支部), written after the subject: no name holds it
_OWN_UNIT_IN = re.compile(r".本(?:单位|部门|支部|学院|院系)")


# what a known body does to or for someone before a later name (学院党委邀请…专家为支部…)
_ACTS_ON = re.compile(r"邀请|[为对向把将给]")


# a unit named by its role in the work (各培育创建单位, 申报单位, 各牵头部门, 被抽查单位): a
# body, though its name holds a verb
_ROLE_UNIT = re.compile(r"各?(?:培育|创建|建设|申报|参评|承办|牵头|责任|配合|试点|参与|实施|项目|"
                        r"(?:信息)?发布|制定|主办|业务指导|派出|接收|用人|邀请|主管|归口|承担|举办|"
                        r"被[\u4e00-\u9fff]{1,3}?)+(?:单位|部门)"
                        r"|各?申报人")  # (申报人于6月18日前将申报材料提交…)


# a modal after a name: it is asked to do what follows (心理健康教育中心要…)
_ASKED = re.compile(r"\s*(?:均|都|也)?\s*(?:要|须|应当|应|必须|需|务必)")


# a unit's name before a known body it holds (饮食服务中心 of 饮食服务中心党支部, 经济学院 of
# 经济学院团委): the whole is one body, not an act on the known one (找准基层党组织)
_UNITS_OWN = re.compile(r"[\u4e00-\u9fff]{1,10}(?:中心|学院|处|系|所|馆|医院|科室|公司)")


def _generic_doer(text: str, pos: int, end: int, inside: list, r: Rules):
    """(name, start) of a body the lexicon does not know opening text[pos:end]: the longest
    phrase ending like a body (…单位, …党委) and followed by a cue or an action, written
    without verbs or prepositions (各项目单位要…, 领导小组办公室成员单位要…), or None."""
    best = None
    for m in r.generic_subject.finditer(text, pos, min(end, pos + 24)):
        tail = text[m.end():end]
        if not (_acts(tail, r) or _ROLE_IS.match(tail)):
            continue  # (各牵头单位是任务落实的第一责任单位，要…: whose work it is)
        raw = text[pos:m.end("name")].strip()
        if raw.startswith("每") and _EQUIPPED.match(tail):
            continue  # (每个工作室每年给予2万元建设经费: each is given it, by someone else)
        name = _LEADING.sub("", raw).strip()
        # (由所在党总支会同…: the branch, as after 由 alone)
        name = _LEADING.sub("", name[1:]).strip() if name.startswith("由") else name
        # (后勤服务中心、图书馆等部门要…: the ones listed, not the collective word)
        name = re.sub(r"等(?:有关|相关|职能)?(?:部门|单位)$", "", name) if "、" in name else name
        # a known name ending it is the mention's business (找准基层党组织 is no doer)
        inner = [x for x in inside if pos <= x.start and x.end == m.end("name")
                 and not _UNITS_OWN.fullmatch(text[pos:x.start].lstrip("各由"))]
        # (结果作为二级党组织书记…: a known name the phrase would cut in two is no body's end)
        inner += [x for x in inside if x.start < m.end("name") < x.end]
        # (学院党委邀请校内外专家为支部…: a known body opens it, and is the subject)
        inner += [x for x in inside if x.start == pos + len(raw) - len(raw.lstrip())
                  and x.end < m.end("name")
                  and _ACTS_ON.search(text, x.end, m.end("name"))]
        # (各培养单位于6月10日前…, 心理健康教育中心要…: a verb inside a body's name, 培养 or
        # 教育, does not make it an act when 各 opens it, or when it is asked to do something
        # and does not open with the verb)
        # (测评组根据…, 检查组要…: a body named by its work, exactly as the list writes it)
        role_unit = _ROLE_UNIT.fullmatch(name) or r.generic_subject.fullmatch(name)
        verb_named = role_unit or name.startswith("各") or (
            _ASKED.match(tail) and not opens_with_action(name, r))
        if (name and (not name.startswith(r.not_subject_starts) or role_unit)
                and (not has_action(name, r) or verb_named)
                and not inner and not re.search(r"[，,。；;：:“”《》（）()]|是", name)
                # (各培养单位要逐一确认…已到接收单位: the name ends before what it is asked)
                and not r.modals.search(name)
                and not _NOT_A_NAME.search(name)
                and not _NOT_IN_NAME.search(name)
                # (各单位对照本单位…, 学院党委从本单位推荐…: 本单位 is the subject's own, so
                # the name ends before it)
                and not _OWN_UNIT_IN.search(name)
                and not _via(name)
                # (党委有关部门负责同志为成员, 由党委书记任组长的…: members and officers)
                and not _MEMBER_OF.search(name) and not _MEMBER_OF.match(tail)
                and not r.not_body_words.search(name)):
            best = (name, pos + raw.find(name))
    return best


def _segment_starts(text: str, start: int, end: int) -> list[int]:
    """The index just before each segment of text[start:end] (its opener, or start - 1)."""
    return [start - 1] + [k for k in range(start, end - 1) if text[k] in _OPENERS]


def first_segment_end(text: str, start: int, end: int) -> int:
    """Where the first comma segment of text[start:end] ends."""
    m = _SEGMENT.search(text, start, end)
    return m.start() if m else end


# (…联系2—3名高层次人才，每学期至少走访一次; …数据库，每半年更新一次: a verb with no object of its
# own after a cadence only says how often the work before it is done, unless that is a one-off
# (建立…台账，每季度更新一次: set up once, kept up each quarter))
_HOW_OFTEN = re.compile(r"^\s*每[^，,。；;]{1,4}?(?:至少|不少于)?[\u4e00-\u9fff]{2}(?:一|1)次"
                        r"\s*[。；;]?\s*$")
# a part that only says how much of the work before it each period (开设…专栏，每周推送不少于2期;
# 每月更新不少于2期): part of that task, even after a one-off
_HOW_MUCH = re.compile(r"每(?:周|两周|月|季度|学期|半年|年)\s*(?:[\u4e00-\u9fff]{2})?\s*"
                       r"(?:不少于|至少)\s*(?:\d+|[一二两三四五六七八九十]+)\s*[期次篇场条个]\s*[。；;]?")
_CADENCE_ONLY = re.compile(r"^(?:至少|不少于|每|[一二两三四五六七八九十\d]+|个|周|月|季度|学期|"
                           r"半年|年度?|次|召开|举行|进行|开展|组织|一|定期|不定期|\s)*$")


def split_points(text: str, start: int, end: int, named: list, persons: set[int], pb: dict,
                 canonical, rules_: Rules | None = None,
                 label_end: str | None = None) -> list[tuple[int, int]]:
    """A sentence's parts that are tasks of their own: after a part with its own doer, it
    splits before a comma (or semicolon) segment naming another body as doer
    (…，组织部将先在校内组织评选);
    and before a segment with its own cadence and something to do besides
    (…，每年公布问题清单; `每季度召开一次` only says how often the thing before it is done and
    stays with it). A part that only sets the scene or only dates never stands alone."""
    r = rules_ or rules()
    # (no part starts inside a note: （责任单位：各二级党组织；配合单位：党委组织部）)
    segs = [start] + [start + m.end() for m in re.finditer(r"[，,；;]", text[start:end])
                      if not inside_note(text, start + m.start())]
    cuts: list[int] = []
    last = start

    def doer_at(s0: int, s1: int, people: bool, past_time: bool = False) -> bool:
        lim = first_segment_end(text, s0, s1)
        if past_time and lim < s1 and (not has_action(text[s0:lim], r)
                                       or _WITHIN_TAIL.search(text[s0:lim].strip())):
            # (选举结束后15日内，党支部将…: the doer after the time that opens the part)
            lim = first_segment_end(text, lim + 1, s1)
        return any((people or not d.person) and d.start < lim
                   for d in subjects(text, s0, s1, named, persons, canonical, r))

    for k, s0 in enumerate(segs[1:], 1):
        s1 = segs[k + 1] - 1 if k + 1 < len(segs) else end
        seg = text[s0:s1]
        before = text[last:s0]
        target = (_TARGET_CLAUSE.match(seg) and re.search(r"\d", seg)
                  and any(s0 <= f.start < s1 for f in pb["targets"] + pb["deadlines"]))
        # (党员按月交纳党费，每季度公示一次…: a part with a cadence of its own is a duty even
        # where its verb is no action word)
        paced = (any(last <= f.start < s0 for f in pb["recurrences"])
                 and any(s0 <= f.start < s1 for f in pb["recurrences"]))
        if (text[s0 - 1:s0] in ("；", ";") and k + 1 < len(segs) and _named_opening(seg)
                and not has_action(seg, r) and has_action(before, r)):
            # …仪式；新生入学后，在新生中开展…: after a semicolon, a named day opens a duty
            cuts.append(s0)
            last = s0
            continue
        if (_THEREAFTER.match(seg) and _dated(pb, last, s0)
                and any(s0 <= f.start < s1 for f in pb["recurrences"])):
            # 建立巡察干部人才库，2027年6月底前完成首批入库，此后每年动态调整: the dated
            # one-off, then the duty that recurs after it
            cuts.append(s0)
            last = s0
            continue
        if not seg.strip() or not (target or has_action(seg, r)) or not (
                paced or _acts_alone(before, r)):
            continue
        if _COMPOSED.search(seg.strip().rstrip(_FINAL + "，, ")):
            continue  # (…，学生工作部、教务处…负责同志为成员: who the body is made of)
        if _UNTIL.match(seg):
            continue  # …每半年报告一次进展，直至整改到位: how long the part before goes on
        # (持续推进“大思政课”建设，建设实践教学基地5个: a count to reach after a standing duty
        # is a deliverable of its own, due when the plan ends or by its own date: 持续推进…，
        # 年内新培育…5个 dates the count, not the standing duty before it)
        target = target or (r.count_target.search(seg) is not None
                            and any(s0 <= f.start < s1 for f in pb["targets"])
                            and not any(last <= f.start < s0 for f in pb["targets"])
                            and not _dated(pb, last, s0)
                            and not any(last <= f.start < s1 for f in pb["recurrences"])
                            and not _EACH_ONE.match(seg)
                            and r.standing_part.match(_ASKED_DOER.sub("", before.strip(), 1))
                            and kind_of(before, False, False, rules_=r) == "ongoing")
        # (每个学生党支部至少组织1次志愿服务 after the work it is part of: the branches' own)
        # (学校每年安排专项经费…，财务处负责经费的拨付: after a duty with a cadence, a body
        # that opens the segment does a standing duty of its own)
        own_doer = doer_at(s0, s1, False) and (
            doer_at(last, s0, True, True) or bool(_EACH_BODY.match(seg))
            or (any(last <= f.start < s0 for f in pb["recurrences"])
                and any(m.start == s0 + len(seg) - len(seg.lstrip())
                        for m in pb["mentions"])))
        # a yearly quota (全年…不少于12次) says how much of the work before it, unless that
        # has a cadence of its own (每月集中学习1次，全年开展专题研讨不少于4次) or the quota is
        # someone else's (…，每名党员全年集中学习不少于32学时)
        # (制定…年度学习计划，全年开展集体学习不少于12次: after a one-off, the quota is a duty
        # of its own)
        quota_here = any(s0 <= f.start < s1 and getattr(f, "quota", False)
                         for f in pb["recurrences"])
        quota_alone = quota_here and (
            any(last <= f.start < s0 for f in pb["recurrences"]) or bool(_EACH_ONE.match(seg))
            or (kind_of(before, False, False, rules_=r) == "once"
                and has_action(_TIME_WORDS.sub("", seg), r)))
        # (每年组织一次培训，次年1月底前报送总结: the year's report stays with it; after a duty
        # with a day of its own, 每年4月底前提交计划，次年1月15日前报送使用情况 is a second one)
        dayed = any(last <= f.start < s0 and f.recurrence.on for f in pb["recurrences"])
        cadence = any(s0 <= f.start < s1 and (quota_alone or not getattr(f, "quota", False))
                      and (not getattr(f, "next_year", False) or dayed)
                      and not getattr(f, "budget", False)
                      for f in pb["recurrences"]) or seg.lstrip().startswith(
            "定期")
        # the sentence ends here, or goes on with a cadence of its own (…，每月开展一次…)
        closing = s1 == end or not text[s1:end].strip(" 。；;！？!?\n") or bool(
            _CADENCE_NEXT.match(text[s1:end]))
        if (own_doer or target or (closing and _once_after_standing(before, seg, r))
                or _kind_changes(before, seg, _dated(pb, last, s0) or _named_opening(before),
                                 _dated(pb, s0, s1) or _named_opening(seg), r, text[s1:end])
                or _each_time(before, seg)
                or _charge_after_once(before, seg, r)
                or _once_after_cadence(pb, last, s0, s1, seg, r)
                or _second_dated(pb, last, s0, s1, seg, r, label_end, before)
                or _undated_after_cadence(pb, last, s0, s1, seg, r, before)
                # (对考核等次为“差”的，由…约谈，6月底前组织“回头看”: the dated one-off after
                # what is done each time the condition holds)
                or (CONDITION_OPENING.match(before) and _dated(pb, s0, s1)
                    and not _dated(pb, last, s0))
                or (_dated(pb, last, s0) and _named_limit(seg, before))
                or (label_end is not None and _named_limit(seg, before, int(label_end[5:7])))
                or (cadence and not _CADENCE_ONLY.match(_strip_time(seg, s0, pb))
                    and not (_HOW_OFTEN.match(seg)
                             and kind_of(before, False, False, rules_=r) != "once")
                    and not _HOW_MUCH.fullmatch(seg.strip()))):
            cuts.append(s0)
            last = s0
    # (由党委统战部牵头，人事处配合，每两年开展…: who leads and who assists are labels of the
    # work after them, no tasks of their own)
    kept, charge, prev = [], False, start
    for c in cuts:
        part = text[prev:c].strip(" ，,")
        charge = bool(_CHARGE_ONLY.fullmatch(part) or (charge and _ASSIST_ONLY.fullmatch(part)))
        if not charge:
            kept.append(c)
        prev = c
    cuts = kept
    # (对需要长期整改的事项，每半年报告一次进展; 检查期间，检查组每周…报告: a topic or a time
    # fronted before the part it belongs to is no row of its own)
    kept, prev = [], start
    for c in cuts:
        part = text[prev:c].strip(" ，,")
        if _FRONTED_TIME.fullmatch(part) or _FRONTED_WHICH.fullmatch(part) or (
                _FRONTED_TOPIC.fullmatch(part) and not has_action(part[1:], r)):
            continue
        kept.append(c)
        prev = c
    cuts = kept
    bounds = [start] + cuts + [end]
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)
            if text[bounds[i]:bounds[i + 1]].strip(" ，,")]


_UNTIL = re.compile(r"\s*(?:直至|直到)")
_FRONTED_TOPIC = re.compile(r"对[^，,。；;]{1,30}")
_FRONTED_WHICH = re.compile(r"对[^，,。；;]{1,24}的[^，,。；;的]{1,6}")  # 对需要长期整改的事项
_FRONTED_TIME = re.compile(r"[^，,。；;]{1,30}?(?:期间|(?<![学小课工])时|之际)")


# a part that recurs after what is done first (此后每年动态调整, 以后每学期复核一次)
_THEREAFTER = re.compile(r"\s*(?:此后|以后|今后|之后)")


# a part that only says who leads (由党委统战部牵头, 由X牵头、Y配合) or, after it, who assists
# (人事处配合)
_CHARGE_ONLY = re.compile(r"由[^，,。；;：:要须应]{2,30}?(?:牵头|负责|主责|统筹)"
                          r"(?:[、和][^，,。；;：:要须应]{2,30}?(?:配合|参与|协助|协同))?"
                          r"|[^，,。；;：:要须应]{2,20}?牵头")
_ASSIST_ONLY = re.compile(r"[^，,。；;：:要须应带]{2,30}?(?:配合|参与|协助|协同)")


# a segment that only says when, counted from an event (选举结束后15日内, 会议召开前)
_WITHIN_TAIL = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)\s*个?(?:工作日|日|天|周|月)"
                          r"[以之]?内$|"
                          r"(?:结束|召开|完成|举行)[以之]?[前后]$")


def _named_opening(seg: str) -> bool:
    """Whether a segment opens with the named day it is done on (“七一”前后集中举行…, 新生入学
    后，…): after a standing part, a dated one-off of its own."""
    from pbdocs.extract import timeexpr

    head = seg.strip()[:16]
    due = timeexpr.named_day_due(head, 2000)
    return due is not None and head.lstrip("“\"").startswith((due.text or "?")[:2])


def _named_limit(seg: str, before: str = "", month: int | None = None) -> bool:
    """Whether a segment opens, after the doer it names (辅导员要在…), with a limit a named day
    sets (“七一”前完成…, 新生入学后一个月内…, 开学后两周内…: after 暑假期间… the autumn term's)
    or the day itself (…，“七一”前后集中开展主题宣讲):
    after a part with a date of its own, a second deadline, so a row of its own."""
    from pbdocs.extract import timeexpr

    head = seg.strip()[:20]
    # (in a month's row, 3月：…，开学后两周内…: that month's term)
    month = 9 if _SUMMER.search(before) else 3 if _WINTER.search(before) else month
    due = timeexpr.named_day_due(head, 2000, month)
    if due is None or due.kind not in ("by", "on") or not due.text:
        return False
    return bool(re.match(rf"[“\"]?{re.escape(due.text[:2])}|[^，,；;的]{{2,8}}?(?:要|应|须|需)?"
                         rf"(?:在|于)[“\"]?{re.escape(due.text[:2])}", head.lstrip()))


_SUMMER = re.compile(r"暑假|暑期")
_WINTER = re.compile(r"寒假")


# a condition a duty holds under (对考核等次为“差”的，…; 验收不合格的，…): the duty comes each
# time it holds
CONDITION_OPENING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])?\s*"
                               r"[^，,。；;：:]{2,30}的[，,]")
# …whom a case concerns, after it (对评为“不合格”的党员，由党支部…处置): what is done each time
CONDITION_WHOM = r"(?:党员|单位|人员|同志|学生|干部|教师|党组织|党支部)"
CONDITION_OF_WHOM = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])?\s*"
                               rf"(?:对|凡)[^，,。；;：:]{{2,30}}的{CONDITION_WHOM}[，,]")
_AND = re.compile(r"^\s*(?:并且?|同时|还要|并要)\s*")
_EACH_BODY = re.compile(r"\s*每一?个")
_EACH_ONE = re.compile(r"^\s*每(?:名|位|个|一名|一位|一个)")


_CADENCE_NEXT = re.compile(r"^[，,]\s*(?:每|定期|按月|按季度|按学期|按年)")
# a segment that opens with a charge (…，负责日常协调和督促检查)
CHARGE_OPENING = re.compile(r"^\s*(?:并|同时)?\s*(?:具体)?负责(?!人)")


def _charge_after_once(before: str, seg: str, r: Rules) -> bool:
    """A standing charge after a one-off (成立…领导小组，办公室设在党委组织部，负责日常协调和
    督促检查) is a duty of its own: the body is set up once, the charge goes on."""
    m = CHARGE_OPENING.match(seg)
    if not m or r.once_verbs.search(predicate(seg[m.end():], r)):
        return False
    return kind_of(before, False, False, rules_=r) == "once"


def _once_after_standing(before: str, seg: str, r: Rules) -> bool:
    """A one-off deliverable closing a sentence after a standing duty is a task of its own, with
    its own kind and time (将党建工作列入…通盘考虑，制定出…责任制; …认真履行职责，并确定一名…):
    the segment's first action is a deliverable verb, the part before asks for something
    that goes on, and neither only sets the scene."""
    rest = _AND.sub("", seg)
    if not rest or is_scene(rest, r) or not r.own_once.search(rest.strip().rstrip("。；;！!")):
        return False
    segs = [x for x in core_segments(before, r) if not is_scene(x, r)]
    if not segs:
        return False
    first = predicate(segs[0], r)
    return has_action(segs[0], r) and not r.once_verbs.search(first) and not _REGULARLY.search(
        before)


def _dated(pb: dict, a: int, b: int) -> bool:
    """Whether text[a:b] writes a date of its own (not a cadence)."""
    return any(a <= f.start < b and (f.deadline.end or f.deadline.start) for f in pb["deadlines"])


def _once_after_cadence(pb: dict, last: int, s0: int, s1: int, seg: str, r: Rules) -> bool:
    """A dated one-off after a duty that recurs is a row of its own, with its date (每月至少
    推送2篇，6月下旬组织一次现场观摩会; 每两个月组织一次交流，6月底前至少开展一次擂台比武),
    not a date of the recurring duty (…，每季度末前完成 / …，3月底前完成 only dates it)."""
    if not any(last <= f.start < s0 and not getattr(f, "annual", False)
               for f in pb["recurrences"]):
        return False  # (年度培训计划，3月底前印发: this year's plan, due by its date)
    if any(s0 <= f.start < s1 for f in pb["recurrences"]) or not _dated(pb, s0, s1):
        return False
    if "次年" in seg:  # 每年…，次年1月底前反馈: each year's, due the year after
        return False
    what = predicate(_TIME_WORDS.sub("", seg), r)
    if _COMPLETES_OWN.match(what) and not _COMPLETES.match(what):
        # …，年底前完成中心组学习档案整理归档: a one-off with its own object (not 完成年度
        # 立项评审, each year's)
        return True
    if (_WRITTEN_LIMIT_YEAR.match(seg) and has_action(what, r)
            and not _COMPLETES.match(what)):
        # 每两年…开展一次专项督查，2028年12月底前形成总结报告: a report due in a year the
        # text names is one report, not each round's
        return True
    return bool(has_action(what, r)) and not (r.due_at_end.search(what)
                                              or _COMPLETES.match(what))


_WRITTEN_LIMIT_YEAR = re.compile(r"\s*(?:于|在|到)?\s*\d{4}\s*年[^，,。；;]{0,8}?(?:前|底|末)")


_COMPLETES_OWN = re.compile(r"^(?:全面|按期|按时)?完成(?![^，,。；;]*(?:年度|本年|当年|每))"
                            r"[^，,。；;]{4,}")


def _second_dated(pb: dict, last: int, s0: int, s1: int, seg: str, r: Rules,
                  label_end: str | None = None, before_text: str = "") -> bool:
    """A segment with a date of its own after a dated part (or in a row its label dates,
    `label_end`: 3月：学习全国两会精神，开学后两周内召开学习会) is a second one-off with
    its own time (于4月13日至24日举办第一期培训班，10月举办第二期; 5月15日前报送小结，12月10日前
    报送总结), not a second date of the first (…，6月20日前全部完成 only dates it)."""
    if not _dated(pb, last, s0) and label_end is None and not _named_day_in(before_text):
        return False
    lead = len(seg) - len(_LEAD_TIME.sub("", seg, 1))
    if any(s0 + lead <= f.start <= s0 + lead + 1 and (f.deadline.end or f.deadline.start)
           for f in pb["deadlines"]):
        what = predicate(_TIME_WORDS.sub("", seg), r)
        if _COMPLETES.match(what) and _opens_dated(pb, last, s0):
            return True
        return bool(has_action(what, r)) and not _COMPLETES.match(what)
    # (…，指导任期届满的党支部于9月底前完成换届选举; …，考核结果于次年1月15日前报…: a date
    # of its own inside the segment, not the one before, dates a second one-off)
    own = [f for f in pb["deadlines"]
           if s0 <= f.start < s1 and (f.deadline.end or f.deadline.start)]
    ends_before = {f.deadline.end for f in pb["deadlines"] if last <= f.start < s0} | {label_end}
    if not own or own[0].deadline.end in ends_before or not own[0].deadline.text:
        return False
    # (讲稿于7月20日前报党委宣传部: 于 goes with its date, or 于报 reads as one word)
    what = predicate(_TIME_WORDS.sub("", re.sub(
        rf"(?:于|在)?\s*{re.escape(own[0].deadline.text)}", "", seg, count=1)), r)
    return bool(has_action(what, r)) and not _COMPLETES.match(what)


def _opens_dated(pb: dict, last: int, s0: int) -> bool:
    """Whether the part before opens with a date of its own (春季学期的…于4月底前收集齐全，秋季
    学期于10月底前完成: two dated parts side by side)."""
    return any(last <= f.start <= last + 1 and (f.deadline.end or f.deadline.start)
               for f in pb["deadlines"] if f.start < s0)


def _named_day_in(text: str) -> bool:
    """Whether a part is dated by a named day (党委书记讲党课安排在“七一”前后)."""
    from pbdocs.extract import timeexpr

    due = timeexpr.named_day_due(text, 2000) if text else None
    # (the day itself or a limit it sets: “七一”前后, 国庆节前; not an occasion, 新生入学教育)
    return due is not None and bool(re.search(
        rf"{re.escape(due.text or '?')}[”\"]?\s*(?:前后|前夕|前|期间)", text))


_LEAD_TIME = re.compile(r"^\s*(?:并|要|并要)?\s*(?:于|在)?\s*")


_AROUND_IT = re.compile(r"^(?:召开|举行|举办|会议?|活动)?[前后中时]")


def _undated_after_cadence(pb: dict, last: int, s0: int, s1: int, seg: str, r: Rules,
                           text_before: str = "") -> bool:
    """A part with no cadence or date of its own that asks for something after a duty that
    recurs is a row of its own: what it asks is not done on that cadence (纪检监察室每半年开展
    一次专项检查，设立院长信箱和举报电话: the mailbox is set up once; 各党支部每月开展一次主题
    党日活动，严格落实“三会一课”制度: the rule holds all the time; 每学期组织一次督查，对问题较多
    的学院负责人进行问询). A part that only says how often or how much (每季度召开一次,
    每周推送不少于2期), a step of each time (召开前…) or that the work is completed stays with
    it."""
    if not any(last <= f.start < s0 and not getattr(f, "annual", False)
               for f in pb["recurrences"]):
        return False
    if any(s0 <= f.start < s1 for f in pb["recurrences"]) or _dated(pb, s0, s1):
        return False
    if _AND.match(seg):
        return False  # …，并向党委常委会报告: the same act goes on
    rest = seg.strip()
    if not rest or is_scene(rest, r) or not has_action(rest, r):
        return False
    if (_HOW_OFTEN.match(seg) or _HOW_MUCH.fullmatch(rest)
            or _CADENCE_ONLY.match(_strip_time(seg, s0, pb))):
        return False
    # (召开前应当开展谈心谈话: a step of each time; 每学期召开一次…会，研究解决存在问题: the
    # meeting's agenda; the parts `stays_after_cadence` in lexicon/tasks.txt names: what is
    # found, what it is for, where its results go, an option, an amount; …，各教研室主任具体
    # 负责: who does it)
    if (_AROUND_IT.match(rest) or r.stays_after_cadence.match(rest) or r.uses.search(rest)
            or (_held(text_before) and _AGENDA.match(rest))):
        return False
    return not (_COMPLETES.match(predicate(rest, r)) or _WHO_ONLY.fullmatch(rest))


# a part that holds a meeting, and what a part after it may say the meeting does
_MEETING = re.compile(r"(?:召开|举行|举办|组织)[^，,。；;]{0,16}?(?:会|会议|座谈)[^，,。；;]{0,4}"
                      r"[，,；;]?\s*$")
_AGENDA = re.compile(r"研究(?!生)|听取|通报|分析|部署|交流|学习|讨论|总结|"
                     r"(?:开展)?民主评议|开展批评|对照检查")
_VISIT = re.compile(r"(?:走访|看望|调研|谈心谈话)[^，,。；;]{0,20}[，,；;]?\s*$")


def _held(text_before: str) -> bool:
    """Whether the text before a part ends with a meeting held (…召开一次…座谈会，) or a visit
    paid (…走访联系党外代表人士一次，), after which only its agenda may follow (通报学校重要工作，):
    a part of its agenda (听取意见建议) is what is done there."""
    parts = [x for x in re.split(r"(?<=[，,；;])", text_before) if x.strip()]
    while parts and _AGENDA.match(parts[-1].strip()):
        parts.pop()
    held = "".join(parts)
    return bool(_MEETING.search(held) or _VISIT.search(held))
# a part that only says who does the work before it
_WHO_ONLY = re.compile(r"(?:由)?[^，,。；;]{2,24}?(?:具体)?(?:牵头|配合|负责|参与|协助)[。；;]?")


def _kind_changes(before: str, seg: str, dated_before: bool, dated_seg: bool, r: Rules,
                  after: str = "") -> bool:
    """A sentence that joins a standing duty and a dated one-off is two rows, each with its own
    time: 加强教职工思想政治工作，下半年开展一次师德师风专题教育 (standing, then dated; `after`
    is the rest of the sentence, whose date-only tail, 上半年完成, dates the segment);
    三季度开展党员组织关系集中排查，规范党费收缴 (dated, then standing)."""
    if is_scene(seg, r) or not has_action(seg, r):
        return False
    if dated_before:
        return not dated_seg and bool(r.standing_after_date.search(_AND.sub("", seg).strip()))
    segs = [x for x in core_segments(before, r) if not is_scene(x, r)]
    if not segs or len(segs) > _STANDING_PARTS or _REGULARLY.search(before):
        return False
    # (严格党员发展程序，坚持标准、保证质量，上半年完成…: every part before is standing)
    for x in segs[1:]:
        x = _ORDINAL.sub("", x).strip()
        if not (r.standing_openers.search(x) or r.standing_part.match(x)) or (
                r.once_verbs.search(predicate(x, r))):
            return False
    opening = _ORDINAL.sub("", segs[0]).strip()
    # (党委办公室要加强督查督办，年底前…: the standing duty after the doer who is asked)
    head = _ASKED_DOER.match(opening)
    if head and not has_action(head.group(1), r):
        opening = opening[head.end():]
    m = r.standing_openers.search(opening)
    # (the standing duty opens the sentence: 加强…，一是支持…，; not 各项任务全面推进，; and
    # 支持工会召开教代会 is the meeting, held once)
    if not m or (r.once_verbs.search(predicate(opening[m.end():], r))
                 and not r.durative_openers.match(opening)):
        return False
    what = predicate(_TIME_WORDS.sub("", seg), r)
    if _COMPLETES.match(what):
        return False  # …，6月20日前全部办理完毕: the standing part's own completion
    # (…，开展…专项检查，由纪检监察室牵头，计划财务处配合，10月底前完成: who does it is
    # said between the segment and its date)
    return dated_seg or bool(_DATE_TAIL.match(_WHO_PARTS.sub("", after)))


# a comma segment that only says who leads or helps (，由纪检监察室牵头 ，计划财务处配合)
_WHO_PARTS = re.compile(r"[，,]\s*(?:由)?[^，,。；;]{2,24}?(?:牵头|配合|负责|参与|协助|共同实施)"
                        r"(?=[，,])")
_STANDING_PARTS = 3  # standing parts a sentence may open with before its dated one-off
_ASKED_DOER = re.compile(r"^([^，,。；;]{2,14}?)(?:要|应当|应|须|必须)(?=[^，,。；;])")
# the standing part's own completion (全部办理完毕, 完成相关工作), not a deliverable of its own
# (上半年完成发展对象集中培训)
_COMPLETES = re.compile(r"^(?:全部|全面|基本|按时)?(?:办理)?(?:完成|完毕|办结|到位|结束)"
                        r"(?:(?:相关|此项|该项|各项|上述|以上)?(?:工作|任务))?\s*[。；;！!]?\s*$")
# a sentence's tail that only dates what is before it: ，上半年完成。 ，10月底前完成。
_DATE_TAIL = re.compile(r"^[，,]\s*(?:于|在)?\s*(?:\d{4}\s*年)?(?:[上下]半年|[一二三四]季度|年内|"
                        r"年底前?|\d{1,2}\s*月(?:[上中下]旬|底|份)?(?:\d{1,2}\s*日)?)前?\s*"
                        r"(?:全部)?完成\s*[。；;]?\s*$")


def _each_time(before: str, seg: str) -> bool:
    """A segment with a span counted from an outside event, someone taking office or a body
    being set up (…，新任党支部书记任职后3个月内完成岗位培训), after a part that has none is a
    duty of its own: it holds each time the event happens. (会后10个工作日内报… counts from
    the meeting just asked for, and stays with it.)"""
    from pbdocs.extract.timeexpr import counted_from_event

    return (bool(_OUTSIDE_EVENT.search(seg)) and counted_from_event(seg)
            and not counted_from_event(before))


_OUTSIDE_EVENT = re.compile(r"任职|任命|到任|上任|就任|入职|入学|当选|设立|成立|组建")


# the time words that open a segment (下半年开展…, 于6月底前召开…): what is done comes after
_TIME_WORDS = re.compile(r"^\s*(?:要|并|于|在)?\s*(?:\d{4}\s*年)?(?:[上下]半年|[一二三四]季度|"
                         r"第[一二三四]季度|年内|年底前|年中|\d{1,2}\s*月(?:[上中下]旬|底|份)?(?:前)?"
                         r"(?:\d{1,2}\s*日)?(?:前)?)\s*")


# a clause that sets a target of its own: 到2022年底…不低于12%, 实现…100%全覆盖
_TARGET_CLAUSE = re.compile(r"\s*(?:到|至(?!少)|力争|确保|实现)")


def _acts_alone(part: str, r: Rules) -> bool:
    """Whether a part of a sentence asks for something by itself: an action in a segment
    that does not only set the scene (以…为契机，按照…原则，)."""
    return any(has_action(seg, r) for seg in core_segments(part, r) if not is_scene(seg, r))


_PERIOD_WORDS = re.compile(r"(?:至少|不少于)?\s*每[^，,；;。]{0,4}?"
                           r"(?:周|月|季度|学期|半年|年度?|届)")
_COUNT = re.compile(r"(?:至少|不少于)?\s*[一二两三四五六七八九十\d]+\s*次|(?<!不)定期|不定期")


def _strip_time(seg: str, offset: int, pb: dict) -> str:
    """A segment without its period words, counts and date expressions: what is left is what
    it asks to be done (empty for `每季度召开一次`)."""
    out = _PERIOD_WORDS.sub("", seg)
    for f in pb["deadlines"]:
        if f.deadline.text:
            out = out.replace(f.deadline.text, "", 1)
    return _COUNT.sub("", out)


# -- the time limit a task book shows ---------------------------------------------------------

def _narrowed(task, dl, later) -> bool:
    """Whether a span is narrowed by the next date in the same clause (春季学期的政审材料于4月底前
    收集齐全: by 4月底, within the term)."""
    if dl.inferred or dl.kind not in ("range", "on") or not (dl.start and dl.end) or not later:
        return False
    nxt = later[0]
    if nxt.inferred or not nxt.end or not (dl.start <= nxt.end <= dl.end):
        return False
    if nxt.end == dl.end and (not nxt.start or nxt.start == dl.end):
        return False  # (…年底前 after 2027年: the same end, nothing narrower)
    at, to = task.text.find(dl.text or "\0"), task.text.find(nxt.text or "\0")
    if at < 0 or to <= at:
        return False
    between = task.text[at + len(dl.text):to]
    return len(between) <= 12 and not re.search(r"[，,。；;：:]", between)


# a year written alone (2027年检查报告, 2027年新入职教师): it names whose year a thing is
_BARE_YEAR = re.compile(r"\s*\d{4}\s*年\s*")


def year_of_a_thing(dl, later) -> bool:
    """Whether a bare year is only the year of a thing the task names (2027年检查于11月底前完成,
    组织2027年新入职教师签订…，于9月10日前完成), a later date in that year being its limit."""
    if dl.inferred or not dl.end or not _BARE_YEAR.fullmatch(dl.text or ""):
        return False
    return any(x.end and not x.inferred and x.end[:4] == dl.end[:4] and x.end < dl.end
               for x in later)


def due_of(task) -> dict:
    """A task's 完成时限 as data: `recurring` with its cadence for a repeated duty, else its
    first dated deadline (`by`/`range`/`on`, with `inferred`), else `ongoing` for a standing
    duty or `undated` for a deliverable nobody dated (the order of the task book's column)."""
    if task.kind == "recurring":
        rec = task.recurrences[0] if task.recurrences else None
        return {"kind": "recurring", "recurrence": {"period": rec.period,
                                                    "every": rec.every or 1, "on": rec.on}
                if rec else None}
    for i, dl in enumerate(task.deadlines):
        if task.kind == "ongoing" and dl.inferred and dl.kind == "by" and not dl.start:
            continue  # a standing duty (全年：坚持…) is not due at the plan's end
        if _narrowed(task, dl, task.deadlines[i + 1:]):
            continue
        if dl.end or dl.start:
            kind = "by" if dl.kind == "within" else dl.kind
            return {"kind": kind, "start": dl.start, "end": dl.end, "inferred": dl.inferred}
    if task.recurrences:
        rec = task.recurrences[0]
        return {"kind": "recurring", "recurrence": {"period": rec.period,
                                                    "every": rec.every or 1, "on": rec.on}}
    return {"kind": "undated" if task.kind == "once" else "ongoing"}
