"""Alerts: JSON webhook delivery to a local receiver, retry with backoff, never twice, secrets not stored."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from carbonwatch.alerts import deliver_pending
from carbonwatch.config import Config
from carbonwatch.targets import redact_target
from storage.db import open_store
from storage.models import Notification
from tests.receiver import Receiver
from tests.seed import seed_flagged_release

NOW = datetime(2021, 11, 16, 8, 0, tzinfo=UTC)
BACKOFF = timedelta(minutes=2)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    r.thread.start()
    yield r
    r.server.shutdown()
    r.server.server_close()


@pytest.fixture
def sessions(db_url: str) -> sessionmaker[Session]:
    _, factory = open_store(db_url)
    with factory.begin() as s:
        seed_flagged_release(s, NOW)
    return factory


def deliver(sessions: sessionmaker[Session], urls: tuple[str, ...], now: datetime, attempts: int = 3) -> Any:
    with sessions.begin() as s:
        return deliver_pending(s, Config(notify_urls=urls, notify_max_attempts=attempts), now=now, backoff=BACKOFF)


def notes(sessions: sessionmaker[Session]) -> list[Notification]:
    with sessions() as s:
        return list(s.scalars(select(Notification)))


def test_success_recorded(sessions: sessionmaker[Session], receiver: Receiver) -> None:
    report = deliver(sessions, (receiver.url,), NOW)
    assert report.sent == 1
    [note] = notes(sessions)
    assert (note.status, note.attempts, note.last_error) == ("sent", 1, None)


def test_webhook_receives_flag_policy_article_evidence(sessions: sessionmaker[Session], receiver: Receiver) -> None:
    deliver(sessions, (receiver.url,), NOW)
    [body] = receiver.bodies
    assert body["policy"]["title"] == "《2030年前碳达峰行动方案》"
    assert body["article"]["url"] == "https://finance.sina.com.cn/a.shtml"
    assert body["evidence"]["carbon"]["evidence"]


def test_no_second_notification_on_rerun(sessions: sessionmaker[Session], receiver: Receiver) -> None:
    deliver(sessions, (receiver.url,), NOW)
    report = deliver(sessions, (receiver.url,), NOW + timedelta(hours=1))
    assert report.sent == 0
    assert len(receiver.bodies) == 1


def test_failure_then_backoff_then_success(sessions: sessionmaker[Session], receiver: Receiver) -> None:
    receiver.statuses = [500]
    first = deliver(sessions, (receiver.url,), NOW)
    too_soon = deliver(sessions, (receiver.url,), NOW + timedelta(minutes=1))
    later = deliver(sessions, (receiver.url,), NOW + timedelta(minutes=3))
    assert (first.failed, too_soon.deferred, later.sent) == (1, 1, 1)
    [note] = notes(sessions)
    assert (note.status, note.attempts) == ("sent", 2)


def test_gives_up_after_max_attempts(sessions: sessionmaker[Session], receiver: Receiver) -> None:
    receiver.statuses = [500, 500, 500]
    for hours in (0, 1, 2):
        deliver(sessions, (receiver.url,), NOW + timedelta(hours=hours), attempts=2)
    [note] = notes(sessions)
    assert (note.status, note.attempts) == ("failed", 2)
    assert receiver.bodies == []


def test_unreachable_target_error_recorded(sessions: sessionmaker[Session]) -> None:
    report = deliver(sessions, ("http://127.0.0.1:9/hook?token=s3cr3t",), NOW)
    [note] = notes(sessions)
    assert report.failed == 1
    assert note.status == "pending"
    assert note.last_error and "s3cr3t" not in note.last_error


def test_stored_target_is_scheme_and_host(sessions: sessionmaker[Session], receiver: Receiver) -> None:
    url = receiver.url.replace("http://", "http://user:pa55@")
    deliver(sessions, (url,), NOW)
    [note] = notes(sessions)
    assert note.target == redact_target(url)
    assert note.target.startswith(f"http://127.0.0.1:{receiver.server.server_address[1]}#")


def test_basic_auth_webhook_delivered_with_authorization_header(
    sessions: sessionmaker[Session], receiver: Receiver
) -> None:
    url = receiver.url.replace("http://", "http://hook%20user:pa55:w@rd@")
    report = deliver(sessions, (url,), NOW)
    assert report.sent == 1, report.errors
    assert receiver.authorizations == [f"Basic {base64.b64encode(b'hook user:pa55:w@rd').decode()}"]


def test_webhook_without_user_info_sends_no_authorization(sessions: sessionmaker[Session], receiver: Receiver) -> None:
    deliver(sessions, (receiver.url,), NOW)
    assert receiver.authorizations == [None]


def test_nothing_configured_does_nothing(sessions: sessionmaker[Session]) -> None:
    report = deliver(sessions, (), NOW)
    assert (report.sent, report.targets) == (0, 0)
    assert notes(sessions) == []


def _notify_cli(db_url: str, target: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env.update(CARBONWATCH_CONFIG="", CARBONWATCH_DATABASE_URL=db_url, CARBONWATCH_NOTIFY_URLS=target)
    return subprocess.run(
        [sys.executable, "-m", "carbonwatch", "notify"],
        cwd=tmp,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_notify_with_a_failed_delivery_exits_1(
    sessions: sessionmaker[Session], db_url: str, tmp_path: Path, refused_port: int
) -> None:
    proc = _notify_cli(db_url, f"http://127.0.0.1:{refused_port}/hook", tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "0 sent, 1 failed attempts" in proc.stdout


def test_notify_that_delivers_exits_0(
    sessions: sessionmaker[Session], db_url: str, receiver: Receiver, tmp_path: Path
) -> None:
    proc = _notify_cli(db_url, receiver.url, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 sent, 0 failed attempts" in proc.stdout


def test_notify_through_apprise_logs_nothing_at_info(
    sessions: sessionmaker[Session], db_url: str, tmp_path: Path, refused_port: int
) -> None:
    proc = _notify_cli(db_url, f"json://127.0.0.1:{refused_port}/hook", tmp_path)
    assert proc.returncode == 1
    assert " INFO " not in proc.stderr
