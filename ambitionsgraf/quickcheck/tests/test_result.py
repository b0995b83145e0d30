"""The quick check's reading of the gaps and its chart, from plain rows."""

import xml.etree.ElementTree as ET

from ambitionsgraf.quickcheck.result import AreaRow, radar, read


def row(key, level, ambition):
    return AreaRow(key=key, title=key.title(), level=level, ambition=ambition)


def test_the_gap_is_the_ambition_above_today_and_none_for_dont_know():
    assert row("a", 2, 3.5).gap == 1.5
    assert row("a", 4, 3).gap == -1
    assert row("a", None, 3).gap is None


def test_the_reading_names_the_three_largest_gaps_largest_first_ties_in_model_order():
    rows = [row("a", 3, 4), row("b", 1, 5), row("c", 2, 3), row("d", 2, 3), row("e", 5, 5)]
    reading = read(rows)
    assert [r.key for r in reading.largest_gaps] == ["b", "a", "c"]
    assert [r.key for r in reading.reached] == ["e"]
    assert reading.unknown == ()


def test_dont_know_is_neither_a_gap_nor_reached():
    reading = read([row("a", None, 4), row("b", 4, 3.5)])
    assert reading.largest_gaps == ()
    assert [r.key for r in reading.reached] == ["b"]
    assert [r.key for r in reading.unknown] == ["a"]


def test_the_chart_has_a_title_a_description_and_both_series():
    svg = radar([row("a", 2, 4), row("b", None, 3), row("c", 3, 3.5)])
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}title").text and root.find(f"{ns}desc").text
    assert "radar-series-ambition" in svg and "radar-series-organisation" in svg


def test_the_chart_leaves_out_the_level_when_every_answer_is_dont_know():
    svg = radar([row("a", None, 4), row("b", None, 3), row("c", None, 2)])
    assert "radar-series-ambition" in svg and "radar-series-organisation" not in svg
