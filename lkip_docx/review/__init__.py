"""Tools for the Inspektorat's review of an LKIP (*reviu atas Laporan Kinerja*), on top of the
build: they read workbooks and reports, never the other way round.

- ``dokumen``: a .docx as located paragraphs and table cells (chapter, table number, row, column);
- ``angka``: the figures written in a sentence (percent, rupiah, numbers, counts in words);
- ``verify``: a report compared with the one its workbook builds (``lkip verify``);
- ``jejak``: every printed figure with its formula and source cells (sheet Jejak Angka);
- ``konsistensi``: the cross-checks a review makes (sheet Konsistensi);
- ``kertas_kerja``: the review checklist, answered where the workbook can (sheet Kertas Kerja);
- ``lembar``: the review workbook written with openpyxl (``lkip reviu``);
- ``diff``: what changed between two versions of a workbook (``lkip diff``).

docs/review.md describes the reviewer's workflow.
"""
