"""Tests for crawler.parsers.sina: the roll API reply, article pages (desktop 2016-2024 and mobile), decoding."""

from __future__ import annotations

import codecs
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest

from crawler.parsers.sina import (
    ArticleParseError,
    RollApiError,
    SinaArticle,
    clean_title,
    decode_html,
    decode_text,
    parse_article,
    parse_editor,
    parse_roll_page,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "sina_finance"


@dataclass(frozen=True)
class Expected:
    """What SOURCES.md (and a reader of the page) says about one saved page."""

    url: str
    title: str
    published_raw: str
    display_date: str | None
    media: str
    editor: str | None
    editor_code: str | None
    doc_id: str
    body_start: str  # the first words of the article body
    keywords: tuple[str, ...]


PAGES: dict[str, Expected] = {
    "article_news_2019.html": Expected(
        "https://news.sina.com.cn/c/2019-11-25/doc-iihnzahi3275702.shtml",
        "中国人习以为常的地方 为何老外却说“了不得”？",
        "2019-11-25T18:57:38+08:00",
        "2019年11月25日 18:57",
        "参考消息",
        "张迪",
        None,
        "iihnzahi3275702",
        "“你们将开始明白为什么我这么喜欢中国",
        ("公园",),
    ),
    "article_finance_2018.html": Expected(
        "https://finance.sina.com.cn/roll/2018-12-28/doc-ihqfskcn2160999.shtml",
        '60万"12306账号"外泄? 中铁总辟谣称消息不实',
        "2018-12-28T19:56:29+08:00",
        "2018年12月28日 19:55",
        "新京报",
        "霍琦",
        None,
        "ihqfskcn2160999",
        "新京报快讯（记者 裴剑飞）",
        ("辟谣", "外泄", "账号"),
    ),
    "article_finance_usstock_2019.html": Expected(
        "https://finance.sina.com.cn/stock/usstock/c/2019-09-09/doc-iicezzrq4681677.shtml",
        "债券市场是否存在泡沫？世界知名首席投资官们这么说",
        "2019-09-09T20:52:38+08:00",
        "2019年09月09日 20:52",
        "新浪财经-自媒体综合",
        "郭明煜",
        None,
        "iicezzrq4681677",
        "随着低增长、低利率、低通胀成为新的常态",
        ("债券市场是否存在泡沫？世界知名首席投资官们这么说",),
    ),
    "article_tech_2019.html": Expected(
        "https://tech.sina.com.cn/t/2019-09-11/doc-iicezzrq4972166.shtml",
        "苹果发布新iPhone 11：64GB售5499元 256GB售6799元",
        "2019-09-11T01:53:41+08:00",
        "2019年09月11日01:53",
        "新浪科技",
        None,
        None,
        "iicezzrq4972166",
        "新浪科技讯 北京时间9月11日凌晨消息",
        ("苹果", "新品", "新iPhone", "苹果2019年秋季新品发布会"),
    ),
    "article_news_2019_hk.html": Expected(
        "https://news.sina.com.cn/c/2019-10-23/doc-iicezuev4202091.shtml",
        "陈同佳刑满出狱 向潘晓颖家人鞠躬致歉",
        "2019-10-23T09:10:42+08:00",
        "2019年10月23日 09:05",
        "环球网",
        "吴金明",
        None,
        "iicezuev4202091",
        "出狱了。",
        ("香港",),
    ),
    "article_news_2019_chip.html": Expected(
        "https://news.sina.com.cn/c/2019-09-07/doc-iicezzrq4076655.shtml",
        "最强“中国芯”本月商用 华为抢跑5G芯片大战",
        "2019-09-07T06:52:51+08:00",
        "2019年09月07日 04:04",
        "北京日报",
        "张申",
        None,
        "iicezzrq4076655",
        "用户对性能永无止境的追求",
        ("中国芯", "芯片"),
    ),
    "article_news_2024_trial.html": Expected(
        "https://news.sina.com.cn/o/2024-05-16/doc-inavmmfi1968342.shtml",
        "被控受贿超5.26亿 山东省青岛市政协原主席汲斌昌受审",
        "2024-05-16T17:02:38+08:00",
        "2024年05月16日 17:02",
        "新京报",
        "刘光博",
        None,
        "inavmmfi1968342",
        "据央视新闻消息，2024年5月16日",
        ("山东省", "青岛市", "无锡市"),
    ),
    "article_mobile.html": Expected(
        "https://finance.sina.cn/sa/2005-08-26/detail-ikknscsi2623250.d.html",
        "创业环保第一季度报告会计差错的提示性公告",
        "2005-08-26 05:39:00",
        "2005.08.26 05:39",
        "上海证券报网络版",
        None,
        None,
        "ikknscsi2623250",
        "天津创业环保股份有限公司(“本公司”)",
        (),
    ),
    "article_finance_2016.html": Expected(
        "http://finance.sina.com.cn/money/forex/forexroll/2016-05-25/doc-ifxsktkp9337164.shtml",
        "人民币中间价创逾五年新低 做市商称符合预期",
        "2016-05-25T10:10:19+08:00",
        "2016年05月25日10:10",
        "新浪财经",
        "支全明",
        "SF099",
        "ifxsktkp9337164",
        "新浪财经讯 5月25日上午消息",
        ("金融改革", "黄益平", "离岸人民币"),
    ),
    "article_news_2024_tram.html": Expected(
        "https://news.sina.com.cn/c/2024-05-10/doc-inausehc2630922.shtml",
        "城市有轨电车之困：一边争相上马，一边接连叫停",
        "2024-05-10T05:54:20+08:00",
        "2024年05月10日 00:26",
        "每日经济新闻",
        "刘德宾",
        None,
        "inausehc2630922",
        "建设4年、运营3年，又废弃3年",
        ("有轨电车", "珠海市", "轨道交通", "瑞丽市"),
    ),
}


@cache
def parsed(name: str) -> SinaArticle:
    """Parse each saved page once for the whole module."""
    return parse_article(decode_html((FIXTURES / name).read_bytes()), PAGES[name].url)


NAMES = sorted(PAGES)


@pytest.mark.parametrize("name", NAMES)
def test_title(name: str) -> None:
    assert parsed(name).title == PAGES[name].title
    assert "新浪" not in parsed(name).title


@pytest.mark.parametrize("name", NAMES)
def test_published_raw_prefers_machine_time(name: str) -> None:
    assert parsed(name).published_raw == PAGES[name].published_raw


@pytest.mark.parametrize("name", NAMES)
def test_display_date(name: str) -> None:
    assert parsed(name).display_date == PAGES[name].display_date


@pytest.mark.parametrize("name", NAMES)
def test_media(name: str) -> None:
    assert parsed(name).media == PAGES[name].media


@pytest.mark.parametrize("name", NAMES)
def test_editor_and_code(name: str) -> None:
    assert (parsed(name).editor, parsed(name).editor_code) == (PAGES[name].editor, PAGES[name].editor_code)


@pytest.mark.parametrize("name", NAMES)
def test_doc_id(name: str) -> None:
    assert parsed(name).doc_id == PAGES[name].doc_id


@pytest.mark.parametrize("name", NAMES)
def test_keywords(name: str) -> None:
    assert tuple(parsed(name).keywords) == PAGES[name].keywords
    assert "新闻" not in parsed(name).keywords


@pytest.mark.parametrize("name", NAMES)
def test_body_holds_the_article_and_not_the_page(name: str) -> None:
    body = parsed(name).body_html
    assert PAGES[name].body_start in body
    assert "<head" not in body
    assert "og:title" not in body


def test_mobile_doc_id_comes_from_url_even_without_docid_markup() -> None:
    html = decode_html((FIXTURES / "article_mobile.html").read_bytes())
    assert parse_article(html, PAGES["article_mobile.html"].url).doc_id == "ikknscsi2623250"


def test_doc_id_falls_back_to_markup_when_url_has_none() -> None:
    html = decode_html((FIXTURES / "article_finance_2016.html").read_bytes())
    assert parse_article(html, "http://127.0.0.1:8000/page.html").doc_id == "ifxsktkp9337164"


XINHUA_FOOTER_PAGE = (
    "<html><head><title>习近平在广东考察_新浪新闻</title></head><body><div id='artibody'>"
    "<p>　　新华社广州电 正文第一段。</p><p>　　正文第二段。</p>"
    "<div id='articleEdit'><span class='tiyi1'><a href='javascript:void(0);'>【纠错】</a></span>"
    "<span class='editor'>【责任编辑:薛涛】</span></div>"
    "<p>{sina_line}</p></div></body></html>"
)


@pytest.mark.parametrize("sina_line", ["责任编辑：张亚楠 ", "<span>责任编辑：张亚楠 </span>"])
def test_sina_editor_wins_over_the_xinhua_footer(sina_line: str) -> None:
    article = parse_article(XINHUA_FOOTER_PAGE.format(sina_line=sina_line), "https://news.sina.com.cn/x.shtml")
    assert (article.editor, article.editor_code) == ("张亚楠", None)


def test_xinhua_footer_alone_gives_the_name_without_its_bracket() -> None:
    article = parse_article(XINHUA_FOOTER_PAGE.format(sina_line=""), "https://news.sina.com.cn/x.shtml")
    assert article.editor == "薛涛"


def test_unparseable_og_url_does_not_lose_the_article() -> None:
    html = (
        "<html><head><meta property='og:url' content='https://[finance.sina.com.cn/x'><title>碳_新浪财经_新浪网</title>"
        "</head><body><div id='artibody'><p>正文</p></div></body></html>"
    )
    article = parse_article(html, "https://finance.sina.com.cn/x.shtml")
    assert (article.title, article.doc_id) == ("碳", None)


def test_page_without_body_raises_no_body() -> None:
    html = "<html><head><title>新浪财经</title></head><body><div id='nav'>导航</div></body></html>"
    with pytest.raises(ArticleParseError) as info:
        parse_article(html, "https://finance.sina.com.cn/x.shtml")
    assert info.value.reason == "no_body"


def test_page_without_title_raises_no_title() -> None:
    html = "<html><body><div id='artibody'><p>正文内容</p></div></body></html>"
    with pytest.raises(ArticleParseError) as info:
        parse_article(html, "https://finance.sina.com.cn/x.shtml")
    assert info.value.reason == "no_title"


@pytest.mark.parametrize("text", ["", "   ", '{"result": {}}'])
def test_non_html_raises_not_html(text: str) -> None:
    with pytest.raises(ArticleParseError) as info:
        parse_article(text, "https://finance.sina.com.cn/x.shtml")
    assert info.value.reason == "not_html"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("债券市场是否存在泡沫？_新浪财经_新浪网", "债券市场是否存在泡沫？"),
        ("陈同佳刑满出狱 向潘晓颖家人鞠躬致歉|香港_新浪新闻", "陈同佳刑满出狱 向潘晓颖家人鞠躬致歉"),
        ("创业环保第一季度报告会计差错的提示性公告_手机新浪网", "创业环保第一季度报告会计差错的提示性公告"),
        ("A|B 不是后缀", "A|B 不是后缀"),
    ],
)
def test_clean_title(raw: str, expected: str) -> None:
    assert clean_title(raw) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("责任编辑：李昂 ", ("李昂", None)),
        ("责任编辑：刘万里 SF014", ("刘万里", "SF014")),
        ("责任编辑：支全明SF099", ("支全明", "SF099")),
        ("责任编辑:\xa0张迪", ("张迪", None)),
        ("没有编辑行", (None, None)),
        # Xinhua's own footer in a story Sina took over: Sina's plain line is the editor, wherever it stands.
        ("【纠错】【责任编辑:薛涛】\n责任编辑：张亚楠 ", ("张亚楠", None)),
        ("责任编辑：张亚楠 SF001 【纠错】【责任编辑:薛涛】", ("张亚楠", "SF001")),
        ("【纠错】 【责任编辑: 薛涛 】", ("薛涛", None)),
        ("（责任编辑：王蒙）", ("王蒙", None)),
    ],
)
def test_parse_editor(line: str, expected: tuple[str | None, str | None]) -> None:
    assert parse_editor(line) == expected


