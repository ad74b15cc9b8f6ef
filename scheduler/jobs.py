"""The functions APScheduler runs: module-level (``scheduler.jobs:crawl_job``) so the SQL job store can save them."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from scheduler.retention import prune_logs
from scheduler.runner import DaemonContext, run_source

logger = logging.getLogger(__name__)

# The running daemon's context. Jobs stored in the database name a function, not a closure, so the function
# finds its daemon here; it is set once by scheduler.daemon before the scheduler starts.
_context: DaemonContext | None = None


def install(ctx: DaemonContext | None) -> None:
    """Make ``ctx`` the context of the jobs run in this process (None to clear)."""
    global _context
    _context = ctx


def crawl_job(source: str) -> None:
    """Crawl ``source`` once; never raises (a failure is recorded in its run row and logged)."""
    ctx = _context
    if ctx is None:
        logger.error("crawl_job(%r) ran outside a carbonwatch daemon: ignored", source)
        return
    if source not in ctx.schedules:
        logger.error("crawl_job(%r): no schedule for this source (removed from the configuration?)", source)
        return
    try:
        run_source(ctx, source)
    except Exception:
        logger.exception("crawl job for %s failed", source)


def housekeeping_job() -> None:
    """Daily: delete run logs past their retention age and over the total size cap."""
    ctx = _context
    if ctx is None:
        return
    try:
        prune_logs(
            ctx.config.log_dir,
            retention_days=ctx.config.log_retention_days,
            max_bytes=ctx.config.log_max_bytes,
            now=datetime.now(UTC),
            protect=set(ctx.active.values()),
        )
    except Exception:
        logger.exception("log housekeeping failed")


def health_job() -> None:
    """Every ``[daemon] health_alerts_minutes``: judge every source and alert the notification targets of changes."""
    ctx = _context
    if ctx is None:
        return
    from carbonwatch.alerts import alert_health
    from scheduler.health import judge_sources

    try:
        now = datetime.now(UTC)
        statuses, _ = judge_sources(ctx.config, now=now)
        with ctx.alerts_lock, ctx.sessions.begin() as session:
            report = alert_health(session, ctx.config, {s.source: s.problems for s in statuses}, now=now)
        for error in report.errors:
            logger.warning("health alert not delivered: %s", error)
    except Exception:
        logger.exception("health check failed")
