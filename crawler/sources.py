"""Configured sources: load and validate the TOML sources file read by the ``feed`` and ``site`` spiders.

The file (``CARBONWATCH_SOURCES_FILE``; the demo ships ``carbonwatch/demo/sources.toml``) holds ``[[source]]``
tables::

    [[source]]
    name = "ndrc-rss"            # unique; letters, digits, - and _
    kind = "feed"                # "feed" (RSS 2.0 / Atom) or "site" (list page + CSS selectors)
    url = "https://example.org/feed.xml"   # or urls = [...]
    follow = false               # feed: fetch each linked page for the full text
    enabled = true

Every error names the file, the entry and the key, so an operator can fix it without reading code.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cssselect import SelectorError
from parsel.csstranslator import HTMLTranslator

# Schedules are read where the daemon reads them (one place, no import of the scheduler from here).
from carbonwatch.schedule_text import parse_schedule as parse_schedule  # re-exported: the sources file API

MAX_SOURCES_BYTES = 1_000_000
KINDS = ("feed", "site")
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
SELECTOR_KEYS = ("list_selector", "next_selector", "title_selector", "body_selector", "date_selector", "wait_selector")


class SourceError(ValueError):
    """The sources file is unreadable, too large, not TOML, or an entry is invalid."""


@dataclass(frozen=True)
class Source:
    """One configured source (see the module docstring for the file format)."""

    name: str
    kind: str
    urls: tuple[str, ...]
    enabled: bool = True
    list_selector: str | None = None  # site: CSS selecting the article links (``a`` elements or ``::attr(href)``)
    next_selector: str | None = None  # site: CSS selecting the next list page link
    title_selector: str | None = None  # site: CSS for the title on a detail page (default: h1, then <title>)
    body_selector: str | None = None  # site: CSS for the body; feed with follow: CSS for the linked page's body
    date_selector: str | None = None  # site: CSS for the date text on a detail page
    wait_selector: str | None = None  # rendered site: wait for this CSS before reading (default list_selector)
    render: bool = False  # site: render list pages in Chromium (scrapy-playwright)
    follow: bool = False  # feed: fetch the linked page for the full text
    max_pages: int = 3  # site: list pages per run at most
    schedule: str | None = None  # cron ("*/30 * * * *") or interval ("30m", "2h", "1d")
    expected_update_hours: float | None = None  # the health check warns when nothing new arrived for this long
    download_delay: float | None = None  # seconds between requests of this source
    concurrency: int | None = None  # parallel requests of this source
    allowed_domains: tuple[str, ...] = ()  # default: the hosts of ``urls``
    extra_meta: dict[str, str] = field(default_factory=dict)  # copied into every item's meta (``meta = {...}``)

    @property
    def slot(self) -> str:
        """The downloader slot of this source's requests (its politeness settings apply to the slot)."""
        return f"source:{self.name}"

    @property
    def domains(self) -> tuple[str, ...]:
        """Hosts this source may fetch from."""
        if self.allowed_domains:
            return self.allowed_domains
        return tuple(sorted({(urlsplit(u).hostname or "").lower() for u in self.urls}))


KNOWN_KEYS = {f.name for f in fields(Source)} - {"urls", "extra_meta"} | {"url", "urls", "meta"}


def _check_selector(value: str) -> None:
    HTMLTranslator().css_to_xpath(value)


