"""The single-instance lock: a second holder is refused, and release (or death) frees it."""

from __future__ import annotations

from pathlib import Path

import pytest

from scheduler.lock import AlreadyRunning, InstanceLock, lock_file_for


def test_lock_file_sits_beside_the_sqlite_database(tmp_path: Path) -> None:
    assert lock_file_for(f"sqlite:///{tmp_path}/cw.db") == tmp_path / "cw.db.daemon.lock"
    assert lock_file_for("sqlite://") is None
    assert lock_file_for("postgresql+psycopg://u@h/db") is None


def test_second_holder_is_refused_until_release(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cw.db"
    with InstanceLock(url):
        with pytest.raises(AlreadyRunning, match="another carbonwatch daemon"):
            InstanceLock(url).acquire()
    again = InstanceLock(url)
    again.acquire()
    again.release()


@pytest.mark.postgres
def test_postgres_advisory_lock_refuses_a_second_holder(pg_url: str) -> None:
    from storage.db import make_engine

    engine = make_engine(pg_url)
    try:
        with InstanceLock(pg_url, engine):
            with pytest.raises(AlreadyRunning, match="advisory lock"):
                InstanceLock(pg_url, engine).acquire()
        second = InstanceLock(pg_url, engine)
        second.acquire()
        second.release()
    finally:
        engine.dispose()


def test_asking_whether_a_daemon_holds_the_lock_neither_creates_nor_writes_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cw.db"
    assert InstanceLock(url).held_elsewhere() is False
    assert not (tmp_path / "cw.db.daemon.lock").exists()
    with InstanceLock(url):
        before = (tmp_path / "cw.db.daemon.lock").read_text("utf-8")
        assert InstanceLock(url).held_elsewhere() is True
        assert (tmp_path / "cw.db.daemon.lock").read_text("utf-8") == before
    assert InstanceLock(url).held_elsewhere() is False
    assert (tmp_path / "cw.db.daemon.lock").read_text("utf-8") == before


@pytest.mark.postgres
def test_asking_about_the_postgres_lock(pg_url: str) -> None:
    from storage.db import make_engine

    engine = make_engine(pg_url)
    try:
        assert InstanceLock(pg_url, engine).held_elsewhere() is False
        with InstanceLock(pg_url, engine):
            assert InstanceLock(pg_url, engine).held_elsewhere() is True
    finally:
        engine.dispose()
