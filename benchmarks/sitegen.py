"""Generate a deterministic local Sina Finance site (roll-API JSON pages + article pages) in snapshot layout.

The article pages are built from a trimmed real Sina Finance page (``templates/sina_finance_article.html``) and the
bodies of a few real Sina posts (``templates/bodies/*.html``): their sentences are recombined and their figures
re-drawn from a seeded RNG, so every article has distinct text but the real markup and boilerplate (QR block,
editor line, CMS comments). A fraction of articles are near-duplicate reprints of earlier ones (another URL and
media, one paragraph changed). The layout is the one :mod:`carbonwatch.devserver` and
:mod:`benchmarks.fastserver` serve: ``<root>/<host>/<path>``, the roll API answered through ``_query.json``.

Run by hand: ``python -m benchmarks.sitegen OUT_DIR [--articles N] [--seed S]``.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote

TEMPLATES = Path(__file__).resolve().parent / "templates"
ARTICLE_HOST = "finance.sina.com.cn"
ROLL_HOST = "feed.mix.sina.com.cn"
ROLL_PATH = "api/roll/get"
ROLL_QUERY_KEYS = ["lid", "page"]
DEFAULT_LIDS = (1686, 1689)
CST = timezone(timedelta(hours=8))

PARAGRAPH_RE = re.compile(r"<p[^>]*>(.*?)</p>", re.S)
TAG_RE = re.compile(r"<[^>]+>")
SENTENCE_RE = re.compile(r"[^。！？]*[。！？]")
CLAUSE_RE = re.compile(r"[^，；。！？]+")
# Figures are re-drawn, years are kept (a re-drawn year reads wrong and confuses the date pipeline).
DIGIT_RE = re.compile(r"\d{4}年|\d")
# The boilerplate tail of a Sina body starts at the first of these CMS comments.
TAIL_MARKERS = ("<!--article_adlist", "<!-- news_keyword_pub")
EDITOR_RE = re.compile(r'<p class="article-editor">责任编辑：[^<]*</p>')

MEDIA = [
    ("新华社", "http://www.xinhuanet.com/"),
    ("中国证券报", "http://www.cs.com.cn/"),
    ("经济参考报", "http://www.jjckb.cn/"),
    ("证券时报", "http://www.stcn.com/"),
    ("上海证券报", "http://www.cnstock.com/"),
    ("21世纪经济报道", "http://www.21jingji.com/"),
    ("华商报", "http://www.hsw.cn/"),
    ("新京报", "http://www.bjnews.com.cn/"),
]
CITIES = [
    "北京",
    "上海",
    "广州",
    "深圳",
    "西安",
    "成都",
    "武汉",
    "杭州",
    "南京",
    "天津",
    "重庆",
    "郑州",
    "济南",
    "长沙",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇浩然晨曦佳琪思远子涵雨欣"
TOPICS = [
    "碳达峰",
    "碳中和",
    "节能减排",
    "绿色金融",
    "电力市场",
    "新能源汽车",
    "光伏产业",
    "全国碳市场",
    "工业利润",
    "房地产投资",
    "消费市场",
    "外贸进出口",
    "制造业投资",
    "财政收入",
]
HEADLINE_FORMS = [
    "{city}{topic}{verb} {m}月{figure}",
    "{topic}新动向：{city}{verb}",
    "{m}月{city}{topic}{verb}",
    "{org}：{topic}{verb}",
    "{city}发布{topic}实施方案 {verb}",
]
VERBS = ["稳步推进", "同比增长", "持续回暖", "加快落地", "迎来新机遇", "取得积极进展", "保持平稳", "明显改善"]
ORGS = ["国家发展改革委", "生态环境部", "人民银行", "国家统计局", "工业和信息化部", "国家能源局", "财政部"]


@dataclass
class GeneratedArticle:
    """One article of the generated site, with what the roll API says about it."""

    index: int
    doc_id: str  # "ihqfskcn2160999"
    url: str
    title: str
    media: str
    media_url: str
    published: datetime  # aware, China time
    paragraphs: list[str]
    keywords: list[str]
    base_body: str  # which template body gave the boilerplate tail
    reprint_of: int | None = None
    lid: int = DEFAULT_LIDS[0]

    def roll_entry(self) -> dict[str, object]:
        """The article as a Sina roll-API ``data`` entry."""
        stamp = str(int(self.published.timestamp()))
        return {
            "docid": f"comos:{self.doc_id[1:]}",
            "title": self.title,
            "stitle": self.title[:16],
            "intro": self.paragraphs[0].strip("　")[:80],
            "url": self.url,
            "wapurl": f"https://finance.sina.cn/{self.published:%Y-%m-%d}/detail-{self.doc_id}.d.html",
            "media_name": self.media,
            "keywords": ",".join(self.keywords),
            "ctime": stamp,
            "intime": stamp,
            "mtime": stamp,
            "lids": str(self.lid),
            "img": {"u": "", "w": 0, "h": 0},
        }


@dataclass
class Corpus:
    """Clauses and boilerplate tails read from the shipped body templates."""

    clauses: list[str]
    tails: dict[str, str]
    template: str
    heads: dict[str, str] = field(default_factory=dict)


def load_corpus(templates: Path = TEMPLATES) -> Corpus:
    """Read the article template and split the shipped bodies into a clause pool and boilerplate tails."""
    clauses: list[str] = []
    tails: dict[str, str] = {}
    for path in sorted((templates / "bodies").glob("*.html")):
        body = path.read_text("utf-8").strip()
        # The posts wrap the body in one <div>; the page's #artibody holds its content directly.
        body = body.removeprefix("<div>").strip()
        body = body[: body.rfind("</div>")] if body.endswith("</div>") else body
        cut = min((i for i in (body.find(m) for m in TAIL_MARKERS) if i >= 0), default=len(body))
        tails[path.stem] = body[cut:]
        for para in PARAGRAPH_RE.findall(body[:cut]):
            text = html.unescape(TAG_RE.sub("", para)).strip().strip("　")
            if text.startswith(("原标题", "来源")):
                continue
            for sentence in SENTENCE_RE.findall(text):
                clauses.extend(c.strip() for c in CLAUSE_RE.findall(sentence) if len(c.strip()) >= 6)
    template = (templates / "sina_finance_article.html").read_text("utf-8")
    return Corpus(clauses=clauses, tails=tails, template=template)


def _doc_id(rng: random.Random, used: set[str]) -> str:
    while True:
        letters = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(8))
        doc = f"i{letters}{rng.randrange(10**6, 10**7)}"
        if doc not in used:
            used.add(doc)
            return doc


def _mutate_digits(text: str, rng: random.Random) -> str:
    """Re-draw every digit so recombined sentences carry different figures (realistic, and not duplicates)."""
    return DIGIT_RE.sub(lambda m: m.group(0) if len(m.group(0)) > 1 else str(rng.randrange(10)), text)


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _paragraphs(corpus: Corpus, rng: random.Random, media: str, when: datetime) -> list[str]:
    # Sentences are recombined from clauses of different real sentences: with a few hundred clauses two
    # articles share little text, so the dedup stage sees distinct documents, as on the real roll.
    lead = f"{media}{rng.choice(CITIES)}{when.month}月{when.day}日电（记者{_person(rng)}）"
    paras = []
    for i in range(rng.randint(5, 12)):
        sents = [
            "，".join(_mutate_digits(c, rng) for c in rng.sample(corpus.clauses, rng.randint(2, 3))) + "。"
            for _ in range(rng.randint(1, 3))
        ]
        paras.append((lead if i == 0 else "") + "".join(sents))
    return paras


def _title(rng: random.Random, when: datetime) -> str:
    form = rng.choice(HEADLINE_FORMS)
    return form.format(
        city=rng.choice(CITIES),
        topic=rng.choice(TOPICS),
        verb=rng.choice(VERBS),
        m=when.month,
        figure=f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%",
        org=rng.choice(ORGS),
    )


def generate_articles(
    count: int,
    *,
    seed: int = 20211116,
    now: datetime | None = None,
    reprint_rate: float = 0.03,
    lids: tuple[int, ...] = DEFAULT_LIDS,
    corpus: Corpus | None = None,
    id_offset: int = 0,
    span: timedelta = timedelta(days=3),
) -> list[GeneratedArticle]:
    """``count`` articles, newest first, published over ``span`` before ``now``; ``reprint_rate`` are reprints."""
    corpus = corpus or load_corpus()
    rng = random.Random(seed)
    now = (now or datetime(2021, 11, 16, 12, 0, tzinfo=CST)).astimezone(CST)
    used: set[str] = set()
    articles: list[GeneratedArticle] = []
    step = timedelta(seconds=max(1, int(span.total_seconds() / max(count, 1))))
    for i in range(count):
        # Generated oldest first, so a reprint always copies an article published before it.
        when = (now - step * (count - i)).replace(microsecond=0)
        doc = _doc_id(rng, used)
        channel = rng.choice(("roll", "china/gncj", "china/dfjj", "money/bank"))
        url = f"https://{ARTICLE_HOST}/{channel}/{when:%Y-%m-%d}/doc-{doc}.shtml"
        media, media_url = rng.choice(MEDIA)
        base = rng.choice(sorted(corpus.tails))
        if articles and i + 1 < count and rng.random() < reprint_rate:
            original = articles[rng.randrange(len(articles))]
            # A reprint keeps the text, names its own media in the lead and adds a source line.
            paras = [original.paragraphs[0].replace(original.media, media, 1), *original.paragraphs[1:]]
            paras.append(f"（来源：{media}）")
            art = GeneratedArticle(
                i + id_offset,
                doc,
                url,
                original.title + "（转载）",
                media,
                media_url,
                when,
                paras,
                original.keywords,
                base,
                reprint_of=original.index,
            )
        else:
            art = GeneratedArticle(
                i + id_offset,
                doc,
                url,
                _title(rng, when),
                media,
                media_url,
                when,
                _paragraphs(corpus, rng, media, when),
                rng.sample(TOPICS, 3),
                base,
            )
        art.lid = lids[i % len(lids)]
        articles.append(art)
    articles.reverse()  # newest first, as the roll lists them
    return articles


def render_body(art: GeneratedArticle, corpus: Corpus, rng: random.Random) -> str:
    """The ``#artibody`` content: paragraphs in Sina's CMS markup plus the real boilerplate tail."""
    parts = [f'<p class="ori_titlesource">　　原标题：{html.escape(art.title, quote=False)}</p>']
    for para in art.paragraphs:
        text = html.escape(para, quote=False)
        if rng.random() < 0.5:
            parts.append(f'<p cms-style="font-L">　　<font cms-style="font-L">{text}</font></p>')
        else:
            parts.append(f"<p>　　{text}</p>")
    editor = f"{_person(rng)} {rng.choice(('SF014', 'SF00', 'N7480', ''))}".rstrip() + " "
    tail = EDITOR_RE.sub(f'<p class="article-editor">责任编辑：{editor}</p>', corpus.tails[art.base_body])
    return "\n".join(parts) + tail


