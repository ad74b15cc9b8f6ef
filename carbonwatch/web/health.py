"""``/healthz`` (the process answers) and ``/readyz`` (the database answers, the daemon's heartbeat is fresh).

``/readyz`` answers 503 when the database cannot be queried or a daemon that did not stop cleanly has not beaten
for :data:`storage.heartbeat.STALE_AFTER`; a database no daemon ever ran on (cron) or whose daemon stopped cleanly is
ready. The body says which check failed and what to do.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from carbonwatch.web.app import web_state
from storage.heartbeat import STALE_AFTER, heartbeat_state, last_heartbeat
from storage.types import iso_utc

logger = logging.getLogger(__name__)

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Liveness: the console process answers")
def healthz() -> JSONResponse:
    """Always 200 while the process serves requests."""
    return JSONResponse({"status": "ok"})


@router.get("/readyz", summary="Readiness: database reachable, daemon heartbeat fresh (200 or 503)")
def readyz(request: Request) -> JSONResponse:
    """200 when ready; 503 with ``problems`` when the database fails or the daemon's heartbeat is stale."""
    state = web_state(request)
    problems: list[str] = []
    daemon: dict[str, Any] = {"state": "unknown"}
    try:
        with state.sessions() as session:
            session.execute(text("SELECT 1"))
            row = last_heartbeat(session)
            verdict, age = heartbeat_state(row, now=state.now())
            daemon = {
                "state": verdict,
                "age_s": round(age, 1) if age is not None else None,
                "beat_at": iso_utc(row.beat_at) if row else None,
                "host": row.host if row else None,
                "pid": row.pid if row else None,
            }
    except Exception as exc:  # any failure to read is "not ready", reported, never a 500
        logger.warning("readyz: database check failed: %s", exc)
        problems.append(
            f"database unavailable ({state.config.redacted_database_url()}): {type(exc).__name__}; "
            "check that the server runs and the URL and credentials are right"
        )
        return JSONResponse({"status": "unavailable", "problems": problems, "daemon": daemon}, status_code=503)
    if daemon["state"] == "stale":
        problems.append(
            f"the daemon's heartbeat is {daemon['age_s']:.0f}s old (over {STALE_AFTER.total_seconds():.0f}s): it is "
            "dead or hung; see `systemctl status carbonwatch-daemon` and daemon.log, then restart it"
        )
    code = 503 if problems else 200
    return JSONResponse(
        {"status": "unavailable" if problems else "ok", "problems": problems, "daemon": daemon}, status_code=code
    )
