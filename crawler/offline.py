"""A download handler that can send requests for chosen hosts to a local server (tests and the offline demo).

With ``CARBONWATCH_HOST_MAP = {"finance.sina.com.cn": "http://127.0.0.1:8321"}`` a request for
``https://finance.sina.com.cn/roll/x.shtml`` is fetched from ``http://127.0.0.1:8321/finance.sina.com.cn/roll/x.shtml``
and its response keeps the real URL, so spiders, robots.txt, offsite filtering and canonical URLs see the real
site. With an empty map (production) it is Scrapy's HTTP/1.1 handler unchanged.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response


def parse_host_map(raw: Any) -> dict[str, str]:
    """Accept the map as a dict or as a JSON string (``-s CARBONWATCH_HOST_MAP='{...}'``)."""
    if not raw:
        return {}
    if isinstance(raw, str):
        raw = json.loads(raw)
    return {str(k).lower(): str(v).rstrip("/") for k, v in dict(raw).items()}


def local_url(url: str, host_map: dict[str, str]) -> str | None:
    """The local URL serving ``url`` under ``/<host><path>``, or None when its host is not mapped."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    base = host_map.get(host)
    if base is None:
        return None
    b = urlsplit(base)
    return urlunsplit((b.scheme, b.netloc, f"/{host}{parts.path or '/'}", parts.query, ""))


class MappedHTTPDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler, with requests for mapped hosts served by a local server."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._host_map = parse_host_map(crawler.settings.get("CARBONWATCH_HOST_MAP"))

    async def download_request(self, request: Request) -> Response:
        target = local_url(request.url, self._host_map) if self._host_map else None
        if target is None:
            return await super().download_request(request)
        response = await super().download_request(request.replace(url=target))
        return response.replace(url=request.url)
