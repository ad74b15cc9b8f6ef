"""MEE spider through the real engine: cjcx list rows, the TRS countPage pager, news and policy-document pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.spiders.support_sources import SpiderRun, run_isolated

XWFB = "/www.mee.gov.cn/ywdt/xwfb/"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> SpiderRun:
    return run_isolated("mee", tmp_path_factory.mktemp("mee"))


def test_crawl_finishes(run: SpiderRun) -> None:
    assert run.result.returncode == 0, run.result.log[-2000:]
    assert len(run.items) == 4


def test_second_page_comes_from_the_count_page_pager(run: SpiderRun) -> None:
    assert XWFB + "index_1.shtml" in run.requests
    assert XWFB + "index_2.shtml" not in run.requests
    assert run.result.stat("carbonwatch/mee/list_pages") == 3


def test_no_layout_error(run: SpiderRun) -> None:
    assert not any(k.startswith("carbonwatch/errors/layout/") for k in run.result.stats)


def test_news_item(run: SpiderRun) -> None:
    item = run.item("t20220417_974894")
    assert item["title"] == "生态环境部一周要闻（4.10-4.16）"
    assert item["published_at"].startswith("2022-04-17T06:46:00")
    assert "大气环境监测卫星" in item["body_html"]


def test_policy_document_metadata_and_attachment(run: SpiderRun) -> None:
    item = run.item("t20211027_958031")
    assert item["meta"]["doc_number"] == "环办环评函〔2021〕471号"
    assert item["meta"]["issuer"] == "生态环境部"
    assert item["attachments"][0]["type"] == "docx"


def test_page_limit_stops_paging(tmp_path: Path) -> None:
    run = run_isolated("mee", tmp_path, spider_args={"columns": "https://www.mee.gov.cn/ywdt/xwfb/", "max_pages": "1"})
    assert XWFB + "index_1.shtml" not in run.requests
    assert run.result.stat("carbonwatch/mee/page_limit") == 1
