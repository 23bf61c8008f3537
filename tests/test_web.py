"""``lkip serve`` over HTTP: a real waitress server with real worker processes, spoken to with
plain HTTP requests carrying real files. The safety rules of the page: the access code on any
address but this machine's, private folders emptied when the answer is sent, limits on uploads,
"busy" beyond the workers, recaps visible to their own session only; and the same messages as the
CLI for the same bad files.

The helpers here (``running``, ``Client``) are also used by test_web_browser.py.
"""

from __future__ import annotations

import contextlib
import html
import io
import os
import re
import secrets
import shutil
import signal
import struct
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from http.client import HTTPConnection
from pathlib import Path
from typing import Iterator

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import rewrite_zip, write_minimal_workbook
from docx import Document
from test_bad_input import template_with
from test_batch_rekap import broken as broken_workbook
from test_batch_rekap import variant

from lkip_docx import api
from lkip_docx.cli import main
from lkip_docx.report.engine import default_template
from lkip_docx.report.provenance import CLOSING_PREFIX
from lkip_docx.web import access, helpdoc, uploads
from lkip_docx.web.app import lane_problem
from lkip_docx.web.lanes import Lane, LaneError, Lanes
from lkip_docx.web.server import Server
from lkip_docx.web.settings import ACCESS_CODE_ENV, Settings, access_code_for, is_loopback

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lkip-2024-diskominfostandi-bekasi.xlsx"
MB = 1024 * 1024


# --- a running server and a client ---------------------------------------------------------

@contextlib.contextmanager
def running(tmp_path: Path, **overrides) -> Iterator[Server]:
    """A real server on a free port, its private folder under ``tmp_path``; stopped after."""
    settings = Settings(**{"host": "127.0.0.1", "port": 0, "workers": 1,
                           "temp_parent": str(tmp_path), **overrides})
    server = Server(settings)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stop()
        thread.join(60)


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: bytes):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def strong(self) -> list[str]:
        """The messages of a problem answer (the bold text of each), unescaped."""
        return [html.unescape(m) for m in re.findall(r"<strong>(.*?)</strong>", self.text, re.S)]

    def lines(self) -> list[str]:
        """The rows of a problem table as the CLI prints them (without the code)."""
        rows = re.findall(r'<tr class="(?:galat|peringatan)" data-letak="(.*?)">.*?'
                          r'<td class="pesan-sel">(.*?)</td>', self.text, re.S)
        return [html.unescape(f"{where}: {message}" if where else message)
                for where, message in rows]

    def codes(self) -> list[str]:
        return re.findall(r'class="kode" href="/bantuan/galat#([a-z0-9-]+)"', self.text)


class Client:
    """One browser session: keeps its cookie; sends files as multipart/form-data, streamed."""

    def __init__(self, server: Server, host: str = "127.0.0.1"):
        self.port = server.port
        self.host = host
        self.cookie: str | None = None

    def request(self, method: str, path: str, files: dict | None = None,
                fields: dict | None = None, headers: dict | None = None) -> Response:
        conn = HTTPConnection("127.0.0.1", self.port, timeout=300)
        headers = {"Host": f"{self.host}:{self.port}", **(headers or {})}
        if self.cookie:
            headers["Cookie"] = self.cookie
        body = None
        if files is not None or fields is not None:
            body, length, boundary = multipart(files or {}, fields or {})
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
            headers["Content-Length"] = str(length)
        conn.request(method, path, body=body, headers=headers)
        r = conn.getresponse()
        data = r.read()
        found = {k.lower(): v for k, v in r.getheaders()}
        conn.close()
        cookie = found.get("set-cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return Response(r.status, found, data)

    def get(self, path: str, **kw) -> Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, files: dict | None = None, **kw) -> Response:
        return self.request("POST", path, files=files, **kw)


