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
from dataclasses import dataclass

from pbdocs.lang.lexicon import entries, per_lexicon, rows
from pbdocs.lang.text import fold
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


def by_duty(text: str) -> tuple[Duty, str] | None:
    """The duty row a text is about and the word that shows it: in the first segment of the
    sentence's core (`tasks.core_segments`) that holds a term, the longest term, on a tie
    the later one (党建工作专项经费 is about 经费)."""
    from pbdocs.extract.tasks import core_segments, is_scene

    for seg in [x for x in core_segments(text) if not is_scene(x)] + [text]:
        f = fold(seg)
        best = None
        for ft, term, duty in _term_index():
            at = f.rfind(ft) if ft else -1
            if at < 0:
                continue
            key = (len(ft), at, -duty.order)
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


def _dept(name: str, canonical: str, why: str) -> Dept:
    return Dept(name=name, canonical=canonical, basis="suggested", why=why)


def own_work(doc: Document, is_department) -> bool:
    """Whether the document gives work to its own body rather than dividing an institution's
    work among departments: issued by a party branch or a unit's committee, or, without an
    issuer, giving work to branch-level bodies and never to a department."""
    if _own_body(doc.issuer):
        return True
    if doc.issuer:
        return False
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


def _body_of(name: str, canonical) -> str:
    """The organisation of an officer (党支部书记 → 党支部); a body is itself."""
    for title in ("书记", "委员"):
        if name.endswith(title) and len(name) > len(title) + 1:
            return canonical(name[: -len(title)])
    return name


def default_doers(doc: Document, canonical, is_department) -> list[Dept]:
    """The document's own doer for work it names nobody for: the addressees of a notice
    (主送机关); the issuing body when it is a party branch or a unit's committee; for a text
    without issuer, the branch-level body its sentences give work to most, when no department
    ever gets any. None for an institution's plan (the duty table decides there)."""
    notice = (doc.kind or "") in ("通知", "通报") and doc.notice is None
    if notice and doc.recipients:
        return [_dept(r, canonical(r), "通知的主送单位") for r in doc.recipients]
    if _own_body(doc.issuer):
        return [_dept(doc.issuer, canonical(doc.issuer), "发文单位自身的工作")]
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


def suggest(doc: Document, canonical, is_department) -> None:
    """Give every task without a lead a suggested lead (and usual support): the document's
    own doer, else the duty its sentence, its clause's lead phrase or its section headings
    are about. Tasks whose text names nobody and fits no duty stay without a lead."""
    own = default_doers(doc, canonical, is_department)
    names = written_names(doc)
    for c in doc.clauses:
        context = [c.heading or ""] + [s.heading for s in reversed(doc.ancestors(c))]
        if doc.section(c.path) is not None:
            context.insert(0, doc.section(c.path).heading)
        for t in c.tasks:
            if t.lead:
                continue
            if own:
                t.lead = [Dept(d.name, d.canonical, "suggested", d.why) for d in own]
                continue
            found = by_duty(t.text)
            source = ""
            if found is None:
                for h in context:
                    found = by_duty(h) if h else None
                    if found:
                        source = f"（见标题“{h}”）"
                        break
            if found is None:
                continue
            duty, term = found
            why = f"“{term}”{source}"
            # a corpus's duties.tsv may name the institution's own department: keep its
            # name, map it to the canonical one
            t.lead = [_dept(names.get(canonical(n), n), canonical(n), why) for n in duty.lead]
            if not t.support:
                t.support = [_dept(names.get(n, n), n, f"“{w}”")
                             for n, w in other_duties(t.text, set(duty.lead))
                             if n in duty.support]
