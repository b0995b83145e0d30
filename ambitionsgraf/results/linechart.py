"""A line chart as a self-contained, server-rendered SVG string: one line per series over a
row of points (the rounds), on the 1-5 level scale.

Presentation attributes only, no inline styles (the site's Content-Security-Policy forbids
them); every text is escaped, so the result is safe to mark_safe. Nothing is told by colour
alone: each line has its own colour (at least 3:1 against white), dash pattern and marker
shape, and the legend below the chart shows all three beside the series' name.

A line is drawn between two neighbouring points only when both have a value and the later
point is not a break; a point on its own is still drawn as a marker. Geometry: level 5 at
y = 0, level 1 at y = PLOT_HEIGHT; the viewBox is grown around everything drawn, using a
generous estimate of text widths, so nothing is clipped. Width and height are the viewBox's, one
unit a CSS pixel: give the element ``max-width: 100%; height: auto`` to shrink it on a narrow
screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

from . import svg

MIN_LEVEL, MAX_LEVEL = 1, 5
PLOT_HEIGHT = 260
MIN_PLOT_WIDTH, STEP, EDGE = 340, 140, 70  # EDGE: from the plot's side to the outer points
FONT, SMALL_FONT = 19, 17
LINE_HEIGHT = 1.25
MARKER_SIZE = 6
LEGEND_GAP, LEGEND_ROW, LEGEND_SAMPLE = 28, 30, 44
MARGIN = 8
TEXT_COLOUR, MUTED_COLOUR, GRID_COLOUR = "#1a1a1a", "#595959", "#d4d4d4"
_SVG = {
    "xmlns": "http://www.w3.org/2000/svg",
    "role": "img",
    "font_family": "sans-serif",
    "class_": "line-chart",
}

# Eight colours, dash patterns and marker shapes: distinct for the first eight lines; beyond
# that the (dash, marker) pair stays distinct for 8 * 9 lines.
COLOURS = ("#1f4e79", "#a34400", "#2e7d32", "#6a1b9a", "#ad1457", "#545454", "#00695c", "#7a5c00")
DASHES = (None, "10 5", "2 4", "12 4 3 4", "6 3 1.5 3", "4 2", "16 5", "1.5 3 7 3")
MARKERS = ("circle", "square", "diamond", "triangle", "triangle-down", "cross", "ring", "x",
           "box")  # fmt: skip
_OUTLINES = {  # corners in units of MARKER_SIZE around the centre
    "square": ((-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)),
    "box": ((-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)),
    "diamond": ((0, -1.25), (1.25, 0), (0, 1.25), (-1.25, 0)),
    "triangle": ((0, -1.25), (1.1, 0.75), (-1.1, 0.75)),
    "triangle-down": ((0, 1.25), (1.1, -0.75), (-1.1, -0.75)),
}


@dataclass(frozen=True)
class Line:
    label: str  # already translated: the legend and the markers' tooltips
    values: tuple[float | None, ...]  # one per point, MIN_LEVEL..MAX_LEVEL; None = no value
    breaks: frozenset[int] = field(default_factory=frozenset)  # i: no line from i - 1 to i


@dataclass(frozen=True)
class LineStyle:
    colour: str
    dasharray: str | None
    marker: str


def style(index: int) -> LineStyle:
    return LineStyle(COLOURS[index % 8], DASHES[index % 8], MARKERS[index % 9])


marker = svg.Markers(MARKER_SIZE, _OUTLINES, edge=1.5, cross_arm=1.15)


def _stroke(line_style: LineStyle) -> dict[str, object]:
    return {
        "fill": "none",
        "stroke": line_style.colour,
        "stroke_width": 3.0,
        "stroke_dasharray": line_style.dasharray,
        "stroke_linejoin": "round",
        "stroke_linecap": "round",
    }


def runs(values: Sequence[float | None], breaks: frozenset[int]) -> list[list[int]]:
    """The indices joined by one line each: neighbours with values and no break between."""
    result: list[list[int]] = []
    current: list[int] = []
    for index, value in enumerate(values):
        if value is None or index in breaks:
            if len(current) >= 2:
                result.append(current)
            current = []
        if value is not None:
            current.append(index)
    if len(current) >= 2:
        result.append(current)
    return result


def y_of(level: float) -> float:
    return (MAX_LEVEL - level) / (MAX_LEVEL - MIN_LEVEL) * PLOT_HEIGHT


def _x_positions(count: int) -> tuple[list[float], float]:
    width = max(MIN_PLOT_WIDTH, (count - 1) * STEP + 2 * EDGE)
    if count == 1:
        return [width / 2], width
    step = (width - 2 * EDGE) / (count - 1)
    return [EDGE + i * step for i in range(count)], width


def _grid(xs: Sequence[float], width: float, y_label: str, bounds: svg.Bounds) -> list[str]:
    parts = []
    for level in range(MIN_LEVEL, MAX_LEVEL + 1):
        y = y_of(level)
        parts.append(svg.tag("line", x1=0, y1=y, x2=width, y2=y, stroke=GRID_COLOUR))
        parts.append(
            svg.tag("text", str(level), x=-10, y=y + 0.35 * SMALL_FONT, text_anchor="end",
                    font_size=SMALL_FONT, fill=MUTED_COLOUR)
        )  # fmt: skip
    for x in xs:
        parts.append(svg.tag("line", x1=x, y1=0, x2=x, y2=PLOT_HEIGHT, stroke=GRID_COLOUR))
    bounds.add(-10 - svg.text_width("5", SMALL_FONT), -SMALL_FONT, width, PLOT_HEIGHT)
    if y_label:
        left, baseline = -10 - svg.text_width("5", SMALL_FONT), -SMALL_FONT * 1.6
        parts.append(svg.tag("text", escape(y_label), x=left, y=baseline, font_size=SMALL_FONT,
                             fill=MUTED_COLOUR))  # fmt: skip
        bounds.add(
            left, baseline - SMALL_FONT, left + svg.text_width(y_label, SMALL_FONT), baseline
        )
    return parts


def _x_labels(
    labels: Sequence[Sequence[str]], xs: Sequence[float], width: float, bounds: svg.Bounds
) -> list[str]:
    """Under each point: the first line wrapped to the room there is, the others as given."""
    room = width if len(xs) == 1 else (xs[1] - xs[0]) - 8
    chars = max(6, int(room / (svg.CHAR_WIDTH * SMALL_FONT)))
    parts = []
    line_height = LINE_HEIGHT * SMALL_FONT
    for x, label in zip(xs, labels, strict=True):
        lines = list(svg.wrap(label[0], chars)) + list(label[1:]) if label else []
        top = PLOT_HEIGHT + 10
        tspans = "".join(
            svg.tag("tspan", escape(text), x=x, y=top + (i + 1) * line_height)
            for i, text in enumerate(lines)
        )
        parts.append(svg.tag("text", tspans, text_anchor="middle", font_size=SMALL_FONT,
                             fill=TEXT_COLOUR, class_="line-chart-x-label"))  # fmt: skip
        half = max((svg.text_width(t, SMALL_FONT) for t in lines), default=0) / 2
        bounds.add(x - half, top, x + half, top + (len(lines) + 0.3) * line_height)
    return parts


def _lines(
    lines: Sequence[Line],
    xs: Sequence[float],
    point_names: Sequence[str],
    format_value: Callable[[float], str],
) -> list[str]:
    paths, markers = [], []
    for index, line in enumerate(lines):
        line_style = style(index)
        points = [(x, None if v is None else y_of(v)) for x, v in zip(xs, line.values, strict=True)]
        for run in runs(line.values, line.breaks):
            d = "M" + "L".join(f"{svg.num(points[i][0])},{svg.num(points[i][1])}" for i in run)
            paths.append(svg.tag("path", d=d, class_="line-chart-line", **_stroke(line_style)))
        for (x, y), value, name in zip(points, line.values, point_names, strict=True):
            if y is not None:
                tooltip = f"{line.label}, {name}: {format_value(value)}"
                markers.append(marker(line_style.marker, x, y, line_style.colour, tooltip))
    return paths + markers


def _legend(lines: Sequence[Line], width: float, bounds: svg.Bounds) -> list[str]:
    """One row per line: a sample of its stroke with its marker, then its label, wrapped."""
    parts = []
    chars = max(12, int((width - LEGEND_SAMPLE - 10) / (svg.CHAR_WIDTH * FONT)))
    y = bounds.bottom + LEGEND_GAP
    line_height = LINE_HEIGHT * FONT
    for index, line in enumerate(lines):
        line_style = style(index)
        texts = svg.wrap(line.label, chars)
        middle = y + LEGEND_ROW / 2
        sample = svg.tag("path", d=f"M0,{svg.num(middle)}H{LEGEND_SAMPLE}", **_stroke(line_style))
        key = marker(line_style.marker, LEGEND_SAMPLE / 2, middle, line_style.colour)
        tspans = "".join(
            svg.tag("tspan", escape(text), x=float(LEGEND_SAMPLE + 10),
                    y=middle + 0.35 * FONT + i * line_height)
            for i, text in enumerate(texts)
        )  # fmt: skip
        label = svg.tag("text", tspans, font_size=FONT, fill=TEXT_COLOUR)
        parts.append(svg.tag("g", sample + key + label, class_="line-chart-legend-item"))
        height = LEGEND_ROW + (len(texts) - 1) * line_height
        text_width = max(svg.text_width(t, FONT) for t in texts)
        bounds.add(0, y, LEGEND_SAMPLE + 10 + text_width, y + height)
        y += height
    return parts


def _check(points: Sequence[Sequence[str]], lines: Sequence[Line]) -> None:
    if not points:
        raise ValueError("A line chart needs at least one point")
    for line in lines:
        if len(line.values) != len(points):
            raise ValueError(f"Line {line.label!r} needs one value per point")
        for value in line.values:
            if value is not None and not MIN_LEVEL <= value <= MAX_LEVEL:
                raise ValueError(f"Value {value!r} of {line.label!r} is outside 1..5")


def line_svg(
    *,
    points: Sequence[Sequence[str]],
    lines: Sequence[Line],
    title: str,
    description: str,
    y_label: str = "",
    id_prefix: str = "trend",
    format_value: Callable[[float], str] = "{:.1f}".format,
) -> str:
    """The chart as one ``<svg>`` element.

    ``points`` labels each point on the x axis with one or more lines of text (the first is
    wrapped to fit; the round's name, then its date). ``format_value`` renders a value in a
    marker's tooltip. The ids of title and desc are ``id_prefix`` plus a hash of the content.
    """
    _check(points, lines)
    heading, labelled_by = svg.heading(
        id_prefix, (points, lines, title, description), title, description
    )
    xs, width = _x_positions(len(points))
    bounds = svg.Bounds()
    parts = _grid(xs, width, y_label, bounds)
    parts += _lines(lines, xs, [", ".join(p) for p in points], format_value)
    parts += _x_labels(points, xs, width, bounds)
    parts += _legend(lines, width, bounds)
    return svg.tag(
        "svg",
        heading + "".join(parts),
        viewBox=bounds.view_box(MARGIN),
        width=svg.num(bounds.right - bounds.left + 2 * MARGIN),
        height=svg.num(bounds.bottom - bounds.top + 2 * MARGIN),
        aria_labelledby=labelled_by,
        **_SVG,
    )
