"""Substring search over article titles and texts, through the full-text index migration 0009 builds where it can.

SQLite: an FTS5 table with the trigram tokenizer (``articles_fts``, external content: the index only, kept in step
with ``articles`` by triggers), so a search of three or more characters reads the index instead of every text; a
Chinese word needs trigram (``unicode61`` would index a whole run of Han characters as one token). PostgreSQL: GIN
``pg_trgm`` indexes on title and text, which ``ILIKE`` uses, when the extension could be created. A search shorter
than three characters has no trigram to look up and still reads every text, as does one on a database whose SQLite
lacks the trigram tokenizer (before 3.34).
"""

from __future__ import annotations

import logging
import weakref
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, literal_column, or_, select, table, text
from sqlalchemy.orm import Session

from storage.models import Article

logger = logging.getLogger(__name__)

FTS_TABLE = "articles_fts"
TRGM_INDEXES = ("ix_articles_title_trgm", "ix_articles_text_trgm")
MIN_INDEXED_CHARS = 3  # a trigram index holds nothing shorter
LIKE_ESCAPE = "/"

# Whether an engine's SQLite database has the FTS table, asked once per engine (it appears only by migration).
_has_fts: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def is_search_object(name: str | None) -> bool:
    """Whether a table or index belongs to the search index: built by migration 0009, not declared by the models."""
    return name is not None and (name == FTS_TABLE or name.startswith(f"{FTS_TABLE}_") or name in TRGM_INDEXES)


def fts_phrase(query: str) -> str:
    """``query`` as one FTS5 phrase (a substring to the trigram tokenizer): quoted, inner quotes doubled."""
    return '"' + query.replace('"', '""') + '"'


def like_pattern(query: str) -> str:
    """``%query%`` with LIKE's wildcards in ``query`` escaped (by :data:`LIKE_ESCAPE`): a literal substring."""
    escaped = (
        query.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%").replace("_", LIKE_ESCAPE + "_")
    )
    return f"%{escaped}%"


def sqlite_has_fts(session: Session) -> bool:
    """Whether this SQLite database has the trigram FTS table (cached per engine)."""
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    found = _has_fts.get(engine)
    if found is None:
        found = session.scalar(
            text("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :name"), {"name": FTS_TABLE}
        )
        found = bool(found)
        _has_fts[engine] = found
        if not found:
            logger.warning("no %s table: article search reads every text (run `carbonwatch db upgrade`)", FTS_TABLE)
    return found


def article_matches(session: Session, query: str) -> ColumnElement[bool]:
    """A condition on :class:`Article`: ``query`` is a substring of its title or text, ignoring (ASCII) case."""
    dialect = session.get_bind().dialect.name
    if len(query) >= MIN_INDEXED_CHARS:
        if dialect == "sqlite" and sqlite_has_fts(session):
            hits: Select[tuple[Any]] = (
                select(literal_column("rowid"))
                .select_from(table(FTS_TABLE))
                .where(text(f"{FTS_TABLE} MATCH :fts_phrase").bindparams(fts_phrase=fts_phrase(query)))
            )
            return Article.id.in_(hits)
        if dialect == "postgresql":
            pattern = like_pattern(query)
            # ILIKE, not lower(…) LIKE: the pg_trgm GIN indexes serve ILIKE (without them it is the same scan)
            return or_(
                Article.title.ilike(pattern, escape=LIKE_ESCAPE), Article.text.ilike(pattern, escape=LIKE_ESCAPE)
            )
    return or_(Article.title.icontains(query, autoescape=True), Article.text.icontains(query, autoescape=True))
