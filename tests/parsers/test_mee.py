"""MEE parsers, including GB18030 pages declared by <meta> only or not at all (decoded by decode_html)."""

from __future__ import annotations

import pytest

from crawler.parsers import mee
from crawler.parsers.sina import decode_html
from tests.helpers import FIXTURES

SITE = FIXTURES / "mee" / "www.mee.gov.cn"
META_ONLY = SITE / "ywdt/xwfb/202203/t20220315_971460.shtml"
UNDECLARED = SITE / "ywdt/xwfb/202203/t20220301_970511.shtml"


def test_fixtures_are_not_utf8() -> None:
    for path in (META_ONLY, UNDECLARED):
        with pytest.raises(UnicodeDecodeError):
            path.read_bytes().decode("utf-8")


def test_meta_declared_gb2312_page_decodes() -> None:
    doc = mee.parse_article(decode_html(META_ONLY.read_bytes(), None), "https://www.mee.gov.cn/x.shtml")
    assert doc.title == "生态环境部召开3月例行新闻发布会"
    assert "碳排放权交易市场" in doc.body_html


def test_undeclared_gb18030_page_decodes() -> None:
    doc = mee.parse_article(decode_html(UNDECLARED.read_bytes(), None), "https://www.mee.gov.cn/x.shtml")
    assert doc.title == "生态环境部通报全国碳市场配额清缴进展"
    assert doc.published_raw == "2022-03-01 09:30"
    assert doc.media == "应对气候变化司"


def test_list_in_gb18030_with_shtml_pager() -> None:
    page = mee.parse_list(
        decode_html((SITE / "ywdt/xwfb/index.html").read_bytes(), None), "https://www.mee.gov.cn/ywdt/xwfb/"
    )
    assert page.entries[0].title == "生态环境部召开3月例行新闻发布会"
    assert page.page_ext == "shtml"


def test_document_metadata_list() -> None:
    html = (SITE / "zcwj/bwj/202110/t20211027_958031.shtml").read_text("utf-8")
    doc = mee.parse_article(html, "https://www.mee.gov.cn/zcwj/bwj/202110/t20211027_958031.shtml")
    assert doc.meta["doc_number"] == "环办环评函〔2021〕471号"
    assert doc.meta["index_no"] == "000014672/2021-00999"
    assert doc.written_at is not None
    assert "keywords" not in doc.meta


def test_document_attachment_inside_body() -> None:
    html = (SITE / "zcwj/bwj/202110/t20211027_958031.shtml").read_text("utf-8")
    doc = mee.parse_article(html, "https://www.mee.gov.cn/zcwj/bwj/202110/t20211027_958031.shtml")
    assert [a["type"] for a in doc.attachments] == ["docx"]
