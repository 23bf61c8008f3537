"""The page: HTTP in, library calls out (through the worker lanes), HTML or a file back.

Every request that brings files gets a private folder, removed before the answer leaves; the
answer is built from bytes in memory. Requests from the page's script ask for a fragment of HTML
(header ``X-Lkip-Fragment: 1``) that the script puts in place; without the script the same
addresses answer with the whole page, so the forms also work with JavaScript off.
"""

from __future__ import annotations

import io
import secrets
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

from flask import (
    Flask,
    Request,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    session,
    url_for,
)
from markupsafe import Markup

from lkip_docx import __version__, api
from lkip_docx.problems import LkipError, Problem, error
from lkip_docx.web import helpdoc, present, uploads, work
from lkip_docx.web.access import Attempts, code_matches, local_host_allowed
from lkip_docx.web.jobs import Job, Jobs
from lkip_docx.web.lanes import LaneError, Lanes
from lkip_docx.web.settings import Settings

HERE = Path(__file__).resolve().parent
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SLACK = 1024 * 1024  # room for the form's own fields and the multipart boundaries
INTERNAL = ("Kesalahan internal lkip-docx (bukan kesalahan berkas Anda); coba lagi, dan bila "
            "terulang laporkan ke petugas yang menjalankan lkip serve")

# Content-Security-Policy: scripts, styles and images from this server only; no inline script.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                               "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # "same-origin", not "no-referrer": with no referrer a browser sends "Origin: null" on its own
    # form posts, and the origin check below needs the real one.
    "Referrer-Policy": "same-origin",
}


class Busy(Exception):
    """Every worker is in use."""


class UploadRequest(Request):
    """Uploaded files are spooled inside the server's private folder, not the system's shared
    temporary folder."""

    def _get_file_stream(self, total_content_length, content_type, filename=None,
                         content_length=None):
        return tempfile.SpooledTemporaryFile(max_size=512 * 1024,
                                             dir=current_app.config["LKIP_ROOT"])


