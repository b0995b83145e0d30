"""Read the eligible rounds into the national picture's units, in a fixed number of queries.

Each round's levels are those ``results.scoring.compute_round``, the function behind every
results page, gives for its finished answers, kept per closed round by ``results.summaries``
(which computes any that are missing or outdated); the ambitions are read as they are now. So
the picture reads one row per round, not every answer, and costs the same number of queries
for five organisations as for four thousand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import DateTimeField, Func, Q
from django.utils import timezone

from ambitionsgraf.maturity.models import Area, ModelVersion
from ambitionsgraf.results import summaries

from .eligible import eligible_rounds
from .national import Unit, chosen


class RoundRow(NamedTuple):  # a tuple: thousands are made per page, and cheaply
    id: int
    organisation: int
    year: int
    closed: dt.datetime
    model_version: int
    type: str
    county: str
    employees_band: str


class _LocalYears:
    """The year of a moment in the site's time zone, without converting every moment (which
    took a tenth of the national picture's time): the moments at which the local years begin,
    in UTC, worked out once per year and compared with."""

    def __init__(self, zone):
        self.zone = zone
        self.starts: dict[int, dt.datetime] = {}

    def _start(self, year: int) -> dt.datetime:
        start = self.starts.get(year)
        if start is None:
            start = self.starts[year] = dt.datetime(year, 1, 1, tzinfo=self.zone).astimezone(dt.UTC)
        return start

    def of(self, moment: dt.datetime) -> int:
        year = moment.year  # as stored (UTC); the local year is at most one off
        if moment >= self._start(year + 1):
            return year + 1
        if moment < self._start(year):
            return year - 1
        return year


class _UTCWallClock(Func):
    """A moment read as UTC wall-clock time, without its zone, on PostgreSQL, where psycopg's
    loader in C reads it: Django's loader for moments with a zone is written in Python and
    took 30 of the national picture's 400 ms reading 12,000 closing moments. Other databases
    read the moment as it is. ``_utc`` gives back the zone."""

    output_field = DateTimeField()
    template = "%(expressions)s"

    def as_postgresql(self, compiler, connection, **extra):
        template = "(%(expressions)s AT TIME ZONE 'UTC')"
        return super().as_sql(compiler, connection, template=template, **extra)


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def round_rows(rounds=None) -> list[RoundRow]:
    """Every eligible round (closed, of a consenting organisation), or those of ``rounds`` (a
    narrower queryset of eligible rounds); one query. ``closed`` is the moment the round closed
    (in UTC), or the end of its closing date; ``year`` the year that was, in Swedish time."""
    rows = []
    zone = timezone.get_current_timezone()
    years = _LocalYears(zone)
    rounds = eligible_rounds() if rounds is None else rounds
    for round_id, organisation, closed_at, closes_on, version, kind, county, size in (
        rounds.order_by().annotate(closed_utc=_UTCWallClock("closed_at")).values_list(
            "id", "organisation_id", "closed_utc", "closes_on", "model_version_id",
            "organisation__type", "organisation__county", "organisation__employees_band",
        )
    ):  # fmt: skip
        if closed_at is not None:
            closed = _utc(closed_at)
            year = years.of(closed)
        elif closes_on is not None:
            closed, year = dt.datetime.combine(closes_on, dt.time.max, tzinfo=zone), closes_on.year
        else:
            continue
        rows.append(RoundRow(round_id, organisation, year, closed, version, kind, county, size))
    return rows


def matching(rows: Iterable[RoundRow], *, type="", county="", size="") -> list[RoundRow]:
    """The rounds of organisations of the chosen type, county and size (blank: any)."""
    return [
        r
        for r in rows
        if (not type or r.type == type)
        and (not county or r.county == county)
        and (not size or r.employees_band == size)
    ]


def yearly_latest(rows: Iterable[RoundRow]) -> list[RoundRow]:
    """Per organisation and year, the round that closed last (rule 1 of ``national``)."""
    latest: dict[tuple[int, int], RoundRow] = {}
    for row in rows:
        key = (row.organisation, row.year)
        kept = latest.get(key)
        if kept is None or (row.closed, row.id) > (kept.closed, kept.id):
            latest[key] = row
    return sorted(latest.values(), key=lambda r: (r.year, r.organisation))


DETAILS = ("leadership", "procurement")  # the perspectives the national figures compare


def units(
    rows: Sequence[RoundRow], *, ambitions: bool = True, perspectives: tuple[str, ...] = DETAILS
) -> list[Unit]:
    """The rounds' results from their kept summaries, with their ambitions as they are now
    (``results.summaries``: one query, plus computing any that are missing). A round without
    any results counts nowhere. Ask only for what a page uses: the trend needs the levels
    alone, the open data no perspectives; a unit read without a perspective carries it empty,
    as if it had not been shown on its own."""
    found = summaries.read_levels(
        (r.id for r in rows), ambitions=ambitions, perspectives=perspectives
    )
    made = []
    for row in rows:
        kept = found.get(row.id)
        if kept is None or not kept.has_results:
            continue
        made.append(
            Unit(
                organisation=row.organisation,
                round=row.id,
                year=row.year,
                type=row.type,
                county=row.county,
                employees_band=row.employees_band,
                levels=kept.levels,
                ambitions=kept.ambitions,  # only the areas with one
                # Empty when the perspective was not shown on its own.
                leadership=kept.perspectives.get("leadership", {}),
                procurement=kept.perspectives.get("procurement", {}),
            )
        )
    return made


@dataclass(frozen=True)
class Areas:
    """The areas to show, in the current model version's order, then areas only older versions
    have; each with its title from the newest version that has it."""

    keys: tuple[str, ...]
    by_key: dict[str, Area]

    def title(self, key: str) -> str:
        return self.by_key[key].tr("title")


def areas(version_ids: Iterable[int] = ()) -> Areas:
    """One query: the areas of every published version and of the given versions."""
    found = list(
        Area.objects.filter(
            Q(model_version__status=ModelVersion.Status.PUBLISHED)
            | Q(model_version_id__in=list(version_ids))
        ).select_related("model_version")
    )

    def newness(area: Area):
        version = area.model_version
        published = version.published_at or dt.datetime.min.replace(tzinfo=dt.UTC)
        return (version.is_published, published, version.version, version.pk, -area.position)

    by_key: dict[str, Area] = {}
    for area in sorted(found, key=newness, reverse=True):
        by_key.setdefault(area.key, area)
    return Areas(keys=tuple(by_key), by_key=by_key)


def selection(
    rows: Sequence[RoundRow], *, type="", county="", size="", perspectives=DETAILS
) -> tuple[list[Unit], Areas]:
    """The units of every year for the chosen type, county and size, and their areas."""
    picked = yearly_latest(matching(rows, type=type, county=county, size=size))
    return units(picked, perspectives=perspectives), areas({r.model_version for r in picked})


def picture_selection(
    rows: Sequence[RoundRow], *, type="", county="", size="", year: int | None = None
) -> tuple[list[Unit], Areas]:
    """What ``selection`` gives, for ``national.picture`` alone: only the units its area figures
    use (``national.chosen``: each organisation's latest, 4,000 of the country's 10,000, or one
    year's) carry their ambitions and perspectives; the others, whose levels only the trend
    uses, carry their levels alone. Reading and decoding those details for every round took a
    third of the page's time. One query more: the choice needs the levels first, since a round
    without results is never chosen."""
    picked = yearly_latest(matching(rows, type=type, county=county, size=size))
    bare = units(picked, ambitions=False, perspectives=())
    wanted = {u.round for u in chosen(bare, year)}
    detailed = {u.round: u for u in units([r for r in picked if r.id in wanted])}
    return [detailed.get(u.round, u) for u in bare], areas({r.model_version for r in picked})
