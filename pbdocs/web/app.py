"""The Flask application factory: configuration, template helpers and Chinese error pages."""

from __future__ import annotations

import hmac
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask, abort, render_template, request, session
from markupsafe import escape
from werkzeug.exceptions import HTTPException, SecurityError

from pbdocs.errors import InputError, PbdocsError
from pbdocs.web import filters
from pbdocs.web.backend import Backend

MAX_UPLOAD_MB = 20

# What every page may load: only this server's own styles, scripts and frames; no page of
# another site may frame this one, and nothing is sent to other sites as a referrer.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
       "frame-src 'self'")
# A generated document's preview (framed by the generate page): its own inline styles, no
# script, sandboxed, framed by this server's pages only.
PREVIEW_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; "
               "frame-ancestors 'self'")
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Server": "pbdocs",  # not the server's software and Python versions
}
CSRF_FIELD = "csrf_token"

_ERRORS = {
    400: ("请求有误", "请求的内容不完整或不正确。"),
    403: ("拒绝访问", "该操作只能从本服务自己的页面发起。如果页面打开已久（或服务重启过），"
                  "请返回上一页，刷新后重新提交。"),
    404: ("页面不存在", "没有找到您要访问的页面或文档，请检查地址，或回到首页重新检索。"),
    405: ("请求方式不正确", "该页面不支持这种访问方式。"),
    413: ("文件过大", f"上传的文件超过了大小上限（{MAX_UPLOAD_MB} MB），请压缩或拆分后再上传。"),
    500: ("服务器内部错误",
          "处理请求时出现了意外错误，请稍后重试；如果问题持续出现，请报告给维护人员。"),
}


def create_app(corpus_dir: str | Path = "corpus", index_dir: str | Path = "index",
               out_dir: str | Path = "out", max_upload_mb: int = MAX_UPLOAD_MB,
               trusted_hosts: list[str] | None = None, parse_processes: int = 0,
               engine: str | None = None, db: str | None = None) -> Flask:
    """A web app over one corpus folder, its index folder and a folder for generated files.
    With `trusted_hosts`, requests naming another host are refused (DNS rebinding); with
    `parse_processes`, uploads are parsed in that many worker processes; `engine` and `db`
    override the engine recorded in the index folder."""
    app = Flask(__name__)
    app.secret_key = secrets.token_bytes(32)  # signs the session cookie that holds the token
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Strict",
                      SESSION_COOKIE_NAME="pbdocs_session")
    if trusted_hosts:
        app.config["TRUSTED_HOSTS"] = list(trusted_hosts)
    app.config["MAX_CONTENT_LENGTH"] = max_upload_mb * 1024 * 1024
    app.config["MAX_UPLOAD_MB"] = max_upload_mb
    app.extensions["pbdocs"] = Backend(corpus_dir, index_dir, out_dir, parse_processes,
                                       engine=engine, db=db)
    app.jinja_env.autoescape = True  # also for templates whose name does not end in .html
    filters.register(app)

    from pbdocs.web.views import bp

    app.register_blueprint(bp)

    app.jinja_env.globals["csrf_token"] = csrf_token

    @app.before_request
    def _same_origin_posts():
        # A page on another site must not be able to change anything through this server:
        # every POST carries the token of one of our forms, and a browser that says where the
        # request comes from must say it comes from here.
        if request.method not in ("GET", "HEAD", "OPTIONS") and request.routing_exception is None:
            site = request.headers.get("Sec-Fetch-Site")
            if site is not None and site not in ("same-origin", "none"):
                abort(403)
            origin = request.headers.get("Origin")
            if origin is not None and (origin == "null" or urlsplit(origin).netloc != request.host):
                abort(403)
            sent = request.form.get(CSRF_FIELD) or request.headers.get("X-CSRF-Token") or ""
            kept = session.get(CSRF_FIELD) or ""
            if not kept or not hmac.compare_digest(sent, kept):
                abort(403)

    @app.after_request
    def _headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers[name] = value
        if "Content-Security-Policy" not in response.headers:
            response.headers["Content-Security-Policy"] = CSP
            response.headers["X-Frame-Options"] = "DENY"
        if request.endpoint != "static":
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.errorhandler(HTTPException)
    def _http_error(e: HTTPException):
        code = e.code or 500
        title, text = _ERRORS.get(code, (e.name, e.description or ""))
        if isinstance(e, SecurityError):
            text = "本服务只接受发往本机的请求，请在浏览器中通过 127.0.0.1 或 localhost 访问。"
        if code == 413:
            text = (f"上传的文件超过了大小上限（{app.config['MAX_UPLOAD_MB']} MB），"
                    "请压缩或拆分后再上传。")
        detail = e.description if code in (400, 404) and _is_ours(e.description) else None
        return _error_page(code, title, text, detail)

    @app.errorhandler(PbdocsError)
    def _pbdocs_error(e: PbdocsError):
        code = 400 if isinstance(e, InputError) else 500
        return _error_page(code, _ERRORS[code][0], str(e))

    @app.errorhandler(Exception)
    def _unexpected(e: Exception):
        app.logger.exception("unexpected error")
        return _error_page(500, *_ERRORS[500])

    return app


def csrf_token() -> str:
    """This browser's form token (made on first use and kept in its session cookie)."""
    if CSRF_FIELD not in session:
        session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return session[CSRF_FIELD]


def _error_page(code: int, title: str, text: str, detail: str | None = None):
    """The Chinese error page; a bare one when the request is too broken to build links for
    (e.g. an untrusted Host header), so that an error never becomes a traceback."""
    try:
        return render_template("error.html", code=code, title=title, text=text,
                               detail=detail), code
    except Exception:  # noqa: BLE001 - the page of last resort must not fail
        body = (f"<!doctype html><meta charset='utf-8'><title>{escape(title)}</title>"
                f"<h1>{code} {escape(title)}</h1><p>{escape(text)}</p>")
        return body, code, {"Content-Type": "text/html; charset=utf-8"}


def _is_ours(description: str | None) -> bool:
    """Whether an abort() description is one of our Chinese sentences (not werkzeug's English)."""
    return bool(description) and any("\u4e00" <= ch <= "\u9fff" for ch in description)
