"""Every kind of reporting unit: each sample report reads as its own kind of agency wrote it.

The samples are a perangkat daerah (Bekasi, tests/test_report.py), a vertical unit with a DIPA and
a semester report (Lapas Sampara), a court without a budget (PA Rantau Pandan) and a pemerintah
daerah's own LKjIP (Kabupaten Wanasari). Each is built from its workbook and compared with a
reviewed text snapshot (tests/snapshots/<sample>.txt; regenerate with LKIP_UPDATE_SNAPSHOT=1 after
reviewing the diff), and no sentence of another kind of agency may appear in it. A workbook of
layout 1.0 still builds the same report, and ``lkip upgrade`` converts it without changing it.
"""

from __future__ import annotations

import difflib
import io
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIELDS_ADDED_IN_2_0, to_layout_1_0
from docx import Document
from docx.oxml.ns import qn
from test_report import body_lines, style_id, text_of

from lkip_docx.api import check_workbook, compute_workbook, upgrade_workbook
from lkip_docx.build import render_report
from lkip_docx.cli import main
from lkip_docx.problems import LkipError
from lkip_docx.report import sentences
from lkip_docx.workbook import contract as c
from lkip_docx.workbook import kinds

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
BEKASI = SAMPLES / "lkip-2024-diskominfostandi-bekasi.xlsx"
LAPAS = SAMPLES / "lkjip-2025-semester1-lapas-sampara.xlsx"
PENGADILAN = SAMPLES / "lkjip-2024-pengadilan-agama-rantau-pandan.xlsx"
PEMDA = SAMPLES / "lkjip-2025-pemerintah-kabupaten-wanasari.xlsx"
ALL = (BEKASI, LAPAS, PENGADILAN, PEMDA)

#: Words that belong to another kind of agency than the sample's: each must not appear anywhere
#: in its report (whole words, case as written).
FOREIGN = {
    BEKASI: ("Semester", "DIPA", "Rincian Output", "Satuan Kerja", "LKjIP", "Sisa Anggaran",
             "RPJMD Kota Bekasi Tahun 2024-2026"),
    LAPAS: ("Wali Kota", "Bupati", "Gubernur", "APBD", "SIPD", "Sub Kegiatan", "Perangkat Daerah",
            "Kabupaten", "Kota", "Pemerintah Daerah", "RPJMD", "RENSTRA", "LKIP",
            "Efisiensi Anggaran"),
    PENGADILAN: ("Wali Kota", "Bupati", "Gubernur", "APBD", "DIPA", "SIPD", "Sub Kegiatan",
                 "Rincian Output", "Rp", "Pagu", "Realisasi Anggaran", "Efisiensi",
                 "Tahun Anggaran", "Perangkat Daerah", "Kabupaten", "Kota", "Prestasi",
                 "Pendidikan ASN", "AKIP", "Peringkat", "LKIP", "RENSTRA", "Semester"),
    PEMDA: ("NIP", "Wali Kota", "DIPA", "Perangkat Daerah", "Kepala Dinas", "RENSTRA", "Renstra",
            "Rencana Strategis", "LKIP", "antara Bupati", "Satuan Kerja", "Semester",
            "Sisa Anggaran"),
}
#: Words each sample's report must have (the terms of its kind).
OWN = {
    LAPAS: ("LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)", "SEMESTER I TAHUN 2025",
            "KANTOR WILAYAH DIREKTORAT JENDERAL PEMASYARAKATAN SULAWESI TENGGARA",
            "Tabel 3.1  Capaian Kinerja Lapas Sampara Semester I Tahun 2025",
            "Perjanjian Kinerja antara Kepala Kantor Wilayah Direktorat Jenderal Pemasyarakatan "
            "Sulawesi Tenggara dan Kepala Lembaga Pemasyarakatan Kelas IIB Sampara",
            "berdasarkan pada Daftar Isian Pelaksanaan Anggaran (DIPA) Tahun Anggaran 2025",
            "Program / Kegiatan / Rincian Output", "pada Revisi DIPA", "Sisa Anggaran",
            "Tahun 2025 setelah Revisi DIPA", "Langkah-langkah Peningkatan Kinerja Semester II "
            "Tahun 2025", "NIP. 19820514 200112 1 002"),
    PENGADILAN: ("PENGADILAN AGAMA RANTAU PANDAN", "PENGADILAN TINGGI AGAMA JAMBI",
                 "Perjanjian Kinerja antara Ketua Pengadilan Tinggi Agama Jambi dan Ketua "
                 "Pengadilan Agama Rantau Pandan", "1.4\tSISTEMATIKA PENYAJIAN",
                 "Undang-Undang Nomor 48 Tahun 2009 tentang Kekuasaan Kehakiman"),
    PEMDA: ("PEMERINTAH KABUPATEN WANASARI", "PROVINSI JAWA TENGAH", "(LKjIP)",
            "Perjanjian Kinerja Bupati Wanasari Tahun 2025",
            "2.1\tRENCANA PEMBANGUNAN JANGKA MENENGAH DAERAH", "Target Akhir RPJMD",
            "Rencana Kerja Pemerintah Daerah (RKPD)", "Tingkat Provinsi maupun Nasional",
            "Peraturan Menteri Dalam Negeri Nomor 70 Tahun 2019 tentang Sistem Informasi "
            "Pemerintahan Daerah"),
}


