"""Hand-made n-gram model files for the tests: the vocabulary 碳 / 解读 / 印发 over the headline, 碳 over the lead."""

from __future__ import annotations

from typing import Any

# A linear part: weights of the headline's 碳, 解读, 印发 and of the lead's 碳.
Weights = tuple[list[float], list[float]]
CARBON_SPEAKS: Weights = ([4.0, 0.0, 0.0], [2.0])  # 碳 speaks for carbon
RELEASE_SPEAKS: Weights = ([0.0, 0.0, 4.0], [0.0])  # 印发 speaks for a release


def hand_made(
    carbon: Weights = CARBON_SPEAKS,
    carbon_threshold: float = 0.5,
    release: Weights | None = None,
    release_threshold: float = 0.5,
    withdraw_below: float | None = None,
    release_threshold_traditional: float | None = None,
    carbon_withdraw_below: float | None = None,
) -> dict[str, Any]:
    """A model file: intercept -1 for each part; ``release`` None for a file without a release part,
    ``withdraw_below`` None for one that never takes a release back, ``release_threshold_traditional`` None for
    one promotion cutoff for every page, and ``carbon_withdraw_below`` None for one that never takes carbon
    relevance away."""
    models: dict[str, Any] = {
        "carbon": {"intercept": -1.0, "weights": {"title": carbon[0], "lead": carbon[1]}, "add_above": carbon_threshold}
    }
    if carbon_withdraw_below is not None:
        models["carbon"]["withdraw_below"] = carbon_withdraw_below
    if release is not None:
        models["release"] = {
            "intercept": -1.0,
            "weights": {"title": release[0], "lead": release[1]},
            "promote_above": release_threshold,
        }
        if withdraw_below is not None:
            models["release"]["withdraw_below"] = withdraw_below
        if release_threshold_traditional is not None:
            models["release"]["promote_above_traditional"] = release_threshold_traditional
    return {
        "version": "test",
        "trained_on": "hand-made",
        "lead_chars": 20,
        "vectorizers": {
            "title": {"ngram_range": [1, 2], "features": ["碳", "解读", "印发"], "idf": [1.0, 1.0, 1.0]},
            "lead": {"ngram_range": [1, 1], "features": ["碳"], "idf": [2.0]},
        },
        "models": models,
    }


def names_part(lead_chars: int = 40) -> dict[str, Any]:
    """A names part (classify.namespan): a name starts after 「 and ends before 」, and nowhere else is likely."""
    return {
        "lead_chars": lead_chars,
        "start": {"intercept": -2.0, "weights": {"p1=「": 4.0}},
        "end": {"intercept": -2.0, "weights": {"n1=」": 4.0}},
        "length_prior": [0.0] * 21,
    }