# -- decoding --

GBK_PAGE = "<html><body><div id='artibody'><p>　　国家发改委：碳达峰碳中和实施方案已编制完成。</p></div></body></html>"


def test_decode_gbk_without_declaration() -> None:
    assert decode_html(GBK_PAGE.encode("gbk"), None) == GBK_PAGE


def test_decode_honours_header_encoding() -> None:
    assert decode_html(GBK_PAGE.encode("gb18030"), "GBK") == GBK_PAGE


def test_decode_honours_meta_charset() -> None:
    page = "<html><head><meta charset='gb2312'></head><body>碳排放</body></html>"
    assert decode_html(page.encode("gb2312"), None) == page


def test_decode_header_wins_over_meta() -> None:
    page = "<html><head><meta charset='gb2312'></head><body>碳排放</body></html>"
    assert decode_html(page.encode("utf-8"), "utf-8") == page


def test_decode_survives_a_lying_header() -> None:
    assert decode_html(GBK_PAGE.encode("gbk"), "utf-8") == GBK_PAGE


def test_decode_utf8_bom() -> None:
    assert decode_html("\ufeff<p>碳</p>".encode(), None) == "<p>碳</p>"


CODEC_PAGE = "<html><head><meta charset='{}'><title>碳排放</title></head><body><p>碳达峰</p></body></html>"
NOT_TEXT_ENCODINGS = ["hex", "rot13", "base64", "zlib", "bz2", "uu", "quopri", "undefined", "idna", "punycode"]


