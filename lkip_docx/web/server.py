"""Starting and stopping the page: the worker processes, the private folder, the application and
waitress (a pure-Python server that runs the same on Windows and Linux)."""

from __future__ import annotations

import errno
import ipaddress
import signal
import socket
import threading
import webbrowser
from typing import Callable
from urllib.parse import quote

from waitress.server import create_server

from lkip_docx.problems import LkipError, error
from lkip_docx.web import uploads, work
from lkip_docx.web.app import create_app
from lkip_docx.web.lanes import Lanes
from lkip_docx.web.settings import ACCESS_CODE_ENV, Settings, access_code_for

#: threads beyond the workers: the page, its files and "busy" answers are served even when every
#: worker is building
SPARE_THREADS = 4
#: waitress reads a request this much over the largest the page takes, so that the page answers
#: "too large" itself; far beyond, waitress closes the connection unread (the page's script never
#: sends such an upload: it knows every limit)
READ_BEYOND_LIMIT = 32 * 1024 * 1024


def url_host(host: str) -> str:
    try:
        if ipaddress.ip_address(host.strip("[]")).version == 6:
            return f"[{host.strip('[]')}]"
    except ValueError:
        pass
    return host


def browser_host(host: str) -> str:
    """Where a browser on this machine reaches a server listening on ``host``."""
    return {"0.0.0.0": "127.0.0.1", "::": "[::1]", "": "127.0.0.1"}.get(host, url_host(host))


class Server:
    """One running page. ``run()`` serves until ``stop()`` (from any thread) or Ctrl+C, then
    closes everything: connections, worker processes, the private folder."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.root = uploads.make_root(settings.temp_parent)
        self.lanes = Lanes(settings.workers, work.warm_up)
        self._stop = threading.Event()
        self._map: dict = {}
        try:
            self.app = create_app(settings, self.lanes, self.root)
            self._server = create_server(
                self.app, map=self._map, host=settings.host, port=settings.port,
                threads=settings.workers + SPARE_THREADS,
                max_request_body_size=settings.max_request_bytes + READ_BEYOND_LIMIT,
                clear_untrusted_proxy_headers=True, ident="lkip")
        except OSError as exc:
            uploads.remove(self.root)
            raise LkipError(_bind_problem(exc, settings)) from None
        except BaseException:
            uploads.remove(self.root)
            raise
        self.port = self._server.effective_port

    @property
    def url(self) -> str:
        """The address to give people (the listening address, as given)."""
        return f"http://{url_host(self.settings.host)}:{self.port}/"

    @property
    def local_url(self) -> str:
        """The address a browser on this machine opens (with the access code, when there is
        one, so that --open needs no typing)."""
        url = f"http://{browser_host(self.settings.host)}:{self.port}/"
        if self.settings.access_code:
            url += "?kode=" + quote(self.settings.access_code, safe="")
        return url

    def run(self, ready: Callable[[], None] | None = None) -> None:
        try:
            # The workers start while the first page is being opened.
            starter = threading.Thread(target=self.lanes.start, daemon=True)
            starter.start()
            if ready is not None:
                ready()
            # waitress's own loop, in steps, so that stop() from another thread is seen.
            while not self._stop.is_set() and self._map:
                self._server.asyncore.loop(timeout=0.5, map=self._map, count=1)
        finally:
            self._close()

    def stop(self) -> None:
        self._stop.set()

    def _close(self) -> None:
        for channel in list(self._map.values()):
            channel.close()
        self._server.task_dispatcher.shutdown()
        self.lanes.stop()
        uploads.remove(self.root)


def _bind_problem(exc: OSError, settings: Settings):
    if exc.errno == errno.EADDRINUSE or getattr(exc, "winerror", None) == 10048:
        return error("port-in-use", f"port {settings.port} sudah dipakai program lain (mungkin "
                                    "lkip serve yang masih berjalan); pilih port lain dengan "
                                    "--port", place=f"{settings.host}:{settings.port}")
    return error("address-unusable", f"alamat {settings.host} tidak dapat dipakai: "
                                     f"{exc.strerror or exc}",
                 place=f"{settings.host}:{settings.port}")


def banner(server: Server, code_from_env: bool) -> list[str]:
    """What ``lkip serve`` prints at start-up, in Bahasa Indonesia."""
    s = server.settings
    lines = [f"Halaman LKIP siap di {server.url}"]
    if s.local_only:
        lines.append("Hanya komputer ini yang dapat membukanya (pakai --host 0.0.0.0 agar rekan "
                     "di jaringan kantor dapat membukanya).")
    else:
        if s.host in ("0.0.0.0", "::"):
            lines.append(f"Dari komputer lain: http://{socket.gethostname()}:{server.port}/ "
                         "(atau alamat IP komputer ini)")
        if code_from_env:
            lines.append("Kode akses: yang diatur di variabel LKIP_ACCESS_CODE.")
        else:
            lines.append(f"Kode akses: {s.access_code}")
            lines.append("Berikan kode ini kepada rekan yang memakai halaman ini; kode hanya "
                         "dicetak sekali dan berganti setiap kali lkip serve dijalankan.")
    lines.append(f"Paling banyak {s.workers} laporan disusun bersamaan. Tekan Ctrl+C untuk "
                 "berhenti.")
    return lines


def serve(settings: Settings, open_browser: bool, code_from_env: bool,
          echo: Callable[[str], None]) -> None:
    """``lkip serve``: start, print the address (and the access code), serve until Ctrl+C."""
    server = Server(settings)

    def ready() -> None:
        for line in banner(server, code_from_env):
            echo(line)
        if open_browser:
            webbrowser.open(server.local_url)

    if threading.current_thread() is threading.main_thread():
        # A service manager or `kill` stops the page as Ctrl+C does: workers and folder removed.
        signal.signal(signal.SIGTERM, lambda *_: server.stop())
    try:
        server.run(ready)
    except KeyboardInterrupt:
        pass
    echo("Halaman LKIP dihentikan.")


def run(host: str, port: int, open_browser: bool, workers: int | None,
        echo: Callable[[str], None]) -> None:
    """The ``lkip serve`` command: settings from its options and the environment, then serve.
    LkipError for an access code or an address that cannot be used."""
    try:
        code, from_env = access_code_for(host)
    except ValueError as exc:
        raise LkipError(error("access-code-too-short", str(exc), place=ACCESS_CODE_ENV)) from None
    settings = Settings(host=host, port=port, access_code=code)
    if workers:
        settings.workers = workers
    serve(settings, open_browser, from_env, echo)
