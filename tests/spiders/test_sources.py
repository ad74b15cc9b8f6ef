"""Sources file loading and validation: clear errors for unknown keys, missing URLs, bad selectors, big files."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.sources import (
    MAX_SOURCES_BYTES,
    SourceError,
    download_slots,
    load_sources,
    parse_schedule,
    parse_sources,
    select_sources,
)

PROJECT = Path(__file__).resolve().parent.parent.parent
DEMO_SOURCES = PROJECT / "carbonwatch" / "demo" / "sources.toml"

SITE = """
[[source]]
name = "fgw"
kind = "site"
url = "https://fgw.example.gov.cn/zcfg/"
list_selector = "ul.news-list li a"
body_selector = "div.detail-content"
"""


def error_of(text: str) -> str:
    with pytest.raises(SourceError) as info:
        parse_sources(text, "s.toml")
    return str(info.value)


def test_valid_site_source() -> None:
    (src,) = parse_sources(SITE)
    assert src.urls == ("https://fgw.example.gov.cn/zcfg/",)
    assert src.domains == ("fgw.example.gov.cn",)
    assert src.render is False


def test_unknown_key_is_named_with_a_suggestion() -> None:
    message = error_of(SITE.replace("list_selector", "lst_selector"))
    assert "unknown key 'lst_selector'" in message
    assert "did you mean 'list_selector'" in message


def test_missing_url() -> None:
    assert "missing 'url'" in error_of('[[source]]\nname = "a"\nkind = "feed"\n')


def test_bad_selector() -> None:
    assert "'list_selector' is not a valid CSS selector" in error_of(SITE.replace("ul.news-list li a", "ul[[a"))


def test_non_http_url() -> None:
    assert "is not an http(s) URL" in error_of(SITE.replace("https://fgw", "file:///etc/fgw"))


def test_site_needs_a_body_selector() -> None:
    assert "needs 'body_selector'" in error_of(SITE.replace('body_selector = "div.detail-content"', ""))


def test_render_only_for_sites() -> None:
    assert "'render' applies to kind = 'site' only" in error_of(
        '[[source]]\nname = "a"\nkind = "feed"\nurl = "https://x.cn/f"\nrender = true\n'
    )


def test_duplicate_names() -> None:
    assert "duplicate source name 'fgw'" in error_of(SITE + SITE)


def test_not_toml() -> None:
    assert "not valid TOML" in error_of("[[source]\nname=")


def test_file_over_one_megabyte(tmp_path: Path) -> None:
    big = tmp_path / "sources.toml"
    big.write_text(SITE + "#" * (MAX_SOURCES_BYTES + 1), "utf-8")
    with pytest.raises(SourceError, match="larger than"):
        load_sources(big)


def test_no_path_means_no_sources() -> None:
    assert load_sources(None) == []


@pytest.mark.parametrize(
    ("value", "parsed"),
    [("30m", ("interval", 1800)), ("2h", ("interval", 7200)), ("*/15 * * * *", ("cron", "*/15 * * * *"))],
)
def test_schedule_forms(value: str, parsed: tuple[str, object]) -> None:
    assert parse_schedule(value) == parsed


@pytest.mark.parametrize("value", ["0m", "every hour", "61 * * * *"])
def test_bad_schedules(value: str) -> None:
    with pytest.raises(ValueError):
        parse_schedule(value)


def test_select_named_source_even_when_disabled() -> None:
    sources = parse_sources(SITE.replace('kind = "site"', 'kind = "site"\nenabled = false'))
    assert select_sources(sources, "site", None) == []
    assert [s.name for s in select_sources(sources, "site", "fgw")] == ["fgw"]


def test_select_unknown_source_lists_the_known_ones() -> None:
    with pytest.raises(SourceError, match="known site sources: fgw"):
        select_sources(parse_sources(SITE), "site", "nope")


def test_download_slots_per_source() -> None:
    (src,) = parse_sources(SITE + "download_delay = 2.5\nconcurrency = 1\n")
    assert download_slots([src]) == {"source:fgw": {"delay": 2.5, "concurrency": 1}}


def test_shipped_demo_sources_are_valid_and_the_rendered_roll_source_is_disabled() -> None:
    sources = {s.name: s for s in load_sources(DEMO_SOURCES)}
    assert sources["sina-roll"].render is True
    assert sources["sina-roll"].enabled is False


@pytest.mark.parametrize("expr", ["0 9 * * 7", "0 9 * * 0", "30 8 * * 1-5"])
def test_schedule_accepts_crontab_weekday_numbers(expr: str) -> None:
    # The daemon reads crontab's numbers (0 and 7 = Sunday); the sources file must accept the same lines.
    assert parse_schedule(expr) == ("cron", expr)
