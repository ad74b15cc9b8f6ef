"""Operator actions on the running daemon's schedule, done through its job store (``apscheduler_jobs``).

Run now sets a source's next run time to now; pause clears it (APScheduler's own paused state); resume computes the
next run time from the stored trigger. The daemon re-reads its job store every few seconds
(:data:`scheduler.console.WAKE_SECONDS`), so an action takes effect within that time, with the daemon's overlap
rules (a source still crawling is not started twice). A pause lasts until it is resumed or the daemon restarts
(which installs every enabled schedule again). The web console calls these; they work on SQLite and PostgreSQL.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import column, inspect, select, table, update
from sqlalchemy.orm import Session

JOBS_TABLE = "apscheduler_jobs"  # scheduler.daemon.JOBS_TABLE (not imported: that module loads the scheduler)
ACTIONS = ("run-now", "pause", "resume")


class ControlError(Exception):
    """An action that cannot be done; the message tells the operator why and what to do instead."""

    def __init__(self, message: str, *, status: int = 409) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class ActionResult:
    """What an action did: the source, the action and the job's next run time afterwards (None: paused)."""

    source: str
    action: str
    next_run_at: datetime | None

    def record(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "source": self.source,
            "action": self.action,
            "next_run_at": self.next_run_at.astimezone(UTC).isoformat() if self.next_run_at else None,
        }


def _jobs() -> Any:
    return table(JOBS_TABLE, column("id"), column("next_run_time"), column("job_state"))


def apply_action(session: Session, source: str, action: str, *, now: datetime) -> ActionResult:
    """Do ``action`` (one of :data:`ACTIONS`) to the daemon job of ``source``; the caller commits.

    Raises :class:`ControlError` for an unknown action, a source without a job, a run-now of a paused source.
    """
    if action not in ACTIONS:
        raise ControlError(f"unknown action {action!r}: one of {', '.join(ACTIONS)}", status=404)
    if not inspect(session.connection()).has_table(JOBS_TABLE):
        raise ControlError("no daemon ever ran on this database: start `carbonwatch daemon`, or crawl with cron")
    jobs = _jobs()
    row = session.execute(select(jobs.c.job_state).where(jobs.c.id == source)).first()
    if row is None:
        raise ControlError(
            f"the daemon has no schedule for {source!r} (disabled, or not a source of its configuration)", status=404
        )
    # The daemon's own table, written by APScheduler's SQLAlchemyJobStore in this pickle format.
    state = pickle.loads(row[0])
    trigger = state["trigger"]
    current = state.get("next_run_time")
    zone = getattr(trigger, "timezone", UTC)
    if action == "pause":
        when = None
    elif action == "resume":
        if current is not None:
            return ActionResult(source, action, current)
        when = trigger.get_next_fire_time(None, now.astimezone(zone))
    else:
        if current is None:
            raise ControlError(f"{source} is paused: resume it first (run-now would silently resume it)")
        when = now.astimezone(zone)
    state["next_run_time"] = when
    session.execute(
        update(jobs)
        .where(jobs.c.id == source)
        .values(
            next_run_time=when.timestamp() if when is not None else None,
            job_state=pickle.dumps(state, pickle.HIGHEST_PROTOCOL),
        )
    )
    return ActionResult(source, action, when)
