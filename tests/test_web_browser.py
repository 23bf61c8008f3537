"""The page in a real browser: Chromium from the OS packages, driven through its chromedriver by
Selenium, against a real ``lkip serve`` on the bundled sample. Skipped where the browser is not
installed (``apt-get install chromium chromium-driver``; .ci/run does it).

With LKIP_WEB_SHOTS=<folder> every step also saves a screenshot of the whole page there, for a
person to look at.
"""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from test_bad_input import template_with
from test_batch_rekap import broken as broken_workbook
from test_batch_rekap import variant
from test_web import SAMPLE, cli_build, cli_line, docx_text, no_files_left, running, sparse

from lkip_docx import api

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def _find(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists()
                                       else None)
        if found:
            return found
    return None


CHROMIUM = _find("chromium", "chromium-browser")
CHROMEDRIVER = _find("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="Chromium or chromedriver not installed (apt-get install chromium chromium-driver)")

WAIT = 120  # the longest wait for the page to show something (not a timing: a give-up point)
SHOTS = os.environ.get("LKIP_WEB_SHOTS")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running(tmp_path_factory.mktemp("serve"), workers=2) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser():
    options = Options()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="lkip-chromium-")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--lang=id",
                 f"--user-data-dir={profile}", "--window-size=1280,1000"):
        options.add_argument(flag)
    # The driver's path is given: Selenium Manager never looks for (or downloads) one.
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser, server, tmp_path):
    """The page, freshly opened, with downloads going to tmp_path/unduhan."""
    downloads = tmp_path / "unduhan"
    downloads.mkdir()
    browser.execute_cdp_cmd("Browser.setDownloadBehavior",
                            {"behavior": "allow", "downloadPath": str(downloads)})
    browser.get(f"http://127.0.0.1:{server.port}/")
    browser.downloads = downloads
    return browser


def shot(driver, name: str) -> None:
    """A screenshot of the whole page, when LKIP_WEB_SHOTS names a folder."""
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    driver.execute_script("window.scrollTo(0, 0)")
    # The window's outer height: the page's height plus the browser's own frame.
    frame = driver.execute_script("return window.outerHeight - window.innerHeight")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, max(height, 700) + frame)
    driver.save_screenshot(str(Path(SHOTS) / f"{name}.png"))
    driver.set_window_size(1280, 1000)


def choose(driver, input_id: str, *paths: Path) -> None:
    driver.find_element(By.ID, input_id).send_keys("\n".join(str(p) for p in paths))


def press(driver, text: str) -> None:
    driver.find_element(By.XPATH, f"//button[normalize-space()='{text}']").click()


def result(driver, area: str, state: str | None = None):
    """The answer shown in a result area, once it is there (and in ``state``, if given)."""
    selector = f"#{area} .hasil" + (f"[data-hasil='{state}']" if state else "")
    return WebDriverWait(driver, WAIT).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, selector) or False)[0]


def problem_rows(element) -> list[tuple[str, str]]:
    return [(row.get_attribute("data-letak"), row.find_element(By.CSS_SELECTOR, "a.kode").text)
            for row in element.find_elements(By.CSS_SELECTOR, "table.masalah tbody tr")]


def downloaded(driver, suffix: str) -> Path:
    """The file the browser saved, once it is complete."""
    def done(_):
        files = [p for p in driver.downloads.iterdir() if p.name.endswith(suffix)]
        partial = [p for p in driver.downloads.iterdir() if p.name.endswith(".crdownload")]
        return files[0] if files and not partial else False
    return WebDriverWait(driver, WAIT).until(done)


# --- the steps ---------------------------------------------------------------------------------

def test_the_empty_page_offers_every_step(page):
    assert page.title == "Penyusun LKIP"
    headings = [" ".join(h.text.split()) for h in
                page.find_elements(By.CSS_SELECTOR, "section.kartu h2")]
    assert [re.sub(r"^\d\s*", "", h) for h in headings] == [
        "Workbook kosong", "Periksa workbook dan unduh laporan",
        "Templat Word instansi (opsional)", "Rekap kota dan laporan banyak perangkat daerah"]
    assert not page.find_elements(By.XPATH, "//button[contains(., 'PDF')]")
    # Nothing from the internet: every script, style and picture comes from the server.
    sources = page.execute_script(
        "return Array.from(document.querySelectorAll('[src],[href]'))"
        ".map(e => e.src || e.href).filter(u => u.startsWith('http'))")
    assert all(u.startswith("http://127.0.0.1:") for u in sources), sources
    shot(page, "01-halaman-kosong")


