"""Table-driven tests for pipelines.dates: every common date form, the fallback, the future guard, the pipeline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from crawler.items import ArticleItem
from pipelines.dates import DatesPipeline, format_local, parse_date, parse_date_with_method

# 2021-11-16 12:00 in Beijing
NOW = datetime(2021, 11, 16, 4, 0, 0, tzinfo=UTC)


def bj(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> datetime:
    """A Beijing wall-clock time as aware UTC."""
    return datetime(y, m, d, hh, mm, ss, tzinfo=UTC) - timedelta(hours=8)


FAST_CASES = [
    ("2019年11月25日 18:57", bj(2019, 11, 25, 18, 57)),
    ("2019年09月11日01:53", bj(2019, 9, 11, 1, 53)),
    ("2016年05月25日10:10 新浪财经", bj(2016, 5, 25, 10, 10)),
    ("2021年11月16日", bj(2021, 11, 16)),
    ("11月16日 11:43", bj(2021, 11, 16, 11, 43)),
    ("11月16日", bj(2021, 11, 16)),
    ("12月31日 23:00", bj(2020, 12, 31, 23)),  # would be 6 weeks ahead: last year
    ("今天 11:43", bj(2021, 11, 16, 11, 43)),
    ("昨天 08:00", bj(2021, 11, 15, 8)),
    ("前天 20:15", bj(2021, 11, 14, 20, 15)),
    ("3分钟前", NOW - timedelta(minutes=3)),
    ("2小时前", NOW - timedelta(hours=2)),
    ("刚刚", NOW),
    ("2021-11-16T11:43:46+08:00", bj(2021, 11, 16, 11, 43, 46)),
    ("2021-11-16T03:43:46Z", bj(2021, 11, 16, 11, 43, 46)),
    ("2021-11-16T11:43:46", bj(2021, 11, 16, 11, 43, 46)),
    ("2021-11-16 11:43:00", bj(2021, 11, 16, 11, 43)),
    ("2005-08-26 05:39:00", bj(2005, 8, 26, 5, 39)),
    ("2021/11/16", bj(2021, 11, 16)),
    ("2021-11-16", bj(2021, 11, 16)),
    ("2005.08.26 05:39", bj(2005, 8, 26, 5, 39)),
    ("Tue, 16 Nov 2021 03:43:46 GMT", bj(2021, 11, 16, 11, 43, 46)),
    ("发布时间：2021-11-16 10:00", bj(2021, 11, 16, 10)),
]


@pytest.mark.parametrize(("text", "expected"), FAST_CASES)
def test_fast_path(text: str, expected: datetime) -> None:
    found, method = parse_date_with_method(text, NOW)
    assert found == expected
    assert method == "fast"


@pytest.mark.parametrize(("text", "expected"), FAST_CASES)
def test_results_are_aware_utc(text: str, expected: datetime) -> None:
    found = parse_date(text, NOW)
    assert found is not None
    assert found.utcoffset() == timedelta(0)


def test_yearless_date_more_than_a_day_ahead_goes_to_previous_year() -> None:
    assert parse_date("11月18日 12:00", NOW) == bj(2020, 11, 18, 12)


def test_yearless_date_less_than_a_day_ahead_stays_this_year_and_is_rejected_as_future() -> None:
    assert parse_date("11月17日 08:00", NOW) is None


def test_dateparser_fallback() -> None:
    found, method = parse_date_with_method("16 November 2021 10:00", NOW)
    assert found == bj(2021, 11, 16, 10)
    assert method == "dateparser"


@pytest.mark.parametrize("text", ["", "   ", "没有日期", "2021年13月40日", "2021-02-30"])
def test_unparseable(text: str) -> None:
    assert parse_date_with_method(text, NOW) == (None, "unparsed")


@pytest.mark.parametrize("text", ["2022年01月01日 10:00", "2021-11-17T12:00:00+08:00", "Wed, 17 Nov 2021 03:43:46 GMT"])
def test_future_dates_rejected(text: str) -> None:
    assert parse_date(text, NOW) is None


def test_small_clock_skew_allowed() -> None:
    assert parse_date("2021-11-16 12:05", NOW) == bj(2021, 11, 16, 12, 5)


def test_naive_now_is_taken_as_utc() -> None:
    assert parse_date("今天 11:43", NOW.replace(tzinfo=None)) == bj(2021, 11, 16, 11, 43)


def test_relative_day_uses_beijing_calendar() -> None:
    # 2021-11-15 17:00 UTC is already 16 November in Beijing.
    assert parse_date("今天 00:30", datetime(2021, 11, 15, 17, 0, tzinfo=UTC)) == bj(2021, 11, 16, 0, 30)


def test_format_local() -> None:
    assert format_local(datetime(2021, 11, 16, 3, 43, 46, tzinfo=UTC)) == "2021-11-16T11:43:46+08:00"


# -- pipeline --


class FakeStats:
    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def inc_value(self, key: str, count: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + count


def item(raw: str | None, **kwargs: Any) -> ArticleItem:
    return ArticleItem(
        url="https://finance.sina.com.cn/x", source="sina_finance", published_raw=raw, fetched_at=NOW, **kwargs
    )


def test_pipeline_parses_relative_to_fetch_time() -> None:
    stats = FakeStats()
    result = DatesPipeline(stats).process_item(item("昨天 08:00"))
    assert result.published_at == bj(2021, 11, 15, 8)
    assert stats.values == {"carbonwatch/dates/parsed_fast": 1}


def test_pipeline_counts_dateparser() -> None:
    stats = FakeStats()
    DatesPipeline(stats).process_item(item("16 November 2021 10:00"))
    assert stats.values == {"carbonwatch/dates/parsed_dateparser": 1}


def test_pipeline_keeps_unparsed_item(caplog: pytest.LogCaptureFixture) -> None:
    stats = FakeStats()
    result = DatesPipeline(stats).process_item(item("日期不详"))
    assert result.published_at is None
    assert stats.values == {"carbonwatch/dates/unparsed": 1}
    assert "日期不详" in caplog.text


def test_pipeline_keeps_a_preset_date() -> None:
    preset = datetime(2021, 11, 16, 3, 0, tzinfo=UTC)
    result = DatesPipeline(FakeStats()).process_item(item("2019年11月25日 18:57", published_at=preset))
    assert result.published_at == preset
