"""Jejak Angka: every figure of the report, where it is printed, how it is obtained (the formula
with its values) and the workbook cells it comes from.

The trace is derived, not recorded while computing: compute/ stays as it is.

1. ``katalog(res)`` lists every figure the report can print, each under a stable key
   (``iku/IKU1/capaian``, ``anggaran/semua/sub_kegiatan/2.16.02.2.01.0001/pagu``) with its value,
   its printed form, its formula with the values put in and its source cells, read from the
   computed results and the ``src`` of the model records (every budget line knows its sub
   kegiatan, every indicator its rows, every composite index its worked steps).
2. ``tempat_tabel(res, ctx)`` says which figure each row of each context table holds (the context
   rows come in the order of the results they were built from), and ``kalimat(res, ctx)`` which
   figures each generated sentence may state.
3. ``jejak(...)`` finds each table figure in the rendered report (table number, the row by its
   name, the column by its header) and each sentence figure by its value, so that the trace names
   the cells the template really printed; a figure cell of a numbered table that no key explains
   is listed as untraced.

The keys are also what ``lkip diff`` compares between two workbook versions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from lkip_docx import fmt
from lkip_docx.compute.budget import LEVEL_SUB, Line, flatten
from lkip_docx.compute.capaian import Capaian
from lkip_docx.compute.composite import KomponenHasil, show_step_number
from lkip_docx.compute.results import IkuResult, Results
from lkip_docx.compute.sasaran import SasaranResult, per_sasaran, per_sasaran_layout
from lkip_docx.numbers import NotAvailable, known
from lkip_docx.problems import Location
from lkip_docx.report import sentences
from lkip_docx.review import angka as a
from lkip_docx.review.dokumen import Blok, Sel, Tabel, clean
from lkip_docx.workbook import contract as c
from lkip_docx.workbook.model import Pegawai, Src, SubKegiatan
from lkip_docx.workbook.scales import interval_text

TEKS = "teks"  # a figure printed as words: a predikat, a scale interval

# Roles: what a figure is, for the words that introduce it in a sentence (konsistensi.py).
CAPAIAN, TARGET, REALISASI, PREDIKAT = "capaian", "target", "realisasi", "predikat"
PAGU, PAGU_MURNI, REALISASI_RP, REALISASI_PERSEN, EFISIENSI = (
    "pagu", "pagu_murni", "realisasi_rp", "realisasi_persen", "efisiensi")
NILAI, PERINGKAT, JUMLAH, VOLUME, BOBOT = "nilai", "peringkat", "jumlah", "volume", "bobot"


@dataclass(frozen=True)
class Angka:
    """One figure the report can print."""

    kunci: str
    uraian: str  # what it is, in Indonesian
    jenis: str  # angka.PERSEN / RUPIAH / ANGKA / JUMLAH, or TEKS
    nilai: Decimal | NotAvailable | None  # NA: the workbook marks it not available
    tercetak: str  # as the tables print it
    rumus: str  # how it is obtained, with the values put in; "" for a value typed in
    sumber: tuple[Location, ...]
    peran: str = ""  # a role above
    subjek: str = ""  # what it belongs to: "iku:IKU1", "ip:IP1", "line:semua:program:2.16.02"
    nama: str = ""  # the name of its subject, as a sentence may mention it
    masukan: str = ""  # for a typed value: the column it is typed in

    @property
    def cara(self) -> str:
        """How it is obtained, for people."""
        if self.rumus:
            return self.rumus
        return f"Diisi di workbook ({self.masukan})" if self.masukan else "Diisi di workbook"


@dataclass(frozen=True)
class Jejak:
    """A printed figure: where, as printed, and which figure (None: untraced)."""

    lokasi: str
    tercetak: str
    angka: Angka | None
    catatan: str = ""


# --- helpers -----------------------------------------------------------------------------------

class _Recorded(Protocol):
    """A workbook record: it knows the cells it was read from."""

    @property
    def src(self) -> Src: ...


def _at(rec: _Recorded | None, *keys: str) -> tuple[Location, ...]:
    out = []
    for key in keys:
        loc = rec.src.at(key) if rec is not None else Location()
        if loc.sheet and loc not in out:
            out.append(loc)
    return tuple(out)


def _union(*groups: tuple[Location, ...]) -> tuple[Location, ...]:
    out: list[Location] = []
    for g in groups:
        for loc in g:
            if loc not in out:
                out.append(loc)
    return tuple(out)


def _n(value: Decimal | int | NotAvailable | None, places: int | None = 2) -> str:
    return fmt.number(value, places)


def _p(value: Decimal | NotAvailable | None) -> str:
    return fmt.percent(value)


def _m(value: Decimal | NotAvailable | None) -> str:
    return fmt.money(value)


_METODE_RUMUS = {
    c.METODE_NAIK: ("Realisasi / Target x 100%", "{R} / {T} x 100%"),
    c.METODE_TURUN_SELISIH: ("(2 x Target - Realisasi) / Target x 100%",
                             "(2 x {T} - {R}) / {T} x 100%"),
    c.METODE_TURUN_RASIO: ("Target / Realisasi x 100%", "{T} / {R} x 100%"),
}

_UNDEFINED = {
    "target-empty": "target kosong", "target-zero": "target bernilai 0",
    "realisasi-empty": "realisasi belum diisi", "realisasi-zero": "realisasi bernilai 0",
}


def capaian_rumus(cap: Capaian, realisasi: str, target: str, batas: Decimal | None) -> str:
    words, values = _METODE_RUMUS[cap.metode]
    if cap.value is None:
        return f"{words}: tidak dapat dihitung ({_UNDEFINED.get(cap.undefined or '', '-')})"
    text = f"{words} = {values.format(R=realisasi, T=target)} = "
    if cap.capped:
        return text + (f"{_p(cap.uncapped)}, dibatasi paling tinggi {_p(batas)} = "
                       f"{_p(cap.value)}")
    return text + _p(cap.value)


def _sum_rumus(what: str, parts: list[str], total: str, count: str = "sub kegiatan") -> str:
    if len(parts) == 1:
        return f"{what} 1 {count} = {total}"
    return f"Jumlah {what} {len(parts)} {count} = {' + '.join(parts)} = {total}"


def pct_rumus(realisasi: Decimal | NotAvailable, pagu: Decimal,
              pct: Decimal | NotAvailable | None) -> str:
    if pct is None:
        return "Realisasi / Pagu x 100%: tidak dapat dihitung (pagu 0)"
    return f"Realisasi / Pagu x 100% = {_m(realisasi)} / {_m(pagu)} x 100% = {_p(pct)}"


def efisiensi_rumus(pct: Decimal | NotAvailable | None, eff: Decimal | NotAvailable | None) -> str:
    if pct is None:
        return "100% - Realisasi (%): tidak dapat dihitung"
    return f"100% - Realisasi (%) = 100% - {_p(pct)} = {_p(eff)}"


def _sub_pagu_src(sub: SubKegiatan) -> tuple[Location, ...]:
    return _at(sub, "pagu_perubahan" if sub.pagu_perubahan is not None else "pagu_murni")


def _sub_capaian_src(sub: SubKegiatan) -> tuple[Location, ...]:
    if sub.target_output is not None and sub.realisasi_output is not None and \
            sub.target_output != 0:
        return _at(sub, "realisasi_output", "target_output")
    return _at(sub, "capaian_output")


# --- the catalogue -----------------------------------------------------------------------------

class _Katalog:
    def __init__(self, res: Results):
        self.res = res
        self.wb = res.wb
        self.items: dict[str, Angka] = {}
        self.komponen = {k.kode: k for k in self.wb.komponen_indeks}

    def add(self, kunci: str, uraian: str, jenis: str, nilai: Decimal | NotAvailable | None,
            tercetak: str, rumus: str, sumber: tuple[Location, ...], peran: str = "",
            subjek: str = "", nama: str = "", masukan: str = "") -> Angka:
        item = Angka(kunci, uraian, jenis, nilai, tercetak, rumus, sumber, peran, subjek, nama,
                     masukan)
        self.items.setdefault(kunci, item)
        return self.items[kunci]

    # -- composite indices ------------------------------------------------------------------
    def komposit_sumber(self, k: KomponenHasil) -> tuple[Location, ...]:
        own = self.komponen.get(k.kode)
        out = list(_at(own, "rumus"))
        for code in k.uses:
            if code == c.NILAI_AKIP:
                out.extend(loc for e in self.wb.evaluasi_akip for loc in _at(e, "nilai"))
                continue
            row = self.komponen.get(code)
            hasil = self.res.indices.rows.get(code)
            if row is not None:
                out.extend(_at(row, "nilai" if hasil is not None and hasil.is_input else "rumus"))
        return _union(tuple(out))

    def komposit(self, k: KomponenHasil) -> Angka:
        return self.add(
            f"komposit/{k.kode}", f"Indeks komposit {k.kode}: {k.uraian}", a.ANGKA, k.value,
            k.langkah[-1] if k.langkah else show_step_number(k.value),
            f"{k.rumus_teks} = " + " = ".join(k.langkah), self.komposit_sumber(k),
            peran=NILAI, subjek=f"komposit:{k.kode}", nama=k.uraian)

    def komposit_input(self, kode: str) -> Angka | None:
        hasil = self.res.indices.rows.get(kode)
        row = self.komponen.get(kode)
        if hasil is None or not hasil.is_input or row is None:
            return None
        return self.add(f"komposit/{kode}", f"Komponen indeks {kode}: {hasil.uraian}", a.ANGKA,
                        hasil.value, show_step_number(hasil.value), "", _at(row, "nilai"),
                        peran=NILAI, subjek=f"komposit:{kode}", nama=hasil.uraian,
                        masukan="Komponen Indeks, kolom Nilai")

    def realisasi_indeks(self, kode_indeks: str, desimal: int) -> tuple[str, tuple]:
        """Formula and sources of a realisasi computed from the Komponen Indeks sheet."""
        if kode_indeks == c.NILAI_AKIP:
            parts = [_n(e.nilai, None) for e in self.wb.evaluasi_akip]
            total = self.res.akip_total
            return (f"Jumlah Nilai komponen Evaluasi AKIP = {' + '.join(parts)} = "
                    f"{_n(total, desimal)}",
                    tuple(loc for e in self.wb.evaluasi_akip for loc in _at(e, "nilai")))
        k = self.res.indices.rows.get(kode_indeks)
        if k is None:
            return "dihitung dari lembar Komponen Indeks (tidak ada hasil)", ()
        if k.is_input:
            return (f"Nilai baris {kode_indeks} lembar Komponen Indeks = {_n(k.value, desimal)}",
                    _at(self.komponen.get(kode_indeks), "nilai"))
        steps = " = ".join(k.langkah)
        return (f"Indeks {kode_indeks} ({k.rumus_teks}) = {steps}, dibulatkan {desimal} desimal "
                f"= {_n(k.value, desimal)}", self.komposit_sumber(k))

    # -- indicators -------------------------------------------------------------------------
    def iku(self, r: IkuResult) -> None:
        iku, d = r.iku, r.iku.desimal
        subj, nama = f"iku:{iku.kode}", iku.nama
        tahun = self.wb.profil.tahun
        rows = {t.tahun: t for t in self.wb.target_iku if t.kode_iku == iku.kode}
        this = rows.get(tahun)
        what = f"IKU {iku.kode} {nama}"

        if iku.target_pk_perubahan is not None:
            t_src, t_col = _at(iku, "target_pk_perubahan"), "IKU, kolom Target PK Perubahan"
        elif iku.target_pk is not None:
            t_src, t_col = _at(iku, "target_pk"), "IKU, kolom Target PK"
        else:
            t_src = _at(this, "target") if this else ()
            t_col = f"Target IKU, target tahun {tahun}"
        self.add(f"iku/{iku.kode}/target", f"Target {tahun} {what}", a.ANGKA, r.target,
                 _n(r.target, d), "", t_src, TARGET, subj, nama, t_col)

        if iku.kode_indeks:
            rumus, r_src = self.realisasi_indeks(iku.kode_indeks, d)
            r_col = ""
        else:
            rumus, r_src = "", _at(this, "realisasi") if this else ()
            r_col = f"Target IKU, realisasi tahun {tahun}"
        self.add(f"iku/{iku.kode}/realisasi", f"Realisasi {tahun} {what}", a.ANGKA, r.realisasi,
                 _n(r.realisasi, d), rumus, r_src, REALISASI, subj, nama, r_col)
        self.add(f"iku/{iku.kode}/capaian", f"Capaian Kinerja {tahun} {what}", a.PERSEN,
                 r.capaian.shown, _p(r.capaian.shown),
                 capaian_rumus(r.capaian, _n(r.realisasi, d), _n(r.target, d), iku.batas_capaian),
                 _union(r_src, t_src), CAPAIAN, subj, nama)
        if iku.batas_capaian is not None:
            self.add(f"iku/{iku.kode}/batas_capaian", f"Batas atas capaian {what}", a.PERSEN,
                     iku.batas_capaian, _p(iku.batas_capaian), "", _at(iku, "batas_capaian"),
                     CAPAIAN, subj, nama, "IKU, kolom Batas Atas Capaian")
            if r.capaian.capped:
                self.add(f"iku/{iku.kode}/capaian_sebelum_dibatasi",
                         f"Capaian sebelum dibatasi {what}", a.PERSEN, r.capaian.uncapped,
                         _p(r.capaian.uncapped), capaian_rumus(
                             Capaian(r.capaian.uncapped, r.capaian.metode), _n(r.realisasi, d),
                             _n(r.target, d), None), _union(r_src, t_src), CAPAIAN, subj, nama)
        if r.predikat is not None and r.skala is not None:
            graded = r.capaian.value if iku.dasar_predikat == c.DASAR_CAPAIAN else r.realisasi
            shown = _p(graded) if iku.dasar_predikat == c.DASAR_CAPAIAN else _n(graded, d)
            self.add(f"iku/{iku.kode}/predikat", f"Predikat {what}", TEKS, None,
                     r.predikat.predikat,
                     f"Skala {r.skala.kode}: {iku.dasar_predikat} {shown} berada pada kelas "
                     f"{interval_text(r.predikat)} \u2192 {r.predikat.predikat}",
                     _at(r.predikat, "bawah", "atas", "predikat"), PREDIKAT, subj, nama)

        renstra_src = {y: _at(rows.get(y), "target") for y, _t in r.renstra_targets}
        for year, t in r.renstra_targets:
            self.add(f"renstra/{iku.kode}/{year}", f"Target Renstra {year} {what}", a.ANGKA, t,
                     _n(t, d), "", renstra_src[year], TARGET, subj, nama,
                     f"Target IKU, target tahun {year}")
        tr_src = _at(this, "target") if this else ()
        self.add(f"iku/{iku.kode}/target_renstra", f"Target Renstra {tahun} {what}", a.ANGKA,
                 r.target_renstra, _n(r.target_renstra, d), "", tr_src, TARGET, subj, nama,
                 f"Target IKU, target tahun {tahun}")
        pk_src, pk_col = (_at(iku, "target_pk"), "IKU, kolom Target PK") \
            if iku.target_pk is not None else (tr_src, f"Target IKU, target tahun {tahun} "
                                                       "(Target PK kosong)")
        self.add(f"iku/{iku.kode}/target_pk", f"Target Perjanjian Kinerja {what}", a.ANGKA,
                 r.target_pk, _n(r.target_pk, d), "", pk_src, TARGET, subj, nama, pk_col)
        pkp = r.target_pk_perubahan if r.target_pk_perubahan is not None else r.target_pk
        pkp_src, pkp_col = (_at(iku, "target_pk_perubahan"), "IKU, kolom Target PK Perubahan") \
            if iku.target_pk_perubahan is not None else (pk_src, pk_col)
        self.add(f"iku/{iku.kode}/target_pk_perubahan",
                 f"Target Perjanjian Kinerja Perubahan {what}", a.ANGKA, pkp, _n(pkp, d), "",
                 pkp_src, TARGET, subj, nama, pkp_col)

        for y in r.riwayat:
            y_src = rows.get(y.tahun)
            ys_t, ys_r = _at(y_src, "target"), _at(y_src, "realisasi")
            col = f"Target IKU, tahun {y.tahun}"
            self.add(f"iku/{iku.kode}/{y.tahun}/target", f"Target {y.tahun} {what}", a.ANGKA,
                     y.target, _n(y.target, d), "", ys_t, TARGET, f"{subj}:{y.tahun}", nama, col)
            self.add(f"iku/{iku.kode}/{y.tahun}/realisasi", f"Realisasi {y.tahun} {what}",
                     a.ANGKA, y.realisasi, _n(y.realisasi, d), "", ys_r, REALISASI,
                     f"{subj}:{y.tahun}", nama, col)
            self.add(f"iku/{iku.kode}/{y.tahun}/capaian", f"Capaian Kinerja {y.tahun} {what}",
                     a.PERSEN, y.capaian.shown, _p(y.capaian.shown),
                     capaian_rumus(y.capaian, _n(y.realisasi, d), _n(y.target, d),
                                   iku.batas_capaian),
                     _union(ys_r, ys_t), CAPAIAN, f"{subj}:{y.tahun}", nama)

        akhir = r.tahun_akhir_renstra
        a_src = renstra_src.get(akhir, ())
        self.add(f"iku/{iku.kode}/target_akhir_renstra", f"Target akhir Renstra ({akhir}) {what}",
                 a.ANGKA, r.target_akhir_renstra, _n(r.target_akhir_renstra, d), "", a_src,
                 TARGET, f"{subj}:renstra", nama, f"Target IKU, target tahun {akhir}")
        self.add(f"iku/{iku.kode}/capaian_akhir_renstra",
                 f"Capaian terhadap target akhir Renstra {what}", a.PERSEN,
                 r.capaian_akhir_renstra.shown, _p(r.capaian_akhir_renstra.shown),
                 capaian_rumus(r.capaian_akhir_renstra, _n(r.realisasi, d),
                               _n(r.target_akhir_renstra, d), iku.batas_capaian),
                 _union(r_src, a_src), CAPAIAN, f"{subj}:renstra", nama)

        self.support_counts(f"iku/{iku.kode}", what, r, "IKU ini (lewat Kode IKU atau Kode "
                            "Indikator Program)", subj, nama)
        self.lines(f"iku:{iku.kode}", f"pendukung IKU {iku.kode}", list(r.programs), r.total)

        for ipr in r.indikator_program:
            ip = ipr.ip
            isubj = f"ip:{ip.kode}"
            pct = ip.satuan.strip() == "%"

            def show(v, ip=ip, pct=pct):
                return _p(v) if pct else _n(v, ip.desimal)

            ti_src = _at(ip, "target")
            self.add(f"ip/{ip.kode}/target", f"Target indikator program {ip.kode} {ip.nama}",
                     a.PERSEN if pct else a.ANGKA, ipr.target, show(ipr.target), "", ti_src,
                     TARGET, isubj, ip.nama, "Indikator Program, kolom Target")
            if ip.kode_indeks:
                rumus, ri_src = self.realisasi_indeks(ip.kode_indeks, ip.desimal)
                r_col = ""
            else:
                rumus, ri_src = "", _at(ip, "realisasi")
                r_col = "Indikator Program, kolom Realisasi"
            self.add(f"ip/{ip.kode}/realisasi",
                     f"Realisasi indikator program {ip.kode} {ip.nama}",
                     a.PERSEN if pct else a.ANGKA, ipr.realisasi, show(ipr.realisasi), rumus,
                     ri_src, REALISASI, isubj, ip.nama, r_col)
            self.add(f"ip/{ip.kode}/capaian", f"Capaian indikator program {ip.kode} {ip.nama}",
                     a.PERSEN, ipr.capaian.shown, _p(ipr.capaian.shown),
                     capaian_rumus(ipr.capaian, _n(ipr.realisasi, ip.desimal),
                                   _n(ipr.target, ip.desimal), ip.batas_capaian),
                     _union(ri_src, ti_src), CAPAIAN, isubj, ip.nama)
            self.add(f"ip/{ip.kode}/jumlah_sub_kegiatan",
                     f"Jumlah sub kegiatan pendukung indikator program {ip.kode}", a.JUMLAH,
                     Decimal(len(ipr.subs)), fmt.count(len(ipr.subs)),
                     f"Jumlah sub kegiatan dengan Kode Indikator Program {ip.kode} = "
                     f"{len(ipr.subs)}",
                     tuple(loc for line in ipr.subs
                           for loc in _at(line.sub, "kode_indikator_program")),
                     JUMLAH, isubj, ip.nama)
            for k in ipr.komposit:
                self.komposit(k)
        for k in r.komposit:
            self.komposit(k)

    def sasaran(self, g: SasaranResult) -> None:
        """What the compact layout states once per sasaran: how many indicators, and the budget
        of every sub kegiatan supporting any of them, with its counts."""
        kode = g.kode
        nama = g.sasaran.uraian if g.sasaran else ""
        subj, what = f"sasaran:{kode}", f"sasaran {kode} {nama}"
        self.add(f"sasaran/{kode}/jumlah_iku", f"Jumlah IKU {what}", a.JUMLAH,
                 Decimal(len(g.ikus)), fmt.count(len(g.ikus)),
                 f"Jumlah IKU dengan Kode Sasaran {kode} = {len(g.ikus)}",
                 tuple(loc for r in g.ikus for loc in _at(r.iku, "kode_sasaran")), JUMLAH, subj,
                 nama)
        self.support_counts(f"sasaran/{kode}", what, g, "IKU sasaran ini", subj, nama)
        self.lines(subj, f"pendukung sasaran {kode}", list(g.programs), g.total)

    def support_counts(self, key: str, what: str, group, supported: str, subj: str,
                       nama: str) -> None:
        """The program, kegiatan and sub kegiatan counts behind an IKU or a sasaran (``group``
        has the supporting ``programs`` and their counts), traced to the codes that link each
        sub kegiatan to it."""
        subs = [line.sub_kegiatan for p in group.programs for line in p.subs]
        src = tuple(loc for sub in subs
                    for loc in _at(sub, "kode_indikator_program" if sub.kode_indikator_program
                                   else "kode_iku"))
        for name, count, word in (("jumlah_program", group.n_program, "program"),
                                  ("jumlah_kegiatan", group.n_kegiatan, "kegiatan"),
                                  ("jumlah_sub_kegiatan", group.n_sub, "sub kegiatan")):
            self.add(f"{key}/{name}", f"Jumlah {word} pendukung {what}", a.JUMLAH,
                     Decimal(count), fmt.count(count),
                     f"Jumlah {word} dari sub kegiatan yang mendukung {supported} = {count}",
                     src, JUMLAH, subj, nama)

    # -- budget -----------------------------------------------------------------------------
    def lines(self, scope: str, scope_name: str, programs: list[Line], total: Line | None,
              total_scope: str | None = None) -> None:
        for line in flatten(programs):
            self.line(scope, line, scope_name)
        if total is not None:
            self.line(total_scope or scope, total, scope_name, is_total=True)

    def line(self, scope: str, line: Line, scope_name: str, is_total: bool = False) -> None:
        base = f"anggaran/{scope}/total" if is_total else \
            f"anggaran/{scope}/{line.level}/{line.kode}"
        subj = f"line:{scope}:{'total' if is_total else line.level + ':' + line.kode}"
        where = f" ({scope_name})" if scope_name else ""
        if is_total:
            what, nama = f"jumlah {scope_name or 'seluruh anggaran'}", ""
        else:
            what = f"{line.level.replace('_', ' ')} {line.kode} {line.nama}{where}"
            nama = line.nama
        if line.level == LEVEL_SUB:
            sub = line.sub_kegiatan
            self.add(f"{base}/pagu_murni", f"Pagu murni {what}", a.RUPIAH, line.pagu_murni,
                     _m(line.pagu_murni), "", _at(sub, "pagu_murni"), PAGU_MURNI, subj, nama,
                     "Sub Kegiatan, kolom Pagu Murni")
            self.add(f"{base}/pagu", f"Pagu {what}", a.RUPIAH, line.pagu, _m(line.pagu), "",
                     _sub_pagu_src(sub), PAGU, subj, nama,
                     "Sub Kegiatan, kolom " + ("Pagu Perubahan" if sub.pagu_perubahan is not None
                                               else "Pagu Murni (tanpa perubahan)"))
            if sub.pagu_perubahan is not None:
                self.add(f"{base}/pagu_perubahan", f"Pagu perubahan {what}", a.RUPIAH,
                         sub.pagu_perubahan, _m(sub.pagu_perubahan), "",
                         _at(sub, "pagu_perubahan"), PAGU, subj, nama,
                         "Sub Kegiatan, kolom Pagu Perubahan")
            self.add(f"{base}/realisasi", f"Realisasi anggaran {what}", a.RUPIAH, line.realisasi,
                     _m(line.realisasi), "", _at(sub, "realisasi"), REALISASI_RP, subj, nama,
                     "Sub Kegiatan, kolom Realisasi")
            if sub.target_output is not None and sub.realisasi_output is not None and \
                    sub.target_output != 0:
                cap_rumus = (f"Realisasi Output / Target Output x 100% = "
                             f"{_n(sub.realisasi_output, None)} / {_n(sub.target_output, None)} "
                             f"x 100% = {_p(line.capaian)}")
                cap_col = ""
            else:
                cap_rumus, cap_col = "", "Sub Kegiatan, kolom Capaian Output (%)"
            self.add(f"{base}/capaian", f"Capaian output {what}", a.PERSEN, line.capaian,
                     _p(line.capaian), cap_rumus, _sub_capaian_src(sub), CAPAIAN, subj, nama,
                     cap_col)
            for key, value, col in (("realisasi_output", sub.realisasi_output,
                                     "Realisasi Output"),
                                    ("target_output", sub.target_output, "Target Output")):
                if value is not None:
                    self.add(f"{base}/{key}", f"{col} {what}", a.JUMLAH, value,
                             fmt.count_decimal(value), "", _at(sub, key), VOLUME, subj, nama,
                             f"Sub Kegiatan, kolom {col}")
        else:
            subs = line.subs
            count = "sub kegiatan"
            murni = [s for s in subs if s.pagu_murni is not None]
            self.add(f"{base}/pagu_murni", f"Pagu murni {what}", a.RUPIAH, line.pagu_murni,
                     _m(line.pagu_murni),
                     _sum_rumus("pagu murni", [_m(s.pagu_murni) for s in murni],
                                _m(line.pagu_murni), count) if murni else
                     "tidak ada sub kegiatan dengan pagu murni",
                     tuple(loc for s in murni for loc in _at(s.sub, "pagu_murni")),
                     PAGU_MURNI, subj, nama)
            self.add(f"{base}/pagu", f"Pagu {what}", a.RUPIAH, line.pagu, _m(line.pagu),
                     _sum_rumus("pagu", [_m(s.pagu) for s in subs], _m(line.pagu), count),
                     tuple(loc for s in subs for loc in _sub_pagu_src(s.sub_kegiatan)), PAGU, subj,
                     nama)
            self.add(f"{base}/realisasi", f"Realisasi anggaran {what}", a.RUPIAH, line.realisasi,
                     _m(line.realisasi),
                     _sum_rumus("realisasi", [_m(s.realisasi) for s in subs],
                                _m(line.realisasi), count),
                     tuple(loc for s in subs for loc in _at(s.sub, "realisasi")), REALISASI_RP,
                     subj, nama)
            caps = [s for s in subs if s.capaian is not None]
            self.add(f"{base}/capaian", f"Capaian kinerja {what}", a.PERSEN, line.capaian,
                     _p(line.capaian),
                     f"Rata-rata capaian output {len(caps)} sub kegiatan = "
                     f"({' + '.join(_p(s.capaian) for s in caps)}) / {len(caps)} = "
                     f"{_p(line.capaian)}" if caps else "tidak ada capaian output",
                     tuple(loc for s in caps for loc in _sub_capaian_src(s.sub_kegiatan)), CAPAIAN,
                     subj, nama)
            if not is_total:
                self.add(f"{base}/jumlah_sub_kegiatan", f"Jumlah sub kegiatan {what}", a.JUMLAH,
                         Decimal(len(subs)), fmt.count(len(subs)),
                         f"Jumlah sub kegiatan = {len(subs)}",
                         tuple(loc for s in subs for loc in _at(s.sub, "kode")), JUMLAH, subj,
                         nama)
        pay_src = self.items[f"{base}/realisasi"].sumber
        pagu_src = self.items[f"{base}/pagu"].sumber
        self.add(f"{base}/realisasi_pct", f"Realisasi anggaran (%) {what}", a.PERSEN,
                 line.realisasi_pct, _p(line.realisasi_pct),
                 pct_rumus(line.realisasi, line.pagu, line.realisasi_pct),
                 _union(pay_src, pagu_src), REALISASI_PERSEN, subj, nama)
        self.add(f"{base}/efisiensi", f"Efisiensi anggaran {what}", a.PERSEN, line.efisiensi,
                 _p(line.efisiensi), efisiensi_rumus(line.realisasi_pct, line.efisiensi),
                 _union(pay_src, pagu_src), EFISIENSI, subj, nama)

    # -- the rest ---------------------------------------------------------------------------
    def pk(self) -> None:
        res = self.res
        for pk in res.pk:
            prog = pk.program
            subj = f"pk:{prog.kode}"
            whole = f"anggaran/semua/program/{prog.kode}"
            if pk.anggaran_pk is not None:
                rumus, src, col = "", _at(prog, "anggaran_pk"), "Program, kolom Anggaran PK"
            else:
                item = self.items.get(f"{whole}/pagu_murni")
                rumus = (item.rumus if item else "tidak ada sub kegiatan") + \
                    " (Anggaran PK kosong: jumlah pagu murni sub kegiatan)"
                src, col = (item.sumber if item else ()), ""
            value = pk.anggaran_pk if pk.anggaran_pk is not None else pk.tree_murni
            self.add(f"pk/{prog.kode}/anggaran", f"Anggaran PK program {prog.kode} {prog.nama}",
                     a.RUPIAH, value, "Rp. " + _m(value), rumus, src, PAGU_MURNI, subj,
                     prog.nama, col)
            if pk.anggaran_pk_perubahan is not None:
                rumus, src = "", _at(prog, "anggaran_pk_perubahan")
                col = "Program, kolom Anggaran PK Perubahan"
            else:
                item = self.items.get(f"{whole}/pagu")
                rumus = (item.rumus if item else "tidak ada sub kegiatan") + \
                    " (Anggaran PK Perubahan kosong: jumlah pagu sub kegiatan)"
                src, col = (item.sumber if item else ()), ""
            value = pk.anggaran_pk_perubahan if pk.anggaran_pk_perubahan is not None \
                else pk.tree_pagu
            self.add(f"pk/{prog.kode}/anggaran_perubahan",
                     f"Anggaran PK Perubahan program {prog.kode} {prog.nama}", a.RUPIAH, value,
                     "Rp. " + _m(value), rumus, src, PAGU, subj, prog.nama, col)
        for key, total, what in (("total", res.pk_total, "Anggaran PK"),
                                 ("total_perubahan", res.pk_total_perubahan,
                                  "Anggaran PK Perubahan")):
            field_ = "anggaran" if key == "total" else "anggaran_perubahan"
            parts = [self.items[f"pk/{pk.program.kode}/{field_}"] for pk in res.pk]
            self.add(f"pk/{key}", f"Jumlah {what}", a.RUPIAH, total, "Rp. " + _m(total),
                     _sum_rumus(what, [_m(p.nilai) for p in parts], _m(total), "program"),
                     _union(*(p.sumber for p in parts)),
                     PAGU_MURNI if key == "total" else PAGU, "pk", "")

    def akip(self) -> None:
        res, wb = self.res, self.wb
        for i, k in enumerate(wb.evaluasi_akip, start=1):
            self.add(f"akip/{i}/bobot", f"Bobot komponen AKIP {k.komponen}", a.ANGKA, k.bobot,
                     _n(k.bobot, None) if k.bobot is not None else "-", "", _at(k, "bobot"),
                     BOBOT, f"akip:{i}", k.komponen, "Evaluasi AKIP, kolom Bobot")
            self.add(f"akip/{i}/nilai", f"Nilai komponen AKIP {k.komponen}", a.ANGKA, k.nilai,
                     _n(k.nilai, 2), "", _at(k, "nilai"), NILAI, f"akip:{i}", k.komponen,
                     "Evaluasi AKIP, kolom Nilai")
        if not wb.evaluasi_akip:
            return
        bobot = res.akip_bobot
        self.add("akip/total_bobot", "Jumlah bobot komponen AKIP", a.ANGKA, bobot,
                 _n(bobot, None) if bobot is not None else "-",
                 _sum_rumus("bobot", [_n(k.bobot, None) for k in wb.evaluasi_akip],
                            _n(bobot, None), "komponen"),
                 tuple(loc for k in wb.evaluasi_akip for loc in _at(k, "bobot")), BOBOT, "akip")
        self.add("akip/nilai", "Nilai Hasil Evaluasi AKIP", a.ANGKA, res.akip_total,
                 _n(res.akip_total, 2),
                 _sum_rumus("nilai", [_n(k.nilai, None) for k in wb.evaluasi_akip],
                            _n(res.akip_total, 2), "komponen"),
                 tuple(loc for k in wb.evaluasi_akip for loc in _at(k, "nilai")), NILAI, "akip",
                 "Nilai Hasil Evaluasi AKIP")
        if res.akip_predikat is not None and res.akip_skala is not None:
            self.add("akip/predikat", "Predikat AKIP", TEKS, None, res.akip_predikat.predikat,
                     f"Skala {res.akip_skala.kode}: nilai {_n(res.akip_total, 2)} berada pada "
                     f"kelas {interval_text(res.akip_predikat)} \u2192 "
                     f"{res.akip_predikat.predikat}",
                     _at(res.akip_predikat, "bawah", "atas", "predikat"), PREDIKAT, "akip",
                     "AKIP")

    def peringkat(self) -> None:
        res = self.res
        n = len(res.peringkat)
        all_src = tuple(loc for row in res.peringkat for loc in _at(row.row, "nilai"))
        for row in res.peringkat:
            i = row.rank
            subj = f"peringkat:{i}"
            nama = row.row.perangkat_daerah
            self.add(f"peringkat/{i}/no", f"Peringkat {nama}", a.ANGKA, Decimal(i), f"{i}.",
                     f"Urutan Nilai dari yang tertinggi di antara {n} perangkat daerah (nilai "
                     f"sama mengikuti urutan baris) = ke-{i}", all_src, PERINGKAT, subj, nama)
            self.add(f"peringkat/{i}/nilai", f"Nilai AKIP {nama}", a.ANGKA, row.row.nilai,
                     _n(row.row.nilai, 2), "", _at(row.row, "nilai"), NILAI, subj, nama,
                     "Peringkat AKIP, kolom Nilai")
            if row.row.predikat:
                self.add(f"peringkat/{i}/predikat", f"Predikat AKIP {nama}", TEKS, None,
                         row.predikat or "-", "", _at(row.row, "predikat"), PREDIKAT, subj, nama,
                         "Peringkat AKIP, kolom Predikat")
            elif row.predikat and res.akip_skala is not None:
                kelas = res.akip_skala.lookup(row.row.nilai)
                self.add(f"peringkat/{i}/predikat", f"Predikat AKIP {nama}", TEKS, None,
                         row.predikat,
                         f"Skala {res.akip_skala.kode}: nilai {_n(row.row.nilai, 2)} \u2192 "
                         f"{row.predikat}", _at(kelas, "bawah", "atas", "predikat"), PREDIKAT,
                         subj, nama)
            if row.row.instansi_ini:
                self.add("peringkat/ini", "Peringkat perangkat daerah ini", a.ANGKA, Decimal(i),
                         str(i), f"Urutan Nilai dari yang tertinggi = ke-{i} dari {n}", all_src,
                         PERINGKAT, "akip", "peringkat")
        if n:
            self.add("peringkat/jumlah", "Jumlah perangkat daerah yang diperingkat", a.ANGKA,
                     Decimal(n), str(n), f"Jumlah baris lembar Peringkat AKIP = {n}", all_src,
                     JUMLAH, "akip", "perangkat daerah")

    def pegawai(self) -> None:
        for g in self.res.pegawai:
            for row in g.rows:
                base = f"pegawai/{g.kelompok}/{row.jenis}"
                for edu in Pegawai.EDUCATION:
                    v = getattr(row, edu)
                    self.add(f"{base}/{edu}", f"Pegawai {g.kelompok} {row.jenis} {edu.upper()}",
                             a.ANGKA, Decimal(v or 0), _n(v, 0) if v else fmt.BLANK, "",
                             _at(row, edu), JUMLAH, f"pegawai:{g.kelompok}", row.jenis,
                             f"Pegawai, kolom {edu.upper()}")
                self.add(f"{base}/jumlah", f"Jumlah pegawai {g.kelompok} {row.jenis}", a.ANGKA,
                         Decimal(row.jumlah), _n(row.jumlah, 0) if row.jumlah else fmt.BLANK,
                         _sum_rumus("pendidikan", [str(getattr(row, e) or 0)
                                                   for e in Pegawai.EDUCATION],
                                    str(row.jumlah), "jenjang"),
                         _at(row, *Pegawai.EDUCATION), JUMLAH, f"pegawai:{g.kelompok}", row.jenis)
            for edu in Pegawai.EDUCATION:
                v = g.totals[edu]
                self.add(f"pegawai/{g.kelompok}/total/{edu}",
                         f"Jumlah pegawai {g.kelompok} {edu.upper()}", a.ANGKA, Decimal(v),
                         _n(v, 0) if v else fmt.BLANK,
                         _sum_rumus(edu.upper(), [str(getattr(r, edu) or 0) for r in g.rows],
                                    str(v), "baris"),
                         tuple(loc for r in g.rows for loc in _at(r, edu)), JUMLAH,
                         f"pegawai:{g.kelompok}", "Jumlah")
            self.add(f"pegawai/{g.kelompok}/total/jumlah", f"Jumlah pegawai {g.kelompok}",
                     a.ANGKA, Decimal(g.jumlah), _n(g.jumlah, 0) if g.jumlah else fmt.BLANK,
                     _sum_rumus("pegawai", [str(r.jumlah) for r in g.rows], str(g.jumlah),
                                "baris"),
                     tuple(loc for r in g.rows for loc in _at(r, *Pegawai.EDUCATION)), JUMLAH,
                     f"pegawai:{g.kelompok}", "Jumlah")

    def skala(self) -> None:
        for skala in self.res.scales.values():
            for j, kelas in enumerate(skala.kelas, start=1):
                self.add(f"skala/{skala.kode}/{j}/interval",
                         f"Interval kelas {kelas.predikat} skala {skala.kode}", TEKS, None,
                         interval_text(kelas), "", _at(kelas, "bawah", "atas"), "",
                         f"skala:{skala.kode}", kelas.predikat,
                         "Skala Predikat, kolom Batas Bawah dan Batas Atas")

    def counts(self) -> None:
        res, wb = self.res, self.wb
        progs = [p for p in wb.program if any(line.kode == p.kode for line in res.programs)]
        kegs = [k for p in res.programs for line in p.children for k in wb.kegiatan
                if k.kode == line.kode]
        for key, n, word, recs in (
                ("program", res.n_program, "program yang memiliki sub kegiatan", progs),
                ("kegiatan", res.n_kegiatan, "kegiatan yang memiliki sub kegiatan", kegs),
                ("sub_kegiatan", res.n_sub, "sub kegiatan", wb.sub_kegiatan),
                ("sasaran", len(wb.sasaran), "sasaran", wb.sasaran),
                ("iku", len(wb.iku), "IKU", wb.iku),
                ("tujuan", len(wb.tujuan), "tujuan", wb.tujuan)):
            self.add(f"jumlah/{key}", f"Jumlah {word}", a.JUMLAH, Decimal(n), fmt.count(n),
                     f"Jumlah {word} = {n}", tuple(loc for r in recs for loc in _at(r, "kode")),
                     JUMLAH, "semua", key)
        met = sum(1 for r in res.ikus if r.capaian.value is not None and r.capaian.value >= 100)
        self.add("jumlah/iku_tercapai", "Jumlah IKU yang mencapai atau melampaui target",
                 a.JUMLAH, Decimal(met), fmt.count(met),
                 "Jumlah IKU dengan capaian 100% atau lebih = " + str(met),
                 tuple(loc for r in res.ikus
                       for loc in self.items[f"iku/{r.iku.kode}/capaian"].sumber),
                 JUMLAH, "semua", "tercapai")

    def build(self) -> dict[str, Angka]:
        res = self.res
        # the whole budget tree first, so that the PK figures can refer to its sums
        self.lines("semua", "", list(res.programs), res.total)
        for k in res.kelompok:
            self.line(f"kelompok:{k.kode}", k.total, f"kelompok {k.kode}", is_total=True)
        for r in res.ikus:
            self.iku(r)
        if per_sasaran_layout(res.wb.profil):
            for g in per_sasaran(res):
                self.sasaran(g)
        for kode in self.res.indices.order:
            self.komposit_input(kode)
        self.pk()
        self.akip()
        self.peringkat()
        self.pegawai()
        self.skala()
        self.counts()
        return self.items


def katalog(res: Results) -> dict[str, Angka]:
    """Every figure the report can print, by key."""
    return _Katalog(res).build()


# --- where the context puts them ---------------------------------------------------------------

@dataclass(frozen=True)
class Tempat:
    """A figure in a context table: the table's label, the row (by a cell's text, the n-th row so
    named), the words the column header holds, the figure's key and its printed text."""

    tabel: str
    baris: str
    kolom: tuple[frozenset[str], ...]  # alternatives, preferred first
    kunci: str
    tercetak: str
    urutan: int = 0


