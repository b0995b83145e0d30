"""The workshop's figures: answers split by perspective with anonymity kept, and the order."""

import pytest

from ambitionsgraf.plans.workshop_data import (
    anonymous_groups,
    perspective_distributions,
    share,
    workshop_order,
)
from ambitionsgraf.results.scoring import (
    POOLED,
    AreaResult,
    AreaSpec,
    QuestionSpec,
    Response,
    compute_round,
)

ALL = frozenset({"leadership", "procurement", "operations"})
AREA = AreaSpec(
    key="goals",
    questions=(
        QuestionSpec(key="q_all", area_key="goals", perspectives=ALL),
        QuestionSpec(
            key="q_lead_proc",
            area_key="goals",
            perspectives=frozenset({"leadership", "procurement"}),
        ),
        QuestionSpec(key="q_ops", area_key="goals", perspectives=frozenset({"operations"})),
    ),
)


def people(perspective, *levels):
    """One response per level, answering every question of AREA with that level."""
    return [
        Response(perspective=perspective, answers={q.key: level for q in AREA.questions})
        for level in levels
    ]


def by_key(breakdowns):
    return {b.key: b for b in breakdowns}


def groups_of(breakdown):
    return {g.group: g.distribution for g in breakdown.groups}


def test_each_perspective_with_three_or_more_gets_its_own_counts():
    responses = people("leadership", 1, 2, 2) + people("procurement", 4, 4, 5, None)

    q_all = by_key(perspective_distributions(AREA, responses))["q_all"]

    assert not q_all.withheld
    groups = groups_of(q_all)
    assert list(groups) == ["leadership", "procurement"]
    assert groups["leadership"].counts == (1, 2, 0, 0, 0)
    assert groups["procurement"].counts == (0, 0, 0, 2, 1)
    assert groups["procurement"].dont_know == 1
    assert groups["procurement"].mean == pytest.approx(13 / 3)
    assert q_all.overall.counts == (1, 2, 0, 2, 1)


@pytest.mark.parametrize("small", [1, 2])
def test_a_perspective_with_fewer_than_three_never_appears_alone(small):
    responses = (
        people("leadership", 3, 3, 3)
        + people("procurement", 2, 2, 2)
        + people("operations", *[5] * small)
    )

    for breakdown in perspective_distributions(AREA, responses):
        assert "operations" not in groups_of(breakdown)
        assert POOLED not in groups_of(breakdown)
    assert "operations" not in anonymous_groups(responses)


def test_small_perspectives_are_combined_when_the_pool_has_three():
    responses = (
        people("leadership", 1, 1) + people("procurement", 4, 4, 4) + people("operations", 5)
    )

    breakdowns = by_key(perspective_distributions(AREA, responses))

    groups = groups_of(breakdowns["q_all"])
    assert list(groups) == ["procurement", POOLED]
    assert groups[POOLED].counts == (2, 0, 0, 0, 1)
    assert "leadership" not in groups and "operations" not in groups


def test_a_pool_of_fewer_than_three_is_left_out_and_the_question_is_not_split():
    # Leadership 3, procurement 3, operations 2: the two are too few even pooled. The results
    # page shows everyone's answers together, so showing the two big groups would give away
    # the two operations answers by subtraction: the question is shown only as a total.
    responses = (
        people("leadership", 3, 3, 3) + people("procurement", 2, 2, 2) + people("operations", 5, 5)
    )

    breakdowns = by_key(perspective_distributions(AREA, responses))

    assert breakdowns["q_all"].withheld
    assert breakdowns["q_all"].groups == ()
    assert breakdowns["q_all"].overall.counts == (0, 3, 3, 0, 2)
    # Operations were not asked this one: nobody is hidden, so it is split as usual.
    assert not breakdowns["q_lead_proc"].withheld
    assert list(groups_of(breakdowns["q_lead_proc"])) == ["leadership", "procurement"]
    # Only the two operations people were asked this one: nothing at all is shown.
    assert not breakdowns["q_ops"].overall.shown
    assert breakdowns["q_ops"].groups == ()


def test_a_pool_too_small_for_one_question_is_not_shown_for_it():
    # The pool (leadership 2 + operations 1) counts, but only its two leaders were asked
    # q_lead_proc: showing procurement beside the total would reveal the two leaders.
    responses = (
        people("leadership", 1, 1) + people("procurement", 4, 4, 4) + people("operations", 5)
    )

    breakdowns = by_key(perspective_distributions(AREA, responses))

    assert breakdowns["q_lead_proc"].withheld
    assert breakdowns["q_lead_proc"].groups == ()
    assert breakdowns["q_lead_proc"].overall.counts == (2, 0, 0, 3, 0)


def test_what_is_shown_never_adds_up_to_a_group_below_three():
    """Whatever the group sizes, the total minus the groups shown is nobody or at least three."""
    for lead in range(0, 5):
        for proc in range(0, 5):
            for ops in range(0, 5):
                responses = (
                    people("leadership", *[1] * lead)
                    + people("procurement", *[2] * proc)
                    + people("operations", *[3] * ops)
                )
                for b in perspective_distributions(AREA, responses):
                    for g in b.groups:
                        assert g.distribution.shown and g.distribution.asked >= 3
                    hidden = b.overall.asked - sum(g.distribution.asked for g in b.groups)
                    if b.overall.shown and b.groups:
                        assert hidden == 0, (lead, proc, ops, b.key)


def test_the_groups_are_the_ones_the_results_show():
    for sizes in [(3, 3, 3), (1, 3, 2), (2, 2, 0), (5, 1, 1), (0, 4, 2)]:
        responses = (
            people("leadership", *[3] * sizes[0])
            + people("procurement", *[3] * sizes[1])
            + people("operations", *[3] * sizes[2])
        )
        result = compute_round([AREA], responses, {})
        groups = anonymous_groups(responses)

        assert [g for g in groups if g != POOLED] == list(result.shown_perspectives), sizes
        assert (POOLED in groups) == bool(result.pooled_respondents), sizes


def test_people_who_skipped_the_area_still_count_towards_their_group():
    responses = people("leadership", 2, 2) + [Response(perspective="leadership", answers={})]

    q_all = by_key(perspective_distributions(AREA, responses))["q_all"]

    assert groups_of(q_all)["leadership"].asked == 3
    assert groups_of(q_all)["leadership"].unanswered == 1


def area_result(key, spread):
    return AreaResult(
        key=key,
        perspective_scores={},
        pooled_score=None,
        organisation_score=3.0,
        ambition=None,
        gap=None,
        spread=spread,
        disagreement=False,
        questions=(),
    )


def test_workshop_order_takes_the_biggest_disagreement_first():
    areas = [
        area_result("goals", 0.5),
        area_result("strategies", None),
        area_result("planning", 1.5),
        area_result("follow_up", 4.6 - 3.6),  # 0.9999999999999996
        area_result("responsibility", 1.0),
        area_result("organisation", None),
    ]

    order = [areas[i].key for i in workshop_order(areas)]

    assert order == [
        "planning",
        "follow_up",
        "responsibility",
        "goals",
        "strategies",
        "organisation",
    ]


def test_share_is_a_whole_percentage():
    assert share(1, 3) == 33
    assert share(3, 3) == 100
    assert share(0, 0) == 0
