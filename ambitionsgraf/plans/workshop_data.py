"""The dialogue workshop's figures: pure functions on the scoring module's dataclasses.

How each question was answered, split by perspective, under the same anonymity rule as the
results (rule 3 in ``results.scoring``): a perspective with fewer than ``min_group`` finished
respondents never appears on its own. Such small perspectives are pooled into one group
("Smaller groups combined") if the pool has at least ``min_group`` respondents, else they are
left out. A group's answers to a question are shown only if at least ``min_group`` of its
members were asked that question (rule 8).

One more rule guards against subtraction. The results page shows every question's answers for
all finished respondents together. If somebody asked the question is in none of the groups
shown here (a left-out pool, or a pool too small for this particular question), then the total
minus the groups shown would give away those few people's answers. In that case the question
is shown only as the total, never split by perspective.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ambitionsgraf.results.scoring import (
    MIN_GROUP,
    PERSPECTIVES,
    POOLED,
    AreaResult,
    AreaSpec,
    QuestionDistribution,
    Response,
    question_distribution,
)


@dataclass(frozen=True)
class GroupDistribution:
    """How one group (a perspective, or ``POOLED``) answered one question."""

    group: str
    distribution: QuestionDistribution


@dataclass(frozen=True)
class QuestionBreakdown:
    key: str
    overall: QuestionDistribution  # everyone asked, as on the results page
    # The groups asked the question, in PERSPECTIVES order with the pool last; every one
    # of them shown (at least min_group of its members asked).
    groups: tuple[GroupDistribution, ...]
    # True when splitting by group would reveal fewer than min_group people by subtraction:
    # then ``groups`` is empty and only ``overall`` may be shown.
    withheld: bool


def anonymous_groups(
    responses: Sequence[Response], *, min_group: int = MIN_GROUP
) -> dict[str, list[Response]]:
    """The groups that may be shown: each perspective with at least ``min_group`` respondents,
    then the pool of the smaller perspectives if it reaches ``min_group``; nobody else."""
    if min_group < 1:
        raise ValueError("min_group must be at least 1")
    members: dict[str, list[Response]] = {p: [] for p in PERSPECTIVES}
    for response in responses:
        members[response.perspective].append(response)
    groups = {p: rs for p, rs in members.items() if len(rs) >= min_group}
    pool = [r for p, rs in members.items() if 0 < len(rs) < min_group for r in rs]
    if len(pool) >= min_group:
        groups[POOLED] = pool
    return groups


def perspective_distributions(
    area: AreaSpec, responses: Sequence[Response], *, min_group: int = MIN_GROUP
) -> tuple[QuestionBreakdown, ...]:
    """Per question of ``area`` (model order), the answers of each group that may be shown.

    ``responses`` are all finished respondents of the round, also those who did not answer
    anything in this area: who forms a group is decided over the whole round, as for the levels.
    """
    groups = anonymous_groups(responses, min_group=min_group)
    breakdowns = []
    for question in area.questions:
        overall = question_distribution(question, responses, min_group=min_group)
        split = [
            GroupDistribution(group, question_distribution(question, members, min_group=min_group))
            for group, members in groups.items()
        ]
        split = [g for g in split if g.distribution.asked]
        shown_asked = sum(g.distribution.asked for g in split if g.distribution.shown)
        withheld = overall.asked > shown_asked
        breakdowns.append(
            QuestionBreakdown(
                key=question.key,
                overall=overall,
                groups=() if withheld else tuple(split),
                withheld=withheld,
            )
        )
    return tuple(breakdowns)


def workshop_order(areas: Sequence[AreaResult]) -> tuple[int, ...]:
    """Positions (0-based, model order) of the areas in the order the workshop takes them:
    the biggest spread between perspectives first; areas without a spread last; ties in
    model order. Spreads are compared at 0.01 so float noise does not reorder equal ones."""

    def rank(position: int) -> tuple[bool, float, int]:
        spread = areas[position].spread
        if spread is None:
            return (True, 0.0, position)
        return (False, -round(spread, 2), position)

    return tuple(sorted(range(len(areas)), key=rank))


def share(count: int, total: int) -> int:
    """``count`` as a whole percentage of ``total`` (0 when there is no total), for bars."""
    if total <= 0:
        return 0
    return round(100 * count / total)
