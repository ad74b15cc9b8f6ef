"""Per-host concurrency holds without a download delay (Scrapy 2.19 released a zero-delay slot's whole queue)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.robustness.support import (
    GOOD_LID,
    Hit,
    RecordingServer,
    copy_corpus,
    listed_article_urls,
    local_path,
    recording_server,
    run_sina,
    slow_down,
)

pytestmark = pytest.mark.timeout(180)

LIDS = [GOOD_LID, 9101, 9103]
ANSWER_S = 0.4


@pytest.fixture(scope="module")
def slow_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, RecordingServer]]:
    root = copy_corpus(tmp_path_factory.mktemp("slots-site"))
    slow_down(root, listed_article_urls(LIDS), ANSWER_S)
    with recording_server(root) as server:
        yield root, server


def most_in_flight(hits: list[Hit], answer_s: float) -> int:
    """The most requests the server was answering at one moment (each takes ``answer_s`` to answer)."""
    starts = sorted(h.at for h in hits)
    return max(sum(1 for s in starts if a <= s < a + answer_s * 0.9) for a in starts)


def article_hits(server: RecordingServer, slow_site_tmp: Path, per_domain: str) -> list[Hit]:
    mark = len(server.hits)
    result = run_sina(
        server,
        slow_site_tmp,
        f"sqlite:///{slow_site_tmp / 'carbonwatch.db'}",
        LIDS,
        settings={"CONCURRENT_REQUESTS_PER_DOMAIN": per_domain, "CONCURRENT_REQUESTS": "16"},
    )
    assert result.returncode == 0, result.log[-3000:]
    pages = {local_path(u) for u in listed_article_urls(LIDS)}
    hits = [h for h in server.hits_since(mark) if h.path in pages]
    assert len(hits) == len(pages)
    return hits


def test_one_request_per_domain_means_one_at_a_time(slow_site: tuple[Path, RecordingServer], tmp_path: Path) -> None:
    _, server = slow_site
    assert most_in_flight(article_hits(server, tmp_path, "1"), ANSWER_S) == 1


def test_two_requests_per_domain_overlap_but_never_three(
    slow_site: tuple[Path, RecordingServer], tmp_path: Path
) -> None:
    _, server = slow_site
    assert most_in_flight(article_hits(server, tmp_path, "2"), ANSWER_S) == 2
