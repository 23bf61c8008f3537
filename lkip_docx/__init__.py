"""lkip-docx: one standard Excel workbook in, an editable Word LKIP (Laporan Kinerja Instansi
Pemerintah) out, with every figure computed from the workbook."""

__version__ = "0.1.0"

from .api import build_report, check_workbook, compute_workbook, init_workbook  # noqa: E402
from .problems import LkipError, Problem  # noqa: E402

__all__ = ["build_report", "check_workbook", "compute_workbook", "init_workbook", "LkipError",
           "Problem", "__version__"]
