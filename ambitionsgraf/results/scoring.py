"""The measuring rules: from finished responses to the results of a round.

Pure functions over frozen dataclasses (scoring_types.py, re-exported here); no database.
The numbered rules:

1. A respondent's area score is the mean of the levels (1-5) they gave to the
   area's questions put to their perspective. "Don't know" (None) and a missing
   answer are both "not answered". Fewer than half answered gives None.
2. A perspective's area score is the median of its respondents' area scores.
3. Anonymity: a perspective with fewer than ``min_group`` respondents is never
   shown on its own. All such small perspectives are pooled; the pool counts as
   one voice if it has at least ``min_group`` respondents, otherwise it is left
   out entirely, so no small group can be derived from what is shown.
4. The organisation's area score is the mean of the shown perspectives' scores
   and the pooled score.
5. Gap = ambition - organisation score (negative: above the ambition).
6. Spread = max - min of the shown perspectives' scores; a spread of at least
   1.0 is flagged as disagreement.
7. Areas are ranked by gap, largest first, ties in model order, areas without a
   gap last (``rank_by_gap``; after a dialogue workshop the pages rank by the gap
   from its agreed level where it set one).
8. A question's answer distribution counts only the respondents counted under
   rule 3, and is shown only if at least ``min_group`` of them were asked it.

Scores are unrounded floats; rounding is for display.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TypeVar

from .scoring_types import (
    LEVELS,
    PERSPECTIVES,
    AreaResult,
    AreaSpec,
    QuestionDistribution,
    QuestionSpec,
    Response,
    RoundResult,
    check_level,
)

POOLED = "pooled"
MIN_GROUP = 3
MIN_AMBITION = 1
MAX_AMBITION = 5
DISAGREEMENT_SPREAD = 1.0
T = TypeVar("T")
# Spreads are differences of floats: 4.6 - 3.6 == 0.9999999999999996.
_TOLERANCE = 1e-9


def respondent_area_score(
    answers: Mapping[str, int | None], questions: Sequence[QuestionSpec]
) -> float | None:
    """Rule 1. ``questions`` are the area's questions put to the respondent."""
    asked = len(questions)
    levels = [answers[q.key] for q in questions if answers.get(q.key) is not None]
    for level in levels:
        check_level(level)
    if asked == 0 or len(levels) * 2 < asked:
        return None
    return sum(levels) / len(levels)


def median(values: Iterable[float | None]) -> float | None:
    """Median of the values that are not None; None if there are none."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    return float(statistics.median(present))


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the values that are not None; None if there are none."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    return sum(present) / len(present)


def valid_ambition(value: object) -> bool:
    """True for 1, 1.5, 2, ..., 5 given as int, float or Decimal."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return False
    exact = Decimal(value)  # exact for floats too, so 2.3 stays 2.29999...
    if not exact.is_finite():
        return False
    doubled = exact * 2
    return doubled == doubled.to_integral_value() and (
        2 * MIN_AMBITION <= doubled <= 2 * MAX_AMBITION
    )


def spread(scores: Iterable[float | None]) -> float | None:
    """Rule 6: max - min of the scores that are not None; needs two."""
    present = [s for s in scores if s is not None]
    if len(present) < 2:
        return None
    return max(present) - min(present)


def is_disagreement(spread_value: float | None) -> bool:
    if spread_value is None:
        return False
    return spread_value >= DISAGREEMENT_SPREAD - _TOLERANCE


def question_distribution(
    question: QuestionSpec, responses: Sequence[Response], *, min_group: int = MIN_GROUP
) -> QuestionDistribution:
    """Rule 8, counting only the respondents the question was put to."""
    asked = [r for r in responses if question.is_put_to(r.perspective)]
    counts = [0, 0, 0, 0, 0]
    dont_know = unanswered = 0
    for response in asked:
        if question.key not in response.answers:
            unanswered += 1
        elif response.answers[question.key] is None:
            dont_know += 1
        else:
            counts[response.answers[question.key] - 1] += 1
    answered = sum(counts)
    level_sum = sum(level * count for level, count in zip(LEVELS, counts, strict=True))
    shown = len(asked) >= min_group
    if not shown:
        counts = [0, 0, 0, 0, 0]
        dont_know = unanswered = 0
    return QuestionDistribution(
        key=question.key,
        asked=len(asked),
        counts=tuple(counts),
        dont_know=dont_know,
        unanswered=unanswered,
        mean=level_sum / answered if shown and answered else None,
        shown=shown,
    )


