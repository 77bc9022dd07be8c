"""Outline: heading markers to sections and clauses, and the document's metadata.

How the outline is read (general rules, no per-document facts):
- Markers (一、 （一）/(一) 1. 1、 1． （1）/(1) ① 第一条 第1条 第一， 一是 第一环节) are recognised
  at the start of a paragraph (`pbdocs.markers`), numbers of any size. A heading's level is where
  it nests in THIS document: an item of a family already open is a sibling there (closing what
  is below it), any other nests below the open headings, so 一、/（一）/1. can be levels 1/2/3 in
  one text and 一、/1. levels 1/2 in another, and a middle level that appears only under one
  section is not flattened. Numbers may run on across sections or restart in each; a jump
  gives a `number_gap` warning, an implausibly long clause a `long_clause` warning.
- A numbered paragraph is a Section when deeper numbered items follow it, or when it is a short
  heading line (no sentence inside) followed by un-numbered body text (a phase heading such as
  `1.申报（2020年4月-5月）` stays verbatim); otherwise it is a Clause. A numbered paragraph with
  body text AND deeper items is both a Section and a Clause. Short items of a list whose earlier
  items were clauses stay clauses even when a closing paragraph follows the last one.
- Un-numbered paragraphs right after a heading form ONE clause whose path is the heading's
  path and whose number is None (paragraphs kept newline-separated); before any heading they
  form the preamble, path ["0"]. Un-numbered paragraphs after a numbered clause continue it.
- Items numbered inline inside a paragraph (`“四个过硬”:(1)…。(2)…`) stay in their clause's
  text; the extraction step splits a clause into tasks. Items run together at the START of a
  paragraph (`（1）…。（2）…。`) are split into sibling clauses, but not a prose enumeration
  `一是…。二是…。`: that stays one clause's text (headed by the short sentence before 一是, if
  one stands there); 一是 and 二是 opening paragraphs of their own are numbered items.
  Short sub-items on lines of their own ((1)…； (2)…。) under an item stating its task in a
  full sentence (not a short headline, no lead-in colon or 如下) stay in that item's text.
- A clause's `heading` is its lead phrase: the text up to the first 。 when that is short.
- A trailing responsibility note (`(牵头部门:…,配合部门:…)`, `（责任单位：…）`, `【…】`, or a
  bare last sentence `责任单位：…`), also one in paragraphs of its own or on a heading line, is
  removed from `text` and kept in `Clause.note` (without brackets; parts joined with `，`).
- Paths are unique: a repeated number gets a `-2` suffix and a `duplicate_number` warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pbdocs.lang.lexicon import alternation, entries, per_lexicon, rows
from pbdocs.lang.numerals import cn_to_int
from pbdocs.lang.text import sentences
from pbdocs.markers import Marker, inline_siblings, match_marker
from pbdocs.metadata import read_meta
from pbdocs.model import Clause, Document, Section, Source, Warning
from pbdocs.normalize import is_org_line
from pbdocs.pagechrome import FIELD_LINE
from pbdocs.read.tables import NAME_CELL_END, _column_words, field_label_end, time_field

# A lead phrase is a short headline (`加强党务工作队伍建设。`, `实施…工程,确保…到位。`): at most
# this long and with at most one comma; a longer first sentence, or one of several clauses,
# is a full sentence of the text (`各支部要实事求是,按时认真记载,内容要准确…。`).
LEAD_MAX = 30
HEADING_MAX = 50  # longest numbered line still read as a heading without body
# A clause this long is implausible (articles and task items run to a few hundred characters):
# most likely numbers the outline did not recognise ran into it.
LONG_CLAUSE = 3000


@per_lexicon()
def _note_res() -> tuple[re.Pattern, re.Pattern]:
    labels = alternation("responsibility_notes.txt")
    inner = r"[^（）()【】\[\]]*(?:[（(][^（）()]*[）)][^（）()【】\[\]]*)*"
    # a table row's note without a lead cell (（完成时限：2026年10月底前）), after a full stop:
    # its label a time column's (`table_columns.tsv`)
    when = "|".join(sorted({re.escape(w) for r, w in _column_words() if r == "deadline"},
                           key=len, reverse=True))
    timed = rf"[\u4e00-\u9fff]{{0,4}}(?:{when})[\u4e00-\u9fff]{{0,2}}"
    item = r"(?:[^。；;（）()]|[（(][^（）()]*[）)])*"
    tail = re.compile(rf"(?:[（(【\[]\s*((?:{labels})\s*[:：]{inner})[）)】\]]"
                      # (…；配合单位：信息化中心）党校要…: a bracket's inside, not a tail)
                      # (…。牵头单位：党委办公室；配合单位：纪委办公室；完成时限：3月底前。: the
                      # labels one after another, a time's too, are one note)
                      rf"|(?<=[。；;])\s*((?:{labels})\s*[:：]{item}"
                      rf"(?:[；;]\s*(?:{labels}|{timed})\s*[:：]{item})*)"
                      rf"|(?<=[。；;])\s*[（(]\s*((?:{timed})\s*[:：][^（）()。；;]*)[）)])"
                      rf"\s*[。.；;]?\s*$")
    # (a line opening with a note and going on, （牵头单位：社科处）依托…开展研究, is no note line)
    only = re.compile(rf"^[（(【\[]?\s*((?:{labels})\s*[:：]{inner})[）)】\]]?\s*[。.；;]?$")
    return tail, only


@per_lexicon()
def _lead_note() -> re.Pattern:
    """A bracketed responsibility note opening the text after an item's headline
    (做好宣传引导。（责任单位：党委宣传部；配合单位：党委组织部）利用…)."""
    labels = alternation("responsibility_notes.txt")
    inner = r"[^（）()【】\[\]]*(?:[（(][^（）()]*[）)][^（）()【】\[\]]*)*"
    # (no ^: it is matched at the position after the headline)
    return re.compile(rf"\s*[（(【\[]\s*((?:{labels})\s*[:：]{inner})[）)】\]]\s*")


@per_lexicon()
def _ranks() -> dict[str, int]:
    return {fam: k for k, fam in enumerate(entries("marker_ranks.txt"))}


_LABELLED = re.compile(r"^(?:注|说明|备注|附注)\s*[:：]\s*")


@dataclass
class _Open:
    family: str
    key: str
    level: int


@per_lexicon()
def _lead_verbs() -> re.Pattern:
    return re.compile(f"^(?:{alternation('lead_verbs.txt')})")


# A short first sentence that is still no headline: it names who does it (《测评表》由各学院自行
# 收齐留存), sets its own deadline (各单位于12月10日前报送总结, 2027年6月底前建立…制度) or
# carries an assessment table's score (…落实到位(11分)), a quantity per period (每学期至少上1节
# 示范课, 每半年…公开一次), a modal after its comma (不足3人的教研室，可与相近教研室联合
# 成立党支部: a subject, then its duty) or a limit after its comma (…学习计划，3月上旬印发).
_NOT_HEADLINE = re.compile(r"由[^，,。；;]{2,}|[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]$"
                           r"|(?:[于在]|^\s*\d{4}\s*年)\d{1,2}月(?:\d{1,2}日)?(?:前|以前|之前|底前)"
                           r"|每(?:年|月|季度?|学期|周|半年)[^，,。]{0,6}\d+"
                           r"|每(?:年|月|季度?|学期|周|半年)[^，,。]{0,8}[一两二三四]次"
                           r"|[，,](?:可|应|须|必须|不得)(?![以是])"
                           r"|[，,][^，,。]{0,4}?(?:\d{1,2}\s*月|年底|年内|上半年|下半年"
                           r"|第?[一二三四]季度)")


@per_lexicon()
def _department_start() -> re.Pattern:
    """A sentence opening with a department's name (党委宣传部加强…): its doer, written out."""
    names = {c for row in rows("departments.tsv", min_cells=2) for c in row[:2] if len(c) >= 3}
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(f"^(?:{alt})(?=[\u4e00-\u9fff])")


