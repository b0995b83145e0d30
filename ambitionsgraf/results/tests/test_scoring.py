from decimal import Decimal

import pytest

from ambitionsgraf.results.scoring import (
    MIN_GROUP,
    PERSPECTIVES,
    AreaSpec,
    QuestionSpec,
    Response,
    compute_round,
    median,
    rank_by_gap,
    respondent_area_score,
    valid_ambition,
)

ALL = frozenset(PERSPECTIVES)


def question(key, area="a", perspectives=ALL):
    return QuestionSpec(key=key, area_key=area, perspectives=frozenset(perspectives))


def area(key, *questions):
    return AreaSpec(key=key, questions=tuple(questions))


def response(perspective, **answers):
    return Response(perspective=perspective, answers=answers)


def group(perspective, levels, key="q1"):
    """One respondent per level, each answering only question ``key``."""
    return [response(perspective, **{key: level}) for level in levels]


ONE_QUESTION_AREA = area("a", question("q1"))


# Rule 1: a respondent's area score


def test_respondent_score_is_mean_of_answered_levels():
    questions = [question("q1"), question("q2"), question("q3")]
    assert respondent_area_score({"q1": 2, "q2": 3, "q3": 5}, questions) == pytest.approx(10 / 3)


def test_dont_know_is_not_a_score():
    questions = [question("q1"), question("q2")]
    assert respondent_area_score({"q1": 4, "q2": None}, questions) == 4.0


def test_missing_answer_is_not_a_score():
    questions = [question("q1"), question("q2")]
    assert respondent_area_score({"q1": 2}, questions) == 2.0


def test_fewer_than_half_answered_gives_no_score():
    questions = [question("q1"), question("q2"), question("q3")]
    assert respondent_area_score({"q1": 5, "q2": None}, questions) is None


def test_exactly_half_answered_is_enough():
    questions = [question(f"q{i}") for i in range(1, 5)]
    assert respondent_area_score({"q1": 5, "q2": 3, "q3": None}, questions) == 4.0


def test_only_dont_know_gives_no_score():
    assert respondent_area_score({"q1": None}, [question("q1")]) is None


def test_no_questions_asked_gives_no_score():
    assert respondent_area_score({"q1": 3}, []) is None


def test_answers_to_other_questions_do_not_count():
    assert respondent_area_score({"q1": 1, "other": 5}, [question("q1")]) == 1.0


@pytest.mark.parametrize("level", [0, 6, 2.5, True])
def test_a_level_outside_one_to_five_is_rejected(level):
    with pytest.raises(ValueError):
        respondent_area_score({"q1": level}, [question("q1")])
    with pytest.raises(ValueError):
        response("leadership", q1=level)


def test_unknown_perspective_is_rejected():
    with pytest.raises(ValueError):
        response("sales", q1=3)
    with pytest.raises(ValueError):
        question("q1", perspectives={"sales"})


# Rule 2: median


def test_median_of_odd_count_is_middle_value():
    assert median([5.0, 1.0, 3.0]) == 3.0


def test_median_of_even_count_is_mean_of_middle_two():
    assert median([1.0, 2.0, 4.0, 5.0]) == 3.0
    assert median([2.0, 3.0]) == 2.5


def test_median_ignores_none_and_is_none_without_values():
    assert median([None, 2.0, None, 4.0]) == 3.0
    assert median([None, None]) is None
    assert median([]) is None


def test_perspective_score_is_median_of_its_respondents():
    result = compute_round([ONE_QUESTION_AREA], group("leadership", [1, 2, 4, 5]), {})
    assert result.areas[0].perspective_scores == {"leadership": 3.0}


def test_perspective_where_every_respondent_has_no_score_has_none():
    responses = [response("leadership", q1=None) for _ in range(3)] + group("operations", [2, 3, 4])
    result = compute_round([ONE_QUESTION_AREA], responses, {})
    a = result.areas[0]
    assert a.perspective_scores == {"leadership": None, "operations": 3.0}
    assert a.organisation_score == 3.0
    assert a.spread is None


