"""The city recap: one row per perangkat daerah (IKU capaian, realisasi anggaran, efisiensi, AKIP
nilai, predikat and rank) from a folder of workbooks, written as a formatted spreadsheet.
Workbooks with errors are listed with their errors, never skipped silently."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from lkip_docx.batch import run_parallel
from lkip_docx.build import check_workbook
from lkip_docx.compute.budget import efisiensi, realisasi_pct
from lkip_docx.numbers import HUNDRED, ZERO, NotAvailable, known, mean, round_half_up
from lkip_docx.problems import Problem, error, warning
from lkip_docx.workbook.writer import put, save_bytes

#: Written into the recap's document properties: a recap found where the next one is written is
#: the previous run's output, not a workbook the user meant to include (see api.write_rekap).
REKAP_KEYWORDS = "lkip-docx rekap"


@dataclass
class IkuRow:
    kode: str
    nama: str
    satuan: str
    target: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None
    predikat: str | None


@dataclass
class RekapRow:
    berkas: str
    ok: bool
    nama: str = ""
    singkatan: str = ""
    tahun: int | None = None
    iku: list[IkuRow] = field(default_factory=list)
    pagu: Decimal | None = None
    realisasi: Decimal | None = None
    realisasi_pct: Decimal | None = None
    efisiensi: Decimal | None = None
    akip: Decimal | None = None
    predikat_akip: str | None = None
    errors: list[Problem] = field(default_factory=list)
    rank: int | None = None
    #: the picture files the workbook names (read when it is checked): inputs of the run
    gambar: list[str] = field(default_factory=list)

    @property
    def iku_tercapai(self) -> int:
        return sum(1 for i in self.iku if i.capaian is not None and i.capaian >= HUNDRED)

    @property
    def rata_capaian(self) -> Decimal | None:
        values = [i.capaian for i in self.iku if i.capaian is not None]
        return round_half_up(mean(values), 2) if values else None


def summarize_one(path: str) -> RekapRow:
    """Check one workbook and keep what the recap needs (picklable, for worker processes)."""
    p = Path(path)
    try:
        result = check_workbook(p)
    except Exception as exc:  # noqa: BLE001 - one broken workbook must not stop the recap
        return RekapRow(p.name, False, errors=[error("internal-error", f"kesalahan internal: "
                                                                       f"{type(exc).__name__}",
                                                     place=p.name)])
    wb = result.workbook
    gambar = [str(p.parent / name) for name in (wb.profil.logo, wb.profil.bagan_organisasi)
              if name] if wb is not None else []
    if not result.ok or result.results is None:
        row = RekapRow(p.name, False, errors=result.errors, gambar=gambar)
        if wb is not None:
            row.nama, row.singkatan = wb.profil.nama_instansi, wb.profil.singkatan
            row.tahun = wb.profil.tahun or None
        return row
    res = result.results
    t = res.total
    profil = res.wb.profil
    return RekapRow(
        berkas=p.name, ok=True, nama=profil.nama_instansi, singkatan=profil.singkatan,
        tahun=profil.tahun, gambar=gambar,
        iku=[IkuRow(r.iku.kode, r.iku.nama, r.iku.satuan, _figure(r.target),
                    _figure(r.realisasi), r.capaian.value,
                    r.predikat.predikat if r.predikat else None) for r in res.ikus],
        pagu=t.pagu, realisasi=_figure(t.realisasi), realisasi_pct=_figure(t.realisasi_pct),
        efisiensi=_figure(t.efisiensi),
        akip=res.akip_total,
        predikat_akip=res.akip_predikat.predikat if res.akip_predikat else None)


def collect(workbooks: list[Path], jobs: int | None = None,
            progress: Callable[[RekapRow], None] | None = None) -> list[RekapRow]:
    def crashed(task, exc):
        return RekapRow(Path(task[0]).name, False, errors=[error(
            "internal-error", f"proses gagal: {type(exc).__name__}", place=Path(task[0]).name)])

    rows = run_parallel(summarize_one, [(str(w),) for w in workbooks], jobs, progress, crashed)
    return rank(rows)


def rank(rows: list[RekapRow]) -> list[RekapRow]:
    """Sorted as the AKIP lampiran: by AKIP nilai, highest first (ties keep file order); valid
    workbooks without an AKIP nilai follow, then the workbooks with errors."""
    ranked = sorted((r for r in rows if r.ok and r.akip is not None),
                    key=lambda r: -(r.akip or ZERO))
    for i, r in enumerate(ranked, start=1):
        r.rank = i
    rest = [r for r in rows if r.ok and r.akip is None]
    failed = [r for r in rows if not r.ok]
    return ranked + rest + failed


def notes(rows: list[RekapRow]) -> list[Problem]:
    """What makes a ranking misleading: workbooks of different years side by side, or one
    perangkat daerah in two workbooks (a copy left in the folder)."""
    ok = [r for r in rows if r.ok]
    out = []
    years = sorted({r.tahun for r in ok if r.tahun})
    if len(years) > 1:
        listed = ", ".join(f"{r.berkas} ({r.tahun})" for r in ok)
        out.append(warning("rekap-mixed-years",
                           f"workbook dari tahun yang berbeda ({', '.join(map(str, years))}) "
                           f"diperingkat bersama: {listed}", place="rekap"))
    by_name: dict[str, list[str]] = {}
    for r in ok:
        by_name.setdefault(r.nama.casefold(), []).append(r.berkas)
    for files in by_name.values():
        if len(files) > 1:
            nama = next(r.nama for r in ok if r.berkas == files[0])
            out.append(warning("rekap-duplicate-pd",
                               f"perangkat daerah '{nama}' muncul di {len(files)} workbook: "
                               f"{', '.join(files)}", place="rekap"))
    return out


HEADERS = ("Peringkat", "Perangkat Daerah", "Singkatan", "Berkas", "Tahun", "Status", "Jumlah IKU",
           "IKU Tercapai", "Rata-rata Capaian IKU (%)", "Pagu Anggaran (Rp)",
           "Realisasi Anggaran (Rp)", "Realisasi Anggaran (%)", "Efisiensi (%)", "Nilai AKIP",
           "Predikat AKIP")
WIDTHS = (10, 48, 18, 30, 8, 14, 10, 10, 14, 20, 20, 13, 12, 11, 10)


def _figure(value: Decimal | NotAvailable | None) -> Decimal | None:
    """A figure of a draft marked not available is a blank cell of the recap."""
    return value if known(value) else None


def _num(value: Decimal | NotAvailable | None):
    if not known(value):
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def write_rekap(rows: list[RekapRow], path: Path, warnings: Sequence[Problem] = ()) -> None:
    """Write the recap workbook to ``path`` (see rekap_bytes; the caller makes it atomic)."""
    data = rekap_bytes(rows, warnings)
    with open(path, "wb") as fh:
        fh.write(data)


def rekap_bytes(rows: list[RekapRow], warnings: Sequence[Problem] = ()) -> bytes:
    """The recap workbook (sheets Rekap, IKU, Galat) as .xlsx bytes, made in memory.

    Every text cell goes through ``put``: names of agencies, indicators and files are the
    workbook authors' text, and must never become formulas in the file Bappeda opens."""
    wb = Workbook()
    wb.properties.keywords = REKAP_KEYWORDS
    ws = wb.active
    ws.title = "Rekap"
    bold = Font(bold=True)
    head_font = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="1F4E78")
    thin = Side(style="thin", color="999999")
    border = Border(top=thin, bottom=thin, left=thin, right=thin)
    for col, (h, w) in enumerate(zip(HEADERS, WIDTHS), start=1):
        cell = put(ws, 1, col, h)
        cell.font, cell.fill, cell.border = head_font, fill, border
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = w
    ws.row_dimensions[1].height = 45
    formats = {10: "#,##0", 11: "#,##0", 9: "0.00", 12: "0.00", 13: "0.00", 14: "0.00"}
    r = 1
    for row in rows:
        r += 1
        values = (row.rank, row.nama or "-", row.singkatan, row.berkas, row.tahun,
                  "Valid" if row.ok else f"Galat ({len(row.errors)})",
                  len(row.iku) if row.ok else None, row.iku_tercapai if row.ok else None,
                  _num(row.rata_capaian), _num(row.pagu), _num(row.realisasi),
                  _num(row.realisasi_pct), _num(row.efisiensi), _num(row.akip), row.predikat_akip)
        for col, value in enumerate(values, start=1):
            cell = put(ws, r, col, value)
            cell.border = border
            if col in formats:
                cell.number_format = formats[col]
            if not row.ok:
                cell.font = Font(color="C00000")
    ok = [row for row in rows if row.ok]
    total_pagu = sum((row.pagu or ZERO for row in ok), ZERO)
    total_real = sum((row.realisasi or ZERO for row in ok), ZERO)
    pct = realisasi_pct(total_real, total_pagu)
    akips = [row.akip for row in ok if row.akip is not None]
    r += 1
    total = {2: f"JUMLAH ({len(ok)} perangkat daerah valid dari {len(rows)})",
             7: sum(len(row.iku) for row in ok), 8: sum(row.iku_tercapai for row in ok),
             10: _num(total_pagu), 11: _num(total_real), 12: _num(pct),
             13: _num(efisiensi(pct)),
             14: _num(round_half_up(mean(akips), 2)) if akips else None}
    for col in range(1, len(HEADERS) + 1):
        cell = put(ws, r, col, total.get(col))
        cell.font, cell.border = bold, border
        if col in formats:
            cell.number_format = formats[col]
    put(ws, r + 2, 1, "Nilai AKIP pada baris JUMLAH adalah rata-rata; persentase dihitung dari "
                      "jumlah rupiah.").font = Font(italic=True)
    for i, note in enumerate(warnings, start=r + 3):
        put(ws, i, 1, f"Peringatan: {note.message}").font = Font(italic=True, color="C00000")
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{r - 1}"

    def plain_sheet(title: str, headers: tuple[str, ...], widths: tuple[int, ...]):
        sheet = wb.create_sheet(title)
        for col, (h, w) in enumerate(zip(headers, widths), start=1):
            cell = put(sheet, 1, col, h)
            cell.font, cell.fill = head_font, fill
            sheet.column_dimensions[get_column_letter(col)].width = w
        sheet.freeze_panes = "A2"
        return sheet

    wi = plain_sheet("IKU", ("Perangkat Daerah", "Kode IKU", "Indikator", "Satuan", "Target",
                             "Realisasi", "Capaian (%)", "Predikat"),
                     (48, 10, 50, 14, 10, 10, 12, 14))
    r = 1
    for row in ok:
        for iku in row.iku:
            r += 1
            for col, value in enumerate((row.nama, iku.kode, iku.nama, iku.satuan,
                                         _num(iku.target), _num(iku.realisasi),
                                         _num(iku.capaian), iku.predikat), start=1):
                cell = put(wi, r, col, value)
                if col == 7:
                    cell.number_format = "0.00"

    we = plain_sheet("Galat", ("Berkas", "Lokasi", "Kode", "Pesan"), (30, 28, 22, 90))
    r = 1
    for row in rows:
        for p in row.errors:
            r += 1
            for col, value in enumerate((row.berkas, str(p.location), p.code, p.message), start=1):
                put(we, r, col, value)
    return save_bytes(wb)
