"""Job reconciliation at daemon start: one stable job per source, kept across restarts, removed with its source."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler

from scheduler.daemon import reconcile_jobs
from scheduler.health import first_run_deadline
from scheduler.schedules import SourceSchedule

NOW = datetime(2100, 1, 1, 12, 0, tzinfo=UTC)  # after the clock: no job is due while a test runs
RSS = SourceSchedule("sina-finance-rss", interval_seconds=900, spider="feed")
NDRC = SourceSchedule("ndrc", cron="30 * * * *")


@contextmanager
def _scheduler(db: Path) -> Iterator[BackgroundScheduler]:
    """A paused scheduler on a SQLite job store: jobs are stored but never run (like a daemon restart)."""
    scheduler = BackgroundScheduler(jobstores={"default": SQLAlchemyJobStore(url=f"sqlite:///{db}")}, timezone=UTC)
    scheduler.start(paused=True)
    try:
        yield scheduler
    finally:
        # Detached while paused: shutting down with the store attached would run (and move) due jobs.
        scheduler.remove_jobstore("default")
        scheduler.shutdown(wait=False)


def _jobs(db: Path) -> dict[str, tuple[str, datetime | None]]:
    with _scheduler(db) as scheduler:
        return {j.id: (j.name, j.next_run_time) for j in scheduler.get_jobs()}


def test_each_source_gets_a_job_named_after_it(tmp_path: Path) -> None:
    with _scheduler(tmp_path / "jobs.db") as scheduler:
        reconcile_jobs(scheduler, [RSS, NDRC], timezone="UTC", now=NOW)
        jobs = {j.id: j for j in scheduler.get_jobs()}
    assert set(jobs) == {"sina-finance-rss", "ndrc"}
    assert jobs["sina-finance-rss"].args == ("sina-finance-rss",)
    assert "feed" not in jobs


def test_restart_keeps_unchanged_jobs_and_their_next_run(tmp_path: Path) -> None:
    db = tmp_path / "jobs.db"
    with _scheduler(db) as scheduler:
        reconcile_jobs(scheduler, [RSS, NDRC], timezone="UTC", now=NOW)
    before = _jobs(db)
    with _scheduler(db) as scheduler:
        reconcile_jobs(scheduler, [RSS, NDRC], timezone="UTC", now=NOW + timedelta(minutes=5))
    assert _jobs(db) == before


def test_changed_schedule_replaces_the_job_under_the_same_id(tmp_path: Path) -> None:
    db = tmp_path / "jobs.db"
    with _scheduler(db) as scheduler:
        reconcile_jobs(scheduler, [RSS], timezone="UTC", now=NOW)
        reconcile_jobs(
            scheduler, [SourceSchedule(RSS.source, cron="*/5 * * * *", spider="feed")], timezone="UTC", now=NOW
        )
    ((name, _),) = _jobs(db).values()
    assert name == "sina-finance-rss: cron '*/5 * * * *'"


def test_removed_and_disabled_sources_lose_their_jobs(tmp_path: Path) -> None:
    db = tmp_path / "jobs.db"
    with _scheduler(db) as scheduler:
        reconcile_jobs(scheduler, [RSS, NDRC], timezone="UTC", now=NOW)
    with _scheduler(db) as scheduler:
        reconcile_jobs(scheduler, [SourceSchedule("ndrc", cron="0 * * * *", enabled=False)], timezone="UTC", now=NOW)
    assert _jobs(db) == {}


def test_stored_trigger_remembers_when_the_job_was_installed(tmp_path: Path) -> None:
    with _scheduler(tmp_path / "jobs.db") as scheduler:
        reconcile_jobs(scheduler, [RSS, NDRC], timezone="UTC", now=NOW)
        jobs = {j.id: j for j in scheduler.get_jobs()}
    # interval: first run at install, overdue one period later; cron: first fire 12:30, overdue at 13:30
    assert first_run_deadline(jobs["sina-finance-rss"].trigger) == NOW + timedelta(minutes=15)
    assert first_run_deadline(jobs["ndrc"].trigger) == NOW + timedelta(minutes=90)


def test_job_stored_with_apschedulers_weekday_numbers_is_replaced(tmp_path: Path) -> None:
    from apscheduler.triggers.cron import CronTrigger

    db = tmp_path / "jobs.db"
    weekly = SourceSchedule("ndrc", cron="0 9 * * 1")
    with _scheduler(db) as scheduler:
        # What an earlier daemon stored: from_crontab reads 1 as Tuesday.
        old = CronTrigger.from_crontab(weekly.cron or "", timezone="UTC")
        scheduler.add_job("scheduler.jobs:crawl_job", old, args=["ndrc"], id="ndrc", name=weekly.describe())
        reconcile_jobs(scheduler, [weekly], timezone="UTC", now=NOW)
        (job,) = scheduler.get_jobs()
    assert str(job.trigger) == "cron[month='*', day='*', day_of_week='mon', hour='9', minute='0']"
