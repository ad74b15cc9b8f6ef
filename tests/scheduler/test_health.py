"""The health verdict: stale sources and repeated failures (pure helpers, then the database query)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session

from scheduler.health import (
    SourceStatus,
    assess,
    consecutive_failures,
    error_rate_problem,
    first_run_deadline,
    overdue_problem,
    source_status,
)
from storage.db import open_store
from storage.models import Article, CrawlRun

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], 0),
        (["success", "failed"], 0),
        (["failed", "timeout", "failed", "success"], 3),
        (["running", "failed", "interrupted", "failed"], 2),
        (["failed", "success", "failed"], 1),
    ],
)
def test_consecutive_failures(statuses: list[str], expected: int) -> None:
    assert consecutive_failures(statuses) == expected


def test_fresh_source_is_healthy() -> None:
    problems = assess(
        last_new_item_at=NOW - timedelta(hours=1), failures=2, expected_update_hours=6, failed_runs_unhealthy=3, now=NOW
    )
    assert problems == ()


def test_quiet_source_is_unhealthy() -> None:
    problems = assess(
        last_new_item_at=NOW - timedelta(hours=7), failures=0, expected_update_hours=6, failed_runs_unhealthy=3, now=NOW
    )
    assert problems == ("no new item for 7.0 h (expected within 6 h)",)


def test_repeated_failures_are_unhealthy() -> None:
    problems = assess(last_new_item_at=NOW, failures=3, expected_update_hours=6, failed_runs_unhealthy=3, now=NOW)
    assert problems == ("last 3 runs failed",)


def test_source_without_items_is_unhealthy() -> None:
    problems = assess(last_new_item_at=None, failures=0, expected_update_hours=6, failed_runs_unhealthy=3, now=NOW)
    assert problems == ("no item stored yet",)


def _article(source: str, n: int, seen: datetime) -> Article:
    return Article(
        canonical_url=f"https://x.invalid/{source}/{n}",
        url=f"https://x.invalid/{source}/{n}",
        source=source,
        title="t",
        html="<p>t</p>",
        text="t",
        content_hash="0" * 64,
        first_seen_at=seen,
        updated_at=seen,
    )


def test_source_status_reads_runs_and_items(db_url: str) -> None:
    engine, sessions = open_store(db_url)
    with sessions.begin() as session:
        session.add_all(
            [
                CrawlRun(
                    source="ndrc",
                    trigger="daemon",
                    status="success",
                    started_at=NOW - timedelta(hours=5),
                    finished_at=NOW - timedelta(hours=5),
                ),
                CrawlRun(source="ndrc", trigger="daemon", status="failed", started_at=NOW - timedelta(hours=2)),
                CrawlRun(
                    source="sina_finance,ndrc", trigger="cron", status="failed", started_at=NOW - timedelta(hours=1)
                ),
                CrawlRun(source="gov_cn", trigger="cron", status="success", started_at=NOW),
                _article("ndrc", 1, NOW - timedelta(hours=30)),
                _article("ndrc", 2, NOW - timedelta(hours=3)),
                _article("gov_cn", 3, NOW - timedelta(hours=1)),
            ]
        )
    with sessions() as session:
        status = source_status(
            session, "ndrc", expected_update_hours=48, failed_runs_unhealthy=2, next_run_at=None, now=NOW
        )
    engine.dispose()
    assert status.items_24h == 1
    assert status.last_new_item_at == NOW - timedelta(hours=3)
    assert status.last_success_at == NOW - timedelta(hours=5)
    assert status.consecutive_failures == 2
    assert status.last_run_status == "failed"
    assert status.problems == ("last 2 runs failed",)
    assert not status.healthy


def test_next_run_times_come_from_the_daemon_job_store(db_url: str) -> None:
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.background import BackgroundScheduler

    from scheduler.health import next_run_times

    engine, sessions = open_store(db_url)
    with sessions() as session:
        assert next_run_times(session) == {}
    # A running scheduler reads the real clock: a run time it sees as past would be run and replaced, so it must be
    # ahead of the real clock (whole seconds: the job store keeps a float timestamp).
    when = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=1)
    scheduler = BackgroundScheduler(jobstores={"default": SQLAlchemyJobStore(engine=engine)}, timezone=UTC)
    scheduler.start(paused=True)
    scheduler.add_job("scheduler.jobs:crawl_job", "interval", minutes=10, args=["ndrc"], id="ndrc", next_run_time=when)
    scheduler.shutdown(wait=False)
    engine, sessions = open_store(db_url)
    with sessions() as session:
        assert next_run_times(session) == {"ndrc": when}
    engine.dispose()


def _never(due: datetime | None) -> tuple[str, ...]:
    return assess(
        last_new_item_at=None,
        failures=0,
        expected_update_hours=6,
        failed_runs_unhealthy=3,
        now=NOW,
        never_run=True,
        first_run_due_by=due,
    )


def test_source_not_run_yet_within_its_first_period_is_healthy() -> None:
    assert _never(NOW + timedelta(minutes=5)) == ()


def test_source_never_run_past_its_first_period_is_unhealthy() -> None:
    assert _never(NOW - timedelta(minutes=5)) == ("never run (its first run was due by 2026-11-25 11:55 UTC)",)


def test_source_never_run_without_a_daemon_job_is_unhealthy() -> None:
    assert _never(None) == ("never run",)


def test_source_without_items_has_its_expected_period_from_the_first_run() -> None:
    def problems(first_run_hours_ago: float) -> tuple[str, ...]:
        return assess(
            last_new_item_at=None,
            failures=0,
            expected_update_hours=6,
            failed_runs_unhealthy=3,
            now=NOW,
            first_run_at=NOW - timedelta(hours=first_run_hours_ago),
        )

    assert problems(1) == ()
    assert problems(7) == ("no item stored yet",)


def test_first_run_deadline_without_an_install_time_is_unknown() -> None:
    from apscheduler.triggers.cron import CronTrigger

    assert first_run_deadline(CronTrigger.from_crontab("0 * * * *", timezone="UTC")) is None


def _status(session: Session, source: str, **kw: Any) -> SourceStatus:
    return source_status(
        session, source, expected_update_hours=24, failed_runs_unhealthy=3, next_run_at=None, now=NOW, **kw
    )


def test_configured_source_status_counts_its_own_items_not_the_feed_spiders(db_url: str) -> None:
    engine, sessions = open_store(db_url)
    with sessions.begin() as session:
        session.add_all(
            [
                CrawlRun(source="sina-finance-rss", trigger="daemon", status="success", started_at=NOW),
                CrawlRun(source="feed", trigger="manual", status="failed", started_at=NOW),
                _article("sina-finance-rss", 1, NOW - timedelta(hours=2)),
                _article("feed", 2, NOW - timedelta(hours=1)),
                _article("policy-atom", 3, NOW - timedelta(minutes=1)),
            ]
        )
    with sessions() as session:
        status = _status(session, "sina-finance-rss")
    engine.dispose()
    assert (status.items_24h, status.last_new_item_at) == (1, NOW - timedelta(hours=2))
    assert status.last_run_status == "success"
    assert status.healthy


def test_never_run_source_status_carries_its_grace(db_url: str) -> None:
    engine, sessions = open_store(db_url)
    with sessions() as session:
        waiting = _status(session, "new-rss", first_run_due_by=NOW + timedelta(minutes=30))
        overdue = _status(session, "new-rss", first_run_due_by=NOW - timedelta(minutes=30))
    engine.dispose()
    assert (waiting.healthy, waiting.run_state) == (True, "not run yet")
    assert waiting.first_run_due_by == NOW + timedelta(minutes=30)
    assert (overdue.healthy, overdue.run_state) == (False, "never run")


@pytest.mark.parametrize(
    ("next_run_in_minutes", "daemon_running", "overdue"),
    [(-60, False, True), (-6, False, True), (-4, False, False), (10, False, False), (-60, True, False)],
)
def test_overdue_only_when_no_daemon_runs_past_the_restart_grace(
    next_run_in_minutes: int, daemon_running: bool, overdue: bool
) -> None:
    problem = overdue_problem(NOW + timedelta(minutes=next_run_in_minutes), daemon_running=daemon_running, now=NOW)
    assert (problem is not None) == overdue


def test_no_job_is_never_overdue() -> None:
    assert overdue_problem(None, daemon_running=False, now=NOW) is None


@pytest.mark.parametrize(
    ("errors", "requests", "unhealthy"),
    [
        ([{"kind": "http_500", "count": 6}], 10, True),
        ([{"kind": "http_500", "count": 3}, {"kind": "timeout", "count": 3}], 10, True),
        ([{"kind": "http_404", "count": 5}], 10, False),  # exactly half is not over half
        ([{"kind": "layout/no_body", "count": 9}], 10, False),  # layout errors have their own problem line
        ([{"kind": "spider_error", "message": "boom"}] * 9, 10, False),  # messages are not counted errors
        ([{"kind": "connection_refused", "count": 4}], 4, False),  # too few requests to call it a rate
    ],
)
def test_error_rate_problem(errors: list[dict[str, Any]], requests: int, unhealthy: bool) -> None:
    problem = error_rate_problem(errors, requests, threshold=0.5, run_id=7)
    assert (problem is not None) == unhealthy
    if problem:
        assert problem.startswith("errors on 6 of 10 requests in run #7")
