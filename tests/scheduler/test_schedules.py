"""Schedule and daemon-option validation: defaults, overrides and clear errors."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from carbonwatch.config import Config
from crawler.sources import Source
from scheduler.schedules import (
    DEFAULT_COMMAND,
    ScheduleError,
    SourceSchedule,
    command_for,
    crontab_trigger,
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


# Configured sources (the sources file): one schedule each, never the generic feed/site spider job.


def _src(name: str, kind: str = "feed", **kw: Any) -> Source:
    return Source(name=name, kind=kind, urls=(f"https://{name}.example.cn/feed.xml",), **kw)


def _with_sources(config: Config, *sources: Source) -> dict[str, Any]:
    return {s.source: s for s in load_schedules(config, sources=list(sources))}


def test_configured_source_gets_its_own_schedule_from_the_sources_file() -> None:
    schedules = _with_sources(_config(), _src("sina-finance-rss", schedule="15m", expected_update_hours=6))
    schedule = schedules["sina-finance-rss"]
    assert (schedule.spider, schedule.interval_seconds, schedule.expected_update_hours) == ("feed", 900, 6)
    assert schedule.enabled


def test_configured_source_cron_schedule() -> None:
    schedule = _with_sources(_config(), _src("mee-site", "site", schedule="0 */2 * * *"))["mee-site"]
    assert schedule.cron == "0 */2 * * *"
    assert schedule.interval_seconds is None
    assert isinstance(schedule.trigger(), CronTrigger)


def test_generic_feed_and_site_spiders_are_not_scheduled() -> None:
    config = _config(schedules={"feed": {"interval_minutes": 5}, "site": {"interval_minutes": 5}})
    schedules = _with_sources(config, _src("a"), _src("b", "site"))
    assert "feed" not in schedules
    assert "site" not in schedules
    assert set(schedules) >= {"a", "b"}


def test_source_without_schedule_takes_its_kind_default() -> None:
    schedules = _with_sources(_config(), _src("a"), _src("b", "site"))
    assert (schedules["a"].interval_seconds, schedules["a"].expected_update_hours) == (1800, 48)
    assert schedules["b"].interval_seconds == 3600


def test_kind_table_sets_defaults_for_sources_of_that_kind() -> None:
    config = _config(schedules={"feed": {"cron": "*/20 * * * *", "timeout": 300}})
    schedules = _with_sources(config, _src("a"), _src("b", schedule="1h"), _src("c", "site"))
    assert (schedules["a"].cron, schedules["a"].timeout) == ("*/20 * * * *", 300)
    assert (schedules["b"].cron, schedules["b"].interval_seconds, schedules["b"].timeout) == (None, 3600, 300)
    assert schedules["c"].cron is None


def test_schedules_table_of_a_source_overrides_the_sources_file() -> None:
    config = _config(schedules={"a": {"cron": "5 * * * *", "expected_update_hours": 12}})
    schedule = _with_sources(config, _src("a", schedule="15m", expected_update_hours=6))["a"]
    assert (schedule.cron, schedule.interval_seconds, schedule.expected_update_hours) == ("5 * * * *", None, 12)


def test_disabled_source_is_kept_but_not_enabled() -> None:
    schedules = _with_sources(_config(), _src("on"), _src("off", enabled=False))
    assert schedules["on"].enabled
    assert not schedules["off"].enabled


def test_kind_table_can_disable_every_source_of_the_kind_but_a_source_table_decides() -> None:
    config = _config(schedules={"feed": {"enabled": False}, "b": {"enabled": True}})
    schedules = _with_sources(config, _src("a"), _src("b"), _src("c", "site"))
    assert not schedules["a"].enabled
    assert schedules["b"].enabled
    assert schedules["c"].enabled


def test_source_named_like_a_spider_is_refused() -> None:
    with pytest.raises(ScheduleError, match="ndrc are spider names"):
        load_schedules(_config(), sources=[_src("ndrc")])


def test_source_of_a_kind_whose_spider_is_absent_is_not_scheduled() -> None:
    schedules = load_schedules(
        _config(), known_sources=frozenset({"ndrc", "feed"}), sources=[_src("a"), _src("b", "site")]
    )
    assert [s.source for s in schedules] == ["a", "ndrc"]


def test_bad_kind_table_is_an_error_without_any_source() -> None:
    with pytest.raises(ScheduleError, match=r"\[schedules.site\].jitter"):
        load_schedules(_config(schedules={"site": {"jitter": -5}}), sources=[])


def test_sources_come_from_the_configured_sources_file(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text('[[source]]\nname = "x-rss"\nkind = "feed"\nurl = "https://x.example.cn/rss"\nschedule = "2h"\n')
    schedules = {s.source: s for s in load_schedules(replace(_config(), sources_file=path))}
    assert schedules["x-rss"].interval_seconds == 7200


def test_bad_sources_file_is_a_schedule_error(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text('[[source]]\nname = "x-rss"\nkind = "feed"\n')
    with pytest.raises(ScheduleError, match="missing 'url'"):
        load_schedules(replace(_config(), sources_file=path))


def test_configured_source_runs_its_kind_spider_with_the_source_argument() -> None:
    (schedule,) = [s for s in load_schedules(_config(), sources=[_src("sina-finance-rss")]) if s.spider]
    argv = command_for(schedule, load_daemon_options(_config()), 7)
    assert argv[1:] == [
        "-m",
        "carbonwatch",
        "crawl",
        "feed",
        "-a",
        "source=sina-finance-rss",
        "--trigger",
        "daemon",
        "--run-id",
        "7",
    ]


def test_builtin_spider_runs_the_daemon_command() -> None:
    schedule = _by_source(_config())["ndrc"]
    argv = command_for(schedule, load_daemon_options(_config()), 8)
    assert argv[3:5] == ["crawl", "ndrc"]
    assert "-a" not in argv


def test_source_command_option_and_spider_placeholder() -> None:
    options = load_daemon_options(_config(daemon={"source_command": ["run-{spider}", "{source}", "{run_id}"]}))
    (schedule,) = load_schedules(_config(), known_sources=frozenset({"feed"}), sources=[_src("a")])
    assert command_for(schedule, options, 3) == ["run-feed", "a", "3"]


def test_bad_source_command_is_a_clear_error() -> None:
    with pytest.raises(ScheduleError, match=r"\[daemon\].source_command must be"):
        load_daemon_options(_config(daemon={"source_command": "crawl"}))


@pytest.mark.parametrize(
    ("expr", "days"),
    [
        ("0 9 * * 0", "sun"),
        ("0 9 * * 7", "sun"),
        ("0 9 * * 1", "mon"),
        ("0 9 * * 1-5", "mon,tue,wed,thu,fri"),
        ("0 9 * * */2", "sun,tue,thu,sat"),
        ("0 9 * * 5,6", "fri,sat"),
        ("0 9 * * mon-fri", "mon-fri"),
        ("*/30 * * * *", "*"),
    ],
)
def test_cron_day_of_week_numbers_mean_what_crontab_means(expr: str, days: str) -> None:
    assert str(crontab_trigger(expr, "UTC").fields[4]) == days


def test_cron_monday_fires_on_a_monday() -> None:
    trigger = SourceSchedule("x", cron="0 9 * * 1").trigger("UTC")
    fire = trigger.get_next_fire_time(None, datetime(2026, 11, 22, tzinfo=UTC))  # a Sunday
    assert fire is not None
    assert (fire.strftime("%a"), fire.day) == ("Mon", 23)


@pytest.mark.parametrize("expr", ["0 9 * * 8", "0 9 * * 5-2", "0 9 * *"])
def test_bad_crontab_is_refused(expr: str) -> None:
    with pytest.raises(ScheduleError, match="not a 5-field crontab"):
        load_schedules(_config(schedules={"ndrc": {"cron": expr}}))


def test_python_m_scheduler_help_prints_help_and_starts_nothing(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.helpers import PROJECT_ROOT

    proc = subprocess.run(
        [sys.executable, "-m", "scheduler", "--help"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0
    assert "usage: python -m scheduler" in proc.stdout
    assert not (tmp_path / "carbonwatch.db").exists()


def test_unknown_source_table_is_skipped_when_the_caller_collects_skips() -> None:
    skipped: list[str] = []
    schedules = load_schedules(_config(schedules={"my-rss": {"interval_minutes": 5}}), sources=[], skipped=skipped)
    assert "my-rss" not in {s.source for s in schedules}
    assert "ndrc" in {s.source for s in schedules}
    assert skipped == [
        "[schedules.my-rss]: no spider or configured source named 'my-rss' (the sources file could not be read): "
        "table skipped"
    ]


@pytest.mark.parametrize("value", [0, 1.5, "half", True])
def test_bad_error_rate_share_is_a_clear_error(value: Any) -> None:
    with pytest.raises(ScheduleError, match=r"\[daemon\].error_rate_unhealthy must be a share above 0 and at most 1"):
        load_daemon_options(_config(daemon={"error_rate_unhealthy": value}))


def test_health_alerts_are_off_by_default_and_take_minutes() -> None:
    assert load_daemon_options(_config()).health_alerts_minutes == 0
    assert load_daemon_options(_config(daemon={"health_alerts_minutes": 15})).health_alerts_minutes == 15
    with pytest.raises(ScheduleError, match=r"\[daemon\].health_alerts_minutes must be >= 0"):
        load_daemon_options(_config(daemon={"health_alerts_minutes": -1}))
