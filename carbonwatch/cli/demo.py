"""``carbonwatch demo``: crawl the bundled offline snapshot with the real spiders and show what was stored.

carbonwatch demo                                   # into the configured database (default ./carbonwatch.db)
carbonwatch demo --db sqlite:///demo.db            # somewhere else
carbonwatch demo --keep-serving                    # then keep the snapshot server up for your own crawls

No network: a local server on 127.0.0.1 serves ``carbonwatch/demo/site`` and the crawler's host map sends the
real hostnames there, so URLs, robots.txt and canonical URLs look exactly as in production.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from types import FrameType
from typing import Any

from carbonwatch.config import Config

# The spiders the demo runs, in order; engineer E appends the policy spiders as their snapshots land.
# Built-in spiders by name, configured sources (demo/sources.toml) by source name: each is one run, named as the
# daemon and `crawl --all` would name it, so `carbonwatch runs`/`status` after the demo look like production.
DEMO_SPIDERS: list[str] = ["sina_finance", "ndrc", "gov_cn", "mee", "sina-finance-rss"]
DEMO_SITE = Path(__file__).resolve().parent.parent / "demo" / "site"
DEMO_SOURCES = DEMO_SITE.parent / "sources.toml"  # the feed spider's sources (RSSHub's Sina feed)
# Local server, no politeness delay needed; the whole demo takes seconds.
DEMO_SETTINGS: dict[str, Any] = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "CARBONWATCH_PROGRESS_INTERVAL": 0,
    "CARBONWATCH_SOURCES_FILE": str(DEMO_SOURCES),
}
SAMPLE_TITLES = 8
DAEMON_TOUR_FILE = "carbonwatch-demo.toml"  # written by --keep-serving in the working directory


def register(sub: Any) -> None:
    """Add the ``demo`` subcommand."""
    p: argparse.ArgumentParser = sub.add_parser("demo", help="crawl the bundled offline snapshot (no network)")
    p.add_argument("--db", help="database URL (default: the configured one)")
    p.add_argument("--keep-serving", action="store_true", help="keep the snapshot server running afterwards")
    p.set_defaults(func=_demo)


def _demo(args: argparse.Namespace, config: Config) -> int:
    from carbonwatch.cli.crawl import print_summary
    from carbonwatch.crawlrun import CrawlSetupError, resolve_targets, run_crawl
    from carbonwatch.devserver import serve

    if args.db:
        from storage.db import make_engine

        config = replace(config, database_url=args.db)
        make_engine(args.db, create_dirs=True).dispose()  # a database named on the command line may be new
    print(
        f"demo: serving {DEMO_SITE} on 127.0.0.1; crawling {', '.join(DEMO_SPIDERS)} into "
        f"{config.redacted_database_url()}"
    )
    started = time.monotonic()
    with serve(DEMO_SITE) as server:
        host_map = server.host_map()
        try:
            targets = resolve_targets(DEMO_SPIDERS, replace(config, sources_file=DEMO_SOURCES))
            summary = run_crawl(targets, config, trigger="demo", settings=DEMO_SETTINGS, host_map=host_map)
        except CrawlSetupError as exc:
            print(f"carbonwatch demo: {exc}", file=sys.stderr)
            return 2
        print_summary(summary)
        print_stored(config)
        print(f"demo finished in {time.monotonic() - started:.1f} s")
        if args.keep_serving:
            print(f"snapshot server: {server.base_url}; host map for your own crawls:")
            print(f"  scrapy crawl sina_finance -s CARBONWATCH_HOST_MAP='{json.dumps(host_map)}'")
            tour = write_daemon_tour(Path(DAEMON_TOUR_FILE), config, host_map)
            print(f"watch the daemon crawl the snapshot every minute (another terminal, this directory; {tour}):")
            print(f"  CARBONWATCH_CONFIG={tour} carbonwatch daemon")
            print(f"  CARBONWATCH_CONFIG={tour} carbonwatch runs      # or status, logs RUN_ID -f")
            print("Ctrl-C (or SIGTERM) stops it.", flush=True)
            wait_for_stop()
            print("snapshot server stopped")
    return 0 if summary.ok else 1


def write_daemon_tour(path: Path, config: Config, host_map: dict[str, str]) -> Path:
    """A config file that points the daemon at the snapshot server: every demo source each minute, no delay.

    The daemon's crawl commands carry the host map (``[daemon] command`` and ``source_command``), as the demo's own
    crawls do. The database URL is written only when it holds no password (the environment keeps secrets).
    """
    tail = ["--trigger", "daemon", "--run-id", "{run_id}", "-s", f"CARBONWATCH_HOST_MAP={json.dumps(host_map)}"]
    tail += ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]
    crawl = [sys.executable, "-m", "carbonwatch", "crawl"]
    settings = {"sources_file": str(DEMO_SOURCES), "log_dir": str(config.log_dir.resolve())}
    if config.redacted_database_url() == config.database_url:
        settings["database_url"] = config.database_url
    # JSON strings and arrays of strings are valid TOML.
    lines = [
        "# Written by `carbonwatch demo --keep-serving`: the daemon against the offline snapshot.",
        "[carbonwatch]",
    ]
    lines += [f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in settings.items()]
    lines += ["", "[daemon]", f"command = {json.dumps([*crawl, '{source}', *tail])}"]
    lines += [f"source_command = {json.dumps([*crawl, '{spider}', '-a', 'source={source}', *tail])}"]
    for source in DEMO_SPIDERS:  # built-in spiders and configured sources alike have a table of their name
        lines += ["", f"[schedules.{source}]", "interval_minutes = 1"]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def wait_for_stop() -> None:
    """Block until SIGINT or SIGTERM.

    The crawl's Twisted reactor leaves its own SIGINT/SIGTERM handlers installed after it stops, and they do
    nothing once it has stopped: without handlers of our own, Ctrl-C and SIGTERM would be ignored here.
    """
    stop = threading.Event()

    def on_signal(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        while not stop.wait(1.0):
            pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def print_stored(config: Config) -> None:
    """What the database holds now: articles per source, duplicates, flags, a few titles."""
    from sqlalchemy import func, select

    from storage.db import open_store
    from storage.models import Article, ArticleDuplicate, Flag

    logging.getLogger("alembic").setLevel(logging.WARNING)  # "Context impl SQLiteImpl" is noise here
    engine, sessions = open_store(config.database_url)
    try:
        with sessions() as session:
            per_source = session.execute(
                select(Article.source, func.count()).group_by(Article.source).order_by(Article.source)
            ).all()
            duplicates = session.scalar(select(func.count()).select_from(ArticleDuplicate)) or 0
            flags = session.scalars(select(Flag).order_by(Flag.id)).all()
            relevant = session.scalar(select(func.count()).where(Article.carbon_relevant.is_(True))) or 0
            titles = session.scalars(
                select(Article.title)
                .order_by(Article.carbon_relevant.desc(), Article.published_at.desc())
                .limit(SAMPLE_TITLES)
            ).all()
    finally:
        engine.dispose()
    print("stored articles: " + (", ".join(f"{src} {n}" for src, n in per_source) or "none"))
    print(f"duplicates linked: {duplicates}; carbon-relevant articles: {relevant}; flags raised: {len(flags)}")
    for flag in flags[:SAMPLE_TITLES]:
        print(f"  FLAG {flag.title}")
    print("a few stored titles (carbon-relevant first):")
    for title in titles:
        print(f"  - {title}")
    print("next: `carbonwatch runs`, `carbonwatch flags`, or query the database directly (docs/schema.md).")
