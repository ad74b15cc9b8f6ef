"""Tests for carbonwatch.analyze and the ``analyze`` subcommand: a seed post and a saved page, offline."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from carbonwatch.analyze import analyze_path, item_to_json
from carbonwatch.cli import analyze as analyze_cli
from carbonwatch.config import load_config
from carbonwatch.textnorm import content_hash

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "posts" / "sina_ndrc_carbon_2021-11-16.md"
PAGE = FIXTURES / "sina_finance" / "article_finance_2018.html"
PAGE_URL = "https://finance.sina.com.cn/roll/2018-12-28/doc-ihqfskcn2160999.shtml"
NOW = datetime(2021, 11, 17, 0, 0, tzinfo=UTC)
BOILERPLATE = ("海量资讯", "新浪财经APP", "责任编辑", "appendQr", "<!--", "<style", "&#123;")


@cache
def seed() -> dict[str, Any]:
    return item_to_json(analyze_path(SEED, now=NOW), str(SEED))


def test_seed_title() -> None:
    assert seed()["title"] == "发改委：工业、交通运输等领域碳达峰碳中和实施方案已编制完成"


def test_seed_published_at_in_beijing_time() -> None:
    assert seed()["published_at"] == "2021-11-16T11:43:46+08:00"


def test_seed_editor() -> None:
    assert seed()["editor"] == "李昂"


def test_seed_has_no_url() -> None:
    assert seed()["url"] is None


@pytest.mark.parametrize("needle", BOILERPLATE)
def test_seed_has_no_boilerplate(needle: str) -> None:
    assert needle not in seed()["text"]
    assert needle not in seed()["html"]


def test_seed_content_hash_is_of_the_text() -> None:
    assert seed()["content_hash"] == content_hash(seed()["text"])


def test_seed_json_keys() -> None:
    expected = {"input", "url", "title", "published_at", "source", "editor", "text", "html", "content_hash"}
    assert expected <= set(seed())


def test_saved_page_with_url() -> None:
    data = item_to_json(analyze_path(PAGE, url=PAGE_URL, now=NOW))
    assert data["url"] == PAGE_URL
    assert data["doc_id"] == "ihqfskcn2160999"
    assert data["published_at"] == "2018-12-28T19:56:29+08:00"
    assert data["source"] == "新京报"


def test_saved_page_url_defaults_to_og_url() -> None:
    assert analyze_path(PAGE, now=NOW).url == PAGE_URL


def test_gbk_page_without_declaration(tmp_path: Path) -> None:
    page = tmp_path / "gbk.html"
    body = "　　国家发展改革委表示，将完善能耗双控政策，强化能耗强度约束性指标管控，深化碳排放统计核算方法研究。"
    page.write_bytes(f"<html><head><meta property='og:title' content='能耗双控'></head><body>"
                     f"<div id='artibody'><p>{body}</p></div></body></html>".encode("gbk"))  # fmt: skip
    data = item_to_json(analyze_path(page, url="https://finance.sina.com.cn/2021-11-16/doc-iabc.shtml", now=NOW))
    assert data["title"] == "能耗双控"
    assert data["text"] == body.strip("　")


# -- the subcommand --


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    analyze_cli.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    code: int = args.func(args, load_config())
    return code


def test_cli_json_one_object_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["analyze", str(SEED), str(PAGE), "--json", "--now", "2021-11-17T08:00:00+08:00"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert [json.loads(line)["input"] for line in lines] == [str(SEED), str(PAGE)]


def test_cli_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["analyze", str(SEED), "--now", "2021-11-17T08:00:00+08:00"]) == 0
    out = capsys.readouterr().out
    assert "2021-11-16T11:43:46+08:00" in out
    assert "李昂" in out


def test_cli_bad_input_reported_and_others_processed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.html"
    bad.write_text("<html><body><div id='nav'>导航</div></body></html>", encoding="utf-8")
    code = run(["analyze", str(bad), str(tmp_path / "missing.md"), str(SEED), "--json"])
    captured = capsys.readouterr()
    assert code == 1
    assert f"{bad}: cannot analyse: no_body" in captured.err
    assert "missing.md: cannot analyse" in captured.err
    assert json.loads(captured.out.strip())["title"].startswith("发改委")


def test_analyze_classifies_with_the_configured_rules_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Same rules as a crawl: a stricter threshold in CARBONWATCH_RULES_FILE makes the seed not relevant (to the
    # rules alone: the n-gram model, switched off here, may still read it as carbon, with its own evidence).
    shipped = Path(__file__).resolve().parent.parent / "carbonwatch" / "rules" / "carbon.toml"
    strict = tmp_path / "strict.toml"
    strict.write_text(shipped.read_text("utf-8").replace("threshold = 6.0", "threshold = 100000.0", 1), "utf-8")
    assert analyze_path(SEED).carbon["relevant"] is True  # the shipped rules
    monkeypatch.setenv("CARBONWATCH_RULES_FILE", str(strict))
    monkeypatch.setenv("CARBONWATCH_NGRAM_MODEL", "off")
    assert analyze_path(SEED).carbon["relevant"] is False
    monkeypatch.delenv("CARBONWATCH_NGRAM_MODEL")
    [first, *_] = analyze_path(SEED).carbon["evidence"]
    assert first["rule"] == "ngram_model"  # the model overrides the rules only with its reason


# -- every built-in site, by the page's URL; configured sources by their selectors --

SITE_PAGES = [
    (
        FIXTURES / "gov_cn" / "www.gov.cn" / "zhengce/content/202607/content_7075101.htm",
        "https://www.gov.cn/zhengce/content/202607/content_7075101.htm",
        "国务院关于印发《2026—2027年节能降碳行动方案》的通知",
        "2026-07-12T09:37:43+08:00",
    ),
    (
        FIXTURES / "gov_cn" / "www.gov.cn" / "zhengce/202607/content_7076696.htm",
        "https://www.gov.cn/zhengce/202607/content_7076696.htm",
        "国家发展改革委有关负责人就完善碳排放统计核算体系答记者问",
        "2026-07-27T16:30:12+08:00",
    ),
    (
        FIXTURES / "mee" / "www.mee.gov.cn" / "ywdt/xwfb/202204/t20220417_974894.shtml",
        "https://www.mee.gov.cn/ywdt/xwfb/202204/t20220417_974894.shtml",
        "生态环境部一周要闻（4.10-4.16）",
        "2022-04-17T14:46:00+08:00",
    ),
    (
        FIXTURES / "ndrc" / "www.ndrc.gov.cn" / "xxgk/zcfb/tz/202202/t20220210_1315001.html",
        "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202202/t20220210_1315001.html",
        "国家发展改革委 国家能源局关于做好重点领域碳达峰工作的通知",
        "2022-02-10T16:30:00+08:00",
    ),
    (PAGE, PAGE_URL, '60万"12306账号"外泄? 中铁总辟谣称消息不实', "2018-12-28T19:56:29+08:00"),
]


@pytest.mark.parametrize(("page", "url", "title", "published_at"), SITE_PAGES, ids=lambda v: getattr(v, "name", ""))
def test_cli_json_for_a_saved_page_of_every_site(
    page: Path, url: str, title: str, published_at: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["analyze", "--json", "--no-classify", "--url", url, str(page)]) == 0, capsys.readouterr().err
    data = json.loads(capsys.readouterr().out)
    assert (data["url"], data["title"], data["published_at"]) == (url, title, published_at)
    assert set(data) == set(item_to_json(analyze_path(PAGE, url=PAGE_URL, now=NOW, classify=False)))
    assert data["text"] and data["content_hash"] == content_hash(data["text"])


def test_government_page_without_url_uses_its_own(capsys: pytest.CaptureFixture[str]) -> None:
    page = FIXTURES / "mee" / "www.mee.gov.cn" / "ywdt/xwfb/202204/t20220417_974894.shtml"
    assert run(["analyze", "--json", "--no-classify", str(page)]) == 0
    assert json.loads(capsys.readouterr().out)["source"] == "生态环境部"


def test_cli_page_of_an_unknown_site_suggests_a_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["analyze", "--url", "https://fgw.example.gov.cn/zcfg/t1.html", str(PAGE)]) == 1
    assert "unknown_site" in capsys.readouterr().err


def test_cli_source_reads_the_page_with_its_selectors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CARBONWATCH_SOURCES_FILE", str(FIXTURES / "site" / "sources.toml"))
    page = FIXTURES / "site" / "fgw.example.gov.cn" / "zcfg/202202/t20220210_099.html"
    url = "https://fgw.example.gov.cn/zcfg/202202/t20220210_099.html"
    assert run(["analyze", "--json", "--no-classify", "--source", "province-fgw", "--url", url, str(page)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["url"], data["doc_id"]) == (url, "t20220210_099")
    assert data["title"]


def test_cli_unknown_source_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CARBONWATCH_SOURCES_FILE", str(FIXTURES / "site" / "sources.toml"))
    assert run(["analyze", "--source", "nope", str(PAGE)]) == 2
    assert "no such source" in capsys.readouterr().err