@pytest.mark.parametrize("codec", [*NOT_TEXT_ENCODINGS, "unicode_escape", "utf-7", "utf-16", "cp500", "nonsense"])
@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_decode_ignores_a_meta_charset_that_is_no_page_encoding(codec: str, encoding: str) -> None:
    page = CODEC_PAGE.format(codec)
    assert decode_html(page.encode(encoding), None) == page


@pytest.mark.parametrize("codec", NOT_TEXT_ENCODINGS)
@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_decode_ignores_a_header_charset_that_is_no_page_encoding(codec: str, encoding: str) -> None:
    assert decode_html(GBK_PAGE.encode(encoding), codec) == GBK_PAGE


@pytest.mark.parametrize("codec", NOT_TEXT_ENCODINGS)
def test_decode_text_of_a_roll_reply_with_a_codec_charset(codec: str) -> None:
    assert decode_text('{"title": "碳达峰"}'.encode(), codec) == '{"title": "碳达峰"}'


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_decode_byte_order_mark_wins_over_the_label(encoding: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    assert decode_html(bom + GBK_PAGE.encode(encoding), "gbk") == GBK_PAGE


def test_decode_utf8_bytes_labelled_gbk_are_utf8() -> None:
    assert decode_html(GBK_PAGE.encode("utf-8"), "gbk") == GBK_PAGE


def test_decode_gbk_page_with_a_utf8_title() -> None:
    head, body = (
        "<html><head><title>碳达峰行动方案</title></head>",
        "<body><p>全国碳市场配额清缴工作进展顺利</p></body></html>",
    )
    page = head.encode("utf-8") + body.encode("gbk")
    assert decode_html(page, "gbk") == head + body


def test_decode_utf8_page_with_a_gbk_paragraph() -> None:
    parts = [
        "<html><head><title>碳达峰行动方案</title></head><body><p>",
        "一段国标码文字",
        "</p><p>统一码正文</p></body></html>",
    ]
    page = parts[0].encode("utf-8") + parts[1].encode("gbk") + parts[2].encode("utf-8")
    assert decode_html(page, "utf-8") == "".join(parts)


def test_decode_gbk_words_that_happen_to_be_valid_utf8_stay_gbk() -> None:
    # 图片展示 in GBK is CD BC C6 AC D5 B9 CA BE: four two-byte UTF-8 letters (ͼƬչʾ) by chance.
    page = "<html><body><p>图片展示</p><p>全国碳市场配额清缴工作进展顺利</p></body></html>"
    assert decode_html(page.encode("gbk"), None) == page


def test_decode_leaves_no_character_lxml_refuses() -> None:
    assert decode_html("<p>碳<!--x-->\x0b达\x01峰&#11;</p>".encode(), "utf-8") == "<p>碳<!--x--> 达峰 </p>"


CONTROL_PAGE = (
    "<html><head><title>碳达峰_新浪财经_新浪网</title></head><body>"
    "<div id='artibody'><p>第一段{}</p><p>第二段</p></div></body></html>"
)


@pytest.mark.parametrize("control", ["\x0b", "\x01", "\ud800", "&#11;"])
def test_article_with_a_control_character_keeps_its_body(control: str) -> None:
    article = parse_article(CONTROL_PAGE.format(control), "https://finance.sina.com.cn/x.shtml")
    assert "第二段" in article.body_html


# -- roll API --


@cache
def roll() -> str:
    return (FIXTURES / "roll_page.json").read_text(encoding="utf-8")


def test_roll_items_and_total() -> None:
    page = parse_roll_page(roll())
    assert [i.doc_id for i in page.items] == ["ihqfskcn2160999", "iktzscyy5601636"]
    assert page.total == 3


def test_roll_item_without_url_is_skipped_and_counted() -> None:
    page = parse_roll_page(roll())
    assert page.skipped == 1
    assert all(i.url for i in page.items)


@pytest.mark.parametrize(
    "url", ["javascript:void(0)", "ftp://finance.sina.com.cn/a.shtml", "https://[finance.sina.com.cn/a"]
)
def test_roll_item_without_a_web_url_is_skipped(url: str) -> None:
    reply = '{"result": {"status": {"code": 0}, "data": [{"url": "%s"}, {"url": "https://finance.sina.com.cn/b"}]}}'
    page = parse_roll_page(reply % url)
    assert (page.skipped, [i.url for i in page.items]) == (1, ["https://finance.sina.com.cn/b"])


def test_roll_item_fields() -> None:
    item = parse_roll_page(roll()).items[1]
    assert item.title == "发改委：工业、交通运输等领域碳达峰碳中和实施方案已编制完成"
    assert item.media == "新浪财经"
    assert item.keywords == ["碳达峰", "碳中和"]
    assert item.intro.startswith("11月16日")


def test_roll_intime_is_aware_utc() -> None:
    item = parse_roll_page(roll()).items[1]
    assert item.published_at == datetime(2021, 11, 16, 3, 43, 46, tzinfo=UTC)


def test_roll_jsonp_wrapper() -> None:
    text = (FIXTURES / "roll_page.jsonp").read_text(encoding="utf-8")
    assert [i.url for i in parse_roll_page(text).items] == [i.url for i in parse_roll_page(roll()).items]


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        ("roll_blocked.html", "not_json"),
        ("roll_truncated.json", "truncated"),
        ("roll_error.json", "status_error"),
    ],
)
def test_roll_bad_replies(fixture: str, reason: str) -> None:
    with pytest.raises(RollApiError) as info:
        parse_roll_page((FIXTURES / fixture).read_text(encoding="utf-8"))
    assert info.value.reason == reason


