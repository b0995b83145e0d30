"""A small bar per question: how many gave each level, as one stacked bar in SVG.

Presentation attributes only (no inline styles, for the CSP); the title is escaped. The page
prints the counts as text beside the bar, so the colours never carry the figures alone; each
colour has at least 3:1 contrast against white and segments are parted by a white gap.
"""

from collections.abc import Sequence
from html import escape

WIDTH, HEIGHT, GAP = 200, 16, 2
# Level 1 to 5, warm to cool through grey.
COLOURS = ("#b2182b", "#d6604d", "#767676", "#4393c3", "#2166ac")


def distribution_svg(counts: Sequence[int], *, element_id: str, title: str) -> str:
    """The bar for ``counts`` (levels 1..5); ``title`` is its text alternative, already
    translated; an empty outlined bar when nobody gave a level."""
    total = sum(counts)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="lab-bar" role="img" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'aria-labelledby="{escape(element_id)}">',
        f'<title id="{escape(element_id)}">{escape(title)}</title>',
        f'<rect x="0.5" y="0.5" width="{WIDTH - 1}" height="{HEIGHT - 1}" fill="#ffffff" '
        f'stroke="#767676"/>',
    ]
    x = 0.0
    last = max((i for i, count in enumerate(counts) if count), default=-1)
    for index, (count, colour) in enumerate(zip(counts, COLOURS, strict=True)):
        if not count:
            continue
        width = WIDTH * count / total
        drawn = width if index == last else max(width - GAP, 1.0)
        parts.append(
            f'<rect x="{x:.2f}" y="0" width="{drawn:.2f}" height="{HEIGHT}" fill="{colour}"/>'
        )
        x += width
    parts.append("</svg>")
    return "".join(parts)
