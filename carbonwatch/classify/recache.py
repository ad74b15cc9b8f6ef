"""Compiled regular expressions kept on disk, so a new process does not compile the rules again.

The release rules embed the issuer pattern (every ministry, commission, bureau and local government, 19,000
characters) in some thirty larger patterns. Python compiles each one anew in every process: importing
:mod:`carbonwatch.classify.policydocs` took 4.4 s of CPU on a 2-core machine (2026-12-02), paid by every crawl, every
cron run and every test that starts one, though the compiled programs are the same each time. ``re`` has no
persistent cache and no library offers one, so this module keeps one: the program the compiler produces for a
pattern (a list of integers) is stored in a JSON file, keyed by a hash of the pattern, its flags and the
interpreter, and handed back to the regular-expression engine on the next start, which checks it as it does any
compiled program. A pattern whose entry is missing, stale or refused is compiled as ``re.compile`` does and the
file rewritten; nothing here can change what a pattern matches.

The file lives in ``$CARBONWATCH_REGEX_CACHE`` (a file path; ``off`` disables the cache), else
``$XDG_CACHE_HOME/carbonwatch/`` or ``~/.cache/carbonwatch/``. It is written atomically (a temporary file renamed
over it) and holds only the patterns the last writer compiled, so entries of rules since edited drop out. A
directory that cannot be written costs only the time saved.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import re
import sys
import tempfile
import zlib
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

CACHE_ENV = "CARBONWATCH_REGEX_CACHE"
FORMAT = 2

try:  # CPython's engine and compiler (the functions re.compile itself calls); elsewhere the cache stays off
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _ENGINE = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}-{sys.byteorder}"
except (ImportError, AttributeError):  # pragma: no cover - not CPython
    _sre = None
    _ENGINE = ""


def cache_path() -> Path | None:
    """Where the cache file is (None when it is switched off)."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "false", "no") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "carbonwatch" / f"regex-{_ENGINE or 'none'}.json"


@dataclass
class RegexCache:
    """Compiled programs of one file: loaded on first use, written back by :meth:`save` when anything was new."""

    path: Path | None
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    used: dict[str, dict[str, Any]] = field(default_factory=dict)
    hits: int = 0  # patterns read from the file (since the process started)
    misses: int = 0  # patterns compiled here
    loaded: bool = False
    pending: bool = False  # a pattern compiled here is not in the file yet

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(pattern, flags)``, from the cached program when there is one."""
        if _sre is None or self.path is None or not isinstance(pattern, str):
            return re.compile(pattern, flags)
        self._load()
        key = hashlib.sha256(f"{_ENGINE}\0{flags}\0{pattern}".encode()).hexdigest()
        entry = self.entries.get(key)
        if entry is not None and entry.get("pattern") == pattern:
            compiled = _from_entry(pattern, entry)
            if compiled is not None:
                self.hits += 1
                self.used[key] = entry
                return compiled
        self.misses += 1
        self.pending = True
        try:
            compiled, entry = _compile(pattern, flags)
        except re.error:
            raise
        except Exception as exc:  # the private compiler changed: compile as re does, keep nothing
            logger.debug("regex cache: %s; compiling without it", exc)
            return re.compile(pattern, flags)
        self.used[key] = entry
        return compiled

    def save(self) -> None:
        """Write the programs compiled in this process when any was missing from the file, then let go of them."""
        try:
            if self.path is not None and self.pending and self.used:
                self._write({"format": FORMAT, "engine": _ENGINE, "patterns": self.used})
        finally:
            self.entries, self.used, self.pending = {}, {}, False

    def _write(self, data: dict[str, Any]) -> None:
        assert self.path is not None
        tmp: str | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=self.path.name, suffix=".tmp", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, self.path)
        except OSError as exc:
            logger.debug("regex cache: cannot write %s: %s", self.path, exc)
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)

    def _load(self) -> None:
        if self.loaded:
            return
        self.loaded = True
        assert self.path is not None
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("format") == FORMAT and data.get("engine") == _ENGINE:
            patterns = data.get("patterns")
            if isinstance(patterns, dict):
                self.entries = patterns


def _compile(pattern: str, flags: int) -> tuple[re.Pattern[str], dict[str, Any]]:
    """Compile as ``re._compiler.compile`` does, keeping the program for the file."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = {
        "pattern": pattern,
        "flags": flags | parsed.state.flags,
        "groups": parsed.state.groups - 1,
        "groupindex": groupindex,
        "indexgroup": indexgroup,
        "code": base64.b64encode(zlib.compress(array("I", code).tobytes(), 6)).decode("ascii"),
    }
    compiled = _sre.compile(pattern, entry["flags"], code, entry["groups"], groupindex, tuple(indexgroup))
    return compiled, entry


def _from_entry(pattern: str, entry: dict[str, Any]) -> re.Pattern[str] | None:
    """The pattern from its stored program; None when the entry is malformed or the engine refuses it."""
    try:
        code = array("I")
        code.frombytes(zlib.decompress(base64.b64decode(entry["code"])))
        compiled: re.Pattern[str] = _sre.compile(
            pattern,
            int(entry["flags"]),
            code.tolist(),
            int(entry["groups"]),
            {str(k): int(v) for k, v in entry["groupindex"].items()},
            tuple(entry["indexgroup"]),
        )
    except Exception as exc:  # a damaged or foreign entry (the engine validates every program it is given)
        logger.debug("regex cache: entry refused (%s); compiling", exc)
        return None
    return compiled


_default: RegexCache | None = None


def default_cache() -> RegexCache:
    """The process's cache (at :func:`cache_path`, read when it is first needed)."""
    global _default
    if _default is None:
        _default = RegexCache(cache_path())
    return _default


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` through the process's cache."""
    return default_cache().compile(pattern, flags)


def save() -> None:
    """Write the process's cache when it compiled anything new (the rules' modules call it once they are built)."""
    default_cache().save()