def multipart(files: dict, fields: dict) -> tuple[Iterator[bytes], int, str]:
    """A multipart body streamed from the files (a path, or (name, bytes)); one field may hold
    several files (a list)."""
    boundary = "lkip" + secrets.token_hex(12)
    heads = [(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
              f"{value}\r\n").encode() for name, value in fields.items()]
    parts: list[tuple[bytes, Path | bytes]] = []
    for name, items in files.items():
        for item in items if isinstance(items, list) else [items]:
            filename, source = (item.name, item) if isinstance(item, Path) else item
            parts.append(((f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                           f'filename="{filename}"\r\nContent-Type: application/octet-stream'
                           "\r\n\r\n").encode(), source))
    tail = f"--{boundary}--\r\n".encode()
    length = sum(map(len, heads)) + len(tail) + sum(
        len(head) + (source.stat().st_size if isinstance(source, Path) else len(source)) + 2
        for head, source in parts)

    def chunks():
        yield from heads
        for head, source in parts:
            yield head
            if isinstance(source, Path):
                with open(source, "rb") as fh:
                    while chunk := fh.read(MB):
                        yield chunk
            else:
                yield source
            yield b"\r\n"
        yield tail

    return chunks(), length, boundary


FRAGMENT = {"X-Lkip-Fragment": "1"}


def cli_line(*args: str) -> list[str]:
    """The problem lines the CLI prints for a command, without the code in brackets."""
    result = CliRunner().invoke(main, list(args))
    return [re.sub(r" \[[a-z0-9-]+\]$", "", line.strip()) for line in result.output.splitlines()
            if re.search(r"\[[a-z0-9-]+\]$", line)]


def no_files_left(server: Server) -> bool:
    return uploads.files_in(server.root) == [] and list(server.root.iterdir()) == []


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running(tmp_path_factory.mktemp("serve"), workers=2) as srv:
        yield srv


@pytest.fixture
def client(server):
    return Client(server)


# --- answers with the library's work ---------------------------------------------------------

def test_check_of_a_valid_workbook_shows_its_figures(client, server):
    r = client.post("/periksa", {"workbook": SAMPLE}, headers=FRAGMENT)
    assert r.status == 200
    assert 'data-hasil="valid"' in r.text
    assert "93,67%" in r.text and "80,67 (A)" in r.text and "107,82%" in r.text
    assert no_files_left(server)


def test_check_lists_the_problems_of_the_cli_at_their_cells(client, server, tmp_path):
    workbook = broken_workbook(tmp_path / "rusak.xlsx")
    r = client.post("/periksa", {"workbook": workbook}, headers=FRAGMENT)
    assert 'data-hasil="galat"' in r.text
    expected = api.check_workbook(workbook).problems
    assert r.codes() == [p.code for p in sorted(expected, key=lambda p: not p.is_error)]
    assert r.lines() == cli_line("check", str(workbook))
    assert "<td>Sub Kegiatan</td>" in r.text and '<td class="sel">F2</td>' in r.text
    assert no_files_left(server)


def test_report_download_equals_the_cli_build(client, server, tmp_path):
    r = client.post("/laporan", {"workbook": SAMPLE})
    assert r.status == 200
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument"
                                                ".wordprocessingml")
    assert "lkip-2024-diskominfostandi-bekasi.docx" in r.headers["content-disposition"]
    assert docx_text(r.body) == docx_text(cli_build(tmp_path))
    assert no_files_left(server)


def cli_build(tmp_path: Path) -> bytes:
    """The CLI's report of the sample as the page received it: the workbook alone (the page got
    no picture, so the organisation chart the sample names is left out of both)."""
    alone = tmp_path / "sendiri" / SAMPLE.name
    alone.parent.mkdir()
    shutil.copy(SAMPLE, alone)
    cli = tmp_path / "cli.docx"
    assert CliRunner().invoke(main, ["build", str(alone), "-o", str(cli)]).exit_code == 0
    return cli.read_bytes()


def docx_text(data: bytes) -> list[str]:
    """Every paragraph and table cell of a report, in order (python-docx reopens it)."""
    doc = Document(io.BytesIO(data))
    # The closing line states the build time, which differs between any two builds.
    out = [p.text for p in doc.paragraphs if not p.text.startswith(CLOSING_PREFIX)]
    for table in doc.tables:
        out.extend(cell.text for row in table.rows for cell in row.cells)
    return out


def test_a_workbook_with_errors_gives_no_report_but_its_problems(client, tmp_path):
    r = client.post("/laporan", {"workbook": broken_workbook(tmp_path / "rusak.xlsx")},
                    headers=FRAGMENT)
    assert r.status == 422
    assert "not-a-number" in r.codes()
    assert "laporan tidak dibuat" in r.text


