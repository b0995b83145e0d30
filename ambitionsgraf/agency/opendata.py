"""Open data: the national figures per year, area and type of organisation, for anyone to reuse.

The rows are made by the same code as the national picture (the units of ``national_data``, the
figures and hiding rules of ``national`` and ``national_suppression``), so a figure in the files
is made the same way as on the analysts' page.

Dimensions: year x area x type of organisation, with a row for all types. Type is the dimension
the agency reports by, and with five types most cells keep at least five organisations; county
(21 counties) would leave most cells hidden, and two overlapping splits published side by side
invite working out hidden cells from their differences.

The rows of a year and an area form one table (types x levels, with every total shown), and are
protected together (``national_suppression.protect_table``): a type's figures cannot be worked
out from the row for all types. So the files may hide a few more cells than the analysts' page
with the same choice; never fewer.

Licence: CC0 1.0 (public domain dedication). The figures are aggregates with no personal data
and no organisation's own figures, published by a public body for reuse: CC0 puts no conditions
at all on anyone combining them with other data, which CC BY's attribution would (every reuse
would have to carry it along). It is what the Swedish guidance on open data from public bodies
recommends for data, and the EU's open data directive asks for as few conditions as possible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ambitionsgraf.lib import collector
from ambitionsgraf.lib.numbers import round_level
from ambitionsgraf.organisations.choices import OrganisationType
from ambitionsgraf.results import scoring

from . import national_data
from .national import LEVELS, Figure, Unit, band_counts, present
from .national_data import Areas
from .national_suppression import protect_line, protect_table

ALL_TYPES = "all"
GROUPS = (ALL_TYPES, *OrganisationType.values)
LICENCE_NAME = "CC0 1.0"
LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/"
LICENCE_URI = "http://publications.europa.eu/resource/authority/licence/CC0"
CSV_NAME, JSON_NAME = "ambitionsgraf-national.csv", "ambitionsgraf-national.json"
ADDRESSES = {
    "page": "national:open_data",
    "csv": "national:open_data_csv",
    "json": "national:open_data_json",
    "catalog": "national:open_data_dcat",
}
YEAR, COUNT, LEVEL, TEXT = "year", "count", "level", "text"


def _level_header(level: int) -> str:
    return gettext("Organisations at level %(level)s") % {"level": level}


def _level_description(level: int) -> str:
    return gettext(
        "The number of organisations whose level, shown with one decimal, rounds to the whole "
        "level %(level)s."
    ) % {"level": level}


# Lazy, so the field list is made once and still reads in the language of each request.
level_header, level_description = lazy(_level_header, str), lazy(_level_description, str)


@dataclass(frozen=True)
class Field:
    key: str  # the JSON key, the same in every language
    header: str  # the CSV column's header, in the file's language
    kind: str
    description: str


FIELDS = (
    Field("year", _("Year"), YEAR, _("The year the rounds closed.")),
    Field("area_key", _("Area key"), TEXT,
          _("The area's key, the same in every version of the model.")),
    Field("area", _("Area"), TEXT, _("The area's name in the file's language.")),
    Field("organisation_type", _("Type key"), TEXT,
          _("The type of organisation: all, municipality, region, state_agency, company "
            "(municipal or regional company) or other.")),
    Field("organisation_type_label", _("Type of organisation"), TEXT,
          _("The type of organisation in the file's language.")),
    Field("organisations", _("Organisations"), COUNT,
          _("The number of organisations with a level in the area that year.")),
    Field("mean_level", _("Mean level"), LEVEL,
          _("The mean of the organisations' levels in the area, from 1 to 5, with one decimal.")),
    *(Field(f"level_{n}", level_header(n), COUNT, level_description(n)) for n in LEVELS),
    Field("organisations_with_ambition", _("Organisations with an ambition"), COUNT,
          _("The number of organisations that set an ambition for the area.")),
    Field("mean_ambition", _("Mean ambition"), LEVEL,
          _("The mean of their ambitions (target levels), from 1 to 5, with one decimal.")),
)  # fmt: skip


@dataclass(frozen=True)
class Row:
    year: int
    area_key: str
    group: str  # ALL_TYPES or an OrganisationType value
    organisations: Figure
    mean_level: Figure
    levels: tuple[Figure, ...]  # organisations per level 1-5
    with_ambition: Figure
    mean_ambition: Figure

    def figures(self) -> dict[str, Figure]:
        """The row's figures by field key."""
        return {
            "organisations": self.organisations,
            "mean_level": self.mean_level,
            **{f"level_{n}": figure for n, figure in enumerate(self.levels, start=1)},
            "organisations_with_ambition": self.with_ambition,
            "mean_ambition": self.mean_ambition,
        }

    def hidden(self) -> list[str]:
        return [key for key, figure in self.figures().items() if figure.hidden]


