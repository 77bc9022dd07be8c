"""Keyword search over clauses: the library API behind `pbdocs index`, `search` and `show`.

    build_index(corpus_dir, index_dir, rebuild=False, engine="whoosh", jobs=None, dask=None,
                db=None) -> dict
    search(index_dir, query, inst=..., dept=..., year=..., kind=..., limit=10, ..., db=None)
    get_clause(index_dir, clause_id, db=None) -> ClauseRecord

Engines are backends behind `pbdocs.search.backend.SearchBackend`: whoosh and tantivy keep the
index in generation folders under `<index>/search/`; postgres keeps it in the database `db`
names (the index folder then only records which engine and database were used). Imports stay
lazy so that a search never loads spaCy or the engine it does not use.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pbdocs.errors import InputError, PbdocsError, os_reason
from pbdocs.search.backend import (
    DEFAULT_FACETS,
    FACET_FIELDS,
    NO_INSTITUTION,
    ClauseRecord,
    DamagedIndexError,
    Filters,
    SearchBackend,
    records,
)
from pbdocs.search.highlight import Highlight, Highlighter
from pbdocs.search.indexdir import (
    ENGINES,
    FILE_ENGINES,
    META_FORMAT,
    IndexDir,
    damaged_error,
    intact,
    read_meta,
    write_manifest,
    write_meta,
)
from pbdocs.search.query import And, parse_query, positive_terms

__all__ = ["build_index", "build_from_documents", "search", "get_clause", "SearchResult", "Hit",
           "ClauseRecord", "get_backend", "ENGINES", "resolve_engine", "database_url"]

Progress = Callable[[int, int, str], None]


def get_backend(engine: str, path: Path, db: str | None = None) -> SearchBackend:
    """The backend object of an engine for an index folder, or for the database URL `db`
    (postgres); raises InputError."""
    if engine == "whoosh":
        from pbdocs.search.whoosh_backend import WhooshBackend

        return WhooshBackend(path)
    if engine == "tantivy":
        from pbdocs.search.tantivy_backend import TantivyBackend

        return TantivyBackend(path)
    if engine == "postgres":
        from pbdocs.search.postgres_backend import PostgresBackend

        return PostgresBackend(database_url(path, db))
    raise InputError(f"不支持的检索引擎“{engine}”，可选：{'、'.join(ENGINES)}。")


def resolve_engine(index_dir: str | Path, engine: str | None = None,
                   db: str | None = None) -> str:
    """The engine a command uses: the one named, postgres when a database is named, else the
    one recorded in the index folder (see IndexDir.default_engine)."""
    if engine:
        return engine
    if db:
        return "postgres"
    return IndexDir(index_dir).default_engine()


def database_url(index_dir: str | Path | None, db: str | None = None) -> str:
    """The PostgreSQL URL: --db, else $PBDOCS_DATABASE_URL, else the one recorded in the index
    folder by the last postgres build (without its password)."""
    import os

    from pbdocs.pgstore import ENV_URL, resolve_url

    if db or os.environ.get(ENV_URL) or index_dir is None:
        return resolve_url(db)
    return resolve_url(IndexDir(index_dir).postgres_url())


# -- building --------------------------------------------------------------------------------

def _parser_fingerprint(lexicon_dirs: tuple[str, ...] = ()) -> str:
    from pbdocs.store import parser_fingerprint

    return parser_fingerprint(lexicon_dirs)


def doc_meta(doc, sha: str, path: str, recs: list[ClauseRecord]) -> dict[str, Any]:
    """What the index keeps about one document (its hash tells an update from no change)."""
    year = doc.date[:4] if doc.date else None
    depts: dict[str, set[str]] = {}
    for r in recs:
        for d in r.lead + r.support:
            if d.get("canonical"):
                depts.setdefault(d["canonical"], set()).add(d.get("name") or d["canonical"])
    return {"sha256": sha, "path": path, "clauses": len(recs), "title": doc.title,
            "institution": doc.institution, "year": year, "kind": doc.kind,
            "departments": {k: sorted(v) for k, v in sorted(depts.items())}}


def _new_meta(engine: str, parser: str | None, docs: dict[str, Any]) -> dict[str, Any]:
    """A generation's metadata: its documents and the vocabularies filters resolve against."""
    depts: dict[str, set[str]] = {}
    for d in docs.values():
        for canon, names in d.get("departments", {}).items():
            depts.setdefault(canon, set()).update(names)
    return {"format": META_FORMAT, "engine": engine, "parser": parser,
            "docs": dict(sorted(docs.items())),
            "clauses": sum(d["clauses"] for d in docs.values()),
            "departments": {k: sorted(v) for k, v in sorted(depts.items())}}


