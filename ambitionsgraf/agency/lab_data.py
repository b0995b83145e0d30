"""Read the answers the model lab may use into its pure functions, in a fixed number of queries.

Only finished respondents count, as in an organisation's results (results/service.py): an
answer with a level or "don't know" is an answer, anything else is not answered. The rounds
are those of ``eligible_rounds``: closed, of organisations that consented.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.results.scoring import AreaSpec, QuestionSpec, Response
from ambitionsgraf.rounds.models import Answer, Respondent

from . import lab
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


def finished_responses(version: ModelVersion, question_keys: dict[int, str]) -> list[Response]:
    """The finished respondents of the version's eligible rounds, with their answers to the
    questions in ``question_keys`` (question id -> key)."""
    finished = Respondent.objects.filter(
        round__in=eligible_rounds(version), finished_at__isnull=False
    )
    perspectives = dict(finished.values_list("id", "perspective"))
    answers: dict[int, dict] = {rid: {} for rid in perspectives}
    rows = (
        Answer.objects.filter(respondent__in=finished)
        .filter(Q(level__isnull=False) | Q(dont_know=True))
        .values_list("respondent_id", "question_id", "level")
    )
    for respondent_id, question_id, level in rows.iterator(chunk_size=5000):
        # A dont_know answer has no level (a constraint), so None is "don't know" here.
        if respondent_id in answers and question_id in question_keys:
            answers[respondent_id][question_keys[question_id]] = level
    return [Response(perspective=perspectives[rid], answers=answers[rid]) for rid in perspectives]


def load_lab(version: ModelVersion) -> LabView:
    areas = list(version.areas.prefetch_related("questions"))
    question_keys = {q.pk: q.key for area in areas for q in area.questions.all()}
    result = lab.compute_lab(area_specs(areas), finished_responses(version, question_keys))
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
