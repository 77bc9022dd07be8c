"""The data behind `pbdocs draft`: college terms, subject substitutions, role and schedule rules,
read through `pbdocs.lang.lexicon` (a person extends them without code)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from pbdocs.errors import InputError
from pbdocs.lang import lexicon

DEFAULT_ROLES = ("党委书记", "院长", "党委副书记", "组织员", "支部书记", "辅导员")
# What may come before a subject: an item number, 各 or 每个 (各二级党组织要…)
_LEAD = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?(?:各|每个)?")
# A clause that sets a quota: a number with its unit (1%, 1名, 3个, 2-3名, 1至2名)
_QUOTA = re.compile(r"\d+(?:\.\d+)?\s*(?:[-—～~至到]\s*\d+\s*)?(?:%|％|名|个|人|项|家)")
# A piece that only names a time (2021年12月前，) or a manner (按照…的原则，)
_ADVERBIAL = re.compile(r"[\s\d年月日号至到—\-－~～前后底初中旬上下半内起止（）()]+[，,]?$"
                        r"|(?:按照|根据|依据|对照|围绕|结合)[^，,]*[，,]$|[^，,]*领导下[，,]$")
# An ordinal between the university and its event (学校第四次党代会, 校第十三届教代会)
_ORDINAL = r"(?:第[\d一二三四五六七八九十百]+[次届])?"
# What comes before a university's name in a piece that is nonetheless the college's own act
# (向校领导汇报, 配合学校党委…): the university is the object, not the one who acts.
_OBJECT_OF = "向对请与在"


# A preposition just before a term (with a short modifier ending in 的 between): the term is
# the object, not the one who acts.
_OBJECT = re.compile(r"(?<![作成因认以])[对为给向](?:[^，,。；;的]{0,4}的)?(?:各|每个)?$")
_OBJECT_OF_2 = ("配合", "协助", "经由", "按照", "根据")


def as_doer(term: str, text: str) -> bool:
    """Whether term occurs in text other than as the object of a preposition (`_OBJECT`)."""
    return any(not _OBJECT.search(text[:m.start()]) for m in re.finditer(re.escape(term), text))


@dataclass(frozen=True)
class DraftRules:
    """Every rule the college draft uses, as loaded from the lexicon files."""

    terms: dict[str, tuple[str, ...]]
    substitutions: tuple[tuple[str, str], ...]
    role_keywords: tuple[tuple[str, str, int], ...]
    default_role: str
    schedule: tuple[tuple[str, str], ...]
    # The university's own names (浙江大学, 浙大) when drafting from one of its plans
    # (`with_names`): a piece of text naming them is the university's.
    names: tuple[str, ...] = ()

    def with_names(self, institution: str | None) -> DraftRules:
        """These rules knowing the university's name and its short form (浙江大学 → 浙大,
        杭州电子科技大学 → 杭电: the first and third characters)."""
        inst = (institution or "").strip()
        if len(inst) < 4:
            return self
        return replace(self, names=(inst, inst[0] + inst[2]))

    def has(self, kind: str, text: str) -> bool:
        """Whether text holds any term of this kind (`college`, `member`, `all_units` …)."""
        return any(t in text for t in self.terms.get(kind, ()))

    def names_doer(self, kind: str, text: str) -> bool:
        """Whether text holds a term of this kind other than as the object of a preposition
        (对入选的建设单位提供经费, 为建设单位创设环境: the university does it for them)."""
        return any(as_doer(t, text) for t in self.terms.get(kind, ()))

    def reports_up(self, text: str) -> bool:
        """Whether text sends something up to the university (材料于5月底前统一报送党委组织部):
        the units do that, so it is the college's act though no doer is named."""
        verbs = "|".join(map(re.escape, self.terms.get("report_verb", ())))
        ups = "|".join(map(re.escape, self.terms.get("university_actor", ())))
        if not (verbs and ups and re.search(rf"(?:{verbs})(?:至|到|给)?(?:{ups})", text)):
            return False
        # not when the university is the one who sends (党委组织部…报校党委审批)
        return all(self._subject(p)[0] != "university" for p in re.split(r"[，,；;。]", text))

    def starts(self, kind: str, text: str) -> bool:
        """Whether text starts with a term of this kind (`not_task`: 联系人 …)."""
        return any(text.lstrip().startswith(t) for t in self.terms.get(kind, ()))

    def substitute(self, text: str, keep_scope: bool = False) -> str:
        """Restate text with the college as the subject; titles in 《》 stay as written;
        `keep_scope`: the university's scope words (全校, 学校 …) stay (a quota's)."""
        table = dict(self.substitutions)
        if keep_scope:
            for word in self.terms.get("scope", ()):
                table = {k: v for k, v in table.items() if word not in k}
        if not table:
            return text
        # Titles are set aside (their 《》 kept, so that `学校《` can still protect a phrase).
        titles: list[str] = []

        def hide(m: re.Match) -> str:
            titles.append(m.group(1))
            return f"《\x00{len(titles) - 1}\x00》"

        def hide_plain(m: re.Match) -> str:
            titles.append(m.group(0))
            return f"\x00{len(titles) - 1}\x00"

        hidden = re.sub(r"《([^《》]*)》", hide, text)
        # The university's own events and bodies (学校第四次党代会, 校教代会) are not the
        # college's: its name before them stays as written.
        events = self._event_pattern()
        if events is not None:
            hidden = events.sub(hide_plain, hidden)
        # two rules meeting (学校各院(系)党组织 → 学院学院党组织) say the college once
        done = re.sub(r"学院(?=学院)", "", _replace(hidden, table))
        return re.sub(r"\x00(\d+)\x00", lambda m: titles[int(m.group(1))], done)

    def _event_pattern(self) -> re.Pattern | None:
        names = sorted(self.terms.get("university_self", ()), key=len, reverse=True)
        events = sorted(self.terms.get("university_event", ()), key=len, reverse=True)
        if not names or not events:
            return None
        return re.compile("(?<![院全各])(?:" + "|".join(map(re.escape, names)) + ")" + _ORDINAL
                          + "(?:" + "|".join(map(re.escape, events)) + ")")

    def _universitys_piece(self, piece: str, own: tuple[str, ...]) -> bool:
        """Whether a piece (between commas) is the university's own whatever its opening: it
        names the university by name (加强浙大党建公众微信号建设: the university's channel) or
        its leaders as the ones who act (坚持党员校领导联系基层党支部制度), and not as the
        object of the college's act (向校领导汇报)."""
        if re.match(r"\s*(?:配合|协助|共同|支持|参与)", piece):
            return False
        names = [n for n in own if n] + list(self.terms.get("university_people", ()))
        plain = re.sub(r"“[^”]*”|\"[^\"]*\"", "", piece)  # a brand name (“感动宁职”) aside
        for name in sorted(names, key=len, reverse=True):
            i = plain.find(name)
            if i < 0:
                continue
            before = plain[max(0, i - 2):i]
            if before and (before[-1] in _OBJECT_OF or before in _OBJECT_OF_2):
                continue
            return True
        return False

    def restate(self, text: str, names: tuple[str, ...] = ()) -> tuple[str, bool]:
        """Text restated for the college, knowing who acts: a piece (between commas) whose
        subject is the university or one of its departments alone (`学校设定…`, `组织部门要…`,
        and the pieces after it until another subject) stays the university's, word for word;
        where the university's and the colleges' people act together (`学校党委书记、校长和
        二级党组织书记、院长带头讲党课`) the college's keep the piece; a clause that sets a quota
        (`不低于全校师生人数的1%`) keeps its scope words. Returns the text and whether any
        piece is the college's. `names`: the university's names (浙江大学, 浙大): a piece naming
        them, or the university's leaders acting, stays the university's."""
        whole, mine = self.restate_parts(text, names)
        return whole, bool(mine)

    def restate_parts(self, text: str, names: tuple[str, ...] = ()) -> tuple[str, str]:
        """The text restated (`restate`) and the college's part of it alone (the pieces the
        university does left out; '' when it does all)."""
        names = names or self.names
        whole: list[str] = []
        mine: list[str] = []
        for clause in re.findall(r"[^。；;]+[。；;]?|[。；;]", text):
            quota = bool(_QUOTA.search(clause))
            who = "other"
            own: list[str] = []
            pieces = re.findall(r"[^，,]+[，,]?|[，,]", clause)
            for i, piece in enumerate(pieces):
                subject, rest = self._subject(piece)
                if subject != "other":
                    who = subject
                # a time or a manner alone (2021年12月前，按照…的原则，党委组织部…) belongs to
                # the subject after it
                ahead = next((self._subject(p)[0] for p in pieces[i + 1:]
                              if not _ADVERBIAL.match(p)), "other")
                if who == "university" or (subject == "other" and (
                        self._universitys_piece(piece, names)
                        or (_ADVERBIAL.match(piece) and ahead == "university"))):
                    whole.append(piece)
                    continue
                if subject == "both":
                    piece = rest
                piece = self.substitute(piece, keep_scope=quota)
                whole.append(piece)
                own.append(piece)
            if own:
                part = "".join(own)
                end = clause[-1] if clause[-1] in "。；;" else ""
                mine.append(re.sub(r"[，,；;。]$", "", part) + end if end else part)
        return "".join(whole), "".join(mine)

    def _subject(self, clause: str) -> tuple[str, str]:
        """Who a clause's leading subject is: `university`, `college`, `both` (with the clause
        rest: the college's people only) or `other`."""
        uni = sorted(self.terms.get("university_actor", ()), key=len, reverse=True)
        col = sorted(self.terms.get("college_actor", ()) + self.terms.get("college", ()),
                     key=len, reverse=True)
        found: set[str] = set()
        kept: list[str] = []
        pos = _LEAD.match(clause).end()
        if clause.startswith("由", pos):  # 由党委组织部具体负责: the one who acts follows 由
            pos += 1
        start = pos
        while pos < len(clause):
            hit = next((("university", t) for t in uni if clause.startswith(t, pos)), None)
            hit = hit or next((("college", t) for t in col if clause.startswith(t, pos)), None)
            if hit is None:
                break
            found.add(hit[0])
            end = pos + len(hit[1])
            if hit[0] == "college":
                kept.append(clause[pos:end])
            pos = end
            if pos < len(clause) and clause[pos] in "、和及":  # 与: "with", not "and"
                pos += 1
                continue
            break
        if not found or (pos < len(clause) and clause[pos] in "的各所内"):
            return "other", clause
        if found == {"university"}:
            return "university", clause
        if found == {"college"}:
            return "college", clause
        return "both", clause[:start] + "、".join(kept) + clause[pos:]

    def role_for(self, text: str, roles: tuple[str, ...] | None = None) -> str:
        """The role whose keywords weigh most in text; ties go to the earlier role."""
        order = list(roles or DEFAULT_ROLES)
        weights = {kw: (role, w) for kw, role, w in self.role_keywords if role in order}
        # What the sentence opens with is what it is about: keywords in its first phrase
        # count twice.
        first = len(re.split(r"[，,；;。]", text, maxsplit=1)[0])
        scores: dict[str, int] = {}
        for start, kw in _longest_matches(text, weights):
            role, weight = weights[kw]
            scores[role] = scores.get(role, 0) + weight * (2 if start < first else 1)
        if not scores:
            return self.default_role if self.default_role in order else order[0]
        return max(scores, key=lambda r: (scores[r], -order.index(r)))

    def phase_for(self, text: str) -> str | None:
        """The schedule phase the words of an undated task suggest (start, middle, end or
        ongoing), or None when none of the keywords is in it."""
        for kw, phase in self.schedule:
            if kw in text:
                return phase
        return None