@pytest.mark.parametrize("kind", ["zip-bomb", "text", "word", "empty"])
def test_bad_files_get_the_messages_of_the_cli(client, server, tmp_path, kind):
    path = tmp_path / "data.xlsx"
    if kind == "zip-bomb":
        write_minimal_workbook(path)
        rewrite_zip(path, {"xl/media/image1.png": b"\0" * (5 * MB)})
    elif kind == "text":
        path.write_text("no;nama\n1;Dinas\n")
    elif kind == "word":
        shutil.copy(default_template(), path)
    else:
        path.write_bytes(b"")
    r = client.post("/periksa", {"workbook": path}, headers=FRAGMENT)
    assert r.lines() and r.lines() == cli_line("check", str(path))
    assert no_files_left(server)


def test_a_broken_template_gets_the_problems_of_check_template(client, server, tmp_path):
    template = template_with(tmp_path, "{ { nama_instansi }}")
    r = client.post("/templat", {"templat": template}, headers=FRAGMENT)
    assert 'data-hasil="galat"' in r.text
    assert r.codes() == [p.code for p in api.check_template(template)]
    assert "template-tag-broken" in r.codes()
    # The same template for a build: no report, the same problem.
    r = client.post("/laporan", {"workbook": SAMPLE, "templat": template}, headers=FRAGMENT)
    assert r.status == 422 and "template-tag-broken" in r.codes()
    assert no_files_left(server)


def test_the_bundled_template_passes_the_check(client):
    r = client.post("/templat", {"templat": default_template()}, headers=FRAGMENT)
    assert 'data-hasil="valid"' in r.text and "templat dapat dipakai" in r.text


def test_blank_workbook_is_the_standard_one(client, server, tmp_path):
    r = client.get("/workbook-kosong.xlsx")
    assert r.status == 200
    path = tmp_path / "kosong.xlsx"
    path.write_bytes(r.body)
    codes = {p.code for p in api.check_workbook(path).problems}
    assert codes and not codes & {"not-a-workbook", "missing-sheet", "missing-column"}
    assert no_files_left(server)


def test_without_a_file_the_page_asks_for_one(client):
    r = client.post("/periksa", {}, fields={"x": "1"}, headers=FRAGMENT)
    assert r.status == 422 and r.codes() == ["no-file"]
    r = client.post("/templat", {}, fields={"x": "1"}, headers=FRAGMENT)
    assert r.codes() == ["no-file"]


def test_without_the_script_the_answer_is_the_whole_page(client):
    r = client.post("/periksa", {"workbook": SAMPLE})
    assert r.text.startswith("<!doctype html>") and 'data-hasil="valid"' in r.text


# --- pictures named by a workbook --------------------------------------------------------------

def with_logo(path: Path, name: str) -> Path:
    wb = openpyxl.load_workbook(SAMPLE)
    for row in wb["Profil"].iter_rows(min_row=2):
        if row[0].value == "Berkas Logo":
            row[1].value = name
            break
    else:  # pragma: no cover - the sample's Profil has the row
        raise AssertionError("no Logo row in Profil")
    wb.save(path)
    return path


