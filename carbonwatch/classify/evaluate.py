"""Evaluate the classifier on labelled posts (TSV: path, carbon, release, flag, documents): precision and recall.

Used by ``benchmarks/eval_labels.py`` and by the labels test. Extraction goes through ``carbonwatch.analyze``
(``analyze_path``) when that module exists, else through a small built-in reader of RSSHub→Hexo posts, HTML pages
and plain-text files, so evaluation never depends on the network.
"""

from __future__ import annotations

import csv
import email.utils
import hashlib
import html
import importlib
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from carbonwatch.classify.ngram import PROMOTED_CUE, ModelChoice
from carbonwatch.classify.policydocs import (
    MULTI_RE,
    PolicyResult,
    canonical_issuer,
    corner_titles,
    issuer_on_page,
    normalise_doc_number,
    normalise_title,
    same_document_key,
)
from carbonwatch.classify.rules import Rules
from carbonwatch.classify.script import PINYIN_AFTER_HAN_RE, all_simplified, simplified
from carbonwatch.classify.verdict import classify

logger = logging.getLogger(__name__)

FRONT_MATTER_RE = re.compile(r"^\s*---\s*\n(.*?)\n---\s*\n", re.S)
DROP_BLOCKS_RE = re.compile(
    r"<(script|style|noscript)\b.*?</\1>|<!--.*?-->|<p class=\"article-editor\".*?</p>"
    r"|<div class=\"clearfix appendQr_wrap\">.*?</div>\s*</div>",
    re.S | re.I,
)
BLOCK_TAG_RE = re.compile(r"</?(?:p|div|br|h[1-6]|li|tr|table|section|article|blockquote)\b[^>]*>", re.I)
TAG_RE = re.compile(r"<[^>]+>")


BLIND_SHARE = 3  # one post in three is blind: held out from rule writing, reported on its own


def split_of(repo: str, source_path: str) -> str:
    """``"blind"`` or ``"tuning"``, fixed by a hash of the post's provenance (``repo:path``), never chosen.

    The rule was fixed before any rule was written against the corpus; moving a post between splits breaks the
    corpus check. Write rules looking at ``tuning`` posts only; report ``blind`` figures separately.
    """
    digest = hashlib.sha1(f"{repo}:{source_path}".encode()).hexdigest()
    return "blind" if int(digest, 16) % BLIND_SHARE == 0 else "tuning"


@dataclass
class Labelled:
    """One row of a labels TSV."""

    path: str
    carbon: bool
    release: bool
    flag: bool
    documents: list[tuple[str, str, str]]  # (title, issuer, number)


@dataclass
class Outcome:
    """What the classifier said about one labelled post."""

    label: Labelled
    carbon: bool
    release: bool
    flag: bool
    score: float
    policy: PolicyResult
    missing_docs: list[str] = field(default_factory=list)  # labelled documents not found (or wrong issuer)
    missing_titles: list[str] = field(default_factory=list)  # labelled documents whose title is not found at all
    # labelled document numbers of documents whose title is found: how many, and which the classifier gave otherwise
    numbered: int = 0
    wrong_numbers: list[str] = field(default_factory=list)
    traditional: bool = False  # the page is written in traditional script (the classifier read it as simplified)


@dataclass
class Post:
    """The text the classifier sees."""

    title: str
    text: str
    published_at: datetime | None = None
    meta: dict[str, str] = field(default_factory=dict)
    source: str = ""