def _write_generation(idx: IndexDir, engine: str, base: Path | None,
                      add: list[ClauseRecord], delete: set[str], meta: dict[str, Any],
                      rows: list | None = None) -> None:
    """Build the next generation in a work folder (copying base when given), then publish it."""
    import shutil

    work = idx.new_workdir()
    try:
        if base is not None:
            shutil.copytree(base, work, dirs_exist_ok=True)
            backend = get_backend(engine, work)
        else:
            backend = get_backend(engine, work)
            backend.create()
        if rows is not None:  # analysed by parallel workers
            backend.write(add, delete, rows=rows)
        else:
            backend.write(add, delete)
        backend.close()
        write_meta(work, meta)
        write_manifest(work)
        idx.publish(work, engine)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


class _FolderTarget:
    """Where a whoosh or tantivy index is written: generation folders under `<index>/search/`."""

    analyse = "tokens"  # workers analyse the records: jieba runs in parallel, not here

    def __init__(self, engine: str, index_dir: str | Path):
        get_backend(engine, Path(index_dir))  # unknown engine or missing extra: fail before work
        self.engine = engine
        self.index_dir = index_dir
        self.idx = IndexDir(index_dir)
        self.cur: Path | None = None

    def lock(self):
        return self.idx.lock()

    def old_meta(self) -> dict[str, Any] | None:
        try:
            self.cur = self.idx.current(self.engine)
        except InputError:
            self.cur = None  # a damaged pointer: build afresh
        if self.cur is None or not self.cur.is_dir():
            return None
        return read_meta(self.cur, "full")

    def damaged(self, old: dict[str, Any] | None) -> bool:
        """Whether the live generation was changed or cut since it was published (it is then
        not built on)."""
        return self.cur is not None and self.cur.is_dir() and (old is None or not intact(self.cur))

    def doc_store(self, lexdirs: tuple[str, ...]):
        from pbdocs.store import DocStore

        return DocStore(self.index_dir, lexdirs)

    def write(self, incremental: bool, add: list[ClauseRecord], delete: set[str],
              meta: dict[str, Any], rows: list | None) -> None:
        _write_generation(self.idx, self.engine, self.cur if incremental else None, add,
                          delete, meta, rows)


class _DatabaseTarget:
    """Where a postgres index is written: the database, in one transaction, under the
    database's writer lock; the index folder records the engine and the URL (no password)."""

    analyse = "postgres"  # workers analyse the rows: jieba runs in parallel, not here

    def __init__(self, index_dir: str | Path, db: str | None):
        self.index_dir = index_dir
        self.url = database_url(index_dir, db)
        self.backend = get_backend("postgres", Path(index_dir), db=self.url)

    def lock(self):
        from pbdocs.pgstore import writer_lock

        return writer_lock(self.url)

    def old_meta(self) -> dict[str, Any] | None:
        meta = self.backend.meta("full")
        return meta if meta is not None and meta.get("format") == META_FORMAT else None

    def damaged(self, old: dict[str, Any] | None) -> bool:
        return False  # a transaction is whole or not at all

    def doc_store(self, lexdirs: tuple[str, ...]):
        from pbdocs.pgstore import PgDocStore

        return PgDocStore(self.url, lexdirs)

    def write(self, incremental: bool, add: list[ClauseRecord], delete: set[str],
              meta: dict[str, Any], rows: list | None) -> None:
        backend = get_backend("postgres", Path(self.index_dir), db=self.url)
        try:
            backend.write(add, delete, meta=meta, full=not incremental, rows=rows)
        finally:
            backend.close()
        self.record()

    def record(self) -> None:
        """Remember in the index folder that its index is this database (best effort)."""
        try:
            IndexDir(self.index_dir).record_postgres(self.url)
        except OSError:
            pass


