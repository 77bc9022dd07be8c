"""Parsing many corpus files at once: in N local processes (`--jobs N`) or on a Dask cluster
(`--dask ADDRESS`), with results identical to parsing them one by one.

The parent reads each file once (it hashes the bytes to know what changed) and sends the bytes
with the job, so a worker never opens the file and a Dask worker on another machine needs no
access to the corpus folder. A worker returns what the index needs and nothing to re-do: the
document's JSON (for the document store), its clause records and metadata, and, when asked,
the analysed index rows (jieba runs in the worker, not in the parent).

Local workers are forked after the parent has loaded the parsing pipeline (spaCy, jieba and
the lexicons, about a second), so no worker pays that again; jobs go out in small batches, a
bounded number at a time, and come back in order.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Progress = Callable[[int, int, str], None]
DASK_TIMEOUT = "10s"  # how long to try reaching a Dask scheduler
WARM_CPU = 0.0  # CPU seconds the last pool's parent spent loading the pipeline (benchmarks)


@dataclass
class ParseJob:
    """One file to parse: its id, path (as recorded in the document), bytes and hash."""

    doc_id: str
    path: str
    data: bytes
    sha256: str


@dataclass
class Parsed:
    """What a worker sends back for one file: the document's JSON, records and metadata, or
    the sentence that says why it could not be parsed."""

    doc_id: str
    path: str
    sha256: str
    doc_json: str | None = None
    records: list = field(default_factory=list)
    meta: dict[str, Any] | None = None
    rows: list | None = None
    error: str | None = None
    stored: bool = False  # came from the document store: nothing to store again


def default_jobs() -> int:
    """The machine's cores (those this process may use)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# -- in the worker ------------------------------------------------------------------------------

def outcome(doc, sha256: str, path: str, analyse: str | None = None,
            doc_json: str | None = None) -> Parsed:
    """The Parsed form of a parsed Document (also used for documents from the store)."""
    from pbdocs.search import doc_meta
    from pbdocs.search.backend import records

    recs = records(doc)
    rows = _analysed(recs, analyse) if analyse else None
    stored = doc_json is not None
    if doc_json is None:
        doc_json = json.dumps(doc.to_dict(), ensure_ascii=False)
    return Parsed(doc.id, path, sha256, doc_json, recs, doc_meta(doc, sha256, path, recs), rows,
                  stored=stored)


def parse_job(job: ParseJob, lexicon_dirs: tuple[str, ...] | None = None,
              analyse: str | None = None) -> Parsed:
    """Parse one job's bytes (never raises: a failure comes back as its sentence)."""
    from pbdocs.errors import PbdocsError
    from pbdocs.parse import parse_file

    try:
        doc = parse_file(Path(job.path), doc_id=job.doc_id, data=job.data,
                         lexicon_dirs=lexicon_dirs)
        return outcome(doc, job.sha256, job.path, analyse)
    except PbdocsError as e:
        return Parsed(job.doc_id, job.path, job.sha256, error=str(e))
    except Exception as e:  # noqa: BLE001 - one bad file must not stop the corpus
        return Parsed(job.doc_id, job.path, job.sha256,
                      error=f"{Path(job.path).name}：解析时出现内部错误（{type(e).__name__}），"
                            "已跳过，请带上此文件报告问题。")


def parse_batch(jobs: list[ParseJob], lexicon: tuple | None, analyse: str | None) -> list[Parsed]:
    """Parse a batch of jobs; `lexicon` is (folders, their files' bytes or None)."""
    dirs = _lexicon_here(lexicon)
    return [parse_job(j, dirs, analyse) for j in jobs]


def _lexicon_here(lexicon: tuple | None) -> tuple[str, ...] | None:
    """The lexicon extension folders on this machine: as given when they exist here, else
    written from the shipped bytes into a temporary folder (a Dask worker elsewhere)."""
    if lexicon is None:
        return None
    dirs, contents = lexicon
    if contents is None or all(Path(d).is_dir() for d in dirs):
        return tuple(dirs)
    key = hashlib.sha256(repr(sorted((i, n, b) for i, files in enumerate(contents)
                                     for n, b in files.items())).encode()).hexdigest()[:16]
    root = Path(tempfile.gettempdir()) / f"pbdocs-lexicon-{key}"
    out = []
    for i, files in enumerate(contents):
        folder = root / str(i)
        for name, data in files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                target.write_bytes(data)
        folder.mkdir(parents=True, exist_ok=True)
        out.append(str(folder))
    return tuple(out)


def _pack_lexicon(dirs: tuple[str, ...]) -> list[dict[str, bytes]]:
    """Every file of the lexicon folders, by relative name (to ship to remote workers)."""
    out = []
    for d in dirs:
        base = Path(d)
        out.append({str(p.relative_to(base)): p.read_bytes()
                    for p in sorted(base.rglob("*")) if p.is_file()})
    return out


def _warm() -> None:
    """Load the parsing pipeline (spaCy, jieba, lexicons) in this process."""
    from pbdocs.model import Source
    from pbdocs.parse import parse_text

    parse_text("关于加强党建工作的实施方案\n\n一、加强组织建设\n\n1.落实“双带头人”培育工程。"
               "(牵头部门:组织部)\n", "warm", Source("warm.txt", "txt", "0" * 64))


# -- in the parent ------------------------------------------------------------------------------

