"""``python -m lkip_docx`` runs the ``lkip`` command."""

from lkip_docx.cli import run

# The guard matters: worker processes started with "spawn" (Windows, macOS) import the main
# module again, and must not run the command a second time.
if __name__ == "__main__":
    run()
