"""The search index folder: generations swapped atomically, a writer lock, and metadata.

Layout under `<index>/search/`: `gen-<engine>-<n>/` (one complete index plus `pbdocs-index.json`),
`<engine>.current` (the name of the live generation), `engine` (the engine built last),
`postgres.url` (the database of the last postgres build, without its password), `.lock`.
A build works in `tmp-*/` and only then renames it and replaces the pointer file, so a crash
or Ctrl-C at any moment leaves the previous generation live.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pbdocs.errors import InputError
from pbdocs.store import atomic_write_text

ENGINES = ("whoosh", "tantivy", "postgres")
FILE_ENGINES = ("whoosh", "tantivy")  # those whose index lives in generation folders here
META_FORMAT = 4  # bump when the fields or analysis change: older indexes are rebuilt
# Our files beside the engine's own (tantivy has a meta.json of its own).
META_FILE = "pbdocs-index.json"
VOCAB_FILE = "pbdocs-vocab.json"
DOCS_FILE = "pbdocs-docs.json"
# Size and SHA-256 of every file of a generation, written when it is published (a generation
# never changes afterwards): `pbdocs index` checks them before it builds on a generation.
FILES_FILE = "pbdocs-files.json"

MSG_MISSING = "还没有建立检索索引（{path}），请先运行 pbdocs index。"
MSG_DAMAGED = "检索索引已损坏（{path}），请运行 pbdocs index --rebuild 重建。"
MSG_BUSY = "索引正在更新中，请稍后再试。"


def missing_error(index_dir: Path) -> InputError:
    """The error for an index that was never built."""
    return InputError(MSG_MISSING.format(path=index_dir))


def damaged_error(index_dir: Path) -> InputError:
    """The error for an index whose files cannot be read."""
    return InputError(MSG_DAMAGED.format(path=index_dir))


class IndexDir:
    """The `search/` folder of one index directory."""

    def __init__(self, index_dir: str | Path):
        self.index_dir = Path(index_dir)
        self.root = self.index_dir / "search"

    # -- reading -------------------------------------------------------------------------
    def default_engine(self) -> str:
        """The engine to use when none is named: $PBDOCS_ENGINE, else the one built last here,
        else postgres when $PBDOCS_DATABASE_URL names a database, else whoosh."""
        env = os.environ.get("PBDOCS_ENGINE")
        if env:
            return env
        name = self.recorded_engine()
        if name:
            return name
        return "postgres" if os.environ.get("PBDOCS_DATABASE_URL") else "whoosh"

    def recorded_engine(self) -> str | None:
        """The engine the last build in this folder used, or None."""
        try:
            name = (self.root / "engine").read_text(encoding="utf-8").strip()
        except OSError:
            return None
        return name if name in ENGINES else None

    def postgres_url(self) -> str | None:
        """The database URL the last postgres build recorded (no password), or None."""
        try:
            return (self.root / "postgres.url").read_text(encoding="utf-8").strip() or None
        except OSError:
            return None

    def current(self, engine: str) -> Path | None:
        """The live generation folder of an engine, or None when never built."""
        try:
            name = (self.root / f"{engine}.current").read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        except OSError as e:
            raise damaged_error(self.index_dir) from e
        if not name or "/" in name or name.startswith("."):
            raise damaged_error(self.index_dir)
        return self.root / name

    def live(self, engine: str) -> tuple[Path, dict[str, Any]]:
        """The live generation of an engine and its metadata (raises InputError)."""
        gen = self.current(engine)
        if gen is None:
            others = [e for e in FILE_ENGINES if e != engine and self.current(e) is not None]
            if others:
                raise InputError(f"索引中没有 {engine} 引擎的索引（已有：{'、'.join(others)}），"
                                 f"请运行 pbdocs index --engine {engine}。")
            raise missing_error(self.index_dir)
        meta = read_meta(gen)
        if meta is None or meta.get("engine") != engine:
            raise damaged_error(self.index_dir)
        return gen, meta

    # -- writing -------------------------------------------------------------------------
    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the writer lock; a second writer gets InputError(MSG_BUSY) at once."""
        self.root.mkdir(parents=True, exist_ok=True)
        fh = open(self.root / ".lock", "a+")  # noqa: SIM115 - held across the yield
        try:
            try:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except ImportError:  # pragma: no cover - Windows: best effort, no lock
                pass
            except OSError as e:
                raise InputError(MSG_BUSY) from e
            yield
        finally:
            fh.close()  # closing releases the flock, also when the process dies

    def new_workdir(self) -> Path:
        """A fresh folder to build the next generation in (call while holding the lock)."""
        for old in self.root.glob("tmp-*"):
            shutil.rmtree(old, ignore_errors=True)  # left by a build that crashed
        path = self.root / f"tmp-{os.getpid()}-{time.time_ns()}"
        path.mkdir(parents=True)
        return path

    def publish(self, workdir: Path, engine: str) -> Path:
        """Make workdir the live generation of engine, then remove superseded generations."""
        gen = self.root / f"gen-{engine}-{time.time_ns()}"
        os.replace(workdir, gen)
        atomic_write_text(self.root / f"{engine}.current", gen.name)
        atomic_write_text(self.root / "engine", engine)
        keep = set()
        for e in FILE_ENGINES:
            try:
                cur = self.current(e)
            except InputError:
                cur = None
            if cur is not None:
                keep.add(cur.name)
        for old in self.root.glob("gen-*"):
            if old.name not in keep:
                shutil.rmtree(old, ignore_errors=True)
        return gen

    def record_postgres(self, url: str) -> None:
        """Record that this folder's index is the database at url (its password left out)."""
        from pbdocs.pgstore import redact

        self.root.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.root / "postgres.url", redact(url))
        atomic_write_text(self.root / "engine", "postgres")