def render_article(art: GeneratedArticle, corpus: Corpus, seed: int = 0) -> str:
    """A full article page from the template."""
    rng = random.Random(f"{seed}-{art.doc_id}")
    when = art.published
    title = html.escape(art.title)
    values = {
        "{{title}}": title,
        "{{keywords}}": ",".join(art.keywords),
        "{{description}}": html.escape(art.paragraphs[0][:120]),
        "{{date_cn}}": f"{when:%Y年%m月%d日 %H:%M}",
        "{{date_iso}}": when.isoformat(),
        "{{date_sql}}": f"{when:%Y-%m-%d %H:%M:%S}",
        "{{media}}": art.media,
        "{{media_url}}": art.media_url,
        "{{url}}": art.url,
        "{{url_q}}": quote(art.url, safe=""),
        "{{docid}}": art.doc_id[1:],
        "{{date}}": f"{when:%Y-%m-%d}",
        "{{keyword_links}}": " ".join(
            f'<a href="http://tags.finance.sina.com.cn/{k}" target="_blank">{k}</a>' for k in art.keywords
        ),
        "{{body}}": render_body(art, corpus, rng),
    }
    page = corpus.template
    # The body goes in last so text inside it is never mistaken for a placeholder.
    for key, value in values.items():
        if key != "{{body}}":
            page = page.replace(key, value)
    return page.replace("{{body}}", values["{{body}}"])