def report_lines(path: Path) -> list[str]:
    result = compute_workbook(path)
    assert result.problems == [], result.problems
    return body_lines(Document(io.BytesIO(render_report(result.results, path.parent))))


@pytest.fixture(scope="module")
def reports() -> dict[Path, list[str]]:
    return {path: report_lines(path) for path in ALL}


def _ids(path: Path) -> str:
    return path.stem


@pytest.mark.parametrize("sample", [LAPAS, PENGADILAN, PEMDA], ids=_ids)
def test_snapshot_of_each_sample(reports, sample):
    text = "\n".join(reports[sample]) + "\n"
    snapshot = SNAPSHOTS / f"{sample.stem}.txt"
    if os.environ.get("LKIP_UPDATE_SNAPSHOT"):
        snapshot.write_text(text, encoding="utf-8")
    assert snapshot.exists(), f"no snapshot {snapshot.name}: create it with LKIP_UPDATE_SNAPSHOT=1"
    expected = snapshot.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                            snapshot.name, "rendered", n=1))
        pytest.fail(f"the report differs from {snapshot.name}; review, then regenerate with "
                    "LKIP_UPDATE_SNAPSHOT=1:\n" + diff[:6000])


@pytest.mark.parametrize("sample", ALL, ids=_ids)
def test_no_sentence_of_another_kind_of_agency(reports, sample):
    text = "\n".join(reports[sample])
    for word in FOREIGN[sample]:
        found = [line for line in reports[sample] if re.search(rf"\b{re.escape(word)}\b", line)]
        assert not found, f"{word!r} in the report of {sample.stem}: {found[:2]}"
    for word in OWN.get(sample, ()):
        assert word in text, f"{word!r} missing from the report of {sample.stem}"


@pytest.mark.parametrize("sample", ALL, ids=_ids)
def test_no_agreement_of_an_office_with_itself(reports, sample):
    text = "\n".join(reports[sample])
    for match in re.finditer(r"antara (.+?) dan (.+?) Tahun", text):
        assert match[1].strip() != match[2].strip(), match[0]


