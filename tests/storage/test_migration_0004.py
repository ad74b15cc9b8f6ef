"""Migration 0004: targets stored before it are rewritten to scheme + host, and their delivery state carries over."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from carbonwatch.alerts import deliver_pending
from carbonwatch.config import Config
from carbonwatch.targets import fingerprint, redact_target
from storage.models import Flag, Notification
from tests.seed import seed_flagged_release
from tests.storage.migrating import upgraded_from

NOW = datetime(2021, 11, 16, 8, 0, tzinfo=UTC)
WEBHOOK = "http://user:pa55@127.0.0.1:9/hook/ab12cd?k=q9w8e7"
# What revisions 0001-0003 stored for WEBHOOK: user info and path kept, only "secret-looking" parts masked.
OLD_WEBHOOK_TARGET = f"http://user:***@127.0.0.1:9/hook/ab12cd?k=q9w8e7#{fingerprint(WEBHOOK)}"
TELEGRAM = "tgram://123456789:ABCdefGHIjklMNOpqrSTU/987654321"
OLD_TELEGRAM_TARGET = f"tgram://***#{fingerprint(TELEGRAM)}"
TRUNCATED = "https://h.example/" + "a" * 600  # cut off by the old 512-character limit, fingerprint and all


@pytest.fixture
def migrated(tmp_path: Path) -> sessionmaker[Session]:
    """A database at 0003 with a flag and three old-form notification rows, then upgraded to head."""

    def fill(s: Session) -> None:
        seed_flagged_release(s, NOW)
        flag_id = s.scalars(select(Flag.id)).one()
        old_rows = [(OLD_WEBHOOK_TARGET, "sent"), (OLD_TELEGRAM_TARGET, "sent"), (TRUNCATED[:512], "failed")]
        for target, status in old_rows:
            error = f"URLError: refused by {target}" if status == "failed" else None
            s.add(Notification(flag_id=flag_id, target=target, status=status, attempts=1, last_error=error))

    return upgraded_from("0003", tmp_path / "m.db", fill)


def _targets(sessions: sessionmaker[Session]) -> dict[str, Notification]:
    with sessions() as s:
        return {n.target: n for n in s.scalars(select(Notification))}


def test_old_webhook_row_becomes_what_the_code_computes(migrated: sessionmaker[Session]) -> None:
    assert redact_target(WEBHOOK) in _targets(migrated)


def test_old_rows_keep_no_path_query_or_user(migrated: sessionmaker[Session]) -> None:
    stored = " ".join(f"{t} {n.last_error}" for t, n in _targets(migrated).items())
    assert not [s for s in ("pa55", "user", "ab12cd", "q9w8e7", "aaaa") if s in stored]


def test_apprise_row_is_left_as_it_was(migrated: sessionmaker[Session]) -> None:
    assert OLD_TELEGRAM_TARGET in _targets(migrated)


def test_truncated_row_loses_its_path(migrated: sessionmaker[Session]) -> None:
    assert [t for t in _targets(migrated) if t.startswith("https://h.example#")]


def test_sent_rows_are_not_sent_again(migrated: sessionmaker[Session]) -> None:
    sent: list[str] = []
    with migrated.begin() as s:
        report = deliver_pending(
            s, Config(notify_urls=(WEBHOOK, TELEGRAM)), now=NOW, sender=lambda url, doc: sent.append(url)
        )
    assert (report.sent, sent, len(_targets(migrated))) == (0, [], 3)
