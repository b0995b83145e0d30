import math
import xml.etree.ElementTree as ET

import pytest

from ambitionsgraf.results.charts import (
    SERIES_STYLES,
    Series,
    radar_svg,
    wrap_label,
)
from ambitionsgraf.results.svg import CHAR_WIDTH

SVG = "{http://www.w3.org/2000/svg}"
LONG_LABEL = "Samspel mellan ledning, inköpsfunktion och verksamhet"
AXES = ("Strategi", "Organisation", LONG_LABEL, "Leverantörer", "Uppföljning")


def render(series=(), axes=AXES, **kwargs):
    kwargs.setdefault("title", "Mognad per område")
    kwargs.setdefault("description", "Organisationens nivå jämfört med ambitionen.")
    return radar_svg(axes=axes, series=series, **kwargs)


def parse(svg):
    return ET.fromstring(svg)


def organisation(values=(3, 3, 3, 3, 3)):
    return Series(key="organisation", label="Organisationen", values=tuple(values))


def points(element):
    return [tuple(float(c) for c in pair.split(",")) for pair in element.get("points").split()]


def outer_radius(root):
    return max(
        float(c.get("r")) for c in root.iter(f"{SVG}circle") if c.get("class") == "radar-ring"
    )


def series_shapes(root, tag):
    return [e for e in root.iter(f"{SVG}{tag}") if "radar-series" in (e.get("class") or "")]


