"""``carbonwatch db upgrade``: bring the database schema to the newest migration, then check a SQLite file's pages."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from carbonwatch.cli import exitcodes
from carbonwatch.config import Config
from storage.db import integrity_problems, make_engine, upgrade


def register(sub: Any) -> None:
    """Add the ``db`` subcommand group."""
    p: argparse.ArgumentParser = sub.add_parser("db", help="database schema maintenance")
    dbsub = p.add_subparsers(dest="db_command", required=True)
    up = dbsub.add_parser("upgrade", help="apply schema migrations (also done automatically by every command)")
    up.add_argument("--revision", default="head")
    up.set_defaults(func=_upgrade)


def _upgrade(args: argparse.Namespace, config: Config) -> int:
    engine = make_engine(config.database_url, create_dirs=True)  # the one command that may start a new database
    try:
        upgrade(engine, args.revision)
        damage = integrity_problems(engine)
    finally:
        engine.dispose()
    if damage:
        # A damaged page passes the migration; reads landing on it fail later, far from the cause.
        print(
            f"carbonwatch db upgrade: the database file {config.redacted_database_url()} is damaged "
            f"({'; '.join(damage)}): restore it from a backup, or salvage it with `sqlite3 FILE .recover`",
            file=sys.stderr,
        )
        return exitcodes.DATABASE
    print(f"schema at {args.revision} on {config.redacted_database_url()}")
    return 0
