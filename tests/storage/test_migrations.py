"""The Alembic migrations build exactly the schema the models declare (the documented contract)."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from storage.db import make_engine, upgrade
from storage.models import Base


def _diff(url: str) -> list[object]:
    engine = make_engine(url)
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    return list(diff)


def test_sqlite_migrations_match_models(tmp_path: Path) -> None:
    assert _diff(f"sqlite:///{tmp_path / 'm.db'}") == []


def test_upgrade_is_idempotent(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    engine = make_engine(url)
    upgrade(engine)
    upgrade(engine)
    assert {"articles", "crawl_runs", "flags", "alembic_version"} <= set(inspect(engine).get_table_names())


@pytest.mark.postgres
def test_postgres_migrations_match_models(pg_url: str) -> None:
    assert _diff(pg_url) == []
