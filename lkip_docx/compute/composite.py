"""Composite indices: the Komponen Indeks rows evaluated in dependency order, each formula row
with its worked calculation, every failure reported at the row's Rumus cell. A raw value marked
not available (numbers.NA) makes every formula row that uses it not available too, without an
error: the report prints N/A and says which value is missing."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lkip_docx import fmt
from lkip_docx.compute import formula as f
from lkip_docx.numbers import HALF_UP, NA, ZERO, NotAvailable
from lkip_docx.problems import Problem, error
from lkip_docx.workbook import contract as c
from lkip_docx.workbook.model import KomponenIndeks, Workbook


@dataclass(frozen=True)
class KomponenHasil:
    kode: str
    uraian: str
    value: Decimal | NotAvailable | None
    desimal: int
    is_input: bool
    #: the formula with codes replaced by their descriptions (for the report)
    rumus_teks: str | None = None
    #: the formula as typed, with codes
    rumus: str | None = None
    #: "= ..." lines: substituted numbers, reductions, result
    langkah: tuple[str, ...] = ()
    #: codes this row uses directly
    uses: tuple[str, ...] = ()


def show_step_number(value: Decimal | NotAvailable | None) -> str:
    """A number of a worked calculation as it is used: not rounded, trailing zeros dropped."""
    return fmt.number(value, None, trim=True)


@dataclass
class Indices:
    rows: dict[str, KomponenHasil]  # by code, as typed
    order: list[str]  # workbook order

    def value(self, kode: str) -> Decimal | NotAvailable | None:
        row = self.rows.get(kode)
        return row.value if row else None

    def tree(self, kode: str) -> list[KomponenHasil]:
        """Formula rows reachable from ``kode`` (itself included), in workbook order."""
        seen: set[str] = set()
        stack = [kode]
        while stack:
            k = stack.pop()
            if k in seen or k not in self.rows:
                continue
            seen.add(k)
            stack.extend(self.rows[k].uses)
        return [self.rows[k] for k in self.order if k in seen and not self.rows[k].is_input]


def nilai_akip(wb: Workbook) -> Decimal | None:
    """Total of the AKIP evaluation components (the Nilai Hasil Evaluasi)."""
    if not wb.evaluasi_akip:
        return None
    return sum((k.nilai for k in wb.evaluasi_akip), ZERO)


def evaluate_indices(wb: Workbook, mode: str = HALF_UP) -> tuple[Indices, list[Problem]]:
    """Every Komponen Indeks row's value; formula results rounded to their Desimal by ``mode``
    (the document's Pembulatan)."""
    problems: list[Problem] = []
    by_code: dict[str, KomponenIndeks] = {}
    for row in wb.komponen_indeks:
        by_code.setdefault(row.kode, row)
    parsed: dict[str, object] = {}
    for row in wb.komponen_indeks:
        if by_code.get(row.kode) is not row:
            continue  # duplicate code, reported by the table check
        if row.rumus is not None and row.nilai is not None:
            problems.append(error("index-value-and-formula",
                                  f"baris '{row.kode}' berisi Nilai dan Rumus sekaligus; kosongkan "
                                  "salah satunya", loc=row.src.at("nilai")))
            continue
        if row.rumus is None and row.nilai is None:
            problems.append(error("required-empty", f"baris '{row.kode}' harus berisi Nilai atau "
                                                    "Rumus", loc=row.src.at("nilai")))
            continue
        if row.rumus is not None:
            try:
                tree = f.parse(row.rumus)
            except f.FormulaError as exc:
                problems.append(error(exc.code, _rumus_message(exc.message),
                                      loc=row.src.at("rumus")))
                continue
            unknown = [n for n in f.names(tree) if n not in by_code and n != c.NILAI_AKIP]
            if unknown:
                problems.append(error("unknown-reference",
                                      f"Rumus memakai kode yang tidak ada di lembar Komponen "
                                      f"Indeks: {', '.join(unknown)}", loc=row.src.at("rumus")))
                continue
            parsed[row.kode] = tree

    akip = nilai_akip(wb)
    results: dict[str, KomponenHasil] = {}
    failed: set[str] = set()

    def names_text(name: str) -> str:
        if name == c.NILAI_AKIP:
            return "Nilai Hasil Evaluasi AKIP"
        return by_code[name].uraian or name

    def solve(kode: str, chain: tuple[str, ...]) -> Decimal | NotAvailable | None:
        if kode == c.NILAI_AKIP:
            return akip
        if kode in results:
            return results[kode].value
        if kode in failed:
            return None
        row = by_code.get(kode)
        if row is None:
            return None
        if kode in chain:
            cycle = " -> ".join(chain[chain.index(kode):] + (kode,))
            problems.append(error("formula-cycle", f"Rumus berputar (saling merujuk): {cycle}",
                                  loc=row.src.at("rumus")))
            failed.add(kode)
            return None
        if row.nilai is not None:
            results[kode] = KomponenHasil(kode, row.uraian, row.nilai, row.desimal, True)
            return row.nilai
        tree = parsed.get(kode)
        if tree is None:
            failed.add(kode)
            return None
        env = {}
        missing = []
        for name in f.names(tree):
            value = solve(name, chain + (kode,))
            if value is None:
                if name == c.NILAI_AKIP:
                    problems.append(error("unknown-reference",
                                          "Rumus memakai NILAI_AKIP tetapi lembar Evaluasi AKIP "
                                          "kosong", loc=row.src.at("rumus")))
                failed.add(kode)
                return None
            if isinstance(value, NotAvailable):
                missing.append(name)
            else:
                env[name] = value
        if missing:
            # Not an error: the value is on its way (a draft). No figure is made up meanwhile.
            results[kode] = KomponenHasil(
                kode, row.uraian, NA, row.desimal, False,
                rumus_teks=f.render(tree, show_step_number, names_text), rumus=row.rumus,
                langkah=("N/A (" + ", ".join(names_text(n) for n in missing)
                         + " tidak tersedia)",), uses=tuple(f.names(tree)))
            return NA
        try:
            worked = f.work(tree, env, row.desimal, show_step_number, mode)
        except f.FormulaError as exc:
            problems.append(error(exc.code, f"Rumus baris '{kode}': {exc.message}",
                                  loc=row.src.at("rumus")))
            failed.add(kode)
            return None
        results[kode] = KomponenHasil(
            kode, row.uraian, worked.value, row.desimal, False,
            rumus_teks=f.render(tree, show_step_number, names_text),
            rumus=row.rumus, langkah=worked.steps, uses=tuple(f.names(tree)))
        return worked.value

    for row in wb.komponen_indeks:
        if by_code.get(row.kode) is row:
            solve(row.kode, ())
    order = [r.kode for r in wb.komponen_indeks if r.kode in results]
    return Indices(results, order), problems


def _rumus_message(message: str) -> str:
    """'Rumus tidak sah di posisi 19: ...', 'Rumus: karakter tidak dikenal ...': the parser's
    messages name the formula themselves or not, and 'Rumus rumus tidak sah' read as a typo."""
    if message.startswith("rumus "):
        return "R" + message[1:]
    return f"Rumus: {message}"

