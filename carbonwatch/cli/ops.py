"""``carbonwatch daemon | runs | status | logs``: run the scheduler daemon and see what it (and cron) did.

carbonwatch daemon                 # run scheduled crawls until SIGTERM/SIGINT
carbonwatch runs [--source S] [--failed] [-n N] [--json]
carbonwatch status [--json] [--alert]   # exit 0 all healthy, 1 a source unhealthy, 2 or 4: could not check
carbonwatch logs RUN_ID [--tail N] [-f] [--json]

Exit codes: carbonwatch.cli.exitcodes. Tables: carbonwatch.cli.tables (never cut ids, statuses or paths).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.text import Text
from sqlalchemy import Engine, select

from carbonwatch.cli import exitcodes
from carbonwatch.cli.tables import Column, print_json_lines, print_table
from carbonwatch.config import Config
from carbonwatch.logsetup import log_path_for
from scheduler.health import SourceStatus, judge_sources
from scheduler.lock import AlreadyRunning
from scheduler.runner import output_path_for
from scheduler.schedules import ScheduleError
from storage.db import open_store
from storage.models import CrawlRun
from storage.runs import NOT_OK, list_runs, run_record, run_sources, spooled_count
from storage.types import iso_utc

# Distinct from 1 (a crash) so systemd's RestartPreventExitStatus can tell "someone else runs" from a failure.
ALREADY_RUNNING_EXIT = exitcodes.ALREADY_RUNNING
FOLLOW_POLL_SECONDS = 0.5  # how often `logs -f` looks for new lines and at the run's status
# Ids, sources, statuses and paths are never shortened; timing and counts go first when the terminal is narrow.
RUNS_COLUMNS = (
    Column("id", keep=True, justify="right"),
    Column("source", keep=True),
    Column("trigger", drop=3),
    Column("status", keep=True),
    Column("started (UTC)", keep=True),
    Column("duration", drop=4),
    Column("new/rev/dup", drop=2),
    Column("dropped", drop=5, justify="right"),
    Column("flags", drop=1, justify="right"),
    Column("errors", fold=True),
)
STATUS_COLUMNS = (
    Column("source", keep=True),
    Column("health", keep=True),
    Column("last run", keep=True),
    Column("last run at", drop=4),
    Column("last success", drop=5),
    Column("new item", drop=2),
    Column("items 24h", drop=3, justify="right"),
    Column("next run", drop=1),
    Column("problems", fold=True),
)


def register(sub: Any) -> None:
    """Add the ``daemon``, ``runs``, ``status`` and ``logs`` subcommands."""
    daemon: argparse.ArgumentParser = sub.add_parser(
        "daemon", help="run the scheduled crawls (APScheduler) until stopped"
    )
    daemon.set_defaults(func=_daemon)

    runs: argparse.ArgumentParser = sub.add_parser("runs", help="list recent crawl runs")
    runs.add_argument("--source", help="only runs of this source")
    runs.add_argument("--failed", action="store_true", help="only failed, timed-out or interrupted runs")
    runs.add_argument("-n", type=positive_int, default=20, help="how many runs (default 20)")
    runs.add_argument("--json", action="store_true", help="JSON lines, one run per line")
    runs.set_defaults(func=_runs)

    status: argparse.ArgumentParser = sub.add_parser(
        "status", help="per-source health; exit 1 when any is unhealthy, 2 or 4 when it cannot check"
    )
    status.add_argument("--json", action="store_true", help="JSON lines, one source per line")
    status.add_argument(
        "--alert",
        action="store_true",
        help="alert CARBONWATCH_NOTIFY_URLS when a source turns unhealthy, changes problems or recovers (once each)",
    )
    status.set_defaults(func=_status)

    logs: argparse.ArgumentParser = sub.add_parser("logs", help="print the log of one run")
    logs.add_argument("run_id", type=int, metavar="RUN_ID")
    logs.add_argument("--tail", type=positive_int, default=None, metavar="N", help="only the last N lines")
    logs.add_argument("--json", action="store_true", help="JSON lines, one log line per line")
    logs.add_argument(
        "-f", "--follow", action="store_true", help="keep printing what a running crawl logs until it ends"
    )
    logs.set_defaults(func=_logs)


def positive_int(value: str) -> int:
    """An argument that must be a whole number >= 1 (``-n 0`` would otherwise still show a row)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return number


def _quiet_migrations() -> None:
    # Every command migrates the schema on open; its INFO lines would bury the table operators asked for.
    logging.getLogger("alembic").setLevel(logging.WARNING)


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
    if isinstance(entry, dict) and "message" not in entry and "kind" in entry:
        text = f"{entry['kind']} ×{entry.get('count', 1)}"  # a counted error kind (layout/empty_list ×2)
    else:
        text = str(entry.get("message", entry)) if isinstance(entry, dict) else str(entry)
    first = text.splitlines()[0] if text else ""
    first = first if len(first) <= 60 else first[:57] + "..."
    return f"{len(errors)}: {first}"


