"""Tests for carbonwatch.textnorm's XML-safe text: what lxml refuses never reaches it, the rest is untouched."""

from __future__ import annotations

import pytest
from lxml import etree

from carbonwatch.textnorm import xml_safe, xml_safe_markup

BAD_CHARS = ["\x00", "\x01", "\x08", "\x0e", "\x1f", "\ud800", "\udfff", "\ufffe", "\uffff"]


@pytest.mark.parametrize("char", BAD_CHARS)
def test_xml_safe_removes_characters_lxml_refuses(char: str) -> None:
    assert xml_safe(f"碳{char}达峰") == "碳达峰"


@pytest.mark.parametrize("char", ["\x0b", "\x0c"])
def test_xml_safe_turns_vertical_tab_and_form_feed_into_spaces(char: str) -> None:
    assert xml_safe(f"碳达峰{char}碳中和") == "碳达峰 碳中和"


def test_xml_safe_keeps_ordinary_text() -> None:
    text = "碳达峰\t碳中和\r\n€\x7f\x85\u3000\ufffd\U0001f600"
    assert xml_safe(text) == text


@pytest.mark.parametrize("char", [*BAD_CHARS, "\x0b", "\x0c"])
def test_xml_safe_text_can_be_set_in_an_lxml_tree(char: str) -> None:
    etree.Element("p").text = xml_safe(f"a{char}b")  # would raise "All strings must be XML compatible"


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("a&#11;b", "a b"),
        ("a&#x0B;b", "a b"),
        ("a&#0000012b", "a b"),
        ("a&#1;b", "ab"),
        ("a&#x1f;b", "ab"),
        ("a&#xFFFE;b", "ab"),
        ("a&#65535;b", "ab"),
    ],
)
def test_xml_safe_markup_drops_references_to_refused_characters(markup: str, expected: str) -> None:
    assert xml_safe_markup(markup) == expected


@pytest.mark.parametrize("markup", ["&#9;", "&#10;", "&#13;", "&#32;", "&#128;", "&#x4e2d;", "&#0;", "&amp;#11;"])
def test_xml_safe_markup_keeps_other_references(markup: str) -> None:
    assert xml_safe_markup(markup) == markup


def test_xml_safe_markup_bounds_long_digit_runs() -> None:
    markup = "&#" + "1" * 100_000 + ";"
    assert xml_safe_markup(markup) == markup  # no ValueError from int() of 100k digits
