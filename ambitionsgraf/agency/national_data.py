"""Read the eligible rounds into the national picture's units, in a fixed number of queries.

Each round is scored by ``results.scoring.compute_round``, the function behind every results page,
with the same inputs ``results.service.load_round`` gives it: the finished respondents' answers
("don't know" as None, unanswered left out) and the round's ambitions. Only the reading is done
in bulk, every round's answers in one query, instead of round by round; so the page costs the
same number of queries for five organisations as for five hundred.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from ambitionsgraf.maturity.models import Area, ModelVersion, Question
from ambitionsgraf.results import scoring
from ambitionsgraf.rounds.models import Ambition, Answer, Respondent

from .eligible import eligible_rounds
from .national import Unit


@dataclass(frozen=True)
class RoundRow:
    id: int
    organisation: int
    year: int
    closed: dt.datetime
    model_version: int
    type: str
    county: str
    employees_band: str


def _closed(closed_at: dt.datetime | None, closes_on: dt.date | None) -> dt.datetime | None:
    if closed_at is not None:
        return timezone.localtime(closed_at)
    if closes_on is not None:
        return dt.datetime.combine(closes_on, dt.time.max, tzinfo=timezone.get_current_timezone())
    return None


def round_rows() -> list[RoundRow]:
    """Every eligible round (closed, of a consenting organisation), one query."""
    rows = []
    for values in eligible_rounds().values_list(
        "id", "organisation_id", "closed_at", "closes_on", "model_version_id",
        "organisation__type", "organisation__county", "organisation__employees_band",
    ):  # fmt: skip
        round_id, organisation, closed_at, closes_on, version, *profile = values
        closed = _closed(closed_at, closes_on)
        if closed is not None:
            rows.append(RoundRow(round_id, organisation, closed.year, closed, version, *profile))
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


def _specs(version_ids: Iterable[int]) -> dict[int, list[scoring.AreaSpec]]:
    questions = defaultdict(lambda: defaultdict(list))  # version -> area key -> [QuestionSpec]
    for key, area_key, version, perspectives in (
        Question.objects.filter(area__model_version_id__in=list(version_ids))
        .order_by("area__position", "position")
        .values_list("key", "area__key", "area__model_version_id", "perspectives")
    ):
        questions[version][area_key].append(
            scoring.QuestionSpec(key=key, area_key=area_key, perspectives=frozenset(perspectives))
        )
    return {
        version: [scoring.AreaSpec(key=k, questions=tuple(qs)) for k, qs in areas.items()]
        for version, areas in questions.items()
    }


def _responses(round_ids: list[int]) -> dict[int, list[scoring.Response]]:
    perspectives = {}
    by_round = defaultdict(list)
    for respondent, round_id, perspective in Respondent.objects.filter(
        round_id__in=round_ids, finished_at__isnull=False
    ).values_list("id", "round_id", "perspective"):
        perspectives[respondent] = perspective
        by_round[round_id].append(respondent)
    answers = defaultdict(dict)
    for respondent, question_key, level, dont_know in Answer.objects.filter(
        respondent__round_id__in=round_ids, respondent__finished_at__isnull=False
    ).values_list("respondent_id", "question__key", "level", "dont_know"):
        if level is not None or dont_know:
            answers[respondent][question_key] = level
    return {
        round_id: [scoring.Response(perspectives[r], answers[r]) for r in respondents]
        for round_id, respondents in by_round.items()
    }


def _ambitions(round_ids: list[int]) -> dict[int, dict[str, float]]:
    ambitions = defaultdict(dict)
    for round_id, area_key, target in Ambition.objects.filter(round_id__in=round_ids).values_list(
        "round_id", "area__key", "target"
    ):
        if scoring.valid_ambition(target):
            ambitions[round_id][area_key] = target
    return ambitions


def units(rows: Sequence[RoundRow]) -> list[Unit]:
    """Score the rounds (three queries for answers and ambitions, one for the questions).
    A round without any results counts nowhere."""
    round_ids = [r.id for r in rows]
    if not round_ids:
        return []
    specs = _specs({r.model_version for r in rows})
    responses = _responses(round_ids)
    ambitions = _ambitions(round_ids)
    made = []
    for row in rows:
        result = scoring.compute_round(
            specs.get(row.model_version, []), responses.get(row.id, []), ambitions[row.id]
        )
        if not result.has_results:
            continue
        areas = result.areas
        made.append(
            Unit(
                organisation=row.organisation,
                round=row.id,
                year=row.year,
                type=row.type,
                county=row.county,
                employees_band=row.employees_band,
                levels={a.key: a.organisation_score for a in areas},
                ambitions={a.key: a.ambition for a in areas},
                leadership={a.key: a.perspective_scores.get("leadership") for a in areas},
                procurement={a.key: a.perspective_scores.get("procurement") for a in areas},
            )  # fmt: skip
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


def selection(rows: Sequence[RoundRow], *, type="", county="", size="") -> tuple[list[Unit], Areas]:
    """The units of every year for the chosen type, county and size, and their areas."""
    chosen = yearly_latest(matching(rows, type=type, county=county, size=size))
    return units(chosen), areas({r.model_version for r in chosen})
