"""The trend rules as pure functions: areas matched by key, breaks where questions changed,
rise/fall/stay with a threshold, closed gaps, and "done, but no change yet"."""

import datetime as dt

import pytest

from ambitionsgraf.results import trend
from ambitionsgraf.results.trend import (
    ADDED,
    CHANGED,
    FALL,
    REMOVED,
    RISE,
    STAY,
    ActionFact,
    AreaSnapshot,
    RoundSnapshot,
)

UTC = dt.UTC
FIRST_CLOSED = dt.datetime(2025, 11, 30, 12, tzinfo=UTC)
SECOND_CLOSED = dt.datetime(2026, 11, 30, 12, tzinfo=UTC)
QUESTIONS = {
    "goals": frozenset({"goals_a", "goals_b"}),
    "planning": frozenset({"planning_a", "planning_b"}),
    "facts": frozenset({"facts_a"}),
}


def area(key, level, *, questions=None, ambition=None, agreed=None, title=None):
    return AreaSnapshot(
        key=key,
        title=title or key.title(),
        question_keys=questions if questions is not None else QUESTIONS[key],
        level=level,
        agreed=agreed,
        ambition=ambition,
    )


def snapshot(name, closed_at, *areas, version=1, respondents=None):
    return RoundSnapshot(
        code=name.lower(),
        name=name,
        closed_at=closed_at,
        closed_on=closed_at.date() if closed_at else None,
        model_version=version,
        areas=tuple(areas),
        respondents=respondents or {"leadership": 3, "procurement": 4, "operations": 0},
    )


def two_rounds(before: dict, after: dict, *, ambitions=None):
    """Two rounds on versions 1 and 2 sharing area keys; levels per key."""
    ambitions = ambitions or {}
    first = snapshot(
        "R1", FIRST_CLOSED, *(area(k, v, ambition=ambitions.get(k)) for k, v in before.items())
    )
    second = snapshot("R2", SECOND_CLOSED, *(area(k, v) for k, v in after.items()), version=2)
    return [first, second]


# ------------------------------------------------------------------ series by area key


def test_areas_line_up_by_key_across_two_model_versions():
    rounds = two_rounds({"goals": 2.0, "planning": 3.0}, {"planning": 3.5, "goals": 2.5})

    trends = trend.area_trends(rounds)

    by_key = {t.key: t for t in trends}
    assert by_key["goals"].levels == (2.0, 2.5)
    assert by_key["planning"].levels == (3.0, 3.5)
    assert all(t.breaks == frozenset() for t in trends)
    assert [c.note for c in by_key["goals"].cells] == [None, None]


def test_areas_follow_the_newest_rounds_model_order_then_areas_only_older_rounds_had():
    rounds = two_rounds({"facts": 1.0, "goals": 2.0}, {"planning": 3.0, "goals": 2.5})

    assert [t.key for t in trend.area_trends(rounds)] == ["planning", "goals", "facts"]


def test_agreed_level_and_ambition_travel_with_their_cell():
    first = snapshot("R1", FIRST_CLOSED, area("goals", 2.4, agreed=3.0, ambition=4.0))
    second = snapshot("R2", SECOND_CLOSED, area("goals", 2.6))

    (goals,) = trend.area_trends([first, second])

    assert (goals.cells[0].level, goals.cells[0].agreed, goals.cells[0].ambition) == (2.4, 3.0, 4.0)
    assert (goals.cells[1].agreed, goals.cells[1].ambition) == (None, None)


def test_title_comes_from_the_newest_round_with_the_area():
    first = snapshot("R1", FIRST_CLOSED, area("goals", 2.0, title="Old goals"))
    second = snapshot("R2", SECOND_CLOSED, area("goals", 2.0, title="Goals"))

    assert trend.area_trends([first, second])[0].title == "Goals"


def test_a_single_round_is_a_trend_of_one_point_without_notes():
    (goals,) = trend.area_trends([snapshot("R1", FIRST_CLOSED, area("goals", 2.0))])

    assert goals.levels == (2.0,)
    assert goals.breaks == frozenset()


# ------------------------------------------------------------------ breaks


