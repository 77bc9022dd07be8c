"""The pages: search and browse, document, clause, compare, generate, upload, file management,
jobs and downloads. Each view asks the backend for data and hands it to a template; no policy
logic lives here."""

from __future__ import annotations

import math
import mimetypes
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    get_flashed_messages,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)

from pbdocs.errors import InputError, PbdocsError
from pbdocs.model import Document, Section
from pbdocs.web import export
from pbdocs.web.backend import OUTPUTS, Backend, split_list
from pbdocs.web.filters import NO_INSTITUTION, inst_label, numbered
from pbdocs.web.safety import highlight, marked_terms, query_terms

bp = Blueprint("web", __name__)

PER_PAGE = 10
GROUPS_PER_PAGE = 10  # documents a page when hits are grouped by document
IN_GROUP = 3  # hits shown under each document
MAX_PAGE = 500  # deeper pages cost the engine memory and help nobody
SUGGESTIONS = Path(__file__).resolve().parent / "suggested_queries.txt"
SNIPPET = 220
# Filter parameters (several values each: any of them) and what a person calls them.
FILTERS = {"inst": "高校", "lead": "牵头部门", "support": "配合部门", "dept": "部门（牵头或配合）",
           "year": "年份", "kind": "文种"}
# Facets the search page counts → the filter parameter a value of it sets.
FACET_PARAMS = {"institution": "inst", "lead": "lead", "support": "support", "year": "year",
                "kind": "kind"}
FACETS = (*FACET_PARAMS, "document")
SORTS = {"rel": "按相关度", "new": "按成文日期（新→旧）", "old": "按成文日期（旧→新）",
         "inst": "按高校"}
MIME = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ics": "text/calendar; charset=utf-8"}


def backend() -> Backend:
    """The app's backend."""
    return current_app.extensions["pbdocs"]


def _int(value: str | None, default: int) -> int:
    try:
        return int(value or default)
    except ValueError:
        return default


def _load(doc_id: str) -> Document:
    """A corpus document, or the 404 page."""
    try:
        return backend().load(doc_id)
    except InputError as e:
        abort(404, description=str(e))


def _doc_choices() -> tuple[list[Document], list[str]]:
    """Documents to offer in a form, and the failures to mention."""
    docs, failures = backend().documents()
    return docs, [backend().people(InputError(f)) for f in failures]


def _suggested() -> list[str]:
    """The queries offered under the search box (`suggested_queries.txt`, a person may edit)."""
    from pbdocs.lang.lexicon import read_file

    return [line.strip() for _, line in read_file(SUGGESTIONS)]


def _back() -> str | None:
    """The search page a person came from (only our own search page: never a redirect
    elsewhere)."""
    back = request.args.get("back", "")
    return back if back == "/search" or back.startswith("/search?") else None


@bp.get("/")
def home():
    """The query box, suggested queries, and the documents of the corpus (sortable)."""
    docs, failures = _doc_choices()
    sort = request.args.get("sort", "")
    docs = _sorted_docs(docs, sort)
    return render_template("home.html", docs=docs, failures=failures, suggested=_suggested(),
                           sort=sort)


def _sorted_docs(docs: list[Document], sort: str) -> list[Document]:
    """Documents by date (newest first, `old` oldest first), institution or title."""
    if sort in ("new", "old"):
        dated = sorted((d for d in docs if d.date), key=lambda d: d.date,
                       reverse=sort == "new")
        return dated + [d for d in docs if not d.date]
    if sort == "inst":
        return sorted(docs, key=lambda d: (d.institution is None, d.institution or "",
                                           d.date or ""))
    if sort == "title":
        return sorted(docs, key=lambda d: d.title or d.id)
    return docs


# -- search -----------------------------------------------------------------------------------

