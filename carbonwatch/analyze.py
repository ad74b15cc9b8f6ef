"""Offline analysis of one saved page or Hexo post: the same extraction, cleaning, dating and classification a
crawl applies, without Scrapy or a database (``carbonwatch analyze PATH``). The parser is the one of the page's
site (Sina, gov.cn, MEE, NDRC), or a configured source's selectors."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from carbonwatch.posts import POST_SUFFIXES, parse_post
from carbonwatch.textnorm import content_hash
from crawler.items import ArticleItem
from crawler.parsers.pages import parse_page, url_from_page
from crawler.parsers.sina import decode_html
from crawler.sources import Source
from crawler.urls import sina_doc_id
from pipelines.clean import clean_html
from pipelines.dates import format_local, parse_date

logger = logging.getLogger(__name__)


class AnalyzeError(ValueError):
    """The input could not be analysed (unreadable, not a page, nothing usable in it)."""


def _finish(item: ArticleItem, now: datetime, classify: bool) -> ArticleItem:
    """Clean, date and classify an item the way the pipelines do (pure: no stats, no drops)."""
    cleaned = clean_html(item.body_html, item.url or None)
    item.html, item.text = cleaned.html, cleaned.text
    item.editor = item.editor or cleaned.editor
    item.editor_code = item.editor_code or cleaned.editor_code
    item.media = item.media or cleaned.media
    if item.published_at is None and item.published_raw:
        item.published_at = parse_date(item.published_raw, now)
    item.content_hash = content_hash(item.text)
    if classify:
        _classify(item)
    return item


def _classify(item: ArticleItem) -> None:
    # Imported here: extraction alone (``classify=False``, the extraction benchmark) does not need the classifier.
    from carbonwatch.config import load_config
    from pipelines.classify import classify_item, load_rules

    # The rules a crawl would use: the configured file (CARBONWATCH_RULES_FILE), else the shipped ones.
    classify_item(item, load_rules(load_config().rules_file))


def analyze_html(
    html: str, url: str, now: datetime, *, classify: bool = True, source: Source | None = None
) -> ArticleItem:
    """Analyse a saved page with the parser of ``url``'s site, or with the selectors of a configured ``source``.

    ``url`` is where the page came from: it picks the parser (:func:`crawler.parsers.pages.parse_page`), gives the
    doc id and resolves links.
    """
    item = parse_page(html, url, source=source)
    item.fetched_at = now
    return _finish(item, now, classify)


def analyze_post(text: str, path: str | None, now: datetime, *, classify: bool = True) -> ArticleItem:
    """Analyse an RSSHub→Hexo post. Posts carry no link: ``url`` stays empty (nothing fake is derived)."""
    post = parse_post(text, path)
    item = ArticleItem(
        url="",
        source="rsshub_post",
        title=post.title,
        body_html=post.body_html,
        published_raw=post.date_raw,
        media=post.author,
        fetched_at=now,
        list_meta={"categories": post.categories, "path": path or ""},
    )
    return _finish(item, now, classify)


def analyze_path(
    path: str | Path,
    url: str | None = None,
    now: datetime | None = None,
    *,
    classify: bool = True,
    source: Source | None = None,
) -> ArticleItem:
    """Analyse a file: a Hexo post (``.md``) or an HTML page (any encoding, decoded like a crawl would).

    A page's URL is ``url``, else its own canonical link, ``og:url`` or ``<meta name="Url">``, else the file's URI.
    """
    now = now or datetime.now(UTC)
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise AnalyzeError(f"cannot read {file}: {exc.strerror or exc}") from exc
    text = decode_html(data, None)
    if file.suffix.lower() in POST_SUFFIXES or text.lstrip().startswith("---"):
        return analyze_post(text, str(file), now, classify=classify)
    page_url = url or url_from_page(text) or file.resolve().as_uri()
    return analyze_html(text, page_url, now, classify=classify, source=source)


def item_to_json(item: ArticleItem, input_name: str | None = None) -> dict[str, Any]:
    """The JSON object ``carbonwatch analyze --json`` prints for one input."""
    return {
        "input": input_name,
        "url": item.url or None,
        "canonical_url": item.canonical_url or None,
        "doc_id": item.doc_id or (sina_doc_id(item.url) if item.url else None),
        "title": item.title,
        "published_at": format_local(item.published_at) if item.published_at else None,
        "published_raw": item.published_raw,
        "source": item.media,
        "editor": item.editor,
        "editor_code": item.editor_code,
        "keywords": item.keywords,
        "text": item.text,
        "html": item.html,
        "content_hash": item.content_hash,
        "carbon": item.carbon,
        "policy": item.policy,
        "flag": item.flag,
    }
