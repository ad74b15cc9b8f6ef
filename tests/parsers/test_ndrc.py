"""NDRC list and detail parsers on pages in the documented markup (u-list rows, meta tags, TRS body)."""

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


def test_list_title_from_the_title_attribute() -> None:
    html = '<ul class="u-list"><li><a href="./t1.html" title="完整标题">截断…</a><span>2022/01/05</span></li></ul>'
    assert [e.title for e in ndrc.parse_list(html, COLUMN).entries] == ["完整标题"]


def test_list_without_a_pager_asks_for_the_next_index_page(listing: ListPage) -> None:
    assert (listing.page_count, listing.next_url, listing.guess_next) == (None, None, True)
    assert (listing.page_prefix, listing.page_ext) == ("index", "html")


def test_list_reads_a_trs_pager_when_there_is_one() -> None:
    html = '<ul class="u-list"><li><a href="./t1.html">通知</a></li></ul><script>var countPage = 3 //共多少页</script>'
    page = ndrc.parse_list(html, COLUMN)
    assert (page.page_count, page.guess_next) == (3, False)


def test_list_leaves_out_links_to_attachments() -> None:
    page = ndrc.parse_list((SITE / "xxgk/zcfb/tz/index_1.html").read_text("utf-8"), COLUMN + "index_1.html")
    assert [e.url.rsplit("/", 1)[1] for e in page.entries] == ["t20220105_1311004.html"]


def test_title_from_meta(doc: GovDocument) -> None:
    assert doc.title == "国家发展改革委 国家能源局关于做好重点领域碳达峰工作的通知"


def test_column_and_content_source(doc: GovDocument) -> None:
    assert doc.meta["column"] == "通知"
    assert doc.media == "环资司"


def test_body_is_the_trs_editor_only(doc: GovDocument) -> None:
    assert doc.body_html.startswith('<div class="TRS_Editor">')
    assert "重点领域碳达峰实施要点.pdf" not in doc.body_html


def test_date_from_pubdate(doc: GovDocument) -> None:
    assert doc.published_raw == "2022-02-10 16:30:00"
    assert doc.missing() == []


def test_title_falls_back_to_the_title_tag_without_the_site_name() -> None:
    html = "<html><head><title>某某通知-国家发展和改革委员会</title></head><body></body></html>"
    assert ndrc.parse_article(html, DETAIL).title == "某某通知"


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
