"""Target secrets never shown: 13 webhook and apprise URL forms through ``carbonwatch -v notify`` (issue 15, #11).

One notify run (module fixture) delivers a flag to every form at once: webhooks and apprise's json:// to a local
receiver, the other apprise services to a proxy on a closed local port (so nothing reaches the internet); each
test then looks for one form's
secrets in one place: the stored ``notifications`` rows, the command's output, or its ``-v`` log on stderr.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from carbonwatch.targets import redact_target
from storage.db import open_store
from storage.models import Notification
from tests.receiver import Receiver
from tests.seed import seed_flagged_release

NOW = datetime(2021, 11, 16, 8, 0, tzinfo=UTC)
# (name, URL with {hook} for the receiver's host:port, the secrets it holds).
FORMS = [
    ("short-path-segment", "http://{hook}/hook/ab12cd", ["ab12cd"]),
    ("percent-encoded", "http://{hook}/hook/tok%2Fen%3D9x7q", ["tok%2Fen%3D9x7q", "tok/en=9x7q"]),
    ("plus-signs", "http://{hook}/hook/a+b+c9k2", ["a+b+c9k2", "a b c9k2"]),
    ("query-k", "http://{hook}/hook?k=q9w8e7", ["q9w8e7"]),
    ("query-token", "http://{hook}/hook?token=s3cr3tT0k&channel=carbon", ["s3cr3tT0k"]),
    ("user-pass", "http://hookuser:pa55w0rd@{hook}/basic", ["hookuser", "pa55w0rd"]),
    ("at-in-password", "http://bob:hun@ter2@{hook}/basic2", ["hun@ter2"]),
    ("slack-like-path", "http://{hook}/services/T0ABC/B0DEF/XyZ123abc", ["T0ABC", "B0DEF", "XyZ123abc"]),
    ("discord-like-path", "http://{hook}/api/webhooks/123456789012/AbC-dEf_GhI", ["123456789012", "AbC-dEf_GhI"]),
    ("bot-token-path", "http://{hook}/bot123456:AAE-short/sendMessage", ["123456:AAE-short", "AAE-short"]),
    ("apprise-tgram", "tgram://123456789:ABCdefGHIjklMNOpqrSTU/987654321", ["ABCdefGHIjklMNOpqrSTU", "987654321"]),
    ("apprise-json", "json://jsonuser:jsonpa55@{hook}/jhook/Zq7Xw2", ["jsonuser", "jsonpa55", "Zq7Xw2"]),
    ("apprise-discord", "discord://112233445566/WebhookT0ken-xyz", ["112233445566", "WebhookT0ken-xyz"]),
]
SECRETS = [pytest.param(secrets, id=name) for name, _, secrets in FORMS]


@dataclass
class NotifyRun:
    """What one ``carbonwatch -v notify`` left behind."""

    urls: list[str]
    stdout: str
    stderr: str
    stored: str  # every notifications row's target and last_error
    receiver: Receiver


def _seed_flag(db_url: str) -> None:
    _, sessions = open_store(db_url)
    with sessions.begin() as s:
        seed_flagged_release(s, NOW)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory, refused_port: int) -> Iterator[NotifyRun]:
    tmp = tmp_path_factory.mktemp("notify")
    db_url = f"sqlite:///{tmp / 'carbonwatch.db'}"
    _seed_flag(db_url)
    receiver = Receiver()
    receiver.thread.start()
    hook = f"127.0.0.1:{receiver.server.server_address[1]}"
    urls = [url.format(hook=hook) for _, url, _ in FORMS]
    proxy = f"http://127.0.0.1:{refused_port}"  # apprise's https services fail here instead of going out
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_") and "proxy" not in k.lower()}
    env.update(
        CARBONWATCH_CONFIG="",
        CARBONWATCH_DATABASE_URL=db_url,
        CARBONWATCH_NOTIFY_URLS=" ".join(urls),
        HTTP_PROXY=proxy,
        HTTPS_PROXY=proxy,
        NO_PROXY="127.0.0.1",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "carbonwatch", "-v", "notify"],
        cwd=tmp,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    engine, sessions = open_store(db_url)
    with sessions() as s:
        stored = "\n".join(f"{n.target} {n.last_error}" for n in s.scalars(select(Notification)))
    engine.dispose()
    yield NotifyRun(urls, proc.stdout, proc.stderr, stored, receiver)
    receiver.server.shutdown()
    receiver.server.server_close()


@pytest.mark.parametrize("secrets", SECRETS)
def test_stored_rows_hold_no_secret(run: NotifyRun, secrets: list[str]) -> None:
    assert not [s for s in secrets if s in run.stored]


@pytest.mark.parametrize("secrets", SECRETS)
def test_notify_output_holds_no_secret(run: NotifyRun, secrets: list[str]) -> None:
    assert not [s for s in secrets if s in run.stdout]


@pytest.mark.parametrize("secrets", SECRETS)
def test_verbose_log_holds_no_secret(run: NotifyRun, secrets: list[str]) -> None:
    assert not [s for s in secrets if s in run.stderr]


def test_every_target_has_its_row(run: NotifyRun) -> None:
    assert all(redact_target(url) in run.stored for url in run.urls)


def test_webhooks_and_local_apprise_target_delivered(run: NotifyRun) -> None:
    # 10 webhooks and apprise's json:// reach the receiver; tgram and discord fail at the closed proxy.
    assert f"{len(FORMS) - 2} sent, 2 failed attempts" in run.stdout, run.stdout + run.stderr


def test_verbose_log_names_each_delivery(run: NotifyRun) -> None:
    # The log tests above mean something only if the deliveries were logged at all.
    assert run.stderr.count("INFO carbonwatch.alerts: notified ") == len(FORMS) - 2
