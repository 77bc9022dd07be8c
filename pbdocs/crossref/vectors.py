"""Sparse TF-IDF vectors of clauses: what `similar` ranks by, and the clause index it ranks in.

A clause is two views stacked, each unit length and weighted: its jieba words (the shared
tokenizer with the domain dictionary, stopwords out) and its character bigrams (robust to
segmentation and to damaged text), TF sublinear, IDF over the corpus' clauses. Both views are
hashed into fixed-width columns, so a fitted model is two IDF arrays, whatever the corpus.
Chosen on the `tune` split of tests/gold/pairs/pairs.tsv against the two plain baselines and the
variants listed in benchmarks/gold_crossref.txt (a sentence-level lift, a concept view and a
topic view measured no better there and were removed).

The index (`ClauseIndex`) holds the clause rows (CSR) and their transpose (postings per
feature). `rank` scores every clause (one sparse product) for small corpora; above
EXHAUSTIVE_MAX clauses it takes candidates from the postings of the query's heaviest features
(an inverted index, as text-reuse detectors take candidates from a search engine) and scores
only those exactly. Built on disk (`pbdocs.crossref.cache`), the arrays are memory-mapped: what a
query reads is its features' postings and its candidates' rows, never the whole matrix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from pbdocs.lang import lexicon
from pbdocs.lang.text import fold, responsibility_note
from pbdocs.model import Clause

STOPWORDS_FILE = "crossref_stopwords.txt"

# Share of the word view in the stacked vector (the rest is character bigrams).
WORD_WEIGHT = 0.5
CHAR_NGRAMS = (2, 2)
# Hash width of each view: 2**20 columns (collisions are rare at a policy corpus' vocabulary:
# about 60,000 words and 300,000 bigrams at 50,000 documents).
N_FEATURES = 2**20
# Above this many clauses `rank` scores candidates only: the clauses sharing one of the query's
# CANDIDATE_FEATURES heaviest features, the CANDIDATES best of them by the partial cosine.
EXHAUSTIVE_MAX = 20_000
CANDIDATE_FEATURES = 48
CANDIDATES = 400
BATCH = 2000

_PUNCT = re.compile(r"[\W_]+")
_PIECES = re.compile(r"[^。；;！？!?，,、：:（）()“”\"]+")


@lexicon.per_lexicon()
def stopwords() -> frozenset[str]:
    """Words that carry no requirement (lexicon file, one a line)."""
    return frozenset(lexicon.entries(STOPWORDS_FILE))


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


@lru_cache(maxsize=1)
def _hashers():
    from sklearn.feature_extraction.text import HashingVectorizer

    common = dict(n_features=N_FEATURES, alternate_sign=False, norm=None, dtype=np.float32)
    return (HashingVectorizer(analyzer=words, **common),
            HashingVectorizer(analyzer="char", preprocessor=chars, ngram_range=CHAR_NGRAMS,
                              **common))


def counts(texts: list[str]):
    """Raw counts of texts: one CSR row each, word columns then bigram columns."""
    from scipy import sparse

    w, c = (h.transform(texts) for h in _hashers())
    return sparse.hstack([w, c], format="csr", dtype=np.float32)


def cosines(a, b) -> np.ndarray:
    """Dense (rows of a) x (rows of b) dot products of two CSR matrices of unit rows, computed on
    the columns either uses (a product at the full hashed width would cost O(width))."""
    from scipy import sparse

    cols = np.union1d(a.indices, b.indices)
    if not len(cols):
        return np.zeros((a.shape[0], b.shape[0]), dtype=np.float32)

    def narrow(m):
        return sparse.csr_matrix((m.data, np.searchsorted(cols, m.indices), m.indptr),
                                 shape=(m.shape[0], len(cols)))

    return (narrow(a) @ narrow(b).T).toarray()


def word_feature(word: str) -> int:
    """The column of a word in the word view (as the hashing vectorizer places it)."""
    from sklearn.utils import murmurhash3_32

    return abs(murmurhash3_32(word, seed=0)) % N_FEATURES


def _row_sums(m, mask: np.ndarray) -> np.ndarray:
    """Per row, the sum of squares of the data where `mask` (per stored entry) holds."""
    sq = np.where(mask, m.data.astype(np.float64) ** 2, 0.0)
    csum = np.concatenate([[0.0], np.cumsum(sq)])
    return csum[m.indptr[1:]] - csum[m.indptr[:-1]]


@dataclass
class Model:
    """The fitted part of the vectors: IDF of every hashed feature (0 where unseen)."""

    idf: np.ndarray
    n: int = 0

    @classmethod
    def fit(cls, batches: Iterable) -> Model:
        """IDF (smooth, as scikit-learn's) from batches of raw counts."""
        df = np.zeros(2 * N_FEATURES, dtype=np.int64)
        n = 0
        for m in batches:
            df += np.bincount(m.indices, minlength=2 * N_FEATURES)
            n += m.shape[0]
        idf = (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)
        idf[df == 0] = 0  # a feature no clause has is dropped, as a fitted vocabulary would
        return cls(idf, n)

    def weigh(self, m):
        """Raw counts to unit rows, in place: sublinear TF times IDF, each view unit length and
        weighted (a row with one empty view is the other view alone)."""
        np.log(m.data, out=m.data)
        m.data += 1
        m.data *= self.idf[m.indices]
        is_w = m.indices < N_FEATURES
        nw, nc = np.sqrt(_row_sums(m, is_w)), np.sqrt(_row_sums(m, ~is_w))
        has_w, has_c = nw > 0, nc > 0
        total = np.sqrt(WORD_WEIGHT * has_w + (1 - WORD_WEIGHT) * has_c)
        has_w &= total > 0
        has_c &= total > 0
        fw = np.divide(np.sqrt(WORD_WEIGHT), nw * total, out=np.zeros_like(nw), where=has_w)
        fc = np.divide(np.sqrt(1 - WORD_WEIGHT), nc * total, out=np.zeros_like(nc),
                       where=has_c)
        rows = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
        m.data *= np.where(is_w, fw[rows], fc[rows]).astype(np.float32)
        return m

    def vectorize(self, texts: list[str]):
        """Unit rows of texts with the fitted IDF."""
        return self.weigh(counts(texts))


@dataclass
class Entry:
    """One clause of the index, with what a hit shows."""

    doc_id: str
    clause_id: str
    institution: str | None
    text: str
    heading: str = ""
    label: str = ""  # what the document is shown as (institution, else title)


@dataclass
class ClauseIndex:
    """The fitted model, one unit row per clause (CSR arrays) and the postings of every feature
    (the rows' transpose). Arrays may be memory-mapped files."""

    entries: list[Entry]
    model: Model
    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    post_ptr: np.ndarray | None = None
    post_rows: np.ndarray | None = None
    post_data: np.ndarray | None = None
    fingerprint: str = ""
    _by_id: dict[str, int] = field(default_factory=dict, repr=False)
    _codes: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    @property
    def clause_matrix(self):
        """All rows as one CSR matrix (reads every row: for small corpora)."""
        from scipy import sparse

        return sparse.csr_matrix((np.asarray(self.data), np.asarray(self.indices), self.indptr),
                                 shape=(len(self.entries), 2 * N_FEATURES))

    def rows(self, which: np.ndarray):
        """The rows of the given clauses as a small CSR matrix (reads only those rows)."""
        from scipy import sparse

        which = np.asarray(which, dtype=np.int64)
        starts, ends = self.indptr[which], self.indptr[which + 1]
        ptr = np.concatenate([[0], np.cumsum(ends - starts)])
        return sparse.csr_matrix((segments(self.data, starts, ends),
                                  segments(self.indices, starts, ends), ptr),
                                 shape=(len(which), 2 * N_FEATURES))

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

    def query(self, *, row: int | None = None, text: str | None = None):
        """The vector of a clause of the index (`row`) or of a text, as a 1-row CSR matrix."""
        if row is not None:
            return self.rows(np.array([row]))
        return self.model.vectorize([text or ""])

    def scores(self, q) -> np.ndarray:
        """Cosine of the query vector with every clause: one sparse product over all rows."""
        if not self.entries:
            return np.zeros(0, dtype=np.float32)
        return self.clause_matrix @ q.toarray().ravel()

    def rank(self, q, top: int, allowed: np.ndarray | None = None,
             exhaustive: bool | None = None) -> list[tuple[int, float]]:
        """The `top` best (row, cosine) for query vector q among `allowed` rows, best first,
        cosine > 0. Exhaustive for small corpora; else over candidates from the postings."""
        if exhaustive is None:
            exhaustive = len(self.entries) <= EXHAUSTIVE_MAX or self.post_ptr is None
        if exhaustive:
            s = self.scores(q)
            return [(i, float(s[i])) for i in top_k(s, top, allowed) if s[i] > 0]
        cand = self.candidates(q, max(CANDIDATES, 4 * top), allowed)
        if not len(cand):
            return []
        s = cosines(self.rows(cand), q).ravel()
        return [(int(cand[i]), float(s[i])) for i in top_k(s, top) if s[i] > 0]

    def candidates(self, q, k: int, allowed: np.ndarray | None = None) -> np.ndarray:
        """Rows sharing one of the query's heaviest features, the k best by the partial cosine
        over those features (reads only their postings)."""
        order = np.argsort(-q.data, kind="stable")[:CANDIDATE_FEATURES]
        feats, weights = q.indices[order], q.data[order]
        starts, ends = self.post_ptr[feats], self.post_ptr[feats + 1]
        if not (ends > starts).any():
            return np.zeros(0, dtype=np.int64)
        rows = segments(self.post_rows, starts, ends)
        vals = segments(self.post_data, starts, ends) * np.repeat(weights, ends - starts)
        acc = np.bincount(rows, weights=vals, minlength=len(self.entries))
        if allowed is not None:
            acc[~allowed] = 0
        return np.array([i for i in top_k(acc, k) if acc[i] > 0], dtype=np.int64)


def entry(doc, c: Clause) -> Entry:
    """The index entry of clause c of doc."""
    from pbdocs.crossref.similar import institution_label

    return Entry(doc.id, c.id, doc.institution, c.text, c.heading or "", institution_label(doc))


def segments(arr, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """arr[starts[0]:ends[0]], arr[starts[1]:ends[1]], … concatenated (arr in memory, or
    `OnDisk`, read slice by slice)."""
    if isinstance(arr, np.ndarray):
        lens = ends - starts
        ptr = np.concatenate([[0], np.cumsum(lens)])
        return arr[np.repeat(starts - ptr[:-1], lens) + np.arange(ptr[-1])]
    return arr.gather(starts, ends)


class OnDisk:
    """A 1-D .npy array left on disk and read by slices (never mapped: what a query reads goes
    to the system's file cache, not into the process)."""

    def __init__(self, path):
        import os

        from numpy.lib import format as npy

        with open(path, "rb") as fh:
            version = npy.read_magic(fh)
            read = npy.read_array_header_1_0 if version == (1, 0) else npy.read_array_header_2_0
            shape, _, self.dtype = read(fh)
            self.offset = fh.tell()
        self.shape = shape
        self.fd = os.open(path, os.O_RDONLY)

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, key: slice) -> np.ndarray:
        a, b, _ = key.indices(self.shape[0])
        return self.gather(np.array([a]), np.array([b]))

    def gather(self, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        import os

        size = self.dtype.itemsize
        parts = [os.pread(self.fd, int(b - a) * size, self.offset + int(a) * size)
                 for a, b in zip(starts, ends) if b > a]
        return np.frombuffer(b"".join(parts), dtype=self.dtype)

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        out = self[0:self.shape[0]]
        return out if dtype is None else out.astype(dtype)

    def __del__(self):
        import os

        try:
            os.close(self.fd)
        except (OSError, AttributeError):
            pass


def clause_entries(docs) -> tuple[list[Entry], list[str]]:
    """The index's clauses (those with any letters) and their texts as compared."""
    entries, texts = [], []
    for doc in docs:
        for c in doc.clauses:
            t = clause_text(c)
            if not chars(t):
                continue
            entries.append(entry(doc, c))
            texts.append(t)
    return entries, texts


def build_index(docs) -> ClauseIndex:
    """Fit and vectorize every clause of `docs` in memory (`cache` builds the same on disk)."""
    from scipy import sparse

    entries, texts = clause_entries(docs)
    raw = [counts(texts[i:i + BATCH]) for i in range(0, len(texts), BATCH)]
    model = Model.fit(raw)
    m = sparse.vstack([model.weigh(b) for b in raw], format="csr") if raw else \
        sparse.csr_matrix((0, 2 * N_FEATURES), dtype=np.float32)
    t = m.tocsc()
    return ClauseIndex(entries, model, m.indptr.astype(np.int64), m.indices, m.data,
                       t.indptr.astype(np.int64), t.indices, t.data)


def top_k(scores: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[int]:
    """Indices of the k highest scores (optionally among `allowed`), best first, no full sort."""
    s = scores if allowed is None else np.where(allowed, scores, -np.inf)
    k = min(k, int(np.isfinite(s).sum()))
    if k <= 0:
        return []
    part = np.argpartition(-s, k - 1)[:k]
    return [int(i) for i in part[np.argsort(-s[part], kind="stable")]]
