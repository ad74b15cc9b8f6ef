"""NDRC list and detail parsers on the hand-built snapshot pages."""

from __future__ import annotations

import pytest

from crawler.parsers import ndrc
from crawler.parsers.govmeta import GovDocument, ListPage
from tests.helpers import FIXTURES

SITE = FIXTURES / "ndrc" / "www.ndrc.gov.cn"
COLUMN = "https://www.ndrc.gov.cn/xxgk/zcfb/tz/"
DETAIL = COLUMN + "202202/t20220210_1315001.html"


@pytest.fixture(scope="module")
def listing() -> ListPage:
    return ndrc.parse_list((SITE / "xxgk/zcfb/tz/index.html").read_text("utf-8"), COLUMN)


@pytest.fixture(scope="module")
def doc() -> GovDocument:
    return ndrc.parse_article((SITE / "xxgk/zcfb/tz/202202/t20220210_1315001.html").read_text("utf-8"), DETAIL)


def test_list_links_are_absolute(listing: ListPage) -> None:
    assert listing.entries[0].url == DETAIL


def test_list_skips_empty_items(listing: ListPage) -> None:
    assert len(listing.entries) == 3


def test_list_reads_the_date_span(listing: ListPage) -> None:
    assert listing.entries[0].date_raw == "2022/02/10"


def test_list_reads_the_trs_pager(listing: ListPage) -> None:
    assert (listing.page_count, listing.page_prefix, listing.page_ext) == (2, "index", "html")
    assert listing.next_url is None


def test_title_from_meta(doc: GovDocument) -> None:
    assert doc.title == "国家发展改革委 国家能源局关于做好重点领域碳达峰工作的通知"


def test_column_and_content_source(doc: GovDocument) -> None:
    assert doc.meta["column"] == "通知"
    assert doc.media == "环资司"


def test_body_is_the_trs_editor_only(doc: GovDocument) -> None:
    assert doc.body_html.startswith('<div class="TRS_Editor">')
    assert "字体" not in doc.body_html
    assert "主办单位" not in doc.body_html


def test_doc_number_from_body(doc: GovDocument) -> None:
    assert doc.meta["doc_number"] == "发改环资〔2022〕1234号"


def test_joint_issuer_from_signature(doc: GovDocument) -> None:
    assert doc.meta["issuer"] == "国家发展改革委、国家能源局"


def test_attachment_recorded_once(doc: GovDocument) -> None:
    assert doc.attachments == [
        {
            "name": "重点领域碳达峰实施要点.pdf",
            "url": COLUMN + "202202/P020220210563412345678.pdf",
            "type": "pdf",
        }
    ]


def test_press_conference_without_number_defaults_to_ndrc() -> None:
    page = (SITE / "xwdt/xwfb/202111/t20211116_1304110.html").read_text("utf-8")
    doc = ndrc.parse_article(page, "https://www.ndrc.gov.cn/xwdt/xwfb/202111/t20211116_1304110.html")
    assert "doc_number" not in doc.meta
    assert doc.meta["issuer"] == "国家发展改革委"


def test_page_without_body_gives_empty_body() -> None:
    doc = ndrc.parse_article("<html><head><title>404</title></head><body>页面不存在</body></html>", DETAIL)
    assert doc.body_html == ""
    assert doc.attachments == []