def _spiders() -> set[str]:
    from scheduler.daemon import spider_names

    return set(spider_names())


def _source_names(config: Config) -> set[str]:
    """The spiders and the configured sources (none when the sources file cannot be read)."""
    from scheduler.schedules import configured_sources

    try:
        sources = {s.name for s in configured_sources(config)}
    except ScheduleError:
        sources = set()
    return _spiders() | sources


def _runs(args: argparse.Namespace, config: Config) -> int:
    _quiet_migrations()
    engine, sessions = open_store(config.database_url)
    try:
        with sessions() as session:
            rows = list_runs(session, source=args.source, failed=args.failed, limit=args.n)
            seen = run_sources(session) if args.source and not rows else set()
    finally:
        engine.dispose()
    if args.source and not rows and args.source not in seen:
        from carbonwatch.crawlrun import unknown_name

        known = _source_names(config) | seen
        if args.source not in known:
            message = unknown_name(
                args.source, _spiders(), known - _spiders(), "other sources (configured or with runs)"
            )
            print(f"carbonwatch runs: {message}", file=sys.stderr)
            return exitcodes.USAGE
    if args.json:
        print_json_lines(run_record(run) for run in rows)
        return 0
    if not rows:
        print("no crawl runs recorded" + (" matching the filter" if args.source or args.failed else ""))
        return 0
    styles = ["red" if r.status in NOT_OK else ("yellow" if r.status == "running" else "") for r in rows]
    print_table(
        f"crawl runs (newest first) on {config.redacted_database_url()}",
        RUNS_COLUMNS,
        (
            (
                str(run.id),
                Text(run.source),
                run.trigger,
                run.status,
                _when(run.started_at),
                _duration(run),
                f"{run.items_new}/{run.items_revised}/{run.items_duplicate}"
                + (f" +{spooled_count(run)} spooled" if spooled_count(run) else ""),
                str(sum(int(v) for v in (run.dropped or {}).values())),
                str(run.flags_raised),
                Text(_first_error(run.errors or [])),
            )
            for run in rows
        ),
        styles,
    )
    return 0


def collect_status(config: Config, *, now: datetime, engine: Engine | None = None) -> tuple[list[SourceStatus], str]:
    """Every enabled source's status and the daemon's state (:func:`scheduler.health.judge_sources`)."""
    statuses, running = judge_sources(config, now=now, engine=engine)
    return statuses, "running" if running else "not running"


def status_record(s: SourceStatus, daemon: str) -> dict[str, Any]:
    """One source's status as a JSON-ready mapping with stable keys (``status --json``)."""
    return {
        "source": s.source,
        "healthy": s.healthy,
        "problems": list(s.problems),
        "run_state": s.run_state,
        "last_run_id": s.last_run_id,
        "last_run_status": s.last_run_status,
        "last_run_at": iso_utc(s.last_run_at),
        "last_success_at": iso_utc(s.last_success_at),
        "last_new_item_at": iso_utc(s.last_new_item_at),
        "items_24h": s.items_24h,
        "next_run_at": iso_utc(s.next_run_at),
        "expected_update_hours": s.expected_update_hours,
        "consecutive_failures": s.consecutive_failures,
        "daemon": daemon,
    }


def _status(args: argparse.Namespace, config: Config) -> int:
    _quiet_migrations()
    try:
        statuses, daemon = collect_status(config, now=datetime.now(UTC))
    except ScheduleError as exc:
        print(f"carbonwatch status: configuration error: {exc}", file=sys.stderr)
        return exitcodes.USAGE
    unhealthy = [s.source for s in statuses if not s.healthy]
    if args.alert:
        _alert(config, statuses, out=sys.stderr if args.json else sys.stdout)
    if args.json:
        print_json_lines(status_record(s, daemon) for s in statuses)
        return exitcodes.FAILED if unhealthy else exitcodes.OK
    print_table(
        f"sources on {config.redacted_database_url()} (daemon {daemon})",
        STATUS_COLUMNS,
        (
            (
                Text(s.source),
                "[green]healthy[/]" if s.healthy else "[red]UNHEALTHY[/]",
                Text(f"#{s.last_run_id} {s.last_run_status}" if s.last_run_id else s.run_state),
                _when(s.last_run_at),
                _when(s.last_success_at),
                _when(s.last_new_item_at),
                str(s.items_24h),
                _when(s.next_run_at),
                Text("; ".join(s.problems)),
            )
            for s in statuses
        ),
    )
    unjudged = _unjudged_sources(config, {s.source for s in statuses})
    if unjudged:
        print(f"not judged (they have runs, but are no enabled source in this configuration): {', '.join(unjudged)}")
    if unhealthy:
        print(f"unhealthy: {', '.join(unhealthy)} (see `carbonwatch runs --failed` and `carbonwatch logs RUN_ID`)")
        return exitcodes.FAILED
    print("all sources healthy")
    return exitcodes.OK


