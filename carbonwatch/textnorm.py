"""Text normalisation and content hashing shared by the analyzer and the dedup pipeline."""

from __future__ import annotations

import hashlib
import re
import unicodedata

WHITESPACE_RE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """NFKC-normalise ``text``, collapse every whitespace run (incl. full-width and nbsp) to one space, strip."""
    # NFKC folds full-width letters/digits and U+3000 / U+00A0 into their ASCII forms, so the same article
    # copied from a page and from a feed normalises to the same string.
    return WHITESPACE_RE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def fold(text: str) -> str:
    """NFKC-normalised ``text`` with all whitespace removed: what content hashes and shingles are taken from.

    Whitespace is dropped entirely (not collapsed) because paragraph breaks and indentation differ between
    the page, the feed and the Hexo copy of the same article while the words do not.
    """
    return WHITESPACE_RE.sub("", unicodedata.normalize("NFKC", text))


def content_hash(text: str) -> str:
    """SHA-256 hex digest of the folded text (:func:`fold`)."""
    return hashlib.sha256(fold(text).encode("utf-8")).hexdigest()
