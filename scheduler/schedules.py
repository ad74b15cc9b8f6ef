"""Per-source crawl schedules and daemon options, read and validated from the ``[schedules]``/``[daemon]`` tables.

Two kinds of source are scheduled, one job each: the built-in spiders (``sina_finance``, ``ndrc`` …, the job runs
``carbonwatch crawl <spider>``) and every enabled ``[[source]]`` of the sources file (``CARBONWATCH_SOURCES_FILE``,
the job runs ``carbonwatch crawl <feed|site> -a source=<name>``). The ``feed`` and ``site`` spiders themselves are
never scheduled: that would crawl their sources a second time.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from carbonwatch.config import Config, ConfigError
from carbonwatch.schedule_text import crontab_trigger as crontab_trigger  # re-exported for older callers
from carbonwatch.schedule_text import parse_schedule as parse_source_schedule
from crawler.sources import Source, SourceError, load_sources


class ScheduleError(ConfigError):
    """A ``[schedules.<source>]`` or ``[daemon]`` entry is malformed."""


# How often each built-in spider is crawled and how long a quiet spell may last before `status` calls the
# source unhealthy. Sina publishes around the clock; ministries publish a few documents a week.
DEFAULT_SCHEDULES: dict[str, dict[str, Any]] = {
    "sina_finance": {"interval_minutes": 10, "expected_update_hours": 6},
    "ndrc": {"interval_minutes": 60, "expected_update_hours": 96},
    "gov_cn": {"interval_minutes": 60, "expected_update_hours": 72},
    "mee": {"interval_minutes": 60, "expected_update_hours": 96},
}

# The spiders that crawl the configured sources of their kind. They get no job of their own; these defaults,
# overridden by ``[schedules.feed]`` / ``[schedules.site]``, apply to each source of that kind that sets no
# ``schedule`` or ``expected_update_hours`` itself.
SOURCE_KIND_DEFAULTS: dict[str, dict[str, Any]] = {
    "feed": {"interval_minutes": 30, "expected_update_hours": 48},
    "site": {"interval_minutes": 60, "expected_update_hours": 48},
}
TRIGGER_KEYS = ("cron", "interval_minutes", "interval_seconds")

SCHEDULE_KEYS = frozenset({*TRIGGER_KEYS, "jitter", "timeout", "expected_update_hours", "enabled", "command"})
DAEMON_KEYS = frozenset(
    {
        "command",
        "source_command",
        "stop_grace_seconds",
        "max_concurrent",
        "failed_runs_unhealthy",
        "error_rate_unhealthy",
        "health_alerts_minutes",
        "timezone",
        "kill_grace_seconds",
        "serve",
        "serve_host",
        "serve_port",
    }
)

# The crawl command the daemon spawns; {source} and {run_id} are substituted in every argument.
DEFAULT_COMMAND: tuple[str, ...] = (
    sys.executable,
    "-m",
    "carbonwatch",
    "crawl",
    "{source}",
    "--trigger",
    "daemon",
    "--run-id",
    "{run_id}",
)
# The command for a configured source: {spider} is its kind (feed or site), {source} its name.
SOURCE_COMMAND: tuple[str, ...] = (
    sys.executable,
    "-m",
    "carbonwatch",
    "crawl",
    "{spider}",
    "-a",
    "source={source}",
    "--trigger",
    "daemon",
    "--run-id",
    "{run_id}",
)


@dataclass(frozen=True)
class SourceSchedule:
    """When one source is crawled, how long a crawl may take, and when its silence becomes suspicious."""

    source: str
    cron: str | None = None
    interval_seconds: float | None = None
    jitter: int = 0
    timeout: float = 1800.0
    expected_update_hours: float = 24.0
    enabled: bool = True
    command: tuple[str, ...] | None = None  # None: the daemon's command (or source_command)
    spider: str | None = None  # configured sources: the spider of their kind; None: the source is a spider

    @property
    def spider_name(self) -> str:
        """The spider that crawls this source."""
        return self.spider or self.source

    def trigger(self, timezone: str = "UTC", *, start_date: datetime | None = None) -> BaseTrigger:
        """The APScheduler trigger for this schedule.

        ``start_date`` (when the job is installed) is kept in the stored trigger: `status` reads it to give a
        source that has not run yet one period of grace.
        """
        jitter = self.jitter or None
        if self.cron is not None:
            trigger = crontab_trigger(self.cron, timezone)
            trigger.jitter = jitter  # the crontab form takes no jitter or start_date argument
            if start_date is not None:
                trigger.start_date = start_date.astimezone(trigger.timezone)
            return trigger
        assert self.interval_seconds is not None  # guaranteed by parse_schedule
        return IntervalTrigger(seconds=self.interval_seconds, timezone=timezone, jitter=jitter, start_date=start_date)

    def describe(self) -> str:
        """A short text naming the trigger; stored as the job name so a changed schedule is noticed at start."""
        when = f"cron '{self.cron}'" if self.cron is not None else f"every {self.interval_seconds:g}s"
        return f"{self.source}: {when}" + (f" jitter {self.jitter}s" if self.jitter else "")


@dataclass(frozen=True)
class DaemonOptions:
    """Daemon-wide settings from the ``[daemon]`` table."""

    command: tuple[str, ...] = DEFAULT_COMMAND
    source_command: tuple[str, ...] = SOURCE_COMMAND  # for configured sources
    stop_grace_seconds: float = 30.0  # a running crawl may finish this long after SIGTERM before it is killed
    kill_grace_seconds: float = 5.0  # after SIGTERM to a crawl's process group, SIGKILL follows this much later
    max_concurrent: int = 3  # crawl processes at once across all sources
    failed_runs_unhealthy: int = 3  # this many failed runs in a row make a source unhealthy
    error_rate_unhealthy: float = 0.5  # a last run with errors on more than this share of its requests: unhealthy
    health_alerts_minutes: float = 0.0  # judge every source this often and alert the notify targets (0: never)
    timezone: str = "UTC"  # for cron expressions
    serve: bool = False  # also run the web console (`carbonwatch serve`) as a child process
    serve_host: str = "127.0.0.1"
    serve_port: int = 8787


def _number(where: str, key: str, raw: Any, *, minimum: float = 0.0, strict: bool = True) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise ScheduleError(f"{where}.{key} must be a number, got {raw!r}")
    if raw < minimum or (strict and raw == minimum):
        raise ScheduleError(f"{where}.{key} must be {'>' if strict else '>='} {minimum:g}, got {raw!r}")
    return float(raw)


def _share(where: str, key: str, raw: Any) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not 0 < raw <= 1:
        raise ScheduleError(f"{where}.{key} must be a share above 0 and at most 1 (0.5 = half), got {raw!r}")
    return float(raw)


def _command(where: str, raw: Any, key: str = "command") -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw or not all(isinstance(x, str) and x for x in raw):
        raise ScheduleError(f"{where}.{key} must be a non-empty list of strings (an argv), got {raw!r}")
    return tuple(raw)


def parse_schedule(source: str, table: Mapping[str, Any], *, default_timeout: float) -> SourceSchedule:
    """Validate one ``[schedules.<source>]`` table (merged over the built-in default for that source)."""
    where = f"[schedules.{source}]"
    unknown = sorted(set(table) - SCHEDULE_KEYS)
    if unknown:
        raise ScheduleError(
            f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(SCHEDULE_KEYS))}"
        )
    kinds = [k for k in TRIGGER_KEYS if k in table]
    if len(kinds) > 1:
        raise ScheduleError(f"{where}: give only one of cron, interval_minutes, interval_seconds (got {kinds})")
    if not kinds:
        raise ScheduleError(f'{where}: needs cron = "*/30 * * * *" or interval_minutes = 30')
    cron: str | None = None
    interval: float | None = None
    if "cron" in table:
        cron = table["cron"]
        if not isinstance(cron, str):
            raise ScheduleError(f'{where}.cron must be a string like "*/30 * * * *", got {cron!r}')
        try:
            crontab_trigger(cron, "UTC")
        except ValueError as exc:
            raise ScheduleError(f"{where}.cron {cron!r} is not a 5-field crontab expression: {exc}") from exc
    elif "interval_minutes" in table:
        interval = _number(where, "interval_minutes", table["interval_minutes"]) * 60
    else:
        interval = _number(where, "interval_seconds", table["interval_seconds"])
    enabled = table.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ScheduleError(f"{where}.enabled must be true or false, got {enabled!r}")
    jitter = table.get("jitter", 0)
    if isinstance(jitter, bool) or not isinstance(jitter, int) or jitter < 0:
        raise ScheduleError(f"{where}.jitter must be a whole number of seconds >= 0, got {jitter!r}")
    return SourceSchedule(
        source=source,
        cron=cron,
        interval_seconds=interval,
        jitter=jitter,
        timeout=_number(where, "timeout", table.get("timeout", default_timeout)),
        expected_update_hours=_number(where, "expected_update_hours", table.get("expected_update_hours", 24)),
        enabled=enabled,
        command=_command(where, table["command"]) if "command" in table else None,
    )


def _overlay(merged: dict[str, Any], table: Mapping[str, Any]) -> None:
    # A table naming a trigger replaces the inherited trigger as a whole (cron and interval exclude each other).
    if any(k in table for k in TRIGGER_KEYS):
        for k in TRIGGER_KEYS:
            merged.pop(k, None)
    merged.update(table)


def _table(raw: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    table = raw.get(name, {})
    if not isinstance(table, Mapping):
        raise ScheduleError(f"[schedules.{name}] must be a table, got {table!r}")
    return table


def configured_sources(config: Config, spiders: frozenset[str] = frozenset()) -> list[Source]:
    """The ``[[source]]`` entries of the sources file (none without one); a bad file is a :class:`ScheduleError`.

    A source named like a spider (built in, a kind, or one of ``spiders``) makes the file bad too: runs and jobs are
    keyed by name. Callers that go on without the configured sources (the daemon, ``crawl --all``) catch it here.
    """
    try:
        sources = load_sources(config.sources_file)
    except SourceError as exc:
        raise ScheduleError(f"sources file: {exc}") from exc
    _refuse_spider_names(sources, set(DEFAULT_SCHEDULES) | set(SOURCE_KIND_DEFAULTS) | set(spiders))
    return sources


def _refuse_spider_names(sources: list[Source], spiders: set[str]) -> None:
    clashes = sorted(s.name for s in sources if s.name in spiders)
    if clashes:
        raise ScheduleError(
            f"sources file: source name(s) {', '.join(clashes)} are spider names; runs and jobs are keyed by "
            "name, so rename the source(s)"
        )


def source_table(source: Source) -> dict[str, Any]:
    """The schedule keys a ``[[source]]`` entry sets itself (``schedule``, ``expected_update_hours``)."""
    table: dict[str, Any] = {}
    if source.schedule is not None:
        kind, value = parse_source_schedule(source.schedule)  # validated when the file was loaded
        table["cron" if kind == "cron" else "interval_seconds"] = value
    if source.expected_update_hours is not None:
        table["expected_update_hours"] = source.expected_update_hours
    return table


def load_schedules(
    config: Config,
    *,
    known_sources: frozenset[str] | None = None,
    sources: list[Source] | None = None,
    skipped: list[str] | None = None,
) -> list[SourceSchedule]:
    """Every source's schedule, sorted by source name: built-in spiders and configured sources.

    Built-in spider: its default below, overridden key by key by ``[schedules.<spider>]``. A spider that is not
    built in may be scheduled only when ``known_sources`` (the spider names) contains it, so a typo in a table
    name is an error instead of a job that fails every ten minutes.

    Configured source (``sources``, default: the sources file of ``config``): the default of its kind, then
    ``[schedules.<kind>]``, then the entry's own ``schedule``/``expected_update_hours``, then
    ``[schedules.<source name>]``. It is enabled when the entry is and ``[schedules.<kind>]`` does not say
    ``enabled = false``; ``[schedules.<source name>].enabled`` decides over both.

    With a ``skipped`` list (the caller could not read the sources file, so a table may name one of its sources),
    a table naming no spider or known source is described there and left out instead of raising.
    """
    raw = config.extra.get("schedules", {})
    if not isinstance(raw, Mapping):
        raise ScheduleError("[schedules] must be a table of [schedules.<source>] tables")
    if sources is None:
        sources = configured_sources(config)
    _refuse_spider_names(sources, set(DEFAULT_SCHEDULES) | set(SOURCE_KIND_DEFAULTS) | set(known_sources or ()))
    names = {s.name for s in sources}
    allowed = set(DEFAULT_SCHEDULES) | set(known_sources or ())
    schedules = []
    for source in sorted((set(DEFAULT_SCHEDULES) | set(raw)) - set(SOURCE_KIND_DEFAULTS) - names):
        if known_sources is not None and source not in known_sources and source not in raw:
            continue  # a built-in default whose spider is not in this build: nothing to schedule
        table = _table(raw, source)
        if source not in allowed:
            known = sorted(allowed | set(SOURCE_KIND_DEFAULTS) | names)
            message = f"[schedules.{source}]: no spider or configured source named {source!r}"
            if skipped is not None:
                skipped.append(f"{message} (the sources file could not be read): table skipped")
                continue
            raise ScheduleError(f"{message}; known: {', '.join(known)}")
        merged = dict(DEFAULT_SCHEDULES.get(source, {}))
        _overlay(merged, table)
        schedules.append(parse_schedule(source, merged, default_timeout=float(config.crawl_timeout)))
    for kind, defaults in SOURCE_KIND_DEFAULTS.items():
        # Validated even when no source of that kind exists, so a typo shows before the first source is added.
        kind_merged = dict(defaults)
        _overlay(kind_merged, _table(raw, kind))
        parse_schedule(kind, kind_merged, default_timeout=float(config.crawl_timeout))
    for src in sources:
        if known_sources is not None and src.kind not in known_sources:
            continue  # the spider of this kind is not in this build
        kind_table = _table(raw, src.kind)
        merged = dict(SOURCE_KIND_DEFAULTS[src.kind])
        _overlay(merged, kind_table)
        _overlay(merged, source_table(src))
        merged["enabled"] = src.enabled and merged.get("enabled", True) is not False
        _overlay(merged, _table(raw, src.name))
        try:
            schedule = parse_schedule(src.name, merged, default_timeout=float(config.crawl_timeout))
        except ScheduleError as exc:
            raise ScheduleError(f"source {src.name!r} ({config.sources_file}): {exc}") from exc
        schedules.append(replace(schedule, spider=src.kind))
    return sorted(schedules, key=lambda s: s.source)


def load_daemon_options(config: Config) -> DaemonOptions:
    """The ``[daemon]`` table, validated."""
    raw = config.extra.get("daemon", {})
    if not isinstance(raw, Mapping):
        raise ScheduleError("[daemon] must be a table")
    unknown = sorted(set(raw) - DAEMON_KEYS)
    if unknown:
        raise ScheduleError(f"[daemon]: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(DAEMON_KEYS))}")
    opts = DaemonOptions()
    max_concurrent = raw.get("max_concurrent", opts.max_concurrent)
    if isinstance(max_concurrent, bool) or not isinstance(max_concurrent, int) or max_concurrent < 1:
        raise ScheduleError(f"[daemon].max_concurrent must be a whole number >= 1, got {max_concurrent!r}")
    failed = raw.get("failed_runs_unhealthy", opts.failed_runs_unhealthy)
    if isinstance(failed, bool) or not isinstance(failed, int) or failed < 1:
        raise ScheduleError(f"[daemon].failed_runs_unhealthy must be a whole number >= 1, got {failed!r}")
    timezone = raw.get("timezone", opts.timezone)
    try:
        CronTrigger(timezone=timezone)
    except Exception as exc:  # APScheduler raises several types for a bad zone name
        raise ScheduleError(f"[daemon].timezone {timezone!r} is not a known time zone: {exc}") from exc
    return DaemonOptions(
        command=_command("[daemon]", raw["command"]) if "command" in raw else opts.command,
        source_command=_command("[daemon]", raw["source_command"], "source_command")
        if "source_command" in raw
        else opts.source_command,
        stop_grace_seconds=_number(
            "[daemon]", "stop_grace_seconds", raw.get("stop_grace_seconds", opts.stop_grace_seconds), strict=False
        ),
        kill_grace_seconds=_number(
            "[daemon]", "kill_grace_seconds", raw.get("kill_grace_seconds", opts.kill_grace_seconds), strict=False
        ),
        max_concurrent=max_concurrent,
        failed_runs_unhealthy=failed,
        error_rate_unhealthy=_share(
            "[daemon]", "error_rate_unhealthy", raw.get("error_rate_unhealthy", opts.error_rate_unhealthy)
        ),
        health_alerts_minutes=_number(
            "[daemon]",
            "health_alerts_minutes",
            raw.get("health_alerts_minutes", opts.health_alerts_minutes),
            strict=False,
        ),
        timezone=str(timezone),
        **_serve_options(raw, opts),
    )


def _serve_options(raw: Mapping[str, Any], opts: DaemonOptions) -> dict[str, Any]:
    """``serve``, ``serve_host`` and ``serve_port`` of the ``[daemon]`` table, validated."""
    serve = raw.get("serve", opts.serve)
    if not isinstance(serve, bool):
        raise ScheduleError(f"[daemon].serve must be true or false, got {serve!r}")
    host = raw.get("serve_host", opts.serve_host)
    if not isinstance(host, str) or not host.strip():
        raise ScheduleError(f"[daemon].serve_host must be a host name or address, got {host!r}")
    port = raw.get("serve_port", opts.serve_port)
    if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
        raise ScheduleError(f"[daemon].serve_port must be a port number 1-65535, got {port!r}")
    return {"serve": serve, "serve_host": host.strip(), "serve_port": port}


def expand_command(template: tuple[str, ...], *, source: str, run_id: int, spider: str | None = None) -> list[str]:
    """The argv for one run: ``{source}``, ``{spider}`` (default: the source) and ``{run_id}`` replaced."""
    return [
        arg.replace("{source}", source).replace("{spider}", spider or source).replace("{run_id}", str(run_id))
        for arg in template
    ]


def command_for(schedule: SourceSchedule, options: DaemonOptions, run_id: int) -> list[str]:
    """The argv the daemon spawns for one run of ``schedule``: its own command, else the daemon's for its kind."""
    template = schedule.command or (options.source_command if schedule.spider else options.command)
    return expand_command(template, source=schedule.source, run_id=run_id, spider=schedule.spider_name)
