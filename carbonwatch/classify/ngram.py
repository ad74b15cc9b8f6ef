"""A small linear model over character n-grams that checks the rules on text they were not written for.

The rules decide; the model adds what it is sure of and takes back what it is sure of, each time beyond a cutoff
chosen once, by cross-validation, when it was trained:
- carbon relevance: a post the rules did not find carbon-relevant becomes relevant above ``add_above`` (a climate
  story written without the rules' vocabulary). Its reason goes first in the evidence (rule ``ngram_model``): the
  probability, then the n-grams that pushed it most.
- a release: where the rules found none and gave no verdict against the article, the document it is about
  (``policydocs.model_subject``: the rules' silent subject, else the headline itself as an untitled measure) becomes a
  release above ``promote_above`` (``promote_above_traditional`` on a page written in traditional script, where the
  rules miss the most: a cutoff chosen on those pages alone); its ``cue`` gives the probability and the Chinese
  n-grams of two characters or more that pushed it most.
- a release withdrawn: where the rules found releases and the model gives a release less than ``withdraw_below``
  (commentary, an interview, a market story that cites a document issued before), each of them stops being a
  release; its ``cue`` says so, with the probability, the Chinese n-grams that weighed most against a release and
  what the rules had read. The document stays among those the article names, and relevance is then scored as for an
  article that reports no release. Model files without the cutoff never take a release away.
- carbon relevance withdrawn (files since 2026.12.4, twentieth session): a post the rules found carbon-relevant stops
  being so below the carbon part's ``withdraw_below`` (commentary, a feature or a market story that names 碳达峰 or
  双碳 in passing, its subject something else), the cutoff under which taking back the rules' carbon relevance gave
  the best cross-validated carbon F1; never where the article reports the release of a document whose title names a
  carbon term. The reason goes first in the evidence: the probability, then the n-grams that weighed
  most against carbon. Model files without that cutoff never take carbon relevance away.
It keeps out of posts not written in Chinese (``NgramModel.reads``), the language it was trained on.

The model is trained on the tuning split of the labelled corpus only (``benchmarks/train_ngram_model.py``,
scikit-learn), so the blind split measures it; it ships as JSON (``carbonwatch/rules/ngram_model.json``) and runs here
in pure Python: TF-IDF over character 1–3-grams of the headline, of headline + lead and (files since 2026.12.4) of the
body after the lead up to ``body_chars`` (lowercased, runs of whitespace as one space, sublinear tf, L2-normalised),
then a logistic regression per decision. The body is where a printed document shows its form (an addressee line,
numbered sections, 现印发给你们) when the headline and lead do not. ``CARBONWATCH_NGRAM_MODEL``
names another model file, or ``off`` for the rules alone.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Union

from carbonwatch.classify.namespan import SpanModel, SpanModelError, best_span, parse_span_model
from carbonwatch.classify.policydocs import (
    NAMED_CUE,
    PolicyResult,
    adopting_legislature,
    drawn_up_by,
    find_issuer_before,
    lead_announcer,
    model_subject,
    printed_issuer,
    prints_document,
    title_issuer,
    title_number,
    voted_release,
)
from carbonwatch.classify.relevance import Evidence, Relevance
from carbonwatch.classify.rules import Rules

ENV = "CARBONWATCH_NGRAM_MODEL"
RULE = "ngram_model"
WHITESPACE_RE = re.compile(r"\s\s+")
EXPLAIN_TOP = 5
RELEASE_EXPLAIN_TOP = 4
WORDLIKE_RE = re.compile(r"[\u4e00-\u9fff]{2,}")  # a reason a reader can read: Chinese, two characters or more
HAN_RE = re.compile(r"[\u4e00-\u9fff]")
# What else a page may be written in: Latin letters (English pages of government portals), kana (Japanese)
OTHER_SCRIPT_RE = re.compile(r"[A-Za-z\u3040-\u30ff]")
# The model was trained on Chinese posts: it speaks only where Chinese characters are at least half of the letters
# it reads (a headline with CCER or ETF in it still is; an English page is not, whatever its single letters weigh).
MIN_HAN_SHARE = 0.5

PROMOTED_CUE = "n-gram model "  # how the cue of a release the model promoted opens (its version follows)


class NgramModelError(ValueError):
    """A model file that cannot be used."""


# Which model to apply: a loaded one, "default" (the one CARBONWATCH_NGRAM_MODEL names), or None (the rules alone).
ModelChoice = Union["NgramModel", Literal["default"], None]


@dataclass(frozen=True)
class Vectorizer:
    """One TF-IDF vocabulary: its features (one per column) and their idf."""

    features: list[str]
    idf: list[float]
    ngram_range: tuple[int, int]
    index: dict[str, int] = field(init=False)  # feature -> column

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {gram: col for col, gram in enumerate(self.features)})

    def transform(self, text: str) -> dict[int, float]:
        """The L2-normalised sublinear TF-IDF vector of ``text`` (column -> value), as scikit-learn computes it."""
        counts = Counter(self.index[g] for g in char_ngrams(text, self.ngram_range) if g in self.index)
        values = {col: (1.0 + math.log(n)) * self.idf[col] for col, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values()))
        return {col: v / norm for col, v in values.items()} if norm else {}


@dataclass(frozen=True)
class Linear:
    """A logistic regression over the two vectorizers' columns."""

    intercept: float
    weights: dict[str, list[float]]  # vectorizer name -> coefficient per column
    threshold: float
    withdraw_below: float | None = None  # the release part: below it a release the rules found is taken back
    # the release part: the promotion cutoff for a page written in traditional script, chosen on those pages alone
    # (files before 2026.12.2 have none: one cutoff for every page)
    threshold_traditional: float | None = None

    def promote_above(self, *, traditional: bool) -> float:
        """The cutoff a page's release probability must pass to be promoted: its script's, else the one cutoff."""
        if traditional and self.threshold_traditional is not None:
            return self.threshold_traditional
        return self.threshold


