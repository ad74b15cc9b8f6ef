"""Read queries of the web console, shared by the API and the pages: each takes a Session, returns JSON-ready data.

Records keep the keys of the CLI's ``--json`` output (``runs``: :func:`storage.runs.run_record`; ``status``:
:func:`carbonwatch.cli.ops.status_record`; ``flags``/``policies``: the keys of ``flags --json``/``policies --json``)
so a field means the same in every face. Lists are paged newest first by id: a page holds at most ``limit`` rows
and ``next_before``, the id to pass as ``before`` for the following page (None on the last page). Times are ISO 8601
UTC text (:func:`storage.types.iso_utc`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, and_, or_, select
from sqlalchemy.orm import Session

from carbonwatch.config import Config
from carbonwatch.logsetup import log_path_for
from storage.models import Article, ArticleDuplicate, ArticleRevision, CrawlRun, Flag, Policy, PolicyMention
from storage.policy_queries import list_policies
from storage.runs import run_record
from storage.search import article_matches
from storage.types import iso_utc

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
LOG_CHUNK_BYTES = 256 * 1024  # one /api/runs/{id}/log answer: a live page polls for the rest
# The columns an article list shows: never html/text, which are large.
ARTICLE_LIST_COLUMNS = (
    Article.id,
    Article.source,
    Article.url,
    Article.canonical_url,
    Article.title,
    Article.media,
    Article.published_at,
    Article.first_seen_at,
    Article.updated_at,
    Article.revision,
    Article.carbon_relevant,
    Article.carbon_score,
    Article.policy_release,
    Article.flag,
    Article.run_id,
)


@dataclass(frozen=True)
class Page:
    """One page of a list: its rows (JSON-ready) and the ``before`` id of the next page (None: no more)."""

    items: list[dict[str, Any]]
    next_before: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def clamp_limit(limit: int | None) -> int:
    """``limit`` within 1..:data:`MAX_LIMIT` (default :data:`DEFAULT_LIMIT`)."""
    if limit is None:
        return DEFAULT_LIMIT
    return max(1, min(int(limit), MAX_LIMIT))


def _page(rows: Sequence[Any], limit: int, record: Any, key: Any) -> Page:
    """The first ``limit`` of ``rows`` (one more was fetched to know whether a next page exists)."""
    more = len(rows) > limit
    shown = list(rows[:limit])
    return Page([record(r) for r in shown], int(key(shown[-1])) if more and shown else None)


# ---------------------------------------------------------------------------------------------------------- runs


def runs_page(
    session: Session,
    *,
    source: str | None = None,
    status: str | None = None,
    trigger: str | None = None,
    since: datetime | None = None,
    before: int | None = None,
    limit: int | None = None,
) -> Page:
    """Runs, newest first, filtered by source (also within a ``crawl --all`` row), status, trigger, start time."""
    limit = clamp_limit(limit)
    stmt = select(CrawlRun).order_by(CrawlRun.id.desc()).limit(limit + 1)
    if source:
        stmt = stmt.where(
            or_(
                CrawlRun.source == source,
                CrawlRun.source.startswith(f"{source},", autoescape=True),
                CrawlRun.source.endswith(f",{source}", autoescape=True),
                CrawlRun.source.contains(f",{source},", autoescape=True),
            )
        )
    if status:
        stmt = stmt.where(CrawlRun.status == status)
    if trigger:
        stmt = stmt.where(CrawlRun.trigger == trigger)
    if since is not None:
        stmt = stmt.where(CrawlRun.started_at >= since)
    if before is not None:
        stmt = stmt.where(CrawlRun.id < before)
    rows = list(session.scalars(stmt))
    return _page(rows, limit, run_record, lambda r: r.id)


def run_detail(session: Session, run_id: int) -> dict[str, Any] | None:
    """One run's record with its full stats and HTTP responses by status; None when there is no such run."""
    run = session.get(CrawlRun, run_id)
    if run is None:
        return None
    record = run_record(run)
    record["responses"] = dict(run.responses or {})
    record["stats"] = dict(run.stats or {})
    return record


def run_log_path(config: Config, run: CrawlRun) -> Path:
    """Where the run's log is (the path it recorded, else the conventional one)."""
    return Path(run.log_path) if run.log_path else log_path_for(config, run.source.split(",")[0], run.id)


