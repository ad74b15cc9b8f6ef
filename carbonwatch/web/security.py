"""Security of the web console: the operator token, CSRF-protected POST actions, the bind check, response headers.

Without a token (``CARBONWATCH_WEB_TOKEN``) the console is read-only: every action answers 403. With one, a request
is an operator's when it carries ``Authorization: Bearer <token>`` (scripts) or the session cookie that ``POST
/login`` sets (browsers; HttpOnly, SameSite=Strict); a cookie's POST must also carry the CSRF field (``csrf``, see
:func:`csrf_token`) and, when the browser sends one, an ``Origin`` of this server. Actions are POST only:
``/actions/run-now|pause|resume/<source>``.

Bound to a non-loopback address, ``carbonwatch serve`` refuses to start without a token (:func:`check_bind`); with
a token there, reading needs it too, unless ``--allow-anonymous-read``. Every response carries a strict
Content-Security-Policy (no inline script, no framing, nothing from elsewhere) and the usual hardening headers.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import ipaddress
import json
import logging
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, FastAPI, Form, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger(__name__)

# Stored article HTML is shown inside this policy: no inline script, no event handler, no plugin, no framing.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Not "no-referrer": under it Chromium sends `Origin: null` with a same-origin form POST (the /login form, an
    # action button), which the Origin check must refuse. "same-origin" still sends nothing to other sites.
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cache-Control": "no-store",
}
SESSION_COOKIE = "carbonwatch_session"
CSRF_FIELD = "csrf"
TOKEN_ENV = "CARBONWATCH_WEB_TOKEN"
MIN_TOKEN_LENGTH = 16
# Open without the token even when reading needs it: a load balancer's probes, the login form, the console's files.
PUBLIC_PATHS = frozenset({"/healthz", "/readyz", "/login"})
PUBLIC_PREFIXES = ("/static/",)


class BindRefused(Exception):
    """``serve`` must not start with these options; the message says what to do."""


@dataclass(frozen=True)
class SecurityConfig:
    """The operator token (None: read-only console), whether reads need it, and whether the bind is loopback."""

    token: str | None = None
    allow_anonymous_read: bool = False
    loopback: bool = True

    @property
    def reads_need_token(self) -> bool:
        """Reading needs the token: it is set, the server is reachable from elsewhere, and no one said otherwise."""
        return bool(self.token) and not self.loopback and not self.allow_anonymous_read

    def _derived(self, purpose: bytes) -> str:
        assert self.token  # callers check that a token is set
        return hmac.new(self.token.encode("utf-8"), purpose, hashlib.sha256).hexdigest()

    def session_value(self) -> str:
        """The session cookie's value: derived from the token, so the cookie never holds the token itself."""
        return self._derived(b"carbonwatch session")

    def csrf_value(self) -> str:
        """The CSRF field's value for operator forms (derived from the token; changes when the token does)."""
        return self._derived(b"carbonwatch csrf")


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or ``localhost``) binds to the loopback interface only."""
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None, *, allow_anonymous_read: bool) -> SecurityConfig:
    """The security settings for serving on ``host``; raises :class:`BindRefused` for an unsafe combination."""
    loopback = is_loopback(host)
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise BindRefused(
            f"{TOKEN_ENV} is too short ({len(token)} characters): use at least {MIN_TOKEN_LENGTH} random ones, "
            "e.g. `python3 -c 'import secrets; print(secrets.token_urlsafe(32))'`"
        )
    if not loopback and not token and not allow_anonymous_read:
        raise BindRefused(
            f"--host {host} is reachable from other machines: set {TOKEN_ENV} (operator actions, and reading too), "
            "or give --allow-anonymous-read for a read-only console anyone there can read"
        )
    return SecurityConfig(token=token or None, allow_anonymous_read=allow_anonymous_read, loopback=loopback)


def _security(request: Request) -> SecurityConfig:
    config: SecurityConfig = request.app.state.web.security
    return config


def is_operator(request: Request) -> bool:
    """Whether the request carries the operator token (bearer header or session cookie)."""
    security = _security(request)
    if not security.token:
        return False
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and credentials:
        return hmac.compare_digest(credentials.strip().encode(), security.token.encode())
    cookie = request.cookies.get(SESSION_COOKIE)
    return cookie is not None and hmac.compare_digest(cookie.encode(), security.session_value().encode())


def csrf_token(request: Request) -> str | None:
    """The value of the ``csrf`` field for the operator forms of a page; None when this request may not act."""
    security = _security(request)
    return security.csrf_value() if security.token and is_operator(request) else None


def safe_next(value: str | None, default: str = "/") -> str:
    """``value`` when it is a path on this server (``/runs?x=1``), else ``default``: no open redirect."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return default
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or any(ord(c) < 0x20 for c in value):
        return default
    return value


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None:
        return True  # no Origin header (an old browser or a script): the cookie's SameSite and the CSRF field guard
    host = request.headers.get("host", "")
    parts = urlsplit(origin)
    return bool(parts.netloc) and parts.netloc == host