class SearchState:
    """What a search page asks for: the words, the filters (several values each), the
    advanced fields, the order, grouping and the page; and its own address with changes."""

    def __init__(self, args):
        self.q = args.get("q", "").strip()
        self.filters = {k: split_list(args.getlist(k)) if k in ("lead", "support", "dept")
                        else [v.strip() for v in args.getlist(k) if v.strip()]
                        for k in FILTERS}
        self.title = args.get("title", "").strip()[:100]
        self.docno = args.get("docno", "").strip()[:100]
        self.date_from = args.get("from", "").strip()[:10]
        self.date_to = args.get("to", "").strip()[:10]
        self.doc = [d for d in args.getlist("doc") if d]
        self.sort = args.get("sort", "rel") if args.get("sort") in SORTS else "rel"
        self.group = args.get("group") == "1"
        self.all = args.get("all") == "1"
        self.page = min(MAX_PAGE, max(1, _int(args.get("page"), 1)))
        self._paths: dict[str, str] = {}

    def narrowed(self) -> bool:
        """Whether anything but the words narrows the search."""
        return bool(any(self.filters.values()) or self.title or self.docno or self.date_from
                    or self.date_to or self.doc)

    def advanced(self) -> bool:
        return bool(self.title or self.docno or self.date_from or self.date_to)

    def args(self, **changes: Any) -> list[tuple[str, str]]:
        """The query string as pairs, with some parameters changed (lists for filters)."""
        data: dict[str, Any] = {"q": self.q, **self.filters, "title": self.title,
                                "docno": self.docno, "from": self.date_from,
                                "to": self.date_to, "doc": self.doc,
                                "sort": "" if self.sort == "rel" else self.sort,
                                "group": "1" if self.group else "", "all": "1" if self.all else "",
                                "page": str(self.page) if self.page > 1 else ""}
        data.update(changes)
        if "page" not in changes and changes:
            data["page"] = ""  # a new filter or order starts on the first page
        out = []
        for k, v in data.items():
            for x in v if isinstance(v, list) else [v]:
                if x not in ("", None, 1 if k == "page" else None):
                    out.append((k, str(x)))
        return out

    def url(self, endpoint: str = "web.search", **changes: Any) -> str:
        query = "&".join(_pair(k, v) for k, v in self.args(**changes))
        if endpoint not in self._paths:
            self._paths[endpoint] = url_for(endpoint)
        return self._paths[endpoint] + (f"?{query}" if query else "")

    def toggle(self, param: str, value: str) -> str:
        """This page's address with a filter value added, or removed when it is set."""
        values = list(self.filters[param])
        values = [v for v in values if v != value] if value in values else values + [value]
        return self.url(**{param: values})

    def chips(self) -> list[tuple[str, str, str]]:
        """(label, value, address without it) for every filter and field that is set."""
        out = [(FILTERS[k], v, self.toggle(k, v)) for k, vals in self.filters.items()
               for v in vals]
        for label, attr, param in (("标题含", "title", "title"), ("文号含", "docno", "docno"),
                                   ("成文日期起", "date_from", "from"),
                                   ("成文日期止", "date_to", "to")):
            if getattr(self, attr):
                out.append((label, getattr(self, attr), self.url(**{param: ""})))
        for d in self.doc:
            out.append(("文件", d, self.url(doc=[x for x in self.doc if x != d])))
        return out


@lru_cache(maxsize=8192)
def _pair(key: str, value: str) -> str:
    """`key=value` encoded for a query string (a page builds dozens of addresses from the same
    few values: each is encoded once)."""
    return urlencode([(key, value)])


def _fold(text: str | None) -> str:
    """Text compared loosely: widths folded, spaces dropped, every kind of bracket alike (so
    杭电组[2020]55号 finds 杭电组〔2020〕55号)."""
    t = unicodedata.normalize("NFKC", text or "").lower()
    t = re.sub(r"\s+", "", t)
    return re.sub(r"[〔〕\[\]【】（）()﹝﹞［］{}<>《》〈〉]", "|", t)


def _date_bounds(text: str, end: bool) -> str | None:
    """A typed year, month or date as a bound on ISO dates (None when it does not read)."""
    m = re.fullmatch(r"(\d{4})(?:[-/.年](\d{1,2}))?(?:[-/.月](\d{1,2}))?日?", text.strip())
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    if end:
        return f"{y}-{int(mo or 12):02d}-{int(d or 31):02d}"
    return f"{y}-{int(mo or 1):02d}-{int(d or 1):02d}"


