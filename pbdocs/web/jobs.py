"""Work that takes seconds (parsing an upload, a comparison) runs as a job in a worker thread;
the page that started it polls the job's status, so a person sees how far it is instead of a
browser waiting on a request."""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

KEEP = 200  # finished jobs remembered (their pages stay valid a while)


@dataclass
class Job:
    """One piece of work: what it is, how far it got (a sentence, and steps done of total),
    and how it ended."""

    id: str
    kind: str  # upload | replace | compare
    label: str  # what a person started, in words: the file name, the comparison
    state: str = "queued"  # queued | running | done | failed
    stage: str = "排队等候处理"
    done: int = 0
    total: int = 0
    message: str = ""  # the sentence shown when it failed
    result: Any = None
    next: str = ""  # the page to show when it is over (a comparison's own address)
    started: float = field(default_factory=time.time)
    finished: float | None = None

    def step(self, stage: str, done: int | None = None, total: int | None = None) -> None:
        """Say what the job is doing now (and, when known, how many steps of how many)."""
        self.stage = stage
        if done is not None:
            self.done = done
        if total is not None:
            self.total = total

    @property
    def over(self) -> bool:
        return self.state in ("done", "failed")

    def to_dict(self) -> dict[str, Any]:
        """The status a page polls."""
        return {"id": self.id, "kind": self.kind, "label": self.label, "state": self.state,
                "stage": self.stage, "done": self.done, "total": self.total,
                "message": self.message,
                "seconds": round((self.finished or time.time()) - self.started, 1)}


class Jobs:
    """A few worker threads and the jobs they ran."""

    def __init__(self, workers: int = 2):
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="pbdocs-job")
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()

    def submit(self, kind: str, label: str, work: Callable[[Job], Any],
               fail: Callable[[BaseException], str]) -> Job:
        """Start `work(job)` in a worker; its return value is the job's result, an exception
        becomes the sentence `fail(e)`."""
        job = Job(secrets.token_urlsafe(9), kind, label)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP:
                oldest = next(iter(self._jobs.values()))
                if not oldest.over:
                    break
                self._jobs.popitem(last=False)

        def run() -> None:
            job.state = "running"
            try:
                job.result = work(job)
                job.state = "done"
            except BaseException as e:  # noqa: BLE001 - a job ends with a sentence, always
                job.message = fail(e)
                job.state = "failed"
            finally:
                job.finished = time.time()

        self._pool.submit(run)
        return job

    def get(self, job_id: str) -> Job | None:
        """A job by id, or None."""
        return self._jobs.get(job_id)

    def find(self, kind: str, label: str) -> Job | None:
        """The newest unfinished job of this kind and label (not to start the same twice)."""
        for job in reversed(list(self._jobs.values())):
            if job.kind == kind and job.label == label and not job.over:
                return job
        return None

    def wait(self, job_id: str, timeout: float = 60) -> Job | None:
        """Wait for a job to finish (tests, scripts); the job, finished or not."""
        end = time.time() + timeout
        job = self.get(job_id)
        while job is not None and not job.over and time.time() < end:
            time.sleep(0.02)
        return job
