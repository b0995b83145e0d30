"""The national picture: figures over many organisations' closed rounds. Pure functions over
frozen dataclasses and tuples; no database (``national_data`` reads the rounds).

The rules:

1. The unit is an organisation's latest eligible round in a year (the year the round closed):
   an organisation that closed two rounds in a year counts once that year, with the later one.
   Without a chosen year, each organisation counts once, with its latest round.
2. An organisation's level in an area is the level its results page shows (the scoring rules in
   ``results.scoring``, with their anonymity rules). The national figure is the mean over the
   organisations with a level in the area; the ambition likewise, over those that set one.
3. Level bands: a level counts in the band of the whole number it rounds to, after the
   product's rounding to one decimal (``lib.numbers.round_level``): 2.6 and 2.45 (shown as 2.5)
   count in band 3, 2.44 in band 2.
4. Leadership against the procurement function: in organisations where both were shown on
   their own (at least three respondents each), the difference leadership minus procurement
   function per area; a gap of one level or more counts as seeing things differently, as on an
   organisation's results page.
5. Small groups are hidden by the rules in ``national_suppression`` (at least
   ``MIN_ORGANISATIONS`` organisations behind every figure).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from ambitionsgraf.lib.numbers import round_level
from ambitionsgraf.results import scoring

from .national_suppression import MIN_ORGANISATIONS, protect_line

__all__ = ["MIN_ORGANISATIONS", "AreaFigures", "Figure", "Picture", "Unit", "band", "chosen",
           "picture"]  # fmt: skip

LEVELS = scoring.LEVELS


_NONE: Mapping[str, float | None] = MappingProxyType({})


class Unit(NamedTuple):  # a tuple: one per round of the country, made per page, and cheaply
    """Rule 1: one organisation in one year, with what its round's results say."""

    organisation: int
    round: int
    year: int
    type: str
    county: str
    employees_band: str
    levels: Mapping[str, float | None]  # area key -> the organisation's level
    ambitions: Mapping[str, float | None] = _NONE
    leadership: Mapping[str, float | None] = _NONE  # when shown on its own
    procurement: Mapping[str, float | None] = _NONE


@dataclass(frozen=True)
class Figure:
    """A number to show, or a hidden one: then ``value`` is None, whatever it was."""

    value: float | int | None
    hidden: bool = False

    @classmethod
    def of(cls, value: float | int | None, hidden: bool) -> Figure:
        return cls(None, True) if hidden else cls(value)


def count_figure(count: int) -> Figure:
    return Figure.of(count, count < MIN_ORGANISATIONS)


def mean_figure(values: Sequence[float]) -> Figure:
    """The mean, hidden when fewer than MIN_ORGANISATIONS values make it."""
    return Figure.of(scoring.mean(values), len(values) < MIN_ORGANISATIONS)


@lru_cache(maxsize=1 << 16)  # a pure function of a float, asked tens of thousands of times a page
def band(level: float) -> int:
    """Rule 3: the band (1-5) of a level."""
    whole = int(round_level(level).to_integral_value(rounding=ROUND_HALF_UP))
    return min(max(whole, LEVELS[0]), LEVELS[-1])


def band_counts(levels: Iterable[float]) -> list[int]:
    counts = [0] * len(LEVELS)
    for level in levels:
        counts[band(level) - 1] += 1
    return counts


def present(values: Iterable[float | None]) -> list[float]:
    return [v for v in values if v is not None]


@dataclass(frozen=True)
class AreaFigures:
    key: str
    organisations: Figure  # with a level in the area
    bands: tuple[Figure, ...]  # organisations per level band 1-5
    mean_level: Figure
    with_ambition: Figure
    mean_ambition: Figure
    both_perspectives: Figure  # organisations where both were shown on their own
    perspective_difference: Figure  # mean of leadership minus procurement function
    gap_share: Figure  # share of them with a gap of one level or more (0-1)

    @property
    def ambition_minus_level(self) -> Figure:
        level, ambition = self.mean_level, self.mean_ambition
        if level.hidden or ambition.hidden or level.value is None or ambition.value is None:
            return Figure(None, level.hidden or ambition.hidden)
        return Figure(ambition.value - level.value)