# Rule 3: anonymity


def test_single_respondent_shows_nothing():
    result = compute_round([ONE_QUESTION_AREA], group("leadership", [4]), {"a": 5})
    a = result.areas[0]
    assert result.shown_perspectives == ()
    assert a.perspective_scores == {}
    assert a.pooled_score is None
    assert a.organisation_score is None
    assert a.gap is None
    assert result.excluded_respondents == 1
    assert result.pooled_respondents == 0
    assert result.respondents == {"leadership": 1, "procurement": 0, "operations": 0}
    assert not result.has_results


def test_small_perspectives_are_pooled_when_pool_reaches_min_group():
    responses = (
        group("leadership", [4, 4, 4]) + group("procurement", [1, 2]) + group("operations", [5])
    )
    result = compute_round([ONE_QUESTION_AREA], responses, {})
    a = result.areas[0]
    assert result.shown_perspectives == ("leadership",)
    assert a.perspective_scores == {"leadership": 4.0}
    assert a.pooled_score == 2.0  # median of 1, 2, 5
    assert a.organisation_score == 3.0  # the pool is one voice: (4 + 2) / 2
    assert result.pooled_respondents == 3
    assert result.excluded_respondents == 0


def test_lone_small_perspective_is_left_out_and_not_derivable():
    shown = group("leadership", [2, 3, 4]) + group("operations", [4, 5, 5])
    with_small = shown + group("procurement", [1, 1])
    result = compute_round([ONE_QUESTION_AREA], with_small, {})
    a = result.areas[0]
    assert result.shown_perspectives == ("leadership", "operations")
    assert "procurement" not in a.perspective_scores
    assert a.pooled_score is None
    assert a.organisation_score == (3.0 + 5.0) / 2
    assert result.excluded_respondents == 2
    assert result.pooled_respondents == 0
    # Nothing shown changes when the small group's answers are left out.
    without_small = compute_round([ONE_QUESTION_AREA], shown, {})
    assert without_small.areas[0].organisation_score == a.organisation_score
    assert without_small.areas[0].perspective_scores == a.perspective_scores


def test_small_group_is_counted_by_people_not_by_scores():
    # Three leadership respondents, but only two have a score: still shown.
    responses = group("leadership", [2, 4, None])
    result = compute_round([ONE_QUESTION_AREA], responses, {})
    assert result.shown_perspectives == ("leadership",)
    assert result.areas[0].perspective_scores == {"leadership": 3.0}


def test_min_group_can_be_changed():
    result = compute_round([ONE_QUESTION_AREA], group("leadership", [2, 4]), {}, min_group=2)
    assert result.shown_perspectives == ("leadership",)
    assert result.areas[0].organisation_score == 3.0


def test_perspective_scores_follow_perspectives_order():
    responses = group("operations", [1, 1, 1]) + group("leadership", [5, 5, 5])
    result = compute_round([ONE_QUESTION_AREA], responses, {})
    assert list(result.areas[0].perspective_scores) == ["leadership", "operations"]


# Rule 4: organisation score


def test_organisation_score_is_mean_of_perspective_medians():
    responses = (
        group("leadership", [1, 1, 2])
        + group("procurement", [3, 3, 3, 3])
        + group("operations", [5, 4, 5])
    )
    result = compute_round([ONE_QUESTION_AREA], responses, {})
    assert result.areas[0].organisation_score == pytest.approx((1 + 3 + 5) / 3)
    assert result.has_results


def test_no_responses_gives_no_results():
    result = compute_round([ONE_QUESTION_AREA], [], {"a": 3})
    assert result.areas[0].organisation_score is None
    assert result.excluded_respondents == 0
    assert not result.has_results


# Rule 5: ambition and gap