def _w(*alternatives: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(alt.lower().split()) for alt in alternatives)


_LINE_COLUMNS = {
    "pagu_murni": _w("sebelum", "murni"),
    "pagu": _w("setelah", "pagu"),
    "realisasi": _w("realisasi rp", "realisasi"),
    "realisasi_pct": _w("realisasi %", "%"),
    "capaian": _w("capaian"),
    "efisiensi": _w("efisiensi"),
}


def _label(table: dict) -> str:
    return f"Tabel {table['nomor']}"


def _scales(ikus) -> list:
    """The distinct scales of these IKU, in their order (one table each, per sasaran)."""
    out: list = []
    for r in ikus:
        if r.skala is not None and r.skala.kode not in [x.kode for x in out]:
            out.append(r.skala)
    return out


def tempat_tabel(res: Results, ctx: dict) -> list[Tempat]:
    """Every figure of every context table, with its place."""
    out: list[Tempat] = []
    seen: dict[tuple[str, str], int] = {}

    def put(table: str, row: str, columns, kunci: str, tercetak: str) -> None:
        out.append(Tempat(table, clean(row), columns, kunci, tercetak))

    def rows_named(table: str, label: str) -> int:
        # the n-th row of this table with this name (a name may repeat: "JUMLAH", a kegiatan
        # whose only sub kegiatan bears its name)
        key = (table, clean(label).casefold())
        seen[key] = seen.get(key, -1) + 1
        return seen[key]

    def budget(table: str, rows: list[dict], lines: list[Line], scope: str,
               total: dict | None, total_key: str) -> None:
        for row, line in zip(rows, lines):
            n = rows_named(table, row["nama"])
            base = f"anggaran/{scope}/{line.level}/{line.kode}"
            for field_, cols in _LINE_COLUMNS.items():
                out.append(Tempat(table, clean(row["nama"]), cols, f"{base}/{field_}",
                                  row[field_], n))
        if total:
            n = rows_named(table, "JUMLAH")
            for field_, cols in _LINE_COLUMNS.items():
                out.append(Tempat(table, "JUMLAH", cols, f"{total_key}/{field_}", total[field_],
                                  n))

    for g_ctx, g in zip(ctx["pegawai"], res.pegawai):
        label = _label(g_ctx)
        for row, prow in zip(g_ctx["baris"], g.rows):
            for edu in (*Pegawai.EDUCATION, "jumlah"):
                put(label, prow.jenis, _w(edu), f"pegawai/{g.kelompok}/{prow.jenis}/{edu}",
                    row[edu])
        for edu in (*Pegawai.EDUCATION, "jumlah"):
            put(label, "Jumlah", _w(edu), f"pegawai/{g.kelompok}/total/{edu}",
                g_ctx["total"][edu])

    def akip_places(akip: dict) -> None:
        for i, row in enumerate(akip["baris"], start=1):
            put(_label(akip), row["komponen"], _w("bobot"), f"akip/{i}/bobot", row["bobot"])
            put(_label(akip), row["komponen"], _w("nilai"), f"akip/{i}/nilai", row["nilai"])
        put(_label(akip), "Nilai Hasil Evaluasi", _w("bobot"), "akip/total_bobot",
            akip["total_bobot"])
        put(_label(akip), "Nilai Hasil Evaluasi", _w("nilai"), "akip/nilai",
            akip["total_nilai"])
        put(_label(akip), "Tingkat Akuntabilitas Kinerja", _w("nilai"), "akip/predikat",
            akip["predikat"])

    def year_column(tbl: dict, col: dict, kode: str, y: int) -> None:
        """One year's column of an indicator's comparison table (the report year's figures
        are the indicator's own)."""
        prefix = f"iku/{kode}/{y}" if y != res.wb.profil.tahun else f"iku/{kode}"
        for field_, row in (("target", "Target"), ("realisasi", "Realisasi"),
                            ("capaian", "Capaian")):
            put(_label(tbl), row, _w(str(y)), f"{prefix}/{field_}", col[field_])

    renstra = ctx["renstra"]
    for row, r in zip(renstra["baris"], res.ikus):
        for (y, _t), shown in zip(r.renstra_targets, row["target"]):
            put(_label(renstra), r.iku.nama, _w(str(y)), f"renstra/{r.iku.kode}/{y}", shown)
    iku_tabel = ctx["iku_tabel"]
    for row, r in zip(iku_tabel["baris"], res.ikus):
        put(_label(iku_tabel), r.iku.nama, _w("target"), f"iku/{r.iku.kode}/target_renstra",
            row["target"])

    for key, target_key in (("pk", "target_pk"), ("pk_perubahan", "target_pk_perubahan")):
        pk = ctx.get(key)
        if not pk:
            continue
        label = _label(pk)
        for row, r in zip(pk["sasaran"], res.ikus):
            put(label, r.iku.nama, _w("target"), f"iku/{r.iku.kode}/{target_key}",
                row["target" if key == "pk" else "target_perubahan"])
        for row, p in zip(pk["program"], res.pk):
            put(label, p.program.nama, _w("apbd", "anggaran"), f"pk/{p.program.kode}/anggaran",
                row["anggaran"])
            if key == "pk_perubahan":
                put(label, p.program.nama, _w("apbd p"),
                    f"pk/{p.program.kode}/anggaran_perubahan", row["anggaran_perubahan"])
        put(label, "Total", _w("apbd", "anggaran"), "pk/total", pk["total"])
        if key == "pk_perubahan":
            put(label, "Total", _w("apbd p"), "pk/total_perubahan", pk["total_perubahan"])

    capaian = ctx["capaian"]
    for row, r in zip(capaian["baris"], res.ikus):
        for field_ in ("target", "realisasi", "capaian", "predikat"):
            put(_label(capaian), r.iku.nama, _w(field_), f"iku/{r.iku.kode}/{field_}",
                row[field_])

    for k, r in zip(ctx["iku"], res.ikus):
        kode = r.iku.kode
        if k["skala"] and r.skala is not None:
            for row, _kelas in zip(k["skala"]["baris"], r.skala.kelas):
                j = int(row["no"].rstrip("."))
                put(_label(k["skala"]), row["predikat"], _w("interval"),
                    f"skala/{r.skala.kode}/{j}/interval", row["interval"])
        analisis = _label(k["analisis"])
        for field_ in ("target", "realisasi", "capaian"):
            put(analisis, r.iku.nama, _w(field_), f"iku/{kode}/{field_}", k[field_])
        if k["akip"]:
            akip_places(k["akip"])
        if k["perbandingan"]:
            tbl = k["perbandingan"]
            years = [y.tahun for y in r.riwayat] + [res.wb.profil.tahun]
            for col, y in zip(tbl["kolom"], years):
                year_column(tbl, col, kode, y)
        if k["ip_tabel"]:
            for row, ipr in zip(k["indikator_program"], r.indikator_program):
                for field_ in ("target", "realisasi", "capaian"):
                    put(_label(k["ip_tabel"]), ipr.ip.nama, _w(field_),
                        f"ip/{ipr.ip.kode}/{field_}", row[field_])
        if k["renstra"] and k["renstra"].get("sebelumnya"):
            # the last year of the previous Renstra beside the report year, as Tabel 3.4 does
            tbl = k["renstra"]
            for col in tbl["kolom"]:
                year_column(tbl, col, kode, int(col["tahun"]))
        elif k["renstra"]:
            tbl = k["renstra"]
            tahun = str(res.wb.profil.tahun)
            put(_label(tbl), r.iku.nama, _w(f"target {tahun}", "target"),
                f"iku/{kode}/target", tbl["target"])
            put(_label(tbl), r.iku.nama, _w(f"realisasi {tahun}", "realisasi"),
                f"iku/{kode}/realisasi", tbl["realisasi"])
            put(_label(tbl), r.iku.nama, _w("akhir target", "akhir"),
                f"iku/{kode}/target_akhir_renstra", tbl["target_akhir"])
            put(_label(tbl), r.iku.nama, _w("capaian"), f"iku/{kode}/capaian_akhir_renstra",
                tbl["capaian_akhir"])
        if k["anggaran"]:
            tbl = k["anggaran"]
            budget(_label(tbl), tbl["baris"], flatten(list(r.programs)), f"iku:{kode}",
                   tbl["total"], f"anggaran/iku:{kode}/total")

    for g_ctx, grup in zip(ctx.get("analisis_sasaran", []), per_sasaran(res)):
        # the compact layout: per sasaran
        for tbl, skala in zip(g_ctx["skala"], _scales(grup.ikus)):
            for row in tbl["baris"]:
                j = int(row["no"].rstrip("."))
                put(_label(tbl), row["predikat"], _w("interval"),
                    f"skala/{skala.kode}/{j}/interval", row["interval"])
        tbl = g_ctx["pengukuran"]
        for row, r in zip(tbl["baris"], grup.ikus):
            for field_ in ("target", "realisasi", "capaian", "predikat"):
                put(_label(tbl), r.iku.nama, _w(field_), f"iku/{r.iku.kode}/{field_}",
                    row[field_])
        if g_ctx["akip"]:
            akip_places(g_ctx["akip"])
        if g_ctx["ip_tabel"]:
            ips = [ipr for r in grup.ikus for ipr in r.indikator_program]
            for row, ipr in zip(g_ctx["indikator_program"], ips):
                for field_ in ("target", "realisasi", "capaian"):
                    put(_label(g_ctx["ip_tabel"]), ipr.ip.nama, _w(field_),
                        f"ip/{ipr.ip.kode}/{field_}", row[field_])
        if g_ctx["anggaran"]:
            tbl = g_ctx["anggaran"]
            budget(_label(tbl), tbl["baris"], flatten(list(grup.programs)), f"sasaran:{grup.kode}",
                   tbl["total"], f"anggaran/sasaran:{grup.kode}/total")

    for tbl, kel in zip(ctx["kelompok"], res.kelompok):
        budget(_label(tbl), tbl["baris"], flatten(list(kel.programs)), "semua", tbl["total"],
               f"anggaran/kelompok:{kel.kode}/total")

    peringkat = ctx["peringkat"]
    if peringkat["ada"]:
        for row, pr in zip(peringkat["baris"], res.peringkat):
            for field_, cols in (("no", _w("no")), ("nilai", _w("nilai")),
                                 ("predikat", _w("predikat"))):
                put(peringkat["judul"], row["perangkat_daerah"], cols,
                    f"peringkat/{pr.rank}/{field_}", row[field_])
    return out


