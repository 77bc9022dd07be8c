"""Parsed documents cached as JSON under `index/docs/`, keyed by the source's hash and the
parser's fingerprint, so only new or changed files (or a changed parser) are parsed again."""

from __future__ import annotations

import ast
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from pbdocs.model import Document

_PKG = Path(__file__).resolve().parent
# Parsing starts here; the parsed form depends on every module this one imports (at the top or
# inside functions) and on every lexicon file.
_ENTRY = "pbdocs.parse"


def _module_file(name: str) -> Path | None:
    """The source file of a pbdocs module or package, or None when there is none."""
    parts = name.split(".")[1:]
    base = _PKG.joinpath(*parts)
    for cand in (base.with_suffix(".py"), base / "__init__.py"):
        if cand.is_file():
            return cand
    return None


def parser_modules() -> list[Path]:
    """The source files of `pbdocs.parse` and of every pbdocs module it imports, directly or
    not, found by reading their import statements (so a lazy import counts too)."""
    seen: set[Path] = set()
    todo = [_ENTRY]
    while todo:
        name = todo.pop()
        parts = name.split(".")
        # importing a.b.c runs the packages a and a.b first
        todo += [".".join(parts[:k]) for k in range(2, len(parts))]
        path = _module_file(name)
        if path is None or path in seen:
            continue
        seen.add(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.Import):
                todo += [a.name for a in node.names if a.name.split(".")[0] == "pbdocs"]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    mod = ".".join(anchor + ([node.module] if node.module else []))
                else:
                    mod = node.module or ""
                if mod.split(".")[0] == "pbdocs":
                    todo.append(mod)
                    todo += [f"{mod}.{a.name}" for a in node.names]  # a name may be a module
    return sorted(seen)


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    from pbdocs.lang.lexicon import files as lexicon_files

    h = hashlib.sha256()
    for f in [*parser_modules(), *lexicon_files()]:
        h.update(str(f.relative_to(_PKG)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def parser_fingerprint(lexicon_dirs: tuple[str, ...] = ()) -> str:
    """A short hash of the parser's code and lexicons, and of a corpus's own lexicon folders
    (`lexicon_dirs`), which extend the packaged ones."""
    if not lexicon_dirs:
        return _code_fingerprint()
    h = hashlib.sha256(_code_fingerprint().encode())
    for d in lexicon_dirs:
        for f in sorted(Path(d).rglob("*")):
            if f.is_file():
                h.update(str(f).encode())
                h.update(f.read_bytes())
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
