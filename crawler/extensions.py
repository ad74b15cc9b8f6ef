"""Scrapy extensions: the stats file, the crawl_runs record of each run, and periodic progress lines."""

from __future__ import annotations

import json
import logging
import os
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from crawler.items import utcnow

logger = logging.getLogger(__name__)

RUN_ID_STAT = "carbonwatch/run_id"
HOST_STAT = "carbonwatch/host"  # the host a run's pid belongs to: stale-run recovery trusts only its own host
# Finish reasons that have a status of their own; every other abnormal end is "failed".
FINISH_STATUS = {"closespider_timeout": "timeout", "shutdown": "interrupted"}
MAX_ERROR_MESSAGES = 20  # keep the run row small even when a spider fails on every page


def jsonable_stats(stats: dict[str, Any]) -> dict[str, Any]:
    """Stats with datetimes and other objects turned into strings, so they serialise to JSON."""
    return {k: v if isinstance(v, int | float | str | bool) or v is None else str(v) for k, v in stats.items()}


class StatsFile:
    """Writes the crawl's final stats as JSON to ``CARBONWATCH_STATS_FILE`` when the spider closes."""

    def __init__(self, crawler: Any, path: Path) -> None:
        self.crawler = crawler
        self.path = path

    @classmethod
    def from_crawler(cls, crawler: Any) -> StatsFile:
        path = crawler.settings.get("CARBONWATCH_STATS_FILE")
        if not path:
            raise NotConfigured  # no message: Scrapy would log a warning for an extension that is simply off
        ext = cls(crawler, Path(path))
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider: Any, reason: str) -> None:
        stats = jsonable_stats(self.crawler.stats.get_stats())
        stats["finish_reason"] = reason
        self.path.write_text(json.dumps(stats, ensure_ascii=False, indent=1, sort_keys=True), "utf-8")


@dataclass
class RunOutcome:
    """What a finished crawl did, read from its stats: the fields of its crawl_runs row."""

    status: str
    requests: int
    responses: dict[str, int]
    items_new: int
    items_revised: int
    items_duplicate: int
    items_unchanged: int
    dropped: dict[str, int]
    flags_raised: int
    errors: list[dict[str, Any]] = field(default_factory=list)
    items_spooled: int = 0  # kept in the local spool (database unavailable); written by the next crawl


