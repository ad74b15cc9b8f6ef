"""The names part of the n-gram model: which words of the headline or the lead name an untitled measure."""

from __future__ import annotations

import pytest

from carbonwatch.classify.namespan import (
    SpanModelError,
    _whole,
    below_headline,
    best_span,
    end_features,
    parse_span_model,
    start_features,
)
from carbonwatch.classify.ngram import NgramModelError, parse_model
from tests.classify.ngram_models import hand_made, names_part


@pytest.mark.parametrize(
    ("name", "whole"),
    [
        ("2022年度医疗补贴计划", True),
        ("“持续进修发展计划”", True),
        ("《甲方案》与「乙计划」", True),
        ("安全标准(试行)", True),
        # a paired mark cut in half, or closed in the wrong order, is no name
        ("第三阶段“持续进修发展计划", False),
        ("先到先审」原则", False),
        ("「甲《乙」》", False),
        # fewer than two Chinese characters
        ("2022/1/21", False),
        ("AQI指", False),
    ],
)
def test_a_name_holds_two_chinese_characters_and_both_marks_of_each_pair(name: str, whole: bool) -> None:
    assert _whole(name) is whole


def test_the_boundary_features_read_the_characters_around_it() -> None:
    s = "推出「长者计划」"
    assert {"p1=「", "c2=长者", "f=title", "titlep2=出「"} <= set(start_features(s, 3, "title"))
    assert {"e1=划", "n1=」", "e2=计划", "end=1"} <= set(end_features(s, 7, "title"))
    assert "p1=^" in start_features(s, 0, "text") and "n1=$" in end_features(s, len(s), "text")


def test_the_best_span_is_the_one_both_boundaries_and_its_length_favour() -> None:
    model = parse_span_model(names_part())
    span = best_span(model, "政府推出「长者乘车优惠计划」", "")
    assert span is not None and (span.field, span.start, span.end) == ("title", 5, 13)
    # ... in the lead where the headline has none, offsets into the text
    text = "运输署今日批准「巴士加价方案」。"
    span = best_span(model, "巴士收费周六起加价", text)
    assert span is not None and span.field == "text" and text[span.start : span.end] == "巴士加价方案"
    # ... and only the lead: the text after it is not read
    assert best_span(parse_span_model(names_part(lead_chars=5)), "新闻", text) == best_span(model, "新闻", "")


@pytest.mark.parametrize(
    ("headline", "lead", "begins"),
    [
        # the page prints its headline again as a line of its own under the site's chrome: its words begin there
        ("巴士服务明起增班运作", "第A03版:澳闻\n巴士服务明起增班运作\n【本报消息】交通事务局讯", 9),
        ("清凉屋顶计划开跑", "跳到主要内容区块\n空气品质指标( AQI )\n清凉屋顶计划开跑\n一、补助", 23),
        # the headline as the lead's first words, or no repetition: the whole lead is the page's
        ("清凉屋顶计划开跑", "清凉屋顶计划开跑\n一、补助", 0),
        ("巴士加价", "运输署今日批准巴士加价方案。", 0),
        # the headline's words inside a sentence of the lead are no repetition of it
        ("上网电价", "特区政府订定了上网电价制度。\n等级 | 现行上网电价", 0),
        ("上网电价", "网站\n为推动光伏,订定了上网电价制度。\n上网电价\n详情", 20),
        # a headline without two Chinese characters tells nothing
        ("2024", "首页\n2024\n正文", 0),
    ],
)
def test_the_pages_own_words_begin_where_it_prints_its_headline_again(headline: str, lead: str, begins: int) -> None:
    assert below_headline(headline, lead) == begins
    if begins:
        assert lead[begins : begins + len(headline)] == headline


def test_no_name_is_read_from_the_site_chrome_above_the_headline() -> None:
    model = parse_span_model(names_part())
    text = "新闻网\n「台湾新闻网」\n减碳造林启动\n云林县「减碳造林计划」已启动。"
    span = best_span(model, "减碳造林启动", text)
    assert span is not None and text[span.start : span.end] == "减碳造林计划"
    # ... where the page does not print its headline again, the chrome is read as before
    span = best_span(model, "造林", text)
    assert span is not None and text[span.start : span.end] == "台湾新闻网"


def test_a_name_never_runs_across_a_sentence_end() -> None:
    model = parse_span_model(names_part())
    span = best_span(model, "「甲乙。丙丁」", "")
    assert span is not None and "。" not in "「甲乙。丙丁」"[span.start : span.end]


def test_no_span_without_two_chinese_characters() -> None:
    assert best_span(parse_span_model(names_part()), "AQI 5", "") is None


@pytest.mark.parametrize(
    "broken",
    [
        {},
        {**names_part(), "length_prior": [0.0, 0.0]},
        {**names_part(), "start": {"weights": {}}},
        {**names_part(), "lead_chars": "forty"},
    ],
)
def test_a_broken_names_part_is_a_clear_error(broken: dict[str, object]) -> None:
    with pytest.raises(SpanModelError):
        parse_span_model(broken)
    # ... and so is a model file carrying it
    with pytest.raises(NgramModelError, match="names part"):
        parse_model({**hand_made(), "names": broken}, "test")


def test_a_model_file_without_a_names_part_has_none() -> None:
    assert parse_model(hand_made(), "test").names is None
    assert parse_model({**hand_made(), "names": names_part()}, "test").names is not None
