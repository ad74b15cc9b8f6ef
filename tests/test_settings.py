"""Politeness and safety settings of the Scrapy project (issue 7: robots, throttling, identity, consoles off)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

from tests.helpers import PROJECT_ROOT


@pytest.fixture(scope="module")
def settings() -> Settings:
    return get_project_settings()


def test_robots_txt_is_obeyed(settings: Settings) -> None:
    assert settings.getbool("ROBOTSTXT_OBEY") is True


def test_autothrottle_is_on(settings: Settings) -> None:
    assert settings.getbool("AUTOTHROTTLE_ENABLED") is True


def test_user_agent_identifies_us_with_a_contact_url(settings: Settings) -> None:
    ua = settings.get("USER_AGENT")
    assert ua.startswith("carbonwatch/")
    assert "+http" in ua
    assert "Scrapy" not in ua


def test_remote_control_and_telnet_are_off(settings: Settings) -> None:
    assert settings.getbool("REMOTE_CONTROL_ENABLED") is False
    assert settings.getbool("TELNETCONSOLE_ENABLED") is False


def test_per_domain_concurrency_is_bounded(settings: Settings) -> None:
    assert 1 <= settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 8
    assert settings.getfloat("DOWNLOAD_DELAY") > 0


def test_pipelines_are_ordered_clean_to_store(settings: Settings) -> None:
    order = sorted(settings.getdict("ITEM_PIPELINES").items(), key=lambda kv: kv[1])
    names = [name.split(".")[1] for name, _ in order]
    assert names == ["clean", "dates", "dedup", "classify", "store", "policy"]


def test_scrapy_list_equals_spider_modules() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "scrapy", "list"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    modules = {p.stem for p in (PROJECT_ROOT / "crawler" / "spiders").glob("*.py") if p.stem != "__init__"}
    assert set(out) == modules
    assert "sina_finance" in out
