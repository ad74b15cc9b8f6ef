"""Links in the README and docs/*.md resolve: each relative file exists, and each #anchor names one of its headings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import PROJECT_ROOT

LINK_RE = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
HEADING_RE = re.compile(r"^#{1,6} (.+)$", re.MULTILINE)
FENCE_RE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
PAGES = [PROJECT_ROOT / "README.md", *sorted((PROJECT_ROOT / "docs").glob("*.md"))]


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped (CJK kept), spaces as hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    return {slug(h) for h in HEADING_RE.findall(FENCE_RE.sub("", page.read_text("utf-8")))}


def links(page: Path) -> list[str]:
    found = LINK_RE.findall(FENCE_RE.sub("", page.read_text("utf-8")))
    return [link for link in found if not re.match(r"^[a-z]+:", link)]  # http(s):, mailto: … are not checked


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_relative_links_and_anchors_resolve(page: Path) -> None:
    broken = []
    for link in links(page):
        path, _, anchor = link.partition("#")
        target = (page.parent / path).resolve() if path else page
        if not target.exists():
            broken.append(f"{link}: no file {target}")
        elif anchor and target.suffix == ".md" and anchor not in anchors(target):
            broken.append(f"{link}: no heading #{anchor} in {target.name}")
    assert not broken


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        (
            "Views: the stable contract (SQLite and PostgreSQL alike)",
            "views-the-stable-contract-sqlite-and-postgresql-alike",
        ),
        ("Running it: cron or daemon", "running-it-cron-or-daemon"),
        (
            "Configured sources (`feed` and `site` spiders): adding a site without code",
            "configured-sources-feed-and-site-spiders-adding-a-site-without-code",
        ),
    ],
)
def test_slug(heading: str, expected: str) -> None:
    assert slug(heading) == expected
