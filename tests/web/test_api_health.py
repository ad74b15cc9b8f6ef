"""/healthz and /readyz: liveness, the database and the daemon's heartbeat; and `carbonwatch serve` really serving."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from carbonwatch.config import Config
from carbonwatch.web.app import create_app
from storage.heartbeat import STALE_AFTER, beat, stopped
from tests.helpers import PROJECT_ROOT
from tests.web.webseed import NOW, Seeded, seeded_app


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[Seeded]:
    data = seeded_app(f"sqlite:///{tmp_path / 'cw.db'}", tmp_path)
    yield data
    data.engine.dispose()


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


def test_serve_answers_on_the_port_it_reports(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env["CARBONWATCH_DATABASE_URL"] = f"sqlite:///{tmp_path / 'cw.db'}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "carbonwatch", "serve", "--port", "0"],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(PROJECT_ROOT)},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        port = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert port is not None, line
        with urllib.request.urlopen(f"http://127.0.0.1:{port.group(1)}/healthz", timeout=10) as response:
            body = response.read()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    # uvicorn stops gracefully on SIGTERM, then re-raises it: the exit status systemd expects of a stopped service.
    assert (body, proc.returncode) == (b'{"status":"ok"}', -signal.SIGTERM)