@pytest.mark.parametrize(
    "text",
    ['{"status": 0}', '{"result": {"status": {"code": 0, "msg": "succ"}}}', '{"result": {"data": {}}}', "[1, 2]"],
)
def test_roll_missing_fields(text: str) -> None:
    with pytest.raises(RollApiError) as info:
        parse_roll_page(text)
    assert info.value.reason == "missing_field"


def test_roll_garbage_is_not_json() -> None:
    with pytest.raises(RollApiError) as info:
        parse_roll_page("callback without parens")
    assert info.value.reason == "not_json"


# -- the 2004-2005 table template (GB2312, no #artibody; Chinese-Web-Content-Extraction dataset pages) --

LEGACY: dict[str, Expected] = {
    # No #artibody and no #article: the text sits in the template's td.l17 cell.
    "article_chanye_2005.html": Expected(
        "http://chanye.finance.sina.com.cn/sm/2005-03-21/244339.shtml",
        "四年前中500万现穷困潦倒 一夜暴富后如何经营",
        "2005年03月21日 11:21",
        "2005年03月21日 11:21",
        "理财周刊",
        None,
        None,
        "",
        "人生如戏。一夜之间，它可以让一个穷光蛋成为百万富翁",
        (),
    ),
    # Its #article also wraps the headline and date rows: the body must still be the td.l17 cell alone.
    "article_house_2005.html": Expected(
        "http://bj.house.sina.com.cn/p/2005-03-31/031868306.html",
        "拿出10万元投资房产 小两口尝试以钱生钱(图)",
        "2005年03月31日03:18",
        "2005年03月31日03:18",
        "北京娱乐信报",
        None,
        None,
        "",
        "汤先生夫妇二人，虽说刚三十出头",
        ("拿出10万元投资房产", "小两口尝试以钱生钱(图)"),
    ),
}
LEGACY_NAMES = sorted(LEGACY)


