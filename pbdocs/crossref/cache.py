"""The clause index of a corpus, kept per process and (given an index folder) on disk under
`index/crossref/<key>/` as plain .npy arrays. Loaded, the arrays per clause and per feature are
in memory; the rows and the postings too for up to EXHAUSTIVE_MAX clauses (scored whole), else
they stay on disk and a query reads the slices it needs (`OnDisk`). The key is a hash of the
documents' ids, sources and clauses, so the index is rebuilt only when they change; a process
asked again about the same Document objects does not hash them again.

Built on disk in two passes over batches of clauses (raw counts to temporary files, then weighed
into the final arrays, then each clause's hub weight from a sample of the rows, then the
postings gathered by ranges of features), so building needs
memory for one batch and the per-feature arrays, never for the whole matrix. The folder is
written under a temporary name and renamed when complete: an index is never left half-written.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
from pathlib import Path

import numpy as np

from pbdocs.crossref.vectors import (
    BATCH,
    EXHAUSTIVE_MAX,
    N_FEATURES,
    ClauseIndex,
    Model,
    OnDisk,
    build_index,
    chars,
    clause_text,
    counts,
    entry,
    hub_weights,
    view_lengths,
)
from pbdocs.model import Document

# Bump when the vectors' code or parameters change in a way that makes stored indexes stale.
FORMAT = "crossref-8"
_MEMORY: dict[str, ClauseIndex] = {}
_LOCK = threading.Lock()
_LAST: list = []  # [documents last seen, their ids, their key]: the same objects are not hashed
# again (the list keeps them alive, so their ids stay theirs)
ARRAYS = ("indptr", "indices", "data", "post_ptr", "post_rows", "post_data", "hub", "keep")
# per clause or per feature; the rest stays on disk
IN_MEMORY = ("indptr", "post_ptr", "hub", "keep")


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
    ids = tuple(map(id, docs))
    if _LAST and _LAST[1] == ids:
        return _LAST[2]
    key = fingerprint(docs)
    _LAST[:] = [list(docs), ids, key]
    return key


def get_index(docs: list[Document], index_dir: str | Path | None = None) -> ClauseIndex:
    """The clause index of `docs`: from memory, from `index_dir/crossref/`, or freshly built
    (on disk when there is an index folder, else in memory)."""
    key = _key(docs)
    if key in _MEMORY:
        return _MEMORY[key]
    with _LOCK:  # one build at a time: threads of a web server share the folder and the memo
        if key in _MEMORY:
            return _MEMORY[key]
        return _get(docs, key, index_dir)


def _get(docs: list[Document], key: str, index_dir: str | Path | None) -> ClauseIndex:
    """Load or build the index of key (under the lock) and remember it."""
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
        small = int(meta["n"]) <= EXHAUSTIVE_MAX  # scored whole: kept in memory
        arrays = {n: np.load(folder / f"{n}.npy") if small or n in IN_MEMORY
                  else OnDisk(folder / f"{n}.npy") for n in ARRAYS}
        model = Model(np.load(folder / "idf.npy"), int(meta["n"]),
                      np.load(folder / "bm25_idf.npy"), tuple(meta["mean_length"]))
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
    """The index's arrays as .npy files in out (see the module's docstring). Written with plain
    file writes and read back in slices, not memory-mapped: mapped pages would count as the
    building process' memory."""
    from scipy import sparse

    keep: list[bool] = []
    sizes: list[tuple[int, int]] = []
    df = np.zeros(2 * N_FEATURES, dtype=np.int64)
    length = np.zeros(2)
    for b, (flags, texts) in enumerate(_batches(docs)):
        keep.extend(flags)
        m = counts(texts)
        df += np.bincount(m.indices, minlength=2 * N_FEATURES)
        length += view_lengths(m).sum(axis=0)
        np.save(out / f"raw-{b}-indptr.npy", m.indptr)
        np.save(out / f"raw-{b}-indices.npy", m.indices)
        np.save(out / f"raw-{b}-data.npy", m.data)
        sizes.append((m.shape[0], m.nnz))
    n = sum(r for r, _ in sizes)
    nnz = sum(z for _, z in sizes)
    model = Model.from_df(df, n, tuple(length / max(n, 1)))
    np.save(out / "idf.npy", model.idf)
    np.save(out / "bm25_idf.npy", model.bm25_idf)
    np.save(out / "keep.npy", np.array(keep, dtype=bool))
    indptr = np.zeros(n + 1, dtype=np.int64)
    row = at = 0
    with _NpyWriter(out / "indices.npy", np.int32, nnz) as indices, \
            _NpyWriter(out / "data.npy", np.float32, nnz) as data:
        for b, (rows, z) in enumerate(sizes):
            parts = [np.load(out / f"raw-{b}-{x}.npy") for x in ("indptr", "indices", "data")]
            m = model.bm25(sparse.csr_matrix((parts[2], parts[1], parts[0]),
                                              shape=(rows, 2 * N_FEATURES)))
            indptr[row + 1:row + rows + 1] = at + m.indptr[1:]
            indices.write(m.indices)
            data.write(m.data)
            row, at = row + rows, at + z
            for x in ("indptr", "indices", "data"):
                (out / f"raw-{b}-{x}.npy").unlink()
    np.save(out / "indptr.npy", indptr)
    doc_of = np.repeat(np.arange(len(docs)), [len(d.clauses) for d in docs])
    np.save(out / "hub.npy", hub_weights(indptr, OnDisk(out / "indices.npy"),
                                         OnDisk(out / "data.npy"),
                                         doc_of[np.array(keep, dtype=bool)]))
    # Postings, feature by feature: the columns in ranges of about POSTING_PART entries, each
    # range gathered from the rows (read in slices) and sorted by column, rows ascending.
    post_ptr = np.zeros(2 * N_FEATURES + 1, dtype=np.int64)
    post_ptr[1:] = np.cumsum(df)
    np.save(out / "post_ptr.npy", post_ptr)
    bounds = [0]
    while bounds[-1] < 2 * N_FEATURES:
        nxt = int(np.searchsorted(post_ptr, post_ptr[bounds[-1]] + POSTING_PART, "right")) - 1
        bounds.append(min(2 * N_FEATURES, max(nxt, bounds[-1] + 1)))
    src_i, src_d = _NpyReader(out / "indices.npy"), _NpyReader(out / "data.npy")
    with _NpyWriter(out / "post_rows.npy", np.int32, nnz) as post_rows, \
            _NpyWriter(out / "post_data.npy", np.float32, nnz) as post_data:
        for lo, hi in zip(bounds[:-1], bounds[1:]):
            got_c, got_r, got_v = [], [], []
            for start in range(0, n, 8 * BATCH):
                end = min(n, start + 8 * BATCH)
                a, b = int(indptr[start]), int(indptr[end])
                cols = src_i.read(a, b)
                sel = (cols >= lo) & (cols < hi)
                got_c.append(cols[sel])
                got_v.append(src_d.read(a, b)[sel])
                rws = np.repeat(np.arange(start, end, dtype=np.int32),
                                np.diff(indptr[start:end + 1]))
                got_r.append(rws[sel])
            cols = np.concatenate(got_c)
            order = np.argsort(cols, kind="stable")
            post_rows.write(np.concatenate(got_r)[order])
            post_data.write(np.concatenate(got_v)[order])
    (out / "meta.json").write_text(json.dumps({"format": FORMAT, "n": n, "nnz": nnz,
                                               "mean_length": list(model.mean_length)}),
                                   encoding="utf-8")


