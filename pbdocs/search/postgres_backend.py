"""The PostgreSQL engine: the index lives in a database that several machines share.

Each clause is a row of `pbdocs.clauses` holding the same jieba terms the other engines index,
as a `tsvector` (the clause's terms weighted A, its context's weighted B), its character bigrams
as a second `tsvector`, both under GIN indexes, and its record as JSON. A query tree compiles to
`@@` tests on the two columns combined with AND / OR / NOT, so a clause matches here exactly
when it matches in whoosh or tantivy; hits are ranked by `ts_rank` over the query's words, facets
are GROUP BY over the hits, and highlights are pbdocs' own (`pbdocs.search.highlight`).

A build runs in one transaction (the previous index answers until it commits), while holding
an advisory lock that makes a second writer wait. The table is not created when it exists, so
an administrator may make it a partitioned table whose partitions live on other servers
(postgres_fdw; see the README's "Beyond one machine").
"""

from __future__ import annotations

import json
import threading
from typing import Any

from pbdocs.errors import InputError
from pbdocs.pgstore import SCHEMA, connect, errors_as_sentences, where
from pbdocs.search import analysis
from pbdocs.search.backend import (
    DEFAULT_FACETS,
    FACET_FIELDS,
    ClauseRecord,
    Filters,
    Page,
    RawHit,
    SearchBackend,
)
from pbdocs.search.query import And, Or, Terms, rank_words

S = SCHEMA
# Weights of ts_rank for D, C, B, A: the clause (A) counts fully, its context (B) half, as
# SEARCH_FIELDS weighs body and ctx for the other engines.
RANK_WEIGHTS = "{0,0,0.5,1}"
MAX_POS = 16383  # tsvector positions stop here; positions only rank, they never match

TABLES_DDL = f"""
CREATE SCHEMA IF NOT EXISTS {S};
CREATE TABLE IF NOT EXISTS {S}.meta (key text PRIMARY KEY, value jsonb NOT NULL);
CREATE TABLE IF NOT EXISTS {S}.docs (doc_id text PRIMARY KEY, meta jsonb NOT NULL);
"""
CLAUSES_DDL = f"""
CREATE TABLE {S}.clauses (
    clause_id text NOT NULL,
    doc_id text NOT NULL,
    ord bigint NOT NULL,
    inst text NOT NULL,
    year text,
    kind text,
    depts text[] NOT NULL,
    lead text[] NOT NULL,
    support text[] NOT NULL,
    terms tsvector NOT NULL,
    grams tsvector NOT NULL,
    data text NOT NULL
);
-- Ranking reads `terms` of every hit and facets its keywords: they stay in the row (terms
-- compressed) rather than in the TOAST table, which halves a search's time; the bigrams and
-- the record go out of line (read for few rows).
ALTER TABLE {S}.clauses ALTER COLUMN terms SET STORAGE MAIN,
    ALTER COLUMN clause_id SET STORAGE PLAIN, ALTER COLUMN doc_id SET STORAGE PLAIN,
    ALTER COLUMN inst SET STORAGE PLAIN, ALTER COLUMN year SET STORAGE PLAIN,
    ALTER COLUMN kind SET STORAGE PLAIN, ALTER COLUMN depts SET STORAGE PLAIN,
    ALTER COLUMN lead SET STORAGE PLAIN, ALTER COLUMN support SET STORAGE PLAIN;
CREATE INDEX clauses_terms ON {S}.clauses USING gin (terms);
CREATE INDEX clauses_grams ON {S}.clauses USING gin (grams);
CREATE INDEX clauses_doc ON {S}.clauses (doc_id);
CREATE INDEX clauses_id ON {S}.clauses (clause_id);
CREATE INDEX clauses_ord ON {S}.clauses (ord);
CREATE INDEX clauses_inst ON {S}.clauses (inst);  -- --inst, and partitions without it
"""
COLUMNS = "clause_id, doc_id, ord, inst, year, kind, depts, lead, support, terms, grams, data"
ARRAY_FIELDS = ("depts", "lead", "support")  # keyword fields holding several values
TABLE = "@TABLE@"  # in a compiled condition: the table it is run against


