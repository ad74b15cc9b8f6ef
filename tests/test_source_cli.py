"""Trying a configured source before scheduling it, and a crawl whose selectors no longer match, as operators see them.

``carbonwatch crawl`` of a site source whose ``body_selector`` matches nothing still succeeds (the run's other pages
could be good) but shows the drops and a warning line instead of "success, 0 new, 0 dropped".
"""

from __future__ import annotations

from carbonwatch.cli.crawl import layout_warning
from carbonwatch.crawlrun import SpiderSummary


def test_a_run_with_layout_errors_gets_a_warning_line() -> None:
    run = SpiderSummary(
        spider="province-fgw",
        run_id=7,
        status="success",
        dropped={"no_body": 3},
        errors=[{"kind": "layout/no_body", "count": 3}],
    )
    assert layout_warning(run) == (
        "warning: province-fgw: page layout changed? 3 detail page(s) without a body in run #7 (carbonwatch logs 7)"
    )


def test_a_clean_run_gets_no_warning_line() -> None:
    run = SpiderSummary(spider="ndrc", run_id=8, status="success", errors=[{"kind": "http_404", "count": 1}])
    assert layout_warning(run) is None
