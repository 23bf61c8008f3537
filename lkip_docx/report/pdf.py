"""Page numbers and PDF through LibreOffice: the rendered .docx files are laid out by LibreOffice
headless (one start for any number of reports), the pages of the bookmarks toc.py put on every
heading and caption are read from the PDF's named destinations, and the printed page numbers are
written into the cached results of the contents' PAGEREF fields. The filled documents are laid
out once more to check that the numbers did not move anything (they are as wide as the
placeholder measured), and that last layout is the PDF.

LibreOffice is found by ``LKIP_SOFFICE`` (a path to soffice, or ``none`` to never use it), else on
PATH (``soffice``, ``libreoffice``), else in its usual install folders on Windows and macOS.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lkip_docx.problems import Problem, error, warning
from lkip_docx.report import toc
from lkip_docx.report.engine import parse_xml

ENV = "LKIP_SOFFICE"
DISABLED = ("none", "0", "off", "tidak")
DOCUMENT = "word/document.xml"
#: Named destinations for the bookmarks: what the page numbers are read from.
FILTER = ('pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":'
          '{"type":"boolean","value":"true"}}')
MAX_ROUNDS = 3
#: seconds: LibreOffice's start, plus each report's layout
TIMEOUT_BASE, TIMEOUT_PER_REPORT = 90, 45

INSTALL_HINT = (
    "Pasang LibreOffice (gratis): di Windows unduh penginstalnya dari https://www.libreoffice.org "
    "lalu jalankan (lkip mencarinya di C:\\Program Files\\LibreOffice); di Linux jalankan "
    "'sudo apt install libreoffice-writer' (Debian/Ubuntu) atau 'sudo dnf install "
    "libreoffice-writer' (Fedora). Bila terpasang di folder lain, isi variabel lingkungan "
    f"{ENV} dengan lokasi program soffice."
)


def _candidates() -> list[Path]:
    out = []
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            out.append(Path(found))
    for var in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432"):
        base = os.environ.get(var)
        if base:
            out.append(Path(base) / "LibreOffice" / "program" / "soffice.exe")
    out.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    out.append(Path("/opt/libreoffice/program/soffice"))
    return out


def find_soffice() -> Path | None:
    """LibreOffice's soffice program, or None (not installed, or ``LKIP_SOFFICE=none``)."""
    named = os.environ.get(ENV, "").strip()
    if named:
        if named.lower() in DISABLED:
            return None
        path = Path(named)
        if path.is_dir():
            for sub in ("soffice", "soffice.exe", "program/soffice", "program/soffice.exe"):
                if (path / sub).is_file():
                    return path / sub
            return None
        return path if path.is_file() else None
    for path in _candidates():
        if path.is_file():
            return path
    return None


def missing_problem(pdf_wanted: bool, place: str = "") -> Problem:
    """What the user reads when LibreOffice is not there."""
    named = os.environ.get(ENV, "").strip()
    if named and named.lower() not in DISABLED:
        what = f"program LibreOffice pada {ENV}={named} tidak ditemukan. "
    elif named:
        what = f"LibreOffice tidak dipakai ({ENV}={named}). "
    else:
        what = "LibreOffice tidak ditemukan. "
    if pdf_wanted:
        return error("libreoffice-missing",
                     what + "Berkas .docx tetap dibuat, tetapi PDF tidak dapat dibuat tanpa "
                     "LibreOffice. " + INSTALL_HINT, place=place)
    return warning("page-numbers-pending",
                   what + "Nomor halaman pada Daftar Isi, Daftar Tabel dan Daftar Gambar akan "
                   "muncul saat dokumen dibuka di Microsoft Word dan Word menanyakan pembaruan "
                   "isian (jawab Ya). Agar nomor halaman langsung terisi di semua penampil dan "
                   "PDF dapat dibuat: " + INSTALL_HINT, place=place)


@dataclass
class Paged:
    """One report after pagination: the .docx with its page numbers, the PDF of that .docx when
    asked, and what went wrong (the .docx is then the unpaginated one, never a broken one)."""

    docx: bytes
    pdf: bytes | None = None
    problems: list[Problem] = field(default_factory=list)
    numbers: dict[str, str] = field(default_factory=dict)


class OfficeError(Exception):
    pass


def convert(soffice: Path, files: list[Path], outdir: Path, profile: Path) -> None:
    """One LibreOffice start laying out ``files`` into PDFs in ``outdir``."""
    cmd = [str(soffice), "--headless", "--invisible", "--norestore", "--nologo",
           "--nodefault", "--nolockcheck", f"-env:UserInstallation={profile.as_uri()}",
           "--convert-to", FILTER, "--outdir", str(outdir)] + [str(f) for f in files]
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # LibreOffice's own Python must not see ours
    env.pop("PYTHONHOME", None)
    try:
        subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env, check=False,
                       timeout=TIMEOUT_BASE + TIMEOUT_PER_REPORT * len(files))
    except subprocess.TimeoutExpired:
        raise OfficeError("LibreOffice tidak selesai dalam batas waktu") from None
    except OSError as exc:
        raise OfficeError(f"LibreOffice tidak dapat dijalankan: {exc.strerror or exc}") from None