def _doc_filter(st: SearchState, docs: list[Document]) -> tuple[list[str] | None, str | None]:
    """The documents the advanced fields (title, 文号, date range, chosen documents) leave, or
    None when they leave all; and a sentence when a field cannot be read."""
    if not (st.title or st.docno or st.date_from or st.date_to or st.doc):
        return None, None
    lo = _date_bounds(st.date_from, False) if st.date_from else None
    hi = _date_bounds(st.date_to, True) if st.date_to else None
    if (st.date_from and lo is None) or (st.date_to and hi is None):
        return [], "成文日期请写成 2020、2020-05 或 2020-05-01 的形式。"
    keep = []
    for d in docs:
        if st.doc and d.id not in st.doc:
            continue
        if st.title and _fold(st.title) not in _fold(d.title):
            continue
        numbers = [d.doc_number] + ([d.notice.doc_number] if d.notice else [])
        if st.docno and not any(_fold(st.docno) in _fold(n) for n in numbers if n):
            continue
        if (lo or hi) and not d.date:
            continue
        if (lo and d.date < lo) or (hi and d.date > hi):
            continue
        keep.append(d.id)
    return keep, None


def _doc_matches(q: str, docs: list[Document]) -> list[Document]:
    """Documents whose title, 发文字号 or issuer holds the query (a 文号 or a title names a
    document, not a clause)."""
    if not q or len(_fold(q)) < 2:
        return []
    key = _fold(q)
    out = []
    for d in docs:
        fields = [d.title, d.doc_number, d.issuer]
        if d.notice:
            fields += [d.notice.title, d.notice.doc_number]
        if any(key in _fold(f) for f in fields if f):
            out.append(d)
    return out[:10]


def _doc_order(counts: dict[str, int], by_id: dict[str, Document], sort: str) -> list[str]:
    """The documents with hits in the order asked for (relevance: most hits first)."""
    ids = [i for i in counts if i in by_id]
    if sort == "rel":
        return sorted(ids, key=lambda i: (-counts[i], i))
    docs = _sorted_docs(sorted((by_id[i] for i in ids), key=lambda d: d.id), sort)
    return [d.id for d in docs]


@bp.get("/search")
def search():
    """Search hits (or every clause within the filters) with facets, sorting, grouping by
    document, pages, and matching documents by title or 文号."""
    st = SearchState(request.args)
    ctx: dict[str, Any] = {"st": st, "q": st.q, "hits": [], "groups": [], "facets": [],
                           "total": 0, "pages": 0, "error": None, "doc_hits": [],
                           "sorts": SORTS, "filter_labels": FILTERS, "page": st.page}
    docs, _ = backend().documents()
    ctx["all_insts"] = sorted({inst_label(d.institution) for d in docs})
    ctx["all_kinds"] = sorted({d.kind for d in docs if d.kind})
    if not st.q and not st.narrowed() and not st.all:
        ctx["error"] = "请输入检索词，例如：三会一课、双带头人、组织员；或选择条件浏览全部条款。"
        return render_template("search.html", **ctx)
    if len(st.q) > 200:
        ctx["error"] = "检索词过长，请不要超过 200 个字。"
        return render_template("search.html", **ctx), 400
    by_id = {d.id: d for d in docs}
    doc_ids, problem = _doc_filter(st, docs)
    if problem:
        ctx["error"] = problem
        return render_template("search.html", **ctx), 400
    ctx["doc_hits"] = _doc_matches(st.q, docs)
    filters = {k: v or None for k, v in st.filters.items()}
    try:
        if doc_ids == []:
            result: dict[str, Any] = {"total": 0, "hits": [], "facets": {}}
        else:
            flat = st.sort == "rel" and not st.group
            result = backend().search(st.q, limit=PER_PAGE if flat else 0,
                                      offset=(st.page - 1) * PER_PAGE if flat else 0,
                                      facets=FACETS, doc=doc_ids, **filters)
    except PbdocsError as e:
        ctx["error"] = backend().people(e)
        return render_template("search.html", **ctx), 400
    total = int(result.get("total", 0))
    counts = (result.get("facets") or {}).get("document", {})
    per = GROUPS_PER_PAGE if st.group else PER_PAGE
    units = len(counts) if st.group else total
    pages = max(1, math.ceil(units / per))
    if st.page > pages and units:
        return redirect(st.url(page=pages))
    ctx.update(total=total, pages=pages, doc_count=len(counts))
    terms = query_terms(st.q) if st.q else []
    files = backend().files()
    back = st.url()
    if st.group:
        order = _doc_order(counts, by_id, st.sort)
        for doc_id in order[(st.page - 1) * per: st.page * per]:
            part = backend().search(st.q, limit=IN_GROUP, offset=0, doc=[doc_id], **filters)
            hits = [_decorate(h, terms, files, back, st.q) for h in part.get("hits", [])]
            if st.sort != "rel" or not st.q:
                hits.sort(key=lambda h: h.get("order", 0))
            ctx["groups"].append({"doc": by_id[doc_id], "count": counts[doc_id], "hits": hits,
                                  "more": st.url(doc=[doc_id], group="")})
    elif st.sort == "rel":
        ctx["hits"] = [_decorate(h, terms, files, back, st.q) for h in result.get("hits", [])]
    else:
        hits = _sorted_page(st, filters, _doc_order(counts, by_id, st.sort), counts,
                            (st.page - 1) * PER_PAGE, PER_PAGE)
        ctx["hits"] = [_decorate(h, terms, files, back, st.q) for h in hits]
    ctx["facets"] = _facets(result.get("facets"), st)
    ctx["back"] = back
    return render_template("search.html", **ctx)


