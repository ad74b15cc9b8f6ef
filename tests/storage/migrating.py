"""Data-migration test set-up: a SQLite database filled at an old revision, then upgraded to head."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from storage.db import make_engine, session_factory, upgrade


def upgraded_from(revision: str, db_file: Path, fill: Callable[[Session], None]) -> sessionmaker[Session]:
    """Migrate ``db_file`` to ``revision``, let ``fill`` add rows in one transaction, upgrade to head; its sessions."""
    engine = make_engine(f"sqlite:///{db_file}")
    upgrade(engine, revision)
    sessions = session_factory(engine)
    with sessions.begin() as session:
        fill(session)
    upgrade(engine)
    return sessions
