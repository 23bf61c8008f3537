"""The renderer process of pipeline.py: prepares the template, waits for a context, renders.

Protocol on stdin/stdout (pickle, between two processes of this same package):
``("template", path or None)`` then ``("render", context, workbook_path)``; the reply is
``("ok", docx_bytes, warnings)``, ``("lkip-error", problems)`` or ``("crash", text)``.
"""

from __future__ import annotations

import os
import pickle
import sys


def main() -> int:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    # Whatever a library prints must not corrupt the replies on stdout.
    sys.stdout = sys.stderr
    from .problems import LkipError

    try:
        _kind, template = pickle.load(stdin)
    except (EOFError, pickle.UnpicklingError):
        return 0
    renderer = failure = None
    try:
        from .render import Renderer

        renderer = Renderer(template)
    except LkipError as exc:
        failure = ("lkip-error", exc.problems)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which renders itself
        failure = ("crash", f"{type(exc).__name__}: {exc}")
    try:
        _kind, context, workbook_path = pickle.load(stdin)
    except (EOFError, pickle.UnpicklingError):
        return 0  # the workbook had errors: nothing to render
    if failure is not None:
        reply = failure
    else:
        try:
            reply = ("ok", renderer.render(context, workbook_path), renderer.warnings)
        except LkipError as exc:
            reply = ("lkip-error", exc.problems)
        except Exception as exc:  # noqa: BLE001
            reply = ("crash", f"{type(exc).__name__}: {exc}")
    pickle.dump(reply, stdout, protocol=pickle.HIGHEST_PROTOCOL)
    stdout.flush()
    # The parent has its answer; tearing down the interpreter (freeing every module) would only
    # keep it waiting for this process to end.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