def _headline(sentence: str) -> bool:
    """A short sentence that can head a clause (加强党务工作队伍建设, 实施…工程，确保…到位); one
    that opens with its doer (党委宣传部加强…) or sets two duties side by side (加强…管理，落实…
    制度) is a sentence of the text."""
    if _TWO_DUTIES.match(sentence):
        from pbdocs.extract.tasks import opens_with_action

        if opens_with_action(re.split("[，,]", sentence)[0]):
            return False
    return (len(sentence) <= LEAD_MAX and not re.search("[；;]", sentence)
            and len(re.findall("[，,]", sentence)) <= 1 and not _NOT_HEADLINE.search(sentence)
            and not _department_start().match(sentence))


# two duties of fifteen characters or more, side by side, each with its verb (加强校园网站和新媒体
# 账号管理，落实“先审后发”制度): the item's first task, no headline (a problem found, 部分支部组织
# 生活不规范，记录简单, still heads its record); a headline's second half says what the first
# achieves (实施组织力提升工程，确保基层组织制度执行到位; 高度重视，压实责任)
_TWO_DUTIES = re.compile(r"^(?=.{15})[^，,。；;（(]{4,}[，,]"
                         r"(?!\s*(?:做到|确保|实现|推动|促进|提升|形成|打造|让|使|努力|力争|务求|压实))"
                         r"[^，,。；;（(]{4,}$")


