"""The web UI's one door to the library: corpus, search, cross-reference, generation and
upload, each a thin call into `pbdocs` that a view turns into a page. Library errors come back as
`PbdocsError`s, which a page shows as a sentence."""

from __future__ import annotations

import hashlib
import re
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pbdocs.errors import InputError, PbdocsError
from pbdocs.model import Document
from pbdocs.read import EXTENSIONS
from pbdocs.web.safety import safe_filename, within

if TYPE_CHECKING:
    from pbdocs.generate.outputs import Written

# Uploads are the files a reader exists for (pbdocs.read.EXTENSIONS), without the dot.
UPLOAD_SUFFIXES = {ext.lstrip(".") for ext in EXTENSIONS}
FILES_TTL = 2.0  # seconds a listing of the corpus is trusted (files in deeper folders)
# Formats a person downloads from the generate page (Markdown and HTML are for previews).
_DOWNLOAD_FORMATS = ("docx", "xlsx", "ics")


def _outputs() -> dict[str, tuple[str, tuple[str, ...], str]]:
    """What the generate page offers, from the registry of output kinds: kind → (Chinese name,
    formats, file-name word)."""
    from pbdocs.generate.outputs import document_kinds

    return {k.key: (k.label, tuple(f for f in k.formats if f in _DOWNLOAD_FORMATS), k.file_word)
            for k in document_kinds()}


OUTPUTS = _outputs()


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


