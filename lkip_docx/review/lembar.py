"""The review workbook (``lkip reviu``) written with openpyxl, formatted for printing: a title on
every sheet, wrapped text in fixed column widths, landscape A4 fitted to the page width, the header
row repeated on every page, page numbers in the footer.

Every value is written as text, as printed in the report; a text that starts with '=' stays text
(a narrative or a formula of the workbook must never become an Excel formula). The only links are
the ones meant: each source cell opens the cell of the LKIP workbook when both files sit in the
same folder (``dinas.xlsx#'Sub Kegiatan'!F14``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from lkip_docx.problems import Location, quote_sheet
from lkip_docx.review import kertas_kerja as kk
from lkip_docx.review import konsistensi as k
from lkip_docx.review.jejak import Jejak

TITLE_FONT = Font(bold=True, size=13)
HEAD_FONT = Font(bold=True, color="FFFFFF")
HEAD_FILL = PatternFill("solid", fgColor="1F4E78")
THIN = Side(style="thin", color="999999")
BORDER = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
LINK_FONT = Font(color="0563C1", underline="single")
VERDICT_FILLS = {
    k.TIDAK_SESUAI: PatternFill("solid", fgColor="F8CBAD"),
    k.PERIKSA: PatternFill("solid", fgColor="FFE699"),
    k.SESUAI: PatternFill("solid", fgColor="C6E0B4"),
    kk.TIDAK: PatternFill("solid", fgColor="F8CBAD"),
    kk.SEBAGIAN: PatternFill("solid", fgColor="FFE699"),
    kk.YA: PatternFill("solid", fgColor="C6E0B4"),
}


@dataclass(frozen=True)
class Kepala:
    """What the title block of every sheet says."""

    instansi: str
    tahun: int
    workbook: str
    sha256: str
    versi: str
    waktu: str


def _text(cell, value) -> None:
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # text, never a formula


_CELL = re.compile(r"^([A-Z]{1,3})(\d+)$")


def compress(locations: tuple[Location, ...]) -> list[str]:
    """Cell references, neighbouring cells of one sheet joined into a range: consecutive rows of
    one column ('Sub Kegiatan'!F2:F5) or consecutive columns of one row ('Pegawai'!C2:H2)."""
    out: list[str] = []
    run: list | None = None  # [sheet, first col, last col, first row, last row]

    def flush() -> None:
        if run:
            sheet, c1, c2, r1, r2 = run
            first = f"{get_column_letter(c1)}{r1}"
            last = f"{get_column_letter(c2)}{r2}"
            out.append(f"{quote_sheet(sheet)}!{first}" + (f":{last}" if last != first else ""))

    for loc in locations:
        m = _CELL.match(loc.cell or "")
        if not loc.sheet or not m:
            flush()
            run = None
            if loc.sheet:
                out.append(str(loc))
            continue
        col, row = column_index_from_string(m.group(1)), int(m.group(2))
        if run and run[0] == loc.sheet:
            sheet, c1, c2, r1, r2 = run
            if c1 == c2 == col and row == r2 + 1:
                run[4] = row
                continue
            if r1 == r2 == row and col == c2 + 1:
                run[2] = col
                continue
        flush()
        run = [loc.sheet, col, col, row, row]
    flush()
    return out


def _link(cell, workbook_name: str, ref: str) -> None:
    """A link that opens ``ref`` ('Sheet'!F14) in the workbook beside this one."""
    cell.hyperlink = Hyperlink(ref=cell.coordinate, target=quote(workbook_name), location=ref,
                               tooltip=f"Buka {ref} di {workbook_name}")
    cell.font = LINK_FONT


def _sheet(wb: Workbook, title: str, heading: str, kepala: Kepala,
           columns: tuple[tuple[str, int], ...], first: bool = False):
    ws = wb.active if first else wb.create_sheet()
    ws.title = title
    _text(ws.cell(row=1, column=1), heading)
    ws.cell(row=1, column=1).font = TITLE_FONT
    _text(ws.cell(row=2, column=1),
          f"{kepala.instansi} \u2022 Tahun {kepala.tahun} \u2022 workbook {kepala.workbook} "
          f"(SHA-256 {kepala.sha256}) \u2022 lkip-docx {kepala.versi}, {kepala.waktu}")
    ws.cell(row=2, column=1).font = Font(italic=True, size=9)
    for col, (name, width) in enumerate(columns, start=1):
        cell = ws.cell(row=4, column=col)
        _text(cell, name)
        cell.font, cell.fill, cell.border = HEAD_FONT, HEAD_FILL, BORDER
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A5"
    return ws


def _finish(ws, n_columns: int, last_row: int) -> None:
    last = get_column_letter(n_columns)
    ws.print_title_rows = "4:4"
    ws.print_area = f"A1:{last}{max(last_row, 4)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "Halaman &P dari &N"
    ws.oddFooter.right.text = "&A"
    if last_row > 4:
        ws.auto_filter.ref = f"A4:{last}{last_row}"


def _row(ws, r: int, values: list, wrap: bool = True) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=r, column=col)
        _text(cell, value)
        cell.border = BORDER
        if wrap:
            cell.alignment = WRAP


def _sources(ws, r: int, col: int, sources: tuple[Location, ...], workbook_name: str) -> None:
    refs = compress(sources)
    cell = ws.cell(row=r, column=col)
    _text(cell, "\n".join(refs) if refs else "-")
    if refs:
        _link(cell, workbook_name, refs[0])


JEJAK_COLUMNS = (("No", 6), ("Letak di laporan", 42), ("Uraian angka", 40),
                 ("Nilai tercetak", 18), ("Cara memperoleh (rumus dengan nilainya)", 60),
                 ("Sel sumber di workbook", 26), ("Catatan", 24))
KONSISTENSI_COLUMNS = (("No", 6), ("Kelompok", 18), ("Yang diperiksa", 44), ("Letak", 30),
                       ("Tertulis", 18), ("Hasil hitungan / pembanding", 22), ("Hasil", 14),
                       ("Keterangan", 40), ("Sel sumber di workbook", 24))
KERTAS_KERJA_COLUMNS = (("No", 6), ("Uraian", 52), ("Dasar", 26), ("Jawaban otomatis", 14),
                        ("Penjelasan", 50), ("Simpulan reviewer", 16), ("Catatan reviewer", 32))


def write(path: Path | str, kepala: Kepala, jejak: list[Jejak], cek: list[k.Cek],
          jawaban: list[kk.Jawaban]) -> None:
    """Write the review workbook to ``path`` (the caller makes it atomic)."""
    wb = Workbook()
    _ringkasan(wb, kepala, jejak, cek, jawaban)

    ws = _sheet(wb, "Jejak Angka", "Jejak Angka: asal setiap angka laporan", kepala,
                JEJAK_COLUMNS)
    r = 4
    for n, item in enumerate(jejak, start=1):
        r += 1
        a = item.angka
        _row(ws, r, [n, item.lokasi, a.uraian if a else "-", item.tercetak,
                     a.cara if a else "-", "", item.catatan])
        _sources(ws, r, 6, a.sumber if a else (), kepala.workbook)
        if a is None:
            ws.cell(row=r, column=7).fill = VERDICT_FILLS[k.PERIKSA]
    _finish(ws, len(JEJAK_COLUMNS), r)

    ws = _sheet(wb, "Konsistensi", "Konsistensi: pemeriksaan silang dan hasilnya", kepala,
                KONSISTENSI_COLUMNS)
    r = 4
    ordered = sorted(cek, key=lambda c: k.HASIL.index(c.hasil))
    for n, c in enumerate(ordered, start=1):
        r += 1
        _row(ws, r, [n, c.kelompok, c.uraian, c.lokasi, c.tertulis, c.dihitung, c.hasil,
                     c.keterangan, ""])
        fill = VERDICT_FILLS.get(c.hasil)
        if fill:
            ws.cell(row=r, column=7).fill = fill
        _sources(ws, r, 9, c.sumber, kepala.workbook)
    _finish(ws, len(KONSISTENSI_COLUMNS), r)

    ws = _sheet(wb, "Kertas Kerja", "Kertas Kerja Reviu atas Laporan Kinerja", kepala,
                KERTAS_KERJA_COLUMNS)
    r = 4
    section = None
    for j in jawaban:
        if j.butir.bagian != section:
            section = j.butir.bagian
            r += 1
            _text(ws.cell(row=r, column=1), section)
            ws.cell(row=r, column=1).font = Font(bold=True)
            ws.merge_cells(start_row=r, start_column=1, end_row=r,
                           end_column=len(KERTAS_KERJA_COLUMNS))
        r += 1
        _row(ws, r, [j.butir.nomor, j.butir.uraian, j.butir.dasar, j.jawaban, j.penjelasan,
                     "", ""])
        fill = VERDICT_FILLS.get(j.jawaban)
        if fill:
            ws.cell(row=r, column=4).fill = fill
    r += 2
    for label in ("Direviu oleh:", "Tanggal:", "Paraf:"):
        _text(ws.cell(row=r, column=2), label)
        r += 1
    _finish(ws, len(KERTAS_KERJA_COLUMNS), r)
    wb.save(path)


def _ringkasan(wb: Workbook, kepala: Kepala, jejak: list[Jejak], cek: list[k.Cek],
               jawaban: list[kk.Jawaban]) -> None:
    ws = _sheet(wb, "Ringkasan", "Kertas Kerja Reviu atas Laporan Kinerja: ringkasan", kepala,
                (("Uraian", 60), ("Jumlah", 14)), first=True)
    rows = [
        ("Angka laporan yang dilacak (lembar Jejak Angka)", len(jejak)),
        ("  di antaranya tidak terlacak", sum(1 for j in jejak if j.angka is None)),
        ("Pemeriksaan silang (lembar Konsistensi)", len(cek)),
    ]
    rows += [(f"  hasil: {h}", sum(1 for c in cek if c.hasil == h)) for h in k.HASIL]
    rows += [("Butir kertas kerja (lembar Kertas Kerja)", len(jawaban)),
             ("  dijawab otomatis dari workbook", sum(1 for j in jawaban if j.otomatis)),
             ("  diserahkan kepada reviewer", sum(1 for j in jawaban if not j.otomatis))]
    r = 4
    for label, value in rows:
        r += 1
        _row(ws, r, [label, str(value)], wrap=False)
    r += 2
    _text(ws.cell(row=r, column=1),
          f"Tautan pada kolom sel sumber membuka sel di {kepala.workbook} bila berkas itu berada "
          "di folder yang sama dengan kertas kerja ini.")
    ws.cell(row=r, column=1).alignment = WRAP
    _finish(ws, 2, r)