def _unjudged_sources(config: Config, judged: set[str]) -> list[str]:
    """Sources with runs that ``status`` does not judge (a disabled or removed source, the demo's feed)."""
    engine, sessions = open_store(config.database_url)
    try:
        with sessions() as session:
            recorded = {name for names in run_sources(session) for name in names.split(",")}
    finally:
        engine.dispose()
    return sorted(recorded - judged - {"import"})


def _alert(config: Config, statuses: list[SourceStatus], out: Any) -> None:
    from carbonwatch.alerts import alert_health

    if not config.notify_urls:
        print("no notification targets: set CARBONWATCH_NOTIFY_URLS to receive health alerts", file=sys.stderr)
        return
    engine, sessions = open_store(config.database_url)
    try:
        with sessions.begin() as session:
            report = alert_health(session, config, {s.source: s.problems for s in statuses}, now=datetime.now(UTC))
    finally:
        engine.dispose()
    print(report.summary(), file=out)
    for error in report.errors:
        print(f"  {error}", file=out)


def _read_lines(path: Path, tail_lines: int | None) -> tuple[int, list[str], int]:
    """The number of the first line returned, the lines (all, or the last ``tail_lines``) and the bytes read."""
    raw = path.read_bytes()
    lines = raw.decode("utf-8", errors="replace").splitlines(keepends=True)
    first = max(len(lines) - tail_lines, 0) if tail_lines is not None else 0
    return first + 1, lines[first:], len(raw)


def log_line_record(run: CrawlRun, path: Path, number: int, text: str) -> dict[str, Any]:
    """One log line as a JSON-ready mapping (``logs --json``); ``record`` holds a JSON-format line parsed."""
    text = text.rstrip("\n")
    record: Any = None
    if text.startswith("{"):
        try:
            record = json.loads(text)
        except ValueError:
            record = None
    return {"run_id": run.id, "source": run.source, "file": str(path), "line": number, "text": text, "record": record}


def _logs(args: argparse.Namespace, config: Config) -> int:
    _quiet_migrations()
    engine, sessions = open_store(config.database_url)
    try:
        return _show_log(args, config, sessions)
    finally:
        engine.dispose()


def _show_log(args: argparse.Namespace, config: Config, sessions: Any) -> int:
    with sessions() as session:
        run = session.get(CrawlRun, args.run_id)
    if run is None:
        print(f"no run {args.run_id} (see `carbonwatch runs`)", file=sys.stderr)
        return 1
    log_path = Path(run.log_path) if run.log_path else log_path_for(config, run.source.split(",")[0], run.id)
    out_path = output_path_for(log_path)
    candidates = [p for p in (log_path, out_path) if p.is_file() and (p != out_path or p.stat().st_size > 0)]
    following = args.follow and run.status == "running"
    if not candidates and not following:
        print(
            f"the log of run {run.id} ({log_path}) is gone: run logs are deleted after "
            f"{config.log_retention_days} days or when they exceed {config.log_max_bytes} bytes in total",
            file=sys.stderr,
        )
        return 1
    emit = _emitter(run, args.json)
    offset, number = 0, 1  # where following log_path goes on
    for path in candidates:
        first, lines, size = _read_lines(path, args.tail)
        if len(candidates) > 1 and not args.json:
            print(f"==> {path} <==")
        emit(path, first, lines)
        if path == log_path:
            offset, number = size, first + len(lines)
    if following:
        try:
            _follow(log_path, run.id, sessions, emit, offset=offset, number=number)
        except KeyboardInterrupt:
            pass  # Ctrl-C ends following, as with tail -f
    return 0


def _emitter(run: CrawlRun, as_json: bool) -> Any:
    def emit(path: Path, first: int, lines: list[str]) -> None:
        if as_json:
            print_json_lines(log_line_record(run, path, first + n, text) for n, text in enumerate(lines))
        else:
            sys.stdout.write("".join(lines))
        sys.stdout.flush()

    return emit


def _follow(
    path: Path, run_id: int, sessions: Any, emit: Any, *, offset: int, number: int, poll: float = FOLLOW_POLL_SECONDS
) -> None:
    """Print what is appended to ``path`` after ``offset`` until run ``run_id`` has ended (then what is left)."""
    partial = b""
    while True:
        with sessions() as session:
            done = session.scalar(select(CrawlRun.status).where(CrawlRun.id == run_id)) != "running"
        if path.is_file():
            with path.open("rb") as fh:
                fh.seek(offset)
                data = fh.read()
            offset += len(data)
            partial += data
            *complete, partial = partial.split(b"\n")
            lines = [line.decode("utf-8", "replace") + "\n" for line in complete]
            if lines:
                emit(path, number, lines)
                number += len(lines)
        if done:
            if partial:
                emit(path, number, [partial.decode("utf-8", "replace")])
            return
        time.sleep(poll)
