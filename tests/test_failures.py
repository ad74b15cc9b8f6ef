"""The kind a failed request is counted under in the run record: HTTP status, DNS, timeout … or nothing when refused."""

from __future__ import annotations

import pytest
from scrapy.exceptions import CannotResolveHostError, IgnoreRequest
from scrapy.http import HtmlResponse, Request
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError
from twisted.python.failure import Failure

from crawler import spiderbase
from crawler.failures import error_kind, failure_kind


def failed(exc: BaseException) -> Failure:
    failure = Failure(exc)
    failure.request = Request("https://www.ndrc.gov.cn/xwdt/xwfb/")  # type: ignore[attr-defined]  # as Scrapy sets it
    return failure


def http_error(status: int) -> HttpError:
    return HttpError(HtmlResponse("https://www.ndrc.gov.cn/x.html", status=status), "Ignoring non-200 response")


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (http_error(404), "http_404"),
        (http_error(503), "http_503"),
        (CannotResolveHostError("www.ndrc.gov.cn"), "dns"),
        (DNSLookupError("www.ndrc.gov.cn"), "dns"),
        (TCPTimedOutError(), "timeout"),
        (ConnectionRefusedError(), "connection_refused"),
        (IgnoreRequest("ssrf_blocked: loopback"), None),
    ],
)
def test_failure_kind(exc: BaseException, expected: str | None) -> None:
    assert failure_kind(failed(exc)) == expected


def test_an_unknown_exception_is_named_in_snake_case() -> None:
    class WeirdProxyError(Exception):
        pass

    assert error_kind(WeirdProxyError()) == "weird_proxy_error"


class ColumnSpider(spiderbase.IncrementalSpider):
    name = "column"


def test_a_column_spiders_failed_request_counts_its_cause_in_the_run_errors() -> None:
    crawler = get_crawler(ColumnSpider)
    crawler.stats.open_spider()
    spider = ColumnSpider.from_crawler(crawler)
    spider.on_error(failed(CannotResolveHostError("www.ndrc.gov.cn")))
    spider.on_error(failed(http_error(404)))
    spider.on_error(failed(IgnoreRequest("Forbidden by robots.txt")))
    errors = {k: v for k, v in crawler.stats.get_stats().items() if k.startswith("carbonwatch/errors/")}
    assert errors == {"carbonwatch/errors/dns": 1, "carbonwatch/errors/http_404": 1}
    assert crawler.stats.get_value("carbonwatch/column/fetch_error") == 3
