"""`similar`: the clauses of other documents that state the same requirement, best first."""

from __future__ import annotations

from pathlib import Path

from pbdocs.crossref.cache import get_index
from pbdocs.crossref.vectors import chars, compared_text
from pbdocs.errors import InputError
from pbdocs.lang.text import fold, sentences
from pbdocs.model import Document

MIN_SENTENCE = 6  # characters a sentence needs to be shown as the matched requirement


def institution_label(doc: Document) -> str:
    """What a document is shown as (a compare column, a hit's source): its institution, else its
    title, else its file name; never its id."""
    if doc.institution:
        return doc.institution
    if doc.title and doc.title.strip():
        return doc.title.strip()
    return Path(doc.source.path).name if doc.source and doc.source.path else doc.id


def similar(docs: list[Document], *, clause_id: str | None = None, text: str | None = None,
            top: int = 10, other_institutions: bool = False,
            index_dir: str | Path | None = None) -> dict:
    """Clauses most like a clause (of other documents) or a text, as the spec's JSON."""
    if (clause_id is None) == (text is None):
        raise InputError("请给出要比对的条款编号（--clause）或一段文本（--text），二者选一。")
    if top < 1:
        raise InputError("返回条数（--top）必须是正整数。")
    if text is not None and not chars(text):
        raise InputError("要比对的文本是空的，请给出一段条款文字。")
    docs = list(docs)
    if not docs:
        raise InputError("语料库中没有可比对的文档。")
    index = get_index(docs, index_dir)
    if clause_id is not None:
        row = index.position(clause_id)
        if row is None:
            row = index.position(_canonical_id(clause_id, docs))
        if row is None:
            raise InputError(_unknown_clause(clause_id, docs))
        allowed = index.others(row, by_institution=other_institutions)
        q = index.query(row=row)
        query = compared_text(index.entries[row].text, index.entries[row].heading)
    else:
        allowed, q, query = None, index.query(text=text), text
    ranked = index.rank(q, top, allowed)
    excerpts = best_sentences(index.model, query, [index.entries[i].text for i, _ in ranked])
    hits = []
    for (i, score), excerpt in zip(ranked, excerpts):
        e = index.entries[i]
        hits.append({"doc_id": e.doc_id, "clause_id": e.clause_id, "institution": e.institution,
                     "label": e.label, "text": e.text, "score": round(score, 4),
                     "excerpt": excerpt})
    return {"hits": hits}


def best_sentences(model, query: str, texts: list[str]) -> list[str]:
    """For each text, its requirement sentence that best matches a sentence of `query`: what a
    hit is shown by (CLI, JSON `excerpt`, web). Sentences of under MIN_SENTENCE characters (a
    heading word, a list number) are not taken when a longer one matches."""
    from pbdocs.crossref.vectors import cosines

    split = [[s.strip() for s in sentences(t) if s.strip()] for t in texts]
    many = [ss for ss in split if len(ss) > 1]
    if not many:
        return [t.strip() for t in texts]
    qs = [s for s in sentences(query) if len(chars(s)) >= MIN_SENTENCE] or [query]
    flat = [s for ss in many for s in ss]
    sims = cosines(model.vectorize(flat), model.vectorize(qs)).max(axis=1)
    sims[[len(chars(s)) < MIN_SENTENCE for s in flat]] -= 1
    out, at = [], 0
    for t, ss in zip(texts, split):
        if len(ss) <= 1:
            out.append(t.strip())
            continue
        out.append(ss[int(sims[at:at + len(ss)].argmax())])
        at += len(ss)
    return out


def _canonical_id(clause_id: str, docs: list[Document]) -> str:
    """The clause id as stored, also typed with other widths or spaces (`(六)` for `（六）`)."""
    want = fold(clause_id)
    for d in docs:
        if want.startswith(fold(d.id)):
            for c in d.clauses:
                if c.id == clause_id or fold(c.id) == want:
                    return c.id
    return clause_id


def _unknown_clause(clause_id: str, docs: list[Document]) -> str:
    doc_id = clause_id.split("/", 1)[0]
    doc = next((d for d in docs if d.id == doc_id), None)
    if doc is None:
        return f"找不到条款“{clause_id}”：语料库中没有编号为“{doc_id}”的文档。"
    found = doc.clause(_canonical_id(clause_id, docs))
    if found is not None:
        return f"条款“{clause_id}”没有可比对的正文。"
    sample = "、".join(c.id for c in doc.clauses[:3])
    return f"找不到条款“{clause_id}”：文档“{doc_id}”中没有这一条（条款编号形如 {sample}）。"
