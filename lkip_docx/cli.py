"""The ``lkip`` command line: parses options, calls the library API, prints, sets the exit code.

Exit codes: 0 success (warnings allowed), 1 a problem in the user's files, 2 a usage error
(click's own), 3 an internal error of the tool (a bug: please report it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .problems import LkipError, Problem

EXIT_USER = 1
EXIT_INTERNAL = 3

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _print_problems(problems: list[Problem], err: bool = False) -> None:
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    if errors:
        click.secho(f"Galat ({len(errors)}):", fg="red", bold=True, err=err)
        for p in errors:
            click.echo(f"  {p} [{p.code}]", err=err)
    if warnings:
        click.secho(f"Peringatan ({len(warnings)}):", fg="yellow", bold=True, err=err)
        for p in warnings:
            click.echo(f"  {p} [{p.code}]", err=err)


def _fail(exc: LkipError) -> None:
    _print_problems(exc.problems, err=True)
    raise click.exceptions.Exit(EXIT_USER)


class LkipGroup(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except LkipError as exc:
            _fail(exc)
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except Exception:  # noqa: BLE001 - the last line of defence against a traceback
            if os.environ.get("LKIP_DEBUG"):
                raise
            import traceback

            click.secho("Kesalahan internal lkip-docx (bukan kesalahan berkas Anda). Jalankan ulang "
                        "dengan LKIP_DEBUG=1 untuk rinciannya dan laporkan ke pengembang.",
                        fg="red", err=True)
            click.echo(traceback.format_exc().strip().splitlines()[-1], err=True)
            raise click.exceptions.Exit(EXIT_INTERNAL) from None


@click.group(cls=LkipGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="lkip",
                      message="%(prog)s %(version)s")
def main() -> None:
    """lkip: menyusun Laporan Kinerja Instansi Pemerintah (LKIP) dari satu workbook Excel.

    \b
    Alur kerja:
      lkip init workbook.xlsx          buat workbook kosong standar
      lkip check workbook.xlsx         periksa isi workbook
      lkip summary workbook.xlsx       tampilkan angka hasil hitungan
      lkip build workbook.xlsx -o laporan.docx
    """


@main.command("init")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def init_cmd(path: Path) -> None:
    """Buat workbook standar kosong di PATH (.xlsx); tidak menimpa berkas yang sudah ada."""
    from .api import init_workbook

    init_workbook(path)
    click.echo(f"Workbook kosong dibuat: {path}")
    click.echo("Isi lembar-lembarnya (lihat lembar Petunjuk), lalu jalankan: "
               f"lkip check {path}")


@main.command("check")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def check_cmd(workbook: Path) -> None:
    """Periksa WORKBOOK dan tampilkan semua galat dan peringatan sekaligus.

    Keluar dengan kode 0 bila tidak ada galat (peringatan boleh), 1 bila ada galat.
    """
    from .api import check_workbook

    result = check_workbook(workbook)
    _print_problems(result.problems)
    if result.errors:
        click.secho(f"{workbook.name}: {len(result.errors)} galat, {len(result.warnings)} "
                    "peringatan. Perbaiki galat lalu periksa ulang.", fg="red")
        raise click.exceptions.Exit(EXIT_USER)
    click.secho(f"{workbook.name}: valid ({len(result.warnings)} peringatan).", fg="green")


@main.command("build")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Berkas laporan .docx yang dibuat.")
@click.option("-t", "--template", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Templat Word instansi (bawaan: templat standar lkip-docx).")
@click.option("-f", "--force", is_flag=True, help="Timpa berkas laporan yang sudah ada.")
def build_cmd(workbook: Path, output: Path, template: Path | None, force: bool) -> None:
    """Periksa, hitung dan susun WORKBOOK menjadi laporan LKIP (.docx) yang dapat diedit.

    Workbook yang masih memiliki galat tidak menghasilkan laporan.
    """
    from .api import build_report

    result = build_report(workbook, output, template, force)
    if result.warnings:
        _print_problems(result.warnings, err=True)
    click.secho(f"Laporan dibuat: {result.output}", fg="green")


def run() -> None:  # pragma: no cover - console entry point used by python -m
    main(prog_name="lkip")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
