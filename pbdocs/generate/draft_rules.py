"""The data behind `pbdocs draft`: college terms, subject substitutions, role and schedule rules,
read through `pbdocs.lang.lexicon` (a person extends them without code)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pbdocs.errors import InputError
from pbdocs.lang import lexicon

DEFAULT_ROLES = ("党委书记", "院长", "党委副书记", "组织员", "支部书记", "辅导员")
# What may come before a subject: an item number, 各 or 每个 (各二级党组织要…)
_LEAD = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?(?:各|每个)?")
# A clause that sets a quota: a number with its unit (1%, 1名, 3个, 2-3名, 1至2名)
_QUOTA = re.compile(r"\d+(?:\.\d+)?\s*(?:[-—～~至到]\s*\d+\s*)?(?:%|％|名|个|人|项|家)")


@dataclass(frozen=True)
class DraftRules:
    """Every rule the college draft uses, as loaded from the lexicon files."""

    terms: dict[str, tuple[str, ...]]
    substitutions: tuple[tuple[str, str], ...]
    role_keywords: tuple[tuple[str, str, int], ...]
    default_role: str
    schedule: tuple[tuple[str, str], ...]

    def has(self, kind: str, text: str) -> bool:
        """Whether text holds any term of this kind (`college`, `member`, `all_units` …)."""
        return any(t in text for t in self.terms.get(kind, ()))

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

        hidden = re.sub(r"《([^《》]*)》", hide, text)
        return re.sub(r"\x00(\d+)\x00", lambda m: titles[int(m.group(1))],
                      _replace(hidden, table))

    def restate(self, text: str) -> tuple[str, bool]:
        """Text restated for the college, knowing who acts: a piece (between commas) whose
        subject is the university or one of its departments alone (`学校设定…`, `组织部门要…`,
        and the pieces after it until another subject) stays the university's, word for word;
        where the university's and the colleges' people act together (`学校党委书记、校长和
        二级党组织书记、院长带头讲党课`) the college's keep the piece; a clause that sets a quota
        (`不低于全校师生人数的1%`) keeps its scope words. Returns the text and whether any
        piece is the college's."""
        whole, mine = self.restate_parts(text)
        return whole, bool(mine)

    def restate_parts(self, text: str) -> tuple[str, str]:
        """The text restated (`restate`) and the college's part of it alone (the pieces the
        university does left out; '' when it does all)."""
        whole: list[str] = []
        mine: list[str] = []
        for clause in re.findall(r"[^。；;]+[。；;]?|[。；;]", text):
            quota = bool(_QUOTA.search(clause))
            who = "other"
            own: list[str] = []
            for piece in re.findall(r"[^，,]+[，,]?|[，,]", clause):
                subject, rest = self._subject(piece)
                if subject != "other":
                    who = subject
                if who == "university":
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
