"""Read the answers the model lab may use into its pure functions, in a fixed number of queries.

Only finished respondents count, as in an organisation's results (results/service.py): an
answer with a level or "don't know" is an answer, anything else is not answered. The rounds
are those of ``eligible_rounds``: closed, of organisations that consented.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.results.scoring import AreaSpec, QuestionSpec
from ambitionsgraf.rounds.models import Answer, Respondent

from . import lab, lab_columns
from .eligible import eligible_rounds


@dataclass
class VersionSummary:
    version: ModelVersion
    rounds: int
    respondents: int  # finished


@dataclass
class LabView:
    version: ModelVersion
    areas: list  # [(Area, AreaStats, [(Question, QuestionStats)])]
    result: lab.LabResult
    rounds: int


def version_summaries() -> list[VersionSummary]:
    """Every model version, newest first, with its eligible rounds and finished respondents."""
    counts = {
        row["model_version"]: row
        for row in eligible_rounds()
        .values("model_version")
        .annotate(
            rounds=Count("id", distinct=True),
            respondents=Count("respondents", filter=Q(respondents__finished_at__isnull=False)),
        )
    }
    return [
        VersionSummary(
            version=version,
            rounds=counts.get(version.pk, {}).get("rounds", 0),
            respondents=counts.get(version.pk, {}).get("respondents", 0),
        )
        for version in ModelVersion.objects.order_by("key", "-version")
    ]


def area_specs(areas) -> list[AreaSpec]:
    return [
        AreaSpec(
            key=area.key,
            questions=tuple(
                QuestionSpec(key=q.key, area_key=area.key, perspectives=frozenset(q.perspectives))
                for q in area.questions.all()
            ),
        )
        for area in areas
    ]


def finished_columns(
    version: ModelVersion, specs: list[AreaSpec], question_keys: dict[int, str]
) -> tuple[dict[tuple[str, str], list], dict[str, int]]:
    """The answers of the finished respondents of the version's eligible rounds to the
    questions in ``question_keys`` (question id -> key), laid out in columns
    (``lab_columns.blank``), and each perspective's number of those respondents. Each answer
    goes straight to its place in its column: at national scale (100,000 respondents, four
    million answers) a mapping per respondent took 135 MB."""
    finished = Respondent.objects.filter(
        round__in=eligible_rounds(version), finished_at__isnull=False
    )
    sizes: dict[str, int] = {}
    places: dict[int, tuple[str, int]] = {}  # respondent id -> perspective, place in its columns
    for respondent_id, perspective in finished.values_list("id", "perspective"):
        place = sizes.get(perspective, 0)
        places[respondent_id] = (perspective, place)
        sizes[perspective] = place + 1
    columns = lab_columns.blank(specs, sizes)
    rows = (
        Answer.objects.filter(respondent__in=finished)
        .filter(Q(level__isnull=False) | Q(dont_know=True))
        .values_list("respondent_id", "question_id", "level")
    )
    for respondent_id, question_id, level in rows.iterator(chunk_size=5000):
        # A dont_know answer has no level (a constraint), so None is "don't know" here.
        place = places.get(respondent_id)
        column = columns.get((question_keys.get(question_id), place[0])) if place else None
        if column is not None:  # a question of this version, put to this perspective
            column[place[1]] = level
    return columns, sizes


def load_lab(version: ModelVersion) -> LabView:
    areas = list(version.areas.prefetch_related("questions"))
    question_keys = {q.pk: q.key for area in areas for q in area.questions.all()}
    specs = area_specs(areas)
    result = lab.lab_of_columns(specs, *finished_columns(version, specs, question_keys))
    views = []
    for area, stats in zip(areas, result.areas, strict=True):
        by_key = {s.key: s for s in stats.questions}
        views.append((area, stats, [(q, by_key[q.key]) for q in area.questions.all()]))
    return LabView(
        version=version,
        areas=views,
        result=result,
        rounds=eligible_rounds(version).count(),
    )
