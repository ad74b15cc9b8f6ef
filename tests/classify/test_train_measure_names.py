"""How the names part's training finds the labelled names on a page (the fitting itself needs scikit-learn)."""

from __future__ import annotations

import pytest

from benchmarks.train_measure_names import Page, _rows, located, loose


def test_loose_drops_what_a_label_and_the_page_may_differ_by_and_keeps_where_each_character_was() -> None:
    assert loose("《关于 加强“双碳”工作的 意见》") == ("关于加强双碳工作意见", [1, 2, 4, 5, 7, 8, 10, 11, 14, 15])
    assert loose("ＡＢ　c")[0] == "ABc"  # full-width forms as NFKC reads them


@pytest.mark.parametrize(
    ("fields", "titles", "expected"),
    [
        # a label without the page's book marks, quotes or 的, found where the page writes it
        ({"title": "某市印发《乌海市应对气候变化规划》", "text": ""}, ["乌海市应对气候变化的规划"], [("title", 5, 16)]),
        ({"title": "新闻", "text": "运输署批准「巴士加价方案」。"}, ["巴士加价方案"], [("text", 6, 12)]),
        # in both fields, each place
        ({"title": "长者计划", "text": "公布长者计划"}, ["长者计划"], [("title", 0, 4), ("text", 2, 6)]),
        # a label the page does not spell out, or of one character, is found nowhere
        ({"title": "巴士收费周六起加价", "text": ""}, ["巴士加价方案"], []),
        ({"title": "令", "text": ""}, ["令"], []),
    ],
)
def test_a_labelled_name_is_located_where_the_page_spells_it_out(
    fields: dict[str, str], titles: list[str], expected: list[tuple[str, int, int]]
) -> None:
    assert located(fields, titles) == expected
    for field, start, end in expected:
        assert loose(fields[field][start:end])[0] in {loose(t)[0] for t in titles}


def test_every_position_of_a_page_is_a_row_and_a_name_s_boundaries_are_its_positives() -> None:
    page = Page("p", {"title": "推出「长者计划」", "text": "无"}, [("title", 3, 7)])
    starts, is_start, ends, is_end = _rows([page])
    assert len(starts) == 8 + 1 and len(ends) == 9 + 2  # a start at each character, an end after each and at 0
    assert [i for i, y in enumerate(is_start) if y] == [3] and [j for j, y in enumerate(is_end) if y] == [7]
    assert "p1=「" in starts[3] and "n1=」" in ends[7]
