"""Text normalisation and content hashing shared by the analyzer and the dedup pipeline; XML-safe text for lxml."""

from __future__ import annotations

import hashlib
import re
import unicodedata

WHITESPACE_RE = re.compile(r"\s+")
# Characters lxml refuses in a text or tail ("All strings must be XML compatible"), although its HTML parser
# keeps them in the tree it builds: C0 controls other than tab/newline/CR, lone surrogates, U+FFFE and U+FFFF.
# The vertical tab and form feed are whitespace to a reader (a space keeps the words apart); the rest is noise.
XML_SPACE_RE = re.compile(r"[\x0b\x0c]")
XML_INCOMPATIBLE_RE = re.compile(r"[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Numeric character references as libxml2's HTML parser reads them (the ";" is optional in HTML); leading zeros
# are skipped and the digits bounded, so a run of a million digits costs one linear scan and no big int.
CHAR_REF_RE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,8})|0*([0-9]{1,9}));?")
XML_INCOMPATIBLE_CODES = frozenset([*range(0x1, 0x9), *range(0xE, 0x20), 0xFFFE, 0xFFFF])
# libxml2's HTML parser compares each attribute of a tag with all the earlier ones: one <p> with 60k distinct
# attributes took 43 s. No real tag has hundreds; the attributes after the first MAX_TAG_ATTRIBUTES are cut.
# (8 MB of 256-attribute tags parses in 1.1 s, against 0.5 s for plain markup and 2.2 s with a cap of 1,000.
# Of 306 saved pages one is touched: an SVG path inside a script string, which the cleaner drops anyway.)
MAX_TAG_ATTRIBUTES = 256
# Only a tag this long can hold that many attributes (each at least one character and a separator).
# The name ends at the first space or slash, where the attributes start: one way to split, so linear.
LONG_TAG_RE = re.compile(r"<([A-Za-z][^\s/<>]*)([\s/][^<>]{" + str(2 * MAX_TAG_ATTRIBUTES) + r",})>")
ATTRIBUTE_RE = re.compile(r"""[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?""")


def xml_safe(text: str) -> str:
    """``text`` with the characters lxml cannot hold removed (vertical tab and form feed become spaces).

    Every string parsed by lxml goes through this first: the HTML parser accepts such characters, but the tree
    then cannot be edited (a ``ValueError`` on the first ``.text``/``.tail`` assignment) and a lone surrogate
    silently cuts the text that follows it.
    """
    return XML_INCOMPATIBLE_RE.sub("", XML_SPACE_RE.sub(" ", text))


def _safe_char_ref(match: re.Match[str]) -> str:
    hex_digits, digits = match.groups()
    code = int(hex_digits, 16) if hex_digits is not None else int(digits)
    if code in (0xB, 0xC):
        return " "
    return "" if code in XML_INCOMPATIBLE_CODES else match.group(0)


def _capped_tag(match: re.Match[str]) -> str:
    attributes = ATTRIBUTE_RE.findall(match.group(2))
    if len(attributes) <= MAX_TAG_ATTRIBUTES:
        return match.group(0)
    return f"<{match.group(1)} {' '.join(attributes[:MAX_TAG_ATTRIBUTES])}>"


def xml_safe_markup(html: str) -> str:
    """HTML source made safe for lxml: :func:`xml_safe`, and no character reference to such a character either.

    ``&#11;`` is parsed into the same vertical tab as the raw character; references lxml already turns into
    U+FFFD (``&#0;``, surrogates, beyond U+10FFFF) are left to it. A tag keeps its first
    ``MAX_TAG_ATTRIBUTES`` attributes, so parsing stays linear in the size of the page.
    """
    safe = xml_safe(html)
    if "&#" in safe:
        safe = CHAR_REF_RE.sub(_safe_char_ref, safe)
    return LONG_TAG_RE.sub(_capped_tag, safe)


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
