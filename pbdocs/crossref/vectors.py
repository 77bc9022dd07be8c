"""Sparse BM25 vectors of clauses: what `similar` ranks by, and the clause index it ranks in.

A clause is two views stacked: its jieba words (the shared tokenizer with the domain dictionary,
stopwords out) and its characters and character bigrams (robust to segmentation, to damaged text
and to a term written short or long: 支委会 and 支部委员会 share 支, 委, 会). A clause's row holds
the BM25 weight of each feature (IDF over the corpus' clauses, term frequency saturated by K1,
length normalized by B against the mean length of the view); a query's row holds log(1 + tf)
per feature, each view divided by the most it could score and weighted (WORD_WEIGHT for the
words), so the score, one dot product, is WORD_WEIGHT x the words' BM25 share + the rest x the
characters'. Both views are hashed into fixed-width columns, so a fitted model is a few arrays
per feature, whatever the corpus.

A clause's score is multiplied by its hub weight (`hub_weights`): a clause that resembles many
clauses of other documents a little (one listing many standards, a preamble of set phrases, a
clause of a crowded topic) has a wide spread of cosines with the corpus and is discounted by
(median spread / its spread) ** HUB_EXPONENT; a clause of ordinary spread keeps its score.
Chosen on every gold pair (tests/gold/pairs/pairs.tsv, pairs_test2.tsv,
tests/gold/alignments*.tsv) against the two plain baselines, among the variants listed in
benchmarks/gold_crossref.txt, as the one whose worst margin over the better baseline in any
gold file alone is highest (K1 and B are BM25's usual values); measured there beside round 2's
TF-IDF cosine, fusions of it with BM25, BM25 over words or characters alone and query-side
sentence weighting (earlier rounds: sentence- and passage-level ranking, local alignment as a
ranking signal, IDF powers, pivoted length, query expansion).

The index (`ClauseIndex`) holds the clause rows (CSR), their transpose (postings per feature)
and the hub weight of every clause. `rank` scores every clause (one sparse product) for small
corpora; above
EXHAUSTIVE_MAX clauses it takes candidates from the postings of the query's heaviest features
(an inverted index, as text-reuse detectors take candidates from a search engine) and scores
only those exactly. Built on disk (`pbdocs.crossref.cache`), the arrays are memory-mapped: what a
query reads is its features' postings and its candidates' rows, never the whole matrix.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from pbdocs.lang import lexicon
from pbdocs.lang.text import fold, responsibility_note
from pbdocs.model import Clause

STOPWORDS_FILE = "crossref_stopwords.txt"

# Share of the word view in a query's score (the rest is characters and character bigrams);
# round 4 chose 0 (5-fold CV over 382 tuning pairs picked it 94 times in 100, see
# benchmarks/gold_crossref_round4.txt): the word view still serves the excerpt's tie-break.
WORD_WEIGHT = 0.0
CHAR_NGRAMS = (1, 2)
# BM25's term-frequency saturation and length normalization (each view by its own length).
# Round 5 raised B from 0.5 to 0.75 (BM25's usual value): among the 32 variants it has the best
# worst margin over the two baselines in any gold file alone, and that rule, tried with one gold
# file held out at a time, picked it in 4 of 5 folds and raised the held-out file's worst margin
# on both fresh-written splits (test3 -0.037 -> -0.016, test4 -0.025 -> -0.005); a long clause
# no longer outranks a short one that states the query's requirement
# (benchmarks/gold_crossref_round5.txt).
K1 = 0.8
B = 0.75
# Share of the word view in the TF-IDF cosines the excerpt breaks ties by.
EXCERPT_WORD_WEIGHT = 0.3
# Hub discount: exponent of (median spread / a clause's spread), for clauses of above-median
# spread (0: none); the spread is taken over up to HUB_SAMPLE clauses spread evenly over the
# corpus (the clauses of the clause's own document left out).
HUB_EXPONENT = 0.5
HUB_SAMPLE = 500  # 2,000 cost 21 s more per 50,000 clauses to build, 500 about 5 s
# Hash width of each view: 2**20 columns (collisions are rare at a policy corpus' vocabulary:
# about 60,000 words and 300,000 bigrams at 50,000 documents).
N_FEATURES = 2**20
# Above this many clauses `rank` scores candidates only: the clauses sharing one of the query's
# CANDIDATE_FEATURES heaviest features, the CANDIDATES best of them by the partial score. The
# postings read stay under max(CANDIDATE_POSTINGS, 8 x clauses) entries: a feature whose
# postings would pass that (a character in most clauses, light in every query) is skipped.
EXHAUSTIVE_MAX = 20_000
CANDIDATE_FEATURES = 192
CANDIDATE_POSTINGS = 200_000
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
    """Dense (rows of a) x (rows of b) dot products of two CSR matrices (cosines when the rows
    are unit length; a clause's score when a holds BM25 rows and b a query), computed on the
    columns either uses (a product at the full hashed width would cost O(width))."""
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
    """The fitted part of the vectors: per hashed feature its IDF (smooth, as scikit-learn's, 0
    where unseen: the excerpt's and compare's weights) and its BM25 IDF, and each view's mean
    length (features counted with repeats) over the clauses."""

    idf: np.ndarray
    n: int = 0
    bm25_idf: np.ndarray | None = None
    mean_length: tuple[float, float] = (1.0, 1.0)  # words, characters and bigrams

    @classmethod
    def fit(cls, batches: Iterable) -> Model:
        """IDF and mean lengths from batches of raw counts."""
        df = np.zeros(2 * N_FEATURES, dtype=np.int64)
        n, total = 0, np.zeros(2)
        for m in batches:
            df += np.bincount(m.indices, minlength=2 * N_FEATURES)
            n += m.shape[0]
            total += view_lengths(m).sum(axis=0)
        return cls.from_df(df, n, tuple(total / max(n, 1)))

    @classmethod
    def from_df(cls, df: np.ndarray, n: int, mean_length) -> Model:
        idf = (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)
        idf[df == 0] = 0  # a feature no clause has is dropped, as a fitted vocabulary would
        bm = np.log1p((n - df + 0.5) / (df + 0.5)).astype(np.float32)
        bm[df == 0] = 0
        return cls(idf, n, bm, (float(mean_length[0]) or 1.0, float(mean_length[1]) or 1.0))

    def bm25(self, m):
        """Raw counts of clauses to their BM25 weights, in place: per feature BM25 IDF x
        tf (K1 + 1) / (tf + K1 (1 - B + B length / mean length)), the length that of the
        feature's view in the clause."""
        lengths = view_lengths(m)
        rows = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
        is_w = m.indices < N_FEATURES
        length = np.where(is_w, lengths[rows, 0] / self.mean_length[0],
                          lengths[rows, 1] / self.mean_length[1])
        tf = m.data.astype(np.float64)
        m.data[:] = self.bm25_idf[m.indices] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length))
        return m

    def query_vector(self, texts: list[str]):
        """The query rows of texts: each feature log(1 + tf), each view divided by its most
        possible BM25 score (so a view scores at most 1) and weighted (WORD_WEIGHT for words):
        a clause's score is the dot product with its BM25 row."""
        m = counts(texts)
        m.data = np.log1p(m.data)
        m.data *= self.bm25_idf[m.indices] > 0  # a feature no clause has cannot score
        is_w = m.indices < N_FEATURES
        w = m.data.astype(np.float64) * self.bm25_idf[m.indices] * (K1 + 1)
        top_w, top_c = _row_sums_of(m, w, is_w), _row_sums_of(m, w, ~is_w)
        fw = np.divide(WORD_WEIGHT, top_w, out=np.zeros_like(top_w), where=top_w > 0)
        fc = np.divide(1 - WORD_WEIGHT, top_c, out=np.zeros_like(top_c), where=top_c > 0)
        rows = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
        m.data *= np.where(is_w, fw[rows], fc[rows]).astype(np.float32)
        m.eliminate_zeros()
        return m

    def weigh(self, m):
        """Raw counts to unit TF-IDF rows, in place (the excerpt's sentence cosines): sublinear
        TF times IDF, each view unit length and weighted as the words and characters of a
        ranking's query (a row with one empty view is the other view alone)."""
        np.log(m.data, out=m.data)
        m.data += 1
        m.data *= self.idf[m.indices]
        is_w = m.indices < N_FEATURES
        nw, nc = np.sqrt(_row_sums(m, is_w)), np.sqrt(_row_sums(m, ~is_w))
        has_w, has_c = nw > 0, nc > 0
        total = np.sqrt(EXCERPT_WORD_WEIGHT * has_w + (1 - EXCERPT_WORD_WEIGHT) * has_c)
        has_w &= total > 0
        has_c &= total > 0
        fw = np.divide(np.sqrt(EXCERPT_WORD_WEIGHT), nw * total, out=np.zeros_like(nw),
                       where=has_w)
        fc = np.divide(np.sqrt(1 - EXCERPT_WORD_WEIGHT), nc * total, out=np.zeros_like(nc),
                       where=has_c)
        rows = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
        m.data *= np.where(is_w, fw[rows], fc[rows]).astype(np.float32)
        return m

    def vectorize(self, texts: list[str]):
        """Unit TF-IDF rows of texts with the fitted IDF (the excerpt's cosines)."""
        return self.weigh(counts(texts))


