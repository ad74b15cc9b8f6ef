"""Per-source health for ``carbonwatch status``: last runs, fresh items, next scheduled run, and the verdict.

A source is unhealthy when it stored no new item for longer than its ``expected_update_hours`` (the
Huginn-style "expected update period"), when its last ``failed_runs_unhealthy`` runs all failed, or when its
last finished run met pages whose layout changed (layout errors in the run record, see :func:`layout_problem`) or
more errors than ``error_rate_unhealthy`` of its requests (:func:`error_rate_problem`).

A source that has never run is "not run yet" (healthy) while the daemon's job for it is within one schedule
period of its first due run (:func:`first_run_deadline`), and "never run" (unhealthy) after that or when no
daemon has scheduled it. A source that has run but stored nothing is judged from its first run: it has
``expected_update_hours`` to store its first item.
"""

from __future__ import annotations

import logging
import pickle
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Engine, column, func, inspect, or_, select, table
from sqlalchemy.orm import Session

from carbonwatch.config import Config
from storage.models import Article, CrawlRun

logger = logging.getLogger(__name__)

FAILED_STATUSES = frozenset({"failed", "timeout"})
# Neither success nor failure: a run still going, or one the operator stopped.
NEUTRAL_STATUSES = frozenset({"running", "interrupted"})
RECENT_RUNS = 20
MIN_REQUESTS_FOR_RATE = 5
DEFAULT_ERROR_RATE_UNHEALTHY = 0.5  # [daemon].error_rate_unhealthy
DAEMON_RESTART_GRACE = timedelta(minutes=5)
LAYOUT_KIND = "layout/"  # run-record error kinds counted by crawler.spiderbase (carbonwatch/errors/layout/<kind>)
LAYOUT_WORDS = {
    "empty_list": "list page(s) without entries",
    "no_title": "detail page(s) without a title",
    "no_date": "detail page(s) without a date",
    "no_body": "detail page(s) without a body",
}


