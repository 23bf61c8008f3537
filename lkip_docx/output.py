"""Writing output files safely: never over an existing file without --force, never half-written.

The bytes go to a temporary file in the target folder (same file system, so the final move is
atomic), which is then moved into place; on any failure the target is untouched and the temporary
file removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path
from typing import Callable

from lkip_docx.problems import LkipError, error

TEMP_PREFIX = ".~lkip-"


def _fail(code: str, message: str, path: Path) -> LkipError:
    return LkipError(error(code, message, place=str(path)))


def _exists(path: Path, can_force: bool) -> LkipError:
    hint = "pakai --force untuk menimpanya atau pilih nama lain" if can_force else \
        "pilih nama lain (berkas yang ada tidak ditimpa)"
    return _fail("output-exists", f"berkas tujuan sudah ada; {hint}", path)


def check_target(path: Path, force: bool, can_force: bool = True) -> None:
    """Refuse early (before any work) a target that cannot or must not be written.
    ``can_force`` says whether the command has a --force to suggest."""
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise _fail("output-is-folder", "tujuan adalah folder; beri nama berkas, mis. laporan.docx",
                    path)
    if not parent.is_dir():
        raise _fail("output-folder-missing", f"folder tujuan '{parent}' tidak ada", path)
    if path.exists() and not force:
        raise _exists(path, can_force)
    if not os.access(parent, os.W_OK):
        raise _fail("output-not-writable", f"tidak ada izin menulis di folder '{parent}'", path)


def _os_problem(exc: OSError, path: Path) -> LkipError:
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return _fail("output-locked",
                     "berkas tujuan tidak dapat ditulis: mungkin sedang dibuka di program lain "
                     "(mis. Word) atau tidak ada izin; tutup berkasnya lalu ulangi", path)
    if exc.errno == errno.ENOSPC:
        return _fail("output-disk-full", "ruang disk penuh; berkas tidak ditulis", path)
    return _fail("output-failed", f"berkas tidak dapat ditulis: {exc.strerror or exc}", path)


def move_into_place(tmp: Path, path: Path, force: bool, can_force: bool = True) -> None:
    """Move a finished temporary file onto ``path`` atomically (no-clobber unless ``force``)."""
    try:
        if force:
            os.replace(tmp, path)
        elif os.name == "nt":
            os.rename(tmp, path)  # refuses to replace an existing file on Windows
        else:
            # link() fails if the target appeared meanwhile: no-clobber without a race.
            os.link(tmp, path)
            os.unlink(tmp)
    except FileExistsError:
        raise _exists(path, can_force) from None
    except OSError as exc:
        if exc.errno in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP) and \
                not force and os.name != "nt" and not path.exists():
            # File systems without hard links (some network shares, FAT): a plain rename.
            try:
                os.rename(tmp, path)
                return
            except OSError as exc2:
                raise _os_problem(exc2, path) from None
        raise _os_problem(exc, path) from None


def new_temporary(folder: Path, suffix: str) -> Path:
    """A new empty file ``.~lkip-*`` in ``folder``, to be filled and then moved into place.

    Created with mode 0666 minus the umask, as any file the user writes: mkstemp's 0600 would
    travel with the moved file and leave the report unreadable to the other users of a shared
    folder."""
    for _ in range(100):
        tmp = folder / f"{TEMP_PREFIX}{secrets.token_hex(8)}{suffix}"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                         0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(errno.EEXIST, "tidak ada nama berkas sementara yang bebas", str(folder))


def write_with(path: Path, force: bool, write: Callable[[Path], None],
               can_force: bool = True) -> None:
    """Let ``write(tmp)`` fill a temporary file next to ``path``, then move it onto ``path``.

    Every OSError on the way (creating the temporary file included: a folder whose permissions
    os.access cannot see, a full disk) is an LkipError about ``path``, never a crash; the
    temporary file never stays behind."""
    check_target(path, force, can_force)
    parent = path.parent if str(path.parent) else Path(".")
    tmp = None
    try:
        tmp = new_temporary(parent, path.suffix)
        write(tmp)
        move_into_place(tmp, path, force, can_force)
    except OSError as exc:
        raise _os_problem(exc, path) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes, force: bool) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    def write(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())

    write_with(path, force, write)
