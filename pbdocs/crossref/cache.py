"""The clause index of a corpus, kept per process and (given an index folder) on disk under
`index/crossref/<key>/` as plain arrays that are memory-mapped when loaded. The key is a hash of
the documents' ids, sources and clauses, so the index is rebuilt only when they change; a process
asked again about the same Document objects does not hash them again.

Built on disk in two passes over batches of clauses (raw counts to temporary files, then weighed
into the final arrays, then the postings filled column by column), so building needs memory for
one batch and the per-feature arrays, never for the whole matrix. The folder is written under a
temporary name and renamed when complete: an index is never left half-written.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import numpy as np

from pbdocs.crossref.vectors import (
    BATCH,
    N_FEATURES,
    ClauseIndex,
    Model,
    build_index,
    chars,
    clause_text,
    counts,
    entry,
)
from pbdocs.model import Document

# Bump when the vectors' code or parameters change in a way that makes stored indexes stale.
FORMAT = "crossref-6"
_MEMORY: dict[str, ClauseIndex] = {}
_LAST: list = []  # [documents as last seen, their key]: the same objects are not hashed again
ARRAYS = ("indptr", "indices", "data", "post_ptr", "post_rows", "post_data", "keep")


def fingerprint(docs: list[Document]) -> str:
    """A short hash of what the index depends on: every document's id, source and clauses."""
    from pbdocs.crossref.vectors import STOPWORDS_FILE
    from pbdocs.lang import lexicon

    h = hashlib.sha256(FORMAT.encode())
    for f in lexicon.paths(STOPWORDS_FILE):
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


def _key(docs: list[Document]) -> str:
    if _LAST and len(_LAST[0]) == len(docs) and all(a is b for a, b in zip(_LAST[0], docs)):
        return _LAST[1]
    key = fingerprint(docs)
    _LAST[:] = [list(docs), key]
    return key


def get_index(docs: list[Document], index_dir: str | Path | None = None) -> ClauseIndex:
    """The clause index of `docs`: from memory, from `index_dir/crossref/`, or freshly built
    (on disk when there is an index folder, else in memory)."""
    key = _key(docs)
    if key in _MEMORY:
        return _MEMORY[key]
    index = None
    folder = Path(index_dir) / "crossref" / key if index_dir else None
    if folder is not None:
        index = _load(folder, docs)
        if index is None:
            index = _build_on_disk(docs, folder)
    if index is None:
        index = build_index(docs)
    index.fingerprint = key
    _MEMORY.clear()  # one corpus at a time: a long-running server must not grow without bound
    _MEMORY[key] = index
    return index


