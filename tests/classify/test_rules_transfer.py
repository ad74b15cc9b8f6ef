"""The rules' gain since first measurement, tuning beside blind (benchmarks/rules_transfer)."""

from __future__ import annotations

import pytest

from benchmarks.rules_transfer import Record, table, transfer


def _record(split: str, traditional: bool, label: bool, first: bool, now: bool) -> Record:
    return Record(
        split=split,
        traditional=traditional,
        label={"release": label, "carbon": False},
        first={"release": first, "carbon": False},
        now={"release": now, "carbon": False},
    )


def test_the_share_of_the_tuning_gain_kept_on_blind_is_told_by_script() -> None:
    records = [
        # simplified: tuning found 2 of 4 then and 4 of 4 now (gain 0.5); blind 1 of 4 then, 2 of 4 now (0.25)
        *[_record("tuning", False, True, i < 2, True) for i in range(4)],
        *[_record("blind", False, True, i < 1, i < 2) for i in range(4)],
        # traditional: tuning 0 of 2 then, 2 of 2 now; blind 0 of 2 both times, and one post it now gets wrong
        *[_record("tuning", True, True, False, True) for _ in range(2)],
        *[_record("blind", True, True, False, False) for _ in range(2)],
        _record("blind", True, False, False, True),
    ]
    figures = transfer(records)
    assert list(figures) == [
        "tuning",
        "blind",
        "tuning, simplified",
        "blind, simplified",
        "tuning, traditional",
        "blind, traditional",
    ]
    simplified = figures["blind, simplified"]["release"]
    assert (simplified["first"]["recall"], simplified["now"]["recall"]) == (0.25, 0.5)
    assert simplified["recall_gain_kept"] == pytest.approx(0.5)
    traditional = figures["blind, traditional"]["release"]
    assert traditional["recall_gain_kept"] == 0.0
    assert traditional["now"]["precision"] == 0.0
    assert figures["blind"]["posts"] == 7
    # tuning gained no carbon recall (nothing labelled): no share to tell
    assert figures["blind"]["carbon"]["recall_gain_kept"] is None
    rows = table(figures)
    assert "kept 0.50 of the tuning recall gain" in rows[6].figure  # blind, simplified, release
    assert "kept" not in rows[0].figure  # tuning rows have no share
