"""``carbonwatch analyze PATH... [--url URL] [--source NAME] [--json] [--now ISO]``: extract, clean, date and classify
saved pages or Hexo posts offline, exactly as a crawl would, and print a summary (or one JSON object per line).

The parser is chosen by the page's URL (``--url``, else its canonical link or ``og:url``): Sina, gov.cn, MEE or
NDRC; ``--source NAME`` reads the page with a configured source's selectors instead."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from carbonwatch.config import Config

if TYPE_CHECKING:
    from crawler.sources import Source

SUMMARY_TEXT_CHARS = 300


def register(sub: Any) -> None:
    """Add the ``analyze`` subcommand."""
    p: argparse.ArgumentParser = sub.add_parser(
        "analyze", help="analyse saved article pages or Hexo posts offline (no crawl, no database)"
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="a saved HTML page or an RSSHub→Hexo .md post")
    p.add_argument(
        "--url", help="the URL the page was fetched from (picks the site's parser); default: canonical link, og:url"
    )
    p.add_argument("--source", metavar="NAME", help="read pages with this configured source's selectors")
    p.add_argument("--json", action="store_true", help="print one JSON object per input, one per line")
    p.add_argument("--now", help="the reference time for relative dates (ISO 8601; default: the current time)")
    p.add_argument("--no-classify", action="store_true", help="skip the carbon/policy classifier")
    p.set_defaults(func=_analyze)


def configured_source(config: Config, name: str) -> Source:
    """The configured source ``name`` of the sources file, one with a ``body_selector`` to read pages with.

    Raises :class:`~crawler.sources.SourceError` naming what is wrong (no file, no such source, no selector).
    """
    from crawler.sources import SourceError, load_sources

    sources = {s.name: s for s in load_sources(config.sources_file)}
    if not sources:
        raise SourceError(f"--source {name}: no sources configured (CARBONWATCH_SOURCES_FILE)")
    src = sources.get(name)
    if src is None:
        raise SourceError(f"--source {name}: no such source (configured: {', '.join(sorted(sources))})")
    if not src.body_selector:
        raise SourceError(f"--source {name}: the source has no body_selector to read a page with")
    return src


def _parse_now(value: str | None) -> datetime:
    if not value:
        return datetime.now(UTC)
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _summary(name: str, data: dict[str, Any]) -> str:
    text = data["text"]
    carbon = data.get("carbon") or {}
    policy = data.get("policy") or {}
    lines = [
        f"== {name}",
        f"title:        {data['title']}",
        f"url:          {data['url'] or '-'}",
        f"published_at: {data['published_at'] or '- (raw: ' + str(data['published_raw']) + ')'}",
        f"source:       {data['source'] or '-'}",
        f"editor:       {data['editor'] or '-'}{(' ' + data['editor_code']) if data['editor_code'] else ''}",
        f"text:         {len(text)} chars, {text.count(chr(10)) + 1 if text else 0} paragraphs",
        f"content_hash: {data['content_hash']}",
    ]
    if carbon or policy:
        lines.append(
            f"carbon:       relevant={carbon.get('relevant')} score={carbon.get('score')}"
            f"  policy release={policy.get('is_release')}  flag={data['flag']}"
        )
    snippet = text[:SUMMARY_TEXT_CHARS] + ("…" if len(text) > SUMMARY_TEXT_CHARS else "")
    lines.append("")
    lines.append(snippet)
    return "\n".join(lines)


def _analyze(args: argparse.Namespace, config: Config) -> int:
    # Imported here: the extraction stack (lxml, dateparser, the classifier) is not needed to build the parser.
    from carbonwatch.analyze import AnalyzeError, analyze_path, item_to_json
    from carbonwatch.posts import PostParseError
    from crawler.parsers.sina import ArticleParseError
    from crawler.sources import SourceError

    try:
        now = _parse_now(args.now)
    except ValueError:
        print(f"analyze: --now {args.now!r} is not an ISO 8601 time", file=sys.stderr)
        return 2
    if args.url and len(args.paths) > 1:
        print("analyze: --url applies to a single PATH", file=sys.stderr)
        return 2
    source = None
    if args.source:
        try:
            source = configured_source(config, args.source)
        except SourceError as exc:
            print(f"analyze: {exc}", file=sys.stderr)
            return 2
    status = 0
    for path in args.paths:
        try:
            item = analyze_path(path, url=args.url, now=now, classify=not args.no_classify, source=source)
        except (AnalyzeError, ArticleParseError, PostParseError) as exc:
            print(f"analyze: {path}: cannot analyse: {exc}", file=sys.stderr)
            status = 1
            continue
        data = item_to_json(item, path)
        if args.json:
            print(json.dumps(data, ensure_ascii=False))
        else:
            print(_summary(path, data))
            print()
    return status
