"""Rebuild the Sina part of the offline demo snapshot (and the spider's test site) from the shared real data.

Developers only (users get the built files, committed under ``carbonwatch/demo/site``)::

    python -m carbonwatch.demo.build [--data /work/shared/data] [--out carbonwatch/demo/site]
    python -m carbonwatch.demo.build --fixture [--out tests/fixtures/sina_finance/site]

What it writes, under ``<out>/<host>/<path>`` (the layout of :mod:`carbonwatch.devserver`):

- the saved Sina pages of ``sina_pages/`` under their real URL paths (their ``og:url``), with the large
  head scripts and stylesheets dropped to keep the snapshot small (the article markup is left as it is);
- every Sina RSSHub post (and the seed) as a 2021 finance article page: the post body inside the finance
  template's ``#artibody``, with ``.date``, ``.source``, ``og:*`` and ``article:published_time``; its document URL
  is invented deterministically from a hash of the title, with the post's date in the path;
- roll API replies ``feed.mix.sina.com.cn/api/roll/get/lid=<lid>&page=<n>`` listing them newest first (1686:
  the posts, 1689: the saved pages), an empty page after the last, and ``robots.txt`` allowing all on each host.

Only the Sina hosts are replaced; other hosts in the snapshot (the policy sites) are left alone.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

SHANGHAI = timezone(timedelta(hours=8))
DEFAULT_DATA = Path("/work/shared/data")
DEMO_SITE = Path(__file__).resolve().parent / "site"
SINA_HOSTS = ("feed.mix.sina.com.cn", "finance.sina.com.cn", "news.sina.com.cn", "tech.sina.com.cn", "finance.sina.cn")
ROLL_DIR = "feed.mix.sina.com.cn/api/roll/get"
ROBOTS = "User-agent: *\nAllow: /\n"
PAGE_SIZE = 10
# Head scripts (ad loaders, trackers) and stylesheets are most of a saved page's bytes and none of its content.
BIG_SCRIPT_RE = re.compile(r"<script\b[^>]*>.*?</script>", re.S | re.I)
BIG_STYLE_RE = re.compile(r"<style\b[^>]*>.*?</style>", re.S | re.I)
OG_URL_RE = re.compile(r"""<meta\s+property=["']og:url["']\s+content=["']([^"']+)["']""", re.I)
PUBLISHED_RE = re.compile(r"""<meta\s+property=["']article:published_time["']\s+content=["']([^"']+)["']""", re.I)
OG_TITLE_RE = re.compile(r"""<meta\s+property=["']og:title["']\s+content=["']([^"']*)["']""", re.I)
MEDIA_RE = re.compile(r"""<meta\s+name=["']mediaid["']\s+content=["']([^"']*)["']""", re.I)
URL_DATE_RE = re.compile(r"/(\d{4}-\d{2}-\d{2})/")
FRONT_FIELD_RE = re.compile(r"^(?P<key>[a-z_]+):\s*(?P<value>.*)$")

ARTICLE_TEMPLATE = """<!DOCTYPE html>
<html>
<head>
    <meta charset="utf-8">
    <meta http-equiv="X-UA-Compatible" content="IE=edge">
    <title>{title}_新浪财经_新浪网</title>
    <meta name="keywords" content="{keywords}">
    <meta name="description" content="{description}">
    <meta name="mediaid" content="{media}">
    <meta property="og:type" content="news">
    <meta property="og:title" content="{title}">
    <meta property="og:description" content="{description}">
    <meta property="og:url" content="{url}">
    <meta property="article:published_time" content="{published_iso}">
    <meta property="article:author" content="{media}">
    <meta name="sudameta" content="comment_channel:cj;comment_id:comos-{comos}">
</head>
<body>
<div class="main-content w1240">
    <h1 class="main-title">{title}</h1>
    <div class="top-bar-wrap"><div class="top-bar"><div class="date-source">
        <span class="date">{display_date}</span>
        <a href="https://finance.sina.com.cn/" target="_blank" class="source ent-source">{media}</a>
    </div></div></div>
    <div class="article-content clearfix" id="article_content">
        <div class="article-content-left">
            <!-- 正文 start -->
            <div class="article" id="artibody" data-sudaclick="blk_content">
{body}
            </div>
            <!-- 正文 end -->
            <div class="keywords" id="keywords" data-wbkey="{keywords}"></div>
        </div>
    </div>
</div>
</body>
</html>
"""


@dataclass
class DemoArticle:
    """One article of the snapshot: where it lives, what the roll API says about it."""

    url: str
    title: str
    media: str
    published: datetime  # aware
    html: str


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Title/author/date and body of an RSSHub→Hexo post (a blank line, ``---``, fields, ``---``, body)."""
    lines = text.lstrip("\n").split("\n")
    if not lines or lines[0].strip() != "---":
        raise ValueError("no front matter")
    fields: dict[str, str] = {}
    end = 1
    for end in range(1, len(lines)):
        line = lines[end]
        if line.strip() == "---":
            break
        match = FRONT_FIELD_RE.match(line)
        if match:
            value = match.group("value").strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1].replace("''", "'")
            fields[match.group("key")] = value
    body = "\n".join(lines[end + 1 :])
    return fields, body.replace("&#123;", "{").replace("&#125;", "}")


def doc_url_for(title: str, published: datetime) -> str:
    """A stable invented Sina document URL: ``doc-i`` + 8 letters + 7 digits from the title's hash."""
    digest = hashlib.sha256(title.encode("utf-8")).digest()
    letters = "".join(chr(ord("a") + b % 26) for b in digest[:8])
    digits = "".join(str(b % 10) for b in digest[8:15])
    day = published.astimezone(SHANGHAI).strftime("%Y-%m-%d")
    return f"https://finance.sina.com.cn/china/gncj/{day}/doc-i{letters}{digits}.shtml"


def post_article(text: str) -> DemoArticle | None:
    """A post as a finance article page, or None for posts that did not come from Sina."""
    fields, body = _front_matter(text)
    if "新浪" not in text.split("---", 2)[1]:
        return None
    title = fields["title"]
    published = parsedate_to_datetime(fields["date"])
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    local = published.astimezone(SHANGHAI)
    url = doc_url_for(title, published)
    media = fields.get("author") or "新浪财经"
    plain = re.sub(r"<[^>]+>|\s+|　", "", body)
    page = ARTICLE_TEMPLATE.format(
        title=html.escape(title),
        keywords=html.escape(title[:12]),
        description=html.escape(plain[:120]),
        media=html.escape(media),
        url=url,
        published_iso=local.isoformat(),
        comos=url.rsplit("doc-i", 1)[1].split(".")[0],
        display_date=local.strftime("%Y年%m月%d日 %H:%M"),
        body=body.strip("\n"),
    )
    return DemoArticle(url=url, title=title, media=media, published=published, html=page)


def saved_page_article(raw: str) -> DemoArticle:
    """A saved Sina page, trimmed of big scripts/styles, under the URL its og:url names."""
    match = OG_URL_RE.search(raw)
    if not match:
        raise ValueError("saved page without og:url")
    url = match.group(1)
    published_match = PUBLISHED_RE.search(raw)
    if published_match:
        published = datetime.fromisoformat(published_match.group(1))
        if published.tzinfo is None:
            published = published.replace(tzinfo=SHANGHAI)
    else:
        day = URL_DATE_RE.search(url)
        published = datetime.fromisoformat(day.group(1) if day else "2020-01-01").replace(tzinfo=SHANGHAI)
    title_match = OG_TITLE_RE.search(raw)
    media_match = MEDIA_RE.search(raw)
    trimmed = BIG_SCRIPT_RE.sub(lambda m: "" if len(m.group(0)) > 300 else m.group(0), raw)
    trimmed = BIG_STYLE_RE.sub(lambda m: "" if len(m.group(0)) > 1500 else m.group(0), trimmed)
    return DemoArticle(
        url=url,
        title=html.unescape(title_match.group(1)) if title_match else "",
        media=html.unescape(media_match.group(1)) if media_match else "",
        published=published,
        html=trimmed,
    )


def roll_entry(article: DemoArticle) -> dict[str, object]:
    """One item of a roll API reply, with the fields the real API carries."""
    doc = article.url.rsplit("-i", 1)[-1].split(".")[0]
    stamp = str(int(article.published.timestamp()))
    return {
        "docid": f"comos:{doc}",
        "title": article.title,
        "url": article.url,
        "wapurl": "",
        "intro": "",
        "media_name": article.media,
        "keywords": "",
        "intime": stamp,
        "ctime": stamp,
        "mtime": stamp,
    }


def roll_reply(lid: int, entries: list[dict[str, object]], total: int) -> str:
    """A roll API JSON reply (``result.status.code`` 0)."""
    doc = {
        "result": {
            "status": {"code": 0, "msg": "succ"},
            "timestamp": "Sat Nov 20 10:00:00 +0800 2021",
            "total": total,
            "lid": lid,
            "data": entries,
        }
    }
    return json.dumps(doc, ensure_ascii=False, indent=1)


def path_for(root: Path, url: str) -> Path:
    """Where the snapshot keeps ``url``."""
    parts = urlsplit(url)
    return root / (parts.hostname or "") / parts.path.lstrip("/")


def write_roll(root: Path, lid: int, articles: list[DemoArticle], page_size: int = PAGE_SIZE) -> int:
    """Write the list pages of ``lid`` (newest first) and one empty page after them; returns the page count."""
    roll_dir = root / ROLL_DIR
    roll_dir.mkdir(parents=True, exist_ok=True)
    (roll_dir / "_query.json").write_text(json.dumps({"keys": ["lid", "page"]}) + "\n", "utf-8")
    ordered = sorted(articles, key=lambda a: a.published, reverse=True)
    pages = [ordered[i : i + page_size] for i in range(0, len(ordered), page_size)] + [[]]
    for number, chunk in enumerate(pages, start=1):
        name = f"lid={lid}&page={number}"
        (roll_dir / name).write_text(roll_reply(lid, [roll_entry(a) for a in chunk], len(ordered)), "utf-8")
        sidecar = {"headers": {"Content-Type": "application/json; charset=utf-8"}}
        (roll_dir / f"{name}.http.json").write_text(json.dumps(sidecar) + "\n", "utf-8")
    return len(pages)


def write_articles(root: Path, articles: list[DemoArticle]) -> None:
    """Write each article page under its URL path, and robots.txt on each host."""
    for article in articles:
        target = path_for(root, article.url)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(article.html, "utf-8")
    for host in {urlsplit(a.url).hostname for a in articles} | {"feed.mix.sina.com.cn"}:
        (root / str(host)).mkdir(parents=True, exist_ok=True)
        (root / str(host) / "robots.txt").write_text(ROBOTS, "utf-8")


def load_posts(data: Path) -> list[DemoArticle]:
    """The seed and every Sina RSSHub post as article pages."""
    files = sorted((data / "rsshub_posts" / "source" / "_posts").rglob("*.md")) + sorted((data / "seed").glob("*.md"))
    articles = []
    for path in files:
        article = post_article(path.read_text("utf-8"))
        if article is not None:
            articles.append(article)
    return articles


def load_saved_pages(data: Path) -> list[DemoArticle]:
    """The saved Sina pages of ``sina_pages/``."""
    pages = sorted((data / "sina_pages").rglob("*.html"))
    return [saved_page_article(p.read_text("utf-8", errors="replace")) for p in pages]


def build_demo(data: Path, out: Path) -> dict[str, int]:
    """Replace the Sina hosts of the demo snapshot at ``out``; returns counts for the report."""
    for host in SINA_HOSTS:
        shutil.rmtree(out / host, ignore_errors=True)
    posts = load_posts(data)
    saved = load_saved_pages(data)
    write_articles(out, posts + saved)
    pages_1686 = write_roll(out, 1686, posts)
    pages_1689 = write_roll(out, 1689, saved)
    size = sum(p.stat().st_size for host in SINA_HOSTS for p in (out / host).rglob("*") if p.is_file())
    return {"posts": len(posts), "saved_pages": len(saved), "roll_pages": pages_1686 + pages_1689, "bytes": size}


# Posts of the spider's test site: short ones, so the engine tests stay fast; one is listed on page 2.
FIXTURE_POSTS = (
    "金融/新浪财经/新浪财经－国內/央行推出碳减排支持工具.md",
    "金融/新浪财经/新浪财经－国內/100万吨国家钾肥储备投放保春耕.md",
    "金融/新浪财经/新浪财经－国內/1-6月全国电力市场交易电量17023亿千瓦时 同比增长416%.md",
)


def build_fixture(data: Path, out: Path) -> dict[str, int]:
    """The small test site: lid 1686 = seed + 3 posts over two pages; lids 9001-9004 replay bad replies."""
    shutil.rmtree(out, ignore_errors=True)
    posts_dir = data / "rsshub_posts" / "source" / "_posts"
    articles = [post_article(next((data / "seed").glob("*.md")).read_text("utf-8"))]
    articles += [post_article((posts_dir / name).read_text("utf-8")) for name in FIXTURE_POSTS]
    good = [a for a in articles if a is not None]
    write_articles(out, good)
    write_roll(out, 1686, good, page_size=3)
    roll_dir = out / ROLL_DIR
    # 9001: an HTML error page where JSON was expected; 9002: JSON cut off; 9003: the API's own error status.
    (roll_dir / "lid=9001&page=1").write_text("<html><body>访问过于频繁</body></html>", "utf-8")
    full = roll_reply(9002, [roll_entry(good[0])], 1)
    (roll_dir / "lid=9002&page=1").write_text(full[: len(full) // 2], "utf-8")
    bad_status = {"result": {"status": {"code": 1, "msg": "lid error"}, "data": []}}
    (roll_dir / "lid=9003&page=1").write_text(json.dumps(bad_status), "utf-8")
    # 9004: one article missing (404), one answering 500 every time, one that is a PNG image.
    missing = DemoArticle(doc_url_for("missing", good[0].published), "缺失的文章", "新浪财经", good[0].published, "")
    failing = DemoArticle(doc_url_for("failing", good[0].published), "出错的文章", "新浪财经", good[0].published, "")
    image = DemoArticle(
        doc_url_for("image", good[0].published).replace(".shtml", ".png"), "图片", "新浪财经", good[0].published, ""
    )
    (roll_dir / "lid=9004&page=1").write_text(
        roll_reply(9004, [roll_entry(a) for a in (missing, failing, image)], 3), "utf-8"
    )
    (roll_dir / "lid=9004&page=2").write_text(roll_reply(9004, [], 3), "utf-8")
    failing_path = path_for(out, failing.url)
    failing_path.write_text("<html><body>服务器错误</body></html>", "utf-8")
    failing_path.with_name(failing_path.name + ".http.json").write_text(json.dumps({"status": 500}) + "\n", "utf-8")
    path_for(out, image.url).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    # 9005: rate limited. One page asks to come back at once (waited out, then given up on: it never recovers),
    # one asks for an hour (beyond the cap: given up on at once).
    busy = [
        DemoArticle(doc_url_for(name, good[0].published), name, "新浪财经", good[0].published, "")
        for name in ("retry_now", "retry_later")
    ]
    (roll_dir / "lid=9005&page=1").write_text(roll_reply(9005, [roll_entry(a) for a in busy], 2), "utf-8")
    (roll_dir / "lid=9005&page=2").write_text(roll_reply(9005, [], 2), "utf-8")
    for article, wait in zip(busy, ("0", "3600"), strict=True):
        target = path_for(out, article.url)
        target.write_text("<html><body>请求过于频繁</body></html>", "utf-8")
        sidecar = {"status": 429, "headers": {"Retry-After": wait}}
        target.with_name(target.name + ".http.json").write_text(json.dumps(sidecar) + "\n", "utf-8")
    return {"articles": len(good)}


def main(argv: list[str] | None = None) -> None:
    """Build the demo snapshot (default) or the spider's test site (``--fixture``)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--fixture", action="store_true", help="build tests/fixtures/sina_finance/site instead")
    args = parser.parse_args(argv)
    if args.fixture:
        out = args.out or Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "sina_finance" / "site"
        counts = build_fixture(args.data, out)
    else:
        counts = build_demo(args.data, args.out or DEMO_SITE)
    print(json.dumps(counts))  # noqa: T201 - a developer's build script reports what it wrote


if __name__ == "__main__":
    main()