def _sorted_page(st: SearchState, filters: dict, order: list[str], counts: dict[str, int],
                 offset: int, limit: int) -> list[dict]:
    """One page of hits ordered by document (in `order`), then by place in the document."""
    acc, skip, window = 0, 0, []
    for d in order:
        n = counts[d]
        if not window and acc + n <= offset:
            acc += n
            continue
        if not window:
            skip = offset - acc
        window.append(d)
        acc += n
        if acc >= offset + limit:
            break
    if not window:
        return []
    want = sum(counts[d] for d in window)
    part = backend().search(st.q, limit=want, offset=0, doc=window, **filters)
    rank = {d: i for i, d in enumerate(window)}
    hits = sorted(part.get("hits", []), key=lambda h: (rank.get(h["doc_id"], 0),
                                                       h.get("order", 0)))
    return hits[skip: skip + limit]


def _decorate(hit: dict, terms: list[str], files: dict[str, Path], back: str = "",
              q: str = "") -> dict:
    """A hit with its marked snippet, where it sits and its links, for the page (the links
    are written out here: url_for per hit and per link cost more than the search)."""
    tail = _pair("back", back) if back else ""
    doc_tail = "&".join(x for x in (_pair("q", q) if q else "", tail) if x)
    hit["clause_url"] = f"/clause/{quote(hit.get('clause_id', ''), safe='/')}" + (
        f"?{tail}" if tail else "")
    hit["doc_url"] = f"/doc/{quote(hit.get('doc_id', ''), safe='')}" + (
        f"?{doc_tail}" if doc_tail else "")
    if hit.get("spans") is not None and terms:
        hit["snippet"] = highlight(hit["fragment"], [], spans=hit["spans"])
    else:
        hit["snippet"] = highlight(hit.get("text", ""),
                                   terms + marked_terms(hit.get("highlight")), width=SNIPPET)
    hit["where"] = _where(hit.get("doc_id", ""), hit.get("clause_id", ""), files)
    return hit


def _where(doc_id: str, clause_id: str, files: dict[str, Path] | None = None) -> str:
    """Where a clause sits, in words: `二、主要任务 › （七）加强制度建设` ("" when unknown)."""
    try:
        doc = backend().load(doc_id, files)
    except PbdocsError:
        return ""
    c = doc.clause(clause_id)
    if c is None:
        return ""
    parts = [numbered(s.number, s.heading) for s in doc.ancestors(c)]
    if c.heading or (c.number and c.path != ["0"]):
        parts.append(numbered(c.number, c.heading))
    elif c.path == ["0"]:
        parts.append("导语")
    return " › ".join(p for p in parts if p)


