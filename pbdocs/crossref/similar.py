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
    """For each text, its requirement sentence that best aligns with the query: what a hit is
    shown by (CLI, JSON `excerpt`, web). Sentences are scored by `alignment` with the query
    (the longest stretch they share, IDF-weighted); among sentences of equal score (none shares
    a bigram with the query, say), the one of best cosine with a sentence of the query.
    Sentences of under MIN_SENTENCE characters (a heading word, a list number) are not taken
    when a longer one matches."""
    from pbdocs.crossref.vectors import cosines

    seeds = _seeds(model, chars(query))
    out: list[str] = []
    tied: list[tuple[int, list[str]]] = []  # (hit, its sentences of equal best score)
    for t in texts:
        ss = [s.strip() for s in sentences(t) if s.strip()]
        if len(ss) <= 1:
            out.append(t.strip())
            continue
        score = [alignment(seeds, chars(s)) if len(chars(s)) >= MIN_SENTENCE else -1.0
                 for s in ss]
        best = [s for s, x in zip(ss, score) if x == max(score)]
        out.append(best[0])
        if len(best) > 1:
            tied.append((len(out) - 1, best))
    if tied:
        qs = [s for s in sentences(query) if len(chars(s)) >= MIN_SENTENCE] or [query]
        flat = [s for _, ss in tied for s in ss]
        sims = cosines(model.vectorize(flat), model.vectorize(qs)).max(axis=1)
        at = 0
        for i, ss in tied:
            out[i] = ss[int(sims[at:at + len(ss)].argmax())]
            at += len(ss)
    return out


GAP = 1.0  # what an unmatched character costs inside an aligned stretch


def _seeds(model, query: str) -> dict[str, tuple[list[int], float]]:
    """Each character bigram of the (folded, unpunctuated) query: its positions there and its
    weight, its IDF squared (as the bigram adds to a cosine's numerator)."""
    from pbdocs.crossref.vectors import N_FEATURES, word_feature

    where: dict[str, list[int]] = {}
    for i in range(len(query) - 1):
        where.setdefault(query[i:i + 2], []).append(i)
    return {g: (ps, float(model.idf[N_FEATURES + word_feature(g)]) ** 2)
            for g, ps in where.items()}


def alignment(seeds: dict[str, tuple[list[int], float]], text: str) -> float:
    """Local alignment of text with the query whose bigrams are `seeds`, as text-reuse
    detectors do it: bigrams both share are seeds, a stretch of seeds on one diagonal (the same
    offset in both texts) adds their weights and pays GAP for each character between them, and
    the score is the best stretch (Smith-Waterman without gaps across diagonals)."""
    diagonals: dict[int, list[tuple[int, float]]] = {}
    for j in range(len(text) - 1):
        seed = seeds.get(text[j:j + 2])
        if seed:
            for i in seed[0]:
                diagonals.setdefault(j - i, []).append((j, seed[1]))
    best = 0.0
    for hits in diagonals.values():
        run, last = 0.0, None
        for j, w in hits:
            if last is not None:
                run -= GAP * (j - last - 1)
            run = max(run, 0.0) + w
            best = max(best, run)
            last = j
    return best


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