def missing_error(url: str) -> InputError:
    """The error for a database that holds no pbdocs index yet."""
    return InputError(f"数据库 {where(url)} 中还没有 pbdocs 检索索引，请先运行 "
                      "pbdocs index --engine postgres --db 数据库地址。")


def lexeme(word: str) -> str:
    """A tsvector / tsquery lexeme quoted for PostgreSQL's input syntax."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def terms_vector(body: list[analysis.Token], ctx: list[analysis.Token], shift: int) -> str:
    """The tsvector text of a clause's terms: body positions weight A, context positions B.
    Positions are character offsets (distinct per occurrence, so ts_rank counts each)."""
    pos: dict[str, list[str]] = {}
    for t in body:
        pos.setdefault(t.text, []).append(f"{min(t.start + 1, MAX_POS)}A")
    for t in ctx:
        pos.setdefault(t.text, []).append(f"{min(shift + t.start + 1, MAX_POS)}B")
    return " ".join(f"{lexeme(w)}:{','.join(ps[:256])}" for w, ps in pos.items())


def grams_vector(grams: list[str]) -> str:
    """The tsvector text of a clause's character bigrams (no positions: they only match)."""
    return " ".join(lexeme(g) for g in sorted(set(grams)))


def row(r: ClauseRecord, ord_: int) -> tuple:
    """The pbdocs.clauses row of one record (analysis included: the costly part)."""
    texts = r.texts()
    body = analysis.tokens(texts["body"])
    ctx = list(analysis.tokens_cached(texts["ctx"])) if texts["ctx"] else []
    grams = analysis.bigrams(texts["body"]) + analysis.bigrams(texts["ctx"])
    kw = r.keywords()
    return (r.clause_id, r.doc_id, ord_, kw["inst"][0], r.year, r.kind, kw["depts"],
            kw["lead"], kw["support"], terms_vector(body, ctx, len(texts["body"]) + 1),
            grams_vector(grams), r.data())


