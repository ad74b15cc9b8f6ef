"""Single-instance lock for the daemon, released by the OS when the holder dies (no stale lock after a crash).

SQLite: an exclusive ``fcntl.flock`` on ``<database file>.daemon.lock``. PostgreSQL: a session-level
``pg_try_advisory_lock`` held on a dedicated connection for the daemon's lifetime.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import re
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import make_url

logger = logging.getLogger(__name__)


class AlreadyRunning(RuntimeError):
    """Another daemon holds the lock on this database."""


def lock_file_for(database_url: str) -> Path | None:
    """The lock file beside a SQLite database file; None for other backends and in-memory databases."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database + ".daemon.lock")


# Advisory locks are per database, so one fixed key per application is enough; derived, not invented, so it
# is unlikely to collide with another application's key on a shared server.
ADVISORY_KEY = int.from_bytes(hashlib.sha256(b"carbonwatch-daemon").digest()[:8], "big", signed=True)


def lock_pid_file(path: Path, busy: str) -> IO[str]:
    """Take an exclusive ``flock`` on ``path`` without waiting and write this process's pid into it.

    Returns the open file, which holds the lock until it is unlocked or closed (or the process dies). When another
    process holds it, raises :class:`AlreadyRunning` with ``busy`` formatted with that process's ``holder`` pid and
    the ``path``.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("a+", encoding="utf-8")
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.seek(0)
        holder = handle.read().strip() or "unknown"
        handle.close()
        raise AlreadyRunning(busy.format(holder=holder, path=path)) from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()}\n")
    handle.flush()
    return handle


class InstanceLock:
    """Held while the daemon runs; ``acquire`` raises :class:`AlreadyRunning` when another daemon has it."""

    def __init__(self, database_url: str, engine: Engine | None = None) -> None:
        self.database_url = database_url
        self.engine = engine
        self._file: IO[str] | None = None
        self._conn: Connection | None = None

    def acquire(self) -> None:
        """Take the lock without waiting."""
        path = lock_file_for(self.database_url)
        if path is not None:
            self._acquire_file(path)
        elif make_url(self.database_url).get_backend_name() == "postgresql":
            self._acquire_pg()
        else:
            logger.warning("no single-instance lock for %s databases", make_url(self.database_url).get_backend_name())

    def held_elsewhere(self) -> bool:
        """Whether another process holds the lock now, asked without taking it for longer than the question.

        For ``carbonwatch status``: the lock file is neither created nor written (it holds the daemon's pid).
        """
        path = lock_file_for(self.database_url)
        if path is not None:
            try:
                handle = path.open("r", encoding="utf-8")
            except FileNotFoundError:
                return False  # no daemon ever ran on this database
            with handle:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
                except OSError:
                    return True
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
                return False
        try:
            self.acquire()
        except AlreadyRunning:
            return True
        self.release()
        return False

    def _acquire_file(self, path: Path) -> None:
        self._file = lock_pid_file(
            path, "another carbonwatch daemon (pid {holder}) is running on this database (lock file {path})"
        )

    def _acquire_pg(self) -> None:
        if self.engine is None:
            raise ValueError("a PostgreSQL lock needs the engine")
        conn = self.engine.connect()
        got: Any = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": ADVISORY_KEY})
        if not got.scalar():
            conn.close()
            raise AlreadyRunning("another carbonwatch daemon holds the PostgreSQL advisory lock on this database")
        # Commit so the connection is not idle in a transaction; session-level advisory locks survive commits.
        conn.commit()
        self._conn = conn

    def release(self) -> None:
        """Give the lock back (also happens when the process dies)."""
        if self._file is not None:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None
        if self._conn is not None:
            self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": ADVISORY_KEY})
            self._conn.commit()
            self._conn.close()
            self._conn = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def source_lock_path(database_url: str, spool_dir: Path, source: str) -> Path:
    """The lock file of one source's crawls: beside a SQLite database file, else in the spool directory.

    The name keeps the source readable and adds a hash of it, so any source name (spaces, slashes) is one file.
    """
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", source)[:64]
    name = f"crawl-{safe}-{hashlib.sha256(source.encode()).hexdigest()[:8]}.lock"
    daemon_lock = lock_file_for(database_url)
    folder = daemon_lock.parent if daemon_lock is not None else Path(spool_dir)
    return folder / (f"{Path(make_url(database_url).database or '').name}.{name}" if daemon_lock else name)


class SourceLock:
    """Held by the process crawling one source for as long as it crawls; the OS releases it when that process dies.

    Two crawls of one source at once fetch every page twice: a crawl orphaned by a killed daemon beside the
    restarted daemon's, or cron's beside the daemon's. The second one does not start (:class:`AlreadyRunning`).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock without waiting; :class:`AlreadyRunning` names the crawl that holds it."""
        self._file = lock_pid_file(self.path, "a crawl of it (pid {holder}) is still running (lock file {path})")

    def holder(self) -> str | None:
        """The pid of the crawl holding the lock now, or None when it is free (asked without taking it)."""
        try:
            handle = self.path.open("r", encoding="utf-8")
        except FileNotFoundError:
            return None
        with handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
            except OSError:
                return handle.read().strip() or "unknown"
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            return None

    def release(self) -> None:
        """Give the lock back (the file stays: removing it would let two crawls lock two different files)."""
        if self._file is not None:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None
