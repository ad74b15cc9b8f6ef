"""Carbon-relevance rules: load and validate the versioned TOML rules file (shipped default or the user's own)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

MAX_RULES_BYTES = 256_000
MAX_TERMS = 2_000
DEFAULT_RULES_NAME = "carbon.toml"


class RulesError(ValueError):
    """The rules file is missing, too large, not TOML, or holds a value of the wrong kind."""


@dataclass(frozen=True)
class Rules:
    """Validated relevance rules: weighted terms, negative phrases, title boost, density and threshold."""

    version: str
    terms: dict[str, float]
    negatives: tuple[str, ...] = ()
    headline_frames: tuple[str, ...] = ()
    threshold: float = 6.0
    title_boost: float = 2.0
    density_chars: int = 1500
    density_power: float = 0.5
    repeat_bonus: float = 1.0
    min_distinct_terms: int = 1
    body_only_threshold: float = 30.0
    lead_chars: int = 300
    lead_min_distinct: int = 3
    # Terms that make an item carbon only beside another term (节能减排: energy and pollutant cuts, carbon when the
    # text also says 碳 or 温室气体)
    supporting_terms: tuple[str, ...] = ()
    source: str = "<builtin>"
    # One alternation over all terms and negatives, longest first so 节能降碳 wins over 降碳 at the same place.
    term_pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)
    negative_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    frame_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    supporting_keys: frozenset[str] = field(init=False, repr=False, compare=False)  # casefolded, as terms match

    def __post_init__(self) -> None:
        ordered = sorted(self.terms, key=lambda t: (-len(t), t))
        pattern = "|".join(_quote_tolerant(t) for t in ordered)
        object.__setattr__(self, "term_pattern", re.compile(pattern, re.IGNORECASE))
        negs = sorted(self.negatives, key=lambda t: (-len(t), t))
        # a negative phrase is written with quotes inside it as a term is ("碳中和”绿色金融债")
        neg_re = re.compile("|".join(_quote_tolerant(t) for t in negs), re.IGNORECASE) if negs else None
        object.__setattr__(self, "negative_pattern", neg_re)
        frames = sorted(self.headline_frames, key=lambda t: (-len(t), t))
        frame_re = re.compile("|".join(re.escape(t) for t in frames), re.IGNORECASE) if frames else None
        object.__setattr__(self, "frame_pattern", frame_re)
        object.__setattr__(self, "supporting_keys", frozenset(t.casefold() for t in self.supporting_terms))

    def canonical_term(self, matched: str) -> str:
        """A matched span as a term, without the quotes written inside it: 能耗“双控” -> 能耗双控."""
        return TERM_QUOTES_RE.sub("", matched)

    def weight(self, matched: str) -> float:
        """The weight of a matched term (matching is case-insensitive for Latin terms such as CCER, and quotes
        inside a Chinese term are ignored)."""
        bare = self.canonical_term(matched)
        if bare in self.terms:
            return self.terms[bare]
        lowered = bare.casefold()
        return next((weight for term, weight in self.terms.items() if term.casefold() == lowered), 0.0)


# News writes quotes inside a term (能耗“双控”, “双碳”目标, 碳达峰“1+N”): between two Chinese characters of a term a
# quote mark may stand.
TERM_QUOTES = "“”‘’「」\"'"
TERM_QUOTES_RE = re.compile(f"[{re.escape(TERM_QUOTES)}]")


def _quote_tolerant(term: str) -> str:
    """The regex for ``term`` that also matches it with a quote mark between two of its Chinese characters."""
    if not re.search(r"[\u4e00-\u9fff]", term):
        return re.escape(term)
    gap = f"[{re.escape(TERM_QUOTES)}]?"
    parts = [re.escape(ch) for ch in term]
    out = parts[0]
    for prev, ch, part in zip(term[:-1], term[1:], parts[1:], strict=True):
        both_han = "\u4e00" <= prev <= "\u9fff" and "\u4e00" <= ch <= "\u9fff"
        out += (gap if both_han else "") + part
    return out


def _number(doc: dict[str, Any], key: str, default: float, where: str, *, minimum: float = 0.0) -> float:
    raw = doc.get(key, default)
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise RulesError(f"{where}: '{key}' must be a number, got {raw!r}")
    if raw < minimum:
        raise RulesError(f"{where}: '{key}' must be >= {minimum}, got {raw!r}")
    return float(raw)


def parse_rules(text: str, where: str = "<string>") -> Rules:
    """Validate a rules document given as TOML text; raise :class:`RulesError` naming the problem."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"{where}: not valid TOML: {exc}") from exc
    version = doc.get("version")
    if not isinstance(version, str) or not version.strip():
        raise RulesError(f"{where}: a non-empty string 'version' is required (e.g. version = \"2026.1\")")
    raw_terms = doc.get("terms")
    if not isinstance(raw_terms, dict) or not raw_terms:
        raise RulesError(f"{where}: a [terms] table mapping each term to its weight is required")
    if len(raw_terms) > MAX_TERMS:
        raise RulesError(f"{where}: too many terms ({len(raw_terms)} > {MAX_TERMS})")
    terms: dict[str, float] = {}
    for term, weight in raw_terms.items():
        if not term.strip():
            raise RulesError(f"{where}: [terms] has an empty term")
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight <= 0:
            raise RulesError(f"{where}: [terms] '{term}' needs a positive number weight, got {weight!r}")
        terms[term] = float(weight)
    neg_table = doc.get("negatives", {})
    if not isinstance(neg_table, dict):
        raise RulesError(f"{where}: [negatives] must be a table with a 'phrases' list")
    phrases = neg_table.get("phrases", [])
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise RulesError(f"{where}: [negatives].phrases must be a list of non-empty strings")
    frames = neg_table.get("headline_frames", [])
    if not isinstance(frames, list) or not all(isinstance(p, str) and p.strip() for p in frames):
        raise RulesError(f"{where}: [negatives].headline_frames must be a list of non-empty strings")
    distinct = doc.get("min_distinct_terms", 1)
    if isinstance(distinct, bool) or not isinstance(distinct, int) or distinct < 1:
        raise RulesError(f"{where}: 'min_distinct_terms' must be a positive integer, got {distinct!r}")
    density_chars = _number(doc, "density_chars", 1500, where, minimum=1)
    lead_distinct = doc.get("lead_min_distinct", 3)
    if isinstance(lead_distinct, bool) or not isinstance(lead_distinct, int) or lead_distinct < 1:
        raise RulesError(f"{where}: 'lead_min_distinct' must be a positive integer, got {lead_distinct!r}")
    supporting = doc.get("supporting_terms", [])
    if not isinstance(supporting, list) or not all(isinstance(t, str) and t in terms for t in supporting):
        raise RulesError(f"{where}: 'supporting_terms' must be a list of terms of [terms], got {supporting!r}")
    return Rules(
        version=version.strip(),
        terms=terms,
        negatives=tuple(phrases),
        headline_frames=tuple(frames),
        threshold=_number(doc, "threshold", 6.0, where),
        title_boost=_number(doc, "title_boost", 2.0, where),
        density_chars=int(density_chars),
        density_power=_number(doc, "density_power", 0.5, where),
        repeat_bonus=_number(doc, "repeat_bonus", 1.0, where),
        min_distinct_terms=distinct,
        body_only_threshold=_number(doc, "body_only_threshold", 30.0, where),
        lead_chars=int(_number(doc, "lead_chars", 300, where)),
        lead_min_distinct=lead_distinct,
        supporting_terms=tuple(supporting),
        source=where,
    )


def default_rules_text() -> str:
    """The text of the rules file shipped in ``carbonwatch/rules/``."""
    return resources.files("carbonwatch").joinpath("rules", DEFAULT_RULES_NAME).read_text(encoding="utf-8")


def load_rules(path: Path | str | None = None) -> Rules:
    """Load and validate ``path`` (a user's rules file), or the shipped rules when ``path`` is None."""
    if path is None or str(path) == "":
        return parse_rules(default_rules_text(), f"<builtin {DEFAULT_RULES_NAME}>")
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise RulesError(f"cannot read rules file {p}: {exc}") from exc
    if size > MAX_RULES_BYTES:
        raise RulesError(f"rules file {p} is {size} bytes, larger than the {MAX_RULES_BYTES}-byte limit")
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(f"cannot read rules file {p} as UTF-8: {exc}") from exc
    return parse_rules(text, str(p))