def _target(engine: str, index_dir: str | Path, db: str | None):
    if engine == "postgres":
        return _DatabaseTarget(index_dir, db)
    if engine not in FILE_ENGINES:
        raise InputError(f"不支持的检索引擎“{engine}”，可选：{'、'.join(ENGINES)}。")
    return _FolderTarget(engine, index_dir)


def build_index(corpus_dir: str | Path, index_dir: str | Path, rebuild: bool = False,
                engine: str = "whoosh", progress: Progress | None = None,
                jobs: int | None = None, dask: str | None = None,
                db: str | None = None) -> dict[str, Any]:
    """Parse the corpus (cached by file hash; in `jobs` processes, default one per core, or on
    the Dask cluster at `dask`) and bring the search index up to date. Each file is read once.

    Returns {"documents", "clauses", "added", "updated", "removed", "seconds", "failures"},
    and "repaired": true when the index was found damaged and built afresh.
    """
    from pbdocs.corpus import Corpus

    t0 = time.perf_counter()
    if jobs is not None and jobs < 1:
        raise InputError("并行进程数（--jobs）必须是正整数。")
    target = _target(engine, index_dir, db)
    corpus = Corpus(corpus_dir, index_dir)
    files = corpus.files()
    run = (corpus, dict(files), engine, target, progress, jobs, dask, t0)
    try:
        try:
            return _build(*run, rebuild)
        except DamagedIndexError:  # damage the manifest could not show: start afresh
            out = _build(*run, True)
            out["repaired"] = True
            return out
    except OSError as e:  # the index folder, not a corpus file (those fail one by one)
        raise PbdocsError(f"无法写入索引目录“{index_dir}”（{os_reason(e)}），"
                          "原有索引保持不变。") from e


