"""Read queries the console's pages need beyond ``carbonwatch.web.queries``; each takes a Session, reads only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, cast, func, or_, select
from sqlalchemy.orm import Session

from storage.models import Article, ArticleDuplicate, CrawlRun, Flag, Policy, PolicyMention
from storage.policy_queries import FlagRow

PAGE_SIZE = 50


def _escape(term: str) -> str:
    """``term`` for a LIKE pattern, its own ``%``/``_`` taken literally (escape character ``\\``)."""
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like(term: str) -> str:
    """A LIKE pattern matching ``term`` anywhere."""
    return f"%{_escape(term)}%"


@dataclass(frozen=True)
class RunFilter:
    """The run history's filters (None: any)."""

    source: str | None = None
    status: str | None = None
    trigger: str | None = None


def filter_runs(session: Session, filt: RunFilter, *, page: int = 1, size: int = PAGE_SIZE) -> list[CrawlRun]:
    """One page of runs, newest first, matching ``filt`` (a source also matches a `crawl --all` run naming it)."""
    stmt = select(CrawlRun).order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc())
    if filt.source:
        name = _escape(filt.source)
        stmt = stmt.where(
            or_(
                CrawlRun.source == filt.source,
                *(CrawlRun.source.like(p, escape="\\") for p in (f"{name},%", f"%,{name}", f"%,{name},%")),
            )
        )
    if filt.status:
        stmt = stmt.where(CrawlRun.status == filt.status)
    if filt.trigger:
        stmt = stmt.where(CrawlRun.trigger == filt.trigger)
    return list(session.scalars(stmt.limit(size + 1).offset((page - 1) * size)))


def run_choices(session: Session) -> dict[str, list[str]]:
    """The distinct sources, statuses and triggers of the run history, for the filter form."""
    sources = {name for names in session.scalars(select(CrawlRun.source).distinct()) for name in names.split(",")}
    return {
        "source": sorted(sources),
        "status": sorted(session.scalars(select(CrawlRun.status).distinct())),
        "trigger": sorted(session.scalars(select(CrawlRun.trigger).distinct())),
    }


def latest_flags(session: Session, *, page: int = 1, size: int = PAGE_SIZE) -> list[FlagRow]:
    """One page of flags with their policy and article, newest first (``size + 1`` rows tell a next page)."""
    stmt = (
        select(Flag, Policy, Article)
        .join(Policy, Flag.policy_id == Policy.id)
        .join(Article, Flag.article_id == Article.id)
        .order_by(Flag.created_at.desc(), Flag.id.desc())
        .limit(size + 1)
        .offset((page - 1) * size)
    )
    return [FlagRow(f, p, a) for f, p, a in session.execute(stmt).all()]


def flag_detail(session: Session, flag_id: int) -> FlagRow | None:
    """One flag with its policy and article."""
    row = session.execute(
        select(Flag, Policy, Article)
        .join(Policy, Flag.policy_id == Policy.id)
        .join(Article, Flag.article_id == Article.id)
        .where(Flag.id == flag_id)
    ).first()
    return FlagRow(row[0], row[1], row[2]) if row is not None else None


@dataclass(frozen=True)
class ArticleRef:
    """An article named in a listing: enough to link it, without its text."""

    id: int
    title: str
    source: str
    url: str
    published_at: datetime | None
    first_seen_at: datetime
    carbon_relevant: bool = False
    flag: bool = False
    is_release: bool = False


def policy_articles(session: Session, policy_id: int) -> list[ArticleRef]:
    """Every article that names the policy, in the order they were seen (release reports marked)."""
    stmt = (
        select(
            Article.id, Article.title, Article.source, Article.url, Article.published_at, Article.first_seen_at,
            Article.carbon_relevant, Article.flag, PolicyMention.is_release,
        )
        .join(PolicyMention, PolicyMention.article_id == Article.id)
        .where(PolicyMention.policy_id == policy_id)
        .order_by(PolicyMention.seen_at, PolicyMention.id)
    )  # fmt: skip
    return [ArticleRef(*row) for row in session.execute(stmt).all()]


@dataclass(frozen=True)
class PolicyListing:
    """A registry entry with its mention counts and its flag, if any."""

    policy: Policy
    mentions: int
    releases: int
    flag_id: int | None


