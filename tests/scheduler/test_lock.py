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