@pytest.mark.parametrize("sample", ALL, ids=_ids)
def test_numbers_of_headings_tables_and_analysis_items_have_no_gap(reports, sample):
    lines = reports[sample]
    sub_chapters: dict[str, list[int]] = {}
    for line in styled(sample, "Heading2"):
        m = re.match(r"^(\d)\.(\d+)\t[A-Z]", line)
        if m:
            sub_chapters.setdefault(m[1], []).append(int(m[2]))
    assert set(sub_chapters) == {"1", "2", "3", "4"}
    for bab, numbers in sub_chapters.items():
        assert numbers == list(range(1, len(numbers) + 1)), (bab, numbers)
    tables: dict[str, list[int]] = {}
    for line in lines:
        m = re.match(r"^Tabel (\d)\.(\d+)  ", line)  # captions (two spaces: the line break)
        if m:
            tables.setdefault(m[1], []).append(int(m[2]))
    for bab, numbers in tables.items():
        assert numbers == list(range(1, len(numbers) + 1)), (bab, numbers)


def styled(workbook: Path, *styles: str) -> list[str]:
    """The text of the report's paragraphs in those styles (``Heading2``: the sub-chapters;
    ``TOC2``: their entries in the contents), in order."""
    return ["".join("\t" if n.tag == qn("w:tab") else (n.text or "")
                    for n in b.iter(qn("w:t"), qn("w:tab"))).rstrip("\t")
            for b in _blocks(workbook) if b.tag == qn("w:p") and style_id(b) in styles]


def _blocks(sample: Path) -> list:
    """The report's tables and non-empty paragraphs, in order."""
    result = compute_workbook(sample)
    doc = Document(io.BytesIO(render_report(result.results, sample.parent)))
    return [b for b in doc.element.body.iterchildren()
            if b.tag == qn("w:tbl") or text_of(b).strip()]


@pytest.mark.parametrize("sample", ALL, ids=_ids)
def test_the_analysis_items_of_each_iku_are_lettered_without_a_gap(sample):
    # per IKU ("2. Indikator Sasaran ...", Heading4) or, in the compact layout of the PA Rantau
    # Pandan sample, per sasaran ("Sasaran Strategis 1 : ...", Heading3)
    per_iku: list[list[str]] = []
    for block in _blocks(sample):
        if block.tag != qn("w:p"):
            continue
        if style_id(block) in ("Heading3", "Heading4"):
            per_iku.append([])
        elif style_id(block) == "Heading5" and per_iku:
            per_iku[-1].append(text_of(block).split(".")[0])
    per_iku = [letters for letters in per_iku if letters]
    assert per_iku
    for letters in per_iku:
        assert letters == list("abcde"[:len(letters)]), letters


HEADINGS = {f"Heading{n}": n for n in range(1, 6)}


@pytest.mark.parametrize("sample", ALL, ids=_ids)
def test_no_heading_without_content(sample):
    # A sub-chapter or analysis item left without data is left out, heading and all: a heading
    # is never followed by a heading of its own level or above.
    blocks = _blocks(sample)
    for block, nxt in zip(blocks, blocks[1:]):
        level = HEADINGS.get(style_id(block)) if block.tag == qn("w:p") else None
        if level and level > 1 and nxt.tag == qn("w:p") and style_id(nxt) in HEADINGS:
            assert HEADINGS[style_id(nxt)] > level, text_of(block)


def test_a_report_without_a_budget_says_nothing_of_one(reports):
    lines = reports[PENGADILAN]
    assert "3.3\tREALISASI ANGGARAN" not in lines and "3.4\tPRESTASI ORGANISASI" not in lines
    # the table of contents: an entry per sub-chapter there is
    contents = [line.split("\t")[:2] for line in styled(PENGADILAN, "TOC2")]
    assert ["1.4", "SISTEMATIKA PENYAJIAN"] in contents
    assert ["3.2", "ANALISIS CAPAIAN INDIKATOR KINERJA UTAMA"] in contents
    assert not any(line.startswith(("3.3", "1.5")) for line in lines)
    assert not any(line.startswith(("C.\t", "D.\t")) for line in lines)  # Sistematika, BAB III
    assert not any("Rp" in line for line in lines)


