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
