"""`similar`: the clauses of other documents that state the same requirement, best first."""

from __future__ import annotations

from pathlib import Path

from pbdocs.crossref.cache import get_index
from pbdocs.crossref.vectors import chars, fold, sentences, top_k
from pbdocs.errors import InputError
from pbdocs.model import Document


def institution_label(doc: Document) -> str:
    """The column a document's requirements go under: its institution, or its id when unnamed."""
    return doc.institution or doc.id


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
    if not hasattr(docs, "key"):  # a stream is read only when the index must be fitted
        docs = list(docs)
    if not len(docs):
        raise InputError("语料库中没有可比对的文档。")
    index = get_index(docs, index_dir)
    if clause_id is not None:
        row = index.position(_canonical_id(clause_id, index))
        if row is None:
            raise InputError(_unknown_clause(clause_id, docs, index))
        allowed = index.others(row, by_institution=other_institutions)
        scores = index.ranked_scores(row=row, allowed=allowed)
    else:
        allowed = None
        scores = index.ranked_scores(text=text)
    query = index.entries[row].text if clause_id is not None else text
    hits = []
    for i in top_k(scores, top, allowed):
        if scores[i] <= 0:
            break
        e = index.entries[i]
        hits.append({"doc_id": e.doc_id, "clause_id": e.clause_id, "institution": e.institution,
                     "text": e.text, "score": round(float(scores[i]), 4),
                     "excerpt": best_sentence(index, query, e.text)})
    return {"hits": hits}


def best_sentence(index, query: str, text: str) -> str:
    """The sentence of `text` closest to any sentence of `query`: what to show of a long hit."""
    sents = sentences(text)
    if len(sents) <= 1:
        return text.strip()
    qs = sentences(query) or [query]
    sims = (index.vectorize(sents) @ index.vectorize(qs).T).toarray().max(axis=1)
    return sents[int(sims.argmax())].strip()


def _canonical_id(clause_id: str, index) -> str:
    """The clause id as stored, also typed with other widths or spaces (`(六)` for `（六）`)."""
    if index.position(clause_id) is not None:
        return clause_id
    want = fold(clause_id)
    for e in index.entries:
        if want.startswith(fold(e.doc_id)) and fold(e.clause_id) == want:
            return e.clause_id
    return clause_id


def _unknown_clause(clause_id: str, docs, index) -> str:
    doc_id = clause_id.split("/", 1)[0]
    doc = docs.get(doc_id) if hasattr(docs, "get") else next(
        (d for d in docs if d.id == doc_id), None)
    if doc is None:
        return f"找不到条款“{clause_id}”：语料库中没有编号为“{doc_id}”的文档。"
    want = fold(clause_id)
    found = next((c for c in doc.clauses if c.id == clause_id or fold(c.id) == want), None)
    if found is not None:
        return f"条款“{clause_id}”没有可比对的正文。"
    sample = "、".join(c.id for c in doc.clauses[:3])
    return f"找不到条款“{clause_id}”：文档“{doc_id}”中没有这一条（条款编号形如 {sample}）。"