def area_figures(key: str, units: Sequence[Unit]) -> AreaFigures:
    levels = present(u.levels.get(key) for u in units)
    counts = band_counts(levels)
    hidden_bands, hidden_total = protect_line(counts, len(levels))
    ambitions = present(u.ambitions.get(key) for u in units)
    differences = [
        u.leadership[key] - u.procurement[key]
        for u in units
        if u.leadership.get(key) is not None and u.procurement.get(key) is not None
    ]
    gaps = sum(scoring.is_disagreement(abs(d)) for d in differences)
    hidden_shares, _hidden = protect_line([gaps, len(differences) - gaps], len(differences))
    share = gaps / len(differences) if differences else None
    return AreaFigures(
        key=key,
        organisations=Figure.of(len(levels), hidden_total),
        bands=tuple(Figure.of(c, h) for c, h in zip(counts, hidden_bands, strict=True)),
        mean_level=Figure.of(scoring.mean(levels), hidden_total),
        with_ambition=count_figure(len(ambitions)),
        mean_ambition=mean_figure(ambitions),
        both_perspectives=count_figure(len(differences)),
        perspective_difference=mean_figure(differences),
        gap_share=Figure.of(share, any(hidden_shares)),
    )


def latest_per_organisation(units: Iterable[Unit]) -> list[Unit]:
    """Each organisation once, with its latest unit."""
    latest: dict[int, Unit] = {}
    for unit in units:
        kept = latest.get(unit.organisation)
        if kept is None or (unit.year, unit.round) > (kept.year, kept.round):
            latest[unit.organisation] = unit
    return list(latest.values())


@dataclass(frozen=True)
class YearColumn:
    year: int
    organisations: Figure
    means: Mapping[str, Figure]  # area key -> mean level that year


@dataclass(frozen=True)
class Picture:
    year: int | None  # the chosen year; None: each organisation's latest round
    organisations: Figure
    rounds: Figure  # units over all the years of the trend
    areas: tuple[AreaFigures, ...]
    trend: tuple[YearColumn, ...]  # oldest first, over every year (the year filter aside)


def trend(units: Sequence[Unit], area_keys: Sequence[str]) -> tuple[YearColumn, ...]:
    """Per year (oldest first) and area, the mean level of that year's units."""
    columns = []
    for year in sorted({u.year for u in units}):
        of_year = [u for u in units if u.year == year]
        columns.append(
            YearColumn(
                year=year,
                organisations=count_figure(len(of_year)),
                means={
                    k: mean_figure(present(u.levels.get(k) for u in of_year)) for k in area_keys
                },
            )
        )
    return tuple(columns)


def chosen(units: Sequence[Unit], year: int | None = None) -> list[Unit]:
    """The units the area figures are made of: the chosen year's, or each organisation's latest.
    The trend uses every unit, but only its levels."""
    return [u for u in units if u.year == year] if year else latest_per_organisation(units)


def picture(units: Sequence[Unit], area_keys: Sequence[str], year: int | None = None) -> Picture:
    """The figures of the national picture from the units of every year (already filtered by
    type, county and size): the area figures from ``chosen``, the trend from all of them."""
    chosen_units = chosen(units, year)
    return Picture(
        year=year,
        organisations=count_figure(len({u.organisation for u in chosen_units})),
        # Built on the organisations behind the rounds, however many rounds each has.
        rounds=Figure.of(len(units), len({u.organisation for u in units}) < MIN_ORGANISATIONS),
        areas=tuple(area_figures(key, chosen_units) for key in area_keys),
        trend=trend(units, area_keys),
    )
