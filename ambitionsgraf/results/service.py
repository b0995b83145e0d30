"""Read a round from the database into the pure scoring functions, in a fixed number of queries."""

from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from ambitionsgraf.maturity.models import Area, Perspective
from ambitionsgraf.rounds.models import Answer

from . import insights, scoring
from .charts import Series, radar_svg


@dataclass
class AreaView:
    area: Area
    result: scoring.AreaResult
    ambition_reason: str
    questions: list  # [(Question, QuestionDistribution)]
    comments: list[str]
    weakest: object = None  # the Question with the lowest mean level, if any is shown
    most_divided: object = None  # the Question people answered most differently, if notable
    agreed: float | None = None  # the level a dialogue workshop agreed on, if any
    agreed_reason: str = ""

    @property
    def effective_level(self) -> float | None:
        """The agreed level where a workshop set one, else the computed level."""
        return self.agreed if self.agreed is not None else self.result.organisation_score

    @property
    def effective_gap(self) -> float | None:
        level, ambition = self.effective_level, self.result.ambition
        return None if level is None or ambition is None else ambition - level

    @property
    def gap_from_agreed(self) -> float | None:
        """The gap from the level a workshop agreed on; None where it agreed on none."""
        return self.effective_gap if self.agreed is not None else None


@dataclass
class RoundView:
    result: scoring.RoundResult
    areas: list[AreaView]

    def by_effective_gap(self):
        """Areas by the gap from the agreed (else computed) level, by rule 7. The results
        page, the action plan and the board report are ordered this way."""
        return scoring.rank_by_gap(self.areas, lambda a: a.effective_gap)

    @property
    def has_agreed(self) -> bool:
        return any(a.agreed is not None for a in self.areas)

    @property
    def has_ambition(self) -> bool:
        return any(a.result.ambition is not None for a in self.areas)

    @property
    def disagreements(self):
        return [a for a in self.areas if a.result.disagreement]


def counted_perspectives(result: scoring.RoundResult) -> set[str]:
    """Perspectives whose respondents count: shown on their own, or in a pool large enough."""
    small = {p for p, n in result.respondents.items() if 0 < n < scoring.MIN_GROUP}
    return set(result.shown_perspectives) | (small if result.pooled_respondents else set())


def load_round(round_) -> RoundView:
    areas = list(round_.model_version.areas.prefetch_related("questions"))
    specs = [
        scoring.AreaSpec(
            key=area.key,
            questions=tuple(
                scoring.QuestionSpec(
                    key=q.key, area_key=area.key, perspectives=frozenset(q.perspectives)
                )
                for q in area.questions.all()
            ),
        )
        for area in areas
    ]
    question_keys = {q.pk: q.key for area in areas for q in area.questions.all()}
    finished = dict(
        round_.respondents.filter(finished_at__isnull=False).values_list("id", "perspective")
    )
    answers: dict[int, dict] = {rid: {} for rid in finished}
    comments: dict[str, list[str]] = {}
    rows = Answer.objects.filter(respondent_id__in=list(finished)).values_list(
        "respondent_id", "question_id", "level", "dont_know", "comment"
    )
    comment_rows = []
    for respondent_id, question_id, level, dont_know, comment in rows:
        key = question_keys[question_id]
        if level is not None or dont_know:
            answers[respondent_id][key] = level
        if comment:
            comment_rows.append((finished[respondent_id], key, comment))
    responses = [
        scoring.Response(perspective=finished[rid], answers=answers[rid]) for rid in finished
    ]
    ambitions = {a.area_id: a for a in round_.ambitions.all()}
    agreed = {a.area_id: a for a in round_.agreed_levels.all()}
    result = scoring.compute_round(
        specs,
        responses,
        {area.key: ambitions[area.pk].target if area.pk in ambitions else None for area in areas},
    )
    counted = counted_perspectives(result)
    for perspective, key, comment in comment_rows:
        if perspective in counted:
            comments.setdefault(key, []).append(comment)
    views = []
    for area, area_result in zip(areas, result.areas, strict=True):
        distributions = {d.key: d for d in area_result.questions}
        questions = [(q, distributions[q.key]) for q in area.questions.all()]
        area_comments = sorted(
            text for q, dist in questions if dist.shown for text in comments.get(q.key, [])
        )
        by_key = {q.key: q for q in area.questions.all()}
        told = insights.telling(area_result.questions)
        views.append(
            AreaView(
                area=area,
                result=area_result,
                ambition_reason=ambitions[area.pk].reason if area.pk in ambitions else "",
                questions=questions,
                comments=area_comments,
                weakest=by_key[told.weakest.key] if told.weakest else None,
                most_divided=by_key[told.most_divided.key] if told.most_divided else None,
                agreed=float(agreed[area.pk].level) if area.pk in agreed else None,
                agreed_reason=agreed[area.pk].reason if area.pk in agreed else "",
            )
        )
    return RoundView(result=result, areas=views)


def radar(view: RoundView) -> str:
    labels = dict(Perspective.choices)
    series = [
        Series(
            key="ambition",
            label=_("Ambition"),
            values=tuple(a.result.ambition for a in view.areas),
        ),
        Series(
            key="organisation",
            label=_("Current level, whole organisation"),
            values=tuple(a.result.organisation_score for a in view.areas),
        ),
    ]
    for perspective in view.result.shown_perspectives:
        series.append(
            Series(
                key=perspective,
                label=str(labels[perspective]),
                values=tuple(a.result.perspective_scores.get(perspective) for a in view.areas),
            )
        )
    if view.result.pooled_respondents:
        series.append(
            Series(
                key="pooled",
                label=_("Smaller groups combined"),
                values=tuple(a.result.pooled_score for a in view.areas),
            )
        )
    series = [s for s in series if any(v is not None for v in s.values)]
    return radar_svg(
        axes=[a.area.tr("title") for a in view.areas],
        series=series,
        title=_("Ambition graph"),
        format_value=lambda v: formats.number_format(v, decimal_pos=1),
        description=_(
            "Radar chart with one axis per area on a scale from 1 to 5: the organisation's "
            "current level, its ambition and each perspective's level. "
            "The same figures are in the table below the chart."
        ),
    )
