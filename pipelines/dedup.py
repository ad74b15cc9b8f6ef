"""Deduplication: exact (content hash) and near (character-shingle MinHash + LSH) duplicates across runs.

Chinese has no spaces between words, so shingles are character 5-grams of the normalised text with whitespace
removed, never whitespace tokens. A MinHash signature of ``NUM_PERM`` 32-bit values estimates the Jaccard
similarity of two shingle sets; LSH banding (``BANDS`` bands of ``ROWS`` rows) turns it into indexed lookups in
the ``lsh_bands`` table, so a lookup costs a few index probes however many articles are stored.

Threshold: on the 27 real posts of tests/fixtures/posts, with the text the clean pipeline extracts, the three
1-11月 industrial-profit posts are identical (exact duplicates), the "100种方法刑事你" pair (one story, two
markups) differs only by a 原标题 line (5-gram Jaccard 0.985), the 1-5月上海房地产 rewrite pair scores 0.845,
while the template twins 0！上海/北京昨日本土无新增 score 0.027 and every other pair at most 0.019.
``NEAR_THRESHOLD`` = 0.5 sits in that gap with room both ways. With 32 bands of 4 rows a pair becomes a
candidate with probability 1-(1-J⁴)³²: 0.87 at J=0.5, 0.99 at 0.6, >0.9999 at 0.85, 0.23 at 0.3; candidates are
then verified by the signature estimate (standard error ≈ 0.044 at J=0.5 with 128 values).

A feed's excerpt of a stored article (its first paragraphs, a tenth of its shingles) is far below any Jaccard
threshold. A short text (at most ``EXCERPT_MAX_CHARS`` folded characters) that matched nothing is therefore compared
with the stored articles of the same title published within six hours: when at least ``EXCERPT_CONTAINMENT`` of its
shingles are in a longer one's text, it is linked as kind ``excerpt`` of it (similarity = that share). The demo's
RSS excerpt of the Sina article scores 0.967; the title and the time keep unrelated short texts apart.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt
from itemadapter import ItemAdapter
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from carbonwatch.textnorm import content_hash as content_hash  # re-exported: callers use dedup.content_hash
from carbonwatch.textnorm import fold
from crawler.items import ArticleItem
from crawler.urls import canonicalize
from storage import queries
from storage.db import crawler_sessions

logger = logging.getLogger(__name__)

SHINGLE_SIZE = 5
NUM_PERM = 128
BANDS = 32
ROWS = 4
NEAR_THRESHOLD = 0.5
# A candidate list longer than this means a band matched boilerplate; the best-sharing ones are enough.
MAX_CANDIDATES = 50
DB_COOLDOWN = 30.0  # seconds without database lookups after one failed
RUN_CACHE_SIZE = 20_000  # items of the current run kept in memory (the store may not have written them yet)
EXCERPT_MAX_CHARS = 600  # a folded text this short may be an excerpt (feeds carry one to three paragraphs)
EXCERPT_CONTAINMENT = 0.8  # share of the excerpt's shingles found in the longer article's text
# An excerpt and its article are published within this of each other. The lookup reads every article published in
# the window (3-6 ms for 2,500 on SQLite: benchmarks/excerpt_lookup.py), so it is kept short; a feed dates an entry
# as its page does.
EXCERPT_WINDOW = timedelta(hours=6)
T = TypeVar("T")

_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)
_ROLL = np.uint64(0x100000001B3)  # FNV-1a 64-bit prime: spreads code points over the word before mixing
# Fixed seed: signatures stored in the database must be comparable across runs and processes.
_RNG = np.random.default_rng(20211116)
_PERM_A = _RNG.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(1)  # odd multipliers
_PERM_B = _RNG.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
_CHUNK = 2048  # shingles per block, so a very long text never needs a huge (n x NUM_PERM) matrix

U64Array = npt.NDArray[np.uint64]
U32Array = npt.NDArray[np.uint32]


# Called for the same item text by the pipeline (emptiness test) and by shingle_hashes: fold it once.
@functools.lru_cache(maxsize=64)
def fold_text(text: str) -> str:
    """The text shingles are taken from: :func:`carbonwatch.textnorm.fold`, cached per text."""
    return fold(text)


def folded_content_hash(text: str) -> str:
    """``carbonwatch.textnorm.content_hash`` computed from the (cached) folded text: the same digest."""
    return hashlib.sha256(fold_text(text).encode("utf-8")).hexdigest()


def shingles(text: str, k: int = SHINGLE_SIZE) -> set[str]:
    """The set of character ``k``-grams of the folded text; a text shorter than ``k`` is one shingle."""
    folded = fold_text(text)
    if len(folded) <= k:
        return {folded} if folded else set()
    return {folded[i : i + k] for i in range(len(folded) - k + 1)}


def containment(part: set[str], whole: set[str]) -> float:
    """The share of ``part``'s shingles that are in ``whole`` (0.0 for an empty ``part``)."""
    return len(part & whole) / len(part) if part else 0.0


