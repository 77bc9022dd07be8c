"""Who leads and who supports: responsibility notes (`牵头部门:X,配合部门:Y、Z`, `责任单位：X`)
and prose (`由X具体负责`, `X牵头`, `X负责`, `会同X`, `X配合`), mapped to canonical names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pbdocs.extract.lexicon import Lexicon
from pbdocs.model import Dept

_ITEM_SPLIT = re.compile(r"[、，,；;/／\s]+|(?<=[部处办室委会院心馆])(?:和|及|与)")
# a department-like name in an explicit frame even when the lexicon does not know it
_GENERIC = (r"[\u4e00-\u9fff（）()]{1,14}?(?:部|处|办公室|办|中心|学院|委员会|团委|工会|馆|研究院"
            r"|党委|党总支|党支部|党组织|领导小组|工作组)")
_FRAME_WORDS = re.compile(r"负责|牵头|配合|会同|协同|协助")
_MARK = re.compile(r"\s*[（(](牵头|配合|协同|参与)[）)]")
_ADVERB = r"(?:按照?职责分工|按职责|分别|具体|全面|主要|统一|共同|牵头)?"


@dataclass
class Mention:
    """A department named in text: where, as written, and its canonical name."""

    start: int
    end: int
    name: str
    canonical: str


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
        lead = [Dept(name=m.name, canonical=m.canonical) for m in self.lead]
        seen = {d.canonical for d in lead}
        support = [Dept(name=m.name, canonical=m.canonical) for m in self.support
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
        if role not in ("lead", "support"):
            continue
        pos = m.end()
        for item in _ITEM_SPLIT.split(value):
            item = item.strip(" 　:：，,。等")
            if not item:
                continue
            start = text.find(item, pos)
            pos = start + len(item) if start >= 0 else pos
            this = role
            if marks_in:
                this = "lead" if marks_in.get(item) == "牵头" else "support"
            _add(getattr(res, this), Mention(start, start + len(item), item, lex.canonical(item)))
    return res


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


def prose(text: str, mentions: list[Mention], lex: Lexicon) -> Responsibility:
    """Lead and support named in running text, from the department `mentions` in it."""
    res = Responsibility()
    if not _FRAME_WORDS.search(text):
        return res  # no 负责/牵头/配合/会同 frame: nothing to find (most sentences)
    mentions = [m for m in mentions if not external(text, m.start, lex)]
    groups: list[list[Mention]] = []  # "组织部、宣传部牵头": a list shares its frame
    for m in mentions:
        if groups and re.fullmatch(r"\s*(?:、|和|及|与|，)\s*", text[groups[-1][-1].end:m.start]):
            groups[-1].append(m)
        else:
            groups.append([m])
    for g in groups:
        before = text[max(0, g[0].start - 3):g[0].start]
        after = text[g[-1].end:g[-1].end + 8]
        if re.match(rf"^{_ADVERB}\s*(?:牵头|负责)(?!人)", after) and not re.match(
                r"^(?:具体|全面|主要)?负责同志", after):
            for m in g:
                _add(res.lead, m)
        elif before.endswith("会同") or re.match(r"^\s*(?:具体)?(?:配合|协同|协助)(?!部门|单位)",
                                                  after):
            for m in g:
                _add(res.support, m)
    # "由X具体负责" / "X会同Y": also for names the lexicon does not list
    for m in re.finditer(rf"由(?P<x>{_GENERIC}){_ADVERB}\s*(?:牵头|负责)(?!人)", text):
        name = m.group("x")
        if not any(x.canonical == lex.canonical(name) for x in res.lead) and not external(
                text, m.start("x"), lex):
            _add(res.lead, Mention(m.start("x"), m.end("x"), name, lex.canonical(name)))
    for m in re.finditer(rf"(?P<x>{_GENERIC})会同", text):
        name = m.group("x")
        known = [x for x in mentions if x.end == m.end("x")]
        if known:
            _add(res.lead, known[0])
    return res