def _url_ok(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _entry(raw: Any, where: str) -> Source:
    if not isinstance(raw, dict):
        raise SourceError(f"{where}: each [[source]] must be a table")
    for key in raw:
        if key not in KNOWN_KEYS:
            hint = difflib.get_close_matches(key, sorted(KNOWN_KEYS), n=1)
            raise SourceError(f"{where}: unknown key {key!r}" + (f" (did you mean {hint[0]!r}?)" if hint else ""))
    name = raw.get("name")
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise SourceError(f"{where}: 'name' must be 1-64 letters, digits, '-' or '_' (got {name!r})")
    where = f"{where} ({name})"
    kind = raw.get("kind")
    if kind not in KINDS:
        raise SourceError(f"{where}: 'kind' must be one of {', '.join(KINDS)} (got {kind!r})")
    urls_raw = raw.get("urls", [raw["url"]] if "url" in raw else [])
    if isinstance(urls_raw, str):
        urls_raw = [urls_raw]
    if not urls_raw:
        raise SourceError(f"{where}: missing 'url' (or 'urls')")
    for url in urls_raw:
        if not isinstance(url, str) or not _url_ok(url):
            raise SourceError(f"{where}: {url!r} is not an http(s) URL")
    values: dict[str, Any] = {"name": name, "kind": kind, "urls": tuple(urls_raw)}
    for key in SELECTOR_KEYS:
        if key in raw:
            if not isinstance(raw[key], str) or not raw[key].strip():
                raise SourceError(f"{where}: {key!r} must be a non-empty CSS selector string")
            try:
                _check_selector(raw[key])
            except SelectorError as exc:
                raise SourceError(f"{where}: {key!r} is not a valid CSS selector ({raw[key]!r}): {exc}") from exc
            values[key] = raw[key]
    for key in ("enabled", "render", "follow"):
        if key in raw:
            if not isinstance(raw[key], bool):
                raise SourceError(f"{where}: {key!r} must be true or false")
            values[key] = raw[key]
    for key, kind_ok in (("max_pages", int), ("concurrency", int)):
        if key in raw:
            if not isinstance(raw[key], kind_ok) or isinstance(raw[key], bool) or raw[key] < 1:
                raise SourceError(f"{where}: {key!r} must be a positive integer")
            values[key] = raw[key]
    for key in ("download_delay", "expected_update_hours"):
        if key in raw:
            if not isinstance(raw[key], int | float) or isinstance(raw[key], bool) or raw[key] < 0:
                raise SourceError(f"{where}: {key!r} must be a number >= 0")
            values[key] = float(raw[key])
    if "schedule" in raw:
        try:
            parse_schedule(str(raw["schedule"]))
        except ValueError as exc:
            raise SourceError(f"{where}: bad 'schedule' {raw['schedule']!r}: {exc}") from exc
        values["schedule"] = str(raw["schedule"])
    if "allowed_domains" in raw:
        domains = raw["allowed_domains"]
        if not isinstance(domains, list) or not all(isinstance(d, str) and d for d in domains):
            raise SourceError(f"{where}: 'allowed_domains' must be a list of host names")
        values["allowed_domains"] = tuple(d.lower() for d in domains)
    if "meta" in raw:
        if not isinstance(raw["meta"], dict):
            raise SourceError(f"{where}: 'meta' must be a table of strings")
        values["extra_meta"] = {str(k): str(v) for k, v in raw["meta"].items()}
    if kind == "site":
        for key in ("list_selector", "body_selector"):
            if key not in values:
                raise SourceError(f"{where}: a 'site' source needs {key!r}")
    elif values.get("render"):
        raise SourceError(f"{where}: 'render' applies to kind = 'site' only")
    return Source(**values)


def parse_sources(text: str, origin: str = "<sources>") -> list[Source]:
    """Parse and validate sources TOML ``text``; ``origin`` names the file in error messages."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(f"{origin}: not valid TOML: {exc}") from exc
    unknown = set(doc) - {"source"}
    if unknown:
        raise SourceError(f"{origin}: unknown top-level key(s) {', '.join(sorted(unknown))}; use [[source]] tables")
    entries = doc.get("source", [])
    if not isinstance(entries, list):
        raise SourceError(f"{origin}: 'source' must be an array of tables ([[source]])")
    sources = [_entry(raw, f"{origin}: source #{i + 1}") for i, raw in enumerate(entries)]
    seen: set[str] = set()
    for src in sources:
        if src.name in seen:
            raise SourceError(f"{origin}: duplicate source name {src.name!r}")
        seen.add(src.name)
    return sources


def load_sources(path: str | Path | None) -> list[Source]:
    """Read and validate the sources file at ``path``; no path means no configured sources."""
    if not path:
        return []
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_SOURCES_BYTES:
            raise SourceError(f"{path}: sources file is {size} bytes, larger than {MAX_SOURCES_BYTES}")
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read sources file {path}: {exc}") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: sources file is not UTF-8: {exc}") from exc
    return parse_sources(text, str(path))


def select_sources(sources: list[Source], kind: str, name: str | None) -> list[Source]:
    """The sources a spider runs: the one named (even if disabled), else every enabled source of ``kind``."""
    if name:
        chosen = [s for s in sources if s.name == name]
        if not chosen:
            known = ", ".join(s.name for s in sources if s.kind == kind) or "none"
            raise SourceError(f"no source named {name!r} (known {kind} sources: {known})")
        if chosen[0].kind != kind:
            raise SourceError(f"source {name!r} is a {chosen[0].kind!r} source, not {kind!r}")
        return chosen
    return [s for s in sources if s.kind == kind and s.enabled]


def download_slots(sources: list[Source]) -> dict[str, dict[str, Any]]:
    """``DOWNLOAD_SLOTS`` entries giving each source its own delay and concurrency."""
    slots: dict[str, dict[str, Any]] = {}
    for src in sources:
        slot: dict[str, Any] = {}
        if src.download_delay is not None:
            slot["delay"] = src.download_delay
        if src.concurrency is not None:
            slot["concurrency"] = src.concurrency
        if slot:
            slots[src.slot] = slot
    return slots
