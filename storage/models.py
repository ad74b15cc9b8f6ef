"""SQLAlchemy 2.0 models: the database schema that downstream jobs read (documented in docs/schema.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from crawler.items import utcnow
from storage.types import UTCDateTime


class Base(DeclarativeBase):
    """Declarative base; every table of the contract hangs off its metadata."""

    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


class Article(Base):
    """One document per canonical URL: the newest revision's text, with its classification."""

    __tablename__ = "articles"
    __table_args__ = (Index("ix_articles_source_first_seen", "source", "first_seen_at"),)  # per-source freshness

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    canonical_url: Mapped[str] = mapped_column(String(1024), unique=True)
    url: Mapped[str] = mapped_column(String(2048))
    source: Mapped[str] = mapped_column(String(64), index=True)
    doc_id: Mapped[str | None] = mapped_column(String(128))
    title: Mapped[str] = mapped_column(Text)
    media: Mapped[str | None] = mapped_column(String(256))
    editor: Mapped[str | None] = mapped_column(String(128))
    editor_code: Mapped[str | None] = mapped_column(String(64))
    keywords: Mapped[list[Any]] = mapped_column(default=list)
    published_at: Mapped[datetime | None] = mapped_column(index=True)
    published_raw: Mapped[str | None] = mapped_column(String(128))
    written_at: Mapped[datetime | None]
    first_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    html: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)
    attachments: Mapped[list[Any]] = mapped_column(default=list)
    carbon_relevant: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    carbon_score: Mapped[float] = mapped_column(Float, default=0.0)
    carbon_evidence: Mapped[list[Any]] = mapped_column(default=list)
    policy_release: Mapped[bool] = mapped_column(Boolean, default=False)
    policy_documents: Mapped[list[Any]] = mapped_column(default=list)
    flag: Mapped[bool] = mapped_column(Boolean, default=False)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id", ondelete="SET NULL"))

    revisions: Mapped[list[ArticleRevision]] = relationship(back_populates="article", cascade="all, delete-orphan")


class ArticleRevision(Base):
    """A superseded version of an article: the same URL was seen again with different text."""

    __tablename__ = "article_revisions"
    __table_args__ = (UniqueConstraint("article_id", "revision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    html: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)

    article: Mapped[Article] = relationship(back_populates="revisions")


class ArticleDuplicate(Base):
    """A document whose text repeats (exactly or nearly) an already stored article: a link, not a copy."""

    __tablename__ = "article_duplicates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    canonical_url: Mapped[str] = mapped_column(String(1024), unique=True)
    url: Mapped[str] = mapped_column(String(2048))
    source: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    original_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # "exact" or "near"
    similarity: Mapped[float] = mapped_column(Float)
    content_hash: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime | None]
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id", ondelete="SET NULL"))


class Fingerprint(Base):
    """The MinHash signature of an article's text (character shingles), for near-duplicate search."""

    __tablename__ = "fingerprints"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class LshBand(Base):
    """One LSH band key of a fingerprint; articles sharing a key are near-duplicate candidates."""

    __tablename__ = "lsh_bands"
    __table_args__ = (Index("ix_lsh_bands_key", "band_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    band_key: Mapped[int] = mapped_column(BigInteger)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)


class Policy(Base):
    """A policy document, keyed by its normalised title (and issuer when known): the registry."""

    __tablename__ = "policies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(512), unique=True)
    title: Mapped[str] = mapped_column(Text)
    title_norm: Mapped[str] = mapped_column(String(512), index=True)
    issuer: Mapped[str | None] = mapped_column(String(256))
    doc_number: Mapped[str | None] = mapped_column(String(128))
    doc_type: Mapped[str | None] = mapped_column(String(32))
    carbon_relevant: Mapped[bool] = mapped_column(Boolean, default=False)
    first_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    first_article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    released_at: Mapped[datetime | None]


class PolicyMention(Base):
    """An article that names a policy document (reporting its release or only citing it)."""

    __tablename__ = "policy_mentions"
    __table_args__ = (UniqueConstraint("policy_id", "article_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    policy_id: Mapped[int] = mapped_column(ForeignKey("policies.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    is_release: Mapped[bool] = mapped_column(Boolean, default=False)
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)


class Flag(Base):
    """A carbon-policy release seen for the first time: exactly one per policy document."""

    __tablename__ = "flags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    policy_id: Mapped[int] = mapped_column(ForeignKey("policies.id", ondelete="CASCADE"), unique=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(Text)
    evidence: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id", ondelete="SET NULL"))


class Notification(Base):
    """The delivery of one flag to one notification target, retried until it succeeds or gives up."""

    __tablename__ = "notifications"
    __table_args__ = (UniqueConstraint("flag_id", "target"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    flag_id: Mapped[int] = mapped_column(ForeignKey("flags.id", ondelete="CASCADE"), index=True)
    target: Mapped[str] = mapped_column(String(512))  # carbonwatch.targets.redact_target: scheme, host, fingerprint
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending, sent, failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    notified_at: Mapped[datetime | None]


class CrawlRun(Base):
    """One crawl of one source (or of several, from `crawl --all`): what it did and how it ended."""

    __tablename__ = "crawl_runs"
    __table_args__ = (
        Index("ix_crawl_runs_source_started", "source", "started_at"),
        Index("ix_crawl_runs_status_finished", "status", "finished_at"),  # each source's last success
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(256), index=True)
    trigger: Mapped[str] = mapped_column(String(16))  # daemon, cron, manual, demo
    status: Mapped[str] = mapped_column(String(16), default="running")  # running, success, failed, timeout, interrupted
    started_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    finished_at: Mapped[datetime | None]
    exit_code: Mapped[int | None] = mapped_column(Integer)
    pid: Mapped[int | None] = mapped_column(Integer)
    requests: Mapped[int] = mapped_column(Integer, default=0)
    responses: Mapped[dict[str, Any]] = mapped_column(default=dict)  # HTTP status -> count
    items_new: Mapped[int] = mapped_column(Integer, default=0)
    items_revised: Mapped[int] = mapped_column(Integer, default=0)
    items_duplicate: Mapped[int] = mapped_column(Integer, default=0)
    items_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    dropped: Mapped[dict[str, Any]] = mapped_column(default=dict)  # reason -> count
    flags_raised: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[list[Any]] = mapped_column(default=list)
    stats: Mapped[dict[str, Any]] = mapped_column(default=dict)
    log_path: Mapped[str | None] = mapped_column(String(1024))


class HealthAlert(Base):
    """The unhealthy state of a source that operators were alerted to (one row per source, gone when it recovers)."""

    __tablename__ = "health_alerts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(256), unique=True)
    problems: Mapped[list[Any]] = mapped_column(default=list)  # the problem lines alerted, to alert again on change
    alerted_at: Mapped[datetime] = mapped_column(default=utcnow)


class DaemonHeartbeat(Base):
    """The running daemon's sign of life (one row), written every few seconds; ``/readyz`` judges its age."""

    __tablename__ = "daemon_heartbeat"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1: one daemon per database (its lock)
    host: Mapped[str] = mapped_column(String(256))
    pid: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime]
    beat_at: Mapped[datetime]
    stopped_at: Mapped[datetime | None]  # set by a clean stop: no heartbeat is then expected


class HttpValidator(Base):
    """The ETag / Last-Modified a list page or feed last answered with, sent back on the next poll (issue 16)."""

    __tablename__ = "http_validators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)  # the URL as requested (a list page, a feed)
    etag: Mapped[str | None] = mapped_column(String(512))
    last_modified: Mapped[str | None] = mapped_column(String(64))  # the header's text, sent back unchanged
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