class PostgresBackend(SearchBackend):
    """SearchBackend on PostgreSQL (psycopg 3)."""

    name = "postgres"

    def __init__(self, url: str):
        super().__init__(".")
        self.url = url
        self._local = threading.local()  # one connection per thread (the web UI's threads)
        self._conns: list = []
        self._exists = False

    # -- connection -----------------------------------------------------------------------
    def _db(self):
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed or conn.broken:
            conn = self._local.conn = connect(self.url, autocommit=True)
            with errors_as_sentences(self.url):
                # The planner counts a row's `@@` test as cheap, but for a hit it reads the
                # row's terms: past a few thousand hits it would scan the whole table, 3x
                # slower than the GIN bitmap. And JIT compiling costs more than these
                # queries do.
                conn.execute("SET enable_seqscan = off")
                conn.execute("SET jit = off")
            self._conns.append(conn)
        return conn

    def close(self) -> None:
        for shard in self.__dict__.pop("_shards", {}).values():
            if shard is not self:
                shard.close()
        for conn in self._conns:
            conn.close()
        self._conns.clear()
        self._local = threading.local()

    def exists(self) -> bool:
        """Whether the database holds a pbdocs index (asked until it does)."""
        if not self._exists:
            with errors_as_sentences(self.url):
                self._exists = self._db().execute(
                    "SELECT to_regclass(%s) IS NOT NULL AND to_regclass(%s) IS NOT NULL",
                    (f"{S}.clauses", f"{S}.meta")).fetchone()[0]
        return self._exists

    def partitioned(self) -> bool:
        """Whether pbdocs.clauses is a partitioned table (partitions may be on other servers:
        see the README's "Beyond one machine")."""
        if not hasattr(self, "_partitioned"):
            with errors_as_sentences(self.url):
                found = self._db().execute(
                    "SELECT relkind FROM pg_class WHERE oid = to_regclass(%s)",
                    (f"{S}.clauses",)).fetchone()
            if found is None:
                return False
            self._partitioned = found[0] == "p"
        return self._partitioned

    def meta(self, part: str = "head") -> dict[str, Any] | None:
        """The index's metadata like read_meta's ("head", "vocab" or "full"), or None."""
        if not self.exists():
            return None
        keys = ["head"] + (["vocab"] if part in ("vocab", "full") else [])
        with errors_as_sentences(self.url):
            rows = dict(self._db().execute(f"SELECT key, value FROM {S}.meta WHERE key = ANY(%s)",
                                           (keys,)).fetchall())
            if "head" not in rows:
                return None
            out = dict(rows["head"])
            out.update(rows.get("vocab") or {})
            if part == "full":
                out["docs"] = dict(self._db().execute(f"SELECT doc_id, meta FROM {S}.docs"))
        return out

    # -- writing --------------------------------------------------------------------------
    def create(self) -> None:
        """Create the schema and tables when absent (an existing table is kept as it is: it
        may be partitioned across servers)."""
        with errors_as_sentences(self.url):
            conn = self._db()
            conn.execute(TABLES_DDL)
            have = [r[0] for r in conn.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(%s) "
                "AND attnum > 0 AND NOT attisdropped ORDER BY attnum", (f"{S}.clauses",))]
            if have and have != [c.strip() for c in COLUMNS.split(",")] \
                    and not self.partitioned():
                conn.execute(f"DROP TABLE {S}.clauses")  # an older layout: built afresh
                have = []
            if not have:
                conn.execute(CLAUSES_DDL)

    def write(self, add: list[ClauseRecord], delete_doc_ids: set[str],
              meta: dict[str, Any] | None = None, full: bool = False,
              rows: list[tuple] | None = None) -> None:
        """In one transaction: delete the clauses of the given documents (every clause when
        `full`), add the records, and replace the metadata; nothing is visible before commit."""
        self.create()
        conn = self._db()
        with errors_as_sentences(self.url), conn.transaction(), conn.cursor() as cur:
            cur.execute("SET LOCAL synchronous_commit = on")
            if full:
                cur.execute(f"DELETE FROM {S}.clauses")
                cur.execute(f"DELETE FROM {S}.docs")
            elif delete_doc_ids:
                ids = sorted(delete_doc_ids)
                cur.execute(f"DELETE FROM {S}.clauses WHERE doc_id = ANY(%s)", (ids,))
                cur.execute(f"DELETE FROM {S}.docs WHERE doc_id = ANY(%s)", (ids,))
            start = 0 if full else cur.execute(
                f"SELECT coalesce(max(ord) + 1, 0) FROM {S}.clauses").fetchone()[0]
            with cur.copy(f"COPY {S}.clauses ({COLUMNS}) FROM STDIN") as copy:
                if rows is not None:  # analysed by parallel workers
                    for i, rw in enumerate(rows):
                        copy.write_row((*rw[:2], start + i, *rw[3:]))
                else:
                    for i, r in enumerate(add):
                        copy.write_row(row(r, start + i))
            if meta is not None:
                self._write_meta(cur, meta, delete_doc_ids, full)
        if not self.partitioned():  # partitions on other servers keep their own statistics
            with errors_as_sentences(self.url):
                # fresh statistics, and a visibility map that lets counts skip the rows
                conn.execute(f"VACUUM (ANALYZE) {S}.clauses")

    @staticmethod
    def _write_meta(cur, meta: dict[str, Any], delete_doc_ids: set[str], full: bool) -> None:
        """Replace the metadata within the build's transaction: the documents re-parsed
        (deleted above with their clauses) and the head and vocabulary."""
        from pbdocs.search.indexdir import split_meta

        head, vocab, docs = split_meta(meta)
        changed = docs if full else {d: docs[d] for d in delete_doc_ids if d in docs}
        if changed:
            with cur.copy(f"COPY {S}.docs (doc_id, meta) FROM STDIN") as copy:
                for d, m in sorted(changed.items()):
                    copy.write_row((d, json.dumps(m, ensure_ascii=False)))
        for key, value in (("head", head), ("vocab", vocab)):
            cur.execute(f"INSERT INTO {S}.meta (key, value) VALUES (%s, %s) "
                        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                        (key, json.dumps(value, ensure_ascii=False)))

    # -- searching ------------------------------------------------------------------------
    def _compile(self, node, params: list) -> str:
        """SQL condition for a query tree (params appended in order)."""
        if isinstance(node, Terms):  # also Phrase
            term = node.exact()
            if term is not None:
                params.append(lexeme(term))
                return "terms @@ %s::tsquery"
            grams = node.grams()
            if not grams:
                params.append(" | ".join(lexeme(w) for w in node.words))
                return "terms @@ %s::tsquery"
            params.append(" & ".join(lexeme(g) for g in grams))
            return "grams @@ %s::tsquery"
        if isinstance(node, Or):
            return "(" + " OR ".join(self._compile(n, params) for n in node.should) + ")"
        if isinstance(node, And):
            parts = [self._compile(n, params) for n in node.must] or ["TRUE"]
            # NOT as an anti-join on the index: a row-by-row test would decompress the terms
            # of every candidate (the same row: ord is unique).
            parts += [f"NOT EXISTS (SELECT 1 FROM {TABLE} AS x WHERE x.ord = {TABLE}.ord AND "
                      f"{self._compile(n, params)})" for n in node.must_not]
            return "(" + " AND ".join(parts) + ")"
        raise TypeError(type(node))

    def _where(self, node, filters: Filters) -> tuple[str, list]:
        params: list = []
        cond = [self._compile(node, params)]
        for field, values in filters.items():
            if field in ARRAY_FIELDS:
                cond.append(f"{field} && %s::text[]")
            else:
                cond.append(f"{field} = ANY(%s)")
            params.append(list(values))
        return " AND ".join(cond), params

    def search(self, node, filters: Filters, limit: int, offset: int,
               facets=False) -> Page:
        """Hits, total and the facets asked for (True: institution and department; or a tuple
        of names from FACET_FIELDS), each counted by a GROUP BY over the hits."""
        names = tuple(DEFAULT_FACETS if facets is True else facets or ())
        if filters.impossible():
            return Page(0, [], {n: {} for n in names} if names else None)
        if not self.exists():
            raise missing_error(self.url)
        cond, params = self._where(node, filters)
        words = list(dict.fromkeys(rank_words(node)))
        rank = " | ".join(lexeme(w) for w in words)
        parts = self.partitions()
        if not parts:
            total, rows, groups = _search_table(self._db(), f"{S}.clauses", cond, params, rank,
                                                limit, offset, names, self.url)
        else:
            total, rows, groups = self._scatter(parts, cond, params, rank, limit, offset,
                                                names)
        hits = [RawHit(ClauseRecord.from_data(d), float(sc)) for d, sc, _ in rows]
        return Page(int(total), hits, groups)

    # -- partitions on other servers --------------------------------------------------------
    def partitions(self) -> list[tuple[str, str]]:
        """(URL, table) of each partition when pbdocs.clauses is partitioned, else []. A
        foreign partition (postgres_fdw) is asked on its own server, with this URL's user and
        password and the server's host, port and database."""
        if not self.partitioned():
            return []
        if getattr(self, "_parts", None) is None:
            from psycopg.conninfo import conninfo_to_dict, make_conninfo

            with errors_as_sentences(self.url):
                found = self._db().execute(
                    "SELECT n.nspname, c.relname, s.srvoptions, ft.ftoptions "
                    "FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "LEFT JOIN pg_foreign_table ft ON ft.ftrelid = c.oid "
                    "LEFT JOIN pg_foreign_server s ON s.oid = ft.ftserver "
                    "WHERE i.inhparent = to_regclass(%s) ORDER BY c.relname",
                    (f"{S}.clauses",)).fetchall()
            mine = conninfo_to_dict(self.url)
            parts = []
            for schema, table, srv, ft in found:
                if srv is None:  # a partition in this database
                    parts.append((self.url, f'"{schema}"."{table}"'))
                    continue
                opts = dict(o.split("=", 1) for o in srv)
                topts = dict(o.split("=", 1) for o in (ft or []))
                info = dict(mine)
                info.update({k: v for k, v in opts.items() if k in ("host", "port", "dbname")})
                remote = f'"{topts.get("schema_name", schema)}"."{topts.get("table_name", table)}"'
                parts.append((make_conninfo(**info), remote))
            self._parts = parts
        return self._parts

    def _scatter(self, parts, cond, params, rank, limit, offset, facets):
        """Ask every partition's server at once and merge: totals and facet counts add up,
        the best hits of each are merged by score (then index order, as on one server)."""
        from concurrent.futures import ThreadPoolExecutor

        def ask(part):
            url, table = part
            backend = self._shard(url)
            return _search_table(backend._db(), table, cond, params, rank, offset + limit, 0,
                                 facets, url)

        with ThreadPoolExecutor(max_workers=min(8, len(parts))) as pool:
            answers = list(pool.map(ask, parts))
        total = sum(t for t, _, _ in answers)
        rows = sorted((r for _, rs, _ in answers for r in rs), key=lambda r: (-r[1], r[2]))
        groups = None
        if facets:
            groups = {n: {} for n in facets}
            for _, _, g in answers:
                for kind, counts in g.items():
                    for value, n in counts.items():
                        groups[kind][value] = groups[kind].get(value, 0) + n
        return total, rows[offset:offset + limit], groups

    def _shard(self, url: str) -> PostgresBackend:
        shards = self.__dict__.setdefault("_shards", {})
        if url not in shards:
            shards[url] = PostgresBackend(url) if url != self.url else self
        return shards[url]

    def get(self, clause_id: str) -> ClauseRecord | None:
        if not self.exists():
            raise missing_error(self.url)
        with errors_as_sentences(self.url):
            found = self._db().execute(f"SELECT data FROM {S}.clauses WHERE clause_id = %s "
                                       "LIMIT 1", (clause_id,)).fetchone()
        return ClauseRecord.from_data(found[0]) if found else None


