"""The web UI's one door to the library: corpus, search, cross-reference, generation and
upload, each a thin call into `pbdocs` that a view turns into a page. A library piece that is
not there yet raises `Unavailable`, which a page shows as a sentence instead of failing."""

from __future__ import annotations

import hashlib
import importlib
import re
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pbdocs.errors import InputError, PbdocsError
from pbdocs.model import Document
from pbdocs.web.safety import safe_filename, within

UPLOAD_SUFFIXES = {"txt", "docx", "pdf", "html", "htm", "md"}
MAX_REMEMBERED = 256  # parsed documents kept in memory by one web app

# What the generate page offers: kind → (Chinese name, formats, file-name word).
OUTPUTS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "notice": ("印发通知", ("docx",), "印发通知"),
    "taskbook": ("任务分解表", ("docx", "xlsx"), "任务分解表"),
    "timetable": ("工作时间表", ("docx", "ics"), "工作时间表"),
    "draft": ("二级学院实施方案草稿", ("docx",), "实施方案草稿"),
}


class Unavailable(PbdocsError):
    """A library feature this page needs has not been built or installed."""

    def __init__(self, what: str = ""):
        super().__init__(f"此功能尚未可用{'（' + what + '）' if what else ''}。")


def api(module: str, attr: str):
    """The library function `module.attr`, or Unavailable when it is not there yet."""
    try:
        return getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as e:
        raise Unavailable(f"{module}.{attr}") from e


def as_data(obj: Any) -> Any:
    """A library result as plain JSON-like data (objects with to_dict, or dicts as they are)."""
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    return obj


@dataclass
class UploadResult:
    """What an upload did: the document added (or None) and sentences for the person."""

    doc: Document | None = None
    name: str | None = None
    messages: list[str] = field(default_factory=list)
    error: str | None = None
    same_as: str | None = None  # id of a corpus document with exactly these bytes


@dataclass
class DocSummary:
    """What a list or a form shows of a document (a few hundred bytes, not the document)."""

    id: str
    title: str | None
    institution: str | None
    issuer: str | None
    doc_number: str | None
    kind: str | None
    date: str | None
    clauses: range  # only its length is shown

    @classmethod
    def of(cls, doc: Document) -> DocSummary:
        return cls(doc.id, doc.title, doc.institution, doc.issuer, doc.doc_number, doc.kind,
                   doc.date, range(len(doc.clauses)))


