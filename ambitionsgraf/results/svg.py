"""What every chart of the service is drawn with: SVG elements as text, numbers, estimated text
widths, word wrapping, the box around what is drawn, markers, and the chart's title and
description.

The charts use presentation attributes only (the site's Content-Security-Policy forbids inline
styles). Attribute values are escaped here; element content is markup, so a chart escapes its
texts before passing them as content.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

CHAR_WIDTH = 0.6  # estimated average glyph width in em, on the generous side
_ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _attribute(name: str, value: object) -> str:
    text = num(value) if isinstance(value, float) else escape(str(value))
    return f' {name.rstrip("_").replace("_", "-")}="{text}"'


def tag(name: str, content: str | None = None, **attributes: object) -> str:
    """One element. ``content`` is markup: escape text before passing it.

    Attribute names drop a trailing "_" and turn "_" into "-"; None values are left out.
    """
    attrs = "".join(
        _attribute(key, value) for key, value in attributes.items() if value is not None
    )
    return f"<{name}{attrs}/>" if content is None else f"<{name}{attrs}>{content}</{name}>"


def text_width(text: str, font_size: float) -> float:
    return len(text) * CHAR_WIDTH * font_size


def wrap(text: str, width: int) -> tuple[str, ...]:
    """Greedy word wrap at ``width`` characters; a longer word keeps its own line. A text
    without words is one empty line."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return tuple(lines) or ("",)


class Bounds:
    """The smallest box around everything added."""

    def __init__(self) -> None:
        self.left = self.top = math.inf
        self.right = self.bottom = -math.inf

    def add(self, left: float, top: float, right: float, bottom: float) -> None:
        self.left, self.top = min(self.left, left), min(self.top, top)
        self.right, self.bottom = max(self.right, right), max(self.bottom, bottom)

    def view_box(self, margin: float) -> str:
        width, height = self.right - self.left, self.bottom - self.top
        box = (self.left - margin, self.top - margin, width + 2 * margin, height + 2 * margin)
        return " ".join(num(v) for v in box)


@dataclass(frozen=True)
class Markers:
    """How one chart draws its markers: "circle" and "ring", "cross" and "x", or a polygon of
    ``outlines``; "ring" and "box" are hollow, the others filled with a white edge."""

    size: float
    outlines: Mapping[str, Sequence[tuple[float, float]]]  # corners in units of size
    edge: float  # the white edge of a filled marker
    cross_arm: float = 1.0  # half a "cross" marker's arm, in units of size
    x_arm: float = 0.85  # half an "x" marker's arm, in units of size

    def __call__(
        self, shape: str, x: float, y: float, colour: str, tooltip: str | None = None
    ) -> str:
        content = None if tooltip is None else tag("title", escape(tooltip))
        s = self.size
        filled = {"fill": colour, "stroke": "#ffffff", "stroke_width": self.edge}
        hollow = {"fill": "#ffffff", "stroke": colour, "stroke_width": 2.5}
        if shape in ("circle", "ring"):
            extra = filled if shape == "circle" else hollow
            return tag("circle", content, cx=x, cy=y, r=float(s), **extra)
        if shape in ("cross", "x"):
            if shape == "x":
                d = s * self.x_arm
                path = f"M{num(x - d)},{num(y - d)}L{num(x + d)},{num(y + d)}"
                path += f"M{num(x - d)},{num(y + d)}L{num(x + d)},{num(y - d)}"
            else:
                d = s * self.cross_arm
                path = f"M{num(x - d)},{num(y)}H{num(x + d)}M{num(x)},{num(y - d)}V{num(y + d)}"
            return tag("path", content, d=path, fill="none", stroke=colour, stroke_width=3.0)
        corners = (f"{num(x + dx * s)},{num(y + dy * s)}" for dx, dy in self.outlines[shape])
        extra = hollow if shape == "box" else filled
        return tag("path", content, d="M" + "L".join(corners) + "Z", **extra)


def heading(id_prefix: str, drawn: object, title: str, description: str) -> tuple[str, str]:
    """The chart's ``<title>`` and ``<desc>``, and the value of its ``aria-labelledby``.

    Their ids are ``id_prefix`` and a hash of ``drawn`` (all that the chart shows), so two
    charts on one page have distinct ids, and the same chart the same ids every time.
    """
    if not _ID_PREFIX.fullmatch(id_prefix):
        raise ValueError(f"Invalid id prefix {id_prefix!r}")
    digest = hashlib.sha1(repr(drawn).encode()).hexdigest()
    title_id, desc_id = f"{id_prefix}-{digest[:8]}-title", f"{id_prefix}-{digest[:8]}-desc"
    content = tag("title", escape(title), id=title_id) + tag(
        "desc", escape(description), id=desc_id
    )
    return content, f"{title_id} {desc_id}"
