"""notification targets by structure: rewrite stored targets to scheme + host + fingerprint

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 12:15:00

Before this revision a webhook target was stored as its URL with the secrets that *looked* secret masked
(``http://host/hook/ab12cd?k=q9w8e7#<fp>``), so short, percent-encoded or ``+`` path tokens and unusual query names
stayed in clear (issue 15, finding 11). From now on a target is ``<scheme>://<host>[:<port>]#<fp>`` for http(s) and
``<scheme>://***#<fp>`` otherwise (``carbonwatch.targets.redact_target``). The fingerprint (the first 10 hex of the
SHA-256 of the full URL) is kept from the old row, so each rewritten row is exactly what the new code computes for
the same URL: the delivery state (sent, failed, attempts) carries over and nothing is sent twice. Apprise rows were
already ``<scheme>://***#<fp>`` and are left alone. A row whose fingerprint was cut off by the old 512-character
limit cannot be matched again; it gets a fingerprint of its old text, so it no longer shows the path and keeps the
(flag, target) pairs unique. The old target text in ``last_error`` is replaced the same way. The rewrite is written
out here, not imported, so this revision keeps doing what it did when the redaction code changes later.

The downgrade leaves the rows as they are: the secrets removed cannot be put back.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

FINGERPRINT_RE = re.compile(r"^[0-9a-f]{10}$")

notifications = sa.table(
    "notifications",
    sa.column("id", sa.Integer()),
    sa.column("target", sa.String(512)),
    sa.column("last_error", sa.Text()),
)


def new_target(old: str) -> str:
    """The target as revision 0004 stores it, from the target as revisions 0001-0003 stored it."""
    body, sep, fp = old.rpartition("#")
    matched = bool(sep and FINGERPRINT_RE.match(fp))
    if not matched:
        body, fp = old, hashlib.sha256(old.encode("utf-8")).hexdigest()[:10]
    scheme = body.partition("://")[0].lower() if "://" in body else "unknown"
    if scheme not in ("http", "https"):
        return old if matched else f"{scheme}://***#{fp}"
    try:
        parts = urlsplit(body)
        host = (parts.hostname or "").lower()
    except ValueError:
        return f"{scheme}://***#{fp}"
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    if not host:
        return f"{scheme}://***#{fp}"
    return f"{scheme}://{host}:{port}#{fp}" if port is not None else f"{scheme}://{host}#{fp}"


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.select(notifications.c.id, notifications.c.target, notifications.c.last_error)).all()
    for row_id, target, last_error in rows:
        target_now = new_target(target)
        if target_now == target:
            continue
        error_now = last_error.replace(target, target_now) if last_error else last_error
        conn.execute(
            notifications.update().where(notifications.c.id == row_id).values(target=target_now, last_error=error_now)
        )


def downgrade() -> None:
    pass