class Backend:
    """The corpus, index and output folders of one running web app."""

    def __init__(self, corpus_dir: str | Path, index_dir: str | Path, out_dir: str | Path,
                 engine: str | None = None, db: str | None = None):
        self.corpus_dir = Path(corpus_dir)
        self.index_dir = Path(index_dir)
        self.out_dir = Path(out_dir)
        self.engine, self.db = engine, db  # None: what the index folder recorded
        # Documents kept in memory, most recently used last (bounded: a corpus of 50,000 plans
        # is about 1 GB of parsed documents; pages load the others on demand).
        self._docs: OrderedDict[str, tuple[tuple[int, int], Document]] = OrderedDict()
        self._lock = threading.Lock()  # one writer to corpus and index at a time
        self._store = None
        self._summaries: dict[str, tuple[Any, DocSummary]] = {}

    # -- corpus ---------------------------------------------------------------------------
    def engine_name(self) -> str:
        """The search engine this app uses: as told, else as recorded in the index folder."""
        return api("pbdocs.search", "resolve_engine")(self.index_dir, self.engine, self.db)

    def shared(self) -> bool:
        """Whether corpus and index live in a database shared with other machines."""
        return self.engine_name() == "postgres"

    def store(self):
        """Where parsed documents are kept: the shared database, or the index folder."""
        if self._store is None:
            if self.shared():
                from pbdocs.pgstore import PgDocStore
                from pbdocs.search import database_url

                self._store = PgDocStore(database_url(self.index_dir, self.db),
                                         self.corpus().lexicon_dirs())
            else:
                from pbdocs.store import DocStore

                self._store = DocStore(self.index_dir, self.corpus().lexicon_dirs())
        return self._store

    def corpus(self):
        """The library's Corpus over our folders."""
        from pbdocs.corpus import Corpus

        return Corpus(self.corpus_dir, self.index_dir, store=self._store)

    def files(self) -> dict[str, Path]:
        """Document id → file in the corpus (empty when the folder does not exist); listed
        once per web request, since a page asks several times."""
        from flask import g, has_request_context

        cached = g.get("pbdocs_files") if has_request_context() else None
        if cached is None:
            cached = self.corpus().files() if self.corpus_dir.is_dir() else {}
            if has_request_context():
                g.pbdocs_files = cached
        return dict(cached)

    def _forget_files(self) -> None:
        """Drop this request's listing of the corpus (a file was added)."""
        from flask import g, has_request_context

        if has_request_context():
            g.pop("pbdocs_files", None)

    def load(self, doc_id: str, files: dict[str, Path] | None = None) -> Document:
        """A parsed corpus document by id (kept in memory while its file is unchanged);
        `files` saves listing the corpus again when the caller already did."""
        path = (files if files is not None else self.files()).get(doc_id)
        if path is None:
            doc = self.shared() and self.store().load(doc_id)  # parsed on another machine
            if not doc:
                raise InputError(f"语料库中没有编号为“{doc_id}”的文档。")
            return doc
        doc = self._remembered(doc_id, path)
        if doc is None:
            doc = self.corpus().load(doc_id)
            self._remember(doc, path)
        return doc

    def _stamp(self, path: Path) -> tuple[int, int]:
        st = path.stat()
        return st.st_mtime_ns, st.st_size

    def _remembered(self, doc_id: str, path: Path) -> Document | None:
        """The document kept in memory for this id, if its file has not changed since."""
        hit = self._docs.get(doc_id)
        if hit is None or hit[0] != self._stamp(path):
            return None
        self._docs.move_to_end(doc_id)
        return hit[1]

    def _remember(self, doc: Document, path: Path) -> None:
        self._docs[doc.id] = (self._stamp(path), doc)
        self._docs.move_to_end(doc.id)
        while len(self._docs) > MAX_REMEMBERED:
            self._docs.popitem(last=False)

    def documents(self) -> tuple[list[Document], list[str]]:
        """Every parsable corpus document, and a sentence for each file that failed."""
        files = self.files()
        failed: dict[str, str] = {}
        stale = [i for i, p in files.items() if self._remembered(i, p) is None]
        if len(stale) > 1:
            # One pass over the corpus: loading by id one at a time lists the folder each time.
            def note(f) -> None:
                failed[str(f.path)] = f.message

            for doc in self.corpus().documents(on_error=note):
                if doc.id in files:
                    self._remember(doc, files[doc.id])
        docs, failures = [], []
        for doc_id, path in files.items():
            if str(path) in failed:
                failures.append(f"{path.name}：{failed[str(path)]}")
                continue
            try:
                docs.append(self.load(doc_id, files))
            except PbdocsError as e:
                failures.append(f"{path.name}：{e}")
        if self.shared():  # documents other machines added to the shared database
            for doc_id in self.store().ids():
                if doc_id not in files:
                    doc = self.store().load(doc_id)
                    if doc is not None:
                        docs.append(doc)
        return docs, failures

    def catalog(self) -> tuple[list[DocSummary], list[str]]:
        """What lists and forms show of every document (title, institution, date, kind, number
        of clauses), kept in memory small; the documents themselves are read one at a time
        when a summary is missing or stale, and not kept."""
        files = self.files()
        failures: list[str] = []
        out: list[DocSummary] = []
        for doc_id, path in files.items():
            try:
                stamp: Any = self._stamp(path)
            except OSError:
                continue
            hit = self._summaries.get(doc_id)
            if hit is None or hit[0] != stamp:
                try:
                    doc = self._remembered(doc_id, path) or self.corpus().load(doc_id)
                except PbdocsError as e:
                    failures.append(f"{path.name}：{e}")
                    continue
                hit = self._summaries[doc_id] = (stamp, DocSummary.of(doc))
            out.append(hit[1])
        if self.shared():  # documents other machines added to the shared database
            for doc_id, sha in self.store().versions():
                if doc_id in files:
                    continue
                hit = self._summaries.get(doc_id)
                if hit is None or hit[0] != sha:
                    doc = self.store().load(doc_id)
                    if doc is None:
                        continue
                    hit = self._summaries[doc_id] = (sha, DocSummary.of(doc))
                out.append(hit[1])
        return out, failures

    def stream(self):
        """Every document, one at a time (for the similarity index and comparisons): the
        corpus's stream, or with a shared database every document stored there."""
        if self.shared():
            return self.store().stream()
        return self.corpus().stream()

    def source_file(self, doc_id: str) -> Path:
        """The original file of a corpus document, checked to lie inside the corpus folder."""
        path = self.files().get(doc_id)
        safe = within(self.corpus_dir, str(path.relative_to(self.corpus_dir))) if path else None
        if safe is None or not safe.is_file():
            raise InputError(f"语料库中没有编号为“{doc_id}”的文档。")
        return safe

    # -- search ---------------------------------------------------------------------------
    def index_ready(self) -> bool:
        """Whether the search index has been built (in the index folder or the database)."""
        exists = api("pbdocs.search", "index_exists")
        try:
            return exists(self.index_dir, self.engine, self.db)
        except PbdocsError:
            return True  # there but damaged or unreachable: searching says so in a sentence

    def build_index(self, jobs: int | None = 1) -> dict:
        """Build or update the search index over the corpus (incremental), with the engine
        the index was built with (or the one this app was told)."""
        build = api("pbdocs.search", "build_index")
        with self._lock:
            return as_data(build(self.corpus_dir, self.index_dir, engine=self.engine_name(),
                                 db=self.db, jobs=jobs)) or {}

    def search(self, query: str, limit: int, offset: int, **filters: Any) -> dict:
        """Search the index; returns the spec's JSON (query, total, hits, facets)."""
        run = api("pbdocs.search", "search")
        if not self.index_ready():
            self.build_index()
        kwargs = {k: v for k, v in filters.items() if v not in (None, "")}
        api("pbdocs.search.query", "parse_query")(query)  # a malformed query: its sentence
        try:
            result = run(self.index_dir, query, limit=limit, offset=offset, facets=True,
                         engine=self.engine, db=self.db, **kwargs)
        except InputError:
            # The query is fine, so the index is missing, stale or damaged: a person in a
            # browser cannot run `pbdocs index`, so update it here and try once more.
            if self.shared() and self.index_ready():
                raise  # the shared database answered: its sentence stands
            self.build_index()
            result = run(self.index_dir, query, limit=limit, offset=offset, facets=True,
                         engine=self.engine, db=self.db, **kwargs)
        data = as_data(result)
        # The library's highlight knows which characters matched; keep them as (fragment,
        # spans) so the page can escape the text first and mark it after.
        for hit, obj in zip(data.get("hits", []), getattr(result, "hits", None) or []):
            hl = getattr(obj, "highlight", None)
            if hl is not None and hasattr(hl, "fragment") and hasattr(hl, "spans"):
                hit["fragment"], hit["spans"] = hl.fragment, list(hl.spans)
        return data

    def warm(self) -> int:
        """Summarise every document and fit (or load) the similarity index now, so that the
        first page a person opens is quick; returns the number of documents."""
        docs, _ = self.catalog()
        if docs:
            api("pbdocs.crossref.cache", "get_index")(self.stream(), self.index_dir)
        return len(docs)

    # -- cross-reference --------------------------------------------------------------------
    def similar(self, clause_id: str, top: int = 5) -> list[dict]:
        """The clauses of other institutions most like this one."""
        run = api("pbdocs.crossref", "similar")
        result = as_data(run(self.stream(), clause_id=clause_id, top=top, other_institutions=True,
                             index_dir=self.index_dir))
        return result.get("hits", []) if isinstance(result, dict) else list(result or [])

    def topics(self) -> list[str]:
        """The topics the cross-reference stage knows, to offer as choices (may be empty)."""
        for name in ("default_topics", "topics", "TOPICS", "DEFAULT_TOPICS"):
            try:
                value = getattr(importlib.import_module("pbdocs.crossref"), name)
            except (ImportError, AttributeError):
                continue
            try:
                value = value() if callable(value) else value
            except Exception:  # noqa: BLE001, S112 - choices are optional; a typed topic works
                continue
            if isinstance(value, dict):
                value = list(value)
            return [str(t) for t in value]
        return []

    def compare(self, topics: list[str], doc_ids: list[str]) -> dict:
        """The requirement matrix: for each topic, what each institution's plan requires."""
        run = api("pbdocs.crossref", "compare")
        return as_data(run(self.stream(), topics=topics or None, doc_ids=doc_ids or None,
                           index_dir=self.index_dir))

    def compare_view(self, result: dict) -> dict:
        """The matrix laid out for a person: rows of cells in institution order, numbers that
        differ between institutions flagged, and the legend."""
        return api("pbdocs.crossref.present", "context")(result)

    def export_compare(self, result: dict, topics: list[str], fmt: str) -> Path:
        """Write the matrix as .docx or .xlsx into the output folder."""
        if fmt not in ("docx", "xlsx"):
            raise InputError("比对表只能导出为 docx 或 xlsx。")
        write = api("pbdocs.crossref.present", "write")
        stem = safe_filename("要求比对表-" + "、".join(topics)[:40] if topics else "要求比对表")
        out = within(self.out_dir, f"{stem}.{fmt}")
        if out is None:
            raise InputError("输出文件名不合法。")
        self.out_dir.mkdir(parents=True, exist_ok=True)
        write(result, out)
        return out

    # -- generation ---------------------------------------------------------------------------
    def generate(self, kind: str, doc_id: str, fmt: str, college: str = "") -> Path:
        """Write one generated document into the output folder and return its path."""
        if kind not in OUTPUTS:
            raise InputError("请选择要生成的公文类型。")
        label, formats, word = OUTPUTS[kind]
        if fmt not in formats:
            raise InputError(f"{label}不能生成 .{fmt} 格式，可选：{'、'.join(formats)}。")
        doc = self.load(doc_id)
        college = college.strip()
        if kind == "draft" and not college:
            raise InputError("生成二级学院方案草稿需要填写学院名称。")
        if kind != "draft":
            college = ""  # the form sends it for every kind; only a draft is the college's
        stem = safe_filename(f"{doc_id}-{college}{word}" if college else f"{doc_id}-{word}")
        out = within(self.out_dir, f"{stem}.{fmt}")
        if out is None:
            raise InputError("输出文件名不合法。")
        self.out_dir.mkdir(parents=True, exist_ok=True)
        _write(kind, fmt, doc, out, college)
        if not out.is_file():
            raise PbdocsError(f"{label}未能生成。")
        return out

    def preview(self, kind: str, doc_id: str, college: str = "") -> str:
        """The document that `generate` would write, as a standalone HTML page (same Markdown,
        same styles), to look at before downloading."""
        if kind not in OUTPUTS:
            raise InputError("请选择要生成的公文类型。")
        doc = self.load(doc_id)
        gen = "pbdocs.generate"
        if kind == "notice":
            md = api("pbdocs.generate.notice", "notice_markdown")(doc)
        elif kind == "taskbook":
            md = api(gen, "render_markdown")("taskbook", api(gen, "taskbook_context")(doc))
        elif kind == "timetable":
            md = api(gen, "render_markdown")("timetable", api(gen, "timetable_context")(doc))
        else:
            if not college.strip():
                raise InputError("生成二级学院方案草稿需要填写学院名称。")
            ctx = api("pbdocs.generate.draft", "build_draft_context")(doc, college.strip())
            md = api("pbdocs.generate.draft", "render_markdown")(ctx)
        return api(gen, "markdown_to_html")(md, standalone=True, title=OUTPUTS[kind][0])

    def outputs(self) -> list[Path]:
        """Files in the output folder, newest first."""
        if not self.out_dir.is_dir():
            return []
        files = [p for p in self.out_dir.iterdir() if p.is_file() and not p.name.startswith(".")]
        return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)

    def output_file(self, name: str) -> Path:
        """A generated file by name, refusing any name that leads outside the output folder."""
        path = within(self.out_dir, name)
        if path is None or not path.is_file():
            raise FileNotFoundError(name)
        return path

    # -- upload ---------------------------------------------------------------------------
    def add_upload(self, filename: str, data: bytes) -> UploadResult:
        """Parse an uploaded file; when it parses, add it to the corpus (never overwriting a
        file) and to the index. Problems come back as sentences, never as exceptions."""
        res = UploadResult()
        name = safe_filename(filename)
        ext = name.rpartition(".")[2].lower() if "." in name else ""
        if not name:
            res.error = "文件名无效，请重新选择文件。"
            return res
        if ext not in UPLOAD_SUFFIXES:
            res.error = (f"不支持的文件类型“.{ext}”，请上传 txt、docx、pdf 或 html 文件。"
                         if ext else "文件没有扩展名，请上传 txt、docx、pdf 或 html 文件。")
            return res
        if not data:
            res.error = "上传的文件是空的。"
            return res
        if name != filename:
            res.messages.append(f"文件名已整理为“{name}”。")
        from pbdocs.parse import parse_file, slugify

        with self._lock:
            self.corpus_dir.mkdir(parents=True, exist_ok=True)
            same = self._same_bytes(data)
            if same is not None:
                res.same_as = same
                res.messages.append(
                    f"语料库中已有内容完全相同的文件（文档编号 {same}），未重复添加。")
                return res
            final = self._free_name(name, slugify)
            if final != name:
                res.messages.append(f"语料库中已有同名文件，新文件另存为“{final}”，原文件未被覆盖。")
            doc_id = slugify(final)
            with tempfile.TemporaryDirectory(prefix="pbdocs-upload-") as tmp:
                tmp_path = Path(tmp) / final
                tmp_path.write_bytes(data)
                try:
                    doc = parse_file(tmp_path, doc_id=doc_id)
                except PbdocsError as e:
                    res.error = str(e)
                    return res
                except Exception as e:  # noqa: BLE001 - a corrupt file is a message, not a 500
                    res.error = f"无法解析该文件（{type(e).__name__}），请检查文件是否完整。"
                    return res
                if not doc.clauses:
                    res.error = ("没有从该文件中识别出正文内容，未加入语料库。"
                                 "请确认文件内容是政策文本。")
                    return res
                target = self.corpus_dir / final
                try:
                    with open(target, "xb") as fh:  # "x": never overwrite, even in a race
                        fh.write(data)
                except FileExistsError:
                    res.error = "语料库中已有同名文件，未保存。请改名后重新上传。"
                    return res
                self._forget_files()
            doc.source.path = str(target)
            try:
                self.store().put(doc)  # not parsed again
            except OSError:
                pass
        res.doc, res.name = doc, final
        try:
            if self.shared():  # add to the shared index; other machines' documents stay
                api("pbdocs.search", "index_documents")([doc], self.index_dir, engine="postgres",
                                                        db=self.db)
            else:
                self.build_index()
        except Unavailable:
            res.messages.append("检索功能尚未可用：文档已加入语料库，但暂未加入检索索引。")
        except PbdocsError as e:
            res.messages.append(f"文档已加入语料库，但更新检索索引失败：{e}")
        return res

    def _same_bytes(self, data: bytes) -> str | None:
        """The id of a corpus file whose bytes are exactly `data`, if any."""
        digest = hashlib.sha256(data).digest()
        for doc_id, path in self.files().items():
            try:
                if path.stat().st_size == len(data) and \
                        hashlib.sha256(path.read_bytes()).digest() == digest:
                    return doc_id
            except OSError:
                continue
        return None

    def _free_name(self, name: str, slugify) -> str:
        """`name`, or `name-2`, `name-3` … : the first that clashes with no corpus file name
        (case-insensitively) and no document id."""
        taken_names = {p.name.lower() for p in self.corpus_dir.iterdir()}
        taken_ids = set(self.files())
        stem, _, ext = name.rpartition(".")
        candidate, n = name, 1
        while candidate.lower() in taken_names or slugify(candidate) in taken_ids:
            n += 1
            candidate = f"{stem}-{n}.{ext}"
        return candidate


def _write(kind: str, fmt: str, doc: Document, out: Path, college: str) -> None:
    """Call the generate library's writer for one output kind and format."""
    gen = "pbdocs.generate"
    if kind == "notice":
        api(gen, "write_notice")(doc, out)
    elif kind == "taskbook" and fmt == "xlsx":
        api(gen, "write_xlsx")(api(gen, "taskbook_rows")(doc), out)
    elif kind == "taskbook":
        api(gen, "write_taskbook")(doc, out)
    elif kind == "timetable" and fmt == "ics":
        api(gen, "write_ics")(doc, out)
    elif kind == "timetable":
        api(gen, "write_timetable")(doc, out)
    else:
        api("pbdocs.generate.draft", "write_draft")(doc, college, out)


_SPLIT = re.compile(r"[,，、;；\s]+")


def split_list(values: list[str]) -> list[str]:
    """Form values that may each hold several items separated by commas or spaces."""
    out: list[str] = []
    for v in values:
        out += [x for x in _SPLIT.split(v or "") if x and x not in out]
    return out
