"""Who leads and who supports: responsibility notes (`牵头部门:X,配合部门:Y、Z`, `责任单位：X`)
and prose (`由X具体负责`, `X牵头`, `X负责`, `会同X`, `X配合`), mapped to canonical names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pbdocs.extract.lexicon import Lexicon
from pbdocs.lang.lexicon import alternation, entries, per_lexicon
from pbdocs.lang.text import HAN
from pbdocs.model import Dept


@per_lexicon()
def _item_split() -> re.Pattern:
    """Where a list of departments splits: at 、，；/ and at 和/及/与 after a name's ending."""
    ends = "".join(sorted({e[-1] for e in entries("dept_suffixes.txt")}))
    return re.compile(rf"[、，,；;/／\s]+|(?<=[{re.escape(ends)}])(?:和|及|与)")


@per_lexicon()
def _generic() -> str:
    """A department-like name in an explicit frame even when the lexicon does not know it."""
    return rf"[{HAN}（）()]{{1,14}}?(?:{alternation('dept_suffixes.txt')})"

_FRAME_WORDS = re.compile(r"负责|负总责|牵头|配合|会同|协同|协助|参与|征求")
_MARK = re.compile(r"\s*[（(](牵头|配合|协同|参与)[）)]")
_MARK_AFTER = re.compile(r"(牵头|配合|协同|参与|协助)$")
_ADVERB = r"(?:按照?职责分工|按职责|分别|具体|全面|主要|统一|共同|牵头)?"


@dataclass
class Mention:
    """A department named in text: where, as written, and its canonical name."""

    start: int
    end: int
    name: str
    canonical: str
    basis: str = "text"  # stated (a label or note) | text (the prose names it)


@dataclass
class Responsibility:
    """Lead and support departments found in one piece of text, in order of appearance."""

    lead: list[Mention] = field(default_factory=list)
    support: list[Mention] = field(default_factory=list)

    def merge(self, other: Responsibility) -> None:
        """Add other's departments that are not already here."""
        for m in other.lead:
            _add(self.lead, m)
        for m in other.support:
            _add(self.support, m)

    def depts(self) -> tuple[list[Dept], list[Dept]]:
        """(lead, support) as model objects; a department that leads is not also support."""
        lead = [Dept(name=m.name, canonical=m.canonical, basis=m.basis) for m in self.lead]
        seen = {d.canonical for d in lead}
        support = [Dept(name=m.name, canonical=m.canonical, basis=m.basis) for m in self.support
                   if m.canonical not in seen]
        return lead, support


def _add(bucket: list[Mention], m: Mention) -> None:
    if all(x.canonical != m.canonical for x in bucket):
        bucket.append(m)


