"""Parser for RSSHub→Hexo posts: hand-parsed front matter (never yaml.load) and the body HTML.

A post looks like::

    <blank line>
    ---
    title: '发改委：…'
    categories:
     - 金融
     - 新浪财经
    author: 新浪财经
    date: Tue, 16 Nov 2021 03:43:46 GMT
    ---
    <div>…body HTML, every { and } written as &#123; / &#125;…</div>

Posts carry no link to the original article, so ``Post.url`` is None unless the caller knows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HEXO_BRACES_RE = re.compile(r"&(?:amp;)?#(123|125);")
KEY_RE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
LIST_ITEM_RE = re.compile(r"^\s+-\s*(?P<value>.*)$")
FENCE = "---"
POST_SUFFIXES = (".md", ".markdown")  # file names that are Hexo posts whatever their first bytes say


class PostParseError(ValueError):
    """The text is not a Hexo post (no front matter fence, or no title)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason


@dataclass
class Post:
    """One Hexo post: front-matter fields and the body HTML (braces restored)."""

    title: str
    date_raw: str | None
    author: str | None
    categories: list[str]
    body_html: str
    url: str | None = None
    headimg: str | None = None
    path: str | None = None
    front_matter: dict[str, str] = field(default_factory=dict)


def unescape_braces(text: str) -> str:
    """Undo Hexo's ``&#123;`` / ``&#125;`` escaping of ``{`` and ``}``."""
    return HEXO_BRACES_RE.sub(lambda m: "{" if m.group(1) == "123" else "}", text)


def _scalar(raw: str) -> str:
    """A YAML-ish scalar: strip, then drop matching quotes ('' inside single quotes is one quote)."""
    value = raw.strip()
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return value


def parse_post(text: str, path: str | None = None) -> Post:
    """Parse a Hexo post's front matter and body; raise ``PostParseError`` when it is not one."""
    lines = text.lstrip("\ufeff").splitlines()
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1  # RSSHub's Hexo export puts a blank line before the opening fence
    if start >= len(lines) or lines[start].strip() != FENCE:
        raise PostParseError("no_front_matter", "no opening '---' line")
    try:
        end = next(i for i in range(start + 1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise PostParseError("no_front_matter", "no closing '---' line") from None
    fields: dict[str, str] = {}
    lists: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines[start + 1 : end]:
        item = LIST_ITEM_RE.match(line)
        if item and current is not None:
            lists.setdefault(current, []).append(unescape_braces(_scalar(item.group("value"))))
            continue
        match = KEY_RE.match(line)
        if match:
            current = match.group("key")
            fields[current] = unescape_braces(_scalar(match.group("value")))
    title = fields.get("title", "").strip()
    if not title:
        raise PostParseError("no_title", "front matter has no title")
    categories = lists.get("categories") or ([fields["categories"]] if fields.get("categories") else [])
    return Post(
        title=title,
        date_raw=fields.get("date") or None,
        author=fields.get("author") or None,
        categories=[c for c in categories if c],
        body_html=unescape_braces("\n".join(lines[end + 1 :])).strip(),
        url=None,
        headimg=fields.get("headimg") or None,
        path=path,
        front_matter=fields,
    )
