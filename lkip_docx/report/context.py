"""The template context: computed results turned into plain dicts of Indonesian-formatted strings.

Every number is formatted here, in Python, so the Word template only places text. Sentences that
state figures are generated here from the same figures the tables show, so text and tables cannot
disagree. Rich text and paragraph blocks are plain markers (richtext.py) that render.py converts.
The variables are documented in docs/template.md; a test checks that every top-level key is.
"""

from __future__ import annotations

from decimal import Decimal

from lkip_docx import fmt
from lkip_docx.compute.budget import Line, flatten
from lkip_docx.compute.capaian import METODE_TEKS, Capaian
from lkip_docx.compute.results import NAIK, TETAP, TURUN, IkuResult, IpResult, Results
from lkip_docx.numbers import HUNDRED
from lkip_docx.report.richtext import (
    MERGE_UP,
    STYLE_BODY,
    STYLE_FORMULA,
    STYLE_FORMULA_TITLE,
    STYLE_ITEM1,
    STYLE_ITEM2,
    STYLE_LEAD,
    STYLE_SUBTITLE,
    STYLE_TABLE_ITEM,
    STYLE_TABLE_TEXT,
    STYLE_TOC1,
    STYLE_TOC2,
    STYLE_TOF,
    lit,
    paragraph,
    paragraphs,
    runs,
)
from lkip_docx.workbook import contract as c
from lkip_docx.workbook.scales import Skala, interval_text

#: Every top-level variable a template may use (render.py adds ``logo``); docs/template.md
#: documents each, and a test keeps this list, build_context() and the docs in step.
TOP_LEVEL_KEYS = (
    "lkip", "instansi", "periode", "ttd", "logo", "logo_path", "bagan", "bagan_path",
    "gambar_bagan", "sumber", "narasi", "narasi_ada",
    "pegawai",
    "sub_kegiatan_per_kelompok", "jumlah", "renstra", "tujuan", "sasaran", "iku_tabel",
    "iku_daftar", "pk", "pk_perubahan", "capaian", "capaian_ringkas", "metode_capaian", "iku",
    "kelompok", "realisasi_anggaran_kalimat", "total_anggaran", "prestasi", "ada_prestasi",
    "peringkat", "ikhtisar", "daftar_tabel", "daftar_isi",
)

BAB = ("I", "II", "III", "IV")
KEPALA_DAERAH = {"Kota": "Wali Kota", "Kabupaten": "Bupati", "Provinsi": "Gubernur"}
ORDINAL = {1: "pertama", 2: "kedua", 3: "ketiga", 4: "keempat", 5: "kelima", 6: "keenam",
           7: "ketujuh", 8: "kedelapan", 9: "kesembilan", 10: "kesepuluh"}


# --- small formatters --------------------------------------------------------------------------

def num(value: Decimal | None, places: int = 2) -> str:
    return fmt.number(value, places)


def pct(value: Decimal | None) -> str:
    return fmt.percent(value)


def money(value: Decimal | None) -> str:
    return fmt.money(value)


def rp_kalimat(value: Decimal | None) -> str:
    """Rupiah as the reference writes it in sentences: ``Rp.249.000.000.-``."""
    return "Rp." + fmt.money(value) + ".-" if value is not None else "-"


def rp_tabel(value: Decimal | None) -> str:
    """Rupiah in PK tables: ``Rp. 1.403.610.650``."""
    return "Rp. " + fmt.money(value) if value is not None else "-"


def count(n: int) -> str:
    return fmt.count(n)


def tren_kata(tren: str | None) -> str:
    return {NAIK: "meningkat", TURUN: "menurun", TETAP: "sama"}.get(tren or "", "")


def banding(realisasi: Decimal | None, target: Decimal | None) -> str:
    """How realisasi stands against target, as numbers ('melebihi' a target is bad news for an
    indicator where lower is better, and the capaian says so; the words only compare)."""
    if realisasi is None or target is None:
        return "dibandingkan dengan"
    if realisasi > target:
        return "melebihi"
    if realisasi == target:
        return "sama dengan"
    return "di bawah"


def status_capaian(cap: Capaian) -> str:
    if cap.value is None:
        return "belum dapat diukur"
    if cap.value > HUNDRED:
        return "telah terlampaui"
    if cap.value == HUNDRED:
        return "tercapai"
    return "belum tercapai"


# --- numbering ---------------------------------------------------------------------------------