class Backend:
    """The corpus, index and output folders of one running web app."""

    def __init__(self, corpus_dir: str | Path, index_dir: str | Path, out_dir: str | Path,
                 parse_processes: int = 0, engine: str | None = None, db: str | None = None):
        self.corpus_dir = Path(corpus_dir)
        self.index_dir = Path(index_dir)
        self.out_dir = Path(out_dir)
        self.engine, self.db = engine, db  # None: the engine recorded in the index folder
        self._store = None
        self._docs: dict[str, tuple[tuple[int, int], Document]] = {}
        self._lock = threading.RLock()  # one writer to corpus and index at a time
        self._files_cache: tuple | None = None
        self._index_lock = threading.RLock()  # one index update at a time
        self._written = self._indexed = 0  # corpus writes made, and covered by the index
        self.parse_processes = parse_processes
        self._pool = None  # worker processes that parse uploads (when parse_processes > 0)
        from pbdocs.web.jobs import Jobs

        self.jobs = Jobs()
        self._compared: dict[str, dict] = {}  # recent comparisons by compare_key

    # -- corpus ---------------------------------------------------------------------------
    def engine_name(self) -> str:
        """The search engine this app uses: as told, else as recorded in the index folder."""
        from pbdocs.search import resolve_engine

        return resolve_engine(self.index_dir, self.engine, self.db)

    def shared(self) -> bool:
        """Whether corpus and index live in a database shared with other machines."""
        return self.engine_name() == "postgres"

    def store(self):
        """Where parsed documents are kept: the shared database, or the index folder."""
        if self._store is None and self.shared():
            from pbdocs.pgstore import PgDocStore
            from pbdocs.search import database_url

            self._store = PgDocStore(database_url(self.index_dir, self.db),
                                     self.corpus().lexicon_dirs())
        if self._store is not None:
            return self._store
        from pbdocs.store import DocStore

        return DocStore(self.index_dir, self.corpus().lexicon_dirs())

    def corpus(self):
        """The library's Corpus over our folders."""
        from pbdocs.corpus import Corpus

        return Corpus(self.corpus_dir, self.index_dir, store=self._store)

    def files(self) -> dict[str, Path]:
        """Document id → file in the corpus (empty when the folder does not exist). The listing
        is kept while the folders' modification times stay the same (a file added, removed or
        renamed changes them), and at most FILES_TTL seconds: walking the corpus on every
        request cost more than the search itself."""
        import time

        stamp = self._folders_stamp()
        cached = self._files_cache
        if cached is None or cached[1] != stamp or time.monotonic() - cached[0] > FILES_TTL:
            listing = self.corpus().files() if self.corpus_dir.is_dir() else {}
            stamps = {}
            for p in listing.values():
                try:
                    st = p.stat()
                    stamps[p] = (st.st_mtime_ns, st.st_size)
                except OSError:
                    pass
            cached = self._files_cache = (time.monotonic(), stamp, listing, stamps)
        return dict(cached[2])

    def _folders_stamp(self) -> tuple:
        """The modification times of the corpus folder and its direct subfolders."""
        import os

        try:
            out = [os.stat(self.corpus_dir).st_mtime_ns]
            with os.scandir(self.corpus_dir) as it:
                out += [e.stat().st_mtime_ns for e in it if e.is_dir()]
            return tuple(out)
        except OSError:
            return ()

    def _forget_files(self) -> None:
        """Drop the listing of the corpus (a file was added, moved or removed)."""
        self._files_cache = None

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
        """A file's (mtime, size), as stat'ed when the corpus was last listed (FILES_TTL)."""
        cached = self._files_cache
        if cached is not None and path in cached[3]:
            return cached[3][path]
        st = path.stat()
        return st.st_mtime_ns, st.st_size

    def _remembered(self, doc_id: str, path: Path) -> Document | None:
        """The document kept in memory for this id, if its file has not changed since."""
        hit = self._docs.get(doc_id)
        return hit[1] if hit is not None and hit[0] == self._stamp(path) else None

    def _remember(self, doc: Document, path: Path) -> None:
        self._docs[doc.id] = (self._stamp(path), doc)

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
        from pbdocs.search import index_exists

        try:
            return index_exists(self.index_dir, self.engine, self.db)
        except PbdocsError:
            return True  # there but damaged or unreachable: searching says so in a sentence

    def build_index(self, jobs: int | None = 1) -> dict:
        """Build or update the search index over the corpus (incremental), with the engine the
        index was built with (or the one this app was told)."""
        return self._build_index_locked(jobs)

    def search(self, query: str, limit: int, offset: int, facets: tuple[str, ...] = (),
               **filters: Any) -> dict:
        """Search the index (an empty query lists the clauses within the filters); returns the
        spec's JSON (query, total, hits, facets asked for)."""
        from pbdocs.search import search as run
        from pbdocs.search.query import parse_query

        if not self.index_ready():
            self.build_index()
        kwargs = {k: v for k, v in filters.items() if v not in (None, "", [])}
        if query.strip():
            parse_query(query)  # a malformed query: its sentence
        args = dict(limit=limit, offset=offset, facets=facets or False, browse=True,
                    engine=self.engine, db=self.db, **kwargs)
        try:
            result = run(self.index_dir, query, **args)
        except InputError:
            # The query is fine, so the index is missing, stale or damaged: a person in a
            # browser cannot run `pbdocs index`, so update it here and try once more.
            if self.shared() and self.index_ready():
                raise  # the shared database answered: its sentence stands
            self.build_index()
            result = run(self.index_dir, query, **args)
        data = as_data(result)
        # The library's highlight knows which characters matched; keep them as (fragment,
        # spans) so the page can escape the text first and mark it after.
        for hit, obj in zip(data.get("hits", []), getattr(result, "hits", None) or []):
            hl = getattr(obj, "highlight", None)
            if hl is not None and hasattr(hl, "fragment") and hasattr(hl, "spans"):
                hit["fragment"], hit["spans"] = hl.fragment, list(hl.spans)
            rec = getattr(obj, "record", None)
            if rec is not None:
                hit.update(order=rec.order, date=rec.date, doc_number=rec.doc_number,
                           kind=rec.kind)
        return data

    def warm(self) -> int:
        """Read every document and fit (or load) the similarity index now, so that the first
        page a person opens is quick; returns the number of documents."""
        from pbdocs.crossref.cache import get_index

        docs, _ = self.documents()
        if docs:
            get_index(docs, self.index_dir)
        return len(docs)

    # -- cross-reference --------------------------------------------------------------------
    def similar(self, clause_id: str, top: int = 5) -> list[dict]:
        """The clauses of other institutions most like this one."""
        from pbdocs.crossref import similar as run

        docs, _ = self.documents()
        result = as_data(run(docs, clause_id=clause_id, top=top, other_institutions=True,
                             index_dir=self.index_dir))
        return result.get("hits", []) if isinstance(result, dict) else list(result or [])

    def topics(self) -> list[str]:
        """The curated topics of the cross-reference stage, to offer as choices."""
        from pbdocs.crossref import default_topics

        return default_topics()

    def compare(self, topics: list[str], doc_ids: list[str], job=None) -> dict:
        """The requirement matrix: for each topic, what each institution's plan requires
        (topic by topic when topics are named, saying how far it got to `job`)."""
        from pbdocs.crossref import compare as run

        if job is not None:
            job.step("正在读取文件……")
        docs, _ = self.documents()
        if not topics:
            if job is not None:
                job.step("正在按默认专题比对，并发现各校共同涉及的其他话题……")
            return as_data(run(docs, topics=None, doc_ids=doc_ids or None,
                               index_dir=self.index_dir))
        result: dict = {}
        for k, topic in enumerate(topics):
            if job is not None:
                job.step(f"正在比对专题“{topic}”（{k + 1}/{len(topics)}）……", k, len(topics))
            part = as_data(run(docs, topics=[topic], doc_ids=doc_ids or None,
                               index_dir=self.index_dir))
            result.setdefault("institutions", part.get("institutions", []))
            result.setdefault("requirements", []).extend(part.get("requirements", []))
        return result

    def compare_key(self, topics: list[str], doc_ids: list[str]) -> str:
        """What a comparison depends on: the topics, the documents and the corpus's files."""
        stamp = sorted((i, *self._stamp(p)) for i, p in self.files().items())
        return repr((sorted(topics), sorted(doc_ids), stamp))

    def compare_cached(self, key: str) -> dict | None:
        """A comparison already made for this key (kept for the last few)."""
        return self._compared.get(key)

    def start_compare(self, key: str, topics: list[str], doc_ids: list[str]):
        """Make a comparison in a job (or join the one already running); its result is kept."""
        running = self.jobs.find("compare", key)
        if running is not None:
            return running

        def work(job):
            result = self.compare(topics, doc_ids, job)
            self._compared[key] = result
            while len(self._compared) > 8:
                self._compared.pop(next(iter(self._compared)))
            return result

        return self.jobs.submit("compare", key, work, self.people)

    def compare_view(self, result: dict) -> dict:
        """The matrix laid out for a person: rows of cells in institution order, numbers that
        differ between institutions flagged, and the legend."""
        from pbdocs.generate.compare import context

        return context(result)

    def export_compare(self, result: dict, topics: list[str], fmt: str) -> tuple[bytes, str]:
        """The matrix as .docx or .xlsx: (bytes, file name). Written in a temporary folder and
        read back, so that a download changes nothing on the server."""
        from pbdocs.generate.outputs import write

        if fmt not in ("docx", "xlsx"):
            raise InputError("比对表只能导出为 docx 或 xlsx。")
        stem = safe_filename("要求比对表-" + "、".join(topics)[:40] if topics else "要求比对表")
        with tempfile.TemporaryDirectory(prefix="pbdocs-export-") as tmp:
            out = write("compare", result, Path(tmp) / f"{stem}.{fmt}").out
            return out.read_bytes(), out.name

    # -- generation ---------------------------------------------------------------------------
    def generate(self, kind: str, doc_id: str, fmt: str, college: str = "") -> Written:
        """Write one generated document into the output folder: the `Written` record (its
        path, and the lines a person should read about it)."""
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
        from pbdocs.generate.outputs import write

        try:
            return write(kind, doc, out,
                         **({"college": college} if kind == "draft" else {}))
        except PbdocsError as e:
            raise PbdocsError(self.people(e)) from e

    def preview(self, kind: str, doc_id: str, college: str = "") -> str:
        """The document that `generate` would write, as a standalone HTML page (same Markdown,
        same styles), to look at before downloading."""
        if kind not in OUTPUTS:
            raise InputError("请选择要生成的公文类型。")
        from pbdocs.generate.outputs import preview_html

        doc = self.load(doc_id)
        if kind != "draft":
            return preview_html(kind, doc)
        if not college.strip():
            raise InputError("生成二级学院方案草稿需要填写学院名称。")
        return preview_html(kind, doc, college=college.strip())

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

    # -- upload, replace, delete, restore -------------------------------------------------
    def check_upload(self, filename: str, data: bytes) -> tuple[str, list[str]]:
        """The name an upload will be saved under and notes about it; InputError (a sentence)
        when it cannot be taken at all. Quick: nothing is parsed."""
        name = safe_filename(filename)
        ext = name.rpartition(".")[2].lower() if "." in name else ""
        if not name:
            raise InputError("文件名无效，请重新选择文件。")
        if ext not in UPLOAD_SUFFIXES:
            kinds = "txt、docx、pdf、html、md 或 doc"
            raise InputError(f"不支持的文件类型“.{ext}”，请上传 {kinds} 文件。"
                             if ext else f"文件没有扩展名，请上传 {kinds} 文件。")
        if not data:
            raise InputError("上传的文件是空的。")
        return name, ([f"文件名已整理为“{name}”。"] if name != filename else [])

    def start_upload(self, filename: str, data: bytes, replace: str | None = None):
        """Check an upload, then parse and add it in a job (the page polls it); with `replace`,
        the new file takes the place of that document (same id), the old one kept in the
        recycle bin. Returns the Job; InputError when the file cannot be taken at all."""
        name, notes = self.check_upload(filename, data)
        if replace is not None:
            self.source_file(replace)  # the document must exist (InputError)
        kind = "replace" if replace else "upload"
        return self.jobs.submit(kind, name,
                                lambda job: self._upload_job(job, name, data, notes, replace),
                                lambda e: self.people(e))

    def people(self, e: BaseException, names: dict[str, str] | None = None) -> str:
        """An exception as a sentence for a web page (no server path, no exception name)."""
        from pbdocs.web.safety import for_people

        if isinstance(e, PbdocsError):
            return for_people(str(e), {**self._folders(), **(names or {})})
        return "处理时出现了意外错误，请检查文件是否完整后重试。"

    def _folders(self) -> dict[str, str]:
        return {str(self.corpus_dir.resolve()): "语料库", str(self.corpus_dir): "语料库",
                str(self.index_dir.resolve()): "索引", str(self.index_dir): "索引",
                str(self.out_dir.resolve()): "输出目录", str(self.out_dir): "输出目录"}

    def _upload_job(self, job, name: str, data: bytes, notes: list[str],
                    replace: str | None) -> UploadResult:
        """Parse (outside the corpus lock: other uploads and every search go on), then add the
        file to the corpus and the index under the lock."""
        from pbdocs.parse import slugify

        res = UploadResult(messages=list(notes))
        job.step("正在读取并解析文件（识别标题层级、条款、部门与时限）……", 1, 3)
        old = self.source_file(replace) if replace else None
        doc_id = replace or slugify(name)
        with tempfile.TemporaryDirectory(prefix="pbdocs-upload-") as tmp:
            tmp_path = Path(tmp) / name
            tmp_path.write_bytes(data)
            try:
                doc = self._parse(tmp_path, doc_id)
            except PbdocsError as e:
                res.error = self.people(e, {str(tmp_path): name, tmp: ""})
                return res
            except Exception:  # noqa: BLE001 - a corrupt file is a message, not a 500
                res.error = "无法解析该文件，请检查文件是否完整、能否在 Word 或 WPS 中打开。"
                return res
            if not doc.clauses:
                res.error = ("没有从该文件中识别出正文内容，未加入语料库。"
                             "请确认文件内容是政策文本。")
                return res
        job.step("正在加入语料库……", 2, 3)
        with self._lock:
            self.corpus_dir.mkdir(parents=True, exist_ok=True)
            same = self._same_bytes(data)
            if same is not None:
                res.same_as = same
                res.messages.append(
                    f"语料库中已有内容完全相同的文件（文档编号 {same}），未重复添加。")
                return res
            if old is not None:
                final = old.stem + "." + name.rpartition(".")[2]
                self._to_trash(old)
                res.messages.append(f"原文件“{old.name}”已移入回收站，可在“管理文件”中恢复。")
            else:
                final = self._free_name(name, slugify)
                if final != name:
                    res.messages.append(
                        f"语料库中已有同名文件，新文件另存为“{final}”，原文件未被覆盖。")
            target = self.corpus_dir / final
            try:
                with open(target, "xb") as fh:  # "x": never overwrite, even in a race
                    fh.write(data)
            except FileExistsError:
                res.error = "语料库中已有同名文件，未保存。请改名后重新上传。"
                return res
            except OSError as e:
                res.error = self.people(PbdocsError(f"无法保存文件（{e.strerror}）。"))
                return res
            doc.source.path = str(target)
            if slugify(final) == doc.id:  # else its ids differ: indexing parses it again
                try:
                    self.store().put(doc)
                except OSError:
                    pass
            res.name = final
            self._written += 1
            mine = self._written
        job.step("正在更新检索索引……", 3, 3)
        try:
            if self.shared():  # add to the shared index; other machines' documents stay
                from pbdocs.search import index_documents

                with self._index_lock:
                    index_documents([doc], self.index_dir, engine="postgres", db=self.db)
            else:
                self._index_upto(mine)
        except PbdocsError as e:
            res.messages.append(f"文档已加入语料库，但更新检索索引失败：{self.people(e)}")
        new_id = next((i for i, p in self.files().items() if p.name == final), None)
        res.doc = self.load(new_id) if new_id and new_id != doc.id else doc
        return res

    def _index_upto(self, written: int) -> None:
        """Bring the index up to date with the corpus writes up to number `written`; one
        update covers every file written before it began, so uploads arriving together are
        indexed together instead of one after another."""
        with self._index_lock:
            if self._indexed >= written:
                return
            target = self._written  # every file counted here is on disk already
            self._build_index_locked()
            self._indexed = max(self._indexed, target)

    def _parse(self, path: Path, doc_id: str) -> Document:
        """Parse an uploaded file: in a worker process when the app has them (parsing is
        Python-bound: in a thread it would take turns with every search; a process has a core
        of its own, and a file that exhausts its memory ends that process, not the server),
        else here."""
        # the upload lies in a temporary folder: its corpus's own lexicons still apply
        lexdirs = self.corpus().lexicon_dirs() if self.corpus_dir.is_dir() else None
        if not self.parse_processes:
            from pbdocs.parse import parse_file

            return parse_file(path, doc_id=doc_id, lexicon_dirs=lexdirs)
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._workers().submit(_parse_in_worker, str(path), doc_id, lexdirs).result()
        except BrokenProcessPool as e:
            self._pool = None  # the next upload gets a fresh worker
            raise InputError("解析该文件时耗尽了资源（文件可能过大或已损坏），"
                             "未加入语料库。") from e

    def _workers(self):
        with self._lock:
            if self._pool is None:
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                # spawn: forking a process that runs threads is unsafe (and Windows has no fork)
                self._pool = ProcessPoolExecutor(
                    max_workers=self.parse_processes,
                    mp_context=multiprocessing.get_context("spawn"))
            return self._pool

    def start_workers(self) -> None:
        """Start the parsing processes now (they load the parser once), not at the first
        upload."""
        if self.parse_processes:
            self._workers().submit(_parse_in_worker, "", "").result()

    def stop_workers(self) -> None:
        """End the parsing processes (when the server stops)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def delete(self, doc_id: str) -> str:
        """Move a document's file to the recycle bin and take it out of the index; returns the
        file's name."""
        with self._lock:
            path = self.source_file(doc_id)
            self._to_trash(path)
            self._docs.pop(doc_id, None)
            self._build_index_locked()
        return path.name

    @property
    def trash_dir(self) -> Path:
        """The recycle bin: a hidden folder in the corpus (never read as a document)."""
        return self.corpus_dir / ".pbdocs-trash"

    def _to_trash(self, path: Path) -> Path:
        import time

        self.trash_dir.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.trash_dir / f"{stamp}_{path.name}"
        n = 1
        while target.exists():
            n += 1
            target = self.trash_dir / f"{stamp}-{n}_{path.name}"
        path.replace(target)
        self._forget_files()
        return target

    def trash(self) -> list[dict]:
        """Files in the recycle bin, newest first: {key, name, deleted, size}."""
        if not self.trash_dir.is_dir():
            return []
        out = []
        for p in self.trash_dir.iterdir():
            stamp, _, name = p.name.partition("_")
            if p.is_file() and name:
                out.append({"key": p.name, "name": name, "size": p.stat().st_size,
                            "deleted": _stamp_words(stamp)})
        return sorted(out, key=lambda x: x["key"], reverse=True)

    def restore(self, key: str) -> str:
        """Put a file from the recycle bin back into the corpus (under a free name) and index
        it; returns the name it has now."""
        from pbdocs.parse import slugify

        with self._lock:
            path = within(self.trash_dir, key)
            if path is None or not path.is_file() or path.parent != self.trash_dir.resolve():
                raise InputError("回收站中没有这个文件，它可能已被恢复。")
            name = self._free_name(path.name.partition("_")[2], slugify)
            path.replace(self.corpus_dir / name)
            self._forget_files()
            self._build_index_locked()
        return name

    def _build_index_locked(self, jobs: int | None = 1) -> dict:
        """Update the index (one update at a time in this process: the index folder's own
        lock refuses a second writer rather than waiting for it), with the engine the index
        was built with: a tantivy index is never rebuilt as whoosh behind a person's back."""
        from pbdocs.search import build_index as build

        with self._index_lock:
            self._forget_files()
            return as_data(build(self.corpus_dir, self.index_dir, engine=self.engine_name(),
                                 db=self.db, jobs=jobs)) or {}

    def managed_files(self) -> list[dict]:
        """The corpus files for the management page: id, name, size, modified, document."""
        docs = {d.id: d for d in self.documents()[0]}
        out = []
        for doc_id, path in self.files().items():
            st = path.stat()
            out.append({"id": doc_id, "name": path.name, "size": st.st_size,
                        "modified": _time_words(st.st_mtime), "doc": docs.get(doc_id)})
        return out

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
        self._forget_files()
        taken_ids = set(self.files())
        stem, _, ext = name.rpartition(".")
        candidate, n = name, 1
        while candidate.lower() in taken_names or slugify(candidate) in taken_ids:
            n += 1
            candidate = f"{stem}-{n}.{ext}"
        return candidate


def _parse_in_worker(path: str, doc_id: str,
                     lexicon_dirs: tuple[str, ...] | None = None) -> Document | None:
    """parse_file in a worker process ("" only loads the parser)."""
    from pbdocs.parse import parse_file

    return parse_file(Path(path), doc_id=doc_id, lexicon_dirs=lexicon_dirs) if path else None


def _time_words(t: float) -> str:
    import time

    return time.strftime("%Y-%m-%d %H:%M", time.localtime(t))


def _stamp_words(stamp: str) -> str:
    """`20261204-151200` (or `…-2`) → `2026-12-04 15:12`."""
    s = stamp.split("-")
    if len(s) >= 2 and len(s[0]) == 8 and len(s[1]) == 6:
        return f"{s[0][:4]}-{s[0][4:6]}-{s[0][6:]} {s[1][:2]}:{s[1][2:4]}"
    return stamp


_SPLIT = re.compile(r"[,，、;；\s]+")


def split_list(values: list[str]) -> list[str]:
    """Form values that may each hold several items separated by commas or spaces."""
    out: list[str] = []
    for v in values:
        out += [x for x in _SPLIT.split(v or "") if x and x not in out]
    return out
