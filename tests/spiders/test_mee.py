"""MEE spider through the real engine: GB18030 pages served with a bare text/html header decode correctly."""

from __future__ import annotations

import pytest

from tests.spiders.support_sources import SpiderRun, run_isolated


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> SpiderRun:
    return run_isolated("mee", tmp_path_factory.mktemp("mee"))


def test_crawl_finishes(run: SpiderRun) -> None:
    assert run.result.returncode == 0, run.result.log[-2000:]
    assert len(run.items) == 3


def test_meta_declared_gb_list_and_page_decode(run: SpiderRun) -> None:
    item = run.item("t20220315_971460")
    assert item["title"] == "生态环境部召开3月例行新闻发布会"
    assert "配额履约率" in item["body_html"]


def test_undeclared_gb18030_page_decodes(run: SpiderRun) -> None:
    item = run.item("t20220301_970511")
    assert item["title"] == "生态环境部通报全国碳市场配额清缴进展"
    assert "\ufffd" not in item["body_html"]


def test_policy_document_metadata_and_attachment(run: SpiderRun) -> None:
    item = run.item("t20211027_958031")
    assert item["meta"]["doc_number"] == "环办环评函〔2021〕471号"
    assert item["attachments"][0]["type"] == "docx"
