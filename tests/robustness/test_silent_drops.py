"""Drops Scrapy makes on its own are counted (issue 15 #14): a redirect chain past the limit, a decompression bomb.

Before, both left nothing in the run's stats (the redirect one not even a warning), so a site doing either to
every page went unseen.
"""

from __future__ import annotations

import gzip
import itertools
import json
import warnings
from pathlib import Path

import pytest
from scrapy.exceptions import ScrapyDeprecationWarning
from scrapy.http import HtmlResponse, Request
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

from crawler.dropcount import CountedHttpCompressionMiddleware, CountedRedirectMiddleware
from tests.robustness.support import copy_corpus, local_path, recording_server, run_sina, stored_urls

pytestmark = pytest.mark.timeout(240)

LID = 9990
LIMIT = get_project_settings().getint("REDIRECT_MAX_TIMES")
CHAIN = LIMIT + 3  # more hops than the project allows
ARTICLE = "https://finance.sina.com.cn/roll/2026-01-03/doc-i{name}.shtml"


def write(root: Path, url: str, body: bytes, sidecar: dict[str, object] | None = None) -> None:
    path = root / local_path(url).lstrip("/")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    if sidecar is not None:
        path.with_name(path.name + ".http.json").write_text(json.dumps(sidecar), "utf-8")


def hostile_site(tmp_path: Path) -> Path:
    root = copy_corpus(tmp_path)
    chain = [ARTICLE.format(name=f"hop{n:02d}") for n in range(CHAIN + 1)]
    for here, there in itertools.pairwise(chain):
        write(root, here, b"", {"status": 302, "headers": {"Location": there}})
    bomb = ARTICLE.format(name="bomb01")
    # 9 MB of zeros once decompressed (DOWNLOAD_MAXSIZE is 8 MB), about 9 KB on the wire.
    write(root, bomb, gzip.compress(b"\0" * (9 * 1024 * 1024)), {"headers": {"Content-Encoding": "gzip"}})
    entries = [
        {"docid": f"comos:{n}", "title": title, "url": url, "intime": "1767406740", "ctime": "1767406740"}
        for n, (title, url) in enumerate([("一路跳转", chain[0]), ("解压炸弹", bomb)])
    ]
    reply = {"result": {"status": {"code": 0, "msg": "succ"}, "lid": LID, "pageid": 155, "data": entries}}
    write(
        root,
        f"https://feed.mix.sina.com.cn/api/roll/get/lid={LID}&page=1",  # the snapshot server's file for the query
        json.dumps(reply, ensure_ascii=False).encode(),
        {"headers": {"Content-Type": "application/json; charset=utf-8"}},
    )
    return root


def test_a_redirect_chain_and_a_decompression_bomb_are_counted_drops(tmp_path: Path) -> None:
    root = hostile_site(tmp_path)
    db_url = f"sqlite:///{tmp_path / 'cw.db'}"
    with recording_server(root) as server:
        result = run_sina(server, tmp_path, db_url, [LID])
        hops = [h.path for h in server.hits if "/doc-ihop" in h.path]
    assert result.stat("carbonwatch/drop/redirect_limit") == 1, result.log[-3000:]
    assert result.stat("carbonwatch/drop/decompressed_too_large") == 1
    assert "request dropped (redirect_limit)" in result.log
    assert len(hops) == LIMIT + 1  # the first request and the allowed redirects, then no more
    assert stored_urls(db_url) == set()


def test_the_counting_middlewares_pass_scrapy_no_spider_it_was_not_given() -> None:
    """Scrapy 2.19 warns of a spider argument handed to its middlewares (a deprecation warning in every crawl's log);
    the engine gives none, so none is passed on, and a plain response goes through both unchanged."""
    crawler = get_crawler()
    request = Request("https://finance.sina.com.cn/roll/index.d.html")
    response = HtmlResponse(request.url, body=b"<html></html>", request=request)
    for cls in (CountedRedirectMiddleware, CountedHttpCompressionMiddleware):
        middleware = cls.from_crawler(crawler)
        with warnings.catch_warnings():
            warnings.simplefilter("error", ScrapyDeprecationWarning)
            assert middleware.process_response(request, response) is response
