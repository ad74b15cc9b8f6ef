"""Scrapy's downloader with each slot's concurrency enforced also when its requests leave without a delay.

Scrapy 2.19 under the asyncio reactor hands each download to a new asyncio task and marks the request as
transferring only when that task starts. The loop that releases queued requests checks the slot's free transfer
places before any of those tasks has run, so a slot with no download delay releases its whole queue at once:
``concurrency = 1`` of a source, ``CONCURRENT_REQUESTS_PER_DOMAIN`` and ``DOWNLOAD_SLOTS`` concurrency are all
ignored (measured: 11 parallel requests to a ``concurrency = 1`` source). A slot with a delay is unaffected (it
releases one request per delay). Enabled by ``DOWNLOADER`` in ``crawler/settings.py``.
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any

from scrapy.core.downloader import Downloader, Slot
from scrapy.http import Request, Response
from twisted.internet.defer import Deferred


class SlotLimitedDownloader(Downloader):
    """Counts a released request against its slot at once, before its download task is scheduled."""

    def _wait_for_download(
        self, slot: Slot, request: Request, queue_dfd: Deferred[Response]
    ) -> Coroutine[Any, Any, None]:
        # Called synchronously by the release loop, so the loop's free-place check sees this request. The download
        # adds it again (a set: no change) and removes it when the response or the failure arrives.
        slot.transferring.add(request)
        return super()._wait_for_download(slot, request, queue_dfd)
