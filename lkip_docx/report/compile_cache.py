"""A per-user disk cache of what preparing a Word template costs most: docxtpl's clean-up of the
template XML and the Jinja code compiled from it.

Preparing the bundled template takes about 75 ms of a 0,4 s build, for a template that changes
only with a release, so it is kept on disk between runs. The cache is only ever an optimisation:
every failure (no folder, read-only, full disk, a damaged entry) means preparing the template
again, never a different report or an error. What keeps it honest:

- the key covers everything that shapes an entry: the exact source text, the kind of entry and
  the environment settings, and the versions of lkip-docx, docxtpl, Jinja and Python;
- every entry carries the SHA-256 of its content and is checked before use; a damaged entry is
  deleted and rebuilt;
- the folder must belong to the user running lkip and be writable by nobody else (POSIX), so
  compiled code can only come from the user's own earlier runs; otherwise the cache is not used;
- it holds at most MAX_ENTRIES entries (oldest used first out), a few megabytes.

``LKIP_CACHE_DIR`` moves the folder; ``LKIP_CACHE_DIR=off`` switches the cache off.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from pathlib import Path

import docxtpl
import jinja2

from lkip_docx import __version__

ENV_VAR = "LKIP_CACHE_DIR"
MAGIC = b"LKIPCACHE1\n"
DIGEST_SIZE = 32
#: A template has a handful of parts (body, headers, footers) and two entries per part; 64 holds
#: the bundled template and several agency templates across an upgrade.
MAX_ENTRIES = 64
SUFFIX = ".bin"


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is switched off."""
    configured = os.environ.get(ENV_VAR)
    if configured is not None:
        return None if configured.strip().lower() in ("", "0", "off", "no") else Path(configured)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "lkip-docx" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "lkip-docx"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "lkip-docx"


def entry_key(kind: str, source: str) -> str:
    """The name of the entry for ``source`` prepared as ``kind`` with the current versions."""
    h = hashlib.sha256()
    for part in (kind, __version__, docxtpl.__version__, jinja2.__version__, sys.version,
                 sys.implementation.cache_tag or "", source):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def _usable_folder(create: bool) -> Path | None:
    """The cache folder if it may be trusted: made if asked, a real folder (not a link), owned by
    this user and writable by nobody else. None otherwise."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(folder)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode):
        return None
    if hasattr(os, "geteuid") and (st.st_uid != os.geteuid() or st.st_mode & 0o022):
        return None
    return folder


def load(kind: str, source: str) -> bytes | None:
    """The content stored for ``source``, verified; None when absent, unusable or damaged."""
    folder = _usable_folder(create=False)
    if folder is None:
        return None
    path = folder / (entry_key(kind, source) + SUFFIX)
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    head, digest = blob[:len(MAGIC)], blob[len(MAGIC):len(MAGIC) + DIGEST_SIZE]
    content = blob[len(MAGIC) + DIGEST_SIZE:]
    if head != MAGIC or hashlib.sha256(content).digest() != digest:
        # Damaged (a flipped bit, a write cut short): never used; prepared again and replaced.
        try:
            path.unlink()
        except OSError:
            pass
        return None
    try:
        os.utime(path)  # most recently used: the last to be pruned
    except OSError:
        pass
    return content


def store(kind: str, source: str, content: bytes) -> None:
    """Keep ``content`` for ``source``; silently does nothing when the folder cannot be used."""
    folder = _usable_folder(create=True)
    if folder is None:
        return
    path = folder / (entry_key(kind, source) + SUFFIX)
    tmp = folder / f".tmp-{os.getpid()}-{path.name}"
    try:
        with open(tmp, "wb") as fh:
            fh.write(MAGIC + hashlib.sha256(content).digest() + content)
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass
        return
    _prune(folder)


def _prune(folder: Path) -> None:
    try:
        entries = [(p.stat().st_mtime, p) for p in folder.glob("*" + SUFFIX)]
    except OSError:
        return
    entries.sort(reverse=True)
    for _mtime, path in entries[MAX_ENTRIES:]:
        try:
            path.unlink()
        except OSError:
            pass