def jaccard(a: set[str], b: set[str]) -> float:
    """Exact Jaccard similarity of two shingle sets (1.0 for two empty sets)."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _mix64(x: U64Array) -> U64Array:
    """splitmix64's finaliser: turns the polynomial shingle code into well-distributed 64-bit values."""
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


def shingle_hashes(text: str, k: int = SHINGLE_SIZE) -> U64Array:
    """Distinct 64-bit hashes of the character ``k``-grams of the folded text (vectorised ``shingles``)."""
    folded = fold_text(text)
    if not folded:
        return np.empty(0, dtype=np.uint64)
    codes = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    width = min(k, len(codes))
    n = len(codes) - width + 1
    acc = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(width):
            acc = acc * _ROLL + codes[j : j + n]
        acc = acc + np.uint64(width)  # a short text's single shingle never equals a longer text's k-gram
    return np.unique(_mix64(acc))


def minhash(hashes: U64Array) -> U32Array:
    """The ``NUM_PERM``-value MinHash signature of a set of shingle hashes (all-ones for the empty set).

    Each permutation is multiply-shift hashing, ``(a*x + b) mod 2**64 >> 32`` with odd ``a``: universal, and
    numpy's wrapping uint64 arithmetic computes it directly.
    """
    sig = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for start in range(0, len(hashes), _CHUNK):
            block = hashes[start : start + _CHUNK, None]
            values = (block * _PERM_A[None, :] + _PERM_B[None, :]) >> np.uint64(32)
            np.minimum(sig, values.min(axis=0), out=sig)
    return sig.astype(np.uint32)


def signature_bytes(sig: U32Array) -> bytes:
    """The portable (little-endian) byte form stored in ``fingerprints.signature``."""
    return sig.astype("<u4").tobytes()


def signature_from_bytes(data: bytes) -> U32Array:
    """Inverse of :func:`signature_bytes`."""
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def estimated_jaccard(a: U32Array, b: U32Array) -> float:
    """The share of equal MinHash values: an unbiased estimate of the Jaccard similarity (±0.045 at 0.5)."""
    return float(np.count_nonzero(a == b)) / len(a)


def band_keys(sig: U32Array) -> list[int]:
    """One signed 64-bit key per LSH band (band index folded in, so equal rows in different bands differ)."""
    raw = sig.astype("<u4").tobytes()
    width = ROWS * 4
    keys = []
    for band in range(BANDS):
        rows = raw[band * width : (band + 1) * width]
        digest = hashlib.blake2b(rows, digest_size=8, salt=band.to_bytes(16, "little")).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


@dataclass(frozen=True)
class Fingerprint:
    """What near-duplicate search needs of one text: its signature and the band keys derived from it."""

    signature: U32Array
    bands: list[int]

    def to_bytes(self) -> bytes:
        return signature_bytes(self.signature)


def fingerprint(text: str) -> Fingerprint | None:
    """The MinHash fingerprint of ``text``, or None when it has no characters to compare."""
    return _fingerprint_cached(text)


@functools.lru_cache(maxsize=64)
def _fingerprint_cached(text: str) -> Fingerprint | None:
    # Dedup and then the store ask for the same item's fingerprint: the second call is a dictionary hit.
    hashes = shingle_hashes(text)
    if len(hashes) == 0:
        return None
    sig = minhash(hashes)
    return Fingerprint(sig, band_keys(sig))