def destinations(pdf: bytes) -> tuple[dict[str, int], int]:
    """bookmark -> physical page (1-based) of every named destination toc.py knows, and the
    number of pages."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    pages: dict[str, int] = {}
    for name, dest in reader.named_destinations.items():
        key = toc.bookmark_key(str(name))
        if key is None:
            continue
        try:
            page = reader.get_destination_page_number(dest)
        except Exception:  # noqa: BLE001 - a destination pypdf cannot resolve is left out
            continue
        if page is not None:  # None: its page is not in the file
            pages[key] = page + 1
    return pages, len(reader.pages)


def _document_body(docx: bytes):
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        root = parse_xml(z.read(DOCUMENT))
    return root, root.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body")


def _with_document(docx: bytes, root) -> bytes:
    from lxml import etree

    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, data if info.filename == DOCUMENT else zin.read(info.filename))
    return out.getvalue()


def _fill(docx: bytes, pages: dict[str, int] | None, total: int = 0) -> tuple[bytes, dict]:
    root, body = _document_body(docx)
    if pages is None:
        toc.fill_placeholders(body)
        return _with_document(docx, root), {}
    written = toc.fill_page_numbers(body, pages, total)
    return _with_document(docx, root), written


def has_contents(docx: bytes) -> bool:
    root, body = _document_body(docx)
    return bool(toc.pageref_results(body))


def paginate(docs: list[bytes], pdf: bool = False, soffice: Path | None = None,
             names: list[str] | None = None) -> list[Paged]:
    """Page numbers (and, with ``pdf``, the PDF) of many rendered reports, through one LibreOffice
    start per round (at most MAX_ROUNDS, usually two). Never raises for LibreOffice's failures:
    a report it could not lay out keeps its .docx without numbers and carries the problem."""
    names = names or [f"laporan-{i + 1}" for i in range(len(docs))]
    soffice = soffice or find_soffice()
    if soffice is None:
        return [Paged(d, None, [missing_problem(pdf, n)]) for d, n in zip(docs, names)]
    results = [Paged(d) for d in docs]
    current = []
    for d in docs:
        try:
            current.append(_fill(d, None)[0])
        except Exception:  # noqa: BLE001 - not a document toc.py can read: laid out as it is
            current.append(d)
    previous: list[dict | None] = [None] * len(docs)
    todo = list(range(len(docs)))
    with tempfile.TemporaryDirectory(prefix="lkip-office-") as tmp:
        folder = Path(tmp)
        profile = folder / "profil"
        for round_no in range(MAX_ROUNDS):
            if not todo:
                break
            outdir = folder / f"pdf{round_no}"
            outdir.mkdir()
            files = []
            for i in todo:
                f = folder / f"r{round_no}-{i:05d}.docx"
                f.write_bytes(current[i])
                files.append(f)
            try:
                convert(soffice, files, outdir, profile)
            except OfficeError as exc:
                for i in todo:
                    results[i].problems.append(_failed(str(exc), names[i], pdf))
                return results
            still = []
            for i, f in zip(todo, files):
                out = outdir / (f.stem + ".pdf")
                if not out.is_file():
                    results[i].problems.append(_failed("LibreOffice tidak menghasilkan PDF",
                                                       names[i], pdf))
                    continue
                pdf_bytes = out.read_bytes()
                try:
                    pages, total = destinations(pdf_bytes)
                    filled, written = _fill(current[i], pages, total)
                except Exception as exc:  # noqa: BLE001 - an unreadable PDF: said, not raised
                    results[i].problems.append(_failed(f"PDF tidak terbaca ({type(exc).__name__})",
                                                       names[i], pdf))
                    continue
                if written == previous[i]:
                    # the numbers the last layout shows are the ones written: done
                    results[i] = Paged(current[i], pdf_bytes if pdf else None, [], written)
                    continue
                previous[i], current[i] = written, filled
                results[i] = Paged(filled, None, [], written)
                still.append(i)
            todo = still
    for i in todo:
        # the numbers kept moving the layout: the last ones are written; the PDF may differ
        results[i].problems.append(warning(
            "page-numbers-unstable", "nomor halaman daftar isi tidak stabil setelah "
            f"{MAX_ROUNDS} kali tata letak; periksa Daftar Isi di Word (perbarui isian)",
            place=names[i]))
        if pdf:
            results[i].problems.append(_failed("PDF tidak dibuat", names[i], pdf))
    return results


def _failed(reason: str, name: str, pdf: bool) -> Problem:
    if pdf:
        return error("pdf-failed", f"PDF tidak dapat dibuat: {reason}. Berkas .docx tetap dibuat.",
                     place=name)
    return warning("page-numbers-failed",
                   f"nomor halaman daftar isi tidak dapat diisi: {reason}; nomor akan muncul saat "
                   "Word memperbarui isian", place=name)


def bookmark_pages(pdf: bytes) -> dict[str, int]:
    """For tests and tools: the page of every toc bookmark in a PDF this module made."""
    return destinations(pdf)[0]


_ROMAN = re.compile(r"^[ivxlcdm]+$")
