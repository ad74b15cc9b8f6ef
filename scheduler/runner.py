"""One daemon-triggered crawl: create its run row, spawn the crawl process, enforce its timeout, complete the row.

The crawl runs in its own process (and process group): Scrapy's reactor cannot restart inside the daemon, a
crashed or leaking crawl cannot take the daemon with it, and a timeout can kill every process the crawl started.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from carbonwatch.config import DAEMON_PID_VARIABLE, Config
from carbonwatch.logsetup import log_path_for
from crawler.items import utcnow
from scheduler.lock import SourceLock, source_lock_path
from scheduler.schedules import DaemonOptions, SourceSchedule, command_for
from storage.models import CrawlRun

logger = logging.getLogger(__name__)

POLL_SECONDS = 0.2
TAIL_BYTES = 4000
TAIL_LINES = 15

# Outcomes of waiting for a crawl process.
EXITED = "exited"
TIMEOUT = "timeout"
INTERRUPTED = "interrupted"


@dataclass
class DaemonContext:
    """What every job of one daemon shares: configuration, sessions, schedules and the stop request."""

    config: Config
    sessions: sessionmaker[Session]
    options: DaemonOptions
    schedules: dict[str, SourceSchedule]
    stop: threading.Event = field(default_factory=threading.Event)
    force: threading.Event = field(default_factory=threading.Event)
    stop_deadline: float | None = None  # time.monotonic() after which running crawls are terminated
    active: dict[int, Path] = field(default_factory=dict)  # run id -> log path of crawls now running
    alerts_lock: threading.Lock = field(default_factory=threading.Lock)

    def request_stop(self) -> None:
        """First SIGTERM/SIGINT: schedule nothing new; running crawls get the grace period, then are terminated."""
        if not self.stop.is_set():
            self.stop_deadline = time.monotonic() + self.options.stop_grace_seconds
            self.stop.set()
        else:
            # A second signal means the operator will not wait: terminate running crawls now.
            self.force.set()


def output_path_for(log_path: Path) -> Path:
    """Where the crawl process's own stdout/stderr go (tracebacks before logging is set up land here)."""
    return log_path.with_suffix(".out")


