"""``carbonwatch source test NAME``: try a configured source's selectors on the live site before scheduling it.

carbonwatch source test province-fgw            # the first list page (or the feed) and one article
carbonwatch source test province-fgw --json     # the report as one JSON object
carbonwatch source test province-fgw -s CARBONWATCH_HOST_MAP='{"fgw.example.gov.cn": "http://127.0.0.1:8000"}'

The pages are fetched by the crawl's own downloader (User-Agent, robots.txt, delays, the SSRF guard) and read by
the crawl's parsers; nothing is stored and no run is recorded. Exit 0 when the list gave links and the article a
body, 1 when a selector matched nothing or a page could not be fetched (the report says which and what to do),
2 when the source is unknown or the sources file is unusable (``sources`` is accepted for ``source``).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from carbonwatch.cli import exitcodes
from carbonwatch.config import Config

if TYPE_CHECKING:
    from crawler.probe import ProbeReport

# The probe replaces the pipelines; the run record, stats file and progress lines belong to real runs.
PROBE_SETTINGS: dict[str, Any] = {
    "ITEM_PIPELINES": {},
    "EXTENSIONS": {
        "crawler.extensions.StatsFile": None,
        "crawler.extensions.RunRecord": None,
        "crawler.extensions.Progress": None,
    },
    # Scale-out's shared Redis queue and dupefilter would let a crawl's dupefilter swallow the probe's pages.
    "SCHEDULER": "scrapy.core.scheduler.Scheduler",
    "DUPEFILTER_CLASS": "scrapy.dupefilters.RFPDupeFilter",
    # A probe sends no If-None-Match (a 304 would show no links) and remembers no validators: it stores nothing.
    "CARBONWATCH_CONDITIONAL_REQUESTS": False,
    "CLOSESPIDER_TIMEOUT": 120,
    "LOG_INSTALL_ROOT_HANDLER": False,
}


def register(sub: Any) -> None:
    """Add ``source test`` (also spelt ``sources test``)."""
    p: argparse.ArgumentParser = sub.add_parser(
        "source", aliases=["sources"], help="configured sources: try one before scheduling it"
    )
    inner = p.add_subparsers(dest="source_command", metavar="SUBCOMMAND", required=True)
    t: argparse.ArgumentParser = inner.add_parser(
        "test", help="fetch a source's first list page and one article and show what its selectors read"
    )
    t.add_argument("name", metavar="NAME", help="a source of the sources file (CARBONWATCH_SOURCES_FILE)")
    t.add_argument(
        "-s", dest="settings", action="append", default=[], metavar="NAME=VALUE", help="Scrapy setting override"
    )
    t.add_argument("--json", action="store_true", help="print the report as one JSON object")
    t.set_defaults(func=_test)


@contextmanager
def _console_at(level: int) -> Iterator[None]:
    # The report says what went wrong; Scrapy's and the spiders' lines are for -v.
    changed = [(h, h.level) for h in logging.getLogger().handlers if h.level < level]
    for handler, _ in changed:
        handler.setLevel(level)
    try:
        yield
    finally:
        for handler, old in changed:
            handler.setLevel(old)


def run_probe(
    config: Config,
    name: str,
    kind: str,
    selectors: dict[str, str | None],
    overrides: dict[str, str],
    *,
    verbose: bool,
) -> ProbeReport:
    """Fetch and read source ``name`` (of ``kind``) through the crawl's downloader; once per process (reactor)."""
    from scrapy.crawler import AsyncCrawlerProcess

    from carbonwatch.crawlrun import crawl_settings
    from crawler.probe import PROBES, ProbeReport

    settings = crawl_settings(config, settings=overrides)
    settings.setdict(PROBE_SETTINGS, priority="cmdline")
    report = ProbeReport(source=name, kind=kind, selectors=selectors)
    with _console_at(logging.DEBUG if verbose else logging.ERROR):
        process = AsyncCrawlerProcess(settings)
        process.crawl(PROBES[kind], report=report)
        process.start()
    judge_cleaned_body(report)
    report.settle()
    return report


