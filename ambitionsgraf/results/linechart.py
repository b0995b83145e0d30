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

import hashlib
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

MIN_LEVEL, MAX_LEVEL = 1, 5
PLOT_HEIGHT = 260
MIN_PLOT_WIDTH, STEP, EDGE = 340, 140, 70  # EDGE: from the plot's side to the outer points
FONT, SMALL_FONT = 19, 17
CHAR_WIDTH = 0.6  # estimated average glyph width in em, on the generous side
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


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _tag(name: str, content: str | None = None, **attributes: object) -> str:
    """One element; ``content`` is markup. Attribute names drop a trailing "_" and turn "_" into
    "-"; None values are left out."""
    attrs = "".join(
        f' {key.rstrip("_").replace("_", "-")}="'
        f'{_num(value) if isinstance(value, float) else escape(str(value))}"'
        for key, value in attributes.items()
        if value is not None
    )
    return f"<{name}{attrs}/>" if content is None else f"<{name}{attrs}>{content}</{name}>"


def _text_width(text: str, font_size: float) -> float:
    return len(text) * CHAR_WIDTH * font_size


def wrap(text: str, width: int) -> tuple[str, ...]:
    """Greedy word wrap at ``width`` characters; a longer word keeps its own line."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return tuple(lines) or ("",)


class _Bounds:
    def __init__(self) -> None:
        self.left = self.top = math.inf
        self.right = self.bottom = -math.inf

    def add(self, left: float, top: float, right: float, bottom: float) -> None:
        self.left, self.top = min(self.left, left), min(self.top, top)
        self.right, self.bottom = max(self.right, right), max(self.bottom, bottom)

    def view_box(self) -> str:
        box = (
            self.left - MARGIN,
            self.top - MARGIN,
            self.right - self.left + 2 * MARGIN,
            self.bottom - self.top + 2 * MARGIN,
        )
        return " ".join(_num(v) for v in box)


def _marker(shape: str, x: float, y: float, colour: str, tooltip: str | None = None) -> str:
    content = None if tooltip is None else _tag("title", escape(tooltip))
    s = MARKER_SIZE
    filled = {"fill": colour, "stroke": "#ffffff", "stroke_width": 1.5}
    hollow = {"fill": "#ffffff", "stroke": colour, "stroke_width": 2.5}
    if shape in ("circle", "ring"):
        extra = filled if shape == "circle" else hollow
        return _tag("circle", content, cx=x, cy=y, r=float(s), **extra)
    if shape in ("cross", "x"):
        d = s * (0.85 if shape == "x" else 1.15)
        if shape == "x":
            path = f"M{_num(x - d)},{_num(y - d)}L{_num(x + d)},{_num(y + d)}"
            path += f"M{_num(x - d)},{_num(y + d)}L{_num(x + d)},{_num(y - d)}"
        else:
            path = f"M{_num(x - d)},{_num(y)}H{_num(x + d)}M{_num(x)},{_num(y - d)}V{_num(y + d)}"
        return _tag("path", content, d=path, fill="none", stroke=colour, stroke_width=3.0)
    corners = (f"{_num(x + dx * s)},{_num(y + dy * s)}" for dx, dy in _OUTLINES[shape])
    extra = hollow if shape == "box" else filled
    return _tag("path", content, d="M" + "L".join(corners) + "Z", **extra)


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


def _grid(xs: Sequence[float], width: float, y_label: str, bounds: _Bounds) -> list[str]:
    parts = []
    for level in range(MIN_LEVEL, MAX_LEVEL + 1):
        y = y_of(level)
        parts.append(_tag("line", x1=0, y1=y, x2=width, y2=y, stroke=GRID_COLOUR))
        parts.append(
            _tag("text", str(level), x=-10, y=y + 0.35 * SMALL_FONT, text_anchor="end",
                 font_size=SMALL_FONT, fill=MUTED_COLOUR)
        )  # fmt: skip
    for x in xs:
        parts.append(_tag("line", x1=x, y1=0, x2=x, y2=PLOT_HEIGHT, stroke=GRID_COLOUR))
    bounds.add(-10 - _text_width("5", SMALL_FONT), -SMALL_FONT, width, PLOT_HEIGHT)
    if y_label:
        left, baseline = -10 - _text_width("5", SMALL_FONT), -SMALL_FONT * 1.6
        parts.append(_tag("text", escape(y_label), x=left, y=baseline, font_size=SMALL_FONT,
                          fill=MUTED_COLOUR))  # fmt: skip
        bounds.add(left, baseline - SMALL_FONT, left + _text_width(y_label, SMALL_FONT), baseline)
    return parts


def _x_labels(
    labels: Sequence[Sequence[str]], xs: Sequence[float], width: float, bounds: _Bounds
) -> list[str]:
    """Under each point: the first line wrapped to the room there is, the others as given."""
    room = width if len(xs) == 1 else (xs[1] - xs[0]) - 8
    chars = max(6, int(room / (CHAR_WIDTH * SMALL_FONT)))
    parts = []
    line_height = LINE_HEIGHT * SMALL_FONT
    for x, label in zip(xs, labels, strict=True):
        lines = list(wrap(label[0], chars)) + list(label[1:]) if label else []
        top = PLOT_HEIGHT + 10
        tspans = "".join(
            _tag("tspan", escape(text), x=x, y=top + (i + 1) * line_height)
            for i, text in enumerate(lines)
        )
        parts.append(_tag("text", tspans, text_anchor="middle", font_size=SMALL_FONT,
                          fill=TEXT_COLOUR, class_="line-chart-x-label"))  # fmt: skip
        half = max((_text_width(t, SMALL_FONT) for t in lines), default=0) / 2
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
            d = "M" + "L".join(f"{_num(points[i][0])},{_num(points[i][1])}" for i in run)
            paths.append(_tag("path", d=d, class_="line-chart-line", **_stroke(line_style)))
        for (x, y), value, name in zip(points, line.values, point_names, strict=True):
            if y is not None:
                tooltip = f"{line.label}, {name}: {format_value(value)}"
                markers.append(_marker(line_style.marker, x, y, line_style.colour, tooltip))
    return paths + markers


def _legend(lines: Sequence[Line], width: float, bounds: _Bounds) -> list[str]:
    """One row per line: a sample of its stroke with its marker, then its label, wrapped."""
    parts = []
    chars = max(12, int((width - LEGEND_SAMPLE - 10) / (CHAR_WIDTH * FONT)))
    y = bounds.bottom + LEGEND_GAP
    line_height = LINE_HEIGHT * FONT
    for index, line in enumerate(lines):
        line_style = style(index)
        texts = wrap(line.label, chars)
        middle = y + LEGEND_ROW / 2
        sample = _tag("path", d=f"M0,{_num(middle)}H{LEGEND_SAMPLE}", **_stroke(line_style))
        marker = _marker(line_style.marker, LEGEND_SAMPLE / 2, middle, line_style.colour)
        tspans = "".join(
            _tag("tspan", escape(text), x=float(LEGEND_SAMPLE + 10),
                 y=middle + 0.35 * FONT + i * line_height)
            for i, text in enumerate(texts)
        )  # fmt: skip
        label = _tag("text", tspans, font_size=FONT, fill=TEXT_COLOUR)
        parts.append(_tag("g", sample + marker + label, class_="line-chart-legend-item"))
        height = LEGEND_ROW + (len(texts) - 1) * line_height
        text_width = max(_text_width(t, FONT) for t in texts)
        bounds.add(0, y, LEGEND_SAMPLE + 10 + text_width, y + height)
        y += height
    return parts


def _check(points: Sequence[Sequence[str]], lines: Sequence[Line], id_prefix: str) -> None:
    if not points:
        raise ValueError("A line chart needs at least one point")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", id_prefix):
        raise ValueError(f"Invalid id prefix {id_prefix!r}")
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
    _check(points, lines, id_prefix)
    digest = hashlib.sha1(repr((points, lines, title, description)).encode()).hexdigest()
    element_id = f"{id_prefix}-{digest[:8]}"
    xs, width = _x_positions(len(points))
    bounds = _Bounds()
    parts = _grid(xs, width, y_label, bounds)
    parts += _lines(lines, xs, [", ".join(p) for p in points], format_value)
    parts += _x_labels(points, xs, width, bounds)
    parts += _legend(lines, width, bounds)
    title_id, desc_id = f"{element_id}-title", f"{element_id}-desc"
    content = _tag("title", escape(title), id=title_id)
    content += _tag("desc", escape(description), id=desc_id)
    return _tag(
        "svg",
        content + "".join(parts),
        viewBox=bounds.view_box(),
        width=_num(bounds.right - bounds.left + 2 * MARGIN),
        height=_num(bounds.bottom - bounds.top + 2 * MARGIN),
        aria_labelledby=f"{title_id} {desc_id}",
        **_SVG,
    )