def _digest(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def write_manifest(gen: Path) -> None:
    """Record the size and hash of every file of a finished generation."""
    files = {p.name: [p.stat().st_size, _digest(p)] for p in sorted(gen.iterdir())
             if p.is_file() and p.name != FILES_FILE}
    atomic_write_text(gen / FILES_FILE, json.dumps(files))


def intact(gen: Path) -> bool:
    """Whether a generation's files are as they were published (True when it predates the
    manifest: nothing to check against)."""
    try:
        files = json.loads((gen / FILES_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return True
    except (OSError, ValueError):
        return False
    try:
        return all((gen / name).stat().st_size == size and _digest(gen / name) == sha
                   for name, (size, sha) in files.items())
    except (OSError, ValueError, TypeError):
        return False


def read_meta(gen: Path, part: str = "head") -> dict[str, Any] | None:
    """A generation's metadata, or None when absent or unreadable.

    part "head" is small (engine, counts) and read on every search; "vocab" holds what filters
    resolve against (institutions, kinds, departments); "full" adds the documents too.
    """
    try:
        meta = json.loads((gen / META_FILE).read_text(encoding="utf-8"))
        if not isinstance(meta, dict) or meta.get("format") != META_FORMAT:
            return None
        if part in ("vocab", "full"):
            meta.update(json.loads((gen / VOCAB_FILE).read_text(encoding="utf-8")))
        if part == "full":
            meta["docs"] = json.loads((gen / DOCS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError):
        return None
    return meta


def split_meta(meta: dict[str, Any]) -> tuple[dict, dict, dict]:
    """A generation's metadata as (head, vocabulary, documents): what every search reads, what
    filters resolve against, and what an incremental build compares."""
    docs = meta.get("docs", {})
    vocab = {
        "departments": meta.get("departments", {}),
        "institutions": sorted({d.get("institution") or "" for d in docs.values()} - {""}),
        "kinds": sorted({d.get("kind") or "" for d in docs.values()} - {""}),
        "unnamed": any(not d.get("institution") for d in docs.values()),
    }
    head = {k: v for k, v in meta.items() if k not in ("docs", "departments")}
    head["documents"] = len(docs)
    return head, vocab, docs


def write_meta(gen: Path, meta: dict[str, Any]) -> None:
    """Write a generation's metadata (split into head, vocabulary and documents)."""
    head, vocab, docs = split_meta(meta)
    dump = json.dumps
    atomic_write_text(gen / DOCS_FILE, dump(docs, ensure_ascii=False))
    atomic_write_text(gen / VOCAB_FILE, dump(vocab, ensure_ascii=False))
    atomic_write_text(gen / META_FILE, dump(head, ensure_ascii=False, indent=1))
