"""The whoosh engine (distribution `whoosh3`): pure Python, the default."""

from __future__ import annotations

import heapq
import marshal
from itertools import accumulate, compress
from pathlib import Path

from pbdocs import segment
from pbdocs.search import analysis
from pbdocs.search.backend import (
    DEFAULT_FACETS,
    FACET_FIELDS,
    GRAMS_FIELD,
    KEYWORD_FIELDS,
    SEARCH_FIELDS,
    ClauseRecord,
    DamagedIndexError,
    Filters,
    Page,
    RawHit,
    SearchBackend,
)
from pbdocs.search.query import And, Or, Terms, rank_words

try:
    from whoosh.analysis import Token, Tokenizer
except ImportError:  # pragma: no cover - whoosh is a required dependency
    Tokenizer = object  # type: ignore[assignment,misc]


class JiebaTokenizer(Tokenizer):
    """whoosh tokenizer over pbdocs.search.analysis (pickled into the index's schema)."""

    cached = False
    # The searched field "all" holds the clause, SEPARATOR, then its context (headings above,
    # departments), whose terms weigh SEARCH_FIELDS["ctx"]: one posting list per term is
    # several times faster in whoosh than a union over two fields.
    SEPARATOR = "\x1e"
    # value → (body tokens, context tokens) analysed by workers, while a writer adds them
    analysed: dict[str, tuple] = {}

    def __eq__(self, other):
        return type(other) is type(self)

    def __hash__(self):
        return hash(type(self))

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        body, _, ctx = value.partition(self.SEPARATOR)
        if self.cached:
            parts = [(analysis.tokens_cached(value), 1.0, 0, 0)]
        elif value in JiebaTokenizer.analysed:
            body_toks, ctx_toks = (
                [analysis.Token(*t) for t in found] for found in JiebaTokenizer.analysed[value])
            parts = [(body_toks, 1.0, 0, 0)]
            if ctx:
                parts.append((ctx_toks, SEARCH_FIELDS["ctx"], len(body) + 1,
                              (body_toks[-1].pos + 2) if body_toks else 0))
        else:
            body_toks = analysis.tokens(body)
            parts = [(body_toks, 1.0, 0, 0)]
            if ctx:  # positions and offsets of the context continue after the clause
                parts.append((analysis.tokens_cached(ctx), SEARCH_FIELDS["ctx"],
                              len(body) + 1, (body_toks[-1].pos + 2) if body_toks else 0))
        for toks, boost, char_shift, pos_shift in parts:
            for tok in toks:
                t.text = tok.text
                t.boost = boost
                t.stopped = False
                if keeporiginal:
                    t.original = tok.text
                if positions:
                    t.pos = start_pos + pos_shift + tok.pos
                if chars:
                    t.startchar = start_char + char_shift + tok.start
                    t.endchar = start_char + char_shift + tok.end
                yield t


class BigramTokenizer(Tokenizer):
    """Character bigrams of the normalised text (the matching field): of the clause and of its
    context apart (no bigram spans the separator), as every engine indexes them."""

    analysed: dict[str, list[str]] = {}  # value → bigrams, analysed by workers

    def __eq__(self, other):
        return type(other) is type(self)

    def __hash__(self):
        return hash(type(self))

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        grams = BigramTokenizer.analysed.get(value)
        if grams is None:
            grams = [g for part in value.split(JiebaTokenizer.SEPARATOR)
                     for g in analysis.bigrams(part)]
        for i, gram in enumerate(grams):
            t.text = gram
            t.boost = 1.0
            t.stopped = False
            if positions:
                t.pos = start_pos + i
            yield t


class CachedJiebaTokenizer(JiebaTokenizer):
    """JiebaTokenizer remembering recent texts, for fields repeated across clauses."""

    cached = True


def _schema():
    from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

    fields = {"all": TEXT(analyzer=JiebaTokenizer(), phrase=False),
              GRAMS_FIELD: TEXT(analyzer=BigramTokenizer(), phrase=False),
              "title": TEXT(analyzer=CachedJiebaTokenizer(), phrase=False)}
    for name in KEYWORD_FIELDS:
        fields[name] = KEYWORD(commas=True, scorable=False, lowercase=False)
    fields["clause_id"] = ID(unique=True)
    fields["data"] = STORED()
    return Schema(**fields)


