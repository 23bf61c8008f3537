"""The ``lkip`` command line: parses options, calls the library API, prints, sets the exit code.

Exit codes: 0 success (warnings allowed), 1 a problem in the user's files, 2 a usage error
(click's own), 3 an internal error of the tool (a bug: please report it). Ctrl-C: click's
"Dibatalkan." and exit 1, after a batch has said which reports it wrote.

Output streams are the user's business, not the tool's: a closed standard output (``>&-``, or
none at all under Windows' pythonw), a full one or a broken pipe (``| head -1``) only silences
what is printed. The work is done all the same and the exit code is the work's (0, 1); never a
traceback, never "internal error". Everything printed is shown with control characters escaped
(``\x1b``): file names and workbook text are not the terminal's commands.
"""

from __future__ import annotations

import json
import os
import re
import sys
import traceback
from pathlib import Path

import click

from lkip_docx import __version__, cli_messages, fmt
from lkip_docx.api import (
    PERIKSA,
    TIDAK_SESUAI,
    BatchInterrupted,
    build_many,
    build_report,
    check_template,
    check_workbook,
    compute_workbook,
    diff_json,
    diff_text,
    diff_workbooks,
    init_workbook,
    summary_json,
    summary_text,
    upgrade_workbook,
    verify_report,
    verify_text,
    write_rekap,
    write_reviu,
)
from lkip_docx.problems import LkipError, Problem

# Before any command is defined: click computes some help texts when decorating.
cli_messages.install()

EXIT_USER = 1
EXIT_INTERNAL = 3

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


# --- printing -------------------------------------------------------------------------------------

# C0 and C1 control characters but tab and line feed (escape sequences retitle the window or clear
# the screen, a carriage return overwrites the line), DEL, and the bidirectional overrides and
# isolates, which make a file name read as another on screen. Letters, accents and every script
# stay as typed.
# In JSON, C0 is escaped by json.dumps already; the rest can only occur inside strings.
_UNSAFE_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """``text`` safe to print: what a terminal would act on shown as ``\\x1b``/``\\u202e``."""
    return fmt.escaped(text)


def _json_visible(text: str) -> str:
    return _UNSAFE_JSON.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


#: The streams (by ``err``) that failed: closed, full or a broken pipe. Nothing more goes there.
_dead: set[bool] = set()


def _silence(err: bool) -> None:
    """Point a failed stream at the null device, so that the interpreter's last flush of what
    is still buffered fails neither (it would print a traceback and exit with 120)."""
    stream = sys.stderr if err else sys.stdout
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, stream.fileno())
        finally:
            os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _isatty(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):
        return False


def echo(message: str = "", err: bool = False, **style) -> None:
    """click.echo/secho that never fails the command (see the module's docstring) and never
    prints a control character."""
    if err in _dead:
        return
    text = visible(message)
    try:
        if style:
            click.secho(text, err=err, **style)
        else:
            click.echo(text, err=err)
    except (OSError, ValueError):  # EPIPE, EBADF, ENOSPC; ValueError: a closed file object
        _dead.add(err)
        _silence(err)


