"""Incremental Sina crawls: a re-run fetches only list pages; a new article on page 1 is the only page fetched."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from carbonwatch.devserver import SnapshotServer, serve
from storage.db import open_store
from storage.models import Article
from tests.helpers import FIXTURES, CrawlResult, crawl

ROLL_PAGE_1 = "feed.mix.sina.com.cn/api/roll/get/lid=1686&page=1"
SEED_PATH = "finance.sina.com.cn/china/gncj/2021-11-16/doc-iyplvmwel4581870.shtml"
NEW_URL = "https://finance.sina.com.cn/china/gncj/2021-11-20/doc-izzznewart1234567.shtml"
NEW_TITLE = "生态环境部发布全国碳市场第一个履约周期报告"
NEW_BODY = """
<p>　　生态环境部今日发布报告，全国碳排放权交易市场第一个履约周期顺利结束，共纳入发电行业重点排放单位两千余家。</p>
<p>　　报告显示，履约完成率按排放量计接近百分之百，市场运行总体平稳，价格稳中有升，企业减排意识明显增强。</p>
<p>　　下一步将逐步扩大市场覆盖行业范围，完善配额分配方法，加强数据质量管理，严厉打击弄虚作假行为。</p>
<p class="article-editor">责任编辑：王编辑 </p>
"""


def _crawl(server: SnapshotServer, tmp: Path, db_url: str) -> tuple[CrawlResult, list[str]]:
    before = len(server.requests)
    result = crawl(
        "sina_finance", tmp_path=tmp, db_url=db_url, host_map=server.host_map(), spider_args={"lids": "1686"}
    )
    return result, server.requests[before:]


def _add_article(site: Path) -> None:
    """Publish one new article: its page, and an entry at the top of list page 1."""
    page = (site / SEED_PATH).read_text("utf-8")
    page = page.replace("发改委：工业、交通运输等领域碳达峰碳中和实施方案已编制完成", NEW_TITLE)
    head, _, rest = page.partition('data-sudaclick="blk_content">')
    _, _, tail = rest.partition("<!-- 正文 end -->")
    page = f'{head}data-sudaclick="blk_content">{NEW_BODY}</div>\n<!-- 正文 end -->{tail}'
    target = site / "finance.sina.com.cn/china/gncj/2021-11-20/doc-izzznewart1234567.shtml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, "utf-8")
    roll_file = site / ROLL_PAGE_1
    roll = json.loads(roll_file.read_text("utf-8"))
    entry = dict(roll["result"]["data"][0], url=NEW_URL, title=NEW_TITLE, docid="comos:zzznewart1234567")
    roll["result"]["data"].insert(0, entry)
    roll_file.write_text(json.dumps(roll, ensure_ascii=False), "utf-8")


def _count(db_url: str) -> int:
    engine, sessions = open_store(db_url)
    try:
        with sessions() as session:
            return int(session.scalar(select(func.count()).select_from(Article)) or 0)
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    tmp = tmp_path_factory.mktemp("incremental")
    site = tmp / "site"
    shutil.copytree(FIXTURES / "sina_finance" / "site", site)
    db_url = f"sqlite:///{tmp / 'cw.db'}"
    out: dict[str, object] = {}
    with serve(site) as server:
        out["first"] = _crawl(server, tmp, db_url)
        out["first_count"] = _count(db_url)
        out["second"] = _crawl(server, tmp, db_url)
        _add_article(site)
        out["third"] = _crawl(server, tmp, db_url)
        out["third_count"] = _count(db_url)
    return out


def _articles(paths: list[str]) -> list[str]:
    return [p for p in paths if p.endswith(".shtml")]


def _roll_pages(paths: list[str]) -> list[str]:
    return [p.rsplit("page=", 1)[1] for p in paths if "/api/roll/get" in p]


def test_first_run_fetches_every_article(runs: dict[str, object]) -> None:
    _, paths = runs["first"]  # type: ignore[misc]
    assert len(_articles(paths)) == 4
    assert runs["first_count"] == 4


def test_second_run_fetches_only_the_first_list_page(runs: dict[str, object]) -> None:
    result, paths = runs["second"]  # type: ignore[misc]
    assert result.returncode == 0
    assert _roll_pages(paths) == ["1"]
    assert _articles(paths) == []


def test_second_run_counts_the_known_items(runs: dict[str, object]) -> None:
    result, _ = runs["second"]  # type: ignore[misc]
    assert result.stat("carbonwatch/sina/known_skipped") == 3
    assert result.stat("carbonwatch/items/new") == 0


def test_third_run_fetches_exactly_the_new_article(runs: dict[str, object]) -> None:
    _, paths = runs["third"]  # type: ignore[misc]
    assert _articles(paths) == ["/finance.sina.com.cn/china/gncj/2021-11-20/doc-izzznewart1234567.shtml"]


def test_third_run_pages_on_while_page_one_had_news(runs: dict[str, object]) -> None:
    _, paths = runs["third"]  # type: ignore[misc]
    assert _roll_pages(paths) == ["1", "2"]


def test_third_run_stores_one_more_article(runs: dict[str, object]) -> None:
    result, _ = runs["third"]  # type: ignore[misc]
    assert result.stat("carbonwatch/items/new") == 1
    assert runs["third_count"] == 5
