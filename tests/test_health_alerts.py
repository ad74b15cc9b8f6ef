"""Health alerts: a source turning unhealthy, changing problems or recovering is alerted once, like flags."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from carbonwatch.alerts import HEALTH_TYPE, alert_health, message_of
from carbonwatch.config import Config
from storage.db import open_store
from storage.models import HealthAlert
from tests.helpers import PROJECT_ROOT
from tests.receiver import Receiver

NOW = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
TARGETS = Config(notify_urls=("https://hooks.example.org/cw",))
LATE = ["no new item for 30.0 h (expected within 24 h)"]


@pytest.fixture
def sessions(db_url: str) -> Iterator[sessionmaker[Session]]:
    engine, factory = open_store(db_url)
    yield factory
    engine.dispose()


class Sent:
    """A sender that records what it was given, or fails while ``failing``."""

    def __init__(self) -> None:
        self.documents: list[dict[str, Any]] = []
        self.failing = False

    def __call__(self, url: str, document: dict[str, Any]) -> None:
        if self.failing:
            raise RuntimeError(f"connection refused by {url}")
        self.documents.append(document)


def _check(sessions: sessionmaker[Session], sent: Sent, states: dict[str, list[str]], config: Config = TARGETS) -> Any:
    with sessions.begin() as session:
        return alert_health(session, config, states, now=NOW, sender=sent)


def test_a_source_turning_unhealthy_is_alerted_once(sessions: sessionmaker[Session]) -> None:
    sent = Sent()
    assert _check(sessions, sent, {"ndrc": LATE, "mee": []}).unhealthy == ["ndrc"]
    assert _check(sessions, sent, {"ndrc": LATE, "mee": []}).unhealthy == []
    (document,) = sent.documents
    assert document == {
        "type": HEALTH_TYPE,
        "source": "ndrc",
        "healthy": False,
        "problems": LATE,
        "checked_at": "2026-11-29T08:00:00.000+00:00",
    }


def test_changed_problems_are_alerted_again(sessions: sessionmaker[Session]) -> None:
    sent = Sent()
    _check(sessions, sent, {"ndrc": LATE})
    _check(sessions, sent, {"ndrc": ["last 3 runs failed"]})
    assert [d["problems"] for d in sent.documents] == [LATE, ["last 3 runs failed"]]


def test_recovery_is_alerted_and_forgets_the_state(sessions: sessionmaker[Session]) -> None:
    sent = Sent()
    _check(sessions, sent, {"ndrc": LATE})
    assert _check(sessions, sent, {"ndrc": []}).recovered == ["ndrc"]
    _check(sessions, sent, {"ndrc": []})
    assert [d["healthy"] for d in sent.documents] == [False, True]
    with sessions() as session:
        assert list(session.scalars(select(HealthAlert))) == []


def test_a_failed_delivery_is_tried_again_at_the_next_check(sessions: sessionmaker[Session]) -> None:
    sent = Sent()
    sent.failing = True
    report = _check(sessions, sent, {"ndrc": LATE})
    assert report.unhealthy == []
    (error,) = report.errors
    assert "connection refused by" in error
    with sessions() as session:
        assert list(session.scalars(select(HealthAlert))) == []
    sent.failing = False
    assert _check(sessions, sent, {"ndrc": LATE}).unhealthy == ["ndrc"]


def test_a_failed_delivery_names_the_target_without_its_secrets(sessions: sessionmaker[Session]) -> None:
    sent = Sent()
    sent.failing = True
    config = Config(notify_urls=("https://cw:pa55w0rd@hooks.example.org/hook/ab12cd?k=q9w8e7",))
    (error,) = _check(sessions, sent, {"ndrc": LATE}, config).errors
    assert error.startswith("https://hooks.example.org#")
    assert not [s for s in ("pa55w0rd", "ab12cd", "q9w8e7") if s in error]


def test_without_targets_nothing_is_sent_or_kept(sessions: sessionmaker[Session]) -> None:
    sent = Sent()
    assert _check(sessions, sent, {"ndrc": LATE}, Config()).unhealthy == []
    assert sent.documents == []
    with sessions() as session:
        assert list(session.scalars(select(HealthAlert))) == []


def test_message_services_get_a_title_and_the_problems() -> None:
    title, body = message_of({"type": HEALTH_TYPE, "source": "ndrc", "healthy": False, "problems": LATE})
    assert (title, body) == ("carbonwatch: ndrc is unhealthy", LATE[0])


def test_status_alert_posts_each_change_once(tmp_path: Path) -> None:
    receiver = Receiver()
    receiver.thread.start()
    config = tmp_path / "carbonwatch.toml"
    config.write_text("".join(f"[schedules.{s}]\nenabled = false\n" for s in ("sina_finance", "gov_cn", "mee")))
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env.update(
        CARBONWATCH_CONFIG=str(config),
        CARBONWATCH_DATABASE_URL=f"sqlite:///{tmp_path / 'cw.db'}",
        CARBONWATCH_NOTIFY_URLS=receiver.url,
    )
    try:
        first, second = (
            subprocess.run(
                [sys.executable, "-m", "carbonwatch", "status", "--alert"],
                cwd=PROJECT_ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            for _ in range(2)
        )
    finally:
        receiver.server.shutdown()
        receiver.server.server_close()
    assert first.returncode == 1  # ndrc never ran: unhealthy, and alerted
    assert "health alerts: 1 unhealthy, 0 recovered, 0 failed deliveries" in first.stdout
    assert "health alerts: 0 unhealthy" in second.stdout
    (body,) = receiver.bodies
    assert (body["type"], body["source"], body["problems"]) == (HEALTH_TYPE, "ndrc", ["never run"])