def run_log(
    session: Session, config: Config, run_id: int, *, offset: int = 0, max_bytes: int = LOG_CHUNK_BYTES
) -> dict[str, Any] | None:
    """Up to ``max_bytes`` of run ``run_id``'s log from byte ``offset``, in whole lines (None: no such run).

    ``next_offset`` is where the next call goes on; ``done`` is true once the run has ended and everything was read,
    so a page following a running crawl polls with ``offset=next_offset`` until ``done``. ``gone`` says that the log
    file no longer exists (deleted by retention).
    """
    run = session.get(CrawlRun, run_id)
    if run is None:
        return None
    path = run_log_path(config, run)
    lines: list[str] = []
    next_offset = offset
    size = 0
    exists = path.is_file()
    ended = run.status != "running"
    if exists:
        with path.open("rb") as fh:
            fh.seek(0, 2)
            size = fh.tell()
            start = min(max(offset, 0), size)
            fh.seek(start)
            data = fh.read(max_bytes)
        if ended and start + len(data) >= size:
            # The run has ended: a last line without a newline will never be completed, so it is sent as it is.
            text = data.decode("utf-8", "replace")
            lines = text.split("\n")[:-1] if text.endswith("\n") else text.split("\n") if text else []
            next_offset = start + len(data)
        else:
            complete, newline, _rest = data.rpartition(b"\n")
            if newline:
                lines = [line.decode("utf-8", "replace") for line in complete.split(b"\n")]
                next_offset = start + len(complete) + 1
            elif len(data) >= max_bytes:  # one line longer than a chunk: sent in pieces rather than never
                lines = [data.decode("utf-8", "replace")]
                next_offset = start + len(data)
    return {
        "run_id": run.id,
        "source": run.source,
        "status": run.status,
        "file": str(path),
        "gone": not exists and ended,
        "offset": offset,
        "next_offset": next_offset,
        "size": size,
        "lines": lines,
        "done": ended and next_offset >= size,
    }


# --------------------------------------------------------------------------------------------------------- flags


def flag_record(flag: Flag, policy: Policy, article: Any) -> dict[str, Any]:
    """One flag as ``flags --json`` prints it, plus the ids and document details a page links to."""
    return {
        "id": flag.id,
        "created_at": iso_utc(flag.created_at),
        "title": policy.title,
        "issuer": policy.issuer,
        "doc_number": policy.doc_number,
        "doc_type": policy.doc_type,
        "released_at": iso_utc(policy.released_at),
        "policy_id": policy.id,
        "article_id": article.id,
        "article_url": article.url,
        "article_title": article.title,
        "source": article.source,
        "published_at": iso_utc(article.published_at),
        "run_id": flag.run_id,
        "evidence": flag.evidence,
    }


def _flag_select() -> Any:  # a Select of (Flag, Policy, article columns)
    return (
        select(Flag, Policy, Article.id, Article.url, Article.title, Article.source, Article.published_at)
        .join(Policy, Flag.policy_id == Policy.id)
        .join(Article, Flag.article_id == Article.id)
    )


@dataclass(frozen=True)
class _ArticleRef:
    id: int
    url: str
    title: str
    source: str
    published_at: datetime | None


def _flag_row(row: Any) -> dict[str, Any]:
    flag, policy, *article = row
    return flag_record(flag, policy, _ArticleRef(*article))


def flags_page(
    session: Session, *, since: datetime | None = None, before: int | None = None, limit: int | None = None
) -> Page:
    """Flags, newest first (by id, which follows the time they were raised), raised at or after ``since``."""
    limit = clamp_limit(limit)
    stmt = _flag_select().order_by(Flag.id.desc()).limit(limit + 1)
    if since is not None:
        stmt = stmt.where(Flag.created_at >= since)
    if before is not None:
        stmt = stmt.where(Flag.id < before)
    rows = session.execute(stmt).all()
    return _page(rows, limit, _flag_row, lambda r: r[0].id)


def flag_detail(session: Session, flag_id: int) -> dict[str, Any] | None:
    """One flag with every article that mentions its policy (``mentions``, oldest first); None when unknown."""
    row = session.execute(_flag_select().where(Flag.id == flag_id)).first()
    if row is None:
        return None
    record = _flag_row(row)
    record["mentions"] = policy_mentions(session, record["policy_id"])
    return record


