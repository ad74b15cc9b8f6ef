"""``carbonwatch flags | policies | notify``: the flagged carbon-policy releases, the registry, and alert delivery.

Run ``carbonwatch flags --since 7d`` (or an ISO date) to list flagged releases with their evidence,
``carbonwatch policies`` for the registry, ``carbonwatch notify`` to deliver pending flag notifications to the
configured ``CARBONWATCH_NOTIFY_URLS``. ``flags --json`` and ``policies --json`` print JSON lines, one flag or
policy per line (the form of ``runs``, ``status`` and ``export``); ``notify --json`` prints its report as one line.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

from rich.text import Text

from carbonwatch.cli.tables import Column, print_json_lines, print_table
from carbonwatch.config import Config
from storage import policy_queries
from storage.db import open_store
from storage.types import iso_utc

RELATIVE_RE = re.compile(r"^(\d+)\s*([mhdw])$")
# The id and the document's title are never shortened (the title wraps); counts and dates go first when narrow.
POLICY_COLUMNS = (
    Column("id", keep=True, justify="right"),
    Column("first seen (UTC)", drop=4),
    Column("mentions", drop=3, justify="right"),
    Column("releases", drop=2, justify="right"),
    Column("flag", keep=True),
    Column("type", drop=1),
    Column("issuer", fold=True),
    Column("number", fold=True),
    Column("title", fold=True),
)
UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(value: str, *, now: datetime | None = None) -> datetime:
    """``7d``, ``12h``, ``30m``, ``2w`` (relative to now) or an ISO date/time (UTC when no zone is given)."""
    now = now or datetime.now(UTC)
    m = RELATIVE_RE.match(value.strip())
    if m:
        return now - timedelta(**{UNITS[m.group(2)]: int(m.group(1))})
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"--since wants 7d, 12h or an ISO date, not {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def register(sub: Any) -> None:
    """Add the ``flags``, ``policies`` and ``notify`` subcommands."""
    p: argparse.ArgumentParser = sub.add_parser("flags", help="list flagged carbon-policy releases with evidence")
    p.add_argument("--since", type=parse_since, default=None, help="only flags raised since (7d, 12h, ISO date)")
    p.add_argument("--json", action="store_true", help="JSON lines, one flag per line, newest first")
    p.set_defaults(func=_flags)
    p = sub.add_parser("policies", help="list the policy registry (documents seen, mentions, flags)")
    p.add_argument("--json", action="store_true", help="JSON lines, one policy per line, newest first")
    p.set_defaults(func=_policies)
    p = sub.add_parser("notify", help="deliver pending flag notifications (webhooks, apprise URLs)")
    p.add_argument("--json", action="store_true", help="the delivery report as one JSON line")
    p.set_defaults(func=_notify)


def _iso(value: datetime | None) -> str | None:
    # The views' form, so a `flags --json` time can be a watermark in a query of v_flagged_releases.
    return iso_utc(value)


def _flags(args: argparse.Namespace, config: Config) -> int:
    _, sessions = open_store(config.database_url)
    with sessions() as session:
        rows = policy_queries.list_flags(session, since=args.since)
        out: list[dict[str, Any]] = [
            {
                "id": r.flag.id,
                "created_at": _iso(r.flag.created_at),
                "title": r.policy.title,
                "issuer": r.policy.issuer,
                "doc_number": r.policy.doc_number,
                "article_url": r.article.url,
                "article_title": r.article.title,
                "source": r.article.source,
                "run_id": r.flag.run_id,
                "evidence": r.flag.evidence,
            }
            for r in rows
        ]
    if args.json:
        print_json_lines(out)
        return 0
    if not out:
        print("no flags")
        return 0
    for f in out:
        print(f"#{f['id']} {f['created_at']}  {f['title']}  [{f['issuer'] or '?'}] {f['doc_number'] or ''}".rstrip())
        print(f"    article: {f['article_title']} <{f['article_url']}> ({f['source']})")
        doc = f["evidence"].get("document", {})
        carbon = f["evidence"].get("carbon", {})
        print(f"    release cue: {doc.get('cue') or '-'}")
        terms = sorted({e["term"] for e in carbon.get("evidence", [])})
        print(f"    carbon score {carbon.get('score')} >= {carbon.get('threshold')}: {'、'.join(terms)}")
    return 0


def _policies(args: argparse.Namespace, config: Config) -> int:
    _, sessions = open_store(config.database_url)
    with sessions() as session:
        out: list[dict[str, Any]] = [
            {
                "id": r.policy.id,
                "title": r.policy.title,
                "issuer": r.policy.issuer,
                "doc_number": r.policy.doc_number,
                "doc_type": r.policy.doc_type,
                "first_seen_at": _iso(r.policy.first_seen_at),
                "mentions": r.mentions,
                "releases": r.releases,
                "flagged": r.flagged,
            }
            for r in policy_queries.list_policies(session)
        ]
    if args.json:
        print_json_lines(out)
        return 0
    if not out:
        print("the policy registry is empty")
        return 0
    print_table(
        "policy registry (newest first)",
        POLICY_COLUMNS,
        (
            (
                str(p["id"]),
                Text((p["first_seen_at"] or "")[:16].replace("T", " ")),
                str(p["mentions"]),
                str(p["releases"]),
                "yes" if p["flagged"] else "-",
                Text(p["doc_type"] or "-"),
                Text(p["issuer"] or "-"),
                Text(p["doc_number"] or "-"),
                Text(p["title"]),
            )
            for p in out
        ),
    )
    return 0


def _notify(args: argparse.Namespace, config: Config) -> int:
    from carbonwatch.alerts import DeliveryReport, deliver_configured  # apprise is heavy; only this command needs it

    if not config.notify_urls:
        message = "no notification targets: set CARBONWATCH_NOTIFY_URLS (space-separated webhook or apprise URLs)"
        if args.json:
            print(message, file=sys.stderr)
            print_json_lines([DeliveryReport().__dict__])
        else:
            print(message)
        return 0
    report = deliver_configured(config)
    if args.json:
        print_json_lines([report.__dict__])  # one line, like every --json
    else:
        print(report.summary())
        for err in report.errors:
            print(f"  {err}")
    # A failed attempt is a failure now even though it is retried later: monitoring must see a dead webhook.
    return 1 if report.failed or report.gave_up else 0
