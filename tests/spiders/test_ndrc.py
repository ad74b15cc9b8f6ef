"""NDRC spider through the real Scrapy engine against the local snapshot in tests/fixtures/ndrc."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.spiders.support_sources import SpiderRun, run_isolated

TZ = "/www.ndrc.gov.cn/xxgk/zcfb/tz/"
CARBON = "t20220210_1315001"
COLUMNS = "https://www.ndrc.gov.cn/xxgk/zcfb/tz/,https://www.ndrc.gov.cn/xwdt/xwfb/"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> SpiderRun:
    return run_isolated("ndrc", tmp_path_factory.mktemp("ndrc"), spider_args={"columns": COLUMNS})


def test_crawl_finishes(run: SpiderRun) -> None:
    assert run.result.returncode == 0, run.result.log[-2000:]
    assert run.result.stats["finish_reason"] == "finished"


def test_every_detail_page_of_both_list_pages_becomes_an_item(run: SpiderRun) -> None:
    assert len(run.items) == 5
    assert run.result.stat("carbonwatch/ndrc/list_pages") == 3


def test_next_list_pages_are_tried_until_one_does_not_exist(run: SpiderRun) -> None:
    assert TZ + "index_1.html" in run.requests
    assert TZ + "index_2.html" in run.requests  # 404: the column ends there
    assert TZ + "index_3.html" not in run.requests


def test_a_missing_guessed_page_ends_the_column_without_an_error(run: SpiderRun) -> None:
    assert run.result.stat("carbonwatch/ndrc/list_end") == 2  # tz/index_2.html and xwfb/index_1.html
    assert run.result.stat("carbonwatch/ndrc/fetch_error") == 0


def test_list_links_to_attachments_are_not_fetched(run: SpiderRun) -> None:
    assert not any(r.endswith(".pdf") for r in run.requests)


def test_no_layout_error(run: SpiderRun) -> None:
    assert not any(k.startswith("carbonwatch/errors/layout/") for k in run.result.stats)


def test_item_keeps_the_real_url_and_canonical_url(run: SpiderRun) -> None:
    item = run.item(CARBON)
    assert item["url"] == "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202202/t20220210_1315001.html"
    assert item["canonical_url"] == item["url"]
    assert "127.0.0.1" not in item["url"]


def test_item_carries_the_doc_number_and_joint_issuer(run: SpiderRun) -> None:
    meta = run.item(CARBON)["meta"]
    assert meta["doc_number"] == "发改环资〔2022〕1234号"
    assert meta["issuer"] == "国家发展改革委、国家能源局"


def test_item_carries_the_attachment(run: SpiderRun) -> None:
    attachments = run.item(CARBON)["attachments"]
    assert [a["type"] for a in attachments] == ["pdf"]
    assert attachments[0]["url"].startswith("https://www.ndrc.gov.cn/xxgk/zcfb/tz/202202/P0202202")


def test_item_body_is_the_trs_editor_without_page_chrome(run: SpiderRun) -> None:
    body = run.item(CARBON)["body_html"]
    assert "碳达峰" in body
    assert "打印本页" not in body
    assert "分享到" not in body


def test_item_dates_come_from_pubdate(run: SpiderRun) -> None:
    item = run.item(CARBON)
    assert item["published_raw"] == "2022-02-10 16:30:00"
    assert item["published_at"].startswith("2022-02-10T08:30:00")


def test_item_records_the_column_and_doc_id(run: SpiderRun) -> None:
    item = run.item(CARBON)
    assert item["doc_id"] == CARBON
    assert item["source"] == "ndrc"
    assert item["list_meta"]["column"] == "https://www.ndrc.gov.cn/xxgk/zcfb/tz/"


def test_page_limit_stops_paging(tmp_path: Path) -> None:
    run = run_isolated(
        "ndrc", tmp_path, spider_args={"columns": "https://www.ndrc.gov.cn/xxgk/zcfb/tz/", "max_pages": "1"}
    )
    assert TZ + "index_1.html" not in run.requests
    assert len(run.items) == 3
    assert run.result.stat("carbonwatch/ndrc/page_limit") == 1


def test_full_chain_stores_and_flags_the_carbon_release_then_skips_known_pages(tmp_path: Path) -> None:
    from sqlalchemy import select

    from carbonwatch.devserver import serve
    from storage.db import open_store
    from storage.models import Article
    from tests.helpers import FIXTURES, crawl

    db_url = f"sqlite:///{tmp_path / 'chain.db'}"
    args = {"columns": COLUMNS}
    with serve(FIXTURES / "ndrc") as server:
        first = crawl("ndrc", tmp_path=tmp_path, db_url=db_url, host_map=server.host_map(), spider_args=args)
        detail_requests = len(server.requests_matching("/t2022"))
        second = crawl("ndrc", tmp_path=tmp_path, db_url=db_url, host_map=server.host_map(), spider_args=args)
        assert len(server.requests_matching("/t2022")) == detail_requests  # nothing fetched again
    assert first.returncode == 0, first.log[-2000:]
    assert second.stat("carbonwatch/ndrc/known_skipped") == 4
    assert second.stat("item_scraped_count") == 0
    engine, sessions = open_store(db_url)
    with sessions() as session:
        rows = {a.doc_id: a for a in session.scalars(select(Article))}
    engine.dispose()
    assert len(rows) == 5
    assert rows[CARBON].flag is True
    assert rows[CARBON].meta["doc_number"] == "发改环资〔2022〕1234号"
    assert rows["t20220125_1313002"].flag is False