class Numbering:
    """Table numbers per chapter in document order ('3.14'), and the list of tables."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.entries: list[str] = []

    def table(self, bab: int | str, judul: str, sumber: str | None = None, **extra) -> dict:
        key = str(bab)
        self.counts[key] = self.counts.get(key, 0) + 1
        nomor = f"{key}.{self.counts[key]}"
        self.entries.append(f"Tabel {nomor} {judul}")
        out = {"nomor": nomor, "judul": judul, "sumber": sumber or ""}
        out.update(extra)
        return out


# --- narrative ---------------------------------------------------------------------------------

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def narrative_block(items) -> dict:
    """Paragraph block of narrative rows: lists are numbered 1., a. or bulleted per run of items;
    numbering restarts after any paragraph or subtitle, and nested items count on their own."""
    out = []
    counters = {1: 0, 2: 0}
    last_kind = {1: None, 2: None}
    for item in items:
        if item.jenis in (c.JENIS_PARAGRAF, c.JENIS_SUBJUDUL):
            counters = {1: 0, 2: 0}
            last_kind = {1: None, 2: None}
            if item.jenis == c.JENIS_SUBJUDUL:
                style = STYLE_SUBTITLE
            else:
                # A lead-in ("... sebagai berikut :") must not be left alone at a page's foot.
                style = STYLE_LEAD if item.teks.rstrip().endswith(":") else STYLE_BODY
            out.append(paragraph(style, runs(item.teks, bold=item.jenis == c.JENIS_SUBJUDUL)))
            continue
        level = item.tingkat
        if level == 1:
            counters[2] = 0
            last_kind[2] = None
        if last_kind[level] != item.jenis:
            counters[level] = 0
            last_kind[level] = item.jenis
        counters[level] += 1
        n = counters[level]
        if item.jenis == c.JENIS_BUTIR_ANGKA:
            label = f"{n}."
        elif item.jenis == c.JENIS_BUTIR_HURUF:
            label = f"{_LETTERS[(n - 1) % 26]}."
        else:
            label = "\u2022"
        style = STYLE_ITEM1 if level == 1 else STYLE_ITEM2
        out.append(paragraph(style, [[label + "\t", False, False]] + runs(item.teks)))
    return paragraphs(out)


def text_block(*texts: str, style: str = STYLE_BODY) -> dict:
    return paragraphs([paragraph(style, runs(t)) for t in texts if t])


def list_block(items: list[str], numbered: bool = True, style: str = STYLE_ITEM1) -> dict:
    return paragraphs([paragraph(style, [[(f"{i}." if numbered else "\u2022") + "\t", False, False]]
                                 + runs(t)) for i, t in enumerate(items, start=1)])


def _sections(res: Results) -> dict[str, list]:
    """Narrative rows of the sections that are not per IKU (per-IKU rows are in IkuResult)."""
    out: dict[str, list] = {}
    for n in res.wb.narasi:
        if not _per_iku(n.bagian):
            out.setdefault(n.bagian, []).append(n)
    return out


def _per_iku(key: str) -> bool:
    return next(s.per_iku for s in c.NARRATIVE_SECTIONS if s.key == key)


# --- budget rows -------------------------------------------------------------------------------

def budget_row(line: Line, first_label: str = "") -> dict:
    return {
        "level": line.level,
        "kode": line.kode,
        "nama": line.nama,
        "pagu_murni": money(line.pagu_murni),
        "pagu": money(line.pagu),
        "realisasi": money(line.realisasi),
        "realisasi_pct": pct(line.realisasi_pct),
        "efisiensi": pct(line.efisiensi),
        "capaian": pct(line.capaian),
        "label": first_label,
    }


def budget_rows(programs: tuple[Line, ...] | list[Line], label: str = "") -> list[dict]:
    rows = []
    for i, line in enumerate(flatten(list(programs))):
        rows.append(budget_row(line, label if i == 0 else MERGE_UP if label else ""))
    return rows


# --- sentences ---------------------------------------------------------------------------------

def output_phrase(line: Line) -> str:
    sub = line.sub
    kk = lit(sub.kata_kerja_output.strip()) if sub.kata_kerja_output else "telah tersedianya"
    vol = fmt.count_decimal(sub.realisasi_output) if sub.realisasi_output is not None else ""
    phrase = f"dengan {kk} {vol} {lit(sub.uraian_output)}".replace("  ", " ").strip()
    if sub.target_output is not None and line.capaian is not None and line.capaian < HUNDRED:
        phrase += (" dari Target yang telah ditetapkan sebanyak "
                   f"{fmt.count_decimal(sub.target_output)} {lit(sub.satuan_output)}")
    return phrase


def sub_kegiatan_sentence(line: Line) -> str:
    """The reference's paragraph per sub kegiatan, in its three variants (budget unchanged,
    changed in APBD-Perubahan, added in APBD-Perubahan), with or without efisiensi."""
    sub = line.sub
    if sub.ditambah_pada_perubahan:
        head = (f"Merupakan Penambahan Sub Kegiatan pada APBD-Perubahan dengan Pagu Anggaran "
                f"sebesar {rp_kalimat(line.pagu)}")
    elif sub.pagu_berubah:
        head = (f"Mengalami Perubahan Pagu Anggaran yang semula (*murni*) sebesar "
                f"{rp_kalimat(sub.pagu_murni)} menjadi {rp_kalimat(sub.pagu_perubahan)} pada "
                "APBD-Perubahan")
    else:
        head = f"Pagu Anggaran sebesar {rp_kalimat(line.pagu)}"
    text = f"{head}, Capaian Output {pct(line.capaian)} {output_phrase(line)}. "
    text += (f"Anggaran yang digunakan sebesar {rp_kalimat(line.realisasi)}, "
             f"({pct(line.realisasi_pct)})")
    if line.efisiensi is not None and line.efisiensi > 0:
        text += f", maka terdapat Efisiensi Anggaran sebesar {pct(line.efisiensi)}."
    elif line.efisiensi is not None and line.efisiensi < 0:
        text += f", melebihi pagu sebesar {pct(-line.efisiensi)}."
    else:
        text += "."
    return text


def iku_sentence(r: IkuResult, tahun: int) -> str:
    nama = lit(r.iku.nama)
    d = r.iku.desimal
    text = (f"Berdasarkan Tabel di atas dapat dijelaskan bahwa Target *{nama}* Tahun {tahun} "
            f"sebesar {num(r.target, d)} dengan Realisasi {num(r.realisasi, d)}, maka Capaian "
            f"Kinerja Tahun {tahun} atas *{nama}* sebesar {pct(r.capaian.value)}, maka capaian "
            f"atas *{nama}* **{status_capaian(r.capaian)}**")
    if r.predikat is not None:
        text += f" dengan predikat **{lit(r.predikat.predikat)}**"
        if r.predikat.kriteria:
            text += f" ({lit(r.predikat.kriteria)})"
    return text + "."


def method_sentence(cap: Capaian, batas: Decimal | None) -> str:
    """Says how capaian was computed when it is not the usual R/T, and any cap applied."""
    text = ""
    if cap.metode != c.METODE_NAIK:
        text = ("Indikator ini bersifat menurun (makin rendah makin baik), sehingga capaian "
                f"dihitung dengan rumus {METODE_TEKS[cap.metode]}.")
    if batas is not None:
        text += (" " if text else "") + f"Capaian dibatasi paling tinggi {pct(batas)}"
        if cap.capped:
            text += f" (capaian sebelum dibatasi {pct(cap.uncapped)})"
        text += "."
    return text


def _compared(what: str, tahun: int, now: str, tren: str | None, tahun_lalu: int,
              before: str) -> str:
    """'Capaian Kinerja Tahun 2024 sebesar 107,82% meningkat dibandingkan Tahun 2023 sebesar ...'"""
    if tren == TETAP:
        return f"{what} Tahun {tahun} sebesar {now} sama dengan Tahun {tahun_lalu}"
    return (f"{what} Tahun {tahun} sebesar {now} {tren_kata(tren)} dibandingkan Tahun {tahun_lalu} "
            f"sebesar {before}")


def comparison_sentence(r: IkuResult, tahun: int) -> str:
    lalu = r.tahun_lalu
    if lalu is None:
        return ""
    d = r.iku.desimal
    parts = []
    if r.capaian.value is not None and lalu.capaian.value is not None:
        parts.append(_compared("Capaian Kinerja", tahun, pct(r.capaian.value), r.tren_capaian,
                               lalu.tahun, pct(lalu.capaian.value)))
    if r.realisasi is not None and lalu.realisasi is not None:
        parts.append(_compared("Realisasi", tahun, num(r.realisasi, d), r.tren_realisasi,
                               lalu.tahun, num(lalu.realisasi, d)))
    if lalu.target is not None and r.target is not None and lalu.target != r.target:
        parts.append(f"Target Tahun {tahun} sebesar {num(r.target, d)}, sedangkan Target Tahun "
                     f"{lalu.tahun} sebesar {num(lalu.target, d)}")
    return "; ".join(parts) + "." if parts else ""


def renstra_sentence(r: IkuResult, tahun: int) -> str:
    d = r.iku.desimal
    if r.target_akhir_renstra is None:
        return ""
    if r.capaian_akhir_renstra.value is None:
        return (f"Target Akhir RENSTRA Tahun {r.tahun_akhir_renstra} sebesar "
                f"{num(r.target_akhir_renstra, d)}.")
    if tahun == r.tahun_akhir_renstra:
        kata = "merupakan tahun akhir RENSTRA, dengan"
        return (f"Tahun {tahun} {kata} Realisasi sebesar {num(r.realisasi, d)} terhadap Target "
                f"Akhir RENSTRA sebesar {num(r.target_akhir_renstra, d)} atau "
                f"{pct(r.capaian_akhir_renstra.value)}.")
    return (f"Realisasi Tahun {tahun} sebesar {num(r.realisasi, d)} telah mencapai "
            f"{pct(r.capaian_akhir_renstra.value)} dari Target Akhir RENSTRA Tahun "
            f"{r.tahun_akhir_renstra} sebesar {num(r.target_akhir_renstra, d)}.")


def counts_phrase(n_program: int, n_kegiatan: int, n_sub: int) -> str:
    return (f"{count(n_program)} Program, {count(n_kegiatan)} Kegiatan dan "
            f"{count(n_sub)} Sub Kegiatan")


def efisiensi_sentence(r: IkuResult) -> str:
    t = r.total
    if t is None:
        return ""
    text = ("Berdasarkan Tabel di atas terdapat "
            f"{counts_phrase(r.n_program, r.n_kegiatan, r.n_sub)} yang mendukung Pencapaian "
            f"Indikator Sasaran *{lit(r.iku.nama)}* dengan Pagu Anggaran sebesar "
            f"{rp_kalimat(t.pagu)} dan Realisasi Anggaran sebesar {rp_kalimat(t.realisasi)} "
            f"({pct(t.realisasi_pct)})")
    if t.efisiensi is not None and t.efisiensi > 0:
        text += f", sehingga terdapat Efisiensi Anggaran sebesar {pct(t.efisiensi)}"
    if r.capaian.value is not None:
        text += f", dengan Capaian Kinerja Indikator Sasaran sebesar {pct(r.capaian.value)}"
    return text + "."


# --- the context -------------------------------------------------------------------------------

def build_context(res: Results) -> dict:
    wb = res.wb
    p = wb.profil
    tahun = p.tahun
    awal, akhir = p.periode_renstra
    nama_lengkap = f"{p.nama_instansi} {p.nama_pemda}"
    singkatan_lengkap = f"{p.singkatan} {p.nama_pemda}"
    sources = _sources(res)
    tables = Numbering()
    ctx: dict = {}

    ctx["lkip"] = {
        "judul": "LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP)",
        "tahun": str(tahun),
        "tahun_lalu": str(tahun - 1),
        "tahun_depan": str(tahun + 1),
        "tahun_anggaran_sampul": str(p.tahun_anggaran_sampul) if p.tahun_anggaran_sampul else "",
    }
    ctx["instansi"] = {
        "nama": p.nama_instansi,
        "nama_lengkap": nama_lengkap,
        "nama_kapital": nama_lengkap.upper(),
        "nama_instansi_kapital": p.nama_instansi.upper(),
        "singkatan": p.singkatan,
        "singkatan_lengkap": singkatan_lengkap,
        "pemda": p.nama_pemda,
        "pemda_kapital": p.nama_pemda.upper(),
        "jenis_pemda": p.jenis_pemda,
        "kepala_daerah": f"{KEPALA_DAERAH.get(p.jenis_pemda, 'Kepala Daerah')} "
                         f"{_strip_jenis(p.nama_pemda, p.jenis_pemda)}",
        "provinsi": p.provinsi or "",
        "provinsi_kapital": (p.provinsi or "").upper(),
    }
    ctx["periode"] = {
        "renstra": f"{awal}-{akhir}",
        "awal": str(awal),
        "akhir": str(akhir),
        "lama": count(akhir - awal + 1),
        "sebelumnya": "{}-{}".format(*p.periode_renstra_sebelumnya) if p.periode_renstra_sebelumnya
        else "",
        "dokumen_daerah": p.dokumen_perencanaan_daerah,
        "dasar_renstra": p.dasar_renstra or "",
    }
    ctx["ttd"] = {
        "tempat": p.tempat,
        "tanggal": fmt.date(p.tanggal),
        "tempat_tanggal": f"{p.tempat}, {fmt.date(p.tanggal)}",
        "jabatan": p.kepala_jabatan,
        "jabatan_kapital": p.kepala_jabatan.upper(),
        "nama": p.kepala_nama,
        "pangkat": p.kepala_pangkat or "",
        "nip": p.kepala_nip,
    }
    ctx["logo_path"] = p.logo or ""
    ctx["bagan_path"] = p.bagan_organisasi or ""
    ctx["gambar_bagan"] = {"nomor": "1.1", "judul": f"Struktur Organisasi {nama_lengkap}"}
    ctx["sumber"] = sources

    sections = _sections(res)

    def section(key: str) -> dict:
        return narrative_block(sections.get(key, []))

    narasi = {s.key: section(s.key) for s in c.NARRATIVE_SECTIONS if not s.per_iku}
    if not sections.get("kata_pengantar"):
        narasi["kata_pengantar"] = text_block(*default_kata_pengantar(ctx))
    if not sections.get("kesimpulan"):
        narasi["kesimpulan"] = text_block(*default_kesimpulan(res, ctx))
    ctx["narasi"] = narasi
    ctx["narasi_ada"] = {key: bool(value["__paras__"]) for key, value in narasi.items()}

    # BAB I ---------------------------------------------------------------------------------
    ctx["pegawai"] = [
        tables.table(1, f"Data Pendidikan {g.kelompok} {singkatan_lengkap}", sources["pegawai"],
                     baris=[_pegawai_row(row.jenis, row.jumlah,
                                         {k: getattr(row, k) for k in row.EDUCATION})
                            for row in g.rows],
                     total=_pegawai_row("Jumlah", g.jumlah, g.totals))
        for g in res.pegawai]
    ctx["sub_kegiatan_per_kelompok"] = [
        {"kode": k.kode, "nama": k.nama, "huruf_romawi": _roman(i + 1),
         "program": [{"huruf": _LETTERS[j].upper(), "nama": prog.nama,
                      "jumlah": count(len(prog.subs)),
                      "daftar": list_block([lit(s.nama) for s in prog.subs])}
                     for j, prog in enumerate(k.programs)]}
        for i, k in enumerate(res.kelompok)]
    ctx["jumlah"] = {
        "program": count(res.n_program),
        "kegiatan": count(res.n_kegiatan),
        "sub_kegiatan": count(res.n_sub),
        "sasaran": count(len(wb.sasaran)),
        "iku": count(len(wb.iku)),
        "tujuan": count(len(wb.tujuan)),
        "program_kegiatan_sub": counts_phrase(res.n_program, res.n_kegiatan, res.n_sub),
    }

    # BAB II --------------------------------------------------------------------------------
    years = [str(y) for y in range(awal, akhir + 1)]
    renstra_rows = []
    prev_tujuan = prev_sasaran = None
    for i, r in enumerate(res.ikus, start=1):
        tujuan = r.tujuan.uraian if r.tujuan else ""
        sasaran = r.sasaran.uraian if r.sasaran else ""
        same_t = r.tujuan is not None and prev_tujuan == r.tujuan.kode
        same_s = r.sasaran is not None and prev_sasaran == r.sasaran.kode
        renstra_rows.append({
            "no": MERGE_UP if same_t else f"{len({x['tujuan_kode'] for x in renstra_rows}) + 1}.",
            "tujuan_kode": r.tujuan.kode if r.tujuan else "",
            "tujuan": MERGE_UP if same_t else tujuan,
            "sasaran": MERGE_UP if same_s else sasaran,
            "indikator": r.iku.nama,
            "satuan": r.iku.satuan,
            "target": [num(t, r.iku.desimal) for _y, t in r.renstra_targets],
        })
        prev_tujuan = r.tujuan.kode if r.tujuan else None
        prev_sasaran = r.sasaran.kode if r.sasaran else None
    ctx["renstra"] = tables.table(
        2, f"Target Tujuan dan Sasaran Jangka Menengah {singkatan_lengkap} Tahun {awal}-{akhir}",
        sources["renstra"], tahun=years, baris=renstra_rows, kolom_kosong=[""] * len(years),
        nomor_kolom=[f"({i})" for i in range(5, 5 + len(years))])
    ctx["tujuan"] = [{"kode": t.kode, "uraian": t.uraian} for t in wb.tujuan]
    ctx["sasaran"] = [{"no": count(i), "kode": s.kode, "uraian": s.uraian,
                       "indikator": ", ".join(r.iku.nama for r in res.ikus
                                              if r.sasaran and r.sasaran.kode == s.kode)}
                      for i, s in enumerate(wb.sasaran, start=1)]
    ctx["iku_tabel"] = tables.table(
        2, f"Indikator Kinerja Utama {singkatan_lengkap} Tahun {tahun}", sources["renstra"],
        baris=[{"sasaran": f"{i}. {r.sasaran.uraian}" if r.sasaran else "",
                "indikator": r.iku.nama,
                "alasan": list_block([lit(x) for x in (r.iku.alasan or "-").split("\n")],
                                     numbered=False,
                                     style=STYLE_TABLE_ITEM) if r.iku.alasan
                else text_block("-", style=STYLE_TABLE_TEXT),
                "rumus": text_block(*[lit(x) for x in (r.iku.rumus or "-").split("\n")],
                                    style=STYLE_TABLE_TEXT),
                "satuan": r.iku.satuan, "target": num(r.target_renstra, r.iku.desimal)}
               for i, r in enumerate(res.ikus, start=1)])
    ctx["iku_daftar"] = [{"ke": ORDINAL.get(i, str(i)), "no": str(i), "nama": r.iku.nama,
                          "sasaran": r.sasaran.uraian if r.sasaran else ""}
                         for i, r in enumerate(res.ikus, start=1)]
    ada_perubahan = any(s.pagu_perubahan is not None for s in wb.sub_kegiatan) or any(
        pk.anggaran_pk_perubahan is not None for pk in res.pk)
    pk_sasaran = [{"no": str(i), "sasaran": r.sasaran.uraian if r.sasaran else "",
                   "indikator": r.iku.nama, "target": num(r.target_pk, r.iku.desimal),
                   "target_perubahan": num(r.target_pk_perubahan
                                           if r.target_pk_perubahan is not None
                                           else r.target_pk, r.iku.desimal)}
                  for i, r in enumerate(res.ikus, start=1)]
    pk_program = [{"no": str(i), "program": pk.program.nama,
                   "anggaran": rp_tabel(pk.anggaran_pk if pk.anggaran_pk is not None
                                        else pk.tree_murni),
                   "anggaran_perubahan": rp_tabel(pk.anggaran_pk_perubahan
                                                  if pk.anggaran_pk_perubahan is not None
                                                  else pk.tree_pagu)}
                  for i, pk in enumerate(res.pk, start=1)]
    ctx["pk"] = tables.table(
        2, f"Perjanjian Kinerja {singkatan_lengkap} Tahun {tahun}", sources["pk"],
        sasaran=pk_sasaran, program=pk_program, total=rp_tabel(res.pk_total), ket="APBD")
    ctx["pk_perubahan"] = tables.table(
        2, f"Perjanjian Kinerja {singkatan_lengkap} Tahun APBD-Perubahan {tahun}",
        sources["pk_perubahan"], sasaran=pk_sasaran, program=pk_program,
        total=rp_tabel(res.pk_total), total_perubahan=rp_tabel(res.pk_total_perubahan),
        ket="APBD-P") if ada_perubahan else None

    # BAB III -------------------------------------------------------------------------------
    capaian_rows = []
    prev = None
    for i, r in enumerate(res.ikus, start=1):
        same = r.sasaran is not None and prev == r.sasaran.kode
        capaian_rows.append({
            "no_sasaran": MERGE_UP if same else str(_sasaran_no(res, r)),
            "sasaran": MERGE_UP if same else (r.sasaran.uraian if r.sasaran else ""),
            "no": str(i), "indikator": r.iku.nama, "satuan": r.iku.satuan,
            "target": num(r.target, r.iku.desimal), "realisasi": num(r.realisasi, r.iku.desimal),
            "capaian": pct(r.capaian.value),
            "predikat": r.predikat.predikat if r.predikat else "-",
        })
        prev = r.sasaran.kode if r.sasaran else None
    ctx["capaian"] = tables.table(3, f"Capaian Kinerja {singkatan_lengkap} Tahun {tahun}",
                                  sources["evaluasi"], baris=capaian_rows)
    ctx["capaian_ringkas"] = list_block([
        f"{lit(r.iku.nama)}, Realisasinya sebesar {num(r.realisasi, r.iku.desimal)} "
        f"{banding(r.realisasi, r.target)} Target yang ditetapkan sebesar "
        f"{num(r.target, r.iku.desimal)} dengan Tingkat Capaian sebesar {pct(r.capaian.value)}"
        + (f" (predikat {lit(r.predikat.predikat)})" if r.predikat else "") + ";"
        for r in res.ikus])
    metode_set = []
    for r in res.ikus:
        if r.iku.metode not in metode_set:
            metode_set.append(r.iku.metode)
    ctx["metode_capaian"] = text_block(*[
        METODE_TEKS[m] + (" (digunakan untuk: " + ", ".join(
            lit(r.iku.nama) for r in res.ikus if r.iku.metode == m) + ")" if len(metode_set) > 1
            else "")
        for m in metode_set], style=STYLE_FORMULA)

    ctx["iku"] = [_iku_context(res, r, i, tables, sources)
                  for i, r in enumerate(res.ikus, start=1)]
    ctx["kelompok"] = [_kelompok_context(k, tables, sources, singkatan_lengkap, tahun)
                       for k in res.kelompok]
    ctx["realisasi_anggaran_kalimat"] = text_block(
        _anggaran_sentence(res, p.singkatan, p.nama_pemda, tahun))
    ctx["total_anggaran"] = budget_row(res.total)
    ctx["prestasi"] = list_block([x.uraian + (f" ({lit(x.pemberi)})" if x.pemberi else "")
                                  for x in wb.prestasi])
    ctx["ada_prestasi"] = bool(wb.prestasi)

    # Lampiran -----------------------------------------------------------------------------
    ctx["peringkat"] = {
        "ada": bool(res.peringkat),
        "judul": "Daftar Perangkat Daerah dengan Nilai Hasil Evaluasi AKIP",
        "dasar": p.dasar_peringkat_akip or "",
        "baris": [{"no": f"{row.rank}.", "perangkat_daerah": row.row.perangkat_daerah,
                   "nilai": num(row.row.nilai, 2), "predikat": row.predikat or "-",
                   "ini": row.row.instansi_ini} for row in res.peringkat],
        "peringkat_ini": next((str(row.rank) for row in res.peringkat if row.row.instansi_ini), ""),
        "jumlah": str(len(res.peringkat)),
    }
    ctx["ikhtisar"] = {"tampil": p.ikhtisar_eksekutif,
                       "isi": ikhtisar_block(res, ctx, sections.get("ikhtisar", []))}
    ctx["daftar_tabel"] = paragraphs([paragraph(STYLE_TOF, [[e, False, False]])
                                      for e in tables.entries])
    ctx["daftar_isi"] = _toc(res, ctx)
    return ctx


def _strip_jenis(nama_pemda: str, jenis: str) -> str:
    return (nama_pemda[len(jenis):].strip() if nama_pemda.lower().startswith(jenis.lower())
            else nama_pemda)


def _roman(n: int) -> str:
    vals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def _sasaran_no(res: Results, r: IkuResult) -> int:
    for i, s in enumerate(res.wb.sasaran, start=1):
        if r.sasaran is not None and s.kode == r.sasaran.kode:
            return i
    return 0


def _pegawai_row(jenis: str, jumlah: int, values: dict) -> dict:
    row = {"jenis": jenis, "jumlah": fmt.number(jumlah, 0) if jumlah else fmt.BLANK}
    for k, v in values.items():
        row[k] = fmt.number(v, 0) if v else fmt.BLANK
    return row


def _sources(res: Results) -> dict[str, str]:
    p = res.wb.profil
    s = f"{p.singkatan} {p.nama_pemda}"
    return {
        "pegawai": p.sumber_pegawai or f"Data Umum dan Kepegawaian {s}",
        "renstra": p.sumber_renstra or f"Data RENSTRA {s} Tahun {p.periode_renstra[0]}-"
                                       f"{p.periode_renstra[1]}",
        "pk": p.sumber_pk or f"Perjanjian Kinerja {s} Tahun {p.tahun}",
        "pk_perubahan": p.sumber_pk_perubahan or f"Perjanjian Kinerja {s} Tahun APBD-P {p.tahun}",
        "evaluasi": p.sumber_evaluasi or f"Data Evaluasi Internal {s} Tahun {p.tahun}",
        "anggaran": p.sumber_anggaran or f"Data Realisasi Anggaran Tahun {p.tahun}",
        "akip": p.sumber_akip or f"Data Hasil Evaluasi AKIP {s} Tahun {p.tahun}",
    }


def _scale_table(skala: Skala, tables: Numbering) -> dict:
    return tables.table(
        3, skala.nama or f"Skala Predikat {skala.kode}", skala.sumber or "",
        baris=[{"no": f"{i}.", "interval": interval_text(k), "kriteria": k.kriteria or "-",
                "predikat": k.predikat} for i, k in enumerate(skala.kelas, start=1)])


def _komposit_block(rows) -> dict:
    items = []
    for row in rows:
        items.append(paragraph(STYLE_FORMULA_TITLE, [[row.uraian, True, False]]))
        items.append(paragraph(STYLE_FORMULA, [["= " + (row.rumus_teks or ""), False, False]]))
        for step in row.langkah:
            items.append(paragraph(STYLE_FORMULA, [["= " + step, False, False]]))
    return paragraphs(items)


def _ip_context(ipr: IpResult, n: int, tahun: int) -> dict:
    ip = ipr.ip
    subs = [{"no": f"{i})", "nama": line.nama, "kalimat": text_block(sub_kegiatan_sentence(line))}
            for i, line in enumerate(ipr.subs, start=1)]
    return {
        "no": str(n), "kode": ip.kode, "nama": ip.nama, "satuan": ip.satuan,
        "target": _ip_value(ipr.target, ip), "realisasi": _ip_value(ipr.realisasi, ip),
        "capaian": pct(ipr.capaian.value),
        "kalimat": (f"{ip.nama} Tahun {tahun} dengan Capaian Kinerja sebesar "
                    f"{pct(ipr.capaian.value)} didukung oleh {count(len(ipr.subs))} Sub Kegiatan. "
                    "Berikut Analisis dan Evaluasi Sub Kegiatan yang mendukung Indikator ini:")
        if ipr.subs else
        f"{ip.nama} Tahun {tahun} dengan Capaian Kinerja sebesar {pct(ipr.capaian.value)}.",
        "sub_kegiatan": subs,
        "komposit": _komposit_block(ipr.komposit),
    }


def _ip_value(value: Decimal | None, ip) -> str:
    if ip.satuan.strip() == "%":
        return pct(value)
    return num(value, ip.desimal)


def _iku_context(res: Results, r: IkuResult, i: int, tables: Numbering,
                 sources: dict[str, str]) -> dict:
    wb = res.wb
    tahun = wb.profil.tahun
    d = r.iku.desimal
    nama = r.iku.nama
    sumber = r.iku.sumber or sources["evaluasi"]
    narasi = {s.key: narrative_block(r.narasi.get(s.key, ())) for s in c.NARRATIVE_SECTIONS
              if s.per_iku}
    out: dict = {
        "no": str(i), "kode": r.iku.kode, "nama": nama, "satuan": r.iku.satuan,
        "sasaran_no": str(_sasaran_no(res, r)),
        "sasaran": r.sasaran.uraian if r.sasaran else "",
        "ke": ORDINAL.get(i, str(i)),
        "target": num(r.target, d), "realisasi": num(r.realisasi, d),
        "capaian": pct(r.capaian.value), "status": status_capaian(r.capaian),
        "predikat": r.predikat.predikat if r.predikat else "",
        "kriteria": (r.predikat.kriteria or "") if r.predikat else "",
        "metode": METODE_TEKS[r.iku.metode],
        "narasi": narasi,
        "narasi_ada": {key: bool(value["__paras__"]) for key, value in narasi.items()},
    }
    out["skala"] = _scale_table(r.skala, tables) if r.skala else None
    out["program_pendukung"] = list_block([lit(p.nama) for p in r.programs], numbered=True)
    out["jumlah_program"] = count(r.n_program)
    out["jumlah_kegiatan"] = count(r.n_kegiatan)
    out["jumlah_sub_kegiatan"] = count(r.n_sub)
    out["jumlah_kalimat"] = counts_phrase(r.n_program, r.n_kegiatan, r.n_sub)
    out["analisis"] = tables.table(3, f"Analisis Pencapaian Indikator Kinerja Utama {nama}", sumber)
    out["kalimat_capaian"] = text_block(iku_sentence(r, tahun), method_sentence(r.capaian,
                                                                                  r.iku.batas_capaian))
    out["ada_komposit"] = bool(r.komposit)
    out["komposit"] = _komposit_block(r.komposit)
    out["akip"] = tables.table(
        3, f"Rincian Hasil Evaluasi {wb.profil.singkatan} {wb.profil.nama_pemda} Tahun {tahun}",
        wb.profil.sumber_akip or sources["akip"],
        baris=[{"no": str(j), "komponen": k.komponen, "bobot": fmt.number(k.bobot, None, trim=True),
                "nilai": num(k.nilai, 2)} for j, k in enumerate(wb.evaluasi_akip, start=1)],
        total_bobot=(fmt.number(res.akip_bobot, None, trim=True)
                     if res.akip_bobot is not None else "-"),
        total_nilai=num(res.akip_total, 2),
        predikat=res.akip_predikat.predikat if res.akip_predikat else "-",
        catatan=list_block([f"**{lit(k.komponen)}**, {k.catatan}" for k in wb.evaluasi_akip
                            if k.catatan],
                           numbered=True)) if r.is_akip and wb.evaluasi_akip else None
    # comparison with earlier years
    out["ada_riwayat"] = bool(r.riwayat)
    if r.riwayat:
        cols = [{"tahun": str(y.tahun), "target": num(y.target, d),
                 "realisasi": num(y.realisasi, d), "capaian": pct(y.capaian.value)}
                for y in r.riwayat]
        cols.append({"tahun": str(tahun), "target": num(r.target, d),
                     "realisasi": num(r.realisasi, d), "capaian": pct(r.capaian.value)})
        out["perbandingan"] = tables.table(
            3, f"Perbandingan Realisasi Kinerja dan Capaian Kinerja Sasaran Tahun {tahun} dengan "
               f"Tahun Sebelumnya untuk Indikator Kinerja Sasaran {nama}", sumber, kolom=cols,
            tahun=[col["tahun"] for col in cols])
        out["tren"] = tren_kata(r.tren_capaian)
    else:
        out["perbandingan"] = None
        out["tren"] = ""
    out["kalimat_perbandingan"] = text_block(comparison_sentence(r, tahun))
    # indikator program
    out["indikator_program"] = [_ip_context(ipr, n, tahun)
                                for n, ipr in enumerate(r.indikator_program, start=1)]
    out["ip_tabel"] = tables.table(
        3, f"Indikator Capaian Program Pendukung Indikator Kinerja Sasaran {nama}", sumber) \
        if r.indikator_program else None
    # renstra end target
    out["renstra"] = tables.table(
        3, f"Perbandingan Realisasi Indikator Kinerja Sasaran {nama} Tahun {tahun} terhadap Target "
           f"Akhir RENSTRA {wb.profil.singkatan} {wb.profil.nama_pemda} Tahun "
           f"{wb.profil.periode_renstra[0]}-{wb.profil.periode_renstra[1]}", sumber,
        target=num(r.target, d), realisasi=num(r.realisasi, d),
        tahun_akhir=str(r.tahun_akhir_renstra), target_akhir=num(r.target_akhir_renstra, d),
        capaian_akhir=pct(r.capaian_akhir_renstra.value)) \
        if r.target_akhir_renstra is not None else None
    out["kalimat_renstra"] = text_block(renstra_sentence(r, tahun))
    # budget
    out["anggaran"] = tables.table(
        3, f"Alokasi dan Realisasi Anggaran serta Tingkat Efisiensi Penggunaan Anggaran untuk "
           f"Indikator Sasaran {nama}", sources["anggaran"],
        baris=budget_rows(r.programs, nama), total=budget_row(r.total) if r.total else None) \
        if r.programs else None
    out["kalimat_efisiensi"] = text_block(efisiensi_sentence(r))
    out["kalimat_program"] = (f"Dalam mencapai Kinerja Indikator Sasaran Strategis "
                              f"{ORDINAL.get(i, str(i)).capitalize()} tersebut "
                              f"{wb.profil.singkatan} {wb.profil.nama_pemda} melaksanakan "
                              f"{count(r.n_program)} Program "
                              f"dengan {count(r.n_sub)} Sub Kegiatan.") if r.programs else ""
    return out


def _kelompok_context(k, tables: Numbering, sources: dict[str, str], singkatan_lengkap: str,
                      tahun: int) -> dict:
    return tables.table(
        3, f"Realisasi {k.nama} ({k.kode}) {singkatan_lengkap} Tahun {tahun}", sources["anggaran"],
        kode=k.kode, nama=k.nama, baris=budget_rows(k.programs), total=budget_row(k.total))


def _anggaran_sentence(res: Results, singkatan: str, pemda: str, tahun: int) -> str:
    parts = []
    for k in res.kelompok:
        t = k.total
        if t.pagu_murni is not None and t.pagu_murni != t.pagu:
            parts.append(f"Anggaran {k.nama} (*{k.kode}*) yang mengalami Perubahan Pagu Anggaran "
                         f"yang semula (*murni*) sebesar {rp_kalimat(t.pagu_murni)} menjadi "
                         f"{rp_kalimat(t.pagu)} pada APBD-Perubahan dengan realisasi "
                         f"{rp_kalimat(t.realisasi)} ({pct(t.realisasi_pct)})")
        else:
            parts.append(f"Anggaran {k.nama} (*{k.kode}*) sebesar {rp_kalimat(t.pagu)} dengan "
                         f"realisasi {rp_kalimat(t.realisasi)} ({pct(t.realisasi_pct)})")
    if not parts:
        return ""
    text = (f"Untuk mendukung Pencapaian Sasaran sesuai Tugas Pokok dan Fungsi {lit(singkatan)} "
            f"{lit(pemda)} "
            f"pada Tahun Anggaran {tahun} didukung dengan " + ", serta ".join(parts) + ".")
    if len(res.kelompok) > 1:
        t = res.total
        text += (f" Secara keseluruhan Pagu Anggaran sebesar {rp_kalimat(t.pagu)} terealisasi "
                 f"sebesar {rp_kalimat(t.realisasi)} ({pct(t.realisasi_pct)}), sehingga terdapat "
                 f"Efisiensi Anggaran sebesar {pct(t.efisiensi)}.")
    return text


def default_kata_pengantar(ctx: dict) -> list[str]:
    i = {k: lit(v) for k, v in ctx["instansi"].items()}
    lk, pr = ctx["lkip"], ctx["periode"]
    return [
        f"Puji syukur ke hadirat Tuhan Yang Maha Esa, Laporan Kinerja Instansi Pemerintah (*LKIP*) "
        f"{i['nama_lengkap']} Tahun {lk['tahun']} dapat diselesaikan.",
        f"Laporan ini menyajikan capaian kinerja {i['singkatan_lengkap']} selama Tahun "
        f"{lk['tahun']} yang diukur dari Indikator Kinerja Utama dalam Rencana Strategis Tahun "
        f"{pr['renstra']} dan Perjanjian Kinerja Tahun {lk['tahun']}, beserta realisasi anggaran "
        "yang mendukungnya.",
        "Semoga laporan ini bermanfaat sebagai bahan evaluasi dan perbaikan kinerja di masa "
        "mendatang.",
    ]


def default_kesimpulan(res: Results, ctx: dict) -> list[str]:
    i, lk = {k: lit(v) for k, v in ctx["instansi"].items()}, ctx["lkip"]
    met = sum(1 for r in res.ikus if r.capaian.value is not None and r.capaian.value >= HUNDRED)
    t = res.total
    return [
        f"Pada Tahun {lk['tahun']} {i['singkatan_lengkap']} memiliki {count(len(res.wb.sasaran))} "
        f"Sasaran Strategis dengan {count(len(res.ikus))} Indikator Kinerja Utama; "
        f"{count(met)} di antaranya mencapai atau melampaui target.",
        f"Realisasi anggaran sebesar {rp_kalimat(t.realisasi)} dari pagu {rp_kalimat(t.pagu)} "
        f"({pct(t.realisasi_pct)}).",
    ]


def ikhtisar_block(res: Results, ctx: dict, extra) -> dict:
    i, lk = {k: lit(v) for k, v in ctx["instansi"].items()}, ctx["lkip"]
    t = res.total
    items = [paragraph(STYLE_BODY, runs(
        f"Laporan Kinerja {i['singkatan_lengkap']} Tahun {lk['tahun']} mengukur "
        f"{count(len(res.ikus))} Indikator Kinerja Utama untuk {count(len(res.wb.sasaran))} "
        f"Sasaran Strategis, dengan hasil sebagai berikut:"))]
    for n, r in enumerate(res.ikus, start=1):
        items.append(paragraph(STYLE_ITEM1, [[f"{n}.\t", False, False]] + runs(
            f"**{lit(r.iku.nama)}**: target {num(r.target, r.iku.desimal)}, realisasi "
            f"{num(r.realisasi, r.iku.desimal)}, capaian {pct(r.capaian.value)} "
            f"({status_capaian(r.capaian)})"
            + (f", predikat {lit(r.predikat.predikat)}" if r.predikat else "") + ".")))
    items.append(paragraph(STYLE_BODY, runs(
        f"Kinerja tersebut didukung oleh {counts_phrase(res.n_program, res.n_kegiatan, res.n_sub)} "
        f"dengan Pagu Anggaran {rp_kalimat(t.pagu)} dan realisasi {rp_kalimat(t.realisasi)} "
        f"({pct(t.realisasi_pct)}), sehingga terdapat efisiensi anggaran {pct(t.efisiensi)}.")))
    if res.akip_total is not None:
        items.append(paragraph(STYLE_BODY, runs(
            f"Nilai Hasil Evaluasi AKIP sebesar {num(res.akip_total, 2)}"
            + (f" dengan predikat **{lit(res.akip_predikat.predikat)}**" if res.akip_predikat
               else "")
            + ".")))
    items.extend(narrative_block(extra)["__paras__"])
    return paragraphs(items)


def _toc(res: Results, ctx: dict) -> dict:
    """Cached table of contents (Word refreshes it with page numbers when the file is opened)."""
    entries = [("KATA PENGANTAR", 1), ("DAFTAR ISI", 1), ("DAFTAR TABEL", 1)]
    if ctx["ikhtisar"]["tampil"]:
        entries.append(("IKHTISAR EKSEKUTIF", 1))
    entries += [("BAB I PENDAHULUAN", 1), ("1.1 LATAR BELAKANG", 2),
                ("1.2 TUGAS, FUNGSI DAN STRUKTUR ORGANISASI", 2),
                ("1.3 ASPEK STRATEGIS ORGANISASI", 2),
                ("1.4 SUB KEGIATAN DAN LAYANAN PRODUK ORGANISASI", 2),
                ("1.5 SISTEMATIKA PENYAJIAN", 2),
                ("BAB II PERENCANAAN KINERJA", 1), ("2.1 RENCANA STRATEGIS", 2),
                (f"2.2 PERJANJIAN KINERJA {ctx['lkip']['tahun']}", 2),
                ("BAB III AKUNTABILITAS KINERJA", 1), ("3.1 CAPAIAN KINERJA ORGANISASI", 2),
                ("3.2 ANALISIS CAPAIAN INDIKATOR KINERJA UTAMA", 2), ("3.3 REALISASI ANGGARAN", 2),
                ("3.4 PRESTASI ORGANISASI", 2), ("BAB IV PENUTUP", 1), ("4.1 KESIMPULAN", 2)]
    if ctx["peringkat"]["ada"]:
        entries.append(("LAMPIRAN", 1))
    return paragraphs([paragraph(STYLE_TOC1 if level == 1 else STYLE_TOC2, [[text, False, False]])
                       for text, level in entries])
