"""Conditional requests (issue 16): list pages and feeds send back their ETag/Last-Modified; a 304 is not parsed.

Engine tests crawl a copy of the fixture sites twice through the real Scrapy engine against the snapshot server
with ``validators=True`` (it answers 304 while the file is unchanged).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from carbonwatch.devserver import SnapshotServer, serve, still_valid
from crawler.conditional import CONDITIONAL, ConditionalRequestMiddleware, ValidatorBook, not_modified
from storage.db import open_store
from storage.validators import Validators, get_validators, save_validators
from tests.helpers import FIXTURES, CrawlResult, crawl

ROLL_1 = "feed.mix.sina.com.cn/api/roll/get/lid=1686&page=1"  # the file
ROLL_1_PATH = "/feed.mix.sina.com.cn/api/roll/get?pageid=155&lid=1686&k=&num=50&page=1"  # the request
SINA_ARTICLE = "finance.sina.com.cn/china/gncj/2021-11-16/doc-iyplvmwel4581870.shtml"
NDRC_LIST = "www.ndrc.gov.cn/xxgk/zcfb/tz/"


def _copy_sites(root: Path) -> Path:
    shutil.copytree(FIXTURES / "sina_finance" / "site", root)
    shutil.copytree(FIXTURES / "ndrc", root, dirs_exist_ok=True)
    shutil.copytree(FIXTURES / "feed", root, dirs_exist_ok=True)
    return root


def _crawl(
    server: SnapshotServer, tmp: Path, db_url: str, spider: str, args: dict[str, str]
) -> tuple[CrawlResult, list[tuple[str, int]]]:
    before = len(server.answers)
    result = crawl(spider, tmp_path=tmp, db_url=db_url, host_map=server.host_map(), spider_args=args)
    assert result.returncode == 0, result.log[-3000:]
    return result, [a for a in server.answers[before:] if "robots.txt" not in a[0]]


Polls = list[tuple[CrawlResult, list[tuple[str, int]]]]


@pytest.fixture(scope="module")
def sina_polls(tmp_path_factory: pytest.TempPathFactory) -> Polls:
    """Three polls of lid 1686: the first, one with nothing changed, one after the list's bytes changed."""
    tmp = tmp_path_factory.mktemp("sina")
    site = _copy_sites(tmp / "site")
    db_url = f"sqlite:///{tmp / 'cw.db'}"
    with serve(site, validators=True) as server:
        polls = [_crawl(server, tmp, db_url, "sina_finance", {"lids": "1686"}) for _ in range(2)]
        roll_file = site / ROLL_1
        roll = json.loads(roll_file.read_text("utf-8"))
        roll["result"]["data"].reverse()  # new bytes, same entries: a 200 that is parsed, all entries known
        roll_file.write_text(json.dumps(roll, ensure_ascii=False), "utf-8")
        polls.append(_crawl(server, tmp, db_url, "sina_finance", {"lids": "1686"}))
    return polls


# -- the pure parts --


def _book(*pairs: tuple[str, str]) -> ValidatorBook:
    book = ValidatorBook()
    for url in ("L1", "L2"):
        book.noted[url] = ('"e"', None)
    for parent, child in pairs:
        book.yielded(parent, Request(f"https://x.example/{child}", meta={CONDITIONAL: child.startswith("L")}))
    return book


def test_book_keeps_pages_whose_requests_were_all_answered() -> None:
    book = _book(("L1", "a1"), ("L1", "L2"), ("L2", "a2"))
    for url, parent in (("a1", "L1"), ("L2", "L1"), ("a2", "L2")):
        book.answered(Request(f"https://x.example/{url}", meta={"carbonwatch_conditional_parent": parent}))
    assert set(book.complete()) == {"L1", "L2"}


def test_book_withholds_a_page_with_an_unanswered_article() -> None:
    book = _book(("L1", "a1"))
    assert "L1" not in book.complete()
    assert "L2" in book.complete()