@cache
def parsed_legacy(name: str) -> SinaArticle:
    return parse_article(decode_html((FIXTURES / name).read_bytes()), LEGACY[name].url)


@pytest.mark.parametrize("name", LEGACY_NAMES)
def test_legacy_page_is_gb2312(name: str) -> None:
    raw = (FIXTURES / name).read_bytes()
    assert b"charset=gb2312" in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


@pytest.mark.parametrize("name", LEGACY_NAMES)
def test_legacy_body_is_the_text_cell(name: str) -> None:
    body = parsed_legacy(name).body_html
    assert LEGACY[name].body_start in body
    assert LEGACY[name].title not in body  # the headline row is outside the text cell
    assert "<th" not in body


@pytest.mark.parametrize("name", LEGACY_NAMES)
def test_legacy_title_from_headline_cell(name: str) -> None:
    assert parsed_legacy(name).title == LEGACY[name].title
    assert "新浪" not in parsed_legacy(name).title


@pytest.mark.parametrize("name", LEGACY_NAMES)
def test_legacy_display_date_from_date_row(name: str) -> None:
    assert parsed_legacy(name).display_date == LEGACY[name].display_date
    assert parsed_legacy(name).published_raw == LEGACY[name].published_raw


@pytest.mark.parametrize("name", LEGACY_NAMES)
def test_legacy_media_without_book_title_marks(name: str) -> None:
    assert parsed_legacy(name).media == LEGACY[name].media


