"""Konsistensi: the cross-checks a review makes, each with its verdict.

- **Narasi**: the figures staff typed into the narrative (Narasi and Prestasi sheets) against the
  computed ones. Each figure is read with the words before it (``Efisiensi Anggaran sebesar``,
  ``Capaian``, ``Outcome``, ``Pagu``...) to know which figure it claims to be, and compared with
  that figure of what the paragraph is about: the IKU of a per-IKU section, or a sub kegiatan,
  program or indicator it names. A figure whose words name nothing is compared with every figure
  of the section. Also: counts against their words (``17 (tujuh belas)``), "belum tercapai" for
  a capaian of 100% or more (and the reverse), "meningkat"/"menurun" against the comparison with
  last year, a Renstra period and a report year written in the text, a rank, a predikat.
- **Target PK dan Renstra**, **Anggaran PK**, **Metode capaian**, **Tahun lalu**: what the
  planning documents and the workbook should agree on.
- **Pemeriksaan workbook**: every warning ``lkip check`` gives, each at its cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from lkip_docx import fmt
from lkip_docx.compute.results import NAIK, TETAP, TURUN, Results
from lkip_docx.problems import Location, Problem
from lkip_docx.review import angka as a
from lkip_docx.review import jejak as j
from lkip_docx.workbook import contract as c

SESUAI = "sesuai"
TIDAK_SESUAI = "tidak sesuai"
PERIKSA = "perlu diperiksa"
CATATAN = "catatan"
HASIL = (TIDAK_SESUAI, PERIKSA, SESUAI, CATATAN)

NARASI = "Angka dalam narasi"
KATA = "Kata dalam narasi"
PK_RENSTRA = "Target PK dan Renstra"
ANGGARAN_PK = "Anggaran PK dan pagu"
METODE = "Metode capaian"
TAHUN_LALU = "Realisasi tahun lalu"
DUKUNGAN = "Dukungan program"
WORKBOOK = "Pemeriksaan workbook"


@dataclass(frozen=True)
class Cek:
    kelompok: str
    uraian: str
    lokasi: str
    tertulis: str
    dihitung: str
    hasil: str
    keterangan: str = ""
    sumber: tuple[Location, ...] = ()


# --- what a figure in a sentence claims to be --------------------------------------------------

#: Words before a figure and the roles they give it, by the kind of figure written. The last such
#: words before the figure (in its sentence) decide.
_ROLE_PATTERNS: tuple[tuple[str, dict[str, tuple[str, ...]]], ...] = (
    (r"efisiensi(?:\s+anggaran)?", {a.PERSEN: (j.EFISIENSI,)}),
    (r"realisasi anggaran|anggaran yang (?:digunakan|dipergunakan)|penyerapan|serapan"
     r"|terealisasi", {a.PERSEN: (j.REALISASI_PERSEN,), a.RUPIAH: (j.REALISASI_RP,),
                       a.ANGKA: (j.REALISASI_RP,)}),
    (r"capaian|outcome|pencapaian", {a.PERSEN: (j.CAPAIAN,)}),
    (r"\(murni\)|murni|semula", {a.RUPIAH: (j.PAGU_MURNI,), a.ANGKA: (j.PAGU_MURNI,)}),
    (r"pagu(?:\s+anggaran)?|alokasi(?:\s+anggaran)?",
     {a.RUPIAH: (j.PAGU, j.PAGU_MURNI), a.ANGKA: (j.PAGU, j.PAGU_MURNI)}),
    (r"menjadi", {a.RUPIAH: (j.PAGU,)}),
    (r"anggaran", {a.PERSEN: (j.REALISASI_PERSEN,), a.RUPIAH: (j.PAGU, j.REALISASI_RP)}),
    (r"realisasi", {a.ANGKA: (j.REALISASI,), a.PERSEN: (j.REALISASI, j.REALISASI_PERSEN),
                    a.RUPIAH: (j.REALISASI_RP,)}),
    (r"target", {a.ANGKA: (j.TARGET,), a.PERSEN: (j.TARGET,)}),
    (r"nilai hasil evaluasi|nilai akip|nilai", {a.ANGKA: (j.REALISASI, j.NILAI)}),
)
_ROLE_WORDS = tuple((re.compile(pattern, re.IGNORECASE), roles)
                    for pattern, roles in _ROLE_PATTERNS)

#: Nouns after a count and the figures they count.
_COUNTED = (
    (re.compile(r"sub\s+kegiatan", re.IGNORECASE), "jumlah_sub_kegiatan", "sub_kegiatan"),
    (re.compile(r"kegiatan", re.IGNORECASE), "jumlah_kegiatan", "kegiatan"),
    (re.compile(r"program", re.IGNORECASE), "jumlah_program", "program"),
    (re.compile(r"sasaran", re.IGNORECASE), None, "sasaran"),
    (re.compile(r"indikator kinerja utama|iku\b", re.IGNORECASE), None, "iku"),
    (re.compile(r"tujuan", re.IGNORECASE), None, "tujuan"),
)
_AFTER_COUNT = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?P<noun>[A-Za-z][A-Za-z ]{0,40})")
_SENTENCE_END = re.compile(r"[.;:!?](?=\s+[A-Z(])")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_AKIP_WORDS = re.compile(r"akip|akuntabilitas|hasil evaluasi", re.IGNORECASE)
#: Per-IKU sections whose words about "tercapai" or "meningkat" speak of the IKU's own result.
_STATUS_SECTIONS = {"perbandingan_tahun_lalu", "penyebab", "perbandingan_renstra", "efisiensi"}


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _sentence_span(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= pos:
            start = m.end()
        else:
            return start, m.end()
    return start, len(text)


def roles_of(text: str, written: a.Bilangan, start: int) -> tuple[str, ...]:
    """The roles the words before ``written`` give it (empty when none): the words ending
    nearest to it, the longer at the same place ('Efisiensi Anggaran', not 'Anggaran')."""
    window = text[max(start, written.awal - 90):written.awal]
    best: tuple[int, int, tuple[str, ...]] = (-1, -1, ())
    for pattern, by_kind in _ROLE_WORDS:
        roles = by_kind.get(written.jenis if written.jenis != a.JUMLAH else a.ANGKA)
        if not roles:
            continue
        for m in pattern.finditer(window):
            rank = (m.end(), len(m.group(0)))
            if rank > best[:2]:
                best = (*rank, roles)
    return best[2]


def _roman(text: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    if not text or any(ch not in values for ch in text):
        return None
    total = 0
    for i, ch in enumerate(text):
        v = values[ch]
        total += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
    return total


# --- narrative ---------------------------------------------------------------------------------

class _Narasi:
    def __init__(self, res: Results, items: dict[str, j.Angka]):
        self.res = res
        self.items = items
        self.by_subject: dict[str, list[j.Angka]] = {}
        for item in items.values():
            self.by_subject.setdefault(item.subjek, []).append(item)
        # names a sentence may mention, longest first
        names: dict[str, set[str]] = {}
        for item in items.values():
            if item.nama and len(item.nama) >= 6 and not item.subjek.startswith(
                    ("peringkat:", "pegawai:", "skala:", "akip", "semua", "komposit:")):
                names.setdefault(item.nama.casefold(), set()).add(item.subjek)
        self.names = sorted(names.items(), key=lambda kv: -len(kv[0]))
        self.out: list[Cek] = []

    def named(self, text: str) -> list[str]:
        subjects: list[str] = []
        low = text.casefold()
        for name, subs in self.names:
            if name in low:
                subjects.extend(s for s in sorted(subs) if s not in subjects)
        return subjects

    def scope(self, kode_iku: str | None, sentence: str, before: str = ""
              ) -> tuple[list[j.Angka], list[j.Angka], bool]:
        """(primary, secondary, named) figures of a sentence: those of what it names (or, when
        it names nothing, of what the sentences ``before`` it in its paragraph named last) and of
        its section's IKU first; then every figure of the agency. ``named``: an indicator,
        program, kegiatan or sub kegiatan is named."""
        subjects = self.named(sentence)
        if not subjects and before:
            for s0, s1 in reversed(_sentences(before)):
                subjects = self.named(before[s0:s1])
                if subjects:
                    break
        named = bool(subjects)
        if kode_iku:
            subjects += [s for s in (f"iku:{kode_iku}", f"line:iku:{kode_iku}:total")
                         if s not in subjects]
        else:
            subjects += [s for s in ("line:semua:total", "akip", "semua") if s not in subjects]
        # An earlier year the sentence names: its figures too ("Tahun 2023 sebesar 100,41%"),
        # first when the sentence does not name the report year.
        years = list(dict.fromkeys(_YEAR.findall(sentence)))
        earlier = [f"{s}:{year}" for year in years
                   for s in dict.fromkeys([s for s in subjects if s.startswith("iku:")
                                           and s.count(":") == 1])
                   if f"{s}:{year}" in self.by_subject and f"{s}:{year}" not in subjects]
        if earlier and str(self.res.wb.profil.tahun) not in years:
            subjects = earlier + subjects
        else:
            subjects += earlier
        primary = [item for s in subjects for item in self.by_subject.get(s, [])]
        if kode_iku:
            primary += [item for key, item in self.items.items()
                        if key.startswith(f"iku/{kode_iku}/jumlah_")]
        seen = {id(x) for x in primary}
        secondary = [item for item in self.items.values() if id(item) not in seen]
        return primary, secondary, named

    def add(self, kelompok, uraian, lokasi, tertulis, dihitung, hasil, keterangan="",
            sumber=()) -> None:
        self.out.append(Cek(kelompok, uraian, lokasi, tertulis, dihitung, hasil, keterangan,
                            tuple(sumber)))

    def figure(self, text: str, written: a.Bilangan, kode_iku: str | None, lokasi: str,
               src: tuple[Location, ...]) -> None:
        s0, s1 = _sentence_span(text, written.awal)
        sentence = text[s0:s1]
        primary, secondary, named = self.scope(kode_iku, sentence, text[:s0])
        shown = f"'{_snippet(text, written)}'"
        if written.jenis == a.JUMLAH and not written.sama_terbilang():
            self.add(NARASI, f"Angka dan terbilang {shown}", lokasi, written.teks,
                     fmt.count(int(written.nilai)), TIDAK_SESUAI,
                     "angka dan terbilangnya tidak sama", src)
        count = self.count_key(text, written, kode_iku)
        if count is not None:
            item = self.items.get(count)
            if item is not None:
                ok = item.nilai == written.nilai
                self.add(NARASI, f"{item.uraian}: {shown}", lokasi, written.teks, item.tercetak,
                         SESUAI if ok else TIDAK_SESUAI, "" if ok else
                         f"tertulis {written.teks}, dihitung {item.tercetak}",
                         src + item.sumber)
            return
        roles = roles_of(text, written, s0)
        if roles and set(roles) <= {j.REALISASI, j.NILAI} and not kode_iku and not named and \
                not _AKIP_WORDS.search(sentence):
            # "nilai 2,70" of an award: a figure the workbook does not hold
            self.add(NARASI, f"Angka {shown}", lokasi, written.teks, "-", PERIKSA,
                     "angka ini tidak ada di workbook; periksa dokumen sumbernya", src)
            return
        if roles:
            pool = [x for x in primary if x.peran in roles and j.compatible(written, x)]
            hit = j.match(written, pool)
            if hit is None and not pool:
                others = [x for x in secondary if x.peran in roles and j.compatible(written, x)]
                hit = j.match(written, others)
                if hit is None and len(others) == 1:
                    pool = others
                elif hit is None:
                    self.add(NARASI, f"Angka {shown}", lokasi, written.teks, "-", PERIKSA,
                             "tidak dapat dipastikan angka mana yang dimaksud; sebutkan nama "
                             "indikator, program atau sub kegiatannya", src)
                    return
            if hit is not None:
                self.add(NARASI, f"{hit.uraian}: {shown}", lokasi, written.teks, hit.tercetak,
                         SESUAI, "", src + hit.sumber)
                return
            expected = pool[0]
            self.add(NARASI, f"{expected.uraian}: {shown}", lokasi, written.teks,
                     expected.tercetak, TIDAK_SESUAI,
                     f"narasi menulis {written.teks}, hasil hitungan {expected.tercetak}",
                     src + expected.sumber)
            return
        if written.jenis in (a.PERSEN, a.RUPIAH):
            hit = j.match(written, primary) or j.match(written, secondary)
            if hit is not None:
                self.add(NARASI, f"{hit.uraian}: {shown}", lokasi, written.teks, hit.tercetak,
                         SESUAI, "angka sama dengan hasil hitungan ini", src + hit.sumber)
            else:
                self.add(NARASI, f"Angka {shown}", lokasi, written.teks, "-", PERIKSA,
                         "angka ini tidak ada di antara angka yang dihitung dari workbook",
                         src)

    def count_key(self, text: str, written: a.Bilangan, kode_iku: str | None) -> str | None:
        if written.jenis not in (a.JUMLAH, a.ANGKA) or written.desimal:
            return None
        m = _AFTER_COUNT.match(text[written.akhir:])
        if not m:
            return None
        noun = m.group("noun")
        for pattern, iku_key, whole_key in _COUNTED:
            if pattern.match(noun):
                if kode_iku and iku_key:
                    return f"iku/{kode_iku}/{iku_key}"
                return f"jumlah/{whole_key}"
        return None

    # -- words --------------------------------------------------------------------------------
    _NEGATIVE = re.compile(r"\b(?:belum|tidak)\s+(?:ter)?(?:capai|tercapai|terpenuhi|penuhi|"
                           r"memenuhi|mencapai)\w*", re.IGNORECASE)
    _POSITIVE = re.compile(r"(?<!belum )(?<!tidak )\b(?:telah\s+)?(?:tercapai|terlampaui|"
                           r"melampaui target|melebihi target)\b", re.IGNORECASE)
    _UP = re.compile(r"\b(?:meningkat|peningkatan|naik|kenaikan)\b", re.IGNORECASE)
    _DOWN = re.compile(r"\b(?:menurun|penurunan|turun)\b", re.IGNORECASE)
    _RENSTRA_PERIOD = re.compile(r"\brenstra\b[^.;]{0,80}?\b((?:19|20)\d\d)\s*[-\u2013]\s*"
                                 r"((?:19|20)\d\d)\b", re.IGNORECASE)
    _REPORT_YEAR = re.compile(r"\b(?:LKIP|LKjIP|Laporan Kinerja(?: Instansi Pemerintah)?)"
                              r"(?:\s*\([^)]*\))?[^.;]{0,60}?\bTahun\s+((?:19|20)\d\d)\s+ini\b",
                              re.IGNORECASE)
    _RANK = re.compile(r"\b(?i:peringkat)\s+(?:(?i:ke)[-\s]?)?([IVXLC]+|\d+)\b")
    _PREDIKAT = re.compile(r"\b(?i:predikat)(?:\s+(?i:nilai))?\s+[\"\u201c']?([A-Z]{1,2}|"
                           r"[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")

    def words(self, text: str, kode_iku: str | None, bagian: str, lokasi: str,
              src: tuple[Location, ...]) -> None:
        res = self.res
        r = next((x for x in res.ikus if x.iku.kode == kode_iku), None)
        # The steps for next year and the reasons an IKU was chosen speak of indicators in
        # general ("indikator yang masih belum mencapai target"), not of this one's result.
        if r is not None and r.capaian.value is not None and bagian in _STATUS_SECTIONS:
            cap = r.capaian.value
            shown = fmt.percent(cap)
            for m in self._NEGATIVE.finditer(text):
                ok = cap < 100
                self.add(KATA, f"Status capaian IKU {r.iku.kode}: '{m.group(0)}'", lokasi,
                         m.group(0), f"capaian {shown}", SESUAI if ok else TIDAK_SESUAI,
                         "" if ok else f"narasi menyebut '{m.group(0)}', padahal capaian "
                                       f"{shown} (target tercapai)",
                         src + self.items[f"iku/{r.iku.kode}/capaian"].sumber)
            for m in self._POSITIVE.finditer(text):
                ok = cap >= 100
                self.add(KATA, f"Status capaian IKU {r.iku.kode}: '{m.group(0)}'", lokasi,
                         m.group(0), f"capaian {shown}", SESUAI if ok else TIDAK_SESUAI,
                         "" if ok else f"narasi menyebut '{m.group(0)}', padahal capaian "
                                       f"{shown} (target belum tercapai)",
                         src + self.items[f"iku/{r.iku.kode}/capaian"].sumber)
            lalu = r.tahun_lalu  # there is a trend only with last year's figures
            if bagian in ("perbandingan_tahun_lalu", "penyebab") and r.tren_capaian and \
                    lalu is not None:
                for pattern, want, word in ((self._UP, NAIK, "meningkat"),
                                            (self._DOWN, TURUN, "menurun")):
                    for m in pattern.finditer(text):
                        ok = r.tren_capaian == want
                        tren = {NAIK: "meningkat", TURUN: "menurun", TETAP: "sama"}[
                            r.tren_capaian]
                        self.add(KATA, f"Arah capaian IKU {r.iku.kode} dibanding tahun lalu: "
                                       f"'{m.group(0)}'", lokasi, m.group(0),
                                 f"capaian {tren}: {fmt.percent(lalu.capaian.value)} "
                                 f"({lalu.tahun}) \u2192 {shown}",
                                 SESUAI if ok else TIDAK_SESUAI,
                                 "" if ok else f"narasi menyebut {word}", src)
        p = res.wb.profil
        periods = [p.periode_renstra] + ([p.periode_renstra_sebelumnya]
                                         if p.periode_renstra_sebelumnya else [])
        for m in self._RENSTRA_PERIOD.finditer(text):
            written = (int(m.group(1)), int(m.group(2)))
            ok = written in periods
            self.add(KATA, "Periode Renstra yang disebut", lokasi, f"{written[0]}-{written[1]}",
                     " atau ".join(f"{x}-{y}" for x, y in periods),
                     SESUAI if ok else TIDAK_SESUAI,
                     "" if ok else "periode ini bukan periode Renstra (atau Renstra sebelumnya) "
                                   "di Profil", src + tuple(p.src.at(k) for k in (
                                       "periode_renstra", "periode_renstra_sebelumnya")
                                       if p.src.at(k).cell))
        for m in self._REPORT_YEAR.finditer(text):
            ok = int(m.group(1)) == p.tahun
            self.add(KATA, "Tahun laporan yang disebut", lokasi, m.group(1), str(p.tahun),
                     SESUAI if ok else TIDAK_SESUAI,
                     "" if ok else f"laporan ini untuk Tahun {p.tahun}",
                     src + ((p.src.at("tahun"),) if p.src.at("tahun").cell else ()))
        ini = self.items.get("peringkat/ini")
        for m in self._RANK.finditer(text):
            if ini is None:
                break
            value = _roman(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
            if value is None:
                continue
            ok = Decimal(value) == ini.nilai
            self.add(NARASI, "Peringkat AKIP yang disebut", lokasi, m.group(0),
                     f"peringkat ke-{ini.tercetak}", SESUAI if ok else TIDAK_SESUAI,
                     "" if ok else f"peringkat yang dihitung dari lembar Peringkat AKIP: "
                                   f"ke-{ini.tercetak}", src + ini.sumber[:1])
        for m in self._PREDIKAT.finditer(text):
            low = text.casefold()
            if r is not None and r.predikat is not None and "akip" not in low:
                item = self.items.get(f"iku/{r.iku.kode}/predikat")
            else:
                item = self.items.get("akip/predikat")
            if item is None:
                continue
            ok = m.group(1).casefold() == item.tercetak.casefold()
            self.add(NARASI, f"{item.uraian} yang disebut", lokasi, m.group(0), item.tercetak,
                     SESUAI if ok else TIDAK_SESUAI,
                     "" if ok else f"predikat yang dihitung: {item.tercetak}", src + item.sumber)

    def text(self, raw: str, kode_iku: str | None, bagian: str, lokasi: str,
             src: tuple[Location, ...]) -> None:
        text = " ".join(a.plain(raw).split())
        for written in a.find(text):
            if written.jenis == a.TAHUN:
                continue
            self.figure(text, written, kode_iku, lokasi, src)
        self.words(text, kode_iku, bagian, lokasi, src)


def _snippet(text: str, written: a.Bilangan, width: int = 40) -> str:
    start = max(0, written.awal - width)
    cut = text[start:written.akhir]
    if start:
        cut = "\u2026" + cut[cut.find(" ") + 1:] if " " in cut else "\u2026" + cut
    return cut


def narasi(res: Results, items: dict[str, j.Angka]) -> list[Cek]:
    """The figures and words staff typed into the narrative, against the computed ones."""
    check = _Narasi(res, items)
    labels = {s.key: s.label for s in c.NARRATIVE_SECTIONS}
    for n in res.wb.narasi:
        where = labels.get(n.bagian, n.bagian) + (f", {n.kode_iku}" if n.kode_iku else "")
        loc = n.src.at("teks")
        check.text(n.teks, n.kode_iku, n.bagian, f"{loc} ({where})", (loc,) if loc.cell else ())
    for p in res.wb.prestasi:
        loc = p.src.at("uraian")
        check.text(p.uraian, None, "prestasi", f"{loc} (Prestasi)", (loc,) if loc.cell else ())
    return check.out


# --- the planning documents and the budget -----------------------------------------------------

def pk_renstra(res: Results) -> list[Cek]:
    out = []
    tahun = res.wb.profil.tahun
    for r in res.ikus:
        iku, d = r.iku, r.iku.desimal
        rows = {t.tahun: t for t in res.wb.target_iku if t.kode_iku == iku.kode}
        this = rows.get(tahun)
        t_src = (this.src.at("target"),) if this else ()
        name = f"IKU {iku.kode} {iku.nama}"
        if r.target_renstra is None:
            out.append(Cek(PK_RENSTRA, f"Target Renstra {tahun} {name}", str(iku.src.at("kode")),
                           "-", "-", TIDAK_SESUAI,
                           f"target Renstra tahun {tahun} belum diisi di lembar Target IKU",
                           (iku.src.at("kode"),)))
            continue
        if iku.target_pk is None:
            out.append(Cek(PK_RENSTRA, f"Target PK {name}", str(iku.src.at("target_pk")),
                           "(kosong)", fmt.number(r.target_renstra, d), CATATAN,
                           "Target PK tidak diisi: laporan memakai target Renstra tahun ini",
                           (iku.src.at("target_pk"),) + t_src))
        else:
            ok = fmt.number(iku.target_pk, d) == fmt.number(r.target_renstra, d)
            out.append(Cek(PK_RENSTRA, f"Target PK {name} terhadap target Renstra {tahun}",
                           str(iku.src.at("target_pk")), fmt.number(iku.target_pk, d),
                           fmt.number(r.target_renstra, d), SESUAI if ok else TIDAK_SESUAI,
                           "" if ok else "Target PK berbeda dengan target Renstra tahun ini; "
                                         "pastikan ada dasar perubahannya",
                           (iku.src.at("target_pk"),) + t_src))
        if iku.target_pk_perubahan is not None:
            base = iku.target_pk if iku.target_pk is not None else r.target_renstra
            ok = fmt.number(iku.target_pk_perubahan, d) == fmt.number(base, d)
            out.append(Cek(PK_RENSTRA, f"Target PK Perubahan {name} terhadap Target PK",
                           str(iku.src.at("target_pk_perubahan")),
                           fmt.number(iku.target_pk_perubahan, d), fmt.number(base, d),
                           SESUAI if ok else CATATAN,
                           "" if ok else "target diubah pada PK Perubahan; capaian diukur "
                                         "terhadap target PK Perubahan",
                           (iku.src.at("target_pk_perubahan"), iku.src.at("target_pk"))))
    return out


def anggaran_pk(res: Results) -> list[Cek]:
    out = []
    for pk in res.pk:
        prog = pk.program
        name = f"program {prog.kode} {prog.nama}"
        subs = [s for s in res.wb.sub_kegiatan
                if any(k.kode == s.kode_kegiatan and k.kode_program == prog.kode
                       for k in res.wb.kegiatan)]
        murni_src = tuple(s.src.at("pagu_murni") for s in subs if s.pagu_murni is not None)
        pagu_src = tuple(s.src.at("pagu_perubahan" if s.pagu_perubahan is not None
                                  else "pagu_murni") for s in subs)
        for typed, tree, key, what, src in (
                (pk.anggaran_pk, pk.tree_murni, "anggaran_pk", "Anggaran PK", murni_src),
                (pk.anggaran_pk_perubahan, pk.tree_pagu, "anggaran_pk_perubahan",
                 "Anggaran PK Perubahan", pagu_src)):
            tree_text = "Rp" + fmt.money(tree) if tree is not None else "-"
            if typed is None:
                out.append(Cek(ANGGARAN_PK, f"{what} {name}", str(prog.src.at(key)), "(kosong)",
                               tree_text, CATATAN,
                               f"{what} tidak diisi: laporan memakai jumlah pagu sub kegiatan",
                               (prog.src.at(key),) + src))
                continue
            ok = typed == (tree or Decimal(0))
            out.append(Cek(ANGGARAN_PK, f"{what} {name} terhadap jumlah pagu sub kegiatannya",
                           str(prog.src.at(key)), "Rp" + fmt.money(typed), tree_text,
                           SESUAI if ok else TIDAK_SESUAI,
                           "" if ok else f"selisih Rp{fmt.money(typed - (tree or Decimal(0)))}",
                           (prog.src.at(key),) + src))
    return out


def metode(res: Results) -> list[Cek]:
    out = []
    for r in res.ikus:
        iku = r.iku
        text = {c.METODE_NAIK: "makin tinggi makin baik (R/T x 100)",
                c.METODE_TURUN_SELISIH: "makin rendah makin baik ((2T-R)/T x 100)",
                c.METODE_TURUN_RASIO: "makin rendah makin baik (T/R x 100)"}[iku.metode]
        batas = f"; dibatasi paling tinggi {fmt.percent(iku.batas_capaian)}" \
            if iku.batas_capaian is not None else ""
        out.append(Cek(METODE, f"Metode capaian IKU {iku.kode} {iku.nama}",
                       str(iku.src.at("metode")), iku.metode, text + batas, SESUAI,
                       "laporan menyatakan rumusnya di Subbab 3.1"
                       + ("" if iku.metode == c.METODE_NAIK else " dan di analisis IKU (3.2)"),
                       (iku.src.at("metode"),)))
        ok = bool(iku.rumus and iku.rumus.strip())
        out.append(Cek(METODE, f"Rumus IKU {iku.kode} di Tabel IKU", str(iku.src.at("rumus")),
                       (iku.rumus or "(kosong)")[:120], "diisi", SESUAI if ok else TIDAK_SESUAI,
                       "" if ok else "kolom Rumus kosong: Tabel IKU mencetak '-'",
                       (iku.src.at("rumus"),)))
        for ipr in r.indikator_program:
            ip = ipr.ip
            out.append(Cek(METODE, f"Metode capaian indikator program {ip.kode} {ip.nama}",
                           str(ip.src.at("metode")), ip.metode, "", SESUAI, "",
                           (ip.src.at("metode"),)))
    return out


def tahun_lalu(res: Results, lalu: Results | None = None) -> list[Cek]:
    out = []
    tahun = res.wb.profil.tahun
    lalu_iku = {r.iku.kode: r for r in lalu.ikus} if lalu is not None else {}
    if lalu is not None and lalu.wb.profil.tahun != tahun - 1:
        out.append(Cek(TAHUN_LALU, "Tahun workbook pembanding", lalu.wb.source_name,
                       str(lalu.wb.profil.tahun), str(tahun - 1), TIDAK_SESUAI,
                       "workbook pembanding bukan workbook tahun lalu"))
    for r in res.ikus:
        iku, d = r.iku, r.iku.desimal
        row = next((t for t in res.wb.target_iku
                    if t.kode_iku == iku.kode and t.tahun == tahun - 1), None)
        name = f"IKU {iku.kode} {iku.nama}"
        if row is None or row.realisasi is None:
            loc = row.src.at("realisasi") if row else iku.src.at("kode")
            out.append(Cek(TAHUN_LALU, f"Realisasi {tahun - 1} {name}", str(loc), "(kosong)", "-",
                           PERIKSA, f"realisasi tahun {tahun - 1} tidak diisi di lembar Target "
                                    "IKU: laporan tidak dapat membandingkan dengan tahun lalu",
                           (loc,)))
            continue
        if lalu is None:
            out.append(Cek(TAHUN_LALU, f"Realisasi {tahun - 1} {name}",
                           str(row.src.at("realisasi")), fmt.number(row.realisasi, d), "-",
                           PERIKSA, "cocokkan dengan LKIP tahun lalu (atau berikan workbook tahun "
                                    "lalu: lkip reviu ... --tahun-lalu LKIP-LALU.xlsx)",
                           (row.src.at("realisasi"),)))
            continue
        before = lalu_iku.get(iku.kode)
        if before is None:
            out.append(Cek(TAHUN_LALU, f"Realisasi {tahun - 1} {name}",
                           str(row.src.at("realisasi")), fmt.number(row.realisasi, d), "-",
                           PERIKSA, f"IKU {iku.kode} tidak ada di workbook tahun lalu",
                           (row.src.at("realisasi"),)))
            continue
        for what, typed, then in (("Realisasi", row.realisasi, before.realisasi),
                                  ("Target", row.target, before.target)):
            if typed is None:
                continue
            ok = fmt.number(typed, d) == fmt.number(then, d)
            out.append(Cek(TAHUN_LALU, f"{what} {tahun - 1} {name} terhadap workbook tahun lalu",
                           str(row.src.at(what.lower())), fmt.number(typed, d),
                           fmt.number(then, d), SESUAI if ok else TIDAK_SESUAI,
                           "" if ok else f"berbeda dengan {what.lower()} di "
                                         f"{lalu.wb.source_name}",
                           (row.src.at(what.lower()),)))
    return out


def dukungan(res: Results) -> list[Cek]:
    out = []
    for r in res.ikus:
        for ipr in r.indikator_program:
            if not ipr.subs:
                out.append(Cek(DUKUNGAN, f"Sub kegiatan pendukung indikator program {ipr.ip.kode}",
                               str(ipr.ip.src.at("kode")), "0", "-", PERIKSA,
                               "tidak ada sub kegiatan yang mendukung indikator program ini",
                               (ipr.ip.src.at("kode"),)))
        if not r.programs:
            out.append(Cek(DUKUNGAN, f"Anggaran pendukung IKU {r.iku.kode}",
                           str(r.iku.src.at("kode")), "0", "-", PERIKSA,
                           "tidak ada sub kegiatan yang mendukung IKU ini: laporan tidak dapat "
                           "menganalisis efisiensinya", (r.iku.src.at("kode"),)))
    return out


def workbook_warnings(warnings: list[Problem]) -> list[Cek]:
    return [Cek(WORKBOOK, p.message, str(p.location), "", "", PERIKSA, f"[{p.code}]",
                (p.location,) if p.location.sheet else ()) for p in warnings]


def semua(res: Results, items: dict[str, j.Angka], warnings: list[Problem],
          lalu: Results | None = None) -> list[Cek]:
    """Every check, in the order of the sheet."""
    return (narasi(res, items) + pk_renstra(res) + anggaran_pk(res) + metode(res)
            + tahun_lalu(res, lalu) + dukungan(res) + workbook_warnings(warnings))