def test_book_withholds_every_page_above_an_unanswered_article() -> None:
    book = ValidatorBook()
    book.noted.update({"https://x.example/L1": ('"1"', None), "https://x.example/L2": ('"2"', None)})
    page2 = Request("https://x.example/L2", meta={CONDITIONAL: True})
    book.yielded("https://x.example/L1", page2)
    book.answered(page2)
    book.yielded("https://x.example/L2", Request("https://x.example/a2"))  # never answered
    assert book.complete() == {}


def test_book_withholds_a_page_whose_callback_raised() -> None:
    book = _book()
    book.broken("L1")
    assert set(book.complete()) == {"L2"}


@pytest.mark.parametrize(
    ("inm", "ims", "expected"),
    [
        ('"abc"', None, True),
        ('"zzz", "abc"', None, True),
        ('W/"abc"', None, True),
        ('"old"', None, False),
        ('"old"', "Tue, 01 Jan 2999 00:00:00 GMT", False),  # If-None-Match decides when present
        (None, "Tue, 01 Jan 2999 00:00:00 GMT", True),
        (None, "Thu, 01 Jan 1970 00:00:00 GMT", False),
        (None, "not a date", False),
        (None, None, False),
    ],
)
def test_snapshot_server_conditional_rule(inm: str | None, ims: str | None, expected: bool) -> None:
    assert still_valid(inm, ims, '"abc"', 1_700_000_000.0) is expected


def test_validators_round_trip_and_replace(tmp_path: Path) -> None:
    engine, sessions = open_store(f"sqlite:///{tmp_path / 'cw.db'}")
    with sessions.begin() as session:
        save_validators(session, {"https://a.example/list": Validators('"1"', None)})
    with sessions.begin() as session:
        save_validators(session, {"https://a.example/list": Validators('"2"', "Sun, 29 Nov 2026 10:00:00 GMT")})
    with sessions() as session:
        assert get_validators(session, "https://a.example/list") == Validators('"2"', "Sun, 29 Nov 2026 10:00:00 GMT")
        assert get_validators(session, "https://a.example/other") is None
    engine.dispose()


def test_only_marked_requests_get_validators_and_accept_304(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'cw.db'}"
    engine, sessions = open_store(db_url)
    with sessions.begin() as session:
        save_validators(session, {"https://a.example/list": Validators('"1"', "Sun, 29 Nov 2026 10:00:00 GMT")})
    engine.dispose()
    crawler = get_crawler(settings_dict={"CARBONWATCH_DATABASE_URL": db_url})
    crawler.stats.open_spider()
    mw = ConditionalRequestMiddleware.from_crawler(crawler)
    article = Request("https://a.example/list")  # same URL, but not marked: an article request
    listed = Request("https://a.example/list", meta={CONDITIONAL: True})
    mw.process_request(article)
    mw.process_request(listed)
    assert b"If-None-Match" not in article.headers
    assert "handle_httpstatus_list" not in article.meta
    assert listed.headers[b"If-None-Match"] == b'"1"'
    assert listed.headers[b"If-Modified-Since"] == b"Sun, 29 Nov 2026 10:00:00 GMT"
    assert 304 in listed.meta["handle_httpstatus_list"]
    reply = mw.process_response(listed, Response(listed.url, status=304, request=listed))
    assert not_modified(reply)
    assert crawler.stats.get_value("carbonwatch/http/not_modified") == 1


def test_middleware_is_off_without_a_database() -> None:
    from scrapy.exceptions import NotConfigured

    with pytest.raises(NotConfigured):
        ConditionalRequestMiddleware.from_crawler(get_crawler(settings_dict={"CARBONWATCH_DATABASE_URL": None}))


# -- through the engine --


def test_first_poll_sends_nothing_and_remembers_the_validators(sina_polls: Polls) -> None:
    first, _ = sina_polls[0]
    assert first.stat("carbonwatch/http/conditional_sent") == 0
    assert first.stat("carbonwatch/http/validators_saved") == 3  # the three roll pages
    assert first.stat("carbonwatch/http/validators_withheld") == 0


