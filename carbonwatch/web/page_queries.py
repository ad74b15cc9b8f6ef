"""Read queries only the console's pages need (filter choices, an article's policies, its stored HTML).

The lists and records the pages show come from :mod:`carbonwatch.web.queries`, shared with ``/api/``; each function
here takes a Session and only reads.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from storage.models import Article, CrawlRun, Flag, Policy, PolicyMention


def distinct_values(session: Session, column: InstrumentedAttribute[str]) -> list[str]:
    """The distinct values of an indexed column, sorted, by one index seek per value (a "loose index scan").

    ``SELECT DISTINCT`` reads the whole index (8 ms for 100,000 articles); the recursive form costs a few seeks
    for the handful of sources, on SQLite and PostgreSQL alike.
    """
    seen = select(func.min(column).label("value")).cte("seen", recursive=True)
    following = select(func.min(column)).where(column > seen.c.value).scalar_subquery()
    seen = seen.union_all(select(following).select_from(seen).where(seen.c.value.is_not(None)))
    return [str(v) for v in session.scalars(select(seen.c.value).where(seen.c.value.is_not(None)))]


def run_sources(session: Session) -> list[str]:
    """Every source named by a run (a ``crawl --all`` run names several, comma separated), sorted."""
    return sorted({name for names in distinct_values(session, CrawlRun.source) for name in names.split(",")})


def run_choices(session: Session) -> dict[str, list[str]]:
    """The distinct sources, statuses and triggers of the run history, for the filter form."""
    return {
        "source": run_sources(session),
        "status": sorted(session.scalars(select(CrawlRun.status).distinct())),
        "trigger": sorted(session.scalars(select(CrawlRun.trigger).distinct())),
    }


def article_sources(session: Session) -> list[str]:
    """The distinct sources of stored articles, for the search form."""
    return distinct_values(session, Article.source)


def policies_of_article(session: Session, article_id: int) -> list[dict[str, Any]]:
    """The policies an article names, in the order it was linked to them, with ``is_release`` and ``flag_id``."""
    stmt = (
        select(Policy.id, Policy.title, PolicyMention.is_release, Flag.id)
        .join(PolicyMention, PolicyMention.policy_id == Policy.id)
        .outerjoin(Flag, Flag.policy_id == Policy.id)
        .where(PolicyMention.article_id == article_id)
        .order_by(PolicyMention.id)
    )
    return [
        {"id": pid, "title": title, "is_release": bool(release), "flag_id": fid}
        for pid, title, release, fid in session.execute(stmt).all()
    ]


def article_html(session: Session, article_id: int) -> str | None:
    """Only the stored (sanitised) HTML of an article, or None when there is no such article."""
    found = session.scalar(select(Article.html).where(Article.id == article_id))
    return str(found) if found is not None else None