def png(width: int = 4, height: int = 4) -> bytes:
    """A real PNG: white pixels, every chunk with its CRC."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    rows = b"".join(b"\0" + b"\xff\xff\xff" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


PNG = png()


def test_a_picture_outside_the_upload_is_refused_and_not_probed(client, tmp_path):
    secret = tmp_path / "rahasia.png"
    secret.write_bytes(PNG)
    for name in (str(secret), "../" * 12 + str(secret).lstrip("/"), "..\\rahasia.png"):
        workbook = with_logo(tmp_path / "dinas.xlsx", name)
        r = client.post("/periksa", {"workbook": workbook}, headers=FRAGMENT)
        # (the sample's organisation chart was not uploaded either)
        assert r.codes() == ["picture-outside-folder", "bagan-organisasi-not-found"], name
        r = client.post("/laporan", {"workbook": workbook})
        assert r.status == 200
        with zipfile.ZipFile(io.BytesIO(r.body)) as zf:
            assert not [n for n in zf.namelist() if n.startswith("word/media/")], name


def test_a_picture_chosen_with_the_workbook_is_put_in_the_report(client, tmp_path):
    workbook = with_logo(tmp_path / "dinas.xlsx", "logo.png")
    r = client.post("/periksa", {"workbook": workbook}, headers=FRAGMENT)
    assert r.codes() == ["logo-not-found", "bagan-organisasi-not-found"]
    r = client.post("/laporan", {"workbook": workbook, "gambar": ("logo.png", PNG)})
    assert r.status == 200
    with zipfile.ZipFile(io.BytesIO(r.body)) as zf:
        assert any(n.startswith("word/media/") for n in zf.namelist())
    r = client.post("/periksa", {"workbook": workbook, "gambar": ("logo.png", b"GIF89a")},
                    headers=FRAGMENT)
    assert r.codes() == ["picture-not-image"]


# --- recaps ---------------------------------------------------------------------------------------

def follow(client: Client, start: Response) -> dict:
    """Poll a recap until it ends, as the page's script does; its last state."""
    import json

    status = json.loads(start.text)["status"]
    for _ in range(2000):
        r = client.get(status, headers={"Accept": "application/json", **FRAGMENT})
        assert r.status == 200, r.text
        state = json.loads(r.text)
        if state["finished"]:
            return {"status": status, **state}
        time.sleep(0.1)
    raise AssertionError("the recap never ended")


def test_recap_of_several_workbooks(client, server, tmp_path):
    other = variant(tmp_path / "dinas-lain.xlsx", "Dinas Lain", 29.00)
    files = [SAMPLE, other, broken_workbook(tmp_path / "rusak.xlsx")]
    start = client.post("/rekap", {"workbooks": files}, headers=FRAGMENT)
    assert start.status == 200
    # The first answer already shows the progress, at its start.
    assert "<progress" in start.text and "Langkah 1 dari 3" in start.text
    state = follow(client, start)
    assert 'data-hasil="selesai"' in state["html"]
    assert "3 workbook, 2 laporan dibuat" in state["html"]
    assert no_files_left(server)  # the job's folder went before it said it was done

    rekap = client.get(state["status"] + "/rekap.xlsx")
    assert rekap.status == 200
    sheet = openpyxl.load_workbook(io.BytesIO(rekap.body))["Rekap"]
    names = [sheet.cell(row=r, column=4).value for r in range(2, 5)]
    assert sorted(names) == ["dinas-lain.xlsx", SAMPLE.name, "rusak.xlsx"]
    reports = client.get(state["status"] + "/laporan.zip")
    with zipfile.ZipFile(io.BytesIO(reports.body)) as zf:
        assert sorted(zf.namelist()) == ["dinas-lain.docx", SAMPLE.stem + ".docx"]
        Document(io.BytesIO(zf.read(SAMPLE.stem + ".docx")))
    # Both files fetched: the results are gone from the server's memory too.
    assert client.get(state["status"] + "/laporan.zip").status == 404
    assert len(server.app.extensions["lkip"]["jobs"]) == 0


def test_a_recap_with_its_own_template_builds_the_reports_from_it(client, tmp_path):
    # The page handed the template to build_many as text, which read it as a path: every recap
    # with a template ended in "kesalahan internal: AttributeError".
    template = template_with(tmp_path, "Dibuat dengan templat dinas sendiri")
    start = client.post("/rekap", {"workbooks": [SAMPLE], "templat": template}, headers=FRAGMENT)
    state = follow(client, start)
    assert "1 workbook, 1 laporan dibuat" in state["html"], state["html"]
    reports = client.get(state["status"] + "/laporan.zip")
    with zipfile.ZipFile(io.BytesIO(reports.body)) as zf:
        doc = Document(io.BytesIO(zf.read(SAMPLE.stem + ".docx")))
    assert "Dibuat dengan templat dinas sendiri" in [p.text for p in doc.paragraphs]


def test_a_recap_is_visible_to_its_own_session_only(server, tmp_path):
    owner, stranger = Client(server), Client(server)
    owner.get("/")
    stranger.get("/")
    start = owner.post("/rekap", {"workbooks": [SAMPLE]}, headers=FRAGMENT)
    state = follow(owner, start)
    for path in (state["status"], state["status"] + "/rekap.xlsx",
                 state["status"] + "/laporan.zip"):
        r = stranger.get(path, headers=FRAGMENT)
        assert r.status == 404 and r.codes() == ["job-gone"]
    assert owner.get(state["status"] + "/rekap.xlsx").status == 200