@dataclass(frozen=True)
class NgramModel:
    """The shipped model: its vectorizers, one classifier per decision, and where it was trained."""

    version: str
    trained_on: str
    lead_chars: int
    vectorizers: dict[str, Vectorizer]
    carbon: Linear
    source: str
    release: Linear | None = None  # promotes a release the rules were silent on (files before 2026.12 have none)
    body_chars: int | None = None  # where the body field ends (files before 2026.12.4 have no body field)
    names: SpanModel | None = None  # names a promoted untitled measure (files before 2026.12.4 (19th) have none)
    # The last post's vectors: the carbon and release parts (and the withdrawal) read the same post in a row. One
    # tuple, replaced whole, so threads sharing the model never see one post's key with another's vectors.
    _last: tuple[tuple[str, str], dict[str, dict[int, float]]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def fields(self, title: str, text: str) -> dict[str, str]:
        """The texts each vectorizer reads (:func:`field_texts`)."""
        return field_texts(title, text, self.lead_chars, self.body_chars)

    def reads(self, title: str, text: str) -> bool:
        """Whether the post is written in the language the model was trained on (Chinese): Han characters make at
        least :data:`MIN_HAN_SHARE` of the letters of the headline and lead it reads, or of the whole post (a site's
        notice in English and Japanese over a Chinese article: "Your browser does not appear to support Traditional
        Chinese. Would you like to go to CNA's English website…")."""
        return _chinese(self.fields(title, text)["lead"]) or _chinese(title + "\n" + text)

    def vectors(self, title: str, text: str) -> dict[str, dict[int, float]]:
        """Each vectorizer's TF-IDF vector of the post (computed once for the post read last)."""
        key = (title, text)
        last = self._last
        if last is not None and last[0] == key:
            return last[1]
        value = {name: self.vectorizers[name].transform(t) for name, t in self.fields(title, text).items()}
        object.__setattr__(self, "_last", (key, value))
        return value

    def probability(self, which: Linear, title: str, text: str) -> tuple[float, list[tuple[str, float]]]:
        """P(label | post) and each n-gram's contribution (both vectorizers' summed), strongest first."""
        total = which.intercept
        parts: dict[str, float] = {}
        for name, vector in self.vectors(title, text).items():
            vectorizer = self.vectorizers[name]
            for col, value in vector.items():
                contribution = value * which.weights[name][col]
                total += contribution
                gram = vectorizer.features[col]
                parts[gram] = parts.get(gram, 0.0) + contribution
        return 1.0 / (1.0 + math.exp(-total)), sorted(parts.items(), key=lambda p: -abs(p[1]))


def _chinese(text: str) -> bool:
    """Whether Han characters make at least :data:`MIN_HAN_SHARE` of the letters of ``text`` (and there are some)."""
    han = len(HAN_RE.findall(text))
    return han > 0 and han >= MIN_HAN_SHARE * (han + len(OTHER_SCRIPT_RE.findall(text)))


def field_texts(title: str, text: str, lead_chars: int, body_chars: int | None) -> dict[str, str]:
    """The texts a model's vectorizers read: the headline, the headline with the lead, and the body after the lead up
    to ``body_chars`` (none without it). Training reads posts through this too, so the model reads what it learnt."""
    out = {"title": title, "lead": title + "\n" + text[:lead_chars]}
    if body_chars is not None:
        out["body"] = text[lead_chars:body_chars]
    return out


def char_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """Character n-grams as scikit-learn's ``analyzer='char'`` makes them (lowercased, whitespace runs as one)."""
    text = WHITESPACE_RE.sub(" ", text.lower())
    low, high = ngram_range
    return [text[i : i + n] for n in range(low, high + 1) for i in range(len(text) - n + 1)]


def _linear(raw: dict[str, Any], names: list[str], sizes: dict[str, int], threshold_key: str) -> Linear:
    weights = {name: [float(w) for w in raw["weights"][name]] for name in names}
    if any(len(weights[name]) != sizes[name] for name in names):
        raise NgramModelError("a classifier's weights do not match its vectorizer")
    withdraw = raw.get("withdraw_below")
    traditional = raw.get(threshold_key + "_traditional")
    return Linear(
        float(raw["intercept"]),
        weights,
        float(raw[threshold_key]),
        None if withdraw is None else float(withdraw),
        None if traditional is None else float(traditional),
    )


def parse_model(data: dict[str, Any], source: str) -> NgramModel:
    """A model from its JSON form (see ``benchmarks/train_ngram_model.py``)."""
    try:
        vectorizers = {
            name: Vectorizer(
                [str(g) for g in v["features"]],
                [float(x) for x in v["idf"]],
                (int(v["ngram_range"][0]), int(v["ngram_range"][1])),
            )
            for name, v in data["vectorizers"].items()
        }
        names = sorted(vectorizers)
        if names not in (["lead", "title"], ["body", "lead", "title"]):
            raise NgramModelError("the model needs the vectorizers 'title' and 'lead' (and may have 'body')")
        body_chars = int(data["body_chars"]) if "body" in names else None
        if body_chars is not None and body_chars <= int(data["lead_chars"]):
            raise NgramModelError("the body field must end after the lead")
        sizes = {name: len(vectorizers[name].features) for name in names}
        if any(len(vectorizers[n].idf) != sizes[n] or len(vectorizers[n].index) != sizes[n] for n in names):
            raise NgramModelError("a vectorizer's idf does not match its features (or a feature repeats)")
        return NgramModel(
            version=str(data["version"]),
            trained_on=str(data["trained_on"]),
            lead_chars=int(data["lead_chars"]),
            body_chars=body_chars,
            vectorizers=vectorizers,
            carbon=_linear(data["models"]["carbon"], names, sizes, "add_above"),
            source=source,
            release=(
                _linear(data["models"]["release"], names, sizes, "promote_above")
                if "release" in data["models"]
                else None
            ),
            names=parse_span_model(data["names"]) if "names" in data else None,
        )
    except NgramModelError:
        raise
    except SpanModelError as exc:
        raise NgramModelError(f"{source}: {exc}") from exc
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise NgramModelError(f"{source}: not an n-gram model file ({exc!r})") from exc


def load_model(path: Path | None = None) -> NgramModel:
    """The model at ``path``, or the shipped one."""
    if path is None:
        text = resources.files("carbonwatch").joinpath("rules/ngram_model.json").read_text(encoding="utf-8")
        return parse_model(json.loads(text), "carbonwatch/rules/ngram_model.json")
    try:
        return parse_model(json.loads(path.read_text(encoding="utf-8")), str(path))
    except (OSError, json.JSONDecodeError) as exc:
        raise NgramModelError(f"{path}: cannot read the n-gram model ({exc})") from exc


def default_model() -> NgramModel | None:
    """The model ``CARBONWATCH_NGRAM_MODEL`` names (a path, or ``off`` for the rules alone), else the shipped one;
    each file is read once."""
    return _model_for(os.environ.get(ENV, "").strip())


@lru_cache(maxsize=4)
def _model_for(setting: str) -> NgramModel | None:
    if setting.lower() == "off":
        return None
    return load_model(Path(setting) if setting else None)


def _first_span(gram: str, title: str, text: str) -> tuple[str, int, int] | None:
    """Where ``gram`` first occurs, headline first; None for one the model read across the headline's end or in
    collapsed whitespace, which no span of the article holds."""
    for field_name, value in (("title", title), ("text", text)):
        at = value.lower().find(gram)
        if at >= 0:
            return field_name, at, at + len(gram)
    return None


def names_carbon_release(policy: PolicyResult, rules: Rules) -> bool:
    """Whether the article reports the release of a document whose title names a carbon term (《…碳达峰实施方案》):
    the rules' carbon relevance of such an article is never taken back."""
    return any(d.is_release and rules.term_pattern.search(d.title) for d in policy.documents)


def apply_model(
    title: str, text: str, relevance: Relevance, model: NgramModel | None, *, carbon_release: bool = False
) -> None:
    """Make ``relevance`` relevant where the rules said no and ``model`` is sure of carbon, or not relevant where the
    rules said yes and the model's carbon probability is under the carbon part's ``withdraw_below`` (files with one),
    unless the article reports the release of a document whose title names carbon (``carbon_release``, see
    :func:`names_carbon_release`); its reason first (a flag keeps the first spans). No model, no change."""
    if model is None or not model.reads(title, text):
        return
    if relevance.relevant:
        withdraw = model.carbon.withdraw_below
        if withdraw is None or carbon_release:
            return  # (not scored: nothing it says could change the verdict)
        p, parts = model.probability(model.carbon, title, text)
        if p >= withdraw:
            return
        relevance.relevant = False
        verdict = f"withdrawn by n-gram model {model.version}: p={p:.2f} < {withdraw:.2f}"
    else:
        p, parts = model.probability(model.carbon, title, text)
        if p <= model.carbon.threshold:
            return
        relevance.relevant = True
        verdict = f"n-gram model {model.version}: p={p:.2f} > {model.carbon.threshold:.2f}"
    spans = [Evidence(verdict, "title", 0, 0, RULE, round(p, 3))]
    # the n-grams shown are those a reader can read: with a Chinese character in them (not "c", "n ", "2"), those
    # for carbon where it was made relevant, those against where it was taken back
    sign = 1 if relevance.relevant else -1
    located = [(g, w, _first_span(g, title, text)) for g, w in parts if w * sign > 0 and HAN_RE.search(g)]
    for gram, weight, span in [(g, w, at) for g, w, at in located if at is not None][:EXPLAIN_TOP]:
        field_name, start, end = span
        spans.append(Evidence(gram, field_name, start, end, RULE, round(weight, 3)))
    relevance.evidence[:0] = spans


def _readable_grams(parts: list[tuple[str, float]], *, for_release: bool) -> list[str]:
    """The n-grams of two Chinese characters or more that weighed most for a release (or against one), strongest
    first: a reason a reader can read."""
    weighed = [g for g, w in parts if (w > 0 if for_release else w < 0)]
    return [g for g in weighed if WORDLIKE_RE.fullmatch(g)][:RELEASE_EXPLAIN_TOP]


def _namer(names: SpanModel) -> Callable[[str, str], tuple[str, int, int] | None]:
    """The names part as the rules' last resort asks for a measure's name: its field and offsets, or None."""

    def name(title: str, text: str) -> tuple[str, int, int] | None:
        span = best_span(names, title, text)
        return None if span is None else (span.field, span.start, span.end)

    return name


def promote_release(
    title: str, text: str, policy: PolicyResult, model: NgramModel | None, *, traditional: bool = False
) -> None:
    """Make the document the article is about a release where the rules found none and said nothing against it
    (``model_subject``: an untitled measure under its headline where no document is named), when the release model
    is sure: its probability passes the cutoff of the page's script (``traditional``: the page was written in
    traditional characters, read as simplified). Its ``cue`` gives the probability and the n-grams of two characters
    or more that weighed most for it. No model, or a model without a release part, no change."""
    if model is None or model.release is None:
        return
    subject = model_subject(title, text, policy)
    if subject is None or not model.reads(title, text):
        return
    p, parts = model.probability(model.release, title, text)
    cutoff = model.release.promote_above(traditional=traditional)
    if p <= cutoff:
        return
    if model.names is not None and subject.field == "title" and not subject.cue:
        # the same subject, except where the rules' last resort named it by the whole headline: the names part's words
        subject = model_subject(title, text, policy, namer=_namer(model.names)) or subject
    grams = _readable_grams(parts, for_release=True)
    subject.is_release = True
    if subject.issuer is None:
        subject.issuer = adopting_legislature(subject, text)  # "《X》经…人民代表大会常务委员会第N次会议通过"
        # ... or the body the lead opens with announcing it: "康乐及文化事务署（康文署）今日宣布，由四月三日起…"
        subject.issuer = subject.issuer or lead_announcer(text)
        # ... or the body the page says drew it up ("《X》是由Y制定的"), or its signer where the page's own formula
        # passes it on ("现将2021年度绿色制造名单予以公布" / 工业和信息化部办公厅 / date)
        subject.issuer = subject.issuer or drawn_up_by(subject, title, text)
        # ... or, on a page that prints the document (its title a heading line of the text, whichever field the
        # subject was read from: a forum's repost prints it under the post's headline), its metadata, note or signature
        if subject.issuer is None and prints_document(subject, text):
            subject.issuer = printed_issuer(text)
        # ... or the body its own sentence names before it, acting ("县府…再推出「支持生育加码补助」政策")
        if subject.issuer is None:
            subject.issuer = find_issuer_before(title if subject.field == "title" else text, subject.start)
        # ... or the body or the legislature its title names, as for a release the rules found
        # (《内政部警政署办理…作业要点》, 《中华人民共和国节约能源法》)
        if subject.issuer is None:
            subject.issuer = title_issuer(subject.title)
    # (an act whose title opens with its serial is numbered by it: 第101/2024号行政长官批示)
    subject.doc_number = subject.doc_number or title_number(subject.title)
    script = ", traditional script" if traditional and model.release.threshold_traditional is not None else ""
    named = f", named from the {'headline' if subject.field == 'title' else 'lead'}" if subject.cue == NAMED_CUE else ""
    subject.cue = f"{PROMOTED_CUE}{model.version}: release p={p:.2f} > {cutoff:.2f}{script} ({', '.join(grams)}){named}"
    subject.carbon = True  # the one release the article reports is what it is about (as recognise() has it)
    if subject not in policy.documents:
        policy.documents.insert(0, subject)
    policy.is_release = True


def withdraw_release(title: str, text: str, policy: PolicyResult, model: NgramModel | None) -> None:
    """Take back the releases the rules found where the release model gives the article a release probability
    under its ``withdraw_below`` (the cutoff that, applied to the rules' releases, gave the best cross-validated F1
    on the tuning posts). Each such document stays in ``policy.documents`` with ``is_release`` false; its ``cue`` gives
    the probability, the n-grams of two characters or more that weighed most against a release, and the rules' own
    cue. No model, no cutoff in the model file, or a page not written in Chinese: no change; nor where a release is a
    legislature's vote (:func:`voted_release`: the bill it passes is named 草案, which weighs against releases)."""
    if model is None or model.release is None or model.release.withdraw_below is None or not policy.is_release:
        return
    if voted_release(policy):
        return
    if not model.reads(title, text):
        return
    cutoff = model.release.withdraw_below
    p, parts = model.probability(model.release, title, text)
    if p >= cutoff:
        return
    grams = _readable_grams(parts, for_release=False)
    reason = f"withdrawn by n-gram model {model.version}: release p={p:.2f} < {cutoff:.2f} ({', '.join(grams)})"
    for d in policy.documents:
        if d.is_release:
            d.is_release = False
            d.cue = f"{reason}; the rules read: {d.cue}"
    policy.is_release = False
