"""The radar chart as a self-contained, server-rendered SVG string.

No inline styles (a strict Content-Security-Policy forbids them): presentation
attributes only. Every text is escaped, so the result is safe to mark_safe.

Geometry: the chart's centre is the origin (0, 0) of the SVG user space; the
level v lies at radius v / 5 * R on its axis, with R = size * RADIUS_RATIO.
Axis i points at -90 + i * 360 / n degrees (the first axis straight up, then
clockwise). The viewBox is grown around everything drawn, using a generous
estimate of text widths, so labels and legend are never clipped; with
width="100%" the chart scales to its container.

Nothing is told by colour alone: every series has its own colour (at least
3:1 against white), dash pattern and marker shape.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from . import svg

MAX_LEVEL = 5
LEVELS = (1, 2, 3, 4, 5)
RADIUS_RATIO = 0.3
LABEL_GAP = 12  # between the outer ring and the axis labels
AXIS_FONT, LEVEL_FONT, LEGEND_FONT = 19, 14, 19
LINE_HEIGHT = 1.25  # in em
WRAP_CHARS = 15  # preferred longest line of an axis label
MAX_LINES = 3
MARKER_SIZE = 5
# Legend: gap below the chart, row height, length of the line sample, gap between columns.
LEGEND_GAP, LEGEND_ROW, LEGEND_SAMPLE, LEGEND_COLUMN_GAP = 24, 26, 36, 24
MARGIN = 8
TEXT_COLOUR, LEVEL_COLOUR = "#1a1a1a", "#595959"
GRID_COLOUR, OUTER_RING_COLOUR = "#d4d4d4", "#9e9e9e"
_SVG = {
    "xmlns": "http://www.w3.org/2000/svg",
    "width": "100%",
    "role": "img",
    "font_family": "sans-serif",
    "class_": "radar-chart",
}
_AXIS_TEXT = {"font_size": AXIS_FONT, "fill": TEXT_COLOUR}
_LEGEND_TEXT = {"font_size": LEGEND_FONT, "fill": TEXT_COLOUR}
_LEVEL_TEXT = {"font_size": LEVEL_FONT, "fill": LEVEL_COLOUR}
_HALO = {"stroke": "#ffffff", "stroke_width": 3, "paint_order": "stroke"}  # stroke under fill


@dataclass(frozen=True)
class Series:
    key: str  # a key of SERIES_STYLES
    label: str  # already translated, shown in the legend
    values: tuple[float | None, ...]  # one per axis, 0..5; None = no value


@dataclass(frozen=True)
class SeriesStyle:
    colour: str
    dasharray: str | None  # None = solid
    width: float
    marker: str  # "circle", "cross" or a key of _MARKER_OUTLINES
    fill_opacity: float = 0.0  # > 0 only for a complete polygon


SERIES_STYLES = {
    "organisation": SeriesStyle("#1f4e79", None, 3.5, "circle", fill_opacity=0.12),
    "ambition": SeriesStyle("#a34400", "10 5", 2.5, "diamond"),
    "leadership": SeriesStyle("#2e7d32", "2 4", 2, "square"),
    "procurement": SeriesStyle("#6a1b9a", "12 4 3 4", 2, "triangle"),
    "operations": SeriesStyle("#ad1457", "6 3 1.5 3 1.5 3", 2, "cross"),
    "pooled": SeriesStyle("#545454", "4 2", 2, "triangle-down"),
}


def _points(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{svg.num(x)},{svg.num(y)}" for x, y in points)


def axis_point(index: int, count: int, radius: float) -> tuple[float, float]:
    """The point at ``radius`` on axis ``index`` of ``count`` (centre = origin)."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return radius * math.cos(angle), radius * math.sin(angle)


def wrap_label(text: str, width: int = WRAP_CHARS, max_lines: int = MAX_LINES) -> tuple[str, ...]:
    """Lines of at most ``width`` characters, widened until ``max_lines`` suffice."""
    if not text.split():
        return ()
    while len(lines := svg.wrap(text, width)) > max_lines:
        width += 1  # ends: at width == len(text) everything fits on one line
    return lines


