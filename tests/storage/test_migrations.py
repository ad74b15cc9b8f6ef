"""The Alembic migrations build exactly the schema the models declare (the documented contract)."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from storage.db import make_engine, upgrade
from storage.models import Base
from storage.search import is_search_object


def _diff(url: str) -> list[object]:
    engine = make_engine(url)
    upgrade(engine)
    with engine.connect() as conn:
        # the article search index (migration 0009) is outside the models, on purpose
        context = MigrationContext.configure(conn, opts={"include_name": lambda name, *_: not is_search_object(name)})
        diff = compare_metadata(context, Base.metadata)
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
