"""Flag notifications: JSON webhooks (http/https, stdlib urllib) and apprise URLs, retried with backoff, never twice.

Run by ``carbonwatch notify`` and by the crawl runner/daemon after each crawl (``deliver_pending``). It runs
outside the Scrapy reactor, so blocking HTTP with a timeout is fine here. Each (flag, target) pair has one
``notifications`` row: pending until a delivery succeeds (sent, final) or ``notify_max_attempts`` attempts failed
(failed, final). Attempt k (k >= 1) waits ``backoff * 2**(k-1)`` after the previous one, measured from the row's
creation, so a target that is down is retried over several calls without hammering it. Targets are stored, printed
and logged as :func:`carbonwatch.targets.redact_target` shows them (scheme and host, a fingerprint, never path,
query or user info); a webhook URL's ``user:password@`` is sent as an HTTP Basic ``Authorization`` header.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from carbonwatch import __version__
from carbonwatch.config import Config
from carbonwatch.targets import redact_target, scrub, split_credentials
from storage import policy_queries
from storage.models import HealthAlert, Notification
from storage.types import iso_utc

logger = logging.getLogger(__name__)

HTTP_TIMEOUT = 10.0
DEFAULT_BACKOFF = timedelta(minutes=2)
# Loggers of the libraries that see the full target URL: apprise logs it at DEBUG ("Telegram POST URL: …/bot<token>")
# and urllib3 logs each request line ("POST /bot<token>/sendMessage") at DEBUG, so -v would print the token.
TRANSPORT_LOGGERS = ("apprise", "urllib3", "requests")

Sender = Callable[[str, dict[str, Any]], None]
HEALTH_TYPE = "carbonwatch.health"


@dataclass
class DeliveryReport:
    """What one ``deliver_pending`` call did."""

    sent: int = 0
    failed: int = 0  # attempts that failed this call (the row may still be pending)
    gave_up: int = 0  # rows that reached the attempt limit this call
    deferred: int = 0  # rows waiting for their backoff
    targets: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for operators: what was sent, what failed and what waits."""
        return (
            f"{self.sent} sent, {self.failed} failed attempts ({self.gave_up} given up), "
            f"{self.deferred} waiting for retry, {self.targets} targets"
        )


def _scrub(message: str, url: str) -> str:
    """An error message safe to store: every secret part of ``url`` scrubbed out."""
    return scrub(message, url)[:2000]


