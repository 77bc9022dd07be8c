"""The pages: search, document, clause, compare, generate, upload and downloads. Each view asks
the backend for data and hands it to a template; no policy logic lives here."""

from __future__ import annotations

import math
import mimetypes
from pathlib import Path
from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)

from pbdocs.errors import InputError, PbdocsError
from pbdocs.model import Document, Section
from pbdocs.web.backend import OUTPUTS, Backend, Unavailable, split_list
from pbdocs.web.filters import numbered
from pbdocs.web.safety import highlight, marked_terms, query_terms

bp = Blueprint("web", __name__)

PER_PAGE = 10
MAX_PAGE = 500  # deeper pages cost the engine memory and help nobody
SUGGESTIONS = Path(__file__).resolve().parent / "suggested_queries.txt"
SNIPPET = 220
FILTERS = {"inst": "高校", "dept": "牵头部门", "year": "年份", "kind": "文种"}
# Facet names a search backend may use → our filter parameter.
FACET_PARAMS = {"inst": "inst", "institution": "inst", "dept": "dept", "department": "dept",
                "lead": "dept",
                "year": "year", "kind": "kind"}
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


def _doc_choices() -> tuple[list, list[str]]:
    """Documents to offer in a form (their summaries), and the failures to mention."""
    return backend().catalog()


def _suggested() -> list[str]:
    """The queries offered under the search box (`suggested_queries.txt`, a person may edit)."""
    try:
        lines = SUGGESTIONS.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [x.strip() for x in lines if x.strip() and not x.startswith("#")]


@bp.get("/")
def home():
    """The query box, suggested queries, and the documents of the corpus."""
    docs, failures = _doc_choices()
    return render_template("home.html", docs=docs, failures=failures, suggested=_suggested())


@bp.get("/search")
def search():
    """Search hits with filters, facet counts, highlights and pages."""
    q = request.args.get("q", "").strip()
    filters = {k: request.args.get(k, "").strip() for k in FILTERS}
    page = min(MAX_PAGE, max(1, _int(request.args.get("page"), 1)))
    ctx: dict[str, Any] = {"q": q, "filters": filters, "page": page, "hits": [], "facets": [],
                           "total": 0, "pages": 0, "error": None}
    if not q:
        ctx["error"] = "请输入检索词，例如：三会一课、双带头人、组织员。"
        return render_template("search.html", **ctx)
    if len(q) > 200:
        ctx["error"] = "检索词过长，请不要超过 200 个字。"
        return render_template("search.html", **ctx), 400
    try:
        result = backend().search(q, limit=PER_PAGE, offset=(page - 1) * PER_PAGE, **filters)
    except PbdocsError as e:
        ctx["error"] = str(e)
        return render_template("search.html", **ctx), 503 if isinstance(e, Unavailable) else 400
    terms = query_terms(q)
    files = backend().files()
    for hit in result.get("hits", []):
        if hit.get("spans") is not None:
            hit["snippet"] = highlight(hit["fragment"], [], spans=hit["spans"])
        else:
            hit["snippet"] = highlight(hit.get("text", ""),
                                       terms + marked_terms(hit.get("highlight")), width=SNIPPET)
        hit["where"] = _where(hit.get("doc_id", ""), hit.get("clause_id", ""), files)
        ctx["hits"].append(hit)
    ctx["total"] = int(result.get("total", len(ctx["hits"])))
    ctx["pages"] = max(1, math.ceil(ctx["total"] / PER_PAGE))
    ctx["facets"] = _facets(_with_corpus_values(result.get("facets")), filters)
    return render_template("search.html", **ctx)


def _with_corpus_values(facets: dict | None) -> dict:
    """Facets plus, for year and kind when the search gives no counts for them, the values
    found in the corpus (offered without counts)."""
    out = dict(facets or {})
    docs, _ = backend().catalog()
    if "year" not in out:
        out["year"] = [((d.date or "")[:4], None) for d in docs if d.date]
    if "kind" not in out:
        out["kind"] = [(d.kind, None) for d in docs if d.kind]
    return out


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


@bp.app_template_global()
def search_url(q: str, filters: dict[str, str], page: int = 1, **changes: str) -> str:
    """The search page's address for q with the filters changed (empty values dropped)."""
    args = {k: v for k, v in {**filters, **changes}.items() if v not in ("", None)}
    if page > 1:
        args["page"] = page
    return url_for("web.search", q=q, **args)