class WhooshBackend(SearchBackend):
    """SearchBackend on whoosh."""

    name = "whoosh"

    def __init__(self, path: Path):
        super().__init__(path)
        self._ix = None
        self._searcher = None
        self._reset_caches()

    def _reset_caches(self) -> None:
        self._kw_cache: dict[tuple[str, str], set[int]] = {}
        self._values: dict[str, list[str]] = {}
        self._every: set[int] | None = None
        self._memo: dict = {}

    def create(self) -> None:
        from whoosh import index

        self.path.mkdir(parents=True, exist_ok=True)
        self._ix = index.create_in(str(self.path), _schema())

    def _index(self):
        if self._ix is None:
            from whoosh import index

            try:
                self._ix = index.open_dir(str(self.path))
            except Exception as e:  # noqa: BLE001 - any failure to read means damage
                raise DamagedIndexError(str(e)) from e
        return self._ix

    def write(self, add: list[ClauseRecord], delete_doc_ids: set[str],
              rows: list | None = None) -> None:
        """Delete the documents' clauses, add the records and commit; `rows` holds each
        record's analysis (analysis.analyse_record, marshalled) when workers made it. The pool of
        postings sorted in memory is 512 MB (whoosh's 128 MB default spilled to disk)."""
        writer = self._index().writer(codec=_codec(), limitmb=512)
        try:
            for doc_id in sorted(delete_doc_ids):
                writer.delete_by_term("doc_id", doc_id)
            for i, r in enumerate(add):
                kw = {k: ",".join(v) for k, v in r.keywords().items() if v}
                kw["clause_id"] = r.clause_id
                texts = r.texts()
                both = texts["body"] + JiebaTokenizer.SEPARATOR + texts["ctx"]
                if rows is not None:
                    analysed = marshal.loads(rows[i])
                    JiebaTokenizer.analysed = {both: (analysed[0], analysed[1])}
                    BigramTokenizer.analysed = {both: analysed[3]}
                writer.add_document(data=r.data(), title=texts["title"], all=both,
                                    **{GRAMS_FIELD: both}, **kw)
        except BaseException:
            writer.cancel()
            raise
        finally:
            JiebaTokenizer.analysed, BigramTokenizer.analysed = {}, {}
        writer.commit()
        self.close()
        self._ix = None

    def _search(self):
        if self._searcher is None:
            try:
                self._searcher = self._index().searcher()
            except DamagedIndexError:
                raise
            except Exception as e:  # noqa: BLE001
                raise DamagedIndexError(str(e)) from e
        return self._searcher

    # -- matching: sets of document numbers -------------------------------------------------
    # whoosh's own search steps its matchers one posting at a time in Python, scores every
    # match, and then counts the total in a second matcher pass: hundreds of ms for frequent
    # words. Here each term's postings are decoded a block at a time (each list once per
    # query) into sets: C-speed set algebra gives the exact total, filters and facets; the
    # hits are then scored with whoosh's BM25F term at a time and the top N kept.

    def _leaves(self):
        s = self._search()
        return s.subsearchers or [(s, 0)]

    def _ids(self, field: str, text: str) -> set[int]:
        """The live document numbers (index-wide) whose `field` holds the term `text`."""
        return set(self._id_list(field, text))

    def _id_list(self, field: str, text: str) -> list[int]:
        """_ids as a list (intersecting a set with a list needs no second set)."""
        out: list[int] = []
        for leaf, offset in self._leaves():
            reader = leaf.reader()
            if (field, text) not in reader:
                continue
            ids = self._posting_ids(reader, field, text)
            out.extend([i + offset for i in ids] if offset else ids)
        return out

    def _blocks(self, reader, field: str, text: str):
        """_blocks(), decoded once per query (a word may both match and rank)."""
        key = (id(reader), field, text)
        if key not in self._memo:
            self._memo[key] = _blocks(reader, field, text)
        return self._memo[key]

    def _posting_ids(self, reader, field: str, text: str) -> list[int]:
        """The live document numbers of one term's postings in one segment."""
        blocks = self._blocks(reader, field, text)
        if blocks is None:
            return list(reader.postings(field, text).all_ids())
        deleted = reader.deleted_docs_set if reader.has_deletions() else frozenset()
        out = [i for ids, _ in blocks for i in ids]
        return [i for i in out if i not in deleted] if deleted else out

    def _keyword_ids(self, field: str, value: str) -> set[int]:
        """_ids for a keyword value, remembered for the life of the searcher (filters and
        facets reuse the same few values; a generation never changes once published)."""
        key = (field, value)
        hit = self._kw_cache.get(key)
        if hit is None:
            hit = self._kw_cache[key] = self._ids(field, value)
        return hit

    def _all(self) -> set[int]:
        if self._every is None:
            self._every = {offset + n for leaf, offset in self._leaves()
                           for n in leaf.reader().all_doc_ids()}
        return self._every

    def _match(self, node) -> set[int]:
        """The documents a query tree matches (the same rules as the ranked query)."""
        if isinstance(node, Terms):  # also Phrase
            term = node.exact()
            if term is not None:
                return self._ids("all", term)
            grams = node.grams()
            if not grams:
                return set().union(*(self._ids("all", w) for w in node.words))
            # A two-character dictionary word of the run is indexed wherever it occurs, so its
            # postings are its bigram's; they are decoded once, for matching and ranking.
            two = {w for w in node.words if len(w) == 2 and segment.in_dictionary(w)}
            fields = {g: "all" if g in two else GRAMS_FIELD for g in grams}
            # Rarest first: the others are only tested against its hits.
            return _intersect(lambda g: self._id_list(fields[g], g), grams,
                              lambda g: self._df(fields[g], g))
        if isinstance(node, Or):
            return set().union(*(self._match(n) for n in node.should))
        if isinstance(node, And):
            if node.must:
                out = _intersect(self._match, node.must, _cost)
            else:
                out = set(self._all())
            for n in node.must_not:
                if not out:
                    break
                out -= self._match(n)
            return out
        raise TypeError(type(node))

    def _df(self, field: str, text: str) -> int:
        return sum(leaf.reader().doc_frequency(field, text) for leaf, _ in self._leaves())

    def _scores(self, words: list[str], docs: set[int]) -> dict[int, float]:
        """BM25F score of each hit holding a ranking word: whoosh's own weighting (its scorer
        gives idf, average length, B and K1; the formula is whoosh.scoring.bm25, evaluated in
        the same order), summed over the words like whoosh's Or, computed term at a time over
        the decoded postings instead of one matcher step per posting."""
        scores: dict[int, float] = {}
        get = scores.get
        s = self._search()
        for leaf, offset in self._leaves():
            reader = leaf.reader()
            coded = self._lengths(reader)
            for word in words:
                if ("all", word) not in reader:
                    continue
                sc = s.weighting.scorer(leaf, "all", word)
                idf, avgfl, B, K1 = sc.idf, sc.avgfl, sc.B, sc.K1
                k1p = K1 + 1
                # K1 * ((1 - B) + B * fl / avgfl) for each of the 256 coded field lengths
                norm = [K1 * ((1 - B) + B * fl / avgfl) for fl in _LENGTHS]
                blocks = self._blocks(reader, "all", word)
                if blocks is None:  # another codec: whoosh's own matcher
                    pairs = list(reader.postings("all", word).items_as("weight"))
                    blocks = [([d for d, _ in pairs], [w for _, w in pairs])]
                # Only the hits' postings are scored; the others are skipped in C (compress).
                inside = docs.__contains__
                for ids, weights in blocks:
                    gids = [d + offset for d in ids] if offset else ids
                    for d, g, w in compress(zip(ids, gids, weights, strict=True),
                                            map(inside, gids)):
                        scores[g] = get(g, 0.0) + idf * ((w * k1p) / (w + norm[coded[d]]))
        return scores

    def _lengths(self, reader) -> bytes:
        """The coded length (one byte) of each document's "all" field in a segment: whoosh's
        length column read once, rather than one file read per scored document."""
        key = ("_len", id(reader))
        if key not in self._kw_cache:
            n = reader.doc_count_all()
            try:
                from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

                col = reader._perdoc._cached_reader(_lenfield("all"), LENGTHS_COLUMN)
                raw = bytes(col._dbfile.get(col._basepos, col._count))
            except Exception:  # noqa: BLE001 - another codec: whoosh's per-document read
                from whoosh.util.numeric import length_to_byte

                raw = bytes(length_to_byte(reader.doc_field_length(d, "all", 1) or 0)
                            for d in range(n))
            self._kw_cache[key] = raw + bytes(max(0, n - len(raw)))  # type: ignore[assignment]
        return self._kw_cache[key]  # type: ignore[return-value]

    def _facets(self, docs: set[int], names=DEFAULT_FACETS) -> dict[str, dict[str, int]]:
        """Hit counts per value of each facet asked for (by default institution and department;
        a clause counts for each of its departments)."""
        out: dict[str, dict[str, int]] = {}
        for name in names:
            field = FACET_FIELDS[name]
            counts = {}
            for value in self._field_values(field):
                n = len(docs.intersection(self._keyword_ids(field, value))) if docs else 0
                if n and value:
                    counts[value] = n
            out[name] = counts
        return out

    def count_values(self, node, filters: Filters, field: str,
                     values: list[str]) -> dict[str, int]:
        name = next(k for k, f in FACET_FIELDS.items() if f == field)
        counts = self.search(node, filters, 0, 0, facets=(name,)).facets or {}
        wanted = set(values)
        return {k: v for k, v in counts.get(name, {}).items() if k in wanted}

    def _field_values(self, field: str) -> list[str]:
        if field not in self._values:
            self._values[field] = sorted({v for leaf, _ in self._leaves()
                                          for v in leaf.reader().field_terms(field)})
        return self._values[field]

    def search(self, node, filters: Filters, limit: int, offset: int,
               facets=False) -> Page:
        names = tuple(DEFAULT_FACETS if facets is True else facets or ())
        if filters.impossible():
            return Page(0, [], {k: {} for k in names} if names else None)
        s = self._search()
        self._memo = {}
        try:
            docs = self._match(node)
            for field, vals in filters.items():
                if not docs:
                    break
                docs = docs.intersection(
                    set().union(*(self._keyword_ids(field, v) for v in vals)))
            want = offset + limit
            top: list[tuple[int, float]] = []
            if docs and want:
                scores = self._scores(rank_words(node), docs)
                # Best first; equal scores in index order (as whoosh orders them).
                top = heapq.nsmallest(want, ((-v, d) for d, v in scores.items()))
                top = [(d, -v) for v, d in top]
                if len(top) < want and len(docs) > len(scores):
                    # hits holding none of the ranking words (bigram matches): index order
                    rest = heapq.nsmallest(want - len(top), (d for d in docs if d not in scores))
                    top += [(d, 0.0) for d in rest]
            hits = [RawHit(ClauseRecord.from_data(s.stored_fields(d)["data"]), score)
                    for d, score in top[offset:want]]
        except Exception as e:  # noqa: BLE001 - unreadable postings mean damage
            raise DamagedIndexError(str(e)) from e
        finally:
            self._memo = {}
        return Page(len(docs), hits, self._facets(docs, names) if names else None)

    def get(self, clause_id: str) -> ClauseRecord | None:
        try:
            stored = self._search().document(clause_id=clause_id)
        except DamagedIndexError:
            raise
        except Exception as e:  # noqa: BLE001
            raise DamagedIndexError(str(e)) from e
        return ClauseRecord.from_data(stored["data"]) if stored else None

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self._reset_caches()
        self._ix = None


