"""Sparse TF-IDF vectors of clauses, and cosine top-k over them.

Two views of each text are stacked: jieba words (the shared tokenizer with the domain user
dictionary) and character n-grams (robust to segmentation and to damaged text). Scores are
computed one query at a time against a sparse matrix, so memory grows with the corpus' non-zero
entries, never with N×N. Two long clauses often share one requirement in one sentence, which the
whole-clause cosine dilutes: `ranked_scores` re-scores the best clauses by their best-matching
sentence pair with the query (benchmarks/gold_crossref.txt has the measurements).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from pbdocs.lang import lexicon
from pbdocs.lang.text import fold, responsibility_note, sentences
from pbdocs.model import Clause, Document

STOPWORDS_FILE = "crossref_stopwords.txt"

# Weight of the word view against the character view, of the topic view (which curated topics
# of lexicon/topics.tsv a clause mentions) against both, and the character n-gram sizes: chosen
# on tests/gold/alignments.tsv (benchmarks/gold_crossref.txt lists the variants measured).
WORD_WEIGHT = 0.5
TOPIC_WEIGHT = 0.1
# Weight of the concept view (which concepts of lexicon/concepts.tsv a text mentions, IDF-weighted:
# paraphrases of one requirement share a concept, not words). Chosen on alignments.tsv +
# alignments_heldout.tsv; 0 turns the view off.
CONCEPT_WEIGHT = 0.05
# The same view's weight when sentences are compared (sentence-level lift). Measured 0.05-0.25:
# no better than 0 on the tuning files, and 0 spares the concept matching per query.
SENTENCE_CONCEPT_WEIGHT = 0.0
CHAR_NGRAMS = (2, 3)
SUBLINEAR_TF = True
MAX_DF = 1.0
# Sentence-level re-ranking: the RERANK_TOP best clauses by whole-clause cosine c are re-scored as
# max(c, (1 - SENTENCE_WEIGHT) * c + SENTENCE_WEIGHT * s), s their best sentence-pair cosine with
# the query: a shared sentence lifts a long clause, a clause alike as a whole is not lowered. A
# sentence shorter than SHORT_SENTENCE characters has its cosines shrunk by
# sqrt(length / SHORT_SENTENCE) (a heading sharing one word is not a shared
# requirement); sentences under MIN_SENTENCE characters are not compared. Chosen on
# alignments.tsv + alignments_heldout.tsv (benchmarks/gold_crossref.txt).
RERANK_TOP = 100
SENTENCE_WEIGHT = 0.2
SHORT_SENTENCE = 20
MIN_SENTENCE = 4

_PUNCT = re.compile(r"[\W_]+")


@lexicon.per_lexicon()
def stopwords() -> frozenset[str]:
    """Words that carry no requirement (lexicon file, one a line)."""
    return frozenset(lexicon.entries(STOPWORDS_FILE))


_PIECES = re.compile(r"[^。；;！？!?，,、：:（）()“”\"]+")


def words(text: str) -> list[str]:
    """jieba words of folded text, without punctuation, digits alone and stopwords."""
    out: list[str] = []
    for piece in _PIECES.findall(fold(text)):
        out.extend(_piece_words(piece))
    return out


@lru_cache(maxsize=200_000)
def _piece_words(piece: str) -> tuple[str, ...]:
    # jieba never joins words across punctuation, so cutting piece by piece gives the same words,
    # and the pieces policy texts share (they copy each other a lot) are cut only once.
    from pbdocs.segment import cut

    stop = stopwords()
    return tuple(w for w in cut(piece)
                 if w and not _PUNCT.fullmatch(w) and not w.isdigit() and w not in stop)


def chars(text: str) -> str:
    """Folded text without punctuation, for character n-grams."""
    return _PUNCT.sub("", fold(text))


def clause_text(clause: Clause) -> str:
    """The clause's text as compared: its heading's words are in it, a responsibility note not."""
    return compared_text(clause.text, clause.heading)


def compared_text(text: str | None, heading: str | None = None) -> str:
    """A text as compared: heading prefixed unless already in it, responsibility notes removed."""
    text = text or ""
    if heading and heading not in text:
        text = f"{heading}。{text}"
    # a responsibility note says who, not what: it must not make clauses alike
    return responsibility_note().sub("", text)


def units(text: str) -> list[str]:
    """The sentences of a text that sentence alignment compares (MIN_SENTENCE chars or more)."""
    return [s for s in sentences(text) if len(chars(s)) >= MIN_SENTENCE]


def _scale_rows(m, factors: np.ndarray) -> None:
    """Multiply each row of a CSR matrix by its factor, in place."""
    m.data *= np.repeat(factors.astype(m.data.dtype), np.diff(m.indptr))


@dataclass
class Entry:
    """One clause of the index, with what a hit shows."""

    doc_id: str
    clause_id: str
    institution: str | None
    text: str
    heading: str = ""


@dataclass
class ClauseIndex:
    """Fitted vectorizers and the sparse, L2-normalised vector of every clause."""

    entries: list[Entry]
    words_vec: object
    chars_vec: object
    clause_matrix: object  # csr, one row per entry
    topic_keys: list[list[str]] = field(default_factory=list)  # folded keywords per topic
    concepts: object = None  # ConceptMatcher of lexicon/concepts.tsv, or None
    concept_idf: np.ndarray | None = None  # IDF of each concept over the fitted clauses
    fingerprint: str = ""
    _by_id: dict[str, int] = field(default_factory=dict, repr=False)
    _codes: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    def position(self, clause_id: str) -> int | None:
        """Row of a clause id, or None."""
        if not self._by_id:
            self._by_id = {e.clause_id: i for i, e in enumerate(self.entries)}
        return self._by_id.get(clause_id)

    def others(self, row: int, by_institution: bool = False) -> np.ndarray:
        """Mask of the rows from other documents (or other institutions) than `row`'s."""
        key = "inst" if by_institution else "doc"
        codes = self._codes.get(key)
        if codes is None:
            labels = [(e.institution or e.doc_id) if by_institution else e.doc_id
                      for e in self.entries]
            codes = np.unique(np.array(labels, dtype=object), return_inverse=True)[1]
            self._codes[key] = codes
        return codes != codes[row]

    def vectorize(self, texts: list[str], concept_weight: float | None = None):
        """Sparse, L2-normalised rows for texts, with the fitted vocabulary (and the concept
        view weighted by `concept_weight`, CONCEPT_WEIGHT when None)."""
        return self._combine(self.words_vec.transform(texts), self.chars_vec.transform(texts),
                             texts, concept_weight=concept_weight)

    def _combine(self, w, c, texts: list[str], concept_hits: list | None = None,
                 concept_weight: float | None = None):
        """Stack the views, weighted, into unit rows. Each view's rows are unit or empty, so the
        weights and the final norm per row follow from which views are empty: the data is
        scaled in place and copied once, by the stacking (the character view is large)."""
        from scipy import sparse

        t = self._topics(texts) if self.topic_keys and TOPIC_WEIGHT > 0 else None
        kw = CONCEPT_WEIGHT if concept_weight is None else concept_weight
        k = self._concepts(texts, concept_hits) if self.concepts is not None and kw > 0 else None
        has_w, has_c = np.diff(w.indptr) > 0, np.diff(c.indptr) > 0
        wc_norm = np.sqrt(WORD_WEIGHT * has_w + (1 - WORD_WEIGHT) * has_c)
        wc = np.divide(1.0, wc_norm, out=np.zeros_like(wc_norm), where=wc_norm > 0)
        # The topic and concept blocks take their weights from the word and character block.
        extra = [(m, wt) for m, wt in ((t, TOPIC_WEIGHT), (k, kw)) if m is not None]
        if extra:
            base = 1 - sum(wt for _, wt in extra)
            has = [np.diff(m.indptr) > 0 for m, _ in extra]
            total = np.sqrt(base * (wc_norm > 0) + sum(wt * h for (_, wt), h in zip(extra, has)))
            z = np.divide(1.0, total, out=np.zeros_like(total), where=total > 0)
            wc = wc * np.sqrt(base) * z
            for m, wt in extra:
                # rows of m are unit (topics: 1/sqrt(count); concepts: normalised IDF)
                _scale_rows(m, np.sqrt(wt) * z)
        _scale_rows(w, np.sqrt(WORD_WEIGHT) * wc)
        _scale_rows(c, np.sqrt(1 - WORD_WEIGHT) * wc)
        blocks = [w, c] + [m for m, _ in extra]
        return sparse.hstack(blocks, format="csr", dtype=np.float32)

    def _concepts(self, texts: list[str], hits: list | None = None):
        """One column per concept: its IDF where the text mentions one of its terms, rows unit."""
        from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

        if hits is None:
            hits = [self.concepts.match(fold(x)) for x in texts]
        m = self._flags(hits, len(self.concepts.names))
        if self.concept_idf is not None:
            m.data *= self.concept_idf[m.indices]
        inplace_csr_row_normalize_l2(m)
        return m

    @staticmethod
    def _flags(hit_sets: list, width: int):
        """A 0/1 CSR matrix with a 1 at (i, j) for each j in hit_sets[i]."""
        from scipy import sparse

        indptr = np.zeros(len(hit_sets) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum([len(h) for h in hit_sets])
        indices = np.fromiter((j for h in hit_sets for j in sorted(h)), dtype=np.int32,
                              count=int(indptr[-1]))
        data = np.ones(len(indices), dtype=np.float32)
        return sparse.csr_matrix((data, indices, indptr), shape=(len(hit_sets), width))

    def _topics(self, texts: list[str]):
        """One column per curated topic: 1 where the text mentions one of its keywords."""
        from scipy import sparse

        rows, cols = [], []
        for i, text in enumerate(texts):
            f = fold(text)
            for j, keys in enumerate(self.topic_keys):
                if any(k in f for k in keys):
                    rows.append(i)
                    cols.append(j)
        data = np.ones(len(rows), dtype=np.float32)
        m = sparse.csr_matrix((data, (rows, cols)), shape=(len(texts), len(self.topic_keys)))
        n = np.diff(m.indptr)
        _scale_rows(m, np.divide(1.0, np.sqrt(n), out=np.zeros(len(n)), where=n > 0))
        return m

    def scores(self, text: str) -> np.ndarray:
        """Cosine similarity of `text` to every clause (a dense vector of length N)."""
        if not self.entries:
            return np.zeros(0, dtype=np.float32)
        return self._against(self.vectorize([text]))

    def scores_of(self, row: int) -> np.ndarray:
        """Cosine similarity of the clause at `row` to every clause."""
        return self._against(self.clause_matrix[row])

    def ranked_scores(self, *, row: int | None = None, text: str | None = None,
                      allowed: np.ndarray | None = None) -> np.ndarray:
        """Scores of every clause for a clause (`row`) or a text: the whole-clause cosine, with the
        RERANK_TOP best `allowed` clauses lifted by their best sentence pair with the query."""
        if row is not None:
            base = self.scores_of(row)
            e = self.entries[row]
            query = compared_text(e.text, e.heading)
        else:
            base = self.scores(text or "")
            query = text or ""
        if not len(base) or SENTENCE_WEIGHT <= 0 or RERANK_TOP <= 0:
            return base
        cand = np.array([i for i in top_k(base, RERANK_TOP, allowed) if base[i] > 0], dtype=int)
        if not len(cand):
            return base
        targets = [compared_text(self.entries[i].text, self.entries[i].heading) for i in cand]
        lift = self.sentence_scores(query, targets) - base[cand]
        out = base.copy()
        out[cand] += SENTENCE_WEIGHT * np.maximum(lift, 0)
        return out

    def sentence_scores(self, query: str, texts: list[str]) -> np.ndarray:
        """For each text, the best cosine between one of its sentences and one of the query's,
        short sentences shrunk; a text or query without sentences counts as one sentence."""
        qs = units(query) or [query]
        sents, owner = [], []
        for j, t in enumerate(texts):
            ss = units(t) or [t]
            sents.extend(ss)
            owner.extend([j] * len(ss))
        # One small product: (sentences of the candidates) x (sentences of the query).
        cw = SENTENCE_CONCEPT_WEIGHT
        sims = (self.vectorize(sents, cw) @ self.vectorize(qs, cw).T).toarray()
        sims *= _shrink(sents)[:, None] * _shrink(qs)[None, :]
        best = sims.max(axis=1)
        starts = np.flatnonzero(np.r_[True, np.diff(np.asarray(owner)) != 0])
        return np.maximum.reduceat(best, starts)

    def _against(self, q) -> np.ndarray:
        # A dense query makes this one sparse matrix-vector product: O(non-zeros), no N×N.
        return self.clause_matrix @ q.toarray().ravel()


def _shrink(sents: list[str]) -> np.ndarray:
    """sqrt(min(length, SHORT_SENTENCE) / SHORT_SENTENCE) per sentence (1 when disabled)."""
    if SHORT_SENTENCE <= 0:
        return np.ones(len(sents), dtype=np.float32)
    n = np.array([len(chars(s)) for s in sents], dtype=np.float32)
    return np.sqrt(np.minimum(n, SHORT_SENTENCE) / SHORT_SENTENCE)


class HashedTfidf:
    """TF-IDF of character n-grams, counted by a hashing vectorizer in batches (no dict of every
    n-gram and no Python int per clause and n-gram while fitting), compacted to the hash buckets
    the corpus uses, weighted and normalised in place: the formula of scikit-learn's
    TfidfVectorizer (smooth idf, sublinear tf, l2) with a fraction of its memory."""

    BATCH = 2000
    N_FEATURES = 2**22

    def __init__(self):
        from sklearn.feature_extraction.text import HashingVectorizer

        self.hasher = HashingVectorizer(analyzer="char", preprocessor=chars,
                                        ngram_range=CHAR_NGRAMS, n_features=self.N_FEATURES,
                                        alternate_sign=False, norm=None, dtype=np.float32)
        self.buckets = np.zeros(0, dtype=np.int64)  # sorted hash buckets seen when fitting
        self.idf = np.zeros(0, dtype=np.float32)

    def _batches(self, texts: list[str]) -> list:
        return [self.hasher.transform(texts[i:i + self.BATCH])
                for i in range(0, len(texts), self.BATCH)]

    def _compact(self, batches: list):
        """The batches stacked, columns renumbered to buckets, unseen buckets dropped."""
        from scipy import sparse

        out = []
        for b in batches:
            pos = np.searchsorted(self.buckets, b.indices)
            ok = pos < len(self.buckets)
            ok[ok] = self.buckets[pos[ok]] == b.indices[ok]
            if not ok.all():
                b = b.tocoo()
                b = sparse.csr_matrix((b.data[ok], (b.row[ok], pos[ok])),
                                      shape=(b.shape[0], len(self.buckets)), dtype=np.float32)
            else:
                b = sparse.csr_matrix((b.data, pos.astype(np.int32), b.indptr),
                                      shape=(b.shape[0], len(self.buckets)), copy=False)
            out.append(b)
        if not out:
            return sparse.csr_matrix((0, len(self.buckets)), dtype=np.float32)
        return out[0] if len(out) == 1 else sparse.vstack(out, format="csr")

    def _weigh(self, m):
        from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

        if SUBLINEAR_TF:
            np.log(m.data, out=m.data)
            m.data += 1
        m.data *= self.idf[m.indices]
        inplace_csr_row_normalize_l2(m)
        return m

    def fit_transform(self, texts: list[str]):
        """Fit the buckets and IDF on texts and return their TF-IDF rows."""
        batches = self._batches(texts)
        if batches:
            self.buckets = np.unique(np.concatenate([np.unique(b.indices) for b in batches]))
        m = self._compact(batches)
        del batches
        df = np.bincount(m.indices, minlength=len(self.buckets))
        self.idf = (np.log((1 + m.shape[0]) / (1 + df)) + 1).astype(np.float32)
        return self._weigh(m)

    def transform(self, texts: list[str]):
        """TF-IDF rows of texts with the fitted IDF (n-grams unseen when fitting are dropped)."""
        return self._weigh(self._compact(self._batches(texts)))


def build_index(docs: list[Document], topics_file: str | Path | None = None,
                concepts_file: str | Path | None = None) -> ClauseIndex:
    """Fit the vectorizers on every clause of `docs` and vectorize the clauses."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from pbdocs.crossref.concepts import ConceptMatcher, load_concepts
    from pbdocs.crossref.topics import load_topics

    entries: list[Entry] = []
    texts: list[str] = []
    for doc in docs:
        for c in doc.clauses:
            t = clause_text(c)
            if not chars(t):
                continue
            entries.append(Entry(doc.id, c.id, doc.institution, c.text, c.heading or ""))
            texts.append(t)
    words_vec = TfidfVectorizer(analyzer=words, sublinear_tf=SUBLINEAR_TF, max_df=MAX_DF,
                                dtype=np.float32)
    chars_vec = HashedTfidf()
    keys = [[k for k in (fold(x) for x in t.keywords) if k] for t in load_topics(topics_file)]
    index = ClauseIndex(entries, words_vec, chars_vec, None, topic_keys=keys)
    if CONCEPT_WEIGHT > 0 or SENTENCE_CONCEPT_WEIGHT > 0:
        index.concepts = ConceptMatcher.from_concepts(load_concepts(concepts_file))
    hits = None
    if index.concepts is not None and texts:
        # IDF as TfidfVectorizer's (smooth): a concept most clauses mention tells little.
        hits = [index.concepts.match(fold(x)) for x in texts]
        flags = index._flags(hits, len(index.concepts.names))
        df = np.bincount(flags.indices, minlength=flags.shape[1])
        index.concept_idf = (np.log((1 + len(texts)) / (1 + df)) + 1).astype(np.float32)
    if texts:
        index.clause_matrix = index._combine(words_vec.fit_transform(texts),
                                             chars_vec.fit_transform(texts), texts, hits)
    return index


def top_k(scores: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[int]:
    """Indices of the k highest scores (optionally among `allowed`), best first, no full sort."""
    s = scores if allowed is None else np.where(allowed, scores, -np.inf)
    k = min(k, int(np.isfinite(s).sum()))
    if k <= 0:
        return []
    part = np.argpartition(-s, k - 1)[:k]
    return [int(i) for i in part[np.argsort(-s[part], kind="stable")]]
