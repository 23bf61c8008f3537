"""Writing output files safely: never over an existing file without --force, never over a
read-only file or one of the run's inputs, never half-written.

The bytes go to a temporary file in the target folder (same file system, so the final move is
atomic), which is then moved into place; on any failure the target is untouched and the temporary
file removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
from pathlib import Path
from typing import Callable, Iterable

from lkip_docx.problems import LkipError, error

TEMP_PREFIX = ".~lkip-"
#: Longest file name most file systems take (NTFS: 255 UTF-16 units; ext4, APFS: 255 bytes).
NAME_MAX = 255
#: Set in a batch's worker processes: their temporary files carry the run's tag, so that the
#: parent can remove what a worker stopped by Ctrl-C left behind (see batch.py).
run_tag = ""


def _fail(code: str, message: str, path: Path) -> LkipError:
    return LkipError(error(code, message, place=str(path)))


def _exists(path: Path, can_force: bool) -> LkipError:
    hint = "pakai --force untuk menimpanya atau pilih nama lain" if can_force else \
        "pilih nama lain (berkas yang ada tidak ditimpa)"
    return _fail("output-exists", f"berkas tujuan sudah ada; {hint}", path)


def _name_too_long(path: Path) -> LkipError:
    return _fail("output-name-too-long",
                 f"nama berkas tujuan terlalu panjang ({len(path.name)} karakter; batas "
                 f"{NAME_MAX}); pilih nama yang lebih pendek", path)


def _read_only(path: Path) -> bool:
    """A file nobody may write (Windows' read-only attribute, chmod a-w). Mode bits, not
    os.access alone: to root os.access says every file is writable, and os.replace would then
    swap a protected report for a new one."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_IMODE(mode) & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or \
        not os.access(path, os.W_OK)


def check_target(path: Path, force: bool, can_force: bool = True) -> None:
    """Refuse early (before any work) a target that cannot or must not be written.
    ``can_force`` says whether the command has a --force to suggest."""
    parent = path.parent if str(path.parent) else Path(".")
    if len(path.name) > NAME_MAX or len(os.fsencode(path.name)) > NAME_MAX:
        raise _name_too_long(path)
    try:
        if path.is_dir():
            raise _fail("output-is-folder",
                        "tujuan adalah folder; beri nama berkas, mis. laporan.docx", path)
        if not parent.is_dir():
            raise _fail("output-folder-missing", f"folder tujuan '{parent}' tidak ada", path)
        if path.exists() and not force:
            raise _exists(path, can_force)
        if path.exists() and _read_only(path):
            # docs/errors.md promises a read-only report is left alone; --force overrides only
            # the "already exists" refusal, never the protection someone put on the file.
            raise _fail("output-read-only",
                        "berkas tujuan bersifat hanya-baca (read-only) dan tidak ditimpa, juga "
                        "dengan --force; hapus sifat hanya-bacanya atau pilih nama lain", path)
        if not os.access(parent, os.W_OK):
            raise _fail("output-not-writable", f"tidak ada izin menulis di folder '{parent}'",
                        path)
    except OSError as exc:  # a path the file system cannot even look at (too long, invalid)
        raise _os_problem(exc, path) from None


# --- outputs never overwrite inputs ---------------------------------------------------------------

# Windows and macOS file systems ignore case by default; os.path.normcase folds it on Windows only.
_FOLD_CASE = os.name == "nt" or sys.platform == "darwin"


def path_key(path: Path | str) -> str:
    """The path as the file system tells files apart: absolute, links resolved, case folded
    where names ignore case."""
    key = os.path.normcase(os.path.realpath(path))
    return key.casefold() if _FOLD_CASE else key


def _file_id(path: Path | str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if st.st_ino else None


class Inputs:
    """The files a run reads (workbooks, the template, the pictures a workbook names), so that no
    output of the run can be one of them. Compared by resolved path and by file identity
    (os.path.samefile's test: another spelling, a link, a name in another case on a file system
    that ignores case)."""

    def __init__(self, files: Iterable[tuple[Path | str, str]] = ()):
        self._by_key: dict[str, tuple[Path, str]] = {}
        self._by_id: dict[tuple[int, int], tuple[Path, str]] = {}
        for path, what in files:
            self.add(path, what)

    def add(self, path: Path | str, what: str) -> None:
        """Remember ``path``; ``what`` names it in the message (e.g. "templat")."""
        entry = (Path(path), what)
        try:
            self._by_key.setdefault(path_key(path), entry)
        except (OSError, ValueError):
            pass
        fid = _file_id(path)
        if fid is not None:
            self._by_id.setdefault(fid, entry)

    def find(self, output: Path | str) -> tuple[Path, str] | None:
        fid = _file_id(output)
        if fid is not None and fid in self._by_id:
            return self._by_id[fid]
        try:
            return self._by_key.get(path_key(output))
        except (OSError, ValueError):
            return None

    def check(self, output: Path | str) -> None:
        """LkipError ``output-is-input`` when ``output`` is one of the inputs (even with
        --force: the run would destroy what it reads, or read what it has just written)."""
        found = self.find(output)
        if found is not None:
            raise LkipError(input_problem(Path(output), *found))


def input_problem(output: Path, path: Path, what: str):
    return error("output-is-input",
                 f"berkas tujuan sama dengan {what} yang dibaca ('{path}'); berkas masukan tidak "
                 "pernah ditimpa, juga dengan --force; pilih nama atau folder tujuan lain",
                 place=str(output))


def _os_problem(exc: OSError, path: Path) -> LkipError:
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return _fail("output-locked",
                     "berkas tujuan tidak dapat ditulis: mungkin sedang dibuka di program lain "
                     "(mis. Word) atau tidak ada izin; tutup berkasnya lalu ulangi", path)
    if exc.errno == errno.ENOSPC:
        return _fail("output-disk-full", "ruang disk penuh; berkas tidak ditulis", path)
    if exc.errno == errno.ENAMETOOLONG:
        return _name_too_long(path)
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
        tmp = folder / f"{TEMP_PREFIX}{run_tag}{secrets.token_hex(8)}{suffix}"
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


def write_atomically(path: Path, data: bytes, force: bool, can_force: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    Outputs are made in memory first (documents and spreadsheets alike): a library writing
    straight to the file would leave its own handles open when the disk fills up."""
    def write(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())

    write_with(path, force, write, can_force)