# a headline with its period in brackets (部署启动（2027年）, 集中学习（11月—12月）)
_DATED_HEADLINE = re.compile(r"[^，,。；;：:（）()]{2,12}[（(][^（）()。]{0,16}\d{1,4}\s*[年月]"
                             r"[^（）()。]{0,16}[）)]")
_COLON_LABEL = re.compile(r"^([^，。；：:,;、《》（）()“”\d]{2,8})[：:](?=\S)")


def lead_phrase(text: str, article: bool = False) -> str | None:
    """The clause's lead phrase: its first sentence when short and followed by more text (for
    an article of rules, only a headline that opens with a lead verb)."""
    k = text.find("。")
    # (春季学期：3月召开动员会。…: a label before a colon in the first sentence leads, not
    # the sentence; the sentence is the first task)
    label = _COLON_LABEL.match(text) if not article else None
    if label and 0 < label.end() < (k if k > 0 else len(text)) and k > label.end() + 4:
        if _DATED_HEADLINE.fullmatch(text[label.end():k]):
            return text[:k]  # 第一阶段：部署启动（2027年）。…: the dated headline leads
        return label.group(1)
    # (（四）夯实组织基础（责任人：组织员）。严格…: a headline with its note, lifted later)
    if 0 < k < len(text) - 1 and _headline(_split_note(text[:k])[0]):
        if _fields_only(text[k + 1:]):
            return None  # 1.编写《…手册》。牵头单位：…；完成时限：…。: the item itself, labelled
        return text[:k] if not article or _lead_verbs().match(text) else None
    if article:
        return None
    # A short label before a colon also leads: （一）指导思想：坚持…。 (not an author before the
    # title of a reading, 习近平:切实加强基础研究…, whose rest is no sentence)
    m = re.match(r"^([^，。；：:,;、《》]{2,12})[：:](?=\S)", text)
    if m is None:  # units side by side before the colon (财务处、审计处：按照职责分工…)
        m = re.match(r"^([^，。；：:,;《》]{2,40})[：:](?=\S)", text)
        if m and not all(_is_body(u) for u in m.group(1).split("、")):
            m = None
    rest = text[m.end():] if m else ""
    return m.group(1) if m and len(rest) > 4 and re.search(r"[。；;，,]", rest) else None


def _fields_only(rest: str) -> bool:
    """Whether the text after an item's first sentence only labels who does it and by when
    (牵头单位：信息化中心；配合单位：…；完成时限：4月30日前。)."""
    parts = [x.strip() for x in re.split(r"[。；;]", rest) if x.strip()]
    return bool(parts) and all(any(field_label_end(x, role) for role in ("lead", "support",
                                                                          "deadline"))
                               for x in parts)


def _is_body(name: str) -> bool:
    """A department's or a body's name (审计处, 党委办公室, 某某学院党委)."""
    return name in _department_names() or is_org_line(name)


@per_lexicon()
def _department_names() -> frozenset[str]:
    return frozenset(c for row in rows("departments.tsv", min_cells=2) for c in row[:2])


# A bracket after the last sentence naming who does it without a label: （党委组织部负责）,
# (宣传部、组织部牵头).
_DOER_NOTE = re.compile(r"(?<=[。；;])\s*[（(]([^（）()。，,；;：:]{2,40}?)(负责|牵头)[）)]\s*$")


