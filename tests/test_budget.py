"""The parse budget (crawler.budget): markup over the configured number of tags is refused, with its reason."""

from __future__ import annotations

import pytest
from scrapy.settings import Settings

from crawler import budget


@pytest.mark.parametrize(
    ("markup", "limit", "over"),
    [("<p>碳</p>", 2, False), ("<p>碳</p><p>", 2, True), ("<!--x-->尾" * 10, 9, True), ("<p>" * 10**6, 0, False)],
)
def test_over_budget(markup: str, limit: int, over: bool) -> None:
    assert (budget.over_budget(markup, limit) is not None) is over


def test_reason_names_the_count_and_the_budget() -> None:
    assert budget.over_budget("<a><b><c>", 2) == "3 tags, over the parse budget of 2"


def test_max_tags_reads_the_setting_with_a_default() -> None:
    assert budget.max_tags(Settings()) == budget.DEFAULT_MAX_TAGS
    assert budget.max_tags(Settings({"CARBONWATCH_PARSE_MAX_TAGS": "7"})) == 7


def test_project_setting_is_the_default() -> None:
    from crawler import settings

    assert settings.CARBONWATCH_PARSE_MAX_TAGS == budget.DEFAULT_MAX_TAGS
