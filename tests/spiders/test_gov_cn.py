"""gov.cn spider through the real engine: the JSON column lists, both document templates, dates kept apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.spiders.support_sources import SpiderRun, run_isolated

CARBON = "content_5644984"
TEMPLATE_A = "content_7075101"
TEMPLATE_B = "content_7076696"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> SpiderRun:
    return run_isolated("gov_cn", tmp_path_factory.mktemp("gov_cn"))


def test_crawl_finishes(run: SpiderRun) -> None:
    assert run.result.returncode == 0, run.result.log[-2000:]
    assert run.result.stats["finish_reason"] == "finished"


def test_the_json_lists_are_read(run: SpiderRun) -> None:
    assert "/www.gov.cn/zhengce/zuixin/ZUIXINZHENGCE.json" in run.requests
    assert "/www.gov.cn/zhengce/wenjian/zhongyang/TONGYONGLIEBIAODRQ.json" in run.requests
    assert not any(r.endswith("/zhengce/zuixin/") for r in run.requests)


def test_a_document_listed_twice_is_fetched_once(run: SpiderRun) -> None:
    assert len(run.items) == 4
    assert len([r for r in run.requests if CARBON in r]) == 1


def test_no_layout_error(run: SpiderRun) -> None:
    assert not any(k.startswith("carbonwatch/errors/layout/") for k in run.result.stats)


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


def test_template_a_keeps_the_minutes_of_firstpublishedtime(run: SpiderRun) -> None:
    assert run.item(TEMPLATE_A)["published_at"].startswith("2026-07-12T01:37:43")


def test_template_b_item(run: SpiderRun) -> None:
    item = run.item(TEMPLATE_B)
    assert item["title"] == "国家发展改革委有关负责人就完善碳排放统计核算体系答记者问"
    assert item["media"] == "新华社"
    assert item["doc_id"] == TEMPLATE_B


def test_item_records_the_json_list_and_its_date(run: SpiderRun) -> None:
    list_meta = run.item(TEMPLATE_B)["list_meta"]
    assert list_meta["column"] == "https://www.gov.cn/zhengce/zuixin/ZUIXINZHENGCE.json"
    assert list_meta["date"] == "2026-07-27"


def test_item_carries_the_list_summary_and_the_page_keywords(run: SpiderRun) -> None:
    assert run.item(TEMPLATE_A)["list_meta"]["summary"] == "部署节能降碳重点任务。"
    assert run.item(TEMPLATE_B)["keywords"] == ["碳排放", "统计核算"]


def test_a_column_page_url_is_read_through_its_json(tmp_path: Path) -> None:
    run = run_isolated("gov_cn", tmp_path, spider_args={"columns": "https://www.gov.cn/zhengce/zuixin/"})
    assert "/www.gov.cn/zhengce/zuixin/ZUIXINZHENGCE.json" in run.requests
    assert len(run.items) == 4


def test_json_list_slices_stop_at_the_page_limit(tmp_path: Path) -> None:
    run = run_isolated(
        "gov_cn",
        tmp_path,
        spider_args={"columns": "https://www.gov.cn/zhengce/zuixin/ZUIXINZHENGCE.json", "max_pages": "1"},
        settings={"CARBONWATCH_GOV_JSON_SLICE": 2},
    )
    assert sorted(i["doc_id"] for i in run.items) == [TEMPLATE_A, TEMPLATE_B]
    assert run.result.stat("carbonwatch/gov_cn/page_limit") == 1


def test_full_chain_stores_the_documents_then_a_rerun_fetches_only_the_json(tmp_path: Path) -> None:
    from sqlalchemy import select

    from carbonwatch.devserver import serve
    from storage.db import open_store
    from storage.models import Article
    from tests.helpers import FIXTURES, crawl

    db_url = f"sqlite:///{tmp_path / 'chain.db'}"
    with serve(FIXTURES / "gov_cn") as server:
        first = crawl("gov_cn", tmp_path=tmp_path, db_url=db_url, host_map=server.host_map())
        fetched = len(server.requests_matching("content_"))
        second = crawl("gov_cn", tmp_path=tmp_path, db_url=db_url, host_map=server.host_map())
        assert len(server.requests_matching("content_")) == fetched  # no document fetched again
    assert first.returncode == 0, first.log[-2000:]
    assert second.stat("carbonwatch/gov_cn/list_pages") == 2
    assert second.stat("item_scraped_count") == 0
    engine, sessions = open_store(db_url)
    with sessions() as session:
        rows = {a.doc_id: a for a in session.scalars(select(Article))}
    engine.dispose()
    assert set(rows) == {CARBON, TEMPLATE_A, TEMPLATE_B, "content_5673015"}
    assert rows[CARBON].written_at is not None
    assert rows[TEMPLATE_A].meta["doc_number"] == "国发〔2026〕12号"