def parse_all(items: Iterable[ParseJob | Parsed], total: int, n_jobs: int = 1,
              dask: str | None = None, lexicon_dirs: tuple[str, ...] | None = None,
              analyse: str | None = None, progress: Progress | None = None) -> Iterator[Parsed]:
    """Parse every ParseJob of `items` (a Parsed passes through as it is: a document from the
    store), yielding results in the order of `items`. `total` (an estimate is fine) sizes the
    batches and the progress reports."""
    lexicon = (tuple(lexicon_dirs), None) if lexicon_dirs is not None else None
    if dask:
        runner = _DaskRunner(dask, lexicon_dirs)
        lexicon = runner.lexicon
    elif n_jobs > 1 and total > 1:
        runner = _PoolRunner(n_jobs)
    else:
        runner = None
    done = 0
    try:
        for r in _ordered(items, runner, total, lexicon, analyse):
            done += 1
            if progress:
                progress(done, max(total, done), r.doc_id)
            yield r
    finally:
        if runner is not None:
            runner.close()


def _ordered(items, runner, total, lexicon, analyse) -> Iterator[Parsed]:
    """Results in the order of items; jobs go to the runner in batches, a bounded number of
    them in flight (the bytes of a large corpus never pile up in memory)."""
    if runner is None:
        dirs = _lexicon_here(lexicon)
        for item in items:
            yield item if isinstance(item, Parsed) else parse_job(item, dirs, analyse)
        return
    size = max(1, min(runner.largest, total // (runner.workers * 8) or 1))
    window: deque = deque()  # slots in order: [future or None, ready results, open batch]
    inflight = 0

    def flush(slot) -> None:
        nonlocal inflight
        if slot[2]:
            slot[0] = runner.submit(slot[2], lexicon, analyse)
            slot[2] = None
            inflight += 1

    def pop() -> list[Parsed]:
        nonlocal inflight
        slot = window.popleft()
        if slot[2]:
            flush(slot)
        if slot[0] is not None:
            inflight -= 1
            return runner.result(slot[0])
        return slot[1]

    for item in items:
        if isinstance(item, Parsed):
            if window and window[-1][0] is None and not window[-1][2]:
                window[-1][1].append(item)
            else:
                window.append([None, [item], None])
        else:
            if not window or window[-1][2] is None or window[-1][1]:
                window.append([None, [], []])
            window[-1][2].append(item)
            if len(window[-1][2]) >= size:
                flush(window[-1])
        while inflight >= runner.workers * 3 or (window and window[0][0] is None
                                                 and not window[0][2]):
            yield from pop()
    while window:
        yield from pop()


class _PoolRunner:
    """Local worker processes, forked after the parent loaded the pipeline."""

    largest = 16

    def __init__(self, n_jobs: int):
        import multiprocessing as mp

        global WARM_CPU
        fork = "fork" in mp.get_all_start_methods()
        if fork:
            import time

            t = time.process_time()
            _warm()  # inherited by every forked worker
            WARM_CPU = time.process_time() - t
        self.workers = n_jobs
        self.pool = mp.get_context("fork" if fork else None).Pool(n_jobs)

    def submit(self, batch, lexicon, analyse):
        return self.pool.apply_async(parse_batch, (batch, lexicon, analyse))

    @staticmethod
    def result(future) -> list[Parsed]:
        return future.get()

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


class _DaskRunner:
    """Batches sent to a Dask cluster (dask.distributed), lexicons shipped with them."""

    largest = 32

    def __init__(self, address: str, lexicon_dirs: tuple[str, ...] | None):
        from pbdocs.errors import InputError

        try:
            from distributed import Client
        except ImportError as e:  # pragma: no cover - dask[distributed] is a dependency
            raise InputError("未安装 Dask：请运行 pip install 'dask[distributed]'。") from e
        try:
            self.client = Client(address, timeout=DASK_TIMEOUT, set_as_default=False)
        except Exception as e:  # noqa: BLE001 - any failure to reach the scheduler
            raise InputError(f"无法连接 Dask 集群（{address}）：请检查调度器地址，"
                             "并确认调度器正在运行。") from e
        self.workers = max(1, sum(self.client.nthreads().values()))
        self.lexicon = None
        if lexicon_dirs is not None:
            self.lexicon = (tuple(lexicon_dirs), _pack_lexicon(tuple(lexicon_dirs)))

    def submit(self, batch, lexicon, analyse):
        return self.client.submit(parse_batch, batch, lexicon, analyse, pure=False)

    @staticmethod
    def result(future) -> list[Parsed]:
        return future.result()

    def close(self) -> None:
        self.client.close()


def _analysed(recs: list, kind: str) -> list:
    """What the index of an engine needs of each record, analysed: the row of a postgres
    table ("postgres"), or the tokens and bigrams whoosh and tantivy index ("tokens")."""
    if kind == "postgres":
        from pbdocs.search.postgres_backend import row

        return [row(r, 0) for r in recs]
    import marshal

    from pbdocs.search.analysis import analyse_record

    # marshal bytes, one per record: sent and kept as one object each, decoded only when the
    # index is written (unpickling thousands of small tuples made the parent the bottleneck)
    return [marshal.dumps(analyse_record(r)) for r in recs]


def _analysed_chunk(args: tuple) -> list:
    return _analysed(*args)


def analyse_rows(recs: list, n_jobs: int, kind: str = "postgres") -> list:
    """_analysed(recs, kind) computed in n_jobs processes (jieba runs on every core)."""
    if n_jobs <= 1 or len(recs) < 200:
        return _analysed(recs, kind)
    import multiprocessing as mp

    from pbdocs import segment

    segment.cut("预热分词词典")  # the dictionary, loaded once and inherited by the workers
    size = max(50, min(2000, len(recs) // (n_jobs * 8)))
    chunks = [recs[i:i + size] for i in range(0, len(recs), size)]
    fork = "fork" in mp.get_all_start_methods()
    with mp.get_context("fork" if fork else None).Pool(n_jobs) as pool:
        return [rw for part in pool.imap(_analysed_chunk, [(c, kind) for c in chunks])
                for rw in part]
