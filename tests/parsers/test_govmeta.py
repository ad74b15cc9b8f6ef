"""Shared government-page parsing: the 政府信息公开 table (on a real 吉林省 notice), dates, numbers, pagers."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from crawler.parsers import govmeta
from tests.helpers import FIXTURES

JILIN = FIXTURES / "gov_cn" / "jilin_notice.html"


@pytest.fixture(scope="module")
def jilin_meta() -> dict[str, str]:
    return govmeta.parse_meta_table(govmeta.parse_html(JILIN.read_text("utf-8")))


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("index_no", "11220000013544357T/2022-00426"),
        ("topic", "环境监测、保护与治理;通告"),
        ("issuer", "吉林省人民政府"),
        ("written_date", "2022年01月27日"),
        ("doc_number", "吉政明电〔2022〕1号"),
        ("published_date", "2022年01月28日"),
    ],
)
def test_real_table_field(jilin_meta: dict[str, str], key: str, value: str) -> None:
    assert jilin_meta[key] == value


def test_real_table_title_label_with_nbsp_padding(jilin_meta: dict[str, str]) -> None:
    assert jilin_meta["title"].startswith("吉林省人民政府关于禁止在吉林省嫩江干流")


def test_commented_out_and_script_rows_are_ignored(jilin_meta: dict[str, str]) -> None:
    assert "keywords" not in jilin_meta
    assert "validity" not in jilin_meta


@pytest.mark.parametrize(
    ("label", "expected"),
    [("索 \u00a0引 号：", "索引号"), ("标\u00a0\u00a0\u3000题：", "标题"), ("发文字号:", "发文字号")],
)
def test_normalize_label(label: str, expected: str) -> None:
    assert govmeta.normalize_label(label) == expected


def test_four_column_table_with_bold_labels() -> None:
    html = (
        "<table><tr><td><b>索 引 号：</b></td><td>000014349/2021-00112</td>"
        "<td><b>成文日期：</b></td><td>2021年10月24日</td></tr></table>"
    )
    meta = govmeta.parse_meta_table(govmeta.parse_html(html))
    assert meta == {"index_no": "000014349/2021-00112", "written_date": "2021年10月24日"}


def test_list_layout_with_span_labels() -> None:
    html = "<ul><li><span>文　　号：</span>环办环评函〔2021〕471号</li><li><span>主 题 词：</span></li></ul>"
    meta = govmeta.parse_meta_table(govmeta.parse_html(html))
    assert meta == {"doc_number": "环办环评函〔2021〕471号"}


def test_body_text_cells_are_not_labels() -> None:
    html = "<table><tr><td>发文机关要认真落实</td><td>各项要求</td></tr></table>"
    assert govmeta.parse_meta_table(govmeta.parse_html(html)) == {}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2022年01月27日", datetime(2022, 1, 26, 16, 0, tzinfo=UTC)),
        ("2021-11-16 10:30", datetime(2021, 11, 16, 2, 30, tzinfo=UTC)),
        ("发布时间：2022/02/10", datetime(2022, 2, 9, 16, 0, tzinfo=UTC)),
        ("2021-10-26 20:02:37", datetime(2021, 10, 26, 12, 2, 37, tzinfo=UTC)),
    ],
)
def test_parse_cn_date_is_beijing_time_in_utc(raw: str, expected: datetime) -> None:
    assert govmeta.parse_cn_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # gov.cn's firstpublishedtime meta (ids 62561786414, 69384194105 in shared/data/gov_evidence.md)
        ("2026-07-12-09:37:43", datetime(2026, 7, 12, 1, 37, 43, tzinfo=UTC)),
        ("2026-09-24-10:00:00", datetime(2026, 9, 24, 2, 0, tzinfo=UTC)),
    ],
)
def test_parse_cn_date_reads_a_hyphen_before_the_time(raw: str, expected: datetime) -> None:
    assert govmeta.parse_cn_date(raw) == expected


@pytest.mark.parametrize("raw", [None, "", "今天", "2022年13月40日"])
def test_parse_cn_date_rejects_non_dates(raw: str | None) -> None:
    assert govmeta.parse_cn_date(raw) is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("印发 发改环资〔2022〕1234号 通知", "发改环资〔2022〕1234号"),
        ("国发[2021]23号", "国发[2021]23号"),
        ("环办气候函〔 2021 〕 5号", "环办气候函〔2021〕5号"),
    ],
)
def test_find_doc_number(text: str, number: str) -> None:
    assert govmeta.find_doc_number(text) == number


def test_find_doc_number_ignores_plain_years() -> None:
    assert govmeta.find_doc_number("2022年工作要点第3号文件") is None


def test_guess_issuer_prefers_the_signature_block() -> None:
    text = "正文\n国家发展改革委\n国家能源局\n2022年2月8日"
    assert govmeta.guess_issuer(text, "发改环资〔2022〕1号") == "国家发展改革委、国家能源局"


def test_guess_issuer_falls_back_to_the_number_prefix() -> None:
    assert govmeta.guess_issuer("正文", "发改价格〔2022〕98号") == "国家发展改革委"
    assert govmeta.guess_issuer("正文", None) is None


def test_attachments_by_extension_and_container() -> None:
    html = (
        '<div class="attachment"><a href="./a.pdf">附件一</a><a href="/down?id=3">附件二</a></div>'
        '<p><a href="b.DOCX">表格</a><a href="page.html">相关阅读</a></p>'
    )
    found = govmeta.extract_attachments(govmeta.parse_html(html), "https://x.gov.cn/a/b/t1.html")
    assert [(a["name"], a["type"]) for a in found] == [("附件一", "pdf"), ("附件二", "link"), ("表格", "docx")]
    assert found[0]["url"] == "https://x.gov.cn/a/b/a.pdf"


def test_single_cell_label_and_value() -> None:
    html = "<table><tr><td>发文机关：国务院</td><td>主题分类：城乡建设、环境保护</td></tr></table>"
    meta = govmeta.parse_meta_table(govmeta.parse_html(html))
    assert meta == {"issuer": "国务院", "topic": "城乡建设、环境保护"}


def test_div_label_rows_without_colon() -> None:
    html = (
        '<div class="content_top_box"><div><span>生成日期</span>2021-10-25</div>'
        "<div><b>发布机关</b>生态环境部</div></div>"
    )
    meta = govmeta.parse_meta_table(govmeta.parse_html(html))
    assert meta == {"written_date": "2021-10-25", "issuer": "生态环境部"}


def test_wrapper_div_is_not_a_label_row() -> None:
    html = "<div><span>来源：</span>新闻办<div><p>正文很长的一段话</p></div></div>"
    assert govmeta.parse_meta_table(govmeta.parse_html(html)) == {}


def _list(script: str, url: str = "https://x.gov.cn/col/") -> govmeta.ListPage:
    html = f'<ul><li><a href="./t1.shtml">标题一</a><span>2022-04-17</span></li></ul><script>{script}</script>'
    return govmeta.parse_list(html, url, "//ul/li", page_ext="shtml")


def test_trs_count_page_pager() -> None:
    page = _list("var currentPage = 0;//所在页从0开始\nvar countPage = 27//共多少页")
    assert (page.page_count, page.page_prefix, page.page_ext) == (27, "index", "shtml")


def test_trs_count_page_takes_the_extension_of_the_page_url() -> None:
    assert _list("var countPage = 3 //共多少页", "https://x.gov.cn/col/index_1.html").page_ext == "html"


def test_create_page_html_pager_is_a_fallback() -> None:
    assert (_list('createPageHTML(4, 0, "index", "htm");').page_count, _list("").page_count) == (4, None)


def test_guess_next_only_without_a_pager() -> None:
    html = '<ul><li><a href="./t1.html">标题</a></li></ul>'
    assert govmeta.parse_list(html, "https://x.gov.cn/col/", "//ul/li", guess_next=True).guess_next is True
    counted = html + "<script>var countPage = 1 //共多少页</script>"
    assert govmeta.parse_list(counted, "https://x.gov.cn/col/", "//ul/li", guess_next=True).guess_next is False


def test_document_reports_missing_fields() -> None:
    doc = govmeta.GovDocument(url="https://x.gov.cn/t.html", title="", body_html="<div>正文</div>")
    assert doc.missing() == ["title", "date"]


def test_document_to_item_carries_the_trs_doc_id() -> None:
    url = "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202202/t20220210_1315001.html"
    item = govmeta.GovDocument(url=url, title="通知", body_html="<p>正文</p>", meta={"k": "v"}).to_item(url, "ndrc")
    assert (item.doc_id, item.source, item.canonical_url, item.meta) == ("t20220210_1315001", "ndrc", url, {"k": "v"})


@pytest.mark.parametrize(
    ("page", "url"),
    [(0, "https://x.gov.cn/col/index.html"), (2, "https://x.gov.cn/col/index_2.html")],
)
def test_paged_url(page: int, url: str) -> None:
    assert govmeta.paged_url("https://x.gov.cn/col/", page) == url


def test_body_text_survives_a_control_character_after_a_line_break() -> None:
    node = govmeta.parse_html("<div><p>第一行<br>&#11;第二行\x0b<br>\x01第三行</p></div>")
    assert govmeta.body_text(node).split("\n") == ["第一行", " 第二行 ", "第三行"]


def test_node_text_of_text_split_by_many_comments_in_linear_time() -> None:
    # 30k comment-separated text nodes: 25 s through the old .//text() XPath (issue 15 #4), milliseconds now.
    node = govmeta.parse_html("<div><script>x</script>" + "<!--x-->尾" * 30_000 + "</div>")
    start = time.process_time()
    text = govmeta.node_text(node)
    assert time.process_time() - start < 5.0
    assert text == "尾" * 30_000


def test_node_text_skips_scripts_styles_and_comments_but_keeps_their_tails() -> None:
    node = govmeta.parse_html("<div>甲<script>var a;</script>乙<style>p{}</style>丙<!--注释-->丁<b>戊</b>己</div>")
    assert govmeta.node_text(node) == "甲乙丙丁戊己"


def test_attachments_of_many_containers_in_linear_time() -> None:
    # 60k enclosure tables + 60k attachment blocks: the union of the two queries took about 11 s.
    root = govmeta.parse_html(
        "<div>" + "<table class='enclosure'></table><p class='attachment'></p>" * 60_000 + "</div>"
    )
    start = time.process_time()
    assert govmeta.extract_attachments(root, "https://x.gov.cn/a.html") == []
    assert time.process_time() - start < 5.0


def test_attachment_containers_keep_document_order() -> None:
    html = (
        "<div class='attachment'><a href='b.pdf'>乙</a></div>"
        "<table class='enclosure'><tr><td><a href='a.pdf'>甲</a></td></tr></table>"
    )
    found = govmeta.extract_attachments(govmeta.parse_html(html), "https://x.gov.cn/a.html")
    assert [f["name"] for f in found] == ["乙", "甲"]


def test_an_unparseable_link_does_not_lose_the_attachments_or_the_list() -> None:
    html = "<ul><li><a href='http://[x/a.pdf'>坏</a></li><li><a href='b.pdf' title='好'>好</a> 2022-01-05</li></ul>"
    root = govmeta.parse_html(html)
    assert [a["name"] for a in govmeta.extract_attachments(root, "https://x.gov.cn/c/")] == ["好"]
    page = govmeta.parse_list(html, "https://x.gov.cn/c/", "//li")
    assert [e.title for e in page.entries] == ["好"]
