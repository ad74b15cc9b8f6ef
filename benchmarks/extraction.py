"""Extraction speed and quality: carbonwatch's extractor vs trafilatura (and GNE when installed) on real pages.

Corpus: the real Sina pages and RSSHub posts under ``/work/shared/data`` when that folder exists, else the
trimmed copies shipped in ``tests/fixtures/`` (a clean clone has only those); the table says which. For every page
each extractor's main text is checked for boilerplate residue (the QR promo, the editor line, Sina's footer and
statements, HTML comments, Hexo's ``&#123;``), and where ground truth exists (magic-html and
Chinese-Web-Content-Extraction sets, Sina pages only) scored by character-level F1. Speed is the mean time per
page over the whole corpus, several passes, in this process.

Run alone: ``python -m benchmarks.extraction [--quick] [--data DIR]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import Row, markdown_table

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path("/work/shared/data")
FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
NOW = datetime(2024, 6, 1, tzinfo=UTC)  # fixed: extraction must not depend on the clock
TARGET_SPEEDUP = 3.0

# What must never reach the stored text (see /work/shared/data/README.md, "the boilerplate to strip").
RESIDUES: dict[str, re.Pattern[str]] = {
    "QR promo (海量资讯/新浪财经APP)": re.compile(r"海量资讯|新浪财经APP"),
    "editor line (责任编辑)": re.compile(r"责任编辑"),
    "footer/statement (声明)": re.compile(r"新浪声明|免责声明|版权声明|总声明|Copyright|客户服务热线"),
    "HTML comment (<!--)": re.compile(r"<!--"),
    "Hexo brace (&#123;)": re.compile(r"&#12[35];|&amp;#12[35];"),
}
OG_URL_RE = re.compile(r'<meta[^>]+property="og:url"[^>]+content="([^"]+)"', re.I)
WS_RE = re.compile(r"\s+")
FENCE_RE = re.compile(r"^---\s*$", re.M)
SINA_WCED = ("0d931936", "8cb7b39d", "e3f3b532")  # the Sina pages of the Chinese-Web-Content-Extraction set


@dataclass
class Page:
    """One input: HTML, its URL, whether it is a full page or a body fragment, and the true text if known."""

    name: str
    html: str
    url: str
    kind: str  # "page" or "post"
    truth: str | None = None


@dataclass
class Corpus:
    """The pages to extract from, and where they came from."""

    label: str
    pages: list[Page] = field(default_factory=list)


def _decode(data: bytes) -> str:
    try:
        from crawler.parsers.sina import decode_html

        return str(decode_html(data))
    except ImportError:  # pragma: no cover - the parser ships with the project
        return data.decode("utf-8", errors="replace")


def _url_of(html: str, fallback: str) -> str:
    match = OG_URL_RE.search(html)
    return match.group(1) if match else fallback


def _posts(folder: Path) -> list[Page]:
    """Each post's body as the file holds it (braces still ``&#123;``): every extractor gets the same input."""
    pages = []
    for path in sorted(folder.rglob("*.md")):
        parts = FENCE_RE.split(path.read_text("utf-8"), maxsplit=2)
        body = parts[2].strip() if len(parts) == 3 else ""
        if body:
            pages.append(Page(path.stem, body, "https://finance.sina.com.cn/post.shtml", "post"))
    return pages


