"""Caches for the render layer: the Jinja code compiled from a template and docxtpl's cleaned-up
XML, kept in memory (batch workers render many reports) and on disk (one report per process).

Compiling the Word template's XML into a Jinja template costs more than filling it, and the
template rarely changes, so the compiled code is stored under a key made of the exact source and
the versions of Python and Jinja, as Jinja's own bytecode caches do. Any failure to read or write
the cache only means compiling again; the output never depends on the cache.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path

from jinja2 import Environment

_MEMORY: dict[str, object] = {}


def cache_dir() -> Path | None:
    """The per-user cache folder, or None when caching is switched off (LKIP_CACHE_DIR=off)."""
    configured = os.environ.get("LKIP_CACHE_DIR")
    if configured is not None:
        return None if configured.lower() in ("", "0", "off", "no") else Path(configured)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "lkip-docx" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "lkip-docx"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "lkip-docx"


def _key(kind: str, text: str) -> str:
    import jinja2

    h = hashlib.sha256()
    for part in (kind, sys.version, jinja2.__version__, text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def _load(key: str, suffix: str) -> bytes | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return (folder / f"{key}{suffix}").read_bytes()
    except OSError:
        return None


def _store(key: str, suffix: str, data: bytes) -> None:
    folder = cache_dir()
    if folder is None:
        return
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, folder / f"{key}{suffix}")
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


class CachingEnvironment(Environment):
    """A Jinja environment whose ``from_string`` reuses compiled code for an identical source.

    docxtpl compiles each XML part with ``jinja_env.from_string``; nothing else changes.
    """

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 - Jinja's name
        if not isinstance(source, str) or template_class is not None:
            return super().from_string(source, globals, template_class)
        # Everything that changes the compiled code is in the key (finalize adds calls to it).
        key = _key(f"jinja|{self.autoescape}|{self.undefined.__name__}|{self.finalize is not None}",
                   source)
        code = _MEMORY.get(key)
        if code is None:
            raw = _load(key, ".jinja")
            if raw is not None:
                try:
                    code = marshal.loads(raw)
                except (EOFError, ValueError, TypeError):
                    code = None
        if code is None:
            code = self.compile(source)
            _store(key, ".jinja", marshal.dumps(code))
        _MEMORY[key] = code
        return self.template_class.from_code(self, code, self.make_globals(globals), None)


def cached_text(kind: str, source: str, compute) -> str:
    """``compute(source)`` remembered in memory and on disk (for docxtpl's XML clean-up)."""
    key = _key(kind, source)
    value = _MEMORY.get(key)
    if value is None:
        raw = _load(key, ".xml")
        if raw is not None:
            value = raw.decode("utf-8")
        else:
            value = compute(source)
            _store(key, ".xml", value.encode("utf-8"))
        _MEMORY[key] = value
    return value
