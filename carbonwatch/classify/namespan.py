"""Which words of the headline or the lead name a measure the news reports without a title.

When the n-gram model promotes a page the rules were silent on and no document is named anywhere, the rules' last
resort names the measure by the whole headline ("2022年度医疗补贴计划启动", "政府今日(25日)发表有关发展香港可持续
披露生态圈的愿景宣言"). A reader names it by a few of the page's words: 2022年度医疗补贴计划, 有关发展香港可持续披露
生态圈的愿景宣言; often the lead's, where the headline is a sentence about the measure ("巴士收费周六起加价" over a
lead that calls it 巴士加价方案).

This is a pointer over the page's characters: one logistic regression scores each position as the first character of
the name, another each position as the end of it, from the characters around the boundary (``start_features``,
``end_features``); a span's score is the two scores plus the log share of labelled names of its length. The span with
the best score, inside one sentence of the headline or of the lead and with two Chinese characters or more, is the
name. Both regressions are trained on the tuning split only, on every post whose labelled release names a document
the headline or lead spells out (``benchmarks/train_measure_names.py``), and ship inside the n-gram model's file
(its ``names`` part; files without it name the measure by the headline, as before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# Where a sentence ends: a name never runs across it
SENTENCE_END = frozenset("。！？!?；;\n")
HAN_RE = re.compile(r"[\u4e00-\u9fff]")
MIN_HAN = 2  # a name with fewer Chinese characters (a date, "2022/1/21") names nothing
# Marks that come in pairs: a name holds both of a pair or neither ("持续进修发展计划” cut short, "先到先审」原则")
PAIRS = {"《": "》", "〈": "〉", "「": "」", "『": "』", "“": "”", "‘": "’", "(": ")", "（": "）", "[": "]", "【": "】"}
CLOSING = {close: open_ for open_, close in PAIRS.items()}


class SpanModelError(ValueError):
    """A names part that cannot be used."""


@dataclass(frozen=True)
class SpanModel:
    """The names part of a model file: the two boundary regressions and the prior on a name's length."""

    start: dict[str, float]  # feature -> weight, for "a name starts here"
    start_bias: float
    end: dict[str, float]  # ... for "a name ends here"
    end_bias: float
    length_prior: list[float]  # log share of labelled names of each length (index = length; 0 and 1 unused)
    lead_chars: int  # how much of the text is the lead it reads

    @property
    def max_chars(self) -> int:
        """The longest name it gives."""
        return len(self.length_prior) - 1

    def start_score(self, s: str, i: int, field: str) -> float:
        """How much position ``i`` of ``s`` looks like a name's first character (a logit)."""
        return self.start_bias + sum(self.start.get(f, 0.0) for f in start_features(s, i, field))

    def end_score(self, s: str, j: int, field: str) -> float:
        """How much a name ending before position ``j`` of ``s`` looks right (a logit)."""
        return self.end_bias + sum(self.end.get(f, 0.0) for f in end_features(s, j, field))


@dataclass(frozen=True)
class Span:
    """The name found: its field ("title" or "text"), its offsets there and its score."""

    field: str
    start: int
    end: int
    score: float


def _kind(ch: str) -> str:
    """A character's class, for the boundary's shape: Chinese, digit, Latin, or the mark itself."""
    if "\u4e00" <= ch <= "\u9fff":
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isalpha():
        return "A"
    return ch


def start_features(s: str, i: int, field: str) -> list[str]:
    """What the boundary before ``s[i]`` looks like: the characters before and after it, the shape, how far into the
    field it is. The trainer and the scorer both read positions through this."""
    before, after = (s[i - 1] if i > 0 else "^"), (s[i] if i < len(s) else "$")
    depth = i if i < 6 else 10 if i < 20 else 50
    return [
        f"f={field}",
        f"p1={before}",
        f"p2={s[max(0, i - 2) : i]}",
        f"c1={after}",
        f"c2={s[i : i + 2]}",
        f"c3={s[i : i + 3]}",
        f"pc={_kind(before)}{_kind(after)}",
        f"pos={depth}",
        f"p1c1={before}{after}",
        f"{field}p2={s[max(0, i - 2) : i]}",
        f"{field}c2={s[i : i + 2]}",
    ]