__all__ = ["PostgresBackend", "row", "missing_error"]


def _search_table(conn, table: str, cond: str, params: list, rank: str, limit: int,
                  offset: int, facets: tuple[str, ...], url: str):
    """One table's answer: (total, [(data, score, ord)] of the page, facet counts or None).
    The hits are ranked on their terms alone; only the page's records are read."""
    total = None
    groups = None
    rows: list = []
    cond = cond.replace(TABLE, table)
    with errors_as_sentences(url):
        if facets:
            groups = {n: {} for n in facets}
            parts = []
            for name in facets:
                field = FACET_FIELDS[name]
                if field in ARRAY_FIELDS:
                    parts.append(f"SELECT %s, v, count(*) FROM {table}, unnest({field}) AS v "
                                 f"WHERE {cond} GROUP BY v")
                else:
                    parts.append(f"SELECT %s, {field}, count(*) FROM {table} WHERE {cond} "
                                 f"GROUP BY {field}")
            args = [x for name in facets for x in (name, *params)]
            for facet, value, n in conn.execute(" UNION ALL ".join(parts), args):
                if value:
                    groups[facet][value] = n
            if "institution" in groups:  # every clause has one: the counts add up to the total
                total = sum(groups["institution"].values())
        if limit:
            # Ranked on the terms alone (no window or join below the sort, which would drag
            # every hit's terms along); then the page's records are read by ord.
            score = "ts_rank(%s, terms, %s::tsquery, 0)" if rank else "0::real"
            sparams = [RANK_WEIGHTS, rank] if rank else []
            found = conn.execute(
                f"SELECT c.data, t.score, t.ord FROM (SELECT ord, {score} AS score "
                f"FROM {table} WHERE {cond} ORDER BY score DESC, ord LIMIT %s OFFSET %s) AS t "
                f"JOIN {table} AS c ON c.ord = t.ord ORDER BY t.score DESC, t.ord",
                [*sparams, *params, limit, offset]).fetchall()
            rows = [(d, float(sc), o) for d, sc, o in found]
        if total is None:
            total = conn.execute(f"SELECT count(*) FROM {table} WHERE {cond}",
                                 params).fetchone()[0]
    return int(total), rows, groups
