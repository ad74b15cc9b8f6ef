"""Explainable carbon relevance: weighted term hits with evidence spans, title boost, negatives, density."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from carbonwatch.classify.rules import Rules

MAX_EVIDENCE = 40  # spans kept per item; the score still counts every hit


@dataclass(frozen=True)
class Evidence:
    """One matched span: which term, in which field, where, by which rule, with which weight."""

    term: str
    field: str  # "title", "text" or "document" (the title of a document whose release is reported)
    start: int
    end: int
    rule: str  # "term", "title_boost", "released_document", "negative" or "market_frame"
    weight: float


@dataclass
class Relevance:
    """The relevance verdict with the numbers that produced it."""

    relevant: bool
    score: float
    threshold: float
    title_score: float = 0.0
    body_score: float = 0.0
    density_factor: float = 1.0
    distinct_terms: int = 0
    rules_version: str = ""
    evidence: list[Evidence] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (what goes into ``item.carbon`` and ``articles.carbon_evidence``)."""
        out = asdict(self)
        out["score"] = round(self.score, 3)
        out["title_score"] = round(self.title_score, 3)
        out["body_score"] = round(self.body_score, 3)
        out["density_factor"] = round(self.density_factor, 3)
        return out


def _negative_spans(text: str, rules: Rules) -> list[tuple[int, int, str]]:
    if rules.negative_pattern is None:
        return []
    return [(m.start(), m.end(), m.group(0)) for m in rules.negative_pattern.finditer(text)]


def find_hits(text: str, field_name: str, rules: Rules) -> tuple[list[Evidence], list[Evidence]]:
    """Term hits in ``text`` not masked by a negative phrase, and the negative phrases that masked something."""
    negatives = _negative_spans(text, rules)
    hits: list[Evidence] = []
    masked: dict[tuple[int, int], Evidence] = {}
    for m in rules.term_pattern.finditer(text):
        start, end = m.start(), m.end()
        blocker = next((n for n in negatives if n[0] < end and start < n[1]), None)
        if blocker is not None:
            masked[(blocker[0], blocker[1])] = Evidence(blocker[2], field_name, blocker[0], blocker[1], "negative", 0.0)
            continue
        term = rules.canonical_term(m.group(0))  # 能耗“双控” counts as 能耗双控
        hits.append(Evidence(term, field_name, start, end, "term", rules.weight(term)))
    return hits, list(masked.values())


def _field_score(hits: list[Evidence], rules: Rules) -> float:
    counts: dict[str, int] = {}
    weights: dict[str, float] = {}
    for h in hits:
        key = h.term.casefold()
        counts[key] = counts.get(key, 0) + 1
        weights[key] = h.weight
    # Repeats add log-diminishing weight: ten mentions are stronger than one, not ten times stronger.
    return sum(weights[k] * (1.0 + rules.repeat_bonus * math.log(n)) for k, n in counts.items())


def score_relevance(title: str, text: str, rules: Rules, released: Sequence[str] = ()) -> Relevance:
    """Score ``title`` and ``text`` against ``rules``; relevant when the score reaches the threshold.

    ``released``: titles of the documents whose release the headline or lead reports. A carbon term in one of them
    counts as a headline hit ("湖南：到2025年非化石能源消费比重达22%" over 湖南省人民政府印发《湖南省碳达峰实施方案》):
    the release of a carbon document is the article's subject even when its headline quotes a target instead.
    """
    title_hits, title_neg = find_hits(title, "title", rules)
    text_hits, text_neg = find_hits(text, "text", rules)
    frame = rules.frame_pattern.search(title) if rules.frame_pattern is not None else None
    if frame is not None:
        # A stock-market headline (碳交易板块掀涨停潮, 挖出一只标的): its carbon words name a trading theme, so they
        # are kept as evidence but weigh nothing, and the body has to show carbon is the subject.
        title_neg.append(Evidence(frame.group(0), "title", frame.start(), frame.end(), "market_frame", 0.0))
        title_hits = [Evidence(h.term, h.field, h.start, h.end, "market_frame", 0.0) for h in title_hits]
    else:
        title_hits = [
            Evidence(h.term, h.field, h.start, h.end, "title_boost", h.weight * rules.title_boost) for h in title_hits
        ]
    for name in dict.fromkeys(released):
        doc_hits, _ = find_hits(name, "document", rules)
        title_hits += [
            Evidence(h.term, "document", h.start, h.end, "released_document", h.weight * rules.title_boost)
            for h in doc_hits
        ]
    title_score = _field_score(title_hits, rules)
    raw_body = _field_score(text_hits, rules)
    # Long texts mention many things in passing: divide the body score by a power of its length in units.
    units = max(1.0, len(text) / rules.density_chars)
    density = units**rules.density_power
    body_score = raw_body / density
    distinct = len({h.term.casefold() for h in title_hits + text_hits})
    score = title_score + body_score
    # The main subject of a news item is in its headline or its lead: without a headline hit, either the lead names
    # several distinct carbon terms (a story about carbon under a headline that does not say so) or the body alone is
    # strong (a long document about carbon); a background phrase such as 在碳达峰、碳中和目标下 decides neither.
    lead_terms = {h.term.casefold() for h in text_hits if h.start < rules.lead_chars}
    # A headline whose carbon word names a product (碳中和债券, 碳中和ETF) is about the product: its lead's
    # background phrases (落实碳达峰碳中和部署) do not make carbon the subject, only a body about carbon does.
    product_headline = any(n.rule == "negative" for n in title_neg)
    strong_enough = (
        title_score > 0
        or body_score >= rules.body_only_threshold
        or (len(lead_terms) >= rules.lead_min_distinct and not product_headline)
    )
    # ... and a term that frames carbon by itself: 节能减排 alone is energy and pollutant cuts (a supporting term)
    framed = any(h.term.casefold() not in rules.supporting_keys for h in title_hits + text_hits)
    relevant = score >= rules.threshold and distinct >= rules.min_distinct_terms and strong_enough and framed
    evidence = (title_hits + text_hits)[:MAX_EVIDENCE] + title_neg + text_neg
    return Relevance(
        relevant=relevant,
        score=score,
        threshold=rules.threshold,
        title_score=title_score,
        body_score=body_score,
        density_factor=density,
        distinct_terms=distinct,
        rules_version=rules.version,
        evidence=evidence,
    )
