"""/healthz and /readyz: liveness, the database reachable, the daemon's heartbeat fresh."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete

from carbonwatch.config import Config
from carbonwatch.web.app import create_app
from storage.heartbeat import STALE_AFTER, beat, stopped
from storage.models import DaemonHeartbeat
from tests.web.webseed import NOW, Seeded, seeded_app


@pytest.fixture(scope="module")
def module_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    tmp = tmp_path_factory.mktemp("health")
    data = seeded_app(f"sqlite:///{tmp / 'cw.db'}", tmp)
    yield data
    data.engine.dispose()


@pytest.fixture
def seeded(module_db: Seeded) -> Seeded:
    """The module's database with no heartbeat row: each test writes the one it needs."""
    with module_db.sessions.begin() as session:
        session.execute(delete(DaemonHeartbeat))
    return module_db


def ready(seeded: Seeded) -> tuple[int, Any]:
    with TestClient(seeded.app) as client:
        response = client.get("/readyz")
    return response.status_code, response.json()


def test_healthz_answers_ok(seeded: Seeded) -> None:
    with TestClient(seeded.app) as client:
        assert client.get("/healthz").json() == {"status": "ok"}


def test_a_database_no_daemon_ran_on_is_ready(seeded: Seeded) -> None:
    code, body = ready(seeded)
    assert (code, body["daemon"]["state"]) == (200, "never")


def test_a_fresh_heartbeat_is_ready(seeded: Seeded) -> None:
    with seeded.sessions.begin() as session:
        beat(session, host="h", pid=7, started_at=NOW, now=NOW - timedelta(seconds=5))
    code, body = ready(seeded)
    assert (code, body["daemon"]["state"], body["daemon"]["pid"]) == (200, "alive", 7)


def test_a_stale_heartbeat_is_503_and_says_what_to_do(seeded: Seeded) -> None:
    with seeded.sessions.begin() as session:
        beat(session, host="h", pid=7, started_at=NOW, now=NOW - STALE_AFTER - timedelta(seconds=1))
    code, body = ready(seeded)
    assert (code, body["daemon"]["state"], "restart it" in body["problems"][0]) == (503, "stale", True)


def test_a_daemon_that_stopped_cleanly_is_ready(seeded: Seeded) -> None:
    with seeded.sessions.begin() as session:
        beat(session, host="h", pid=7, started_at=NOW, now=NOW - timedelta(hours=5))
        stopped(session, pid=7, now=NOW - timedelta(hours=5))
    code, body = ready(seeded)
    assert (code, body["daemon"]["state"]) == (200, "stopped")


def test_an_unreachable_database_is_503() -> None:
    url = "postgresql+psycopg://cw:pw@127.0.0.1:1/cw"  # nothing listens on port 1: refused at once
    app = create_app(Config(database_url=url), now=lambda: NOW, migrate=False)
    with TestClient(app) as client:
        response = client.get("/readyz")
    assert (response.status_code, response.json()["problems"][0].startswith("database unavailable")) == (503, True)


def test_an_unreachable_database_is_named_without_its_password() -> None:
    app = create_app(Config(database_url="postgresql+psycopg://cw:pw@127.0.0.1:1/cw"), now=lambda: NOW, migrate=False)
    with TestClient(app) as client:
        problem = client.get("/readyz").json()["problems"][0]
    assert "cw:***@127.0.0.1:1/cw" in problem and ":pw@" not in problem
