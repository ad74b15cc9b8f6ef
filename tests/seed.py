"""Test data: one classified, stored and registered Sina article that raises a flag (the 2030 action plan)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from crawler.items import ArticleItem
from pipelines.classify import classify_item, load_rules
from pipelines.policy import register_item
from storage.queries import upsert_article


def seed_flagged_release(session: Session, now: datetime) -> None:
    """Store the article as the pipelines would (classify, upsert, register), so the registry flags it."""
    item = ArticleItem(
        url="https://finance.sina.com.cn/a.shtml",
        source="sina",
        title="国务院印发2030年前碳达峰行动方案",
        canonical_url="https://finance.sina.com.cn/a.shtml",
        text="国务院日前印发《2030年前碳达峰行动方案》。碳达峰碳中和工作，碳排放强度下降。",
        content_hash="h",
        published_at=now,
    )
    classify_item(item, load_rules())
    article, item.status = upsert_article(session, item, now=now)
    item.article_id = article.id
    register_item(session, item, now=now)