def _policy_listings() -> Any:
    """Registry entries with their mention and release counts and their flag id."""
    mentions = (
        select(
            PolicyMention.policy_id,
            func.count().label("mentions"),
            func.sum(cast(PolicyMention.is_release, Integer)).label("releases"),
        )
        .group_by(PolicyMention.policy_id)
        .subquery()
    )
    return (
        select(Policy, mentions.c.mentions, mentions.c.releases, Flag.id)
        .outerjoin(mentions, mentions.c.policy_id == Policy.id)
        .outerjoin(Flag, Flag.policy_id == Policy.id)
    )


def search_policies(session: Session, query: str = "", *, page: int = 1, size: int = PAGE_SIZE) -> list[PolicyListing]:
    """Registry entries whose title, issuer, number or type contain ``query`` (all when empty), newest first."""
    stmt = _policy_listings().order_by(Policy.first_seen_at.desc(), Policy.id.desc())
    if query:
        pattern = _like(query)
        columns = (Policy.title, Policy.issuer, Policy.doc_number, Policy.doc_type)
        stmt = stmt.where(or_(*(col.like(pattern, escape="\\") for col in columns)))
    rows = session.execute(stmt.limit(size + 1).offset((page - 1) * size)).all()
    return [PolicyListing(p, int(m or 0), int(r or 0), fid) for p, m, r, fid in rows]


def policy_listing(session: Session, policy_id: int) -> PolicyListing | None:
    """One registry entry with its counts and flag."""
    row = session.execute(_policy_listings().where(Policy.id == policy_id)).first()
    return PolicyListing(row[0], int(row[1] or 0), int(row[2] or 0), row[3]) if row is not None else None


@dataclass(frozen=True)
class ArticleSearch:
    """The article search form: words in the title or text, a source, a first-seen date range (None: any)."""

    query: str = ""
    source: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    carbon_only: bool = False


_REF_COLUMNS = (
    Article.id, Article.title, Article.source, Article.url, Article.published_at, Article.first_seen_at,
    Article.carbon_relevant, Article.flag,
)  # fmt: skip


def search_articles(
    session: Session, search: ArticleSearch, *, page: int = 1, size: int = PAGE_SIZE
) -> list[ArticleRef]:
    """One page of articles matching ``search``, newest first (never loads their text or HTML)."""
    stmt = select(*_REF_COLUMNS).order_by(Article.first_seen_at.desc(), Article.id.desc())
    if search.query:
        pattern = _like(search.query)
        stmt = stmt.where(or_(Article.title.like(pattern, escape="\\"), Article.text.like(pattern, escape="\\")))
    if search.source:
        stmt = stmt.where(Article.source == search.source)
    if search.since is not None:
        stmt = stmt.where(Article.first_seen_at >= search.since)
    if search.until is not None:
        stmt = stmt.where(Article.first_seen_at < search.until)
    if search.carbon_only:
        stmt = stmt.where(Article.carbon_relevant.is_(True))
    return [ArticleRef(*row) for row in session.execute(stmt.limit(size + 1).offset((page - 1) * size)).all()]


def article_sources(session: Session) -> list[str]:
    """The distinct sources of stored articles, for the search form."""
    return sorted(session.scalars(select(Article.source).distinct()))


def duplicates_of(session: Session, article_id: int) -> list[ArticleDuplicate]:
    """The documents linked as exact or near duplicates of the article, in the order they were seen."""
    stmt = select(ArticleDuplicate).where(ArticleDuplicate.original_id == article_id)
    return list(session.scalars(stmt.order_by(ArticleDuplicate.seen_at, ArticleDuplicate.id)))


def policies_of_article(session: Session, article_id: int) -> list[tuple[Policy, bool, int | None]]:
    """The policies the article names: (policy, reports its release, the policy's flag id or None)."""
    stmt = (
        select(Policy, PolicyMention.is_release, Flag.id)
        .join(PolicyMention, PolicyMention.policy_id == Policy.id)
        .outerjoin(Flag, Flag.policy_id == Policy.id)
        .where(PolicyMention.article_id == article_id)
        .order_by(PolicyMention.id)
    )
    return [(p, bool(rel), fid) for p, rel, fid in session.execute(stmt).all()]


def article_html(session: Session, article_id: int) -> str | None:
    """Only the stored (sanitised) HTML of an article, or None when there is no such article."""
    found: Any = session.scalar(select(Article.html).where(Article.id == article_id))
    return str(found) if found is not None else None
