"""Builds each sample workbook samples/NAME.xlsx from its data file samples/src/NAME.json.

    python tools/make_sample.py                     # rebuild every sample workbook
    python tools/make_sample.py samples/src/X.json  # rebuild that one
    python tools/make_sample.py --check             # exit 1 when a workbook is not what its data
                                                    # file builds (cell values, every sheet)
    python tools/make_sample.py --extract W.xlsx [-o samples/src/NAME.json]
                                                    # a filled workbook -> a new data file

A data file holds the Profil values and the rows of every sheet, keyed by the contract's sheet,
field and column keys (lkip_docx/workbook/contract.py); samples/README.md documents the format.
Headers, drop-downs, formats and the Petunjuk sheet come from the writer
(lkip_docx.workbook.writer.write_workbook), so the workbook is always in the current layout. The
script needs nothing outside the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lkip_docx.workbook import contract as c  # noqa: E402
from lkip_docx.workbook.writer import write_workbook  # noqa: E402

SAMPLES = ROOT / "samples"
SRC = "src"

NUMBER_KINDS = (c.DECIMAL, c.MONEY, c.PERCENT)
WHOLE_KINDS = (c.INT, c.YEAR)
#: Profil fields naming a picture that must lie beside the workbook.
IMAGE_FIELDS = ("logo", "bagan_organisasi")

# One spelling per number: digits, an optional minus, an optional decimal comma; no thousands
# separator and no dot, so a figure copied from a printed report ("1.403.610.650") is refused
# instead of being read as 1.403.
_NUMBER = re.compile(r"-?\d+(?:,\d+)?")
_WHOLE = re.compile(r"-?\d+")


class DataError(ValueError):
    """A data file that does not follow the format; the message names the place."""


# --- data file -> workbook ------------------------------------------------------------------------

def _no_duplicates(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise DataError(f"key {key!r} appears twice in one object")
        out[key] = value
    return out


def _convert(kind: str, value, where: str):
    """The Python value the writer gets for a data file string of this kind."""
    if kind == c.TEXT and isinstance(value, list) and value and all(
            isinstance(line, str) for line in value):
        # A text cell of several lines may be written as the list of its lines (easier to read
        # and to review than one string full of \n).
        return "\n".join(value)
    if not isinstance(value, str):
        shown = value if isinstance(value, Decimal) else json.dumps(value)
        raise DataError(f"{where}: {shown} is not a string; every value is text "
                        "(numbers too: \"1403610650\", \"4,41\"), a text of several lines "
                        "may be a list of lines; leave a blank cell out")
    if value == "":
        raise DataError(f"{where}: empty string; leave a blank cell out")
    if kind in WHOLE_KINDS:
        if not _WHOLE.fullmatch(value):
            raise DataError(f"{where}: {value!r} is not a whole number")
        return int(value)
    if kind in NUMBER_KINDS:
        if not _NUMBER.fullmatch(value):
            raise DataError(f"{where}: {value!r} is not a number in the form 1403610650 or 4,41 "
                            "(decimal comma, no thousands separator)")
        number = Decimal(value.replace(",", "."))
        # A workbook cell holds a binary float, exact to 15 significant digits (as Excel shows
        # them): refuse digits it cannot keep rather than write another number.
        if len(number.normalize().as_tuple().digits) > 15:
            raise DataError(f"{where}: {value!r} has more digits than a workbook cell keeps "
                            "(15 significant digits)")
        return number
    if kind == c.DATE:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise DataError(f"{where}: {value!r} is not an ISO date (2025-01-16)") from None
    return value  # text, codes, choices, Ya/Tidak and periods go in as typed


def parse(text: str, name: str = "data") -> tuple[dict[str, list[dict]], dict[str, object]]:
    """The rows and Profil values a data file describes, as write_workbook takes them."""
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates,
                          parse_float=Decimal, parse_int=Decimal)
    except json.JSONDecodeError as exc:
        raise DataError(f"{name}: not JSON: {exc}") from None
    except DataError as exc:
        raise DataError(f"{name}: {exc}") from None
    if not isinstance(data, dict):
        raise DataError(f"{name}: the file must hold one object keyed by sheet")
    unknown = sorted(set(data) - set(c.SHEETS_BY_KEY))
    if unknown:
        raise DataError(f"{name}: unknown sheet key(s) {unknown}; the keys are "
                        f"{[s.key for s in c.SHEETS]}")
    profil: dict[str, object] = {}
    rows: dict[str, list[dict]] = {}
    for spec in c.SHEETS:
        given = data.get(spec.key)
        if spec.is_fields:
            given = {} if given is None else given
            if not isinstance(given, dict):
                raise DataError(f"{name}: {spec.key} must be an object of field: value")
            kinds = {f.key: f.kind for f in spec.fields}
            for key, value in given.items():
                if key not in kinds:
                    raise DataError(f"{name}: {spec.key}.{key}: unknown field")
                profil[key] = _convert(kinds[key], value, f"{name}: {spec.key}.{key}")
            continue
        # A sheet left out is empty: the writer's default rows (the usual scales) are not added,
        # so the data file alone says what the workbook holds.
        given = [] if given is None else given
        if not isinstance(given, list) or not all(isinstance(r, dict) for r in given):
            raise DataError(f"{name}: {spec.key} must be a list of objects, one per row")
        kinds = {col.key: col.kind for col in spec.columns}
        out = []
        for n, record in enumerate(given, start=1):
            row = {}
            for key, value in record.items():
                where = f"{name}: {spec.key}[{n}].{key}"
                if key not in kinds:
                    raise DataError(f"{where}: unknown column; the columns are {list(kinds)}")
                row[key] = _convert(kinds[key], value, where)
            out.append(row)
        rows[spec.key] = out
    return rows, profil


def build(data_file: Path, output: Path) -> None:
    rows, profil = parse(data_file.read_text(encoding="utf-8"), data_file.name)
    output.parent.mkdir(parents=True, exist_ok=True)
    write_workbook(output, rows, profil)


# --- comparing workbooks --------------------------------------------------------------------------

def cell_values(path: Path) -> dict[tuple[str, str], tuple[str, object]]:
    """Every non-empty cell of every sheet: (sheet, cell) -> (number/text/date/..., value).
    Numbers compare by value (an int and a float of the same value are one cell value)."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                v = cell.value
                if v is None:
                    continue
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    out[(ws.title, cell.coordinate)] = ("number", Decimal(repr(v)))
                else:
                    out[(ws.title, cell.coordinate)] = (type(v).__name__, v)
    out[("", "sheets")] = ("order", tuple(wb.sheetnames))
    return out