def _facets(raw: dict | None, st: SearchState) -> list[dict]:
    """Facets as [{param, label, values: [(value, count, selected, address)]}]: every value
    with hits, and every chosen value even when it has none now."""
    out = []
    for name, param in FACET_PARAMS.items():
        counts = dict((raw or {}).get(name) or {})
        chosen = st.filters[param]
        for v in chosen:
            counts.setdefault(v, 0)
        if not counts:
            continue
        values = sorted(counts.items(), key=(lambda kv: kv[0]) if param == "year"
                        else (lambda kv: (-kv[1], kv[0])))
        if param == "year":
            values.reverse()
        out.append({"param": param, "label": FILTERS[param],
                    "values": [(v, n, v in chosen, st.toggle(param, v)) for v, n in values]})
    return out


@bp.get("/search/export")
def search_export():
    """The hits of a search (in its order, at most export.MAX_ROWS) as .xlsx or .docx."""
    st = SearchState(request.args)
    fmt = request.args.get("fmt", "xlsx")
    if fmt not in ("xlsx", "docx"):
        abort(400, description="检索结果只能导出为 xlsx 或 docx。")
    docs, _ = backend().documents()
    by_id = {d.id: d for d in docs}
    doc_ids, problem = _doc_filter(st, docs)
    if problem:
        abort(400, description=problem)
    filters = {k: v or None for k, v in st.filters.items()}
    hits: list[dict] = []
    total = 0
    if doc_ids != [] and (st.q or st.narrowed() or st.all):
        try:
            first = backend().search(st.q, limit=0, offset=0, facets=("document",),
                                     doc=doc_ids, **filters)
            total = first["total"]
            counts = first["facets"]["document"]
            if st.sort == "rel":
                hits = backend().search(st.q, limit=export.MAX_ROWS, offset=0, doc=doc_ids,
                                        **filters)["hits"]
            else:
                hits = _sorted_page(st, filters, _doc_order(counts, by_id, st.sort), counts, 0,
                                    export.MAX_ROWS)
        except PbdocsError as e:
            abort(400, description=backend().people(e))
    files = backend().files()
    for h in hits:
        h["where"] = _where(h["doc_id"], h["clause_id"], files)
    words = "、".join(f"{label}：{v}" for label, v, _ in st.chips())
    title = f"“{st.q}”检索结果" if st.q else "条款清单"
    summary = (f"检索词：{st.q or '（无，按条件浏览）'}" + (f"；{words}" if words else "")
               + f"；共 {total} 条" + (f"，导出前 {len(hits)} 条" if total > len(hits) else "")
               + f"；{SORTS[st.sort]}")
    data, name = export.write(hits, fmt, title, summary,
                              stem=f"检索结果-{st.q}" if st.q else "条款清单")
    return _attachment(data, name, MIME[fmt])


def _attachment(data: bytes, name: str, mime: str) -> Response:
    import io

    return send_file(io.BytesIO(data), mimetype=mime, as_attachment=True, download_name=name)


@bp.app_template_global()
def search_url(q: str = "", **args: Any) -> str:
    """The search page's address for q with these arguments (empty values dropped)."""
    pairs = [("q", q)] if q else []
    for k, v in args.items():
        for x in v if isinstance(v, list) else [v]:
            if x not in ("", None):
                pairs.append((k, str(x)))
    return url_for("web.search") + ("?" + urlencode(pairs) if pairs else "")


# -- document and clause ------------------------------------------------------------------------

@bp.get("/doc/<doc_id>")
def document(doc_id: str):
    """A document: metadata, outline, clauses with what was extracted, parsing warnings; a
    search within it lists the clauses that match and marks the words."""
    doc = _load(doc_id)
    q = request.args.get("q", "").strip()[:200]
    terms = query_terms(q) if q else []
    found, error = [], None
    if q:
        try:
            res = backend().search(q, limit=len(doc.clauses) or 1, offset=0, doc=[doc.id])
            found = [h["clause_id"] for h in res.get("hits", [])]
            found.sort(key=lambda cid: [c.id for c in doc.clauses].index(cid)
                       if doc.clause(cid) else 0)
        except PbdocsError as e:
            error = backend().people(e)
    return render_template("document.html", doc=doc, stream=_stream(doc), q=q, found=found,
                           error=error, back=_back(),
                           mark=lambda text: highlight(text, terms))