POSTING_PART = 16_000_000  # postings gathered at once while building (about 200 MB)


class _NpyWriter:
    """A 1-D .npy file of known length written in pieces."""

    def __init__(self, path: Path, dtype, length: int):
        from numpy.lib import format as npy

        self.fh = open(path, "wb")  # noqa: SIM115 - closed by __exit__
        npy.write_array_header_1_0(self.fh, {"descr": npy.dtype_to_descr(np.dtype(dtype)),
                                             "fortran_order": False, "shape": (length,)})
        self.dtype = dtype

    def write(self, arr: np.ndarray) -> None:
        self.fh.write(np.ascontiguousarray(arr, dtype=self.dtype).tobytes())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fh.close()


class _NpyReader:
    """Slices of a 1-D .npy file, read (not mapped)."""

    def __init__(self, path: Path):
        from numpy.lib import format as npy

        with open(path, "rb") as fh:
            version = npy.read_magic(fh)
            read = npy.read_array_header_1_0 if version == (1, 0) else npy.read_array_header_2_0
            _, _, dtype = read(fh)
            self.offset = fh.tell()
        self.path, self.dtype = path, dtype

    def read(self, a: int, b: int) -> np.ndarray:
        return np.fromfile(self.path, dtype=self.dtype, count=b - a,
                           offset=self.offset + a * self.dtype.itemsize)