def load_corpus(data: Path | None = SHARED_DATA) -> Corpus:
    """The shared real data when present, else the shipped fixtures."""
    if data is not None and (data / "sina_pages").is_dir():
        corpus = Corpus(f"{data}: sina_pages (10 pages), rsshub_posts, Sina ground-truth pages")
        truth: dict[str, str] = {}
        base = data / "extraction_gt" / "magic_html_benchmark_zh"
        if (base / "base_zh.json").is_file():
            truth = {k: v["content"] for k, v in json.loads((base / "base_zh.json").read_text("utf-8")).items()}
        for path in sorted((data / "sina_pages").glob("*/*.html")):
            html = _decode(path.read_bytes())
            corpus.pages.append(
                Page(
                    path.stem,
                    html,
                    _url_of(html, f"https://news.sina.com.cn/{path.name}"),
                    "page",
                    truth.get(path.stem),
                )
            )
        wced = data / "extraction_gt" / "chinese_web_content_extraction_dataset"
        for prefix in SINA_WCED:
            for path in sorted((wced / "original").glob(f"{prefix}*.html")):
                gt = wced / "cleaned" / f"{path.stem}.txt"
                html = _decode(path.read_bytes())
                corpus.pages.append(
                    Page(
                        path.stem,
                        html,
                        _url_of(html, "https://finance.sina.com.cn/old.shtml"),
                        "page",
                        gt.read_text("utf-8") if gt.is_file() else None,
                    )
                )
        corpus.pages += _posts(data / "rsshub_posts")
        return corpus
    corpus = Corpus(f"{FIXTURES.relative_to(PROJECT_ROOT)}: sina_finance/article_*.html, posts/*.md (no ground truth)")
    for path in sorted((FIXTURES / "sina_finance").glob("article_*.html")):
        html = _decode(path.read_bytes())
        corpus.pages.append(Page(path.stem, html, _url_of(html, "https://finance.sina.com.cn/x.shtml"), "page"))
    corpus.pages += _posts(FIXTURES / "posts")
    return corpus


Extractor = Callable[[Page], str]


def carbonwatch_extractor() -> tuple[str, Extractor]:
    """``carbonwatch.analyze.analyze_html`` for pages; the crawl's cleaning step for posts."""
    from carbonwatch.analyze import analyze_html
    from pipelines.clean import clean_html

    def run(page: Page) -> str:
        if page.kind == "post":
            # A post is already the body fragment: the crawl's cleaning step is what applies to it.
            return clean_html(page.html).text
        try:
            # Extraction, cleaning and dating only: trafilatura does not classify either.
            return analyze_html(page.html, page.url, now=NOW, classify=False).text
        except Exception:  # a failed page scores as empty, like an extractor returning nothing
            return ""

    return "carbonwatch analyze_html", run


def trafilatura_extractor() -> tuple[str, Extractor] | None:
    """``trafilatura.extract`` with its defaults, as a user would call it."""
    try:
        import trafilatura
    except ImportError:
        return None

    def run(page: Page) -> str:
        html = page.html if page.kind == "page" else f"<html><body>{page.html}</body></html>"
        return trafilatura.extract(html, url=page.url) or ""

    return f"trafilatura {trafilatura.__version__}", run


def gne_extractor() -> tuple[str, Extractor] | None:
    """GNE's ``GeneralNewsExtractor().extract`` (content field), when the package is installed."""
    try:
        from gne import GeneralNewsExtractor  # type: ignore[import-untyped]  # gne ships no type information
    except ImportError:
        return None
    extractor = GeneralNewsExtractor()

    def run(page: Page) -> str:
        html = page.html if page.kind == "page" else f"<html><body>{page.html}</body></html>"
        try:
            return str(extractor.extract(html).get("content") or "")
        except Exception:  # GNE raises on odd pages; count it as no text
            return ""

    return "GNE", run


def char_f1(predicted: str, truth: str) -> float:
    """Character-level F1 over the main text (bags of non-space characters)."""
    pred = Counter(WS_RE.sub("", predicted))
    gold = Counter(WS_RE.sub("", truth))
    common = sum((pred & gold).values())
    if not common:
        return 0.0
    precision = common / sum(pred.values())
    recall = common / sum(gold.values())
    return 2 * precision * recall / (precision + recall)


@dataclass
class Scores:
    """One extractor's figures over the corpus."""

    name: str
    ms_per_page: float
    residues: dict[str, int]
    f1: list[float]
    empty: int

    @property
    def residue_total(self) -> int:
        """Pages × residue kinds found."""
        return sum(self.residues.values())


def _residue_detail(scores: Scores) -> str:
    parts = [f"{kind.split(' ')[0]} {count}" for kind, count in scores.residues.items() if count]
    return ", ".join(parts) or "none"