def _split_note(text: str) -> tuple[str, str | None]:
    tail, _ = _note_res()
    m = tail.search(text)
    if not m or m.start() == 0:
        d = _DOER_NOTE.search(text)
        if d and all(is_org_line(x) for x in d.group(1).split("、")):
            return text[:d.start()].rstrip(), d.group(1) + d.group(2)
        return text, None
    return text[:m.start()].rstrip(), (m.group(1) or m.group(2) or m.group(3)).strip()


def _joined(first: str | None, second: str | None) -> str | None:
    """Two notes of one clause as one, the first before the second (either may be missing)."""
    return "，".join(x for x in (first, second) if x) or None


def _balanced(note: str) -> str:
    """A note without the closing brackets it did not open itself: （牵头单位：X） → 牵头单位：X,
    but 配合单位：各二级党委（党总支） keeps the bracket of the name."""
    while note and note[-1] in "）)】]" and (
            sum(note.count(c) for c in "）)】]") > sum(note.count(c) for c in "（(【[")):
        note = note[:-1].rstrip()
    return note


def _heading_line(rest: str) -> bool:
    body = rest.removesuffix("。")
    return len(rest) <= HEADING_MAX and not re.search(r"[。！？；!?;]", body)


class _Builder:
    """Walks the body paragraphs once, keeping the stack of open numbered headings."""

    def __init__(self, doc_id: str):
        self.doc_id = doc_id
        self.sections: list[Section] = []
        self.clauses: list[Clause] = []
        self.warnings: list[Warning] = []
        self.stack: list[_Open] = []
        self.seen: set[str] = set()  # marker families met so far
        self.last: Clause | None = None  # the clause that un-numbered paragraphs continue
        self.clause_paths: set[tuple[str, ...]] = set()
        self.section_paths: set[tuple[str, ...]] = set()
        self.last_value: dict[tuple, int] = {}
        self.next_dup: dict[tuple, int] = {}
        self.sibling_kind: dict[tuple, str] = {}  # (parent path, family) → kind of last item
        self.pending_note: str | None = None  # a heading line's note, for the body under it
        self.heading_notes: dict[tuple[str, ...], str] = {}  # heading path → its line's note
        self.more: dict[int, list[str]] = {}  # continuation paragraphs by clause (joined at end)
        self.records: set[int] = set()  # clauses that are records of labelled lines
        self.prose: set[int] = set()  # clauses under a month label (三月：…): prose, like articles
        self.plain = False  # a text with no markers at all: each paragraph is a clause (p1, p2…)

    def _unique(self, path: list[str], used: set, offset: int) -> list[str]:
        if tuple(path) not in used:
            used.add(tuple(path))
            return path
        k = self.next_dup.get((id(used), tuple(path)), 2)
        while tuple(path[:-1] + [f"{path[-1]}-{k}"]) in used:
            k += 1
        self.next_dup[(id(used), tuple(path))] = k + 1
        new = path[:-1] + [f"{path[-1]}-{k}"]
        used.add(tuple(new))
        self.warnings.append(Warning("duplicate_number", f"编号“{'/'.join(path)}”重复出现，"
                                     f"后一处记为“{'/'.join(new)}”", "/".join(path), offset))
        return new

    def _clause(self, path: list[str], number: str | None, text: str, offset: int) -> Clause:
        path = self._unique(path, self.clause_paths, offset)
        c = Clause(id=f"{self.doc_id}/{'/'.join(path)}", path=path, number=number,
                   heading=None, text=text, offset=offset)
        self.clauses.append(c)
        return c

    def _above_all(self, family: str) -> bool:
        """A new family that convention puts above every open heading."""
        rank = _ranks()
        return family not in self.seen and bool(self.stack) and all(
            rank.get(family, 99) < rank.get(o.family, 99) for o in self.stack)

    def _nests(self, family: str) -> bool:
        """Whether a marker of `family` would open a level below the open headings: its family
        is not open already (then it is a sibling there) nor put above them all."""
        return all(o.family != family for o in self.stack) and not self._above_all(family)

    def _push(self, m: Marker, offset: int) -> None:
        # A heading's level is where it nests in this document: an item of a family already
        # open closes everything below that one (a sibling); any other nests below the open
        # headings, so that a middle level (二、 → （一） → 1.) is never flattened.
        if self._above_all(m.family):
            self.stack.clear()  # 一、 after a preamble's 1. 2. list closes the list
        elif any(o.family == m.family for o in self.stack):
            while self.stack[-1].family != m.family:
                self.stack.pop()
            self.stack.pop()
        self.seen.add(m.family)
        level = len(self.stack) + 1
        parent = tuple(o.key for o in self.stack)
        prev = self.last_value.get((parent, m.family))
        run_on = self.last_value.get(("*", m.family))
        if m.value != 1 and m.value - 1 not in (prev, run_on):
            self.warnings.append(Warning("number_gap", f"编号“{m.number}”与前一项不连续，"
                                         "可能有条目缺失或编号有误", m.number, offset))
        self.last_value[(parent, m.family)] = self.last_value[("*", m.family)] = m.value
        self.stack.append(_Open(m.family, m.key, level))

    def note(self, text: str) -> bool:
        """Attach a paragraph that is only a responsibility note to the clause above."""
        _, only = _note_res()
        m = only.match(text)
        if not m or self.last is None:
            return False
        extra = _balanced(text[m.start(1):].strip().rstrip("。.；;").rstrip())
        self.last.note = _joined(self.last.note, extra)
        self.last.note_own_line = True
        if id(self.last) in self.records:  # a record's labelled lines are its text as written
            self.more.setdefault(id(self.last), []).append(text)
        return True

    def numbered(self, m: Marker, par: str, offset: int, nxt: str | None) -> None:
        """A numbered paragraph: a section, a clause, or both."""
        self.pending_note = None
        self._push(m, offset)
        path = [o.key for o in self.stack]
        rest = par[m.end:].strip()
        nm = match_marker(nxt) if nxt else None
        deeper = nm is not None and self._nests(nm.family)
        body_follows = nxt is not None and nm is None
        # (a heading with its note, 课程育人体系（牵头单位：教务处；参与单位：…）: the note's
        # semicolon is no sentence of the heading)
        own, note = _split_note(rest.removesuffix("。"))
        heading_only = _heading_line(rest) or (not own.endswith("。") and _heading_line(own))
        # Short items in a list stay clauses even when a closing paragraph follows the last one.
        sibling = (tuple(path[:-1]), m.family)
        listed = self.sibling_kind.get(sibling) == "clause"
        # a record of labelled lines (问题一：… / 整改措施：… / 牵头单位：…) is one item: its
        # statement and the lines under it are a clause, not a heading over a body
        record = m.family == "labelled"
        # a month's work (三月：召开支部大会。) is a clause however short: the month heads it
        as_section = m.family != "month" and (
            deeper or (body_follows and heading_only and not listed and not record))
        self.sibling_kind[sibling] = "section" if as_section else "clause"
        if as_section:
            heading, self.pending_note = own, note
            if note and heading_only:
                # (（一）课程育人体系（牵头单位：教务处）over items 1. 2. 3.: the note is theirs)
                self.heading_notes[tuple(path)] = self.pending_note
            if not heading_only:
                heading = lead_phrase(rest) or heading
            spath = self._unique(path, self.section_paths, offset)
            self.sections.append(Section(path=spath, level=self.stack[-1].level,
                                         number=m.number, heading=heading))
            self.last = None
            if not heading_only:
                self.last = self._clause(path, m.number, rest, offset + m.end)
            return
        self.last = self._clause(path, m.number, rest, offset + m.end)
        if record:
            self.records.add(id(self.last))
        if m.family == "month":
            self.prose.add(id(self.last))

    def body(self, par: str, offset: int) -> None:
        """An un-numbered paragraph: continues the last clause or opens the heading's body."""
        if self.plain and self.last is not None:
            # prose paragraphs with nothing numbered: the first is the preamble ["0"], each one
            # after it a clause of its own, ["p1"], ["p2"]… in reading order
            self.last = self._clause([f"p{len(self.clauses)}"], None, par, offset)
            return
        if self.last is not None:
            self.more.setdefault(id(self.last), []).append(par)
            if id(self.last) in self.records and time_field(par):
                # a record's 完成时限：… line is its time limit, as a table row's note carries it
                extra = par.rstrip("。.；;")
                self.last.note = _joined(self.last.note, extra)
            return
        path = [o.key for o in self.stack] or ["0"]
        self.last = self._clause(path, None, par, offset)
        # A note on the heading line (1.建强支部（牵头单位：组织部）) belongs to its body.
        self.last.note, self.pending_note = self.pending_note, None

    def finish(self) -> None:
        for c in self.clauses:
            if c.note is None:  # under a heading whose line carries a note, and none of its own
                c.note = next((self.heading_notes[tuple(c.path[:k])]
                               for k in range(len(c.path), 0, -1)
                               if tuple(c.path[:k]) in self.heading_notes), None)
            # the note closes the clause's own paragraph, or the last one it continues into
            # (12.…。（责任单位：…） followed by an un-numbered closing paragraph)
            own, note = _split_note(c.text)
            if id(c) in self.records:  # its notes were read line by line, kept in the text
                c.text, note = "\n".join([c.text, *self.more.get(id(c), [])]), None
            elif note is not None and id(c) in self.more:
                c.text = "\n".join([own, *self.more[id(c)]])
            else:
                c.text = "\n".join([c.text, *self.more.get(id(c), [])])
                c.text, note = _split_note(c.text)
            if note:
                c.note = _joined(note, c.note)
            k = c.text.find(NAME_CELL_END)
            if k > 0:  # a table row's name cell heads it; its content cell is the text
                c.heading, c.text, c.offset = c.text[:k], c.text[k + 1:], c.offset + k + 1
                continue
            c.text = c.text.replace(NAME_CELL_END, "。")
            m = _PERIOD_LABEL.match(c.text) if c.number is not None else None
            if m and len(c.text) > m.end():  # 第一阶段（3月—4月）：制定方案…: the period heads it
                c.heading, c.text, c.offset = m.group(1), c.text[m.end():], c.offset + m.end()
                continue
            # An article (第六条) of a 办法/规定 is prose: its first sentence is content, unless
            # it is a headline (四条 坚持不断优化党员队伍结构。)
            if id(c) in self.prose:  # 四月份：开展…。组织…。: the month heads it, the rest is work
                continue
            article = c.number is not None and re.fullmatch(r"第?.{1,4}[条條]", c.number)
            c.heading = (lead_phrase(c.text, bool(article)) if c.number is not None
                         else _enumeration_lead(c.text) if c.path != ["0"] else None)
            h = c.heading
            own, note = _split_note(h) if h else (h, None)
            if note and c.text.startswith(h):
                # （四）夯实组织基础（责任人：组织员；完成时限：长期坚持）。…: the headline's
                # note says who does and by when for the whole item
                c.heading, c.text = own, own + c.text[len(h):]
                c.note = _joined(note, c.note)
                h = own
            after_headline = bool(h) and c.text.startswith(f"{h}。")
            m = _lead_note().match(c.text, len(h) + 1) if after_headline else None
            if m:
                # 做好宣传引导。（责任单位：党委宣传部）利用…: the note after the headline is
                # the whole item's, as if it closed the headline
                note = m.group(1).strip()
                c.text = c.text[:len(h) + 1] + c.text[m.end():]
                c.note = _joined(note, c.note)
            elif not after_headline and (m := _lead_note().match(c.text)) and c.text[m.end():]:
                # （牵头单位：社科处；配合单位：…）依托…开展研究: a note opening the text is the
                # whole item's too
                note = m.group(1).strip()
                c.text, c.offset = c.text[m.end():], c.offset + m.end()
                c.note = _joined(note, c.note)
            if (h and c.text[len(h):len(h) + 1] in ("：", ":") and c.text.startswith(h)
                    and (all(_is_body(u) for u in h.split("、")) or _COLON_LABEL.match(c.text))):
                # （一）党委办公室：负责…: the units' label heads the item, the duty is its text
                k = len(h) + 1
                c.text, c.offset = c.text[k:].lstrip(), c.offset + k


