"""Uploaded files on disk: each request gets a private folder of its own, files keep the name the
person gave them (made safe), and the folder is removed with everything in it when the answer is
ready.

What a file *is* (a workbook, a Word template, a zip bomb, a renamed CSV) is decided by the
library when it opens it, with the same messages as the CLI; here only the names, the sizes and
the number of files are checked, before anything is opened.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

from werkzeug.datastructures import FileStorage

from lkip_docx.problems import LkipError, Problem, error

MB = 1024 * 1024
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg")
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)
MAX_NAME = 120


def make_root(parent: str | None = None) -> Path:
    """The server's own folder for uploads, readable by this user only (mkdtemp's 0700), in
    ``parent`` or the system's temporary folder."""
    return Path(tempfile.mkdtemp(prefix="lkip-serve-", dir=parent))


def remove(folder: Path) -> None:
    """Remove a folder and everything in it; a file still held open (Windows) is retried once by
    rmtree's error handler and otherwise left to the server's clean-up at exit."""
    shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def private_folder(root: Path):
    """A new folder of its own under ``root`` for one request, removed afterwards whatever
    happens."""
    folder = Path(tempfile.mkdtemp(dir=root))
    try:
        yield folder
    finally:
        remove(folder)


def safe_name(filename: str | None, default: str) -> str:
    """The name a person gave a file, usable on any file system: no folder part, no character
    Windows refuses, not hidden, not a device name, not too long. The library names files in its
    messages and the recap lists them, so the person's name is kept wherever it is safe."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = unicodedata.normalize("NFC", name)
    name = _UNSAFE.sub("_", name).strip().strip(".").strip()
    if name.startswith("~$"):  # Excel's lock file prefix, skipped by the library's folder reading
        name = name[2:]
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    stem = stem[:MAX_NAME].strip()
    if not stem:
        return default
    if _WINDOWS_RESERVED.match(stem):
        stem = "_" + stem
    return f"{stem}.{suffix}" if suffix else stem


def unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``... when another file of the request has it (without case, as
    Windows compares names, and as the library's batch does)."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{stem} ({n})" + (f".{suffix}" if suffix else "")
    taken.add(candidate.casefold())
    return candidate


def too_large(name: str, size: int, limit: int) -> Problem:
    """The reader's message for a file over its limit (tests keep the two identical)."""
    return error("file-too-large",
                 f"berkas terlalu besar ({size // MB} MB; batas {limit // MB} MB)", place=name)


def save(upload: FileStorage, folder: Path, default: str, limit: int, taken: set[str]) -> Path:
    """Write one uploaded file into ``folder`` under its safe name, refusing it past ``limit``
    bytes (counted while copying: a browser's stated size is not trusted)."""
    name = unique(safe_name(upload.filename, default), taken)
    path = folder / name
    written = 0
    with open(path, "xb") as out:
        while True:
            chunk = upload.stream.read(MB)
            if not chunk:
                break
            written += len(chunk)
            if written > limit:
                break
            out.write(chunk)
    if written > limit:
        size = written + _remaining(upload)
        path.unlink()
        raise LkipError(too_large(name, size, limit))
    return path


def _remaining(upload: FileStorage) -> int:
    # The rest of the stream, for the size in the message; the parser already holds it on disk.
    rest = 0
    while chunk := upload.stream.read(MB):
        rest += len(chunk)
    return rest


def chosen(files: list[FileStorage]) -> list[FileStorage]:
    """The file inputs a person actually filled (a form sends an empty part for an empty input)."""
    return [f for f in files if f is not None and f.filename]


def picture_problem(path: Path) -> Problem | None:
    """Pictures are only put in the report: a PNG or JPEG, by name and by content."""
    with open(path, "rb") as fh:
        head = fh.read(8)
    if path.suffix.lower() in PICTURE_SUFFIXES and head.startswith((b"\x89PNG", b"\xff\xd8")):
        return None
    return error("picture-not-image", "gambar harus berkas PNG atau JPG", place=path.name)


def files_in(folder: Path) -> list[str]:
    """Every file left under ``folder`` (for the tests of the clean-up and for the server's
    final check)."""
    return [os.path.join(d, f) for d, _, names in os.walk(folder) for f in names]
