"""Who may use the page. On this machine only (127.0.0.1, ::1, localhost) anyone who can reach it
may; on any other address a browser must first give the access code printed at start-up (or set
in LKIP_ACCESS_CODE), once per browser session. The session is a cookie signed with a secret
made at start-up, so restarting the server ends every session.
"""

from __future__ import annotations

import hmac
import threading
import time

from lkip_docx.web.settings import is_loopback


def code_matches(given: str, code: str) -> bool:
    """Constant-time comparison: the time taken says nothing about how much of the code is
    right."""
    return hmac.compare_digest(given.strip().encode("utf-8"), code.encode("utf-8"))


class Attempts:
    """Wrong codes per client address: after ``limit`` in a row the address waits ``wait``
    seconds, which makes guessing the code hopeless."""

    def __init__(self, limit: int, wait: float, clock=time.monotonic):
        self.limit, self.wait = limit, wait
        self._clock = clock
        self._failures: dict[str, tuple[int, float]] = {}
        self._lock = threading.Lock()

    def locked(self, address: str) -> bool:
        with self._lock:
            count, since = self._failures.get(address, (0, 0.0))
            if count < self.limit:
                return False
            if self._clock() - since > self.wait:
                del self._failures[address]
                return False
            return True

    def failed(self, address: str) -> None:
        with self._lock:
            count, _ = self._failures.get(address, (0, 0.0))
            self._failures[address] = (count + 1, self._clock())

    def succeeded(self, address: str) -> None:
        with self._lock:
            self._failures.pop(address, None)


def local_host_allowed(host_header: str) -> bool:
    """On a server for this machine only, the Host the browser asked for must be this machine:
    a web site whose name is made to point at 127.0.0.1 (DNS rebinding) is refused."""
    host = host_header.rsplit(":", 1)[0] if not host_header.endswith("]") else host_header
    if host.startswith("[") and "]" in host:
        host = host[1:host.index("]")]
    return is_loopback(host)
