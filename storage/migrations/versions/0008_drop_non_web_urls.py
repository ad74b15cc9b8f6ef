"""drop documents stored under no web address (javascript:, data:, file:, mailto: …) before the store refused them

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 13:50:00

Before issue 15 #10 a feed entry linking to ``javascript:void(0)``, ``data:``, ``file:``, ``ftp:`` or ``mailto:``
could be stored as an article or a duplicate link, and reach webhook payloads. The store refuses them now; this
removes the rows already there. A URL may stay when it is http(s) with a host, or one of the importer's
``urn:carbonwatch:`` keys (the rule of ``crawler.urls.is_storable_url``, restated here: a migration must not change
when that code does). Rows hanging on a removed article go with it (revisions, fingerprints, LSH bands, mentions,
flags and their notifications, duplicate links); a policy first seen in one keeps its row without that article.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

LOCAL_KEY_PREFIX = "urn:carbonwatch:"
meta = sa.MetaData()
articles = sa.Table("articles", meta, sa.Column("id"), sa.Column("url"), sa.Column("canonical_url"))
duplicates = sa.Table(
    "article_duplicates", meta, sa.Column("id"), sa.Column("url"), sa.Column("canonical_url"), sa.Column("original_id")
)
policies = sa.Table("policies", meta, sa.Column("id"), sa.Column("first_article_id"))
flags = sa.Table("flags", meta, sa.Column("id"), sa.Column("article_id"))
notifications = sa.Table("notifications", meta, sa.Column("id"), sa.Column("flag_id"))
# Tables whose rows belong to one article (``article_id``), removed with it.
CHILD_TABLES = ("article_revisions", "fingerprints", "lsh_bands", "policy_mentions")


def storable(url: str | None) -> bool:
    """http(s) with a host, or an importer key."""
    if not url:
        return False
    if url.startswith(LOCAL_KEY_PREFIX):
        return True
    try:
        parts = urlsplit(url.strip())
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def upgrade() -> None:
    conn = op.get_bind()
    bad_links = [
        row.id
        for row in conn.execute(sa.select(duplicates.c.id, duplicates.c.url, duplicates.c.canonical_url))
        if not (storable(row.url) and storable(row.canonical_url))
    ]
    for chunk in _chunks(bad_links):
        conn.execute(duplicates.delete().where(duplicates.c.id.in_(chunk)))
    bad_articles = [
        row.id
        for row in conn.execute(sa.select(articles.c.id, articles.c.url, articles.c.canonical_url))
        if not (storable(row.url) and storable(row.canonical_url))
    ]
    for chunk in _chunks(bad_articles):
        flag_ids = sa.select(flags.c.id).where(flags.c.article_id.in_(chunk))
        conn.execute(notifications.delete().where(notifications.c.flag_id.in_(flag_ids)))
        conn.execute(flags.delete().where(flags.c.article_id.in_(chunk)))
        for name in CHILD_TABLES:
            child = sa.table(name, sa.column("article_id"))
            conn.execute(child.delete().where(child.c.article_id.in_(chunk)))
        conn.execute(duplicates.delete().where(duplicates.c.original_id.in_(chunk)))
        conn.execute(policies.update().where(policies.c.first_article_id.in_(chunk)).values(first_article_id=None))
        conn.execute(articles.delete().where(articles.c.id.in_(chunk)))


def downgrade() -> None:
    """Nothing to restore: the removed rows named no web page."""