def read_labels(path: Path) -> list[Labelled]:
    """Rows of a labels TSV (header: path, carbon, release, flag, documents)."""
    rows: list[Labelled] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            docs: list[tuple[str, str, str]] = []
            for spec in (row.get("documents") or "").split("|"):
                if not spec.strip():
                    continue
                title, _, rest = spec.partition("@")
                issuer, _, number = rest.partition("#")
                docs.append((title.strip(), issuer.strip(), number.strip()))
            rows.append(
                Labelled(
                    path=row["path"],
                    carbon=row["carbon"].strip() == "1",
                    release=row["release"].strip() == "1",
                    flag=row["flag"].strip() == "1",
                    documents=docs,
                )
            )
    return rows


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one block per line (enough for classification, not for storage)."""
    text = DROP_BLOCKS_RE.sub("", fragment)
    text = BLOCK_TAG_RE.sub("\n", text)
    text = html.unescape(TAG_RE.sub("", text))
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip(" \u3000") for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def read_post(path: Path) -> Post:
    """A built-in reader: Hexo posts (front matter + HTML), HTML pages, or text files (first line = title)."""
    raw = path.read_bytes()
    try:
        doc = raw.decode("utf-8")
    except UnicodeDecodeError:
        doc = raw.decode("gb18030", errors="replace")
    if path.suffix == ".md":
        doc = doc.replace("&#123;", "{").replace("&#125;", "}")
        m = FRONT_MATTER_RE.match(doc)
        front = m.group(1) if m else ""
        body = doc[m.end() :] if m else doc
        tm = re.search(r"^title:\s*(.*)$", front, re.M)
        title = tm.group(1).strip() if tm else path.stem
        if len(title) >= 2 and title[0] == title[-1] and title[0] in "'\"":
            title = title[1:-1].replace("''", "'")  # YAML quoting, not part of the title
        dm = re.search(r"^date:\s*(.*)$", front, re.M)
        published = None
        if dm:
            try:
                published = email.utils.parsedate_to_datetime(dm.group(1).strip()).astimezone(UTC)
            except (TypeError, ValueError):
                published = None
        return Post(title=title, text=html_to_text(body), published_at=published, source="sina")
    if path.suffix in (".html", ".htm"):
        tm = re.search(r"<title[^>]*>(.*?)</title>", doc, re.S | re.I)
        title = html.unescape(tm.group(1)).strip() if tm else path.stem
        title = re.split(r"[|_]", title)[0].strip()
        bm = re.search(r"<body\b.*?>(.*)</body>", doc, re.S | re.I)
        text = html_to_text(bm.group(1) if bm else doc)
        return Post(title=title, text=text, published_at=page_date(doc, text))
    lines = doc.splitlines()
    return Post(title=lines[0].strip() if lines else "", text="\n".join(lines[1:]))


PAGE_DATE_RE = re.compile(
    r"(?:published_time\"\s+content=\"|发布日期[：:]\s*|发布时间[：:]\s*|成文日期[：:]\s*)(20\d\d)[-年/](\d{1,2})[-月/](\d{1,2})"
)


def page_date(html_doc: str, text: str) -> datetime | None:
    """The page's publication date from its metadata or a 发布日期 line (enough to date events; UTC midnight)."""
    m = PAGE_DATE_RE.search(html_doc) or PAGE_DATE_RE.search(text)
    if not m:
        return None
    try:
        return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), tzinfo=UTC)
    except ValueError:
        return None


def default_reader() -> Callable[[Path], Post]:
    """``carbonwatch.analyze.analyze_path`` adapted to :class:`Post` when available, else :func:`read_post`."""
    try:
        analyze: Any = importlib.import_module("carbonwatch.analyze")
    except ImportError:
        return read_post
    fn = getattr(analyze, "analyze_path", None)
    if fn is None:
        return read_post

    def _read(path: Path) -> Post:
        try:
            item = fn(path, classify=False)
        except Exception as exc:  # a page the site parsers reject (not Sina, no body): read it generically
            logger.info("analyze_path failed on %s (%s): using the built-in reader", path, exc)
            return read_post(path)
        title = getattr(item, "title", None)
        text = getattr(item, "text", None)
        if not isinstance(title, str) or not isinstance(text, str) or not text.strip():
            return read_post(path)
        return Post(
            title=title,
            text=text,
            published_at=getattr(item, "published_at", None),
            meta=dict(getattr(item, "meta", {}) or {}),
            source=str(getattr(item, "source", "") or ""),
        )

    return _read


