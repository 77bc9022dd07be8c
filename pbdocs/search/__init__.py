"""Keyword search over clauses: the library API behind `pbdocs index`, `search` and `show`.

    build_index(corpus_dir, index_dir, rebuild=False, engine="whoosh") -> dict
    search(index_dir, query, inst=..., dept=..., year=..., kind=..., limit=10, ...) -> SearchResult
    get_clause(index_dir, clause_id) -> ClauseRecord

Engines are backends behind `pbdocs.search.backend.SearchBackend`; imports stay lazy so that a
search never loads spaCy or the engine it does not use.
"""

from __future__ import annotations

import hashlib
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
from pbdocs.search.highlight import Highlight
from pbdocs.search.highlight import highlight as make_highlight
from pbdocs.search.indexdir import (
    ENGINES,
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
           "ClauseRecord", "get_backend", "ENGINES"]

Progress = Callable[[int, int, str], None]


def get_backend(engine: str, path: Path) -> SearchBackend:
    """The backend object of an engine for an index folder (raises InputError)."""
    if engine == "whoosh":
        from pbdocs.search.whoosh_backend import WhooshBackend

        return WhooshBackend(path)
    if engine == "tantivy":
        from pbdocs.search.tantivy_backend import TantivyBackend

        return TantivyBackend(path)
    raise InputError(f"不支持的检索引擎“{engine}”，可选：{'、'.join(ENGINES)}。")


# -- building --------------------------------------------------------------------------------

def _parser_fingerprint(lexicon_dirs: tuple[str, ...] = ()) -> str:
    from pbdocs.store import parser_fingerprint

    return parser_fingerprint(lexicon_dirs)


def _doc_meta(doc, sha: str, path: str, recs: list[ClauseRecord]) -> dict[str, Any]:
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
                      add: list[ClauseRecord], delete: set[str], meta: dict[str, Any]) -> None:
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
        backend.write(add, delete)
        backend.close()
        write_meta(work, meta)
        write_manifest(work)
        idx.publish(work, engine)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def build_index(corpus_dir: str | Path, index_dir: str | Path, rebuild: bool = False,
                engine: str = "whoosh", progress: Progress | None = None) -> dict[str, Any]:
    """Parse the corpus (cached by file hash) and bring the search index up to date.

    Returns {"documents", "clauses", "added", "updated", "removed", "seconds", "failures"},
    and "repaired": true when the index was found damaged and built afresh.
    """
    from pbdocs.corpus import Corpus

    t0 = time.perf_counter()
    get_backend(engine, Path(index_dir))  # unknown engine or missing extra: fail before work
    corpus = Corpus(corpus_dir, index_dir)
    files = corpus.files()
    try:
        try:
            return _build(corpus, dict(files), index_dir, rebuild, engine, progress, t0)
        except DamagedIndexError:  # damage the manifest could not show: start afresh
            out = _build(corpus, dict(files), index_dir, True, engine, progress, t0)
            out["repaired"] = True
            return out
    except OSError as e:  # the index folder, not a corpus file (those fail one by one)
        raise PbdocsError(f"无法写入索引目录“{index_dir}”（{os_reason(e)}），"
                          "原有索引保持不变。") from e


def _build(corpus, files: dict[str, Path], index_dir: str | Path, rebuild: bool, engine: str,
           progress: Progress | None, t0: float) -> dict[str, Any]:
    from pbdocs.store import DocStore

    lexdirs = corpus.lexicon_dirs()  # a corpus's own lexicon changes what parsing yields
    idx = IndexDir(index_dir)
    with idx.lock():
        try:
            cur = idx.current(engine)
        except InputError:
            cur = None  # a damaged pointer: build afresh
        old = read_meta(cur, "full") if cur is not None and cur.is_dir() else None
        old_docs: dict[str, Any] = old.get("docs", {}) if old else {}
        incremental = (not rebuild and old is not None and old.get("engine") == engine
                       and old.get("parser") == _parser_fingerprint(lexdirs))
        # a damaged generation (a file changed or cut since it was published) is not built on
        repaired = (cur is not None and cur.is_dir() and not rebuild
                    and (old is None or not intact(cur)))
        if repaired:
            incremental = False
        base = cur if incremental else None
        failures: list[dict[str, str]] = []
        shas = {}
        for doc_id, p in list(files.items()):
            try:
                shas[doc_id] = hashlib.sha256(p.read_bytes()).hexdigest()
            except OSError as e:
                message = f"{p.name}：无法读取文件（{os_reason(e)}）。"
                failures.append({"path": str(p), "message": message})
                del files[doc_id]
        todo = [d for d in files
                if not incremental or old_docs.get(d, {}).get("sha256") != shas[d]]
        new_docs = {d: m for d, m in old_docs.items() if d in files} if incremental else {}
        recs_by_doc: dict[str, list[ClauseRecord]] = {}
        for i, doc_id in enumerate(todo, 1):
            if progress:
                progress(i, len(todo), doc_id)
            try:
                doc = corpus.parse(doc_id, files[doc_id])
            except PbdocsError as e:
                failures.append({"path": str(files[doc_id]), "message": str(e)})
                new_docs.pop(doc_id, None)
                continue
            recs_by_doc[doc_id] = records(doc)
            new_docs[doc_id] = _doc_meta(doc, shas[doc_id], str(files[doc_id]),
                                         recs_by_doc[doc_id])
        added = [d for d in recs_by_doc if d not in old_docs]
        updated = [d for d in recs_by_doc
                   if d in old_docs and old_docs[d].get("sha256") != shas[d]]
        removed = [d for d in old_docs if d not in new_docs]
        if not incremental or recs_by_doc or removed:
            meta = _new_meta(engine, _parser_fingerprint(lexdirs), new_docs)
            add = [r for recs in recs_by_doc.values() for r in recs]
            delete = (set(recs_by_doc) | set(removed)) if incremental else set()
            _write_generation(idx, engine, base, add, delete, meta)
        else:
            meta = old
        DocStore(index_dir, lexdirs).prune(set(files))
    out = {"documents": len(new_docs), "clauses": meta["clauses"], "added": len(added),
           "updated": len(updated), "removed": len(removed),
           "seconds": round(time.perf_counter() - t0, 3), "failures": failures}
    if repaired:
        out["repaired"] = True
    return out


