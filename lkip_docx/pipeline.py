"""Single builds on two cores: a renderer process imports docxtpl and opens the template while this
process reads, checks and computes the workbook; the template context (plain data) then crosses a
pipe and the .docx bytes come back.

Importing the Word libraries costs as much as reading and computing a workbook, so doing both at
once makes an interactive ``lkip build`` about a third faster. The worker is a plain
``python -m lkip_docx.render_worker`` child (the same on Windows, macOS and Linux, no fork).
Anything that goes wrong with the child itself (it cannot start, it dies) falls back to rendering
in this process, so the result never depends on the pipeline; problems in the user's template come
back as the same LkipError an in-process render raises.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from .problems import LkipError, Problem

#: Set to 1 to render in the calling process (debugging, or platforms that cannot start a child).
SINGLE_PROCESS_ENV = "LKIP_SINGLE_PROCESS"


class WorkerFailed(Exception):
    """The renderer process itself failed (not the user's files): render in-process instead."""


class RemoteRenderer:
    """A renderer process started now, used later for one render."""

    def __init__(self, template: Path | str | None):
        self.template = str(template) if template else None
        stderr = None if os.environ.get("LKIP_DEBUG") else subprocess.DEVNULL
        self.proc = subprocess.Popen([sys.executable, "-m", "lkip_docx.render_worker"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr)
        try:
            pickle.dump(("template", self.template), self.proc.stdin)
            self.proc.stdin.flush()
        except OSError as exc:
            self.close()
            raise WorkerFailed(str(exc)) from None

    def render(self, context: dict, workbook_path: Path | None) -> tuple[bytes, list[Problem]]:
        """The .docx bytes and the template's warnings. LkipError for template problems."""
        try:
            pickle.dump(("render", context, str(workbook_path) if workbook_path else None),
                        self.proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self.proc.stdin.close()
            reply = pickle.load(self.proc.stdout)
        except (OSError, EOFError, pickle.UnpicklingError) as exc:
            self.close()
            raise WorkerFailed(f"{type(exc).__name__}: {exc}") from None
        self.close(wait=False)
        if reply[0] == "ok":
            return reply[1], reply[2]
        if reply[0] == "lkip-error":
            raise LkipError(reply[1])
        raise WorkerFailed(reply[1])

    def close(self, wait: bool = True) -> None:
        """Let the child go: closing its stdin makes it exit (the workbook had errors, or the
        report is back). ``wait`` reaps it; after a successful render it ends on its own."""
        proc = self.proc
        for stream in (proc.stdin, proc.stdout):
            try:
                if stream and not stream.closed:
                    stream.close()
            except OSError:
                pass
        if not wait:
            return
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def start_renderer(template: Path | str | None) -> RemoteRenderer | None:
    """A renderer process, or None when single-process rendering is asked for or impossible."""
    if os.environ.get(SINGLE_PROCESS_ENV) or getattr(sys, "frozen", False):
        return None
    try:
        return RemoteRenderer(template)
    except (OSError, WorkerFailed, ValueError):
        return None