def policy_mentions(session: Session, policy_id: int) -> list[dict[str, Any]]:
    """The articles that name policy ``policy_id``, oldest mention first, with whether each reports its release."""
    stmt = (
        select(PolicyMention.is_release, PolicyMention.seen_at, *ARTICLE_LIST_COLUMNS)
        .join(Article, PolicyMention.article_id == Article.id)
        .where(PolicyMention.policy_id == policy_id)
        .order_by(PolicyMention.id)
    )
    out = []
    for is_release, seen_at, *columns in session.execute(stmt).all():
        record = _article_row(columns)
        record["is_release"] = bool(is_release)
        record["mentioned_at"] = iso_utc(seen_at)
        out.append(record)
    return out


# ------------------------------------------------------------------------------------------------------ policies


def policy_record(policy: Policy, mentions: int, releases: int, flagged: bool) -> dict[str, Any]:
    """One registry entry as ``policies --json`` prints it."""
    return {
        "id": policy.id,
        "title": policy.title,
        "issuer": policy.issuer,
        "doc_number": policy.doc_number,
        "doc_type": policy.doc_type,
        "first_seen_at": iso_utc(policy.first_seen_at),
        "released_at": iso_utc(policy.released_at),
        "carbon_relevant": bool(policy.carbon_relevant),
        "mentions": mentions,
        "releases": releases,
        "flagged": flagged,
    }


def policies_page(
    session: Session,
    *,
    q: str | None = None,
    since: datetime | None = None,
    before: int | None = None,
    limit: int | None = None,
) -> Page:
    """The registry, newest first; ``q`` matches title, issuer or document number (substring, any case)."""
    limit = clamp_limit(limit)
    stmt = select(Policy).order_by(Policy.id.desc()).limit(limit + 1)
    if q:
        stmt = stmt.where(
            or_(
                Policy.title.icontains(q, autoescape=True),
                Policy.issuer.icontains(q, autoescape=True),
                Policy.doc_number.icontains(q, autoescape=True),
            )
        )
    if since is not None:
        stmt = stmt.where(Policy.first_seen_at >= since)
    if before is not None:
        stmt = stmt.where(Policy.id < before)
    policies = list(session.scalars(stmt))
    counts = _mention_counts(session, [p.id for p in policies[:limit]])
    return _page(policies, limit, lambda p: policy_record(p, *counts.get(p.id, (0, 0, False))), lambda p: p.id)


def _mention_counts(session: Session, ids: list[int]) -> dict[int, tuple[int, int, bool]]:
    if not ids:
        return {}
    # list_policies computes the same counts over the whole registry; a page needs them for its rows only.
    mentions: dict[int, tuple[int, int]] = {}
    stmt = select(PolicyMention.policy_id, PolicyMention.is_release).where(PolicyMention.policy_id.in_(ids))
    for policy_id, is_release in session.execute(stmt):
        total, releases = mentions.get(policy_id, (0, 0))
        mentions[policy_id] = (total + 1, releases + int(bool(is_release)))
    flagged = set(session.scalars(select(Flag.policy_id).where(Flag.policy_id.in_(ids))))
    return {i: (*mentions.get(i, (0, 0)), i in flagged) for i in ids}


def policy_detail(session: Session, policy_id: int) -> dict[str, Any] | None:
    """One registry entry with its mentions and its flag id (None when not flagged); None when unknown."""
    policy = session.get(Policy, policy_id)
    if policy is None:
        return None
    counts = _mention_counts(session, [policy_id])[policy_id]
    record = policy_record(policy, *counts)
    record["flag_id"] = session.scalar(select(Flag.id).where(Flag.policy_id == policy_id))
    record["mentions_list"] = policy_mentions(session, policy_id)
    return record


def all_policies(session: Session) -> list[dict[str, Any]]:
    """The whole registry, newest first (``policies --json``'s rows)."""
    return [policy_record(r.policy, r.mentions, r.releases, r.flagged) for r in list_policies(session)]


# ------------------------------------------------------------------------------------------------------ articles


def _article_row(columns: Sequence[Any]) -> dict[str, Any]:
    (
        id_,
        source,
        url,
        canonical_url,
        title,
        media,
        published_at,
        first_seen_at,
        updated_at,
        revision,
        carbon_relevant,
        carbon_score,
        policy_release,
        flag,
        run_id,
    ) = columns
    return {
        "id": id_,
        "source": source,
        "url": url,
        "canonical_url": canonical_url,
        "title": title,
        "media": media,
        "published_at": iso_utc(published_at),
        "first_seen_at": iso_utc(first_seen_at),
        "updated_at": iso_utc(updated_at),
        "revision": revision,
        "carbon_relevant": bool(carbon_relevant),
        "carbon_score": carbon_score,
        "policy_release": bool(policy_release),
        "flagged": bool(flag),
        "run_id": run_id,
    }


