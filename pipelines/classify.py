"""Classification pipeline: carbon relevance with evidence, policy-release recognition, and the flag."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter

from carbonwatch.classify.ngram import ModelChoice, default_model
from carbonwatch.classify.rules import Rules, RulesError, load_rules
from carbonwatch.classify.verdict import classify
from crawler.items import ArticleItem

logger = logging.getLogger(__name__)

# The rules API is re-exported: callers that classify items import it from here with classify_item.
__all__ = ["ClassifyPipeline", "Rules", "RulesError", "classify_item", "load_rules"]


def classify_item(item: ArticleItem, rules: Rules, model: ModelChoice = "default") -> None:
    """Set ``item.carbon``, ``item.policy`` and ``item.flag`` from the item's clean title and text (``model``: the
    n-gram carbon model, by default the one ``CARBONWATCH_NGRAM_MODEL`` names)."""
    verdict = classify(
        item.title or "",
        item.text or "",
        rules,
        meta=item.meta,
        source=item.source,
        published_at=item.published_at,
        model=model,
    )
    item.carbon = verdict.relevance.as_dict()
    item.policy = verdict.policy.as_dict()
    item.flag = verdict.flag


class ClassifyPipeline:
    """Classifies every non-duplicate item; duplicates link to an original that was classified already."""

    def __init__(self, rules: Rules, stats: Any = None, model: ModelChoice = "default") -> None:
        self.rules = rules
        self.stats = stats
        self.model = model

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
        return cls(rules, crawler.stats, model)

    def process_item(self, item: Any) -> Any:
        """Classify ``item`` in place unless it is a duplicate."""
        article = ItemAdapter(item).item
        if not isinstance(article, ArticleItem) or article.duplicate:
            return item
        classify_item(article, self.rules, self.model)
        if self.stats is not None:
            self.stats.inc_value("carbonwatch/classify/items")
            if article.carbon and article.carbon["relevant"]:
                self.stats.inc_value("carbonwatch/classify/carbon")
            if article.policy and article.policy["is_release"]:
                self.stats.inc_value("carbonwatch/classify/release")
            if article.flag:
                self.stats.inc_value("carbonwatch/classify/flag")
        return item
