"""The pages' own read queries on SQLite and PostgreSQL: filter choices by a loose index scan, an article's policies."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from carbonwatch.web.page_queries import article_sources, distinct_values, policies_of_article, run_sources
from crawler.items import ArticleItem
from storage.db import open_store
from storage.models import Article, CrawlRun
from storage.queries import upsert_article
from tests.seed import seed_flagged_release

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def _seed(session: Session) -> None:
    for n, source in enumerate(["ndrc", "mee", "ndrc", "sina_finance", "mee"]):
        url = f"https://example.gov.cn/{n}.html"
        item = ArticleItem(url=url, source=source, title=f"t{n}", canonical_url=url, text=f"正文{n}", content_hash=url)
        upsert_article(session, item)
    for source in ["gov_cn", "ndrc,mee", "gov_cn", "sina-finance-rss"]:
        session.add(CrawlRun(source=source, trigger="cron", status="success"))


@pytest.fixture(params=["sqlite", "postgresql"])
def session(request: pytest.FixtureRequest) -> Iterator[Session]:
    url = request.getfixturevalue("db_url" if request.param == "sqlite" else "pg_url")
    engine, sessions = open_store(url)
    with sessions.begin() as s:
        _seed(s)
    with sessions() as s:
        yield s
    engine.dispose()


def test_distinct_values_are_sorted_and_unique(session: Session) -> None:
    assert distinct_values(session, Article.source) == ["mee", "ndrc", "sina_finance"]


def test_article_sources(session: Session) -> None:
    assert article_sources(session) == ["mee", "ndrc", "sina_finance"]


def test_run_sources_split_crawl_all_runs(session: Session) -> None:
    assert run_sources(session) == ["gov_cn", "mee", "ndrc", "sina-finance-rss"]


def test_distinct_values_of_an_empty_table(db_url: str) -> None:
    engine, sessions = open_store(db_url)
    with sessions() as session:
        assert distinct_values(session, Article.source) == []
    engine.dispose()


def test_the_policies_an_article_names(db_url: str) -> None:
    engine, sessions = open_store(db_url)
    with sessions.begin() as session:
        seed_flagged_release(session, NOW)
    with sessions() as session:
        article_id = session.scalars(select(Article.id)).one()
        named = policies_of_article(session, article_id)
    engine.dispose()
    assert [(p["title"], p["is_release"], p["flag_id"] is not None) for p in named] == [
        ("《2030年前碳达峰行动方案》", True, True)
    ]
