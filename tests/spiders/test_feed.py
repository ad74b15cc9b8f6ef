"""Feed spider through the real engine: an RSS 2.0 and an Atom source from a sources file, follow, dedup."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import FIXTURES
from tests.spiders.support_sources import SpiderRun, run_isolated

SOURCES = str(FIXTURES / "feed" / "sources.toml")
SEED = "doc-iktzscyy5616520"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> SpiderRun:
    return run_isolated("feed", tmp_path_factory.mktemp("feed"), settings={"CARBONWATCH_SOURCES_FILE": SOURCES})


def test_crawl_finishes_with_both_enabled_sources(run: SpiderRun) -> None:
    assert run.result.returncode == 0, run.result.log[-2000:]
    assert sorted({i["source"] for i in run.items}) == ["policy-atom", "sina-rss"]


def test_disabled_source_is_not_run(run: SpiderRun) -> None:
    assert all(i["source"] != "sina-rss-full" for i in run.items)


def test_rss_entry_without_follow_uses_the_feed_content(run: SpiderRun) -> None:
    item = run.item(SEED)
    assert "孟玮" in item["body_html"]
    assert item["published_raw"] == "Tue, 16 Nov 2021 03:43:46 GMT"
    assert not any("/finance.sina.com.cn/" in r for r in run.requests)


def test_same_link_twice_in_a_feed_gives_one_item(run: SpiderRun) -> None:
    assert len([i for i in run.items if SEED in i["url"]]) == 1
    assert run.result.stat("carbonwatch/feed/duplicate_entry") == 1


def test_canonical_url_drops_tracking_parameters(run: SpiderRun) -> None:
    assert run.item(SEED)["canonical_url"] == "https://finance.sina.com.cn/2021-11-16/doc-iktzscyy5616520.shtml"


def test_non_url_guid_is_kept_in_meta(run: SpiderRun) -> None:
    assert run.item("doc-ikmxzfmm4871234")["meta"]["guid"] == "sina-finance-20210526-ikmxzfmm4871234"
    assert "guid" not in run.item(SEED)["meta"]


def test_atom_follow_takes_the_body_from_the_linked_page(run: SpiderRun) -> None:
    item = run.item("articles/1001.html")
    assert item["body_html"].startswith('<div class="article-body">')
    assert "钢铁、有色金属" in item["body_html"]
    assert item["keywords"] == ["碳达峰", "通知"]
    assert item["meta"]["channel"] == "政策速递"


def test_follow_of_sina_links_uses_the_sina_article_parser(tmp_path: Path) -> None:
    run = run_isolated(
        "feed", tmp_path, settings={"CARBONWATCH_SOURCES_FILE": SOURCES}, spider_args={"source": "sina-rss-full"}
    )
    item = run.item(SEED)
    assert item["body_html"].startswith('<div class="article" id="artibody">')
    assert item["editor"] == "张恒星"
    # the second entry's page is not in the snapshot: the entry is kept with the feed's own content
    assert "二氧化碳排放" in run.item("doc-ikmxzfmm4871234")["body_html"]
    assert run.result.stat("carbonwatch/feed/follow_fallback") == 1


def test_unknown_source_name_is_a_logged_configuration_error(tmp_path: Path) -> None:
    run = run_isolated("feed", tmp_path, settings={"CARBONWATCH_SOURCES_FILE": SOURCES}, spider_args={"source": "nope"})
    assert run.items == []
    assert run.result.stat("carbonwatch/feed/config_error") == 1
    assert "no source named 'nope'" in run.result.log


NOT_WEB_LINKS = 5  # javascript:, mailto:, data:, ftp: and an unparseable https://[ link in badlinks.rss


@pytest.fixture(scope="module")
def badlinks(tmp_path_factory: pytest.TempPathFactory) -> SpiderRun:
    return run_isolated(
        "feed",
        tmp_path_factory.mktemp("badlinks"),
        settings={"CARBONWATCH_SOURCES_FILE": SOURCES},
        spider_args={"source": "badlinks-follow"},
    )


def test_links_that_are_not_web_pages_do_not_lose_the_entries_after_them(badlinks: SpiderRun) -> None:
    assert badlinks.result.returncode == 0, badlinks.result.log[-2000:]
    assert sorted(i["url"] for i in badlinks.items) == [
        "https://feeds.example.cn/articles/1001.html",
        "https://feeds.example.cn/articles/1002.html",
    ]
    assert "Traceback" not in badlinks.result.log


def test_links_that_are_not_web_pages_are_counted_drops(badlinks: SpiderRun) -> None:
    assert badlinks.result.stat("carbonwatch/drop/not_web_url") == NOT_WEB_LINKS
    assert "dropped javascript:void(0) (not_web_url)" in badlinks.result.log


def test_links_that_are_not_web_pages_are_never_requested(badlinks: SpiderRun) -> None:
    assert sorted(badlinks.requests) == [
        "/feeds.example.cn/articles/1001.html",
        "/feeds.example.cn/articles/1002.html",
        "/feeds.example.cn/badlinks.rss",
        "/feeds.example.cn/robots.txt",
    ]


def test_unfollowed_entries_never_carry_a_non_web_url(tmp_path: Path) -> None:
    run = run_isolated(
        "feed", tmp_path, settings={"CARBONWATCH_SOURCES_FILE": SOURCES}, spider_args={"source": "badlinks"}
    )
    assert [i["url"].split(":", 1)[0] for i in run.items] == ["https", "https"]
    assert run.result.stat("carbonwatch/drop/not_web_url") == NOT_WEB_LINKS
