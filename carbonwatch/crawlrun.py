"""Run crawls in this process: one crawl_runs row and one log file per source, one after another.

A source is a built-in spider (``sina_finance``: the row and log are named after the spider) or a configured
source of the sources file (``sina-finance-rss``: the ``feed`` spider runs with ``source=sina-finance-rss`` and the
row and log are named after the source), so cron's ``crawl --all`` records the same sources as the daemon.

``run_crawl`` starts the Twisted reactor, so it can be called once per process (``ReactorNotRestartable``): the
``carbonwatch crawl`` / ``import`` / ``demo`` commands are that process, and the daemon spawns one per run.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from carbonwatch.config import Config
from carbonwatch.logsetup import run_logging
from crawler.items import utcnow
from scheduler.lock import AlreadyRunning, SourceLock, source_lock_path

logger = logging.getLogger(__name__)

TRIGGERS = ("manual", "cron", "daemon", "demo", "import")
SETTINGS_MODULE = "crawler.settings"
# Spiders that crawl the configured sources of their kind; ``-a source=NAME`` names the run after the source.
SOURCE_KIND_SPIDERS = frozenset({"feed", "site"})


class CrawlSetupError(ValueError):
    """The crawl cannot start: unknown spider, bad arguments."""


@dataclass(frozen=True)
class CrawlTarget:
    """One run: the spider, its own arguments, and the source its crawl_runs row and log file are named after."""

    source: str
    spider: str
    args: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, spider: str, spider_args: dict[str, Any] | None = None) -> CrawlTarget:
        """A spider given by name; ``feed``/``site`` with a ``source`` argument run as that source."""
        named = (spider_args or {}).get("source")
        if spider in SOURCE_KIND_SPIDERS and isinstance(named, str) and named:
            return cls(named, spider)
        return cls(spider, spider)


@dataclass
class SpiderSummary:
    """What one spider's run did (the fields of its crawl_runs row that operators read first)."""

    spider: str
    run_id: int | None
    status: str
    new: int = 0
    revised: int = 0
    duplicate: int = 0
    unchanged: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    flags: int = 0
    requests: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    log_path: str | None = None
    spooled: int = 0  # items kept in the local spool (database unavailable); the next crawl writes them
    # Why the run has no crawl_runs row yet (the database was unavailable), and where its record waits for one.
    unrecorded: str | None = None
    pending_record: str | None = None


@dataclass
class RunSummary:
    """Every spider's summary, in the order they ran."""

    runs: list[SpiderSummary] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every spider ran and succeeded."""
        return bool(self.runs) and all(r.status == "success" for r in self.runs)


def available_spiders(settings: Any | None = None) -> list[str]:
    """The names of the project's spiders (``scrapy list``)."""
    from scrapy.spiderloader import get_spider_loader

    loader = get_spider_loader(settings if settings is not None else crawl_settings())
    return sorted(loader.list())


def enabled_targets(config: Config, problems: list[str] | None = None) -> list[CrawlTarget]:
    """What ``crawl --all`` runs: exactly the enabled sources the daemon schedules, each as its own run.

    Built-in spiders as themselves; each enabled configured source as ``feed``/``site`` with ``source=<name>``
    (never the whole ``feed``/``site`` spider on top). Same rules as :func:`scheduler.schedules.load_schedules`.
    With a ``problems`` list, a broken sources file is reported there and the built-in spiders still run (a typo
    in one configured source must not stop Sina and the ministries from being crawled); without one it raises.
    """
    from scheduler.schedules import ScheduleError, configured_sources, load_schedules

    sources = None
    skipped: list[str] | None = None
    if problems is not None:
        try:
            sources = configured_sources(config, frozenset(available_spiders()))
        except ScheduleError as exc:
            problems.append(f"{exc} (configured sources skipped; the built-in spiders still run)")
            sources = []
            skipped = problems  # a [schedules.<source>] table of one of those sources is reported, not fatal
    try:
        schedules = load_schedules(
            config, known_sources=frozenset(available_spiders()), sources=sources, skipped=skipped
        )
    except ScheduleError as exc:
        raise CrawlSetupError(f"configuration error: {exc}") from exc
    return [
        CrawlTarget(s.source, s.spider, (("source", s.source),)) if s.spider else CrawlTarget(s.source, s.source)
        for s in schedules
        if s.enabled
    ]


