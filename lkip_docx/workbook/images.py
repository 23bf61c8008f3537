"""Images named in the workbook (logo, organisation chart): files next to it, PNG or JPEG."""

from __future__ import annotations

from pathlib import Path

NOT_FOUND = "not-found"
NOT_IMAGE = "not-image"


def image_problem(path: Path) -> str | None:
    """None for a usable PNG/JPEG file, else NOT_FOUND or NOT_IMAGE. Whatever the name holds (a
    name too long for the file system, a file that cannot be opened), never an exception."""
    try:
        if not path.is_file():
            return NOT_FOUND
        with path.open("rb") as fh:
            head = fh.read(8)
    except (OSError, ValueError):
        return NOT_FOUND
    if head.startswith(b"\x89PNG") or head.startswith(b"\xff\xd8"):
        return None
    return NOT_IMAGE