def end_features(s: str, j: int, field: str) -> list[str]:
    """What the boundary after ``s[j - 1]`` looks like: the characters the name would end with and those after it,
    the shape, whether the field ends there."""
    last, after = (s[j - 1] if j > 0 else "^"), (s[j] if j < len(s) else "$")
    left = len(s) - j
    return [
        f"f={field}",
        f"e1={last}",
        f"e2={s[max(0, j - 2) : j]}",
        f"e3={s[max(0, j - 3) : j]}",
        f"n1={after}",
        f"n2={s[j : j + 2]}",
        f"ec={_kind(last)}{_kind(after)}",
        f"end={left if left < 3 else 9}",
        f"e1n1={last}{after}",
        f"{field}e2={s[max(0, j - 2) : j]}",
        f"{field}n2={s[j : j + 2]}",
    ]


def fields_of(title: str, text: str, lead_chars: int) -> dict[str, str]:
    """The texts a name is looked for in: the headline and the lead."""
    return {"title": title, "text": text[:lead_chars]}


def best_span(model: SpanModel, title: str, text: str) -> Span | None:
    """The best-scoring name in the headline or the lead (``title`` and ``text`` as the classifier reads them:
    simplified), inside one sentence and with :data:`MIN_HAN` Chinese characters or more; None where there is none.
    Where the page prints its headline again as a line of its own, the lead is read from there (:func:`below_headline`):
    the lines above it are the site's, not the article's."""
    best: Span | None = None
    for field, s in fields_of(title, text, model.lead_chars).items():
        if not s:
            continue
        starts = [model.start_score(s, i, field) for i in range(len(s))]
        ends = [model.end_score(s, j, field) for j in range(len(s) + 1)]
        for i in range(below_headline(title, s) if field == "text" else 0, len(s)):
            if s[i] in SENTENCE_END:
                continue
            for j in range(i + 2, min(len(s), i + model.max_chars) + 1):
                if s[j - 1] in SENTENCE_END:
                    break
                score = starts[i] + ends[j] + model.length_prior[j - i]
                if (best is None or score > best.score) and _whole(s[i:j]):
                    best = Span(field, i, j, score)
    return best


def below_headline(title: str, lead: str) -> int:
    """Where the page's own words begin in ``lead``: at the headline, where the page prints it again as a line of its
    own under the site's chrome (a section, a date line, a logo's text:
    "第A03版:澳闻\n巴士服务明起增班运作\n【本报消息】…"); 0 where it does not."""
    headline = title.strip()
    if len(HAN_RE.findall(headline)) < MIN_HAN:
        return 0
    at = lead.find(headline)
    while at > 0 and lead[at - 1] != "\n":  # the headline as a line of its own, not words of the lead's sentence
        at = lead.find(headline, at + 1)
    return max(at, 0)


def _whole(name: str) -> bool:
    """Whether ``name`` can be a name: :data:`MIN_HAN` Chinese characters or more, and every paired mark in it
    closed in it, in order."""
    if len(HAN_RE.findall(name)) < MIN_HAN:
        return False
    open_marks: list[str] = []
    for ch in name:
        if ch in PAIRS:
            open_marks.append(ch)
        elif ch in CLOSING:
            if not open_marks or open_marks.pop() != CLOSING[ch]:
                return False
    return not open_marks


def parse_span_model(raw: dict[str, Any]) -> SpanModel:
    """The names part from its JSON form (written by ``benchmarks/train_measure_names.py``)."""
    try:
        prior = [float(x) for x in raw["length_prior"]]
        if len(prior) < 3:
            raise SpanModelError("the names part needs a prior for names of two characters or more")
        return SpanModel(
            start={str(k): float(v) for k, v in raw["start"]["weights"].items()},
            start_bias=float(raw["start"]["intercept"]),
            end={str(k): float(v) for k, v in raw["end"]["weights"].items()},
            end_bias=float(raw["end"]["intercept"]),
            length_prior=prior,
            lead_chars=int(raw["lead_chars"]),
        )
    except SpanModelError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SpanModelError(f"not a names part ({exc!r})") from exc