@dataclass(frozen=True)
class SourceStatus:
    """What `status` shows for one source."""

    source: str
    last_run_id: int | None
    last_run_status: str | None
    last_run_at: datetime | None
    last_success_at: datetime | None
    last_new_item_at: datetime | None
    items_24h: int
    next_run_at: datetime | None
    expected_update_hours: float
    consecutive_failures: int
    problems: tuple[str, ...]
    first_run_due_by: datetime | None = None  # never-run sources: healthy ("not run yet") until then

    @property
    def healthy(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems

    @property
    def run_state(self) -> str:
        """``ran``, ``not run yet`` (within its grace period) or ``never run`` (past it)."""
        if self.last_run_id is not None:
            return "ran"
        return "not run yet" if self.healthy else "never run"


def consecutive_failures(statuses_newest_first: list[str]) -> int:
    """How many of the most recent finished runs failed in a row (running and interrupted runs are skipped)."""
    count = 0
    for status in statuses_newest_first:
        if status in NEUTRAL_STATUSES:
            continue
        if status not in FAILED_STATUSES:
            break
        count += 1
    return count


def layout_errors(errors: list[Any] | None) -> dict[str, int]:
    """The layout error counts of a run record's ``errors`` (``{"empty_list": 2}``)."""
    found: dict[str, int] = {}
    for entry in errors or []:
        kind = str(entry.get("kind", "")) if isinstance(entry, dict) else ""
        if kind.startswith(LAYOUT_KIND):
            name = kind[len(LAYOUT_KIND) :]
            found[name] = found.get(name, 0) + int(entry.get("count", 1))
    return found


def layout_problem(counts: dict[str, int], run_id: int | None = None) -> str | None:
    """The problem line for a run that met changed page layouts, or None when it met none."""
    if not counts:
        return None
    parts = [f"{n} {LAYOUT_WORDS.get(kind, kind)}" for kind, n in sorted(counts.items())]
    where = f" in run #{run_id} (carbonwatch logs {run_id})" if run_id is not None else ""
    return f"page layout changed? {', '.join(parts)}{where}"


def error_rate_problem(
    errors: list[Any] | None, requests: int, *, threshold: float, run_id: int | None = None
) -> str | None:
    """The problem line for a run whose counted errors exceed ``threshold`` of its requests, else None.

    Counted errors are the ``{kind, count}`` entries of the run record (HTTP errors, timeouts, refused
    connections …) except layout errors, which :func:`layout_problem` reports. Runs of fewer than
    :data:`MIN_REQUESTS_FOR_RATE` requests are not judged: two failures of three requests are no pattern.
    """
    if requests < MIN_REQUESTS_FOR_RATE:
        return None
    counted = sum(
        int(e.get("count", 0))
        for e in errors or []
        if isinstance(e, dict) and "count" in e and not str(e.get("kind", "")).startswith(LAYOUT_KIND)
    )
    if counted <= threshold * requests:
        return None
    where = f" in run #{run_id} (carbonwatch logs {run_id})" if run_id is not None else ""
    return f"errors on {counted} of {requests} requests{where}, over {threshold:.0%}"


def assess(
    *,
    last_new_item_at: datetime | None,
    failures: int,
    expected_update_hours: float,
    failed_runs_unhealthy: int,
    now: datetime,
    never_run: bool = False,
    first_run_due_by: datetime | None = None,
    first_run_at: datetime | None = None,
    layout: str | None = None,
    error_rate: str | None = None,
) -> tuple[str, ...]:
    """The problems of one source (empty: healthy).

    ``never_run``: the source has no run at all; it is fine until ``first_run_due_by`` (None: no daemon job
    gives it a grace period). ``first_run_at``: its oldest run, from which a source without items is judged.
    ``layout``: the :func:`layout_problem` of its last finished run; ``error_rate``: its :func:`error_rate_problem`.
    """
    if never_run:
        if first_run_due_by is None:
            return ("never run",)
        if now <= first_run_due_by:
            return ()
        return (f"never run (its first run was due by {first_run_due_by.astimezone(UTC):%Y-%m-%d %H:%M} UTC)",)
    problems = []
    if failures >= failed_runs_unhealthy:
        problems.append(f"last {failures} runs failed")
    if layout:
        problems.append(layout)
    if error_rate:
        problems.append(error_rate)
    if last_new_item_at is None:
        if first_run_at is None or now - first_run_at > timedelta(hours=expected_update_hours):
            problems.append("no item stored yet")
    else:
        quiet = now - last_new_item_at
        if quiet > timedelta(hours=expected_update_hours):
            problems.append(
                f"no new item for {quiet.total_seconds() / 3600:.1f} h (expected within {expected_update_hours:g} h)"
            )
    return tuple(problems)


def overdue_problem(
    next_run_at: datetime | None, *, daemon_running: bool, now: datetime, grace: timedelta = DAEMON_RESTART_GRACE
) -> str | None:
    """The problem of a source whose scheduled run is past while no daemon runs (a stopped daemon), else None.

    ``grace`` covers a daemon being restarted (systemd waits ``RestartSec`` before it starts again).
    """
    if daemon_running or next_run_at is None or now - next_run_at <= grace:
        return None
    return (
        f"the daemon is not running: the run due at {next_run_at.astimezone(UTC):%Y-%m-%d %H:%M} UTC did not happen "
        "(start the daemon; moved to cron? then the daemon's jobs in apscheduler_jobs are stale: delete them)"
    )


def _runs_of(source: str) -> ColumnElement[bool]:
    # A `crawl --all` run may record several sources in one row, comma separated.
    return or_(
        CrawlRun.source == source,
        CrawlRun.source.like(f"{source},%"),
        CrawlRun.source.like(f"%,{source}"),
        CrawlRun.source.like(f"%,{source},%"),
    )


def next_run_times(session: Session, jobs_table: str = "apscheduler_jobs") -> dict[str, datetime]:
    """Next run time per job id from the daemon's job store (empty when no daemon ever ran on this database)."""
    if not inspect(session.connection()).has_table(jobs_table):
        return {}
    jobs = table(jobs_table, column("id"), column("next_run_time"))
    rows = session.execute(select(jobs.c.id, jobs.c.next_run_time))
    return {str(job_id): datetime.fromtimestamp(float(ts), UTC) for job_id, ts in rows if ts is not None}


@dataclass(frozen=True)
class StoredJob:
    """One job of the daemon's job store, as `status` needs it."""

    next_run_at: datetime | None
    trigger: Any  # the stored APScheduler trigger; None when its state could not be read


def stored_jobs(session: Session, jobs_table: str = "apscheduler_jobs") -> dict[str, StoredJob]:
    """Every job of the daemon's job store by id (empty when no daemon ever ran on this database)."""
    if not inspect(session.connection()).has_table(jobs_table):
        return {}
    jobs = table(jobs_table, column("id"), column("next_run_time"), column("job_state"))
    result = {}
    for job_id, ts, state in session.execute(select(jobs.c.id, jobs.c.next_run_time, jobs.c.job_state)):
        trigger = None
        try:
            # The daemon's own table, written by APScheduler's SQLAlchemyJobStore in the same pickle format.
            trigger = pickle.loads(state)["trigger"]
        except Exception as exc:  # an APScheduler upgrade may change the format: then no grace period
            logger.debug("cannot read the stored state of job %s: %s", job_id, exc)
        when = datetime.fromtimestamp(float(ts), UTC) if ts is not None else None
        result[str(job_id)] = StoredJob(next_run_at=when, trigger=trigger)
    return result


def first_run_deadline(trigger: Any) -> datetime | None:
    """When a source that never ran becomes overdue: the first due run after its job was installed, plus a period.

    The job's install time is the trigger's ``start_date`` (the daemon sets it); None when unknown.
    """
    start = getattr(trigger, "start_date", None)
    if start is None:
        return None
    first = trigger.get_next_fire_time(None, start)
    if first is None:
        return None
    second = trigger.get_next_fire_time(first, first)
    period = (second - first) if second is not None else timedelta(0)
    deadline: datetime = first + period
    return deadline.astimezone(UTC)


def source_status(
    session: Session,
    source: str,
    *,
    expected_update_hours: float,
    failed_runs_unhealthy: int,
    next_run_at: datetime | None,
    now: datetime,
    first_run_due_by: datetime | None = None,
    error_rate_unhealthy: float = DEFAULT_ERROR_RATE_UNHEALTHY,
) -> SourceStatus:
    """Gather and judge one source's status (``first_run_due_by``: see :func:`assess`; ``error_rate_unhealthy``:
    see :func:`error_rate_problem`)."""
    recent = list(
        session.scalars(
            select(CrawlRun).where(_runs_of(source)).order_by(CrawlRun.started_at.desc()).limit(RECENT_RUNS)
        )
    )
    # The newest first along the (status, finished_at) index, not max(): PostgreSQL would visit every success.
    last_success = session.scalar(
        select(CrawlRun.finished_at)
        .where(_runs_of(source), CrawlRun.status == "success", CrawlRun.finished_at.is_not(None))
        .order_by(CrawlRun.finished_at.desc())
        .limit(1)
    )
    last_new = session.scalar(select(func.max(Article.first_seen_at)).where(Article.source == source))
    items_24h = session.scalar(
        select(func.count(Article.id)).where(
            Article.source == source, Article.first_seen_at >= now - timedelta(hours=24)
        )
    )
    first_run_at = _aware(session.scalar(select(func.min(CrawlRun.started_at)).where(_runs_of(source))))
    last_new = _aware(last_new)
    failures = consecutive_failures([r.status for r in recent])
    last = recent[0] if recent else None
    finished = next((r for r in recent if r.status not in NEUTRAL_STATUSES), None)
    layout = layout_problem(layout_errors(finished.errors), finished.id) if finished else None
    error_rate = (
        error_rate_problem(finished.errors, finished.requests, threshold=error_rate_unhealthy, run_id=finished.id)
        if finished
        else None
    )
    return SourceStatus(
        source=source,
        last_run_id=last.id if last else None,
        last_run_status=last.status if last else None,
        last_run_at=last.started_at if last else None,
        last_success_at=_aware(last_success),
        last_new_item_at=last_new,
        items_24h=int(items_24h or 0),
        next_run_at=next_run_at,
        expected_update_hours=expected_update_hours,
        consecutive_failures=failures,
        problems=assess(
            last_new_item_at=last_new,
            failures=failures,
            expected_update_hours=expected_update_hours,
            failed_runs_unhealthy=failed_runs_unhealthy,
            now=now,
            never_run=last is None,
            first_run_due_by=first_run_due_by,
            first_run_at=first_run_at,
            layout=layout,
            error_rate=error_rate,
        ),
        first_run_due_by=first_run_due_by if last is None else None,
    )


def _aware(value: datetime | None) -> datetime | None:
    # Aggregates (max) bypass the UTCDateTime column type, so SQLite hands back naive UTC datetimes or strings.
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def judge_sources(config: Config, *, now: datetime, engine: Engine | None = None) -> tuple[list[SourceStatus], bool]:
    """Every enabled source's status, and whether a daemon holds the lock on this database.

    A source whose daemon job was due more than a few minutes ago while no daemon runs is unhealthy: a stopped
    daemon must not look healthy. Raises :class:`scheduler.schedules.ScheduleError` for a bad configuration.
    ``engine``: a long-lived process's migrated engine (the web console), reused instead of opening, migrating and
    disposing one per call, which costs a page most of its time (a new engine also starts with a cold query cache).
    """
    from scheduler.daemon import spider_names
    from scheduler.lock import InstanceLock
    from scheduler.schedules import load_daemon_options, load_schedules
    from storage.db import open_store, session_factory

    schedules = [s for s in load_schedules(config, known_sources=spider_names()) if s.enabled]
    options = load_daemon_options(config)
    own_engine = engine is None
    if engine is None:
        engine, sessions = open_store(config.database_url)
    else:
        sessions = session_factory(engine)
    try:
        running = InstanceLock(config.database_url, engine).held_elsewhere()
        with sessions() as session:
            jobs = stored_jobs(session)
            statuses = []
            for s in schedules:
                job = jobs.get(s.source)
                status = source_status(
                    session,
                    s.source,
                    expected_update_hours=s.expected_update_hours,
                    failed_runs_unhealthy=options.failed_runs_unhealthy,
                    next_run_at=job.next_run_at if job else None,
                    now=now,
                    first_run_due_by=first_run_deadline(job.trigger) if job else None,
                    error_rate_unhealthy=options.error_rate_unhealthy,
                )
                overdue = overdue_problem(status.next_run_at, daemon_running=running, now=now)
                if overdue is not None:
                    status = replace(status, problems=(overdue, *status.problems))
                statuses.append(status)
    finally:
        if own_engine:
            engine.dispose()
    return statuses, running
