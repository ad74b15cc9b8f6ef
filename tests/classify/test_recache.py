"""The compiled-regex cache: a pattern read back from the file matches exactly as ``re.compile``'s, and a missing,
damaged or unwritable file costs time, never a wrong pattern."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from carbonwatch.classify import recache
from carbonwatch.classify.recache import RegexCache
from tests.helpers import PROJECT_ROOT

PATTERNS = [
    (r"(?P<issuer>国务院|[\u4e00-\u9fff]{2,6}?(?:部|委|局))(?:印发|发布)了?《(?P<title>[^》]{2,40})》", 0),
    (r"(?<![省市])发改委(?!员)", 0),
    (r"\bcarbon\s+(?:market|neutral(?:ity)?)\b", re.IGNORECASE),
    (r"^(?:第[一二三四五六七八九十]+条)\s*", re.MULTILINE),
]
TEXTS = [
    "国务院印发《2030年前碳达峰行动方案》，生态环境部发布《碳排放权交易管理办法》",
    "省发改委，国家发改委员会，发改委印发",
    "The Carbon  Market opened; carbon neutrality by 2060",
    "第一条 为了规范\n第十二条 本办法自",
]


def _matches(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], dict[str, str | None], str]]:
    return [(m.span(), m.groupdict(), m.group()) for text in TEXTS for m in pattern.finditer(text)]


def _same_as_re(pattern: re.Pattern[str], source: str, flags: int) -> None:
    fresh = re.compile(source, flags)
    assert pattern.pattern == fresh.pattern
    assert pattern.flags == fresh.flags
    assert pattern.groups == fresh.groups
    assert pattern.groupindex == fresh.groupindex
    assert _matches(pattern) == _matches(fresh)


def test_a_pattern_read_back_from_the_file_matches_as_re_compiles_it(tmp_path: Path) -> None:
    path = tmp_path / "regex.json"
    first = RegexCache(path)
    for source, flags in PATTERNS:
        _same_as_re(first.compile(source, flags), source, flags)
    first.save()
    assert (first.hits, first.misses) == (0, len(PATTERNS))
    assert path.exists()

    second = RegexCache(path)
    for source, flags in PATTERNS:
        _same_as_re(second.compile(source, flags), source, flags)
    assert (second.hits, second.misses) == (len(PATTERNS), 0)


def test_the_file_keeps_only_the_patterns_its_last_writer_compiled(tmp_path: Path) -> None:
    path = tmp_path / "regex.json"
    old = RegexCache(path)
    old.compile("旧规则")
    old.save()
    new = RegexCache(path)
    new.compile("新规则")
    new.save()
    stored = json.loads(path.read_text("utf-8"))["patterns"]
    assert [entry["pattern"] for entry in stored.values()] == ["新规则"]


def test_a_damaged_file_is_compiled_around_and_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "regex.json"
    path.write_text('{"format": 2, "patt', "utf-8")
    cache = RegexCache(path)
    source, flags = PATTERNS[0]
    _same_as_re(cache.compile(source, flags), source, flags)
    cache.save()
    assert cache.misses == 1
    assert json.loads(path.read_text("utf-8"))["format"] == recache.FORMAT


@pytest.mark.parametrize("damage", ["truncated program", "not base64", "other pattern", "missing field"])
def test_a_damaged_entry_is_refused_and_the_pattern_compiled(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "regex.json"
    source, flags = PATTERNS[0]
    writer = RegexCache(path)
    writer.compile(source, flags)
    writer.save()
    data = json.loads(path.read_text("utf-8"))
    (entry,) = data["patterns"].values()
    if damage == "truncated program":
        entry["code"] = entry["code"][: len(entry["code"]) // 2]
    elif damage == "not base64":
        entry["code"] = "!!"
    elif damage == "other pattern":
        entry["pattern"] = "别的"
    else:
        del entry["groupindex"]
    path.write_text(json.dumps(data), "utf-8")

    reader = RegexCache(path)
    _same_as_re(reader.compile(source, flags), source, flags)
    assert (reader.hits, reader.misses) == (0, 1)


def test_an_unwritable_place_costs_only_the_time(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", "utf-8")
    cache = RegexCache(blocker / "regex.json")
    source, flags = PATTERNS[1]
    _same_as_re(cache.compile(source, flags), source, flags)
    cache.save()  # must not raise
    assert not (blocker / "regex.json").exists()


def test_a_bad_pattern_raises_as_re_does(tmp_path: Path) -> None:
    with pytest.raises(re.error):
        RegexCache(tmp_path / "regex.json").compile("(unclosed")


def test_the_cache_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(recache.CACHE_ENV, "off")
    assert recache.cache_path() is None
    monkeypatch.setenv(recache.CACHE_ENV, "/somewhere/regex.json")
    assert recache.cache_path() == Path("/somewhere/regex.json")
    monkeypatch.delenv(recache.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")
    assert recache.cache_path() == Path("/xdg/carbonwatch") / recache.cache_path().name  # type: ignore[union-attr]


def _import_rules(cache: Path, hash_seed: str) -> dict[str, int]:
    code = (
        "import json\n"
        "import carbonwatch.classify.policydocs as p\n"
        "from carbonwatch.classify import recache\n"
        "c = recache.default_cache()\n"
        "print(json.dumps({'hits': c.hits, 'misses': c.misses, 'issuer': p.ISSUER_RE.search('财政部印发').group()}))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env={**os.environ, recache.CACHE_ENV: str(cache), "PYTHONHASHSEED": hash_seed},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, int] = json.loads(proc.stdout)
    return result


def test_the_release_rules_compile_once_then_are_read_by_the_next_process(tmp_path: Path) -> None:
    # Two hash seeds: a pattern built from a set's order (sets of strings iterate in another order in each process)
    # would miss the cache every time.
    cache = tmp_path / "regex.json"
    first = _import_rules(cache, "1")
    assert first["hits"] == 0 and first["misses"] > 300  # every pattern of policydocs went through the cache
    second = _import_rules(cache, "2")
    assert second == {"hits": first["misses"], "misses": 0, "issuer": "财政部"}