def test_same_names_in_one_recap_are_kept_apart(client, tmp_path):
    start = client.post("/rekap", {"workbooks": [SAMPLE, ("Lkip-2024-diskominfostandi-bekasi"
                                                           ".xlsx", SAMPLE.read_bytes())]},
                        headers=FRAGMENT)
    state = follow(client, start)
    reports = client.get(state["status"] + "/laporan.zip")
    with zipfile.ZipFile(io.BytesIO(reports.body)) as zf:
        assert sorted(zf.namelist()) == ["Lkip-2024-diskominfostandi-bekasi (2).docx",
                                         SAMPLE.stem + ".docx"]


# --- limits -------------------------------------------------------------------------------------

def sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as fh:
        fh.truncate(size)
    return path


def test_a_workbook_over_the_readers_limit_gets_the_cli_message(client, server, tmp_path):
    big = sparse(tmp_path / "besar.xlsx", 60 * MB)
    r = client.post("/periksa", {"workbook": big}, headers=FRAGMENT)
    assert r.status == 422
    assert r.strong() == cli_line("check", str(big)) == [
        "besar.xlsx: berkas terlalu besar (60 MB; batas 50 MB)"]
    assert no_files_left(server)


def test_a_200_mb_file_is_refused_unread_with_the_readers_message(client, server, tmp_path):
    big = sparse(tmp_path / "besar.xlsx", 200 * MB)
    r = client.post("/periksa", {"workbook": big}, headers=FRAGMENT)
    assert r.status == 413
    assert r.codes() == ["file-too-large"]
    assert r.strong() == ["unggahan: berkas terlalu besar (200 MB; batas 50 MB)"]
    assert cli_line("check", str(big)) == ["besar.xlsx: berkas terlalu besar (200 MB; batas "
                                           "50 MB)"]
    assert no_files_left(server)


def test_the_script_gets_the_message_of_a_file_it_did_not_send(client):
    r = client.get(f"/batas?berkas=besar.xlsx&ukuran={200 * MB}&jenis=workbook",
                   headers=FRAGMENT)
    assert r.strong() == ["besar.xlsx: berkas terlalu besar (200 MB; batas 50 MB)"]
    r = client.get(f"/batas?ukuran={300 * MB}&jenis=unggahan", headers=FRAGMENT)
    assert r.strong() == ["unggahan terlalu besar (300 MB; batas 256 MB untuk sekali unggah)"]


