"""Leads a list gives by whom each part binds: a 责任清单 or 任务清单 organised by responsible
subject, with section headings naming the subject (二、党委书记第一责任人责任) and items labelled by
the unit they bind (（一）党委办公室：负责…). The heading or the label is the task's label, as a
责任单位 column is (basis stated); a sentence that names its own doer keeps it."""

from __future__ import annotations

import re

from pbdocs.model import Dept, Document

_LIST_SPLIT = re.compile(r"[、，,和及与]")


def _rules():
    from pbdocs.lang.lexicon import sections

    s = sections("tasks.txt")
    pats = [re.compile(p) for p in s.get("subject_headings", ())]
    collective = tuple(s.get("collective_bodies", ()))
    return pats, collective


def _known(name: str, lex) -> str | None:
    """`name` as a task book writes it when it is a department, a body or a person the
    lexicons know; else None."""
    name = name.strip()
    if not name or len(name) > 20:
        return None
    canon = lex.canonical(name)
    if canon in set(lex.departments.values()) or name in lex.roles or canon in lex.roles:
        return canon
    return None


def _names(label: str, lex, committee: str | None, collective) -> list[str]:
    """The bodies a label names (财务处、审计处、国有资产管理处), all known, else []."""
    parts = [p.strip() for p in _LIST_SPLIT.split(label) if p.strip()]
    out = []
    for p in parts:
        k = _known(p, lex)
        if k is None and p in collective:
            if not committee:
                return []
            k = committee
        if k is None:
            return []
        out.append(k)
    return out


def heading_subject(heading: str, lex, committee: str | None) -> list[str]:
    """The subject a section heading says its items bind (党委书记第一责任人责任 → 党委书记,
    班子其他成员“一岗双责” → 班子其他成员, 党委领导班子集体责任 → the issuing committee)."""
    pats, collective = _rules()
    h = (heading or "").strip()
    for p in pats:
        m = p.fullmatch(h)
        if m:
            names = _names(m.group("name"), lex, committee, collective)
            if names:
                return names
    return []


def label_subject(label: str, lex, committee: str | None) -> list[str]:
    """The units a clause's colon label names (党委办公室 / 财务处、审计处、国有资产管理处)."""
    _, collective = _rules()
    return _names(label or "", lex, committee, collective)


def subject_leads(doc: Document, lex) -> None:
    """Give the tasks that name no doer of their own the subject their clause's label or their
    section's heading names (basis stated)."""
    from pbdocs.extract.suggest import short_name

    committee = short_name(doc.issuer) if doc.issuer else None
    by_section: dict[tuple[str, ...], list[str]] = {}
    for s in doc.sections:
        by_section[tuple(s.path)] = heading_subject(s.heading or "", lex, committee)
    for c in doc.clauses:
        names = label_subject(c.heading, lex, committee) if c.heading else []
        if not names:
            for i in range(len(c.path), 0, -1):
                names = by_section.get(tuple(c.path[:i]), [])
                if names:
                    break
        if not names:
            continue
        last: list[Dept] = []
        for t in c.tasks:
            if t.lead or t.persons:
                last = []
                continue
            body = opening_body(t.text, lex)
            if body:  # 党委常委会每季度至少听取…: the item names its own doer
                last = [Dept(body, lex.canonical(body), "text")]
                t.lead = [Dept(body, lex.canonical(body), "text")]
            elif last and _continues(t.text):  # …，每半年专题研究一次…: the same doer
                t.lead = [Dept(d.name, d.canonical, d.basis) for d in last]
            else:
                last = []
                t.lead = [Dept(n, lex.canonical(n), "stated") for n in names]


_LEAD_IN = re.compile(r"^\s*(?:由|各)?")
_SUBJECTLESS = re.compile(r"^\s*(?:每|定期|要|并|及时|同时|[0-9一二三四五六七八九十]+月)")


def _continues(text: str) -> bool:
    """Whether a task opens without a subject of its own (每半年专题研究…)."""
    return bool(_SUBJECTLESS.match(text))


def opening_body(text: str, lex) -> str | None:
    """The body (an organisation of the roles table, or a department) that opens `text` as its
    subject (党委常委会每季度…), longest first; None when it opens otherwise."""
    rest = text[_LEAD_IN.match(text).end():]
    names = [n for n in list(lex.bodies) + list(lex.departments) if n and rest.startswith(n)]
    if not names:
        return None
    name = max(names, key=len)
    after = rest[len(name):len(name) + 1]
    return name if after and after not in "、和及与的" else None


def committee_leads(doc: Document, lex) -> None:
    """The issuing committee written as the subject (党委每年听取…, 学校党委每年…) leads the tasks
    it opens and the subjectless ones right after it in the same clause (basis text)."""
    from pbdocs.extract.suggest import short_name
    from pbdocs.lang.lexicon import sections

    if not doc.issuer:
        return
    committee = short_name(doc.issuer)
    if not committee.endswith("党委") or len(committee) <= 2:
        return
    pats = [re.compile(p) for p in sections("tasks.txt").get("committee_subject", ())]
    for c in doc.clauses:
        on = False
        for t in c.tasks:
            if t.lead:
                on = False
                continue
            if any(p.match(t.text.strip()) for p in pats):
                on = True
            elif not (on and _continues(t.text)):
                on = False
                continue
            t.lead = [Dept(committee, lex.canonical(committee), "text")]
