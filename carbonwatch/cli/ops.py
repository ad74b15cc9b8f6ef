"""``carbonwatch daemon | runs | status | logs``: run the scheduler daemon and see what it (and cron) did.

carbonwatch daemon                 # run scheduled crawls until SIGTERM/SIGINT
carbonwatch runs [--source S] [--failed] [-n N]
carbonwatch status                 # exit 0 all healthy, 1 a source unhealthy, 2 or 4: could not check
carbonwatch logs RUN_ID [--tail N]
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from sqlalchemy import select

from carbonwatch.cli import exitcodes
from carbonwatch.config import Config
from carbonwatch.logsetup import log_path_for
from scheduler.health import SourceStatus, first_run_deadline, source_status, stored_jobs
from scheduler.lock import AlreadyRunning, InstanceLock
from scheduler.runner import output_path_for
from scheduler.schedules import ScheduleError, load_daemon_options, load_schedules
from storage.db import open_store
from storage.models import CrawlRun

# Distinct from 1 (a crash) so systemd's RestartPreventExitStatus can tell "someone else runs" from a failure.
ALREADY_RUNNING_EXIT = exitcodes.ALREADY_RUNNING
NOT_OK = frozenset({"failed", "timeout", "interrupted"})


def register(sub: Any) -> None:
    """Add the ``daemon``, ``runs``, ``status`` and ``logs`` subcommands."""
    daemon: argparse.ArgumentParser = sub.add_parser(
        "daemon", help="run the scheduled crawls (APScheduler) until stopped"
    )
    daemon.set_defaults(func=_daemon)

    runs: argparse.ArgumentParser = sub.add_parser("runs", help="list recent crawl runs")
    runs.add_argument("--source", help="only runs of this source")
    runs.add_argument("--failed", action="store_true", help="only failed, timed-out or interrupted runs")
    runs.add_argument("-n", type=int, default=20, help="how many runs (default 20)")
    runs.set_defaults(func=_runs)

    status: argparse.ArgumentParser = sub.add_parser(
        "status", help="per-source health; exit 1 when any is unhealthy, 2 or 4 when it cannot check"
    )
    status.set_defaults(func=_status)

    logs: argparse.ArgumentParser = sub.add_parser("logs", help="print the log of one run")
    logs.add_argument("run_id", type=int, metavar="RUN_ID")
    logs.add_argument("--tail", type=int, default=0, help="only the last N lines")
    logs.set_defaults(func=_logs)


def _quiet_migrations() -> None:
    # Every command migrates the schema on open; its INFO lines would bury the table operators asked for.
    logging.getLogger("alembic").setLevel(logging.WARNING)


def _console() -> Console:
    # Piped output (cron mail, `| less`) gets a wide table instead of rich's 80-column default.
    return Console(width=None if sys.stdout.isatty() else 160)


def _daemon(args: argparse.Namespace, config: Config) -> int:
    from scheduler.daemon import run_daemon

    try:
        return run_daemon(config)
    except ScheduleError as exc:
        print(f"carbonwatch daemon: configuration error: {exc}", file=sys.stderr)
        return 2
    except AlreadyRunning as exc:
        print(f"carbonwatch daemon: not starting: {exc}", file=sys.stderr)
        print(
            "Stop the other daemon first (systemctl stop carbonwatch-daemon), or use another database.", file=sys.stderr
        )
        return ALREADY_RUNNING_EXIT


def _when(value: datetime | None) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S") if value else "-"


def _duration(run: CrawlRun) -> str:
    if run.finished_at is None:
        return "running" if run.status == "running" else "-"
    seconds = (run.finished_at - run.started_at).total_seconds()
    return f"{seconds:.1f}s" if seconds < 120 else f"{seconds / 60:.1f}m"


def _first_error(errors: list[Any]) -> str:
    if not errors:
        return ""
    entry = errors[0]
    text = str(entry.get("message", entry)) if isinstance(entry, dict) else str(entry)
    first = text.splitlines()[0] if text else ""
    first = first if len(first) <= 60 else first[:57] + "..."
    return f"{len(errors)}: {first}"


def _runs(args: argparse.Namespace, config: Config) -> int:
    _quiet_migrations()
    engine, sessions = open_store(config.database_url)
    query = select(CrawlRun).order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc()).limit(max(args.n, 1))
    if args.source:
        query = query.where(CrawlRun.source == args.source)
    if args.failed:
        query = query.where(CrawlRun.status.in_(NOT_OK))
    with sessions() as session:
        rows = list(session.scalars(query))
    engine.dispose()
    if not rows:
        print("no crawl runs recorded" + (" matching the filter" if args.source or args.failed else ""))
        return 0
    table = Table(title=f"crawl runs (newest first) on {config.redacted_database_url()}")
    for name in ("id", "source", "trigger", "status", "started (UTC)", "duration", "new/rev/dup", "dropped", "flags"):
        table.add_column(name, justify="right" if name in ("id", "dropped", "flags") else "left", no_wrap=True)
    table.add_column("errors", overflow="fold")
    for run in rows:
        style = "red" if run.status in NOT_OK else ("yellow" if run.status == "running" else "")
        table.add_row(
            str(run.id),
            run.source,
            run.trigger,
            run.status,
            _when(run.started_at),
            _duration(run),
            f"{run.items_new}/{run.items_revised}/{run.items_duplicate}",
            str(sum(int(v) for v in (run.dropped or {}).values())),
            str(run.flags_raised),
            _first_error(run.errors or []),
            style=style,
        )
    _console().print(table)
    return 0


def _daemon_state(config: Config, engine: Any) -> str:
    lock = InstanceLock(config.database_url, engine)
    try:
        lock.acquire()
    except AlreadyRunning:
        return "running"
    lock.release()
    return "not running"


def collect_status(config: Config, *, now: datetime) -> tuple[list[SourceStatus], str]:
    """Every enabled source's status and whether a daemon holds the lock on this database."""
    from scheduler.daemon import spider_names

    schedules = [s for s in load_schedules(config, known_sources=spider_names()) if s.enabled]
    options = load_daemon_options(config)
    engine, sessions = open_store(config.database_url)
    try:
        with sessions() as session:
            jobs = stored_jobs(session)
            statuses = []
            for s in schedules:
                job = jobs.get(s.source)
                statuses.append(
                    source_status(
                        session,
                        s.source,
                        expected_update_hours=s.expected_update_hours,
                        failed_runs_unhealthy=options.failed_runs_unhealthy,
                        next_run_at=job.next_run_at if job else None,
                        now=now,
                        first_run_due_by=first_run_deadline(job.trigger) if job else None,
                    )
                )
        daemon = _daemon_state(config, engine)
    finally:
        engine.dispose()
    return statuses, daemon