def _codec():
    """whoosh's W3 codec with posting blocks of 1,024 rather than 128: searches decode whole
    posting lists (see _blocks), and each block costs a header read, a zlib call and an
    unpickling besides its postings; the blocks stay compressed."""
    from whoosh.codec.whoosh3 import W3Codec

    return W3Codec(blocklimit=1024)


def _byte_lengths() -> list[float]:
    from whoosh.util.numeric import byte_to_length

    return [byte_to_length(b) for b in range(256)]


_LENGTHS = _byte_lengths()


def _cost(node) -> int:
    """A rough order for intersecting: exact words first (one posting list each)."""
    return 0 if isinstance(node, Terms) and node.exact() is not None else 1


def _intersect(ids_of, items: list, cost) -> set[int]:
    """The intersection of ids_of(item) over items, cheapest first, stopping when empty."""
    out: set[int] | None = None
    for item in sorted(items, key=cost):
        ids = ids_of(item)
        out = set(ids) if out is None else out.intersection(ids)
        if not out:
            return set()
    return out if out is not None else set()


def _blocks(reader, field: str, text: str):
    """(ids, weights) of each posting block of a term in one segment, or None when the
    codec is not whoosh's W3 layout. whoosh decodes ids through a Python generator per
    posting; its block format (a pickled tuple: delta-coded ids, weights) decodes many times
    faster with itertools.accumulate."""
    m = reader.postings(field, text)
    if reader.has_deletions() and hasattr(m, "child"):  # the wrapper hiding deleted docs
        m = m.child
    if not all(hasattr(m, a) for a in ("_read_data", "_next_block", "_data", "_byteids")):
        return None
    out = []
    while m.is_active():
        if m._data is None:
            m._read_data()
        ids, weights = m._data[0], m._data[1]
        ids = ids if m._byteids else list(accumulate(ids))
        if weights is None or isinstance(weights, float):
            weights = [1.0 if weights is None else weights] * len(ids)
        out.append((ids, weights))
        m._next_block()
    return out
