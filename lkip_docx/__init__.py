"""lkip-docx: one standard Excel workbook in, an editable Word LKIP (Laporan Kinerja Instansi
Pemerintah) out, with every figure computed from the workbook."""

__version__ = "0.1.0"

__all__ = ["build_report", "check_workbook", "compute_workbook", "init_workbook", "LkipError",
           "Problem", "__version__"]

_LAZY = {"build_report": "api", "check_workbook": "api", "compute_workbook": "api",
         "init_workbook": "api", "LkipError": "problems", "Problem": "problems"}


def __getattr__(name: str):
    # The public API is imported on first use, so that `python -m lkip_docx build` can start its
    # renderer process before paying for any of it (pipeline.py).
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
