"""The distribution of organisations over the five levels as a server-rendered SVG: one small
bar chart per area, all on the same scale, two panels a row.

Presentation attributes only (no inline styles, the site's Content-Security-Policy forbids them);
every text is escaped. Nothing is told by colour alone: every bar has its level written under it
and its number above it. A hidden figure (fewer than five organisations) is drawn as a short
dashed outline, the same for every hidden bar, with "–" above it: its height says nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from ambitionsgraf.results import svg

from .national import Figure

BAR, GAP, PLOT_HEIGHT, HIDDEN_HEIGHT = 34, 14, 120, 14
PANEL_WIDTH, PANEL_GAP, COLUMNS = 5 * BAR + 4 * GAP + 30, 36, 2
FONT, TITLE_FONT, LINE_HEIGHT = 16, 16, 1.25
TITLE_CHARS, TITLE_LINES = 24, 3  # 24 characters fit in a panel (estimated)
TEXT_COLOUR, MUTED_COLOUR, BAR_COLOUR, GRID_COLOUR = "#1a1a1a", "#595959", "#1f4e79", "#d4d4d4"


@dataclass(frozen=True)
class Panel:
    title: str  # the area's title, already translated
    bars: tuple[Figure, ...]  # organisations per level 1-5


def _title_lines(title: str) -> list[str]:
    lines = list(svg.wrap(title, TITLE_CHARS))
    if len(lines) > TITLE_LINES:
        lines = lines[: TITLE_LINES - 1] + [" ".join(lines[TITLE_LINES - 1 :])]
    return lines


def _panel(panel: Panel, left: float, top: float, top_value: int, label: Callable) -> str:
    parts = []
    line_height = TITLE_FONT * LINE_HEIGHT
    tspans = "".join(
        svg.tag("tspan", escape(text), x=float(left), y=top + (i + 1) * line_height)
        for i, text in enumerate(_title_lines(panel.title))
    )
    parts.append(
        svg.tag("text", tspans, font_size=TITLE_FONT, font_weight="bold", fill=TEXT_COLOUR)
    )
    base = top + TITLE_LINES * line_height + 28 + PLOT_HEIGHT  # room for the numbers on top
    parts.append(
        svg.tag("line", x1=float(left), y1=base, x2=float(left + PANEL_WIDTH - 30), y2=base,
                stroke=GRID_COLOUR, stroke_width=2)
    )  # fmt: skip
    for index, figure in enumerate(panel.bars):
        x = left + index * (BAR + GAP)
        middle = x + BAR / 2
        level = index + 1
        tooltip = svg.tag("title", escape(label(panel.title, level, figure)))
        if figure.hidden or figure.value is None:
            height = HIDDEN_HEIGHT
            parts.append(
                svg.tag("rect", tooltip, x=float(x), y=base - height, width=BAR, height=height,
                        fill="#ffffff", stroke=MUTED_COLOUR, stroke_width=1.5,
                        stroke_dasharray="4 3")
            )  # fmt: skip
            value_text = "–"
        else:
            height = figure.value / top_value * PLOT_HEIGHT if top_value else 0
            parts.append(
                svg.tag("rect", tooltip, x=float(x), y=base - height, width=BAR,
                        height=max(height, 0.0), fill=BAR_COLOUR)
            )  # fmt: skip
            value_text = str(figure.value)
        parts.append(
            svg.tag("text", escape(value_text), x=middle, y=base - height - 6, font_size=FONT,
                    text_anchor="middle", fill=TEXT_COLOUR)
        )  # fmt: skip
        parts.append(
            svg.tag("text", str(level), x=middle, y=base + FONT + 4, font_size=FONT,
                    text_anchor="middle", fill=MUTED_COLOUR)
        )  # fmt: skip
    return "".join(parts)


def distribution_svg(
    *,
    panels: Sequence[Panel],
    title: str,
    description: str,
    label: Callable[[str, int, Figure], str],
    id_prefix: str = "distribution",
) -> str:
    """The chart as one ``<svg>`` element; ``label(area title, level, figure)`` gives a bar's
    tooltip."""
    if not panels:
        raise ValueError("A distribution chart needs at least one panel")
    heading, labelled_by = svg.heading(id_prefix, (panels, title, description), title, description)
    top_value = max(
        (f.value for p in panels for f in p.bars if not f.hidden and f.value is not None),
        default=0,
    )
    panel_height = TITLE_LINES * TITLE_FONT * LINE_HEIGHT + 28 + PLOT_HEIGHT + FONT + 16
    parts = []
    for index, panel in enumerate(panels):
        row, column = divmod(index, COLUMNS)
        left = column * (PANEL_WIDTH + PANEL_GAP)
        top = row * (panel_height + PANEL_GAP)
        parts.append(_panel(panel, left, top, top_value, label))
    rows = (len(panels) + COLUMNS - 1) // COLUMNS
    width = min(len(panels), COLUMNS) * (PANEL_WIDTH + PANEL_GAP) - PANEL_GAP
    height = rows * (panel_height + PANEL_GAP) - PANEL_GAP
    return svg.tag(
        "svg",
        heading + "".join(parts),
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"-8 -8 {svg.num(width + 16)} {svg.num(height + 16)}",
        width=svg.num(width + 16),
        height=svg.num(height + 16),
        role="img",
        aria_labelledby=labelled_by,
        font_family="sans-serif",
        class_="distribution-chart",
    )
