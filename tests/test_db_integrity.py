"""`carbonwatch db upgrade` checks a SQLite file's pages (issue 15 #14: page-level damage passed it silently)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from storage.db import integrity_problems, make_engine, open_store
from storage.models import CrawlRun

PAGE = 4096


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A migrated database with rows whose third-last page is overwritten by garbage (a bad disk sector)."""
    db_file = tmp_path / "cw.db"
    engine, sessions = open_store(f"sqlite:///{db_file}")
    with sessions.begin() as session:
        session.add_all(CrawlRun(source=f"s{n}", trigger="manual", errors=[{"kind": "x" * 200}]) for n in range(300))
    engine.dispose()
    with sqlite3.connect(db_file) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = db_file.stat().st_size // PAGE
    with db_file.open("r+b") as fh:
        fh.seek(PAGE * (pages - 3) + 100)
        fh.write(bytes(range(256)) * 3)
    return db_file


def upgrade(db_file: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env.update(CARBONWATCH_CONFIG="", CARBONWATCH_DATABASE_URL=f"sqlite:///{db_file}")
    return subprocess.run(
        [sys.executable, "-m", "carbonwatch", "db", "upgrade"],
        cwd=db_file.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_damaged_file_fails_db_upgrade_with_what_to_do(damaged: Path) -> None:
    proc = upgrade(damaged)
    assert proc.returncode == 4, proc.stderr
    assert proc.stderr.startswith(f"carbonwatch db upgrade: the database file sqlite:///{damaged} is damaged (")
    assert "restore it from a backup" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_sound_file_passes(tmp_path: Path) -> None:
    proc = upgrade(tmp_path / "new.db")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("schema at head")


def test_the_check_names_the_damage(damaged: Path) -> None:
    engine = make_engine(f"sqlite:///{damaged}")
    try:
        problems = integrity_problems(engine)
    finally:
        engine.dispose()
    assert problems and any("page" in p for p in problems)