# --- generated sentences -----------------------------------------------------------------------

@dataclass(frozen=True)
class Kalimat:
    """A generated sentence (or a sentence of the template holding a variable) and the figures it
    may state, preferred first."""

    lokasi: str
    teks: str
    kunci: tuple[str, ...]


def _plain(text: str) -> str:
    return clean(a.plain(text))


def _iku_keys(r: IkuResult) -> tuple[str, ...]:
    k = r.iku.kode
    keys = [f"iku/{k}/{f}" for f in ("target", "realisasi", "capaian", "batas_capaian",
                                      "capaian_sebelum_dibatasi", "target_akhir_renstra",
                                      "capaian_akhir_renstra", "jumlah_program",
                                      "jumlah_kegiatan", "jumlah_sub_kegiatan")]
    for y in r.riwayat:
        keys += [f"iku/{k}/{y.tahun}/{f}" for f in ("target", "realisasi", "capaian")]
    keys += [f"anggaran/iku:{k}/total/{f}" for f in ("pagu", "realisasi", "realisasi_pct",
                                                     "efisiensi", "capaian")]
    return tuple(keys)


def _line_keys(scope: str, line: Line) -> tuple[str, ...]:
    base = f"anggaran/{scope}/{line.level}/{line.kode}"
    return tuple(f"{base}/{f}" for f in ("pagu_murni", "pagu_perubahan", "pagu", "capaian",
                                         "realisasi_output", "target_output", "realisasi",
                                         "realisasi_pct", "efisiensi"))


