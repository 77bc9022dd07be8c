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