# A numbered item opening with its period in brackets and a colon (第一阶段（3月—4月）：…).
_PERIOD_LABEL = re.compile(r"^([（(][^（）()。，,；;]{0,12}\d{1,4}\s*[年月日]"
                           r"[^（）()。，,；;]{0,16}[）)])\s*[：:]\s*")


def _prose_items(par: str, m: Marker | None) -> bool:
    """A paragraph that opens an enumeration in prose, 一是…。二是…。: the items are sentences
    of one clause's text (the extraction splits tasks), not numbered clauses."""
    return m is not None and m.family == "shi" and bool(inline_siblings(par, m))


def _enumeration_lead(text: str) -> str | None:
    """The lead phrase of an un-numbered paragraph whose items follow it in prose (深化理论学习。
    一是…。二是…。): the headline the items serve; None for any other paragraph."""
    lead = lead_phrase(text)
    if lead is None or text[len(lead)] != "。" or match_marker(lead):
        return None
    rest = text[len(lead) + 1:]
    m = match_marker(rest[:24])
    return lead if m is not None and m.family == "shi" and inline_siblings(rest, m) else None


def _split_inline_items(pars: list[str], offsets: list[int], body: list[int]):
    """Split a numbered paragraph that runs on into its next items: （1）…。（2）…。 → two."""
    out_p = list(pars[:body[0]] if body else pars)
    out_o, out_b = list(offsets[:len(out_p)]), []
    for k in body:
        p, m = pars[k], match_marker(pars[k])
        cuts = inline_siblings(p, m) if m and not _prose_items(p, m) else []
        for a, b in zip([0, *cuts], [*cuts, len(p)]):
            out_b.append(len(out_p))
            out_p.append(p[a:b].strip())
            out_o.append(offsets[k] + a + len(p[a:b]) - len(p[a:b].lstrip()))
    return out_p, out_o, out_b