_TOTAL_KEYS = tuple(f"anggaran/semua/total/{f}" for f in ("pagu_murni", "pagu", "realisasi",
                                                          "realisasi_pct", "efisiensi"))
_COUNT_KEYS = tuple(f"jumlah/{k}" for k in ("program", "kegiatan", "sub_kegiatan", "sasaran",
                                             "iku", "tujuan", "iku_tercapai"))


def kalimat(res: Results, ctx: dict) -> list[Kalimat]:
    """Every generated sentence that states a figure, with where it is and its figures."""
    p = res.wb.profil
    out: list[Kalimat] = []
    sl = sentences.singkatan_lengkap(p)

    def add(lokasi: str, text: str, keys) -> None:
        if text:
            out.append(Kalimat(lokasi, _plain(text), tuple(keys)))

    def ip_sentences(where: str, ips) -> None:
        """Each indikator program's sentence and those of its sub kegiatan (both layouts)."""
        for n, ipr in enumerate(ips, start=1):
            ip_keys = tuple(f"ip/{ipr.ip.kode}/{f}" for f in ("capaian", "jumlah_sub_kegiatan"))
            add(f"{where}, indikator program {n} ({ipr.ip.nama})",
                sentences.ip_sentence(ipr, p.tahun), ip_keys)
            for m, line in enumerate(ipr.subs, start=1):
                add(f"{where}, indikator program {n}, sub kegiatan {m}) {line.nama}",
                    sentences.sub_kegiatan_sentence(line), _line_keys("semua", line))

    if p.ikhtisar_eksekutif:
        add("Ikhtisar Eksekutif, paragraf pembuka", sentences.ikhtisar_pembuka(res), _COUNT_KEYS)
        for i, r in enumerate(res.ikus, start=1):
            add(f"Ikhtisar Eksekutif, butir {i}", sentences.ikhtisar_iku(r), _iku_keys(r))
        add("Ikhtisar Eksekutif, paragraf anggaran", sentences.ikhtisar_anggaran(res),
            _COUNT_KEYS + _TOTAL_KEYS)
        add("Ikhtisar Eksekutif, paragraf AKIP", sentences.ikhtisar_akip(res),
            ("akip/nilai",))
    for kel, k in zip(ctx["sub_kegiatan_per_kelompok"], res.kelompok):
        for prog, line in zip(kel["program"], k.programs):
            add(f"1.4, {kel['nama']}, program '{prog['nama']}'",
                f"terdiri dari {prog['jumlah']} Sub Kegiatan",
                (f"anggaran/semua/program/{line.kode}/jumlah_sub_kegiatan",))
    add("3.1, kalimat sebelum Tabel " + ctx["capaian"]["nomor"],
        f"sebanyak {ctx['jumlah']['sasaran']} Sasaran Strategis dan {ctx['jumlah']['iku']} "
        "Indikator Kinerja", _COUNT_KEYS)
    add("3.1, kalimat setelah Tabel " + ctx["capaian"]["nomor"],
        f"{sl} memiliki {ctx['jumlah']['sasaran']} Sasaran", _COUNT_KEYS)
    for i, r in enumerate(res.ikus, start=1):
        add(f"3.1, butir {i} ringkasan capaian", sentences.ringkas_item(r), _iku_keys(r))
    for i, (k, r) in enumerate(zip(ctx["iku"], res.ikus), start=1):
        where = f"3.2 IKU {i} ({r.iku.nama})"
        keys = _iku_keys(r)
        if k["anggaran"]:
            add(f"{where}, kalimat program pendukung", f"didukung oleh {k['jumlah_program']} "
                "Program", keys)
        add(f"{where}, kalimat setelah Tabel {k['analisis']['nomor']}",
            sentences.iku_sentence(r, p.tahun), keys)
        add(f"{where}, kalimat metode capaian",
            sentences.method_sentence(r.capaian, r.iku.batas_capaian), keys)
        add(f"{where}, kalimat perbandingan dengan tahun lalu",
            sentences.comparison_sentence(r, p.tahun), keys)
        add(f"{where}, kalimat pengantar indikator program", k["kalimat_program"], keys)
        ip_sentences(where, r.indikator_program)
        add(f"{where}, kalimat perbandingan dengan target akhir Renstra",
            sentences.renstra_sentence(r, p.tahun), keys)
        add(f"{where}, kalimat efisiensi", sentences.efisiensi_sentence(r), keys)
    for g_ctx, grup in zip(ctx.get("analisis_sasaran", []), per_sasaran(res)):
        where = f"3.2 Sasaran {grup.no} ({g_ctx['sasaran']})"
        kode = grup.kode
        keys = tuple(key for r in grup.ikus for key in _iku_keys(r)) + tuple(
            f"sasaran/{kode}/{f}" for f in ("jumlah_iku", "jumlah_program", "jumlah_kegiatan",
                                            "jumlah_sub_kegiatan")) + tuple(
            f"anggaran/sasaran:{kode}/total/{f}" for f in ("pagu", "realisasi", "realisasi_pct",
                                                           "efisiensi", "capaian"))
        if g_ctx["anggaran"]:
            add(f"{where}, kalimat program pendukung", f"didukung oleh {g_ctx['jumlah_program']} "
                "Program", keys)
        add(f"{where}, kalimat sebelum Tabel {g_ctx['pengukuran']['nomor']}",
            f"dengan {g_ctx['jumlah_indikator']} Indikator Kinerja", keys)
        for r in grup.ikus:
            add(f"{where}, kalimat capaian {r.iku.nama}", sentences.iku_sentence(r, p.tahun),
                _iku_keys(r))
            add(f"{where}, kalimat metode capaian {r.iku.nama}",
                sentences.method_sentence(r.capaian, r.iku.batas_capaian), _iku_keys(r))
            add(f"{where}, perbandingan dengan tahun lalu, {r.iku.nama}",
                sentences.comparison_sentence(r, p.tahun), _iku_keys(r))
            add(f"{where}, perbandingan dengan target akhir Renstra, {r.iku.nama}",
                sentences.renstra_sentence(r, p.tahun), _iku_keys(r))
        add(f"{where}, kalimat pengantar indikator program", g_ctx["kalimat_program"], keys)
        ip_sentences(where, [ipr for r in grup.ikus for ipr in r.indikator_program])
        add(f"{where}, kalimat efisiensi", sentences.efisiensi_sasaran_sentence(grup), keys)
    add("3.3, kalimat realisasi anggaran", sentences.realisasi_anggaran_sentence(
        res.kelompok, res.total, sl, p.tahun),
        tuple(f"anggaran/kelompok:{k.kode}/total/{f}" for k in res.kelompok
              for f in ("pagu_murni", "pagu", "realisasi", "realisasi_pct"))
        + _TOTAL_KEYS)
    if not any(n.bagian == "kesimpulan" for n in res.wb.narasi):
        for n, text in enumerate(sentences.kesimpulan(res), start=1):
            add(f"4.1 Kesimpulan, paragraf {n}", text, _COUNT_KEYS + _TOTAL_KEYS)
    pr = ctx["peringkat"]
    if pr["ada"] and pr["peringkat_ini"]:
        add("Lampiran, kalimat peringkat", f"peringkat ke-{pr['peringkat_ini']} dari "
            f"{pr['jumlah']} Perangkat Daerah", ("peringkat/ini", "peringkat/jumlah"))
    return out


