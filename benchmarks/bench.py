"""Speed and memory of lkip-docx on this machine. Prints its figures; asserts nothing.

    python benchmarks/bench.py            # everything (about two minutes on 2 cores)
    python benchmarks/bench.py --quick    # fewer repetitions, smaller batch

Measured, each in fresh processes so that imports are counted as a user pays them:
- the floor: `python -c "import docxtpl, openpyxl"` (starting Python and the two libraries any tool
  writing this report from a workbook needs);
- `lkip build` of the bundled sample (median of several runs) as a ratio to the floor, measured in
  the same run: with the template cache warm (every build after the first) and cold (the first
  build after installing or upgrading); `lkip check` of the sample;
- time and peak memory for budget trees of 10x, ~55x and 100x the sample's sub kegiatan;
- a batch of workbooks built with 1 and with 2 workers: reports per second and the speed-up;
- where LibreOffice is found, the default build (which lays the report out with LibreOffice to
  fill the contents' page numbers) and the build to PDF, one run each.
Everything but the last item runs with LKIP_SOFFICE=none: the build's own work, without the
LibreOffice layout that dominates it when present. The template cache lives in a temporary folder
of the benchmark (never the user's). Record the figures in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lkip-2024-diskominfostandi-bekasi.xlsx"
PY = sys.executable


def run(args: list[str]) -> tuple[float, int, int]:
    """(seconds, peak RSS in MB, exit code) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode != 0:
        print(f"  ! {' '.join(args[-4:])} exited {proc.returncode}: {err.strip()[-300:]}")
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return elapsed, int(rss), proc.returncode


def median_run(args: list[str], n: int) -> tuple[float, int]:
    times, peaks = [], []
    for _ in range(n):
        t, rss, _rc = run(args)
        times.append(t)
        peaks.append(rss)
    return statistics.median(times), max(peaks)


def scaled_workbook(factor: int, target: Path) -> int:
    """The sample with each sub kegiatan repeated ``factor`` times (new codes); returns the
    count."""
    import openpyxl

    wb = openpyxl.load_workbook(SAMPLE)
    ws = wb["Sub Kegiatan"]
    header = [c.value for c in ws[1]]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2) if any(c.value for c in row)]
    code_col = header.index("Kode Sub Kegiatan")
    ws.delete_rows(2, ws.max_row)
    n = 0
    for k in range(factor):
        for row in rows:
            new = list(row)
            new[code_col] = f"{row[code_col]}.{k:03d}" if k else row[code_col]
            ws.append(new)
            n += 1
    # Program budgets in the Perjanjian Kinerja no longer match the multiplied tree; clear them
    # so the benchmark measures building, not a page of warnings.
    wp = wb["Program"]
    hp = [c.value for c in wp[1]]
    for row in wp.iter_rows(min_row=2):
        for key in ("Anggaran PK", "Anggaran PK Perubahan"):
            row[hp.index(key)].value = None
    wb.save(target)
    return n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    reps = 3 if args.quick else 7
    batch_size = 20 if args.quick else 50
    # An installed package carries compiled bytecode (pip compiles at install); a checkout run
    # with PYTHONDONTWRITEBYTECODE would otherwise compile lkip_docx from source on every run.
    import compileall

    compileall.compile_dir(str(ROOT / "lkip_docx"), quiet=1)
    work = Path(tempfile.mkdtemp(prefix="lkip-bench-"))
    cache = work / "cache"
    os.environ["LKIP_CACHE_DIR"] = str(cache)
    soffice = os.environ.pop("LKIP_SOFFICE", None)
    os.environ["LKIP_SOFFICE"] = "none"
    lkip = [PY, "-m", "lkip_docx"]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}")
    try:
        out = work / "sample.docx"
        # warm the file system's cache and the template cache
        run(lkip + ["build", str(SAMPLE), "-o", str(out), "--force"])
        floor, _ = median_run([PY, "-c", "import docxtpl, openpyxl"], reps)
        print("\nfloor")
        print(f"  python -c 'import docxtpl, openpyxl': {floor:.3f} s (median of {reps})")

        build_args = lkip + ["build", str(SAMPLE), "-o", str(out), "--force"]
        build, build_rss = median_run(build_args, reps)
        colds = []
        for i in range(reps):
            os.environ["LKIP_CACHE_DIR"] = str(work / f"cold-cache-{i}")
            colds.append(run(build_args)[0])
        os.environ["LKIP_CACHE_DIR"] = str(cache)
        cold = statistics.median(colds)
        check, check_rss = median_run(lkip + ["check", str(SAMPLE)], reps)
        print("\nsample (36 sub kegiatan), one process ending normally")
        print(f"  lkip build: {build:.3f} s (median of {reps}), {build / floor:.2f} x the floor "
              f"(target <= 2.5), peak {build_rss} MB")
        print(f"  lkip build, first build with an empty template cache: {cold:.3f} s, "
              f"{cold / floor:.2f} x the floor")
        print(f"  lkip check: {check:.3f} s (median of {reps}), peak {check_rss} MB")

        print("\nbudget tree size (fresh process each; the peak is the memory of the whole build)")
        print("  sub kegiatan   build s   peak MB   s per 1000 sub kegiatan")
        sizes = [(1, SAMPLE)]
        for factor in (10, 56, 100):
            path = work / f"x{factor}.xlsx"
            scaled_workbook(factor, path)
            sizes.append((factor, path))
        for factor, path in sizes:
            n = factor * 36
            t, rss, rc = run(lkip + ["build", str(path), "-o", str(work / f"x{factor}.docx"),
                                     "--force"])
            flag = "" if rc == 0 else "  (failed)"
            print(f"  {n:>12}   {t:7.2f}   {rss:7d}   {t / n * 1000:8.2f}{flag}")

        print(f"\nbatch of {batch_size} workbooks")
        src = work / "batch"
        src.mkdir()
        for i in range(batch_size):
            shutil.copy(SAMPLE, src / f"pd-{i:02d}.xlsx")
        results = {}
        for jobs in (1, 2):
            dest = work / f"out-{jobs}"
            t, rss, _rc = run(lkip + ["build", str(src), "-o", str(dest), "--jobs", str(jobs),
                                      "--force"])
            results[jobs] = t
            print(f"  {jobs} worker(s): {t:.2f} s, {batch_size / t:.1f} reports/s, peak {rss} MB "
                  "(parent process)")
        print(f"  speed-up with 2 workers: {results[1] / results[2]:.2f} x (target >= 1.8)")
        print(f"  a city of 50 on 2 workers: {results[2] * 50 / batch_size:.1f} s (target < 15)")
        t, rss, _ = run(lkip + ["rekap", str(src), "-o", str(work / "rekap.xlsx"), "--force"])
        print(f"  lkip rekap of the batch: {t:.2f} s")

        if soffice is None:
            del os.environ["LKIP_SOFFICE"]
        else:
            os.environ["LKIP_SOFFICE"] = soffice
        paged, _rss, rc = run(build_args)
        if rc == 0:
            pdf, _rss, _rc = run(lkip + ["build", str(SAMPLE), "-o", str(work / "s.pdf"),
                                         "--force"])
            print("\nwith LibreOffice (contents' page numbers filled; one run each)")
            print(f"  lkip build: {paged:.2f} s; to PDF: {pdf:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
