"""The tantivy engine (the optional `tantivy` extra): Rust, fed the same jieba tokens as whoosh
through pre-tokenized text, so both engines index the same terms at the same positions."""

from __future__ import annotations

import contextlib
import marshal
from pathlib import Path

from pbdocs.errors import InputError
from pbdocs.search import analysis
from pbdocs.search.backend import (
    GRAMS_FIELD,
    KEYWORD_FIELDS,
    SEARCH_FIELDS,
    TEXT_FIELDS,
    ClauseRecord,
    DamagedIndexError,
    Filters,
    Page,
    RawHit,
    SearchBackend,
)
from pbdocs.search.query import And, Or, Terms

FACET_FIELDS = {"institution": "inst", "department": "depts"}  # fast fields: aggregated


def _tantivy():
    try:
        import tantivy
    except ImportError as e:
        raise InputError("tantivy 引擎未安装：请运行 pip install 'pbdocs[tantivy]'，"
                         "或改用默认的 whoosh 引擎（--engine whoosh）。") from e
    return tantivy


def _schema():
    tv = _tantivy()
    sb = tv.SchemaBuilder()
    for name in (*TEXT_FIELDS, GRAMS_FIELD):
        sb.add_text_field(name, stored=False, tokenizer_name="raw", index_option="freq")
    for name in KEYWORD_FIELDS:
        sb.add_text_field(name, stored=False, tokenizer_name="raw", fast=name in ("inst", "depts"),
                          index_option="basic")
    sb.add_bytes_field("data", stored=True)
    return sb.build()


def pretokenized(text: str, cached: bool = False):
    """A tantivy PreTokenizedString with pbdocs' analysis of text."""
    tv = _tantivy()
    found = analysis.tokens_cached(text) if cached else analysis.tokens(text)
    return tv.PreTokenizedString(text, [tv.Token(t.text, t.pos, t.start, t.end) for t in found])