def _build(corpus, files: dict[str, Path], engine: str, target, progress: Progress | None,
           jobs: int | None, dask: str | None, t0: float, rebuild: bool) -> dict[str, Any]:
    from pbdocs.model import Document
    from pbdocs.parallel import Parsed, ParseJob, default_jobs, outcome, parse_all
    from pbdocs.read import read_bytes

    lexdirs = corpus.lexicon_dirs()  # a corpus's own lexicon changes what parsing yields
    parser = _parser_fingerprint(lexdirs)
    with target.lock():
        old = target.old_meta()
        old_docs: dict[str, Any] = old.get("docs", {}) if old else {}
        incremental = (not rebuild and old is not None and old.get("engine") == engine
                       and old.get("parser") == parser)
        # a damaged generation (a file changed or cut since it was published) is not built on
        repaired = not rebuild and target.damaged(old)
        if repaired:
            incremental = False
        store = target.doc_store(lexdirs)
        failures: list[dict[str, str]] = []
        new_docs = {d: m for d, m in old_docs.items() if d in files} if incremental else {}
        unreadable: set[str] = set()

        def items() -> Iterable[ParseJob | Parsed]:
            """Each file read once: unchanged ones pass, stored ones come from the store."""
            for doc_id, p in files.items():
                try:
                    data = read_bytes(p)
                except InputError as e:
                    failures.append({"path": str(p), "message": str(e)})
                    unreadable.add(doc_id)
                    new_docs.pop(doc_id, None)
                    continue
                sha = hashlib.sha256(data).hexdigest()
                if incremental and old_docs.get(doc_id, {}).get("sha256") == sha:
                    yield Parsed(doc_id, str(p), sha)  # unchanged: nothing to do
                    continue
                cached = store.get_json(doc_id, sha)
                if cached is not None:
                    doc = Document.from_dict(json.loads(cached))
                    yield outcome(doc, sha, str(p), target.analyse, doc_json=cached)
                else:
                    yield ParseJob(doc_id, str(p), data, sha)

        recs_by_doc: dict[str, list[ClauseRecord]] = {}
        rows: list | None = [] if target.analyse else None
        fresh: list[tuple[str, str, str]] = []
        n_jobs = jobs or default_jobs()
        for r in parse_all(items(), len(files), n_jobs, dask,
                           lexicon_dirs=lexdirs if dask else None, analyse=target.analyse,
                           progress=progress):
            if r.meta is None and r.error is None:
                continue  # unchanged
            if r.error is not None:
                failures.append({"path": r.path, "message": r.error})
                new_docs.pop(r.doc_id, None)
                continue
            if not r.stored:
                fresh.append((r.doc_id, r.sha256, r.doc_json))
                if len(fresh) >= 200:
                    _store(store, fresh)
            recs_by_doc[r.doc_id] = r.records
            if rows is not None:
                rows.extend(r.rows or [])
            new_docs[r.doc_id] = r.meta
        _store(store, fresh)
        added = [d for d in recs_by_doc if d not in old_docs]
        updated = [d for d in recs_by_doc
                   if d in old_docs and old_docs[d].get("sha256") != new_docs[d]["sha256"]]
        removed = [d for d in old_docs if d not in new_docs]
        if not incremental or recs_by_doc or removed:
            meta = _new_meta(engine, parser, new_docs)
            add = [r for recs in recs_by_doc.values() for r in recs]
            delete = (set(recs_by_doc) | set(removed)) if incremental else set()
            target.write(incremental, add, delete, meta, rows)
        else:
            meta = old
            if isinstance(target, _DatabaseTarget):
                target.record()
        store.prune(set(files) - unreadable)
        if hasattr(store, "close"):
            store.close()
    out = {"documents": len(new_docs), "clauses": meta["clauses"], "added": len(added),
           "updated": len(updated), "removed": len(removed),
           "seconds": round(time.perf_counter() - t0, 3), "failures": failures}
    if repaired:
        out["repaired"] = True
    return out


def index_documents(documents: Iterable, index_dir: str | Path, engine: str | None = None,
                    db: str | None = None, jobs: int | None = 1) -> dict[str, Any]:
    """Add or replace parsed Documents in the live index, keeping every other document (an
    upload into an index that other machines share); postgres analyses in `jobs` processes."""
    t0 = time.perf_counter()
    engine = resolve_engine(index_dir, engine, db)
    target = _target(engine, index_dir, db)
    with target.lock():
        old = target.old_meta()
        if old is None:
            raise InputError("还没有建立检索索引，请先运行 pbdocs index。")
        docs_meta: dict[str, Any] = dict(old.get("docs", {}))
        recs_by_doc: dict[str, list[ClauseRecord]] = {}
        for doc in documents:
            recs_by_doc[doc.id] = records(doc)
            docs_meta[doc.id] = doc_meta(doc, doc.source.sha256, doc.source.path,
                                         recs_by_doc[doc.id])
        added = [d for d in recs_by_doc if d not in old.get("docs", {})]
        meta = _new_meta(engine, old.get("parser"), docs_meta)
        add = [r for recs in recs_by_doc.values() for r in recs]
        rows = None
        if (jobs or 0) != 1:
            from pbdocs.parallel import analyse_rows, default_jobs

            rows = analyse_rows(add, jobs or default_jobs(), target.analyse)
        target.write(True, add, set(recs_by_doc), meta, rows)
    return {"documents": len(docs_meta), "clauses": meta["clauses"], "added": len(added),
            "updated": len(recs_by_doc) - len(added), "removed": 0,
            "seconds": round(time.perf_counter() - t0, 3), "failures": []}


