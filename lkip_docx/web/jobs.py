"""Recaps of many workbooks, which take long enough to show progress: each is a job with a
random id, known only to the browser session that started it, kept in memory while it runs and
until its files are downloaded (or a short while after it ends). Nothing of it is on disk once it
has finished."""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field

STEPS = {"periksa": "Memeriksa workbook", "rekap": "Menyusun rekap",
         "laporan": "Menyusun laporan"}


@dataclass
class Job:
    id: str
    owner: str
    total: int
    step: str = "periksa"
    done: int = 0
    step_total: int = 0
    finished: bool = False
    #: what the worker returned (work.batch), or an error problem list
    result: dict | None = None
    #: the files to download, by name: bytes until fetched
    files: dict[str, bytes] = field(default_factory=dict)
    fetched: set[str] = field(default_factory=set)
    ended_at: float | None = None

    def progress(self, step: str, done: int, total: int) -> None:
        self.step, self.done, self.step_total = step, done, total

    @property
    def step_number(self) -> int:
        return list(STEPS).index(self.step) + 1

    @property
    def step_label(self) -> str:
        return STEPS[self.step]


class Jobs:
    """The jobs of one server, bounded in number; finished jobs are dropped after ``keep``
    seconds or once every file has been downloaded."""

    def __init__(self, limit: int, keep: float, clock=time.monotonic):
        self.limit = limit
        self.keep = keep
        self._clock = clock
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def new(self, owner: str, total: int) -> Job | None:
        """A new job, or None when there are already ``limit`` jobs (the server is busy)."""
        with self._lock:
            self._expire()
            if len(self._jobs) >= self.limit:
                return None
            job = Job(secrets.token_urlsafe(16), owner, total, step_total=total)
            self._jobs[job.id] = job
            return job

    def get(self, job_id: str, owner: str) -> Job | None:
        """The job, only for the session that started it."""
        with self._lock:
            self._expire()
            job = self._jobs.get(job_id)
            if job is None or not secrets.compare_digest(job.owner, owner):
                return None
            return job

    def finish(self, job: Job, result: dict, files: dict[str, bytes]) -> None:
        with self._lock:
            job.result, job.files = result, files
            job.finished, job.ended_at = True, self._clock()

    def fetch(self, job: Job, name: str) -> bytes | None:
        """A file of a finished job; the job is dropped once every file has been fetched."""
        with self._lock:
            data = job.files.get(name)
            if data is None:
                return None
            job.fetched.add(name)
            if job.fetched >= set(job.files):
                self._jobs.pop(job.id, None)
            return data

    def drop(self, job: Job) -> None:
        with self._lock:
            self._jobs.pop(job.id, None)

    def __len__(self) -> int:
        with self._lock:
            self._expire()
            return len(self._jobs)

    def _expire(self) -> None:
        now = self._clock()
        for job_id in [j.id for j in self._jobs.values()
                       if j.ended_at is not None and now - j.ended_at > self.keep]:
            del self._jobs[job_id]