def group_area_score(area: AreaSpec, members: Sequence[Response]) -> float | None:
    """Rule 2: the median of the members' area scores."""
    return median(
        respondent_area_score(r.answers, area.questions_for(r.perspective)) for r in members
    )


def rank_by_gap(items: Sequence[T], gap: Callable[[T], float | None]) -> list[T]:
    """Rule 7: largest gap first; items without a gap last; ties in the order given."""

    def rank(pair: tuple[int, T]) -> tuple[bool, float, int]:
        position, item = pair
        value = gap(item)
        return (True, 0.0, position) if value is None else (False, -value, position)

    return [item for _, item in sorted(enumerate(items), key=rank)]


def _ambition_value(key: str, value: float | Decimal | None) -> float | None:
    if value is None:
        return None
    if not valid_ambition(value):
        raise ValueError(f"Invalid ambition {value!r} for area {key!r}")
    return float(value)


def _area_result(
    area: AreaSpec,
    groups: Mapping[str, Sequence[Response]],
    responses: Sequence[Response],
    ambitions: Mapping[str, float | Decimal | None],
    min_group: int,
) -> AreaResult:
    ambition = _ambition_value(area.key, ambitions.get(area.key))
    scores = {name: group_area_score(area, members) for name, members in groups.items()}
    perspective_scores = {name: s for name, s in scores.items() if name != POOLED}
    organisation_score = mean(scores.values())  # rule 4: the pool is one voice
    area_spread = spread(perspective_scores.values())  # rule 6: not the pool
    gap = None if ambition is None or organisation_score is None else ambition - organisation_score
    return AreaResult(
        key=area.key,
        perspective_scores=perspective_scores,
        pooled_score=scores.get(POOLED),
        organisation_score=organisation_score,
        ambition=ambition,
        gap=gap,
        spread=area_spread,
        disagreement=is_disagreement(area_spread),
        questions=tuple(
            question_distribution(q, responses, min_group=min_group) for q in area.questions
        ),
    )


def compute_round(
    areas: Sequence[AreaSpec],
    responses: Sequence[Response],
    ambitions: Mapping[str, float | Decimal | None],
    *,
    min_group: int = MIN_GROUP,
) -> RoundResult:
    """All results of a round; ``responses`` are the finished respondents."""
    if min_group < 1:
        raise ValueError("min_group must be at least 1")
    respondents = {p: 0 for p in PERSPECTIVES}
    for response in responses:
        respondents[response.perspective] += 1

    # Rule 3: who is shown on their own, who is pooled, who is left out.
    shown = tuple(p for p in PERSPECTIVES if respondents[p] >= min_group)
    small = {p for p in PERSPECTIVES if 0 < respondents[p] < min_group}
    pool = [r for r in responses if r.perspective in small]
    pool_counted = len(pool) >= min_group

    groups: dict[str, list[Response]] = {
        p: [r for r in responses if r.perspective == p] for p in shown
    }
    if pool_counted:
        groups[POOLED] = pool
    # Only counted respondents appear in the answer distributions too: otherwise the people
    # left out could be found by subtracting the shown groups from the whole.
    counted = [r for group in groups.values() for r in group]

    return RoundResult(
        areas=tuple(_area_result(a, groups, counted, ambitions, min_group) for a in areas),
        respondents=respondents,
        shown_perspectives=shown,
        pooled_respondents=len(pool) if pool_counted else 0,
        excluded_respondents=0 if pool_counted else len(pool),
    )
