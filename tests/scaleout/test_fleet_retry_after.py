"""The pause a 429/503 response asks of every scaled-out worker (:func:`crawler.politeness.retry_after_pause`).

Apart from the Redis tests so that only this table, which reads HTTP dates against an injected ``now``, runs again in
the moved-clock pass.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from scrapy.http import Response

from crawler.politeness import retry_after_pause

NOW = datetime(2026, 1, 3, 4, 5, 6, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "header", "pause"),
    [
        (429, "3", 3.0),
        (503, "Sat, 03 Jan 2026 04:05:16 GMT", 10.0),
        (429, "600", 60.0),  # capped at CARBONWATCH_RETRY_AFTER_MAX
        (429, None, 0.0),  # no header: Scrapy's retry handles it, the fleet is not paused
        (429, "soon", 0.0),
        (200, "3", 0.0),
        (500, "3", 0.0),
    ],
)
def test_retry_after_pause_of_a_response(status: int, header: str | None, pause: float) -> None:
    headers = {"Retry-After": header} if header is not None else {}
    response = Response("https://a.example/", status=status, headers=headers)
    assert retry_after_pause(response, NOW, 60.0) == pause
