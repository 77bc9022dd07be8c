"""The extraction lexicons: the tables the rules read (departments, roles, labels, periods,
quantities …), built from the lexicon files through `pbdocs.lang.lexicon`, so a corpus's own
`lexicon/` folder or `$PBDOCS_LEXICON` extends them (rows add aliases and override the canonical
name of an alias given twice)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pbdocs.lang import lexicon as lang_lexicon
from pbdocs.lang.text import SECOND_NAME

_INSTITUTION_END = re.compile(r"(?:大学|学院|学校|局|厅|委员会|政府|集团|公司|党工委|工委)"
                              r"(?:[（(][^（）()]{1,8}[）)])?$")

# a party committee's study group after the committee's name (…学院党委理论学习中心组)
_STUDY_GROUP = re.compile(r"(?:(?<=党委)|(?<=党总支)|(?<=党工委)|(?<=党组织))(?:理论学习)?中心组$")
_OWN_COMMITTEES = frozenset({"党委", "校党委", "学校党委", "中共党委"})


@dataclass
class Lexicon:
    """Every table the extraction rules read, merged from the default and extension folders."""

    departments: dict[str, str] = field(default_factory=dict)  # alias → canonical
    roles: list[str] = field(default_factory=list)
    bodies: set[str] = field(default_factory=set)  # roles that are organisations, not persons
    role_names: dict[str, str] = field(default_factory=dict)  # role as written → usual name
    actor_cues: list[str] = field(default_factory=list)
    not_name_starts: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # 牵头部门 → lead
    external_prefixes: list[str] = field(default_factory=list)
    periods: dict[str, str] = field(default_factory=dict)  # 学期 → semester
    units: list[str] = field(default_factory=list)
    before: dict[str, str] = field(default_factory=dict)  # 不低于 → >=
    after: dict[str, str] = field(default_factory=dict)  # 以上 → >=
    verbs: list[str] = field(default_factory=list)
    skip: list[str] = field(default_factory=list)
    cover: list[str] = field(default_factory=list)

    def canonical(self, name: str) -> str:
        """The canonical department name for `name` as written, or the usual name of a body
        or role (支部书记 → 党支部书记); itself when unknown."""
        key = name.strip()
        for cand in (key, key.replace("(", "（").replace(")", "）")):
            if cand in self.departments:
                return self.departments[cand]
            if cand in self.role_names:
                return self.role_names[cand]
        for prefix in ("学校", "校", "院"):  # 院党委办公室: a research institute's
            rest = key[len(prefix):]
            if key.startswith(prefix) and rest in self.departments:
                return self.departments[rest]
        # a committee's study group is the committee (机械工程学院党委理论学习中心组 →
        # 机械工程学院党委, 各党总支理论学习中心组 → 党总支): the unit a task book names; the
        # institution's own committee's group (党委理论学习中心组) stays as it is
        group = _STUDY_GROUP.search(key)
        if group and key[:group.start()] not in _OWN_COMMITTEES:
            return self.canonical(key[:group.start()])
        # an institution's name before a department's: 县教育局机关党委 → 机关党委,
        # 中国地质大学(武汉)党委组织部 → 党委组织部 (the canonical name is institution-free)
        for k in range(2, len(key) - 2):
            rest = key[k:]
            if rest in self.departments and _INSTITUTION_END.search(key[:k]):
                return self.departments[rest]
        # a body's second name in brackets after its first (档案馆（校史馆）, 党委宣传部（党委网络
        # 安全和信息化工作办公室）): the first, when it is known
        second = SECOND_NAME.search(key)
        if second and second.start() > 1:
            first = self.canonical(key[:second.start()])
            if first in set(self.departments.values()):
                return first
            if _SECOND_BODY.fullmatch(second.group("alias")):
                # (后勤党委（后勤服务集团党委）: a second name of its own, not the kind of body
                # a group of names may be, 二级党委（党总支）)
                return first
        return key


# a body's full second name (后勤服务集团党委, 学生资助管理中心): four characters or more, ending
# as a body does
_SECOND_BODY = re.compile(r"[\u4e00-\u9fff]{2,16}(?:党委|党总支|中心|办公室|部|处|馆)")


def _fill(lex: Lexicon, dirs: tuple[str, ...]) -> None:
    rows = lang_lexicon.rows
    for row in rows("departments.tsv", dirs):
        if row[0]:
            canon = row[1] if len(row) > 1 and row[1] else row[0]
            lex.departments[row[0]] = canon
            lex.departments.setdefault(canon, canon)
    for row in rows("roles.txt", dirs):
        if row[0] not in lex.roles:
            lex.roles.append(row[0])
        if len(row) > 1 and row[1] in ("机构", "body"):
            lex.bodies.add(row[0])
        elif len(row) > 1:
            lex.bodies.discard(row[0])
        if len(row) > 2 and row[2]:
            lex.role_names[row[0]] = row[2]
    for attr, name in (("not_name_starts", "not_name_starts.txt"),
                       ("actor_cues", "actor_cues.txt"),
                       ("external_prefixes", "external_prefixes.txt")):
        bucket = getattr(lex, attr)
        for row in rows(name, dirs):
            if row[0] not in bucket:
                bucket.append(row[0])
    for row in rows("responsibility.tsv", dirs):
        if len(row) > 1:
            lex.labels[row[0]] = row[1]
    for row in rows("periods.tsv", dirs):
        if len(row) > 1:
            lex.periods[row[0]] = row[1]
    for row in rows("quantities.tsv", dirs):
        kind, word = row[0], row[1] if len(row) > 1 else ""
        if not word:
            continue
        if kind == "unit" and word not in lex.units:
            lex.units.append(word)
        elif kind in ("before", "after") and len(row) > 2:
            getattr(lex, kind)[word] = row[2]
        elif kind in ("verb", "skip", "cover"):
            bucket = getattr(lex, "verbs" if kind == "verb" else kind)
            if word not in bucket:
                bucket.append(word)


@lru_cache(maxsize=8)
def load(extra: tuple[str, ...] = ()) -> Lexicon:
    """The default lexicon merged with the extension folders `extra` (later ones win)."""
    lex = Lexicon()
    _fill(lex, tuple(extra))
    return lex