def roll_page(entries: list[dict[str, object]], lid: int, total: int, now: datetime) -> str:
    """One roll-API response body."""
    doc = {
        "result": {
            "status": {"code": 0, "msg": "succ"},
            "timestamp": now.strftime("%a %b %d %H:%M:%S +0800 %Y"),
            "total": total,
            "pageid": "155",
            "lid": str(lid),
            "data": entries,
        }
    }
    return json.dumps(doc, ensure_ascii=False)


@dataclass
class SiteInfo:
    """What was generated: counts the benchmarks compare against."""

    root: Path
    articles: int
    reprints: int
    list_pages: int
    page_size: int
    max_pages: int
    lids: tuple[int, ...]
    article_bytes: int
    hosts: list[str]


def write_roll(
    root: Path, articles: list[GeneratedArticle], *, page_size: int, lids: tuple[int, ...], now: datetime
) -> int:
    """Write the roll-API pages of ``articles`` (newest first per lid); returns the number of pages written."""
    roll_dir = root / ROLL_HOST / ROLL_PATH
    roll_dir.mkdir(parents=True, exist_ok=True)
    for old in roll_dir.glob("lid=*"):
        old.unlink()
    (roll_dir / "_query.json").write_text(json.dumps({"keys": ROLL_QUERY_KEYS}), "utf-8")
    pages = 0
    for lid in lids:
        mine = sorted((a for a in articles if a.lid == lid), key=lambda a: a.published, reverse=True)
        npages = max(1, -(-len(mine) // page_size))
        for page in range(1, npages + 2):  # one empty page past the end, as the real API answers
            chunk = mine[(page - 1) * page_size : page * page_size]
            (roll_dir / f"lid={lid}&page={page}").write_text(
                roll_page([a.roll_entry() for a in chunk], lid, len(mine), now), "utf-8"
            )
        pages += npages
    return pages


def write_articles(root: Path, articles: list[GeneratedArticle], corpus: Corpus, seed: int) -> int:
    """Write the article pages; returns the bytes written."""
    total = 0
    for art in articles:
        path = root / ARTICLE_HOST / art.url.split(f"{ARTICLE_HOST}/", 1)[1]
        path.parent.mkdir(parents=True, exist_ok=True)
        data = render_article(art, corpus, seed).encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return total


def write_robots(root: Path) -> None:
    """robots.txt for both hosts: everything allowed, as the benchmark crawls obey robots.txt."""
    for host in (ARTICLE_HOST, ROLL_HOST):
        (root / host).mkdir(parents=True, exist_ok=True)
        (root / host / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", "utf-8")


def build_site(
    root: Path,
    articles: int,
    *,
    seed: int = 20211116,
    page_size: int = 50,
    lids: tuple[int, ...] = DEFAULT_LIDS,
    now: datetime | None = None,
    reprint_rate: float = 0.03,
) -> tuple[SiteInfo, list[GeneratedArticle]]:
    """Generate the whole site under ``root``; returns what was built and the articles."""
    now = now or datetime(2021, 11, 16, 12, 0, tzinfo=CST)
    corpus = load_corpus()
    arts = generate_articles(articles, seed=seed, now=now, reprint_rate=reprint_rate, lids=lids, corpus=corpus)
    write_robots(root)
    size = write_articles(root, arts, corpus, seed)
    list_pages = write_roll(root, arts, page_size=page_size, lids=lids, now=now)
    per_lid = max(-(-sum(1 for a in arts if a.lid == lid) // page_size) for lid in lids)
    info = SiteInfo(
        root=root,
        articles=len(arts),
        reprints=sum(1 for a in arts if a.reprint_of is not None),
        list_pages=list_pages,
        page_size=page_size,
        max_pages=per_lid,
        lids=lids,
        article_bytes=size,
        hosts=[ARTICLE_HOST, ROLL_HOST],
    )
    return info, arts


def add_articles(
    root: Path,
    existing: list[GeneratedArticle],
    count: int,
    *,
    seed: int,
    page_size: int,
    lids: tuple[int, ...] = DEFAULT_LIDS,
    now: datetime,
) -> list[GeneratedArticle]:
    """Publish ``count`` new articles (newer than all existing ones) and rewrite the roll pages."""
    corpus = load_corpus()
    newest = max(a.published for a in existing)
    later = newest + timedelta(hours=1)
    new = generate_articles(
        count,
        seed=seed + 1,
        now=later,
        reprint_rate=0.0,
        lids=lids,
        corpus=corpus,
        id_offset=len(existing),
        span=timedelta(minutes=50),
    )
    write_articles(root, new, corpus, seed)
    write_roll(root, new + existing, page_size=page_size, lids=lids, now=max(now, later))
    return new


def main(argv: list[str] | None = None) -> None:
    """Generate a site into OUT_DIR and print its summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=20211116)
    parser.add_argument("--page-size", type=int, default=50)
    args = parser.parse_args(argv)
    info, _ = build_site(args.out, args.articles, seed=args.seed, page_size=args.page_size, now=datetime.now(UTC))
    print(json.dumps({**info.__dict__, "root": str(info.root)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