@dataclass(frozen=True)
class Match:
    """The stored or seen article an item repeats."""

    kind: str  # "exact", "near" or "excerpt"
    original_id: int | None  # None: seen earlier in this run and not stored yet (the store resolves the URL)
    original_url: str
    similarity: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "original_id": self.original_id,
            "original_url": self.original_url,
            "similarity": round(self.similarity, 4),
        }


class RunIndex:
    """In-memory exact and LSH index of the items of the current run, bounded (oldest forgotten first)."""

    def __init__(self, capacity: int = RUN_CACHE_SIZE) -> None:
        self.capacity = capacity
        self.by_hash: dict[str, str] = {}
        self.entries: OrderedDict[str, tuple[str, Fingerprint | None]] = OrderedDict()
        self.bands: dict[int, set[str]] = {}

    def add(self, canonical_url: str, chash: str, fp: Fingerprint | None) -> None:
        if canonical_url in self.entries:
            return
        self.entries[canonical_url] = (chash, fp)
        self.by_hash.setdefault(chash, canonical_url)
        for key in fp.bands if fp else []:
            self.bands.setdefault(key, set()).add(canonical_url)
        if len(self.entries) > self.capacity:
            self._forget_oldest()

    def _forget_oldest(self) -> None:
        url, (chash, fp) = self.entries.popitem(last=False)
        if self.by_hash.get(chash) == url:
            del self.by_hash[chash]
        for key in fp.bands if fp else []:
            members = self.bands.get(key)
            if members is not None:
                members.discard(url)
                if not members:
                    del self.bands[key]

    def exact(self, chash: str, canonical_url: str) -> str | None:
        url = self.by_hash.get(chash)
        return url if url is not None and url != canonical_url else None

    def near(self, fp: Fingerprint, canonical_url: str, threshold: float) -> tuple[str, float] | None:
        seen: set[str] = set()
        best: tuple[str, float] | None = None
        for key in fp.bands:
            for url in self.bands.get(key, ()):
                if url == canonical_url or url in seen:
                    continue
                seen.add(url)
                other = self.entries[url][1]
                if other is None:
                    continue
                sim = estimated_jaccard(fp.signature, other.signature)
                if sim >= threshold and (best is None or sim > best[1]):
                    best = (url, sim)
        return best


def find_stored_match(
    session: Session, canonical_url: str, chash: str, fp: Fingerprint | None, *, threshold: float = NEAR_THRESHOLD
) -> Match | None:
    """The stored article ``(canonical_url, chash, fp)`` repeats, exactly or nearly; None when it is new.

    An article already stored under ``canonical_url`` is never its own duplicate (a changed text there is a
    revision, which the store records).
    """
    # Column lookups only: loading whole Article rows (html and text) cost more than the queries themselves.
    original = queries.find_original_by_hash(session, chash, exclude_url=canonical_url)
    if original is not None:
        return Match("exact", original[0], original[1], 1.0)
    if fp is None:
        return None
    candidates = queries.lsh_candidates(session, fp.bands, limit=MAX_CANDIDATES)
    if not candidates:
        return None
    own_id = queries.article_id_by_url(session, canonical_url)
    best: tuple[int, float] | None = None
    for article_id, sig in candidates:
        if article_id == own_id:
            continue
        sim = estimated_jaccard(fp.signature, signature_from_bytes(sig))
        if sim >= threshold and (best is None or sim > best[1]):
            best = (article_id, sim)
    if best is None:
        return None
    return Match("near", best[0], queries.canonical_url_of(session, best[0]) or "", best[1])


def find_stored_excerpt(
    session: Session, canonical_url: str, title: str, published_at: datetime | None, text: str
) -> Match | None:
    """The stored longer article that short ``text`` is an excerpt of (same title, published within six hours)."""
    folded = fold_text(text)
    if not title or published_at is None or not folded or len(folded) > EXCERPT_MAX_CHARS:
        return None
    own = shingles(text)
    best: Match | None = None
    for article_id, url, other in queries.same_title_articles(
        session, title, published_at, window=EXCERPT_WINDOW, exclude_url=canonical_url, longer_than=len(text)
    ):
        share = containment(own, shingles(other))
        if share >= EXCERPT_CONTAINMENT and (best is None or share > best.similarity):
            best = Match("excerpt", article_id, url, share)
    return best


