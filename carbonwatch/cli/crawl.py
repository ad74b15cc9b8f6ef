"""``carbonwatch crawl`` and ``carbonwatch import``: run crawls (or import files) in this process, print a summary.

carbonwatch crawl                         # every enabled source, one run each (configured sources too)
carbonwatch crawl sina_finance -a lids=1686 -a max_pages=2
carbonwatch crawl sina-finance-rss        # one configured source (= crawl feed -a source=sina-finance-rss)
carbonwatch crawl --all --trigger cron    # what a crontab line runs
carbonwatch crawl sina_finance --trigger daemon --run-id 42   # what the daemon spawns
carbonwatch crawl feed -a source=sina-finance-rss --trigger daemon --run-id 43
carbonwatch import PATH... [--url URL] [--source NAME]   # posts, feeds, saved pages of any built-in site

Exit code 0 when every run succeeded, 1 when any failed (the last line says what to look at), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

from carbonwatch.config import Config

# Scrapy and the pipelines are imported by the handlers, not here: every command (and the daemon) builds this
# parser, and importing Scrapy costs about 30 MB and a second.
if TYPE_CHECKING:
    from carbonwatch.crawlrun import RunSummary


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
    crawl.set_defaults(func=_crawl)

    imp: argparse.ArgumentParser = sub.add_parser(
        "import", help="import Hexo posts, RSS/Atom files or saved pages through the pipelines"
    )
    imp.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    imp.add_argument("--url", help="the page's real URL (picks the site's parser); default: canonical link, og:url")
    imp.add_argument("--source", metavar="NAME", help="read saved pages with this configured source's selectors")
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
    print_summary(summary)
    if args.trigger != "daemon" and config.notify_urls:
        deliver_alerts(config)  # the daemon delivers after each run it spawns; cron and manual runs do it here
    if problems:
        print("next: fix the sources file named above; `carbonwatch status` shows its sources as never run")
    return 0 if summary.ok and not problems else 1


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


def print_summary(summary: RunSummary, console: Console | None = None) -> None:
    """The per-spider table and, when something failed, what to do next."""
    console = console or Console(width=None if sys.stdout.isatty() else 160)
    table = Table(title="crawl summary")
    for column in ("spider", "run", "status", "new", "revised", "duplicate", "unchanged", "dropped", "flags"):
        table.add_column(column, justify="right" if column in ("run", "new", "revised", "duplicate") else "left")
    table.add_column("errors")
    table.add_column("log")
    for run in summary.runs:
        style = "green" if run.status == "success" else "red"
        table.add_row(
            run.spider,
            str(run.run_id or "-"),
            f"[{style}]{run.status}[/{style}]",
            str(run.new),
            str(run.revised),
            str(run.duplicate),
            str(run.unchanged),
            _dropped_text(run.dropped),
            str(run.flags),
            _errors_text(run.errors),
            run.log_path or "(stderr)",
        )
    console.print(table)
    failed = [r for r in summary.runs if r.status != "success"]
    for run in failed:
        console.print(
            f"{run.spider} {run.status}: see `carbonwatch logs {run.run_id}` (log: {run.log_path or 'stderr'})"
        )
    if not summary.runs:
        console.print("no crawl ran: see the messages above")


def deliver_alerts(config: Config) -> None:
    """Send the notifications of new flags (and retry earlier failures) to the configured targets."""
    from carbonwatch.alerts import deliver_configured

    report = deliver_configured(config)
    print(f"alerts: {report.summary()}")
    for err in report.errors:
        print(f"  {err}")