def index_exists(index_dir: str | Path, engine: str | None = None,
                 db: str | None = None) -> bool:
    """Whether an index has been built for the engine (in the folder, or in the database)."""
    engine = resolve_engine(index_dir, engine, db)
    if engine == "postgres":
        backend, _ = _open(index_dir, engine, db)
        return backend.exists()  # type: ignore[attr-defined]
    return IndexDir(index_dir).current(engine) is not None


def _store(store, fresh: list[tuple[str, str, str]]) -> None:
    """Write parsed documents to the store (a read-only index folder only costs speed)."""
    try:
        store.put_many(fresh)
    except OSError:
        pass
    fresh.clear()


def build_from_documents(documents: Iterable, index_dir: str | Path,
                         engine: str = "whoosh", db: str | None = None,
                         jobs: int | None = 1) -> dict[str, Any]:
    """Build a fresh search index straight from parsed Documents (tests, benchmarks); the
    analysis runs in `jobs` processes (None: one per core)."""
    t0 = time.perf_counter()
    target = _target(engine, index_dir, db)
    with target.lock():
        target.old_meta()
        docs_meta: dict[str, Any] = {}
        recs_by_doc: dict[str, list[ClauseRecord]] = {}
        for doc in documents:
            recs_by_doc[doc.id] = records(doc)
            docs_meta[doc.id] = doc_meta(doc, doc.source.sha256, doc.source.path,
                                         recs_by_doc[doc.id])
        meta = _new_meta(engine, None, docs_meta)
        add = [r for recs in recs_by_doc.values() for r in recs]
        rows = None
        if (jobs or 0) != 1:
            from pbdocs.parallel import analyse_rows, default_jobs

            rows = analyse_rows(add, jobs or default_jobs(), target.analyse)
        target.write(False, add, set(), meta, rows)
    return {"documents": len(docs_meta), "clauses": meta["clauses"], "added": len(docs_meta),
            "updated": 0, "removed": 0, "seconds": round(time.perf_counter() - t0, 3),
            "failures": []}


# -- searching -------------------------------------------------------------------------------

@dataclass
class Hit:
    """One clause found, with its highlighted passage."""

    record: ClauseRecord
    score: float
    highlight: Highlight

    def to_dict(self) -> dict[str, Any]:
        """The hit as in the spec's `pbdocs search --format json`."""
        r = self.record
        return {"doc_id": r.doc_id, "clause_id": r.clause_id, "institution": r.institution,
                "title": r.title, "path": r.path, "text": r.text,
                "highlight": self.highlight.marked(), "score": round(self.score, 4),
                "lead": r.lead, "support": r.support}


@dataclass
class SearchResult:
    """Hits of one query: a page of them, the total, and facet counts when asked."""

    query: str
    total: int
    hits: list[Hit]
    engine: str
    facets: dict[str, dict[str, int]] | None = None
    offset: int = 0
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The spec's JSON: {"query","total","hits":[…]} plus "facets" when asked."""
        out: dict[str, Any] = {"query": self.query, "total": self.total,
                               "hits": [h.to_dict() for h in self.hits]}
        if self.facets is not None:
            out["facets"] = self.facets
        return out


_BACKENDS: dict[tuple[str, Any], SearchBackend] = {}


class _Meta:
    """The metadata of the live index, read when needed: of a generation folder, or of the
    database."""

    def __init__(self, index_dir: str | Path, gen: Path | None = None, backend=None):
        self.index_dir, self.gen, self.backend = index_dir, gen, backend

    def read(self, part: str) -> dict[str, Any]:
        if self.gen is not None:
            meta = read_meta(self.gen, part)
            if meta is None:
                raise damaged_error(Path(self.index_dir))
            return meta
        from pbdocs.search.postgres_backend import missing_error as db_missing

        meta = self.backend.meta(part)
        if meta is None:
            raise db_missing(self.backend.url)
        return meta

    def vocab(self) -> dict[str, Any]:
        return self.read("vocab")


