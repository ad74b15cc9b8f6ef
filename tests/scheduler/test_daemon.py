"""The daemon as operators run it: its own process, fake crawl commands, talked to through signals."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler

from storage.models import CrawlRun
from tests.scheduler.daemonproc import (
    Daemon,
    articles,
    fake_command,
    finished,
    overlaps,
    runs,
    start_daemon,
    wait_until,
    write_config,
)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[list[CrawlRun], int, str]]:
    """One daemon with a healthy, a raising and a hanging source, run until each has done its part."""
    tmp = tmp_path_factory.mktemp("mixed")
    db = tmp / "cw.db"
    config = write_config(
        tmp / "carbonwatch.toml",
        {
            # The crawl takes longer than its interval: the scheduler must skip, not overlap.
            "sina_finance": {"interval_seconds": 0.5, "command": fake_command("quick", db, 0.7)},
            "ndrc": {"interval_seconds": 0.5, "command": fake_command("raise", db)},
            "gov_cn": {"interval_seconds": 0.5, "timeout": 1, "command": fake_command("stubborn", db)},
        },
        {"kill_grace_seconds": 0.5, "stop_grace_seconds": 5},
    )
    daemon = start_daemon(tmp, config)
    try:
        wait_until(lambda: len(finished(db, "gov_cn")) >= 1, 30, "a timed-out run")
        wait_until(lambda: len(finished(db, "sina_finance")) >= 4, 30, "4 quick runs")
        wait_until(lambda: len(finished(db, "ndrc")) >= 3, 30, "3 failed runs")
    finally:
        code = daemon.stop()
    yield runs(db), code, daemon.text()


def test_each_source_completes_at_least_three_runs(mixed: tuple[list[CrawlRun], int, str]) -> None:
    rows, _, _ = mixed
    assert len([r for r in rows if r.source == "sina_finance" and r.status == "success"]) >= 3
    assert len([r for r in rows if r.source == "ndrc"]) >= 3


def test_runs_of_one_source_never_overlap(mixed: tuple[list[CrawlRun], int, str]) -> None:
    rows, _, _ = mixed
    for source in ("sina_finance", "ndrc", "gov_cn"):
        mine = [r for r in rows if r.source == source]
        assert mine, source
        assert overlaps(mine) == [], source


def test_daemon_runs_are_recorded_with_trigger_daemon_and_log_path(mixed: tuple[list[CrawlRun], int, str]) -> None:
    rows, _, _ = mixed
    assert {r.trigger for r in rows} == {"daemon"}
    assert all(r.log_path and r.log_path.endswith(f"run-{r.id}.log") for r in rows)


def test_hanging_crawl_is_killed_at_its_timeout(mixed: tuple[list[CrawlRun], int, str]) -> None:
    rows, _, _ = mixed
    hung = [r for r in rows if r.source == "gov_cn" and r.status != "running"]
    assert hung and {r.status for r in hung} == {"timeout"}
    assert all(r.finished_at is not None and r.pid is not None for r in hung)
    # The stubborn crawl ignored SIGTERM; its process group must be gone after SIGKILL.
    for run in hung:
        assert run.pid is not None
        with pytest.raises(ProcessLookupError):
            os.kill(run.pid, 0)


def test_raising_crawl_is_failed_with_its_error(mixed: tuple[list[CrawlRun], int, str]) -> None:
    rows, _, _ = mixed
    failed = [r for r in rows if r.source == "ndrc"]
    assert {r.status for r in failed} == {"failed"}
    assert all(r.exit_code == 1 for r in failed)
    message = failed[0].errors[-1]["message"]
    assert "fake spider exploded while crawling ndrc" in message
    assert "Traceback" in message


def test_daemon_keeps_running_after_failures(mixed: tuple[list[CrawlRun], int, str]) -> None:
    rows, code, _ = mixed
    first_failure = min(r.finished_at for r in rows if r.status in ("failed", "timeout") and r.finished_at)
    later_successes = [r for r in rows if r.status == "success" and r.started_at > first_failure]
    assert len(later_successes) >= 2
    assert code == 0


def test_daemon_log_is_written(mixed: tuple[list[CrawlRun], int, str]) -> None:
    _, _, output = mixed
    assert "daemon started" in output
    assert "Traceback" not in output.split("daemon started")[0]


def _start(tmp_path: Path, schedules: dict[str, dict[str, object]], **daemon: object) -> Daemon:
    return start_daemon(tmp_path, write_config(tmp_path / "carbonwatch.toml", schedules, dict(daemon)))


def test_sigterm_interrupts_a_crawl_past_the_grace_period(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    daemon = _start(
        tmp_path, {"mee": {"interval_minutes": 60, "command": fake_command("slow", db, 60)}}, stop_grace_seconds=0.5
    )
    wait_until(lambda: db.exists() and len(articles(db)) >= 3, 20, "the crawl to store articles")
    started = time.monotonic()
    code = daemon.stop()
    assert code == 0
    assert time.monotonic() - started < 10
    (run,) = runs(db)
    assert run.status == "interrupted"
    assert run.finished_at is not None
    stored = articles(db)
    assert stored and all(a.text and len(a.content_hash) == 64 and a.run_id == run.id for a in stored)


def test_sigterm_lets_a_crawl_finish_within_the_grace_period(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    daemon = _start(
        tmp_path, {"mee": {"interval_minutes": 60, "command": fake_command("quick", db, 2)}}, stop_grace_seconds=10
    )
    wait_until(lambda: any(r.pid for r in runs(db)), 20, "the crawl to start")
    assert daemon.stop() == 0
    (run,) = runs(db)
    assert run.status == "success"
    assert run.items_new == 1


def test_second_daemon_on_the_same_database_refuses(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    config = write_config(
        tmp_path / "carbonwatch.toml", {"gov_cn": {"interval_minutes": 60, "command": fake_command("quick", db)}}
    )
    first = start_daemon(tmp_path, config, "first")
    try:
        wait_until(lambda: len(finished(db, "gov_cn")) >= 1, 20, "the first daemon's run")
        # The second one through the real entry point, `carbonwatch daemon`.
        second = start_daemon(tmp_path, config, "second", entry=["-m", "carbonwatch", "daemon"])
        assert second.proc.wait(timeout=30) == 3
        assert "another carbonwatch daemon" in second.text()
        assert first.proc.poll() is None
    finally:
        assert first.stop() == 0


def test_killed_daemon_leaves_no_stuck_lock(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    # (a short stop grace: killed between starting the crawl and storing the job's next run, the crashed daemon leaves
    # the run due, so the restarted one may start it again at once; its stop then waits out the crawl's grace)
    config = write_config(
        tmp_path / "carbonwatch.toml",
        {"gov_cn": {"interval_minutes": 60, "command": fake_command("hang", db)}},
        {"kill_grace_seconds": 0.5, "stop_grace_seconds": 2},
    )
    crashed = start_daemon(tmp_path, config, "crashed")
    wait_until(lambda: any(r.pid for r in runs(db)), 20, "the crawl to start")
    crashed.signal(signal.SIGKILL)
    crashed.proc.wait(timeout=10)
    # The orphaned crawl (own process group) would survive its daemon; end it the way an operator would.
    (orphan,) = runs(db)
    assert orphan.pid is not None
    os.killpg(orphan.pid, signal.SIGKILL)
    time.sleep(0.3)
    restarted = start_daemon(tmp_path, config, "restarted")
    try:
        wait_until(lambda: "daemon started" in restarted.text(), 20, "the restarted daemon")
        assert restarted.proc.poll() is None
        recovered = next(r for r in runs(db) if r.id == orphan.id)
        assert recovered.status == "failed"
        assert "stopped before this run completed" in recovered.errors[-1]["message"]
    finally:
        assert restarted.stop() == 0


def _move_next_run(db: Path, job_id: str, when: datetime) -> None:
    """Pretend the daemon was down: set a stored job's next run time in the past, as APScheduler stores it."""
    # The job store alone, not a scheduler: a scheduler would run (and so consume) the missed run itself.
    store = SQLAlchemyJobStore(url=f"sqlite:///{db}")
    store.start(BackgroundScheduler(timezone=UTC), "default")
    try:
        job = store.lookup_job(job_id)
        assert job is not None
        state = job.__getstate__()
        state["next_run_time"] = when
        job.__setstate__(state)
        store.update_job(job)
    finally:
        store.shutdown()