def create_app(settings: Settings, lanes: Lanes, root: Path) -> Flask:
    """The Flask application of one server. ``lanes`` do the work; ``root`` is the server's
    private folder for uploads."""
    app = Flask("lkip_docx.web", template_folder=str(HERE / "templates"),
                static_folder=str(HERE / "static"), static_url_path="/static")
    app.request_class = UploadRequest
    # A secret made at start-up signs the session cookie: a restart ends every session.
    app.secret_key = secrets.token_bytes(32)
    app.config.update(
        LKIP_ROOT=str(root),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        MAX_FORM_PARTS=settings.max_batch_files + settings.max_pictures + 20,
        MAX_CONTENT_LENGTH=settings.max_request_bytes,
        SEND_FILE_MAX_AGE_DEFAULT=0,
    )
    app.jinja_env.filters.update(present.FILTERS)
    jobs = Jobs(settings.max_jobs, settings.job_keep_seconds)
    attempts = Attempts(settings.max_code_failures, settings.code_lockout_seconds)
    # The PDF button shows when LibreOffice is found on this machine (LKIP_SOFFICE or PATH).
    pdf_ready = api.find_libreoffice() is not None
    app.extensions["lkip"] = {"settings": settings, "lanes": lanes, "jobs": jobs, "root": root}

    single_limit = (settings.max_workbook_bytes + settings.max_template_bytes
                    + settings.max_pictures * settings.max_picture_bytes + SLACK)
    limits = {"periksa": single_limit, "laporan": single_limit, "laporan_pdf": single_limit,
              "templat": settings.max_template_bytes + SLACK,
              "rekap_mulai": settings.max_request_bytes, "masuk": SLACK}

    # --- every request --------------------------------------------------------------------

    @app.before_request
    def gate():
        if settings.local_only and not local_host_allowed(request.host):
            return problem_answer(error("host-refused", "alamat halaman tidak dikenal; buka "
                                        "halaman ini lewat http://127.0.0.1 atau "
                                        "http://localhost"), 403)
        if request.method == "POST" and not same_origin():
            return problem_answer(error("origin-refused", "permintaan dari situs lain ditolak"),
                                  403)
        if request.endpoint == "static":
            return None
        session.setdefault("owner", secrets.token_urlsafe(16))
        request.max_content_length = limits.get(request.endpoint, SLACK)
        if settings.access_code is None or session.get("access"):
            return None
        code = request.args.get("kode")
        if code is not None and request.endpoint == "index":
            # The link --open uses carries the code once; it is not kept in the address. A wrong
            # one counts as a wrong guess, as on the code page.
            address = request.remote_addr or ""
            if not attempts.locked(address):
                if code_matches(code, settings.access_code):
                    attempts.succeeded(address)
                    session["access"] = True
                    return redirect(url_for("index"))
                attempts.failed(address)
        if request.endpoint == "masuk":
            return None
        if fragment():
            return problem_answer(error("access-code-needed", "sesi berakhir atau belum masuk; "
                                        "muat ulang halaman lalu masukkan kode akses"), 401)
        return redirect(url_for("masuk", lanjut="/" if request.method == "POST"
                                else request.full_path), 303)

    @app.after_request
    def headers(response):
        response.headers.update(SECURITY_HEADERS)
        if request.endpoint != "static":
            # Answers carry a person's figures and files: never kept by a browser or a proxy.
            response.headers["Cache-Control"] = "no-store"
        return response

    @app.errorhandler(413)
    def too_large(_exc):
        size = request.content_length or 0
        if request.endpoint in ("periksa", "laporan", "laporan_pdf", "templat"):
            # Refused before the files are read, so their names are unknown: the message is the
            # reader's, for the upload as a whole (the page's script names the file itself).
            limit = settings.max_template_bytes if request.endpoint == "templat" \
                else settings.max_workbook_bytes
            return problem_answer(uploads.too_large("unggahan", size, limit), 413)
        return problem_answer(upload_too_large(
            size, request.max_content_length or settings.max_request_bytes), 413)

    @app.errorhandler(Busy)
    def busy(_exc):
        response = problem_answer(error(
            "server-busy", f"server sedang sibuk: {settings.workers} pekerja sedang menyusun "
                           "laporan. Coba lagi sebentar lagi."), 503)
        response.headers["Retry-After"] = "10"
        return response

    @app.errorhandler(LkipError)
    def refused(exc: LkipError):
        return problem_answer(exc.problems, 422)

    @app.errorhandler(500)
    def internal(_exc):
        # Flask has logged the traceback for whoever runs the server; the person gets one line.
        return problem_answer(error("internal-error", INTERNAL), 500)

    # --- helpers ----------------------------------------------------------------------------

    def fragment() -> bool:
        return request.headers.get("X-Lkip-Fragment") == "1"

    def same_origin() -> bool:
        origin = request.headers.get("Origin")
        return origin is None or urlsplit(origin).netloc == request.host

    def page(results: dict | None = None, status: int = 200, refresh: bool = False):
        html = render_template("index.html", results=results or {}, pdf_ready=pdf_ready,
                               settings=settings, version=__version__, refresh=refresh)
        return app.response_class(html, status, mimetype="text/html")

    def answer(partial: str, target: str, status: int = 200, **context):
        """A part of the page: alone for the page's script, else in its place in the page."""
        html = render_template(partial, **context)
        if fragment():
            return app.response_class(html, status, mimetype="text/html")
        return page({target: Markup(html)}, status)

    def problem_answer(problems: Problem | list[Problem], status: int):
        problems = [problems] if isinstance(problems, Problem) else problems
        endpoint = request.endpoint or ""
        target = "template" if endpoint == "templat" else \
            "batch" if endpoint.startswith("rekap") else "workbook"
        return answer("_message.html", target, status, problems=problems)

    def run(func, *args, progress=None):
        lane = lanes.take()
        if lane is None:
            raise Busy()
        try:
            return call(lane, func, *args, progress=progress)
        finally:
            lanes.give_back(lane)

    def call(lane, func, *args, progress=None):
        try:
            return lane.call(func, *args, timeout=settings.task_seconds, progress=progress)
        except LaneError as exc:
            raise LkipError(lane_problem(exc, settings)) from None

    def save_workbook_and_pictures(folder: Path) -> tuple[Path, list[str]]:
        files = uploads.chosen(request.files.getlist("workbook"))
        if not files:
            raise LkipError(error("no-file", "pilih berkas workbook (.xlsx) terlebih dahulu"))
        taken: set[str] = set()
        workbook = uploads.save(files[0], folder, "workbook.xlsx", settings.max_workbook_bytes,
                                taken)
        pictures = uploads.chosen(request.files.getlist("gambar"))
        if len(pictures) > settings.max_pictures:
            raise LkipError(error("too-many-files", f"terlalu banyak gambar ({len(pictures)}; "
                                  f"batas {settings.max_pictures})"))
        problems = []
        for picture in pictures:
            path = uploads.save(picture, folder, "gambar.png", settings.max_picture_bytes, taken)
            if (p := uploads.picture_problem(path)) is not None:
                problems.append(p)
        if problems:
            raise LkipError(problems)
        return workbook, [p.filename for p in pictures if p.filename]  # chosen: all named

    def save_template(folder: Path, required: bool) -> Path | None:
        files = uploads.chosen(request.files.getlist("templat"))
        if not files:
            if required:
                raise LkipError(error("no-file", "pilih berkas templat Word (.docx) terlebih "
                                                 "dahulu"))
            return None
        # In a folder of its own: a template never shares a name with a workbook or a picture.
        sub = folder / "templat"
        sub.mkdir()
        return uploads.save(files[0], sub, "templat.docx", settings.max_template_bytes, set())

    def send(data: bytes, name: str, mimetype: str):
        return send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True,
                         download_name=name, max_age=0)

    # --- pages --------------------------------------------------------------------------

    @app.get("/")
    def index():
        return page()

    @app.route("/masuk", methods=["GET", "POST"])
    def masuk():
        target = request.values.get("lanjut", "/")
        if not target.startswith("/") or target.startswith("//"):
            target = "/"
        if settings.access_code is None or session.get("access"):
            return redirect(target)
        problem = None
        status = 200
        if request.method == "POST":
            address = request.remote_addr or ""
            if attempts.locked(address):
                problem, status = error("access-code-locked", "terlalu banyak kode salah; tunggu "
                                        "satu menit lalu coba lagi"), 429
            elif code_matches(request.form.get("kode", ""), settings.access_code):
                attempts.succeeded(address)
                session["access"] = True
                return redirect(target)
            else:
                attempts.failed(address)
                problem, status = error("access-code-wrong", "kode akses salah; tanyakan kode "
                                        "kepada petugas yang menjalankan lkip serve"), 401
        return render_template("masuk.html", problem=problem, lanjut=target,
                               version=__version__), status

    @app.get("/bantuan/galat")
    def bantuan():
        html, _ = helpdoc.errors_page()
        return render_template("bantuan.html", content=html, version=__version__)

    @app.get("/batas")
    def batas():
        """The message for an upload the page's script found too large before sending it."""
        size = request.args.get("ukuran", "0")
        size = int(size) if size.isdigit() else 0
        kind = request.args.get("jenis", "")
        if kind == "unggahan":
            return problem_answer(upload_too_large(size, settings.max_request_bytes), 413)
        limit = {"templat": settings.max_template_bytes,
                 "gambar": settings.max_picture_bytes}.get(kind, settings.max_workbook_bytes)
        name = uploads.safe_name(request.args.get("berkas"), "berkas")
        return problem_answer(uploads.too_large(name, size, limit), 413)

    # --- one workbook -------------------------------------------------------------------

    @app.get("/workbook-kosong.xlsx")
    def workbook_kosong():
        with uploads.private_folder(root) as folder:
            path = folder / "workbook-lkip.xlsx"
            run(work.blank_workbook, str(path))
            data = path.read_bytes()
        return send(data, "workbook-lkip.xlsx", XLSX)

    @app.post("/periksa")
    def periksa():
        with uploads.private_folder(root) as folder:
            workbook, pictures = save_workbook_and_pictures(folder)
            result = run(work.check, str(workbook))
        return answer("_check.html", "workbook", name=workbook.name, pictures=pictures,
                      pdf_ready=pdf_ready, **result)

    @app.post("/laporan")
    def laporan():
        with uploads.private_folder(root) as folder:
            workbook, pictures = save_workbook_and_pictures(folder)
            template = save_template(folder, required=False)
            output = folder / "laporan" / (workbook.stem + ".docx")
            output.parent.mkdir()
            result = run(work.build, str(workbook), str(output), str(template) if template
                         else None)
            data = output.read_bytes() if result["ok"] else None
        if data is None:
            return answer("_check.html", "workbook", 422, name=workbook.name, built=False,
                          pictures=pictures, pdf_ready=pdf_ready, summary=None, ok=False,
                          problems=result["problems"])
        return send(data, output.name, DOCX)

    @app.post("/laporan.pdf")
    def laporan_pdf():
        if not pdf_ready:
            abort(404)
        with uploads.private_folder(root) as folder:
            workbook, pictures = save_workbook_and_pictures(folder)
            template = save_template(folder, required=False)
            output = folder / "laporan" / (workbook.stem + ".docx")
            output.parent.mkdir()
            target = output.with_suffix(".pdf")
            result = run(work.build_pdf, str(workbook), str(output), str(target),
                         str(template) if template else None)
            data = target.read_bytes() if result["ok"] else None
        if data is None:
            return answer("_check.html", "workbook", 422, name=workbook.name, built=False,
                          pictures=pictures, pdf_ready=pdf_ready, summary=None, ok=False,
                          problems=result["problems"])
        return send(data, target.name, "application/pdf")

    # --- the Word template ----------------------------------------------------------------

    @app.post("/templat")
    def templat():
        with uploads.private_folder(root) as folder:
            template = save_template(folder, required=True)
            result = run(work.check_template, str(template))
        return answer("_template.html", "template", name=template.name, **result)

    # --- many workbooks -----------------------------------------------------------------

    @app.post("/rekap")
    def rekap_mulai():
        files = uploads.chosen(request.files.getlist("workbooks"))
        if not files:
            raise LkipError(error("no-file", "pilih berkas workbook (.xlsx) terlebih dahulu "
                                             "(boleh beberapa sekaligus)"))
        if len(files) > settings.max_batch_files:
            raise LkipError(error("too-many-files", f"terlalu banyak workbook sekaligus "
                                  f"({len(files)}; batas {settings.max_batch_files})"))
        lane = lanes.take()
        if lane is None:
            raise Busy()
        job = jobs.new(session["owner"], len(files))
        if job is None:
            lanes.give_back(lane)
            raise Busy()
        folder = Path(tempfile.mkdtemp(dir=root))
        try:
            taken: set[str] = set()
            (folder / "masuk").mkdir()
            paths = [uploads.save(f, folder / "masuk", "workbook.xlsx",
                                  settings.max_workbook_bytes, taken) for f in files]
            template = save_template(folder, required=False)
            (folder / "hasil").mkdir()
        except BaseException:
            uploads.remove(folder)
            jobs.drop(job)
            lanes.give_back(lane)
            raise
        # Drawn before the work starts: the first answer always shows the progress at zero.
        first = render_template("_job.html", job=job)
        thread = threading.Thread(
            target=run_job, name=f"lkip-rekap-{job.id[:6]}", daemon=True,
            args=(job, lane, folder, [str(p) for p in paths], str(template) if template
                  else None))
        thread.start()
        status_url = url_for("rekap_status", job_id=job.id)
        if fragment():
            return jsonify(status=status_url, html=first)
        return redirect(status_url, 303)

    def run_job(job: Job, lane, folder: Path, paths: list[str], template: str | None) -> None:
        files: dict[str, bytes] = {}
        try:
            result = call(lane, work.batch, paths, str(folder / "hasil"), template,
                          progress=job.progress)
            for key, name in (("rekap", "rekap.xlsx"), ("zip", "laporan.zip")):
                if result.get(key):
                    files[name] = (folder / "hasil" / result[key]).read_bytes()
        except LkipError as exc:
            result = {"ok": False, "problems": exc.problems, "items": []}
        except Exception as exc:  # noqa: BLE001 - the job must end, whatever happened
            result = {"ok": False, "items": [], "problems": [
                error("internal-error", f"kesalahan internal: {type(exc).__name__}")]}
        finally:
            lanes.give_back(lane)
            uploads.remove(folder)
        # Only now the page hears that the job ended: its files are already gone from disk.
        jobs.finish(job, result, files)

    @app.get("/rekap/<job_id>")
    def rekap_status(job_id: str):
        job = jobs.get(job_id, session["owner"])
        if job is None:
            return problem_answer(error("job-gone", "hasil rekap ini tidak ada lagi (sudah "
                                        "diunduh, kedaluwarsa, atau dari sesi lain); unggah "
                                        "ulang workbook-nya"), 404)
        html = render_template("_job.html", job=job)
        if request.accept_mimetypes.best == "application/json":
            return jsonify(finished=job.finished, html=html)
        # Without the page's script, the page reloads itself until the recap is done.
        return page({"batch": Markup(html)}, refresh=not job.finished)

    @app.get("/rekap/<job_id>/<name>")
    def rekap_unduh(job_id: str, name: str):
        job = jobs.get(job_id, session["owner"])
        data = jobs.fetch(job, name) if job is not None and job.finished else None
        if data is None:
            return problem_answer(error("job-gone", "hasil rekap ini tidak ada lagi (sudah "
                                        "diunduh, kedaluwarsa, atau dari sesi lain); unggah "
                                        "ulang workbook-nya"), 404)
        return send(data, name, XLSX if name.endswith(".xlsx") else "application/zip")

    return app


def upload_too_large(size: int, limit: int) -> Problem:
    return error("upload-too-large", f"unggahan terlalu besar ({size // uploads.MB} MB; batas "
                                     f"{limit // uploads.MB} MB untuk sekali unggah)")


def lane_problem(exc: LaneError, settings: Settings) -> Problem:
    if exc.kind == "timeout":
        return error("work-timeout", f"pemrosesan dihentikan: lebih dari "
                                     f"{int(settings.task_seconds)} detik tanpa kemajuan; "
                                     "periksa berkasnya atau coba lagi")
    return error("internal-error", INTERNAL)
