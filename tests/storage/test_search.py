"""Article substring search through the full-text index of migration 0009 (SQLite FTS5 trigram; PostgreSQL pg_trgm)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, delete, text
from sqlalchemy.orm import Session, sessionmaker

from carbonwatch.web.queries import articles_page
from crawler.items import ArticleItem
from storage.db import open_store
from storage.models import Article
from storage.queries import upsert_article
from storage.search import article_matches, fts_phrase, is_search_object, like_pattern

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
TEXT = "国务院印发《2030年前碳达峰行动方案》，推进全国碳排放权交易市场建设。Carbon Market 100% 上线。"


def _item(n: int, title: str, body: str) -> ArticleItem:
    url = f"https://finance.sina.com.cn/roll/doc-i{n:09d}.shtml"
    return ArticleItem(
        url=url, source="sina_finance", title=title, canonical_url=url, text=body, html=f"<p>{body}</p>",
        content_hash=f"hash-{n}-{len(body)}", fetched_at=NOW,
    )  # fmt: skip


def _store(sessions: sessionmaker[Session]) -> tuple[int, int]:
    with sessions.begin() as session:
        plan, _ = upsert_article(session, _item(1, "关于推进碳达峰碳中和工作的通知", TEXT), now=NOW)
        other, _ = upsert_article(session, _item(2, "一季度经济数据发布", "工业增加值同比增长。"), now=NOW)
        session.flush()
        return plan.id, other.id


def _found(sessions: sessionmaker[Session], q: str) -> list[int]:
    with sessions() as session:
        return [row["id"] for row in articles_page(session, q=q).items]


@pytest.fixture
def sqlite_store(db_url: str) -> Iterator[tuple[Engine, sessionmaker[Session], int, int]]:
    engine, sessions = open_store(db_url)
    plan, other = _store(sessions)
    yield engine, sessions, plan, other
    engine.dispose()


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("碳排放权交易", "plan"),  # a word of the text
        ("碳达峰碳中和", "plan"),  # of the title
        ("CARBON market", "plan"),  # ASCII case ignored, as before
        ("100%", "plan"),  # a literal percent sign
        ("碳汇交易", None),  # in no article
        ("工业增加值", "other"),
        ("碳达", "plan"),  # two characters: no trigram, still found (by a scan)
        ('》"，推', None),  # a quote inside: one literal phrase (not in the text), not an FTS5 syntax error
        ("》，推", "plan"),  # the same without the quote
    ],
)
def test_sqlite_search_finds_substrings(
    sqlite_store: tuple[Engine, sessionmaker[Session], int, int], q: str, expected: str | None
) -> None:
    _, sessions, plan, other = sqlite_store
    assert _found(sessions, q) == {"plan": [plan], "other": [other], None: []}[expected]


def test_sqlite_search_of_three_characters_reads_the_index(
    sqlite_store: tuple[Engine, sessionmaker[Session], int, int],
) -> None:
    _, sessions, _, _ = sqlite_store
    with sessions() as session:
        sql = str(article_matches(session, "碳排放").compile(compile_kwargs={"literal_binds": False}))
    assert "articles_fts MATCH" in sql and "lower(" not in sql


def test_sqlite_index_follows_a_revised_text(sqlite_store: tuple[Engine, sessionmaker[Session], int, int]) -> None:
    _, sessions, plan, _ = sqlite_store
    with sessions.begin() as session:
        upsert_article(session, _item(1, "关于推进碳达峰碳中和工作的通知", "新版正文：绿色电力证书交易。"), now=NOW)
    assert (_found(sessions, "绿色电力证书"), _found(sessions, "碳排放权交易")) == ([plan], [])


def test_sqlite_index_forgets_a_deleted_article(sqlite_store: tuple[Engine, sessionmaker[Session], int, int]) -> None:
    _, sessions, plan, _ = sqlite_store
    with sessions.begin() as session:
        session.execute(delete(Article).where(Article.id == plan))
    with sessions() as session:
        hits = session.execute(text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q"), {"q": '"碳排放权"'})
        assert hits.all() == []


def test_sqlite_index_holds_the_rows_stored_before_it(db_url: str) -> None:
    engine, sessions = open_store(db_url)
    try:
        with engine.begin() as conn:  # rows from before migration 0009: take the index down and build it again
            conn.exec_driver_sql("INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')")
            conn.exec_driver_sql("DROP TRIGGER articles_fts_insert")
        plan, _ = _store(sessions)
        assert _found(sessions, "碳排放权") == []
        with engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
        assert _found(sessions, "碳排放权") == [plan]
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("name", "search"),
    [("articles_fts", True), ("articles_fts_data", True), ("ix_articles_text_trgm", True), ("articles", False)],
)
def test_search_objects_are_told_apart_from_the_models(name: str, search: bool) -> None:
    assert is_search_object(name) is search


def test_a_phrase_doubles_its_quotes() -> None:
    assert fts_phrase('a"b') == '"a""b"'


def test_a_like_pattern_escapes_its_wildcards() -> None:
    assert like_pattern("100%_/x") == "%100/%/_//x%"


@pytest.mark.postgres
def test_postgres_search_uses_the_trigram_index(pg_url: str) -> None:
    engine, sessions = open_store(pg_url)
    try:
        plan, other = _store(sessions)
        assert (_found(sessions, "碳排放权交易"), _found(sessions, "carbon MARKET"), _found(sessions, "碳汇交易")) == (
            [plan],
            [plan],
            [],
        )
        assert (_found(sessions, "100%"), _found(sessions, "工业增加值")) == ([plan], [other])
        with engine.connect() as conn:
            conn.exec_driver_sql("SET enable_seqscan = off")  # a two-row table: make the planner show the index
            plan_text = "\n".join(
                conn.execute(
                    text("EXPLAIN SELECT id FROM articles WHERE text ILIKE :p"), {"p": like_pattern("碳排放权")}
                ).scalars()
            )
        assert "ix_articles_text_trgm" in plan_text
    finally:
        engine.dispose()
