"""Bad input through the real engine: every corpus case is logged, counted, never crashes and never hurts old data.

One module-scoped "bad day": a first crawl stores three good articles, then one crawl fetches every bad roll-API
reply and every bad article page of ``tests/fixtures/badinput`` (see its ``cases.json``) from the dev server.
Each test then checks one case against the stats, the dev server's request log, the crawl log and the database.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import CrawlResult
from tests.robustness.support import (
    CASES,
    FLOOD_REPEATS,
    GOOD_LID,
    Hit,
    RecordingServer,
    article_rows,
    copy_corpus,
    local_path,
    point_at_server,
    recording_server,
    run_rows,
    run_sina,
    stored_urls,
)

pytestmark = pytest.mark.timeout(300)

SECURITY_CASES = ("hostile", "ssrf")  # crawled in test_security.py
BAD_LIDS = [case["lid"] for name, case in CASES.items() if name not in SECURITY_CASES]
MOJIBAKE = ("\ufffd", "锟斤拷", "Ã", "å")


@dataclass
class BadDay:
    server: RecordingServer
    db_url: str
    seed: CrawlResult
    before: dict[str, dict[str, Any]]
    result: CrawlResult
    hits: list[Hit]

    def hits_for(self, case: str) -> list[Hit]:
        path = local_path(CASES[case]["url"])
        return [h for h in self.hits if h.path.split("?")[0] == path]


@pytest.fixture(scope="module")
def day(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BadDay]:
    tmp: Path = tmp_path_factory.mktemp("badday")
    root = copy_corpus(tmp)
    db_url = f"sqlite:///{tmp / 'carbonwatch.db'}"
    with recording_server(root) as server:
        point_at_server(root, server)
        seed = run_sina(server, tmp, db_url, [GOOD_LID])
        before = article_rows(db_url)
        mark = len(server.hits)
        result = run_sina(server, tmp, db_url, [GOOD_LID, *BAD_LIDS], settings={"DOWNLOAD_TIMEOUT": "1"})
        yield BadDay(server, db_url, seed, before, result, server.hits_since(mark))


def canonical(case: str) -> str:
    from crawler.urls import canonicalize

    return canonicalize(CASES[case]["url"])


# -- the crawl as a whole ---------------------------------------------------------------------------------------


def test_seed_crawl_stores_the_three_good_articles(day: BadDay) -> None:
    assert day.seed.returncode == 0, day.seed.log[-3000:]
    assert len(day.before) == 3


def test_bad_crawl_finishes_normally_with_exit_code_0(day: BadDay) -> None:
    assert day.result.returncode == 0, day.result.log[-3000:]
    assert day.result.stats.get("finish_reason") == "finished"


def test_bad_crawl_raises_no_exception_anywhere(day: BadDay) -> None:
    assert "Traceback" not in day.result.log
    assert day.result.stat("spider_exceptions/count") == 0
    assert not any(k.startswith("spider_exceptions/") for k in day.result.stats)


def test_previously_stored_articles_are_unchanged(day: BadDay) -> None:
    after = article_rows(day.db_url)
    assert {url: after.get(url) for url in day.before} == day.before


def test_known_articles_are_not_fetched_again(day: BadDay) -> None:
    good = {local_path(url) for url in day.before}
    assert not [h for h in day.hits if h.path in good]


def test_every_stored_row_is_complete(day: BadDay) -> None:
    rows = article_rows(day.db_url)
    incomplete = [url for url, r in rows.items() if not (r["title"] and r["text"] and r["content_hash"])]
    assert incomplete == []


def test_run_record_counts_drops_and_errors_by_reason(day: BadDay) -> None:
    run = run_rows(day.db_url)[-1]
    assert run["finished_at"] is not None
    assert {"article_not_html", "article_no_body", "roll_not_json", "roll_truncated"} <= set(run["dropped"])
    kinds = {e.get("kind") for e in run["errors"]}
    assert {"http_403", "http_429", "http_500"} <= kinds
    assert {"403", "429", "500"} <= set(run["responses"])


@pytest.mark.parametrize(
    "case",
    [name for name, c in CASES.items() if "url" in c and name not in SECURITY_CASES and not name.startswith("roll")],
)
def test_every_listed_article_is_stored_or_its_fate_logged(day: BadDay, case: str) -> None:
    # Nothing is lost silently: an article the list named is either in the database or named in a log line.
    doc = CASES[case]["url"].rsplit("/", 1)[-1]
    logged = [line for line in day.result.log.splitlines() if doc in line and ("WARNING" in line or "INFO" in line)]
    assert canonical(case) in stored_urls(day.db_url) or logged


# -- article pages that must still be stored, correctly ----------------------------------------------------------


def test_malformed_html_is_stored_with_its_text(day: BadDay) -> None:
    # A stray </div> closes #artibody as it would in a browser: the text before it is the article.
    row = article_rows(day.db_url)[canonical("malformed")]
    assert "因为这里充满了活力" in row["text"]
    assert "<b>" not in row["text"] and "unterminated" not in row["text"]


def test_truncated_html_keeps_the_text_that_arrived(day: BadDay) -> None:
    row = article_rows(day.db_url)[canonical("truncated")]
    assert "西贡壁屋监狱刑满出狱" in row["text"]
    assert "责任编辑" not in row["text"]


@pytest.mark.parametrize(
    ("case", "phrase"),
    [("gbk_right", "麒麟990"), ("gbk_wrong", "汲斌昌受贿"), ("gb18030_missing", "首席投资官")],
)
def test_chinese_legacy_encodings_are_decoded_without_mojibake(day: BadDay, case: str, phrase: str) -> None:
    row = article_rows(day.db_url)[canonical(case)]
    assert phrase in row["text"]
    assert not [m for m in MOJIBAKE if m in row["text"] or m in row["title"]]


@pytest.mark.parametrize(
    ("case", "title", "phrase"),
    [
        ("codec_charset", "人民币中间价创逾五年新低 做市商称符合预期", "三菱东京日联银行"),
        ("utf16_bom", "创业环保第一季度报告会计差错的提示性公告", "天津创业环保股份有限公司"),
        ("mixed_encodings", "四年前中500万现穷困潦倒 一夜暴富后如何经营", "一个穷光蛋成为百万富翁"),
        ("roll_codec_charset", "拿出10万元投资房产 小两口尝试以钱生钱(图)", "精打细算"),
    ],
)
def test_charsets_that_name_no_text_encoding_or_lie_are_decoded(
    day: BadDay, case: str, title: str, phrase: str
) -> None:
    # Codec names (rot13, hex, base64) as charsets, a UTF-16 BOM under a GBK label, a UTF-8 head on a GBK page.
    row = article_rows(day.db_url)[canonical(case)]
    assert (row["title"], phrase in row["text"]) == (title, True)
    assert not [m for m in MOJIBAKE if m in row["text"] or m in row["title"]]


def test_control_characters_after_comments_are_cleaned_not_fatal(day: BadDay) -> None:
    # A vertical tab after an HTML comment used to crash the clean pipeline ("All strings must be XML compatible").
    row = article_rows(day.db_url)[canonical("control_chars")]
    assert "制造业带动电力消费快速增长" in row["text"] and "少数非高耗能行业能耗降幅较大" in row["text"]
    assert not [c for c in "\x0b\x01" if c in row["text"] or c in row["html"]]


def test_sina_editor_is_stored_not_the_xinhua_footer_editor(day: BadDay) -> None:
    row = article_rows(day.db_url)[canonical("xinhua_editor")]
    assert row["editor"] == "张亚楠"
    assert "薛涛" not in row["text"]


# -- article pages that must be dropped, counted and logged --------------------------------------------------------


def test_empty_page_is_dropped_with_a_reason(day: BadDay) -> None:
    assert canonical("empty") not in stored_urls(day.db_url)
    assert day.result.stat("carbonwatch/drop/article_not_html") >= 1
    assert "article dropped (not_html) at " + CASES["empty"]["url"] in day.result.log


def test_page_over_the_parse_budget_is_dropped_with_a_reason(day: BadDay) -> None:
    # <!--x-->尾 x 100k has 100k tags, twice the default budget of 50k: dropped before parsing, counted, logged.
    assert canonical("comment_flood") not in stored_urls(day.db_url)
    assert day.result.stat("carbonwatch/drop/article_too_complex") == 1
    assert "article dropped (too_complex)" in day.result.log


def test_comment_flood_is_parsed_in_seconds_with_the_budget_off(tmp_path: Path) -> None:
    # The same page through the whole engine with no budget: it froze a crawl for 14 minutes before the
    # linear-time parsing and cleaning (issue 15 #4); the bound is generous for a loaded machine.
    root = copy_corpus(tmp_path)
    db_url = f"sqlite:///{tmp_path / 'flood.db'}"
    with recording_server(root) as server:
        start = time.monotonic()
        result = run_sina(
            server, tmp_path, db_url, [CASES["comment_flood"]["lid"]], {"CARBONWATCH_PARSE_MAX_TAGS": "0"}
        )
        elapsed = time.monotonic() - start
    assert result.returncode == 0, result.log[-2000:]
    assert article_rows(db_url)[canonical("comment_flood")]["text"].count("尾") == FLOOD_REPEATS
    assert elapsed < 60


def test_binary_served_as_html_is_dropped_with_a_reason(day: BadDay) -> None:
    assert canonical("binary") not in stored_urls(day.db_url)
    assert day.result.stat("carbonwatch/drop/article_no_body") + day.result.stat("carbonwatch/drop/article_not_html")
    assert "doc-ibadbinary01" in day.result.log


def test_page_over_download_maxsize_is_cancelled_and_counted(day: BadDay) -> None:
    assert canonical("huge") not in stored_urls(day.db_url)
    assert len(day.hits_for("huge")) == 1  # not retried: the size would not change
    assert "larger than download max size" in day.result.log
    assert any(k.startswith("carbonwatch/errors/") and "cancel" in k for k in day.result.stats)


def test_redirect_to_another_domain_is_not_followed(day: BadDay) -> None:
    assert not [h for h in day.hits if h.path.startswith("/evil.example.com/")]
    assert day.result.stat("carbonwatch/drop/redirect_offsite") == 1
    assert canonical("redirect_offsite") not in stored_urls(day.db_url)


def test_redirect_loop_ends_after_a_bounded_number_of_requests(day: BadDay) -> None:
    loop = [h for h in day.hits if "doc-ibadloop" in h.path]
    assert 2 <= len(loop) <= 6
    assert day.result.stat("carbonwatch/drop/redirect_loop") == 1
    assert canonical("redirect_loop") not in stored_urls(day.db_url)


def test_403_is_not_retried_and_is_counted(day: BadDay) -> None:
    assert len(day.hits_for("forbidden")) == 1
    assert day.result.stat("carbonwatch/errors/http_403") == 1
    assert "request failed (http_403): " + CASES["forbidden"]["url"] in day.result.log


def test_429_retry_after_is_honoured(day: BadDay) -> None:
    hits = day.hits_for("rate_limited")
    gaps = [b.at - a.at for a, b in pairwise(hits)]
    assert len(hits) == 3  # the first try and two waits of Retry-After: 2
    assert min(gaps) >= 1.8


def test_429_retry_after_is_bounded_and_counted(day: BadDay) -> None:
    assert len(day.hits_for("rate_limited_long")) == 1  # a day-long Retry-After is not waited out
    assert day.result.stat("carbonwatch/errors/retry_after_exceeded") >= 1
    assert "asks to wait 86400 s" in day.result.log


def test_5xx_is_retried_then_counted(day: BadDay) -> None:
    assert len(day.hits_for("server_error")) == 3  # RETRY_TIMES = 2
    assert day.result.stat("retry/max_reached") >= 1
    assert day.result.stat("carbonwatch/errors/http_500") == 1


def test_timeout_is_retried_then_counted_as_timeout(day: BadDay) -> None:
    assert len(day.hits_for("timeout")) == 3
    assert canonical("timeout") not in stored_urls(day.db_url)
    assert day.result.stat("carbonwatch/errors/timeout") == 1


def test_robots_txt_disallowed_article_is_never_requested(day: BadDay) -> None:
    assert day.hits_for("robots") == []
    assert day.result.stat("robotstxt/forbidden") >= 1
    assert canonical("robots") not in stored_urls(day.db_url)


# -- roll API replies ------------------------------------------------------------------------------------------


def test_roll_reply_in_html_is_dropped_with_a_reason(day: BadDay) -> None:
    assert day.result.stat("carbonwatch/drop/roll_not_json") == 1
    assert "lid=9201" in day.result.log


def test_truncated_roll_json_is_dropped_and_nothing_is_guessed_from_it(day: BadDay) -> None:
    assert day.result.stat("carbonwatch/drop/roll_truncated") == 1
    assert day.hits_for("roll_truncated") == []


def test_roll_status_error_is_dropped_and_its_links_not_followed(day: BadDay) -> None:
    assert day.result.stat("carbonwatch/drop/roll_status_error") == 1
    assert day.hits_for("roll_status_code") == []


def test_roll_entries_missing_fields_are_skipped_and_the_rest_stored(day: BadDay) -> None:
    assert day.result.stat("carbonwatch/drop/roll_item_no_url") >= 2
    assert canonical("roll_missing_fields") in article_rows(day.db_url)


def test_roll_reply_without_data_is_dropped_with_a_reason(day: BadDay) -> None:
    assert day.result.stat("carbonwatch/drop/roll_missing_field") == 1
    assert "no 'result.data' list" in day.result.log


def test_one_article_failing_with_5xx_does_not_fail_the_run(tmp_path: Path) -> None:
    # extensions.summarise_stats: "a few article pages ... are counted as errors but do not fail the run".
    root = copy_corpus(tmp_path)
    db_url = f"sqlite:///{tmp_path / 'carbonwatch.db'}"
    with recording_server(root) as server:
        result = run_sina(server, tmp_path, db_url, [GOOD_LID, CASES["server_error"]["lid"]])
    run = run_rows(db_url)[-1]
    assert result.returncode == 0
    assert {e.get("kind") for e in run["errors"]} >= {"http_500"}
    assert (run["status"], run["exit_code"]) == ("success", 0)