def test_restart_after_missed_runs_catches_up_exactly_once(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    config = write_config(
        tmp_path / "carbonwatch.toml", {"ndrc": {"interval_minutes": 60, "command": fake_command("quick", db)}}
    )
    first = start_daemon(tmp_path, config, "first")
    wait_until(lambda: len(finished(db, "ndrc")) >= 1, 20, "the first run")
    assert first.stop() == 0
    # Three hourly runs were missed while the daemon was down.
    _move_next_run(db, "ndrc", datetime.now(UTC) - timedelta(hours=3, minutes=5))
    second = start_daemon(tmp_path, config, "second")
    try:
        wait_until(lambda: len(finished(db, "ndrc")) >= 2, 20, "the catch-up run")
        time.sleep(2)  # room for any (wrong) burst of further catch-up runs
    finally:
        assert second.stop() == 0
    assert len(runs(db)) == 2


def test_restart_without_missed_runs_does_not_run_early(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    config = write_config(
        tmp_path / "carbonwatch.toml", {"ndrc": {"interval_minutes": 60, "command": fake_command("quick", db)}}
    )
    first = start_daemon(tmp_path, config, "first")
    wait_until(lambda: len(finished(db, "ndrc")) >= 1, 20, "the first run")
    assert first.stop() == 0
    second = start_daemon(tmp_path, config, "second")
    try:
        wait_until(lambda: "daemon started" in second.text(), 20, "the restarted daemon")
        time.sleep(1.5)
    finally:
        assert second.stop() == 0
    assert len(runs(db)) == 1


@pytest.mark.postgres
def test_daemon_on_postgres_holds_the_advisory_lock(tmp_path: Path, pg_url: str) -> None:
    from sqlalchemy import func, select

    from storage.db import make_engine

    # A crawl that exits without writing its row: the daemon completes it (failed), proving jobs run on PG.
    command = [sys.executable, "-c", "pass"]
    config = write_config(tmp_path / "carbonwatch.toml", {"gov_cn": {"interval_minutes": 60, "command": command}})
    env = {"CARBONWATCH_DATABASE_URL": pg_url}
    first = start_daemon(tmp_path, config, "first", env=env)
    engine = make_engine(pg_url)

    def done() -> int:
        with engine.connect() as conn:
            try:
                return int(conn.scalar(select(func.count()).where(CrawlRun.status != "running")) or 0)
            except Exception:  # schema not created yet
                return 0

    try:
        wait_until(lambda: done() >= 1, 30, "a run on PostgreSQL")
        second = start_daemon(tmp_path, config, "second", env=env)
        assert second.proc.wait(timeout=30) == 3
        assert "advisory lock" in second.text()
    finally:
        assert first.stop() == 0
        engine.dispose()


def test_the_daemon_log_carries_no_scheduler_chatter(mixed: tuple[list[CrawlRun], int, str]) -> None:
    # One line per thing that happened, from the daemon itself: not APScheduler's per-run INFO lines or its
    # second copy of what the daemon's listener already says.
    _, _, text = mixed
    for chatter in ("Running job", "executed successfully", "Added job", "maximum number of running instances"):
        assert chatter not in text
    assert "still running at its next run time" in text
    assert "Traceback" not in text


def test_under_the_journal_the_daemon_keeps_one_copy_of_each_line(tmp_path: Path) -> None:
    # systemd sets JOURNAL_STREAM to the device:inode of the stderr it gives the daemon: no daemon.log then.
    db = tmp_path / "cw.db"
    config = write_config(
        tmp_path / "carbonwatch.toml", {"ndrc": {"interval_seconds": 1, "command": fake_command("quick", db)}}
    )
    output = tmp_path / "daemon.out"
    output.write_bytes(b"")
    st = output.stat()
    daemon = start_daemon(tmp_path, config, env={"JOURNAL_STREAM": f"{st.st_dev}:{st.st_ino}"})
    try:
        wait_until(lambda: len(finished(db, "ndrc")) >= 1, 30, "a run")
    finally:
        assert daemon.stop() == 0
    assert not (tmp_path / "logs" / "daemon.log").exists()
    assert "logging to the systemd journal (JOURNAL_STREAM)" in daemon.text()
    assert "run 1 ndrc: success" in daemon.text()
