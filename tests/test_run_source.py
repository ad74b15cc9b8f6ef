"""A run is recorded under the configured source a spider crawls (``-a source=NAME``), else the spider name."""

from __future__ import annotations

from types import SimpleNamespace

from crawler.extensions import run_source


def test_configured_source_names_the_run() -> None:
    assert run_source(SimpleNamespace(name="feed", source_name="sina-finance-rss")) == "sina-finance-rss"


def test_plain_spider_names_the_run() -> None:
    assert run_source(SimpleNamespace(name="ndrc")) == "ndrc"


def test_feed_without_a_chosen_source_is_recorded_as_feed() -> None:
    assert run_source(SimpleNamespace(name="feed", source_name=None)) == "feed"
