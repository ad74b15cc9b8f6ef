"""The n-gram carbon model that checks the rules: its scorer, its additions and their reasons, and the shipped file."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from carbonwatch.classify.ngram import (
    RULE,
    NgramModelError,
    Vectorizer,
    apply_model,
    char_ngrams,
    default_model,
    load_model,
    parse_model,
)
from carbonwatch.classify.relevance import Relevance
from tests.classify.ngram_models import RELEASE_SPEAKS, hand_made


def tiny(carbon_threshold: float = 0.5) -> dict[str, Any]:
    """A hand-made model: 碳 speaks for carbon."""
    return hand_made(carbon_threshold=carbon_threshold)


def verdict(relevant: bool = False) -> Relevance:
    return Relevance(relevant=relevant, score=0.0, threshold=6.0)


def test_char_ngrams_are_scikit_learns() -> None:
    # lowercased, a run of whitespace read as one space, a single newline kept
    assert char_ngrams("AB  c", (1, 2)) == ["a", "b", " ", "c", "ab", "b ", " c"]
    assert char_ngrams("a\nb", (2, 2)) == ["a\n", "\nb"]


def test_the_scorer_is_tf_idf_and_a_logistic_regression() -> None:
    model = parse_model(tiny(), "test")
    p, parts = model.probability(model.carbon, "碳碳", "")
    # title: 碳 twice -> (1 + ln 2) * 1, normalised to 1.0; lead "碳碳\n" -> 1.0; -1 + 4 + 2
    assert p == pytest.approx(1 / (1 + math.exp(-5.0)))
    assert parts == [("碳", pytest.approx(6.0))]  # one n-gram, both vectorizers' contributions summed


def with_body(data: dict[str, Any], body_chars: int = 40) -> dict[str, Any]:
    """``data`` with a body field: 印发 after the lead speaks for a release (weight 3) and nothing for carbon."""
    data["body_chars"] = body_chars
    data["vectorizers"]["body"] = {"ngram_range": [2, 2], "features": ["印发"], "idf": [1.0]}
    for part in data["models"].values():
        part["weights"]["body"] = [3.0 if part is data["models"].get("release") else 0.0]
    return data


def test_the_body_after_the_lead_is_a_field_of_its_own() -> None:
    model = parse_model(with_body(hand_made(release=RELEASE_SPEAKS)), "test")
    assert model.release is not None
    lead, after, beyond = "甲" * 20, "现印发给你们", "乙" * 40
    assert model.fields("通知", lead + after + beyond)["body"] == after + "乙" * 14  # characters 20..40 of the text
    p, parts = model.probability(model.release, "通知", lead + after)
    assert p == pytest.approx(1 / (1 + math.exp(-2.0)))  # -1 + the body's 印发 (3 × its normalised tf-idf 1.0)
    assert parts == [("印发", pytest.approx(3.0))]
    # the same word in the lead is the lead's feature (none here), and past body_chars it is read by no field
    assert model.probability(model.release, "通知", after + lead)[0] == pytest.approx(1 / (1 + math.e))
    assert model.probability(model.release, "通知", lead + beyond + after)[0] == pytest.approx(1 / (1 + math.e))
    # a file without the field reads the headline and the lead only, as files before it did
    assert "body" not in parse_model(hand_made(release=RELEASE_SPEAKS), "test").fields("通知", lead + after)


def test_a_body_field_needs_where_it_ends_after_the_lead() -> None:
    with pytest.raises(NgramModelError, match="must end after the lead"):
        parse_model(with_body(tiny(), body_chars=20), "bad")
    missing = with_body(tiny())
    del missing["body_chars"]
    with pytest.raises(NgramModelError, match="not an n-gram model"):
        parse_model(missing, "bad")
    odd = tiny()
    odd["vectorizers"]["other"] = odd["vectorizers"]["lead"]
    with pytest.raises(NgramModelError, match="may have 'body'"):
        parse_model(odd, "bad")


def test_a_post_is_vectorised_once_for_all_the_model_s_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    model = parse_model(hand_made(release=RELEASE_SPEAKS), "test")
    calls: list[str] = []
    transform = Vectorizer.transform

    def counted(self: Vectorizer, text: str) -> dict[int, float]:
        calls.append(text)
        return transform(self, text)

    monkeypatch.setattr(Vectorizer, "transform", counted)
    first = model.probability(model.carbon, "碳碳", "印发")
    assert model.release is not None
    model.probability(model.release, "碳碳", "印发")
    assert len(calls) == 2  # the title and the lead, once each, for both parts
    # another post is read anew, and the first one's figures come back the same when it is read again
    other = model.probability(model.carbon, "股市", "")
    assert other[0] < first[0] and len(calls) == 4
    assert model.probability(model.carbon, "碳碳", "印发") == first


def test_carbon_the_model_is_sure_of_is_added_with_its_reason_first() -> None:
    model = parse_model(tiny(), "test")
    relevance = verdict()
    apply_model("碳市场", "全国碳市场开市", relevance, model)
    assert relevance.relevant
    assert relevance.evidence[0].rule == RULE and relevance.evidence[0].term.startswith("n-gram model test: p=")
    assert [(e.term, e.field, e.start) for e in relevance.evidence[1:]] == [("碳", "title", 0)]
    untouched = verdict()
    apply_model("股市收盘", "", untouched, model)
    assert not untouched.relevant and untouched.evidence == []


def test_the_rules_verdict_stands_without_a_model_below_its_threshold_and_where_the_rules_are_sure() -> None:
    relevance = verdict()
    apply_model("碳市场", "全国碳市场开市", relevance, None)
    assert not relevance.relevant
    strict = verdict()
    apply_model("碳市场", "全国碳市场开市", strict, parse_model(tiny(carbon_threshold=0.999), "test"))
    assert not strict.relevant
    sure = verdict(relevant=True)
    apply_model("股市收盘", "", sure, parse_model(tiny(), "test"))
    assert sure.relevant and sure.evidence == []  # a file without a carbon withdrawal cutoff never takes it away


def test_carbon_relevance_the_model_is_sure_against_is_taken_back_with_its_reason_first() -> None:
    # 解读 in the headline speaks against carbon; carbon relevance the rules found goes under p 0.3
    against = hand_made(carbon=([4.0, -3.0, 0.0], [2.0]), carbon_withdraw_below=0.3)
    model = parse_model(against, "test")
    assert model.carbon.withdraw_below == pytest.approx(0.3)
    relevance = verdict(relevant=True)
    apply_model("政策解读", "", relevance, model)
    assert not relevance.relevant
    assert relevance.evidence[0].rule == RULE
    assert relevance.evidence[0].term.startswith("withdrawn by n-gram model test: p=0.02 < 0.30")
    assert [(e.term, e.field, e.start) for e in relevance.evidence[1:]] == [("解读", "title", 2)]
    # ... at or above the cutoff the rules' relevance stands, with nothing added to its evidence
    kept = verdict(relevant=True)
    apply_model("股市收盘", "", kept, parse_model(hand_made(carbon_withdraw_below=0.26), "test"))
    assert kept.relevant and kept.evidence == []  # p = 1 / (1 + e) = 0.269
    # ... and a post the rules found not relevant is still made relevant above the adding cutoff
    added = verdict()
    apply_model("碳市场", "全国碳市场开市", added, model)
    assert added.relevant and added.evidence[0].term.startswith("n-gram model test: p=")


def test_the_shipped_model_takes_back_carbon_relevance_only_where_it_is_sure() -> None:
    model = load_model()
    cutoff = model.carbon.withdraw_below
    assert cutoff is not None and 0.01 <= cutoff <= 0.5
    headline, lead = "全国碳排放权交易市场启动上线交易", "碳达峰碳中和目标下，碳市场开市。"
    assert model.probability(model.carbon, headline, lead)[0] > cutoff


def test_a_model_file_that_does_not_fit_is_refused(tmp_path: Path) -> None:
    bad = tiny()
    bad["models"]["carbon"]["weights"]["lead"] = [1.0, 2.0]
    with pytest.raises(NgramModelError, match="do not match"):
        parse_model(bad, "bad")
    path = tmp_path / "model.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(NgramModelError, match="cannot read"):
        load_model(path)
    del bad["vectorizers"]
    with pytest.raises(NgramModelError, match="not an n-gram model"):
        parse_model(bad, "bad")


def test_the_setting_names_another_model_or_none(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps(tiny()), encoding="utf-8")
    monkeypatch.setenv("CARBONWATCH_NGRAM_MODEL", str(path))
    model = default_model()
    assert model is not None and model.version == "test"
    monkeypatch.setenv("CARBONWATCH_NGRAM_MODEL", "off")
    assert default_model() is None
    monkeypatch.delenv("CARBONWATCH_NGRAM_MODEL")
    shipped = default_model()
    assert shipped is not None and "tuning split" in shipped.trained_on


def test_the_shipped_model_was_trained_on_the_tuning_split_and_reads_plain_cases() -> None:
    model = load_model()
    assert "tuning split" in model.trained_on
    assert 0.5 < model.carbon.threshold < 1
    p_carbon, _ = model.probability(
        model.carbon, "全国碳排放权交易市场启动上线交易", "碳达峰碳中和目标下，碳市场开市。"
    )
    p_other, _ = model.probability(model.carbon, "A股三大指数收涨 券商板块走强", "沪指收涨0.5%，成交额放大。")
    assert p_carbon > model.carbon.threshold > p_other


def test_an_ngram_no_span_of_the_article_holds_is_left_out_of_the_evidence() -> None:
    # the lead vectorizer reads "碳\n碳" across the headline's end; "碳\n" is in neither field as written
    data = hand_made(carbon_threshold=0.1)
    data["vectorizers"]["lead"] = {"ngram_range": [2, 2], "features": ["碳\n"], "idf": [1.0]}
    data["models"]["carbon"]["weights"]["lead"] = [5.0]
    model = parse_model(data, "test")
    relevance = verdict()
    apply_model("碳", "碳市场", relevance, model)
    assert relevance.relevant
    spans = [(e.term, e.field, e.start, e.end) for e in relevance.evidence[1:]]
    assert spans == [("碳", "title", 0, 1)]  # and no ("碳\n", "text", 0, 2) pointing at the wrong characters


def test_the_model_speaks_only_on_text_written_in_the_language_it_was_trained_on() -> None:
    # an English page's single letters carried weight in the shipped model (p 0.70-0.78 on speeches and meeting
    # reports of English government portals); the model reads Chinese and keeps out of anything else
    data = hand_made(carbon_threshold=0.5)
    data["vectorizers"]["title"] = {"ngram_range": [1, 1], "features": ["碳", "c"], "idf": [1.0, 1.0]}
    data["models"]["carbon"]["weights"]["title"] = [4.0, 4.0]
    model = parse_model(data, "test")
    english = verdict()
    apply_model(
        "Zhang Jinru: attach great importance to energy conservation", "The city held a meeting.", english, model
    )
    assert not english.relevant and english.evidence == []
    assert not model.reads("Zhang Jinru: attach great importance", "") and not model.reads("", "")
    # a Chinese headline with a few Latin letters in it (CCER, ETF) is still Chinese, and only n-grams with a Chinese
    # character in them are shown as the reason
    assert model.reads("CCER重启 全国温室气体自愿减排交易市场启动", "")
    mixed = verdict()
    apply_model("全国碳市场启动 carbon", "", mixed, model)
    assert mixed.relevant
    assert [e.term for e in mixed.evidence[1:]] == ["碳"]


def test_a_chinese_article_under_a_sites_notice_in_other_languages_is_read() -> None:
    # 中央社's pages open with a privacy notice and offers of its English and Japanese sites, longer than the lead the
    # model reads: the article under them is Chinese, and the model scores it
    model = parse_model(hand_made(carbon_threshold=0.5), "test")
    banner = (
        "Your browser does not appear to support Traditional Chinese. Would you like to go to CNA's English website, "
        "Focus Taiwan? Please agree to our privacy policy before listening to the news on this website.\n"
        "こちらのページは繁体字版です。日本語版「フォーカス台湾」に移動しますか。\n"
    )
    article = "（中央社记者台北23日电）多项医药新措施将于明年1月上路，包括国保费率、健保费的调整。" * 8
    assert not model.reads("国保健保医疗新措施报你知", banner)  # the notice alone is no Chinese article
    assert model.reads("国保健保医疗新措施报你知", banner + article)
    # ... while an English article under a Chinese headline stays the rules' alone
    assert not model.reads("市政府发布方案", "The municipal government has released the plan. " * 12)


def test_the_shipped_model_leaves_english_pages_to_the_rules() -> None:
    model = load_model()
    title = "4th Session of the 12th Hunan Provincial People's Congress closes"
    text = "The session closed on Sunday. The party secretary spoke on the rule of law and called on deputies to act."
    relevance = verdict()
    apply_model(title, text, relevance, model)
    assert not relevance.relevant
