"""Run-log retention: age limit, total size cap, and the files it must never delete."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from scheduler.retention import prune_logs

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def _log(path: Path, size: int, age_days: float) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    stamp = (NOW - timedelta(days=age_days)).timestamp()
    os.utime(path, (stamp, stamp))
    return path


def test_old_run_logs_are_deleted(tmp_path: Path) -> None:
    old = _log(tmp_path / "ndrc" / "run-1.log", 10, age_days=40)
    new = _log(tmp_path / "ndrc" / "run-2.log", 10, age_days=1)
    report = prune_logs(tmp_path, retention_days=30, max_bytes=10_000, now=NOW)
    assert not old.exists()
    assert new.exists()
    assert report.deleted == 1


def test_size_cap_deletes_oldest_first(tmp_path: Path) -> None:
    oldest = _log(tmp_path / "mee" / "run-1.log", 600, age_days=3)
    middle = _log(tmp_path / "mee" / "run-2.log", 600, age_days=2)
    newest = _log(tmp_path / "mee" / "run-3.log", 600, age_days=1)
    report = prune_logs(tmp_path, retention_days=30, max_bytes=1300, now=NOW)
    assert not oldest.exists()
    assert middle.exists() and newest.exists()
    assert report.kept_bytes == 1200


def test_daemon_log_and_running_crawls_are_kept(tmp_path: Path) -> None:
    daemon_log = _log(tmp_path / "daemon.log", 500, age_days=90)
    rotated = _log(tmp_path / "daemon.log.1", 500, age_days=90)
    running = _log(tmp_path / "feed" / "run-9.log", 500, age_days=90)
    running_out = _log(tmp_path / "feed" / "run-9.out", 500, age_days=90)
    prune_logs(tmp_path, retention_days=1, max_bytes=0, now=NOW, protect={running})
    assert daemon_log.exists() and rotated.exists()
    assert running.exists() and running_out.exists()


def test_missing_log_dir_is_nothing_to_do(tmp_path: Path) -> None:
    assert prune_logs(tmp_path / "absent", retention_days=1, max_bytes=0, now=NOW).deleted == 0


def test_only_run_logs_are_deleted(tmp_path: Path) -> None:
    cron_log = _log(tmp_path / "cron.log", 500, age_days=90)
    notes = _log(tmp_path / "ndrc" / "notes.txt", 500, age_days=90)
    odd = _log(tmp_path / "ndrc" / "run-backup.log", 500, age_days=90)
    run_log = _log(tmp_path / "ndrc" / "run-3.log", 500, age_days=90)
    report = prune_logs(tmp_path, retention_days=1, max_bytes=0, now=NOW)
    assert cron_log.exists() and notes.exists() and odd.exists()
    assert not run_log.exists()
    assert report.deleted == 1


def test_a_source_folder_left_empty_is_removed(tmp_path: Path) -> None:
    _log(tmp_path / "gone-rss" / "run-1.log", 10, age_days=90)
    _log(tmp_path / "gone-rss" / "run-1.out", 10, age_days=90)
    kept = _log(tmp_path / "ndrc" / "run-2.log", 10, age_days=1)
    prune_logs(tmp_path, retention_days=30, max_bytes=10_000, now=NOW)
    assert not (tmp_path / "gone-rss").exists()
    assert kept.exists()
