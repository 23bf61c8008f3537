"""The place kept for the PDF download.

PDF output (through LibreOffice) is another issue's work in the library. The page offers a PDF
only when ``lkip_docx.api`` has both functions named here and the second says LibreOffice was
found; until then the button is not shown and the address answers 404 (tests check that). When
the library's function lands, check its name and arguments against ``work.build_pdf``.
"""

from __future__ import annotations

from lkip_docx import api

#: expected: api.convert_to_pdf(docx_path, pdf_path) -> the PDF's path; LkipError on failure
CONVERT = "convert_to_pdf"
#: expected: api.pdf_available() -> bool, whether LibreOffice was found on this machine
AVAILABLE = "pdf_available"


def available() -> bool:
    convert, found = getattr(api, CONVERT, None), getattr(api, AVAILABLE, None)
    return callable(convert) and callable(found) and bool(found())


def convert(docx: str, pdf: str):
    return getattr(api, CONVERT)(docx, pdf)
