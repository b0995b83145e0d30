"""The open data's files: one table of rows (``opendata.rows``) written as CSV and as JSON.

The CSV is the product's Swedish-Excel CSV (``reports.writers``: semicolons, UTF-8 with a byte
order mark, decimal commas), with headers in the language of the address (/en/ for English). A
hidden figure is "–", as on the pages. The JSON has the same rows under keys that never change;
a hidden figure is null, and each row lists its hidden fields under "hidden".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from django.utils import timezone
from django.utils.translation import gettext as _

from ambitionsgraf.organisations.choices import OrganisationType
from ambitionsgraf.reports.exports import TEXT as TEXT_COLUMN
from ambitionsgraf.reports.exports import Column
from ambitionsgraf.reports.writers import csv_bytes, decimal_comma

from . import opendata
from .national_data import Areas
from .national_suppression import MIN_ORGANISATIONS
from .opendata import ALL_TYPES, COUNT, FIELDS, LEVEL, LICENCE_NAME, LICENCE_URL, YEAR, Row
from .opendata import rounded as rounded_level

HIDDEN_MARK = "–"


def group_label(group: str) -> str:
    return _("All types") if group == ALL_TYPES else str(OrganisationType(group).label)


def _labels(row: Row, areas: Areas) -> dict:
    return {
        "year": row.year,
        "area_key": row.area_key,
        "area": areas.title(row.area_key),
        "organisation_type": row.group,
        "organisation_type_label": group_label(row.group),
    }


class OpenDataTable:
    """The rows as the export that ``reports.writers.csv_bytes`` writes: plain text cells."""

    def __init__(self, rows: Sequence[Row], areas: Areas):
        self._rows, self.areas = rows, areas

    def title(self) -> str:
        return _("National figures")

    def columns(self) -> list[Column]:
        return [Column(str(f.header), TEXT_COLUMN, 14) for f in FIELDS]

    def rows(self) -> Iterator[list[str]]:
        for row in self._rows:
            values = _labels(row, self.areas)
            figures = row.figures()
            yield [
                str(values[f.key]) if f.key in values else csv_figure(figures[f.key], f.kind)
                for f in FIELDS
            ]


def csv_figure(figure, kind: str) -> str:
    """A figure as the CSV writes it: "–" when hidden, levels with a decimal comma."""
    if figure.hidden or figure.value is None:
        return HIDDEN_MARK
    return decimal_comma(figure.value) if kind == LEVEL else str(figure.value)


def csv_content(rows: Sequence[Row], areas: Areas) -> bytes:
    return csv_bytes(OpenDataTable(rows, areas))


def _json_value(figure, field):
    if figure.hidden or figure.value is None:
        return None
    return rounded_level(figure.value) if field.kind == LEVEL else figure.value


def json_document(rows: Sequence[Row], areas: Areas, *, extracted: dt.date, links: dict) -> dict:
    """The whole JSON file as a dict; ``links`` maps "page", "csv" and "catalog" to addresses."""
    fields = [
        {"key": f.key, "type": {YEAR: "integer", COUNT: "integer", LEVEL: "number"}.get(
            f.kind, "string"), "description": str(f.description)}
        for f in FIELDS
    ]  # fmt: skip
    data = []
    for row in rows:
        item = _labels(row, areas)
        figures = row.figures()
        for f in FIELDS:
            if f.key in figures:
                item[f.key] = _json_value(figures[f.key], f)
        item["hidden"] = row.hidden()
        data.append(item)
    return {
        "title": _("Ambitionsgraf: national figures"),
        "description": _(
            "Self-assessed procurement maturity of Swedish public organisations, per year, "
            "area and type of organisation."
        ),
        "unit": _(
            "An organisation's latest closed round in a year, for organisations that have "
            "agreed to be counted in national statistics."
        ),
        "hidden_rule": _(
            "A figure built on fewer than %(minimum)s organisations is null (– in the CSV), "
            "zero included; where it could be worked out from a total, another figure is "
            'hidden too. The fields a row hides are listed in its "hidden".'
        )
        % {"minimum": MIN_ORGANISATIONS},
        "min_organisations": MIN_ORGANISATIONS,
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "extracted": extracted.isoformat(),
        "links": links,
        "fields": fields,
        "rows": data,
    }


def national_document() -> dict:
    """The JSON file of every counted round, in the active language: the open data's file and
    the API's /national."""
    rows, areas = opendata.table()
    return json_document(rows, areas, extracted=timezone.localdate(), links=opendata.links())