@pytest.mark.parametrize("value", [1, 1.5, 2.5, Decimal("2.5"), Decimal("4.0"), 5, 5.0])
def test_ambition_in_half_steps_from_one_to_five_is_valid(value):
    assert valid_ambition(value)


@pytest.mark.parametrize(
    "value",
    [2.3, Decimal("2.3"), 0.5, 0, 5.5, 6, "abc", "2.5", None, True, float("nan"), Decimal("NaN")],
)
def test_other_ambitions_are_invalid(value):
    assert not valid_ambition(value)


def test_gap_is_ambition_minus_organisation_score():
    result = compute_round(
        [ONE_QUESTION_AREA], group("leadership", [2, 3, 3]), {"a": Decimal("4.5")}
    )
    a = result.areas[0]
    assert a.ambition == 4.5
    assert isinstance(a.ambition, float)
    assert a.gap == 1.5


def test_negative_gap_means_above_ambition():
    result = compute_round([ONE_QUESTION_AREA], group("leadership", [5, 5, 4]), {"a": 3})
    assert result.areas[0].gap == -2.0


def test_missing_ambition_gives_no_gap():
    result = compute_round([ONE_QUESTION_AREA], group("leadership", [3, 3, 3]), {"a": None})
    assert result.areas[0].ambition is None
    assert result.areas[0].gap is None


def test_invalid_ambition_is_rejected():
    with pytest.raises(ValueError):
        compute_round([ONE_QUESTION_AREA], [], {"a": 2.3})


# Rule 6: agreement


def test_disagreement_flagged_at_exactly_one():
    # Medians 23/5 = 4.6 and 18/5 = 3.6; as floats 4.6 - 3.6 == 0.9999999999999996.
    questions = [question(f"q{i}") for i in range(5)]
    high = [response("leadership", q0=5, q1=5, q2=5, q3=4, q4=4) for _ in range(3)]
    low = [response("operations", q0=4, q1=4, q2=4, q3=3, q4=3) for _ in range(3)]
    result = compute_round([area("a", *questions)], high + low, {})
    a = result.areas[0]
    assert a.spread == pytest.approx(1.0)
    assert a.disagreement


def test_no_disagreement_at_point_nine():
    questions = [question(f"q{i}") for i in range(10)]
    high = [response("leadership", **{f"q{i}": 4 for i in range(10)}) for _ in range(3)]
    low = [
        response("operations", **{f"q{i}": 4 if i == 0 else 3 for i in range(10)}) for _ in range(3)
    ]
    a = compute_round([area("a", *questions)], high + low, {}).areas[0]
    assert a.spread == pytest.approx(0.9)
    assert not a.disagreement


def test_spread_uses_only_perspectives_shown_on_their_own():
    responses = (
        group("leadership", [3, 3, 3, 3])
        + group("procurement", [1, 1])  # pooled with operations: pool of 3
        + group("operations", [1])
    )
    a = compute_round([ONE_QUESTION_AREA], responses, {}).areas[0]
    assert a.pooled_score == 1.0
    assert a.spread is None
    assert not a.disagreement


# Rule 7: order by gap


def test_areas_by_gap_largest_first_ties_in_model_order_none_last():
    areas = [area(key, question(f"{key}-q", key)) for key in "abcde"]
    responses = [response("leadership", **{f"{key}-q": 3 for key in "abcde"}) for _ in range(3)]
    ambitions = {"a": None, "b": 4, "c": 5, "d": 4, "e": 2}
    result = compute_round(areas, responses, ambitions)
    assert [a.key for a in result.areas] == ["a", "b", "c", "d", "e"]
    ranked = rank_by_gap(result.areas, lambda a: a.gap)
    assert [a.key for a in ranked] == ["c", "b", "d", "e", "a"]


# Questions put only to some perspectives