# At most this many sub-items, each at most _SENTENCE_PART characters, make one sentence.
_SENTENCE_ITEMS = 9
_SENTENCE_PART = 80


def _sentence_items(par: str, m: Marker, after: list[str]) -> int:
    """How many of the paragraphs after the numbered item `par` are the parts of its text,
    broken onto lines of their own: an item that states its task in a full sentence
    (4、做好党费收缴，…情况。, not a short headline, no colon or 如下 before a list) followed
    by short sub-items of another family, numbered from 1, each ending in ； or 。 and the
    last in 。 ((1)…缴纳； / (2)…缴纳。). They stay in the item's text; 0 when the paragraphs
    after are anything else."""
    rest = par[m.end:].strip()
    if not rest.endswith("。") or len(after) < 2 or _headline(rest[:-1]) \
            or re.search(r"如下|以下|下列", rest):
        return 0
    family = None
    for n, p in enumerate(after):
        sm = match_marker(p)
        if sm is None or sm.family == m.family or (family and sm.family != family) \
                or sm.value != n + 1 or len(p) > _SENTENCE_PART or n >= _SENTENCE_ITEMS:
            return 0
        family = sm.family
        nxt = match_marker(after[n + 1]) if n + 1 < len(after) else None
        if nxt is None or nxt.family != family:
            return n + 1 if n > 0 and p.endswith("。") else 0
        if not p.endswith(("；", ";", "。")):
            return 0
    return 0