def test_limits_on_the_number_and_size_of_uploads(tmp_path):
    with running(tmp_path, max_batch_files=2, max_request_bytes=3 * MB, max_pictures=1) as srv:
        client = Client(srv)
        r = client.post("/rekap", {"workbooks": [SAMPLE] * 3}, headers=FRAGMENT)
        assert r.status == 422 and r.codes() == ["too-many-files"]
        r = client.post("/rekap", {"workbooks": [("a.xlsx", b"\0" * (3 * MB + MB // 2))]},
                        headers=FRAGMENT)
        assert r.status == 413 and r.codes() == ["upload-too-large"]
        r = client.post("/periksa", {"workbook": SAMPLE,
                                     "gambar": [("a.png", PNG), ("b.png", PNG)]},
                        headers=FRAGMENT)
        assert r.codes() == ["too-many-files"]
        assert no_files_left(srv)


# --- busy, and parallel up to the workers ---------------------------------------------------

def test_beyond_the_workers_the_answer_is_busy_try_again(tmp_path):
    with running(tmp_path, workers=2) as srv:
        client = Client(srv)
        lanes: Lanes = srv.lanes
        first = lanes.take()  # one person building
        try:
            assert client.post("/periksa", {"workbook": SAMPLE}, headers=FRAGMENT).status == 200
            second = lanes.take()  # and another: every worker in use
            try:
                r = client.post("/periksa", {"workbook": SAMPLE}, headers=FRAGMENT)
                assert r.status == 503 and r.codes() == ["server-busy"]
                assert r.headers["retry-after"] == "10"
                assert "Coba lagi sebentar lagi" in r.text
                r = client.post("/rekap", {"workbooks": [SAMPLE]}, headers=FRAGMENT)
                assert r.status == 503 and r.codes() == ["server-busy"]
                # The page itself is still served.
                assert client.get("/").status == 200
            finally:
                lanes.give_back(second)
        finally:
            lanes.give_back(first)
        assert client.post("/periksa", {"workbook": SAMPLE}, headers=FRAGMENT).status == 200
        assert no_files_left(srv)


def test_requests_are_served_by_different_workers_at_once(tmp_path):
    with running(tmp_path, workers=2) as srv:
        client = Client(srv)
        taken = [srv.lanes.take(), srv.lanes.take()]
        for lane in taken:
            lane.ensure_started()
        # Two processes of their own, neither of them the server's.
        pids = {lane.pid for lane in taken}
        assert len(pids) == 2 and os.getpid() not in pids
        assert srv.lanes.take() is None
        for lane in taken:
            srv.lanes.give_back(lane)
        assert client.post("/periksa", {"workbook": SAMPLE}, headers=FRAGMENT).status == 200


def test_a_task_that_hangs_is_stopped_and_its_worker_replaced():
    lane = Lane()
    try:
        with pytest.raises(LaneError) as exc:
            lane.call(time.sleep, 3600, timeout=0.5)
        assert exc.value.kind == "timeout"
        first = lane.call(os.getpid, timeout=60)
        with pytest.raises(LaneError) as exc:
            lane.call(os._exit, 3, timeout=60)
        assert exc.value.kind == "crash"
        assert lane.call(os.getpid, timeout=60) != first
    finally:
        lane.stop()


# --- the access code --------------------------------------------------------------------------

def test_on_this_machine_no_code_is_asked(client):
    assert client.get("/").status == 200
    assert client.post("/periksa", {"workbook": SAMPLE}, headers=FRAGMENT).status == 200


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"])
def test_loopback_addresses(host):
    assert is_loopback(host)
    assert access_code_for(host, {ACCESS_CODE_ENV: "x"}) == (None, False)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "kantor.local"])
def test_other_addresses_get_a_code(host):
    code, from_env = access_code_for(host, {})
    assert len(code) >= 12 and not from_env
    assert access_code_for(host, {ACCESS_CODE_ENV: "rahasia-kantor"}) == ("rahasia-kantor", True)
    with pytest.raises(ValueError):
        access_code_for(host, {ACCESS_CODE_ENV: "pendek"})


def test_a_name_pointing_at_this_machine_is_refused(server):
    # DNS rebinding: a web site whose name resolves to 127.0.0.1 cannot use the page.
    r = Client(server, host="situs-lain.example").get("/")
    assert r.status == 403 and r.codes() == ["host-refused"]
    assert access.local_host_allowed("localhost:8765")
    assert access.local_host_allowed("[::1]:8765")
    assert not access.local_host_allowed("127.0.0.1.example:8765")


def test_a_post_from_another_site_is_refused(client):
    r = client.post("/periksa", {"workbook": SAMPLE},
                    headers={"Origin": "http://situs-lain.example", **FRAGMENT})
    assert r.status == 403 and r.codes() == ["origin-refused"]


def test_on_another_address_nothing_works_without_the_code(tmp_path):
    code = "kode-kantor-123"
    with running(tmp_path, host="0.0.0.0", access_code=code) as srv:
        client = Client(srv)
        r = client.get("/")
        assert r.status == 303 and "/masuk" in r.headers["location"]
        for path in ("/bantuan/galat", "/workbook-kosong.xlsx"):
            assert client.get(path).status == 303
        r = client.post("/periksa", {"workbook": SAMPLE})
        assert r.status == 303 and "/masuk" in r.headers["location"]
        r = client.post("/periksa", {"workbook": SAMPLE}, headers=FRAGMENT)
        assert r.status == 401 and r.codes() == ["access-code-needed"]
        assert no_files_left(srv)
        r = client.post("/masuk", fields={"kode": "salah", "lanjut": "/"})
        assert r.status == 401 and "kode akses salah" in r.text
        assert client.get("/").status == 303
        # The right code, once per session.
        r = client.post("/masuk", fields={"kode": code, "lanjut": "/"})
        assert r.status == 302
        assert client.get("/").status == 200
        assert client.post("/periksa", {"workbook": SAMPLE}, headers=FRAGMENT).status == 200
        # Another browser still needs it; the link of --open carries it.
        other = Client(srv)
        assert other.get("/").status == 303
        r = other.get("/?kode=" + code)
        assert r.status == 302 and r.headers["location"] == "/"
        assert other.get("/").status == 200
        # The static files hold nothing private: the code page needs its style.
        assert Client(srv).get("/static/lkip.css").status == 200


def test_guessing_the_code_is_stopped(tmp_path):
    with running(tmp_path, host="0.0.0.0", access_code="kode-kantor-123",
                 max_code_failures=3) as srv:
        client = Client(srv)
        for _ in range(2):
            assert client.post("/masuk", fields={"kode": "tebak"}).status == 401
        # A guess in the address of the page counts as well.
        assert client.get("/?kode=tebak").status == 303
        r = client.post("/masuk", fields={"kode": "kode-kantor-123"})
        assert r.status == 429 and "tunggu" in r.text
        assert client.get("/?kode=kode-kantor-123").status == 303
        assert client.get("/").status == 303


def test_a_restart_ends_every_session(tmp_path):
    with running(tmp_path, host="0.0.0.0", access_code="kode-kantor-123") as srv:
        client = Client(srv)
        client.post("/masuk", fields={"kode": "kode-kantor-123"})
        assert client.get("/").status == 200
        cookie = client.cookie
    with running(tmp_path, host="0.0.0.0", access_code="kode-kantor-123") as srv:
        client = Client(srv)
        client.cookie = cookie
        assert client.get("/").status == 303


def test_codes_are_compared_whole():
    assert access.code_matches(" abc-123 ", "abc-123")
    assert not access.code_matches("abc-12", "abc-123")
    assert not access.code_matches("", "abc-123")


# --- lkip serve itself --------------------------------------------------------------------------

def serve(*args: str, env: dict | None = None) -> tuple[subprocess.Popen, list[str]]:
    """``lkip serve`` in a process of its own; its first lines (until the Ctrl+C hint)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "lkip_docx", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})
    lines = []
    for line in process.stdout:
        lines.append(line.rstrip("\n"))
        if "Ctrl+C" in line or len(lines) > 20:
            break
    return process, lines


def stop(process: subprocess.Popen) -> str:
    """Ctrl+C, as a person stops the server (Windows has no SIGINT for another process: there the
    process is ended and its farewell line is not checked)."""
    if os.name == "nt":  # pragma: no cover - the suite runs on Linux
        process.terminate()
    else:
        process.send_signal(signal.SIGINT)
    try:
        out, _ = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:  # pragma: no cover - a server that will not stop
        process.kill()
        out, _ = process.communicate()
    return out


def test_serve_prints_the_code_once_and_asks_for_it(tmp_path):
    process, lines = serve("--host", "0.0.0.0", env={"TMPDIR": str(tmp_path)})
    try:
        text = "\n".join(lines)
        code = re.search(r"Kode akses: (\S+)", text).group(1)
        port = int(re.search(r"http://0\.0\.0\.0:(\d+)/", text).group(1))
        conn = HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", "/")
        r = conn.getresponse()
        assert r.status == 303 and "/masuk" in r.getheader("Location")
        conn.close()
    finally:
        rest = stop(process)
    assert code not in rest  # printed once
    assert "dihentikan" in rest or os.name == "nt"
    # the server's private folder went with it (Python's own multiprocessing may leave a pymp-*
    # folder there a moment longer: not ours)
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("pymp-")] == []


def test_serve_with_the_code_in_the_environment_does_not_print_it(tmp_path):
    process, lines = serve("--host", "0.0.0.0",
                           env={ACCESS_CODE_ENV: "kode-dari-lingkungan", "TMPDIR": str(tmp_path)})
    try:
        assert "kode-dari-lingkungan" not in "\n".join(lines)
        assert any("LKIP_ACCESS_CODE" in line for line in lines)
    finally:
        stop(process)


def test_serve_on_this_machine_asks_no_code():
    process, lines = serve()
    try:
        text = "\n".join(lines)
        assert "Kode akses" not in text and "Hanya komputer ini" in text
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", text).group(1))
        conn = HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", "/")
        assert conn.getresponse().status == 200
        conn.close()
    finally:
        stop(process)


def test_serve_refuses_a_short_code_and_a_port_in_use(server):
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0"],
                                env={ACCESS_CODE_ENV: "abc"})
    assert result.exit_code == 1 and "[access-code-too-short]" in result.output
    result = CliRunner().invoke(main, ["serve", "--port", str(server.port)])
    assert result.exit_code == 1 and "[port-in-use]" in result.output


# --- the page's own parts -------------------------------------------------------------------

def test_the_packaged_errors_md_is_docs_errors_md():
    # docs/ is not installed, so the package carries a copy for the help page.
    assert helpdoc.ERRORS_MD.read_bytes() == (ROOT / "docs" / "errors.md").read_bytes(), \
        "run python tools/gen_docs.py (it copies docs/errors.md to lkip_docx/web/errors.md)"


def test_every_code_the_page_shows_has_its_row_in_the_help(client):
    r = client.get("/bantuan/galat")
    _, anchors = helpdoc.errors_page()
    web_source = "\n".join(p.read_text(encoding="utf-8")
                           for p in (ROOT / "lkip_docx" / "web").glob("*.py"))
    for code in set(re.findall(r'error\(\s*"([a-z0-9-]+)"', web_source)):
        assert code in anchors, f"{code}: no row in docs/errors.md"
        assert f'id="{code}"' in r.text


def test_no_pdf_where_libreoffice_is_not_found(client):
    # The suite runs with LKIP_SOFFICE=none: as on a machine without LibreOffice.
    assert api.find_libreoffice() is None
    assert "Unduh PDF" not in client.get("/").text
    assert client.post("/laporan.pdf", {"workbook": SAMPLE}).status == 404
    r = client.post("/periksa", {"workbook": SAMPLE}, headers=FRAGMENT)
    assert "Unduh PDF" not in r.text


def test_the_pdf_of_a_report_where_libreoffice_is_found(soffice, tmp_path):
    # soffice: the fixture that makes the real LibreOffice the one lkip uses (skips without it);
    # the server's workers are started after it, so they inherit it.
    with running(tmp_path) as srv:
        client = Client(srv)
        r = client.post("/periksa", {"workbook": SAMPLE}, headers=FRAGMENT)
        assert "Unduh PDF" in r.text
        r = client.post("/laporan.pdf", {"workbook": SAMPLE})
        assert r.status == 200, r.text[:500]
        assert r.headers["content-type"] == "application/pdf"
        assert r.body.startswith(b"%PDF-")
        assert "lkip-2024-diskominfostandi-bekasi.pdf" in r.headers["content-disposition"]
        assert no_files_left(srv)


@pytest.mark.parametrize("given, safe", [
    ("laporan.xlsx", "laporan.xlsx"),
    ("C:\\Users\\kepala\\Dinas A.xlsx", "Dinas A.xlsx"),
    ("../../etc/passwd", "passwd"),
    ("..", "berkas.xlsx"),
    (".rahasia.xlsx", "rahasia.xlsx"),
    ("~$dinas.xlsx", "dinas.xlsx"),
    ("CON.xlsx", "_CON.xlsx"),
    ("a<b>:c|d?.xlsx", "a_b__c_d_.xlsx"),
    ("", "berkas.xlsx"),
    ("x" * 300 + ".xlsx", "x" * 120 + ".xlsx"),
])
def test_safe_names(given, safe):
    assert uploads.safe_name(given, "berkas.xlsx") == safe


def test_unique_names_ignore_case():
    taken: set[str] = set()
    assert [uploads.unique(n, taken) for n in ("a.xlsx", "A.xlsx", "a.xlsx")] == [
        "a.xlsx", "A (2).xlsx", "a (3).xlsx"]


def test_serve_refuses_an_address_of_another_machine():
    # 203.0.113.0/24 is kept for documentation: never an address of this machine.
    result = CliRunner().invoke(main, ["serve", "--host", "203.0.113.9", "--port", "0"])
    assert result.exit_code == 1 and "[address-unusable]" in result.output


def test_a_worker_that_stops_or_dies_is_a_message_not_a_crash():
    settings = Settings()
    assert lane_problem(LaneError("timeout"), settings).code == "work-timeout"
    assert lane_problem(LaneError("crash", "EOFError"), settings).code == "internal-error"
