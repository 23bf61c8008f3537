"""lkip-docx: one standard Excel workbook in, an editable Word LKIP (Laporan Kinerja Instansi
Pemerintah) out, with every figure computed from the workbook.

The library API is ``lkip_docx.api``; the ``lkip`` command is ``lkip_docx.cli``. This package file
imports nothing, so that ``python -m lkip_docx`` can take the working folder off the import path
before any other module is imported (see __main__.py).
"""

__version__ = "0.1.0"