# a date something is due by (6月30日前, 8月底前, 于10月15日之前)
_DATED_ASK = re.compile(r"\d{1,2}\s*月(?:\s*\d{1,2}\s*日|\s*[底末])?\s*(?:前|之前|以前)")
_HANDS_ON = re.compile(r"(?:印发|转发|下发|发)给你们")
_MIN_MONTHS = 3  # month labels a text must open lines with before they are its clause markers


@per_lexicon()
def _month_labels() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((r[0], re.compile(r[1])) for r in rows("month_labels.txt", min_cells=2))


def _month_markers(pars: list[str], body: list[int]) -> dict[int, Marker]:
    """A plan arranged by month (三月：… / 四月份：… / 6月：… / 7—8月：… / 全年：…) or by teaching
    week (第1—2周：… / 第3周：…): its labels are clause markers when at least three open lines
    in order (a closing 全年：… may follow them); {body position: marker}, empty for any other
    text."""
    found: dict[int, tuple[str, re.Match]] = {}
    for n, k in enumerate(body):
        if match_marker(pars[k]):
            continue
        for kind, rx in _month_labels():
            m = rx.match(pars[k])
            if m and m.end() < len(pars[k]):
                found[n] = (kind, m)
                break
    keep = {"whole"}
    for kind, group, top in (("month", "month", 12), ("week", "week", 30)):
        seq = [cn_to_int(m.group(group)) or 0 for k, m in found.values() if k == kind]
        if len(seq) >= _MIN_MONTHS and all(1 <= v <= top for v in seq) and seq == sorted(seq):
            keep.add(kind)  # (the teaching weeks of a term's plan, 第1—2周：… 第3周：…, alike)
    found = {n: x for n, x in found.items() if x[0] in keep}
    if len(keep) == 1:
        return {}
    out = {}
    for value, (n, (_, m)) in enumerate(sorted(found.items()), start=1):
        label = re.sub(r"[\s\u3000]", "", m.group("label"))
        # the label is the clause's number (the spec's text excludes it); the extraction reads
        # the number as the time of the month's work
        out[n] = Marker("month", label, label, value, m.end())
    return out


