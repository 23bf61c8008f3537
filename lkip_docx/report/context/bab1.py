"""Context of BAB I Pendahuluan: staff by education (1.3), programs and their sub kegiatan (or
rincian output) per budget group (1.4), and the counts the chapter states."""

from __future__ import annotations

from lkip_docx import fmt
from lkip_docx.compute.results import KelompokResult, PegawaiGroup, Results
from lkip_docx.report import sentences
from lkip_docx.report.context.blocks import LETTERS, list_block, text_block
from lkip_docx.report.richtext import STYLE_LEAD, lit
from lkip_docx.report.structure import Numbering
from lkip_docx.workbook.kinds import Setelan


def context(res: Results, tables: Numbering, sumber: dict[str, str], s: Setelan) -> dict:
    wb = res.wb
    singkatan_lengkap = s.singkatan_lengkap
    a = s.anggaran
    grouped = any(k.kode for k in res.kelompok)
    return {
        "pegawai": [_pegawai_table(g, singkatan_lengkap, tables, sumber["pegawai"])
                    for g in res.pegawai],
        "sub_kegiatan_per_kelompok": [_kelompok(k, i, grouped)
                                      for i, k in enumerate(res.kelompok)] if a.ada else [],
        "daftar_program_pengantar": text_block(
            sentences.daftar_program_lead(a.tingkat, singkatan_lengkap, s.periode, a.sumber),
            style=STYLE_LEAD) if a.ada and res.programs else text_block(),
        "jumlah": {
            "program": fmt.count(res.n_program),
            "kegiatan": fmt.count(res.n_kegiatan),
            "sub_kegiatan": fmt.count(res.n_sub),
            "sasaran": fmt.count(len(wb.sasaran)),
            "iku": fmt.count(len(wb.iku)),
            "tujuan": fmt.count(len(wb.tujuan)),
            "program_kegiatan_sub": sentences.counts_phrase(res.n_program, res.n_kegiatan,
                                                            res.n_sub, a.tingkat),
        },
    }


def _pegawai_table(g: PegawaiGroup, singkatan_lengkap: str, tables: Numbering,
                   sumber: str) -> dict:
    return tables.table(
        1, f"Data Pendidikan {g.kelompok} {singkatan_lengkap}", sumber,
        baris=[_pegawai_row(row.jenis, row.jumlah, {k: getattr(row, k) for k in row.EDUCATION})
               for row in g.rows],
        total=_pegawai_row("Jumlah", g.jumlah, g.totals))


def _pegawai_row(jenis: str, jumlah: int, values: dict) -> dict:
    # A zero or blank count prints as the reference's dash.
    row = {"jenis": jenis, "jumlah": fmt.number(jumlah, 0) if jumlah else fmt.BLANK}
    for k, v in values.items():
        row[k] = fmt.number(v, 0) if v else fmt.BLANK
    return row


def _kelompok(k: KelompokResult, i: int, grouped: bool) -> dict:
    """One budget group of 1.4 (numbered I, II...) with its programs (A, B...) and sub kegiatan.
    Without any group the programs have no heading (``nama`` empty); beside groups, the programs
    without one are 'Lainnya'."""
    nama = k.nama or ("Lainnya" if grouped else "")
    return {"kode": k.kode, "nama": nama, "huruf_romawi": _roman(i + 1) if nama else "",
            "program": [{"huruf": LETTERS[j].upper(), "nama": prog.nama,
                         "jumlah": fmt.count(len(prog.subs)),
                         "daftar": list_block([lit(s.nama) for s in prog.subs])}
                        for j, prog in enumerate(k.programs)]}


def _roman(n: int) -> str:
    vals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out
