"""Migration 0008: documents stored under no web address before the store refused them are removed (issue 15 #14)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from storage.models import Article, ArticleDuplicate, Flag, Notification, Policy, PolicyMention
from tests.seed import seed_flagged_release
from tests.storage.migrating import upgraded_from

NOW = datetime(2021, 11, 16, 8, 0, tzinfo=UTC)
GOOD = "https://finance.sina.com.cn/good.shtml"
JUNK = "javascript:void(0)"


def article(url: str, content_hash: str) -> Article:
    return Article(
        canonical_url=url, url=url, source="feed", title="t", html="<p>x</p>", text="x", content_hash=content_hash
    )


@pytest.fixture
def migrated(tmp_path: Path) -> sessionmaker[Session]:
    """At 0007: a flagged article whose URL is junk, a good article, duplicate links with junk and good URLs."""

    def fill(s: Session) -> None:
        seed_flagged_release(s, NOW)
        s.execute(update(Article).values(url=JUNK, canonical_url=JUNK))
        flag_id = s.scalars(select(Flag.id)).one()
        s.add(Notification(flag_id=flag_id, target="https://hooks.example.org#ab", status="pending", attempts=0))
        good = article(GOOD, "g")
        s.add_all([good, article("urn:carbonwatch:post:abc", "p"), article("https://[broken", "b")])
        s.flush()
        for url in ["mailto:a@b.cn", "https://finance.sina.com.cn/reprint.shtml"]:
            s.add(
                ArticleDuplicate(
                    canonical_url=url,
                    url=url,
                    source="feed",
                    title="t",
                    content_hash="g",
                    original_id=good.id,
                    kind="exact",
                    similarity=1.0,
                )
            )

    return upgraded_from("0007", tmp_path / "m.db", fill)


def count(sessions: sessionmaker[Session], model: type) -> int:
    with sessions() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_junk_articles_are_removed_and_web_and_imported_ones_kept(migrated: sessionmaker[Session]) -> None:
    with migrated() as s:
        assert set(s.scalars(select(Article.canonical_url))) == {GOOD, "urn:carbonwatch:post:abc"}


def test_junk_duplicate_links_are_removed(migrated: sessionmaker[Session]) -> None:
    with migrated() as s:
        assert set(s.scalars(select(ArticleDuplicate.url))) == {"https://finance.sina.com.cn/reprint.shtml"}


def test_the_junk_articles_flag_mentions_and_notifications_go_with_it(migrated: sessionmaker[Session]) -> None:
    assert (count(migrated, Flag), count(migrated, Notification), count(migrated, PolicyMention)) == (0, 0, 0)


def test_the_policy_stays_without_its_first_article(migrated: sessionmaker[Session]) -> None:
    with migrated() as s:
        assert s.scalars(select(Policy.first_article_id)).all() == [None]


def test_no_row_points_at_a_removed_article(migrated: sessionmaker[Session]) -> None:
    with migrated() as s:
        orphans = s.execute(
            text(
                "SELECT (SELECT count(*) FROM fingerprints WHERE article_id NOT IN (SELECT id FROM articles))"
                " + (SELECT count(*) FROM article_revisions WHERE article_id NOT IN (SELECT id FROM articles))"
            )
        ).scalar_one()
    assert orphans == 0
