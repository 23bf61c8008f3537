"""lkip-docx: one standard Excel workbook in, an editable Word LKIP (Laporan Kinerja Instansi
Pemerintah) out, with every figure computed from the workbook."""

__version__ = "0.1.0"

from lkip_docx.api import (  # noqa: E402
                           build_many,
                           build_report,
                           check_template,
                           check_workbook,
                           compute_workbook,
                           init_workbook,
                           write_rekap,
)
from lkip_docx.problems import LkipError, Problem  # noqa: E402

__all__ = ["build_many", "build_report", "check_template", "check_workbook", "compute_workbook",
           "init_workbook", "write_rekap", "LkipError", "Problem", "__version__"]
