"""Query functions over the article store; each takes a Session and leaves the transaction to the caller."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from crawler.items import ArticleItem, utcnow
from storage.models import Article, ArticleDuplicate, ArticleRevision, Fingerprint, LshBand

logger = logging.getLogger(__name__)

UpsertStatus = Literal["new", "revised", "unchanged"]

# SQLite allows 32766 bound parameters per statement (999 before 3.32); PostgreSQL 65535. Stay well below both.
IN_CHUNK = 500
MAX_BAND_ROWS = 5000


def _chunks(values: Sequence[Any], size: int = IN_CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def dialect_insert(session: Session, table: Any) -> postgresql.Insert | sqlite.Insert:
    """A dialect-specific INSERT that supports ``on_conflict_do_nothing`` / ``on_conflict_do_update``."""
    name = session.get_bind().dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"unsupported database dialect {name!r} (SQLite and PostgreSQL only)")


def known_urls(session: Session, canonical_urls: Iterable[str]) -> set[str]:
    """The subset of ``canonical_urls`` already stored, as an article or as a duplicate link."""
    wanted = sorted({u for u in canonical_urls if u})
    found: set[str] = set()
    for chunk in _chunks(wanted):
        found.update(session.scalars(select(Article.canonical_url).where(Article.canonical_url.in_(chunk))))
        found.update(
            session.scalars(select(ArticleDuplicate.canonical_url).where(ArticleDuplicate.canonical_url.in_(chunk)))
        )
    return found


def get_article_by_url(session: Session, canonical_url: str) -> Article | None:
    """The article stored under ``canonical_url``, if any."""
    return session.scalars(select(Article).where(Article.canonical_url == canonical_url)).one_or_none()


def get_duplicate_by_url(session: Session, canonical_url: str) -> ArticleDuplicate | None:
    """The duplicate link stored under ``canonical_url``, if any."""
    return session.scalars(
        select(ArticleDuplicate).where(ArticleDuplicate.canonical_url == canonical_url)
    ).one_or_none()


def article_id_by_url(session: Session, canonical_url: str) -> int | None:
    """The id of the article stored under ``canonical_url``, if any (no row loaded: html/text are large)."""
    found = session.execute(_ID_BY_URL, {"url": canonical_url}).scalar_one_or_none()
    return int(found) if found is not None else None


def find_original_by_hash(
    session: Session, content_hash: str, *, exclude_url: str | None = None
) -> tuple[int, str] | None:
    """(id, canonical_url) of the oldest article with ``content_hash`` (not the one at ``exclude_url``)."""
    if not content_hash:
        return None
    row = session.execute(_ORIGINAL_BY_HASH, {"hash": content_hash, "url": exclude_url or ""}).first()
    return (int(row[0]), str(row[1])) if row is not None else None


def same_title_articles(
    session: Session,
    title: str,
    published_at: datetime,
    *,
    window: timedelta,
    exclude_url: str,
    longer_than: int,
    limit: int = 5,
) -> list[tuple[int, str, str]]:
    """(id, canonical_url, text) of the oldest articles titled ``title`` published within ``window`` of
    ``published_at`` whose text is longer than ``longer_than`` characters (not the one at ``exclude_url``).

    The publication-time index narrows the search; the title and length are checked on that window only.
    """
    stmt = (
        select(Article.id, Article.canonical_url, Article.text)
        .where(
            Article.published_at.between(published_at - window, published_at + window),
            Article.title == title,
            Article.canonical_url != exclude_url,
            func.length(Article.text) > longer_than,
        )
        .order_by(Article.id)
        .limit(limit)
    )
    return [(int(i), str(u), str(t)) for i, u, t in session.execute(stmt).all()]


def canonical_url_of(session: Session, article_id: int) -> str | None:
    """The canonical URL of the article ``article_id``."""
    found = session.execute(_URL_BY_ID, {"id": article_id}).scalar_one_or_none()
    return str(found) if found is not None else None


def find_by_hash(session: Session, content_hash: str, *, exclude_url: str | None = None) -> Article | None:
    """The oldest article whose current text has ``content_hash`` (optionally not the one at ``exclude_url``)."""
    if not content_hash:
        return None
    stmt = select(Article).where(Article.content_hash == content_hash)
    if exclude_url is not None:
        stmt = stmt.where(Article.canonical_url != exclude_url)
    return session.scalars(stmt.order_by(Article.id).limit(1)).first()


# Hot-path statements, built once: per-item code only binds parameters (SQLAlchemy caches their compiled form),
# instead of building a new statement object and cache key for every item.
_ID_BY_URL = select(Article.id).where(Article.canonical_url == bindparam("url"))
_URL_BY_ID = select(Article.canonical_url).where(Article.id == bindparam("id"))
_ORIGINAL_BY_HASH = (
    select(Article.id, Article.canonical_url)
    .where(Article.content_hash == bindparam("hash"), Article.canonical_url != bindparam("url"))
    .order_by(Article.id)
    .limit(1)
)
_STORED_STATE = select(Article.id, Article.content_hash).where(Article.canonical_url == bindparam("url"))
_FINGERPRINT_TABLE = Fingerprint.__table__
_LSH_TABLE = LshBand.__table__
_ARTICLE_TABLE = Article.__table__
_INSERT_CACHE: dict[tuple[str, str], Any] = {}


def _cached_insert(session: Session, kind: str) -> Any:
    """The dialect's prepared INSERT of ``kind`` (``article``, ``fingerprint``, ``bands``), built once."""
    name = session.get_bind().dialect.name
    key = (name, kind)
    stmt = _INSERT_CACHE.get(key)
    if stmt is None:
        if kind == "article":
            stmt = (
                dialect_insert(session, _ARTICLE_TABLE)
                .on_conflict_do_nothing(index_elements=["canonical_url"])
                .returning(_ARTICLE_TABLE.c.id)
            )
        elif kind == "fingerprint":
            stmt = dialect_insert(session, _FINGERPRINT_TABLE)
        else:
            stmt = dialect_insert(session, _LSH_TABLE)
        _INSERT_CACHE[key] = stmt
    return stmt


