"""Import saved files (Hexo posts, RSS/Atom feeds, saved pages of any built-in site) through the crawl pipelines.

A saved page is read with the parser of its site, chosen by its URL (``--url``, its canonical link, ``og:url``),
or with a configured source's selectors (``--source NAME``): :func:`crawler.parsers.pages.parse_page`.

``carbonwatch import PATH...`` runs :class:`ImportSpider` with :func:`carbonwatch.crawlrun.run_crawl` (trigger
"import"), so imported articles are cleaned, dated, deduplicated, classified and stored exactly like crawled
ones, and the import gets a crawl_runs record. The spider lives here, not in ``crawler/spiders``, so that
``scrapy list`` and ``crawl --all`` do not show it.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import scrapy

from carbonwatch.posts import POST_SUFFIXES, parse_post
from crawler.items import ArticleItem

if TYPE_CHECKING:
    from crawler.sources import Source

logger = logging.getLogger(__name__)

IMPORT_SOURCE = "import"
FEED_SUFFIXES = (".xml", ".rss", ".atom")
PAGE_SUFFIXES = (".html", ".htm", ".shtml")
MAX_FILE_BYTES = 20_000_000  # a saved page or feed is well under this; anything bigger is not what we import
FEED_ROOT_RE = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the importable files under named directories, sorted, without repeats."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ALL_SUFFIXES))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


ALL_SUFFIXES = POST_SUFFIXES + FEED_SUFFIXES + PAGE_SUFFIXES


def file_kind(path: Path, head: bytes) -> str:
    """``post``, ``feed`` or ``page``, from the suffix or, failing that, the first bytes."""
    suffix = path.suffix.lower()
    if suffix in POST_SUFFIXES:
        return "post"
    if suffix in FEED_SUFFIXES or FEED_ROOT_RE.search(head[:2048]):
        return "feed"
    if suffix in PAGE_SUFFIXES or b"<html" in head[:4096].lower():
        return "page"
    if head.lstrip().startswith(b"---"):
        return "post"
    return "unknown"


def post_key(title: str, date_raw: str | None) -> str:
    """A stable identity for a post with no URL: posts carry none, and we invent no fake web address."""
    digest = hashlib.sha256(f"{title}\n{date_raw or ''}".encode()).hexdigest()[:20]
    return f"urn:carbonwatch:post:{digest}"


def items_from_post(text: str, path: Path) -> list[ArticleItem]:
    """One item from a Hexo post (:func:`carbonwatch.posts.parse_post`)."""
    post = parse_post(text, str(path))
    key = post.url or post_key(post.title, post.date_raw)
    return [
        ArticleItem(
            url=post.url or key,
            source=IMPORT_SOURCE,
            title=post.title,
            body_html=post.body_html,
            canonical_url=key,
            published_raw=post.date_raw,
            media=post.author,
            meta={"file": str(path), "categories": "/".join(post.categories)},
        )
    ]


def items_from_feed(raw: bytes, path: Path) -> list[ArticleItem]:
    """One item per feed entry (:func:`crawler.parsers.feed.parse_feed`)."""
    from crawler.parsers.feed import parse_feed
    from crawler.urls import canonicalize

    items = []
    for entry in parse_feed(raw, path.resolve().as_uri()):
        link = entry.link or ""
        # A relative link resolved against a local file is no web address: key such entries like posts.
        web = link.startswith(("http://", "https://"))
        key = canonicalize(link) if web else post_key(entry.title, str(entry.published_raw))
        items.append(
            ArticleItem(
                url=link if web else key,
                source=IMPORT_SOURCE,
                title=entry.title,
                body_html=entry.content_html or entry.summary_html,
                canonical_url=key,
                published_raw=entry.published_raw,
                media=entry.author,
                meta={"file": str(path)},
            )
        )
    return items


def items_from_page(raw: bytes, path: Path, url: str | None = None, source: Source | None = None) -> list[ArticleItem]:
    """One item from a saved page; its URL from ``url``, else the page's own (canonical, og:url), else the file's.

    The item keeps the import's source name; the site (or configured source) whose parser read it is in
    ``meta["parser"]``.
    """
    from crawler.parsers.pages import parse_page, url_from_page
    from crawler.parsers.sina import decode_html

    html = decode_html(raw, None)
    address = url or url_from_page(html) or path.resolve().as_uri()
    item = parse_page(html, address, source=source)
    item.meta = {**item.meta, "file": str(path), "parser": item.source}
    item.source = IMPORT_SOURCE
    return [item]


def items_from_file(path: Path, url: str | None = None, source: Source | None = None) -> list[ArticleItem]:
    """The items of one file; raises ``ValueError`` (with a ``reason`` attribute when known) or ``OSError``.

    ``source``: a configured source whose selectors read saved pages (posts and feeds are not affected).
    """
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ImportFileError("too_large", f"larger than {MAX_FILE_BYTES} bytes")
    raw = path.read_bytes()
    kind = file_kind(path, raw)
    if kind == "post":
        return items_from_post(raw.decode("utf-8", errors="replace"), path)
    if kind == "feed":
        return items_from_feed(raw, path)  # bytes: the parser honours the XML encoding declaration
    if kind == "page":
        return items_from_page(raw, path, url, source)
    raise ImportFileError("unknown_kind", "neither a Hexo post, a feed nor an HTML page")


class ImportFileError(ValueError):
    """A file that cannot be imported; ``reason`` is a short slug for stats."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason


