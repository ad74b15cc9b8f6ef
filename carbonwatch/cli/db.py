"""``carbonwatch db upgrade``: bring the database schema to the newest migration."""

from __future__ import annotations

import argparse
from typing import Any

from carbonwatch.config import Config
from storage.db import make_engine, upgrade


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
    finally:
        engine.dispose()
    print(f"schema at {args.revision} on {config.redacted_database_url()}")
    return 0