def store_article(
    session: Session, item: ArticleItem, *, run_id: int | None = None, now: datetime | None = None
) -> tuple[int, UpsertStatus]:
    """:func:`upsert_article` for the crawl's hot path: the same writes, but returns the id, not a loaded row.

    A new URL costs one INSERT; a known URL one SELECT of (id, hash); only a changed text (a revision) takes the
    ORM path of :func:`upsert_article`.
    """
    now = now or utcnow()
    values = _article_values(item)
    values.update(revision=1, first_seen_at=now, updated_at=now, run_id=run_id)
    conn = session.connection()
    inserted_id = conn.execute(_cached_insert(session, "article"), values).scalar_one_or_none()
    if inserted_id is not None:
        return int(inserted_id), "new"
    row = conn.execute(_STORED_STATE, {"url": values["canonical_url"]}).first()
    if row is not None and row[1] == values["content_hash"]:
        return int(row[0]), "unchanged"
    article, status = upsert_article(session, item, run_id=run_id, now=now)
    return article.id, status


def add_fingerprint(session: Session, article_id: int, signature: bytes, band_keys: Sequence[int]) -> None:
    """Save the fingerprint of a NEW article (nothing to replace): one INSERT plus one executemany of its bands."""
    conn = session.connection()
    conn.execute(_cached_insert(session, "fingerprint"), {"article_id": article_id, "signature": signature})
    if band_keys:
        conn.execute(_cached_insert(session, "bands"), [{"article_id": article_id, "band_key": k} for k in band_keys])


def _article_values(item: ArticleItem) -> dict[str, Any]:
    """The article columns an item determines (everything but id, revision, first_seen_at and run_id)."""
    carbon = item.carbon or {}
    policy = item.policy or {}
    return {
        "canonical_url": item.canonical_url or item.url,
        "url": item.url,
        "source": item.source,
        "doc_id": item.doc_id,
        "title": item.title,
        "media": item.media,
        "editor": item.editor,
        "editor_code": item.editor_code,
        "keywords": list(item.keywords),
        "published_at": item.published_at,
        "published_raw": item.published_raw,
        "written_at": item.written_at,
        "html": item.html,
        "text": item.text,
        "content_hash": item.content_hash,
        "meta": dict(item.meta),
        "attachments": list(item.attachments),
        "carbon_relevant": bool(carbon.get("relevant", False)),
        "carbon_score": float(carbon.get("score", 0.0)),
        "carbon_evidence": list(carbon.get("evidence", [])),
        "policy_release": bool(policy.get("is_release", False)),
        "policy_documents": list(policy.get("documents", [])),
        "flag": bool(item.flag),
    }


def upsert_article(
    session: Session, item: ArticleItem, *, run_id: int | None = None, now: datetime | None = None
) -> tuple[Article, UpsertStatus]:
    """Store ``item`` under its canonical URL: insert it, record a revision, or leave it alone.

    Same canonical URL and same ``content_hash``: "unchanged", nothing is written. A different hash: the stored
    title/text/html/hash move to ``article_revisions``, ``revision`` goes up by one and the article takes the new
    values: "revised". The insert is ``ON CONFLICT DO NOTHING`` so two writers racing on one URL never fail.
    """
    now = now or utcnow()
    values = _article_values(item)
    stmt = (
        dialect_insert(session, Article)
        .values(**values, revision=1, first_seen_at=now, updated_at=now, run_id=run_id)
        .on_conflict_do_nothing(index_elements=["canonical_url"])
        .returning(Article.id)
    )
    inserted_id = session.execute(stmt).scalar_one_or_none()
    if inserted_id is not None:
        article = session.get(Article, inserted_id)
        assert article is not None  # just inserted in this transaction
        return article, "new"
    article = get_article_by_url(session, values["canonical_url"])
    if article is None:  # deleted between the two statements: cannot happen inside one transaction
        raise LookupError(f"article {values['canonical_url']} vanished during upsert")
    if article.content_hash == values["content_hash"]:
        return article, "unchanged"
    session.execute(
        dialect_insert(session, ArticleRevision)
        .values(
            article_id=article.id,
            revision=article.revision,
            title=article.title,
            text=article.text,
            html=article.html,
            content_hash=article.content_hash,
            seen_at=article.updated_at,
        )
        .on_conflict_do_nothing(index_elements=["article_id", "revision"])
    )
    for key, value in values.items():
        setattr(article, key, value)
    article.revision += 1
    article.updated_at = now
    article.run_id = run_id
    session.flush()
    return article, "revised"


