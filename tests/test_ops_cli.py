"""``carbonwatch runs | status | logs | daemon``: output and exit codes, on a SQLite database in tmp_path."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from carbonwatch.cli import ops
from carbonwatch.config import Config
from scheduler.lock import InstanceLock
from scheduler.schedules import DEFAULT_SCHEDULES
from storage.db import open_store
from storage.models import Article, CrawlRun


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables as a 200-column terminal shows them: at the width of whatever runs the tests (80, or a pytest-xdist
    worker's), ``status`` leaves out columns these tests read."""
    monkeypatch.setenv("COLUMNS", "200")


def _now() -> datetime:
    """The real clock at the moment a test builds its rows: a module-level constant goes stale in a long suite."""
    return datetime.now(UTC)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="carbonwatch")
    ops.register(parser.add_subparsers())
    return parser


def _run(config: Config, *argv: str) -> int:
    args = _parser().parse_args(list(argv))
    code: int = args.func(args, config)
    return code


def _config(tmp_path: Path, db_url: str, only: str = "ndrc") -> Config:
    # Every source but one disabled, so `status` judges a single source.
    schedules: dict[str, Any] = {s: {"enabled": False} for s in DEFAULT_SCHEDULES if s != only}
    schedules[only] = {"interval_minutes": 60, "expected_update_hours": 24}
    return replace(Config(), database_url=db_url, log_dir=tmp_path / "logs", extra={"schedules": schedules})


def _add(config: Config, *rows: Any) -> None:
    engine, sessions = open_store(config.database_url)
    with sessions.begin() as session:
        session.add_all(rows)
    engine.dispose()


def _run_row(status: str, *, hours_ago: float, source: str = "ndrc", **kw: Any) -> CrawlRun:
    started = _now() - timedelta(hours=hours_ago)
    return CrawlRun(
        source=source,
        trigger="daemon",
        status=status,
        started_at=started,
        finished_at=started + timedelta(seconds=42),
        **kw,
    )


def _article(n: int, *, hours_ago: float, source: str = "ndrc") -> Article:
    seen = _now() - timedelta(hours=hours_ago)
    return Article(
        canonical_url=f"https://x.invalid/{n}",
        url=f"https://x.invalid/{n}",
        source=source,
        title=f"t{n}",
        html="<p>t</p>",
        text="t",
        content_hash="0" * 64,
        first_seen_at=seen,
        updated_at=seen,
    )


def test_daemon_subcommand_is_registered() -> None:
    args = _parser().parse_args(["daemon"])
    assert args.func is ops._daemon


