"""``python -m lkip_docx`` runs the ``lkip`` command."""

import os
import sys

# `python -m` puts the working folder first on the import path, so a jinja2.py, docxtpl.py or
# pickle.py lying in the folder where someone builds a report would be imported instead of the
# library (and run). The package itself is already imported; nothing else may come from there.
if sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]


from lkip_docx.cli import run  # noqa: E402 - after the import path is made safe

# The guard matters: worker processes started with "spawn" (Windows, macOS) import the main
# module again, and must not run the command a second time.
if __name__ == "__main__":
    run()
