"""Engine and session factory: SQLite (WAL, busy timeout, foreign keys) by default, PostgreSQL by URL."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

logger = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 30_000
PG_CONNECT_TIMEOUT_S = 10
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


FILE_IDENTITY_KEY = "carbonwatch_file_identity"


class DatabaseFileGone(SQLAlchemyError):
    """The SQLite database file was deleted or replaced while connections to it were open.

    SQLite would go on writing into the old, unlinked file, and everything written would vanish with it.
    """


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino


def _watch_file(engine: Engine, path: Path) -> None:
    """Refuse every commit once ``path`` is no longer the file a connection opened (checked before each commit)."""

    def remember(_dbapi_conn: Any, record: Any) -> None:
        identity = _file_identity(path)
        if identity is not None:
            record.info[FILE_IDENTITY_KEY] = identity

    def check(conn: Any) -> None:
        opened = conn.info.get(FILE_IDENTITY_KEY)
        if opened is None:
            return
        now = _file_identity(path)
        if now != opened:
            what = "deleted" if now is None else "replaced by another file"
            raise DatabaseFileGone(
                f"the SQLite database file {path} was {what} while carbonwatch had it open: nothing more is written "
                "to the old file (it would vanish with it); restore the file, or run `carbonwatch db upgrade` to "
                "start a new one, then run again"
            )

    event.listen(engine, "connect", remember)
    event.listen(engine, "commit", check)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str, *, create_dirs: bool = False, **kwargs: Any) -> Engine:
    """Create an engine for ``url``; SQLite files get WAL mode, a busy timeout and foreign keys.

    A SQLite file in a directory that does not exist is refused (:class:`~sqlalchemy.exc.ArgumentError`): it is
    a mistyped path far more often than a new database, and SQLite would silently start an empty one there.
    ``create_dirs`` (``carbonwatch db upgrade``, the demo's ``--db``) creates the directory instead.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
            folder = Path(parsed.database).parent
            if create_dirs:
                folder.mkdir(parents=True, exist_ok=True)
            elif not folder.is_dir():
                raise ArgumentError(
                    f"the directory {folder} of the SQLite database does not exist (a mistyped path?); create it, "
                    "or run `carbonwatch db upgrade` to create the database there"
                )
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
            _watch_file(engine, Path(parsed.database).absolute())
        return engine
    if parsed.get_backend_name() == "postgresql":
        # A host that drops packets would otherwise hold every retry for the OS's TCP timeout (minutes).
        kwargs.setdefault("connect_args", {"connect_timeout": PG_CONNECT_TIMEOUT_S})
    try:
        return create_engine(url, pool_pre_ping=True, **kwargs)
    except ImportError as exc:
        # A backend whose driver is not installed (mysql://): a configuration mistake, like an unparsable URL.
        raise ArgumentError(
            f"no driver for the {parsed.get_backend_name()!r} backend ({exc}); use sqlite:/// or postgresql+psycopg://"
        ) from exc


def integrity_problems(engine: Engine, limit: int = 5) -> list[str]:
    """What SQLite's ``PRAGMA quick_check`` finds wrong in the file (empty: sound; other backends: not checked).

    Page-level damage passes migrations and most queries silently until a read lands on the damaged page.
    """
    if engine.dialect.name != "sqlite":
        return []
    with engine.connect() as conn:
        rows = [str(row[0]) for row in conn.exec_driver_sql(f"PRAGMA quick_check({int(limit)})")]
    return [] if rows == ["ok"] else [line for row in rows for line in row.splitlines() if line.strip()]


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """A session factory whose objects stay readable after commit (items outlive their transaction)."""
    return sessionmaker(engine, expire_on_commit=False)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` with Alembic (idempotent; safe to call at every start)."""
    from alembic import command
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    # Alembic logs its plugin set-up at INFO on every start: noise in every command and crawl log.
    for name in ("alembic", "alembic.runtime.plugins", "alembic.runtime.migration"):
        logging.getLogger(name).setLevel(logging.WARNING)
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def open_store(url: str, *, create_dirs: bool = False) -> tuple[Engine, sessionmaker[Session]]:
    """Engine and session factory for ``url``, with the schema migrated to the newest revision."""
    engine = make_engine(url, create_dirs=create_dirs)
    upgrade(engine)
    return engine, session_factory(engine)


def crawler_sessions(crawler: Any) -> sessionmaker[Session]:
    """One migrated engine per crawl, shared by its pipelines and extensions (``CARBONWATCH_DATABASE_URL``)."""
    cached: sessionmaker[Session] | None = getattr(crawler, "_carbonwatch_sessions", None)
    if cached is None:
        _, cached = open_store(crawler.settings.get("CARBONWATCH_DATABASE_URL"))
        crawler._carbonwatch_sessions = cached
    return cached
