"""The comparison with similar organisations as a server-rendered SVG dot plot: one row per
compared area on the 1-5 scale, a circle for the organisation's own level and a tall bar for
the median of similar organisations, joined by a thin line.

Presentation attributes only (the site's Content-Security-Policy forbids inline styles); every
text is escaped. Nothing is told by colour alone: the two marks differ in shape, the legend
names them, each marker has its figure as a tooltip, and the table beside the chart has every
figure in words and numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from . import svg
from .linechart import marker

LABEL_WIDTH, PLOT_WIDTH, ROW, TOP = 250, 380, 52, 34  # ROW: the least height of a row
FONT, LINE, LABEL_CHARS = 16, 19.2, 26  # a label wraps at LABEL_CHARS, LINE apart
TEXT_COLOUR, MUTED_COLOUR, GRID_COLOUR = "#1a1a1a", "#595959", "#d4d4d4"
OWN_COLOUR, MEDIAN_COLOUR = "#1f4e79", "#a34400"
MEDIAN_WIDTH, MEDIAN_HEIGHT = 4.0, 26.0
_SVG = {
    "xmlns": "http://www.w3.org/2000/svg",
    "role": "img",
    "font_family": "sans-serif",
    "class_": "peers-chart",
}


@dataclass(frozen=True)
class Row:
    title: str  # the area's title, already translated
    level: float | None  # the organisation's own
    median: float


def x_of(level: float) -> float:
    return LABEL_WIDTH + (level - 1) / 4 * PLOT_WIDTH


def label_lines(title: str) -> tuple[str, ...]:
    """An area's title in lines that fit left of the plot; never cut short (the longest titles
    take four lines in English)."""
    return tuple(svg.wrap(title, LABEL_CHARS))


def row_height(lines: Sequence[str]) -> float:
    """A row is as tall as its label needs, so a long title never runs into the next row."""
    return max(ROW, len(lines) * LINE + 14)


def _label(lines: Sequence[str], y: float) -> str:
    first = y - (len(lines) - 1) * LINE / 2 + FONT * 0.35
    tspans = "".join(
        svg.tag("tspan", escape(text), x=0.0, y=first + i * LINE) for i, text in enumerate(lines)
    )
    return svg.tag("text", tspans, font_size=FONT, fill=TEXT_COLOUR)


def _row(row: Row, lines, y: float, own_label: str, median_label: str, fmt: Callable) -> str:
    parts = [_label(lines, y)]
    median_x = x_of(row.median)
    if row.level is not None:
        own_x = x_of(row.level)
        parts.append(
            svg.tag("line", x1=min(own_x, median_x), y1=y, x2=max(own_x, median_x), y2=y,
                    stroke=MUTED_COLOUR, stroke_width=2.0)
        )  # fmt: skip
    median_tip = f"{row.title}: {median_label} {fmt(row.median)}"
    parts.append(_median_mark(median_x, y, median_tip))
    if row.level is not None:
        own_tip = f"{row.title}: {own_label} {fmt(row.level)}"
        parts.append(marker("circle", x_of(row.level), y, OWN_COLOUR, own_tip))
    return "".join(parts)


def _median_mark(x: float, y: float, tooltip: str | None = None) -> str:
    """A tall bar, so that it shows above and below the circle when both are at one level."""
    content = None if tooltip is None else svg.tag("title", escape(tooltip))
    return svg.tag(
        "rect", content, x=x - MEDIAN_WIDTH / 2, y=y - MEDIAN_HEIGHT / 2, width=MEDIAN_WIDTH,
        height=MEDIAN_HEIGHT, fill=MEDIAN_COLOUR,
    )  # fmt: skip


def _scale(bottom: float) -> list[str]:
    parts = []
    for level in range(1, 6):
        x = x_of(level)
        parts.append(svg.tag("line", x1=x, y1=TOP - 8.0, x2=x, y2=bottom, stroke=GRID_COLOUR))
        parts.append(
            svg.tag("text", str(level), x=x, y=TOP - 14.0, font_size=FONT, text_anchor="middle",
                    fill=MUTED_COLOUR)
        )  # fmt: skip
    return parts


def _legend(y: float, own_label: str, median_label: str) -> list[str]:
    own = marker("circle", 8.0, y, OWN_COLOUR)
    own_text = svg.tag(
        "text", escape(own_label), x=24.0, y=y + 5.5, font_size=FONT, fill=TEXT_COLOUR
    )
    median_y = y + 28
    median = _median_mark(8.0, median_y)
    median_text = svg.tag(
        "text", escape(median_label), x=24.0, y=median_y + 5.5, font_size=FONT, fill=TEXT_COLOUR
    )
    return [own, own_text, median, median_text]


def peers_svg(
    rows: Sequence[Row],
    *,
    title: str,
    description: str,
    own_label: str,
    median_label: str,
    format_value: Callable[[float], str] = "{:.1f}".format,
    id_prefix: str = "peers",
) -> str:
    """One ``<svg>`` element; empty without rows. Labels are already translated."""
    if not rows:
        return ""
    heading, labelled_by = svg.heading(id_prefix, (rows, title, description), title, description)
    labels = [label_lines(row.title) for row in rows]
    heights = [row_height(lines) for lines in labels]
    bottom = TOP + sum(heights)
    parts = [heading, *_scale(bottom - heights[-1] / 2 + 14)]
    top = TOP
    for row, lines, height in zip(rows, labels, heights, strict=True):
        parts.append(_row(row, lines, top + height / 2, own_label, median_label, format_value))
        top += height
    parts += _legend(bottom + 16, own_label, median_label)
    width, height = LABEL_WIDTH + PLOT_WIDTH + 16, bottom + 64
    return svg.tag(
        "svg",
        "".join(parts),
        viewBox=f"-8 0 {width} {height}",
        aria_labelledby=labelled_by,
        **_SVG,
    )
