"""gov.cn list and document parsers: the 政府信息公开 table into meta, 成文日期 and 发布日期 kept apart."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.parsers import gov_cn
from crawler.parsers.govmeta import GovDocument
from tests.helpers import FIXTURES

SITE = FIXTURES / "gov_cn" / "www.gov.cn"
URL = "https://www.gov.cn/zhengce/content/2021-10/26/content_5644984.htm"


@pytest.fixture(scope="module")
def doc() -> GovDocument:
    return gov_cn.parse_article((SITE / "zhengce/content/2021-10/26/content_5644984.htm").read_text("utf-8"), URL)


@pytest.fixture(scope="module")
def jilin() -> GovDocument:
    html = (FIXTURES / "gov_cn" / "jilin_notice.html").read_text("utf-8")
    return gov_cn.parse_article(html, "http://xxgk.jl.gov.cn/szf/gkml/202201/t20220128_8389416.html")


def test_list_entries_and_next_link() -> None:
    page = gov_cn.parse_list(
        (SITE / "zhengce/zuixin/index.html").read_text("utf-8"), "https://www.gov.cn/zhengce/zuixin/"
    )
    assert [e.date_raw for e in page.entries] == ["2022-01-30", "2021-10-26"]
    assert page.entries[1].url == URL
    assert page.next_url == "https://www.gov.cn/zhengce/zuixin/home_1.htm"


def test_last_list_page_has_no_next_link() -> None:
    page = gov_cn.parse_list(
        (SITE / "zhengce/zuixin/home_1.htm").read_text("utf-8"), "https://www.gov.cn/zhengce/zuixin/home_1.htm"
    )
    assert page.next_url is None
    assert len(page.entries) == 1


def test_meta_table_keys(doc: GovDocument) -> None:
    assert set(doc.meta) == {"index_no", "topic", "issuer", "written_date", "title", "doc_number", "published_date"}
    assert doc.meta["doc_number"] == "国发〔2021〕23号"


def test_written_and_published_dates_kept_apart(doc: GovDocument) -> None:
    assert doc.written_at == datetime(2021, 10, 23, 16, 0, tzinfo=UTC)
    assert doc.published_raw == "2021年10月26日"


def test_published_at_takes_the_time_of_first_publication_on_that_day(doc: GovDocument) -> None:
    assert doc.published_at == datetime(2021, 10, 26, 12, 2, 37, tzinfo=UTC)


def test_body_is_ucap_content(doc: GovDocument) -> None:
    assert 'id="UCAP-CONTENT"' in doc.body_html
    assert "打印本页" not in doc.body_html
    assert "索引号" not in doc.body_html


def test_editor(doc: GovDocument) -> None:
    assert doc.editor == "王洪声"


def test_real_provincial_notice_table(jilin: GovDocument) -> None:
    assert jilin.meta["issuer"] == "吉林省人民政府"
    assert jilin.meta["doc_number"] == "吉政明电〔2022〕1号"
    assert jilin.written_at == datetime(2022, 1, 26, 16, 0, tzinfo=UTC)
    assert jilin.published_raw == "2022年01月28日"


def test_real_provincial_notice_body(jilin: GovDocument) -> None:
    assert "特此通告" in jilin.body_html
    assert "扫一扫" not in jilin.body_html