@lru_cache(maxsize=8)
def _label_re(labels: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(re.escape(x) for x in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?P<label>{alt})\s*[:：]\s*")


def parse_labels(text: str, lex: Lexicon) -> Responsibility:
    """Departments listed after labels like 牵头部门:/配合单位：/责任单位： in `text`."""
    res = Responsibility()
    if not lex.labels or ("：" not in text and ":" not in text):
        return res
    marks = list(_label_re(tuple(lex.labels)).finditer(text))
    persons: list[Mention] = []
    for i, m in enumerate(marks):
        stop = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        value = text[m.end():stop]
        # "党委组织部（牵头）、宣传部": the marked one leads, the others support
        marks_in = {}
        for mk in _MARK.finditer(value):
            marks_in[value[:mk.start()].rsplit("、", 1)[-1].split("，")[-1].strip()] = mk.group(1)
        value = _MARK.sub("", value)
        value = _until_note_end(value)
        role = lex.labels[m.group("label")]
        if role not in ("lead", "support", "person"):
            continue
        pos = m.end()
        items = [x.strip(" 　:：，,。等") for x in _item_split().split(value)]
        # 责任单位：党委宣传部牵头，马克思主义学院配合: the same marks written after the names
        for item in items:
            tail = _MARK_AFTER.search(item)
            if tail and len(item) > len(tail.group(0)) + 1:
                marks_in[item[:tail.start()]] = tail.group(1)
        for item in items:
            tail = _MARK_AFTER.search(item)
            if tail and item[:tail.start()] in marks_in:
                item = item[:tail.start()]
            if not item:
                continue
            start = text.find(item, pos)
            pos = start + len(item) if start >= 0 else pos
            this = role
            if marks_in:
                this = "lead" if marks_in.get(item) == "牵头" else "support"
            _add(persons if this == "person" else getattr(res, this),
                 Mention(start, start + len(item), item, lex.canonical(item), "stated"))
    if not res.lead:  # 责任人：组织员 with no lead department: the person named leads
        for p in persons:
            _add(res.lead, p)
    return res


# a bracketed note (（责任单位：X、Y（Z））): a short label, a colon, names that may hold brackets
_INLINE_NOTE = re.compile(r"[（(][^（）()]{0,6}[:：]"
                          r"[^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*[）)]")
_SENTENCE_END = re.compile(r"[。！？；;!?]")


def item_labels(text: str, lex: Lexicon,
                ) -> tuple[Responsibility, list[tuple[int, int, int, str]]]:
    """The labels that speak for a whole item: those of its first sentence (the headline,
    做好宣传引导（责任单位：党委宣传部）) and of its end (…。承办单位：纪委办公室。). A bracketed
    note closing a sentence in the middle (学校每年安排专项经费（责任单位：财务处）。对…) is that
    sentence's own: returned as (sentence start, sentence end, note start, note) to be read
    with the sentence's tasks."""
    if not lex.labels or ("：" not in text and ":" not in text):
        return Responsibility(), []
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    first = ends[0] if ends else len(text)
    chars, inline = list(text), []
    for m in _INLINE_NOTE.finditer(text):
        if m.start() < first or not _label_re(tuple(lex.labels)).search(m.group()):
            continue
        if not text[m.end():].lstrip("。！？；;!? \n").strip():
            continue  # the item's closing note
        if m.start() > 0 and text[m.start() - 1] in "。！？；;!?":
            continue  # after a full stop: the note of what goes before, as a whole
        chars[m.start():m.end()] = " " * (m.end() - m.start())
        start = max((e for e in ends if e <= m.start()), default=0)
        end = min((e for e in ends if e >= m.end()), default=len(text))
        inline.append((start, end, m.start(), m.group()))
    return parse_labels("".join(chars), lex), inline


def _until_note_end(value: str) -> str:
    """A label's value up to the end of its sentence or of the note's closing bracket
    (a bracket the value opened itself, as in 党委组织部（党校）, is part of a name)."""
    depth = 0
    for i, ch in enumerate(value):
        if ch in "（(":
            depth += 1
        elif ch in ")）":
            if depth == 0:
                return value[:i]
            depth -= 1
        elif ch in "。；;\n":
            return value[:i]
    return value


def external(text: str, start: int, lex: Lexicon) -> bool:
    """True when a department name is preceded by an outside body (省委组织部, 区委组织部)."""
    before = text[max(0, start - 4):start]
    return any(before.endswith(p) for p in lex.external_prefixes)


def _dept_like(item: str, known: dict[str, Mention], lex: Lexicon) -> bool:
    """Whether a listed item names a department or party body (not a person or a phrase)."""
    if item in known:
        return True
    # an unknown name must be short and not an outside body ("省委组织部")
    return (len(item) <= 10 and bool(re.fullmatch(_generic(), item)) and item not in lex.roles
            and not any(p in item for p in lex.external_prefixes if len(p) > 1)
            and not any(item.startswith(v) for v in lex.not_name_starts))


def _items(segment: str, offset: int, known: dict[str, Mention], lex: Lexicon,
           text: str) -> list[Mention]:
    """The departments a frame's subject lists ("组织部、宣传部"), or [] if any item is not one."""
    segment = _SUBJECT_LEAD.sub("", segment)
    # "党委组织部、团委等部门配合": the list ends before 等 and its collective noun
    segment = re.sub(r"\s*等(?:有关|相关|职能)?(?:部门|单位)?\s*(?:共同|分别|按职责)?$", "",
                     segment)
    # "人事处、教务处要积极配合": the modal and manner words before the frame word
    segment = re.sub(r"(?:要|应|须|应当|需|积极|主动|密切|全力|认真|切实)+$", "", segment)
    if re.match(r"\s*(?:向|对)", segment):
        return []  # 领导小组…，向学校党委负责: whom it answers to, not who does it
    start = offset + (len(segment) - len(segment.lstrip()))
    out, pos = [], 0
    for part in re.split(r"(、|和|及|与)", segment):
        if part in ("、", "和", "及", "与"):
            pos += len(part)
            continue
        # (由所在党总支会同…: the branch each one is in, named as such)
        name = part.strip().removeprefix("所在")
        # 党委学生工作部（武装部）, 校长办公室（简称“两办”）: the name before its bracketed alias
        name = _ALIAS.sub("", name) if _ALIAS.search(name) and len(name) > 6 else name
        if not name or not _dept_like(name, known, lex):
            return []
        at = text.find(name, offset + pos)
        if at >= 0 and external(text, at, lex):
            return []
        m = known.get(name) or Mention(at, at + len(name), name, lex.canonical(name))
        out.append(m)
        pos += len(part)
    return out if start >= 0 else []


def prose(text: str, mentions: list[Mention], lex: Lexicon) -> Responsibility:
    """Lead and support named in running text: the departments listed right before 牵头/负责
    (`由X具体负责`, `X、Y按职责分工负责`) or 配合/协同 (`Y、Z配合`), and around 会同 (`X会同Y`).
    Names the lexicon does not list count when they look like a department or party body."""
    res = Responsibility()
    if not _FRAME_WORDS.search(text):
        return res  # no 负责/牵头/配合/会同 frame: nothing to find (most sentences)
    known = {m.name: m for m in mentions if not external(text, m.start, lex)}
    for m in _FRAME.finditer(text):
        # a bracketed alias right before the frame word belongs to the name, not a boundary
        alias = _ALIAS.search(text, max(0, m.start() - 14), m.start())
        until = alias.start() if alias and alias.end() == m.start() else m.start()
        seg_start = max(text.rfind(ch, 0, until) for ch in _BOUNDARY) + 1
        segment = text[seg_start:m.start()]
        if m.group("consult"):
            # 须征求纪委、人事处意见: the departments consulted support the work
            from pbdocs.extract.tasks import rules

            bodies = rules().institution_bodies  # (征求学校党委意见: the committee decides)
            for x in _list_after(text, m.end(), known, lex, generic=False):
                if x.name not in bodies and x.canonical not in bodies:
                    _add(res.support, x)
            continue
        if m.group("both"):
            for x in _items(segment, seg_start, known, lex, text):
                _add(res.lead, x)
            for x in _list_after(text, m.end(), known, lex):
                _add(res.support, x)
            continue
        role = res.support if m.group("support") else res.lead
        items = _items(segment, seg_start, known, lex, text)
        for x in items:
            _add(role, x)
        if m.group("support") and items:
            # "人事处配合党委组织部做好…": the department named after 配合 leads
            for x in _list_after(text, m.end(), known, lex, generic=False):
                _add(res.lead, x)
    return res


def _list_after(text: str, pos: int, known: dict[str, Mention], lex: Lexicon,
                generic: bool = True) -> list[Mention]:
    """The departments listed from `pos` on ("会同学工部、研究生工作部具体实施"); `generic`:
    also names the lexicon does not know."""
    out = []
    while pos < len(text):
        name = next((k for k in sorted(known, key=len, reverse=True)
                     if text.startswith(k, pos)), None)
        if name is None and not generic:
            break
        if name is None:
            g = re.match(_generic(), text[pos:])
            if g is None:
                break
            name = g.group(0)
        out.append(known.get(name) or Mention(pos, pos + len(name), name, lex.canonical(name)))
        pos += len(name)
        sep = re.match(r"、|和|及|与", text[pos:])
        if sep is None:
            break
        pos += sep.end()
    return out


_BOUNDARY = "，,。；;：:\n（(）)"
_ALIAS = re.compile(r"[（(][^（）()，。；,;]{1,10}[）)]\s*$")
# "由X负责", also after the matter handed over: "本办法由X负责解释", "该项工作由X牵头"
_SUBJECT_LEAD = re.compile(r"^\s*(?:[^由，,。；;：:]{0,8}?(?:并|要|应|须|均|主要|具体|统一)?由)")
_FRAME = re.compile(
    rf"(?:{_ADVERB})\s*(?P<lead>牵头|负总责|负责)(?!人|同志|制)"
    r"|(?:具体)?(?P<support>配合|协同|协助|参与)(?!部门|单位)"
    r"|(?P<both>会同)"
    r"|(?P<consult>征求)")
