"""Schedule and daemon-option validation: defaults, overrides and clear errors."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from carbonwatch.config import Config
from scheduler.schedules import (
    DEFAULT_COMMAND,
    ScheduleError,
    expand_command,
    load_daemon_options,
    load_schedules,
)


def _config(**extra: Any) -> Config:
    return replace(Config(), extra=extra)


def _by_source(config: Config, known: frozenset[str] | None = None) -> dict[str, Any]:
    return {s.source: s for s in load_schedules(config, known_sources=known)}


def test_defaults_cover_every_builtin_spider() -> None:
    schedules = _by_source(_config())
    assert set(schedules) == {"sina_finance", "ndrc", "gov_cn", "mee"}
    assert schedules["sina_finance"].interval_seconds == 600
    assert schedules["ndrc"].interval_seconds == 3600
    assert all(s.enabled and s.cron is None and s.spider is None for s in schedules.values())


def test_default_timeout_is_the_crawl_timeout_setting() -> None:
    schedules = _by_source(replace(_config(), crawl_timeout=99))
    assert schedules["mee"].timeout == 99


def test_cron_replaces_the_default_interval() -> None:
    schedule = _by_source(_config(schedules={"ndrc": {"cron": "*/30 * * * *", "jitter": 20}}))["ndrc"]
    assert schedule.cron == "*/30 * * * *"
    assert schedule.interval_seconds is None
    assert isinstance(schedule.trigger(), CronTrigger)
    assert schedule.trigger().jitter == 20


def test_interval_override_keeps_other_defaults() -> None:
    schedule = _by_source(_config(schedules={"sina_finance": {"interval_minutes": 5}}))["sina_finance"]
    assert schedule.interval_seconds == 300
    assert isinstance(schedule.trigger(), IntervalTrigger)
    assert schedule.expected_update_hours == 6


def test_disabled_source_is_kept_but_marked() -> None:
    assert _by_source(_config(schedules={"mee": {"enabled": False}}))["mee"].enabled is False


def test_extra_source_needs_a_spider_of_that_name() -> None:
    with pytest.raises(ScheduleError, match="no spider or configured source named 'nosuch'"):
        load_schedules(_config(schedules={"nosuch": {"interval_minutes": 5}}))
    assert "nosuch" in _by_source(_config(schedules={"nosuch": {"interval_minutes": 5}}), frozenset({"nosuch"}))


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"cron": "every day"}, "not a 5-field crontab"),
        ({"cron": "*/5 * * * *", "interval_minutes": 5}, "only one of"),
        ({"interval_minutes": 0}, "must be > 0"),
        ({"interval_minutes": "10"}, "must be a number"),
        ({"jitter": -1}, "jitter"),
        ({"timeout": 0}, "timeout"),
        ({"enabled": "yes"}, "enabled must be true or false"),
        ({"intervall_minutes": 5}, "unknown key"),
        ({"command": "python crawl.py"}, "list of strings"),
    ],
)
def test_bad_schedule_is_a_clear_error(table: dict[str, Any], message: str) -> None:
    with pytest.raises(ScheduleError, match=message):
        load_schedules(_config(schedules={"ndrc": table}))


def test_daemon_options_default() -> None:
    options = load_daemon_options(_config())
    assert options.command == DEFAULT_COMMAND
    assert options.stop_grace_seconds == 30
    assert options.failed_runs_unhealthy == 3


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"max_concurrent": 0}, "max_concurrent"),
        ({"timezone": "Mars/Olympus"}, "time zone"),
        ({"grace": 3}, "unknown key"),
        ({"failed_runs_unhealthy": 1.5}, "failed_runs_unhealthy"),
    ],
)
def test_bad_daemon_option_is_a_clear_error(table: dict[str, Any], message: str) -> None:
    with pytest.raises(ScheduleError, match=message):
        load_daemon_options(_config(daemon=table))


def test_default_command_runs_the_crawl_cli_for_one_source_and_run() -> None:
    argv = expand_command(DEFAULT_COMMAND, source="ndrc", run_id=42)
    assert argv[1:] == ["-m", "carbonwatch", "crawl", "ndrc", "--trigger", "daemon", "--run-id", "42"]
    assert "{source}" not in " ".join(argv)


def test_default_without_its_spider_is_not_scheduled() -> None:
    schedules = _by_source(_config(), frozenset({"sina_finance", "ndrc"}))
    assert set(schedules) == {"sina_finance", "ndrc"}