def add_duplicate(
    session: Session,
    item: ArticleItem,
    *,
    original_id: int,
    kind: str,
    similarity: float,
    run_id: int | None = None,
    now: datetime | None = None,
) -> tuple[ArticleDuplicate, bool]:
    """Link ``item`` to the article it repeats; idempotent on the canonical URL. Returns (row, created)."""
    canonical_url = item.canonical_url or item.url
    stmt = (
        dialect_insert(session, ArticleDuplicate)
        .values(
            canonical_url=canonical_url,
            url=item.url,
            source=item.source,
            title=item.title,
            original_id=original_id,
            kind=kind,
            similarity=float(similarity),
            content_hash=item.content_hash,
            published_at=item.published_at,
            seen_at=now or utcnow(),
            run_id=run_id,
        )
        .on_conflict_do_nothing(index_elements=["canonical_url"])
        .returning(ArticleDuplicate.id)
    )
    inserted_id = session.execute(stmt).scalar_one_or_none()
    row = session.get(ArticleDuplicate, inserted_id) if inserted_id is not None else None
    if row is None:
        row = get_duplicate_by_url(session, canonical_url)
    assert row is not None  # inserted, or present since the conflict
    return row, inserted_id is not None


def store_fingerprint(session: Session, article_id: int, signature: bytes, band_keys: Sequence[int]) -> None:
    """Save (or replace, after a revision) an article's MinHash signature and its LSH band keys."""
    session.execute(
        dialect_insert(session, Fingerprint)
        .values(article_id=article_id, signature=signature)
        .on_conflict_do_update(index_elements=["article_id"], set_={"signature": signature})
    )
    session.execute(delete(LshBand).where(LshBand.article_id == article_id))
    if band_keys:
        session.execute(
            dialect_insert(session, LshBand), [{"article_id": article_id, "band_key": key} for key in band_keys]
        )


_BAND_MEMBERS = (
    select(LshBand.article_id).where(LshBand.band_key.in_(bindparam("keys", expanding=True))).limit(MAX_BAND_ROWS)
)
_SIGNATURES = select(Fingerprint.article_id, Fingerprint.signature).where(
    Fingerprint.article_id.in_(bindparam("ids", expanding=True))
)


def lsh_candidates(session: Session, band_keys: Sequence[int], *, limit: int = 50) -> list[tuple[int, bytes]]:
    """Articles sharing at least one band key, with their signatures: (article_id, signature), most shared first.

    Two indexed queries per lookup whatever the number of bands (one IN over every band key, one over the best
    candidates' signatures); more than ``IN_CHUNK`` keys are split into several IN lists.
    """
    if not band_keys:
        return []
    counts: dict[int, int] = {}
    for chunk in _chunks(list(band_keys)):
        # Bounded: a band shared by thousands of articles (a boilerplate-only text) must not load them all.
        for article_id in session.execute(_BAND_MEMBERS, {"keys": list(chunk)}).scalars():
            counts[article_id] = counts.get(article_id, 0) + 1
    if not counts:
        return []
    # Common boilerplate can make many articles share one band; the best-sharing ones are the likely matches.
    best = sorted(counts, key=lambda a: (-counts[a], a))[:limit]
    found = {int(a): bytes(sig) for a, sig in session.execute(_SIGNATURES, {"ids": best})}
    return [(a, found[a]) for a in best if a in found]


def recent_articles(
    session: Session,
    since: datetime,
    *,
    source: str | None = None,
    carbon_only: bool = False,
    limit: int | None = None,
) -> list[Article]:
    """Articles first seen at or after ``since`` (newest first), optionally of one source or carbon-relevant only."""
    stmt = select(Article).where(Article.first_seen_at >= since)
    if source is not None:
        stmt = stmt.where(Article.source == source)
    if carbon_only:
        stmt = stmt.where(Article.carbon_relevant.is_(True))
    stmt = stmt.order_by(Article.first_seen_at.desc(), Article.id.desc())
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def revisions_of(session: Session, article_id: int) -> list[ArticleRevision]:
    """The superseded versions of the article ``article_id``, oldest first."""
    stmt = select(ArticleRevision).where(ArticleRevision.article_id == article_id)
    return list(session.scalars(stmt.order_by(ArticleRevision.revision)))