def differences(expected: Path, actual: Path, limit: int = 10) -> list[str]:
    want, have = cell_values(expected), cell_values(actual)
    keys = sorted(set(want) | set(have))
    diff = [f"{sheet}!{cell}: {want.get((sheet, cell))!r} != {have.get((sheet, cell))!r}"
            for sheet, cell in keys if want.get((sheet, cell)) != have.get((sheet, cell))]
    return diff[:limit] + ([f"... {len(diff) - limit} more"] if len(diff) > limit else [])


def check(samples: Path = SAMPLES) -> list[str]:
    """Every problem of the samples folder: a workbook without a data file or the reverse, a
    workbook that is not what its data file builds, a picture named in Profil that is missing."""
    failures = []
    workbooks = {p.stem: p for p in sorted(samples.glob("*.xlsx"))}
    data_files = {p.stem: p for p in sorted((samples / SRC).glob("*.json"))}
    for stem in sorted(set(workbooks) - set(data_files)):
        failures.append(f"{workbooks[stem].name}: no data file {SRC}/{stem}.json")
    for stem in sorted(set(data_files) - set(workbooks)):
        failures.append(f"{SRC}/{stem}.json: no workbook {stem}.xlsx (run tools/make_sample.py)")
    with tempfile.TemporaryDirectory() as tmp:
        for stem in sorted(set(workbooks) & set(data_files)):
            built = Path(tmp) / f"{stem}.xlsx"
            try:
                build(data_files[stem], built)
            except DataError as exc:
                failures.append(str(exc))
                continue
            for d in differences(built, workbooks[stem]):
                failures.append(f"{stem}.xlsx differs from {SRC}/{stem}.json: {d}")
            _, profil = parse(data_files[stem].read_text(encoding="utf-8"))
            for key in IMAGE_FIELDS:
                if profil.get(key) and not (samples / str(profil[key])).is_file():
                    failures.append(f"{SRC}/{stem}.json: Profil {key} {profil[key]!r} is not in "
                                    f"{samples.name}/")
    return failures


