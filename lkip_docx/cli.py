"""The ``lkip`` command line: parses options, calls the library API, prints, sets the exit code.

Exit codes: 0 success (warnings allowed), 1 a problem in the user's files, 2 a usage error
(click's own), 3 an internal error of the tool (a bug: please report it).
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path

import click

from lkip_docx import __version__, cli_messages
from lkip_docx.api import (
    build_many,
    build_report,
    check_template,
    check_workbook,
    compute_workbook,
    init_workbook,
    summary_json,
    summary_text,
    upgrade_workbook,
    write_rekap,
)
from lkip_docx.problems import LkipError, Problem

# Before any command is defined: click computes some help texts when decorating.
cli_messages.install()

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


class LkipCommand(click.Command):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)


class LkipGroup(click.Group):
    command_class = LkipCommand

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPSI]")
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARGUMEN]...")
        super().__init__(*args, **kwargs)

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
            click.secho("Kesalahan internal lkip-docx (bukan kesalahan berkas Anda). Jalankan "
                        "ulang dengan LKIP_DEBUG=1 untuk rinciannya dan laporkan ke pengembang.",
                        fg="red", err=True)
            click.echo(traceback.format_exc().strip().splitlines()[-1], err=True)
            raise click.exceptions.Exit(EXIT_INTERNAL) from None


@click.group("lkip", cls=LkipGroup, context_settings=CONTEXT_SETTINGS)
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
@click.argument("path", metavar="WORKBOOK", type=click.Path(dir_okay=False, path_type=Path))
def init_cmd(path: Path) -> None:
    """Buat workbook standar kosong WORKBOOK (.xlsx); tidak menimpa berkas yang sudah ada."""

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

    result = check_workbook(workbook)
    _print_problems(result.problems)
    if result.errors:
        click.secho(f"{workbook.name}: {len(result.errors)} galat, {len(result.warnings)} "
                    "peringatan. Perbaiki galat lalu periksa ulang.", fg="red")
        raise click.exceptions.Exit(EXIT_USER)
    click.secho(f"{workbook.name}: valid ({len(result.warnings)} peringatan).", fg="green")


@main.command("build")
@click.argument("workbooks", nargs=-1, required=True, metavar="WORKBOOK_ATAU_FOLDER...",
                type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", metavar="TUJUAN", type=click.Path(path_type=Path), required=True,
              help="Berkas laporan .docx; untuk beberapa workbook atau folder: folder tujuan.")
@click.option("-t", "--template", metavar="TEMPLAT",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Templat Word instansi (bawaan: templat standar lkip-docx).")
@click.option("-f", "--force", is_flag=True, help="Timpa berkas laporan yang sudah ada.")
@click.option("-j", "--jobs", metavar="N", type=click.IntRange(min=1),
              help="Jumlah proses paralel untuk banyak workbook (bawaan: jumlah inti CPU).")
def build_cmd(workbooks: tuple[Path, ...], output: Path, template: Path | None, force: bool,
              jobs: int | None) -> None:
    """Periksa, hitung dan susun WORKBOOK menjadi laporan LKIP (.docx) yang dapat diedit.

    \b
    Satu workbook:    lkip build dinas.xlsx -o laporan.docx
    Banyak workbook:  lkip build folder_workbook/ -o folder_laporan/ --jobs 2

    Workbook yang masih memiliki galat tidak menghasilkan laporan; pada mode banyak workbook,
    workbook lain tetap diproses dan ringkasan galat ditampilkan di akhir.
    """
    # One workbook into a .docx is a single build (an existing folder named *.docx is then
    # refused by the library, with the other output problems); anything else is a batch.
    single = len(workbooks) == 1 and workbooks[0].is_file() and output.suffix.lower() == ".docx"
    if single:
        result = build_report(workbooks[0], output, template, force)
        if result.warnings:
            _print_problems(result.warnings, err=True)
        click.secho(f"Laporan dibuat: {result.output}", fg="green")
        return
    _build_batch(workbooks, output, template, force, jobs)


def _build_batch(inputs: tuple[Path, ...], folder: Path, template: Path | None, force: bool,
                 jobs: int | None) -> None:
    if folder.suffix.lower() == ".docx":
        raise click.UsageError("untuk beberapa workbook, -o harus berupa folder, bukan berkas "
                               ".docx")
    bar = None
    done = 0

    def progress(outcome, total: int) -> None:
        nonlocal bar, done
        done += 1
        if sys.stdout.isatty():
            if bar is None:
                bar = click.progressbar(length=total, label="Menyusun laporan")
                bar.__enter__()
            bar.update(1)
        else:
            status = "OK    " if outcome.ok else "GAGAL "
            click.echo(f"[{done}/{total}] {status}{outcome.workbook.name}")

    try:
        outcomes = build_many(list(inputs), folder, template, force, jobs, progress)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    failed = [o for o in outcomes if not o.ok]
    click.echo(f"Selesai: {len(outcomes) - len(failed)} laporan dibuat di {folder}, "
               f"{len(failed)} gagal.")
    if failed:
        click.secho("Workbook yang gagal:", fg="red", bold=True, err=True)
        for o in failed:
            errors = o.errors or o.problems
            click.echo(f"  {o.workbook.name}: {len(errors)} galat", err=True)
            for p in errors[:3]:
                click.echo(f"    {p} [{p.code}]", err=True)
            if len(errors) > 3:
                click.echo(f"    ... dan {len(errors) - 3} galat lain "
                           f"(lkip check {o.workbook.name})",
                           err=True)
        raise click.exceptions.Exit(EXIT_USER)


@main.command("summary")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True,
              help="Cetak semua angka hasil hitungan sebagai JSON (skema: docs/summary-json.md).")
def summary_cmd(workbook: Path, as_json: bool) -> None:
    """Tampilkan angka hasil hitungan WORKBOOK: indikator, anggaran, efisiensi dan total."""

    result = compute_workbook(workbook)
    if as_json:
        click.echo(json.dumps(summary_json(result.results, result.warnings), ensure_ascii=False,
                              indent=2))
    else:
        click.echo(summary_text(result.results))
        if result.warnings:
            _print_problems(result.warnings, err=True)


@main.command("check-template")
@click.argument("template", metavar="TEMPLAT",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
def check_template_cmd(template: Path) -> None:
    """Periksa templat Word: sintaks Jinja, tag yang terpecah, blok {%tr for %}/{%p if %} yang
    tidak seimbang, dan variabel yang tidak disediakan data.
    """

    problems = check_template(template)
    _print_problems(problems)
    errors = [p for p in problems if p.is_error]
    if errors:
        click.secho(f"{template.name}: {len(errors)} galat.", fg="red")
        raise click.exceptions.Exit(EXIT_USER)
    click.secho(f"{template.name}: templat dapat dipakai ({len(problems)} peringatan).", fg="green")


@main.command("rekap")
@click.argument("inputs", nargs=-1, required=True, metavar="WORKBOOK_ATAU_FOLDER...",
                type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", metavar="REKAP_XLSX", required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Berkas rekap .xlsx yang dibuat.")
@click.option("-f", "--force", is_flag=True, help="Timpa berkas rekap yang sudah ada.")
@click.option("-j", "--jobs", metavar="N", type=click.IntRange(min=1),
              help="Jumlah proses paralel (bawaan: jumlah inti CPU).")
def rekap_cmd(inputs: tuple[Path, ...], output: Path, force: bool, jobs: int | None) -> None:
    """Rekap kota/kabupaten: satu baris per perangkat daerah dari workbook atau folder workbook.

    Berisi capaian IKU, realisasi anggaran, efisiensi, nilai dan predikat AKIP, serta peringkat
    (diurutkan menurut nilai AKIP). Workbook yang bergalat dicantumkan beserta galatnya.
    """

    rows, warnings = write_rekap(list(inputs), output, force, jobs)
    failed = [r for r in rows if not r.ok]
    click.echo(f"Rekap dibuat: {output} ({len(rows) - len(failed)} valid, {len(failed)} bergalat).")
    if warnings:
        _print_problems(warnings, err=True)
    if failed:
        click.secho("Workbook bergalat (lihat lembar Galat):", fg="yellow", err=True)
        for r in failed:
            first = r.errors[0] if r.errors else None
            click.echo(f"  {r.berkas}: {len(r.errors)} galat" + (f"; {first}" if first else ""),
                       err=True)
        raise click.exceptions.Exit(EXIT_USER)


@main.command("upgrade")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", metavar="WORKBOOK_BARU", required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Berkas workbook baru (.xlsx); tidak boleh sudah ada.")
def upgrade_cmd(workbook: Path, output: Path) -> None:
    """Ubah WORKBOOK format lama (mis. 1.0) menjadi format terbaru di berkas baru.

    Isian baru di Profil diisi dengan arti format lama (Perangkat Daerah, APBD, ...) dan
    setiap isian yang diisi ditampilkan; laporan yang dihasilkan tetap sama. WORKBOOK tidak
    diubah.
    """

    done = upgrade_workbook(workbook, output)
    click.echo(f"Workbook format {done.versi_lama} ditulis dalam format {done.versi_baru}: "
               f"{output}")
    if done.diisi:
        click.echo("Diisi dengan nilai yang berlaku pada format lama:")
        for label, value in done.diisi:
            click.echo(f"  {label}: {value}")
    for note in done.catatan:
        click.secho(f"  Catatan: {note}", fg="yellow")
    click.echo(f"Periksa hasilnya dengan: lkip check {output}")


def run() -> None:
    """Console-script entry point (``lkip``, ``python -m lkip_docx``)."""
    main(prog_name="lkip")
