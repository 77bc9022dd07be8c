"""The fitted clause index, kept per process and (optionally) on disk in the index folder, keyed
by a hash of the documents' ids, source hashes and clauses, so it is refitted only when they
change."""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from pbdocs.crossref.vectors import ClauseIndex, build_index
from pbdocs.model import Document

# Bump when the vectors' code or parameters change in a way that makes cached indexes stale.
FORMAT = "crossref-5"
_MEMORY: dict[str, ClauseIndex] = {}


def fingerprint(docs: list[Document]) -> str:
    """A short hash of what the index depends on: every document's id, source and clause texts."""
    from pbdocs.crossref.concepts import CONCEPTS_FILE
    from pbdocs.crossref.topics import TOPICS_FILE

    h = hashlib.sha256(FORMAT.encode())
    for f in (TOPICS_FILE, CONCEPTS_FILE):  # the topic and concept views depend on these files
        try:
            h.update(f.read_bytes())
        except OSError:
            pass
    # Clause ids and text lengths stand for the texts: hashing 13 M characters on every query
    # cost more than the query itself, and a re-parse that changes a clause moves one of them.
    parts = [(d.id, d.source.sha256, d.institution,
              tuple((c.id, len(c.text), len(c.heading or "")) for c in d.clauses)) for d in docs]
    h.update(repr(parts).encode())
    return h.hexdigest()[:20]


def get_index(docs, index_dir: str | Path | None = None) -> ClauseIndex:
    """The clause index of `docs`: from memory, from `index_dir/crossref/`, or freshly fitted.
    `docs` is a list, or a stream with a `key` (pbdocs.corpus.DocumentStream): then nothing is
    loaded unless the index must be fitted, and the documents are read one at a time."""
    key = _key(docs)
    if key in _MEMORY:
        return _MEMORY[key]
    path = Path(index_dir) / "crossref" / f"{key}.pkl" if index_dir else None
    index = None
    if path is not None and path.is_file():
        try:
            with path.open("rb") as fh:
                index = pickle.load(fh)
        except Exception:  # noqa: BLE001 - a damaged or outdated cache is only refitted
            index = None
    if index is None:
        index = build_index(docs)
        index.fingerprint = key
        if path is not None:
            _save(index, path)
    _MEMORY.clear()  # one corpus at a time: a long-running server must not grow without bound
    _MEMORY[key] = index
    return index


def _key(docs) -> str:
    """fingerprint(docs), or for a stream its own key mixed with what the vectors depend on."""
    stream_key = getattr(docs, "key", None)
    if stream_key is None:
        return fingerprint(list(docs))
    from pbdocs.crossref.concepts import CONCEPTS_FILE
    from pbdocs.crossref.topics import TOPICS_FILE

    h = hashlib.sha256(f"{FORMAT}|stream|{stream_key}".encode())
    for f in (TOPICS_FILE, CONCEPTS_FILE):
        try:
            h.update(f.read_bytes())
        except OSError:
            pass
    return h.hexdigest()[:20]


def _save(index: ClauseIndex, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("*.pkl"):
            old.unlink(missing_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only index folder only costs speed
