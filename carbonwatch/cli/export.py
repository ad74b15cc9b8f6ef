"""``carbonwatch export``: the rows of a contract view as JSON lines or CSV, for downstream jobs.

carbonwatch export flags --since 7d                       # flagged releases of the last week, JSON lines
carbonwatch export articles --since 2026-11-28 --format csv -o articles.csv
carbonwatch export runs --since 2026-11-29T08:00:00.000+00:00   # a watermark in the views' own time form

Rows come from the views ``v_flagged_releases``, ``v_articles`` and ``v_runs`` (docs/schema.md, "Views"), oldest
first, so an export and a SQL query of the view agree field for field.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from carbonwatch.cli.exitcodes import USAGE
from carbonwatch.cli.policy import parse_since
from carbonwatch.config import Config
from storage.db import open_store
from storage.views import VIEWS, read_view


def register(sub: Any) -> None:
    """Add the ``export`` subcommand."""
    p: argparse.ArgumentParser = sub.add_parser("export", help="print a contract view as JSON lines or CSV")
    p.add_argument(
        "view", choices=sorted(VIEWS), help="flags (v_flagged_releases), articles (v_articles), runs (v_runs)"
    )
    p.add_argument(
        "--since", type=parse_since, default=None, help="only rows at or after (7d, 12h, ISO date or time; UTC)"
    )
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="jsonl (default) or csv")
    p.add_argument("-o", "--output", type=Path, help="write to this file instead of stdout")
    p.set_defaults(func=_export)


def _write(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    engine, sessions = open_store(config.database_url)
    count = 0
    try:
        with sessions() as session:
            rows = read_view(session, args.view, since=args.since, parse_json=args.format == "jsonl")
            if args.format == "csv":
                writer = csv.DictWriter(out, fieldnames=list(VIEWS[args.view].columns), lineterminator="\n")
                writer.writeheader()
            for row in rows:
                if args.format == "csv":
                    writer.writerow(row)
                else:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
    finally:
        engine.dispose()
    return count


def _export(args: argparse.Namespace, config: Config) -> int:
    if args.output is None:
        count = _write(args, config, sys.stdout)
    else:
        try:
            fh = args.output.open("w", encoding="utf-8", newline="")
        except OSError as exc:
            print(f"carbonwatch export: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return USAGE
        with fh:
            count = _write(args, config, fh)
    print(f"exported {count} row(s) of {VIEWS[args.view].name}", file=sys.stderr)
    return 0
