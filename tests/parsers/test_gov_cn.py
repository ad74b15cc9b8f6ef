"""gov.cn parsers: the JSON column lists, both document templates, the 政策文件库 header table, the title cleaner."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.parsers import gov_cn
from crawler.parsers.govmeta import GovDocument, ListPage
from tests.helpers import FIXTURES

SITE = FIXTURES / "gov_cn" / "www.gov.cn"
FEED_URL = "https://www.gov.cn/zhengce/zuixin/ZUIXINZHENGCE.json"
CARBON_2021 = "https://www.gov.cn/zhengce/content/2021-10/26/content_5644984.htm"
TEMPLATE_A = "https://www.gov.cn/zhengce/content/202607/content_7075101.htm"
TEMPLATE_B = "https://www.gov.cn/zhengce/202607/content_7076696.htm"
ZHENGCEKU = "https://www.gov.cn/zhengce/zhengceku/2022-02/11/content_5673015.htm"


def _doc(url: str) -> GovDocument:
    return gov_cn.parse_article((SITE / url.split("www.gov.cn/", 1)[1]).read_text("utf-8"), url)


@pytest.fixture(scope="module")
def feed() -> ListPage:
    return gov_cn.parse_list((SITE / "zhengce/zuixin/ZUIXINZHENGCE.json").read_text("utf-8"), FEED_URL)


@pytest.fixture(scope="module")
def doc_a() -> GovDocument:
    return _doc(TEMPLATE_A)


@pytest.fixture(scope="module")
def doc_b() -> GovDocument:
    return _doc(TEMPLATE_B)


@pytest.fixture(scope="module")
def doc_2021() -> GovDocument:
    return _doc(CARBON_2021)


@pytest.fixture(scope="module")
def jilin() -> GovDocument:
    html = (FIXTURES / "gov_cn" / "jilin_notice.html").read_text("utf-8")
    return gov_cn.parse_article(html, "http://xxgk.jl.gov.cn/szf/gkml/202201/t20220128_8389416.html")


def test_json_list_entries_newest_first(feed: ListPage) -> None:
    assert [e.url for e in feed.entries[:2]] == [TEMPLATE_B, TEMPLATE_A]
    assert [e.date_raw for e in feed.entries] == ["2026-07-27", "2026-07-12", "2022-02-11", "2021-10-26"]


def test_json_list_skips_an_entry_without_title(feed: ListPage) -> None:
    assert not any("content_7075000" in e.url for e in feed.entries)


def test_json_list_is_taken_in_slices(feed: ListPage) -> None:
    assert feed.page_size == gov_cn.JSON_SLICE
    assert feed.next_url is None


def test_json_list_with_a_byte_order_mark() -> None:
    text = '\ufeff[{"TITLE": "通知", "URL": "/zhengce/content/202607/content_1.htm", "DOCRELPUBTIME": "2026-07-01"}]'
    page = gov_cn.parse_list(text, FEED_URL)
    assert [e.url for e in page.entries] == ["https://www.gov.cn/zhengce/content/202607/content_1.htm"]


def test_json_list_keeps_document_pages_only() -> None:
    text = (
        '[{"TITLE": "专题", "URL": "https://www.gov.cn/zhuanti/2026lh/index.htm", "DOCRELPUBTIME": "2026-03-05"},'
        '{"TITLE": "站外", "URL": "https://evil.example/zhengce/content_1.htm", "DOCRELPUBTIME": "2026-03-05"},'
        '{"TITLE": "要闻", "URL": "https://www.gov.cn/yaowen/liebiao/202603/content_7063001.htm"}]'
    )
    page = gov_cn.parse_list(text, "https://www.gov.cn/yaowen/liebiao/YAOWENLIEBIAO.json")
    assert [e.url for e in page.entries] == ["https://www.gov.cn/yaowen/liebiao/202603/content_7063001.htm"]


def test_json_of_another_shape_gives_no_entries() -> None:
    assert gov_cn.parse_list('{"items": []}', FEED_URL).entries == []


def test_column_shell_page_lists_nothing() -> None:
    html = (SITE / "zhengce/zuixin/index.html").read_text("utf-8")
    assert gov_cn.parse_list(html, "https://www.gov.cn/zhengce/zuixin/").entries == []


def test_html_category_list_keeps_document_links_only() -> None:
    html = (
        '<h4><a href="/zhengce/content/202607/content_7075101.htm">国务院关于印发方案的通知</a>'
        '<span class="date">2026-07-12</span></h4>'
        '<div class="subtitle"><a href="/zhengce/202607/content_7076696.htm" title="答记者问">答记者…</a></div>'
        '<h4><a href="/zhuanti/index.htm">专题</a></h4>'
    )
    page = gov_cn.parse_list(html, "https://www.gov.cn/zhengce/zhengceku/")
    assert [(e.url, e.title, e.date_raw) for e in page.entries] == [
        (TEMPLATE_A, "国务院关于印发方案的通知", "2026-07-12"),
        (TEMPLATE_B, "答记者问", None),
    ]


@pytest.mark.parametrize(
    ("column", "listed"),
    [
        ("https://www.gov.cn/zhengce/zuixin/", FEED_URL),
        ("https://www.gov.cn/zhengce/zuixin/index.htm", FEED_URL),
        ("https://www.gov.cn/yaowen/liebiao/", "https://www.gov.cn/yaowen/liebiao/YAOWENLIEBIAO.json"),
        (FEED_URL, FEED_URL),
        ("https://www.gov.cn/zhengce/zhengceku/", "https://www.gov.cn/zhengce/zhengceku/"),
    ],
)
def test_json_list_url(column: str, listed: str) -> None:
    assert gov_cn.json_list_url(column) == listed


def test_template_a_meta_table(doc_a: GovDocument) -> None:
    assert set(doc_a.meta) == {"index_no", "topic", "issuer", "written_date", "title", "doc_number", "published_date"}
    assert doc_a.meta["doc_number"] == "国发〔2026〕12号"


def test_template_a_published_at_is_the_first_publication_to_the_second(doc_a: GovDocument) -> None:
    assert doc_a.published_at == datetime(2026, 7, 12, 1, 37, 43, tzinfo=UTC)
    assert doc_a.published_raw == "2026年07月12日"


def test_template_a_written_date_kept_apart(doc_a: GovDocument) -> None:
    assert doc_a.written_at == datetime(2026, 7, 7, 16, 0, tzinfo=UTC)


def test_template_a_body_and_doc_id(doc_a: GovDocument) -> None:
    assert 'id="UCAP-CONTENT"' in doc_a.body_html
    assert "索引号" not in doc_a.body_html
    assert doc_a.doc_id == "content_7075101"


def test_template_a_nothing_missing(doc_a: GovDocument) -> None:
    assert doc_a.missing() == []


def test_template_b_title_from_h1_ti(doc_b: GovDocument) -> None:
    assert doc_b.title == "国家发展改革委有关负责人就完善碳排放统计核算体系答记者问"


def test_template_b_date_from_firstpublishedtime(doc_b: GovDocument) -> None:
    assert doc_b.published_raw == "2026-07-27-16:30:12"
    assert doc_b.published_at == datetime(2026, 7, 27, 8, 30, 12, tzinfo=UTC)


def test_template_b_source_from_pages_date(doc_b: GovDocument) -> None:
    assert doc_b.media == "新华社"


def test_template_b_has_no_table_metadata(doc_b: GovDocument) -> None:
    assert "doc_number" not in doc_b.meta
    assert doc_b.written_at is None


def test_template_b_keywords(doc_b: GovDocument) -> None:
    assert doc_b.keywords == ["碳排放", "统计核算"]


def test_json_list_summary(feed: ListPage) -> None:
    assert [e.summary for e in feed.entries[:2]] == [None, "部署节能降碳重点任务。"]


def test_template_b_body_without_page_furniture(doc_b: GovDocument) -> None:
    assert "碳排放统计核算" in doc_b.body_html
    assert "打印本页" not in doc_b.body_html


def test_td_body_and_nested_layout_table(doc_2021: GovDocument) -> None:
    assert doc_2021.body_html.startswith('<td id="UCAP-CONTENT">')
    assert doc_2021.meta["index_no"] == "000014349/2021-00112"


def test_editor(doc_2021: GovDocument) -> None:
    assert doc_2021.editor == "王洪声"


def test_policy_library_header_table() -> None:
    doc = _doc(ZHENGCEKU)
    assert (doc.meta["issuer"], doc.meta["doc_type"], doc.media) == ("生态环境部", "通知", "生态环境部网站")
    assert doc.written_at == datetime(2022, 2, 8, 16, 0, tzinfo=UTC)


def test_page_without_body_title_or_date_reports_them_missing() -> None:
    doc = gov_cn.parse_article("<html><body><div class='x'>改版后的页面</div></body></html>", TEMPLATE_A)
    assert doc.missing() == ["title", "date", "body"]


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("国务院关于印发行动方案的通知_国务院文件_中国政府网", "国务院关于印发行动方案的通知"),
        ("关于完善碳排放统计核算体系的意见_最新政策_中国政府网", "关于完善碳排放统计核算体系的意见"),
        ("水利部印发通知_水利_中国政府网", "水利部印发通知"),
        ("国务院常务会议_中国政府网", "国务院常务会议"),
        ("没有站名的标题_第二部分", "没有站名的标题_第二部分"),
    ],
)
def test_clean_title(raw: str, title: str) -> None:
    assert gov_cn.clean_title(raw) == title


def test_title_falls_back_to_the_cleaned_title_tag() -> None:
    html = "<html><head><title>某某通知_国务院文件_中国政府网</title></head><body><p>x</p></body></html>"
    assert gov_cn.parse_article(html, TEMPLATE_A).title == "某某通知"


def test_real_provincial_notice_table(jilin: GovDocument) -> None:
    assert jilin.meta["issuer"] == "吉林省人民政府"
    assert jilin.meta["doc_number"] == "吉政明电〔2022〕1号"
    assert jilin.written_at == datetime(2022, 1, 26, 16, 0, tzinfo=UTC)
    assert jilin.published_raw == "2022年01月28日"


def test_real_provincial_notice_body(jilin: GovDocument) -> None:
    assert "特此通告" in jilin.body_html
    assert "扫一扫" not in jilin.body_html
