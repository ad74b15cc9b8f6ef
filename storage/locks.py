"""Transaction-scoped write locks that make "is this text new? then insert it" atomic across crawl processes.

Two workers storing the same new text at the same instant both find nothing in the dedup check and would both
create an article. The store therefore takes, inside its write transaction and before it checks again, a lock
that any other worker storing a similar text must also take:

- PostgreSQL: ``pg_advisory_xact_lock`` on each LSH band key of the text, in ascending order (two texts that can
  be near-duplicate candidates share at least one band key; ascending order means no two stores deadlock). The
  locks are released at commit or rollback, and under READ COMMITTED the re-check after the wait sees what the
  other worker committed.
- SQLite: the database's single write lock, taken at once by a write statement that changes nothing (the same as
  ``BEGIN IMMEDIATE``, but valid whichever way the driver opened the transaction); the busy timeout waits for it.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

# One round trip for all keys; unnest keeps the array's (ascending) order, so locks are taken in that order.
_PG_LOCK_KEYS = text("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(CAST(:keys AS bigint[])) AS k")
# Matches no row, but a write statement takes SQLite's write lock for the rest of the transaction.
_SQLITE_WRITE_LOCK = text("UPDATE fingerprints SET article_id = article_id WHERE 0")


def lock_text_keys(session: Session, keys: Iterable[int]) -> None:
    """Hold, until the transaction ends, the lock that every store of a text sharing one of ``keys`` takes."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        ordered = sorted(set(keys))
        if ordered:
            session.execute(_PG_LOCK_KEYS, {"keys": ordered})
    elif dialect == "sqlite":
        session.execute(_SQLITE_WRITE_LOCK)
    else:
        raise NotImplementedError(f"unsupported database dialect {dialect!r} (SQLite and PostgreSQL only)")
