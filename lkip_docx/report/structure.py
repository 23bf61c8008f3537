"""Document structure: table numbers per chapter, the list of tables, the table of contents."""

from __future__ import annotations

from lkip_docx.report.richtext import STYLE_TOC1, STYLE_TOC2, STYLE_TOF, paragraph, paragraphs


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


def toc_entries(tahun: int, ikhtisar: bool, lampiran: bool) -> list[tuple[str, int]]:
    """Headings of the table of contents with their level, as the default template has them."""
    entries = [("KATA PENGANTAR", 1), ("DAFTAR ISI", 1), ("DAFTAR TABEL", 1)]
    if ikhtisar:
        entries.append(("IKHTISAR EKSEKUTIF", 1))
    entries += [("BAB I PENDAHULUAN", 1), ("1.1 LATAR BELAKANG", 2),
                ("1.2 TUGAS, FUNGSI DAN STRUKTUR ORGANISASI", 2),
                ("1.3 ASPEK STRATEGIS ORGANISASI", 2),
                ("1.4 SUB KEGIATAN DAN LAYANAN PRODUK ORGANISASI", 2),
                ("1.5 SISTEMATIKA PENYAJIAN", 2),
                ("BAB II PERENCANAAN KINERJA", 1), ("2.1 RENCANA STRATEGIS", 2),
                (f"2.2 PERJANJIAN KINERJA {tahun}", 2),
                ("BAB III AKUNTABILITAS KINERJA", 1), ("3.1 CAPAIAN KINERJA ORGANISASI", 2),
                ("3.2 ANALISIS CAPAIAN INDIKATOR KINERJA UTAMA", 2), ("3.3 REALISASI ANGGARAN", 2),
                ("3.4 PRESTASI ORGANISASI", 2), ("BAB IV PENUTUP", 1), ("4.1 KESIMPULAN", 2)]
    if lampiran:
        entries.append(("LAMPIRAN", 1))
    return entries


def daftar_isi(tahun: int, ikhtisar: bool, lampiran: bool) -> dict:
    """Cached table of contents (Word refreshes it with page numbers when the file is opened)."""
    return paragraphs([paragraph(STYLE_TOC1 if level == 1 else STYLE_TOC2, [[text, False, False]])
                       for text, level in toc_entries(tahun, ikhtisar, lampiran)])
