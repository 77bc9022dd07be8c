"""Parsed documents cached as JSON under `index/docs/`, keyed by the source's hash and the
parser's fingerprint, so only new or changed files (or a changed parser) are parsed again."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from pbdocs.model import Document

_PKG = Path(__file__).resolve().parent
# What the parsed form depends on: change any of these and cached documents are stale.
_PARSER_PARTS = ("model.py", "parse.py", "normalize.py", "outline.py", "metadata.py",
                 "read", "extract", "lexicon")


def _hash_tree(h, paths: list[Path], base: Path | None) -> None:
    for p in paths:
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if f.is_file() and f.suffix != ".pyc" and "__pycache__" not in f.parts:
                h.update(str(f.relative_to(base) if base else f).encode())
                h.update(f.read_bytes())


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    h = hashlib.sha256()
    _hash_tree(h, [_PKG / part for part in _PARSER_PARTS], _PKG)
    return h.hexdigest()[:16]


def parser_fingerprint(lexicon_dirs: tuple[str, ...] = ()) -> str:
    """A short hash of the parser's code and lexicons, and of a corpus's own lexicon folders
    (`lexicon_dirs`), which extend the packaged ones."""
    if not lexicon_dirs:
        return _code_fingerprint()
    h = hashlib.sha256(_code_fingerprint().encode())
    _hash_tree(h, [Path(d) for d in lexicon_dirs], None)
    return h.hexdigest()[:16]


def atomic_write_text(path: Path, text: str) -> None:
    """Write a file so that readers see the old or the new content, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class DocStore:
    """A folder of parsed documents as JSON, one file per (doc id, source hash, parser)."""

    def __init__(self, index_dir: str | Path, lexicon_dirs: tuple[str, ...] = ()):
        self.dir = Path(index_dir) / "docs"
        self.fingerprint = parser_fingerprint(lexicon_dirs)

    def _path(self, doc_id: str, sha256: str) -> Path:
        return self.dir / f"{doc_id}.{sha256[:16]}.{self.fingerprint}.json"

    def get(self, doc_id: str, sha256: str) -> Document | None:
        """The cached document, or None when absent, stale or unreadable."""
        p = self._path(doc_id, sha256)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        doc = Document.from_dict(data)
        return doc

    def put(self, doc: Document) -> None:
        """Cache a document, replacing older versions of the same id."""
        for old in self.dir.glob(f"{doc.id}.*.json"):
            old.unlink(missing_ok=True)
        atomic_write_text(self._path(doc.id, doc.source.sha256),
                          json.dumps(doc.to_dict(), ensure_ascii=False))

    def prune(self, keep_ids: set[str]) -> None:
        """Remove cached documents whose id is not in keep_ids."""
        if not self.dir.exists():
            return
        for p in self.dir.glob("*.json"):
            if p.name.split(".", 1)[0] not in keep_ids:
                p.unlink(missing_ok=True)