def test_a_broken_workbook_shows_its_problems_at_their_cells(page, server, tmp_path):
    workbook = broken_workbook(tmp_path / "dinas-rusak.xlsx")
    choose(page, "workbook", workbook)
    assert page.find_element(By.CSS_SELECTOR, "#bagian-workbook .terpilih").text == \
        "dinas-rusak.xlsx"
    press(page, "Periksa workbook")
    shown = result(page, "hasil-workbook", "galat")
    expected = api.check_workbook(workbook).problems
    assert problem_rows(shown) == [(str(p.location), p.code)
                                   for p in sorted(expected, key=lambda p: not p.is_error)]
    assert ("'Sub Kegiatan'!F2", "not-a-number") in problem_rows(shown)
    row = shown.find_element(By.CSS_SELECTOR, "tr[data-letak=\"'Sub Kegiatan'!F2\"]")
    assert [td.text for td in row.find_elements(By.TAG_NAME, "td")][:3] == [
        "Galat", "Sub Kegiatan", "F2"]
    assert "1 galat" in shown.find_element(By.CSS_SELECTOR, "h3").text
    assert not shown.find_elements(By.XPATH, ".//button[contains(., 'Unduh laporan')]")
    shot(page, "02-workbook-bergalat")
    assert no_files_left(server)

    # The code links to its row in docs/errors.md.
    link = row.find_element(By.CSS_SELECTOR, "a.kode")
    page.get(link.get_attribute("href"))
    anchor = page.find_element(By.ID, "not-a-number")
    assert "not-a-number" in anchor.find_element(By.XPATH, "ancestor::tr").text
    shot(page, "07-bantuan-galat")


def test_a_valid_workbook_shows_its_figures_and_a_report_equal_to_the_cli(page, server,
                                                                          tmp_path):
    choose(page, "workbook", SAMPLE)
    press(page, "Periksa workbook")
    shown = result(page, "hasil-workbook", "valid")
    figures = {dt.text: dd.text for dt, dd in zip(
        shown.find_elements(By.CSS_SELECTOR, ".angka-kunci dt"),
        shown.find_elements(By.CSS_SELECTOR, ".angka-kunci dd"))}
    assert figures == {"IKU tercapai": "2 dari 2", "Realisasi anggaran": "93,67%",
                       "Efisiensi anggaran": "6,33%", "Nilai AKIP": "80,67 (A)"}
    iku = shown.find_elements(By.CSS_SELECTOR, "table.angka")[0]
    assert "107,82%" in iku.text and "Memuaskan" in iku.text
    shot(page, "03-workbook-valid")

    shown.find_element(By.XPATH, ".//button[normalize-space()='Unduh laporan (.docx)']").click()
    report = downloaded(page, ".docx")
    assert report.name == SAMPLE.stem + ".docx"
    assert docx_text(report.read_bytes()) == docx_text(cli_build(tmp_path))
    note = page.find_element(By.ID, "catatan-unduh").text
    assert note == f"Berkas {report.name} sudah diunduh (lihat folder Unduhan)."
    shot(page, "04-laporan-diunduh")
    assert no_files_left(server)


def test_the_recap_of_several_workbooks_shows_progress_and_its_files(page, server, tmp_path):
    other = variant(tmp_path / "dinas-lain.xlsx", "Dinas Lain", 29.00)
    broken = broken_workbook(tmp_path / "dinas-rusak.xlsx")
    # Record every progress bar the page shows, however briefly.
    page.execute_script("""
        window.sawProgress = [];
        new MutationObserver(() => {
          const p = document.querySelector('#hasil-rekap progress');
          if (p) { window.sawProgress.push(document.querySelector('#hasil-rekap .langkah')
                                           .textContent); }
        }).observe(document.getElementById('hasil-rekap'), {childList: true, subtree: true});
    """)
    choose(page, "workbooks", SAMPLE, other, broken)
    assert page.find_element(By.CSS_SELECTOR, "#bagian-rekap .terpilih").text.startswith(
        "3 berkas: ")
    press(page, "Buat rekap dan laporan")
    shown = result(page, "hasil-rekap", "selesai")
    seen = page.execute_script("return window.sawProgress")
    assert seen and seen[0] == "Langkah 1 dari 3: Memeriksa workbook (0 dari 3)"
    assert "rekap 3 workbook, 2 laporan dibuat" in shown.find_element(By.CSS_SELECTOR, "h3").text
    rows = shown.find_elements(By.CSS_SELECTOR, "table.daftar-workbook > tbody > tr:not(.rincian)")
    assert [r.find_elements(By.TAG_NAME, "td")[1].text for r in rows] == [
        SAMPLE.name, "dinas-lain.xlsx", "dinas-rusak.xlsx"]
    assert "1 galat" in rows[2].text
    details = shown.find_element(By.XPATH, ".//details[contains(., 'dinas-rusak.xlsx')]")
    assert ("'Sub Kegiatan'!F2", "not-a-number") in problem_rows(details)
    shot(page, "05-rekap-selesai")
    assert no_files_left(server)

    shown.find_element(By.PARTIAL_LINK_TEXT, "Unduh rekap").click()
    rekap = downloaded(page, ".xlsx")
    sheet = openpyxl.load_workbook(rekap)["Rekap"]
    assert [sheet.cell(row=r, column=2).value for r in (2, 3)] == [
        "Dinas Lain", "Dinas Komunikasi, Informatika, Statistik dan Persandian"]
    assert sheet.cell(row=4, column=4).value == "dinas-rusak.xlsx"
    shown.find_element(By.PARTIAL_LINK_TEXT, "Unduh laporan").click()
    reports = downloaded(page, ".zip")
    with zipfile.ZipFile(reports) as zf:
        assert sorted(zf.namelist()) == ["dinas-lain.docx", SAMPLE.stem + ".docx"]
        Document(io.BytesIO(zf.read("dinas-lain.docx")))


