"""articles: a full-text index for the console's substring search (SQLite FTS5 trigram; PostgreSQL pg_trgm)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 14:10:00

The console's and the API's article search (``q``) read every title and text: about 0.75 s at 100,000 articles on
SQLite. SQLite gets ``articles_fts``, an FTS5 table with the trigram tokenizer over ``articles.title`` and
``articles.text`` (external content: it stores the index, not a second copy of the text), filled from the existing
rows and kept in step by three triggers; skipped, with a warning, where SQLite lacks the trigram tokenizer (before
3.34). PostgreSQL gets GIN ``pg_trgm`` indexes on title and text, when the extension exists or this role may create
it (else skipped with a warning; the search then scans as before). :mod:`storage.search` uses whichever is there.
These objects are outside the models (:func:`storage.search.is_search_object`). A later migration that rebuilds
``articles`` on SQLite (batch mode copies the table) drops the triggers and must create them again.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

logger = logging.getLogger("alembic.runtime.migration")

SQLITE_UP = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', "
    "tokenize='trigram')",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END",
    # Only a change of title or text touches the index (a re-crawl that finds the page unchanged updates other columns).
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
)
SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS articles_fts_update",
    "DROP TRIGGER IF EXISTS articles_fts_delete",
    "DROP TRIGGER IF EXISTS articles_fts_insert",
    "DROP TABLE IF EXISTS articles_fts",
)


def _sqlite_has_trigram(bind: sa.Connection) -> bool:
    version = tuple(int(part) for part in bind.exec_driver_sql("SELECT sqlite_version()").scalar_one().split("."))
    return version >= (3, 34)


def _pg_trgm(bind: sa.Connection) -> bool:
    """Whether pg_trgm is there after trying to create it (a role without the right keeps the plain scan)."""
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except sa.exc.DBAPIError as exc:
        logger.warning("pg_trgm is not available (%s): article search stays a scan of every text", exc.orig)
        return False
    return True


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        if not _sqlite_has_trigram(bind):
            logger.warning("SQLite before 3.34 has no trigram tokenizer: article search stays a scan of every text")
            return
        for statement in SQLITE_UP:
            bind.exec_driver_sql(statement)
    elif bind.dialect.name == "postgresql" and _pg_trgm(bind):
        op.execute("CREATE INDEX ix_articles_title_trgm ON articles USING gin (title gin_trgm_ops)")
        op.execute("CREATE INDEX ix_articles_text_trgm ON articles USING gin (text gin_trgm_ops)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_DOWN:
            bind.exec_driver_sql(statement)
    elif bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_articles_text_trgm")
        op.execute("DROP INDEX IF EXISTS ix_articles_title_trgm")
