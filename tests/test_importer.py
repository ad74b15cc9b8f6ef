"""Importer helpers (pure): which files are imported, how each kind becomes items."""

from __future__ import annotations

from pathlib import Path

import pytest

from carbonwatch.importer import ImportFileError, expand_paths, file_kind, items_from_file, post_key
from tests.helpers import FIXTURES

POST = FIXTURES / "posts" / "央行推出碳减排支持工具.md"
PAGE = FIXTURES / "sina_finance" / "article_finance_2018.html"
ATOM = FIXTURES / "feed" / "feeds.example.cn" / "policy.atom"


@pytest.mark.parametrize(
    ("name", "head", "kind"),
    [
        ("a.md", b"\n---\ntitle: x", "post"),
        ("a.atom", b"<?xml version='1.0'?><feed>", "feed"),
        ("finance", b"<?xml version='1.0'?><rss version='2.0'>", "feed"),
        ("a.shtml", b"<!DOCTYPE html><html>", "page"),
        ("noext", b"<html><head>", "page"),
        ("a.bin", b"\x89PNG\r\n", "unknown"),
    ],
)
def test_file_kind(name: str, head: bytes, kind: str) -> None:
    assert file_kind(Path(name), head) == kind


def test_expand_paths_walks_directories_and_drops_repeats(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("x")
    (tmp_path / "sub" / "notes.txt").write_text("x")
    found = expand_paths([tmp_path, tmp_path / "sub" / "a.md"])
    assert found == [tmp_path / "sub" / "a.md"]


def test_post_becomes_one_item_with_a_stable_key() -> None:
    (item,) = items_from_file(POST)
    assert item.title == "央行推出碳减排支持工具"
    assert item.canonical_url == post_key(item.title, item.published_raw)
    assert item.canonical_url.startswith("urn:carbonwatch:post:")
    assert item.published_raw and "GMT" in item.published_raw


def test_saved_page_uses_its_og_url() -> None:
    (item,) = items_from_file(PAGE)
    assert item.url == "https://finance.sina.com.cn/roll/2018-12-28/doc-ihqfskcn2160999.shtml"
    assert item.doc_id == "ihqfskcn2160999"
    assert item.body_html


def test_saved_page_url_can_be_given() -> None:
    (item,) = items_from_file(PAGE, "https://finance.sina.com.cn/2018-12-28/doc-ihqfskcn2160999.shtml")
    assert item.url == "https://finance.sina.com.cn/2018-12-28/doc-ihqfskcn2160999.shtml"


def test_feed_entries_become_items() -> None:
    items = {i.title: i for i in items_from_file(ATOM)}
    absolute = items["生态环境部通报全国碳市场配额清缴进展"]
    assert absolute.canonical_url == "https://feeds.example.cn/articles/1002.html"
    # a relative link cannot be resolved without the feed's real URL: keyed like a post, no file:// address
    relative = items["国家发展改革委 国家能源局关于做好重点领域碳达峰工作的通知"]
    assert relative.canonical_url.startswith("urn:carbonwatch:post:")
    assert not relative.url.startswith("file:")


def test_undated_feed_entry_without_a_web_link_keeps_its_key(tmp_path: Path) -> None:
    feed = tmp_path / "undated.rss"
    feed.write_text(
        "<rss version='2.0'><channel><item><title>碳市场通知</title><link>notes/1.html</link>"
        "<description>正文</description></item></channel></rss>",
        encoding="utf-8",
    )
    (item,) = items_from_file(feed)
    # keys already stored for such entries were made from the text "None": they must not change
    assert item.canonical_url == post_key("碳市场通知", "None")
    assert item.published_raw is None
    assert item.body_html == "正文"


def test_unknown_file_is_refused_with_a_reason(tmp_path: Path) -> None:
    blob = tmp_path / "x.bin"
    blob.write_bytes(b"\x00\x01")
    with pytest.raises(ImportFileError) as err:
        items_from_file(blob)
    assert err.value.reason == "unknown_kind"


def test_saved_government_page_is_read_by_its_sites_parser() -> None:
    page = FIXTURES / "gov_cn" / "www.gov.cn" / "zhengce/content/202607/content_7075101.htm"
    (item,) = items_from_file(page, "https://www.gov.cn/zhengce/content/202607/content_7075101.htm")
    assert (item.source, item.meta["parser"], item.meta["doc_number"]) == ("import", "gov_cn", "国发〔2026〕12号")
    assert item.published_at is not None and item.published_at.isoformat() == "2026-07-12T01:37:43+00:00"


def test_saved_mee_page_finds_its_own_url() -> None:
    page = FIXTURES / "mee" / "www.mee.gov.cn" / "ywdt/xwfb/202204/t20220417_974894.shtml"
    (item,) = items_from_file(page)
    assert item.url == "http://www.mee.gov.cn/ywdt/xwfb/202204/t20220417_974894.shtml"
    assert item.canonical_url == "https://www.mee.gov.cn/ywdt/xwfb/202204/t20220417_974894.shtml"
    assert item.meta["parser"] == "mee"


def test_saved_page_read_with_a_configured_source() -> None:
    from crawler.sources import load_sources

    src = next(s for s in load_sources(FIXTURES / "site" / "sources.toml") if s.name == "province-fgw")
    page = FIXTURES / "site" / "fgw.example.gov.cn" / "zcfg/202202/t20220210_099.html"
    (item,) = items_from_file(page, "https://fgw.example.gov.cn/zcfg/202202/t20220210_099.html", src)
    assert (item.source, item.meta["parser"], item.meta["region"]) == ("import", "province-fgw", "某省")
    assert item.doc_id == "t20220210_099"
