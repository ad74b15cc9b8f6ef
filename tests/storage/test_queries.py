"""Query functions on SQLite and PostgreSQL: idempotent upserts, revisions, duplicate links, known URLs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from carbonwatch.textnorm import content_hash
from crawler.items import ArticleItem
from storage import queries
from storage.db import open_store
from storage.models import Article, ArticleDuplicate, ArticleRevision, Fingerprint, LshBand

NOW = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


def make_item(url: str, text: str, title: str = "标题") -> ArticleItem:
    return ArticleItem(
        url=url,
        source="sina",
        title=title,
        canonical_url=url,
        text=text,
        html=f"<p>{text}</p>",
        content_hash=content_hash(text),
        published_at=NOW - timedelta(hours=1),
        carbon={"relevant": True, "score": 2.5, "evidence": ["碳达峰"]},
    )


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def sessions(request: pytest.FixtureRequest, db_url: str) -> Iterator[sessionmaker[Session]]:
    url = db_url if request.param == "sqlite" else request.getfixturevalue("pg_url")
    engine, factory = open_store(url)
    yield factory
    engine.dispose()


def count(factory: sessionmaker[Session], model: type) -> int:
    with factory() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_first_upsert_is_new(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        article, status = queries.upsert_article(s, make_item("https://a.example/1", "正文一"), now=NOW)
    assert status == "new"
    assert article.revision == 1
    assert article.carbon_relevant is True


def test_same_item_twice_is_unchanged_and_one_row(sessions: sessionmaker[Session]) -> None:
    item = make_item("https://a.example/1", "正文一")
    with sessions.begin() as s:
        queries.upsert_article(s, item, now=NOW)
    with sessions.begin() as s:
        _, status = queries.upsert_article(s, item, now=NOW + timedelta(hours=1))
    assert status == "unchanged"
    assert count(sessions, Article) == 1
    assert count(sessions, ArticleRevision) == 0


def test_changed_text_is_a_revision_keeping_the_old_text(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        queries.upsert_article(s, make_item("https://a.example/1", "旧的正文", title="旧标题"), now=NOW)
    with sessions.begin() as s:
        article, status = queries.upsert_article(s, make_item("https://a.example/1", "新的正文"), now=NOW)
    assert status == "revised"
    assert (article.revision, article.text) == (2, "新的正文")
    with sessions() as s:
        [old] = queries.revisions_of(s, article.id)
    assert (old.revision, old.title, old.text) == (1, "旧标题", "旧的正文")
    assert count(sessions, Article) == 1


def test_dates_come_back_aware_utc(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        queries.upsert_article(s, make_item("https://a.example/1", "正文"), now=NOW)
    with sessions() as s:
        article = queries.get_article_by_url(s, "https://a.example/1")
    assert article is not None
    assert article.published_at == NOW - timedelta(hours=1)
    assert article.published_at.tzinfo is not None


def test_add_duplicate_is_idempotent(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        original, _ = queries.upsert_article(s, make_item("https://a.example/1", "正文"), now=NOW)
    dup = make_item("https://b.example/2", "正文")
    with sessions.begin() as s:
        _, first = queries.add_duplicate(s, dup, original_id=original.id, kind="exact", similarity=1.0, now=NOW)
    with sessions.begin() as s:
        row, second = queries.add_duplicate(s, dup, original_id=original.id, kind="exact", similarity=1.0, now=NOW)
    assert (first, second) == (True, False)
    assert row.original_id == original.id
    assert count(sessions, ArticleDuplicate) == 1


def test_known_urls_covers_articles_and_duplicates(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        original, _ = queries.upsert_article(s, make_item("https://a.example/1", "正文"), now=NOW)
        queries.add_duplicate(
            s, make_item("https://b.example/2", "正文"), original_id=original.id, kind="exact", similarity=1.0, now=NOW
        )
    with sessions() as s:
        found = queries.known_urls(s, ["https://a.example/1", "https://b.example/2", "https://c.example/3"])
    assert found == {"https://a.example/1", "https://b.example/2"}


def test_known_urls_handles_more_urls_than_one_statement_binds(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        queries.upsert_article(s, make_item("https://a.example/1", "正文"), now=NOW)
    urls = [f"https://x.example/{i}" for i in range(2000)] + ["https://a.example/1"]
    with sessions() as s:
        assert queries.known_urls(s, urls) == {"https://a.example/1"}


def test_find_by_hash_excludes_the_same_url(sessions: sessionmaker[Session]) -> None:
    item = make_item("https://a.example/1", "正文")
    with sessions.begin() as s:
        queries.upsert_article(s, item, now=NOW)
    with sessions() as s:
        assert queries.find_by_hash(s, item.content_hash) is not None
        assert queries.find_by_hash(s, item.content_hash, exclude_url="https://a.example/1") is None


def test_store_fingerprint_replaces_bands_and_finds_candidates(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        article, _ = queries.upsert_article(s, make_item("https://a.example/1", "正文"), now=NOW)
        queries.store_fingerprint(s, article.id, b"sig-1", [11, 12, 13])
    with sessions.begin() as s:
        queries.store_fingerprint(s, article.id, b"sig-2", [21, 22])
    with sessions() as s:
        assert queries.lsh_candidates(s, [21, 99]) == [(article.id, b"sig-2")]
        assert queries.lsh_candidates(s, [11, 12]) == []
    assert count(sessions, LshBand) == 2
    assert count(sessions, Fingerprint) == 1


def test_recent_articles_filters_by_time_and_source(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        queries.upsert_article(s, make_item("https://a.example/old", "旧"), now=NOW - timedelta(days=3))
        queries.upsert_article(s, make_item("https://a.example/new", "新"), now=NOW)
    with sessions() as s:
        recent = queries.recent_articles(s, NOW - timedelta(days=1))
        other = queries.recent_articles(s, NOW - timedelta(days=7), source="ndrc")
    assert [a.canonical_url for a in recent] == ["https://a.example/new"]
    assert other == []


# -- the crawl's hot path: id-only writes and column-only lookups --


def test_store_article_new_then_unchanged(sessions: sessionmaker[Session]) -> None:
    item = make_item("https://a.example/1", "正文")
    with sessions.begin() as s:
        first_id, first = queries.store_article(s, item, now=NOW)
    with sessions.begin() as s:
        again_id, again = queries.store_article(s, item, now=NOW + timedelta(hours=1))
    assert (first, again) == ("new", "unchanged")
    assert first_id == again_id
    assert count(sessions, Article) == 1


def test_store_article_writes_the_same_row_as_upsert(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        article_id, _ = queries.store_article(s, make_item("https://a.example/1", "正文"), run_id=None, now=NOW)
    with sessions() as s:
        article = s.get(Article, article_id)
        assert article is not None
        assert (article.revision, article.first_seen_at, article.carbon_evidence) == (1, NOW, ["碳达峰"])
        assert article.keywords == []


def test_store_article_changed_text_is_a_revision(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        queries.store_article(s, make_item("https://a.example/1", "旧的正文"), now=NOW)
    with sessions.begin() as s:
        _, status = queries.store_article(s, make_item("https://a.example/1", "新的正文"), now=NOW)
    assert status == "revised"
    assert count(sessions, ArticleRevision) == 1


def test_add_fingerprint_is_found_by_band(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        article_id, _ = queries.store_article(s, make_item("https://a.example/1", "正文"), now=NOW)
        queries.add_fingerprint(s, article_id, b"sig", [7, 8])
    with sessions() as s:
        assert queries.lsh_candidates(s, [8, 99]) == [(article_id, b"sig")]
        assert queries.lsh_candidates(s, [99]) == []
    assert count(sessions, LshBand) == 2


def test_column_lookups(sessions: sessionmaker[Session]) -> None:
    item = make_item("https://a.example/1", "正文")
    with sessions.begin() as s:
        article_id, _ = queries.store_article(s, item, now=NOW)
    with sessions() as s:
        assert queries.article_id_by_url(s, "https://a.example/1") == article_id
        assert queries.article_id_by_url(s, "https://a.example/2") is None
        assert queries.canonical_url_of(s, article_id) == "https://a.example/1"
        assert queries.find_original_by_hash(s, item.content_hash) == (article_id, "https://a.example/1")
        assert queries.find_original_by_hash(s, item.content_hash, exclude_url="https://a.example/1") is None
