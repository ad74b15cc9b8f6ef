"""The alert step: after a crawl run the daemon delivers pending flags (carbonwatch.alerts.deliver_pending)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from sqlalchemy import select

from storage.db import open_store
from storage.models import Article, Flag, Notification, Policy
from tests.scheduler.daemonproc import daemon_env, fake_command, finished, start_daemon, wait_until, write_config


class _Hook(BaseHTTPRequestHandler):
    received: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append(json.loads(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def webhook() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    received: list[dict[str, Any]] = []
    handler = type("Hook", (_Hook,), {"received": received})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", received
    server.shutdown()
    server.server_close()


def _flag(db_url: str) -> None:
    engine, sessions = open_store(db_url)
    with sessions.begin() as session:
        article = Article(
            canonical_url="https://x.invalid/1",
            url="https://x.invalid/1",
            source="mee",
            title="关于碳排放权交易的通知",
            html="<p>t</p>",
            text="t",
            content_hash="0" * 64,
        )
        policy = Policy(
            key="k", title="关于碳排放权交易的通知", title_norm="关于碳排放权交易的通知", carbon_relevant=True
        )
        session.add_all([article, policy])
        session.flush()
        session.add(Flag(policy_id=policy.id, article_id=article.id, title=policy.title))
    engine.dispose()


def test_pending_flag_is_delivered_after_a_run(tmp_path: Path, webhook: tuple[str, list[dict[str, Any]]]) -> None:
    url, received = webhook
    db = tmp_path / "cw.db"
    db_url = daemon_env(tmp_path, tmp_path / "unused.toml")["CARBONWATCH_DATABASE_URL"]
    _flag(db_url)
    config = write_config(
        tmp_path / "carbonwatch.toml", {"mee": {"interval_minutes": 60, "command": fake_command("quick", db)}}
    )
    daemon = start_daemon(tmp_path, config, env={"CARBONWATCH_NOTIFY_URLS": url})
    try:
        wait_until(lambda: len(finished(db, "mee")) >= 1 and bool(received), 30, "the webhook delivery")
    finally:
        assert daemon.stop() == 0
    assert [doc["flag"]["title"] for doc in received] == ["关于碳排放权交易的通知"]
    engine, sessions = open_store(db_url)
    with sessions() as session:
        statuses = list(session.scalars(select(Notification.status)))
    engine.dispose()
    assert statuses == ["sent"]


def test_daemon_alerts_a_source_turning_unhealthy(tmp_path: Path, webhook: tuple[str, list[dict[str, Any]]]) -> None:
    url, received = webhook
    db = tmp_path / "cw.db"
    config = write_config(
        tmp_path / "carbonwatch.toml",
        {"ndrc": {"interval_seconds": 1, "command": fake_command("raise", db)}},
        {"health_alerts_minutes": 0.02, "failed_runs_unhealthy": 1},
    )
    daemon = start_daemon(tmp_path, config, env={"CARBONWATCH_NOTIFY_URLS": url})

    def health() -> list[dict[str, Any]]:
        return [body for body in received if body.get("type") == "carbonwatch.health"]

    try:
        wait_until(lambda: bool(health()), 30, "a health alert")
    finally:
        assert daemon.stop() == 0
    first = health()[0]
    assert (first["source"], first["healthy"]) == ("ndrc", False)
    assert any("runs failed" in problem for problem in first["problems"])
    assert len({tuple(b["problems"]) for b in health()}) == len(health())  # each state once