def test_runs_lists_runs_newest_first(tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    config = _config(tmp_path, db_url)
    _add(
        config,
        _run_row("success", hours_ago=2, items_new=7, items_revised=1, items_duplicate=2, dropped={"short_text": 3}),
        _run_row("failed", hours_ago=1, errors=[{"kind": "daemon", "message": "crawl process exited with code 1"}]),
    )
    assert _run(config, "runs") == 0
    out = capsys.readouterr().out
    assert "7/1/2" in out
    assert "crawl process exited with code 1" in out
    assert "42.0s" in out
    assert out.index("failed") < out.index("success")


def test_runs_failed_filter_hides_successes(tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    config = _config(tmp_path, db_url)
    _add(config, _run_row("success", hours_ago=2, items_new=7), _run_row("timeout", hours_ago=1))
    assert _run(config, "runs", "--failed") == 0
    out = capsys.readouterr().out
    assert "timeout" in out
    assert "success" not in out


def test_runs_source_filter(tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    config = _config(tmp_path, db_url)
    _add(config, _run_row("success", hours_ago=2), _run_row("success", hours_ago=1, source="mee"))
    assert _run(config, "runs", "--source", "mee", "-n", "5") == 0
    out = capsys.readouterr().out
    assert "mee" in out
    assert "ndrc" not in out


def test_runs_on_empty_database(tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(_config(tmp_path, db_url), "runs") == 0
    assert "no crawl runs recorded" in capsys.readouterr().out


def test_status_healthy_exits_0(tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    config = _config(tmp_path, db_url)
    _add(config, _run_row("success", hours_ago=1), _article(1, hours_ago=1), _article(2, hours_ago=30))
    assert _run(config, "status") == 0
    out = capsys.readouterr().out
    assert "healthy" in out
    assert "UNHEALTHY" not in out
    assert "daemon not running" in out


def test_status_stale_source_exits_1(tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    config = _config(tmp_path, db_url)
    _add(config, _run_row("success", hours_ago=1), _article(1, hours_ago=30))
    assert _run(config, "status") == 1
    out = capsys.readouterr().out
    assert "UNHEALTHY" in out
    assert "no new item for" in out


def test_status_repeated_failures_exit_1(tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    config = _config(tmp_path, db_url)
    _add(config, _article(1, hours_ago=1), *[_run_row("failed", hours_ago=h) for h in (1, 2, 3)])
    assert _run(config, "status") == 1
    assert "last 3 runs failed" in capsys.readouterr().out


def test_status_changed_page_layout_exits_1(tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    config = _config(tmp_path, db_url)
    errors = [{"kind": "layout/empty_list", "count": 2}, {"kind": "http_404", "count": 1}]
    _add(config, _article(1, hours_ago=1), _run_row("success", hours_ago=1, errors=errors))
    assert _run(config, "status") == 1
    out = capsys.readouterr().out
    assert "UNHEALTHY" in out
    assert "page layout changed? 2 list page(s)" in out  # the table folds the rest of the line


def test_status_bad_schedule_exits_2(tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    config = replace(_config(tmp_path, db_url), extra={"schedules": {"ndrc": {"cron": "often"}}})
    assert _run(config, "status") == 2
    assert "configuration error" in capsys.readouterr().err


def test_logs_prints_the_run_log(tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    config = _config(tmp_path, db_url)
    log = tmp_path / "logs" / "ndrc" / "run-1.log"
    log.parent.mkdir(parents=True)
    log.write_text("line one\nline two\nline three\n", "utf-8")
    _add(config, _run_row("success", hours_ago=1, log_path=str(log)))
    assert _run(config, "logs", "1", "--tail", "2") == 0
    out = capsys.readouterr().out
    assert out == "line two\nline three\n"


def test_logs_of_a_deleted_log_say_so(tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    config = _config(tmp_path, db_url)
    _add(config, _run_row("success", hours_ago=1, log_path=str(tmp_path / "logs" / "gone.log")))
    assert _run(config, "logs", "1") == 1
    assert "is gone" in capsys.readouterr().err


def test_logs_of_an_unknown_run(tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(_config(tmp_path, db_url), "logs", "99") == 1
    assert "no run 99" in capsys.readouterr().err


# Configured sources (sources file): status keyed by the source name, grace before the first run.

SOURCES_TOML = """
[[source]]
name = "sina-finance-rss"
kind = "feed"
url = "https://rsshub.app/sina/finance"
schedule = "15m"
expected_update_hours = 6

[[source]]
name = "old-rss"
kind = "feed"
url = "https://old.example.cn/rss"
enabled = false
"""


def _sources_config(tmp_path: Path, db_url: str) -> Config:
    path = tmp_path / "sources.toml"
    path.write_text(SOURCES_TOML, "utf-8")
    schedules: dict[str, Any] = {s: {"enabled": False} for s in DEFAULT_SCHEDULES}
    return replace(
        Config(), database_url=db_url, log_dir=tmp_path / "logs", sources_file=path, extra={"schedules": schedules}
    )


def _install_jobs(config: Config, *, installed: datetime) -> None:
    """What a daemon started at ``installed`` leaves in the job store."""
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.background import BackgroundScheduler

    from scheduler.daemon import JOBS_TABLE, reconcile_jobs
    from scheduler.schedules import load_schedules

    engine, _ = open_store(config.database_url)
    jobstore = SQLAlchemyJobStore(engine=engine, tablename=JOBS_TABLE)
    scheduler = BackgroundScheduler(jobstores={"default": jobstore}, timezone=UTC)
    scheduler.start(paused=True)
    reconcile_jobs(scheduler, load_schedules(config), timezone="UTC", now=installed)
    # Detached while paused: shutting down with the store attached would run the due jobs.
    scheduler.remove_jobstore("default")
    scheduler.shutdown(wait=False)
    engine.dispose()


def test_status_lists_enabled_configured_sources_not_the_feed_spider(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _sources_config(tmp_path, db_url)
    _add(
        config,
        _run_row("success", hours_ago=1, source="sina-finance-rss"),
        _article(1, hours_ago=1, source="sina-finance-rss"),
        _article(2, hours_ago=1, source="sina-finance-rss"),
    )
    assert _run(config, "status") == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if "sina-finance-rss" in line)
    assert "healthy" in row
    assert " 2 " in row  # items in 24 h, counted by articles.source = the source name
    assert "old-rss" not in out
    assert "│ feed" not in out


def test_status_items_of_the_feed_spider_do_not_count_for_a_source(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _sources_config(tmp_path, db_url)
    _add(config, _run_row("success", hours_ago=8, source="sina-finance-rss"), _article(1, hours_ago=1, source="feed"))
    assert _run(config, "status") == 1
    assert "no item stored yet" in capsys.readouterr().out


def _daemon_running(config: Config) -> InstanceLock:
    """The daemon's lock, held as a running daemon holds it."""
    return InstanceLock(config.database_url)


def _ran_an_hour_ago_under_a_daemon_started_two_hours_ago(tmp_path: Path, db_url: str) -> Config:
    """A sources config whose RSS source succeeded an hour ago, with the jobs a daemon installed two hours ago."""
    config = _sources_config(tmp_path, db_url)
    _add(
        config,
        _run_row("success", hours_ago=1, source="sina-finance-rss"),
        _article(1, hours_ago=1, source="sina-finance-rss"),
    )
    _install_jobs(config, installed=_now() - timedelta(hours=2))
    return config


def test_status_with_a_stopped_daemon_whose_run_is_past_is_unhealthy(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _ran_an_hour_ago_under_a_daemon_started_two_hours_ago(tmp_path, db_url)
    assert _run(config, "status") == 1
    out = capsys.readouterr().out
    assert "daemon not running" in out
    assert "the daemon is not running: the run due at" in " ".join(out.split())


def test_status_with_the_daemon_running_and_a_run_due_is_healthy(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _ran_an_hour_ago_under_a_daemon_started_two_hours_ago(tmp_path, db_url)
    with _daemon_running(config):
        assert _run(config, "status") == 0
    assert "(daemon running)" in capsys.readouterr().out


def test_status_source_not_run_yet_after_daemon_start_is_healthy(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _sources_config(tmp_path, db_url)
    _install_jobs(config, installed=_now() - timedelta(minutes=5))
    with _daemon_running(config):
        assert _run(config, "status") == 0
    out = capsys.readouterr().out
    assert "not run yet" in out
    assert "UNHEALTHY" not in out


def test_status_source_never_run_a_period_after_daemon_start_is_unhealthy(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _sources_config(tmp_path, db_url)
    _install_jobs(config, installed=_now() - timedelta(minutes=20))
    with _daemon_running(config):
        assert _run(config, "status") == 1
    out = capsys.readouterr().out
    assert "never run (its first run was due by" in out
    assert "not run yet" not in out


def test_status_source_never_run_without_a_daemon_is_unhealthy(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(_sources_config(tmp_path, db_url), "status") == 1
    out = capsys.readouterr().out
    assert "never run" in out
    assert "UNHEALTHY" in out


def test_status_bad_sources_file_exits_2(tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    config = _sources_config(tmp_path, db_url)
    assert config.sources_file is not None
    config.sources_file.write_text('[[source]]\nname = "x"\nkind = "feed"\nurll = "https://x.cn"\n', "utf-8")
    assert _run(config, "status") == 2
    err = capsys.readouterr().err
    assert "configuration error" in err
    assert "did you mean 'url'" in err


def test_runs_source_filter_takes_a_configured_source_name(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _sources_config(tmp_path, db_url)
    _add(config, _run_row("success", hours_ago=1, source="sina-finance-rss"), _run_row("success", hours_ago=1))
    assert _run(config, "runs", "--source", "sina-finance-rss") == 0
    out = capsys.readouterr().out
    assert "sina-finance-rss" in out
    assert "ndrc" not in out


def test_status_last_run_with_mostly_errors_is_unhealthy(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path, db_url)
    errors = [{"kind": "http_500", "count": 8}, {"kind": "timeout", "count": 1}]
    _add(config, _article(1, hours_ago=1), _run_row("success", hours_ago=1, requests=12, errors=errors))
    assert _run(config, "status") == 1
    assert "errors on 9 of 12 requests in run #1" in " ".join(capsys.readouterr().out.split())


def test_status_error_rate_threshold_comes_from_the_daemon_table(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path, db_url)
    config = replace(config, extra={**config.extra, "daemon": {"error_rate_unhealthy": 0.8}})
    errors = [{"kind": "http_500", "count": 9}]
    _add(config, _article(1, hours_ago=1), _run_row("success", hours_ago=1, requests=12, errors=errors))
    assert _run(config, "status") == 0
