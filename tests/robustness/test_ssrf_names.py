"""SSRF through names (issue 15 #1): hostnames resolving to internal addresses, CGNAT and embedded-IPv4 literals.

Engine-level: ``scrapy crawl sina_finance`` of a roll reply listing internal targets, with a test DNS table
(``tests/robustness/fake_dns.py``) that resolves ``intranet.carbon.example`` to 127.0.0.1 as an /etc/hosts entry
or a rebinding DNS would. Every internal target points at the dev server's port, so a request that got out shows
up in its request log.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import CrawlResult
from tests.robustness.support import (
    GOOD_LID,
    Hit,
    RecordingServer,
    copy_corpus,
    listed_article_urls,
    recording_server,
    run_sina,
    stored_urls,
)

pytestmark = pytest.mark.timeout(300)

LID = 9450
INTERNAL_NAME = "intranet.carbon.example"
REDIRECT_URL = "https://finance.sina.com.cn/roll/2026-01-03/doc-ibadssrfname01.shtml"
RESOLVER = "tests.robustness.fake_dns.TableResolver"
NO_OFFSITE = {  # the offsite filter would drop foreign hosts first: the guard must hold on its own
    "crawler.middlewares.SsrfGuardMiddleware": 50,
    "crawler.middlewares.RetryAfterMiddleware": 560,
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
}


def internal_urls(port: int) -> list[str]:
    return [
        f"http://{INTERNAL_NAME}:{port}/ssrf-probe/name.shtml",
        "http://100.100.100.200/latest/meta-data/",
        f"http://[::ffff:127.0.0.1]:{port}/ssrf-probe/mapped.shtml",
        f"http://[2002:7f00:1::]:{port}/ssrf-probe/6to4.shtml",
    ]


def roll_reply(urls: list[str]) -> bytes:
    data = [
        {
            "docid": f"comos:{90 + i}",
            "title": f"内网{i}",
            "url": u,
            "intro": "",
            "media_name": "新浪财经",
            "ctime": str(1767408600 + 60 * i),
            "intime": str(1767408600 + 60 * i),
            "keywords": "",
        }
        for i, u in enumerate(urls)
    ]
    result = {"status": {"code": 0, "msg": "succ"}, "total": len(data), "lid": LID, "data": data}
    return json.dumps({"result": result}, ensure_ascii=False).encode()


@dataclass
class Site:
    server: RecordingServer
    port: int


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = copy_corpus(tmp_path_factory.mktemp("ssrf-names"))
    with recording_server(root) as server:
        port = int(server.base_url.rsplit(":", 1)[1])
        roll = root / "feed.mix.sina.com.cn/api/roll/get" / f"lid={LID}&page=1"
        roll.write_bytes(roll_reply([*internal_urls(port), REDIRECT_URL]))
        page = root / REDIRECT_URL.split("://", 1)[1]
        page.write_bytes(b"moved")
        location = f"http://{INTERNAL_NAME}:{port}/ssrf-probe/redirected.shtml"
        page.with_name(page.name + ".http.json").write_text(
            json.dumps({"status": 302, "headers": {"Location": location}}), "utf-8"
        )
        yield Site(server, port)


@dataclass
class Crawled:
    result: CrawlResult
    hits: list[Hit]
    db_url: str


def crawl_with_table(
    site: Site,
    tmp: Path,
    lids: list[int],
    middlewares: dict[str, int | None],
    answers: list[Any] | None = None,
    **extra: str,
) -> Crawled:
    mark = len(site.server.hits)
    db_url = f"sqlite:///{tmp / 'carbonwatch.db'}"
    settings = {
        "TWISTED_DNS_RESOLVER": RESOLVER,
        "TEST_DNS_TABLE": json.dumps({INTERNAL_NAME: answers or ["127.0.0.1"]}),
        "DOWNLOADER_MIDDLEWARES": middlewares,
        "DOWNLOAD_TIMEOUT": "2",
        **extra,
    }
    result = run_sina(site.server, tmp, db_url, lids, settings=settings)
    return Crawled(result, site.server.hits_since(mark), db_url)


@pytest.fixture(scope="module")
def guarded(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Crawled:
    return crawl_with_table(site, tmp_path_factory.mktemp("guarded"), [LID, GOOD_LID], NO_OFFSITE)


def probes(crawled: Crawled) -> list[str]:
    # Mapped hosts are served under /<host>/...; a bare /robots.txt is the internal name's own.
    return [h.path for h in crawled.hits if "ssrf-probe" in h.path or "meta-data" in h.path or h.path == "/robots.txt"]


def test_the_crawl_succeeds(guarded: Crawled) -> None:
    assert guarded.result.returncode == 0, guarded.result.log[-3000:]


def test_no_internal_target_is_requested(guarded: Crawled) -> None:
    assert probes(guarded) == []


def test_a_name_resolving_to_loopback_is_refused_with_its_address(guarded: Crawled) -> None:
    assert f"{INTERNAL_NAME} resolves to address 127.0.0.1" in guarded.result.log


@pytest.mark.parametrize(
    "reason",
    [
        "address 100.100.100.200",
        "address ::ffff:7f00:1 (embeds 127.0.0.1)",
        "address 2002:7f00:1:: (embeds 127.0.0.1)",
    ],
)
def test_cgnat_and_embedded_loopback_literals_are_refused(guarded: Crawled, reason: str) -> None:
    assert f"({reason}): not a public web address" in guarded.result.log, re.findall(r"refused .*", guarded.result.log)


def test_every_refusal_is_counted(guarded: Crawled) -> None:
    # four listed targets and the redirect's target
    assert guarded.result.stat("carbonwatch/drop/ssrf_blocked") == 5


def test_a_redirect_to_an_internal_name_is_refused(guarded: Crawled) -> None:
    assert f"refused http://{INTERNAL_NAME}:" in guarded.result.log
    assert "/ssrf-probe/redirected.shtml" in guarded.result.log


def test_host_map_hosts_still_reach_the_local_server(guarded: Crawled) -> None:
    from crawler.urls import canonicalize

    listed = {canonicalize(u) for u in listed_article_urls([GOOD_LID])}
    assert listed and listed <= stored_urls(guarded.db_url)


def test_the_resolver_refuses_at_connect_time_without_the_middleware(site: Site, tmp_path: Path) -> None:
    # What a rebinding answer after the middleware's check would meet: the connection's own lookup refuses it.
    unguarded = {**NO_OFFSITE, "crawler.middlewares.SsrfGuardMiddleware": None}
    crawled = crawl_with_table(site, tmp_path, [LID], unguarded)
    assert probes(crawled) == []
    assert f"not connecting to {INTERNAL_NAME}: {INTERNAL_NAME} resolves to address 127.0.0.1" in crawled.result.log


def test_a_rebinding_answer_at_connect_time_is_refused_and_counted(site: Site, tmp_path: Path) -> None:
    # The guard's lookup sees a public address; with no DNS cache the connection looks up again and gets loopback.
    crawled = crawl_with_table(
        site,
        tmp_path,
        [LID],
        NO_OFFSITE,
        answers=[["93.184.215.14"], ["127.0.0.1"]],
        DNSCACHE_ENABLED="False",
        RETRY_ENABLED="False",
    )
    assert probes(crawled) == []
    assert "(at connect time: intranet.carbon.example resolves to address 127.0.0.1)" in crawled.result.log
    refused = re.findall(r"refused \S+ \(.*\): not a public web address", crawled.result.log)
    assert crawled.result.stat("carbonwatch/drop/ssrf_blocked") == len(refused) >= 5
