"""Extraction: fill each clause's lead, support, actors, deadlines, recurrences, targets,
references and tasks with a rule-based spaCy pipeline (`pbdocs.extract.pipeline`).

spaCy is imported only when `enrich` runs, so commands that never extract stay fast."""

from __future__ import annotations

from pbdocs.model import Clause, Deadline, Document, Task


def enrich(doc: Document, extra: tuple[str, ...] | None = None) -> Document:
    """Fill the extraction fields of every clause of `doc` in place and return it; `extra`
    overrides the lexicon extension folders found beside its source file."""
    from pbdocs.extract import lexicon, timeexpr
    from pbdocs.extract.pipeline import analyse, get_nlp, lexicon_of

    if extra is None:
        extra = lexicon.extension_dirs(doc.source.path if doc.source else None)
    lex = lexicon_of(get_nlp(extra))
    heading_deadlines: dict[tuple[str, ...], list[Deadline]] = {}
    for s in doc.sections:  # phase headings: 申报（2020年4月-5月）
        found = timeexpr.find_deadlines(s.heading or "", doc.date)
        heading_deadlines[tuple(s.path)] = [f.deadline for f in found]
    for clause in doc.clauses:
        _enrich_clause(clause, doc.date, extra, lex, heading_deadlines, analyse)
    return doc


def _enrich_clause(clause: Clause, doc_date, extra, lex, heading_deadlines, analyse) -> None:
    from pbdocs.extract import depts, timeexpr

    text = clause.text or ""
    inherited: list[Deadline] = []
    for i in range(1, len(clause.path) + 1):
        for dl in heading_deadlines.get(tuple(clause.path[:i]), []):
            if dl.text not in text and all(dl != x for x in inherited):
                inherited.append(dl)
    if clause.heading and clause.heading not in text:  # a lead phrase kept apart from text
        for f in timeexpr.find_deadlines(clause.heading, doc_date):
            if f.deadline not in inherited:
                inherited.append(f.deadline)
    ctx_year = next((int(d.end[:4]) for d in inherited if d.end), None)
    sdoc = analyse(text, doc_date, extra, ctx_year)
    pb = sdoc.user_data["pb"]
    res = depts.Responsibility()
    if clause.note:
        res.merge(depts.parse_labels(clause.note, lex))
    # a sentence that names nobody inherits the note's departments, or without a note the
    # departments the clause's prose names
    base = res.depts() if res.lead or res.support else None
    res.merge(pb["responsibility"])
    clause.lead, clause.support = res.depts()
    if base is None:
        base = (clause.lead, clause.support)
    deadlines = [f.deadline for f in pb["deadlines"]]
    if clause.note:  # a lifted note may carry 完成时限：2022年12月
        noted = [f.deadline for f in timeexpr.find_deadlines(clause.note, doc_date)]
        inherited = _dedup(inherited + noted)
    clause.deadlines = _dedup(inherited + deadlines)
    clause.recurrences = [f.recurrence for f in pb["recurrences"]]
    tgts = pb["targets"]
    clause.references = list(dict.fromkeys(pb["references"]))
    named = {m.canonical for m in res.lead + res.support}
    actors: list[str] = []
    for m in pb["actors"]:
        if m.canonical not in named and m.name not in actors:
            actors.append(m.name)
    clause.actors = actors
    tasks: list[Task] = []
    # only a clause whose prose names departments can have sentences that name their own
    prose_named = bool(pb["responsibility"].lead or pb["responsibility"].support)
    named_spans = sorted(pb["mentions"] + pb["bodies"], key=lambda m: m.start)
    for a, b in pb["sentences"]:
        sent = text[a:b].strip()
        if not sent or (clause.heading and sent.rstrip("。") == clause.heading.rstrip("。")):
            continue
        own = depts.Responsibility()
        if prose_named:
            own.merge(depts.parse_labels(sent, lex))
            own.merge(depts.prose(sent, [depts.Mention(m.start - a, m.end - a, m.name,
                                                       m.canonical)
                                         for m in named_spans if a <= m.start < b], lex))
        lead, support = own.depts() if own.lead or own.support else base
        t_dl = [f.deadline for f in pb["deadlines"] if a <= f.start < b]
        t_tg = [f.target for f in tgts if a <= f.start < b]
        due = next((d.end for d in t_dl if d.end), None)
        for t in t_tg:
            t.by = t.by or due
        tasks.append(Task(text=sent, lead=list(lead), support=list(support),
                          deadlines=t_dl or list(inherited),
                          recurrences=[f.recurrence for f in pb["recurrences"] if a <= f.start < b],
                          targets=t_tg))
    clause.targets = [f.target for f in tgts]
    clause.tasks = tasks


def _dedup(items: list) -> list:
    out: list = []
    for x in items:
        if x not in out:
            out.append(x)
    return out
