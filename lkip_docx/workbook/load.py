"""Builds the typed model from bound sheet records, filling documented defaults for blank optional
cells. A record whose identifying code is missing is left out (its problem is already reported)."""

from __future__ import annotations

from decimal import Decimal

from lkip_docx.workbook import contract as c
from lkip_docx.workbook import model as m
from lkip_docx.workbook.bind import Record, Tables

DEFAULT_DESIMAL = 2
DEFAULT_KATA_KERJA = "telah tersedianya"


def _src(rec: Record) -> m.Src:
    return m.Src(rec.sheet, rec.row, dict(rec.coords), rec.invalid)


def _s(rec: Record, key: str) -> str:
    """A required text: '' when blank (the blank is already reported)."""
    return rec.get(key, "")


def _desimal(rec: Record) -> int:
    value = rec.get("desimal")
    return DEFAULT_DESIMAL if value is None else min(int(value), 10)


#: Columns holding a code defined in another sheet: sheet key -> column key -> defining sheet key.
REFERENCES = {
    "sasaran": {"kode_tujuan": "tujuan"},
    "iku": {"kode_sasaran": "sasaran", "kode_indeks": "komponen_indeks", "kode_skala": "skala"},
    "target_iku": {"kode_iku": "iku"},
    "indikator_program": {"kode_iku": "iku", "kode_program": "program",
                          "kode_indeks": "komponen_indeks"},
    "kegiatan": {"kode_program": "program"},
    "sub_kegiatan": {"kode_kegiatan": "kegiatan", "kode_indikator_program": "indikator_program",
                     "kode_iku": "iku"},
    "narasi": {"kode_iku": "iku"},
}


def _canonical_codes(tables: Tables) -> dict[str, dict[str, str]]:
    """Defining sheet key -> casefolded code -> the code as spelled where it is defined."""
    out: dict[str, dict[str, str]] = {}
    for key in {target for refs in REFERENCES.values() for target in refs.values()}:
        codes = out.setdefault(key, {})
        for rec in tables.rows(key):
            code = rec.get("kode")
            if isinstance(code, str):
                codes.setdefault(code.casefold(), code)  # a second spelling is a duplicate-code
    out.setdefault("komponen_indeks", {}).setdefault(c.NILAI_AKIP.casefold(), c.NILAI_AKIP)
    return out


def _with_canonical_references(rec: Record, refs: dict[str, str],
                               codes: dict[str, dict[str, str]]) -> Record:
    # Codes are compared without case ('iku1' refers to IKU1: validate.check_references accepts
    # it), but compute and the report look codes up exactly. Without this, a reference validation
    # accepted would silently find nothing: an IKU without its sasaran or its realisasi, an
    # indikator program or a sub kegiatan missing from its table, with no problem reported.
    fixed = {}
    for col, target in refs.items():
        value = rec.values.get(col)
        if isinstance(value, str):
            canonical = codes[target].get(value.casefold())
            if canonical is not None and canonical != value:
                fixed[col] = canonical
    if not fixed:
        return rec
    return Record(rec.sheet, rec.row, {**rec.values, **fixed}, rec.coords, rec.invalid)