class TantivyBackend(SearchBackend):
    """SearchBackend on tantivy-py."""

    name = "tantivy"

    def __init__(self, path: Path):
        super().__init__(path)
        self._tv = _tantivy()
        self._ix = None

    def create(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        self._ix = self._tv.Index(_schema(), path=str(self.path))

    def _index(self):
        if self._ix is None:
            try:
                self._ix = self._tv.Index.open(str(self.path))
            except Exception as e:  # noqa: BLE001 - any failure to read means damage
                raise DamagedIndexError(str(e)) from e
        return self._ix

    def write(self, add: list[ClauseRecord], delete_doc_ids: set[str],
              rows: list | None = None) -> None:
        """Delete the documents' clauses, add the records and commit; `rows` holds each
        record's analysis (analysis.analyse_record, marshalled) when workers made it."""
        ix = self._index()
        # One indexing thread (it runs beside Python, off the GIL): with several, documents
        # land in segments out of order, and browsing lists clauses in index order. The other
        # cores go to the analysis, done by the parse workers (`rows`).
        writer = ix.writer(heap_size=128_000_000, num_threads=1)
        tv = self._tv
        try:
            for doc_id in sorted(delete_doc_ids):
                writer.delete_documents_by_term("doc_id", doc_id)
            for i, r in enumerate(add):
                d = tv.Document()
                texts = r.texts()
                if rows is not None:
                    analysed = marshal.loads(rows[i])
                    found = dict(zip(TEXT_FIELDS, analysed[:3]))
                    for name, text in texts.items():
                        if text:
                            d.add_pre_tokenized_text(name, tv.PreTokenizedString(
                                text, [tv.Token(*t) for t in found[name]]))
                    grams = analysed[3]
                else:
                    for name, text in texts.items():
                        if text:
                            d.add_pre_tokenized_text(name, pretokenized(text, name != "body"))
                    grams = analysis.bigrams(texts["body"]) + analysis.bigrams(texts["ctx"])
                if grams:
                    d.add_pre_tokenized_text(GRAMS_FIELD, self._tv.PreTokenizedString(
                        "", [self._tv.Token(g, i, 0, 0) for i, g in enumerate(grams)]))
                for name, values in r.keywords().items():
                    for v in values:
                        d.add_text(name, v)
                d.add_bytes("data", r.data().encode("utf-8"))
                writer.add_document(d)
            writer.commit()
            writer.wait_merging_threads()
        except BaseException:
            with contextlib.suppress(Exception):  # the original error matters more
                writer.rollback()
            raise
        ix.reload()

    def _compile(self, node):
        tv = self._tv
        Q, occur = tv.Query, tv.Occur
        schema = self._index().schema
        if isinstance(node, Terms):  # also Phrase

            def words_in_fields(t: str):
                return Q.boolean_query([(occur.Should, Q.boost_query(
                    Q.term_query(schema, f, t, index_option="freq"), b))
                    for f, b in SEARCH_FIELDS.items()])

            term = node.exact()
            if term is not None:
                return words_in_fields(term)
            grams = [(occur.Must, Q.boost_query(Q.term_query(
                schema, GRAMS_FIELD, g, index_option="freq"), 0.1)) for g in node.grams()]
            # The bigrams decide what matches; the run's words, where present, rank it.
            rank = Q.boolean_query([(occur.Should, words_in_fields(w)) for w in node.words])
            if not grams:
                return rank
            return Q.boolean_query([*grams, (occur.Should, rank)])
        if isinstance(node, Or):
            return Q.boolean_query([(occur.Should, self._compile(n)) for n in node.should])
        if isinstance(node, And):
            parts = [(occur.Must, self._compile(n)) for n in node.must]
            if not parts:
                parts.append((occur.Must, Q.all_query()))
            parts += [(occur.MustNot, self._compile(n)) for n in node.must_not]
            return Q.boolean_query(parts)
        raise TypeError(type(node))

    def _query(self, node, filters: Filters):
        tv = self._tv
        Q, occur = tv.Query, tv.Occur
        schema = self._index().schema
        parts = [(occur.Must, self._compile(node))]
        for field, values in filters.items():
            any_of = Q.boolean_query([(occur.Should, Q.term_query(schema, field, v))
                                      for v in values])
            parts.append((occur.Must, Q.const_score_query(any_of, 0.0)))
        return parts[0][1] if len(parts) == 1 else Q.boolean_query(parts)

    def search(self, node, filters: Filters, limit: int, offset: int,
               facets=False) -> Page:
        # Facets other than the aggregated ones are counted by pbdocs.search (count_values).
        facets = bool(facets)
        if filters.impossible():
            return Page(0, [], {k: {} for k in FACET_FIELDS} if facets else None)
        try:
            searcher = self._index().searcher()
            q = self._query(node, filters)
            res = searcher.search(q, limit=max(limit, 1), offset=offset, count=True)
            hits = [RawHit(self._record(searcher, addr), float(score))
                    for score, addr in res.hits[:limit]]
            groups = None
            if facets:
                agg = searcher.aggregate(q, {k: {"terms": {"field": f, "size": 10000}}
                                             for k, f in FACET_FIELDS.items()})
                groups = {k: {b["key"]: b["doc_count"] for b in agg.get(k, {}).get("buckets", [])}
                          for k in FACET_FIELDS}
        except DamagedIndexError:
            raise
        except ValueError as e:
            raise DamagedIndexError(str(e)) from e
        return Page(int(res.count or 0), hits, groups)

    @staticmethod
    def _record(searcher, addr) -> ClauseRecord:
        data = searcher.doc(addr).get_first("data")
        return ClauseRecord.from_data(bytes(data).decode("utf-8"))

    def get(self, clause_id: str) -> ClauseRecord | None:
        tv = self._tv
        try:
            searcher = self._index().searcher()
            q = tv.Query.term_query(self._index().schema, "clause_id", clause_id)
            res = searcher.search(q, limit=1)
        except DamagedIndexError:
            raise
        except ValueError as e:
            raise DamagedIndexError(str(e)) from e
        return self._record(searcher, res.hits[0][1]) if res.hits else None

    def close(self) -> None:
        self._ix = None
