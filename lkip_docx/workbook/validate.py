"""Rules across rows and sheets: references that must exist, values that must agree, budgets that
must add up. Each rule returns problems at the cell that breaks it; none stops the others."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from lkip_docx import fmt
from lkip_docx.fmt import money, number, percent
from lkip_docx.numbers import HUNDRED, known
from lkip_docx.problems import Location, Problem, error, warning
from lkip_docx.workbook import contract as c
from lkip_docx.workbook import kinds
from lkip_docx.workbook.images import NOT_FOUND, NOT_IMAGE, OUTSIDE, picture_problem
from lkip_docx.workbook.model import Workbook
from lkip_docx.workbook.scales import check_scale, group_scales


def _fold(value: str | None) -> str | None:
    return value.casefold() if isinstance(value, str) else None


def check_references(wb: Workbook) -> list[Problem]:
    """Every column the contract declares with ``ref`` names a code of that sheet (in any case)."""
    problems: list[Problem] = []
    for spec in c.SHEETS:
        for col, target in c.references(spec):
            code_key = target.code_column.key
            defined = {_fold(getattr(r, code_key)) for r in wb.records(target.key)}
            for record in wb.records(spec.key):
                value = getattr(record, col.key)
                message = _unknown_reference(wb, col, target, defined, value) if value else None
                if message:
                    problems.append(error("unknown-reference", message,
                                          loc=record.src.at(col.key)))
    return problems


def _unknown_reference(wb: Workbook, col: c.Column, target: c.Sheet, defined: set[str | None],
                       value: str) -> str | None:
    """Why ``value`` names no code of ``target`` (None: it does)."""
    for derived in target.derived_codes:
        if _fold(value) == _fold(derived.code):
            if wb.records(derived.source):
                return None
            # The source sheet (Evaluasi AKIP) is optional, so nothing else says why the
            # indicator would be left without a realisasi (and its capaian undefined) in the
            # report.
            return (f"{col.header} '{value}' memakai nilai dari lembar "
                    f"{c.sheet(derived.source).name}, tetapi lembar itu kosong atau tidak ada")
    if _fold(value) in defined:
        return None
    return f"{col.header} '{value}' tidak ada di lembar {target.name}"


SUSPICIOUS_PERCENT = Decimal("1.5")


def check_sub_kegiatan(wb: Workbook) -> list[Problem]:
    problems: list[Problem] = []
    ip_by = {_fold(ip.kode): ip for ip in wb.indikator_program}
    for s in wb.sub_kegiatan:
        src = s.src
        if s.pagu_murni is None and s.pagu_perubahan is None and not \
                {"pagu_murni", "pagu_perubahan"} & src.invalid:
            problems.append(error("required-empty",
                                  "Pagu Murni atau Pagu Perubahan wajib diisi (pagu murni kosong "
                                  "berarti sub kegiatan ditambahkan pada APBD-Perubahan)",
                                  loc=src.at("pagu_perubahan")))
        pagu = s.pagu
        # A realisasi (or output) marked not available is warned about where it is read; no
        # rule below compares it with anything.
        if pagu is not None and known(s.realisasi):
            if s.realisasi > pagu:
                problems.append(warning("realisasi-above-pagu",
                                        f"realisasi Rp{_m(s.realisasi)} melebihi pagu Rp{_m(pagu)}",
                                        loc=src.at("realisasi")))
            if pagu == 0:
                problems.append(warning("pagu-zero", "pagu bernilai 0: persentase realisasi tidak "
                                                     "dapat dihitung",
                                        loc=src.at("pagu_perubahan" if s.pagu_perubahan is not None
                                                     else "pagu_murni")))
        if s.target_output is not None and s.target_output == 0:
            problems.append(error("target-zero", "Target Output bernilai 0: capaian output tidak "
                                                 "dapat dihitung", loc=src.at("target_output")))
        elif s.target_output is None and s.capaian_output is None and not \
                {"target_output", "capaian_output"} & src.invalid:
            problems.append(error("required-empty",
                                  "Capaian Output (%) wajib diisi jika Target Output kosong",
                                  loc=src.at("capaian_output")))
        if s.target_output and known(s.realisasi_output) and known(s.capaian_output):
            computed = s.realisasi_output / s.target_output * HUNDRED
            if abs(computed - s.capaian_output) > Decimal("0.01"):
                problems.append(warning(
                    "capaian-mismatch",
                    f"Capaian Output diketik {_pct(s.capaian_output)} tetapi Realisasi/Target "
                    f"Output = {_pct(computed)}; yang dipakai hasil hitungan",
                    loc=src.at("capaian_output")))
        for key in ("target_output", "realisasi_output"):
            value = getattr(s, key)
            if known(value) and value < 0:
                problems.append(error("negative-number",
                                      f"{c.SUB_KEGIATAN.column(key).header} tidak boleh negatif",
                                      loc=src.at(key)))
        if s.target_output is None and known(s.capaian_output) and \
                0 < s.capaian_output <= SUSPICIOUS_PERCENT:
            # =R/T typed into a General-format cell gives 1 for 100%: a percentage this small
            # is far more often that than a real result.
            problems.append(warning(
                "percent-suspicious",
                f"Capaian Output {fmt.number(s.capaian_output, None, trim=True)}% sangat kecil; "
                f"jika maksudnya {fmt.number(s.capaian_output * HUNDRED, None, trim=True)}%, ketik "
                "angka persennya atau format sel sebagai persen", loc=src.at("capaian_output")))
        if known(s.capaian_output) and s.capaian_output < 0:
            problems.append(error("negative-number", "Capaian Output tidak boleh negatif",
                                  loc=src.at("capaian_output")))
        if not s.kode_indikator_program and not s.kode_iku and not \
                {"kode_indikator_program", "kode_iku"} & src.invalid:
            problems.append(error("required-empty",
                                  "Kode Indikator Program atau Kode IKU wajib diisi (IKU yang "
                                  "didukung sub kegiatan ini)", loc=src.at("kode_iku")))
        if s.kode_indikator_program and s.kode_iku:
            ip = ip_by.get(_fold(s.kode_indikator_program))
            if ip is not None and _fold(ip.kode_iku) != _fold(s.kode_iku):
                problems.append(error(
                    "inconsistent-reference",
                    f"Kode IKU '{s.kode_iku}' berbeda dengan IKU indikator program "
                    f"'{ip.kode}' ('{ip.kode_iku}')", loc=src.at("kode_iku")))
    return problems


def check_tree(wb: Workbook) -> list[Problem]:
    """Programs and kegiatan without children are probably rows left behind."""
    problems: list[Problem] = []
    keg_with_subs = {_fold(s.kode_kegiatan) for s in wb.sub_kegiatan}
    prog_with_keg = {_fold(k.kode_program) for k in wb.kegiatan}
    for k in wb.kegiatan:
        if _fold(k.kode) not in keg_with_subs:
            problems.append(warning("empty-kegiatan", f"kegiatan '{k.kode}' tidak memiliki sub "
                                                      "kegiatan; tidak muncul di laporan",
                                    loc=k.src.at("kode")))
    for p in wb.program:
        if _fold(p.kode) not in prog_with_keg:
            problems.append(warning("empty-program", f"program '{p.kode}' tidak memiliki "
                                                     "kegiatan; tidak muncul di laporan",
                                    loc=p.src.at("kode")))
    return problems


def check_indicators(wb: Workbook) -> list[Problem]:
    problems: list[Problem] = []
    for ip in wb.indikator_program:
        if ip.realisasi is None and not ip.kode_indeks and "realisasi" not in ip.src.invalid:
            problems.append(error("realisasi-empty", "Realisasi belum diisi (atau isi Kode Indeks "
                                                     "Realisasi)", loc=ip.src.at("realisasi")))
    tahun = wb.profil.tahun
    awal, akhir = wb.profil.periode_renstra
    if tahun and awal and not awal <= tahun <= akhir:
        problems.append(warning("year-outside-renstra",
                                f"Tahun Kinerja {tahun} di luar Periode Renstra {awal}-{akhir}",
                                loc=wb.profil.src.at("tahun")))
    for i in wb.iku:
        if i.batas_capaian is not None and i.batas_capaian < HUNDRED:
            problems.append(warning("cap-below-100", "Batas Atas Capaian di bawah 100%",
                                    loc=i.src.at("batas_capaian")))
    for n in wb.narasi:
        section = next(s for s in c.NARRATIVE_SECTIONS if s.key == n.bagian)
        if section.per_iku and not n.kode_iku and "kode_iku" not in n.src.invalid:
            problems.append(error("required-empty", f"Kode IKU wajib diisi untuk bagian "
                                                    f"'{section.label}'", loc=n.src.at("kode_iku")))
    return problems


_BOUNDS = frozenset({"bawah", "bawah_inklusif", "atas", "atas_inklusif"})


def check_scales(wb: Workbook) -> list[Problem]:
    problems: list[Problem] = []
    for skala in group_scales(wb.skala).values():
        # A bound that could not be read is already reported at its cell; read as "no bound" it
        # would also make the band overlap or leave gaps with its neighbours, and those problems,
        # at other cells, would vanish once the one real mistake is fixed.
        if any(_BOUNDS & k.src.invalid for k in skala.kelas):
            continue
        problems.extend(check_scale(skala))
    return problems


def check_akip(wb: Workbook) -> list[Problem]:
    problems: list[Problem] = []
    if wb.evaluasi_akip:
        # A Bobot or Nilai that could not be read (or is blank) is already reported and stands
        # as 0 in the model: it must not also break the sum or the comparison.
        total = sum((k.bobot for k in wb.evaluasi_akip), Decimal(0))
        bobot_known = not any("bobot" in k.src.invalid for k in wb.evaluasi_akip)
        if total != HUNDRED and bobot_known:
            first = wb.evaluasi_akip[0]
            problems.append(warning("akip-weight-sum", f"jumlah Bobot komponen AKIP {_n(total)}, "
                                                       "bukan 100", loc=first.src.at("bobot")))
        for k in wb.evaluasi_akip:
            if {"bobot", "nilai"} & k.src.invalid:
                continue
            if k.nilai > k.bobot:
                problems.append(error("akip-nilai-above-bobot",
                                      f"Nilai {_n(k.nilai)} melebihi Bobot {_n(k.bobot)}",
                                      loc=k.src.at("nilai")))
    mine = [r for r in wb.peringkat_akip if r.instansi_ini]
    for extra in mine[1:]:
        problems.append(error("duplicate-code", "'Instansi Ini' hanya boleh Ya pada satu baris",
                              loc=extra.src.at("instansi_ini")))
    return problems


def check_setelan(wb: Workbook) -> list[Problem]:
    """The kind of unit, its Perjanjian Kinerja parties and its budget agree with each other and
    with the sheets: what a kind needs is filled in, and no setting contradicts another."""
    p = wb.profil
    if not p.src.coords or "jenis_unit" in p.src.invalid:
        # A Profil that could not be read, or an unknown kind, is already reported; every rule
        # below depends on them.
        return []
    jenis = kinds.jenis_of(p)
    kind = f"Jenis Unit Pelapor '{jenis.nama}'"
    problems: list[Problem] = []

    def need(key: str, why: str) -> None:
        if getattr(p, key) is not None or key in p.src.invalid or not p.src.sheet:
            return
        label = c.PROFIL.field(key).label
        if key not in p.src.coords:  # the row itself is missing (as bind reports one)
            problems.append(error(
                "missing-field", f"isian '{label}' tidak ada; tambahkan baris dengan Isian "
                                 f"'{label}' dan isi kolom Nilai (wajib untuk {kind})",
                loc=Location(p.src.sheet, "A:A")))
            return
        problems.append(error("required-empty", f"{label} wajib diisi untuk {kind}{why}",
                              loc=p.src.at(key)))

    if jenis.pemda_wajib:
        need("jenis_pemda", "")
        need("nama_pemda", "")
    if jenis.nip_wajib:
        need("kepala_nip", "; penandatangan tanpa NIP (kepala daerah, menteri) melapor sebagai "
                           "'Pemerintah Daerah' atau 'Kementerian/Lembaga'")
    if jenis.induk_wajib:
        need("instansi_induk", " (dicetak di sampul di bawah nama unit, mis. Kantor Wilayah atau "
                               "Pengadilan Tinggi)")
    if jenis.pihak_kedua == kinds.PIHAK_WAJIB:
        need("pk_pihak_kedua_jabatan", " (atasan yang menandatangani Perjanjian Kinerja, mis. "
                                       "Kepala Kantor Wilayah atau Ketua Pengadilan Tinggi)")
    problems.extend(_pk_parties(p))
    problems.extend(_budget_setting(wb, jenis))
    if p.tingkat_anggaran and kinds.tingkat_anggaran(p.tingkat_anggaran) is None:
        problems.append(error(
            "invalid-setting",
            f"Sebutan Tingkat Anggaran '{p.tingkat_anggaran}' harus berisi tiga sebutan dipisah "
            "titik koma, mis. 'Program; Kegiatan; Rincian Output'",
            loc=p.src.at("tingkat_anggaran")))
    return problems


def _pk_parties(p) -> list[Problem]:
    """The two parties of the Perjanjian Kinerja are two offices ("antara Wali Kota Dumai dan Wali
    Kota Dumai" is a pemerintah daerah's own report, not a perangkat daerah's)."""
    setelan = kinds.resolve(p)
    kedua, pertama = setelan.pihak_kedua, setelan.pihak_pertama
    if kedua is None or not kinds.same_office(kedua.jabatan, pertama.jabatan):
        return []
    if p.pk_pihak_kedua_jabatan:
        where, what = "pk_pihak_kedua_jabatan", "Jabatan Pihak Kedua PK"
        hint = "; isi jabatan atasan yang memberi amanah"
    else:
        where, what = "jenis_unit", "kepala daerah (pihak kedua bawaan Perangkat Daerah)"
        hint = "; laporan kepala daerah sendiri: pilih Jenis Unit Pelapor 'Pemerintah Daerah'"
    return [error("setting-conflict",
                  f"Perjanjian Kinerja antara '{kedua.jabatan}' dan '{pertama.jabatan}': {what} "
                  f"sama dengan pihak pertama{hint}", loc=p.src.at(where))]


def _budget_setting(wb: Workbook, jenis: kinds.Jenis) -> list[Problem]:
    """The budget shape fits the kind (a perangkat daerah has no DIPA, a vertical unit no APBD),
    and a report without a budget has no budget rows."""
    p = wb.profil
    if "bentuk_anggaran" in p.src.invalid:
        return []
    bentuk = kinds.bentuk_anggaran(p.jenis_unit, p.bentuk_anggaran)
    if bentuk not in jenis.bentuk_anggaran:
        allowed = " atau ".join(f"'{b}'" for b in jenis.bentuk_anggaran)
        return [error("setting-conflict",
                      f"Bentuk Anggaran '{bentuk}' tidak sesuai dengan Jenis Unit Pelapor "
                      f"'{jenis.nama}'; pilih {allowed}, atau ubah Jenis Unit Pelapor",
                      loc=p.src.at("bentuk_anggaran"))]
    if bentuk != c.ANGGARAN_TIDAK_ADA:
        return []
    filled = [c.sheet(key).name for key in ("program", "kegiatan", "sub_kegiatan")
              if wb.records(key)]
    if not filled:
        return []
    return [error("setting-conflict",
                  f"Bentuk Anggaran 'Tidak Ada', tetapi lembar {', '.join(filled)} berisi data; "
                  "kosongkan lembar itu atau pilih bentuk anggaran (APBD atau APBN/DIPA)",
                  loc=p.src.at("bentuk_anggaran"))]


#: The longest text each name may be for its place in the report: a name printed in a narrow
#: table column, a heading or a list entry. Longer, it still prints, but the table column or
#: the contents line grows out of shape: a warning, so the agency can shorten it.
REPORT_TEXT_LIMITS = {
    ("program", "nama"): 200, ("kegiatan", "nama"): 200, ("sub_kegiatan", "nama"): 200,
    ("sub_kegiatan", "uraian_output"): 250, ("iku", "nama"): 150,
    ("indikator_program", "nama"): 200, ("sasaran", "uraian"): 300, ("tujuan", "uraian"): 300,
    ("peringkat_akip", "perangkat_daerah"): 150, ("evaluasi_akip", "komponen"): 150,
}


def check_text_lengths(wb: Workbook) -> list[Problem]:
    """A name longer than its place in the report holds well (REPORT_TEXT_LIMITS)."""
    problems = []
    for (sheet_key, column_key), limit in REPORT_TEXT_LIMITS.items():
        for row in getattr(wb, sheet_key, ()):
            text = getattr(row, column_key, None)
            if isinstance(text, str) and len(text) > limit:
                problems.append(warning(
                    "text-long-for-report",
                    f"teks {len(text)} karakter, lebih panjang dari {limit} karakter yang muat "
                    "dengan baik di tempatnya dalam laporan (kolom tabel, judul, daftar); "
                    "pertimbangkan menyingkatnya", loc=row.src.at(column_key)))
    return problems


def check_images(wb: Workbook, workbook_path: Path | None) -> list[Problem]:
    """Every picture the workbook names (logo, organisation chart, prestasi pictures, the
    lampiran's scan): a PNG or JPG file in the workbook's folder. A missing or broken picture is
    a warning at its cell; the report is built without it."""
    if workbook_path is None:
        return []
    folder = workbook_path.parent
    problems = []
    named = [(wb.profil.logo, wb.profil.src.at("logo"), "logo", "logo"),
             (wb.profil.bagan_organisasi, wb.profil.src.at("bagan_organisasi"),
              "bagan organisasi", "bagan-organisasi"),
             (wb.profil.gambar_lampiran, wb.profil.src.at("gambar_lampiran"), "gambar lampiran",
              "picture")]
    named += [(x.gambar, x.src.at("gambar"), "gambar prestasi", "picture") for x in wb.prestasi]
    for name, loc, what, prefix in named:
        if not name:
            continue
        kind = picture_problem(folder, name)
        if kind == OUTSIDE:
            problems.append(warning("picture-outside-folder",
                                    f"berkas {what} '{name}' harus berada di folder workbook "
                                    "(tulis nama berkasnya saja, tanpa folder lain atau '..'); "
                                    "laporan dibuat tanpa gambar itu", loc=loc))
        elif kind == NOT_FOUND:
            # the picture codes written out whole: each code of docs/errors.md must stand
            # literally in the source (tests/test_errors_doc.py), which f"{prefix}-..." is not
            message = (f"berkas {what} '{name}' tidak ditemukan di folder workbook; laporan "
                       "dibuat tanpa gambar itu")
            if prefix == "picture":
                problems.append(warning("picture-not-found", message, loc=loc))
            else:
                problems.append(warning(f"{prefix}-not-found", message, loc=loc))
        elif kind == NOT_IMAGE:
            message = (f"berkas {what} '{name}' bukan gambar PNG atau JPG yang utuh (mungkin "
                       "rusak atau terpotong); laporan dibuat tanpa gambar itu")
            if prefix == "picture":
                problems.append(warning("picture-not-image", message, loc=loc))
            else:
                problems.append(warning(f"{prefix}-not-image", message, loc=loc))
    return problems


def _n(value: Decimal) -> str:
    # Numbers in messages read as the user typed them in Indonesian: 99,5 (not 99.5, or 1E+2).

    return number(value, None, trim=True)


def _pct(value: Decimal) -> str:
    # fmt rounds with enough digits: quantize() in the default context raised InvalidOperation
    # for a Target Output of 1E-300 (a ratio of 1E+302 %).

    return percent(value, places=2)


def _m(value: Decimal) -> str:
    return money(value)


def validate(wb: Workbook, workbook_path: Path | None = None) -> list[Problem]:
    """Every cross-sheet rule; problems from the cell-level reading are not repeated here."""
    problems: list[Problem] = []
    for rule in (check_references, check_sub_kegiatan, check_tree, check_indicators,
                 check_scales, check_akip, check_text_lengths, check_setelan):
        problems.extend(rule(wb))
    problems.extend(check_images(wb, workbook_path))
    return problems
