"""Politeness as the server sees it: our User-Agent on every request, robots.txt first, per-source pacing.

(Static settings — AutoThrottle on, telnet/remote control off — are asserted in tests/test_settings.py.)
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest

from tests.helpers import crawl
from tests.robustness.support import (
    GOOD_LID,
    Hit,
    RecordingServer,
    copy_corpus,
    listed_article_urls,
    local_path,
    recording_server,
    run_sina,
    slow_down,
)

pytestmark = pytest.mark.timeout(180)

FEED_HOST = "feeds.example.org"
SOURCE_DELAY = 0.8


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, RecordingServer]]:
    tmp = tmp_path_factory.mktemp("polite-site")
    root = copy_corpus(tmp)
    with recording_server(root) as server:
        yield root, server


@pytest.fixture(scope="module")
def sina_hits(site: tuple[Path, RecordingServer], tmp_path_factory: pytest.TempPathFactory) -> list[Hit]:
    _, server = site
    tmp = tmp_path_factory.mktemp("polite-sina")
    mark = len(server.hits)
    result = run_sina(server, tmp, f"sqlite:///{tmp / 'carbonwatch.db'}", [GOOD_LID, 9116])
    assert result.returncode == 0
    return server.hits_since(mark)


def test_every_request_identifies_us_with_a_contact_url(sina_hits: list[Hit]) -> None:
    agents = {h.headers.get("user-agent", "") for h in sina_hits}
    assert len(sina_hits) >= 5
    assert all(a.startswith("carbonwatch/") and "+http" in a for a in agents)
    assert not [a for a in agents if "Scrapy" in a or "python" in a.lower()]


def test_robots_txt_is_fetched_before_any_page_of_its_host(sina_hits: list[Hit]) -> None:
    paths = [h.path for h in sina_hits]
    first_page = next(i for i, p in enumerate(paths) if p.startswith("/finance.sina.com.cn/") and "robots" not in p)
    assert paths.index("/finance.sina.com.cn/robots.txt") < first_page


def test_robots_disallowed_page_is_not_requested(sina_hits: list[Hit]) -> None:
    assert not [h for h in sina_hits if h.path.startswith("/finance.sina.com.cn/private/")]


def test_source_download_delay_and_concurrency_pace_its_requests(
    site: tuple[Path, RecordingServer], tmp_path: Path
) -> None:
    root, server = site
    urls = listed_article_urls([GOOD_LID, 9101, 9103])
    feed = root / FEED_HOST / "rss.xml"
    feed.parent.mkdir(parents=True, exist_ok=True)
    items = "".join(
        f"<item><title>条目{i}</title><link>{u}</link><guid>{u}</guid>"
        f"<pubDate>Sat, 03 Jan 2026 02:0{i}:00 GMT</pubDate><description>摘要</description></item>"
        for i, u in enumerate(urls)
    )
    feed.write_text(
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>',
        "utf-8",
    )
    sources = tmp_path / "sources.toml"
    sources.write_text(
        "[[source]]\n"
        'name = "paced"\nkind = "feed"\n'
        f'url = "https://{FEED_HOST}/rss.xml"\nfollow = true\n'
        f"download_delay = {SOURCE_DELAY}\nconcurrency = 1\n",
        "utf-8",
    )
    mark = len(server.hits)
    result = crawl(
        "feed",
        tmp_path=tmp_path,
        db_url=f"sqlite:///{tmp_path / 'carbonwatch.db'}",
        host_map=server.host_map(["finance.sina.com.cn", FEED_HOST]),
        settings={
            "CARBONWATCH_SOURCES_FILE": str(sources),
            "DOWNLOAD_DELAY_JITTER": "0",
            "CARBONWATCH_PROGRESS_INTERVAL": "0",
            "CARBONWATCH_SPOOL_DIR": str(tmp_path / "spool"),
        },
        env={"CARBONWATCH_LOG_DIR": str(tmp_path / "logs"), "CARBONWATCH_SPOOL_DIR": str(tmp_path / "spool")},
    )
    assert result.returncode == 0, result.log[-3000:]
    pages = {local_path(u) for u in urls} | {f"/{FEED_HOST}/rss.xml"}
    hits = [h for h in server.hits_since(mark) if h.path in pages]
    gaps = [b.at - a.at for a, b in pairwise(hits)]
    assert len(hits) == len(pages), json.dumps([h.path for h in hits])
    # The server sees a request when it arrives; Scrapy paces them by when it sends them. A request that waits on a
    # new connection (the feed's, the first to a host) arrives late, so the gap after it looks shorter by that wait
    # (0.718 s for a 0.8 s delay on a loaded CI machine). Each gap keeps most of the delay, and the gaps together
    # keep all of it but one such wait: without pacing they would be a few milliseconds each.
    assert min(gaps) >= SOURCE_DELAY * 0.75, gaps
    assert sum(gaps) >= SOURCE_DELAY * len(gaps) - 0.15, gaps


def test_source_concurrency_alone_limits_parallel_requests(site: tuple[Path, RecordingServer], tmp_path: Path) -> None:
    # concurrency = 1 without a download_delay: the server must still never see two of its pages at once.
    root, server = site
    urls = listed_article_urls([GOOD_LID, 9101, 9103])
    slow_down(root, urls, 0.5)
    feed = root / FEED_HOST / "serial.xml"
    feed.parent.mkdir(parents=True, exist_ok=True)
    items = "".join(f"<item><title>条目{i}</title><link>{u}</link><guid>{u}</guid></item>" for i, u in enumerate(urls))
    rss = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    feed.write_text(rss, "utf-8")
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[source]]\nname = "serial"\nkind = "feed"\nurl = "https://{FEED_HOST}/serial.xml"\nfollow = true\n'
        "concurrency = 1\n",
        "utf-8",
    )
    mark = len(server.hits)
    result = crawl(
        "feed",
        tmp_path=tmp_path,
        db_url=f"sqlite:///{tmp_path / 'carbonwatch.db'}",
        host_map=server.host_map(["finance.sina.com.cn", FEED_HOST]),
        settings={"CARBONWATCH_SOURCES_FILE": str(sources), "CARBONWATCH_PROGRESS_INTERVAL": "0"},
        env={"CARBONWATCH_LOG_DIR": str(tmp_path / "logs"), "CARBONWATCH_SPOOL_DIR": str(tmp_path / "spool")},
    )
    slow_down(root, urls, 0)
    pages = {local_path(u) for u in urls}
    arrivals = sorted(h.at for h in server.hits_since(mark) if h.path in pages)
    assert result.returncode == 0
    assert len(arrivals) == len(pages)
    assert min(b - a for a, b in pairwise(arrivals)) >= 0.45  # each waits for the previous 0.5 s answer


OVERSIZE_LID = 9400
OVERSIZE_HOST = "news.sina.com.cn"


def _serve_oversize_robots(root: Path, gzipped: bool) -> list[str]:
    """news.sina.com.cn: robots.txt over DOWNLOAD_MAXSIZE disallowing /private/; one public, one private page.

    ``gzipped``: sent gzip-encoded (about 10 KB on the wire), so only its decompressed size is over the limit.
    """
    padding = b"# " + b"x" * 1000 + b"\n"
    # 9 MB: over the 8 MB DOWNLOAD_MAXSIZE
    robots_txt = b"User-agent: *\nDisallow: /private/\n" + padding * (9 * 1024 * 1024 // len(padding) + 1)
    robots = root / OVERSIZE_HOST / "robots.txt"
    robots.parent.mkdir(parents=True, exist_ok=True)
    robots.write_bytes(gzip.compress(robots_txt) if gzipped else robots_txt)
    sidecar = robots.with_name("robots.txt.http.json")
    sidecar.write_text(json.dumps({"headers": {"Content-Encoding": "gzip"}} if gzipped else {}), "utf-8")
    good = (root / local_path(listed_article_urls([GOOD_LID])[0]).lstrip("/")).read_bytes()
    urls = [
        f"https://{OVERSIZE_HOST}/{d}/2026-01-03/doc-ioversize{n}01.shtml" for n, d in (("a", "roll"), ("b", "private"))
    ]
    for url in urls:
        page = root / local_path(url).lstrip("/")
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_bytes(good)
    data = [{"url": u, "title": f"条目{i}", "intime": "1767405600"} for i, u in enumerate(urls)]
    reply = {"result": {"status": {"code": 0, "msg": "succ"}, "total": 2, "data": data}}
    roll = root / f"feed.mix.sina.com.cn/api/roll/get/lid={OVERSIZE_LID}&page=1"
    roll.write_text(json.dumps(reply, ensure_ascii=False), "utf-8")
    return urls


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip"])
def test_robots_txt_over_the_download_limit_allows_nothing(
    site: tuple[Path, RecordingServer], tmp_path: Path, gzipped: bool
) -> None:
    # A robots.txt that cannot be read whole is no licence: no page of its host is fetched (issue 15 #12).
    root, server = site
    urls = _serve_oversize_robots(root, gzipped)
    mark = len(server.hits)
    result = run_sina(server, tmp_path, f"sqlite:///{tmp_path / 'carbonwatch.db'}", [OVERSIZE_LID])
    paths = [h.path for h in server.hits_since(mark)]
    assert result.returncode == 0
    assert f"/{OVERSIZE_HOST}/robots.txt" in paths
    assert not [p for p in paths if p in {local_path(u) for u in urls}]
    assert result.stat("carbonwatch/robots/unreadable") == 1
    assert result.stat("robotstxt/forbidden") == 2
