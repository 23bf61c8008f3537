"""``lkip verify``: a report as handed to the Inspektorat, compared with the report its workbook
builds now.

Both documents are read as located paragraphs and tables (dokumen.py) and aligned with difflib,
first block by block (a paragraph by its text, a table by its caption number), then, inside a
table, row by row and cell by cell. Each difference is classified:

- **angka diubah**: a sentence or cell equal to the built one except for its figures (a capaian
  typed over in a table, an amount changed in a sentence);
- **kalimat diubah**: any other edit of generated text;
- **dihapus**: generated text (a paragraph, a table, a row) missing from the report;
- **baris ditambahkan**: a row added to a generated table;
- **ditambahkan**: a paragraph or table only in the report: text staff are meant to add in Word,
  listed but not an error.

The closing line with the build time and hash, and the results of fields (table of contents,
list of tables, page numbers, which Word recomputes), are not compared.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from lkip_docx import __version__
from lkip_docx.build import compute_workbook, render_report, workbook_sha256
from lkip_docx.report import provenance
from lkip_docx.review import angka, dokumen
from lkip_docx.review.dokumen import Baris, Blok, Paragraf, Sel, Tabel

ANGKA_DIUBAH = "angka diubah"
KALIMAT_DIUBAH = "kalimat diubah"
DIHAPUS = "dihapus"
BARIS_DITAMBAHKAN = "baris tabel ditambahkan"
DITAMBAHKAN = "ditambahkan"
#: The order the differences are listed in.
JENIS = (ANGKA_DIUBAH, KALIMAT_DIUBAH, DIHAPUS, BARIS_DITAMBAHKAN, DITAMBAHKAN)

#: How alike two paragraphs (or rows) must be to count as one edited, rather than one deleted and
#: one added.
SIMILAR = 0.5


@dataclass(frozen=True)
class Perbedaan:
    jenis: str
    lokasi: str
    dibuat: str = ""  # the text as built from the workbook
    ditemukan: str = ""  # the text found in the report
    angka: tuple[tuple[str, str], ...] = ()  # (built, found) figures of an 'angka diubah'

    @property
    def galat(self) -> bool:
        """Added text is what staff are meant to write; everything else is an edit of generated
        content."""
        return self.jenis != DITAMBAHKAN


@dataclass
class HasilVerifikasi:
    laporan: str
    workbook: str
    sha256: str  # of the workbook given
    properti: dict[str, str]  # the report's provenance properties
    perbedaan: list[Perbedaan] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)

    @property
    def tanpa_asal(self) -> bool:
        return not self.properti.get(provenance.P_SHA256)

    @property
    def dari_workbook_lain(self) -> bool:
        recorded = self.properti.get(provenance.P_SHA256)
        return bool(recorded) and recorded != self.sha256

    @property
    def galat(self) -> list[Perbedaan]:
        return [p for p in self.perbedaan if p.galat]

    @property
    def sama(self) -> bool:
        """Every generated figure and sentence is as built."""
        return not self.galat


# --- locations ---------------------------------------------------------------------------------

def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "\u2026"


def _path(judul: tuple[str, ...]) -> str:
    return " \u203a ".join(_short(h, 50) for h in judul) if judul else "awal dokumen"


def lokasi_paragraf(p: Paragraf) -> str:
    if p.nomor == 0:
        return f"{_path(p.judul)}, judul '{_short(p.teks)}'"
    return f"{_path(p.judul)}, paragraf ke-{p.nomor}"


def lokasi_tabel(t: Tabel) -> str:
    part = f" (bagian {t.bagian})" if t.bagian > 1 else ""
    return f"{_path(t.judul)}, {t.label}{part}"


def lokasi_baris(t: Tabel, b: Baris) -> str:
    label = b.label()
    return f"{lokasi_tabel(t)}, baris {b.nomor}" + (f" '{_short(label, 50)}'" if label else "")


def lokasi_sel(t: Tabel, b: Baris, s: Sel) -> str:
    label = b.label()
    row = f"baris {b.nomor}" + (f" '{_short(label, 50)}'" if label and label != s.teks else "")
    col = f"kolom '{_short(s.judul_kolom, 50)}'" if s.judul_kolom else f"kolom {s.kolom + 1}"
    return f"{lokasi_tabel(t)}, {row}, {col}"


# --- classification ----------------------------------------------------------------------------

def classify(built: str, found: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """'angka diubah' with the changed figures when only figures differ, else 'kalimat diubah'."""
    if built.strip() == "-" or found.strip() == "-":
        # a dash is a blank figure in a table: a dash typed over a figure, or the reverse
        other = found if built.strip() == "-" else built
        if angka.skeleton(other).strip() == "#":
            return ANGKA_DIUBAH, ((built, found),)
    if angka.skeleton(built) != angka.skeleton(found):
        return KALIMAT_DIUBAH, ()
    a = [m.group(0) for m in angka.TOKEN.finditer(built)]
    b = [m.group(0) for m in angka.TOKEN.finditer(found)]
    return ANGKA_DIUBAH, tuple((x, y) for x, y in zip(a, b) if x != y)


def _ratio(a: str, b: str) -> float:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if sm.real_quick_ratio() < SIMILAR or sm.quick_ratio() < SIMILAR:
        return 0.0
    return sm.ratio()


def _key(block: Blok) -> tuple:
    if isinstance(block, Tabel):
        return ("tabel", block.label, block.bagian)
    return ("paragraf", block.teks)


def _row_text(row: Baris) -> str:
    return " | ".join(c.teks for c in row.sel)


# --- comparison --------------------------------------------------------------------------------

class _Compare:
    def __init__(self) -> None:
        self.out: list[Perbedaan] = []

    def add(self, jenis: str, lokasi: str, dibuat: str = "", ditemukan: str = "",
            pairs: tuple[tuple[str, str], ...] = ()) -> None:
        self.out.append(Perbedaan(jenis, lokasi, dibuat, ditemukan, pairs))

    def blocks(self, built: list[Blok], found: list[Blok]) -> None:
        sm = difflib.SequenceMatcher(None, [_key(b) for b in built], [_key(f) for f in found],
                                     autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                for b, f in zip(built[i1:i2], found[j1:j2]):
                    if isinstance(b, Tabel) and isinstance(f, Tabel):  # equal keys: both tables
                        self.tables(b, f)
            elif op == "delete":
                for b in built[i1:i2]:
                    self.deleted(b)
            elif op == "insert":
                for f in found[j1:j2]:
                    self.added(f)
            else:
                self.pair(built[i1:i2], found[j1:j2])

    def pair(self, built: list[Blok], found: list[Blok]) -> None:
        used: set[int] = set()
        last = -1
        for b in built:
            best, score = None, 0.0
            for j in range(last + 1, len(found)):
                f = found[j]
                if isinstance(b, Tabel) and isinstance(f, Tabel):
                    s = 1.0 if (b.label, b.bagian) == (f.label, f.bagian) else 0.0
                elif isinstance(b, Paragraf) and isinstance(f, Paragraf):
                    s = _ratio(b.teks, f.teks)
                else:
                    continue  # a table is only paired with a table, a paragraph with a paragraph
                if s > score:
                    best, score = j, s
            if best is None or score < SIMILAR:
                self.deleted(b)
                continue
            used.add(best)
            last = best
            f = found[best]
            if isinstance(b, Tabel) and isinstance(f, Tabel):
                self.tables(b, f)
            elif isinstance(b, Paragraf) and isinstance(f, Paragraf):
                jenis, pairs = classify(b.teks, f.teks)
                self.add(jenis, lokasi_paragraf(b), b.teks, f.teks, pairs)
        for j, f in enumerate(found):
            if j not in used:
                self.added(f)

    def deleted(self, b: Blok) -> None:
        if isinstance(b, Tabel):
            self.add(DIHAPUS, lokasi_tabel(b), "\n".join(_row_text(r) for r in b.baris))
        else:
            self.add(DIHAPUS, lokasi_paragraf(b), b.teks)

    def added(self, f: Blok) -> None:
        if isinstance(f, Tabel):
            self.add(DITAMBAHKAN, lokasi_tabel(f), "", "\n".join(_row_text(r) for r in f.baris))
        else:
            self.add(DITAMBAHKAN, lokasi_paragraf(f), "", f.teks)

    def tables(self, tb: Tabel, tf: Tabel) -> None:
        rb, rf = list(tb.baris), list(tf.baris)
        sm = difflib.SequenceMatcher(None, [_row_text(r) for r in rb], [_row_text(r) for r in rf],
                                     autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                continue
            if op == "delete":
                for r in rb[i1:i2]:
                    self.add(DIHAPUS, lokasi_baris(tb, r), _row_text(r))
                continue
            if op == "insert":
                for r in rf[j1:j2]:
                    self.add(BARIS_DITAMBAHKAN, lokasi_baris(tf, r), "", _row_text(r))
                continue
            used: set[int] = set()
            last = j1 - 1
            for r in rb[i1:i2]:
                best, score = None, 0.0
                for j in range(last + 1, j2):
                    s = _ratio(_row_text(r), _row_text(rf[j]))
                    if len(r.sel) == len(rf[j].sel):
                        s = max(s, SIMILAR)  # same shape: an edited row rather than a new one
                    if s > score:
                        best, score = j, s
                if best is None or score < SIMILAR:
                    self.add(DIHAPUS, lokasi_baris(tb, r), _row_text(r))
                    continue
                used.add(best)
                last = best
                self.cells(tb, r, rf[best])
            for j in range(j1, j2):
                if j not in used:
                    self.add(BARIS_DITAMBAHKAN, lokasi_baris(tf, rf[j]), "", _row_text(rf[j]))

    def cells(self, t: Tabel, rb: Baris, rf: Baris) -> None:
        by_b = {c.kolom: c for c in rb.sel}
        by_f = {c.kolom: c for c in rf.sel}
        for kolom in sorted(set(by_b) | set(by_f)):
            cb, cf = by_b.get(kolom), by_f.get(kolom)
            tb_, tf_ = cb.teks if cb else "", cf.teks if cf else ""
            if tb_ == tf_:
                continue
            jenis, pairs = classify(tb_, tf_)
            # the column is in one row or the other: a cell of the built row, else the found one
            self.add(jenis, lokasi_sel(t, rb, cb or by_f[kolom]), tb_, tf_, pairs)


def _compared(blocks: list[Blok]) -> list[Blok]:
    """The blocks that are compared: not the closing line (its time and hash change with every
    build)."""
    return [b for b in blocks
            if not (isinstance(b, Paragraf) and b.teks.startswith(provenance.CLOSING_PREFIX))]


def compare(built: list[Blok], found: list[Blok]) -> list[Perbedaan]:
    """Every difference between a report as built and as found, in document order within each
    kind."""
    cmp = _Compare()
    cmp.blocks(_compared(built), _compared(found))
    return sorted(cmp.out, key=lambda p: JENIS.index(p.jenis))


def verify_report(report: Path | str, workbook: Path | str,
                  template: Path | str | None = None) -> HasilVerifikasi:
    """Rebuild ``workbook`` (with ``template``, else the bundled one) and compare with
    ``report``. Raises LkipError for a workbook with errors or a file that is not a report."""
    report, workbook = Path(report), Path(workbook)
    found = dokumen.read(report)
    props = provenance.read_properties(report)
    digest = workbook_sha256(workbook)
    result = compute_workbook(workbook)
    data = render_report(result.results, workbook.parent, template)
    hasil = HasilVerifikasi(report.name, workbook.name, digest, props)
    hasil.perbedaan = compare(dokumen.read(data), found)
    recorded_template = props.get(provenance.P_TEMPLAT)
    if recorded_template and recorded_template != provenance.TEMPLAT_BAWAAN and template is None:
        hasil.catatan.append(f"laporan disusun dengan templat '{recorded_template}'; berikan "
                             "templat itu (--template) agar pembandingan tepat")
    versi = props.get(provenance.P_VERSI)
    if versi and versi != __version__:
        hasil.catatan.append(f"laporan disusun dengan lkip-docx {versi}, pembanding ini "
                             f"{__version__}: sebagian perbedaan dapat berasal dari perubahan "
                             "alat, bukan dari penyuntingan")
    if props.get(provenance.P_STATUS) == provenance.STATUS_DRAF:
        hasil.catatan.append("laporan disusun dari workbook berstatus draf (ada nilai yang "
                             "belum diisi)")
    return hasil


# --- text for people ---------------------------------------------------------------------------

_TITLES = {ANGKA_DIUBAH: "Angka diubah", KALIMAT_DIUBAH: "Kalimat diubah", DIHAPUS: "Dihapus",
           BARIS_DITAMBAHKAN: "Baris tabel ditambahkan",
           DITAMBAHKAN: "Ditambahkan (teks tambahan staf, bukan galat)"}


def asal_teks(hasil: HasilVerifikasi) -> list[str]:
    """What the report says of its workbook, first: another workbook is the first thing to know."""
    p = hasil.properti
    if hasil.tanpa_asal:
        return ["Laporan tidak memuat jejak asal workbook (bukan disusun oleh lkip-docx, atau "
                "properti dokumennya dihapus)."]
    if hasil.dari_workbook_lain:
        return [f"PERHATIAN: laporan ini disusun dari workbook lain: "
                f"{p.get(provenance.P_WORKBOOK, '?')} (SHA-256 {p.get(provenance.P_SHA256)}), "
                f"bukan {hasil.workbook} (SHA-256 {hasil.sha256})."]
    return [f"Laporan disusun dari workbook ini: {hasil.workbook} (SHA-256 {hasil.sha256}), "
            f"pada {p.get(provenance.P_WAKTU, '?')} dengan lkip-docx "
            f"{p.get(provenance.P_VERSI, '?')}."]


def to_text(hasil: HasilVerifikasi) -> str:
    lines = [f"Laporan: {hasil.laporan}", *asal_teks(hasil)]
    lines += [f"Catatan: {c}" for c in hasil.catatan]
    for jenis in JENIS:
        items = [p for p in hasil.perbedaan if p.jenis == jenis]
        if not items:
            continue
        lines += ["", f"{_TITLES[jenis]} ({len(items)}):"]
        for p in items:
            lines.append(f"  {p.lokasi}")
            if p.angka:
                lines += [f"    angka: {a} \u2192 {b}" for a, b in p.angka]
            if p.dibuat:
                lines.append(f"    dibuat   : {p.dibuat}")
            if p.ditemukan:
                lines.append(f"    ditemukan: {p.ditemukan}")
    n = len(hasil.galat)
    lines.append("")
    if n:
        lines.append(f"Hasil: {n} perbedaan dengan laporan yang disusun dari {hasil.workbook}.")
    else:
        added = len(hasil.perbedaan)
        lines.append("Hasil: semua angka dan kalimat yang disusun dari workbook tidak berubah"
                     + (f" ({added} teks tambahan)." if added else "."))
    return "\n".join(lines)
