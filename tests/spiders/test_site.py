"""Site spider through the real engine: a selector-configured static site, and rendered lists (scrapy-playwright)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from carbonwatch.devserver import serve
from tests.helpers import FIXTURES, crawl
from tests.spiders.support_sources import SpiderRun, run_isolated

SOURCES = FIXTURES / "site" / "sources.toml"
DEMO_SOURCES = Path(__file__).resolve().parents[2] / "carbonwatch" / "demo" / "sources.toml"
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> SpiderRun:
    return run_isolated("site", tmp_path_factory.mktemp("site"), settings={"CARBONWATCH_SOURCES_FILE": str(SOURCES)})


def test_crawl_finishes(run: SpiderRun) -> None:
    assert run.result.returncode == 0, run.result.log[-2000:]
    assert len(run.items) == 3


def test_next_selector_is_followed(run: SpiderRun) -> None:
    assert "/fgw.example.gov.cn/zcfg/index_1.html" in run.requests
    assert run.result.stat("carbonwatch/site/list_pages") == 2


def test_selectors_fill_the_item(run: SpiderRun) -> None:
    item = run.item("t20220215_101")
    assert item["title"] == "关于印发某省碳达峰实施方案的通知"
    assert item["published_raw"] == "2022-02-15 10:00"
    assert item["body_html"].startswith('<div class="detail-content">')
    assert item["source"] == "province-fgw"
    assert item["meta"] == {"region": "某省"}


def test_static_sources_do_not_start_a_browser(run: SpiderRun) -> None:
    assert "scrapy-playwright" not in run.result.log
    assert run.result.stat("carbonwatch/site/rendered_pages") == 0


def roll_source_toml(url: str, *, extra: str = "") -> str:
    """The shipped (disabled) sina-roll entry, enabled and pointed at ``url`` on the local server."""
    shipped = next(s for s in tomllib.loads(DEMO_SOURCES.read_text("utf-8"))["source"] if s["name"] == "sina-roll")
    entry = {**shipped, "url": url, "enabled": True, "allowed_domains": ["127.0.0.1"], "download_delay": 0}
    lines = ["[[source]]"] + [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in entry.items()]
    return "\n".join(lines) + "\n" + extra


def test_missing_browser_skips_rendered_sources_with_the_fix_and_runs_the_others(tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text(SOURCES.read_text("utf-8") + "\n" + roll_source_toml("http://127.0.0.1:9/roll/"), "utf-8")
    run = run_isolated(
        "site",
        tmp_path,
        settings={
            "CARBONWATCH_SOURCES_FILE": str(sources),
            "PLAYWRIGHT_LAUNCH_OPTIONS": {"executable_path": str(tmp_path / "no-chromium")},
        },
    )
    assert run.result.stat("carbonwatch/site/render_unavailable") == 1
    assert "apt-get install -y chromium" in run.result.log
    assert len(run.items) == 3


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install -y chromium)")
def test_rendered_roll_page_is_read_after_javascript_and_stored(tmp_path: Path) -> None:
    from sqlalchemy import select

    from storage.db import open_store
    from storage.models import Article

    db_url = f"sqlite:///{tmp_path / 'rendered.db'}"
    with serve(FIXTURES / "site") as server:
        sources = tmp_path / "sources.toml"
        sources.write_text(roll_source_toml(f"{server.base_url}/finance.sina.com.cn/roll/index.html"), "utf-8")
        result = crawl(
            "site",
            tmp_path=tmp_path,
            db_url=db_url,
            spider_args={"source": "sina-roll"},
            # The rendered page is served on 127.0.0.1 directly (Playwright does not use the host map).
            settings={"CARBONWATCH_SOURCES_FILE": str(sources), "CARBONWATCH_SSRF_GUARD": "False"},
            timeout=180,
        )
    assert result.returncode == 0, result.log[-3000:]
    assert result.stat("carbonwatch/site/rendered_pages") == 1
    engine, sessions = open_store(db_url)
    with sessions() as session:
        titles = set(session.scalars(select(Article.title).where(Article.source == "sina-roll")))
    engine.dispose()
    assert titles == {
        "发改委：工业、交通运输等领域碳达峰碳中和实施方案已编制完成",
        "10月份国民经济持续恢复 发展态势总体平稳",
    }


def test_unrendered_roll_page_has_no_links() -> None:
    from crawler.parsers import site

    html = (FIXTURES / "site" / "finance.sina.com.cn" / "roll" / "index.html").read_text("utf-8")
    assert site.list_links(html, "http://127.0.0.1/finance.sina.com.cn/roll/index.html", "#d_list li .c_tit a") == []


def test_list_selector_matching_nothing_is_a_layout_error(tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text(SOURCES.read_text("utf-8").replace("ul.news-list li a", "ul.redesigned li a"), "utf-8")
    run = run_isolated("site", tmp_path, root=FIXTURES / "site", settings={"CARBONWATCH_SOURCES_FILE": str(sources)})
    assert run.items == []
    assert run.result.stat("carbonwatch/errors/layout/empty_list") == 1
    assert run.result.stat("carbonwatch/site/empty_list") == 1


def test_body_selector_matching_nothing_drops_each_page_with_a_reason(tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text(SOURCES.read_text("utf-8").replace("div.detail-content", "div.redesigned"), "utf-8")
    run = run_isolated("site", tmp_path, root=FIXTURES / "site", settings={"CARBONWATCH_SOURCES_FILE": str(sources)})
    assert run.items == []
    assert run.result.stat("carbonwatch/drop/no_body") == 3  # in the run record's `dropped`, not only a spider stat
    assert run.result.stat("carbonwatch/errors/layout/no_body") == 3
    assert "'div.redesigned' matched nothing; page dropped" in run.result.log
