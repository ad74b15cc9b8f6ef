"""The parse budget: a page or body with more markup than any real page is dropped before lxml parses it.

Parsing and cleaning are linear in the markup (issue 15 #4) but not free: about 6-20 µs per tag here for the
Sina parser plus the cleaner, so a page of 8 MB of tiny tags would hold Scrapy's single-threaded loop for
several seconds. The largest of the 306 saved real pages has 15,397 tags; the default budget of 50,000 is three
times that and bounds one page's parse and clean to about a second on this machine. A page over budget is a
counted drop with its reason (``carbonwatch/drop/*too_complex``), never a silent loss.
"""

from __future__ import annotations

from typing import Any

SETTING = "CARBONWATCH_PARSE_MAX_TAGS"
DEFAULT_MAX_TAGS = 50_000


def max_tags(settings: Any) -> int:
    """The configured budget in tags (``CARBONWATCH_PARSE_MAX_TAGS``); 0 or less switches the check off."""
    return int(settings.getint(SETTING, DEFAULT_MAX_TAGS))


def over_budget(markup: str, limit: int) -> str | None:
    """Why ``markup`` is over the budget of ``limit`` tags, or None when it is within it (or the check is off)."""
    if limit <= 0:
        return None
    tags = markup.count("<")  # every tag, comment or stray "<" costs the parser a node at most
    return f"{tags} tags, over the parse budget of {limit}" if tags > limit else None
