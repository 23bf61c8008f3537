"""Every sentence of the report that states a figure, as pure functions returning Indonesian text.

The functions take computed figures (compute/ results, lines and capaian) and the few settings
they need, and return text with the **bold**/*italic* markup of richtext.py; user text inside a
sentence goes through ``lit()``. The context layer places the text; nothing here knows the
template. Grouped by what the sentences describe, so a variant has one obvious home:

- ``words``: words and phrases shared by sentences and tables (names, rupiah, status, trend);
- ``capaian``: an indicator's capaian, its method, the summary per IKU, indikator program;
- ``comparison``: against earlier years and the Renstra end target;
- ``budget``: per sub kegiatan, efisiensi per IKU, realisasi anggaran of the agency;
- ``counts``: how many programs, kegiatan and sub kegiatan support the performance;
- ``front``: head of the region, the Perjanjian Kinerja's parties, default Kata Pengantar and
  Kesimpulan, Ikhtisar Eksekutif.

Words that differ between kinds of agency (the budget's levels, its change, the period, the plan)
are parameters with the perangkat daerah's word as default; workbook/kinds.py resolves them.
"""

from lkip_docx.report.sentences.budget import (
    daftar_program_lead,
    efisiensi_sasaran_sentence,
    efisiensi_sentence,
    kelompok_phrase,
    output_phrase,
    realisasi_anggaran_sentence,
    sub_kegiatan_sentence,
)
from lkip_docx.report.sentences.capaian import (
    iku_sentence,
    ip_sentence,
    method_sentence,
    metode_line,
    ringkas_item,
)
from lkip_docx.report.sentences.comparison import (
    compared,
    comparison_sentence,
    renstra_sebelumnya_sentence,
    renstra_sentence,
)
from lkip_docx.report.sentences.counts import TINGKAT_APBD, counts_phrase, program_sentence
from lkip_docx.report.sentences.front import (
    ikhtisar_akip,
    ikhtisar_anggaran,
    ikhtisar_iku,
    ikhtisar_pembuka,
    kata_pengantar,
    kepala_daerah,
    kesimpulan,
    pk_phrase,
    pk_signed_sentence,
)
from lkip_docx.report.sentences.words import (
    banding,
    join_words,
    nama_lengkap,
    ordinal,
    rp_kalimat,
    singkatan_lengkap,
    status_capaian,
    tren_kata,
)

__all__ = [
    "TINGKAT_APBD", "banding", "compared", "comparison_sentence", "counts_phrase",
    "daftar_program_lead", "efisiensi_sasaran_sentence", "efisiensi_sentence", "join_words",
    "pk_phrase", "pk_signed_sentence",
    "iku_sentence", "ikhtisar_akip", "ikhtisar_anggaran", "ikhtisar_iku", "ikhtisar_pembuka",
    "ip_sentence", "kata_pengantar", "kelompok_phrase", "kepala_daerah", "kesimpulan",
    "method_sentence", "metode_line", "nama_lengkap", "ordinal", "output_phrase",
    "program_sentence", "realisasi_anggaran_sentence", "renstra_sebelumnya_sentence",
    "renstra_sentence", "ringkas_item",
    "rp_kalimat", "singkatan_lengkap", "status_capaian", "sub_kegiatan_sentence", "tren_kata",
]