def kalimat_komposit(res: Results) -> list[tuple[str, str]]:
    """(location, key) of every composite index the worked calculations of 3.2 print."""
    out = []
    for i, r in enumerate(res.ikus, start=1):
        where = f"3.2 IKU {i} ({r.iku.nama}), perhitungan"
        rows = list(r.komposit) + [h for ipr in r.indikator_program for h in ipr.komposit]
        seen = set()
        for h in rows:
            if h.kode in seen:
                continue
            seen.add(h.kode)
            out.append((f"{where} '{h.uraian}'", f"komposit/{h.kode}"))
            for code in h.uses:
                hasil = res.indices.rows.get(code)
                if hasil is not None and hasil.is_input and code not in seen:
                    seen.add(code)
                    out.append((f"{where} '{h.uraian}', nilai '{hasil.uraian}'",
                                f"komposit/{code}"))
    return out


# --- matching figures in text ------------------------------------------------------------------

def compatible(written: a.Bilangan, item: Angka) -> bool:
    if not known(item.nilai) or item.jenis == TEKS:
        return False  # blank or not available: no written number states it
    if written.jenis == a.PERSEN:
        return item.jenis == a.PERSEN
    if written.jenis == a.RUPIAH:
        return item.jenis == a.RUPIAH
    return item.jenis != a.PERSEN