def _open(index_dir: str | Path, engine: str | None,
          db: str | None = None) -> tuple[SearchBackend, _Meta]:
    """The backend of the live index and its metadata. File backends are kept open (a
    generation never changes once published, so a process that searches again reuses it); a
    database connection is kept open likewise."""
    engine = resolve_engine(index_dir, engine, db)
    if engine not in ENGINES:
        raise InputError(f"不支持的检索引擎“{engine}”，可选：{'、'.join(ENGINES)}。")
    if engine == "postgres":
        url = database_url(index_dir, db)
        key = ("postgres", url)
        if key not in _BACKENDS:
            _keep(key, get_backend("postgres", Path(index_dir), db=url))
        return _BACKENDS[key], _Meta(index_dir, backend=_BACKENDS[key])
    idx = IndexDir(index_dir)
    if not idx.root.is_dir():
        from pbdocs.search.indexdir import missing_error

        raise missing_error(Path(index_dir))
    gen = idx.current(engine)
    key = (engine, gen) if gen is not None else None
    if key not in _BACKENDS:
        gen, _ = idx.live(engine)
        if not gen.is_dir():
            raise damaged_error(Path(index_dir))
        key = (engine, gen)
        if key not in _BACKENDS:
            _keep(key, get_backend(engine, gen))
    return _BACKENDS[key], _Meta(index_dir, gen=gen)


def _keep(key: tuple[str, Any], backend: SearchBackend) -> None:
    while len(_BACKENDS) >= 4:
        _BACKENDS.pop(next(iter(_BACKENDS))).close()
    _BACKENDS[key] = backend


def _alias_canonicals(name: str) -> set[str]:
    """Canonical department names the extraction lexicon maps `name` to (with its extensions)."""
    from pbdocs.extract import lexicon
    from pbdocs.lang.lexicon import extension_dirs

    lex = lexicon.load(extension_dirs(None))
    canon = lex.canonical(name)
    return {canon} if canon else set()


def _resolve_depts(value: str, vocab: dict[str, Any]) -> list[str]:
    """Canonical department names a --dept value stands for, among those in the index."""
    known: dict[str, list[str]] = vocab.get("departments", {})
    wanted = _alias_canonicals(value)
    out = {c for c in known if c in wanted or c == value or value in known[c]}
    if not out:  # no exact name: a part of a name (组织部 → 党委组织部)
        out = {c for c, names in known.items()
               if value in c or any(value in n for n in names)}
    return sorted(out)


def _resolve(values: str | Iterable[str] | None, known: Iterable[str]) -> list[str] | None:
    if values is None:
        return None
    vals = [values] if isinstance(values, str) else list(values)
    known = list(known)
    out = {k for v in vals for k in known if k == v}
    out |= {k for v in vals for k in known if v and v in k} if not out else set()
    return sorted(out)


def _values(value: str | int | Iterable[str] | None) -> list[str] | None:
    """A filter's values: None, one value, or several (blank ones dropped)."""
    if value is None:
        return None
    vals = [value] if isinstance(value, (str, int)) else list(value)
    return [str(v).strip() for v in vals if str(v).strip()] or None


def _depts_of(values: list[str] | None, vocab: dict[str, Any]) -> list[str] | None:
    """Canonical department names that any of the given names stands for."""
    if values is None:
        return None
    return sorted({c for v in values for c in _resolve_depts(v, vocab)})


