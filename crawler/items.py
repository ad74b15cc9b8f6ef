"""Typed items passed from spiders through the pipelines (read there through ItemAdapter)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any


def utcnow() -> datetime:
    """The current time as an aware UTC datetime."""
    return datetime.now(UTC)


@dataclass
class ArticleItem:
    """One article or policy document, as a spider found it and as the pipelines enrich it.

    Spiders fill the first block from pure parser output; each pipeline fills its own block. Items never carry
    Response objects: only strings, numbers, datetimes, lists and dicts, so they pickle and serialise.
    """

    # -- filled by the spider (from a parser) --
    url: str  # the URL the article was fetched from
    source: str  # the source name (spider name or configured source)
    title: str = ""
    body_html: str = ""  # the raw main-content HTML fragment, before cleaning
    canonical_url: str = ""  # one URL per document (see crawler.urls.canonicalize); spider sets it
    published_raw: str | None = None  # the publication date as the page writes it
    published_at: datetime | None = None  # aware UTC; a parser may set it from machine-readable metadata
    written_at: datetime | None = None  # 成文日期 of a government document, aware UTC
    media: str | None = None  # the media source named on the page (新京报, 参考消息 …)
    editor: str | None = None  # 责任编辑 name
    editor_code: str | None = None  # the editor's staff code (SF014)
    keywords: list[str] = field(default_factory=list)
    doc_id: str | None = None  # the site's own document id (Sina: the part after doc-i)
    fetched_at: datetime = field(default_factory=utcnow)
    meta: dict[str, str] = field(default_factory=dict)  # site metadata (索引号, 发文机关, 发文字号, 栏目 …)
    attachments: list[dict[str, str]] = field(default_factory=list)  # {"name", "url", "type"}
    list_meta: dict[str, Any] = field(default_factory=dict)  # what the list page/API said about it
    # -- filled by pipelines.clean --
    html: str = ""  # sanitised HTML (tag and attribute whitelist)
    text: str = ""  # plain text, one paragraph per line
    # -- filled by pipelines.dedup --
    content_hash: str = ""
    duplicate: dict[str, Any] | None = None  # {"kind": "exact"|"near", "original_id", "original_url", "similarity"}
    # -- filled by pipelines.classify --
    carbon: dict[str, Any] | None = None  # {"relevant", "score", "evidence": [...]}
    policy: dict[str, Any] | None = None  # {"is_release", "documents": [...]}
    flag: bool = False
    # -- filled by pipelines.store --
    article_id: int | None = None
    status: str | None = None  # "new", "revised", "unchanged", "duplicate"