def _label_key(title: str, other: str, traditional_page: bool = False) -> tuple[str, str]:
    """A labelled document's matching key, by the recogniser's own rule of one document as it reads text, and the
    label's other field (issuer or number) read the same way: a label copied from a pinyin-annotated page without the
    annotations (one title carries too few for the page's threshold), a traditional page's label simplified (with its
    other field: together they are long enough to tell; on a page the classifier read as traditional, always, as the
    page's own titles were), 「…法」 as Hong Kong and Taiwan write 《…》, and a label quoted whole in 「」 as in
    《》."""
    title, other = PINYIN_AFTER_HAN_RE.sub("", title), PINYIN_AFTER_HAN_RE.sub("", other)
    if traditional_page:
        title, other = all_simplified(title), all_simplified(other)
    else:
        title, other = simplified(title, other)
    quoted = title.strip()
    if quoted.startswith("「") and quoted.endswith("」") and quoted.count("「") == 1:
        title = "《" + quoted[1:-1] + "》"
    return same_document_key(normalise_title(corner_titles(title))), other


def _doc_found(policy: PolicyResult, title: str, issuer: str, traditional_page: bool = False, page: str = "") -> bool:
    want, issuer = _label_key(title, issuer, traditional_page)
    want_issuer = canonical_issuer(issuer) if issuer else None
    # (a short name the page's place decides, 环保署 on a Hong Kong page, read as the classifier reads it there)
    want_issuer = issuer_on_page(want_issuer, page) if want_issuer and page else want_issuer
    if want_issuer is not None and MULTI_RE.fullmatch(want_issuer):
        want_issuer = None  # a label naming only a count ("14部门") names no body to compare with
    # "农业农村部等6部门" names the bodies that lead a joint release: a full signer list led by them is the same
    # (... their offices too: "商务部等9部门办公厅（室）")
    led = bool(
        want_issuer and re.search(r"等(?:[^、]*(?:部门|部委|单位)(?:办公厅)?(?:[（(]室[）)])?)?$", issuer.strip())
    )
    for d in policy.releases:
        if same_document_key(d.title_norm) != want:
            continue
        if want_issuer and d.issuer != want_issuer:
            if not (led and d.issuer and d.issuer.startswith(want_issuer + "、")):
                continue
        return True
    return False


def _number_right(policy: PolicyResult, title: str, number: str, traditional_page: bool = False) -> bool | None:
    """Whether the release found under ``title`` carries the labelled ``number`` (both normalised: 国发[2021]23号 is
    国发〔2021〕23号, spaces dropped, a traditional page's label simplified); None when no release has that title."""
    want, number = _label_key(title, number, traditional_page)
    found = [d for d in policy.releases if same_document_key(d.title_norm) == want]
    if not found:
        return None
    expected = normalise_doc_number(_compact_number(number)) or _compact_number(number)
    return any(d.doc_number and _compact_number(d.doc_number) == expected for d in found)


def _compact_number(number: str) -> str:
    """``number`` without spaces, its marks in one width: the page's （2020年第13号） is the label's (2020年第13号)."""
    return unicodedata.normalize("NFKC", re.sub(r"\s+", "", number))


def evaluate(
    rows: Iterable[Labelled],
    root: Path,
    rules: Rules,
    reader: Callable[[Path], Post],
    model: ModelChoice = "default",
) -> list[Outcome]:
    """Classify each labelled post under ``root`` as the crawl does: the rules, then the n-gram model (the one
    ``CARBONWATCH_NGRAM_MODEL`` names by default; ``None`` for the rules alone)."""
    outcomes: list[Outcome] = []
    for label in rows:
        post = reader(root / label.path)
        verdict = classify(
            post.title,
            post.text,
            rules,
            meta=post.meta,
            source=post.source,
            published_at=post.published_at,
            model=model,
        )
        policy, relevance = verdict.policy, verdict.relevance
        # labels are copied from the page: read them as the classifier read the page
        trad = verdict.traditional
        # (the page, as the classifier read its script, only where a labelled issuer is to be read on it)
        page = post.title + "\n" + post.text if any(i for _, i, _ in label.documents) else ""
        page = all_simplified(page) if trad else page
        missing = [f"{t}@{i}" for t, i, _ in label.documents if not _doc_found(policy, t, i, trad, page)]
        missing_titles = [t for t, _, _ in label.documents if not _doc_found(policy, t, "", trad)]
        numbers = {(t, n): _number_right(policy, t, n, trad) for t, _, n in label.documents if n}
        numbered = [key for key, right in numbers.items() if right is not None]
        outcomes.append(
            Outcome(
                label=label,
                carbon=relevance.relevant,
                release=policy.is_release,
                flag=verdict.flag,
                score=relevance.score,
                policy=policy,
                missing_docs=missing,
                missing_titles=missing_titles,
                numbered=len(numbered),
                wrong_numbers=[f"{t}#{n}" for t, n in numbered if not numbers[(t, n)]],
                traditional=trad,
            )
        )
    return outcomes


