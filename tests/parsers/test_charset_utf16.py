"""UTF-16 pages without a byte-order mark are decoded, not stored as mojibake (issue 15 #14)."""

from __future__ import annotations

import pytest

from crawler.parsers.charset import decode_text, sniff_utf16
from crawler.parsers.sina import decode_html, parse_article
from tests.helpers import FIXTURES

PAGE = (
    '<html><head><meta charset="utf-16"><title>碳达峰行动方案_新浪财经</title></head><body>'
    '<h1 class="main-title">国务院印发2030年前碳达峰行动方案</h1><div id="artibody"><p>'
    + "碳达峰碳中和工作稳步推进，能源结构持续优化。" * 20
    + "</p></div></body></html>"
)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_page_in_utf16_without_a_bom_is_decoded(encoding: str) -> None:
    assert decode_text(PAGE.encode(encoding)) == PAGE


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_its_article_text_is_read(encoding: str) -> None:
    article = parse_article(decode_html(PAGE.encode(encoding)), "https://finance.sina.com.cn/a/doc-iutf16.shtml")
    assert article.title == "国务院印发2030年前碳达峰行动方案"


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_ascii_compatible_pages_are_not_taken_for_utf16(encoding: str) -> None:
    assert sniff_utf16(PAGE.replace("utf-16", encoding).encode(encoding)) is None


def test_a_few_stray_zero_bytes_do_not_make_a_page_utf16() -> None:
    raw = (FIXTURES / "sina_finance" / "article_finance_2018.html").read_bytes()
    spiked = raw[:200] + b"\x00" + raw[200:400] + b"\x00\x00" + raw[400:]
    assert sniff_utf16(spiked) is None


@pytest.mark.parametrize("raw", [b"", b"\x00", b"<\x00", b"abc\x00"])
def test_short_inputs_are_not_judged(raw: bytes) -> None:
    assert sniff_utf16(raw) is None