def build_from_documents(documents: Iterable, index_dir: str | Path,
                         engine: str = "whoosh") -> dict[str, Any]:
    """Build a fresh search index straight from parsed Documents (tests, benchmarks)."""
    t0 = time.perf_counter()
    idx = IndexDir(index_dir)
    with idx.lock():
        docs_meta: dict[str, Any] = {}
        recs_by_doc: dict[str, list[ClauseRecord]] = {}
        for doc in documents:
            recs_by_doc[doc.id] = records(doc)
            docs_meta[doc.id] = _doc_meta(doc, doc.source.sha256, doc.source.path,
                                          recs_by_doc[doc.id])
        meta = _new_meta(engine, None, docs_meta)
        add = [r for recs in recs_by_doc.values() for r in recs]
        _write_generation(idx, engine, None, add, set(), meta)
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


_BACKENDS: dict[tuple[str, Path], SearchBackend] = {}


def _open(index_dir: str | Path, engine: str | None) -> tuple[SearchBackend, Path]:
    """The backend of the live generation (kept open: a generation never changes once
    published, so a process that searches again reuses it)."""
    idx = IndexDir(index_dir)
    if not idx.root.is_dir():
        from pbdocs.search.indexdir import missing_error

        raise missing_error(Path(index_dir))
    engine = engine or idx.default_engine()
    if engine not in ENGINES:
        raise InputError(f"不支持的检索引擎“{engine}”，可选：{'、'.join(ENGINES)}。")
    gen = idx.current(engine)
    key = (engine, gen) if gen is not None else None
    if key in _BACKENDS:
        return _BACKENDS[key], gen
    gen, _ = idx.live(engine)
    if not gen.is_dir():
        raise damaged_error(Path(index_dir))
    while len(_BACKENDS) >= 4:
        _BACKENDS.pop(next(iter(_BACKENDS))).close()
    backend = _BACKENDS[(engine, gen)] = get_backend(engine, gen)
    return backend, gen


def _vocab(gen: Path, index_dir: str | Path) -> dict[str, Any]:
    meta = read_meta(gen, "vocab")
    if meta is None:
        raise damaged_error(Path(index_dir))
    return meta


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
           engine: str | None = None, browse: bool = False) -> SearchResult:
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
    backend, gen = _open(index_dir, engine)
    need_vocab = inst or dept or kind or lead or support or {"lead", "support"} & set(names)
    vocab = _vocab(gen, index_dir) if need_vocab else {}
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
                                                   _candidates(name, gen, vocab, index_dir))
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
    hits = [Hit(h.record, h.score, make_highlight(h.record.text, terms, phrases))
            for h in page.hits]
    return SearchResult(query, page.total, hits, backend.name, found, offset)


def _candidates(name: str, gen: Path, vocab: dict[str, Any], index_dir) -> list[str]:
    """The values a facet can take in a generation (for engines that count them one by one)."""
    if name in ("lead", "support", "department"):
        return list(vocab.get("departments") or _vocab(gen, index_dir).get("departments", {}))
    if name == "kind":
        return list(vocab.get("kinds") or _vocab(gen, index_dir).get("kinds", []))
    if name == "institution":
        v = vocab or _vocab(gen, index_dir)
        return v.get("institutions", []) + ([NO_INSTITUTION] if v.get("unnamed") else [])
    docs = (read_meta(gen, "full") or {}).get("docs", {})
    if name == "year":
        return sorted({d.get("year") for d in docs.values() if d.get("year")})
    return sorted(docs)


def get_clause(index_dir: str | Path, clause_id: str, engine: str | None = None) -> ClauseRecord:
    """The indexed record of one clause (raises InputError when unknown)."""
    backend, _ = _open(index_dir, engine)
    try:
        rec = backend.get(clause_id)
    except DamagedIndexError as e:
        _BACKENDS.clear()
        raise damaged_error(Path(index_dir)) from e
    if rec is None:
        raise InputError(f"索引中没有条款“{clause_id}”（条款编号形如 文档编号/二/1）。")
    return rec
