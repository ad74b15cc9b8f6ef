"""Security of the web console: the operator token, CSRF for POST actions, the bind check and response headers.

Without a token the console is read-only. With ``CARBONWATCH_WEB_TOKEN`` set, operator actions are allowed to a
request that carries it (``Authorization: Bearer <token>``, or the session cookie set by ``POST /login``) and, for a
cookie, a CSRF field. Every response carries a strict Content-Security-Policy: no scripts but the console's own.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from fastapi import FastAPI, Request, Response
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

# Stored article HTML is shown inside this policy: no inline script, no event handler, no plugin, no framing.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


@dataclass(frozen=True)
class SecurityConfig:
    """The operator token (None: read-only console) and whether reads need it (see :func:`check_bind`)."""

    token: str | None = None
    allow_anonymous_read: bool = False
    loopback: bool = True


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or ``localhost``) binds to the loopback interface only."""
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _Headers(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def install_security(app: FastAPI) -> None:
    """Add the security headers to every response of ``app``."""
    app.add_middleware(_Headers)
