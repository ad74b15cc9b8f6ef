"""A release the rules found, taken back where the n-gram model is sure the article reports none: when, how the
document keeps its place, the reason, and the flag it stops."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.train_ngram_model import CUTOFF_TOLERANCE, _best_cutoff, best_promote_cutoff, best_withdraw_cutoff
from carbonwatch.classify.evaluate import default_reader
from carbonwatch.classify.ngram import NgramModel, load_model, names_carbon_release, parse_model, withdraw_release
from carbonwatch.classify.policydocs import PolicyDocument, PolicyResult, normalise_title
from carbonwatch.classify.relevance import score_relevance
from carbonwatch.classify.rules import load_rules
from carbonwatch.classify.verdict import classify
from tests.classify.ngram_models import RELEASE_SPEAKS, hand_made

CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus"
# 印发 speaks for a release (p = 0.95 with it in the headline); without it the model gives 1 / (1 + e) = 0.27
WITHOUT_THE_CUE = "某市解读碳达峰方案"
WITH_THE_CUE = "某市印发碳达峰方案"


def model(withdraw_below: float | None = 0.5) -> NgramModel:
    return parse_model(
        hand_made(carbon_threshold=0.99, release=RELEASE_SPEAKS, release_threshold=0.99, withdraw_below=withdraw_below),
        "test",
    )


def released(*titles: str) -> PolicyResult:
    docs = [
        PolicyDocument(t, normalise_title(t), is_release=True, carbon=True, field="title", cue="印发") for t in titles
    ]
    docs.append(PolicyDocument("《乙法》", normalise_title("《乙法》"), field="text", start=30, cue="根据"))
    return PolicyResult(is_release=True, documents=docs)


def test_a_release_the_model_is_sure_against_is_taken_back_with_its_reason() -> None:
    policy = released("《碳达峰方案》", "《丙办法》")
    withdraw_release(WITHOUT_THE_CUE, "", policy, model())
    assert not policy.is_release and policy.releases == []
    # the documents stay named, in their order, each with the model's reason before the rules' own cue
    assert [d.title for d in policy.documents] == ["《碳达峰方案》", "《丙办法》", "《乙法》"]
    cue = policy.documents[0].cue
    assert cue.startswith("withdrawn by n-gram model test: release p=0.27 < 0.50 (")
    assert cue.endswith("; the rules read: 印发")
    assert policy.documents[2].cue == "根据"  # what was no release is left as it was


def test_the_reason_names_the_chinese_ngrams_that_weighed_against_a_release() -> None:
    data = hand_made(
        carbon_threshold=0.99, release=([0.0, -3.0, 4.0], [0.0]), release_threshold=0.99, withdraw_below=0.5
    )
    policy = released("《碳达峰方案》")
    withdraw_release(WITHOUT_THE_CUE, "", policy, parse_model(data, "test"))
    assert policy.documents[0].cue.split("(", 1)[1].startswith("解读)")


@pytest.mark.parametrize(
    ("headline", "text", "cutoff"),
    [
        (WITH_THE_CUE, "", 0.5),  # the model agrees with the rules
        (WITHOUT_THE_CUE, "", 0.2),  # p = 0.27 is not under this cutoff
        (WITHOUT_THE_CUE, "", None),  # a model file without the cutoff never takes a release back
        (WITHOUT_THE_CUE, "The municipal government has released the plan. " * 6, 0.5),  # not written in Chinese
    ],
)
def test_no_withdrawal(headline: str, text: str, cutoff: float | None) -> None:
    policy = released("《碳达峰方案》")
    withdraw_release(headline, text, policy, model(cutoff))
    assert policy.is_release and [d.cue for d in policy.releases] == ["印发"]


@pytest.mark.parametrize(
    ("cue", "kept"),
    [
        # a legislature's vote is an event the page states: the bill it passes is named 草案, whatever that weighs
        ("立法会今日三读通过", True),
        ("立法会全体会议细则性表决通过", True),
        ("香港立法会通过", True),
        ("三读通过有关全面禁售电子烟的条例草案", True),
        # ... not a release read from any other cue
        ("印发", False),
    ],
)
def test_a_release_a_legislature_voted_is_not_taken_back(cue: str, kept: bool) -> None:
    bill = "《2021年医生注册（修订）条例草案》"
    policy = PolicyResult(
        is_release=True,
        documents=[PolicyDocument(bill, normalise_title(bill), is_release=True, field="title", cue=cue)],
    )
    withdraw_release(WITHOUT_THE_CUE, "", policy, model())
    assert policy.is_release is kept


def test_no_model_no_withdrawal_and_nothing_to_withdraw_stays_so() -> None:
    policy = released("《碳达峰方案》")
    withdraw_release(WITHOUT_THE_CUE, "", policy, None)
    assert policy.is_release
    empty = PolicyResult()
    withdraw_release(WITHOUT_THE_CUE, "", empty, model())
    assert not empty.is_release and empty.documents == []


def test_a_withdrawn_release_raises_no_flag() -> None:
    headline = "某市绿色转型观察"
    text = "某市人民政府近日印发《某市碳达峰实施方案》，提出到2030年前实现碳达峰，推动碳中和。"
    rules = load_rules()
    alone = classify(headline, text, rules, model=None)
    assert alone.policy.is_release and alone.flag
    sure_against = parse_model(
        hand_made(carbon_threshold=0.99, release=([0.0, 0.0, 0.0], [0.0]), release_threshold=0.99, withdraw_below=0.5),
        "test",
    )
    verdict = classify(headline, text, rules, model=sure_against)
    assert not verdict.policy.is_release and not verdict.flag
    # relevance is scored as for an article that reports no release: the document no longer counts like the headline
    assert verdict.relevance.score == score_relevance(headline, text, rules, released=[]).score
    assert verdict.relevance.score < alone.relevance.score
    assert [d.title for d in verdict.policy.documents] == [d.title for d in alone.policy.documents]


def test_the_shipped_model_takes_back_a_commentary_release_and_keeps_a_plain_one() -> None:
    shipped = load_model()
    assert shipped.release is not None and shipped.release.withdraw_below is not None
    assert 0.01 <= shipped.release.withdraw_below <= 0.5
    rules = load_rules()
    # a tuning post labelled no release: commentary on the 2024 government work report's carbon tasks, which recalls
    # that the State Council issued the 2030 peaking plan in 2021; the rules read that recollection as a release
    post = default_reader()(CORPUS / "posts" / "3b49e378e515.md")
    alone = classify(post.title, post.text, rules, model=None, published_at=post.published_at)
    assert alone.policy.is_release and alone.flag
    verdict = classify(post.title, post.text, rules, model=shipped, published_at=post.published_at)
    assert not verdict.policy.is_release and not verdict.flag
    withdrawn = [d for d in verdict.policy.documents if d.cue.startswith("withdrawn by n-gram model")]
    assert [d.title for d in withdrawn] == [d.title for d in alone.policy.releases]
    plain = classify(
        "国务院办公厅印发关于加快发展节水产业的指导意见",
        "国务院办公厅日前印发《关于加快发展节水产业的指导意见》，提出到2025年节水产业规模达到万亿元。",
        rules,
        model=shipped,
    )
    assert plain.policy.is_release


@pytest.mark.parametrize(
    ("truth", "rules", "probability", "expected"),
    [
        # the rules' one false release has p 0.05: withdrawing under 0.06 keeps both true ones (F1 1.0)
        ([1, 1, 0, 0], [1, 1, 1, 0], [0.9, 0.3, 0.05, 0.0], 0.06),
        # a true release at p 0.02 below a false one at 0.05: keeping all three gives F1 0.8, losing the true one
        # 0.5, losing both 0.667; the best is to keep them, at the lowest cutoff
        ([1, 1, 0], [1, 1, 1], [0.9, 0.02, 0.05], 0.01),
        # nothing to withdraw well: the rules are right; the lowest cutoff
        ([1, 0], [1, 0], [0.04, 0.9], 0.01),
    ],
)
def test_the_withdraw_cutoff_is_the_best_cross_validated_f1(
    truth: list[int], rules: list[int], probability: list[float], expected: float
) -> None:
    got = best_withdraw_cutoff([t == 1 for t in truth], [r == 1 for r in rules], probability)
    assert got == pytest.approx(expected)


def test_the_carbon_withdraw_cutoff_leaves_the_posts_kept_alone() -> None:
    # the second post's yes is false and kept (an article reporting a carbon document's release): withdrawing under
    # 0.06 still takes the third, false one back, and keeps the second (F1 0.8 against 0.667 for keeping all)
    truth, rules, probability = [True, False, False], [True, True, True], [0.9, 0.02, 0.05]
    assert best_withdraw_cutoff(truth, rules, probability) == pytest.approx(0.06)
    kept = [False, True, False]
    assert best_withdraw_cutoff(truth, rules, probability, kept=kept) == pytest.approx(0.06)
    # ... and where only the kept one would go, nothing is to gain: the lowest cutoff
    assert best_withdraw_cutoff(truth, rules, [0.9, 0.02, 0.9], kept=kept) == pytest.approx(0.01)
    assert best_withdraw_cutoff(truth, rules, [0.9, 0.02, 0.9]) == pytest.approx(0.03)


def test_carbon_relevance_of_an_article_reporting_a_carbon_documents_release_is_never_taken_back() -> None:
    rules = load_rules()
    against = parse_model(hand_made(carbon=([-4.0, 0.0, 0.0], [-2.0]), carbon_withdraw_below=0.3), "test")
    released = classify(
        "国务院印发《2030年前碳达峰行动方案》",
        "国务院日前印发《2030年前碳达峰行动方案》，部署碳达峰十大行动。",
        rules,
        model=against,
    )
    assert released.relevance.relevant and released.flag
    assert names_carbon_release(released.policy, rules)
    # ... where the article reports none, the model sure against carbon takes the rules' relevance back
    headline, text = "专家谈碳达峰碳中和路径", "专家表示，实现碳达峰碳中和目标需要能源结构转型，碳市场将发挥作用。"
    assert classify(headline, text, rules, model=None).relevance.relevant
    commentary = classify(headline, text, rules, model=against)
    assert not commentary.relevance.relevant
    assert commentary.relevance.evidence[0].term.startswith("withdrawn by n-gram model test: p=0.00 < 0.30")
    # ... and a document named but not released, or released without carbon in its title, keeps nothing
    cited = PolicyResult(
        True,
        [PolicyDocument("《碳达峰实施方案》", "碳达峰实施方案"), PolicyDocument("《通知》", "通知", is_release=True)],
    )
    assert not names_carbon_release(cited, rules)


def test_the_carbon_withdraw_cutoff_counts_what_the_model_adds() -> None:
    # the rules' two carbon posts are false, the true one only the model finds (p 0.95 over its adding cutoff 0.9):
    # without counting that addition no cutoff scores (F1 0, the lowest cutoff); with it, taking both false ones
    # back (under 0.06) gives F1 1.0
    truth, rules, probability = [True, False, False], [False, True, True], [0.95, 0.05, 0.05]
    assert best_withdraw_cutoff(truth, rules, probability) == pytest.approx(0.01)
    assert best_withdraw_cutoff(truth, rules, probability, add_above=0.9) == pytest.approx(0.06)


@pytest.mark.parametrize(
    ("truth", "rules", "probability", "expected"),
    [
        # the rules found the first release; the second (p 0.7) is promoted at any cutoff under 0.7, the false one
        # (p 0.55) only under 0.55: the best F1 (1.0) from 0.55 up to 0.69, the highest of them
        ([1, 1, 0, 0], [1, 0, 0, 0], [0.9, 0.7, 0.55, 0.1], 0.69),
        # a release of the rules under the withdrawal cutoff (0.2) is lost whatever the promotion cutoff
        ([1, 1, 0], [1, 0, 0], [0.1, 0.8, 0.3], 0.79),
        # promoting nothing is best: the highest cutoff
        ([1, 0], [1, 0], [0.9, 0.95], 0.99),
        # two true at 0.6 and 0.62 beside a false at 0.61: promoting all three (F1 0.857) beats one (0.667)
        ([1, 1, 0, 1], [0, 0, 0, 1], [0.6, 0.62, 0.61, 0.9], 0.59),
    ],
)
def test_the_traditional_promotion_cutoff_is_the_best_cross_validated_f1(
    truth: list[int], rules: list[int], probability: list[float], expected: float
) -> None:
    got = best_promote_cutoff([t == 1 for t in truth], [r == 1 for r in rules], probability, 0.2)
    assert got == pytest.approx(expected)


def test_a_cutoff_is_the_middle_of_the_near_best_not_one_ragged_point() -> None:
    # F1 over promotion cutoffs (highest first, as a tie is settled): 0.98 a little above a plateau from 0.94 down
    # to 0.70, within the tolerance of it
    scored = [(s / 100, 0.851 if s == 98 else (0.85 if 70 <= s <= 94 else 0.5)) for s in range(99, 49, -1)]
    assert _best_cutoff(scored, 0.0) == pytest.approx(0.98)  # the single best point
    assert _best_cutoff(scored, 0.002) == pytest.approx(0.83)  # the middle of 0.98 and 0.94-0.70 (26 cutoffs)
    # ... a point standing clear above the rest is still chosen
    spike = [(t, 0.9 if t == 0.98 else f) for t, f in scored]
    assert _best_cutoff(spike, 0.002) == pytest.approx(0.98)


def test_the_shipped_procedure_takes_the_middle_of_the_near_best_cutoffs() -> None:
    # every true release is promoted (F1 1.0) from 0.55 up to 0.59, the false ones at 0.55 staying out: the single
    # best is the highest of them (the fewest promotions); with the procedure's tolerance, their middle
    probability = [0.97] + [0.60 + i / 100 for i in range(16)] + [0.55, 0.55]
    truth, rules = [True] * 17 + [False, False], [False] * 19
    assert best_promote_cutoff(truth, rules, probability, 0.2) == pytest.approx(0.59)
    assert best_promote_cutoff(truth, rules, probability, 0.2, tolerance=CUTOFF_TOLERANCE) == pytest.approx(0.57)
    # ... and the withdrawal cutoff likewise: the rules' false release at p 0.05 is taken back from 0.06 to 0.50 (F1
    # 1.0), the middle of which is 0.28
    assert best_withdraw_cutoff([True, False], [True, True], [0.9, 0.05], tolerance=CUTOFF_TOLERANCE) == 0.28
