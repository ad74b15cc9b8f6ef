"""The health verdict: stale sources and repeated failures (pure helpers, then the database query)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from scheduler.health import assess, consecutive_failures, source_status
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
    when = NOW + timedelta(minutes=10)
    scheduler = BackgroundScheduler(jobstores={"default": SQLAlchemyJobStore(engine=engine)}, timezone=UTC)
    scheduler.start(paused=True)
    scheduler.add_job("scheduler.jobs:crawl_job", "interval", minutes=10, args=["ndrc"], id="ndrc", next_run_time=when)
    scheduler.shutdown(wait=False)
    engine, sessions = open_store(db_url)
    with sessions() as session:
        assert next_run_times(session) == {"ndrc": when}
    engine.dispose()
