"""``python -m lkip_docx`` runs the ``lkip`` command."""

from .cli import main

main(prog_name="lkip")
