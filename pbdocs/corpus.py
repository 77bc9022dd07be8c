"""A corpus: a folder of policy files, their stable ids, and their parsed documents (cached)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pbdocs.errors import InputError, PbdocsError
from pbdocs.model import Document
from pbdocs.read import EXTENSIONS as SUFFIXES  # the files a reader exists for


@dataclass
class Failure:
    """A corpus file that could not be parsed, with the sentence that says why."""

    path: Path
    message: str


class Corpus:
    """The policy files of one folder, addressed by document id."""

    def __init__(self, corpus_dir: str | Path = "corpus", index_dir: str | Path = "index",
                 store=None):
        self.dir = Path(corpus_dir)
        self.index_dir = Path(index_dir)
        self._store = store

    def files(self) -> dict[str, Path]:
        """Document id → file, for every supported file under the corpus folder."""
        from pbdocs.parse import slugify

        if not self.dir.is_dir():
            raise InputError(f"语料目录不存在：{self.dir}")
        out: dict[str, Path] = {}
        for p in sorted(self.dir.rglob("*")):
            # a link that leads nowhere (or in a circle) is listed, so that parsing says so
            broken_link = p.is_symlink() and not p.exists()
            if not (p.is_file() or broken_link) or p.suffix.lower() not in SUFFIXES:
                continue
            rel = p.relative_to(self.dir).parts
            if any(part.startswith(".") for part in rel) or rel[0] == "lexicon":
                continue  # hidden files, and the corpus's own lexicon extensions
            doc_id = slugify(p.name)
            if doc_id in out:  # same stem, other format or folder: keep both, told apart
                base, k = f"{doc_id}-{p.suffix.lower().lstrip('.')}", 2
                doc_id = base
                while doc_id in out:
                    doc_id, k = f"{base}-{k}", k + 1
            out[doc_id] = p
        return out

    def lexicon_dirs(self) -> tuple[str, ...]:
        """The lexicon folders that extend the packaged lexicons for this corpus's files."""
        from pbdocs.lang.lexicon import extension_dirs

        return extension_dirs(str(self.dir / "_.txt"))

    def load(self, ref: str | Path, extract: bool = True) -> Document:
        """A parsed document by corpus id or by file path (raises InputError)."""
        p = Path(ref)
        files = self.files() if self.dir.is_dir() else {}
        if str(ref) in files:
            return self._parse_cached(str(ref), files[str(ref)], extract)
        if p.is_file():
            for doc_id, f in files.items():
                if f.resolve() == p.resolve():
                    return self._parse_cached(doc_id, f, extract)
            from pbdocs.parse import parse_file

            return parse_file(p, extract=extract)
        raise InputError(f"找不到文档“{ref}”：既不是语料库中的文档编号，也不是存在的文件。")

    def parse(self, doc_id: str, path: Path | None = None) -> Document:
        """The parsed document of one corpus file by id (from the cache when it is fresh)."""
        if path is None:
            files = self.files()
            if doc_id not in files:
                raise InputError(f"语料库中没有编号为“{doc_id}”的文档。")
            path = files[doc_id]
        return self._parse_cached(doc_id, path, True)

    def documents(self, on_error: Callable[[Failure], None] | None = None) -> Iterator[Document]:
        """Every parsable document of the corpus, in id order; failures go to on_error."""
        for doc_id, path in self.files().items():
            try:
                yield self._parse_cached(doc_id, path, True)
            except PbdocsError as e:
                if on_error is not None:
                    on_error(Failure(path, str(e)))

    def store(self):
        """Where parsed documents are cached: the database when the index is PostgreSQL (as
        recorded in the index folder), else JSON files in the index folder. Its parser
        fingerprint is taken afresh, so an edited corpus lexicon makes cached documents stale."""
        from pbdocs.store import DocStore, parser_fingerprint

        lexdirs = self.lexicon_dirs()
        if self._store is None:
            from pbdocs.search.indexdir import IndexDir

            if IndexDir(self.index_dir).default_engine() == "postgres":
                from pbdocs.pgstore import PgDocStore
                from pbdocs.search import database_url

                self._store = PgDocStore(database_url(self.index_dir), lexdirs)
            else:
                return DocStore(self.index_dir, lexdirs)
        self._store.fingerprint = parser_fingerprint(lexdirs)
        return self._store

    def stream(self, on_error: Callable[[Failure], None] | None = None) -> DocumentStream:
        """The corpus's documents as a stream: iterated as often as a caller needs, each
        document loaded (from the store) when reached and not kept."""
        return DocumentStream(self, on_error)

    def _parse_cached(self, doc_id: str, path: Path, extract: bool) -> Document:
        from pbdocs.parse import parse_file
        from pbdocs.read import read_bytes

        data = read_bytes(path)  # read once: hashed here, parsed from these bytes
        if not extract:
            return parse_file(path, doc_id=doc_id, extract=False, data=data)
        store = self.store()
        sha = hashlib.sha256(data).hexdigest()
        doc = store.get(doc_id, sha)
        if doc is None:
            doc = parse_file(path, doc_id=doc_id, data=data)
            try:
                store.put(doc)
            except OSError:
                pass  # a read-only index folder only costs speed
        return doc


class DocumentStream:
    """The parsed documents of a corpus, not held in memory: each iteration loads them one at a
    time from the store (parsing only what changed). `key` names this set of documents without
    loading any (file ids, sizes and times, and the parser's fingerprint), so a result cached
    under it (the similarity index) is found without reading the corpus."""

    def __init__(self, corpus: Corpus, on_error: Callable[[Failure], None] | None = None):
        self.corpus = corpus
        self.on_error = on_error
        self._files = corpus.files()
        self._reported = False

    def __iter__(self) -> Iterator[Document]:
        report = None if self._reported else self.on_error
        self._reported = True  # a failure is said once, however often the stream is read
        for doc_id, path in self._files.items():
            try:
                yield self.corpus._parse_cached(doc_id, path, True)
            except PbdocsError as e:
                if report is not None:
                    report(Failure(path, str(e)))

    def __len__(self) -> int:
        return len(self._files)

    def ids(self) -> list[str]:
        """The document ids, in order."""
        return list(self._files)

    def get(self, doc_id: str) -> Document | None:
        """One document by id, or None."""
        path = self._files.get(doc_id)
        if path is None:
            return None
        try:
            return self.corpus._parse_cached(doc_id, path, True)
        except PbdocsError:
            return None

    @property
    def key(self) -> str:
        """A short hash naming these documents as parsed now (no file is read)."""
        from pbdocs.store import parser_fingerprint

        h = hashlib.sha256(parser_fingerprint(self.corpus.lexicon_dirs()).encode())
        for doc_id, path in self._files.items():
            try:
                st = path.stat()
                h.update(f"{doc_id}|{st.st_size}|{st.st_mtime_ns}\n".encode())
            except OSError:
                h.update(f"{doc_id}|-\n".encode())
        return h.hexdigest()[:20]
