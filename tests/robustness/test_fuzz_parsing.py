"""Seeded mutations of saved pages and feeds through decoding, parsing and cleaning: no crash, no slow input.

The mutator inserts what issue 15 found losing items or freezing crawls (control characters, codec names as
charsets, unparseable links, comment floods, attribute floods, BOMs, bad encoding declarations), deletes and
flips bytes, and cuts pages short (the mutator and the corpora live in :mod:`benchmarks.fuzz`, whose
``python -m benchmarks.fuzz`` is the long run). A small fixed budget runs in the default suite; every input is
reproducible from its seed and index.
"""

from __future__ import annotations

import pytest

from benchmarks.fuzz import CORPORA, fuzz, unsafe

INPUTS_PER_SEED = 150


@pytest.mark.parametrize("kind", sorted(CORPORA))
@pytest.mark.parametrize("seed", [1, 2])
def test_mutated_inputs_never_crash_or_stall(kind: str, seed: int) -> None:
    outcome = fuzz(kind, seed, INPUTS_PER_SEED)
    assert outcome.inputs == INPUTS_PER_SEED
    assert outcome.crashes == []
    assert outcome.slow == []
    assert outcome.unsafe == []


@pytest.mark.parametrize(
    ("html", "bad"),
    [
        ('<p><img src="x" onerror="alert(1)"></p>', True),
        ('<a href="javascript:alert(1)">x</a>', True),
        ("<script>alert(1)</script>", True),
        ("<p>data: 1, onclick = text, javascript: words between tags</p>", False),
        ('<p><a href="https://a.example/">x</a></p>', False),
    ],
)
def test_the_unsafe_output_check_looks_at_tags_only(html: str, bad: bool) -> None:
    assert unsafe(html) is bad