def test_a_template_is_checked_on_the_page(page, tmp_path):
    broken = template_with(tmp_path, "{ { nama_instansi }}")
    choose(page, "templat", broken)
    press(page, "Periksa templat")
    shown = result(page, "hasil-templat", "galat")
    assert [code for _, code in problem_rows(shown)] == [
        p.code for p in api.check_template(broken)]
    assert "template-tag-broken" in shown.text
    shot(page, "06-templat-bergalat")

    # The chosen template is used for the report, so a broken one gives none.
    choose(page, "workbook", SAMPLE)
    press(page, "Langsung unduh laporan (.docx)")
    failed = result(page, "hasil-workbook")
    assert "laporan tidak dibuat" in failed.text and "template-tag-broken" in failed.text
    assert list(page.downloads.iterdir()) == []


def test_the_blank_workbook_is_downloaded_from_the_page(page):
    page.find_element(By.ID, "unduh-kosong").click()
    blank = downloaded(page, ".xlsx")
    codes = {p.code for p in api.check_workbook(blank).problems}
    assert codes and not codes & {"not-a-workbook", "missing-sheet", "missing-column"}


def test_a_200_mb_file_gets_the_cli_message_without_being_sent(page, tmp_path):
    big = sparse(tmp_path / "besar.xlsx", 200 * 1024 * 1024)
    choose(page, "workbook", big)
    press(page, "Periksa workbook")
    shown = result(page, "hasil-workbook")
    # The file's own name: the script worded it without sending the file (the server, refusing
    # an upload unread, can only say "unggahan").
    assert [shown.find_element(By.TAG_NAME, "strong").text] == cli_line("check", str(big))
    shot(page, "08-berkas-terlalu-besar")


def test_a_file_dropped_on_the_zone_is_chosen(page):
    data = base64.b64encode(SAMPLE.read_bytes()).decode()
    page.execute_script("""
        const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
        const drop = new DataTransfer();
        drop.items.add(new File([bytes], arguments[1]));
        const zone = document.querySelector('#bagian-workbook [data-drop]');
        zone.dispatchEvent(new DragEvent('drop', {dataTransfer: drop, bubbles: true,
                                                  cancelable: true}));
    """, data, SAMPLE.name)
    assert page.find_element(By.CSS_SELECTOR, "#bagian-workbook .terpilih").text == SAMPLE.name
    press(page, "Periksa workbook")
    assert "workbook valid" in result(page, "hasil-workbook", "valid").text


def test_the_access_code_is_asked_once_on_another_address(browser, tmp_path):
    with running(tmp_path, host="0.0.0.0", access_code="kode-kantor-123") as srv:
        browser.get(f"http://127.0.0.1:{srv.port}/")
        assert "/masuk" in browser.current_url
        shot(browser, "09-kode-akses")
        browser.find_element(By.ID, "kode").send_keys("salah")
        press(browser, "Masuk")
        refused = WebDriverWait(browser, WAIT).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, ".hasil"))[0]
        assert "kode akses salah" in refused.text
        browser.find_element(By.ID, "kode").send_keys("kode-kantor-123")
        press(browser, "Masuk")
        WebDriverWait(browser, WAIT).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#bagian-workbook h2"))
        choose(browser, "workbook", SAMPLE)
        press(browser, "Periksa workbook")
        assert "workbook valid" in result(browser, "hasil-workbook", "valid").text