class DedupPipeline:
    """Marks exact and near duplicates (``item.duplicate``) against the store and the current run."""

    def __init__(
        self,
        sessions: sessionmaker[Session] | None,
        stats: Any,
        threshold: float = NEAR_THRESHOLD,
        *,
        get_sessions: Callable[[], sessionmaker[Session]] | None = None,
        cooldown: float = DB_COOLDOWN,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.sessions = sessions
        self._get_sessions = get_sessions
        self.stats = stats
        self.threshold = threshold
        self.cooldown = cooldown
        self.clock = clock
        self._down_until: float | None = None
        self.run = RunIndex()

    @classmethod
    def from_crawler(cls, crawler: Any) -> DedupPipeline:
        # The database is opened lazily: an unreachable one must not stop the crawl (the store spools).
        return cls(
            None,
            crawler.stats,
            crawler.settings.getfloat("CARBONWATCH_NEAR_DUP_THRESHOLD", NEAR_THRESHOLD),
            get_sessions=lambda: crawler_sessions(crawler),
            cooldown=crawler.settings.getfloat("CARBONWATCH_STORE_COOLDOWN", DB_COOLDOWN),
        )

    def _inc(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(f"carbonwatch/dedup/{key}")

    def process_item(self, item: Any) -> Any:
        """Fill ``canonical_url``, ``content_hash`` and, for a repeat, ``duplicate``; never drops."""
        article = ItemAdapter(item).item
        if not isinstance(article, ArticleItem):
            return item
        if not article.canonical_url:
            article.canonical_url = canonicalize(article.url)
        article.content_hash = folded_content_hash(article.text)
        if not fold_text(article.text):
            return item  # nothing to compare: empty pages must not all collapse into one "duplicate"
        self._inc("checked")
        fp = fingerprint(article.text)
        match = self._match(article.canonical_url, article.content_hash, fp)
        if match is None:
            match = self._with_store(
                lambda session: find_stored_excerpt(
                    session, article.canonical_url, article.title, article.published_at, article.text
                ),
                article.canonical_url,
            )
        if match is not None:
            article.duplicate = match.as_dict()
            self._inc(match.kind)
            logger.debug(
                "%s duplicate %s of %s (%.3f)", match.kind, article.canonical_url, match.original_url, match.similarity
            )
        else:
            self.run.add(article.canonical_url, article.content_hash, fp)
        return item

    def _match(self, canonical_url: str, chash: str, fp: Fingerprint | None) -> Match | None:
        # The store first: its matches carry the original's id; the run index covers items not yet written.
        stored = self._stored_match(canonical_url, chash, fp)
        if stored is not None and stored.kind == "exact":
            return stored
        exact_url = self.run.exact(chash, canonical_url)
        if exact_url is not None:
            return Match("exact", None, exact_url, 1.0)
        near = self.run.near(fp, canonical_url, self.threshold) if fp else None
        if near is not None and (stored is None or near[1] > stored.similarity):
            return Match("near", None, near[0], near[1])
        return stored

    def _stored_match(self, canonical_url: str, chash: str, fp: Fingerprint | None) -> Match | None:
        return self._with_store(
            lambda session: find_stored_match(session, canonical_url, chash, fp, threshold=self.threshold),
            canonical_url,
        )

    def _with_store(self, lookup: Callable[[Session], T | None], canonical_url: str) -> T | None:
        """``lookup`` in a session of the store; None while the store is down (after a failure, for a cooldown)."""
        if self._down_until is not None and self.clock() < self._down_until:
            return None
        try:
            if self.sessions is None and self._get_sessions is not None:
                self.sessions = self._get_sessions()
            if self.sessions is None:
                return None
            with self.sessions() as session:
                found = lookup(session)
        except (SQLAlchemyError, OSError) as exc:
            # The store retries and spools; a missed lookup only risks storing a duplicate as an article, and
            # this run's own items are still compared in memory.
            self._inc("db_error")
            self._down_until = self.clock() + self.cooldown
            logger.warning(
                "dedup lookup failed for %s (in-memory only for %.0fs): %s", canonical_url, self.cooldown, exc
            )
            return None
        self._down_until = None
        return found