def test_the_kepala_daerah_signs_without_a_nip(reports):
    signature = [line for line in reports[PEMDA] if "BUPATI WANASARI" in line]
    assert signature and all(line.endswith("H. AHMAD FAUZAN, S.E., M.M.") for line in signature)


# --- layout 1.0 --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bekasi_1_0(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("lama") / "bekasi-1.0.xlsx"
    path.write_bytes(BEKASI.read_bytes())
    for picture in BEKASI.parent.glob("*.png"):  # the organisation chart it names
        (path.parent / picture.name).write_bytes(picture.read_bytes())
    return to_layout_1_0(path)


def test_a_workbook_of_layout_1_0_builds_the_same_report(bekasi_1_0, reports):
    result = check_workbook(bekasi_1_0)
    assert result.problems == []
    assert result.workbook.profil.versi_format == "1.0"
    assert result.workbook.profil.jenis_unit is None  # read as a perangkat daerah with an APBD
    assert [g.kode for g in result.workbook.kelompok_anggaran] == ["BLU", "BLPU"]
    assert report_lines(bekasi_1_0) == reports[BEKASI]


#: The Bekasi sample exactly as the last release of layout 1.0 wrote it (kept as a file: the
#: helper above only imitates that layout).
RELEASED_1_0 = Path(__file__).resolve().parent / "fixtures" / "lkip-2024-bekasi-layout-1.0.xlsx"


def without_the_organisation_chart(lines: list[str]) -> list[str]:
    """The report as it reads without its organisation chart: the sample has carried one (and
    its Peraturan note under it) since the release of layout 1.0, which named none and kept the
    note among the paragraphs of 1.2."""
    return [line.removeprefix("* ") for line in lines
            if line != "DAFTAR GAMBAR" and not line.startswith("Gambar 1.1 Struktur Organisasi")]


def test_the_sample_as_layout_1_0_wrote_it_builds_the_reviewed_report(reports, tmp_path):
    assert check_workbook(RELEASED_1_0).problems == []
    old = report_lines(RELEASED_1_0)
    assert old == without_the_organisation_chart(reports[BEKASI])
    assert "\n".join(reports[BEKASI]) + "\n" == (SNAPSHOTS / "sample_report.txt").read_text(
        encoding="utf-8")
    done = upgrade_workbook(RELEASED_1_0, tmp_path / "baru.xlsx")
    assert done.versi_lama == "1.0" and done.catatan == ()
    assert report_lines(tmp_path / "baru.xlsx") == old


def test_upgrade_writes_layout_2_0_says_what_it_filled_and_keeps_the_report(bekasi_1_0, reports,
                                                                           tmp_path):
    target = tmp_path / "bekasi-2.0.xlsx"
    for picture in BEKASI.parent.glob("*.png"):  # the organisation chart it names
        (tmp_path / picture.name).write_bytes(picture.read_bytes())
    done = upgrade_workbook(bekasi_1_0, target)
    assert done.versi_lama == "1.0" and done.versi_baru == c.LAYOUT_VERSION
    filled = dict(done.diisi)
    assert filled["Jenis Unit Pelapor"] == c.UNIT_PD
    assert filled["Bentuk Anggaran"] == c.ANGGARAN_APBD
    assert filled["Jabatan Pihak Kedua PK"] == "Wali Kota Bekasi"
    assert filled["Kelompok Anggaran BLU"] == "Belanja Langsung Urusan"
    result = check_workbook(target)
    assert result.problems == []
    p = result.workbook.profil
    assert p.versi_format == c.LAYOUT_VERSION and p.jenis_unit == c.UNIT_PD
    assert p.dasar_hukum is None  # written, it would add a list to 1.1
    assert [g.kode for g in result.workbook.kelompok_anggaran] == ["BLU", "BLPU"]
    assert report_lines(target) == reports[BEKASI]
    with pytest.raises(LkipError) as exc:  # never over an existing file
        upgrade_workbook(bekasi_1_0, target)
    assert exc.value.problems[0].code == "output-exists"