def _stream(doc: Document) -> list[tuple[str, Any, bool]]:
    """The document in reading order as (kind, node, under_own_heading): a section comes before
    its first clause; a clause whose path is that of the heading just shown is marked, so its
    number and lead phrase are not shown twice."""
    from pbdocs.present import outline_nodes

    out: list[tuple[str, Any, bool]] = []
    last: list[str] | None = None
    for node in outline_nodes(doc):
        if isinstance(node, Section):
            out.append(("section", node, False))
            last = node.path
        else:
            out.append(("clause", node, node.path == last))
            last = None
    return out


@bp.get("/clause/<path:clause_id>")
def clause(clause_id: str):
    """One clause and the most similar clauses of other institutions."""
    doc = _load(clause_id.split("/", 1)[0])
    c = doc.clause(clause_id)
    if c is None:
        abort(404, description=f"文档中没有编号为“{clause_id}”的条款。")
    similar, error = [], None
    try:
        similar = backend().similar(clause_id, top=min(20, max(1, _int(request.args.get("top"),
                                                                          5))))
    except PbdocsError as e:
        error = backend().people(e)
    return render_template("clause.html", doc=doc, clause=c, ancestors=doc.ancestors(c),
                           similar=similar, error=error, back=_back())


# -- compare ----------------------------------------------------------------------------------

@bp.get("/compare")
def compare():
    """The requirement matrix: chosen topics × chosen documents' institutions. Made in a job
    (the page shows how far it got), kept for the next visit and for the downloads."""
    docs, failures = _doc_choices()
    topics = split_list(request.args.getlist("topic"))
    doc_ids = [d for d in request.args.getlist("doc") if d]
    known = {d.id for d in docs}
    ctx: dict[str, Any] = {"docs": docs, "failures": failures, "topics": topics,
                           "doc_ids": doc_ids, "choices": [], "matrix": None, "error": None,
                           "note": None, "diff_only": bool(request.args.get("diff"))}
    try:
        ctx["choices"] = backend().topics()
    except PbdocsError:
        pass
    if not request.args.get("run"):
        return render_template("compare.html", **ctx)
    unknown = [d for d in doc_ids if d not in known]
    if unknown:
        ctx["error"] = f"语料库中没有这些文档：{'、'.join(unknown)}。"
        return render_template("compare.html", **ctx), 400
    if len(doc_ids) == 1:
        # one plan compared with nothing is one column: set it beside every other plan
        base = next(d for d in docs if d.id == doc_ids[0])
        others = [d.id for d in docs if d.id != base.id]
        ctx["note"] = (f"已将《{base.title or base.id}》与语料库中其他 {len(others)} 份文件比对；"
                       "可在上方改选文件。")
        doc_ids = [base.id, *others]
    key = backend().compare_key(topics, doc_ids)
    result = backend().compare_cached(key)
    fmt = request.args.get("export")
    if result is None and fmt:
        try:  # a download waits for its file
            result = backend().compare(topics, doc_ids)
        except PbdocsError as e:
            ctx["error"] = backend().people(e)
            return render_template("compare.html", **ctx), 400
    if result is None:
        job = backend().start_compare(key, topics, doc_ids)
        job.next = request.full_path
        return redirect(url_for("web.job", job_id=job.id), code=303)
    diff_only = bool(request.args.get("diff"))
    ctx["diff_only"] = diff_only
    if diff_only:  # the same result, cut to the rows where some number differs (as the CLI's
        # --only-differences); the cache key leaves it out, so ticking it recomputes nothing
        result = {**result, "only_differences": True,
                  "requirements": [r for r in result.get("requirements", []) if r.get("differs")]}
    if fmt:
        try:
            data, name = backend().export_compare(result, topics, fmt)
        except PbdocsError as e:
            ctx["error"] = backend().people(e)
            return render_template("compare.html", **ctx), 400
        return _attachment(data, name, MIME.get(fmt, "application/octet-stream"))
    ctx["matrix"] = _relabel(backend().compare_view(result), docs)
    ctx["export_args"] = ([("topic", t) for t in topics]
                          + [("doc", d) for d in request.args.getlist("doc") if d]
                          + ([("diff", "1")] if diff_only else []))
    return render_template("compare.html", **ctx)