def judge_cleaned_body(report: ProbeReport) -> None:
    """Clean the body as the crawl's clean pipeline would; a body it would drop as near-empty is a problem."""
    if not report.body_html:
        return
    from pipelines.clean import clean_html, is_near_empty

    text = clean_html(report.body_html, report.article_url).text
    report.clean_text_chars = len(text)
    if is_near_empty(text):
        what = f"body_selector {report.selectors.get('body_selector')!r}" if report.kind == "site" else "the body"
        report.problems.append(
            f"{what} matched, but only {len(text)} characters of text are left after cleaning: a crawl would drop "
            "the page (drop/empty_body); select the element that holds the article's text"
        )


def _parsed_date(raw: str | None, date_selector: str | None) -> str:
    if not raw:
        how = f"date_selector {date_selector!r} matched nothing" if date_selector else "no date_selector"
        return f"- ({how}: the crawl stores no publication time)"
    from pipelines.dates import parse_date

    parsed = parse_date(raw, datetime.now(UTC))
    return f"{raw}  → {parsed.isoformat() if parsed else 'not understood as a date (the crawl stores no time)'}"


def format_report(report: ProbeReport) -> list[str]:
    """The report as lines for a person: what was fetched, what each selector read, and the verdict."""
    sel = report.selectors
    lines = [f"source {report.source} ({report.kind}), nothing is stored"]
    what = "list page" if report.kind == "site" else "feed"
    lines.append(f"{what:<10} {report.list_status or '-'}  {report.list_url or '-'}")
    if report.list_status:
        how = f"by list_selector {sel.get('list_selector')!r}" if report.kind == "site" else "entries"
        lines.append(f"  links    {report.links_found} {how}")
        lines.extend(f"           {link.title or '(no title)'}  <{link.url}>" for link in report.links)
        if report.links_found > len(report.links):
            lines.append(f"           … and {report.links_found - len(report.links)} more")
        if report.kind == "site":
            nxt = report.next_url or ("none found" if sel.get("next_selector") else "no next_selector")
            lines.append(f"  next     {nxt}")
    if report.article_url or report.article_from:
        origin = "" if report.article_from == "page" else "  (the feed entry's own content)"
        lines.append(f"{'article':<10} {report.article_status or '-'}  {report.article_url or '-'}{origin}")
        if report.article_from:
            lines.append(f"  title    {report.title or '-'}")
            lines.append(f"  date     {_parsed_date(report.date_raw, sel.get('date_selector'))}")
            cleaned = "" if report.clean_text_chars is None else f", {report.clean_text_chars} after cleaning"
            lines.append(
                f"  body     {report.body_text_chars} characters of text ({report.body_html_chars} of HTML{cleaned})"
            )
            if report.excerpt:
                lines.append(f"           {report.excerpt}")
    if report.ok:
        read = "the list and the article" if report.kind == "site" else "the feed and its first entry"
        lines.append(f"ok: {read} were read as shown; schedule the source when this looks right")
    else:
        lines.extend(f"FAILED: {problem}" for problem in report.problems)
    return lines


def _pairs(values: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key:
            raise ValueError(f"setting {value!r} is not NAME=VALUE")
        out[key] = rest
    return out


def _test(args: argparse.Namespace, config: Config) -> int:
    from crawler.sources import SELECTOR_KEYS, SourceError, load_sources

    try:
        overrides = _pairs(args.settings)
        sources = {s.name: s for s in load_sources(config.sources_file)}
    except (ValueError, SourceError) as exc:
        print(f"carbonwatch source test: {exc}", file=sys.stderr)
        return exitcodes.USAGE
    src = sources.get(args.name)
    if src is None:
        known = ", ".join(sorted(sources)) or "none (set CARBONWATCH_SOURCES_FILE)"
        print(f"carbonwatch source test: no configured source {args.name!r}; configured: {known}", file=sys.stderr)
        return exitcodes.USAGE
    selectors = {key: getattr(src, key) for key in SELECTOR_KEYS}
    report = run_probe(config, src.name, src.kind, selectors, overrides, verbose=args.verbose)
    if args.json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False) + "\n")
    else:
        print("\n".join(format_report(report)))
    return exitcodes.OK if report.ok else exitcodes.FAILED