class ImportSpider(scrapy.Spider):
    """Yields the items of local files; makes no requests."""

    name = "import"

    def __init__(
        self, paths: list[str] | str = "", url: str | None = None, parser_source: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.paths = [p for p in paths.split(",") if p] if isinstance(paths, str) else list(paths)
        self.url = url
        # Not "source": crawl runs name their record after a "source" argument (configured feed/site sources).
        self.parser_source = parser_source

    def configured_source(self) -> Source | None:
        """The configured source named by ``parser_source`` (from the crawl's sources file), or None."""
        if not self.parser_source:
            return None
        from crawler.sources import SourceError, load_sources

        path = self.crawler.settings.get("CARBONWATCH_SOURCES_FILE")
        found = [s for s in load_sources(path) if s.name == self.parser_source]
        if not found:
            raise SourceError(f"no configured source {self.parser_source!r} in {path}")
        return found[0]

    async def start(self) -> AsyncIterator[Any]:
        for item in self.iter_items():
            yield item

    def iter_items(self) -> Iterator[ArticleItem]:
        """Every item of every file; a bad file is logged and counted, the others still imported."""
        stats = self.crawler.stats
        files = expand_paths(self.paths)
        if self.url and len(files) > 1:
            logger.warning("--url names one page; ignored because %d files are imported", len(files))
        url = self.url if len(files) == 1 else None
        source = self.configured_source()
        refused = 0
        for path in files:
            try:
                items = items_from_file(path, url, source)
            except OSError as exc:
                logger.warning("cannot read %s: %s", path, exc)
                stats.inc_value("carbonwatch/drop/import_unreadable")
                refused += 1
                continue
            except ValueError as exc:
                reason = getattr(exc, "reason", "unparsable")
                logger.warning("cannot import %s (%s): %s", path, reason, exc)
                stats.inc_value(f"carbonwatch/drop/import_{reason}")
                refused += 1
                continue
            stats.inc_value("carbonwatch/import/files")
            yield from items
        if files and refused == len(files):
            # Logged as an error so the run record says "failed": an import that imported nothing is no success.
            logger.error("nothing imported: every file (%d) was refused; see the warnings above", refused)


def import_spider_factory(name: str) -> type[ImportSpider]:
    """The spider class for :func:`carbonwatch.crawlrun.run_crawl` (``spider_factory``)."""
    if name != ImportSpider.name:
        raise KeyError(name)
    return ImportSpider
