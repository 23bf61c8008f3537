"""``lkip reviu``: the review workbook of one LKIP workbook (Jejak Angka, Konsistensi, Kertas
Kerja), built from the same computation and the same rendered report as ``lkip build``."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from lkip_docx import __version__
from lkip_docx.build import compute_workbook, render_report, workbook_sha256
from lkip_docx.output import check_target, write_with
from lkip_docx.problems import LkipError, Problem, error
from lkip_docx.report import provenance
from lkip_docx.report.context import build_context
from lkip_docx.review import dokumen, jejak, kertas_kerja, konsistensi, lembar
from lkip_docx.review.verify import verify_report


@dataclass
class HasilReviu:
    output: Path
    jejak: list[jejak.Jejak] = field(default_factory=list)
    cek: list[konsistensi.Cek] = field(default_factory=list)
    jawaban: list[kertas_kerja.Jawaban] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def tidak_sesuai(self) -> list[konsistensi.Cek]:
        return [c for c in self.cek if c.hasil == konsistensi.TIDAK_SESUAI]


def susun(workbook: Path | str, template: Path | str | None = None,
          laporan: Path | str | None = None, tahun_lalu: Path | str | None = None
          ) -> tuple[lembar.Kepala, HasilReviu]:
    """Everything the review workbook holds (without writing it)."""
    workbook = Path(workbook)
    digest = workbook_sha256(workbook)
    result = compute_workbook(workbook)
    res = result.results
    warnings = list(result.warnings)
    ctx = build_context(res)
    data = render_report(res, workbook.parent, template, warnings)
    trace = jejak.jejak(res, ctx, dokumen.read(data))
    lalu = compute_workbook(tahun_lalu).results if tahun_lalu is not None else None
    cek = konsistensi.semua(res, jejak.katalog(res), result.warnings, lalu)
    hv = verify_report(laporan, workbook, template) if laporan is not None else None
    x = kertas_kerja.Konteks(res, result.warnings, cek,
                             untraced=sum(1 for t in trace if t.angka is None), verify=hv,
                             draf=provenance.is_draft(res))
    p = res.wb.profil
    kepala = lembar.Kepala(
        instansi=f"{p.nama_instansi} {p.nama_pemda}", tahun=p.tahun, workbook=workbook.name,
        sha256=digest, versi=__version__,
        waktu=provenance.waktu_teks(_dt.datetime.now().astimezone()))
    return kepala, HasilReviu(Path(), trace, cek, kertas_kerja.jawab(x), warnings)


def write_reviu(workbook: Path | str, output: Path | str, template: Path | str | None = None,
                force: bool = False, laporan: Path | str | None = None,
                tahun_lalu: Path | str | None = None) -> HasilReviu:
    """Write the review workbook of ``workbook`` to ``output`` (.xlsx), atomically."""
    output = Path(output)
    if output.suffix.lower() != ".xlsx":
        raise LkipError(error("bad-extension", "nama berkas kertas kerja harus berakhiran .xlsx",
                              place=str(output)))
    check_target(output, force)
    if Path(workbook).resolve() == output.resolve():
        raise LkipError(error("output-is-input", "kertas kerja tidak boleh menimpa workbook "
                              "sumbernya; pilih nama lain", place=str(output)))
    kepala, hasil = susun(workbook, template, laporan, tahun_lalu)
    write_with(output, force, lambda tmp: lembar.write(tmp, kepala, hasil.jejak, hasil.cek,
                                                       hasil.jawaban))
    hasil.output = output
    return hasil