def test_legacy_keywords() -> None:
    assert tuple(parsed_legacy("article_house_2005.html").keywords) == LEGACY["article_house_2005.html"].keywords


def test_cms_stamp_dates_a_page_without_a_date_row() -> None:
    html = (
        "<!--[111,3,244339] published at 2005-03-21 11:21:30 from #013 by 435-->\n"
        "<html><head><title>标题_新浪网</title></head><body><table><tr><td class=l17><p>正文</p></td></tr></table>"
        "</body></html>"
    )
    article = parse_article(html, "http://chanye.finance.sina.com.cn/sm/2005-03-21/244339.shtml")
    assert article.published_raw == "2005-03-21 11:21:30"
    assert article.display_date is None


def test_empty_first_container_falls_through_to_the_next() -> None:
    html = (
        "<html><head><title>标题_新浪网</title></head>"
        "<body><div id=artibody> </div><div id=article><p>正文在这里</p></div></body></html>"
    )
    assert "正文在这里" in parse_article(html, "https://finance.sina.com.cn/x.shtml").body_html


# Hostile sizes (issue 15 #4): seconds to minutes before, milliseconds now; bounds on this process's CPU time, generous,
# so that other jobs loading the machine cannot fail them.
HANG_BOUND_SECONDS = 5.0


def test_text_split_by_many_comments_parses_in_linear_time() -> None:
    # 30k comment-separated text nodes in the body, the headline and the date: 60+ s before (XPath text sets).
    split = "<!--x-->尾" * 30_000
    html = (
        f"<html><head><title>t_新浪财经_新浪网</title></head><body><h1 class='main-title'>{split}</h1>"
        f"<span class='date'>{split}</span><div id='artibody'>{split}</div></body></html>"
    )
    start = time.process_time()
    article = parse_article(html, "https://finance.sina.com.cn/x.shtml")
    assert time.process_time() - start < HANG_BOUND_SECONDS
    assert article.title.replace(" ", "") == "尾" * 30_000  # text nodes joined by spaces, as ::text was


def test_jsonp_reply_of_spaces_is_refused_in_linear_time() -> None:
    # cb() + 3,000 spaces + x took 24 s in the old JSONP regex (cubic); here 300,000 spaces.
    start = time.process_time()
    with pytest.raises(RollApiError) as info:
        parse_roll_page("cb()" + " " * 300_000 + "x")
    assert time.process_time() - start < HANG_BOUND_SECONDS
    assert info.value.reason == "not_json"


@pytest.mark.parametrize(
    ("reply", "body"),
    [
        ('cb({"a": 1})', '{"a": 1}'),
        ('try{feedCardJsonpCallback({"a": 1});}catch(e){};', '{"a": 1}'),
        ('cb ( {"a": 1} ) ;', '{"a": 1}'),
        ('try { cb({"a": 1}) } catch ( e ) { } ;', '{"a": 1}'),
    ],
)
def test_jsonp_forms(reply: str, body: str) -> None:
    wrapped = '{"result": {"status": {"code": 0}, "data": [], "a": 1}}'
    assert parse_roll_page(reply.replace(body, wrapped)).items == []


@pytest.mark.parametrize("reply", ["cb(", "cb({}) x", "cb x ({})", "({})"])
def test_not_jsonp(reply: str) -> None:
    with pytest.raises(RollApiError):
        parse_roll_page(reply)


def test_page_of_many_empty_blocks_parses_in_linear_time() -> None:
    # 60k <div> + 60k <p>: the //body|//div|//p union alone took about 10 s (quadratic merge in libxml2).
    html = "<html><head><title>碳_新浪财经_新浪网</title></head><body>" + "<div></div><p></p>" * 60_000
    html += "<div id='artibody'><p>正文</p></div></body></html>"
    start = time.process_time()
    article = parse_article(html, "https://finance.sina.com.cn/x.shtml")
    assert time.process_time() - start < HANG_BOUND_SECONDS
    assert article.body_html == '<div id="artibody"><p>正文</p></div>'
