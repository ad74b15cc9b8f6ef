"""The daemon's heartbeat, its web console child ([daemon] serve = true) and run-now reaching a running daemon."""

from __future__ import annotations

import json
import socket
import sys
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from carbonwatch.config import Config
from scheduler.console import Console, Heartbeat, console_command
from scheduler.schedules import ScheduleError, load_daemon_options
from storage.db import open_store
from storage.heartbeat import heartbeat_state, last_heartbeat
from tests.scheduler.daemonproc import fake_command, finished, start_daemon, wait_until, write_config

TOKEN = "daemon-console-token-for-tests"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_heartbeat_is_written_at_the_first_tick(tmp_path: Path) -> None:
    _, sessions = open_store(f"sqlite:///{tmp_path / 'cw.db'}")
    Heartbeat(sessions).tick()
    with sessions() as session:
        row = last_heartbeat(session)
    assert row is not None and heartbeat_state(row, now=datetime.now(UTC))[0] == "alive"


def test_a_heartbeat_waits_for_its_interval(tmp_path: Path) -> None:
    _, sessions = open_store(f"sqlite:///{tmp_path / 'cw.db'}")
    clock = Clock()
    heartbeat = Heartbeat(sessions, interval=10, monotonic=clock)
    heartbeat.tick()
    with sessions() as session:
        first = last_heartbeat(session)
        assert first is not None
        first_at = first.beat_at
    clock.now += 5
    heartbeat.tick()
    with sessions() as session:
        again = last_heartbeat(session)
        assert again is not None and again.beat_at == first_at


def test_a_clean_stop_is_recorded(tmp_path: Path) -> None:
    _, sessions = open_store(f"sqlite:///{tmp_path / 'cw.db'}")
    heartbeat = Heartbeat(sessions)
    heartbeat.tick()
    heartbeat.stop()
    with sessions() as session:
        assert heartbeat_state(last_heartbeat(session), now=datetime.now(UTC))[0] == "stopped"


def test_a_failing_heartbeat_is_logged_once_not_raised(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    engine, sessions = open_store(f"sqlite:///{tmp_path / 'cw.db'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE daemon_heartbeat")
    clock = Clock()
    heartbeat = Heartbeat(sessions, interval=1, monotonic=clock)
    for _ in range(3):
        heartbeat.tick()
        clock.now += 2
    assert caplog.text.count("cannot write the daemon heartbeat") == 1


def test_a_console_that_refuses_its_configuration_is_not_restarted(caplog: pytest.LogCaptureFixture) -> None:
    clock = Clock()
    console = Console([sys.executable, "-c", "raise SystemExit(2)"], monotonic=clock)
    console.start()
    assert console.proc is not None
    console.proc.wait(timeout=30)
    first = console.proc
    clock.now += 3600
    console.check()
    console.check()
    assert (console.proc is first, "refused its configuration" in caplog.text) == (True, True)


def test_a_console_that_died_is_started_again_after_a_while() -> None:
    clock = Clock()
    console = Console([sys.executable, "-c", "raise SystemExit(1)"], monotonic=clock, restart_after=60)
    console.start()
    assert console.proc is not None
    console.proc.wait(timeout=30)
    first = console.proc
    console.check()  # within the minute: left alone
    assert console.proc is first
    clock.now += 61
    console.check()
    assert console.proc is not first
    console.stop()


def test_the_console_command_is_carbonwatch_serve() -> None:
    options = load_daemon_options(Config(extra={"daemon": {"serve": True, "serve_port": 9000}}))
    assert console_command(options)[2:] == ["carbonwatch", "serve", "--host", "127.0.0.1", "--port", "9000"]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"serve": "yes"}, "serve must be true or false"),
        ({"serve_port": 70000}, "serve_port must be a port number"),
        ({"serve_host": ""}, "serve_host must be a host name"),
    ],
)
def test_bad_serve_options_are_configuration_errors(table: dict[str, Any], message: str) -> None:
    with pytest.raises(ScheduleError, match=message):
        load_daemon_options(Config(extra={"daemon": table}))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _http(url: str, *, post: bool = False) -> tuple[int, Any]:
    request = urllib.request.Request(
        url, method="POST" if post else "GET", headers={"Authorization": f"Bearer {TOKEN}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())
    except OSError:
        return 0, None


def _daemon_state(url: str) -> str | None:
    status, body = _http(url)
    return body["daemon"]["state"] if status == 200 and isinstance(body, dict) else None


def test_a_serving_daemon_runs_a_source_now_from_its_console(tmp_path: Path) -> None:
    port = _free_port()
    db = tmp_path / "cw.db"
    config = write_config(
        tmp_path / "carbonwatch.toml",
        # A yearly schedule: the only run can be the one asked for.
        {"sina_finance": {"cron": "0 0 1 1 *", "command": fake_command("quick", db)}},
        daemon={"serve": True, "serve_port": port},
    )
    daemon = start_daemon(tmp_path, config, env={"CARBONWATCH_WEB_TOKEN": TOKEN})
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: _http(f"{base}/readyz")[0] == 200, 60, "the console to answer")
        # The console may answer before the daemon's first heartbeat is written ("never"): wait for it, no race.
        wait_until(lambda: _daemon_state(f"{base}/readyz") == "alive", 60, "the daemon's first heartbeat")
        assert _http(f"{base}/actions/run-now/sina_finance", post=True)[0] == 200
        wait_until(lambda: bool(finished(db, "sina_finance")), 60, "the run asked for")
    finally:
        code = daemon.stop()
    assert (code, _http(f"{base}/healthz")[0]) == (0, 0)  # the console stopped with the daemon