def _longest_matches(text: str, keys) -> list[tuple[int, str]]:
    """Non-overlapping occurrences of keys in text, a longer key winning over a shorter one
    that overlaps it (`健全校院两级`: `校院两级`, not `全校`)."""
    found = [(i, k) for k in keys for i in _find_all(text, k)]
    found.sort(key=lambda x: (-len(x[1]), x[0]))
    taken = [False] * len(text)
    out = []
    for i, k in found:
        if not any(taken[i:i + len(k)]):
            taken[i:i + len(k)] = [True] * len(k)
            out.append((i, k))
    return sorted(out)


def _find_all(text: str, key: str) -> list[int]:
    out, i = [], text.find(key)
    while key and i >= 0:
        out.append(i)
        i = text.find(key, i + 1)
    return out


def _replace(text: str, table: dict[str, str]) -> str:
    out, pos = [], 0
    for i, k in _longest_matches(text, table):
        out.append(text[pos:i] + table[k])
        pos = i + len(k)
    return "".join(out) + text[pos:]


@lexicon.per_lexicon()
def load_rules() -> DraftRules:
    """The draft rules from the lexicon files (with the extensions in effect)."""
    terms = lexicon.sections("draft_college.txt")
    subs = tuple((r[0], r[1]) for r in lexicon.rows("draft_substitutions.tsv") if len(r) >= 2)
    role_kw: list[tuple[str, str, int]] = []
    default_role = DEFAULT_ROLES[0]
    for r in lexicon.rows("draft_roles.tsv"):
        if r[0] == "*" and len(r) >= 2:
            default_role = r[1]
        elif len(r) >= 2:
            role_kw.append((r[0], r[1], int(r[2]) if len(r) > 2 and r[2].isdigit() else 1))
    schedule = tuple((r[0], r[1]) for r in lexicon.rows("draft_schedule.tsv") if len(r) >= 2)
    return DraftRules(terms, subs, tuple(role_kw), default_role, schedule)


def read_roles_file(path: str | Path) -> dict[str, str]:
    """Parse a roles file of `角色=姓名` lines (also `：`, `:` or a tab) into role → name."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"找不到角色文件：{p}")
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"角色文件 {p.name} 不是 UTF-8 文本。") from e
    out: dict[str, str] = {}
    for n, line in enumerate(raw.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = re.split(r"\s*[=＝:：\t]\s*", line, maxsplit=1)
        if len(parts) != 2 or not parts[0]:
            raise InputError(
                f"角色文件 {p.name} 第{n}行格式不对：“{line}”，"
                "应写成“角色=姓名”，如“党委书记=张三”。")
        out[parts[0]] = parts[1]
    return out