def _print_problems(problems: list[Problem], err: bool = False) -> None:
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    if errors:
        echo(f"Galat ({len(errors)}):", fg="red", bold=True, err=err)
        for p in errors:
            echo(f"  {p} [{p.code}]", err=err)
    if warnings:
        echo(f"Peringatan ({len(warnings)}):", fg="yellow", bold=True, err=err)
        for p in warnings:
            echo(f"  {p} [{p.code}]", err=err)


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
        _dead.clear()  # one command, one set of streams (tests run many in one process)
        try:
            return super().invoke(ctx)
        except LkipError as exc:
            _fail(exc)
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except Exception:  # noqa: BLE001 - the last line of defence against a traceback
            if os.environ.get("LKIP_DEBUG"):
                raise
            echo("Kesalahan internal lkip-docx (bukan kesalahan berkas Anda). Jalankan ulang "
                 "dengan LKIP_DEBUG=1 untuk rinciannya dan laporkan ke pengembang.",
                 fg="red", err=True)
            echo(traceback.format_exc().strip().splitlines()[-1], err=True)
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
    echo(f"Workbook kosong dibuat: {path}")
    echo("Isi lembar-lembarnya (lihat lembar Petunjuk), lalu jalankan: "
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
        echo(f"{workbook.name}: {len(result.errors)} galat, {len(result.warnings)} "
                    "peringatan. Perbaiki galat lalu periksa ulang.", fg="red")
        raise click.exceptions.Exit(EXIT_USER)
    echo(f"{workbook.name}: valid ({len(result.warnings)} peringatan).", fg="green")


@main.command("build")
@click.argument("workbooks", nargs=-1, required=True, metavar="WORKBOOK_ATAU_FOLDER...",
                type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", metavar="TUJUAN", type=click.Path(path_type=Path), required=True,
              help="Berkas laporan .docx (atau .pdf: .docx dibuat juga di sampingnya); untuk "
                   "beberapa workbook atau folder: folder tujuan.")
@click.option("-t", "--template", metavar="TEMPLAT",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Templat Word instansi (bawaan: templat standar lkip-docx).")
@click.option("-f", "--force", is_flag=True, help="Timpa berkas laporan yang sudah ada.")
@click.option("-j", "--jobs", metavar="N", type=click.IntRange(min=1),
              help="Jumlah proses paralel untuk banyak workbook (bawaan dan batas atas: jumlah "
                   "inti CPU; tidak lebih dari jumlah workbook).")
@click.option("--pdf", "want_pdf", is_flag=True,
              help="Buat juga PDF di samping setiap .docx (memerlukan LibreOffice).")
@click.option("--tanpa-nomor-halaman", "no_page_numbers", is_flag=True,
              help="Jangan isi nomor halaman Daftar Isi lewat LibreOffice (lebih cepat; Word "
                   "mengisinya saat memperbarui isian).")
def build_cmd(workbooks: tuple[Path, ...], output: Path, template: Path | None, force: bool,
              jobs: int | None, want_pdf: bool, no_page_numbers: bool) -> None:
    """Periksa, hitung dan susun WORKBOOK menjadi laporan LKIP (.docx) yang dapat diedit.

    \b
    Satu workbook:    lkip build dinas.xlsx -o laporan.docx
    Dengan PDF:       lkip build dinas.xlsx -o laporan.pdf   (atau -o laporan.docx --pdf)
    Banyak workbook:  lkip build folder_workbook/ -o folder_laporan/ --jobs 2

    Nomor halaman Daftar Isi, Daftar Tabel dan Daftar Gambar diisi dengan LibreOffice bila
    terpasang (atau ditunjuk variabel LKIP_SOFFICE); tanpa LibreOffice, Word mengisinya saat
    memperbarui isian.

    Workbook yang masih memiliki galat tidak menghasilkan laporan; pada mode banyak workbook,
    workbook lain tetap diproses dan ringkasan galat ditampilkan di akhir.
    """
    # One workbook into a .docx (or .pdf) is a single build (an existing folder named *.docx is
    # then refused by the library, with the other output problems); anything else is a batch.
    suffix = output.suffix.lower()
    single = len(workbooks) == 1 and workbooks[0].is_file() and suffix in (".docx", ".pdf")
    if single:
        docx = output.with_suffix(".docx") if suffix == ".pdf" else output
        pdf = output if suffix == ".pdf" else (docx.with_suffix(".pdf") if want_pdf else None)
        result = build_report(workbooks[0], docx, template, force, pdf=pdf,
                              page_numbers=not no_page_numbers)
        if result.warnings:
            _print_problems(result.warnings, err=True)
        echo(f"Laporan dibuat: {result.output}", fg="green")
        if result.pdf is not None:
            echo(f"PDF dibuat: {result.pdf}", fg="green")
        if result.errors:
            _print_problems(result.errors, err=True)
            raise click.exceptions.Exit(EXIT_USER)
        return
    _build_batch(workbooks, output, template, force, jobs, want_pdf, not no_page_numbers)


def _build_batch(inputs: tuple[Path, ...], folder: Path, template: Path | None, force: bool,
                 jobs: int | None, want_pdf: bool = False, page_numbers: bool = True) -> None:
    if folder.suffix.lower() in (".docx", ".pdf"):
        raise click.UsageError("untuk beberapa workbook, -o harus berupa folder, bukan berkas "
                               f"{folder.suffix.lower()}")
    bar = None
    done = 0

    def progress(outcome, total: int) -> None:
        nonlocal bar, done
        done += 1
        if _isatty(sys.stdout) and False not in _dead:
            try:
                if bar is None:
                    bar = click.progressbar(length=total, label="Menyusun laporan")
                    bar.__enter__()
                bar.update(1)
            except (OSError, ValueError):
                _dead.add(False)
                _silence(False)
        else:
            status = "OK    " if outcome.ok else "GAGAL "
            echo(f"[{done}/{total}] {status}{outcome.workbook.name}")

    def close_bar() -> None:
        if bar is not None and False not in _dead:
            try:
                bar.__exit__(None, None, None)
            except (OSError, ValueError):
                _dead.add(False)
                _silence(False)

    try:
        outcomes = build_many(list(inputs), folder, template, force, jobs, progress,
                              pdf=want_pdf, page_numbers=page_numbers)
    except BatchInterrupted as stop:
        close_bar()
        echo(f"Dihentikan: {len(stop.written)} laporan sudah dibuat di {folder}"
             + (":" if stop.written else "; tidak ada laporan yang dibuat."), err=True)
        for path in stop.written:
            echo(f"  {path.name}", err=True)
        raise click.Abort() from None
    close_bar()
    failed = [o for o in outcomes if not o.ok]
    echo(f"Selesai: {len(outcomes) - len(failed)} laporan dibuat di {folder}, "
               f"{len(failed)} gagal.")
    # said once for the whole batch, not once per report
    pending = [p for o in outcomes for p in o.problems if p.code == "page-numbers-pending"]
    if pending:
        echo("Peringatan:", fg="yellow", bold=True, err=True)
        echo(f"  {pending[0].message} [{pending[0].code}]", err=True)
    if failed:
        echo("Workbook yang gagal:", fg="red", bold=True, err=True)
        for o in failed:
            errors = o.errors or o.problems
            echo(f"  {o.workbook.name}: {len(errors)} galat", err=True)
            for p in errors[:3]:
                echo(f"    {p} [{p.code}]", err=True)
            if len(errors) > 3:
                echo(f"    ... dan {len(errors) - 3} galat lain "
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
        echo(_json_visible(json.dumps(summary_json(result.results, result.warnings),
                                      ensure_ascii=False, indent=2)))
    else:
        echo(summary_text(result.results))
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
        echo(f"{template.name}: {len(errors)} galat.", fg="red")
        raise click.exceptions.Exit(EXIT_USER)
    echo(f"{template.name}: templat dapat dipakai ({len(problems)} peringatan).", fg="green")


@main.command("rekap")
@click.argument("inputs", nargs=-1, required=True, metavar="WORKBOOK_ATAU_FOLDER...",
                type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", metavar="REKAP_XLSX", required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Berkas rekap .xlsx yang dibuat.")
@click.option("-f", "--force", is_flag=True, help="Timpa berkas rekap yang sudah ada.")
@click.option("-j", "--jobs", metavar="N", type=click.IntRange(min=1),
              help="Jumlah proses paralel (bawaan dan batas atas: jumlah inti CPU; tidak lebih "
                   "dari jumlah workbook).")
def rekap_cmd(inputs: tuple[Path, ...], output: Path, force: bool, jobs: int | None) -> None:
    """Rekap kota/kabupaten: satu baris per perangkat daerah dari workbook atau folder workbook.

    Berisi capaian IKU, realisasi anggaran, efisiensi, nilai dan predikat AKIP, serta peringkat
    (diurutkan menurut nilai AKIP). Workbook yang bergalat dicantumkan beserta galatnya.
    """

    rows, warnings = write_rekap(list(inputs), output, force, jobs)
    failed = [r for r in rows if not r.ok]
    echo(f"Rekap dibuat: {output} ({len(rows) - len(failed)} valid, {len(failed)} bergalat).")
    if warnings:
        _print_problems(warnings, err=True)
    if failed:
        echo("Workbook bergalat (lihat lembar Galat):", fg="yellow", err=True)
        for r in failed:
            first = r.errors[0] if r.errors else None
            echo(f"  {r.berkas}: {len(r.errors)} galat" + (f"; {first}" if first else ""),
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
    echo(f"Workbook format {done.versi_lama} ditulis dalam format {done.versi_baru}: "
               f"{output}")
    if done.diisi:
        echo("Diisi dengan nilai yang berlaku pada format lama:")
        for label, value in done.diisi:
            echo(f"  {label}: {value}")
    for note in done.catatan:
        echo(f"  Catatan: {note}", fg="yellow")
    echo(f"Periksa hasilnya dengan: lkip check {output}")


# --- review commands (lkip_docx.review) ----------------------------------------------------------

@main.command("verify")
@click.argument("report", metavar="LAPORAN_DOCX",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-t", "--template", metavar="TEMPLAT",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Templat Word yang dipakai saat laporan disusun (bawaan: templat standar).")
def verify_cmd(report: Path, workbook: Path, template: Path | None) -> None:
    """Bandingkan LAPORAN_DOCX dengan laporan yang disusun ulang dari WORKBOOK.

    Setiap angka yang diubah dan kalimat yang disunting ditunjukkan letaknya (bab, nomor tabel,
    baris dan kolom, atau paragraf). Teks yang ditambahkan staf dicantumkan tetapi bukan galat.
    Keluar dengan kode 0 bila semua angka dan kalimat sama dengan hasil penyusunan, 1 bila tidak.
    """
    hasil = verify_report(report, workbook, template)
    echo(verify_text(hasil))
    if not hasil.sama:
        raise click.exceptions.Exit(EXIT_USER)


@main.command("reviu")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", metavar="KERTAS_KERJA_XLSX", required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Berkas kertas kerja reviu .xlsx yang dibuat.")
@click.option("-l", "--laporan", metavar="LAPORAN_DOCX",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Laporan .docx yang direviu: dibandingkan dengan workbook (seperti "
                   "lkip verify).")
@click.option("--tahun-lalu", "tahun_lalu", metavar="WORKBOOK_LALU",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Workbook LKIP tahun lalu, pembanding realisasi tahun lalu.")
@click.option("-t", "--template", metavar="TEMPLAT",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Templat Word yang dipakai saat laporan disusun (bawaan: templat standar).")
@click.option("-f", "--force", is_flag=True, help="Timpa berkas kertas kerja yang sudah ada.")
def reviu_cmd(workbook: Path, output: Path, laporan: Path | None, tahun_lalu: Path | None,
              template: Path | None, force: bool) -> None:
    """Susun kertas kerja reviu Inspektorat dari WORKBOOK (.xlsx siap cetak).

    \b
    Lembar Jejak Angka : setiap angka laporan, rumus dengan nilainya, dan sel sumbernya
    Lembar Konsistensi : angka dalam narasi dan data perencanaan diperiksa silang
    Lembar Kertas Kerja: daftar uji reviu, dijawab otomatis bila data memungkinkan
    """

    hasil = write_reviu(workbook, output, template, force, laporan, tahun_lalu)
    periksa = [c for c in hasil.cek if c.hasil == PERIKSA]
    echo(f"Kertas kerja dibuat: {hasil.output} ({len(hasil.jejak)} angka dilacak; "
                f"{len(hasil.cek)} pemeriksaan: {len(hasil.tidak_sesuai)} {TIDAK_SESUAI}, "
                f"{len(periksa)} {PERIKSA}; {len(hasil.jawaban)} butir kertas kerja, "
                f"{sum(1 for j in hasil.jawaban if j.otomatis)} dijawab otomatis).", fg="green")
    if hasil.tidak_sesuai:
        echo(f"Tidak sesuai ({len(hasil.tidak_sesuai)}):", fg="yellow", bold=True, err=True)
        for c in hasil.tidak_sesuai:
            echo(f"  {c.lokasi}: {c.uraian} (tertulis {c.tertulis}, pembanding "
                       f"{c.dihitung})", err=True)


@main.command("diff")
@click.argument("old", metavar="LAMA_XLSX",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", metavar="BARU_XLSX",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Cetak perbedaannya sebagai JSON.")
def diff_cmd(old: Path, new: Path, as_json: bool) -> None:
    """Tampilkan perbedaan dua versi workbook: sel masukan yang berubah dan angka laporan yang
    ikut berubah (capaian, total anggaran, predikat ...).

    Keluar dengan kode 0 bila tidak ada angka laporan yang berubah, 1 bila ada.
    """

    hasil = diff_workbooks(old, new)
    if as_json:
        echo(_json_visible(json.dumps(diff_json(hasil), ensure_ascii=False, indent=2)))
    else:
        echo(diff_text(hasil))
    if hasil.berubah:
        raise click.exceptions.Exit(EXIT_USER)


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, metavar="ALAMAT",
              help="Alamat yang didengarkan. Selain 127.0.0.1/localhost (mis. 0.0.0.0 untuk "
                   "jaringan kantor), halaman meminta kode akses yang dicetak saat mulai atau "
                   "diatur di LKIP_ACCESS_CODE.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              metavar="PORT", help="Port halaman (0: port bebas mana saja).")
@click.option("--open", "open_browser", is_flag=True,
              help="Buka halaman di peramban bawaan komputer ini.")
@click.option("-j", "--workers", metavar="N", type=click.IntRange(min=1),
              help="Jumlah laporan yang disusun bersamaan; permintaan lebih dari itu dijawab "
                   "'sedang sibuk' (bawaan: separuh inti CPU, paling banyak 4).")
def serve_cmd(host: str, port: int, open_browser: bool, workers: int | None) -> None:
    """Jalankan halaman web LKIP di komputer ini, untuk rekan yang tidak memakai terminal.

    \b
    Hanya komputer ini:       lkip serve --open
    Jaringan kantor:          lkip serve --host 0.0.0.0
    """
    # Imported here: the web server's modules are not loaded by the other commands.
    from lkip_docx.web.server import run as serve

    serve(host, port, open_browser, workers, echo)


def run() -> None:
    """Console-script entry point (``lkip``, ``python -m lkip_docx``)."""
    main(prog_name="lkip")