_MARKER_OUTLINES = {  # corners in units of MARKER_SIZE around the marker's centre
    "square": ((-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)),
    "diamond": ((0, -1.35), (1.35, 0), (0, 1.35), (-1.35, 0)),
    "triangle": ((0, -1.35), (1.2, 0.8), (-1.2, 0.8)),
    "triangle-down": ((0, 1.35), (1.2, -0.8), (-1.2, -0.8)),
}


_marker = svg.Markers(MARKER_SIZE, _MARKER_OUTLINES, edge=1.0)


def _line_style(style: SeriesStyle) -> dict[str, object]:
    return {
        "stroke": style.colour,
        "stroke_width": float(style.width),
        "stroke_dasharray": style.dasharray,
        "stroke_linejoin": "round",
    }


def _runs(points: Sequence[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """Runs of two or more neighbouring points around the ring (some are None)."""
    start = points.index(None)  # begin at a gap, so no run is cut in two
    runs: list[list[tuple[float, float]]] = [[]]
    for offset in range(1, len(points) + 1):
        point = points[(start + offset) % len(points)]
        if point is None:
            runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if len(run) >= 2]


def _grid(count: int, radius: float) -> list[str]:
    """A ring per level, a spoke per axis, the level numbers up the first spoke."""
    parts = []
    for level in LEVELS:
        colour = OUTER_RING_COLOUR if level == MAX_LEVEL else GRID_COLOUR
        r = level / MAX_LEVEL * radius
        parts.append(
            svg.tag("circle", class_="radar-ring", cx=0, cy=0, r=r, fill="none", stroke=colour)
        )
    for index in range(count):
        x, y = axis_point(index, count, radius)
        parts.append(svg.tag("line", x1=0, y1=0, x2=x, y2=y, stroke=GRID_COLOUR))
    for level in LEVELS:
        y = -level / MAX_LEVEL * radius + LEVEL_FONT + 1  # just inside the ring
        parts.append(svg.tag("text", str(level), x=4, y=y, **_LEVEL_TEXT, **_HALO))
    return parts


def _axis_labels(axes: Sequence[str], radius: float, bounds: svg.Bounds) -> list[str]:
    """Labels outside the outer ring, anchored away from the centre."""
    parts = []
    line_height = LINE_HEIGHT * AXIS_FONT
    for index, label in enumerate(axes):
        dx, dy = axis_point(index, len(axes), 1)
        x, y = dx * (radius + LABEL_GAP), dy * (radius + LABEL_GAP)
        lines = wrap_label(label)
        width = max((svg.text_width(line, AXIS_FONT) for line in lines), default=0)
        height = len(lines) * line_height
        top = y - height if dy < -0.2 else y if dy > 0.2 else y - height / 2
        if abs(dx) < 0.2:
            anchor, left = "middle", x - width / 2
        elif dx > 0:
            anchor, left = "start", x
        else:
            anchor, left = "end", x - width
        bounds.add(left, top, left + width, top + height)
        tspans = "".join(
            svg.tag("tspan", escape(line), x=x, y=top + (i + 0.5) * line_height + 0.35 * AXIS_FONT)
            for i, line in enumerate(lines)
        )
        parts.append(
            svg.tag("text", tspans, class_="radar-axis-label", text_anchor=anchor, **_AXIS_TEXT)
        )
    return parts


def _series(
    series: Sequence[Series], radius: float, format_value: Callable[[float], str]
) -> list[str]:
    """Each series' lines, then all markers on top, in the given order."""
    lines, markers = [], []
    for s in series:
        style = SERIES_STYLES[s.key]
        points = [
            None if v is None else axis_point(i, len(s.values), v / MAX_LEVEL * radius)
            for i, v in enumerate(s.values)
        ]
        line = {"class_": f"radar-series radar-series-{s.key}", **_line_style(style)}
        if all(p is not None for p in points):
            fill = style.colour if style.fill_opacity else "none"
            opacity = style.fill_opacity or None
            lines.append(
                svg.tag("polygon", points=_points(points), fill=fill, fill_opacity=opacity, **line)
            )
        else:
            for run in _runs(points):
                lines.append(svg.tag("polyline", points=_points(run), fill="none", **line))
        for point, value in zip(points, s.values, strict=True):
            if point is not None:
                tooltip = f"{s.label}: {format_value(value)}"
                markers.append(_marker(style.marker, *point, style.colour, tooltip))
    return lines + markers


def _legend(series: Sequence[Series], bounds: svg.Bounds) -> list[str]:
    """Line sample, marker and label per series, in as many columns as fit."""
    parts = []
    widths = [LEGEND_SAMPLE + 8 + svg.text_width(s.label, LEGEND_FONT) for s in series]
    column_width = max(widths, default=0) + LEGEND_COLUMN_GAP
    available = bounds.right - bounds.left + LEGEND_COLUMN_GAP
    columns = max(1, min(len(series), int(available // column_width)))
    left = (bounds.left + bounds.right - columns * column_width + LEGEND_COLUMN_GAP) / 2
    top = bounds.bottom + LEGEND_GAP
    for i, (s, width) in enumerate(zip(series, widths, strict=True)):
        style = SERIES_STYLES[s.key]
        row, column = divmod(i, columns)
        x = left + column * column_width
        y = top + (row + 0.5) * LEGEND_ROW
        sample = svg.tag("line", x1=x, y1=y, x2=x + LEGEND_SAMPLE, y2=y, **_line_style(style))
        marker = _marker(style.marker, x + LEGEND_SAMPLE / 2, y, style.colour)
        text_x, text_y = x + LEGEND_SAMPLE + 8, y + 0.35 * LEGEND_FONT
        text = svg.tag("text", escape(s.label), x=text_x, y=text_y, **_LEGEND_TEXT)
        parts.append(svg.tag("g", sample + marker + text, class_="radar-legend-item"))
        bounds.add(x, y - LEGEND_ROW / 2, x + width, y + LEGEND_ROW / 2)
    return parts


def _check(axes: Sequence[str], series: Sequence[Series]) -> None:
    if not axes:
        raise ValueError("A radar chart needs at least one axis")
    keys = [s.key for s in series]
    if len(set(keys)) != len(keys):
        raise ValueError(f"Series keys must be distinct: {keys}")
    for s in series:
        if s.key not in SERIES_STYLES:
            raise ValueError(f"No style for series {s.key!r}")
        if len(s.values) != len(axes):
            raise ValueError(f"Series {s.key!r} needs one value per axis")
        for value in s.values:
            if value is not None and not 0 <= value <= MAX_LEVEL:
                raise ValueError(f"Value {value!r} of {s.key!r} is outside 0..{MAX_LEVEL}")


def radar_svg(
    *,
    axes: Sequence[str],
    series: Sequence[Series],
    title: str,
    description: str,
    size: int = 520,
    id_prefix: str = "radar",
    format_value: Callable[[float], str] = "{:.1f}".format,
) -> str:
    """The radar chart as one ``<svg>`` element (see the module docstring).

    Series are drawn in the given order, later ones on top. ``format_value``
    renders a value in a marker's tooltip. The ids of the title and desc are
    ``id_prefix`` plus a hash of the content.
    """
    _check(axes, series)
    heading, labelled_by = svg.heading(
        id_prefix, (axes, series, title, description, size), title, description
    )
    radius = size * RADIUS_RATIO
    bounds = svg.Bounds()
    bounds.add(-radius, -radius, radius, radius)
    parts = _grid(len(axes), radius) + _axis_labels(axes, radius, bounds)
    parts += _series(series, radius, format_value)
    parts += _legend(series, bounds)  # below everything so far, then grows bounds
    return svg.tag(
        "svg",
        heading + "".join(parts),
        viewBox=bounds.view_box(MARGIN),
        aria_labelledby=labelled_by,
        **_SVG,
    )