def _facets(raw: Any, active: dict[str, str]) -> list[dict]:
    """Facets as [{param, label, values: [(value, count, selected)]}], whatever their shape."""
    out: dict[str, dict] = {}
    for name, values in (raw or {}).items():
        param = FACET_PARAMS.get(name)
        if param is None or param in out:
            continue
        pairs = []
        items = values.items() if isinstance(values, dict) else values or []
        for item in items:
            if isinstance(item, dict):
                value, count = item.get("value", item.get("name")), item.get("count")
            else:
                value, count = item[0], item[1]
            if value not in (None, "") and str(value) not in {p[0] for p in pairs}:
                pairs.append((str(value), count, str(value) == active.get(param)))
        if pairs:
            if param == "year":
                pairs.sort(key=lambda p: p[0], reverse=True)
            else:
                pairs.sort(key=lambda p: (-(p[1] or 0), p[0]))
            out[param] = {"param": param, "label": FILTERS[param], "values": pairs}
    return [out[p] for p in FILTERS if p in out]


@bp.get("/doc/<doc_id>")
def document(doc_id: str):
    """A document: metadata, outline, clauses with what was extracted, parsing warnings."""
    doc = _load(doc_id)
    q = request.args.get("q", "").strip()[:200]
    terms = query_terms(q) if q else []
    return render_template("document.html", doc=doc, stream=_stream(doc), q=q,
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
        similar = backend().similar(clause_id, top=_int(request.args.get("top"), 5))
    except PbdocsError as e:
        error = str(e)
    return render_template("clause.html", doc=doc, clause=c, ancestors=doc.ancestors(c),
                           similar=similar, error=error)


@bp.get("/compare")
def compare():
    """The requirement matrix: chosen topics × chosen documents' institutions."""
    docs, failures = _doc_choices()
    topics = split_list(request.args.getlist("topic"))
    doc_ids = [d for d in request.args.getlist("doc") if d]
    known = {d.id for d in docs}
    ctx: dict[str, Any] = {"docs": docs, "failures": failures, "topics": topics,
                           "doc_ids": doc_ids, "choices": [], "matrix": None, "error": None}
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
    try:
        result = backend().compare(topics, doc_ids)
        fmt = request.args.get("export")
        if fmt:
            out = backend().export_compare(result, topics, fmt)
            return redirect(url_for("web.download", name=out.name), code=303)
        ctx["matrix"] = backend().compare_view(result)
    except PbdocsError as e:
        ctx["error"] = str(e)
        return render_template("compare.html", **ctx), 503 if isinstance(e, Unavailable) else 400
    ctx["export_args"] = [("topic", t) for t in topics] + [("doc", d) for d in doc_ids]
    return render_template("compare.html", **ctx)


@bp.route("/generate", methods=["GET", "POST"])
def generate():
    """Generate a notice, task book, timetable or college draft and download it."""
    docs, failures = _doc_choices()
    form = request.form if request.method == "POST" else request.args
    ctx: dict[str, Any] = {"docs": docs, "failures": failures, "outputs": OUTPUTS,
                           "doc_id": form.get("doc", ""), "kind": form.get("kind", "taskbook"),
                           "fmt": form.get("fmt", "docx"), "college": form.get("college", ""),
                           "error": None, "preview": None, "files": backend().outputs()[:20]}
    if request.method == "GET":
        return render_template("generate.html", **ctx)
    if not ctx["doc_id"]:
        ctx["error"] = "请选择一份文档。"
        return render_template("generate.html", **ctx), 400
    if request.form.get("action") == "preview":
        try:
            ctx["preview"] = backend().preview(ctx["kind"], ctx["doc_id"], ctx["college"])
        except PbdocsError as e:
            ctx["error"] = str(e)
            return render_template("generate.html", **ctx), 503 if isinstance(
                e, Unavailable) else 400
        return render_template("generate.html", **ctx)
    try:
        out = backend().generate(ctx["kind"], ctx["doc_id"], ctx["fmt"], ctx["college"])
    except PbdocsError as e:
        ctx["error"] = str(e)
        return render_template("generate.html", **ctx), 503 if isinstance(e, Unavailable) else 400
    return redirect(url_for("web.download", name=out.name), code=303)


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


@bp.route("/upload", methods=["GET", "POST"])
def upload():
    """Add a txt/docx/pdf/html file to the corpus and the index, showing its warnings."""
    max_mb = current_app.config["MAX_UPLOAD_MB"]
    if request.method == "GET":
        return render_template("upload.html", result=None, max_mb=max_mb)
    f = request.files.get("file")
    if f is None or not f.filename:
        return render_template("upload.html", result=None, max_mb=max_mb,
                               error="请先选择要上传的文件。"), 400
    result = backend().add_upload(f.filename, f.read())
    code = 400 if result.error else 200
    return render_template("upload.html", result=result, max_mb=max_mb,
                           error=result.error), code
