"""The carbonwatch daemon: APScheduler runs one crawl process per source on its schedule until SIGTERM/SIGINT.

Run it with ``carbonwatch daemon`` (or ``python -m scheduler``). Each built-in spider and each enabled
``[[source]]`` of the sources file is one job, with the id of its source name; schedules come from the defaults,
the sources file and ``[schedules.<source>]`` in the configuration file (see :mod:`scheduler.schedules`). Jobs
persist in the ``apscheduler_jobs`` table of the same database so runs missed while the daemon was down are caught
up exactly once at the next start; the configuration (sources file included) is read at start, when stored jobs
are reconciled with it. A lock keeps a second daemon off the same database.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import pkgutil
import signal
import sys
import time
from datetime import UTC, datetime
from types import FrameType
from typing import Any

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_MAX_INSTANCES, EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler

from carbonwatch.config import Config
from carbonwatch.logsetup import CONSOLE_FORMAT, UTCFormatter
from scheduler import jobs
from scheduler.console import WAKE_SECONDS, Console, Heartbeat, console_command
from scheduler.lock import InstanceLock
from scheduler.retention import DAEMON_LOG_NAME, prune_logs
from scheduler.runner import DaemonContext, recover_orphans
from scheduler.schedules import (
    ScheduleError,
    SourceSchedule,
    configured_sources,
    load_daemon_options,
    load_schedules,
)
from storage.db import make_engine, session_factory, upgrade

logger = logging.getLogger(__name__)


class SubmitAfterShutdownFilter(logging.Filter):
    """Turns APScheduler's traceback for a job that came due while the executor was shutting down into one line.

    ``BaseScheduler.shutdown`` marks the scheduler stopped before it takes the job-store lock, so a wake-up of the
    scheduler thread in between still submits a due job to the closing executor and logs "Error submitting job" with
    a traceback. Nothing is lost (the daemon is stopping; the next start catches up), so it is said plainly, once.
    """

    def __init__(self) -> None:
        super().__init__()
        self.stopping = False

    def filter(self, record: logging.LogRecord) -> bool:
        if self.stopping and str(record.msg).startswith("Error submitting job"):
            logger.info("a run came due while the daemon was stopping: not started (the next start catches up)")
            return False
        return True


JOBS_TABLE = "apscheduler_jobs"
DAEMON_LOG_MAX_BYTES = 5_000_000
DAEMON_LOG_BACKUPS = 3


def spider_names() -> frozenset[str]:
    """The spiders in ``crawler.spiders`` by module name (the project rule: module name == spider name).

    Read from the package rather than Scrapy's spider loader, which would import Scrapy (and ~30 MB) into a
    daemon that never crawls in-process.
    """
    import crawler.spiders

    return frozenset(m.name for m in pkgutil.iter_modules(crawler.spiders.__path__) if not m.name.startswith("_"))


def stderr_is_journal() -> bool:
    """Whether stderr is connected to the systemd journal (systemd sets ``JOURNAL_STREAM`` to its device:inode)."""
    expected = os.environ.get("JOURNAL_STREAM")
    if not expected:
        return False
    try:
        st = os.fstat(sys.stderr.fileno())
    except (OSError, ValueError):
        return False
    return expected == f"{st.st_dev}:{st.st_ino}"


def setup_daemon_log(config: Config) -> logging.Handler | None:
    """Add ``<log_dir>/daemon.log`` (rotating) to the root logger; an unwritable directory only warns.

    Under systemd, whose journal already keeps stderr, there is no ``daemon.log``: every line would be stored
    twice. The journal then gets the tracebacks that ``daemon.log`` would have kept.
    """
    path = config.log_dir / DAEMON_LOG_NAME
    if stderr_is_journal():
        for existing in logging.getLogger().handlers:
            if getattr(existing, "stream", None) is sys.stderr:
                existing.setFormatter(UTCFormatter(CONSOLE_FORMAT))
        logger.info("logging to the systemd journal (JOURNAL_STREAM): no %s", path)
        return None
    try:
        config.log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=DAEMON_LOG_MAX_BYTES, backupCount=DAEMON_LOG_BACKUPS, encoding="utf-8"
        )
    except OSError as exc:
        logger.warning("cannot write the daemon log %s (%s): logging to stderr only", path, exc)
        return None
    handler.setFormatter(UTCFormatter(CONSOLE_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return handler


def reconcile_jobs(
    scheduler: BackgroundScheduler, schedules: list[SourceSchedule], *, timezone: str, now: datetime
) -> None:
    """Make the stored jobs match the configuration, keeping unchanged jobs (and their missed run times) as is."""
    existing = {job.id: job for job in scheduler.get_jobs(jobstore="default")}
    for schedule in schedules:
        job = existing.pop(schedule.source, None)
        if not schedule.enabled:
            if job is not None:
                scheduler.remove_job(job.id, jobstore="default")
                logger.info("schedule %s disabled: job removed", schedule.source)
            continue
        # The trigger text too: a job stored by an older version may read the same schedule differently.
        same = (
            job is not None and job.name == schedule.describe() and str(job.trigger) == str(schedule.trigger(timezone))
        )
        if job is not None and same and job.next_run_time is not None:
            logger.info("job %s kept; next run %s", schedule.describe(), job.next_run_time.isoformat())
            continue
        kwargs: dict[str, Any] = {}
        if schedule.interval_seconds is not None:
            # A new interval job crawls at once instead of waiting a whole interval after installation.
            kwargs["next_run_time"] = now
        scheduler.add_job(
            "scheduler.jobs:crawl_job",
            trigger=schedule.trigger(timezone, start_date=now),
            args=[schedule.source],
            id=schedule.source,
            name=schedule.describe(),
            jobstore="default",
            replace_existing=True,
            **kwargs,
        )
        logger.info("job %s %s", schedule.describe(), "updated" if job is not None else "added")
    for stale in existing.values():
        scheduler.remove_job(stale.id, jobstore="default")
        logger.info("job %s removed: no such schedule any more", stale.id)


def _log_event(event: JobExecutionEvent) -> None:
    if event.code == EVENT_JOB_MAX_INSTANCES:
        logger.warning("job %s still running at its next run time: this run is skipped", event.job_id)
    elif event.code == EVENT_JOB_MISSED:
        logger.warning("job %s missed its run time %s", event.job_id, event.scheduled_run_time)
    elif event.code == EVENT_JOB_ERROR:
        logger.error("job %s raised %r", event.job_id, event.exception)


def build_scheduler(ctx: DaemonContext, engine: Any) -> BackgroundScheduler:
    """The scheduler: SQL job store for crawl jobs, memory store for housekeeping, one thread per running crawl."""
    scheduler = BackgroundScheduler(
        jobstores={
            "default": SQLAlchemyJobStore(engine=engine, tablename=JOBS_TABLE),
            "memory": MemoryJobStore(),
        },
        executors={"default": ThreadPoolExecutor(ctx.options.max_concurrent)},
        # coalesce + no misfire limit: after any downtime each job runs exactly once, then follows its trigger;
        # max_instances=1: a crawl still running at its next run time makes that run skip, never overlap.
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        timezone=ctx.options.timezone,
    )
    scheduler.add_listener(_log_event, EVENT_JOB_ERROR | EVENT_JOB_MAX_INSTANCES | EVENT_JOB_MISSED)
    return scheduler


def run_daemon(config: Config) -> int:
    """Run until SIGTERM/SIGINT; returns the exit code (0 after a clean stop).

    Raises :class:`scheduler.schedules.ScheduleError` for a bad configuration and
    :class:`scheduler.lock.AlreadyRunning` when another daemon runs on the same database.
    """
    options = load_daemon_options(config)
    handler = setup_daemon_log(config)
    # APScheduler says "Running job"/"executed" for every run and "Added job" at start (INFO), and repeats as
    # WARNING what _log_event already reports (skipped and missed runs): the daemon log keeps one line per event.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("apscheduler.scheduler").setLevel(logging.ERROR)
    skipped: list[str] | None = None
    try:
        sources = configured_sources(config, spider_names())
    except ScheduleError as exc:
        # A typo in one configured source must not stop Sina and the ministries from being crawled (systemd
        # would restart a daemon that exits into the same error forever): run the built-in spiders, say so loudly.
        logger.error("%s: configured sources are not scheduled; fix the file and restart the daemon", exc)
        sources = []
        skipped = []  # their [schedules.<source>] tables now name nothing known: reported, not fatal either
    schedules = load_schedules(config, known_sources=spider_names(), sources=sources, skipped=skipped)
    for message in skipped or []:
        logger.error("%s", message)
    engine = make_engine(config.database_url)
    lock = InstanceLock(config.database_url, engine)
    lock.acquire()
    try:
        upgrade(engine)
        sessions = session_factory(engine)
        ctx = DaemonContext(config, sessions, options, {s.source: s for s in schedules if s.enabled})
        return _serve(ctx, engine, schedules)
    finally:
        jobs.install(None)
        lock.release()
        engine.dispose()
        if handler is not None:
            logging.getLogger().removeHandler(handler)
            handler.close()


def _serve(ctx: DaemonContext, engine: Any, schedules: list[SourceSchedule]) -> int:
    now = datetime.now(UTC)
    with ctx.sessions.begin() as session:
        orphans = recover_orphans(session, now=now)
    if orphans:
        logger.warning("runs %s were left running by a previous daemon: marked failed", orphans)
    prune_logs(
        ctx.config.log_dir, retention_days=ctx.config.log_retention_days, max_bytes=ctx.config.log_max_bytes, now=now
    )
    jobs.install(ctx)

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        ctx.request_stop()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    scheduler = build_scheduler(ctx, engine)
    console: Console | None = None
    submit_filter = SubmitAfterShutdownFilter()
    logging.getLogger("apscheduler.scheduler").addFilter(submit_filter)
    try:
        scheduler.start(paused=True)
        reconcile_jobs(scheduler, schedules, timezone=ctx.options.timezone, now=now)
        scheduler.add_job("scheduler.jobs:housekeeping_job", "interval", days=1, id="housekeeping", jobstore="memory")
        if ctx.options.health_alerts_minutes > 0:
            scheduler.add_job(
                "scheduler.jobs:health_job",
                "interval",
                minutes=ctx.options.health_alerts_minutes,
                id="health",
                jobstore="memory",
            )
        scheduler.resume()
        logger.info("daemon started: %s source(s) on %s", len(ctx.schedules), ctx.config.redacted_database_url())
        heartbeat = Heartbeat(ctx.sessions)
        if ctx.options.serve:
            console = Console(console_command(ctx.options))
            console.start()
        woken = time.monotonic()
        while not ctx.stop.wait(1.0):
            heartbeat.tick()
            if console is not None:
                console.check()
            if time.monotonic() - woken >= WAKE_SECONDS:
                # The console's run-now/pause/resume change the job store; the scheduler only re-reads it on waking.
                scheduler.wakeup()
                woken = time.monotonic()
        logger.info("stop requested: no new crawls; running crawls get %ss to finish", ctx.options.stop_grace_seconds)
        # Paused first, and a job still submitted in the race inside shutdown() is one line, not a traceback.
        submit_filter.stopping = True
        scheduler.pause()
        scheduler.shutdown(wait=True)
        heartbeat.stop()
    finally:
        if console is not None:
            console.stop()
        for sig, old in previous.items():
            signal.signal(sig, old)
        logging.getLogger("apscheduler.scheduler").removeFilter(submit_filter)
    logger.info("daemon stopped")
    return 0