def _load(folder: Path, docs: list[Document]) -> ClauseIndex | None:
    """The index stored in folder, memory-mapped, or None when absent or unreadable."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            return None
        arrays = {n: np.load(folder / f"{n}.npy", mmap_mode="r") for n in ARRAYS}
        model = Model(np.load(folder / "idf.npy"), int(meta["n"]))
    except (OSError, ValueError, KeyError):
        return None  # a damaged or outdated index is only rebuilt
    keep = np.asarray(arrays.pop("keep"))
    entries, k = [], 0
    for d in docs:
        for c in d.clauses:
            if k < len(keep) and keep[k]:
                entries.append(entry(d, c))
            k += 1
    if k != len(keep) or len(entries) != len(arrays["indptr"]) - 1:
        return None
    return ClauseIndex(entries, model, **arrays)


def _build_on_disk(docs: list[Document], folder: Path) -> ClauseIndex | None:
    """Build the index into folder (via a temporary folder) and load it; None when the folder
    cannot be written (the caller then builds it in memory)."""
    tmp = folder.parent / f".{folder.name}.{os.getpid()}.tmp"
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        _write(docs, tmp)
        for old in folder.parent.iterdir():
            if old.is_dir() and not old.name.startswith("."):
                shutil.rmtree(old, ignore_errors=True)
        for old in folder.parent.glob("*.pkl"):  # indexes of earlier versions
            old.unlink(missing_ok=True)
        tmp.rename(folder)
    except OSError:
        # a read-only folder, or another process renamed its build there first
        shutil.rmtree(tmp, ignore_errors=True)
    return _load(folder, docs)


def _batches(docs: list[Document]):
    """(keep flags, texts) of the clauses, BATCH texts at a time."""
    keep, texts = [], []
    for d in docs:
        for c in d.clauses:
            t = clause_text(c)
            ok = bool(chars(t))
            keep.append(ok)
            if ok:
                texts.append(t)
            if len(texts) >= BATCH:
                yield keep, texts
                keep, texts = [], []
    if keep:
        yield keep, texts


def _write(docs: list[Document], out: Path) -> None:
    """The index's arrays as .npy files in out (see the module's docstring)."""
    from numpy.lib.format import open_memmap

    keep: list[bool] = []
    sizes: list[tuple[int, int]] = []
    df = np.zeros(2 * N_FEATURES, dtype=np.int64)
    for b, (flags, texts) in enumerate(_batches(docs)):
        keep.extend(flags)
        m = counts(texts)
        df += np.bincount(m.indices, minlength=2 * N_FEATURES)
        np.save(out / f"raw-{b}-indptr.npy", m.indptr)
        np.save(out / f"raw-{b}-indices.npy", m.indices)
        np.save(out / f"raw-{b}-data.npy", m.data)
        sizes.append((m.shape[0], m.nnz))
    n = sum(r for r, _ in sizes)
    nnz = sum(z for _, z in sizes)
    idf = (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)
    idf[df == 0] = 0
    model = Model(idf, n)
    np.save(out / "idf.npy", idf)
    np.save(out / "keep.npy", np.array(keep, dtype=bool))
    indptr = np.zeros(n + 1, dtype=np.int64)
    indices = open_memmap(out / "indices.npy", "w+", np.int32, (nnz,))
    data = open_memmap(out / "data.npy", "w+", np.float32, (nnz,))
    from scipy import sparse

    row = at = 0
    for b, (rows, z) in enumerate(sizes):
        parts = [np.load(out / f"raw-{b}-{x}.npy") for x in ("indptr", "indices", "data")]
        m = model.weigh(sparse.csr_matrix((parts[2], parts[1], parts[0]),
                                          shape=(rows, 2 * N_FEATURES)))
        indptr[row + 1:row + rows + 1] = at + m.indptr[1:]
        indices[at:at + z] = m.indices
        data[at:at + z] = m.data
        row, at = row + rows, at + z
        for x in ("indptr", "indices", "data"):
            (out / f"raw-{b}-{x}.npy").unlink()
    np.save(out / "indptr.npy", indptr)
    # Postings: rows of each feature, ascending, filled one batch of rows at a time.
    post_ptr = np.zeros(2 * N_FEATURES + 1, dtype=np.int64)
    post_ptr[1:] = np.cumsum(df)
    post_rows = open_memmap(out / "post_rows.npy", "w+", np.int32, (nnz,))
    post_data = open_memmap(out / "post_data.npy", "w+", np.float32, (nnz,))
    fill = post_ptr[:-1].copy()
    for start in range(0, n, 4 * BATCH):
        end = min(n, start + 4 * BATCH)
        a, b = indptr[start], indptr[end]
        cols = np.asarray(indices[a:b])
        vals = np.asarray(data[a:b])
        rws = np.repeat(np.arange(start, end, dtype=np.int32), np.diff(indptr[start:end + 1]))
        order = np.argsort(cols, kind="stable")
        cols, vals, rws = cols[order], vals[order], rws[order]
        first = np.r_[True, cols[1:] != cols[:-1]]
        group_start = np.maximum.accumulate(np.where(first, np.arange(len(cols)), 0))
        pos = fill[cols] + (np.arange(len(cols)) - group_start)
        post_rows[pos] = rws
        post_data[pos] = vals
        uniq, cnt = np.unique(cols, return_counts=True)
        fill[uniq] += cnt
    np.save(out / "post_ptr.npy", post_ptr)
    for arr in (indices, data, post_rows, post_data):
        arr.flush()
    del indices, data, post_rows, post_data
    (out / "meta.json").write_text(json.dumps({"format": FORMAT, "n": n, "nnz": nnz}),
                                   encoding="utf-8")
