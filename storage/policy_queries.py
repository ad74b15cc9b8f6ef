"""Policy registry queries: policies, their mentions, flags and notifications (callers own the transaction)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session

from crawler.items import utcnow
from storage.models import Article, Flag, Notification, Policy, PolicyMention
from storage.queries import dialect_insert


def policy_key(title_norm: str, issuer: str | None) -> str:
    """The registry key: normalised title, plus the issuer when the article names one."""
    return f"{title_norm}@{issuer or ''}"[:512]


def find_policy(session: Session, title_norm: str, issuer: str | None, title: str | None = None) -> Policy | None:
    """The registry entry for a document.

    Matching is by normalised title. A mention without issuer links to the oldest entry with that title; a
    mention with issuer links to the entry with the same issuer, else to an entry whose issuer is still unknown
    (which then learns it); identical titles from different issuers (two provinces' 实施方案) stay apart.

    The recogniser's rule of one document (``normalise_title``) improves from release to release, so an entry stored
    under an older rule may hold another ``title_norm`` for the same document: when none matches, an entry with
    the same printed ``title`` is that document, and takes the current ``title_norm`` (it is not flagged twice).
    Likewise an entry whose issuer, read by the current rule (``canonical_issuer``), is the mention's.
    """
    candidates = list(session.scalars(select(Policy).where(Policy.title_norm == title_norm).order_by(Policy.id)))
    if not candidates and title:
        candidates = list(session.scalars(select(Policy).where(Policy.title == title).order_by(Policy.id)))
        for policy in candidates:
            policy.title_norm = title_norm[:512]  # the key stays: it only guards inserts, which now find the entry
    if not candidates:
        return None
    if issuer is None:
        return candidates[0]
    for policy in candidates:
        if policy.issuer == issuer:
            return policy
    from carbonwatch.classify.policydocs import canonical_issuer, ministry_of_agency  # only when needed

    # The names an older rule may have stored this issuer under, each read by the current rule: the issuer itself;
    # the name read out of the context the page's place now decides (Taiwan's 农业部, stored as 农业农村部); and a
    # Taiwan administration's ministry (经济部, before 经济部国际贸易署 was read by its own name).
    former = {issuer, canonical_issuer(issuer), ministry_of_agency(issuer)} - {None}
    for policy in candidates:
        # ... the same rule holds for issuers: an entry stored as 广东省发改委 is 广东省发展和改革委员会's; and a
        # government and its general office are one issuer of one document (an article names 安庆市人民政府 where
        # the number says 安庆市人民政府办公室)
        stored = canonical_issuer(policy.issuer) if policy.issuer else None
        if stored in former:
            policy.issuer = issuer  # the entry learns the current name
            return policy
        if stored and _government_and_its_office(stored, issuer):
            return policy
    for policy in candidates:
        if policy.issuer is None:
            return policy
    return None


def _government_and_its_office(a: str, b: str) -> bool:
    """安庆市人民政府 and 安庆市人民政府办公室 (or 广东省人民政府 and its 办公厅), either way round."""
    short, long = sorted((a, b), key=len)
    return short.endswith("人民政府") and long in (short + "办公室", short + "办公厅")


def upsert_policy(
    session: Session,
    *,
    title: str,
    title_norm: str,
    issuer: str | None,
    doc_number: str | None,
    doc_type: str | None,
    article_id: int | None,
    released_at: datetime | None = None,
    now: datetime | None = None,
) -> tuple[Policy, bool]:
    """Find or create the registry entry; fill in what a later article knows (issuer, number). (policy, created)."""
    now = now or utcnow()
    existing = find_policy(session, title_norm, issuer, title)
    if existing is None:
        stmt = (
            dialect_insert(session, Policy)
            .values(
                key=policy_key(title_norm, issuer),
                title=title,
                title_norm=title_norm[:512],
                issuer=issuer,
                doc_number=doc_number,
                doc_type=doc_type,
                first_seen_at=now,
                first_article_id=article_id,
                released_at=released_at,
                carbon_relevant=False,
            )
            .on_conflict_do_nothing(index_elements=["key"])
            .returning(Policy.id)
        )
        new_id = session.execute(stmt).scalar_one_or_none()
        if new_id is not None:
            policy = session.get(Policy, new_id)
            assert policy is not None  # just inserted in this transaction
            return policy, True
        # Another process inserted the same key between our select and insert.
        existing = session.scalars(select(Policy).where(Policy.key == policy_key(title_norm, issuer))).one()
    if existing.issuer is None and issuer:
        existing.issuer = issuer
    if existing.doc_number is None and doc_number:
        existing.doc_number = doc_number
    if existing.doc_type is None and doc_type:
        existing.doc_type = doc_type
    if existing.released_at is None and released_at is not None:
        existing.released_at = released_at
    if not existing.title.startswith("《") and title.startswith("《"):
        existing.title = title
    return existing, False


def add_mention(
    session: Session, policy_id: int, article_id: int, *, is_release: bool, now: datetime | None = None
) -> None:
    """Record that an article names a policy (idempotent; a later release report upgrades a mention)."""
    stmt = (
        dialect_insert(session, PolicyMention)
        .values(policy_id=policy_id, article_id=article_id, is_release=is_release, seen_at=now or utcnow())
        .on_conflict_do_nothing(index_elements=["policy_id", "article_id"])
    )
    session.execute(stmt)
    if is_release:
        mention = session.scalars(
            select(PolicyMention).where(PolicyMention.policy_id == policy_id, PolicyMention.article_id == article_id)
        ).one()
        mention.is_release = True


def raise_flag(
    session: Session,
    *,
    policy_id: int,
    article_id: int,
    title: str,
    evidence: dict[str, Any],
    run_id: int | None = None,
    now: datetime | None = None,
) -> Flag | None:
    """Create the policy's one flag; None when it was flagged already (re-runs and later articles)."""
    stmt = (
        dialect_insert(session, Flag)
        .values(
            policy_id=policy_id,
            article_id=article_id,
            title=title,
            evidence=evidence,
            created_at=now or utcnow(),
            run_id=run_id,
        )
        .on_conflict_do_nothing(index_elements=["policy_id"])
        .returning(Flag.id)
    )
    new_id = session.execute(stmt).scalar_one_or_none()
    return session.get(Flag, new_id) if new_id is not None else None


@dataclass
class FlagRow:
    """A flag with its policy and article, for listings and notifications."""

    flag: Flag
    policy: Policy
    article: Article


def list_flags(session: Session, *, since: datetime | None = None) -> list[FlagRow]:
    """Flags, newest first, optionally only those raised at or after ``since``."""
    stmt = (
        select(Flag, Policy, Article)
        .join(Policy, Flag.policy_id == Policy.id)
        .join(Article, Flag.article_id == Article.id)
        .order_by(Flag.created_at.desc(), Flag.id.desc())
    )
    if since is not None:
        stmt = stmt.where(Flag.created_at >= since)
    return [FlagRow(f, p, a) for f, p, a in session.execute(stmt).all()]


@dataclass
class PolicyRow:
    """A registry entry with its mention counts."""

    policy: Policy
    mentions: int
    releases: int
    flagged: bool


def list_policies(session: Session) -> list[PolicyRow]:
    """The registry, newest first, with how many articles mention each document (and report its release)."""
    mentions = (
        select(
            PolicyMention.policy_id,
            func.count().label("mentions"),
            func.sum(cast(PolicyMention.is_release, Integer)).label("releases"),
        )
        .group_by(PolicyMention.policy_id)
        .subquery()
    )
    stmt = (
        select(Policy, mentions.c.mentions, mentions.c.releases, Flag.id)
        .outerjoin(mentions, mentions.c.policy_id == Policy.id)
        .outerjoin(Flag, Flag.policy_id == Policy.id)
        .order_by(Policy.first_seen_at.desc(), Policy.id.desc())
    )
    return [PolicyRow(p, int(m or 0), int(r or 0), fid is not None) for p, m, r, fid in session.execute(stmt).all()]


def mentions_of(session: Session, policy_id: int) -> list[PolicyMention]:
    """Every article mention of a policy, oldest first."""
    stmt = select(PolicyMention).where(PolicyMention.policy_id == policy_id).order_by(PolicyMention.id)
    return list(session.scalars(stmt))


def get_notification(session: Session, flag_id: int, target: str) -> Notification | None:
    """The delivery record of one flag to one (redacted) target."""
    stmt = select(Notification).where(Notification.flag_id == flag_id, Notification.target == target)
    return session.scalars(stmt).one_or_none()


def ensure_notification(session: Session, flag_id: int, target: str, *, now: datetime | None = None) -> Notification:
    """The delivery record, created pending when missing (unique per flag and target)."""
    stmt = (
        dialect_insert(session, Notification)
        .values(flag_id=flag_id, target=target, status="pending", attempts=0, created_at=now or utcnow())
        .on_conflict_do_nothing(index_elements=["flag_id", "target"])
    )
    session.execute(stmt)
    note = get_notification(session, flag_id, target)
    assert note is not None  # inserted above or by a concurrent process
    return note


def all_flags(session: Session) -> list[FlagRow]:
    """Every flag, oldest first (delivery order)."""
    return list(reversed(list_flags(session)))