def articles_page(
    session: Session,
    *,
    q: str | None = None,
    source: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    carbon: bool | None = None,
    before: int | None = None,
    limit: int | None = None,
) -> Page:
    """Articles, newest first; ``q`` matches title or text (substring, by the full-text index where there is one:
    :mod:`storage.search`), ``since``/``until`` the publication time (first-seen time when it has none)."""
    limit = clamp_limit(limit)
    stmt = select(*ARTICLE_LIST_COLUMNS).order_by(Article.id.desc()).limit(limit + 1)
    if q:
        stmt = stmt.where(article_matches(session, q))
    if source:
        stmt = stmt.where(Article.source == source)
    if since is not None:
        stmt = stmt.where(
            or_(Article.published_at >= since, and_(Article.published_at.is_(None), Article.first_seen_at >= since))
        )
    if until is not None:
        stmt = stmt.where(
            or_(Article.published_at < until, and_(Article.published_at.is_(None), Article.first_seen_at < until))
        )
    if carbon is not None:
        stmt = stmt.where(Article.carbon_relevant.is_(carbon))
    if before is not None:
        stmt = stmt.where(Article.id < before)
    rows = session.execute(stmt).all()
    return _page(rows, limit, _article_row, lambda r: r[0])


def article_detail(session: Session, article_id: int) -> dict[str, Any] | None:
    """One article: its list fields, sanitised ``html``, ``text``, classification evidence, earlier revisions
    (oldest first, with their text for a diff) and the duplicates linked to it; None when unknown."""
    article = session.get(Article, article_id)
    if article is None:
        return None
    record = _article_row([getattr(article, c.key) for c in ARTICLE_LIST_COLUMNS])
    record.update(
        doc_id=article.doc_id,
        editor=article.editor,
        keywords=list(article.keywords or []),
        published_raw=article.published_raw,
        content_hash=article.content_hash,
        html=article.html,
        text=article.text,
        meta=dict(article.meta or {}),
        attachments=list(article.attachments or []),
        carbon_evidence=list(article.carbon_evidence or []),
        policy_documents=list(article.policy_documents or []),
    )
    revisions = session.scalars(
        select(ArticleRevision).where(ArticleRevision.article_id == article_id).order_by(ArticleRevision.revision)
    )
    record["revisions"] = [
        {
            "revision": r.revision,
            "title": r.title,
            "text": r.text,
            "content_hash": r.content_hash,
            "seen_at": iso_utc(r.seen_at),
        }
        for r in revisions
    ]
    duplicates = session.scalars(
        select(ArticleDuplicate).where(ArticleDuplicate.original_id == article_id).order_by(ArticleDuplicate.id)
    )
    record["duplicates"] = [
        {
            "canonical_url": d.canonical_url,
            "url": d.url,
            "source": d.source,
            "title": d.title,
            "kind": d.kind,
            "similarity": d.similarity,
            "published_at": iso_utc(d.published_at),
            "seen_at": iso_utc(d.seen_at),
            "run_id": d.run_id,
        }
        for d in duplicates
    ]
    flag = session.execute(select(Flag.id, Flag.policy_id).where(Flag.article_id == article_id)).first()
    record["flag_id"] = flag[0] if flag else None
    return record


# ------------------------------------------------------------------------------------------------------- sources


def sources_health(config: Config, *, now: datetime, engine: Engine | None = None) -> dict[str, Any]:
    """Every enabled source's health as ``status --json`` gives it, and whether a daemon runs on the database.

    ``engine``: the console's migrated engine (else one is opened and migrated for the call). Raises
    :class:`scheduler.schedules.ScheduleError` for a bad configuration (the caller reports it).
    """
    from carbonwatch.cli.ops import collect_status, status_record

    statuses, daemon = collect_status(config, now=now, engine=engine)
    return {
        "daemon": daemon,
        "healthy": all(s.healthy for s in statuses),
        "sources": [status_record(s, daemon) for s in statuses],
    }
