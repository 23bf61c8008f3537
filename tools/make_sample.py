"""Builds the bundled sample workbook samples/lkip-2024-diskominfostandi-bekasi.xlsx: the whole
reference LKIP 2024 of Diskominfostandi Kota Bekasi as a filled standard workbook.

Inputs come from the JSON transcription of the reference (``../shared/reference/...data.json``,
read with Decimal for every number, never float); the narrative comes from tools/sample_narrative.py
(transcribed from the reference .md, which is the authority). Every deliberate difference from what
the reference prints is listed in samples/README.md.

    python tools/make_sample.py [DATA_JSON] [-o OUTPUT] [--verify]

Relative paths are taken from the repository root.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_narrative import CATATAN_EVALUASI, NARASI, PRESTASI  # noqa: E402

from lkip_docx.workbook import contract as c  # noqa: E402
from lkip_docx.workbook.writer import write_workbook  # noqa: E402

DEFAULT_DATA = "../shared/reference/lkip-2024-diskominfostandi-bekasi.data.json"
DEFAULT_OUTPUT = "samples/lkip-2024-diskominfostandi-bekasi.xlsx"

D = Decimal
YA, TIDAK = "Ya", "Tidak"

# --- codes -------------------------------------------------------------------------------------
# The reference prints no codes. These follow the Kepmendagri nomenclature's shape (urusan 2.16
# Komunikasi dan Informatika, 2.17 Statistik, 2.21 Persandian; program .01 = penunjang urusan;
# kegiatan of a kota ".2.NN"); sub kegiatan numbers are sequential within their kegiatan. They are
# illustrative, not taken from the reference or from SIPD.
PROGRAM_KODE = {
    "P1": "2.16.02",  # Program Pengelolaan Informasi dan Komunikasi Publik
    "P2": "2.16.03",  # Program Pengelolaan Aplikasi Informatika
    "P3": "2.17.02",  # Program Penyelenggaraan Statistik Sektoral
    "P4": "2.21.02",  # Program Penyelenggaraan Persandian untuk Pengamanan Informasi
    "P5": "2.16.01",  # Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota
}
KEGIATAN_NO = {
    "P1.K1": "2.01", "P2.K1": "2.02", "P3.K1": "2.01", "P4.K1": "2.01", "P4.K2": "2.02",
    "P5.K1": "2.01", "P5.K2": "2.02", "P5.K3": "2.05", "P5.K4": "2.06", "P5.K5": "2.07",
    "P5.K6": "2.08", "P5.K7": "2.09",
}

# Order of the programs in the workbook (= in Tabel 2.3, 2.4 and sub bab 1.4 of the reference).
PROGRAM_ORDER = ("P1", "P2", "P3", "P4", "P5")

# Uraian Output is the phrase after the number in the reference's sentence; for this one the
# sentence reads "... telah melaksanakan Penguatan Kapasitas Sumber Daya Komunikasi Publik
# sebanyak 125 (seratus dua puluh lima) Orang", so the verb phrase carries the description.
URAIAN_OUTPUT = {"P1.K1.S4": "Orang"}
# Kata Kerja Output is the phrase before the number in the reference's sentence, except here: the
# reference puts the target first ("dengan belum terpenuhinya 548 (...) Unit ... yaitu hanya 319
# (...) Unit saja"), which the generated "<kata kerja> <realisasi> ... dari Target ..." cannot say.
KATA_KERJA_OUTPUT = {"P5.K7.S2": "hanya terpenuhinya"}

SKALA_SPBE_SUMBER = ("Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi "
                     "Nomor 5 Tahun 2018")
SKALA_AKIP_SUMBER = "Data dari www.menpan.go.id"


def load_data(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal, parse_int=Decimal)


def _int(value) -> int:
    return int(value)


def _blank_zero(value):
    """The reference prints '-' for no staff: a blank cell, not 0."""
    return None if value == 0 else _int(value)


# --- sheets ------------------------------------------------------------------------------------

def profil(data: dict) -> dict:
    dok, org, ren = data["dokumen"], data["organisasi"], data["renstra"]
    kep = data["akip_peringkat"]["keputusan"]
    return {
        "nama_instansi": org["nama_dinas"],
        "singkatan": org["singkatan"],
        "jenis_pemda": "Kota",
        "nama_pemda": org["pemerintah_daerah"],
        "provinsi": org["provinsi"],
        "tahun": _int(dok["tahun_kinerja"]),
        "tahun_anggaran_sampul": _int(dok["tahun_anggaran_sampul"]),
        "periode_renstra": dok["periode_renstra"],
        "periode_renstra_sebelumnya": dok["periode_renstra_sebelumnya"],
        "dasar_renstra": ren["dasar"],
        "dokumen_perencanaan_daerah": dok["rpd"],
        # The reference prints the title in capitals; the template can upper-case, not the reverse.
        "kepala_jabatan": "Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian "
                          "Kota Bekasi",
        "kepala_nama": org["kepala"]["nama"],
        "kepala_nip": org["kepala"]["nip"],
        "tempat": dok["tempat"],
        "tanggal": dt.date.fromisoformat(dok["tanggal"]),
        "ikhtisar_eksekutif": False,
        # "Sumber : ..." lines exactly as printed under the reference's tables.
        "sumber_pegawai": data["sdm"]["tabel_1_1"]["sumber"],
        "sumber_renstra": ren["sumber_tabel_2_1"],
        "sumber_pk": data["perjanjian_kinerja"]["murni"]["sumber"],
        "sumber_pk_perubahan": data["perjanjian_kinerja"]["perubahan"]["sumber"],
        "sumber_evaluasi": data["iku"][0]["sumber_tabel"],
        "sumber_anggaran": data["anggaran"]["sumber"],
        "sumber_akip": data["akip"]["sumber"],
        "dasar_peringkat_akip": f"Keputusan Wali Kota Bekasi Nomor {kep['nomor']} tentang "
                                f"{kep['tentang']}",
    }


def pegawai(data: dict) -> list[dict]:
    rows = []
    for kelompok, tabel in (("ASN", "tabel_1_1"), ("Pegawai TTK", "tabel_1_2")):
        for b in data["sdm"][tabel]["baris"]:
            rows.append({"kelompok": kelompok, "jenis": b["sdm"], "s3": _blank_zero(b["S3"]),
                         "s2": _blank_zero(b["S2"]), "s1": _blank_zero(b["S1"]),
                         "d3": _blank_zero(b["D3"]), "sma": _blank_zero(b["SMA"]),
                         "smp": _blank_zero(b["SMP"])})
    return rows


def tujuan(data: dict) -> list[dict]:
    return [{"kode": t["id"], "uraian": t["uraian"]} for t in data["renstra"]["tujuan"]]


def sasaran(data: dict) -> list[dict]:
    return [{"kode": s["id"], "kode_tujuan": s["tujuan_id"], "uraian": s["uraian"]}
            for s in data["renstra"]["sasaran"]]


# Rumus column of Tabel 2.2 as printed (the formulas are typeset in the reference; here as text).
RUMUS_IKU1 = "\n".join((
    "{Nilai Indeks Pengelolaan Sistem Layanan Publik Berbasis Digital + Nilai Indeks Kepuasan "
    "Masyarakat pada Pelayanan Pengaduan dan Informasi Publik + Nilai Indeks Ketersediaan Data "
    "Sektoral Berbasis Digital + Nilai Indeks Penyelenggaraan Pengamanan Informasi} : 4",
    "Indeks Pengelolaan Sistem Layanan Publik Berbasis Digital",
    "Nilai Rataan {(Cakupan Unit Kerja yang Terkoneksi dengan Jaringan Primer + Cakupan Layanan "
    "Informasi Pemerintahan Daerah Kepada Publik + Persentase Tingkat Layanan Infrastruktur Pusat "
    "Data) + Persentase Jumlah Platform dengan Database yang Terintegrasi + Persentase Jumlah "
    "Layanan Digital PD)} x 5 (Indeks)",
    "Indeks Kepuasan Masyarakat pada Pelayanan Pengaduan dan Informasi Publik",
    "Nilai Rataan Survey IKM (PermenPAN RB) yang dilakukan Persemester dalam 1 Tahun Anggaran "
    "x (5 Indeks)",
    "Indeks Ketersediaan Data Sektoral Berbasis Digital :",
    "(Jumlah Data Sektoral pada PD Berbasis Digital / Jumlah Data Sektoral pada PD) x 5 (Indeks)",
    "Indeks Penyelenggaraan Pengamanan Informasi",
    "{(Persentase Penyediaan Layanan Keamanan Informasi x 0,4) + (Persentase Pelaksanaan "
    "Keamanan Informasi x 0,3) + (Persentase Penyelenggaraan Jaring Komunikasi Sandi dan "
    "Pemenuhan Alat Pendukung dan Utama Persandian x 0,3) : 100} x 5 (Indeks)",
    # The reference prints an older two-part formula (x 0,8 + x 0,2) here although its own
    # worked calculation uses these three weights; the sample states the formula it computes.
))
RUMUS_IKU2 = "\n".join((
    "Nilai AKIP dihitung berdasarkan hasil nilai bobot dari setiap komponen AKIP.",
    "Nilai AKIP dinyatakan dalam predikat :",
    "AA (>90-100)", "A (>80-90)", "BB (>70-80)", "B (>60-70)", "CC (>50-60)", "C (>30-50)",
    "D (0-30)",
))
SUMBER_IKU = {
    "IKU1": "Data Evaluasi Internal Diskominfostandi Kota Bekasi Tahun 2024",  # under Tabel 3.3
    "IKU2": "Data Hasil LHE SAKIP Inspektorat Kota Bekasi Tahun 2024",  # under Tabel 3.9
}


def iku(data: dict) -> list[dict]:
    pk = {s["iku_id"]: s["target"] for s in data["perjanjian_kinerja"]["murni"]["sasaran"]}
    pkp = {s["iku_id"]: s["target"] for s in data["perjanjian_kinerja"]["perubahan"]["sasaran"]}
    rows = []
    for i in data["iku"]:
        is_akip = i["id"] == "IKU2"
        rows.append({
            "kode": i["id"], "kode_sasaran": i["sasaran_id"], "nama": i["nama"],
            "satuan": i["satuan"], "metode": c.METODE_NAIK, "desimal": 2,
            # IKU1 is the Komponen Indeks row of the same code; IKU2 is the AKIP total.
            "kode_indeks": c.NILAI_AKIP if is_akip else "IKU1",
            "kode_skala": "AKIP" if is_akip else "SPBE",
            "dasar_predikat": c.DASAR_REALISASI,
            "target_pk": pk[i["id"]], "target_pk_perubahan": pkp[i["id"]],
            "alasan": "\n".join(i["alasan"]),
            "rumus": RUMUS_IKU2 if is_akip else RUMUS_IKU1,
            "sumber": SUMBER_IKU[i["id"]],
        })
    return rows


def target_iku(data: dict) -> list[dict]:
    rows = []
    for i in data["iku"]:
        for year, riwayat in sorted(i["riwayat"].items()):
            rows.append({"kode_iku": i["id"], "tahun": int(year), "target": riwayat["target"],
                         "realisasi": riwayat["realisasi"], "keterangan": riwayat["sumber_target"]})
        for year, target in sorted(i["target"].items()):
            # Realisasi 2024 stays blank: both IKU are computed (Komponen Indeks, Evaluasi AKIP).
            rows.append({"kode_iku": i["id"], "tahun": int(year), "target": target})
    return rows


def indikator_program(data: dict) -> list[dict]:
    rows = []
    for ip in data["indikator_program"]:
        computed = isinstance(ip["realisasi"], dict)
        rows.append({
            "kode": ip["id"], "kode_iku": ip["iku_id"],
            "kode_program": PROGRAM_KODE[ip["program_id"]], "nama": ip["nama"],
            "satuan": ip["satuan"], "target": ip["target"],
            "realisasi": None if computed else ip["realisasi"],
            "kode_indeks": ip["id"] if computed else None,
            "metode": c.METODE_NAIK, "desimal": 2,
        })
    return rows


def _kegiatan_kode(kid: str) -> str:
    return f"{PROGRAM_KODE[kid.split('.')[0]]}.{KEGIATAN_NO[kid]}"


_VERB = re.compile(r"^(?:dengan )?(.*?) \d")


def budget(data: dict) -> tuple[list[dict], list[dict], list[dict]]:
    pk = {p["program_id"]: p["anggaran"] for p in data["perjanjian_kinerja"]["murni"]["program"]}
    pkp = {p["program_id"]: p["anggaran_apbd_p"]
           for p in data["perjanjian_kinerja"]["perubahan"]["program"]}
    by_id = {p["id"]: p for p in data["anggaran"]["program"]}
    programs, kegiatan, subs = [], [], []
    for pid in PROGRAM_ORDER:
        p = by_id[pid]
        programs.append({"kode": PROGRAM_KODE[pid], "nama": p["nama"], "kelompok": p["kelompok"],
                         "anggaran_pk": pk[pid], "anggaran_pk_perubahan": pkp[pid]})
        for k in p["kegiatan"]:
            kkode = _kegiatan_kode(k["id"])
            kegiatan.append({"kode": kkode, "kode_program": PROGRAM_KODE[pid], "nama": k["nama"]})
            for n, s in enumerate(k["sub_kegiatan"], start=1):
                out = s["output"]
                target = out.get("target")
                verb = (KATA_KERJA_OUTPUT.get(s["id"])
                        or _VERB.match(out["kalimat_narasi"]).group(1))
                subs.append({
                    "kode": f"{kkode}.{n:04d}", "kode_kegiatan": kkode, "nama": s["nama"],
                    "pagu_murni": s["pagu_murni"],  # None for the two added in APBD-Perubahan
                    "pagu_perubahan": s["pagu_perubahan"], "realisasi": s["realisasi"],
                    "target_output": target, "realisasi_output": out["realisasi"],
                    "satuan_output": out["satuan"],
                    "uraian_output": URAIAN_OUTPUT.get(s["id"], out["uraian"]),
                    "kata_kerja_output": verb,
                    # Capaian is computed from the volumes where a target volume is given.
                    "capaian_output": None if target is not None else s["capaian_output_pct"],
                    "kode_indikator_program": s["indikator_program_id"],
                })
    return programs, kegiatan, subs


# --- Komponen Indeks ---------------------------------------------------------------------------
# Raw counts (Nilai) and formulas (Rumus) that reproduce section 3.2 of the reference: every
# displayed intermediate is its own row, rounded half up to 2 decimals before the next row uses it.
# The IKU1 row comes first so that the worked calculation reads in the reference's order.

def _n(kode, uraian, nilai):
    return {"kode": kode, "uraian": uraian, "nilai": nilai, "desimal": 2}


def _f(kode, uraian, rumus):
    return {"kode": kode, "uraian": uraian, "rumus": rumus, "desimal": 2}


def komponen_indeks(data: dict) -> list[dict]:
    ik = data["indeks_komposit"]
    rows = [_f("IKU1", "Indeks Layanan Publik Berbasis IT", "{IP1 + IP2 + IP3 + IP4} : 4")]

    # IP1 = C1 + C2 + C3 + C4 + C5
    c1, c2, c3, c4, c5 = ik["IP1"]["komponen"]
    r1, r2, r3 = c1["rasio"]
    assert r1["pembilang"] == [315] and r2["penyebut"] == 201 and r3["pembilang"] == [D("0.9")]
    rows += [
        _n("IP1.C1.R1.A", "Jumlah jaringan FO (internet) yang terbangun pada SD Negeri se-Kota "
                          "Bekasi", r1["pembilang"][0]),
        _n("IP1.C1.R1.B", "Jumlah SD Negeri se-Kota Bekasi sasaran jaringan FO (internet)",
           r1["penyebut"]),
        _f("IP1.C1.R1", "Rasio jaringan FO (internet) SD Negeri yang terbangun",
           "IP1.C1.R1.A / IP1.C1.R1.B"),
    ]
    # The reference names the categories (Kecamatan, Kelurahan, SMPN, Puskesmas) but not each of
    # its six terms; the labels of terms 5 and 6 are therefore generic.
    labels = ("Kecamatan", "Kelurahan", "SMPN", "Puskesmas", "lokasi lain (rincian 5)",
              "lokasi lain (rincian 6)")
    terms = []
    for i, (label, value) in enumerate(zip(labels, r2["pembilang"], strict=True), start=1):
        kode = f"IP1.C1.R2.{i}"
        terms.append(kode)
        rows.append(_n(kode, f"Jaringan FO (intranet) terbangun: {label}", value))
    rows += [
        _n("IP1.C1.R2.B", "Jumlah sasaran jaringan FO (intranet) Kecamatan, Kelurahan, SMPN dan "
                          "Puskesmas se-Kota Bekasi", r2["penyebut"]),
        _f("IP1.C1.R2", "Rasio jaringan FO (intranet) Kecamatan, Kelurahan, SMPN dan Puskesmas "
                        "yang terbangun", f"({' + '.join(terms)}) / IP1.C1.R2.B"),
        _n("IP1.C1.R3.A", "Realisasi pengelolaan jaringan TIK Pemkot Bekasi", r3["pembilang"][0]),
        _n("IP1.C1.R3.B", "Target pengelolaan jaringan TIK Pemkot Bekasi", r3["penyebut"]),
        _f("IP1.C1.R3", "Rasio pengelolaan jaringan TIK Pemkot Bekasi",
           "IP1.C1.R3.A / IP1.C1.R3.B"),
        _f("IP1.C1", "Cakupan Unit Kerja yang Terkoneksi dengan Jaringan Primer",
           "RATA(IP1.C1.R1; IP1.C1.R2; IP1.C1.R3)"),
    ]
    (w,) = c2["rasio"]
    rows += [
        _n("IP1.C2.A", "Jumlah free wifi di lingkungan Pemerintah Kota Bekasi dan ruang publik",
           w["pembilang"][0]),
        _n("IP1.C2.B", "Total jumlah free wifi di lingkungan Pemerintah Kota Bekasi dan ruang "
                       "publik", w["penyebut"]),
        _f("IP1.C2", "Cakupan Layanan Informasi Pemerintahan Daerah Kepada Publik",
           "IP1.C2.A / IP1.C2.B"),
    ]
    tws = []
    for n, tw in enumerate(c3["triwulan"], start=1):
        base = f"IP1.C3.TW{n}"
        tws.append(base)
        rows += [
            _n(f"{base}.HARI", f"Jumlah hari Triwulan {tw['triwulan']}", tw["hari"]),
            _n(f"{base}.DOWN", f"Downtime layanan pusat data Triwulan {tw['triwulan']} (jam)",
               tw["downtime_jam"]),
            _f(base, f"Uptime layanan pusat data Triwulan {tw['triwulan']}",
               f"(({base}.HARI * 24) - {base}.DOWN) / ({base}.HARI * 24)"),
        ]
    rows.append(_f("IP1.C3", "Persentase Tingkat Layanan Infrastruktur Pusat Data",
                   f"RATA({'; '.join(tws)})"))
    (p4,) = c4["rasio"]
    (p5,) = c5["rasio"]
    assert p4["penyebut"] == p5["penyebut"]
    rows.append(_n("PD", "Jumlah Perangkat Daerah di lingkungan Pemerintah Kota Bekasi",
                   p4["penyebut"]))
    for comp, ratio, what, name in (
            ("IP1.C4", p4, "Platform dengan database yang terintegrasi",
             "Persentase Jumlah Platform dengan Database yang Terintegrasi"),
            ("IP1.C5", p5, "Layanan digital PD", "Persentase Jumlah Layanan Digital PD")):
        parts = []
        for i, value in enumerate(ratio["pembilang"], start=1):
            kode = f"{comp}.{i}"
            parts.append(kode)
            rows.append(_n(kode, f"{what} (rincian {i})", value))
        rows.append(_f(comp, name, f"({' + '.join(parts)}) / PD"))
    rows.append(_f("IP1", "Nilai Indeks Pengelolaan Sistem Layanan Publik Berbasis Digital",
                   "IP1.C1 + IP1.C2 + IP1.C3 + IP1.C4 + IP1.C5"))

    # IP2 = mean of the IKM surveys / 100 x 5
    surveys = []
    for i, value in enumerate(ik["IP2"]["survei_ikm"], start=1):
        surveys.append(f"IP2.IKM{i}")
        rows.append(_n(f"IP2.IKM{i}", f"Nilai Survei Kepuasan Masyarakat (IKM) ke-{i}", value))
    rows += [
        _f("IP2.IKM", "Nilai rata-rata Survei Kepuasan Masyarakat (IKM)",
           f"RATA({'; '.join(surveys)})"),
        _f("IP2", "Nilai Indeks Kepuasan Masyarakat pada Pelayanan Pengaduan dan Informasi Publik",
           "IP2.IKM / 100 * 5"),
    ]

    # IP3 = digital / all sectoral data x 5
    rows += [
        _n("IP3.A", "Jumlah Data Sektoral pada PD Berbasis Digital",
           ik["IP3"]["jumlah_data_sektoral_digital"]),
        _n("IP3.B", "Jumlah Seluruh Data Sektoral pada PD",
           ik["IP3"]["jumlah_seluruh_data_sektoral"]),
        _f("IP3", "Nilai Indeks Ketersediaan Data Sektoral Berbasis Digital", "IP3.A / IP3.B * 5"),
    ]

    # IP4 = ((A x 0,4) + (B x 0,3) + (C x 0,3)) / 100 x 5; each percentage A, B, C = mean of its
    # item ratios (realisasi / target) x 100
    weighted = []
    for group in ik["IP4"]["kelompok"]:
        gid = f"IP4.{group['id']}"
        items = []
        for b in group["butir"]:
            base = f"{gid}.{b['no']}"
            items.append(base)
            rows += [
                _n(f"{base}.R", f"Realisasi: {b['nama']}", b["realisasi"]),
                _n(f"{base}.T", f"Target: {b['nama']}", b["target"]),
                _f(base, b["nama"], f"{base}.R / {base}.T"),
            ]
        mean = f"RATA({'; '.join(items)})" if len(items) > 1 else items[0]
        rows.append(_f(gid, group["nama"][0].upper() + group["nama"][1:], f"{mean} * 100"))
        weighted.append(f"({gid} * {str(group['bobot']).replace('.', ',')})")
    rows.append(_f("IP4", "Nilai Indeks Penyelenggaraan Pengamanan Informasi",
                   f"({' + '.join(weighted)}) / 100 * 5"))
    return rows


# --- scales, AKIP, prestasi --------------------------------------------------------------------

def skala(data: dict) -> list[dict]:
    spbe = data["skala_predikat"]["spbe"]
    rows = []
    for k in spbe["kelas"]:
        rows.append({
            "kode": "SPBE", "nama": spbe["judul"], "bawah": k["min"],
            "bawah_inklusif": None if k["min"] is None else (YA if k["min_inklusif"] else TIDAK),
            "atas": k["max"], "atas_inklusif": YA if k["max_inklusif"] else TIDAK,
            "predikat": k["predikat"], "sumber": SKALA_SPBE_SUMBER,
        })
    # AKIP: the PermenPAN-RB 88/2021 bands (Tabel 3.8 leaves 90 < x <= 91 uncovered and Tabel 2.2
    # prints yet another scale; see samples/README.md). Criteria as in Tabel 3.8.
    t38 = {k["nilai"]: k["kriteria"] for k in data["skala_predikat"]["akip_tabel_3_8"]["kelas"]}
    bands = (("AA", 90, 100), ("A", 80, 90), ("BB", 70, 80), ("B", 60, 70), ("CC", 50, 60),
             ("C", 30, 50), ("D", 0, 30))
    for predikat, lo, hi in bands:
        rows.append({
            "kode": "AKIP", "nama": data["skala_predikat"]["akip_tabel_3_8"]["judul"],
            "bawah": D(lo), "bawah_inklusif": YA if lo == 0 else TIDAK, "atas": D(hi),
            "atas_inklusif": YA, "predikat": predikat, "kriteria": t38[predikat],
            "sumber": SKALA_AKIP_SUMBER,
        })
    return rows


def evaluasi_akip(data: dict) -> list[dict]:
    # Notes transcribed from the .md (bold emphasis included), by the component names of Tabel 3.10.
    assert [k["komponen"] for k in data["akip"]["komponen"]] == list(CATATAN_EVALUASI)
    return [{"komponen": k["komponen"], "bobot": k["bobot"], "nilai": k["nilai"],
             "catatan": CATATAN_EVALUASI[k["komponen"]]} for k in data["akip"]["komponen"]]


# Predikat exactly as printed in the lampiran (Keputusan Wali Kota 000.8.6.3/Kep.376-Org/VII/2024).
PREDIKAT_LAMPIRAN = ["A"] * 13 + ["BB"] * 13


def peringkat_akip(data: dict) -> list[dict]:
    pr = data["akip_peringkat"]
    rows = []
    for entry, predikat in zip(pr["daftar"], PREDIKAT_LAMPIRAN, strict=True):
        rows.append({"perangkat_daerah": entry["perangkat_daerah"], "nilai": entry["nilai"],
                     "predikat": predikat,
                     "instansi_ini": YA if entry["perangkat_daerah"] == pr["perangkat_daerah_ini"]
                     else TIDAK})
    return rows


def prestasi(data: dict) -> list[dict]:
    # Pemberi stays blank: each item already names its giver, and the report would print it twice.
    assert len(data["prestasi"]) == len(PRESTASI)
    return [{"uraian": uraian} for uraian in PRESTASI]


def build(data: dict) -> tuple[dict, dict]:
    programs, kegiatan, subs = budget(data)
    rows = {
        "pegawai": pegawai(data),
        "tujuan": tujuan(data),
        "sasaran": sasaran(data),
        "iku": iku(data),
        "target_iku": target_iku(data),
        "indikator_program": indikator_program(data),
        "program": programs,
        "kegiatan": kegiatan,
        "sub_kegiatan": subs,
        "komponen_indeks": komponen_indeks(data),
        "skala": skala(data),
        "evaluasi_akip": evaluasi_akip(data),
        "peringkat_akip": peringkat_akip(data),
        "prestasi": prestasi(data),
        "narasi": NARASI,
    }
    _assert_no_float(rows)
    return rows, profil(data)


def _assert_no_float(value) -> None:
    if isinstance(value, float):
        raise TypeError(f"float in sample data: {value!r}")
    if isinstance(value, dict):
        for v in value.values():
            _assert_no_float(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _assert_no_float(v)


# --- verification ------------------------------------------------------------------------------

EXPECTED_INDICES = {"IP1.C1": "0.96", "IP1.C2": "1", "IP1.C3": "1", "IP1.C4": "0.25",
                    "IP1.C5": "1", "IP1": "4.21", "IP2": "4.68", "IP3": "3.75", "IP4": "5",
                    "IKU1": "4.41"}
EXPECTED_TOTALS = {"BLU": ("24102265650", "23823909650", "23065269726"),
                   "BLPU": ("16809472400", "17038078400", "15210554194")}


def verify(path: Path) -> list[str]:
    """Checks the written workbook against the reference's figures; returns the failures."""
    from lkip_docx.api import check_workbook

    result = check_workbook(path)
    failures = [f"{p}" for p in result.errors]
    res = result.results
    if res is None:
        return failures + ["no results computed"]
    for kode, want in EXPECTED_INDICES.items():
        got = res.indices.value(kode)
        if got is None or got != D(want):
            failures.append(f"{kode}: {got} (want {want})")
    ikus = {r.iku.kode: r for r in res.ikus}
    for kode, realisasi, capaian in (("IKU1", "4.41", "107.82"), ("IKU2", "80.67", "104.09")):
        got = (ikus[kode].realisasi, ikus[kode].capaian.value)
        if got != (D(realisasi), D(capaian)):
            failures.append(f"{kode} realisasi, capaian {got} (want {realisasi}, {capaian})")
    if not res.akip_predikat or res.akip_predikat.predikat != "A":
        failures.append(f"AKIP predikat {res.akip_predikat} (want A)")
    rank = next((p.rank for p in res.peringkat if p.row.instansi_ini), None)
    if rank != 10:
        failures.append(f"AKIP rank {rank} (want 10)")
    failures += [f"warning: {p}" for p in result.warnings]
    for k in res.kelompok:
        got = (k.total.pagu_murni, k.total.pagu, k.total.realisasi)
        want = tuple(D(v) for v in EXPECTED_TOTALS[k.kode])
        if got != want:
            failures.append(f"{k.kode} totals {got} (want {want})")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", default=DEFAULT_DATA,
                        help=f"JSON transcription of the reference (default {DEFAULT_DATA})")
    parser.add_argument("-o", "--output", default=DEFAULT_OUTPUT,
                        help=f"workbook to write (default {DEFAULT_OUTPUT})")
    parser.add_argument("--verify", action="store_true",
                        help="check the written workbook against the reference's figures")
    args = parser.parse_args(argv)
    data_path = Path(args.data) if Path(args.data).is_absolute() else ROOT / args.data
    out_path = Path(args.output) if Path(args.output).is_absolute() else ROOT / args.output
    rows, prof = build(load_data(data_path))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    write_workbook(out_path, rows, prof)
    print(f"written {out_path}")
    if args.verify:
        failures = verify(out_path)
        for f in failures:
            print(f"FAIL {f}")
        if failures:
            return 1
        print("verified: no error or warning; indices, IKU, AKIP rank and budget totals match "
              "the reference")
    return 0


if __name__ == "__main__":
    sys.exit(main())