def evaluate(name: str, extract: Extractor, corpus: Corpus, passes: int) -> Scores:
    """Time ``extract`` over the corpus (``passes`` times) and score its output."""
    texts = [extract(p) for p in corpus.pages]  # warm-up pass, also the one scored
    started = time.perf_counter()
    for _ in range(passes):
        for page in corpus.pages:
            extract(page)
    elapsed = time.perf_counter() - started
    residues = {kind: sum(1 for t in texts if rx.search(t)) for kind, rx in RESIDUES.items()}
    f1 = [char_f1(t, p.truth) for t, p in zip(texts, corpus.pages, strict=True) if p.truth]
    return Scores(
        name, 1000 * elapsed / (passes * len(corpus.pages)), residues, f1, sum(1 for t in texts if not t.strip())
    )


def measure(quick: bool = False, data: Path | None = SHARED_DATA) -> tuple[list[Row], dict[str, Any]]:
    """Rows for the results table and the raw figures."""
    corpus = load_corpus(data)
    passes = 1 if quick else 5
    extractors = [carbonwatch_extractor(), trafilatura_extractor(), gne_extractor()]
    scores = [evaluate(name, fn, corpus, passes) for name, fn in (e for e in extractors if e is not None)]
    cw = scores[0]
    others = scores[1:]
    n_pages = sum(1 for p in corpus.pages if p.kind == "page")
    n_posts = len(corpus.pages) - n_pages
    method = f"corpus {corpus.label}: {n_pages} pages + {n_posts} posts; {passes} timed passes after a warm-up"
    rows = []
    traf = next((s for s in others if s.name.startswith("trafilatura")), None)
    speed = " vs ".join(f"{s.name} {s.ms_per_page:.1f} ms" for s in scores)
    ratio = traf.ms_per_page / cw.ms_per_page if traf and cw.ms_per_page else 0.0
    rows.append(
        Row(
            "Extraction speed per page",
            f"{speed}; trafilatura/carbonwatch = {ratio:.1f}x" if traf else speed,
            f">= {TARGET_SPEEDUP:.0f}x faster than trafilatura",
            ("yes" if ratio >= TARGET_SPEEDUP else "no") if traf else "not available (trafilatura missing)",
            method + "; mean wall time per page in one process",
        )
    )
    rows.append(
        Row(
            "Extraction residue: boilerplate left in the text",
            "; ".join(f"{s.name} {s.residue_total} ({_residue_detail(s)})" for s in scores),
            "0 for carbonwatch",
            "yes" if cw.residue_total == 0 else "no",
            "pages whose text contains: " + ", ".join(RESIDUES) + f"; same corpus ({len(corpus.pages)} inputs)",
        )
    )
    if cw.f1:
        rows.append(
            Row(
                "Extraction quality: char-level F1 vs ground truth (Sina pages)",
                "; ".join(f"{s.name} {sum(s.f1) / len(s.f1):.3f}" for s in scores),
                "-",
                "-",
                f"{len(cw.f1)} Sina pages with hand-made main text (magic-html, Chinese-Web-Content-Extraction); "
                "F1 over bags of non-space characters, mean over pages",
            )
        )
    else:
        rows.append(
            Row(
                "Extraction quality: char-level F1 vs ground truth",
                "not available",
                "-",
                "not available",
                "no ground truth in the shipped fixtures (needs /work/shared/data/extraction_gt)",
            )
        )
    if gne_extractor() is None:
        rows.append(
            Row(
                "Extraction: GNE column",
                "not available",
                "-",
                "not available",
                "pip install gne (the bench extra) to add it",
            )
        )
    raw = {
        "corpus": corpus.label,
        "pages": len(corpus.pages),
        "scores": [
            {
                "name": s.name,
                "ms_per_page": round(s.ms_per_page, 2),
                "residues": s.residues,
                "empty": s.empty,
                "f1": [round(x, 3) for x in s.f1],
            }
            for s in scores
        ],
    }
    return rows, raw


def main(argv: list[str] | None = None) -> int:
    """Run the extraction benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--data", type=Path, default=SHARED_DATA, help="shared data root (default: %(default)s)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows, raw = measure(args.quick, args.data)
    print(markdown_table(rows))
    if args.json:
        print(json.dumps(raw, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