def load(tables: Tables, source_name: str = "") -> m.Workbook:
    p = tables.profil.values if tables.profil else {}
    profil = m.Profil(
        nama_instansi=p.get("nama_instansi") or "",
        singkatan=p.get("singkatan") or "",
        jenis_pemda=p.get("jenis_pemda") or "",
        nama_pemda=p.get("nama_pemda") or "",
        provinsi=p.get("provinsi"),
        tahun=p.get("tahun") or 0,
        tahun_anggaran_sampul=p.get("tahun_anggaran_sampul"),
        periode_renstra=p.get("periode_renstra") or (0, 0),
        periode_renstra_sebelumnya=p.get("periode_renstra_sebelumnya"),
        dasar_renstra=p.get("dasar_renstra"),
        dokumen_perencanaan_daerah=p.get("dokumen_perencanaan_daerah") or "",
        kepala_jabatan=p.get("kepala_jabatan") or "",
        kepala_nama=p.get("kepala_nama") or "",
        kepala_pangkat=p.get("kepala_pangkat"),
        kepala_nip=p.get("kepala_nip") or "",
        tempat=p.get("tempat") or "",
        tanggal=p.get("tanggal"),
        logo=p.get("logo"),
        bagan_organisasi=p.get("bagan_organisasi"),
        ikhtisar_eksekutif=bool(p.get("ikhtisar_eksekutif")),
        sumber_pegawai=p.get("sumber_pegawai"),
        sumber_renstra=p.get("sumber_renstra"),
        sumber_pk=p.get("sumber_pk"),
        sumber_pk_perubahan=p.get("sumber_pk_perubahan"),
        sumber_evaluasi=p.get("sumber_evaluasi"),
        sumber_anggaran=p.get("sumber_anggaran"),
        sumber_akip=p.get("sumber_akip"),
        dasar_peringkat_akip=p.get("dasar_peringkat_akip"),
        versi_format=p.get("versi_format"),
        src=_src(tables.profil) if tables.profil else m.NO_SRC,
    )

    codes = _canonical_codes(tables)

    def rows(key: str, need: str | None = "kode"):
        refs = REFERENCES.get(key)
        for rec in tables.rows(key):
            if need is None or rec.get(need) is not None:
                yield _with_canonical_references(rec, refs, codes) if refs else rec

    pegawai = tuple(
        m.Pegawai(_s(r, "kelompok"), _s(r, "jenis"), r.get("s3"), r.get("s2"), r.get("s1"),
                  r.get("d3"), r.get("sma"), r.get("smp"), _src(r))
        for r in rows("pegawai", "jenis"))
    tujuan = tuple(m.Tujuan(r.get("kode"), _s(r, "uraian"), _src(r)) for r in rows("tujuan"))
    sasaran = tuple(m.Sasaran(r.get("kode"), _s(r, "kode_tujuan"), _s(r, "uraian"), _src(r))
                    for r in rows("sasaran"))
    iku = tuple(
        m.Iku(kode=r.get("kode"), kode_sasaran=_s(r, "kode_sasaran"), nama=_s(r, "nama"),
              satuan=_s(r, "satuan"), metode=r.get("metode", c.METODE_NAIK),
              batas_capaian=r.get("batas_capaian"), desimal=_desimal(r),
              kode_indeks=r.get("kode_indeks"), kode_skala=r.get("kode_skala"),
              dasar_predikat=r.get("dasar_predikat", c.DASAR_REALISASI),
              target_pk=r.get("target_pk"), target_pk_perubahan=r.get("target_pk_perubahan"),
              alasan=r.get("alasan"), rumus=r.get("rumus"), sumber=r.get("sumber"), src=_src(r))
        for r in rows("iku"))
    # The year is part of what identifies a Target IKU row: a row whose year cannot be read is
    # left out like a row without a code, or it would appear as "year 0" among earlier years.
    target_iku = tuple(
        m.TargetIku(r.get("kode_iku"), r.get("tahun"), r.get("target"), r.get("realisasi"),
                    r.get("keterangan"), _src(r))
        for r in rows("target_iku", "kode_iku") if r.get("tahun") is not None)
    indikator_program = tuple(
        m.IndikatorProgram(
            kode=r.get("kode"), kode_iku=_s(r, "kode_iku"), kode_program=r.get("kode_program"),
            nama=_s(r, "nama"), satuan=_s(r, "satuan"), target=r.get("target"),
            realisasi=r.get("realisasi"), kode_indeks=r.get("kode_indeks"),
            metode=r.get("metode", c.METODE_NAIK), batas_capaian=r.get("batas_capaian"),
            desimal=_desimal(r), src=_src(r))
        for r in rows("indikator_program"))
    program = tuple(
        m.Program(r.get("kode"), _s(r, "nama"), r.get("kelompok", ""), r.get("anggaran_pk"),
                  r.get("anggaran_pk_perubahan"), _src(r))
        for r in rows("program"))
    kegiatan = tuple(m.Kegiatan(r.get("kode"), _s(r, "kode_program"), _s(r, "nama"), _src(r))
                     for r in rows("kegiatan"))
    sub_kegiatan = tuple(
        m.SubKegiatan(
            kode=r.get("kode"), kode_kegiatan=_s(r, "kode_kegiatan"), nama=_s(r, "nama"),
            pagu_murni=r.get("pagu_murni"), pagu_perubahan=r.get("pagu_perubahan"),
            realisasi=r.get("realisasi"), target_output=r.get("target_output"),
            realisasi_output=r.get("realisasi_output"), satuan_output=_s(r, "satuan_output"),
            uraian_output=_s(r, "uraian_output"),
            kata_kerja_output=r.get("kata_kerja_output", DEFAULT_KATA_KERJA),
            capaian_output=r.get("capaian_output"),
            kode_indikator_program=r.get("kode_indikator_program"), kode_iku=r.get("kode_iku"),
            src=_src(r))
        for r in rows("sub_kegiatan"))
    komponen_indeks = tuple(
        m.KomponenIndeks(r.get("kode"), _s(r, "uraian"), r.get("nilai"), r.get("rumus"),
                         _desimal(r), _src(r))
        for r in rows("komponen_indeks"))
    skala = tuple(
        m.KelasSkala(
            kode_skala=r.get("kode"), nama_skala=r.get("nama"), bawah=r.get("bawah"),
            bawah_inklusif=r.get("bawah_inklusif", True), atas=r.get("atas"),
            atas_inklusif=r.get("atas_inklusif", True), predikat=_s(r, "predikat"),
            kriteria=r.get("kriteria"), sumber=r.get("sumber"), src=_src(r))
        for r in rows("skala"))
    evaluasi_akip = tuple(
        m.KomponenAkip(r.get("komponen"), r.get("bobot", Decimal(0)), r.get("nilai", Decimal(0)),
                       r.get("catatan"), _src(r))
        for r in rows("evaluasi_akip", "komponen"))
    peringkat_akip = tuple(
        m.PeringkatAkip(r.get("perangkat_daerah"), r.get("nilai", Decimal(0)), r.get("predikat"),
                        bool(r.get("instansi_ini")), _src(r))
        for r in rows("peringkat_akip", "perangkat_daerah"))
    prestasi = tuple(m.Prestasi(r.get("uraian"), r.get("pemberi"), _src(r))
                     for r in rows("prestasi", "uraian"))
    narasi = tuple(
        m.Narasi(bagian=c.NARRATIVE_BY_LABEL[r.get("bagian")].key, kode_iku=r.get("kode_iku"),
                 jenis=r.get("jenis", c.JENIS_PARAGRAF),
                 tingkat=min(max(r.get("tingkat", 1), 1), 2), teks=r.get("teks"), src=_src(r))
        for r in rows("narasi", "teks") if r.get("bagian") is not None)
    return m.Workbook(profil, pegawai, tujuan, sasaran, iku, target_iku, indikator_program, program,
                      kegiatan, sub_kegiatan, komponen_indeks, skala, evaluasi_akip, peringkat_akip,
                      prestasi, narasi, source_name)
