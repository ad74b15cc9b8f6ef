"""Pure RSS 2.0 / RSS 1.0 / Atom parser: feed bytes in, typed entries out (safe lxml: no entities, no network)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import etree

from carbonwatch.textnorm import xml_safe
from crawler.parsers.charset import decode_text

XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
XML_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")
XHTML_NS_RE = re.compile(r'\s+xmlns(?::\w+)?="http://www\.w3\.org/1999/xhtml"')
# C0 controls XML 1.0 forbids, raw or as character references (&#11; &#x1F;). In an ASCII-compatible encoding
# (UTF-8, GB18030, Big5 …) these bytes never belong to a multi-byte character, so they can be cut as bytes.
XML_SPACE_BYTES_RE = re.compile(rb"[\x0b\x0c]")
XML_CONTROL_BYTES_RE = re.compile(rb"[\x00-\x08\x0e-\x1f]")
XML_CONTROL_REF_RE = re.compile(rb"&#(?:0*(?:[0-8]|1[124-9]|2\d|3[01])|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]));")


class FeedError(ValueError):
    """The document is not well-formed XML or not an RSS/Atom feed."""


@dataclass
class FeedEntry:
    """One feed item as the feed states it; ``content_html`` is the fullest body (content over summary)."""

    title: str
    link: str | None
    guid: str | None
    published_raw: str | None = None
    author: str | None = None
    content_html: str = ""
    summary_html: str = ""
    categories: list[str] = field(default_factory=list)

    @property
    def guid_is_url(self) -> bool:
        """Whether the guid/id is itself an http(s) URL (then it names the same document as the link)."""
        return bool(self.guid) and _scheme(self.guid or "") in ("http", "https")


def _scheme(url: str) -> str:
    try:
        return urlsplit(url).scheme
    except ValueError:  # "https://[host": not a URL at all
        return ""


def _resolve(base: str, link: str | None) -> str | None:
    """``link`` made absolute against ``base``; as written when it does not parse (the spider drops it)."""
    if not link:
        return None
    try:
        return urljoin(base, link)
    except ValueError:
        return link


def _parser() -> etree.XMLParser:
    # Billion-laughs and XXE: never expand entities, never load a DTD or anything from the network.
    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, dtd_validation=False
    )


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(node: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in node if _local(c.tag) == name]


def _child_text(node: etree._Element, *names: str) -> str | None:
    for name in names:
        for child in _children(node, name):
            text = (child.text or "").strip()
            if text:
                return text
    return None


def _atom_text(node: etree._Element) -> str:
    """Atom text constructs as HTML: ``html`` is stored escaped, ``xhtml`` inline, ``text`` must be escaped."""
    kind = node.get("type", "text")
    if kind == "xhtml":
        inner = "".join(etree.tostring(c, encoding="unicode", method="xml") for c in node)
        return XHTML_NS_RE.sub("", inner) or html.escape(node.text or "")
    if kind == "html" or kind.endswith("html"):
        return (node.text or "").strip()
    text = (node.text or "").strip()
    return f"<p>{html.escape(text)}</p>" if text else ""


def _rss_item(item: etree._Element, base: str) -> FeedEntry:
    link = _child_text(item, "link")
    guid = _child_text(item, "guid")
    if not link and guid:
        for g in _children(item, "guid"):
            if g.get("isPermaLink", "true") == "true" and _scheme(guid) in ("http", "https"):
                link = guid
    author = _child_text(item, "creator", "author")
    content = _child_text(item, "encoded")  # content:encoded
    summary = _child_text(item, "description") or ""
    return FeedEntry(
        title=html.unescape(_child_text(item, "title") or "").strip(),
        link=_resolve(base, link),
        guid=guid or (item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")),
        published_raw=_child_text(item, "pubDate", "date", "published", "updated"),
        author=author,
        content_html=content or summary,
        summary_html=summary,
        categories=[c.text.strip() for c in _children(item, "category") + _children(item, "subject") if c.text],
    )


def _atom_entry(entry: etree._Element, base: str) -> FeedEntry:
    link = None
    for candidate in _children(entry, "link"):
        if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
            link = candidate.get("href")
            break
    content_nodes = _children(entry, "content")
    summary_nodes = _children(entry, "summary")
    summary = _atom_text(summary_nodes[0]) if summary_nodes else ""
    content = _atom_text(content_nodes[0]) if content_nodes and not content_nodes[0].get("src") else ""
    author = None
    for a in _children(entry, "author"):
        author = _child_text(a, "name")
    title_nodes = _children(entry, "title")
    title = "".join(title_nodes[0].itertext()).strip() if title_nodes else ""
    return FeedEntry(
        title=html.unescape(title) if title_nodes and title_nodes[0].get("type") == "html" else title,
        link=_resolve(base, link),
        guid=_child_text(entry, "id"),
        published_raw=_child_text(entry, "published", "updated"),
        author=author,
        content_html=content or summary,
        summary_html=summary,
        categories=[c.get("term", "").strip() for c in _children(entry, "category") if c.get("term", "").strip()],
    )


def _without_controls(data: bytes) -> bytes | None:
    """``data`` without the control characters XML forbids; None when it is not in an ASCII-compatible encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4]:
        return None  # UTF-16/32: a control byte there is half of a character
    cleaned = XML_CONTROL_REF_RE.sub(b"", XML_CONTROL_BYTES_RE.sub(b"", XML_SPACE_BYTES_RE.sub(b" ", data)))
    return cleaned if cleaned != data else None