def _mean(values: Sequence[float], hidden: bool) -> Figure:
    return Figure.of(scoring.mean(values), hidden)


def year_area_rows(year: int, key: str, by_type: Sequence[Sequence[Unit]]) -> list[Row]:
    """The rows of one year and area: all types first, then each type. ``by_type`` holds the
    year's units of each type, in the order of ``OrganisationType``."""
    types = OrganisationType.values
    levels = [present(u.levels.get(key) for u in units) for units in by_type]
    ambitions = [present(u.ambitions.get(key) for u in units) for units in by_type]
    counts = [band_counts(values) for values in levels]
    table = protect_table(counts)
    hidden_groups = [i for i, hidden in enumerate(table.row_totals) if hidden]
    if table.grand_total:
        hidden_groups = list(range(len(types)))
    hidden_ambitions, hidden_all_ambitions = protect_line(
        [len(values) for values in ambitions], already=hidden_groups
    )
    all_levels = [v for values in levels for v in values]
    all_ambitions = [v for values in ambitions for v in values]
    all_counts = [sum(column) for column in zip(*counts, strict=True)]
    rows = [
        Row(
            year=year, area_key=key, group=ALL_TYPES,
            organisations=Figure.of(len(all_levels), table.grand_total),
            mean_level=_mean(all_levels, table.grand_total),
            levels=tuple(
                Figure.of(c, h) for c, h in zip(all_counts, table.column_totals, strict=True)
            ),
            with_ambition=Figure.of(len(all_ambitions), hidden_all_ambitions),
            mean_ambition=_mean(all_ambitions, hidden_all_ambitions),
        )
    ]  # fmt: skip
    for i, group in enumerate(types):
        rows.append(
            Row(
                year=year, area_key=key, group=group,
                organisations=Figure.of(len(levels[i]), table.row_totals[i]),
                mean_level=_mean(levels[i], table.row_totals[i]),
                levels=tuple(
                    Figure.of(c, h) for c, h in zip(counts[i], table.cells[i], strict=True)
                ),
                with_ambition=Figure.of(len(ambitions[i]), hidden_ambitions[i]),
                mean_ambition=_mean(ambitions[i], hidden_ambitions[i]),
            )
        )  # fmt: skip
    return rows


def rows(units: Sequence[Unit], area_keys: Sequence[str]) -> list[Row]:
    """Every year (oldest first) x area (model order) x group; a row for every group, also
    where nothing is shown, so that a missing row never tells that a group is empty. The units
    are sorted by year and type once, not looked through again for every area."""
    grouped: dict[int, dict[str, list[Unit]]] = {}
    for unit in units:
        of_year = grouped.get(unit.year)
        if of_year is None:
            of_year = grouped[unit.year] = {t: [] for t in OrganisationType.values}
        of_type = of_year.get(unit.type)
        if of_type is not None:
            of_type.append(unit)
    made = []
    for year in sorted(grouped):
        by_type = list(grouped[year].values())
        for key in area_keys:
            made += year_area_rows(year, key, by_type)
    return made


def rounded(value: float | None) -> float | None:
    """A level as the files show it: one decimal, rounded as everywhere in the product."""
    return None if value is None else float(round_level(value))


@collector.paused()  # a unit per round of the country: see lib.collector
def table() -> tuple[list[Row], Areas]:
    """The open data's rows and the areas they name, from every eligible round. The files
    publish no perspectives, so none are read."""
    units, areas = national_data.selection(national_data.round_rows(), perspectives=())
    return rows(units, areas.keys), areas


def links() -> dict[str, str]:
    """The open data's addresses, absolute and in the active language, by name."""
    return {name: settings.SITE_URL + reverse(url) for name, url in ADDRESSES.items()}
