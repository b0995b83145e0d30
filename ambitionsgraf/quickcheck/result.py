"""What a quick check shows: a row per area, a plain reading of the gaps and the radar chart.

`AreaRow` and `read` are pure; `radar` only adds the translated texts of the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from ambitionsgraf.results.charts import Series, radar_svg

LARGEST = 3  # how many of the largest gaps the reading names


@dataclass(frozen=True)
class AreaRow:
    key: str
    title: str
    level: int | None  # None: the visitor answered "don't know"
    ambition: float

    @property
    def gap(self) -> float | None:
        """How far the ambition lies above today's level; negative when above it already."""
        return None if self.level is None else self.ambition - self.level


@dataclass(frozen=True)
class Reading:
    largest_gaps: tuple[AreaRow, ...]  # at most LARGEST, largest first, model order on ties
    reached: tuple[AreaRow, ...]  # at or above the ambition
    unknown: tuple[AreaRow, ...]  # "don't know"


def read(rows: Sequence[AreaRow], largest: int = LARGEST) -> Reading:
    gaps = sorted((r for r in rows if r.gap is not None and r.gap > 0), key=lambda r: -r.gap)
    return Reading(
        largest_gaps=tuple(gaps[:largest]),
        reached=tuple(r for r in rows if r.gap is not None and r.gap <= 0),
        unknown=tuple(r for r in rows if r.level is None),
    )


def radar(rows: Sequence[AreaRow]) -> str:
    """The visitor's level against their ambition, as the results pages draw it."""
    series = [
        Series(key="ambition", label=_("Your ambition"), values=tuple(r.ambition for r in rows)),
        Series(
            key="organisation",
            label=_("Your level today"),
            values=tuple(None if r.level is None else float(r.level) for r in rows),
        ),
    ]
    return radar_svg(
        axes=[r.title for r in rows],
        series=[s for s in series if any(v is not None for v in s.values)],
        title=_("Your ambition graph"),
        description=_(
            "Radar chart with one axis per area on a scale from 1 to 5: your level today from "
            "the quick check and your ambition. The same figures are in the table beside the chart."
        ),
        id_prefix="quick-check",
        format_value=lambda v: formats.number_format(v, decimal_pos=1),
    )