def _relabel(matrix: dict, docs: list[Document]) -> dict:
    """Columns of plans without an institution named like everywhere else in the UI."""
    unnamed = {d.id: d for d in docs if not d.institution}
    matrix["institutions"] = [
        f"{NO_INSTITUTION}{(unnamed[i].title or i)[:16]}" if i in unnamed else i
        for i in matrix.get("institutions", [])]
    return matrix


# -- jobs -------------------------------------------------------------------------------------

@bp.get("/jobs/<job_id>")
def job(job_id: str):
    """How far a job got (JSON for the page's script, else a page that refreshes itself); when
    it is over, what it did."""
    j = backend().jobs.get(job_id)
    if j is None:
        abort(404, description="没有找到这项任务，它可能已过期；请重新提交。")
    wants_json = (request.args.get("format") == "json"
                  or request.accept_mimetypes.best == "application/json")
    if wants_json:
        return jsonify(j.to_dict())
    if not j.over:
        return render_template("job.html", job=j)
    if j.kind == "compare":
        if j.state == "failed":
            return render_template("job.html", job=j), 400
        return redirect(j.next or url_for("web.compare"), code=303)
    result = j.result
    if j.state == "failed":
        return render_template("upload.html", result=None, error=j.message, job=j,
                               max_mb=current_app.config["MAX_UPLOAD_MB"]), 400
    return render_template("upload.html", result=result, error=result.error, job=j,
                           max_mb=current_app.config["MAX_UPLOAD_MB"]), 400 if result.error else 200


# -- generate and download -------------------------------------------------------------------

@bp.route("/generate", methods=["GET", "POST"])
def generate():
    """Generate a notice, task book, timetable or college draft: preview it, or write it and
    confirm with a page that starts the download."""
    docs, failures = _doc_choices()
    form = request.form if request.method == "POST" else request.args
    ctx: dict[str, Any] = {"docs": docs, "failures": failures, "outputs": OUTPUTS,
                           "doc_id": form.get("doc", ""), "kind": form.get("kind", "taskbook"),
                           "fmt": form.get("fmt", "docx"), "college": form.get("college", ""),
                           "error": None, "preview": None, "done": None,
                           "files": backend().outputs()[:20]}
    if request.method == "GET":
        done = request.args.get("done")
        if done:
            try:
                path = backend().output_file(done)
                # (what generating it said: the leads' summary, what to check)
                ctx["done"] = {"name": path.name, "size": path.stat().st_size,
                               "notes": get_flashed_messages(category_filter=["generated"])}
            except FileNotFoundError:
                ctx["error"] = "没有找到该文件，它可能已被删除，请重新生成。"
        return render_template("generate.html", **ctx)
    if not ctx["doc_id"]:
        ctx["error"] = "请选择一份文档。"
        return render_template("generate.html", **ctx), 400
    if request.form.get("action") == "preview":
        ctx["preview"] = url_for("web.preview", doc=ctx["doc_id"], kind=ctx["kind"],
                                 college=ctx["college"] if ctx["kind"] == "draft" else None)
        return render_template("generate.html", **ctx)
    try:
        written = backend().generate(ctx["kind"], ctx["doc_id"], ctx["fmt"], ctx["college"])
    except PbdocsError as e:
        ctx["error"] = backend().people(e)
        return render_template("generate.html", **ctx), 400
    for line in (written.note, written.remark):  # (as the command prints them)
        if line:
            flash(line, "generated")
    return redirect(url_for("web.generate", done=written.out.name, doc=ctx["doc_id"],
                            kind=ctx["kind"], fmt=ctx["fmt"]), code=303)