def precision_recall(pairs: Iterable[tuple[bool, bool]]) -> tuple[float, float, int, int, int]:
    """(precision, recall, tp, fp, fn) of (predicted, expected) pairs; 1.0 when there is nothing to get wrong."""
    tp = fp = fn = 0
    for predicted, expected in pairs:
        tp += predicted and expected
        fp += predicted and not expected
        fn += expected and not predicted
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def metrics(outcomes: list[Outcome]) -> dict[str, dict[str, float]]:
    """Precision/recall for carbon, release and flag; document-title accuracy (title + issuer); document numbers
    right among labelled numbers of documents whose title was found."""
    out: dict[str, dict[str, float]] = {}
    for name in ("carbon", "release", "flag"):
        p, r, tp, fp, fn = precision_recall((getattr(o, name), getattr(o.label, name)) for o in outcomes)
        out[name] = {"precision": p, "recall": r, "tp": tp, "fp": fp, "fn": fn}
    total = sum(len(o.label.documents) for o in outcomes)
    found = total - sum(len(o.missing_docs) for o in outcomes)
    out["documents"] = {"found": found, "total": total, "accuracy": found / total if total else 1.0}
    titled = total - sum(len(o.missing_titles) for o in outcomes)
    out["document_titles"] = {"found": titled, "total": total, "accuracy": titled / total if total else 1.0}
    numbered = sum(o.numbered for o in outcomes)
    right = numbered - sum(len(o.wrong_numbers) for o in outcomes)
    out["document_numbers"] = {"found": right, "total": numbered, "accuracy": right / numbered if numbered else 1.0}
    return out


# What became of each labelled document, in the order a miss is told apart (see ``document_fates``).
NAMED, RULES_NAMED_OTHERWISE, MODEL_NAMED_OTHERWISE, RELEASE_MISSED = FATES = (
    "named",
    "release found by the rules, named otherwise",
    "promoted by the n-gram model, named otherwise",
    "release missed",
)


def document_fates(outcomes: list[Outcome]) -> dict[str, int]:
    """How many labelled released documents were named (title and issuer), and, of the rest, on how many pages the
    rules found a release but named it otherwise, the n-gram model promoted one (its subject named otherwise) or no
    release was found at all: where the documents named are lost, a recognition or a naming problem."""
    out = dict.fromkeys(FATES, 0)
    for o in outcomes:
        missing = len(o.missing_docs)
        out[NAMED] += len(o.label.documents) - missing
        if not missing:
            continue
        if not o.policy.releases:
            out[RELEASE_MISSED] += missing
        elif any(d.cue.startswith(PROMOTED_CUE) for d in o.policy.releases):
            out[MODEL_NAMED_OTHERWISE] += missing
        else:
            out[RULES_NAMED_OTHERWISE] += missing
    return out


def markdown_table(result: dict[str, dict[str, float]]) -> str:
    """The metrics as a Markdown table."""
    lines = ["| measure | precision | recall | tp | fp | fn |", "|---|---|---|---|---|---|"]
    for name in ("carbon", "release", "flag"):
        m = result[name]
        lines.append(
            f"| {name} | {m['precision']:.3f} | {m['recall']:.3f} | {int(m['tp'])} | {int(m['fp'])} | {int(m['fn'])} |"
        )
    d = result["documents"]
    lines.append("")
    lines.append("| documents (title + issuer) | found | total | accuracy |")
    lines.append("|---|---|---|---|")
    lines.append(f"| releases | {int(d['found'])} | {int(d['total'])} | {d['accuracy']:.3f} |")
    return "\n".join(lines)