def tail(path: Path, *, max_bytes: int = TAIL_BYTES, max_lines: int = TAIL_LINES) -> str:
    """The last lines of a file (empty when it does not exist)."""
    try:
        with path.open("rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - max_bytes))
            data = fh.read()
    except OSError:
        return ""
    lines = data.decode("utf-8", errors="replace").splitlines()
    return "\n".join(lines[-max_lines:]).strip()


def create_run(session: Session, source: str, *, now: datetime) -> CrawlRun:
    """A new ``crawl_runs`` row for a daemon run, status running."""
    run = CrawlRun(source=source, trigger="daemon", status="running", started_at=now)
    session.add(run)
    session.flush()
    return run


def settle_status(outcome: str, returncode: int | None, row_status: str) -> tuple[str | None, str | None]:
    """What the daemon must write after a crawl process ended: (new status or None to keep, error or None).

    A timeout or a stop request is the daemon's own doing, so it overrides whatever the crawl wrote while dying;
    a crawl that exited by itself keeps the status it recorded, unless it never completed its row.
    """
    if outcome == TIMEOUT:
        return "timeout", "killed by the daemon at its timeout"
    if outcome == INTERRUPTED:
        return "interrupted", "terminated: the daemon was stopping and the grace period ran out"
    if row_status == "running":
        return "failed", f"crawl process exited with code {returncode} without completing its run record"
    return None, None


def complete_run(
    session: Session,
    run_id: int,
    *,
    outcome: str,
    returncode: int | None,
    output_tail: str,
    now: datetime,
) -> CrawlRun | None:
    """Finish the row of a crawl whose process has ended (see :func:`settle_status`)."""
    run = session.get(CrawlRun, run_id)
    if run is None:
        logger.error("run %s vanished from crawl_runs", run_id)
        return None
    status, error = settle_status(outcome, returncode, run.status)
    if run.exit_code is None:
        run.exit_code = returncode
    if status is not None:
        run.status = status
        run.finished_at = now
        message = f"{error}\n{output_tail}".strip() if output_tail and status == "failed" else error
        run.errors = [*(run.errors or []), {"kind": "daemon", "message": message}]
    return run


def recover_orphans(
    session: Session, *, now: datetime, source: str | None = None, exclude: set[int] | None = None
) -> list[int]:
    """Daemon runs left ``running`` by a daemon that died: failed, unless their process still lives.

    At start every source's; before each run the source's own (``exclude``: this daemon's running crawls), so
    an orphaned crawl that outlived the daemon's start is settled once it is gone.
    """
    recovered = []
    query = select(CrawlRun).where(CrawlRun.trigger == "daemon", CrawlRun.status == "running")
    if source is not None:
        query = query.where(CrawlRun.source == source)
    for run in session.scalars(query):
        if run.id in (exclude or set()):
            continue
        if run.pid is not None and _alive(run.pid):
            logger.warning("run %s (pid %s) from a previous daemon is still running; leaving it", run.id, run.pid)
            continue
        run.status = "failed"
        run.finished_at = now
        run.errors = [
            *(run.errors or []),
            {"kind": "daemon", "message": "the daemon stopped before this run completed"},
        ]
        recovered.append(run.id)
    return recovered


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie answers signal 0 too; in containers whose init does not reap, orphans stay zombies for good.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rpartition(")")[2].split()[:1] != ["Z"]


def _kill_group(proc: subprocess.Popen[bytes], kill_grace: float) -> int | None:
    """SIGTERM the crawl's process group, SIGKILL it if it has not exited after ``kill_grace`` seconds."""
    for sig, wait in ((signal.SIGTERM, kill_grace), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            pass
        try:
            return proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
    return proc.returncode


def wait_for(proc: subprocess.Popen[bytes], ctx: DaemonContext, timeout: float) -> tuple[str, int | None]:
    """Wait for the crawl to end, killing it at ``timeout`` or when a stop request's grace period is over."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return EXITED, proc.wait(timeout=POLL_SECONDS)
        except subprocess.TimeoutExpired:
            pass
        now = time.monotonic()
        if now >= deadline:
            logger.warning("crawl pid %s passed its %ss timeout: killing its process group", proc.pid, timeout)
            return TIMEOUT, _kill_group(proc, ctx.options.kill_grace_seconds)
        if ctx.force.is_set() or (ctx.stop_deadline is not None and now >= ctx.stop_deadline):
            logger.warning("daemon stopping: terminating crawl pid %s", proc.pid)
            return INTERRUPTED, _kill_group(proc, ctx.options.kill_grace_seconds)


def run_source(ctx: DaemonContext, source: str) -> int | None:
    """Run one crawl of ``source`` to its end; returns the run id (None when skipped because the daemon stops)."""
    if ctx.stop.is_set():
        logger.info("daemon stopping: not starting %s", source)
        return None
    schedule = ctx.schedules[source]
    lock = SourceLock(source_lock_path(ctx.config.database_url, ctx.config.spool_dir, source))
    holder = None if ctx.config.redis_url else lock.holder()  # scaled-out workers share a source on purpose
    if holder is not None:
        # A crawl of this source from before (a killed daemon's child, or cron's) still runs: never crawl it twice.
        logger.warning("run of %s skipped: a crawl of it (pid %s) is still running", source, holder)
        return None
    with ctx.sessions.begin() as session:
        abandoned = recover_orphans(session, now=utcnow(), source=source, exclude=set(ctx.active))
        if abandoned:
            logger.warning("runs %s of %s were left running by a crawl that is gone: marked failed", abandoned, source)
        run = create_run(session, source, now=utcnow())
        run_id = run.id
        log_path = log_path_for(ctx.config, source, run_id)
        run.log_path = str(log_path)
    out_path = output_path_for(log_path)
    argv = command_for(schedule, ctx.options, run_id)
    ctx.active[run_id] = log_path
    started = time.monotonic()
    try:
        outcome, returncode = _spawn_and_wait(ctx, argv, out_path, run_id, schedule.timeout)
    except OSError as exc:
        logger.error("run %s: cannot start %s: %s", run_id, argv[0], exc)
        outcome, returncode = EXITED, None
        _write_note(out_path, f"cannot start {argv!r}: {exc}")
    finally:
        ctx.active.pop(run_id, None)
    with ctx.sessions.begin() as session:
        run_or_none = complete_run(
            session, run_id, outcome=outcome, returncode=returncode, output_tail=tail(out_path), now=utcnow()
        )
        status = run_or_none.status if run_or_none is not None else "?"
    logger.info("run %s %s: %s (exit %s) in %.1fs", run_id, source, status, returncode, time.monotonic() - started)
    deliver_alerts(ctx)
    return run_id


def _spawn_and_wait(
    ctx: DaemonContext, argv: list[str], out_path: Path, run_id: int, timeout: float
) -> tuple[str, int | None]:
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out: IO[bytes]
    with out_path.open("ab") as out:
        # A new session puts the crawl in its own process group: a timeout kills everything it started, and a
        # Ctrl-C at the daemon's terminal reaches the daemon only, which decides when the crawl stops.
        # The crawl ends with the daemon (scheduler.parentdeath): a kill -9 leaves no orphan beside the next crawl.
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, DAEMON_PID_VARIABLE: str(os.getpid())},
        )
    with ctx.sessions.begin() as session:
        run = session.get(CrawlRun, run_id)
        if run is not None and run.pid is None:
            run.pid = proc.pid
    logger.info("run %s: started pid %s: %s", run_id, proc.pid, " ".join(argv))
    return wait_for(proc, ctx, timeout)


def _write_note(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(text + "\n")
    except OSError as exc:
        logger.warning("cannot write %s: %s", path, exc)


def deliver_alerts(ctx: DaemonContext) -> None:
    """The alert step after each run: ``carbonwatch.alerts.deliver_pending`` in this process, one at a time."""
    # Imported here, not at the top: every CLI command imports this module (through ``carbonwatch.cli.ops``).
    from carbonwatch.alerts import deliver_pending

    # One delivery at a time: two threads delivering the same pending notification could send it twice.
    with ctx.alerts_lock:
        try:
            with ctx.sessions.begin() as session:
                report = deliver_pending(session, ctx.config)
            if report.sent or report.failed:
                logger.info("alerts: %s", report)
            else:
                logger.debug("alerts: %s", report)
        except Exception:
            logger.exception("alert delivery failed; it is retried after the next run")
