"""``python -m lkip_docx`` runs the ``lkip`` command."""

import os
import sys

# `python -m` puts the working folder first on the import path, so a jinja2.py, docxtpl.py or
# pickle.py lying in the folder where someone builds a report would be imported instead of the
# library (and run). The package itself is already imported; nothing else may come from there.
if sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]


def _children_without_working_folder() -> None:
    """The same for the worker processes of a batch that start as a new interpreter
    (multiprocessing's "spawn", the default on Windows and macOS; its resource tracker;
    "forkserver"): they run ``python -c ...``, which puts the working folder first on the path
    again, and import pickle before any code of lkip runs. They inherit the environment, and
    PYTHONSAFEPATH (Python 3.11+) keeps the folder off. Python 3.10 has no such setting: there the
    ``-c`` program of those interpreters first takes the folder ('' at the head of the path) off;
    a worker then sets the parent's import path anyway."""
    os.environ["PYTHONSAFEPATH"] = "1"
    if sys.version_info >= (3, 11):
        return
    import multiprocessing.spawn
    import multiprocessing.util

    guard = "import sys; sys.path[:1] == [''] and sys.path.pop(0); "

    def safe(args):
        args = list(args)
        for i in range(len(args) - 1):
            if args[i] == "-c" and not args[i + 1].startswith(guard):
                args[i + 1] = guard + args[i + 1]
        return args

    command_line = multiprocessing.spawn.get_command_line
    spawnv_passfds = multiprocessing.util.spawnv_passfds
    multiprocessing.spawn.get_command_line = lambda **kwds: safe(command_line(**kwds))
    multiprocessing.util.spawnv_passfds = (
        lambda path, args, passfds: spawnv_passfds(path, safe(args), passfds))


_children_without_working_folder()

from lkip_docx.cli import run  # noqa: E402 - after the import path is made safe

# The guard matters: worker processes started with "spawn" (Windows, macOS) import the main
# module again, and must not run the command a second time.
if __name__ == "__main__":
    run()
