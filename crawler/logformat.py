"""Scrapy's log line for a dropped item without the item: its URL and reason only.

Scrapy prints the whole item (text and HTML) with every drop; a feed of 100,000 unusable entries wrote an 85 MB
log that way (issue 15 #14). The reason is in the stats (``carbonwatch/drop/*``) and the pipelines' own lines.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.logformatter import LogFormatter, LogFormatterResult

MAX_TEXT = 300  # characters of the reason and of the URL kept in the line


class CompactLogFormatter(LogFormatter):
    """``Dropped: <reason> (<url>)`` instead of ``Dropped: <reason>`` followed by the whole item."""

    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Any) -> LogFormatterResult:
        result = super().dropped(item, exception, response, spider)
        url = ItemAdapter(item).get("url") if ItemAdapter.is_item(item) else None
        result["msg"] = "Dropped: %(exception)s (%(url)s)"
        result["args"] = {"exception": str(exception)[:MAX_TEXT], "url": str(url or "-")[:MAX_TEXT]}
        return result
