"""Pages read as the rules are written: traditional script as simplified, pinyin annotations and Taiwan's bracketed
day of the month removed.

Hong Kong and Taiwan wires, mirrors and some government pages print mainland policy news in traditional characters
(生態環境部印發…規則, 銅仁市人民政府發布《…節能減排…方案》). The classifier's vocabulary, its document kinds and its
n-gram model are simplified; a traditional page is converted with OpenCC's ``t2s`` table (characters and phrases,
one character for one, so offsets into the text stay valid) before it is read. A simplified page is left as it is:
``t2s`` also maps the odd character that simplified text uses too (覆盖 → 复盖, a name's 乾), so a text is converted
only where enough of it changes to be traditional writing. Hong Kong's variant 衞 (of 衛), which ``t2s`` keeps, is
read as 卫 on every page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import opencc

# A text is traditional writing when at least this share of its Han characters, and at least MIN_CHANGED of them,
# convert: the traditional pages of the corpus change 22-37% (權, 規, 設, 們 …), a traditional title as much; simplified
# pages at most 2% (a name's 乾, 覆盖, an archive's category 国內), and a mixed page of ../shared/data 9%.
TRADITIONAL_SHARE = 0.10
MIN_CHANGED = 2


# "國(guó)務(wù)院印發(fā)": mirror sites (and some scraper traps) print a syllable's pinyin after each character, often
# with its tone. A syllable: an initial (or none), vowels with or without tone marks, a final n/ng/r; a tone mark or an
# initial is required, so "(iii)" or "(a)" in a list is no pinyin. One mirror closes the syllable with a space,
# "社會(huì )", as others do not.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = (
    rf"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])[aeiouüv{_TONED}]{{1,3}}(?:ng|n|r)?"
    rf"|[aeiouüv]{{0,2}}[{_TONED}][aeiouüv{_TONED}]{{0,2}}(?:ng|n|r)?)"
)
PINYIN_AFTER_HAN_RE = re.compile(
    rf"(?<=[\u4e00-\u9fff])(?:[（(]{_PINYIN} ?[)）])+(?: (?=[\u4e00-\u9fff]))?", re.IGNORECASE
)
# A page is annotated when at least this many characters carry their pinyin (a stray "(an)" in a name is not).
MIN_PINYIN = 5
# "新竹市政府今(23)日办理…", "农业部昨（22）日公告", "今(113)年": Taiwan's papers print the day (or the year) they mean
# in brackets inside 今日 / 昨日 / 今年. Read without it, the words are the mainland's 今日 / 昨日 / 今年 that the rules
# date a release by.
BRACKETED_DAY_RE = re.compile(r"(?<=[今昨明前])\s*[（(]\s*\d{1,3}\s*[)）]\s*(?=[日天年])")
# Hong Kong writes 衛 as 衞 (衞生署, 醫務衞生局, 食物環境衞生署), in traditional and simplified pages alike; OpenCC's
# ``t2s`` table leaves the variant as it is, so the body's name matches none of the rules'. Read as 卫, whatever the
# page's script (one character for one: offsets stay valid).
VARIANTS = str.maketrans({"衞": "卫"})


def _cut(text: str, pattern: re.Pattern[str] = PINYIN_AFTER_HAN_RE) -> tuple[str, list[int] | None]:
    """``text`` without what ``pattern`` matches (pinyin annotations by default), and for each position of the result
    (and its end) the position in ``text`` it came from; None where nothing was cut."""
    kept: list[str] = []
    where: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        kept.append(text[pos : m.start()])
        where.extend(range(pos, m.start()))
        pos = m.end()
    if not pos:
        return text, None
    kept.append(text[pos:])
    where.extend(range(pos, len(text) + 1))
    return "".join(kept), where


def _annotated(*texts: str) -> bool:
    """Whether ``texts`` are annotated with pinyin throughout (see :data:`MIN_PINYIN`), not a stray syllable."""
    return sum(len(PINYIN_AFTER_HAN_RE.findall(t)) for t in texts) >= MIN_PINYIN


def without_pinyin(*texts: str) -> tuple[str, ...]:
    """``texts`` without the pinyin printed after their characters, when they are annotated so throughout."""
    return tuple(_cut(t)[0] for t in texts) if _annotated(*texts) else texts


@dataclass(frozen=True)
class Reading:
    """An article's title and text as the classifier reads them, with the way back to the given positions."""

    title: str
    text: str
    # position in the read field -> position in the given one, where pinyin was cut (conversion keeps positions)
    maps: dict[str, list[int]]
    traditional: bool = False  # read as traditional writing, converted to simplified

    def span(self, field_name: str, start: int, end: int) -> tuple[int, int]:
        """The span in the given title or text of span ``start:end`` of the read one: from its first character to
        just after its last (the pinyin after the last is not part of it)."""
        where = self.maps.get(field_name)
        if not where:
            return start, end
        last = len(where) - 1
        return where[min(start, last)], (where[min(end - 1, last)] + 1 if end > start else where[min(start, last)])


def read(title: str, text: str) -> Reading:
    """The title and text as the classifier reads them: pinyin annotations and bracketed days removed, then
    simplified characters."""
    fields = {"title": title, "text": text}
    maps: dict[str, list[int]] = {}
    cuts = ([PINYIN_AFTER_HAN_RE] if _annotated(title, text) else []) + [BRACKETED_DAY_RE]
    for pattern in cuts:
        for name, given in fields.items():
            fields[name], where = _cut(given, pattern)
            if where is not None:
                # each cut maps into the field as the previous one left it: composed, it maps into the given field
                earlier = maps.get(name)
                maps[name] = [earlier[i] for i in where] if earlier else where
    folded = fields["title"].translate(VARIANTS), fields["text"].translate(VARIANTS)
    title, text = _simplified_folded(folded)
    return Reading(title, text, maps, traditional=(title, text) != folded)


def readable(title: str, text: str) -> tuple[str, str]:
    """The title and text as the classifier reads them (see :func:`read`)."""
    reading = read(title, text)
    return reading.title, reading.text


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _han_count(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def all_simplified(text: str) -> str:
    """``text`` in simplified characters, converted whatever its share of traditional ones (a label copied from a page
    read as traditional: "2025年第70號公告" has one character to convert, too few to tell by itself)."""
    return str(_converter().convert(text.translate(VARIANTS)))


def simplified(*texts: str) -> tuple[str, ...]:
    """``texts`` converted to simplified characters when, taken together, they are traditional writing; else as
    given (Hong Kong's variant characters read as simplified either way: see VARIANTS). Converted texts keep their
    length."""
    return _simplified_folded(tuple(t.translate(VARIANTS) for t in texts))


def _simplified_folded(texts: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`simplified` of texts whose variant characters are already folded (see VARIANTS)."""
    converted = tuple(_converter().convert(t) for t in texts)
    changed = sum(a != b for t, c in zip(texts, converted, strict=True) for a, b in zip(t, c, strict=False))
    han = sum(_han_count(t) for t in texts)
    if changed >= MIN_CHANGED and changed >= TRADITIONAL_SHARE * han:
        # (OpenCC's t2s maps one character to one; should a phrase ever change length, keep the original)
        if all(len(c) == len(t) for t, c in zip(texts, converted, strict=True)):
            return converted
    return texts
