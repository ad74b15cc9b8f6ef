"""Dedup: a feed's short excerpt of a stored article (same title, published within 6 hours) is linked as ``excerpt``.

A two-paragraph excerpt shares about a tenth of its article's shingles, far below the near-duplicate threshold; the
containment rule links it anyway, and neither a different title, another time, nor a text too long to be an excerpt
is linked by it. The article is a real Sina post (tests/fixtures/posts) through the clean pipeline's extraction.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from carbonwatch.posts import parse_post
from crawler.items import ArticleItem
from pipelines import dedup
from pipelines.clean import clean_html
from pipelines.store import store_item
from storage.db import open_store
from tests.pipelines.test_store import Stats

POSTS = Path(__file__).resolve().parent.parent / "fixtures" / "posts"
TITLE = "全国碳市场累计成交额突破20亿元 CCER成交量持续活跃"
PUBLISHED = datetime(2021, 11, 16, 3, 43, 46, tzinfo=UTC)


@pytest.fixture(scope="module")
def article_text() -> str:
    post = parse_post((POSTS / f"{TITLE}.md").read_text("utf-8"))
    return clean_html(post.body_html).text


@pytest.fixture
def excerpt(article_text: str) -> str:
    """What a feed carries: the article's first two paragraphs."""
    return "\n".join(article_text.splitlines()[:2])


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def sessions(request: pytest.FixtureRequest, article_text: str) -> Iterator[sessionmaker[Session]]:
    """A store holding the full article, stored by an earlier run (SQLite and PostgreSQL compare times apart)."""
    engine, factory = open_store(request.getfixturevalue("db_url" if request.param == "sqlite" else "pg_url"))
    stored = item("https://finance.sina.com.cn/2021-11-16/doc-ifull0001.shtml", TITLE, article_text, PUBLISHED)
    dedup.DedupPipeline(factory, Stats()).process_item(stored)
    with factory.begin() as session:
        store_item(session, stored)
    yield factory
    engine.dispose()


def item(url: str, title: str, text: str, published_at: datetime | None) -> ArticleItem:
    found = ArticleItem(url=url, source="sina-finance-rss", title=title, canonical_url=url, text=text, html="")
    found.published_at = published_at
    return found


def excerpt_item(text: str, *, title: str = TITLE, published_at: datetime | None = PUBLISHED) -> ArticleItem:
    return item("https://finance.sina.com.cn/2021-11-16/doc-iexcerpt01.shtml?from=rss", title, text, published_at)


def test_the_excerpt_is_far_below_the_near_duplicate_threshold(article_text: str, excerpt: str) -> None:
    assert dedup.jaccard(dedup.shingles(excerpt), dedup.shingles(article_text)) < dedup.NEAR_THRESHOLD / 2


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        ({"a", "b"}, {"a", "b", "c"}, 1.0),
        ({"a", "b", "x", "y"}, {"a", "b", "c"}, 0.5),
        ({"x"}, {"a"}, 0.0),
        (set(), {"a"}, 0.0),
    ],
)
def test_containment(part: set[str], whole: set[str], expected: float) -> None:
    assert dedup.containment(part, whole) == expected


def test_excerpt_of_a_stored_article_is_linked_as_an_excerpt(sessions: sessionmaker[Session], excerpt: str) -> None:
    stats = Stats()
    found = excerpt_item(excerpt)
    dedup.DedupPipeline(sessions, stats).process_item(found)
    assert found.duplicate is not None
    assert (found.duplicate["kind"], found.duplicate["similarity"]) == ("excerpt", 1.0)
    assert found.duplicate["original_url"] == "https://finance.sina.com.cn/2021-11-16/doc-ifull0001.shtml"
    assert stats.values["carbonwatch/dedup/excerpt"] == 1


def test_the_store_keeps_the_excerpt_as_a_duplicate_link(sessions: sessionmaker[Session], excerpt: str) -> None:
    found = excerpt_item(excerpt)
    dedup.DedupPipeline(sessions, Stats()).process_item(found)
    with sessions.begin() as session:
        result = store_item(session, found)
    assert result.status == "duplicate"


def test_a_different_title_is_not_an_excerpt(sessions: sessionmaker[Session], excerpt: str) -> None:
    found = excerpt_item(excerpt, title="全国碳市场成交额创新高")
    dedup.DedupPipeline(sessions, Stats()).process_item(found)
    assert found.duplicate is None


@pytest.mark.parametrize("published_at", [PUBLISHED + timedelta(hours=7), PUBLISHED - timedelta(days=3), None])
def test_another_time_or_no_date_is_not_an_excerpt(
    sessions: sessionmaker[Session], excerpt: str, published_at: datetime | None
) -> None:
    found = excerpt_item(excerpt, published_at=published_at)
    dedup.DedupPipeline(sessions, Stats()).process_item(found)
    assert found.duplicate is None


def test_a_text_too_long_for_an_excerpt_is_not_compared(sessions: sessionmaker[Session], article_text: str) -> None:
    # The article's first paragraphs up to just over the limit: contained, but no feed excerpt is this long.
    long_part = article_text[: dedup.EXCERPT_MAX_CHARS + 100]
    assert len(dedup.fold_text(long_part)) > dedup.EXCERPT_MAX_CHARS
    found = excerpt_item(long_part)
    dedup.DedupPipeline(sessions, Stats()).process_item(found)
    assert found.duplicate is None or found.duplicate["kind"] != "excerpt"