class _ScrubFilter(logging.Filter):
    """Scrubs the secret parts of one target URL out of a library's log records (their WARNINGs name targets)."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = scrub(record.getMessage(), self.url), None
        return True


@contextmanager
def _guarded_transport_logs(url: str) -> Iterator[None]:
    """Keep apprise and urllib3 at WARNING or above (even under ``-v``) and scrub ``url`` out of what they log."""
    scrubber = _ScrubFilter(url)
    loggers = [logging.getLogger(name) for name in TRANSPORT_LOGGERS]
    # Child loggers (urllib3.connectionpool) log through their own name: a filter on the parent does not see them.
    loggers += [logging.getLogger(f"urllib3.{name}") for name in ("connectionpool", "connection", "util.retry")]
    for log in loggers:
        if log.getEffectiveLevel() < logging.WARNING:
            log.setLevel(logging.WARNING)
        log.addFilter(scrubber)
    try:
        yield
    finally:
        for log in loggers:
            log.removeFilter(scrubber)


def post_json(url: str, document: dict[str, Any], *, timeout: float = HTTP_TIMEOUT) -> None:
    """POST ``document`` as JSON; raise on a non-2xx answer or a network error."""
    data = json.dumps(document, ensure_ascii=False, default=str).encode("utf-8")
    bare_url, authorization = split_credentials(url)
    request = urllib.request.Request(
        bare_url,
        data=data,
        method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": f"carbonwatch/{__version__}"},
    )
    if authorization:
        # Unredirected: a redirect to another host must not carry the credentials along.
        request.add_unredirected_header("Authorization", authorization)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        status = int(response.status)
        if not 200 <= status < 300:
            raise RuntimeError(f"HTTP {status}")


def notify_apprise(url: str, document: dict[str, Any]) -> None:
    """Send a short text message through apprise (mail, chat and push services)."""
    # apprise reports every send at INFO, and the full URL at DEBUG; the delivery report says what happened.
    with _guarded_transport_logs(url):
        import apprise

        app = apprise.Apprise()
        if not app.add(url):
            raise RuntimeError("apprise does not understand this URL")
        title, body = message_of(document)
        if not app.notify(title=title, body=body):
            raise RuntimeError("apprise delivery failed")


def message_of(document: dict[str, Any]) -> tuple[str, str]:
    """The title and text of an alert document for message services (mail, chat)."""
    if document.get("type") == HEALTH_TYPE:
        if document["healthy"]:
            return f"carbonwatch: {document['source']} is healthy again", "no problem left"
        return f"carbonwatch: {document['source']} is unhealthy", "\n".join(document["problems"])
    policy = document["policy"]
    body = f"{policy['title']} ({policy.get('issuer') or '?'})\n{document['article']['url']}"
    return "carbonwatch: new carbon-policy release", body


def default_sender(url: str, document: dict[str, Any]) -> None:
    """JSON webhook for http(s) URLs, apprise for every other scheme."""
    if url.startswith(("http://", "https://")):
        post_json(url, document)
    else:
        notify_apprise(url, document)


def flag_document(row: policy_queries.FlagRow) -> dict[str, Any]:
    """The JSON document a webhook receives for one flag."""
    flag, policy, article = row.flag, row.policy, row.article
    return {
        "type": "carbonwatch.flag",
        "flag": {"id": flag.id, "created_at": flag.created_at.isoformat(), "run_id": flag.run_id, "title": flag.title},
        "policy": {
            "id": policy.id,
            "title": policy.title,
            "issuer": policy.issuer,
            "doc_number": policy.doc_number,
            "doc_type": policy.doc_type,
            "first_seen_at": policy.first_seen_at.isoformat(),
        },
        "article": {
            "id": article.id,
            "url": article.url,
            "title": article.title,
            "source": article.source,
            "published_at": article.published_at.isoformat() if article.published_at else None,
        },
        "evidence": flag.evidence,
    }


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def next_attempt_at(note: Notification, backoff: timedelta) -> datetime:
    """When the row may be tried again: immediately at first, then after 1, 2, 4 … backoff units."""
    if note.attempts == 0:
        return _aware(note.created_at)
    return _aware(note.created_at) + backoff * ((1 << note.attempts) - 1)


def deliver_pending(
    session: Session,
    config: Config,
    *,
    now: datetime | None = None,
    sender: Sender = default_sender,
    backoff: timedelta = DEFAULT_BACKOFF,
) -> DeliveryReport:
    """Deliver every flag to every ``config.notify_urls`` target not yet sent; the caller commits."""
    now = now or datetime.now(UTC)
    report = DeliveryReport(targets=len(config.notify_urls))
    if not config.notify_urls:
        return report
    for row in policy_queries.all_flags(session):
        document: dict[str, Any] | None = None
        for url in config.notify_urls:
            note = policy_queries.ensure_notification(session, row.flag.id, redact_target(url), now=now)
            if note.status != "pending":
                continue  # sent and failed are final: never send twice
            if now < next_attempt_at(note, backoff):
                report.deferred += 1
                continue
            document = document or flag_document(row)
            note.attempts += 1
            try:
                sender(url, document)
            except Exception as exc:  # any delivery failure is recorded and retried later, never raised
                note.last_error = _scrub(f"{type(exc).__name__}: {exc}", url)
                report.failed += 1
                report.errors.append(f"flag {row.flag.id} -> {note.target}: {note.last_error}")
                if note.attempts >= config.notify_max_attempts:
                    note.status = "failed"
                    report.gave_up += 1
                    logger.error("giving up notifying %s of flag %s: %s", note.target, row.flag.id, note.last_error)
                else:
                    logger.warning("notifying %s of flag %s failed: %s", note.target, row.flag.id, note.last_error)
                continue
            note.status, note.notified_at, note.last_error = "sent", now, None
            report.sent += 1
            logger.info("notified %s of flag %s (%s)", note.target, row.flag.id, row.policy.title)
    session.flush()
    return report


def deliver_configured(config: Config) -> DeliveryReport:
    """:func:`deliver_pending` in its own transaction on the configured database (the CLI's alert step)."""
    from storage.db import open_store

    engine, sessions = open_store(config.database_url)
    try:
        with sessions.begin() as session:
            return deliver_pending(session, config)
    finally:
        engine.dispose()


@dataclass
class HealthReport:
    """What one :func:`alert_health` call sent."""

    unhealthy: list[str] = field(default_factory=list)  # sources alerted as unhealthy (new or changed problems)
    recovered: list[str] = field(default_factory=list)  # sources alerted as healthy again
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for operators."""
        return (
            f"health alerts: {len(self.unhealthy)} unhealthy, {len(self.recovered)} recovered, "
            f"{len(self.errors)} failed deliveries"
        )


def health_document(source: str, problems: Sequence[str], *, now: datetime) -> dict[str, Any]:
    """The JSON document a webhook receives when ``source`` turns unhealthy, changes problems or recovers."""
    return {
        "type": HEALTH_TYPE,
        "source": source,
        "healthy": not problems,
        "problems": list(problems),
        "checked_at": iso_utc(now),
    }


def alert_health(
    session: Session,
    config: Config,
    states: Mapping[str, Sequence[str]],
    *,
    now: datetime,
    sender: Sender = default_sender,
) -> HealthReport:
    """Alert the notification targets when a source turns unhealthy, its problems change, or it recovers.

    ``states`` maps each judged source to its problems (empty: healthy). What was alerted is kept in
    ``health_alerts``, so an unchanged unhealthy source is alerted once, not at every check; a delivery that fails
    leaves the state as it was, so the next check tries again.
    """
    report = HealthReport()
    if not config.notify_urls:
        return report
    alerted = {row.source: row for row in session.scalars(select(HealthAlert))}
    for source, problems in sorted(states.items()):
        row = alerted.get(source)
        if problems and (row is None or list(row.problems) != list(problems)):
            if _send_everywhere(config, health_document(source, problems, now=now), sender, report):
                if row is None:
                    session.add(HealthAlert(source=source, problems=list(problems), alerted_at=now))
                else:
                    row.problems, row.alerted_at = list(problems), now
                report.unhealthy.append(source)
                logger.warning("health alert: %s is unhealthy: %s", source, "; ".join(problems))
        elif not problems and row is not None:
            if _send_everywhere(config, health_document(source, (), now=now), sender, report):
                session.delete(row)
                report.recovered.append(source)
                logger.info("health alert: %s is healthy again", source)
    session.flush()
    return report


def _send_everywhere(config: Config, document: dict[str, Any], sender: Sender, report: HealthReport) -> bool:
    ok = True
    for url in config.notify_urls:
        try:
            sender(url, document)
        except Exception as exc:  # any target failure is reported; the state is kept for a retry
            ok = False
            report.errors.append(f"{redact_target(url)}: {_scrub(str(exc), url)}")
    return ok
