"""SSRF guard for rendered pages (issue 15 #14): Chromium's own requests are checked like the crawler's.

A rendered list page's script fetches an internal address and writes the answer into the list; before the guard
the browser fetched it (past Scrapy's resolver) and the internal text could become a stored link title.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

import pytest

from crawler.renderguard import STAT, RenderGuard
from tests.helpers import FIXTURES, crawl
from tests.robustness.support import recording_server

CHROMIUM = Path("/usr/bin/chromium")
TABLE = {"intranet.example.com": ["10.0.0.7"], "public.example.com": ["93.184.216.34"]}


async def fake_resolve(host: str) -> list[str]:
    if host not in TABLE:
        raise OSError(f"no such host {host}")
    return TABLE[host]


def refusal(url: str, allowed: frozenset[str] = frozenset()) -> str | None:
    return asyncio.run(RenderGuard(allowed, resolve=fake_resolve).refusal(url))


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8000/secret",
        "http://127.0.0.1/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:127.0.0.1]/",
        "http://intranet.example.com/wiki",
        "file:///etc/passwd",
    ],
)
def test_a_browser_request_to_an_internal_place_is_refused(url: str) -> None:
    assert refusal(url) is not None


@pytest.mark.parametrize(
    "url",
    ["https://public.example.com/app.js", "data:text/plain,hi", "blob:https://public.example.com/1", "about:blank"],
)
def test_public_and_in_page_urls_pass(url: str) -> None:
    assert refusal(url) is None


def test_the_host_map_targets_may_be_internal() -> None:
    assert refusal("http://127.0.0.1:8123/x.html", frozenset({"127.0.0.1"})) is None


def test_the_guard_aborts_and_counts() -> None:
    class Stats:
        def __init__(self) -> None:
            self.values: dict[str, int] = {}

        def inc_value(self, key: str) -> None:
            self.values[key] = self.values.get(key, 0) + 1

    class Request:
        url = "http://169.254.169.254/"

    stats = Stats()
    assert asyncio.run(RenderGuard(frozenset(), lambda: stats, fake_resolve)(Request())) is True
    assert stats.values == {STAT: 1}


HOSTILE_LIST = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>roll</title></head><body>
<div id="d_list"></div>
<script>
  function show(title) {
    var link = '<a href="../china/2021-11-16/doc-iktzqtyu7600001.shtml">' + title + '</a>';
    document.getElementById("d_list").innerHTML = '<ul><li><span class="c_tit">' + link + '</span></li></ul>';
  }
  fetch("http://localhost:__PORT__/secret/token.txt").then(r => r.text()).then(show, () => show("blocked"));
</script></body></html>"""


@pytest.mark.browser
@pytest.mark.timeout(240)
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install -y chromium)")
def test_a_rendered_page_cannot_make_the_browser_fetch_an_internal_address(tmp_path: Path) -> None:
    from tests.spiders.test_site import roll_source_toml

    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "site", root)
    (root / "secret").mkdir()
    (root / "secret" / "token.txt").write_text("INTERNAL-SECRET-TOKEN", "utf-8")
    with recording_server(root) as server:
        port = server.base_url.rsplit(":", 1)[1]
        page = root / "finance.sina.com.cn" / "roll" / "index.html"
        page.write_text(HOSTILE_LIST.replace("__PORT__", port), "utf-8")
        sources = tmp_path / "sources.toml"
        sources.write_text(roll_source_toml(f"{server.base_url}/finance.sina.com.cn/roll/index.html"), "utf-8")
        result = crawl(
            "site",
            tmp_path=tmp_path,
            db_url=f"sqlite:///{tmp_path / 'rendered.db'}",
            spider_args={"source": "sina-roll"},
            # The guard stays on: the list page itself is on the host map's target, as in the demo.
            host_map={"127.0.0.1": server.base_url},
            settings={"CARBONWATCH_SOURCES_FILE": str(sources)},
            timeout=180,
        )
        hits = [h.path for h in server.hits]
    assert result.stat("carbonwatch/site/rendered_pages") == 1, result.log[-3000:]
    assert [h for h in hits if "/secret/" in h] == []
    assert result.stat(STAT) >= 1
    assert "INTERNAL-SECRET-TOKEN" not in result.log
    assert json.dumps(result.stats).count("INTERNAL-SECRET-TOKEN") == 0