def relative_luminance(colour):
    def channel(c):
        c = int(c, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_output_is_xml_svg_that_scales():
    root = parse(render([organisation()]))
    assert root.tag == f"{SVG}svg"
    assert root.get("width") == "100%"
    assert len(root.get("viewBox").split()) == 4
    assert root.get("font-family") == "sans-serif"


def test_svg_is_an_image_labelled_by_its_title_and_desc():
    root = parse(render([organisation()], title="Radar", description="Beskrivning"))
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    by_id = {e.get("id"): e for e in root.iter() if e.get("id")}
    assert by_id[title_id].tag == f"{SVG}title"
    assert by_id[title_id].text == "Radar"
    assert by_id[desc_id].tag == f"{SVG}desc"
    assert by_id[desc_id].text == "Beskrivning"


def test_ids_use_prefix_and_differ_between_charts():
    first = parse(render([organisation()], id_prefix="area-chart"))
    second = parse(render([organisation((1, 2, 3, 4, 5))], id_prefix="area-chart"))
    assert first.get("aria-labelledby").startswith("area-chart-")
    assert first.get("aria-labelledby") != second.get("aria-labelledby")


def test_invalid_id_prefix_is_rejected():
    with pytest.raises(ValueError):
        render([organisation()], id_prefix='x" onload="alert(1)')


def test_no_inline_styles():
    svg = render([organisation(), Series("ambition", "Ambition", (4, None, 4, 4, 5))])
    root = parse(svg)
    assert all("style" not in e.attrib for e in root.iter())
    assert not list(root.iter(f"{SVG}style"))
    assert "style" not in svg


def test_labels_and_texts_are_escaped():
    label = 'A <b>&</b> "B"'
    svg = render([Series("leadership", label, (3, 3, 3))], axes=(label, "x", "y"), title=label)
    assert "<b>" not in svg
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in svg
    root = parse(svg)
    assert root.find(f"{SVG}title").text == label
    legend_texts = [t.text for t in root.iter(f"{SVG}text")]
    assert label in legend_texts


def test_each_complete_series_is_one_closed_polygon():
    series = [organisation(), Series("ambition", "Ambition", (4, 4, 4.5, 5, 4))]
    root = parse(render(series))
    polygons = series_shapes(root, "polygon")
    assert len(polygons) == 2
    assert all(len(points(p)) == len(AXES) for p in polygons)
    assert not series_shapes(root, "polyline")


def test_series_with_a_gap_draws_only_segments_between_present_neighbours():
    root = parse(render([Series("leadership", "Ledning", (3, None, 3, 3, 3))]))
    assert not series_shapes(root, "polygon")
    (line,) = series_shapes(root, "polyline")
    # Around the ring from the gap: axes 2, 3, 4 and back to 0.
    assert len(points(line)) == 4


def test_isolated_values_get_markers_but_no_segments():
    root = parse(render([Series("leadership", "Ledning", (1, None, 2, 3, None))]))
    (line,) = series_shapes(root, "polyline")
    assert len(points(line)) == 2  # axes 2 and 3; axis 0 stands alone
    titles = [t.text for t in root.iter(f"{SVG}title")][1:]
    assert titles == ["Ledning: 1.0", "Ledning: 2.0", "Ledning: 3.0"]


def test_series_without_values_draws_nothing_but_its_legend():
    root = parse(render([Series("pooled", "Övriga", (None,) * 5)]))
    assert not series_shapes(root, "polygon") and not series_shapes(root, "polyline")
    assert [t.text for t in root.iter(f"{SVG}title")] == ["Mognad per område"]
    assert "Övriga" in [t.text for t in root.iter(f"{SVG}text")]


def test_value_five_lies_on_the_outer_ring_and_first_axis_points_up():
    root = parse(render([organisation((5, 5, 5, 5, 5))]))
    radius = outer_radius(root)
    (polygon,) = series_shapes(root, "polygon")
    for x, y in points(polygon):
        assert math.hypot(x, y) == pytest.approx(radius, abs=0.01)
    assert points(polygon)[0] == pytest.approx((0, -radius), abs=0.01)


def test_value_maps_linearly_from_the_centre():
    root = parse(render([organisation((2.5, 1, 1, 1, 1))]))
    (polygon,) = series_shapes(root, "polygon")
    assert points(polygon)[0] == pytest.approx((0, -outer_radius(root) / 2), abs=0.01)


def test_rings_for_levels_one_to_five_and_their_numbers():
    root = parse(render([organisation()]))
    radii = sorted(
        float(c.get("r")) for c in root.iter(f"{SVG}circle") if c.get("class") == "radar-ring"
    )
    assert radii == pytest.approx([radii[-1] * level / 5 for level in range(1, 6)], abs=0.01)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert all(str(level) in texts for level in range(1, 6))


def test_markers_have_a_tooltip_with_label_and_one_decimal():
    root = parse(render([Series("procurement", "Inköp", (3.25, 2, 4.04, 1, 5))]))
    titles = [t.text for t in root.iter(f"{SVG}title")][1:]
    assert titles == ["Inköp: 3.2", "Inköp: 2.0", "Inköp: 4.0", "Inköp: 1.0", "Inköp: 5.0"]


def test_value_format_can_be_localised():
    root = parse(render([organisation()], format_value=lambda v: f"{v:.1f}".replace(".", ",")))
    assert [t.text for t in root.iter(f"{SVG}title")][1] == "Organisationen: 3,0"


def test_long_axis_label_is_split_into_tspans():
    root = parse(render([organisation()]))
    (text,) = [
        t
        for t in root.iter(f"{SVG}text")
        if t.get("class") == "radar-axis-label" and LONG_LABEL.startswith(t[0].text)
    ]
    lines = [tspan.text for tspan in text]
    assert 2 <= len(lines) <= 3
    assert " ".join(lines) == LONG_LABEL


def test_wrap_label_keeps_short_labels_on_one_line():
    assert wrap_label("Strategi") == ("Strategi",)
    assert wrap_label("Inköpsprocess och upphandling") == ("Inköpsprocess", "och upphandling")


def test_wrap_label_widens_lines_rather_than_using_more_than_three():
    lines = wrap_label(LONG_LABEL)
    assert len(lines) == 3
    assert " ".join(lines) == LONG_LABEL
    assert max(len(line) for line in lines) < len(LONG_LABEL)


def test_every_text_fits_inside_the_view_box():
    axes = (
        "Strategi",
        LONG_LABEL,
        "Organisation och roller",
        LONG_LABEL,
        "Leverantörsstyrning och avtal",
        "Kompetens",
    )
    series = [Series(key, f"Serie {key} med en lång etikett", (3,) * 6) for key in SERIES_STYLES]
    root = parse(render(series, axes=axes))
    left, top, width, height = (float(v) for v in root.get("viewBox").split())
    for text in root.iter(f"{SVG}text"):
        font_size = float(text.get("font-size"))
        anchor = text.get("text-anchor", "start")
        for line in list(text) or [text]:
            x, y = float(line.get("x")), float(line.get("y"))
            extent = len(line.text) * CHAR_WIDTH * font_size
            start = {"start": x, "middle": x - extent / 2, "end": x - extent}[anchor]
            assert left <= start and start + extent <= left + width, line.text
            assert top <= y - font_size and y + font_size / 4 <= top + height, line.text


def test_legend_has_sample_marker_and_label_for_each_series():
    series = [organisation(), Series("ambition", "Ambition", (4,) * 5)]
    root = parse(render(series))
    items = [g for g in root.iter(f"{SVG}g") if g.get("class") == "radar-legend-item"]
    assert [item.find(f"{SVG}text").text for item in items] == ["Organisationen", "Ambition"]
    assert all(item.find(f"{SVG}line") is not None and len(item) == 3 for item in items)


def test_series_styles_are_told_apart_without_colour():
    styles = list(SERIES_STYLES.values())
    assert set(SERIES_STYLES) == {
        "organisation",
        "ambition",
        "leadership",
        "procurement",
        "operations",
        "pooled",
    }
    assert len({s.colour for s in styles}) == len(styles)
    assert len({s.dasharray for s in styles}) == len(styles)
    assert len({s.marker for s in styles}) == len(styles)
    assert SERIES_STYLES["organisation"].dasharray is None  # solid


def test_series_colours_contrast_at_least_three_to_one_with_white():
    for key, style in SERIES_STYLES.items():
        contrast = 1.05 / (relative_luminance(style.colour) + 0.05)
        assert contrast >= 3, key


@pytest.mark.parametrize(
    "series",
    [
        Series("organisation", "x", (3, 3)),  # wrong number of values
        Series("sales", "x", (3,) * 5),  # no style
        Series("organisation", "x", (5.5, 3, 3, 3, 3)),  # beyond the scale
        Series("organisation", "x", (math.nan, 3, 3, 3, 3)),
    ],
)
def test_invalid_series_is_rejected(series):
    with pytest.raises(ValueError):
        render([series])


def test_duplicate_series_keys_are_rejected():
    with pytest.raises(ValueError):
        render([organisation(), organisation()])