def resolve_targets(
    names: Sequence[str], config: Config, spider_args: dict[str, Any] | None = None
) -> list[CrawlTarget]:
    """Targets for names given on the command line: spider names, or configured source names (sources file)."""
    spiders = set(available_spiders())
    targets = []
    sources: dict[str, Any] | None = None
    for name in names:
        if name in spiders:
            targets.append(CrawlTarget.of(name, spider_args))
            continue
        if sources is None:
            from crawler.sources import SourceError, load_sources

            try:
                sources = {s.name: s for s in load_sources(config.sources_file)}
            except SourceError as exc:
                raise CrawlSetupError(f"{name!r} is not a spider, and the sources file is unusable: {exc}") from exc
        src = sources.get(name)
        if src is None:
            raise CrawlSetupError(unknown_name(name, spiders, set(sources)))
        targets.append(CrawlTarget(name, src.kind, (("source", name),)))
    return targets


def unknown_name(name: str, spiders: set[str], sources: set[str], label: str = "configured sources") -> str:
    """What to say about a name that is neither a spider nor one of ``sources`` (called ``label``)."""
    import difflib

    close = difflib.get_close_matches(name, sorted(spiders | sources), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    listed = f"spiders: {', '.join(sorted(spiders))}; {label}: {', '.join(sorted(sources)) or 'none'}"
    return f"unknown spider or source {name!r}{hint}; {listed}"


def crawl_settings(
    config: Config | None = None,
    *,
    trigger: str = "manual",
    settings: dict[str, Any] | None = None,
    host_map: dict[str, str] | None = None,
) -> Any:
    """The project's Scrapy settings with the values of ``config`` and the overrides applied."""
    from scrapy.settings import Settings

    result = Settings()
    result.setmodule(SETTINGS_MODULE, priority="project")
    if config is not None:
        result.setdict(
            {
                "CARBONWATCH_DATABASE_URL": config.database_url,
                "CARBONWATCH_SINA_LIDS": list(config.sina_lids),
                "CARBONWATCH_SINA_PAGE_SIZE": config.sina_page_size,
                "CARBONWATCH_SINA_MAX_PAGES": config.sina_max_pages,
                "USER_AGENT": config.user_agent,
                "DOWNLOAD_DELAY": config.download_delay,
                "AUTOTHROTTLE_START_DELAY": config.download_delay,
                "CONCURRENT_REQUESTS_PER_DOMAIN": config.concurrent_requests_per_domain,
                # A soft stop before the daemon's hard kill, so the run record is still written ("timeout").
                "CLOSESPIDER_TIMEOUT": max(60, config.crawl_timeout - 60),
                "CARBONWATCH_RULES_FILE": str(config.rules_file) if config.rules_file else None,
                "CARBONWATCH_SOURCES_FILE": str(config.sources_file) if config.sources_file else None,
                "CARBONWATCH_SPOOL_DIR": str(config.spool_dir),
                "LOG_LEVEL": config.log_level,
            },
            priority="cmdline",
        )
    result.set("CARBONWATCH_TRIGGER", trigger, priority="cmdline")
    if host_map:
        result.set("CARBONWATCH_HOST_MAP", dict(host_map), priority="cmdline")
    if settings:
        result.setdict(settings, priority="cmdline")
    return result


def create_run_row(config: Config, source: str, trigger: str) -> int:
    """Insert a crawl_runs row (status running) and return its id."""
    from storage.db import open_store
    from storage.models import CrawlRun

    engine, sessions = open_store(config.database_url)
    try:
        with sessions.begin() as session:
            row = CrawlRun(source=source, trigger=trigger, status="running", pid=os.getpid(), started_at=utcnow())
            session.add(row)
            session.flush()
            return int(row.id)
    finally:
        engine.dispose()


def database_unavailable(exc: BaseException) -> bool:
    """True for a database that cannot be reached or opened now (worth crawling anyway), not a bad URL or schema."""
    from pipelines.store import is_transient

    return is_transient(exc)


def database_reason(exc: BaseException) -> str:
    """The driver's own first line for a database fault (no URL, so no password)."""
    from sqlalchemy.exc import DBAPIError

    cause = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    return next((line.strip() for line in str(cause).splitlines() if line.strip()), type(cause).__name__)


def _is_alembic(error: Exception) -> bool:
    """Alembic's errors (a database at a revision this version does not know): said like every command says them."""
    return type(error).__module__.startswith("alembic")


def check_given_run(config: Config, run_id: int, source: str) -> None:
    """Refuse a ``--run-id`` that names no row, a finished run or another source's run (it would be rewritten)."""
    from storage.db import open_store
    from storage.models import CrawlRun

    engine, sessions = open_store(config.database_url)
    try:
        with sessions() as session:
            row = session.get(CrawlRun, run_id)
    finally:
        engine.dispose()
    if row is None:
        raise CrawlSetupError(f"--run-id {run_id}: no such run (it is the daemon's; leave it out to start a new run)")
    if row.status != "running":
        raise CrawlSetupError(
            f"--run-id {run_id}: that run of {row.source} already ended ({row.status}); not rewriting it"
        )
    if row.source != source:
        raise CrawlSetupError(f"--run-id {run_id} is a run of {row.source}, not of {source}")


def fail_run_row(config: Config, run_id: int, message: str, log_path: str | None) -> None:
    """Mark a run failed when its crawl could not even start (the extension never saw it)."""
    from storage.db import open_store
    from storage.models import CrawlRun

    engine, sessions = open_store(config.database_url)
    try:
        with sessions.begin() as session:
            row = session.get(CrawlRun, run_id)
            if row is not None and row.status == "running":
                row.status = "failed"
                row.finished_at = utcnow()
                row.exit_code = 1
                row.errors = [*row.errors, {"kind": "startup", "message": message[:500]}]
                row.log_path = row.log_path or log_path
    finally:
        engine.dispose()


@contextmanager
def _quiet_console(level: int) -> Iterator[None]:
    """Raise the threshold of the console handlers while crawling: the details go to the run's log file."""
    changed: list[tuple[logging.Handler, int]] = []
    for handler in logging.getLogger().handlers:
        stream = getattr(handler, "stream", None)
        if stream in (sys.stderr, sys.stdout) and handler.level < level:
            changed.append((handler, handler.level))
            handler.setLevel(level)
    try:
        yield
    finally:
        for handler, old in changed:
            handler.setLevel(old)


def run_crawl(
    spiders: Sequence[str | CrawlTarget],
    config: Config,
    *,
    trigger: str,
    run_id: int | None = None,
    settings: dict[str, Any] | None = None,
    host_map: dict[str, str] | None = None,
    spider_args: dict[str, str] | None = None,
    console_level: int = logging.WARNING,
    spider_factory: Callable[[str], Any] | None = None,
) -> RunSummary:
    """Run ``spiders`` one after another in this process and return their summaries.

    Each entry is a spider name or a :class:`CrawlTarget`; ``feed``/``site`` given by name with a ``source``
    spider argument run as that source. ``run_id`` (only with one spider) is a crawl_runs row created by the
    caller (the daemon); otherwise one row per spider is created here. ``spider_factory`` maps a name to a
    spider class not in the project's spider modules (the importer). Call once per process.
    """
    from scrapy.crawler import AsyncCrawlerProcess, Crawler

    if trigger not in TRIGGERS:
        raise CrawlSetupError(f"unknown trigger {trigger!r} (one of {', '.join(TRIGGERS)})")
    if run_id is not None and len(spiders) != 1:
        raise CrawlSetupError("--run-id names one run: give exactly one spider")
    targets = [t if isinstance(t, CrawlTarget) else CrawlTarget.of(t, spider_args) for t in spiders]
    if run_id is not None:
        check_given_run(config, run_id, targets[0].source)
    base = crawl_settings(config, trigger=trigger, settings=settings, host_map=host_map)
    if spider_factory is None:
        known = set(available_spiders(base))
        unknown = [t.spider for t in targets if t.spider not in known]
        if unknown:
            raise CrawlSetupError(f"unknown spider(s): {', '.join(unknown)} (known: {', '.join(sorted(known))})")

    # Our handlers (the run's file, the CLI's console) receive everything; Scrapy must not add its own.
    base.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    with _quiet_console(console_level):
        return _run(
            process_cls=AsyncCrawlerProcess,
            crawler_cls=Crawler,
            base=base,
            targets=targets,
            config=config,
            trigger=trigger,
            run_id=run_id,
            spider_args=spider_args,
            spider_factory=spider_factory,
        )


def _run(
    *,
    process_cls: Any,
    crawler_cls: Any,
    base: Any,
    targets: list[CrawlTarget],
    config: Config,
    trigger: str,
    run_id: int | None,
    spider_args: dict[str, str] | None,
    spider_factory: Callable[[str], Any] | None,
) -> RunSummary:
    process = process_cls(base)
    summary = RunSummary()

    async def run_one(target: CrawlTarget, given_id: int | None) -> SpiderSummary:
        # The row, the log file and the summary line are the source's; the spider may be feed/site.
        name = target.source
        if config.redis_url:
            # Scaled out (scrapy-redis): the workers of one batch crawl a source together on purpose.
            return await crawl_locked(target, given_id)
        lock = SourceLock(source_lock_path(config.database_url, config.spool_dir, name))
        try:
            lock.acquire()
        except AlreadyRunning as exc:
            # A crawl orphaned by a killed daemon, or cron's beside the daemon's: never fetch everything twice.
            message = f"not crawling {name}: {exc}"
            logger.warning("%s", message)
            if given_id is not None:
                fail_run_row(config, given_id, message, None)
            return SpiderSummary(name, given_id, "skipped", errors=[{"kind": "already_running", "message": message}])
        except OSError as exc:
            logger.warning("cannot lock %s against a second crawl (%s): crawling without the lock", name, exc)
        try:
            return await crawl_locked(target, given_id)
        finally:
            lock.release()

    async def crawl_locked(target: CrawlTarget, given_id: int | None) -> SpiderSummary:
        name = target.source
        rid, unrecorded = given_id, None
        if rid is None:
            try:
                rid = create_run_row(config, name, trigger)
            except SQLAlchemyError as exc:
                if not database_unavailable(exc):
                    raise
                # Crawl anyway: the items go to the spool and the run's record waits there for the database.
                unrecorded = database_reason(exc)
                logger.warning(
                    "database unavailable (%s): crawling %s anyway; items and the run record go to the spool in %s",
                    unrecorded,
                    name,
                    config.spool_dir,
                )
        key = rid if rid is not None else f"{utcnow():%Y%m%dT%H%M%S}-{os.getpid()}-{len(summary.runs)}"
        with run_logging(config, name, key) as handler:
            log_path = None if handler.failed else str(handler.path)
            per_spider = base.copy()
            if rid is not None:
                per_spider.set("CARBONWATCH_RUN_ID", rid, priority="cmdline")
            else:
                per_spider.set("CARBONWATCH_RUN_KEY", key, priority="cmdline")
            per_spider.set("CARBONWATCH_LOG_PATH", log_path, priority="cmdline")
            spidercls = spider_factory(target.spider) if spider_factory else process.spider_loader.load(target.spider)
            crawler = crawler_cls(spidercls, per_spider)
            try:
                await process.crawl(crawler, **{**(spider_args or {}), **dict(target.args)})
            except Exception as exc:
                logger.exception("crawl of %s (run %s) could not run", name, key)
                if rid is not None:
                    fail_run_row(config, rid, f"{type(exc).__name__}: {exc}", log_path)
                return SpiderSummary(
                    name, rid, "failed", errors=[{"kind": "startup", "message": str(exc)}], unrecorded=unrecorded
                )
        from crawler.extensions import RunRecord

        ext = crawler.get_extension(RunRecord) if crawler.extensions else None
        outcome = ext.outcome if ext is not None else None
        if outcome is None:
            if rid is not None:
                fail_run_row(config, rid, "the crawl ended without a run record", log_path)
            return SpiderSummary(name, rid, "failed", log_path=log_path, unrecorded=unrecorded)
        if ext is not None and not ext.recorded:
            unrecorded = unrecorded or "database unavailable when the crawl ended"
        return SpiderSummary(
            spider=name,
            run_id=rid,
            status=outcome.status,
            new=outcome.items_new,
            revised=outcome.items_revised,
            duplicate=outcome.items_duplicate,
            unchanged=outcome.items_unchanged,
            dropped=dict(outcome.dropped),
            flags=outcome.flags_raised,
            requests=outcome.requests,
            errors=list(outcome.errors),
            log_path=log_path,
            spooled=outcome.items_spooled,
            unrecorded=unrecorded,
            pending_record=str(ext.pending_path) if ext is not None and ext.pending_path else None,
        )

    async def run_all() -> None:
        from twisted.internet import reactor as _reactor

        reactor: Any = _reactor
        try:
            for target in targets:
                summary.runs.append(await run_one(target, run_id))
        finally:
            if reactor.running:
                reactor.stop()

    loop = asyncio.get_event_loop()
    task = loop.create_task(run_all())
    process.start(stop_after_crawl=False)
    if task.done() and not task.cancelled() and task.exception() is not None:
        error = task.exception()
        if isinstance(error, SQLAlchemyError) or (isinstance(error, Exception) and _is_alembic(error)):
            raise error  # the database: the CLI says so in one line with its own exit code, as every command does
        raise CrawlSetupError(f"crawl runner failed: {error}")
    return summary
