"""Alembic environment: runs on the connection handed in by storage.db.upgrade, or on sqlalchemy.url."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from storage.models import Base
from storage.search import is_search_object

config = context.config
target_metadata = Base.metadata


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Autogenerate leaves alone what migration 0009 built outside the models (the article search index)."""
    return not is_search_object(name)


def run_migrations() -> None:
    """Run migrations on the given connection (or one made from the ini's sqlalchemy.url)."""
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(
            connection=connection, target_metadata=target_metadata, render_as_batch=True, include_name=include_name
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = engine_from_config(config.get_section(config.config_ini_section) or {}, poolclass=pool.NullPool)
    with engine.connect() as conn:
        context.configure(
            connection=conn, target_metadata=target_metadata, render_as_batch=True, include_name=include_name
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
