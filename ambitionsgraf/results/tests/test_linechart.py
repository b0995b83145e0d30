"""The trend's line chart: valid SVG, accessible, no inline styles, broken where it must be."""

import xml.etree.ElementTree as ET

import pytest

from ambitionsgraf.results import linechart
from ambitionsgraf.results.linechart import Line, line_svg

SVG = "{http://www.w3.org/2000/svg}"
POINTS = [("Skattning 2024", "2024-11-27"), ("Skattning 2025", "2025-11-27"), ("Hösten 2026",)]


def render(lines, points=POINTS, **kwargs):
    kwargs.setdefault("title", "Nivå per område")
    kwargs.setdefault("description", "Linjediagram med en linje per område.")
    return line_svg(points=points, lines=lines, **kwargs)


def line_paths(root):
    return [e for e in root.iter(f"{SVG}path") if e.get("class") == "line-chart-line"]


def legend_items(root):
    return [e for e in root.iter(f"{SVG}g") if e.get("class") == "line-chart-legend-item"]


def contrast_with_white(colour):
    def channel(c):
        c = int(c, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_output_parses_as_svg_with_role_img_title_and_desc():
    svg = render([Line("Mål", (2.0, 2.5, 3.0))])

    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "Nivå per område"
    assert desc.text == "Linjediagram med en linje per område."
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert len(root.get("viewBox").split()) == 4
    assert float(root.get("width")) > 0 and float(root.get("height")) > 0


def test_no_element_has_a_style_attribute_and_there_is_no_style_or_script_element():
    root = ET.fromstring(render([Line(f"Område {i}", (1.0, 3.0, 5.0)) for i in range(10)]))

    for element in root.iter():
        assert "style" not in element.attrib, element.tag
        assert element.tag not in (f"{SVG}style", f"{SVG}script")


def test_texts_are_escaped():
    svg = render([Line("<b>Mål & medel</b>", (2.0, None, 3.0))], title='Titel "med" <taggar>')

    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == 'Titel "med" <taggar>'
    assert "<b>" not in svg


def test_one_path_per_unbroken_line():
    root = ET.fromstring(render([Line("Mål", (2.0, 2.5, 3.0))]))

    (path,) = line_paths(root)
    assert path.get("d").count("L") == 2


def test_a_break_produces_two_path_segments_and_keeps_every_point():
    root = ET.fromstring(
        render(
            [Line("Planering", (2.0, 2.5, 3.0, 3.5), breaks=frozenset({2}))],
            points=POINTS + [("R4",)],
        )
    )

    paths = line_paths(root)
    assert len(paths) == 2
    assert all(p.get("d").count("L") == 1 for p in paths)
    tooltips = [t.text for t in root.iter(f"{SVG}title")][1:]
    assert len(tooltips) == 4  # a marker per point, with its value


def test_a_missing_value_breaks_the_line_and_a_lone_point_is_a_marker_only():
    root = ET.fromstring(render([Line("Fakta", (2.0, None, 3.0))]))

    assert line_paths(root) == []
    assert len([t for t in root.iter(f"{SVG}title")]) == 3  # the chart's and two markers'


def test_runs_join_neighbours_without_a_break_between():
    assert linechart.runs((1, 2, 3), frozenset()) == [[0, 1, 2]]
    assert linechart.runs((1, 2, 3), frozenset({1})) == [[1, 2]]
    assert linechart.runs((1, 2, 3, 4), frozenset({2})) == [[0, 1], [2, 3]]
    assert linechart.runs((1, None, 3, 4), frozenset()) == [[2, 3]]
    assert linechart.runs((None, None), frozenset()) == []


def test_markers_tell_the_value_in_their_tooltip():
    root = ET.fromstring(
        render([Line("Mål", (2.0, 2.5, 3.0))], format_value=lambda v: f"{v:.1f}".replace(".", ","))
    )

    tooltips = [t.text for t in root.iter(f"{SVG}title")][1:]
    assert tooltips[0] == "Mål, Skattning 2024, 2024-11-27: 2,0"


def test_higher_levels_are_drawn_higher():
    assert linechart.y_of(5) < linechart.y_of(3) < linechart.y_of(1)
    assert linechart.y_of(5) == 0 and linechart.y_of(1) == linechart.PLOT_HEIGHT


def test_the_first_eight_lines_differ_in_colour_dash_and_marker():
    styles = [linechart.style(i) for i in range(8)]

    assert len({s.colour for s in styles}) == 8
    assert len({s.dasharray for s in styles}) == 8
    assert len({s.marker for s in styles}) == 8


def test_dash_and_marker_together_stay_distinct_beyond_eight_lines():
    pairs = {(linechart.style(i).dasharray, linechart.style(i).marker) for i in range(40)}

    assert len(pairs) == 40


@pytest.mark.parametrize("colour", linechart.COLOURS)
def test_every_line_colour_has_at_least_3_to_1_contrast_against_white(colour):
    assert contrast_with_white(colour) >= 3


def test_legend_names_every_line_with_its_dash_and_marker():
    lines = [
        Line("Mål", (2.0, 2.5, 3.0)),
        Line("Organisation, kompetens och resurser", (1.0, 2.0, 2.0)),
    ]

    items = legend_items(ET.fromstring(render(lines)))

    assert len(items) == 2
    texts = ["".join(item.itertext()) for item in items]
    assert texts[0] == "Mål"
    assert texts[1].replace(" ", "") == "Organisation,kompetensochresurser"
    sample = items[1].find(f"{SVG}path")
    assert sample.get("stroke-dasharray") == linechart.style(1).dasharray


def test_x_labels_name_each_round_and_its_date():
    root = ET.fromstring(render([Line("Mål", (2.0, 2.5, 3.0))]))

    labels = [
        " ".join(t.itertext())
        for t in root.iter(f"{SVG}text")
        if t.get("class") == "line-chart-x-label"
    ]
    assert labels == ["Skattning 2024 2024-11-27", "Skattning 2025 2025-11-27", "Hösten 2026"]


def test_a_single_point_chart_renders():
    root = ET.fromstring(render([Line("Mål", (2.0,))], points=[("R1", "2025-11-27")]))

    assert line_paths(root) == []


@pytest.mark.parametrize(
    ("lines", "points", "id_prefix"),
    [
        ([Line("Mål", (2.0, 2.5))], POINTS, "trend"),  # a value missing
        ([Line("Mål", (0.5, 2.5, 3.0))], POINTS, "trend"),  # below level 1
        ([Line("Mål", (2.0, 2.5, 5.5))], POINTS, "trend"),  # above level 5
        ([], [], "trend"),  # no points
        ([], POINTS, "1bad id"),
    ],
)
def test_bad_input_is_refused(lines, points, id_prefix):
    with pytest.raises(ValueError):
        render(lines, points=points, id_prefix=id_prefix)


def test_the_same_input_gives_the_same_ids_and_other_input_other_ids():
    a = ET.fromstring(render([Line("Mål", (2.0, 2.5, 3.0))]))
    b = ET.fromstring(render([Line("Mål", (2.0, 2.5, 3.0))]))
    c = ET.fromstring(render([Line("Mål", (2.0, 2.5, 3.5))]))

    assert a.find(f"{SVG}title").get("id") == b.find(f"{SVG}title").get("id")
    assert a.find(f"{SVG}title").get("id") != c.find(f"{SVG}title").get("id")