@bp.get("/generate/preview")
def preview():
    """The document `generate` would write, as its own page for the generate page's sandboxed
    frame (same Markdown, same styles)."""
    from pbdocs.web.app import PREVIEW_CSP

    try:
        html = backend().preview(request.args.get("kind", ""), request.args.get("doc", ""),
                                 request.args.get("college", ""))
    except PbdocsError as e:
        html = ("<!doctype html><meta charset='utf-8'><p>"
                + str(highlight(backend().people(e), [])) + "</p>")
    return Response(html, mimetype="text/html", headers={
        "Content-Security-Policy": PREVIEW_CSP, "X-Frame-Options": "SAMEORIGIN"})


@bp.get("/download/<path:name>")
def download(name: str):
    """A generated file from the output folder (nothing outside it)."""
    try:
        path = backend().output_file(name)
    except FileNotFoundError:
        abort(404, description="没有找到该文件，它可能已被删除，请重新生成。")
    ext = path.suffix.lower().lstrip(".")
    mime = MIME.get(ext) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return send_file(path, mimetype=mime, as_attachment=True, download_name=path.name)


@bp.get("/source/<doc_id>")
def source(doc_id: str):
    """The original file of a corpus document."""
    try:
        path = backend().source_file(doc_id)
    except InputError as e:
        abort(404, description=str(e))
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if mime.startswith("text/"):
        mime = "text/plain; charset=utf-8" if path.suffix.lower() == ".txt" else mime
    return send_file(path, mimetype=mime, as_attachment=True, download_name=path.name)


# -- upload and file management ---------------------------------------------------------------

@bp.route("/upload", methods=["GET", "POST"])
def upload():
    """Add a txt/docx/pdf/html file: checked at once, then parsed and indexed in a job whose
    page shows how far it got and, at the end, the document and its warnings."""
    max_mb = current_app.config["MAX_UPLOAD_MB"]
    if request.method == "GET":
        return render_template("upload.html", result=None, max_mb=max_mb)
    return _start_upload(None, max_mb)


def _start_upload(replace: str | None, max_mb: int, doc: Document | None = None):
    f = request.files.get("file")
    if f is None or not f.filename:
        return render_template("upload.html", result=None, max_mb=max_mb, replace=doc,
                               error="请先选择要上传的文件。"), 400
    try:
        j = backend().start_upload(f.filename, f.read(), replace=replace)
    except InputError as e:
        return render_template("upload.html", result=None, max_mb=max_mb, replace=doc,
                               error=backend().people(e)), 400
    return redirect(url_for("web.job", job_id=j.id), code=303)


@bp.get("/files")
def files():
    """The corpus files (delete, replace) and the recycle bin (restore)."""
    return render_template("files.html", files=backend().managed_files(),
                           trash=backend().trash(), done=request.args.get("done"))


@bp.route("/doc/<doc_id>/delete", methods=["GET", "POST"])
def delete(doc_id: str):
    """Ask, then move a document's file to the recycle bin and out of the index."""
    doc = _load(doc_id)
    if request.method == "GET":
        return render_template("delete.html", doc=doc)
    name = backend().delete(doc_id)
    return redirect(url_for("web.files", done=f"已删除“{name}”，文件已移入回收站。"), code=303)


@bp.route("/doc/<doc_id>/replace", methods=["GET", "POST"])
def replace(doc_id: str):
    """Upload a new version of a document: same id, the old file kept in the recycle bin."""
    doc = _load(doc_id)
    max_mb = current_app.config["MAX_UPLOAD_MB"]
    if request.method == "GET":
        return render_template("upload.html", result=None, max_mb=max_mb, replace=doc)
    return _start_upload(doc_id, max_mb, doc)


@bp.post("/files/restore")
def restore():
    """Put a file from the recycle bin back into the corpus."""
    try:
        name = backend().restore(request.form.get("key", ""))
    except InputError as e:
        return redirect(url_for("web.files", done=str(e)), code=303)
    return redirect(url_for("web.files", done=f"已恢复“{name}”，并重新加入检索索引。"), code=303)
