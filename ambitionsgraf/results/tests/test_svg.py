import xml.etree.ElementTree as ET

import pytest

from ambitionsgraf.results import svg


@pytest.mark.parametrize(
    ("value", "text"),
    [(1.0, "1"), (1.5, "1.5"), (2.125, "2.12"), (-0.001, "0"), (0.0, "0"), (-3.456, "-3.46")],
)
def test_a_number_has_at_most_two_decimals_and_no_trailing_zeros(value, text):
    assert svg.num(value) == text


def test_attribute_values_are_escaped_and_named_the_svg_way():
    element = svg.tag("text", "x", class_="a", font_size=19, aria_label='"<b>&', fill=None)

    assert element == '<text class="a" font-size="19" aria-label="&quot;&lt;b&gt;&amp;">x</text>'


def test_an_element_without_content_closes_itself():
    assert svg.tag("circle", r=5.0) == '<circle r="5"/>'


def test_wrap_keeps_whole_words_and_gives_a_long_word_its_own_line():
    assert svg.wrap("Strategi och mål för upphandlingen", 12) == (
        "Strategi och",
        "mål för",
        "upphandlingen",
    )
    assert svg.wrap("   ", 12) == ("",)


def test_bounds_grow_around_everything_added():
    bounds = svg.Bounds()
    bounds.add(0, 0, 10, 5)
    bounds.add(-4, 2, 6, 9)

    assert bounds.view_box(margin=1) == "-5 -1 16 11"


def test_heading_ids_follow_what_is_drawn():
    first, labelled_by = svg.heading("chart", ("a", 1), "Titel", "Beskrivning <med> tecken")
    again, _ = svg.heading("chart", ("a", 1), "Titel", "Beskrivning <med> tecken")
    other, _ = svg.heading("chart", ("a", 2), "Titel", "Beskrivning <med> tecken")

    root = ET.fromstring(f"<svg>{first}</svg>")
    title, desc = root
    assert labelled_by == f"{title.get('id')} {desc.get('id')}"
    assert title.get("id").startswith("chart-") and desc.text == "Beskrivning <med> tecken"
    assert first == again and other != first


@pytest.mark.parametrize("prefix", ["", "1chart", "chart one", 'chart"', "chart<"])
def test_heading_refuses_an_id_prefix_that_is_no_id(prefix):
    with pytest.raises(ValueError, match="Invalid id prefix"):
        svg.heading(prefix, (), "Titel", "Beskrivning")


MARKERS = svg.Markers(6, {"square": ((-1, -1), (1, -1), (1, 1), (-1, 1))}, edge=1.5)


@pytest.mark.parametrize(
    ("shape", "fill"), [("circle", "#1f4e79"), ("square", "#1f4e79"), ("ring", "#ffffff")]
)
def test_a_filled_marker_has_a_white_edge_and_a_hollow_one_a_coloured_edge(shape, fill):
    element = ET.fromstring(MARKERS(shape, 10.0, 20.0, "#1f4e79", tooltip="Vår nivå: 3,5"))

    assert element.get("fill") == fill
    assert element.get("stroke") == ("#ffffff" if fill != "#ffffff" else "#1f4e79")
    assert element.find("title").text == "Vår nivå: 3,5"


def test_a_cross_is_drawn_as_strokes_round_its_centre():
    element = ET.fromstring(MARKERS("cross", 10.0, 20.0, "#a34400"))

    assert element.get("d") == "M4,20H16M10,14V26"
    assert element.get("fill") == "none" and element.get("stroke") == "#a34400"
