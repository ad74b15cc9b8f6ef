"""A ``<meta http-equiv="refresh">`` inside an article body (hostile or pasted markup) must not steal the article.

Scrapy's MetaRefreshMiddleware would follow it as a redirect and the article would never reach the pipelines;
pages that really moved answer with an HTTP redirect, which is still followed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from crawler.urls import canonicalize
from tests.robustness.support import (
    GOOD_LID,
    Hit,
    article_rows,
    copy_corpus,
    listed_article_urls,
    local_path,
    recording_server,
    run_sina,
)

pytestmark = pytest.mark.timeout(120)

TRAP = "https://finance.sina.com.cn/trap/moved.shtml"
REFRESH = f'<meta http-equiv="refresh" content="0; url={TRAP}">'
MOVED_TO = "https://finance.sina.com.cn/roll/2026-01-03/doc-movedhere01.shtml"


@dataclass
class Crawled:
    hits: list[Hit]
    stored: set[str]
    refreshed: str  # the article whose body carries the meta refresh
    moved: str  # the article that answers with an HTTP 301


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    tmp = tmp_path_factory.mktemp("metarefresh")
    root = copy_corpus(tmp)
    refreshed, moved = listed_article_urls([GOOD_LID])[:2]
    page = root / local_path(refreshed).lstrip("/")
    html = page.read_text("utf-8")
    page.write_text(
        html.replace('<div class="article" id="artibody">', f'<div class="article" id="artibody">{REFRESH}')
    )
    # The second article moved for real: its old address answers 301 to a copy of the page.
    old = root / local_path(moved).lstrip("/")
    new = root / local_path(MOVED_TO).lstrip("/")
    new.parent.mkdir(parents=True, exist_ok=True)
    new.write_bytes(old.read_bytes())
    sidecar = {"status": 301, "headers": {"Location": MOVED_TO}}
    old.with_name(old.name + ".http.json").write_text(json.dumps(sidecar), "utf-8")
    with recording_server(root) as server:
        result = run_sina(server, tmp, f"sqlite:///{tmp / 'carbonwatch.db'}", [GOOD_LID])
        assert result.returncode == 0, result.log[-3000:]
        yield Crawled(server.hits, set(article_rows(f"sqlite:///{tmp / 'carbonwatch.db'}")), refreshed, moved)


def test_an_article_with_a_meta_refresh_in_its_body_is_stored(crawled: Crawled) -> None:
    assert canonicalize(crawled.refreshed) in crawled.stored


def test_the_meta_refresh_target_is_never_requested(crawled: Crawled) -> None:
    assert [h.path for h in crawled.hits if h.path == local_path(TRAP)] == []


def test_an_http_redirect_of_a_moved_article_is_still_followed(crawled: Crawled) -> None:
    assert local_path(MOVED_TO) in [h.path for h in crawled.hits]
    assert len(crawled.stored) == len(listed_article_urls([GOOD_LID]))
