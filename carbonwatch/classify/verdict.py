"""One article's whole classification, as the crawl and the benchmarks both run it: policy documents, carbon
relevance (the rules, then the n-gram model), and the flag."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from carbonwatch.classify.ngram import (
    ModelChoice,
    apply_model,
    default_model,
    names_carbon_release,
    promote_release,
    withdraw_release,
)
from carbonwatch.classify.policydocs import PolicyResult, issuers_from_headline, issuers_on_page, recognise
from carbonwatch.classify.relevance import Relevance, score_relevance
from carbonwatch.classify.rules import Rules
from carbonwatch.classify.script import Reading, read


@dataclass
class Verdict:
    """What the classifier says of one article."""

    policy: PolicyResult
    relevance: Relevance
    flag: bool
    traditional: bool = False  # the page was read as traditional writing (its labels are read the same way)


def is_flag(relevant: bool, policy: PolicyResult) -> bool:
    """A flag: a carbon-relevant article reporting the release of a document about carbon."""
    return relevant and any(d.is_release and d.carbon for d in policy.documents)


def classify(
    title: str,
    text: str,
    rules: Rules,
    *,
    meta: dict[str, str] | None = None,
    source: str = "",
    published_at: datetime | None = None,
    model: ModelChoice = "default",
) -> Verdict:
    """Classify one article: ``model`` is the n-gram model (the one ``CARBONWATCH_NGRAM_MODEL`` names by default;
    ``None`` for the rules alone). Before relevance is scored, it may promote the article's subject to a release where
    the rules were silent, or take back the releases they found where it is sure the article reports none; after,
    it may add carbon relevance the rules did not find, or take theirs back where it is sure against it (never on
    an article reporting the release of a document whose title names carbon). A page in traditional characters is
    read as simplified, a page with pinyin after its characters without it: document titles and evidence terms come
    out as read (simplified), their offsets point into the title and text as given."""
    chosen = default_model() if model == "default" else model
    given = read(title, text)  # traditional script as simplified, pinyin annotations removed (classify.script)
    title, text = given.title, given.text
    policy = recognise(
        title, text, meta=meta, source=source, published_at=published_at, carbon_terms=rules.term_pattern
    )
    promote_release(title, text, policy, chosen, traditional=given.traditional)
    withdraw_release(title, text, policy, chosen)
    issuers_from_headline(policy, title, text)
    issuers_on_page(policy.documents, title + "\n" + text)  # (Taiwan's 农业部 on a Taiwan page)
    relevance = score_relevance(title, text, rules, released=policy.lead_releases())
    apply_model(title, text, relevance, chosen, carbon_release=names_carbon_release(policy, rules))
    if given.maps:
        _back_to_given(given, policy, relevance)
    return Verdict(policy, relevance, is_flag(relevance.relevant, policy), traditional=given.traditional)


def _back_to_given(given: Reading, policy: PolicyResult, relevance: Relevance) -> None:
    """Offsets of documents and evidence moved back to the title and text as given (the stored article's), where the
    reading cut pinyin annotations out: the console highlights them on the stored text."""
    for d in policy.documents:
        if d.field in given.maps:
            d.start, d.end = given.span(d.field, d.start, d.end)
    moved = []
    for e in relevance.evidence:
        start, end = given.span(e.field, e.start, e.end) if e.field in given.maps else (e.start, e.end)
        moved.append(replace(e, start=start, end=end))
    relevance.evidence = moved
