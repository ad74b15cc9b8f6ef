"""Policy registry pipeline: records every document an article names, and flags first carbon-policy releases.

Runs after StorePipeline (it needs ``item.article_id``). For each recognised document it upserts ``policies``
(matched by normalised title, see ``storage.policy_queries.find_policy``) and ``policy_mentions``; a flagged item's
carbon documents whose release it reports get ONE ``flags`` row each (unique per policy), so re-runs and later
articles about the same document (from any site) link to the registry entry and raise nothing new.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from itemadapter import ItemAdapter
from sqlalchemy.orm import Session, sessionmaker

from carbonwatch.classify.policydocs import names_only_its_kind
from crawler.items import ArticleItem, utcnow
from pipelines.store import configured_run_id, published_run_id
from storage import policy_queries
from storage.db import crawler_sessions
from storage.models import Flag

logger = logging.getLogger(__name__)

EVIDENCE_SPANS = 12  # carbon evidence spans copied into a flag (the article row keeps them all)
WEIGHTLESS = ("negative", "market_frame")  # evidence that weighed nothing in the verdict
SKIP_STATUSES = frozenset({"duplicate", "spooled"})


def document_title(doc: dict[str, Any], article_title: str) -> tuple[str, str]:
    """(title, title_norm) for the registry; a document named only by its kind (``names_only_its_kind``: an untitled
    notice, "印发通知"; 刊宪, 行政长官批示; a Taiwan order's form and act, 令修正发布…) is named by issuer, that title
    and the headline: one body's many such acts are as many documents."""
    title, norm = str(doc.get("title") or ""), str(doc.get("title_norm") or "")
    if norm and names_only_its_kind(norm, doc.get("doc_type")):
        title = f"{doc.get('issuer') or ''}{norm}：{article_title}"
        norm = title.replace(" ", "")
    return title, norm


def flag_label(title: str, issuer: str | None, doc_number: str | None) -> str:
    """How the flag log line names a document: title, then issuer and number, each saying so when unknown."""
    return f"{title} ({issuer or 'issuer unknown'}, {doc_number or 'no document number'})"


def flag_evidence(item: ArticleItem, doc: dict[str, Any]) -> dict[str, Any]:
    """Why a flag was raised: the document, the release cue and the carbon evidence."""
    carbon = item.carbon or {}
    return {
        "document": {k: doc.get(k) for k in ("title", "issuer", "doc_number", "doc_type", "cue", "field")},
        "carbon": {
            "score": carbon.get("score"),
            "threshold": carbon.get("threshold"),
            "rules_version": carbon.get("rules_version"),
            "evidence": [e for e in carbon.get("evidence", []) if e.get("rule") not in WEIGHTLESS][:EVIDENCE_SPANS],
        },
        "article": {"url": item.url, "title": item.title, "source": item.source},
    }


def register_item(
    session: Session, item: ArticleItem, *, run_id: int | None = None, now: datetime | None = None
) -> list[Flag]:
    """Record ``item``'s documents in the registry; return the flags newly raised (empty on re-runs)."""
    if item.article_id is None or not item.policy:
        return []
    now = now or utcnow()
    raised: list[Flag] = []
    for doc in item.policy.get("documents", []):
        title, norm = document_title(doc, item.title)
        if not norm:
            continue
        is_release = bool(doc.get("is_release"))
        policy, _ = policy_queries.upsert_policy(
            session,
            title=title,
            title_norm=norm,
            issuer=doc.get("issuer"),
            doc_number=doc.get("doc_number"),
            doc_type=doc.get("doc_type"),
            article_id=item.article_id,
            released_at=item.published_at if is_release else None,
            now=now,
        )
        policy_queries.add_mention(session, policy.id, item.article_id, is_release=is_release, now=now)
        if not (item.flag and is_release and doc.get("carbon")):
            continue
        policy.carbon_relevant = True
        flag = policy_queries.raise_flag(
            session,
            policy_id=policy.id,
            article_id=item.article_id,
            title=policy.title,
            evidence=flag_evidence(item, doc),
            run_id=run_id,
            now=now,
        )
        if flag is not None:
            raised.append(flag)
            logger.warning(
                "new carbon-policy release flagged: %s in %s",
                flag_label(policy.title, policy.issuer, policy.doc_number),
                item.url,
            )
    return raised


class PolicyRegistryPipeline:
    """Thin pipeline around :func:`register_item`: one transaction per item; a failure never drops the item."""

    def __init__(self, sessions: Callable[[], sessionmaker[Session]], stats: Any, run_id: int | None = None) -> None:
        self._get_sessions = sessions
        self.stats = stats
        self.run_id = run_id

    @classmethod
    def from_crawler(cls, crawler: Any) -> PolicyRegistryPipeline:
        """Share the crawl's engine (``CARBONWATCH_DATABASE_URL``) and run id (as the store pipeline finds it)."""
        return cls(lambda: crawler_sessions(crawler), crawler.stats, configured_run_id(crawler.settings))

    def _inc(self, key: str, count: int = 1) -> None:
        if self.stats is not None:
            self.stats.inc_value(key, count)

    def process_item(self, item: Any) -> Any:
        """Register the item's documents; count new flags in ``carbonwatch/flags/raised``."""
        article = ItemAdapter(item).item
        if not isinstance(article, ArticleItem) or article.article_id is None or article.status in SKIP_STATUSES:
            return item
        if not article.policy or not article.policy.get("documents"):
            return item
        if self.run_id is None:
            # Same source as the store's: flags of a plain `scrapy crawl` belong to the run its articles do.
            self.run_id = published_run_id(self.stats)
        try:
            with self._get_sessions().begin() as session:
                raised = register_item(session, article, run_id=self.run_id)
        except Exception:  # the article is stored already; a registry fault must not lose the crawl
            logger.exception("policy registry failed for %s", article.url)
            self._inc("carbonwatch/policy/error")
            return item
        self._inc("carbonwatch/policy/items")
        if raised:
            self._inc("carbonwatch/flags/raised", len(raised))
        return item
