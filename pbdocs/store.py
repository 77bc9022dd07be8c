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
    """A folder of parsed documents as JSON, one file per document id (`<id>.json`).

    The file's first line names the source hash and parser fingerprint it was parsed with, so
    a lookup reads that line only to know whether the document is fresh, and storing one never
    lists the folder: constant time however many documents the corpus holds.
    """

    def __init__(self, index_dir: str | Path, lexicon_dirs: tuple[str, ...] = ()):
        self.dir = Path(index_dir) / "docs"
        self.fingerprint = parser_fingerprint(lexicon_dirs)

    def _path(self, doc_id: str) -> Path:
        return self.dir / f"{doc_id}.json"

    def _key(self, sha256: str) -> str:
        return json.dumps({"sha256": sha256, "parser": self.fingerprint})

    def get(self, doc_id: str, sha256: str) -> Document | None:
        """The cached document, or None when absent, stale or unreadable."""
        text = self.get_json(doc_id, sha256)
        if text is None:
            return None
        try:
            return Document.from_dict(json.loads(text))
        except (ValueError, TypeError, KeyError):
            return None

    def get_json(self, doc_id: str, sha256: str) -> str | None:
        """The cached document's JSON text, or None when absent, stale or unreadable."""
        try:
            with self._path(doc_id).open(encoding="utf-8") as fh:
                if fh.readline().rstrip("\n") != self._key(sha256):
                    return None
                return fh.read()
        except (OSError, ValueError):
            return None

    def put(self, doc: Document) -> None:
        """Cache a document, replacing any older version of the same id."""
        self.put_json(doc.id, doc.source.sha256, json.dumps(doc.to_dict(), ensure_ascii=False))

    def put_json(self, doc_id: str, sha256: str, text: str) -> None:
        """Cache a document given as its JSON text (what parallel workers send back)."""
        atomic_write_text(self._path(doc_id), self._key(sha256) + "\n" + text)

    def put_many(self, rows: list[tuple[str, str, str]]) -> None:
        """Cache (doc id, source hash, JSON text) rows."""
        for doc_id, sha256, text in rows:
            self.put_json(doc_id, sha256, text)

    def prune(self, keep_ids: set[str]) -> None:
        """Remove cached documents whose id is not in keep_ids (and files of older layouts)."""
        if not self.dir.exists():
            return
        for p in self.dir.iterdir():
            if p.suffix == ".json" and p.stem not in keep_ids:
                p.unlink(missing_ok=True)