class SecurityMiddleware:
    """Security headers on every response (a page's own CSP is kept), and the token check for reads where
    :attr:`SecurityConfig.reads_need_token`. Plain ASGI: no extra task per request, unlike ``BaseHTTPMiddleware``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers.append(name, value)
            await send(message)

        request = Request(scope)
        security = _security(request)
        path = request.url.path
        if (
            security.reads_need_token
            and path not in PUBLIC_PATHS
            and not path.startswith(PUBLIC_PREFIXES)
            and not is_operator(request)
        ):
            response = _unauthorized(request, "this console needs the operator token to be read")
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "") and not request.url.path.startswith("/api/")


def _unauthorized(request: Request, reason: str) -> Response:
    if _wants_html(request):
        target = html.escape(f"/login?next={request.url.path}", quote=True)
        body = f'<!doctype html><title>Sign in</title><p>{html.escape(reason)}: <a href="{target}">sign in</a></p>'
        return HTMLResponse(body, status_code=401)
    return JSONResponse(
        {"detail": f"{reason}: send Authorization: Bearer <{TOKEN_ENV}>"},
        status_code=401,
        headers={"WWW-Authenticate": 'Bearer realm="carbonwatch"'},
    )


router = APIRouter(include_in_schema=False)

LOGIN_FORM = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>carbonwatch: sign in</title>
<link rel="stylesheet" href="/static/console.css"></head>
<body><main><h1>Sign in</h1>{message}
<form method="post" action="/login">
<input type="hidden" name="next" value="{next}">
<label>Operator token <input type="password" name="token" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form></main></body></html>
"""


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> HTMLResponse:
    """The sign-in form (operator token)."""
    if not _security(request).token:
        message = f"<p>Operator actions are off: set {TOKEN_ENV} and restart <code>carbonwatch serve</code>.</p>"
    else:
        message = ""
    return HTMLResponse(LOGIN_FORM.format(message=message, next=html.escape(safe_next(next), quote=True)))


@router.post("/login")
def login(
    request: Request, token: Annotated[str, Form(max_length=1024)], next: Annotated[str, Form()] = "/"
) -> Response:
    """Check the token; on success set the session cookie and go to ``next`` (a local path only)."""
    security = _security(request)
    if not _same_origin(request):
        return JSONResponse({"detail": "cross-site sign-in refused"}, status_code=403)
    if not security.token or not hmac.compare_digest(token.encode(), security.token.encode()):
        logger.warning("console sign-in refused from %s", request.client.host if request.client else "?")
        body = LOGIN_FORM.format(message="<p>Wrong token.</p>", next=html.escape(safe_next(next), quote=True))
        return HTMLResponse(body, status_code=403)
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        security.session_value(),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    """Drop the session cookie."""
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def require_operator(request: Request, csrf: str | None) -> JSONResponse | None:
    """None when the request may act; else the refusal (403 without a token or on a CSRF failure, 401 unsigned)."""
    security = _security(request)
    if not security.token:
        return JSONResponse(
            {"detail": f"operator actions are off: set {TOKEN_ENV} and restart carbonwatch serve"}, status_code=403
        )
    if not is_operator(request):
        return JSONResponse(
            {"detail": f"operator token required: send Authorization: Bearer <{TOKEN_ENV}> or sign in at /login"},
            status_code=401,
            headers={"WWW-Authenticate": 'Bearer realm="carbonwatch"'},
        )
    if request.headers.get("authorization", "").lower().startswith("bearer "):
        return None  # a header no browser adds by itself: no cross-site forgery possible
    if not _same_origin(request):
        return JSONResponse({"detail": "cross-site request refused (Origin is not this console)"}, status_code=403)
    if not csrf or not hmac.compare_digest(csrf.encode(), security.csrf_value().encode()):
        return JSONResponse({"detail": "missing or wrong CSRF field: reload the page and try again"}, status_code=403)
    return None


@router.post("/actions/{action}/{source}")
def action(
    request: Request,
    action: str,
    source: str,
    csrf: Annotated[str | None, Form()] = None,
    next: Annotated[str | None, Form()] = None,
) -> Response:
    """Run a source now, or pause or resume its schedule, in the daemon that runs on this database."""
    from scheduler.control import ControlError, apply_action
    from scheduler.lock import InstanceLock

    refusal = require_operator(request, csrf)
    if refusal is not None:
        return _for_browser(refusal, next)
    state: Any = request.app.state.web
    if action == "run-now" and not InstanceLock(state.config.database_url, state.engine).held_elsewhere():
        detail = f"no daemon runs on this database: start it, or run `carbonwatch crawl {source}`"
        return _for_browser(JSONResponse({"detail": detail}, status_code=409), next)
    try:
        with state.sessions.begin() as session:
            result = apply_action(session, source, action, now=state.now())
    except ControlError as exc:
        return _for_browser(JSONResponse({"detail": str(exc)}, status_code=exc.status), next)
    logger.info("operator action %s on %s: next run %s", action, source, result.next_run_at)
    if next is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return JSONResponse(result.record())


def _for_browser(refusal: JSONResponse, next_page: str | None) -> Response:
    """A refusal as a page with a way back for a form post (it sends ``next``), else the JSON as is."""
    if next_page is None:
        return refusal
    detail = json.loads(bytes(refusal.body)).get("detail", "refused")
    back = html.escape(safe_next(next_page), quote=True)
    body = f'<!doctype html><title>Not done</title><p>{html.escape(str(detail))}</p><p><a href="{back}">Back</a></p>'
    challenge = refusal.headers.get("www-authenticate")
    return HTMLResponse(
        body, status_code=refusal.status_code, headers={"WWW-Authenticate": challenge} if challenge else None
    )


def install_security(app: FastAPI) -> None:
    """Add the security headers (and the read check) to every response of ``app``, and the login/action routes."""
    app.add_middleware(SecurityMiddleware)
    app.include_router(router)