def test_unchanged_roll_list_is_one_304_and_no_parsing(sina_polls: Polls) -> None:
    second, answers = sina_polls[1]
    assert second.stat("carbonwatch/http/not_modified") == 1
    assert second.stat("carbonwatch/sina/roll_unchanged") == 1
    assert second.stat("carbonwatch/sina/known_skipped") == 0  # the list was not parsed at all
    assert answers == [(ROLL_1_PATH, 304)]  # one request besides robots.txt, no article page


def test_changed_roll_list_is_fetched_and_parsed(sina_polls: Polls) -> None:
    third, answers = sina_polls[2]
    assert third.stat("carbonwatch/http/not_modified") == 0
    assert answers == [(ROLL_1_PATH, 200)]  # every entry known: no next page, no article
    assert third.stat("carbonwatch/sina/known_skipped") == 3


def test_a_failed_article_keeps_its_list_unconditional(tmp_path: Path) -> None:
    site = _copy_sites(tmp_path / "site")
    db_url = f"sqlite:///{tmp_path / 'cw.db'}"
    (site / SINA_ARTICLE).unlink()  # listed, but answers 404 this time
    with serve(site, validators=True) as server:
        first, _ = _crawl(server, tmp_path, db_url, "sina_finance", {"lids": "1686"})
        _, answers = _crawl(server, tmp_path, db_url, "sina_finance", {"lids": "1686"})
    assert first.stat("carbonwatch/http/validators_withheld") == 1  # page 1 (pages 2 and 3 were complete)
    assert (ROLL_1_PATH, 200) in answers
    assert (f"/{SINA_ARTICLE}", 404) in answers  # asked again, not hidden behind a 304


def test_unchanged_ndrc_column_and_feed_are_one_304_each(tmp_path: Path) -> None:
    site = _copy_sites(tmp_path / "site")
    db_url = f"sqlite:///{tmp_path / 'cw.db'}"
    feed = {"source": "policy-atom"}
    env_sources = {"CARBONWATCH_SOURCES_FILE": str(FIXTURES / "feed" / "sources.toml")}
    with serve(site, validators=True) as server:
        ndrc_args = {"columns": f"https://{NDRC_LIST}"}
        first, _ = _crawl(server, tmp_path, db_url, "ndrc", ndrc_args)
        second, ndrc_answers = _crawl(server, tmp_path, db_url, "ndrc", ndrc_args)
        feed_first = crawl(
            "feed", tmp_path=tmp_path, db_url=db_url, host_map=server.host_map(), spider_args=feed, settings=env_sources
        )
        before = len(server.answers)
        feed_second = crawl(
            "feed", tmp_path=tmp_path, db_url=db_url, host_map=server.host_map(), spider_args=feed, settings=env_sources
        )
        feed_answers = [a for a in server.answers[before:] if "robots.txt" not in a[0]]
    assert first.stat("carbonwatch/ndrc/documents") > 0
    assert second.stat("carbonwatch/ndrc/list_unchanged") == 1
    assert second.stat("carbonwatch/ndrc/documents") == 0
    assert ndrc_answers == [(f"/{NDRC_LIST}", 304)]
    assert feed_first.stat("carbonwatch/feed/entries") > 0
    assert feed_second.stat("carbonwatch/feed/unchanged") == 1
    assert feed_second.stat("carbonwatch/feed/entries") == 0
    assert feed_answers == [("/feeds.example.cn/policy.atom", 304)]


def test_a_poll_answered_only_304_is_a_successful_run() -> None:
    from crawler.extensions import summarise_stats

    unchanged = {
        "downloader/request_count": 2,
        "downloader/response_status_count/404": 1,  # robots.txt
        "downloader/response_status_count/304": 1,  # the list
    }
    assert summarise_stats(unchanged, "finished").status == "success"
    refused = {"downloader/request_count": 2, "downloader/response_status_count/404": 2}
    assert summarise_stats(refused, "finished").status == "failed"
