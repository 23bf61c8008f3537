"""Document structure: the sub-chapters that exist and their numbers, table numbers per chapter,
the list of tables, the table of contents.

A sub-chapter without data is left out (no budget: no 3.3; no prestasi: no 3.4) and the ones after
it move up, so the numbers never have a gap; the headings of the template, the table of contents
and the Sistematika Penyajian all read them from ``outline``.
"""

from __future__ import annotations

from dataclasses import dataclass

from lkip_docx.report.richtext import STYLE_TOC1, STYLE_TOC2, STYLE_TOF, paragraph, paragraphs

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class Numbering:
    """Table numbers per chapter in document order ('3.14'), and the list of tables.

    Chapters must ask for their tables in the order the template prints them: the number is
    given when asked."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.entries: list[str] = []

    def table(self, bab: int | str, judul: str, sumber: str | None = None, **extra) -> dict:
        """A table value of the context: ``nomor``, ``judul``, ``sumber`` and ``extra``."""
        key = str(bab)
        self.counts[key] = self.counts.get(key, 0) + 1
        nomor = f"{key}.{self.counts[key]}"
        self.entries.append(f"Tabel {nomor} {judul}")
        out = {"nomor": nomor, "judul": judul, "sumber": sumber or ""}
        out.update(extra)
        return out


def daftar_tabel(tables: Numbering) -> dict:
    """The list of tables, one paragraph per caption."""
    return paragraphs([paragraph(STYLE_TOF, [[e, False, False]]) for e in tables.entries])


@dataclass(frozen=True)
class Bagian:
    """One sub-chapter: its key (as the template names it), chapter, title in capitals and in
    running text (for the Sistematika Penyajian)."""

    key: str
    bab: int
    judul: str
    sebutan: str


def outline(ada: dict[str, bool], judul: dict[str, str]) -> list[Bagian]:
    """The sub-chapters of the report, in order. ``ada`` says which optional ones have data
    (keys: tugas_fungsi, aspek_strategis, program, realisasi_anggaran, prestasi); ``judul`` gives
    the titles that depend on the agency (program, renstra, perjanjian_kinerja)."""
    every = [
        Bagian("latar_belakang", 1, "LATAR BELAKANG", "Latar Belakang"),
        Bagian("tugas_fungsi", 1, "TUGAS, FUNGSI DAN STRUKTUR ORGANISASI",
               "Tugas, Fungsi dan Struktur Organisasi"),
        Bagian("aspek_strategis", 1, "ASPEK STRATEGIS ORGANISASI", "Aspek Strategis Organisasi"),
        Bagian("program", 1, judul["program"].upper(), judul["program"]),
        Bagian("sistematika", 1, "SISTEMATIKA PENYAJIAN", "Sistematika Penyajian"),
        Bagian("renstra", 2, judul["renstra"].upper(), judul["renstra"]),
        Bagian("perjanjian_kinerja", 2, judul["perjanjian_kinerja"].upper(),
               judul["perjanjian_kinerja"]),
        Bagian("capaian", 3, "CAPAIAN KINERJA ORGANISASI", "Capaian Kinerja Organisasi"),
        Bagian("analisis", 3, "ANALISIS CAPAIAN INDIKATOR KINERJA UTAMA",
               "Analisis Capaian Indikator Kinerja Utama"),
        Bagian("realisasi_anggaran", 3, "REALISASI ANGGARAN", "Realisasi Anggaran"),
        Bagian("prestasi", 3, "PRESTASI ORGANISASI", "Prestasi Organisasi"),
        Bagian("kesimpulan", 4, "KESIMPULAN", "Kesimpulan"),
    ]
    assert tuple(b.key for b in every) == BAGIAN_KEYS
    return [b for b in every if ada.get(b.key, True)]


#: Every sub-chapter a report may have, in order (``outline`` keeps those with data).
BAGIAN_KEYS = ("latar_belakang", "tugas_fungsi", "aspek_strategis", "program", "sistematika",
               "renstra", "perjanjian_kinerja", "capaian", "analisis", "realisasi_anggaran",
               "prestasi", "kesimpulan")


def numbered(parts: list[Bagian]) -> dict[str, dict | None]:
    """The template's ``bagian``: per key, ``nomor`` ('3.3'), ``judul``, ``sebutan`` and
    ``huruf`` (its letter within the chapter: A, B ...), or None for a sub-chapter left out."""
    out: dict[str, dict | None] = dict.fromkeys(BAGIAN_KEYS)
    count: dict[int, int] = {}
    for b in parts:
        count[b.bab] = count.get(b.bab, 0) + 1
        out[b.key] = {"nomor": f"{b.bab}.{count[b.bab]}", "judul": b.judul, "sebutan": b.sebutan,
                      "huruf": "ABCDEFGHIJ"[count[b.bab] - 1]}
    return out


BAB = {1: "PENDAHULUAN", 2: "PERENCANAAN KINERJA", 3: "AKUNTABILITAS KINERJA", 4: "PENUTUP"}


def toc_entries(parts: list[Bagian], ikhtisar: bool, lampiran: bool) -> list[tuple[str, int]]:
    """Headings of the table of contents with their level, as the default template has them."""
    entries = [("KATA PENGANTAR", 1), ("DAFTAR ISI", 1), ("DAFTAR TABEL", 1)]
    if ikhtisar:
        entries.append(("IKHTISAR EKSEKUTIF", 1))
    count: dict[int, int] = {}
    for bab in sorted(BAB):
        entries.append((f"BAB {ROMAN[bab]} {BAB[bab]}", 1))
        for b in parts:
            if b.bab == bab:
                count[bab] = count.get(bab, 0) + 1  # numbered as numbered() numbers them
                entries.append((f"{bab}.{count[bab]} {b.judul}", 2))
    if lampiran:
        entries.append(("LAMPIRAN", 1))
    return entries


def daftar_isi(parts: list[Bagian], ikhtisar: bool, lampiran: bool) -> dict:
    """Cached table of contents (Word refreshes it with page numbers when the file is opened)."""
    return paragraphs([paragraph(STYLE_TOC1 if level == 1 else STYLE_TOC2, [[text, False, False]])
                       for text, level in toc_entries(parts, ikhtisar, lampiran)])