def test_upgrade_command(bekasi_1_0, tmp_path):
    target = tmp_path / "baru.xlsx"
    result = CliRunner().invoke(main, ["upgrade", str(bekasi_1_0), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "format 1.0 ditulis dalam format 2.0" in result.output
    assert "Jenis Unit Pelapor: Perangkat Daerah" in result.output
    assert "Catatan" not in result.output  # the Petunjuk sheet is rewritten, not lost
    assert target.exists()
    again = CliRunner().invoke(main, ["upgrade", str(bekasi_1_0), "-o", str(target)])
    assert again.exit_code == 1 and "output-exists" in again.output


def test_upgrade_says_which_sheets_it_does_not_carry_over(bekasi_1_0, tmp_path):
    from openpyxl import load_workbook

    own = tmp_path / "dengan-catatan.xlsx"
    wb = load_workbook(bekasi_1_0)
    wb.create_sheet("Catatan Perencana")["A1"] = "cek ulang pagu"
    wb.save(own)
    done = upgrade_workbook(own, tmp_path / "baru.xlsx")
    assert done.catatan == ("lembar 'Catatan Perencana' bukan bagian format 2.0 dan tidak "
                            "disalin",)


def test_upgrade_refuses_a_workbook_whose_cells_cannot_all_be_read(bekasi_1_0, tmp_path):
    from conftest import set_cell

    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(bekasi_1_0.read_bytes())
    set_cell(broken, "Sub Kegiatan", "F2", "Rp 1.2.3")
    with pytest.raises(LkipError) as exc:
        upgrade_workbook(broken, tmp_path / "baru.xlsx")
    assert [p.code for p in exc.value.problems] == ["not-a-number"]
    assert not (tmp_path / "baru.xlsx").exists()


def test_the_layout_1_0_helper_removes_every_field_layout_2_0_added(bekasi_1_0):
    from openpyxl import load_workbook

    labels = {row[0].value for row in load_workbook(bekasi_1_0)["Profil"].iter_rows(min_row=2)}
    assert not labels & {c.PROFIL.field(k).label for k in FIELDS_ADDED_IN_2_0}
    assert "Nama Perangkat Daerah" in labels and "Nama Instansi" not in labels


# --- the defaults: one table per kind and year ---------------------------------------------------

def _profil(res, **values):
    return replace(res.wb.profil, **values)


@pytest.fixture(scope="module")
def bekasi():
    return compute_workbook(BEKASI).results


def test_a_perangkat_daerah_keeps_the_words_of_layout_1_0(bekasi):
    s = kinds.resolve(_profil(bekasi, jenis_unit=None, bentuk_anggaran=None))
    assert (s.judul, s.singkatan_laporan, s.periode) == (
        "Laporan Kinerja Instansi Pemerintah", "LKIP", "Tahun 2024")
    assert s.pihak_kedua == kinds.Pihak("Wali Kota Bekasi")
    assert s.rencana.singkatan == "RENSTRA" and s.anggaran.nama == "APBD"
    assert "SIPD-RI" in s.anggaran.sumber
    assert s.tingkat_prestasi == "Tingkat Kota, Provinsi maupun Nasional"
    assert s.singkatan_lengkap == "Diskominfostandi Kota Bekasi"


@pytest.mark.parametrize("jenis, judul, rencana, anggaran, pihak_kedua", [
    (c.UNIT_PD, "LKIP", "RENSTRA", c.ANGGARAN_APBD, "Wali Kota Bekasi"),
    (c.UNIT_PEMDA, "LKjIP", "RPJMD", c.ANGGARAN_APBD, None),
    (c.UNIT_KL, "LKj", "Renstra", c.ANGGARAN_DIPA, None),
    (c.UNIT_VERTIKAL, "LKjIP", "Renstra", c.ANGGARAN_DIPA, None),
])
def test_defaults_per_kind(bekasi, jenis, judul, rencana, anggaran, pihak_kedua):
    s = kinds.resolve(_profil(bekasi, jenis_unit=jenis, bentuk_anggaran=None))
    assert s.singkatan_laporan == judul and s.rencana.singkatan == rencana
    assert s.anggaran.bentuk == anggaran
    assert (s.pihak_kedua.jabatan if s.pihak_kedua else None) == pihak_kedua
    assert s.singkatan_lengkap == ("Diskominfostandi Kota Bekasi" if jenis == c.UNIT_PD
                                   else "Diskominfostandi")


def test_the_terms_follow_the_report_year(bekasi):
    old = kinds.resolve(_profil(bekasi, tahun=2013))
    assert (old.judul, old.singkatan_laporan) == (
        "Laporan Akuntabilitas Kinerja Instansi Pemerintah", "LAKIP")
    assert "Nomor 53 Tahun 2014" not in " ".join(old.dasar_hukum) + old.pedoman_pelaporan
    assert "Nomor 29 Tahun 2010" in old.pedoman_pelaporan and old.dasar_pk == ""
    assert "Instruksi Presiden Nomor 7 Tahun 1999" in " ".join(old.dasar_hukum)
    before_sipd = kinds.resolve(_profil(bekasi, tahun=2020))
    assert "SIPD" not in before_sipd.anggaran.sumber and "(*DPA*)" in before_sipd.anggaran.sumber
    assert not any("Sistem Informasi Pemerintahan Daerah" in x for x in before_sipd.dasar_hukum)
    assert any("Nomor 12 Tahun 2015" in x for x in before_sipd.dasar_hukum)
    assert not any("Nomor 88 Tahun 2021" in x for x in before_sipd.dasar_hukum)
    now = kinds.resolve(_profil(bekasi, tahun=2024))
    assert "Nomor 53 Tahun 2014" in now.pedoman_pelaporan and "SIPD-RI" in now.anggaran.sumber


def test_typed_terms_win_over_the_defaults(bekasi):
    s = kinds.resolve(_profil(
        bekasi, judul_laporan="Laporan Kinerja", singkatan_laporan="LKj",
        dokumen_perencanaan=c.RENCANA_RPD, pk_pihak_kedua_jabatan="Sekretaris Daerah Kota Bekasi",
        tingkat_anggaran="Program; Kegiatan; Subkegiatan", dasar_hukum="Peraturan A;\nPeraturan B",
        periode_laporan=c.PERIODE_SEMESTER_II, instansi_induk="Pemerintah Kota Bekasi"))
    assert (s.judul, s.singkatan_laporan, s.rencana.singkatan) == ("Laporan Kinerja", "LKj", "RPD")
    assert s.pihak_kedua.jabatan == "Sekretaris Daerah Kota Bekasi"
    assert s.anggaran.tingkat == ("Program", "Kegiatan", "Subkegiatan")
    assert s.dasar_hukum == ("Peraturan A", "Peraturan B") and s.dasar_hukum_diisi
    assert (s.periode, s.periode_berikut) == ("Semester II Tahun 2024", "Semester I Tahun 2025")
    assert s.anggaran.efisiensi == "Sisa Anggaran" and s.induk == "Pemerintah Kota Bekasi"


def test_a_province_is_not_named_twice_among_the_levels_of_prestasi(bekasi):
    s = kinds.resolve(_profil(bekasi, jenis_pemda="Provinsi", nama_pemda="Provinsi Jawa Barat"))
    assert s.tingkat_prestasi == "Tingkat Provinsi maupun Nasional"
    assert s.kepala_daerah == "Gubernur Jawa Barat"
    own = kinds.resolve(_profil(bekasi, jenis_unit=c.UNIT_PEMDA, jenis_pemda="Provinsi",
                                nama_pemda="Provinsi Jawa Barat"))
    assert own.tingkat_prestasi == "Tingkat Nasional" and own.induk == ""


def test_every_kind_and_planning_document_and_budget_shape_has_its_row():
    assert set(kinds.JENIS) == set(c.JENIS_UNIT_CHOICES)
    assert set(kinds.RENCANA) == set(c.RENCANA_CHOICES)
    assert set(kinds.ANGGARAN) | {c.ANGGARAN_TIDAK_ADA} == set(c.BENTUK_ANGGARAN_CHOICES)
    for jenis in kinds.JENIS.values():
        assert jenis.dokumen_perencanaan in kinds.RENCANA
        assert set(jenis.bentuk_anggaran) <= set(c.BENTUK_ANGGARAN_CHOICES)


# --- sentences of the Perjanjian Kinerja and the budget -------------------------------------------

def test_the_perjanjian_kinerja_by_its_parties():
    pertama = kinds.Pihak("Kepala Dinas A", "BUDI")
    kedua = kinds.Pihak("Wali Kota B", None)
    assert sentences.pk_phrase(pertama, kedua) == (
        "Perjanjian Kinerja antara Wali Kota B dan Kepala Dinas A")
    assert sentences.pk_phrase(kinds.Pihak("Bupati C"), None) == "Perjanjian Kinerja Bupati C"
    assert sentences.pk_signed_sentence(pertama, kedua, 2024) == (
        "Perjanjian Kinerja Tahun 2024 ditandatangani oleh **BUDI** selaku Kepala Dinas A sebagai "
        "Pihak Pertama dan Wali Kota B sebagai Pihak Kedua.")
    assert sentences.pk_signed_sentence(kinds.Pihak("Bupati C", "ANI"), None, 2025) == (
        "Perjanjian Kinerja Tahun 2025 ditetapkan oleh **ANI** selaku Bupati C.")
    assert sentences.pk_signed_sentence(kinds.Pihak("Bupati C"), None, 2025) == ""


def test_the_budget_sentences_of_a_dipa_in_a_semester(bekasi):
    a = kinds.Anggaran(c.ANGGARAN_DIPA, True, "DIPA", "Revisi DIPA", "Revisi DIPA",
                       ("Program", "Kegiatan", "Rincian Output"), efisiensi="Sisa Anggaran")
    line = next(line for p in bekasi.programs for line in p.subs if line.sub.pagu_berubah)
    text = sentences.sub_kegiatan_sentence(line, a)
    assert "pada Revisi DIPA" in text and "Sisa Anggaran sebesar" in text
    assert "APBD" not in text and "Efisiensi" not in text
    assert sentences.counts_phrase(1, 2, 3, a.tingkat) == (
        "1 (satu) Program, 2 (dua) Kegiatan dan 3 (tiga) Rincian Output")


def test_programs_without_a_group_are_the_budget_itself(bekasi):
    blu = bekasi.kelompok[0]
    ungrouped = replace(blu, kode="", nama="")
    text = sentences.realisasi_anggaran_sentence([ungrouped], bekasi.total, "Lapas X", 2025)
    assert "didukung dengan Anggaran yang mengalami Perubahan" in text and "()" not in text


# --- the examples of docs/workbook.md and the Petunjuk sheet are the samples' ------------------

@pytest.mark.parametrize("column, sample", list(enumerate((BEKASI, LAPAS, PENGADILAN, PEMDA))),
                         ids=lambda x: x.stem if isinstance(x, Path) else str(x))
def test_the_profil_examples_per_kind_are_the_samples(column, sample):
    p = check_workbook(sample).workbook.profil
    s = kinds.resolve(p)
    for key, values in c.CONTOH_PER_JENIS:
        example = values[column]
        value = getattr(p, key)
        if example.startswith("-"):
            assert value is None, (key, value)
        else:
            assert str(value) == example, (key, value)
    assert c.CONTOH_PER_JENIS[0][1][column] == s.jenis.nama


def test_the_summary_names_the_unit_as_the_report_does():
    from lkip_docx.api import summary_text

    court = summary_text(compute_workbook(PENGADILAN).results)
    assert court.splitlines()[:2] == ["LKjIP PA Rantau Pandan Tahun 2024",
                                      "Pengadilan Agama Rantau Pandan"]
    assert "None" not in court and "ANGGARAN" not in court and "Rp" not in court
    assert court.splitlines()[-1] == "Jumlah: 6 (enam) IKU."
    lapas = summary_text(compute_workbook(LAPAS).results)
    assert lapas.splitlines()[0] == "LKjIP Lapas Sampara Semester I Tahun 2025"
    assert "7 (tujuh) Rincian Output" in lapas


# --- sections appear when they have data (the minimal workbook) ---------------------------------

def _lines(path: Path) -> list[str]:
    result = compute_workbook(path)
    return body_lines(Document(io.BytesIO(render_report(result.results, path.parent))))


def test_sub_chapters_without_data_are_left_out_and_the_rest_move_up(make_workbook):
    from conftest import changed

    path = make_workbook()  # no narrative, no staff, no prestasi, no AKIP, no ranking
    lines = _lines(path)
    headings = styled(path, "Heading2")
    assert headings == [
        "1.1\tLATAR BELAKANG", "1.2\tSUB KEGIATAN DAN LAYANAN PRODUK ORGANISASI",
        "1.3\tSISTEMATIKA PENYAJIAN", "2.1\tRENCANA STRATEGIS", "2.2\tPERJANJIAN KINERJA 2024",
        "3.1\tCAPAIAN KINERJA ORGANISASI", "3.2\tANALISIS CAPAIAN INDIKATOR KINERJA UTAMA",
        "3.3\tREALISASI ANGGARAN", "4.1\tKESIMPULAN"]
    text = "\n".join(lines)
    assert "Prestasi" not in text and "LAMPIRAN" not in text and "Tabel 1." not in text
    # the standard 1.1 with the legal basis in force in 2024
    assert "Dasar Hukum Penyusunan LKIP Diskominfostandi Kota Contoh Tahun 2024" in text
    assert "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas" in text
    # a perangkat daerah without a budget part: nothing about one
    none = make_workbook("tanpa.xlsx", profil={"bentuk_anggaran": c.ANGGARAN_TIDAK_ADA},
                         program=[], kegiatan=[], sub_kegiatan=[],
                         indikator_program=changed("indikator_program", 0, kode_program=None))
    lines = _lines(none)
    assert styled(none, "Heading2")[:3] == [
        "1.1\tLATAR BELAKANG", "1.2\tSISTEMATIKA PENYAJIAN", "2.1\tRENCANA STRATEGIS"]
    for word in ("Rp", "Pagu", "Sub Kegiatan", "SIPD", "APBD", "REALISASI ANGGARAN",
                 "Efisiensi Anggaran", "Realisasi anggaran"):
        assert not any(word in line for line in lines), word


def test_a_report_of_a_year_before_the_rules_it_would_cite(make_workbook):
    import datetime as dt

    lines = _lines(make_workbook(profil={"tahun": 2013, "periode_renstra": "2013-2015",
                                          "tanggal": dt.date(2014, 1, 20)}, target_iku=[
        {"kode_iku": "IKU1", "tahun": y, "target": 4, "realisasi": 4 if y == 2013 else None}
        for y in (2013, 2014, 2015)]))
    text = "\n".join(lines)
    assert "LAPORAN AKUNTABILITAS KINERJA INSTANSI PEMERINTAH (LAKIP)" in text
    assert "Nomor 53 Tahun 2014" not in text and "SIPD" not in text
    assert "Perpres" not in text and "Peraturan Presiden Nomor 29 Tahun 2014" not in text
    assert "Nomor 29 Tahun 2010" in text  # the guideline of 2013
    assert "(DPA) Tahun Anggaran 2013" in text
