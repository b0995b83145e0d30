"""The model lab: which questions of a model version work, from the answers of closed rounds.

Pure functions over plain values; no database, no Django. The inputs are the dataclasses of
``results.scoring``: an ``AreaSpec`` per area and a ``Response`` per finished respondent, whose
``answers`` map a question key to a level 1-5, or None for "don't know"; a missing key means
not answered. Only questions put to a respondent's perspective are read.

Variance is the sample variance (divisor n - 1) throughout. Cronbach's alpha is a ratio of
variances, so it would come out the same with the population variance as long as one kind is
used everywhere; a correlation has no divisor at all.

The rules, as the lab page explains them:

1. Level distribution: how many gave each level 1..5 to the question.
2. Don't-know rate = dk / (answered + dk), "answered" counting levels. A question left
   unanswered counts in neither. None when nobody answered.
3. Perspective mean: the mean level among the question's respondents of one perspective who
   gave a level; None (not shown) with fewer than MIN_GROUP levels, as anywhere in the product.
4. Complete case of an area: a respondent put at least one question of the area who gave a
   level (not "don't know") to every question of the area put to their perspective.
5. Corrected item-total correlation of a question: the Pearson correlation, over the complete
   cases the question was put to, between the level given and the respondent's rest score,
   the mean of their levels on the OTHER questions of the area put to them. A mean, not the
   textbook sum, because perspectives are put different numbers of questions and a sum would
   partly measure how many someone had; among respondents with the same questions the two
   differ by a constant factor, which leaves a correlation unchanged. Respondents put no
   other question of the area are left out. None with fewer than 2 cases or when either side
   does not vary (a correlation is undefined then, not zero).
6. Cronbach's alpha of an area = k / (k - 1) * (1 - sum of item variances / variance of the
   total), over the area's shared questions (those put to every perspective the area is put
   to) and its complete cases (rule 4). Alpha needs everyone to answer the same items, so
   questions put to some perspectives only are judged by rule 5 alone. None when k < 2, with
   fewer than ``min_cases`` complete cases (MIN_ANSWERS, 30, by default), or when the total
   does not vary.
7. Flags: see ``question_flags``.

Figures are unrounded floats; rounding is for display.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from ambitionsgraf.results.scoring import MIN_GROUP, PERSPECTIVES, AreaSpec, QuestionSpec, Response

from . import lab_columns
from .lab_flags import MIN_ANSWERS, MIN_PERSPECTIVE, Flag, question_flags
from .lab_formulas import pearson, sample_variance


class AlphaMissing(StrEnum):
    """Why an area has no alpha."""

    FEW_QUESTIONS = "few_questions"
    FEW_CASES = "few_cases"
    NO_VARIANCE = "no_variance"


@dataclass(frozen=True)
class QuestionStats:
    key: str
    counts: tuple[int, int, int, int, int]  # levels 1..5
    dont_know: int
    perspective_means: dict[str, float | None]  # the perspectives it is put to, in order
    perspective_levels: dict[str, int]  # how many levels each of them gave
    gap: float | None  # rule 7, over perspectives with MIN_PERSPECTIVE levels
    item_total: float | None
    item_total_cases: int
    flags: tuple[Flag, ...]

    @property
    def answered(self) -> int:
        return sum(self.counts)

    @property
    def responses(self) -> int:
        """Everyone who answered: a level or don't know."""
        return self.answered + self.dont_know

    @property
    def dont_know_rate(self) -> float | None:
        return dont_know_rate(self.answered, self.dont_know)


@dataclass(frozen=True)
class AreaStats:
    key: str
    alpha: float | None
    alpha_missing: AlphaMissing | None  # why alpha is None
    shared_questions: tuple[str, ...]  # the questions alpha is over
    complete_cases: int
    questions: tuple[QuestionStats, ...]  # model order


@dataclass(frozen=True)
class LabResult:
    areas: tuple[AreaStats, ...]
    respondents: dict[str, int]  # per perspective, all three keys present

    @property
    def total_respondents(self) -> int:
        return sum(self.respondents.values())


def cronbach_alpha(rows: Sequence[Sequence[int]], *, min_cases: int = MIN_ANSWERS) -> float | None:
    """Rule 6 over complete rows (one per respondent, one level per item, same items)."""
    return _alpha(rows, len(rows[0]) if rows else 0, min_cases)[0]


def _alpha(rows, k: int, min_cases: int) -> tuple[float | None, AlphaMissing | None]:
    if any(len(row) != k for row in rows):
        raise ValueError("Every row needs the same items")
    if k < 2:
        return None, AlphaMissing.FEW_QUESTIONS
    if len(rows) < max(min_cases, 2):
        return None, AlphaMissing.FEW_CASES
    total_variance = sample_variance([sum(row) for row in rows])
    if total_variance == 0:
        return None, AlphaMissing.NO_VARIANCE
    item_variances = sum(sample_variance([row[i] for row in rows]) for i in range(k))
    return float(Fraction(k, k - 1) * (1 - item_variances / total_variance)), None