def test_changed_questions_break_the_line_and_leave_a_note_on_the_later_round():
    first = snapshot("R1", FIRST_CLOSED, area("goals", 2.0), area("planning", 3.0))
    second = snapshot(
        "R2",
        SECOND_CLOSED,
        area("goals", 2.5),
        area("planning", 3.5, questions=frozenset({"planning_a", "planning_c"})),
        version=2,
    )

    by_key = {t.key: t for t in trend.area_trends([first, second])}

    assert by_key["planning"].breaks == frozenset({1})
    assert [c.note for c in by_key["planning"].cells] == [None, CHANGED]
    assert by_key["planning"].cells[1].model_version == 2
    assert by_key["planning"].levels == (3.0, 3.5)  # both points are still drawn
    assert by_key["goals"].breaks == frozenset()


def test_a_question_added_to_an_area_is_a_change_too():
    first = snapshot("R1", FIRST_CLOSED, area("facts", 2.0))
    bigger = QUESTIONS["facts"] | {"facts_new"}
    second = snapshot("R2", SECOND_CLOSED, area("facts", 2.0, questions=bigger), version=2)

    assert trend.area_trends([first, second])[0].cells[1].note == CHANGED


def test_an_area_new_or_gone_in_a_version_is_noted_and_breaks():
    first = snapshot("R1", FIRST_CLOSED, area("goals", 2.0), area("facts", 1.5))
    second = snapshot("R2", SECOND_CLOSED, area("goals", 2.5), area("planning", 3.0), version=2)

    by_key = {t.key: t for t in trend.area_trends([first, second])}

    assert [c.note for c in by_key["planning"].cells] == [None, ADDED]
    assert [c.present for c in by_key["planning"].cells] == [False, True]
    assert [c.note for c in by_key["facts"].cells] == [None, REMOVED]
    assert by_key["facts"].levels == (1.5, None)


def test_a_break_only_affects_the_pair_of_rounds_where_the_questions_changed():
    changed = frozenset({"goals_a", "goals_c"})
    rounds = [
        snapshot("R1", FIRST_CLOSED, area("goals", 2.0)),
        snapshot("R2", SECOND_CLOSED, area("goals", 2.5, questions=changed), version=2),
        snapshot(
            "R3", SECOND_CLOSED + dt.timedelta(days=365), area("goals", 3.0, questions=changed)
        ),
    ]

    assert trend.area_trends(rounds)[0].breaks == frozenset({1})


# ------------------------------------------------------------------ rise, fall, stay


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (2.0, 2.25, RISE),  # exactly the threshold counts
        (2.6, 2.85, RISE),  # float noise: 0.2499999... is still the threshold
        (2.0, 3.5, RISE),
        (2.0, 2.24, STAY),
        (2.0, 2.0, STAY),
        (2.0, 1.76, STAY),
        (2.0, 1.75, FALL),
        (3.1, 2.85, FALL),
        (None, 2.0, None),
        (2.0, None, None),
    ],
)
def test_direction_uses_a_threshold_of_a_quarter_level(before, after, expected):
    assert trend.CHANGE_THRESHOLD == 0.25
    assert trend.direction(before, after) == expected


def test_comparison_between_the_two_latest_rounds():
    older = snapshot("R0", FIRST_CLOSED - dt.timedelta(days=365), area("goals", 5.0))
    rounds = [older, *two_rounds({"goals": 2.0, "planning": 3.0}, {"goals": 2.5, "planning": 2.9})]

    comparison = trend.compare_latest(rounds)

    assert (comparison.earlier.name, comparison.later.name) == ("R1", "R2")
    assert comparison.direction_by_area() == {"goals": RISE, "planning": STAY}
    goals = comparison.areas[0]
    assert (goals.before, goals.after, goals.difference) == (2.0, 2.5, 0.5)


def test_no_comparison_with_fewer_than_two_rounds():
    assert trend.compare_latest([]) is None
    assert trend.compare_latest([snapshot("R1", FIRST_CLOSED, area("goals", 2.0))]) is None


def test_an_area_whose_questions_changed_has_no_direction():
    first = snapshot("R1", FIRST_CLOSED, area("goals", 2.0))
    second = snapshot("R2", SECOND_CLOSED, area("goals", 4.0, questions=frozenset({"x"})))

    (goals,) = trend.compare(first, second).areas

    assert not goals.comparable
    assert goals.direction is None
    assert goals.difference is None


