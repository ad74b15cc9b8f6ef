"""The daemon's heartbeat row (``daemon_heartbeat``): written by the daemon, read by ``/readyz`` and ``/metrics``."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import DaemonHeartbeat

HEARTBEAT_ID = 1
HEARTBEAT_SECONDS = 10.0  # how often the daemon beats
STALE_AFTER = timedelta(seconds=6 * HEARTBEAT_SECONDS)  # a missed beat or two is a busy database; six, a dead daemon


def beat(session: Session, *, host: str, pid: int, started_at: datetime, now: datetime) -> None:
    """Record that the daemon (``host``/``pid``, started at ``started_at``) is alive at ``now``."""
    row = session.get(DaemonHeartbeat, HEARTBEAT_ID)
    if row is None:
        session.add(
            DaemonHeartbeat(
                id=HEARTBEAT_ID, host=host[:256], pid=pid, started_at=started_at, beat_at=now, stopped_at=None
            )
        )
        return
    row.host, row.pid, row.started_at, row.beat_at, row.stopped_at = host[:256], pid, started_at, now, None


def stopped(session: Session, *, pid: int, now: datetime) -> None:
    """Record a clean stop of the daemon ``pid`` (no heartbeat is expected any more)."""
    row = session.get(DaemonHeartbeat, HEARTBEAT_ID)
    if row is not None and row.pid == pid:
        row.stopped_at = now


def last_heartbeat(session: Session) -> DaemonHeartbeat | None:
    """The heartbeat row; None when no daemon ever ran on this database."""
    return session.scalars(select(DaemonHeartbeat).where(DaemonHeartbeat.id == HEARTBEAT_ID)).one_or_none()


def heartbeat_state(row: DaemonHeartbeat | None, *, now: datetime) -> tuple[str, float | None]:
    """``("never", None)``, ``("stopped", age)``, ``("alive", age)`` or ``("stale", age)``; age in seconds."""
    if row is None:
        return "never", None
    age = (now - row.beat_at).total_seconds()
    if row.stopped_at is not None:
        return "stopped", age
    return ("stale" if now - row.beat_at > STALE_AFTER else "alive"), age
