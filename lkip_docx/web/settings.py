"""The settings of one ``lkip serve``: where it listens, how much work it takes on, the limits on
uploads and the access code. Fixed at start-up; nothing is read from or written to disk."""

from __future__ import annotations

import ipaddress
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field

from lkip_docx.api import MAX_WORKBOOK_BYTES

ACCESS_CODE_ENV = "LKIP_ACCESS_CODE"
MIN_ACCESS_CODE = 8

MB = 1024 * 1024


def is_loopback(host: str) -> bool:
    """Whether ``host`` is only reachable from this machine (127.0.0.0/8, ::1, localhost)."""
    host = host.strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def default_workers() -> int:
    # Each worker is a process building one report at a time; half the cores (at least one,
    # at most four) leaves the office machine usable for the person sitting at it.
    return max(1, min(4, (os.cpu_count() or 2) // 2))


@dataclass
class Settings:
    host: str = "127.0.0.1"
    port: int = 8765
    #: worker processes: requests beyond this many at once are answered "busy, try again"
    workers: int = field(default_factory=default_workers)
    #: the access code asked of every browser; None when listening on this machine only
    access_code: str | None = None
    #: one workbook (the reader's own limit, so the message is the CLI's)
    max_workbook_bytes: int = MAX_WORKBOOK_BYTES
    max_template_bytes: int = 20 * MB
    max_picture_bytes: int = 10 * MB
    max_pictures: int = 4
    #: workbooks in one recap
    max_batch_files: int = 100
    #: everything one request may upload (a recap's workbooks together)
    max_request_bytes: int = 256 * MB
    #: the longest a worker may go without finishing or reporting progress
    task_seconds: float = 300.0
    #: how long the results of a recap wait to be downloaded
    job_keep_seconds: float = 15 * 60
    #: recaps running or waiting to be downloaded, over all users
    max_jobs: int = 8
    #: wrong access codes from one address before it must wait
    max_code_failures: int = 5
    code_lockout_seconds: float = 60.0
    #: where the server's private folder is made (None: the system's temporary folder)
    temp_parent: str | None = None

    @property
    def local_only(self) -> bool:
        return is_loopback(self.host)


def access_code_for(host: str, environ: Mapping[str, str] | None = None
                    ) -> tuple[str | None, bool]:
    """The access code for a server on ``host`` and whether it came from the environment.

    None on a loopback address (nobody else can reach the page). Otherwise LKIP_ACCESS_CODE, or
    a new random code. ValueError for an environment code too short to be safe."""
    environ = os.environ if environ is None else environ
    if is_loopback(host):
        return None, False
    given = environ.get(ACCESS_CODE_ENV, "").strip()
    if given:
        if len(given) < MIN_ACCESS_CODE:
            raise ValueError(f"{ACCESS_CODE_ENV} terlalu pendek (paling sedikit "
                             f"{MIN_ACCESS_CODE} karakter)")
        return given, True
    return secrets.token_urlsafe(9), False
