"""Classification pipeline: carbon relevance with evidence, policy-release recognition, and the flag."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter

from carbonwatch.classify.ngram import apply_model, default_model
from carbonwatch.classify.policydocs import PolicyResult, recognise
from carbonwatch.classify.relevance import score_relevance
from carbonwatch.classify.rules import Rules, RulesError, load_rules
from crawler.items import ArticleItem

logger = logging.getLogger(__name__)

# The rules API is re-exported: callers that classify items import it from here with classify_item.
__all__ = ["ClassifyPipeline", "Rules", "RulesError", "classify_item", "load_rules"]


def classify_item(item: ArticleItem, rules: Rules) -> None:
    """Set ``item.carbon``, ``item.policy`` and ``item.flag`` from the item's clean title and text."""
    title, text = item.title or "", item.text or ""
    policy = recognise(
        title, text, meta=item.meta, source=item.source, published_at=item.published_at, carbon_terms=rules.term_pattern
    )
    relevance = score_relevance(title, text, rules, released=policy.lead_releases())
    apply_model(title, text, relevance, default_model())
    item.carbon = relevance.as_dict()
    item.policy = policy.as_dict()
    item.flag = is_flag(relevance.relevant, policy)


def is_flag(relevant: bool, policy: PolicyResult) -> bool:
    """A flag: a carbon-relevant article reporting the release of a document about carbon."""
    return relevant and any(d.is_release and d.carbon for d in policy.documents)


class ClassifyPipeline:
    """Classifies every non-duplicate item; duplicates link to an original that was classified already."""

    def __init__(self, rules: Rules, stats: Any = None) -> None:
        self.rules = rules
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> ClassifyPipeline:
        """Load the rules named by ``CARBONWATCH_RULES_FILE`` (the shipped rules when unset)."""
        path = crawler.settings.get("CARBONWATCH_RULES_FILE")
        rules = load_rules(Path(path) if path else None)
        logger.info("carbon rules %s version %s (%d terms)", rules.source, rules.version, len(rules.terms))
        # a CARBONWATCH_NGRAM_MODEL that cannot be read stops the crawl here, as a bad rules file does
        model = default_model()
        if model is None:
            logger.info("n-gram carbon model off (CARBONWATCH_NGRAM_MODEL=off): the rules alone")
        else:
            logger.info(
                "n-gram carbon model %s version %s (above %.2f)", model.source, model.version, model.carbon.threshold
            )
        return cls(rules, crawler.stats)

    def process_item(self, item: Any) -> Any:
        """Classify ``item`` in place unless it is a duplicate."""
        article = ItemAdapter(item).item
        if not isinstance(article, ArticleItem) or article.duplicate:
            return item
        classify_item(article, self.rules)
        if self.stats is not None:
            self.stats.inc_value("carbonwatch/classify/items")
            if article.carbon and article.carbon["relevant"]:
                self.stats.inc_value("carbonwatch/classify/carbon")
            if article.policy and article.policy["is_release"]:
                self.stats.inc_value("carbonwatch/classify/release")
            if article.flag:
                self.stats.inc_value("carbonwatch/classify/flag")
        return item
