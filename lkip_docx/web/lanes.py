"""Worker lanes: a fixed number of worker processes, one task at a time each, so that the page
serves several people in parallel up to a set number and says "busy" beyond it.

Each lane is one process started with "spawn" (the same on Windows and Linux, and safe in a
threaded server, where fork is not). A task is a top-level function and its arguments, sent over
a pipe; the worker may send progress messages before the result. A task that runs too long is
stopped by ending its process, and a process that dies (memory, a bug in a library) is replaced:
either way only that request fails, never the server or another person's request.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from typing import TYPE_CHECKING, Any, Callable

from lkip_docx.batch import safe_children

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import SpawnProcess

_CTX = multiprocessing.get_context("spawn")


class LaneError(Exception):
    """A task did not finish: ``kind`` is "timeout" or "crash"."""

    def __init__(self, kind: str, detail: str = ""):
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


def _worker(conn, warm_up: Callable[[], Any] | None) -> None:
    """The worker process: run each task received, send back ("done", result) or ("failed",
    text), with ("progress", ...) messages in between."""
    # Ctrl+C in the server's terminal reaches every process of it: the server stops the workers
    # itself, and a worker must not print a traceback of its own meanwhile.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if warm_up is not None:
        warm_up()  # import the library before the first task, not during it

    def progress(*event) -> None:
        conn.send(("progress", event))

    while True:
        try:
            func, args, wants_progress = conn.recv()
        except (EOFError, OSError):
            return  # the server went away
        try:
            result = func(*args, progress=progress) if wants_progress else func(*args)
        except Exception as exc:  # noqa: BLE001 - reported to the request, the worker lives on
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        else:
            conn.send(("done", result))


class Lane:
    """One worker process and the pipe to it."""

    def __init__(self, warm_up: Callable[[], Any] | None = None):
        self._warm_up = warm_up
        self._process: SpawnProcess | None = None
        self._conn: Connection | None = None
        # Started by the server in the background and by a first request alike: once.
        self._lock = threading.Lock()

    def ensure_started(self) -> Connection:
        """The pipe to the lane's worker, started first when it is not running."""
        with self._lock:
            if self._process is None or not self._process.is_alive() or self._conn is None:
                self._stop()
                self._process, self._conn = self._start()
            return self._conn

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def _start(self) -> tuple[SpawnProcess, Connection]:
        safe_children()
        parent, child = _CTX.Pipe()
        process = _CTX.Process(target=_worker, args=(child, self._warm_up), daemon=True,
                               name="lkip-serve-worker")
        process.start()
        child.close()
        return process, parent

    def stop(self) -> None:
        with self._lock:
            self._stop()

    def _stop(self) -> None:
        if self._conn is not None:
            self._conn.close()
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join(5)
        self._process = self._conn = None

    def call(self, func: Callable[..., Any], *args, timeout: float,
             progress: Callable[..., None] | None = None) -> Any:
        """``func(*args)`` in the worker (with ``progress=`` when a callback is given); the
        result, or LaneError. ``timeout`` is the longest wait for the next message."""
        conn = self.ensure_started()
        try:
            conn.send((func, args, progress is not None))
            while True:
                if not conn.poll(timeout):
                    self.stop()  # the task is abandoned with its process
                    raise LaneError("timeout")
                kind, value = conn.recv()
                if kind == "progress":
                    if progress is not None:  # sent only when asked for
                        progress(*value)
                elif kind == "done":
                    return value
                else:
                    raise LaneError("crash", value)
        except (EOFError, OSError, BrokenPipeError) as exc:
            self.stop()
            raise LaneError("crash", type(exc).__name__) from None


class Lanes:
    """A fixed set of lanes; ``take()`` gives a free one or None (the server is busy)."""

    def __init__(self, count: int, warm_up: Callable[[], Any] | None = None):
        self.count = count
        self._free = [Lane(warm_up) for _ in range(count)]
        self._all = list(self._free)
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start every worker now (a first request would start its own otherwise)."""
        for lane in self._all:
            lane.ensure_started()

    def take(self) -> Lane | None:
        with self._lock:
            return self._free.pop() if self._free else None

    def give_back(self, lane: Lane) -> None:
        with self._lock:
            self._free.append(lane)

    def stop(self) -> None:
        for lane in self._all:
            lane.stop()
