"""Context of BAB I Pendahuluan: staff by education (1.2), sub kegiatan per budget group (1.4),
and the counts the chapter states."""

from __future__ import annotations

from lkip_docx import fmt
from lkip_docx.compute.results import KelompokResult, PegawaiGroup, Results
from lkip_docx.report import sentences
from lkip_docx.report.context.blocks import LETTERS, list_block
from lkip_docx.report.richtext import lit
from lkip_docx.report.structure import Numbering


def context(res: Results, tables: Numbering, sumber: dict[str, str]) -> dict:
    wb = res.wb
    singkatan_lengkap = sentences.singkatan_lengkap(wb.profil)
    return {
        "pegawai": [_pegawai_table(g, singkatan_lengkap, tables, sumber["pegawai"])
                    for g in res.pegawai],
        "sub_kegiatan_per_kelompok": [_kelompok(k, i) for i, k in enumerate(res.kelompok)],
        "jumlah": {
            "program": fmt.count(res.n_program),
            "kegiatan": fmt.count(res.n_kegiatan),
            "sub_kegiatan": fmt.count(res.n_sub),
            "sasaran": fmt.count(len(wb.sasaran)),
            "iku": fmt.count(len(wb.iku)),
            "tujuan": fmt.count(len(wb.tujuan)),
            "program_kegiatan_sub": sentences.counts_phrase(res.n_program, res.n_kegiatan,
                                                            res.n_sub),
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


def _kelompok(k: KelompokResult, i: int) -> dict:
    """One budget group of 1.4 (numbered I, II...) with its programs (A, B...) and sub kegiatan."""
    return {"kode": k.kode, "nama": k.nama, "huruf_romawi": _roman(i + 1),
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