def _repairs(data: bytes) -> Iterator[bytes]:
    """Versions of a feed libxml2 refused, mildest repair first; markup errors are never repaired."""
    # One stray control character (pasted from Word, a vertical tab after a comment) must not lose the feed.
    cleaned = _without_controls(data)
    if cleaned is not None:
        yield cleaned
    # An encoding declaration naming a codec (hex, rot13), an unknown name or a lie: decode the bytes as pages
    # are decoded (BOM, valid UTF-8, the declared name if it is a text encoding, GB18030) and declare UTF-8.
    declared = XML_ENCODING_RE.match(data[:512])
    text = decode_text(data, declared.group(1).decode("ascii") if declared else None)
    yield XML_DECL_RE.sub("", xml_safe(text), count=1).encode("utf-8")


def _parse_xml(data: bytes, url: str) -> etree._Element | None:
    try:
        return etree.fromstring(data, _parser(), base_url=url)
    except etree.XMLSyntaxError as exc:
        for repaired in _repairs(data):
            try:
                return etree.fromstring(repaired, _parser(), base_url=url)
            except etree.XMLSyntaxError:
                continue
        raise FeedError(f"not well-formed XML: {exc}") from exc


def parse_feed(data: bytes | str, url: str) -> list[FeedEntry]:
    """Entries of an RSS 2.0, RSS 1.0 (RDF) or Atom feed fetched from ``url`` (relative links resolved).

    Control characters XML forbids are removed (vertical tab and form feed become spaces) rather than losing
    the whole feed to one of them.
    """
    if isinstance(data, str):
        # lxml refuses str input that carries an encoding declaration; the text is already decoded.
        data = XML_DECL_RE.sub("", xml_safe(data), count=1).encode("utf-8")
    root = _parse_xml(data, url)
    if root is None:
        raise FeedError("empty document")
    kind = _local(root.tag)
    if kind == "feed":
        base = root.get("{http://www.w3.org/XML/1998/namespace}base") or url
        return [_atom_entry(e, base) for e in _children(root, "entry")]
    if kind == "rss":
        channels = _children(root, "channel")
        items = _children(channels[0], "item") if channels else []
        return [_rss_item(i, url) for i in items]
    if kind == "RDF":
        return [_rss_item(i, url) for i in _children(root, "item")]
    raise FeedError(f"root element <{kind}> is not rss, RDF or feed")
