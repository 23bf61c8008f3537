"""Images named in the workbook (logo, organisation chart, prestasi and lampiran pictures): files
in the workbook's own folder, PNG or JPEG, whole enough for Word to show."""

from __future__ import annotations

import os
import re
import struct
from pathlib import Path, PurePosixPath

NOT_FOUND = "not-found"
NOT_IMAGE = "not-image"
OUTSIDE = "outside"
#: Read at most this much of a file to judge it (a JPEG's frame header comes early).
_SNIFF = 1 << 20


def picture_path(folder: Path, name: str) -> Path | None:
    """The file ``name`` in ``folder``, or None when the name leaves the folder: an absolute
    path, a Windows drive or share, a '..' part, or a link in the folder pointing out of it (a
    workbook shared with others must not make the tool read files elsewhere on their machine)."""
    text = name.strip().replace("\\", "/")
    if not text or re.match(r"^[A-Za-z]:", text) or text.startswith("/"):
        return None
    rel = PurePosixPath(text)
    if rel.is_absolute() or any(part == ".." for part in rel.parts):
        return None
    path = folder.joinpath(*rel.parts)
    try:
        base = os.path.realpath(folder)
        if os.path.commonpath([base, os.path.realpath(path)]) != base:
            return None
    except (OSError, ValueError):  # a NUL in the name, another drive
        return None
    return path


def picture_problem(folder: Path, name: str) -> str | None:
    """None for a usable picture named ``name`` next to the workbook, else OUTSIDE, NOT_FOUND or
    NOT_IMAGE."""
    path = picture_path(folder, name)
    if path is None:
        return OUTSIDE
    return image_problem(path)


def image_problem(path: Path) -> str | None:
    """None for a usable PNG/JPEG file, else NOT_FOUND or NOT_IMAGE. Whatever the name holds (a
    name too long for the file system, a file that cannot be opened), never an exception."""
    try:
        if not path.is_file():
            return NOT_FOUND
        with path.open("rb") as fh:
            head = fh.read(_SNIFF)
            size = path.stat().st_size
            tail = head[-16:] if size <= _SNIFF else (fh.seek(-16, 2), fh.read(16))[1]
    except (OSError, ValueError):
        return NOT_FOUND
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return None if _whole_png(head, tail) else NOT_IMAGE
    if head.startswith(b"\xff\xd8"):
        return None if _has_jpeg_frame(head) else NOT_IMAGE
    return NOT_IMAGE


def _whole_png(head: bytes, tail: bytes) -> bool:
    # the header chunk with a real size, and the end chunk: a cut-off download is refused
    if len(head) < 33 or head[12:16] != b"IHDR":
        return False
    width, height = struct.unpack(">II", head[16:24])
    return width > 0 and height > 0 and b"IEND" in tail


def _has_jpeg_frame(head: bytes) -> bool:
    # Word (and python-docx) read the picture's size from the start-of-frame segment
    i = 2
    while i + 4 <= len(head):
        if head[i] != 0xFF:
            return False
        marker = head[i + 1]
        if marker == 0xFF:
            i += 1
            continue
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            return i + 9 <= len(head) and struct.unpack(">HH", head[i + 5:i + 9]) != (0, 0)
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        length = struct.unpack(">H", head[i + 2:i + 4])[0]
        if length < 2:
            return False
        i += 2 + length
    return False
