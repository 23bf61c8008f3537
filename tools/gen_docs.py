"""Regenerates the files derived from others: docs/workbook.md and the blank
workbook_template.xlsx at the repository root (from the workbook contract), and the copy of
docs/errors.md the web page ships in lkip_docx/web/errors.md (docs/ is not installed).

    python tools/gen_docs.py          # rewrite them
    python tools/gen_docs.py --check  # exit 1 if docs/workbook.md is out of date (the tests
                                      # check the others too)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lkip_docx.numbers import NOT_AVAILABLE_TEXT  # noqa: E402
from lkip_docx.workbook import contract as c  # noqa: E402

INTRO = """# The standard workbook

This page is generated from `lkip_docx/workbook/contract.py` by `python tools/gen_docs.py`; edit
the contract, not this file. A test fails when the two disagree.

One workbook holds every input of one LKIP. `lkip init FILE.xlsx` writes a blank copy (the same as
`workbook_template.xlsx` at the repository root); `lkip check FILE.xlsx` lists every problem.

Rules that hold for every sheet:

- Columns are found by their header text (case, spaces and punctuation ignored), never by position.
  Extra columns and extra sheets are ignored, so agencies may add their own notes.
- One record per row; no merged cells in the data area. Fully blank rows are skipped.
- Numbers may be numeric cells or text typed the Indonesian way (`1.234.567`, `98,32`, `98,32%`,
  `Rp 1.234.567`). Text whose meaning is a guess (`4.09`, `1,234`) is an error. A cell formatted as
  a percentage holds 0.9832 for 98,32% and is read that way.
- A blank cell means "not filled in" and is never read as 0.
- Where a column says "or N/A", a cell may say its number is not available (not applicable, or not
  known yet): """ + ", ".join(f"`{t}`" for t in sorted(NOT_AVAILABLE_TEXT)) + """ (any case). The
  report prints N/A there (never 0 or a made-up figure), leaves the figures that need it undefined,
  `lkip check` warns at the cell, and the report is marked DRAF while any such cell remains
  (Profil `Status Dokumen`). An `angka` cell may hold a ratio written `1:17,9` (read as 17,9).
- Codes and NIP are text: format the column as Text before typing, or Excel drops zeros and digits.
- A formula cell must have been calculated (saved by Excel or LibreOffice); a file written by a
  program that does not calculate is refused with a message at that cell.
- Kinds: """ + ", ".join(f"{k} = {v}" for k, v in c.KIND_LABELS.items()) + """.

Layout version: """ + c.LAYOUT_VERSION + """ (stored in Profil, row "Versi Format").
"""


def _esc(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _column_kind(col: c.Column) -> str:
    kind = c.KIND_LABELS[col.kind]
    if col.choices:
        kind += ": " + " / ".join(f"`{x}`" for x in col.choices)
    lowest, highest = col.limits
    if lowest is not None and highest is not None:
        kind += f", {lowest} to {highest}"
    elif highest is not None:
        kind += f", at most {highest}"
    elif lowest is not None:
        kind += f", at least {lowest}"
    if col.not_available:
        kind += ", or N/A"
    if col.ref:
        target = c.sheet(col.ref)
        kind += f" (code from `{target.name}`"
        for derived in target.derived_codes:
            kind += f", or `{derived.code}` from `{c.sheet(derived.source).name}`"
        kind += ")"
    return kind


def _blank_means(col: c.Column) -> str:
    """The default of an optional column (a required one's blank is an error)."""
    if col.required or col.default is None:
        return ""
    if isinstance(col.default, bool):
        return "Ya" if col.default else "Tidak"
    return f"`{col.default}`"


def workbook_markdown() -> str:
    out = [INTRO]
    out.append("## Sheets\n")
    out.append("| sheet | holds | required to have rows |")
    out.append("| --- | --- | --- |")
    out.append(f"| `{c.PETUNJUK_NAME}` | instructions for every sheet and column (generated) | - |")
    for s in c.SHEETS:
        out.append(f"| `{s.name}` | {_esc(s.help)} | {'no' if s.optional_rows else 'yes'} |")
    out.append("")
    for s in c.SHEETS:
        out.append(f"## {s.name}\n")
        out.append(_esc(s.help) + "\n")
        if s.is_fields:
            out.append(f"Columns: {', '.join('`' + h + '`' for h in c.PROFIL_HEADERS)}; "
                       "one row per field, found by the text in `Isian`.\n")
            out.append("| Isian | kind | required | meaning | example |")
            out.append("| --- | --- | --- | --- | --- |")
            for f in s.fields:
                kind = c.KIND_LABELS[f.kind] + (": " + " / ".join(f.choices) if f.choices else "")
                out.append(f"| `{f.label}` | {kind} | {'yes' if f.required else ''} | "
                           f"{_esc(f.help)} | {_esc(f.example)} |")
        else:
            if s.unique:
                names = " + ".join(s.column(k).header for k in s.unique)
                out.append(f"Unique: `{names}`.\n")
            out.append("| column | kind | required | blank means | meaning | example |")
            out.append("| --- | --- | --- | --- | --- | --- |")
            for col in s.columns:
                out.append(f"| `{col.header}` | {_column_kind(col)} | "
                           f"{'yes' if col.required else ''} | {_blank_means(col)} | "
                           f"{_esc(col.help)} | {_esc(col.example)} |")
        if s.key in c.DEFAULT_ROWS:
            out.append(f"\nA blank workbook comes with {len(c.DEFAULT_ROWS[s.key])} rows "
                       "pre-filled (the usual SAKIP/AKIP and SPBE scales), which the agency "
                       "may edit.")
        out.append("")
    out.append("## The Profil of each kind of reporting unit\n")
    out.append("The fields that differ between kinds of unit, as each kind fills them in "
               "(`contract.CONTOH_PER_JENIS`; the first four columns are the bundled samples). "
               "A dash is a field left blank, with the default it stands for in brackets; "
               "[agencies.md](agencies.md) explains the defaults and the budget shapes.\n")
    out.append("| Isian | " + " | ".join(c.CONTOH_JUDUL) + " |")
    out.append("| --- |" + " --- |" * len(c.CONTOH_JUDUL))
    for key, values in c.CONTOH_PER_JENIS:
        out.append(f"| `{c.PROFIL.field(key).label}` | "
                   + " | ".join(_esc(v) for v in values) + " |")
    out.append("")
    out.append("## Narrative sections (sheet Narasi, column Bagian)\n")
    out.append("| Bagian | per IKU | where it appears |")
    out.append("| --- | --- | --- |")
    for sec in c.NARRATIVE_SECTIONS:
        out.append(f"| `{sec.label}` | {'yes' if sec.per_iku else ''} | {_esc(sec.help)} |")
    out.append("")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    doc = ROOT / "docs" / "workbook.md"
    text = workbook_markdown()
    if args.check:
        if not doc.exists() or doc.read_text(encoding="utf-8") != text:
            print("docs/workbook.md is out of date: run python tools/gen_docs.py")
            return 1
        return 0
    doc.parent.mkdir(exist_ok=True)
    doc.write_text(text, encoding="utf-8")
    from lkip_docx.workbook.writer import write_workbook

    write_workbook(ROOT / "workbook_template.xlsx")
    errors = (ROOT / "docs" / "errors.md").read_bytes()
    (ROOT / "lkip_docx" / "web" / "errors.md").write_bytes(errors)
    print("wrote docs/workbook.md, workbook_template.xlsx and lkip_docx/web/errors.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
