"""The whoosh engine (distribution `whoosh3`): pure Python, the default."""

from __future__ import annotations

from pathlib import Path

from pbdocs.search import analysis
from pbdocs.search.backend import (
    KEYWORD_FIELDS,
    SEARCH_FIELDS,
    ClauseRecord,
    GRAMS_FIELD,
    DamagedIndexError,
    Filters,
    Page,
    RawHit,
    SearchBackend,
)
from pbdocs.search.query import And, Or, Terms

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
    """Character bigrams of the normalised text (the matching field)."""

    def __eq__(self, other):
        return type(other) is type(self)

    def __hash__(self):
        return hash(type(self))

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for i, gram in enumerate(analysis.bigrams(value)):
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

    def write(self, add: list[ClauseRecord], delete_doc_ids: set[str]) -> None:
        writer = self._index().writer()
        try:
            for doc_id in sorted(delete_doc_ids):
                writer.delete_by_term("doc_id", doc_id)
            for r in add:
                kw = {k: ",".join(v) for k, v in r.keywords().items() if v}
                kw["clause_id"] = r.clause_id
                texts = r.texts()
                both = texts["body"] + JiebaTokenizer.SEPARATOR + texts["ctx"]
                writer.add_document(data=r.data(), title=texts["title"], all=both,
                                    **{GRAMS_FIELD: both}, **kw)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        self._searcher = None

    def _search(self):
        if self._searcher is None:
            try:
                self._searcher = self._index().searcher()
            except DamagedIndexError:
                raise
            except Exception as e:  # noqa: BLE001
                raise DamagedIndexError(str(e)) from e
        return self._searcher

    def _compile(self, node):
        from whoosh import query as wq

        if isinstance(node, Terms):  # also Phrase
            term = node.exact()
            if term is not None:
                return wq.Term("all", term)
            grams = [wq.Term(GRAMS_FIELD, g, boost=0.1) for g in node.grams()]
            if not grams:
                return wq.Or([wq.Term("all", w) for w in node.words])
            # The bigrams decide what matches; the run's words, where present, rank it.
            rank = wq.Or([wq.Term("all", w) for w in node.words])
            return wq.AndMaybe(grams[0] if len(grams) == 1 else wq.And(grams), rank)
        if isinstance(node, Or):
            return wq.Or([self._compile(n) for n in node.should])
        if isinstance(node, And):
            must = [self._compile(n) for n in node.must]
            q = (must[0] if len(must) == 1 else wq.And(must)) if must else wq.Every()
            if node.must_not:
                q = wq.AndNot(q, wq.Or([self._compile(n) for n in node.must_not]))
            return q
        raise TypeError(type(node))

    def search(self, node, filters: Filters, limit: int, offset: int,
               facets: bool = False) -> Page:
        from whoosh import query as wq
        from whoosh import sorting

        if filters.impossible():
            return Page(0, [], {"institution": {}, "department": {}} if facets else None)
        s = self._search()
        fq = [wq.Or([wq.Term(f, v) for v in vals]) for f, vals in filters.items()]
        kwargs = {}
        if facets:
            kwargs["groupedby"] = {
                "institution": sorting.FieldFacet("inst", allow_overlap=True),
                "department": sorting.FieldFacet("depts", allow_overlap=True),
            }
            kwargs["maptype"] = sorting.Count
        try:
            # Keep whoosh's default optimize=True: with optimize=False its total undercounts
            # AndMaybe queries (316 of 838 hits, whoosh3 3.54 and whoosh-reloaded 2.7.5 alike;
            # found by the engines' hit counts in benchmarks/bench_search.txt).
            results = s.search(self._compile(node), filter=wq.And(fq) if fq else None,
                               limit=max(offset + limit, 1), **kwargs)
            total = len(results)
            hits = [RawHit(ClauseRecord.from_data(h["data"]), float(h.score or 0.0))
                    for h in results[offset:offset + limit]]
        except Exception as e:  # noqa: BLE001 - unreadable postings mean damage
            raise DamagedIndexError(str(e)) from e
        groups = None
        if facets:
            groups = {name: {k: v for k, v in results.groups(name).items() if k}
                      for name in ("institution", "department")}
        return Page(total, hits, groups)

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
        self._ix = None
