"""Shared pytest fixtures: a temporary SQLite database URL and, when configured, a scratch PostgreSQL database."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_URL_ENV = "CARBONWATCH_TEST_PG_URL"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A SQLite file URL in the test's temporary directory (created and migrated on first open)."""
    return f"sqlite:///{tmp_path / 'carbonwatch.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the server named by ``CARBONWATCH_TEST_PG_URL``, dropped afterwards.

    The variable holds a URL of a database the test user may connect to and create databases from, e.g.
    ``postgresql+psycopg://postgres@127.0.0.1:55432/carbonwatch_test`` (scripts/test.sh starts such a server).
    Each test gets its own database so tests never see each other's rows.
    """
    base = os.environ.get(PG_URL_ENV)
    if not base:
        pytest.skip(f"{PG_URL_ENV} is not set: no PostgreSQL server to test against (scripts/test.sh starts one)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"cw_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
