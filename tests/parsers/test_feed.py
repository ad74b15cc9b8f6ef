"""RSS 2.0 and Atom parsing with lxml in safe mode (no entity expansion, no network)."""

from __future__ import annotations

import pytest

from crawler.parsers.feed import FeedEntry, FeedError, parse_feed
from tests.helpers import FIXTURES

RSS = FIXTURES / "feed" / "rsshub.app" / "sina" / "finance"
ATOM = FIXTURES / "feed" / "feeds.example.cn" / "policy.atom"


@pytest.fixture(scope="module")
def rss() -> list[FeedEntry]:
    return parse_feed(RSS.read_bytes(), "https://rsshub.app/sina/finance")


@pytest.fixture(scope="module")
def atom() -> list[FeedEntry]:
    return parse_feed(ATOM.read_bytes(), "https://feeds.example.cn/policy.atom")


def test_rss_entries(rss: list[FeedEntry]) -> None:
    assert len(rss) == 3
    assert rss[0].title == "发改委：工业、交通运输等领域碳达峰碳中和实施方案已编制完成"


def test_rss_fields(rss: list[FeedEntry]) -> None:
    entry = rss[0]
    assert entry.published_raw == "Tue, 16 Nov 2021 03:43:46 GMT"
    assert entry.author == "新浪财经"
    assert entry.categories == ["金融", "新浪财经－国內"]
    assert entry.content_html.startswith("<div><p")


def test_rss_guid_that_is_not_a_url(rss: list[FeedEntry]) -> None:
    assert rss[1].guid == "sina-finance-20210526-ikmxzfmm4871234"
    assert not rss[1].guid_is_url
    assert rss[0].guid_is_url


def test_atom_relative_link_resolved(atom: list[FeedEntry]) -> None:
    assert atom[0].link == "https://feeds.example.cn/articles/1001.html"


def test_atom_html_content_preferred_over_text_summary(atom: list[FeedEntry]) -> None:
    assert atom[0].content_html == "<p>国家发展改革委、国家能源局印发通知，要求做好重点领域碳达峰工作。</p>"
    assert atom[0].summary_html == "<p>发改环资〔2022〕1234号 通知要点 &amp; 解读</p>"


def test_atom_fields(atom: list[FeedEntry]) -> None:
    assert atom[0].published_raw == "2022-02-10T16:30:00+08:00"
    assert atom[0].author == "政策速递编辑部"
    assert atom[0].categories == ["碳达峰", "通知"]
    assert atom[0].guid == "tag:feeds.example.cn,2022:1001"


def test_atom_xhtml_content_is_inline_markup(atom: list[FeedEntry]) -> None:
    assert atom[1].content_html == "<div><p>全国碳排放权交易市场配额清缴工作总体进展顺利。</p></div>"
    assert atom[1].published_raw == "2022-03-01T09:30:00+08:00"


def test_str_input_with_encoding_declaration() -> None:
    entries = parse_feed(RSS.read_text("utf-8"), "https://rsshub.app/sina/finance")
    assert len(entries) == 3


def test_entities_are_not_expanded() -> None:
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b"<rss><channel><item><title>&b;&xxe;</title><link>https://x.cn/1</link></item></channel></rss>"
    )
    entries = parse_feed(evil, "https://x.cn/feed")
    assert "AAAA" not in entries[0].title
    assert "root:" not in entries[0].title


@pytest.mark.parametrize("data", [b"", b"<html><body>not a feed</body></html>", b"<rss><channel><item>"])
def test_not_a_feed(data: bytes) -> None:
    with pytest.raises(FeedError):
        parse_feed(data, "https://x.cn/feed")


CONTROL_FEED = (
    b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
    b"<item><title>first\x0bentry</title><link>https://x.cn/1</link>"
    b"<description>&lt;p&gt;a&lt;!--c--&gt;\x0b&amp;#11;b&#x1F;&lt;/p&gt;</description></item>"
    b"<item><title>second&#11;entry</title><link>https://x.cn/2</link></item>"
    b"<item><title>third</title><link>https://x.cn/3</link></item></channel></rss>"
)


def test_control_characters_do_not_lose_the_feed() -> None:
    entries = parse_feed(CONTROL_FEED, "https://x.cn/feed")
    assert [e.title for e in entries] == ["first entry", "secondentry", "third"]


def test_control_characters_removed_from_entry_content() -> None:
    content = parse_feed(CONTROL_FEED, "https://x.cn/feed")[0].content_html
    assert content == "<p>a<!--c--> &#11;b</p>"  # the escaped reference is HTML: the cleaner handles it


def test_control_characters_in_a_decoded_feed() -> None:
    entries = parse_feed(CONTROL_FEED.decode("utf-8"), "https://x.cn/feed")
    assert len(entries) == 3


def test_control_repair_does_not_hide_other_syntax_errors() -> None:
    with pytest.raises(FeedError, match="not well-formed"):
        parse_feed(b"<rss><channel><item>\x0b<title>x</item></channel></rss>", "https://x.cn/feed")


def test_utf16_feed_is_not_cut_bytewise() -> None:
    data = '<?xml version="1.0" encoding="utf-16"?><rss><channel><item><title>碳</title></item></channel></rss>'
    assert [e.title for e in parse_feed(data.encode("utf-16"), "https://x.cn/feed")] == ["碳"]


def test_unparseable_link_is_kept_as_written_for_the_spider_to_drop() -> None:
    data = b"<rss><channel><item><title>t</title><link>https://[x.cn/1</link><guid>https://[x.cn/1</guid></item>"
    data += b"<item><title>u</title><link>/2</link></item></channel></rss>"
    entries = parse_feed(data, "https://x.cn/feed")
    assert [e.link for e in entries] == ["https://[x.cn/1", "https://x.cn/2"]
    assert not entries[0].guid_is_url


DECLARED_FEED = (
    '<?xml version="1.0" encoding="{}"?><rss version="2.0"><channel><title>t</title>'
    "<item><title>碳达峰</title><link>https://x.cn/1</link></item>"
    "<item><title>碳中和</title><link>https://x.cn/2</link></item></channel></rss>"
)


@pytest.mark.parametrize("declared", ["hex", "rot13", "base64", "undefined", "x-nonsense", "utf-16", "gbk"])
def test_feed_declaring_a_codec_or_a_wrong_encoding_keeps_its_entries(declared: str) -> None:
    # UTF-8 bytes under an encoding declaration libxml2 cannot use (issue 15 #5): the feed used to be lost whole.
    entries = parse_feed(DECLARED_FEED.format(declared).encode("utf-8"), "https://x.cn/feed")
    assert [e.title for e in entries] == ["碳达峰", "碳中和"]


def test_gbk_feed_declared_utf8_keeps_its_entries() -> None:
    entries = parse_feed(DECLARED_FEED.format("utf-8").encode("gbk"), "https://x.cn/feed")
    assert [e.title for e in entries] == ["碳达峰", "碳中和"]