def test_question_not_put_to_perspective_does_not_count_for_its_respondents():
    only_leaders = question("q2", perspectives={"leadership"})
    a_spec = area("a", question("q1"), only_leaders)
    # Operations skip q2: their score is over q1 alone, so one answer is enough.
    responses = group("leadership", [None, None, None]) + [
        response("operations", q1=2) for _ in range(3)
    ]
    a = compute_round([a_spec], responses, {}).areas[0]
    assert a.perspective_scores == {"leadership": None, "operations": 2.0}
    q2 = a.questions[1]
    assert q2.asked == 3
    assert q2.unanswered == 3


def test_answer_to_question_not_put_to_perspective_is_ignored():
    only_leaders = question("q2", perspectives={"leadership"})
    a_spec = area("a", question("q1"), only_leaders)
    leaders = [response("leadership", q1=4, q2=4) for _ in range(3)]
    operations = [response("operations", q1=2, q2=5) for _ in range(3)]
    a = compute_round([a_spec], leaders + operations, {}).areas[0]
    assert a.perspective_scores == {"leadership": 4.0, "operations": 2.0}
    q2 = a.questions[1]
    assert q2.asked == 3
    assert q2.counts == (0, 0, 0, 3, 0)
    assert q2.mean == 4.0


# Rule 8: distributions


def test_distribution_counts_levels_dont_know_and_unanswered():
    responses = [
        response("leadership", q1=1),
        response("leadership", q1=5),
        response("leadership", q1=5),
        response("operations", q1=None),
        response("operations"),
        response("operations", q1=3),
    ]
    dist = compute_round([ONE_QUESTION_AREA], responses, {}).areas[0].questions[0]
    assert dist.key == "q1"
    assert dist.shown
    assert dist.asked == 6
    assert dist.counts == (1, 0, 1, 0, 2)
    assert dist.dont_know == 1
    assert dist.unanswered == 1
    assert dist.mean == pytest.approx(14 / 4)


def test_distribution_mean_is_none_without_levels():
    responses = [response("leadership", q1=None) for _ in range(3)]
    dist = compute_round([ONE_QUESTION_AREA], responses, {}).areas[0].questions[0]
    assert dist.shown
    assert dist.mean is None
    assert dist.dont_know == 3


def test_distribution_hidden_when_fewer_than_min_group_asked():
    only_procurement = question("q2", perspectives={"procurement"})
    a_spec = area("a", question("q1"), only_procurement)
    # Procurement (2) and operations (1) are pooled to a counted group of 3; only the two
    # procurement respondents were asked q2, so its distribution stays hidden.
    responses = (
        group("leadership", [3, 3, 3])
        + [response("procurement", q1=2, q2=1) for _ in range(2)]
        + [response("operations", q1=4)]
    )
    q1, q2 = compute_round([a_spec], responses, {}).areas[0].questions
    assert q1.shown and q1.asked == 6
    assert not q2.shown
    assert q2.asked == 2
    # Nothing about the hidden answers is passed on.
    assert q2.counts == (0, 0, 0, 0, 0)
    assert (q2.dont_know, q2.unanswered, q2.mean) == (0, 0, None)


def test_min_group_default_is_three():
    assert MIN_GROUP == 3


def test_respondents_left_out_never_appear_in_the_answer_distributions():
    """Two leadership respondents are too few and have no pool: subtracting the shown groups
    from a distribution must not reveal them, so they are not in it at all."""
    area = AreaSpec(
        key="a",
        questions=(QuestionSpec(key="q", area_key="a", perspectives=frozenset(PERSPECTIVES)),),
    )
    responses = [Response(perspective="procurement", answers={"q": 3}) for _ in range(3)]
    responses += [Response(perspective="leadership", answers={"q": 5}) for _ in range(2)]
    result = compute_round([area], responses, {})
    distribution = result.areas[0].questions[0]
    assert result.excluded_respondents == 2
    assert distribution.asked == 3
    assert distribution.counts == (0, 0, 3, 0, 0)