def build_document(text: str, doc_id: str, source: Source) -> Document:
    """Build a Document (metadata, sections, clauses with empty extraction fields) from text."""
    raw = text.split("\n") if text else []
    starts, acc = [], 0
    for p in raw:
        starts.append(acc + len(p) - len(p.lstrip()))
        acc += len(p) + 1
    keep = [k for k, p in enumerate(raw) if p.strip()]
    pars = [raw[k].strip() for k in keep]
    offsets = [starts[k] for k in keep]
    meta = read_meta(pars)
    b = _Builder(doc_id)
    body = list(range(meta.body_start, meta.body_end))
    notes = set()  # where labelled notes start (offsets): they belong to the whole text
    for k in body:  # 注：1、… — a label before a numbered note goes with the number
        lab = _LABELLED.match(pars[k])
        if lab and match_marker(pars[k][lab.end():]):
            pars[k], offsets[k] = pars[k][lab.end():], offsets[k] + lab.end()
            notes.add(offsets[k])
    # a notice that asks for things by a date (请各单位于6月30日前制定…；党委宣传部要于8月底前…)
    # is work of its own: its body is the preamble clause, ahead of the plan it hands on
    asks = [(pars[k], offsets[k]) for k in range(*meta.notice_pars)] if meta.notice_pars else []
    if not any(_DATED_ASK.search(x) for p, _ in asks for x in sentences(p)
               if not _HANDS_ON.search(x)):
        asks = []  # (…印发给你们，请于4月10日前报回执: the hand-on sentence's receipt is no work)
    pars, offsets, body = _split_inline_items(pars, offsets, body)
    only_note = _note_res()[1]
    for p, at in asks:
        b.body(p, at)
    folded: set[int] = set()  # sub-items that are parts of their item's sentence
    by_month = _month_markers(pars, body)
    b.plain = not by_month and not any(match_marker(pars[k]) for k in body)
    for n, k in enumerate(body):
        p = pars[k]
        if n in folded:
            b.body(p, offsets[k])
            continue
        if FIELD_LINE.match(p) or b.note(p):
            continue  # page fields inside the text (read by metadata where they lead or close it)
        m = by_month.get(n) or match_marker(p)
        if m and (n in by_month or not _prose_items(p, m)):
            run = _sentence_items(p, m, [pars[i] for i in body[n + 1:n + 2 + _SENTENCE_ITEMS]])
            folded.update(range(n + 1, n + 1 + run))
            j = n + 1 + run
            while j < len(body) and only_note.match(pars[body[j]]):
                j += 1
            if offsets[k] in notes and m.value == 1:
                b.stack.clear()  # 注：1. under a table or a list: notes on the whole text
            b.numbered(m, p, offsets[k], pars[body[j]] if j < len(body) else None)
        else:
            b.body(p, offsets[k])
    b.finish()
    for s in b.sections:
        if s.heading:
            s.heading = s.heading.replace(NAME_CELL_END, "。")
    text = text.replace(NAME_CELL_END, "。")  # same length: the offsets hold
    if not b.sections and b.clauses and all(c.number is None for c in b.clauses):
        b.warnings.append(Warning("no_structure", "未识别到任何编号标题，按自然段划分条款",
                                  b.clauses[0].text[:24], b.clauses[0].offset))
    if not b.clauses:
        b.warnings.append(Warning("no_content", "未找到正文内容", None, None))
    for c in b.clauses:
        if len(c.text) > LONG_CLAUSE:
            b.warnings.append(Warning(
                "long_clause", f"条款“{'/'.join(c.path)}”长达 {len(c.text):,} 字，远长于一般条款，"
                "可能有未能识别的编号，请核对原文", c.text[:24], c.offset))
    return Document(
        id=doc_id, source=source, title=meta.title, kind=meta.kind, issuer=meta.issuer,
        institution=meta.institution, doc_number=meta.doc_number, date=meta.date,
        recipients=meta.recipients, notice=meta.notice, sections=b.sections,
        clauses=b.clauses, warnings=meta.warnings + b.warnings, text=text,
    )