def _prefixed(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    return {k[len(prefix) :]: int(v) for k, v in stats.items() if k.startswith(prefix) and isinstance(v, int)}


def summarise_stats(stats: dict[str, Any], reason: str, messages: list[dict[str, Any]] | None = None) -> RunOutcome:
    """Turn a crawl's final stats into its run-record fields.

    A run failed when Scrapy did not finish normally, when something logged an ERROR (a spider or pipeline
    exception), or when it made requests and not a single page came back 200 or 304 (site down, blocked; a 304 is
    an unchanged list, see :mod:`crawler.conditional`). A few article pages answering 404 are counted as errors but
    do not fail the run: the rest of the crawl is still good.
    """
    responses = _prefixed(stats, "downloader/response_status_count/")
    dropped = _prefixed(stats, "carbonwatch/drop/")
    for reason_key, count in _prefixed(stats, "item_dropped_reasons_count/").items():
        # Scrapy counts every DropItem by exception class; our pipelines count a precise reason already.
        if reason_key != "DropItem" or not dropped:
            dropped[reason_key] = dropped.get(reason_key, 0) + count
    errors: list[dict[str, Any]] = [{"kind": k, "count": v} for k, v in _prefixed(stats, "carbonwatch/errors/").items()]
    # Scrapy logs an ERROR for each request that ran out of retries; those are counted as HTTP errors already.
    log_errors = max(0, int(stats.get("log_count/ERROR", 0)) - int(stats.get("retry/max_reached", 0)))
    if log_errors:
        errors.append({"kind": "log_error", "count": log_errors})
    errors.extend((messages or [])[:MAX_ERROR_MESSAGES])
    requests = int(stats.get("downloader/request_count", 0))
    ok_pages = responses.get("200", 0) + responses.get("304", 0)
    failed = reason != "finished" or log_errors > 0 or (requests > 0 and ok_pages == 0)
    return RunOutcome(
        status=FINISH_STATUS.get(reason, "failed") if failed else "success",
        requests=requests,
        responses=responses,
        items_new=int(stats.get("carbonwatch/items/new", 0)),
        items_revised=int(stats.get("carbonwatch/items/revised", 0)),
        items_duplicate=int(stats.get("carbonwatch/items/duplicate", 0)),
        items_unchanged=int(stats.get("carbonwatch/items/unchanged", 0)),
        dropped=dropped,
        flags_raised=int(stats.get("carbonwatch/flags/raised", 0)),
        errors=errors,
        items_spooled=int(stats.get("carbonwatch/store/spooled", 0)),
    )


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` exists on this host and is not a zombie (signal 0 probes without signalling)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc (not Linux): signal 0 answered, trust it
    # A killed child that nobody reaped is a zombie: it still answers signal 0 but will never finish its row.
    return stat.rpartition(")")[2].split()[:1] != ["Z"]


STALE_RUN_ERROR = "the crawl process (pid {pid} on {host}) ended without completing this run record (killed?)"


def interrupt_stale_runs(
    session: Session,
    source: str,
    *,
    host: str,
    now: datetime,
    exclude_id: int | None = None,
    alive: Callable[[int], bool] = pid_alive,
) -> list[int]:
    """Mark ``source``'s ``running`` rows whose crawl process is gone as ``interrupted``; their ids.

    Only rows that name a pid recorded on ``host`` (the ``carbonwatch/host`` entry of their stats) are judged, so
    crawls of other machines sharing the database are never touched. Daemon runs are left to the daemon, which
    completes the rows of its dead children (and those of a dead daemon when it starts again).
    """
    from storage.models import CrawlRun

    query = select(CrawlRun).where(
        CrawlRun.source == source,
        CrawlRun.status == "running",
        CrawlRun.trigger != "daemon",
        CrawlRun.pid.is_not(None),
    )
    interrupted = []
    for row in session.scalars(query):
        stats = row.stats if isinstance(row.stats, dict) else {}
        if row.id == exclude_id or row.pid is None or stats.get(HOST_STAT) != host or alive(row.pid):
            continue
        row.status = "interrupted"
        row.finished_at = now
        message = STALE_RUN_ERROR.format(pid=row.pid, host=host)
        row.errors = [*(row.errors or []), {"kind": "stale_run", "message": message}]
        interrupted.append(row.id)
    return interrupted


def run_source(spider: Any) -> str:
    """The source a run is recorded under: the configured source (``-a source=NAME``) or the spider's name."""
    return str(getattr(spider, "source_name", None) or spider.name)


class RunRecord:
    """Keeps the crawl_runs row of this crawl: running at open, filled with the outcome at close.

    With ``CARBONWATCH_RUN_ID`` set (the crawl runner and the daemon create the row first), that row is marked
    running with this process id; otherwise a row is created (trigger from ``CARBONWATCH_TRIGGER``). The id is
    published as the stat ``carbonwatch/run_id`` and as ``crawler.carbonwatch_run_id`` for the store pipeline.

    At open, earlier rows of the same source left ``running`` by a crawl process that died on this host (``kill
    -9``, OOM, power loss) are marked ``interrupted`` (see :func:`interrupt_stale_runs`). A database that fails at
    open or close is logged as a warning and the crawl goes on: the items reach the store or its spool anyway, and
    the run's record is kept in the spool directory (``run-<key>.json``) for the next crawl to write
    (``recorded`` False, ``pending_path`` its file).
    """

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.run_id: int | None = crawler.settings.getint("CARBONWATCH_RUN_ID") or None
        self.trigger: str = crawler.settings.get("CARBONWATCH_TRIGGER") or "manual"
        self.log_path: str | None = crawler.settings.get("CARBONWATCH_LOG_PATH") or crawler.settings.get("LOG_FILE")
        self.messages: list[dict[str, Any]] = []
        self.outcome: RunOutcome | None = None
        self.started_at: datetime = utcnow()
        self.recorded = False
        self.pending_path: Path | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> RunRecord:
        if not crawler.settings.getbool("CARBONWATCH_RUN_RECORD", True):
            raise NotConfigured
        if not crawler.settings.get("CARBONWATCH_DATABASE_URL"):
            raise NotConfigured("CARBONWATCH_DATABASE_URL not set")
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.spider_error, signal=signals.spider_error)
        return ext

    def _sessions(self) -> Any:
        from storage.db import crawler_sessions

        return crawler_sessions(self.crawler)

    def spider_opened(self, spider: Any) -> None:
        self.started_at = utcnow()
        host = socket.gethostname()
        self.crawler.stats.set_value(HOST_STAT, host)
        try:
            self._open_row(spider, host)
        except SQLAlchemyError as exc:
            # The crawl is still worth running: the store pipeline retries and spools what it cannot write.
            logger.warning(
                "cannot record crawl run %s of %s in crawl_runs (%s): crawling without a run record; "
                "check CARBONWATCH_DATABASE_URL and the database server",
                self.run_id,
                spider.name,
                exc,
            )
        if self.run_id is not None:
            self.crawler.stats.set_value(RUN_ID_STAT, self.run_id)
        self.crawler.carbonwatch_run_id = self.run_id
        logger.info("crawl run %s of %s started (trigger %s)", self.run_id, spider.name, self.trigger)

    def _open_row(self, spider: Any, host: str) -> None:
        from storage.models import CrawlRun

        with self._sessions().begin() as session:
            row = session.get(CrawlRun, self.run_id) if self.run_id else None
            if row is None:
                if self.run_id:
                    logger.warning("run %s not found in crawl_runs: recording this crawl as a new run", self.run_id)
                row = CrawlRun(source=run_source(spider), trigger=self.trigger, started_at=utcnow())
                session.add(row)
            row.status = "running"
            row.pid = os.getpid()
            # The host makes the pid meaningful: only this host may later judge the process dead.
            row.stats = {**(row.stats or {}), HOST_STAT: host}
            if self.log_path and not row.log_path:
                row.log_path = self.log_path
            session.flush()
            self.run_id = row.id
            stale = interrupt_stale_runs(session, row.source, host=host, now=utcnow(), exclude_id=row.id)
        for run_id in stale:
            logger.warning(
                "run %s of %s was left running by a dead crawl process: marked interrupted", run_id, spider.name
            )

    def spider_error(self, failure: Any, response: Any, spider: Any) -> None:
        if len(self.messages) < MAX_ERROR_MESSAGES:
            url = getattr(response, "url", None)
            self.messages.append({"kind": "spider_error", "message": str(failure.value)[:500], "url": url})

    def spider_closed(self, spider: Any, reason: str) -> None:
        stats = self.crawler.stats.get_stats()
        outcome = summarise_stats(stats, reason, self.messages)
        self.outcome = outcome
        snapshot = jsonable_stats(stats)
        snapshot["finish_reason"] = reason
        if self.run_id is None:
            # The database was down when the crawl opened: no row exists; keep the record for the next crawl.
            kept = self._keep_pending(spider, outcome, snapshot)
            logger.warning(
                "crawl of %s not recorded in crawl_runs (database unavailable): %s",
                spider.name,
                f"its record is kept in {kept} for the next crawl to write" if kept else "its record is lost",
            )
        else:
            try:
                self._close_row(outcome, snapshot)
                self.recorded = True
            except SQLAlchemyError as exc:
                # Raising here would only add "Error caught on signal handler" and hide the crawl's own summary.
                kept = self._keep_pending(spider, outcome, snapshot)
                logger.warning(
                    "cannot complete crawl run %s in crawl_runs (%s): %s",
                    self.run_id,
                    exc,
                    f"its record is kept in {kept}; the next crawl that reaches the database completes it"
                    if kept
                    else f"it stays 'running' until the daemon or the next crawl of {spider.name} on this host "
                    "marks it interrupted; the stats are in this log",
                )
        logger.info(
            "crawl run %s of %s %s: new %d, revised %d, duplicate %d, unchanged %d, dropped %d, errors %d",
            self.run_id,
            spider.name,
            outcome.status,
            outcome.items_new,
            outcome.items_revised,
            outcome.items_duplicate,
            outcome.items_unchanged,
            sum(outcome.dropped.values()),
            sum(int(e.get("count", 1)) for e in outcome.errors),
        )

    def _keep_pending(self, spider: Any, outcome: RunOutcome, snapshot: dict[str, Any]) -> Path | None:
        """Keep the run record in the spool directory for the next crawl to write; the file, or None."""
        from carbonwatch.config import load_config
        from storage.spool import crawl_run_key, write_run_record

        directory = self.crawler.settings.get("CARBONWATCH_SPOOL_DIR") or str(load_config().spool_dir)
        record = {
            "run_id": self.run_id,
            "source": run_source(spider),
            "trigger": self.trigger,
            "pid": os.getpid(),
            "started_at": self.started_at.isoformat(),
            "finished_at": utcnow().isoformat(),
            "status": outcome.status,
            "exit_code": 0 if outcome.status == "success" else 1,
            "requests": outcome.requests,
            "responses": dict(outcome.responses),
            "items_new": outcome.items_new,
            "items_revised": outcome.items_revised,
            "items_duplicate": outcome.items_duplicate,
            "items_unchanged": outcome.items_unchanged,
            "dropped": dict(outcome.dropped),
            "flags_raised": outcome.flags_raised,
            "errors": list(outcome.errors),
            "stats": snapshot,
            "log_path": self.log_path,
        }
        try:
            self.pending_path = write_run_record(Path(directory), crawl_run_key(self.crawler), record)
        except OSError as exc:
            logger.error("cannot keep the record of this run in %s either: %s", directory, exc)
            return None
        return self.pending_path

    def _close_row(self, outcome: RunOutcome, snapshot: dict[str, Any]) -> None:
        from storage.models import CrawlRun

        with self._sessions().begin() as session:
            row = session.get(CrawlRun, self.run_id)
            if row is None:
                logger.error("run %s vanished from crawl_runs before the crawl ended", self.run_id)
                return
            row.finished_at = utcnow()
            row.status = outcome.status
            row.exit_code = 0 if outcome.status == "success" else 1
            row.requests = outcome.requests
            row.responses = dict(outcome.responses)
            row.items_new = outcome.items_new
            row.items_revised = outcome.items_revised
            row.items_duplicate = outcome.items_duplicate
            row.items_unchanged = outcome.items_unchanged
            row.dropped = dict(outcome.dropped)
            row.flags_raised = outcome.flags_raised
            row.errors = list(outcome.errors)
            row.stats = snapshot
            if self.log_path and not row.log_path:
                row.log_path = self.log_path


def progress_line(stats: dict[str, Any], name: str) -> str:
    """One progress line from live stats: pages fetched, items by outcome, drops and errors so far."""
    dropped = sum(_prefixed(stats, "carbonwatch/drop/").values())
    errors = sum(_prefixed(stats, "carbonwatch/errors/").values())
    return (
        f"{name}: {int(stats.get('response_received_count', 0))} pages, "
        f"{int(stats.get('carbonwatch/items/new', 0))} new, "
        f"{int(stats.get('carbonwatch/items/revised', 0))} revised, "
        f"{int(stats.get('carbonwatch/items/duplicate', 0))} duplicate, "
        f"{int(stats.get('carbonwatch/items/unchanged', 0))} unchanged, "
        f"{dropped} dropped, {errors} errors"
    )


class Progress:
    """A progress line every ``CARBONWATCH_PROGRESS_INTERVAL`` seconds: to stderr on a terminal, else the log."""

    def __init__(self, crawler: Any, interval: float) -> None:
        self.crawler = crawler
        self.interval = interval
        self.task: Any = None
        self.to_terminal = sys.stderr.isatty()

    @classmethod
    def from_crawler(cls, crawler: Any) -> Progress:
        interval = crawler.settings.getfloat("CARBONWATCH_PROGRESS_INTERVAL", 30.0)
        if interval <= 0:
            raise NotConfigured
        ext = cls(crawler, interval)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Any) -> None:
        from scrapy.utils.asyncio import create_looping_call

        self.task = create_looping_call(self.report, spider.name)
        # now=False: the first line comes after one interval, when there is something to say
        self.task.start(self.interval, now=False)

    def report(self, name: str) -> None:
        line = progress_line(self.crawler.stats.get_stats(), name)
        if self.to_terminal:
            sys.stderr.write(line + "\n")
        else:
            logger.info("progress %s", line)

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