def _status(args: argparse.Namespace, config: Config) -> int:
    _quiet_migrations()
    try:
        statuses, daemon = collect_status(config, now=datetime.now(UTC))
    except ScheduleError as exc:
        print(f"carbonwatch status: configuration error: {exc}", file=sys.stderr)
        return 2
    table = Table(title=f"sources on {config.redacted_database_url()} (daemon {daemon})")
    for name in ("source", "health", "last run", "last success", "new item", "items 24h", "next run"):
        table.add_column(name, no_wrap=True, justify="right" if name == "items 24h" else "left")
    table.add_column("problems", overflow="fold")
    for s in statuses:
        last = f"#{s.last_run_id} {s.last_run_status} {_when(s.last_run_at)}" if s.last_run_id else s.run_state
        table.add_row(
            s.source,
            "[green]healthy[/]" if s.healthy else "[red]UNHEALTHY[/]",
            last,
            _when(s.last_success_at),
            _when(s.last_new_item_at),
            str(s.items_24h),
            _when(s.next_run_at),
            "; ".join(s.problems),
        )
    _console().print(table)
    unhealthy = [s.source for s in statuses if not s.healthy]
    if unhealthy:
        print(f"unhealthy: {', '.join(unhealthy)} (see `carbonwatch runs --failed` and `carbonwatch logs RUN_ID`)")
        return 1
    print("all sources healthy")
    return 0


def _print_file(path: Path, tail_lines: int) -> None:
    with path.open("r", encoding="utf-8", errors="replace") as fh:
        if tail_lines > 0:
            lines = fh.readlines()[-tail_lines:]
            sys.stdout.write("".join(lines))
        else:
            for line in fh:
                sys.stdout.write(line)


def _logs(args: argparse.Namespace, config: Config) -> int:
    _quiet_migrations()
    engine, sessions = open_store(config.database_url)
    with sessions() as session:
        run = session.get(CrawlRun, args.run_id)
    engine.dispose()
    if run is None:
        print(f"no run {args.run_id} (see `carbonwatch runs`)", file=sys.stderr)
        return 1
    log_path = Path(run.log_path) if run.log_path else log_path_for(config, run.source.split(",")[0], run.id)
    out_path = output_path_for(log_path)
    candidates = [p for p in (log_path, out_path) if p.is_file() and (p != out_path or p.stat().st_size > 0)]
    if not candidates:
        print(
            f"the log of run {run.id} ({log_path}) is gone: run logs are deleted after "
            f"{config.log_retention_days} days or when they exceed {config.log_max_bytes} bytes in total",
            file=sys.stderr,
        )
        return 1
    for path in candidates:
        if len(candidates) > 1:
            print(f"==> {path} <==")
        _print_file(path, args.tail)
    return 0
