"""``carbonwatch crawl`` and ``carbonwatch import``: run crawls (or import files) in this process, print a summary.

carbonwatch crawl                         # every enabled source, one run each (configured sources too)
carbonwatch crawl sina_finance -a lids=1686 -a max_pages=2
carbonwatch crawl sina-finance-rss        # one configured source (= crawl feed -a source=sina-finance-rss)
carbonwatch crawl --all --trigger cron    # what a crontab line runs
carbonwatch crawl sina_finance --trigger daemon --run-id 42   # what the daemon spawns
carbonwatch crawl feed -a source=sina-finance-rss --trigger daemon --run-id 43
carbonwatch import PATH... [--url URL] [--source NAME]   # posts, feeds, saved pages of any built-in site

Exit code 0 when every run succeeded, 1 when any failed (the last line says what to look at), 2 on bad usage,
4 when the database cannot be used (:mod:`carbonwatch.cli.exitcodes`).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from rich.text import Text

from carbonwatch.cli import exitcodes
from carbonwatch.cli.tables import Column, print_json_lines, print_table
from carbonwatch.config import Config

# Scrapy and the pipelines are imported by the handlers, not here: every command (and the daemon) builds this
# parser, and importing Scrapy costs about 30 MB and a second.
if TYPE_CHECKING:
    from carbonwatch.crawlrun import RunSummary, SpiderSummary


def register(sub: Any) -> None:
    """Add the ``crawl`` and ``import`` subcommands."""
    crawl: argparse.ArgumentParser = sub.add_parser("crawl", help="run crawls now and print what they stored")
    crawl.add_argument(
        "spiders", nargs="*", metavar="SPIDER", help="spiders or configured sources to run (default: every enabled one)"
    )
    crawl.add_argument("--all", action="store_true", help="every enabled source (explicit, for crontabs)")
    crawl.add_argument("--trigger", choices=("manual", "cron", "daemon"), default="manual")
    # The daemon's: it pre-creates the row (status running) and hands its id to the crawl process it spawns.
    crawl.add_argument("--run-id", type=int, help=argparse.SUPPRESS)
    crawl.add_argument(
        "-a", dest="spider_args", action="append", default=[], metavar="NAME=VALUE", help="spider argument"
    )
    crawl.add_argument(
        "-s", dest="settings", action="append", default=[], metavar="NAME=VALUE", help="Scrapy setting override"
    )
    crawl.add_argument("--json", action="store_true", help="the summary as JSON lines, one run per line (as `runs`)")
    crawl.set_defaults(func=_crawl)

    imp: argparse.ArgumentParser = sub.add_parser(
        "import", help="import Hexo posts, RSS/Atom files or saved pages through the pipelines"
    )
    imp.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    imp.add_argument("--url", help="the page's real URL (picks the site's parser); default: canonical link, og:url")
    imp.add_argument("--source", metavar="NAME", help="read saved pages with this configured source's selectors")
    imp.add_argument("--json", action="store_true", help="the run as one JSON line (as `runs --json`)")
    imp.set_defaults(func=_import)


def _pairs(values: list[str], what: str) -> dict[str, str]:
    from carbonwatch.crawlrun import CrawlSetupError

    out: dict[str, str] = {}
    for value in values:
        name, sep, rest = value.partition("=")
        if not sep or not name:
            raise CrawlSetupError(f"{what} {value!r} is not NAME=VALUE")
        out[name] = rest
    return out


def _crawl(args: argparse.Namespace, config: Config) -> int:
    from carbonwatch.crawlrun import CrawlSetupError, enabled_targets, resolve_targets, run_crawl
    from scheduler.parentdeath import follow_daemon

    if not follow_daemon(os.environ):
        # Started by a daemon that died at that very moment: its successor schedules this source again.
        print("carbonwatch crawl: the daemon that started this crawl is gone; not crawling", file=sys.stderr)
        return exitcodes.FAILED
    try:
        if args.all and args.spiders:
            raise CrawlSetupError("give spider names or --all, not both")
        spider_args = _pairs(args.spider_args, "spider argument")
        # Every enabled source is its own run (configured sources too), as the daemon schedules them.
        problems: list[str] = []
        targets = (
            resolve_targets(args.spiders, config, spider_args) if args.spiders else enabled_targets(config, problems)
        )
        for problem in problems:
            print(f"carbonwatch crawl: {problem}", file=sys.stderr)
        if not targets:
            raise CrawlSetupError("no spider is enabled")
        summary = run_crawl(
            targets,
            config,
            trigger=args.trigger,
            run_id=args.run_id,
            settings=_pairs(args.settings, "setting"),
            spider_args=spider_args,
        )
    except CrawlSetupError as exc:
        print(f"carbonwatch crawl: {exc}", file=sys.stderr)
        return 2
    # With --json, stdout carries only the records; what a person reads goes to stderr.
    text_out = sys.stderr if args.json else sys.stdout
    if args.json:
        print_json_lines(summary_records(summary, config))
    else:
        print_summary(summary, configured={t.source for t in targets if t.spider != t.source})
    if args.trigger != "daemon":
        # The daemon prunes at start and daily; without one (cron), each crawl does, sparing the logs it just wrote.
        prune_run_logs(config, keep={Path(r.log_path) for r in summary.runs if r.log_path})
    if args.trigger != "daemon" and config.notify_urls:
        deliver_alerts(config, out=text_out)  # the daemon delivers after each run it spawns; cron and manual here
    if problems:
        print(
            "next: fix the sources file named above; `carbonwatch status` shows its sources as never run",
            file=text_out,
        )
    unrecorded = [run for run in summary.runs if run.unrecorded]
    if unrecorded:
        report_unrecorded(unrecorded, config)
        return exitcodes.DATABASE
    return 0 if summary.ok and not problems else 1


def report_unrecorded(runs: list[SpiderSummary], config: Config) -> None:
    """Say on stderr which runs the database could not record, where their items and records wait, and what next."""
    from carbonwatch.config import redact_url

    for run in runs:
        print(
            f"carbonwatch crawl: {run.spider}: database unavailable ({redact_url(config.database_url)}): "
            f"{run.unrecorded}; crawled anyway, {run.spooled} items spooled in {config.spool_dir}, run record kept "
            f"in {run.pending_record or 'no file (see the log)'}",
            file=sys.stderr,
        )
    print(
        "next: bring the database back (check CARBONWATCH_DATABASE_URL and the server), then run `carbonwatch crawl` "
        "or wait for the next scheduled crawl: it records these runs and writes the spooled items. "
        f"Do not delete {config.spool_dir}/",
        file=sys.stderr,
    )


def _import(args: argparse.Namespace, config: Config) -> int:
    from carbonwatch.crawlrun import CrawlSetupError, run_crawl
    from carbonwatch.importer import ImportSpider, expand_paths, import_spider_factory

    files = expand_paths(args.paths)
    missing = [str(p) for p in files if not p.exists()]
    if missing:
        print(f"carbonwatch import: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    if not files:
        print("carbonwatch import: nothing to import under the given paths", file=sys.stderr)
        return 2
    spider_args: dict[str, Any] = {"paths": [str(p) for p in files]}
    if args.url:
        spider_args["url"] = args.url
    if args.source:
        from carbonwatch.cli.analyze import configured_source
        from crawler.sources import SourceError

        try:
            configured_source(config, args.source)
        except SourceError as exc:
            print(f"carbonwatch import: {exc}", file=sys.stderr)
            return 2
        spider_args["parser_source"] = args.source
    try:
        summary = run_crawl(
            [ImportSpider.name],
            config,
            trigger="import",
            spider_args=spider_args,
            spider_factory=import_spider_factory,
        )
    except CrawlSetupError as exc:
        print(f"carbonwatch import: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print_json_lines(summary_records(summary, config))
    else:
        print_summary(summary)
    return 0 if summary.ok else 1


def _dropped_text(dropped: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(dropped.items())) or "0"


def _errors_text(errors: list[dict[str, Any]]) -> str:
    counted = [f"{e['kind']} {e.get('count', 1)}" for e in errors if "count" in e]
    messages = [e for e in errors if "count" not in e]
    if messages:
        counted.append(f"{len(messages)} messages")
    return ", ".join(counted) or "0"


# The source, run id, status and log path are never shortened; counts go first when the terminal is narrow.
SUMMARY_COLUMNS = (
    Column("spider", keep=True),
    Column("run", keep=True, justify="right"),
    Column("status", keep=True),
    Column("new", drop=1, justify="right"),
    Column("revised", drop=5, justify="right"),
    Column("duplicate", drop=4, justify="right"),
    Column("unchanged", drop=6),
    Column("dropped", fold=True),
    Column("flags", drop=2),
    Column("errors", fold=True),
    Column("log", keep=True),
)


def print_summary(summary: RunSummary, configured: frozenset[str] | set[str] = frozenset()) -> None:
    """The per-spider table and, when something failed, what to do next (``configured``: the configured sources)."""
    print_table(
        "crawl summary",
        SUMMARY_COLUMNS,
        (
            (
                Text(run.spider),
                str(run.run_id or "-"),
                f"[{'green' if run.status == 'success' else 'red'}]{run.status}[/]",
                str(run.new),
                str(run.revised),
                str(run.duplicate),
                str(run.unchanged),
                Text(_dropped_text(run.dropped)),
                str(run.flags),
                Text(_errors_text(run.errors)),
                Text(run.log_path or "(stderr)"),
            )
            for run in summary.runs
        ),
    )
    failed = [r for r in summary.runs if r.status != "success"]
    for run in failed:
        if run.status == "skipped":
            # Another crawl of this source still runs (its lock is held): nothing of this one to read.
            print(f"{run.spider} skipped: {run.errors[0]['message'] if run.errors else 'another crawl runs'}")
            continue
        print(f"{run.spider} {run.status}: see `carbonwatch logs {run.run_id}` (log: {run.log_path or 'stderr'})")
    for run in summary.runs:
        if run.spooled and not run.unrecorded:
            # Safe on disk, not yet in the database: say so, or the counts above look like items were lost.
            print(f"{run.spider}: {run.spooled} items spooled (database unavailable); the next crawl stores them")
    for run in summary.runs:
        # A changed layout does not fail the run (the other pages are good) but must not pass unseen either.
        warning = layout_warning(run, configured=run.spider in configured)
        if warning:
            print(warning)
    if not summary.runs:
        print("no crawl ran: see the messages above")


def layout_warning(run: SpiderSummary, *, configured: bool = False) -> str | None:
    """The warning line for a run that met pages its selectors no longer read, or None.

    A configured source's line says how to try its selectors (``source test``); a built-in spider's parser is code.
    """
    from scheduler.health import layout_errors, layout_problem

    problem = layout_problem(layout_errors(run.errors), run.run_id)
    if not problem:
        return None
    hint = f"; try its selectors with `carbonwatch source test {run.spider}`" if configured else ""
    return f"warning: {run.spider}: {problem}{hint}"


def summary_records(summary: RunSummary, config: Config) -> list[dict[str, Any]]:
    """Each run of ``summary`` as ``runs --json`` prints it (read back from its row; from the summary if unreadable)."""
    from sqlalchemy.exc import SQLAlchemyError

    from storage.db import open_store
    from storage.runs import run_record, runs_by_id

    stored: dict[int, Any] = {}
    try:
        engine, sessions = open_store(config.database_url)
        try:
            with sessions() as session:
                stored = {
                    i: run_record(r)
                    for i, r in runs_by_id(session, [r.run_id for r in summary.runs if r.run_id]).items()
                }
        finally:
            engine.dispose()
    except SQLAlchemyError:
        pass  # the database went away during the crawl (items are spooled): report what the crawl itself saw
    return [stored.get(run.run_id or 0) or _summary_record(run) for run in summary.runs]


def _summary_record(run: SpiderSummary) -> dict[str, Any]:
    return {
        "id": run.run_id,
        "source": run.spider,
        "trigger": None,
        "status": run.status,
        "started_at": None,
        "finished_at": None,
        "duration_s": None,
        "exit_code": None,
        "requests": run.requests,
        "items_new": run.new,
        "items_revised": run.revised,
        "items_duplicate": run.duplicate,
        "items_unchanged": run.unchanged,
        "dropped": dict(run.dropped),
        "items_spooled": run.spooled,
        "flags_raised": run.flags,
        "errors": list(run.errors),
        "log_path": run.log_path,
    }


def prune_run_logs(config: Config, keep: set[Path]) -> None:
    """Apply run-log retention (``log_retention_days``, ``log_max_bytes``) as the daemon does, sparing ``keep``."""
    from datetime import UTC, datetime

    from scheduler.retention import prune_logs

    prune_logs(
        config.log_dir,
        retention_days=config.log_retention_days,
        max_bytes=config.log_max_bytes,
        now=datetime.now(UTC),
        protect=keep,
    )


def deliver_alerts(config: Config, out: TextIO = sys.stdout) -> None:
    """Send the notifications of new flags (and retry earlier failures) to the configured targets."""
    from carbonwatch.alerts import deliver_configured

    report = deliver_configured(config)
    print(f"alerts: {report.summary()}", file=out)
    for err in report.errors:
        print(f"  {err}", file=out)
