"""The national picture as the page shows it: rows for the tables and the three charts, all from
one ``national.Picture``, so a chart never shows a figure the tables hide."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from ambitionsgraf.results.charts import Series, radar_svg
from ambitionsgraf.results.linechart import Line, line_svg

from .national import AreaFigures, Figure, Picture
from .national_charts import Panel, distribution_svg
from .national_data import Areas
from .national_suppression import MIN_ORGANISATIONS
from .templatetags.national_figures import hidden_text


@dataclass(frozen=True)
class AreaRow:
    title: str
    figures: AreaFigures


@dataclass(frozen=True)
class TrendRow:
    title: str
    means: tuple[Figure, ...]  # one per year, oldest first


@dataclass(frozen=True)
class Page:
    picture: Picture
    areas: list[AreaRow]
    trend: list[TrendRow]
    distribution_chart: str
    ambition_chart: str
    trend_chart: str


def _one_decimal(value: float) -> str:
    return formats.number_format(value, decimal_pos=1)


def _bar_label(area: str, level: int, figure: Figure) -> str:
    if figure.hidden:
        count = hidden_text()
    else:
        count = _("%(count)s organisations") % {"count": figure.value}
    return _("%(area)s, level %(level)s: %(count)s") % {
        "area": area,
        "level": level,
        "count": count,
    }


def distribution_chart(rows: list[AreaRow]) -> str:
    if not rows or all(row.figures.organisations.hidden for row in rows):
        return ""
    return distribution_svg(
        panels=[Panel(title=row.title, bars=row.figures.bands) for row in rows],
        title=_("Organisations per level"),
        description=_(
            "One bar chart per area: how many organisations are at each level from 1 to 5, "
            "all on the same scale. A dashed outline with a dash stands for fewer than "
            "%(minimum)d organisations. The same figures are in the table below the chart."
        )
        % {"minimum": MIN_ORGANISATIONS},
        label=_bar_label,
    )


def ambition_chart(rows: list[AreaRow]) -> str:
    series = [
        Series(
            key="ambition",
            label=_("Mean ambition"),
            values=tuple(row.figures.mean_ambition.value for row in rows),
        ),
        Series(
            key="organisation",
            label=_("Mean current level"),
            values=tuple(row.figures.mean_level.value for row in rows),
        ),
    ]
    series = [s for s in series if any(v is not None for v in s.values)]
    if not rows or not series:
        return ""
    return radar_svg(
        axes=[row.title for row in rows],
        series=series,
        title=_("Current level against ambition, nationally"),
        description=_(
            "Radar chart with one axis per area on a scale from 1 to 5: the organisations' mean "
            "current level and their mean ambition. Figures for fewer than %(minimum)d "
            "organisations are left out. The same figures are in the table below the chart."
        )
        % {"minimum": MIN_ORGANISATIONS},
        format_value=_one_decimal,
        id_prefix="national-radar",
    )


def trend_chart(picture: Picture, rows: list[TrendRow]) -> str:
    lines = [
        Line(label=row.title, values=tuple(f.value for f in row.means))
        for row in rows
        if any(f.value is not None for f in row.means)
    ]
    if len(picture.trend) < 2 or not lines:
        return ""
    return line_svg(
        points=[(str(column.year),) for column in picture.trend],
        lines=lines,
        title=_("Mean level per area and year"),
        description=_(
            "Line chart with one line per area: the mean level of the organisations' latest "
            "round each year, on a scale from 1 to 5. Years with fewer than %(minimum)d "
            "organisations have no point. The same figures are in the table below the chart."
        )
        % {"minimum": MIN_ORGANISATIONS},
        y_label=_("Level"),
        id_prefix="national-trend",
        format_value=_one_decimal,
    )


def page(picture: Picture, areas: Areas) -> Page:
    area_rows = [
        AreaRow(title=areas.title(figures.key), figures=figures) for figures in picture.areas
    ]
    trend_rows = [
        TrendRow(
            title=areas.title(key),
            means=tuple(column.means[key] for column in picture.trend),
        )
        for key in areas.keys
    ]
    return Page(
        picture=picture,
        areas=area_rows,
        trend=trend_rows,
        distribution_chart=distribution_chart(area_rows),
        ambition_chart=ambition_chart(area_rows),
        trend_chart=trend_chart(picture, trend_rows),
    )