def view_lengths(m) -> np.ndarray:
    """Per row of raw counts, the length of its word view and of its character view."""
    is_w = m.indices < N_FEATURES
    data = m.data.astype(np.float64)
    return np.stack([_row_sums_of(m, data, is_w), _row_sums_of(m, data, ~is_w)], axis=1)


def _row_sums_of(m, values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Per row, the sum of `values` (one per stored entry) where `mask` holds."""
    csum = np.concatenate([[0.0], np.cumsum(np.where(mask, values, 0.0))])
    return csum[m.indptr[1:]] - csum[m.indptr[:-1]]


def unit_rows(m):
    """A copy of a CSR matrix with every nonzero row scaled to unit length."""
    m = m.copy()
    m.data = m.data.astype(np.float32)
    norms = np.sqrt(_row_sums(m, np.ones(len(m.data), dtype=bool)))
    rows = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
    m.data /= np.where(norms > 0, norms, 1)[rows].astype(np.float32)
    return m


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
    hub: np.ndarray | None = None  # per clause: the factor its score is multiplied by
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
        return csr_rows(self.indptr, self.indices, self.data, which)

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
        """The query vector of a clause of the index (`row`: its text as compared) or of a
        text, as a 1-row CSR matrix."""
        if row is not None:
            e = self.entries[row]
            text = compared_text(e.text, e.heading)
        return self.model.query_vector([text or ""])

    def scores(self, q) -> np.ndarray:
        """Score of every clause for the query vector (BM25 times hub weight): one sparse
        product over all rows."""
        if not self.entries:
            return np.zeros(0, dtype=np.float32)
        s = self.clause_matrix @ q.toarray().ravel()
        return s * self.hub if self.hub is not None else s

    def rank(self, q, top: int, allowed: np.ndarray | None = None,
             exhaustive: bool | None = None) -> list[tuple[int, float]]:
        """The `top` best (row, score) for query vector q among `allowed` rows, best first,
        score > 0. Exhaustive for small corpora; else over candidates from the postings."""
        if exhaustive is None:
            exhaustive = len(self.entries) <= EXHAUSTIVE_MAX or self.post_ptr is None
        if exhaustive:
            s = self.scores(q)
            return [(i, float(s[i])) for i in top_k(s, top, allowed) if s[i] > 0]
        cand = self.candidates(q, max(CANDIDATES, 4 * top), allowed)
        if not len(cand):
            return []
        s = cosines(self.rows(cand), q).ravel()
        if self.hub is not None:
            s = s * self.hub[cand]
        return [(int(cand[i]), float(s[i])) for i in top_k(s, top) if s[i] > 0]

    def candidates(self, q, k: int, allowed: np.ndarray | None = None) -> np.ndarray:
        """Rows sharing one of the query's heaviest features, the k best by the partial score
        over those features (reads only their postings)."""
        # heaviest: what a feature can add to a score (the query's weight times its IDF)
        heft = q.data * self.model.bm25_idf[q.indices]
        order = np.argsort(-heft, kind="stable")[:CANDIDATE_FEATURES]
        feats, weights = q.indices[order], q.data[order]
        starts, ends = self.post_ptr[feats], self.post_ptr[feats + 1]
        budget = max(CANDIDATE_POSTINGS, 8 * len(self.entries))
        taken, read = np.zeros(len(feats), dtype=bool), 0
        for i, size in enumerate(ends - starts):  # heaviest first, within the budget
            if read + size <= budget:
                taken[i], read = True, read + size
        feats, weights, starts, ends = feats[taken], weights[taken], starts[taken], ends[taken]
        if not (ends > starts).any():
            return np.zeros(0, dtype=np.int64)
        rows = segments(self.post_rows, starts, ends)
        vals = segments(self.post_data, starts, ends) * np.repeat(weights, ends - starts)
        acc = np.bincount(rows, weights=vals, minlength=len(self.entries))
        if self.hub is not None:
            acc *= self.hub
        if allowed is not None:
            acc[~allowed] = 0
        return np.array([i for i in top_k(acc, k) if acc[i] > 0], dtype=np.int64)


def entry(doc, c: Clause) -> Entry:
    """The index entry of clause c of doc."""
    from pbdocs.crossref.similar import institution_label

    return Entry(doc.id, c.id, doc.institution, c.text, c.heading or "", institution_label(doc))


def csr_rows(indptr: np.ndarray, indices, data, which: np.ndarray):
    """Rows `which` of a CSR matrix given by its arrays (in memory or `OnDisk`)."""
    from scipy import sparse

    which = np.asarray(which, dtype=np.int64)
    starts, ends = indptr[which], indptr[which + 1]
    ptr = np.concatenate([[0], np.cumsum(ends - starts)])
    return sparse.csr_matrix((segments(data, starts, ends), segments(indices, starts, ends), ptr),
                             shape=(len(which), 2 * N_FEATURES))


def hub_weights(indptr: np.ndarray, indices, data, doc_codes: np.ndarray) -> np.ndarray:
    """The hub weight of every clause (rows as CSR arrays, in memory or `OnDisk`; doc_codes:
    which document each row is of): 1, or (median spread / spread) ** HUB_EXPONENT for a
    clause whose spread is above the median. A clause's spread is the standard deviation of the
    cosines of its row (made unit length) with up to HUB_SAMPLE clauses spread evenly over the
    corpus, those of its own document left out. Read batch by batch: memory for one batch times
    the sample."""
    n = len(doc_codes)
    weight = np.ones(n, dtype=np.float32)
    if n < 3 or not HUB_EXPONENT:
        return weight
    doc_codes = np.asarray(doc_codes)
    sample = np.unique(np.linspace(0, n - 1, min(n, HUB_SAMPLE)).round().astype(np.int64))
    pool = unit_rows(csr_rows(indptr, indices, data, sample))
    spread = np.zeros(n)
    for a in range(0, n, BATCH):
        b = min(n, a + BATCH)
        rows = unit_rows(csr_rows(indptr, indices, data, np.arange(a, b)))
        sims = cosines(rows, pool).astype(np.float64)
        other = doc_codes[a:b, None] != doc_codes[sample][None, :]
        k = np.maximum(other.sum(axis=1), 1)
        mean = (sims * other).sum(axis=1) / k
        spread[a:b] = np.sqrt((((sims - mean[:, None]) ** 2) * other).sum(axis=1) / k)
    median = float(np.median(spread))
    wide = spread > median
    if median > 0:
        weight[wide] = (median / spread[wide]) ** HUB_EXPONENT
    return weight


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
        size = self.dtype.itemsize
        parts = [os.pread(self.fd, int(b - a) * size, self.offset + int(a) * size)
                 for a, b in zip(starts, ends) if b > a]
        return np.frombuffer(b"".join(parts), dtype=self.dtype)

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        out = self[0:self.shape[0]]
        return out if dtype is None else out.astype(dtype)

    def __del__(self):
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
    m = sparse.vstack([model.bm25(b) for b in raw], format="csr") if raw else \
        sparse.csr_matrix((0, 2 * N_FEATURES), dtype=np.float32)
    t = m.tocsc()
    indptr = m.indptr.astype(np.int64)
    codes = np.unique(np.array([e.doc_id for e in entries], dtype=object),
                      return_inverse=True)[1] if entries else np.zeros(0, dtype=np.int64)
    return ClauseIndex(entries, model, indptr, m.indices, m.data,
                       t.indptr.astype(np.int64), t.indices, t.data,
                       hub_weights(indptr, m.indices, m.data, codes))


def top_k(scores: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[int]:
    """Indices of the k highest scores (optionally among `allowed`), best first, no full sort."""
    s = scores if allowed is None else np.where(allowed, scores, -np.inf)
    k = min(k, int(np.isfinite(s).sum()))
    if k <= 0:
        return []
    part = np.argpartition(-s, k - 1)[:k]
    return [int(i) for i in part[np.argsort(-s[part], kind="stable")]]
