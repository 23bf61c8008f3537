"""The computed figures for people (aligned text tables) and for programs (JSON, schema in
docs/summary-json.md). JSON numbers are decimal strings, so no digit is lost to floats."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lkip_docx import fmt
from lkip_docx.compute.budget import Line, flatten
from lkip_docx.compute.results import IkuResult, Results, YearFigures
from lkip_docx.numbers import NotAvailable
from lkip_docx.problems import Problem
from lkip_docx.workbook import kinds

SCHEMA = "lkip-docx/summary"
SCHEMA_VERSION = 1


# --- JSON --------------------------------------------------------------------------------------

def dec(value: Decimal | NotAvailable | None) -> str | None:
    """A Decimal as a plain decimal string ('4.41', '1403610650'); None (blank, undefined) and a
    value marked not available are null (``capaian.tidak_terdefinisi`` says which)."""
    if value is None or isinstance(value, NotAvailable):
        return None
    text = format(value, "f")
    return text


def _line(line: Line) -> dict:
    out: dict[str, Any] = {
        "tingkat": line.level,
        "kode": line.kode,
        "nama": line.nama,
        "pagu_murni": dec(line.pagu_murni),
        "pagu": dec(line.pagu),
        "realisasi": dec(line.realisasi),
        "realisasi_persen": dec(line.realisasi_pct),
        "efisiensi_persen": dec(line.efisiensi),
        "capaian_persen": dec(line.capaian),
        "realisasi_tidak_tersedia": line.realisasi_na,
        "capaian_tidak_tersedia": line.capaian_na,
    }
    if line.sub is not None:
        sub = line.sub
        out.update({
            "pagu_perubahan": dec(sub.pagu_perubahan),
            "ditambah_pada_perubahan": sub.ditambah_pada_perubahan,
            "target_output": dec(sub.target_output),
            "realisasi_output": dec(sub.realisasi_output),
            "satuan_output": sub.satuan_output,
            "kode_indikator_program": sub.kode_indikator_program,
            "kode_iku": sub.kode_iku,
        })
    else:
        key = "kegiatan" if line.level == "program" else "sub_kegiatan"
        if line.level != "total":
            out[key] = [_line(child) for child in line.children]
    return out


def _total(line: Line | None) -> dict | None:
    if line is None:
        return None
    return {k: v for k, v in _line(line).items() if k not in ("kegiatan", "sub_kegiatan", "kode",
                                                              "nama", "tingkat")}


def _cap(cap) -> dict:
    return {"persen": dec(cap.value), "metode": cap.metode, "dibatasi": cap.capped,
            "sebelum_dibatasi": dec(cap.uncapped), "tidak_terdefinisi": cap.undefined}


def _year(y: YearFigures) -> dict:
    return {"tahun": y.tahun, "target": dec(y.target), "realisasi": dec(y.realisasi),
            "capaian": _cap(y.capaian), "keterangan": y.keterangan}


def _iku(r: IkuResult) -> dict:
    return {
        "kode": r.iku.kode,
        "nama": r.iku.nama,
        "satuan": r.iku.satuan,
        "kode_sasaran": r.iku.kode_sasaran,
        "target": dec(r.target),
        "target_renstra": dec(r.target_renstra),
        "target_pk": dec(r.target_pk),
        "target_pk_perubahan": dec(r.target_pk_perubahan),
        "realisasi": dec(r.realisasi),
        "capaian": _cap(r.capaian),
        "predikat": r.predikat.predikat if r.predikat else None,
        "kriteria": r.predikat.kriteria if r.predikat else None,
        "skala": r.skala.kode if r.skala else None,
        "target_renstra_per_tahun": [{"tahun": y, "target": dec(t)} for y, t in r.renstra_targets],
        "riwayat": [_year(y) for y in r.riwayat],
        "tahun_lalu": r.tahun_lalu.tahun if r.tahun_lalu else None,
        "tren_capaian": r.tren_capaian,
        "tren_realisasi": r.tren_realisasi,
        "target_akhir_renstra": {"tahun": r.tahun_akhir_renstra,
                                 "target": dec(r.target_akhir_renstra),
                                 "capaian": _cap(r.capaian_akhir_renstra)},
        "indikator_program": [{
            "kode": ip.ip.kode, "nama": ip.ip.nama, "satuan": ip.ip.satuan,
            "target": dec(ip.target), "realisasi": dec(ip.realisasi), "capaian": _cap(ip.capaian),
            "sub_kegiatan": [line.kode for line in ip.subs],
        } for ip in r.indikator_program],
        "komposit": [{"kode": k.kode, "uraian": k.uraian, "nilai": dec(k.value),
                      "rumus": k.rumus, "langkah": list(k.langkah)} for k in r.komposit],
        "anggaran": {
            "jumlah_program": r.n_program, "jumlah_kegiatan": r.n_kegiatan,
            "jumlah_sub_kegiatan": r.n_sub, "total": _total(r.total),
            "program": [_line(p) for p in r.programs],
        },
    }


def to_json_dict(res: Results, warnings: list[Problem] | None = None) -> dict:
    """Every computed figure; ``warnings`` are all the workbook's warnings (check_workbook's),
    else only those found while computing."""
    wb = res.wb
    problems = res.problems if warnings is None else warnings
    p = wb.profil
    return {
        "schema": SCHEMA,
        "versi": SCHEMA_VERSION,
        "workbook": wb.source_name,
        "instansi": {"nama": p.nama_instansi, "singkatan": p.singkatan, "pemerintah_daerah":
                     p.nama_pemda, "provinsi": p.provinsi},
        "tahun": p.tahun,
        "periode_renstra": list(p.periode_renstra),
        "draf": res.draf,
        "tidak_tersedia": res.n_tidak_tersedia,
        "jumlah": {"tujuan": len(wb.tujuan), "sasaran": len(wb.sasaran), "iku": len(wb.iku),
                   "indikator_program": len(wb.indikator_program), "program": res.n_program,
                   "kegiatan": res.n_kegiatan, "sub_kegiatan": res.n_sub,
                   "pegawai": sum(g.jumlah for g in res.pegawai)},
        "iku": [_iku(r) for r in res.ikus],
        "anggaran": {
            "program": [_line(line) for line in res.programs],
            "kelompok": [{"kode": k.kode, "nama": k.nama, **(_total(k.total) or {})}
                         for k in res.kelompok],
            "total": _total(res.total),
        },
        "perjanjian_kinerja": {
            "program": [{"kode": pk.program.kode, "nama": pk.program.nama,
                         "anggaran_pk": dec(pk.anggaran_pk),
                         "anggaran_pk_perubahan": dec(pk.anggaran_pk_perubahan),
                         "pagu_murni_sub_kegiatan": dec(pk.tree_murni),
                         "pagu_sub_kegiatan": dec(pk.tree_pagu)} for pk in res.pk],
            "total": dec(res.pk_total),
            "total_perubahan": dec(res.pk_total_perubahan),
        },
        "akip": {
            "komponen": [{"komponen": k.komponen, "bobot": dec(k.bobot), "nilai": dec(k.nilai)}
                         for k in wb.evaluasi_akip],
            "nilai": dec(res.akip_total),
            "predikat": res.akip_predikat.predikat if res.akip_predikat else None,
            "peringkat": [{"peringkat": row.rank, "perangkat_daerah": row.row.perangkat_daerah,
                           "nilai": dec(row.row.nilai), "predikat": row.predikat,
                           "instansi_ini": row.row.instansi_ini} for row in res.peringkat],
        },
        "pegawai": [{"kelompok": g.kelompok, "jumlah": g.jumlah, "pendidikan": g.totals}
                    for g in res.pegawai],
        "masalah": [{"kode": pr.code, "lokasi": str(pr.location), "pesan": pr.message,
                     "tingkat": pr.severity} for pr in problems],
    }


# --- text --------------------------------------------------------------------------------------

def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "\u2026"


def table(headers: list[str], rows: list[list[str]], right: set[int], max_widths: dict[int, int]
          ) -> list[str]:
    """Rows aligned in columns; columns in ``right`` right-aligned; long cells cut with an
    ellipsis."""
    rows = [[_fit(cell, max_widths.get(i, 200)) for i, cell in enumerate(row)] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]
    widths = [min(w, max_widths.get(i, w)) for i, w in enumerate(widths)]

    def line(cells):
        return "  ".join(c.rjust(widths[i]) if i in right else c.ljust(widths[i])
                         for i, c in enumerate(cells)).rstrip()

    out = [line(headers), "  ".join("-" * w for w in widths)]
    out.extend(line(r) for r in rows)
    return out


def to_text(res: Results) -> str:
    wb = res.wb
    p = wb.profil
    # The names as the report writes them: a court has no region to append (kinds.py).
    s = kinds.resolve(p)
    out = [f"{s.singkatan_laporan} {s.singkatan_lengkap} {s.periode}", s.nama_lengkap, ""]

    out.append("INDIKATOR KINERJA UTAMA")
    rows = []
    for r in res.ikus:
        d = r.iku.desimal
        rows.append([r.iku.kode, r.iku.nama, fmt.number(r.target, d), fmt.number(r.realisasi, d),
                     fmt.percent(r.capaian.value),
                     r.predikat.predikat if r.predikat else "-",
                     f"{r.tahun_lalu.tahun}: {fmt.percent(r.tahun_lalu.capaian.value)}"
                     if r.tahun_lalu else "-",
                     fmt.percent(r.capaian_akhir_renstra.value)])
    out += table(["Kode", "Indikator", "Target", "Realisasi", "Capaian", "Predikat",
                  "Capaian lalu", "Thd akhir Renstra"], rows, {2, 3, 4, 7}, {1: 45})
    out.append("")

    out.append("INDIKATOR PROGRAM")
    rows = []
    for r in res.ikus:
        for ip in r.indikator_program:
            d = ip.ip.desimal
            rows.append([ip.ip.kode, r.iku.kode, ip.ip.nama, fmt.number(ip.target, d),
                         fmt.number(ip.realisasi, d), fmt.percent(ip.capaian.value)])
    out += table(["Kode", "IKU", "Indikator Program", "Target", "Realisasi", "Capaian"], rows,
                 {3, 4, 5}, {2: 50})
    out.append("")

    for r in res.ikus:
        for k in r.komposit:
            out.append(f"{k.kode} {k.uraian}")
            out.append(f"  = {k.rumus}")
            out.extend(f"  = {step}" for step in k.langkah)
    if any(r.komposit for r in res.ikus):
        out.append("")

    if s.anggaran.ada:
        out += _budget_text(res)
    if res.akip_total is not None:
        out.append(f"AKIP: nilai {fmt.number(res.akip_total, 2)}"
                   + (f", predikat {res.akip_predikat.predikat}" if res.akip_predikat else "")
                   + next((f", peringkat {row.rank} dari {len(res.peringkat)}"
                           for row in res.peringkat if row.row.instansi_ini), ""))
    program, kegiatan, sub = s.anggaran.tingkat
    budget = (f"{fmt.count(res.n_program)} {program}, {fmt.count(res.n_kegiatan)} {kegiatan}, "
              f"{fmt.count(res.n_sub)} {sub}, ") if s.anggaran.ada else ""
    out.append(f"Jumlah: {budget}{fmt.count(len(wb.iku))} IKU.")
    return "\n".join(out)


def _budget_text(res: Results) -> list[str]:
    """The budget tree and the Perjanjian Kinerja's program budgets (a report without a budget
    has neither)."""
    out = []
    out.append("ANGGARAN (program / kegiatan / sub kegiatan)")
    rows = []
    indent = {"program": "", "kegiatan": "  ", "sub_kegiatan": "    "}

    for line in flatten(list(res.programs)):
        rows.append([line.kode, indent[line.level] + line.nama, fmt.money(line.pagu_murni),
                     fmt.money(line.pagu), fmt.money(line.realisasi),
                     fmt.percent(line.realisasi_pct), fmt.percent(line.efisiensi),
                     fmt.percent(line.capaian)])
    for group in res.kelompok:
        t = group.total
        rows.append(["", f"JUMLAH {group.kode}", fmt.money(t.pagu_murni), fmt.money(t.pagu),
                     fmt.money(t.realisasi), fmt.percent(t.realisasi_pct), fmt.percent(t.efisiensi),
                     fmt.percent(t.capaian)])
    t = res.total
    rows.append(["", "JUMLAH SELURUHNYA", fmt.money(t.pagu_murni), fmt.money(t.pagu),
                 fmt.money(t.realisasi), fmt.percent(t.realisasi_pct), fmt.percent(t.efisiensi),
                 fmt.percent(t.capaian)])
    out += table(["Kode", "Uraian", "Pagu Murni", "Pagu", "Realisasi", "Real %", "Efisiensi",
                  "Capaian"], rows, {2, 3, 4, 5, 6, 7}, {0: 18, 1: 44})
    out.append("")

    out.append("PERJANJIAN KINERJA (anggaran program)")
    rows = [[pk.program.kode, pk.program.nama, fmt.money(pk.anggaran_pk),
             fmt.money(pk.tree_murni), fmt.money(pk.anggaran_pk_perubahan), fmt.money(pk.tree_pagu)]
            for pk in res.pk]
    rows.append(["", "TOTAL", fmt.money(res.pk_total), "", fmt.money(res.pk_total_perubahan), ""])
    out += table(["Kode", "Program", "PK", "Pagu murni SK", "PK Perubahan", "Pagu SK"], rows,
                 {2, 3, 4, 5}, {1: 44})
    out.append("")
    return out