# ------------------------------------------------------------------ gaps closed


@pytest.mark.parametrize(
    ("before", "after", "ambition", "closed"),
    [
        (2.0, 3.0, 3.0, True),  # reached exactly
        (2.0, 3.4, 3.0, True),  # went beyond
        (2.0, 2.9, 3.0, False),  # rose but short of it
        (3.0, 3.5, 3.0, False),  # there was no gap to close
        (2.0, 3.0, None, False),  # no ambition in the earlier round
        (2.0, None, 3.0, False),
    ],
)
def test_a_gap_closed_when_the_level_reached_the_earlier_rounds_ambition(
    before, after, ambition, closed
):
    rounds = two_rounds({"goals": before}, {"goals": after}, ambitions={"goals": ambition})

    comparison = trend.compare_latest(rounds)

    assert comparison.areas[0].gap_closed is closed
    assert [a.key for a in comparison.closed_gaps] == (["goals"] if closed else [])


def test_a_gap_does_not_count_as_closed_when_the_questions_changed():
    first = snapshot("R1", FIRST_CLOSED, area("goals", 2.0, ambition=3.0))
    second = snapshot("R2", SECOND_CLOSED, area("goals", 3.5, questions=frozenset({"x"})))

    assert trend.compare(first, second).closed_gaps == ()


# ------------------------------------------------------------------ done, but no change yet

BETWEEN = FIRST_CLOSED + dt.timedelta(days=100)


def flagged(actions, before=2.0, after=2.1, area_key="goals"):
    rounds = two_rounds({area_key: before}, {area_key: after})
    return trend.done_without_change(actions, trend.compare_latest(rounds))


def test_done_action_in_an_area_whose_level_stayed_is_flagged():
    assert flagged([ActionFact(1, "goals", "done", BETWEEN)], before=2.0, after=2.1) == {1}


def test_done_action_in_an_area_whose_level_fell_is_flagged():
    assert flagged([ActionFact(1, "goals", "done", BETWEEN)], before=2.5, after=2.0) == {1}


def test_done_action_is_not_flagged_when_the_level_rose():
    assert flagged([ActionFact(1, "goals", "done", BETWEEN)], before=2.0, after=2.25) == set()


@pytest.mark.parametrize("status", ["planned", "in_progress"])
def test_an_action_that_is_not_done_is_not_flagged(status):
    assert flagged([ActionFact(1, "goals", status, None)]) == set()


def test_nothing_is_flagged_with_only_one_closed_round():
    only = [snapshot("R1", FIRST_CLOSED, area("goals", 2.0))]
    actions = [ActionFact(1, "goals", "done", FIRST_CLOSED - dt.timedelta(days=1))]

    assert trend.done_without_change(actions, trend.compare_latest(only)) == set()


def test_an_action_done_after_the_later_round_closed_is_not_flagged():
    late = SECOND_CLOSED + dt.timedelta(seconds=1)

    assert flagged([ActionFact(1, "goals", "done", late)]) == set()
    assert flagged([ActionFact(2, "goals", "done", SECOND_CLOSED)]) == {2}  # at the moment: yes


def test_an_action_done_before_the_earlier_round_closed_belongs_to_the_comparison_before():
    assert flagged([ActionFact(1, "goals", "done", FIRST_CLOSED)]) == set()


def test_an_action_in_an_area_without_a_direction_is_not_flagged():
    actions = [ActionFact(1, "goals", "done", BETWEEN), ActionFact(2, "unknown", "done", BETWEEN)]

    assert flagged(actions, before=None, after=2.0) == set()


def test_only_the_actions_of_areas_that_did_not_rise_are_flagged():
    rounds = two_rounds({"goals": 2.0, "planning": 3.0}, {"goals": 3.0, "planning": 3.0})
    actions = [
        ActionFact(1, "goals", "done", BETWEEN),
        ActionFact(2, "planning", "done", BETWEEN),
        ActionFact(3, "planning", "in_progress", None),
    ]

    assert trend.done_without_change(actions, trend.compare_latest(rounds)) == {2}


def test_total_respondents_adds_up_the_perspectives():
    s = snapshot("R1", FIRST_CLOSED, area("goals", 2.0))

    assert s.total_respondents == 7