def match(written: a.Bilangan, items: list[Angka]) -> Angka | None:
    """The first figure of ``items`` that the written figure states."""
    for item in items:
        nilai = item.nilai
        if known(nilai) and compatible(written, item) and a.equal_as_written(written, nilai):
            return item
    return None


# --- the trace ---------------------------------------------------------------------------------

_HEADER_WORDS = re.compile(r"\w+|%")
_ROW_NUMBER = re.compile(r"\d{1,3}[.)]?")


def _header_words(text: str) -> set[str]:
    return {w.lower() for w in _HEADER_WORDS.findall(text)}


def _is_figure(text: str) -> bool:
    text = text.strip()
    return bool(text) and text != "-" and a.skeleton(text).strip() == "#"


def jejak(res: Results, ctx: dict, blocks: list[Blok]) -> list[Jejak]:
    """Every printed figure of the rendered report ``blocks`` built from ``res`` and ``ctx``."""
    items = katalog(res)
    out: list[Jejak] = []
    groups: dict[str, list[Tabel]] = {}
    for b in blocks:
        if isinstance(b, Tabel):
            groups.setdefault(b.label, []).append(b)
    claimed: set[tuple[int, int, int]] = set()  # (table id, row, column)

    def place(t: Tempat) -> tuple[Tabel, int, Sel] | None:
        tables = groups.get(t.tabel, [])
        label = t.baris.casefold()
        rows = [(tbl, row) for tbl in tables for row in tbl.isi()
                if any(cell.teks.casefold() == label for cell in row.sel)]
        if not rows:
            return None
        tbl, row = rows[min(t.urutan, len(rows) - 1)]
        cells = [cell for cell in row.sel if cell.teks == t.tercetak
                 and (id(tbl), row.nomor, cell.kolom) not in claimed]
        if not cells:
            return None
        for words in t.kolom:
            for cell in cells:
                if words <= _header_words(cell.judul_kolom):
                    return tbl, row.nomor, cell
        return None

    placed_tables: set[int] = set()
    for t in tempat_tabel(res, ctx):
        if t.tercetak in ("", fmt.BLANK):
            continue  # a blank figure: nothing printed to trace
        found = place(t)
        if found is None:
            continue  # this template does not print that figure
        tbl, row_no, cell = found
        claimed.add((id(tbl), row_no, cell.kolom))
        placed_tables.add(id(tbl))
        row = next(r for r in tbl.baris if r.nomor == row_no)
        part = f" (bagian {tbl.bagian})" if tbl.bagian > 1 else ""
        out.append(Jejak(f"{tbl.label}{part}, baris {row_no} '{row.label() or t.baris}', kolom "
                         f"'{cell.judul_kolom or cell.kolom + 1}'", t.tercetak,
                         items.get(t.kunci)))
    # Figures of a traced table that no key explains: printed by an agency's own template, or a
    # figure this trace does not know yet. Listed, so that the sheet never hides one.
    for tables in groups.values():
        for tbl in tables:
            if id(tbl) not in placed_tables:
                continue
            for row in tbl.isi():
                for cell in row.sel:
                    if (id(tbl), row.nomor, cell.kolom) in claimed or \
                            not _is_figure(cell.teks) or \
                            _header_words(cell.judul_kolom) & {"no"} or \
                            (cell.kolom == 0 and _ROW_NUMBER.fullmatch(cell.teks.strip())):
                        continue  # a row number, not a figure
                    out.append(Jejak(f"{tbl.label}, baris {row.nomor} '{row.label()}', kolom "
                                     f"'{cell.judul_kolom}'", cell.teks, None,
                                     "tidak terlacak: angka ini tidak dikenal jejaknya"))
    for k in kalimat(res, ctx):
        candidates = [items[key] for key in k.kunci if key in items]
        for written in a.find(k.teks):
            if written.jenis == a.TAHUN:
                continue
            item = match(written, candidates)
            out.append(Jejak(k.lokasi, written.teks, item,
                             "" if item else "tidak terlacak: angka ini tidak dikenal jejaknya"))
    for lokasi, key in kalimat_komposit(res):
        item = items.get(key)
        if item is not None:
            out.append(Jejak(lokasi, item.tercetak, item))
    return out

