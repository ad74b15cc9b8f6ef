"""gov.cn spider through the real engine: 下一页 paging, the metadata table into item.meta, dates kept apart."""

from __future__ import annotations

import pytest

from tests.spiders.support_sources import SpiderRun, run_isolated

CARBON = "content_5644984"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> SpiderRun:
    return run_isolated("gov_cn", tmp_path_factory.mktemp("gov_cn"))


def test_crawl_finishes(run: SpiderRun) -> None:
    assert run.result.returncode == 0, run.result.log[-2000:]
    assert run.result.stats["finish_reason"] == "finished"


def test_next_link_is_followed(run: SpiderRun) -> None:
    assert "/www.gov.cn/zhengce/zuixin/home_1.htm" in run.requests
    assert any("content_5673015" in i["url"] for i in run.items)


def test_a_document_listed_twice_is_fetched_once(run: SpiderRun) -> None:
    assert len(run.items) == 3
    assert len([r for r in run.requests if CARBON in r]) == 1


def test_meta_table_reaches_the_item(run: SpiderRun) -> None:
    meta = run.item(CARBON)["meta"]
    assert meta["index_no"] == "000014349/2021-00112"
    assert meta["issuer"] == "国务院"
    assert meta["doc_number"] == "国发〔2021〕23号"


def test_written_at_and_published_at_differ(run: SpiderRun) -> None:
    item = run.item(CARBON)
    assert item["written_at"].startswith("2021-10-23T16:00:00")
    assert item["published_at"].startswith("2021-10-26T12:02:37")
    assert item["published_raw"] == "2021年10月26日"