def search(index_dir: str | Path, query: str, *, inst: str | Iterable[str] | None = None,
           dept: str | Iterable[str] | None = None,
           year: str | int | Iterable[str] | None = None,
           kind: str | Iterable[str] | None = None, lead: str | Iterable[str] | None = None,
           support: str | Iterable[str] | None = None, doc: Iterable[str] | None = None,
           limit: int = 10, offset: int = 0, facets: bool | Iterable[str] = False,
           engine: str | None = None, browse: bool = False,
           db: str | None = None) -> SearchResult:
    """Clauses matching a query (words, "phrases", AND/OR/NOT) within filters, highlighted.
    With `browse`, an empty query lists every clause within the filters, in index order (a
    document's clauses in order); without it, an empty query is an error. Each filter takes
    one value or several (any of them); `dept` is a leading or supporting department, `lead`
    and `support` one role only; `facets` is True (institution, department) or facet names
    from FACET_FIELDS."""
    node = And() if browse and not query.strip() else parse_query(query)
    if limit < 0 or offset < 0:
        raise InputError("--limit 和 --offset 不能是负数。")
    years = _values(year)
    for y in years or []:
        if not y.isdigit():
            raise InputError(f"年份应为四位数字，例如 2021，而不是“{y}”。")
    names = tuple(DEFAULT_FACETS if facets is True else facets or ())
    unknown = [n for n in names if n not in FACET_FIELDS]
    if unknown:
        raise InputError(f"不支持的分面“{unknown[0]}”，可选：{'、'.join(FACET_FIELDS)}。")
    backend, meta = _open(index_dir, engine, db)
    need_vocab = inst or dept or kind or lead or support or {"lead", "support"} & set(names)
    vocab = meta.vocab() if need_vocab else {}
    insts = vocab.get("institutions", []) + ([NO_INSTITUTION] if vocab.get("unnamed") else [])
    filters = Filters(
        inst=_resolve(_values(inst) if inst is not None else None, insts),
        depts=_depts_of(_values(dept), vocab) if dept is not None else None,
        year=years,
        kind=_resolve(_values(kind) if kind is not None else None, vocab.get("kinds", [])),
        lead=_depts_of(_values(lead), vocab) if lead is not None else None,
        support=_depts_of(_values(support), vocab) if support is not None else None,
        doc=_values(doc) if doc is not None else None,
    )
    try:
        page = backend.search(node, filters, limit, offset, names or False)
        found = dict(page.facets or {}) if names else None
        for name in names:
            if name not in found:  # an engine that does not count this facet itself
                found[name] = backend.count_values(node, filters, FACET_FIELDS[name],
                                                   _candidates(name, meta, vocab))
    except DamagedIndexError as e:
        _BACKENDS.clear()
        raise damaged_error(Path(index_dir)) from e
    if found is not None:
        for name in ("lead", "support"):  # canonical names only, as the department facet
            if name in found:
                known = vocab.get("departments", {})
                found[name] = {k: v for k, v in found[name].items() if k in known}
        found = {n: found[n] for n in names}
    terms, phrases = positive_terms(node)
    mark = Highlighter(terms, phrases)
    hits = [Hit(h.record, h.score, mark(h.record.text)) for h in page.hits]
    return SearchResult(query, page.total, hits, backend.name, found, offset)


def _candidates(name: str, meta: _Meta, vocab: dict[str, Any]) -> list[str]:
    """The values a facet can take in the index (for engines that count them one by one)."""
    if name in ("lead", "support", "department"):
        return list(vocab.get("departments") or meta.vocab().get("departments", {}))
    if name == "kind":
        return list(vocab.get("kinds") or meta.vocab().get("kinds", []))
    if name == "institution":
        v = vocab or meta.vocab()
        return v.get("institutions", []) + ([NO_INSTITUTION] if v.get("unnamed") else [])
    docs = meta.read("full").get("docs", {})
    if name == "year":
        return sorted({d.get("year") for d in docs.values() if d.get("year")})
    return sorted(docs)


def get_clause(index_dir: str | Path, clause_id: str, engine: str | None = None,
               db: str | None = None) -> ClauseRecord:
    """The indexed record of one clause (raises InputError when unknown)."""
    backend, _ = _open(index_dir, engine, db)
    try:
        rec = backend.get(clause_id)
    except DamagedIndexError as e:
        _BACKENDS.clear()
        raise damaged_error(Path(index_dir)) from e
    if rec is None:
        raise InputError(f"索引中没有条款“{clause_id}”（条款编号形如 文档编号/二/1）。")
    return rec