# --- workbook -> data file ------------------------------------------------------------------------

def _text(kind: str, value, where: str) -> str:
    """The data file string of a cell value (the inverse of _convert)."""
    if kind in NUMBER_KINDS + WHOLE_KINDS:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise DataError(f"{where}: {value!r} is not a number cell; type it as a number")
        number = Decimal(repr(value))
        if number == number.to_integral_value():
            return str(int(number))
        if kind in WHOLE_KINDS:
            raise DataError(f"{where}: {value!r} is not a whole number")
        return format(number.normalize(), "f").replace(".", ",")
    if kind == c.DATE:
        if not isinstance(value, dt.date) or (isinstance(value, dt.datetime)
                                               and value != dt.datetime.combine(value, dt.time())):
            raise DataError(f"{where}: {value!r} is not a date cell")
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    if not isinstance(value, str):
        raise DataError(f"{where}: {value!r} is not a text cell; type it as text")
    return value.split("\n") if kind == c.TEXT and "\n" in value else value


def extract(workbook: Path) -> dict:
    """The data file of a filled standard workbook (headers exactly as the contract names them)."""
    import openpyxl

    wb = openpyxl.load_workbook(workbook)
    data: dict = {}
    for spec in c.SHEETS:
        if spec.name not in wb.sheetnames:
            raise DataError(f"{workbook.name}: no sheet {spec.name!r}")
        ws = wb[spec.name]
        if spec.is_fields:
            by_label = {f.label: f for f in spec.fields}
            profil = {}
            for label, value in ws.iter_rows(min_row=2, max_col=2, values_only=True):
                if value is None or label not in by_label:
                    continue
                f = by_label[label]
                if f.key == "versi_format" and value == f.default:
                    continue  # the writer stamps the current layout version
                profil[f.key] = _text(f.kind, value, f"{spec.name}!{label}")
            data[spec.key] = profil
            continue
        headers = [cell.value for cell in ws[1]]
        by_header = {col.header: col for col in spec.columns}
        unknown = [h for h in headers if h is not None and h not in by_header]
        if unknown:
            raise DataError(f"{workbook.name}: {spec.name}: unknown column(s) {unknown}")
        records = []
        for r, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
            record = {}
            for header, value in zip(headers, row):
                if header is None or value is None or value == "":
                    continue
                col = by_header[header]
                record[col.key] = _text(col.kind, value, f"{spec.name}!{header}{r}")
            if record:
                # the contract's column order, whatever the order in the workbook
                records.append({col.key: record[col.key] for col in spec.columns
                                if col.key in record})
        data[spec.key] = records
    return data


def dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- command line ---------------------------------------------------------------------------------

def _shown(path: Path) -> Path:
    full = path.resolve()
    return full.relative_to(ROOT) if full.is_relative_to(ROOT) else path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="*", type=Path,
                    help=f"data files to build (default: every samples/{SRC}/*.json)")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="verify that every samples/*.xlsx is what its data file builds")
    mode.add_argument("--extract", type=Path, metavar="WORKBOOK",
                      help="write the data file of a filled workbook")
    ap.add_argument("-o", "--output", type=Path,
                    help=f"with --extract: the data file (default samples/{SRC}/NAME.json)")
    args = ap.parse_args(argv)
    try:
        if args.check:
            failures = check()
            for f in failures:
                print(f"FAIL {f}", file=sys.stderr)
            if not failures:
                print("every sample workbook is what its data file builds")
            return 1 if failures else 0
        if args.extract:
            out = args.output or SAMPLES / SRC / f"{args.extract.stem}.json"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(dump(extract(args.extract)), encoding="utf-8")
            print(f"written {_shown(out)}")
            return 0
        for data_file in args.data or sorted((SAMPLES / SRC).glob("*.json")):
            output = SAMPLES / f"{data_file.stem}.xlsx"
            build(data_file, output)
            print(f"written {_shown(output)}")
        return 0
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