def dont_know_rate(answered: int, dont_know: int) -> float | None:
    """Rule 2."""
    total = answered + dont_know
    return dont_know / total if total else None


def largest_gap(means: Sequence[float | None]) -> float | None:
    """The largest difference between two of the means that are not None; needs two."""
    present = [m for m in means if m is not None]
    return max(present) - min(present) if len(present) >= 2 else None


def shared_questions(area: AreaSpec) -> tuple[QuestionSpec, ...]:
    """The area's questions put to every perspective any of its questions is put to."""
    reached = frozenset().union(*(q.perspectives for q in area.questions))
    return tuple(q for q in area.questions if q.perspectives >= reached)


def item_total(
    question: QuestionSpec, area: AreaSpec, cases: Sequence[Response]
) -> tuple[float | None, int]:
    """Rule 5 over complete cases: the correlation and the number of cases it is over."""
    laid_out = lab_columns.columns(area, *_laid_out([area], cases))
    items, rests = lab_columns.item_rest_pairs(question, laid_out)
    return pearson(items, rests), len(items)


def _question_stats(question: QuestionSpec, area: lab_columns.Columns, *, min_group, min_answers):
    counted = lab_columns.tally(question, area)
    sums, levels = counted.sums, counted.levels
    means = {p: sums[p] / levels[p] if levels[p] >= min_group else None for p in sums}
    gap = largest_gap(
        [sums[p] / levels[p] for p in sums if levels[p] >= max(MIN_PERSPECTIVE, min_group)]
    )
    items, rests = lab_columns.item_rest_pairs(question, area)
    correlation = pearson(items, rests)
    return QuestionStats(
        key=question.key,
        counts=counted.counts,
        dont_know=counted.dont_know,
        perspective_means=means,
        perspective_levels=levels,
        gap=gap,
        item_total=correlation,
        item_total_cases=len(items),
        flags=question_flags(
            counts=counted.counts,
            dont_know=counted.dont_know,
            item_total=correlation,
            item_total_cases=len(items),
            gap=gap,
            min_answers=min_answers,
        ),
    )


def area_stats(
    area: AreaSpec,
    responses: Sequence[Response],
    *,
    min_group: int = MIN_GROUP,
    min_answers: int = MIN_ANSWERS,
) -> AreaStats:
    return compute_lab([area], responses, min_group=min_group, min_answers=min_answers).areas[0]


def _area_stats(area: AreaSpec, laid_out: lab_columns.Columns, *, min_group, min_answers):
    shared = shared_questions(area)
    alpha, missing = _alpha(lab_columns.shared_rows(shared, laid_out), len(shared), min_answers)
    return AreaStats(
        key=area.key,
        alpha=alpha,
        alpha_missing=missing,
        shared_questions=tuple(q.key for q in shared),
        complete_cases=laid_out.complete_cases,
        questions=tuple(
            _question_stats(q, laid_out, min_group=min_group, min_answers=min_answers)
            for q in area.questions
        ),
    )


def compute_lab(
    areas: Sequence[AreaSpec],
    responses: Sequence[Response],
    *,
    min_group: int = MIN_GROUP,
    min_answers: int = MIN_ANSWERS,
) -> LabResult:
    """Every figure of the lab; ``responses`` are the finished respondents of the rounds used."""
    return lab_of_columns(
        areas, *_laid_out(areas, responses), min_group=min_group, min_answers=min_answers
    )


def _laid_out(areas: Sequence[AreaSpec], responses: Sequence[Response]) -> tuple[dict, dict]:
    """The respondents' answers in columns (``lab_columns.from_responses``) and each
    perspective's number of respondents."""
    groups = lab_columns.by_perspective(responses)
    return lab_columns.from_responses(areas, groups), {p: len(g) for p, g in groups.items()}


def lab_of_columns(
    areas: Sequence[AreaSpec],
    columns: dict[tuple[str, str], list],
    sizes: dict[str, int],
    *,
    min_group: int = MIN_GROUP,
    min_answers: int = MIN_ANSWERS,
) -> LabResult:
    """``compute_lab`` of answers laid out in columns (``lab_columns.blank``), ``sizes``
    giving each perspective's number of finished respondents."""
    return LabResult(
        areas=tuple(
            _area_stats(
                area,
                lab_columns.columns(area, columns, sizes),
                min_group=min_group,
                min_answers=min_answers,
            )
            for area in areas
        ),
        respondents={p: sizes.get(p, 0) for p in PERSPECTIVES},
    )
