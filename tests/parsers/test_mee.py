"""MEE parsers on pages in the documented markup: cjcx list rows, the countPage pager, neiright pages, file rows."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.parsers import mee
from crawler.parsers.govmeta import GovDocument, ListPage
from crawler.parsers.sina import decode_html
from tests.helpers import FIXTURES

SITE = FIXTURES / "mee" / "www.mee.gov.cn"
COLUMN = "https://www.mee.gov.cn/ywdt/xwfb/"
WEEKLY = COLUMN + "202204/t20220417_974894.shtml"
FILE = "https://www.mee.gov.cn/zcwj/bwj/202110/t20211027_958031.shtml"


def _page(url: str) -> str:
    return (SITE / url.split("www.mee.gov.cn/", 1)[1]).read_text("utf-8")


@pytest.fixture(scope="module")
def listing() -> ListPage:
    return mee.parse_list((SITE / "ywdt/xwfb/index.html").read_text("utf-8"), COLUMN)


@pytest.fixture(scope="module")
def news() -> GovDocument:
    return mee.parse_article(_page(WEEKLY), WEEKLY)


@pytest.fixture(scope="module")
def document() -> GovDocument:
    return mee.parse_article(_page(FILE), FILE)


def test_list_entries_from_cjcx_rows(listing: ListPage) -> None:
    assert [(e.url, e.date_raw) for e in listing.entries] == [
        (WEEKLY, "2022-04-17"),
        (COLUMN + "202203/t20220315_971460.shtml", "2022-03-15"),
    ]


def test_list_title_is_the_link_not_the_summary(listing: ListPage) -> None:
    assert listing.entries[0].title == "生态环境部一周要闻（4.10-4.16）"


def test_list_reads_the_count_page_pager(listing: ListPage) -> None:
    assert (listing.page_count, listing.page_prefix, listing.page_ext) == (2, "index", "shtml")


def test_list_rows_with_a_date_element() -> None:
    page = mee.parse_list((SITE / "zcwj/bwj/index.html").read_text("utf-8"), "https://www.mee.gov.cn/zcwj/bwj/")
    assert [(e.url, e.date_raw) for e in page.entries] == [(FILE, "2021-10-27")]


@pytest.mark.parametrize(
    "html",
    [
        '<div class="mobile_none"><ul><li><a class="cjcx_biaob" href="./202204/t20220412_974422.shtml">部常务会议</a>'
        "</li></ul></div>",
        '<ul id="div"><li><a href="./202204/t20220412_974422.shtml">部常务会议</a></li></ul>',
    ],
)
def test_other_documented_list_rows(html: str) -> None:
    page = mee.parse_list(html, "https://www.mee.gov.cn/ywdt/hjywnews/")
    assert [e.url for e in page.entries] == ["https://www.mee.gov.cn/ywdt/hjywnews/202204/t20220412_974422.shtml"]


def test_list_ignores_links_that_are_not_documents() -> None:
    html = '<div class="mobile_none"><ul><li><a href="../../zcwj/">政策文件</a></li></ul></div>'
    assert mee.parse_list(html, COLUMN).entries == []


def test_title_from_meta(news: GovDocument) -> None:
    assert news.title == "生态环境部一周要闻（4.10-4.16）"


def test_date_from_pubdate_to_the_second(news: GovDocument) -> None:
    assert news.published_raw == "2022-04-17 14:46:00"
    assert news.published_at == datetime(2022, 4, 17, 6, 46, tzinfo=UTC)


def test_body_is_the_trs_editor_of_the_content_block(news: GovDocument) -> None:
    assert news.body_html.startswith('<div class="TRS_Editor">')
    assert "大气环境监测卫星" in news.body_html
    assert "打印" not in news.body_html
    assert "分享到" not in news.body_html


def test_source_and_column(news: GovDocument) -> None:
    assert (news.media, news.meta["column"]) == ("生态环境部", "新闻发布")


def test_page_without_meta_tags_falls_back_to_the_page_heading_and_date_line() -> None:
    html = _page(WEEKLY)
    for name in ("ArticleTitle", "PubDate", "ContentSource"):
        html = html.replace(f'name="{name}"', 'name="x"')
    doc = mee.parse_article(html, WEEKLY)
    assert (doc.title, doc.published_raw, doc.media) == ("生态环境部一周要闻（4.10-4.16）", "2022-04-17", "生态环境部")


def test_document_rows(document: GovDocument) -> None:
    assert document.meta["issuer"] == "生态环境部"
    assert document.written_at == datetime(2021, 10, 24, 16, 0, tzinfo=UTC)


def test_document_number_from_the_body(document: GovDocument) -> None:
    assert document.meta["doc_number"] == "环办环评函〔2021〕471号"


def test_document_attachment_inside_body(document: GovDocument) -> None:
    assert [a["type"] for a in document.attachments] == ["docx"]


def test_gb_encoded_page_decodes() -> None:
    # Robustness only: the real pages in the evidence are UTF-8; an older page in GB2312 must still parse.
    raw = _page(WEEKLY).replace('charset="UTF-8"', 'charset="gb2312"').encode("gb18030")
    assert mee.parse_article(decode_html(raw, None), WEEKLY).title == "生态环境部一周要闻（4.10-4.16）"


def test_page_without_the_markup_reports_what_is_missing() -> None:
    assert mee.parse_article("<html><body><div>新版页面</div></body></html>", WEEKLY).missing() == [
        "title",
        "date",
        "body",
    ]
