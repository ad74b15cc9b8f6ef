"""Decoding fetched pages and API replies: a BOM, BOM-less UTF-16, valid UTF-8, the declared charsets, GB18030.

Pure (bytes in, text out) and total: no byte string and no declared charset makes it raise. Used by every
spider, the importer and ``carbonwatch analyze``; ``crawler.parsers.sina`` re-exports it for older callers.
"""

from __future__ import annotations

import codecs
import re

from carbonwatch.textnorm import xml_safe_markup

META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
# Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one): a BOM beats any label.
BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Codecs Python knows that are no page encoding: "undefined" always raises, idna/punycode raise UnicodeError on
# ordinary text, the escape codecs rewrite backslashes, UTF-7 is refused by browsers (an old XSS vector).
NOT_PAGE_ENCODINGS = frozenset(
    codecs.lookup(n).name for n in ("undefined", "idna", "punycode", "unicode_escape", "raw_unicode_escape", "utf-7")
)
# One well-formed UTF-8 sequence of two to four bytes (no overlong forms, no surrogates, nothing past U+10FFFF).
UTF8_SEQ = (
    rb"(?:[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2})"
)
# A whole run of non-ASCII bytes (ASCII or the page's ends on both sides) that is well-formed UTF-8. The
# lookbehind lets a match start only at a run's first byte, so the search stays linear.
UTF8_RUN_RE = re.compile(rb"(?<![\x80-\xff])" + UTF8_SEQ + rb"+(?![\x80-\xff])")
# In a GBK page a run of two-byte characters is often valid UTF-8 by chance (图片展示 is CD BC C6 AC D5 B9 CA BE,
# four Latin/Cyrillic letters in UTF-8); two three-byte sequences (CJK in UTF-8) hardly ever are.
UTF8_ISLAND_MIN_WIDE = 2
HIGH_BYTES = bytes(range(0x80, 0x100))
# UTF-16 without a BOM (issue 15 #14): judged on the first 4 KB; at least 10% of the characters ASCII (markup; an
# ASCII-compatible page has only stray zero bytes), and at most 5% zero bytes on the other side (CJK has few).
UTF16_SAMPLE = 4096
UTF16_MIN_CHARS = 8
UTF16_ZERO_SHARE = 0.1
UTF16_STRAY_SHARE = 0.05


def _normalise_encoding(name: str | None) -> str | None:
    """The Python codec for a declared charset; None unless it is a real, ASCII-compatible text encoding.

    ``hex``, ``rot13``, ``base64``, ``zlib`` … name codecs too, but bytes-to-bytes ones: a page declaring them is
    decoded as if it declared nothing. UTF-16/32 labels without a BOM are ignored, as browsers do.
    """
    if not name:
        return None
    try:
        info = codecs.lookup(name.strip().strip("\"'"))
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_PAGE_ENCODINGS:
        return None
    # Pages labelled GB2312/GBK routinely use characters outside those sets; GB18030 is a superset of both.
    if info.name in ("gb2312", "gbk", "euc_cn", "hz"):
        return "gb18030"
    try:
        ascii_compatible = b"<p>".decode(info.name) == "<p>"
    except (UnicodeError, LookupError):
        ascii_compatible = False
    return info.name if ascii_compatible else None


def sniff_utf16(body: bytes) -> str | None:
    """``utf-16-le``/``-be`` for UTF-16 without a BOM, told by its zero bytes; None for anything else.

    Markup is ASCII, which UTF-16 writes with a zero byte beside each character: in the odd positions
    (little-endian) or the even ones (big-endian). An ASCII-compatible page has no zero bytes but stray ones.
    """
    sample = body[:UTF16_SAMPLE]
    half = len(sample) // 2
    if half < UTF16_MIN_CHARS or b"\x00" not in sample:
        return None
    even_zeros, odd_zeros = sample[0::2].count(0), sample[1::2].count(0)
    if odd_zeros >= UTF16_ZERO_SHARE * half and even_zeros <= UTF16_STRAY_SHARE * half:
        return "utf-16-le"
    if even_zeros >= UTF16_ZERO_SHARE * half and odd_zeros <= UTF16_STRAY_SHARE * half:
        return "utf-16-be"
    return None


def decode_html(body: bytes, header_encoding: str | None = None) -> str:
    """Decode a page (:func:`decode_text`), XML-safe (:func:`carbonwatch.textnorm.xml_safe_markup`) for lxml."""
    return xml_safe_markup(decode_text(body, header_encoding))


def decode_text(body: bytes, header_encoding: str | None = None) -> str:
    """Decode a page or API reply; never raises, whatever the bytes or the declared charset.

    A byte-order mark wins. Bytes that are valid UTF-8 are UTF-8 (GBK text is never valid UTF-8 beyond a few
    bytes, so a "gbk" label on them is wrong). Otherwise the HTTP header charset, the ``<meta charset>`` and
    GB18030 are tried in that order, and runs of UTF-8 inside such a page (a template mixing GBK and UTF-8)
    are decoded as UTF-8.
    """
    for bom, bom_encoding in BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(bom_encoding, errors="replace")
    utf16 = sniff_utf16(body)
    if utf16 is not None:
        return body.decode(utf16, errors="replace")
    non_ascii = len(body) - len(body.translate(None, HIGH_BYTES))
    if not non_ascii:
        return body.decode("ascii")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    runs = [m.span() for m in UTF8_RUN_RE.finditer(body)]
    mostly_utf8 = 2 * sum(end - start for start, end in runs) >= non_ascii
    # In a well-formed UTF-8 run the bytes E0-F4 can only lead a three- or four-byte sequence.
    islands = [
        (start, end)
        for start, end in runs
        if mostly_utf8 or sum(byte >= 0xE0 for byte in body[start:end]) >= UTF8_ISLAND_MIN_WIDE
    ]
    legacy: list[str] = []
    for name in (header_encoding, _meta_charset(body), "gb18030"):
        enc = _normalise_encoding(name)
        if enc and enc != "utf-8" and enc not in legacy:
            legacy.append(enc)
    for enc in legacy:
        try:
            return _decode_spans(body, islands, enc, "strict")
        except UnicodeError:
            # A declaration that lies (GBK bytes labelled big5) is common: try the next candidate.
            continue
    return _decode_spans(body, islands, "gb18030", "replace")


def _decode_spans(body: bytes, utf8_spans: list[tuple[int, int]], encoding: str, errors: str) -> str:
    """``body`` decoded with ``encoding``, except the ``utf8_spans`` (well-formed UTF-8 runs) as UTF-8."""
    pieces: list[str] = []
    pos = 0
    for start, end in utf8_spans:
        pieces.append(body[pos:start].decode(encoding, errors))
        pieces.append(body[start:end].decode("utf-8"))
        pos = end
    pieces.append(body[pos:].decode(encoding, errors))
    return "".join(pieces)


def _meta_charset(body: bytes) -> str | None:
    # Sina heads are long (inline scripts); 16 KB covers every page seen while bounding the work.
    match = META_CHARSET_RE.search(body[:16384])
    return match.group(1).decode("ascii", errors="ignore") if match else None
