"""The model lab's statistics against values worked out by hand (no database)."""

import math

import pytest

from ambitionsgraf.agency import lab
from ambitionsgraf.agency.lab import AlphaMissing, Flag
from ambitionsgraf.results.scoring import AreaSpec, QuestionSpec, Response

ALL = frozenset({"leadership", "procurement", "operations"})
L_P = frozenset({"leadership", "procurement"})


def spec(key, perspectives=ALL, area="goals"):
    return QuestionSpec(key=key, area_key=area, perspectives=frozenset(perspectives))


def area_of(*questions, key="goals"):
    return AreaSpec(key=key, questions=tuple(questions))


def response(perspective="leadership", **answers):
    return Response(perspective=perspective, answers=answers)


# A small table: 4 respondents x 3 questions, everyone asked everything.
TABLE = [
    [1, 2, 2],
    [2, 2, 3],
    [3, 4, 3],
    [4, 4, 5],
]


def test_alpha_of_a_small_table_matches_the_hand_computation():
    """Sample variances (divisor n - 1):
    item 1: 1 2 3 4, mean 2.5,  squares 2.25 .25 .25 2.25 = 5      -> 5/3  = 20/12
    item 2: 2 2 4 4, mean 3,    squares 1 1 1 1 = 4                -> 4/3  = 16/12
    item 3: 2 3 3 5, mean 3.25, squares 1.5625 .0625 .0625 3.0625 = 4.75 -> 19/12
    sum of item variances = 55/12
    totals: 5 7 10 13, mean 8.75, squares 14.0625 3.0625 1.5625 18.0625 = 36.75 -> 147/12
    alpha = 3/2 * (1 - 55/147) = 3/2 * 92/147 = 46/49 = 0.93878
    """
    assert lab.cronbach_alpha(TABLE, min_cases=4) == pytest.approx(46 / 49)


def test_alpha_is_the_same_with_population_variances():
    """The ratio of variances does not depend on the divisor, as long as it is the same."""

    def population(values):
        m = sum(values) / len(values)
        return sum((v - m) ** 2 for v in values) / len(values)

    items = sum(population([row[i] for row in TABLE]) for i in range(3))
    total = population([sum(row) for row in TABLE])
    assert 3 / 2 * (1 - items / total) == pytest.approx(lab.cronbach_alpha(TABLE, min_cases=4))


def test_alpha_needs_two_questions_enough_cases_and_a_varying_total():
    assert lab.cronbach_alpha([[1], [2], [3]], min_cases=2) is None
    assert lab.cronbach_alpha(TABLE) is None  # 4 complete cases, 30 needed by default
    assert lab.cronbach_alpha(TABLE * 8) is not None  # 32 cases
    # Items vary but every total is 4: alpha is undefined, not an error.
    assert lab.cronbach_alpha([[1, 3], [3, 1], [2, 2]], min_cases=2) is None
    assert lab.cronbach_alpha([], min_cases=2) is None


def test_sample_variance_is_exact_for_levels():
    assert lab.sample_variance([2, 3, 3, 5]) == pytest.approx(19 / 12)
    with pytest.raises(ValueError):
        lab.sample_variance([3])


def test_item_total_of_a_small_table_matches_the_hand_computation():
    """Question 1 against the rest (questions 2 and 3):
    x = 1 2 3 4 (mean 2.5); rest sum = 4 5 7 9 (mean 6.25)
    dx = -1.5 -.5 .5 1.5; dy = -2.25 -1.25 .75 2.75
    Sxy = 3.375 + .625 + .375 + 4.125 = 8.5; Sxx = 5; Syy = 5.0625 + 1.5625 + .5625 + 7.5625 = 14.75
    r = 8.5 / sqrt(5 * 14.75) = 8.5 / sqrt(73.75) = 0.98978
    The lab takes the mean of the other two (the sum halved): the same correlation.
    """
    questions = [spec("q1"), spec("q2"), spec("q3")]
    area = area_of(*questions)
    cases = [response(q1=a, q2=b, q3=c) for a, b, c in TABLE]
    r, n = lab.item_total(questions[0], area, cases)
    assert n == 4
    assert r == pytest.approx(8.5 / math.sqrt(73.75))
    assert lab.pearson([1, 2, 3, 4], [4, 5, 7, 9]) == pytest.approx(r)


# An area where q3 is put to the procurement function only.
MIXED = area_of(spec("q1", L_P), spec("q2", L_P), spec("q3", {"procurement"}))
MIXED_CASES = [
    response("leadership", q1=1, q2=2),
    response("leadership", q1=3, q2=3),
    response("procurement", q1=2, q2=1, q3=3),
    response("procurement", q1=4, q2=5, q3=5),
]


def test_item_total_compares_with_the_mean_of_the_other_questions_put_to_each_person():
    """q1 against the mean of the other questions each person was put:
    leadership: rest = q2 -> (1, 2), (3, 3); procurement: rest = mean(q2, q3) -> (2, 2), (4, 5)
    x = 1 3 2 4 (mean 2.5), y = 2 3 2 5 (mean 3)
    dx = -1.5 .5 -.5 1.5; dy = -1 0 -1 2
    Sxy = 1.5 + 0 + .5 + 3 = 5; Sxx = 5; Syy = 1 + 0 + 1 + 4 = 6; r = 5 / sqrt(30) = 0.91287
    """
    r, n = lab.item_total(MIXED.questions[0], MIXED, MIXED_CASES)
    assert (n, r) == (4, pytest.approx(5 / math.sqrt(30)))
    # q3 only among the procurement function: (3, 1.5) and (5, 4.5), a straight line.
    assert lab.item_total(MIXED.questions[2], MIXED, MIXED_CASES) == (pytest.approx(1.0), 2)


def test_alpha_of_an_area_uses_its_shared_questions_and_complete_cases():
    """Shared questions: q1, q2 (put to leadership and procurement, everyone the area reaches).
    Rows: [1 2] [3 3] [2 1] [4 5]
    q1: 1 3 2 4 -> 5/3 = 20/12; q2: 2 3 1 5, mean 2.75, squares .5625 .0625 3.0625 5.0625
    = 8.75 -> 35/12; totals 3 6 3 9, mean 5.25, squares 5.0625 .5625 5.0625 14.0625 = 24.75
    -> 99/12. alpha = 2/1 * (1 - 55/99) = 88/99 = 8/9.
    Left out: an operations respondent (put none of the area's questions), a procurement
    respondent with "don't know" on q3 and one who left q2 unanswered.
    """
    others = [
        response("operations", q1=5),
        response("procurement", q1=1, q2=1, q3=None),
        response("procurement", q1=5, q3=5),
    ]
    stats = lab.area_stats(MIXED, MIXED_CASES + others, min_answers=4)
    assert stats.shared_questions == ("q1", "q2")
    assert stats.complete_cases == 4
    assert stats.alpha == pytest.approx(8 / 9)
    assert stats.alpha_missing is None


def test_alpha_says_why_it_is_missing():
    thin = lab.area_stats(MIXED, MIXED_CASES)
    assert (thin.alpha, thin.alpha_missing) == (None, AlphaMissing.FEW_CASES)
    single = area_of(spec("q1"), spec("q2", L_P))
    lonely = lab.area_stats(single, [response(q1=1, q2=2)] * 40)
    assert (lonely.alpha, lonely.alpha_missing) == (None, AlphaMissing.FEW_QUESTIONS)
    same = lab.area_stats(area_of(spec("q1"), spec("q2")), [response(q1=3, q2=3)] * 40)
    assert (same.alpha, same.alpha_missing) == (None, AlphaMissing.NO_VARIANCE)


def test_a_question_without_variance_has_no_item_total_and_nothing_breaks():
    area = area_of(spec("same"), spec("other"))
    responses = [response(same=3, other=level) for level in (1, 2, 3, 4, 5)] * 8
    result = lab.compute_lab([area], responses)
    same, other = result.areas[0].questions
    assert same.item_total is None and other.item_total is None
    assert same.item_total_cases == 40
    assert Flag.NO_VARIATION in same.flags
    assert Flag.WEAK_LINK not in same.flags
    assert Flag.NO_VARIATION not in other.flags


def test_distribution_and_dont_know_rate():
    """Levels 1 1 2 5 5 5 (6 answered), 2 "don't know", 1 not answered:
    counts (2, 1, 0, 0, 3); dk rate = 2 / (6 + 2) = 0.25."""
    area = area_of(spec("q"), spec("r"))
    answers = [1, 1, 2, 5, 5, 5, None, None]
    responses = [response(q=a, r=3) for a in answers] + [response(r=3)]
    stats = lab.compute_lab([area], responses).areas[0].questions[0]
    assert stats.counts == (2, 1, 0, 0, 3)
    assert (stats.answered, stats.dont_know, stats.responses) == (6, 2, 8)
    assert stats.dont_know_rate == pytest.approx(0.25)
    assert lab.dont_know_rate(0, 0) is None


def test_perspective_means_count_levels_only_and_hide_groups_under_three():
    """leadership 2, 3, 4 and a don't know -> 9 / 3 = 3.0; procurement 5, 4, 4, 5 -> 4.5;
    operations 1, 1 -> only two levels, not shown."""
    area = area_of(spec("q"))
    responses = (
        [response("leadership", q=v) for v in (2, 3, 4, None)]
        + [response("procurement", q=v) for v in (5, 4, 4, 5)]
        + [response("operations", q=v) for v in (1, 1)]
    )
    stats = lab.compute_lab([area], responses).areas[0].questions[0]
    assert stats.perspective_means == {
        "leadership": pytest.approx(3.0),
        "procurement": pytest.approx(4.5),
        "operations": None,
    }
    assert stats.perspective_levels == {"leadership": 3, "procurement": 4, "operations": 2}
    assert stats.gap is None  # under ten levels each: too few for a gap


def test_a_question_not_put_to_a_perspective_has_no_mean_for_it():
    area = area_of(spec("q", {"procurement"}))
    responses = [response("procurement", q=3)] * 3 + [response("leadership", q=5)] * 3
    stats = lab.compute_lab([area], responses).areas[0].questions[0]
    assert stats.perspective_means == {"procurement": pytest.approx(3.0)}
    assert stats.counts == (0, 0, 3, 0, 0)


def test_the_gap_is_computed_from_perspectives_with_ten_levels():
    """leadership: ten 2s and ten 3s -> 2.5; procurement: twenty 4s -> 4.0 ->
    gap 1.5; operations (nine 5s) is left out of the gap."""
    area = area_of(spec("q"))
    responses = (
        [response("leadership", q=v) for v in [2] * 10 + [3] * 10]
        + [response("procurement", q=4)] * 20
        + [response("operations", q=5)] * 9
    )
    stats = lab.compute_lab([area], responses).areas[0].questions[0]
    assert stats.gap == pytest.approx(1.5)
    assert stats.perspective_means["operations"] == pytest.approx(5.0)
    assert Flag.PERSPECTIVE_GAP in stats.flags


def test_respondent_counts_per_perspective():
    result = lab.compute_lab([MIXED], MIXED_CASES)
    assert result.respondents == {"leadership": 2, "procurement": 2, "operations": 0}
    assert result.total_respondents == 4


# ---------------------------------------------------------------- flags at their thresholds


def flags(counts=(6, 6, 6, 6, 6), dont_know=0, item_total=0.5, cases=30, gap=None):
    return lab.question_flags(
        counts=counts, dont_know=dont_know, item_total=item_total, item_total_cases=cases, gap=gap
    )


def test_too_few_answers_under_thirty_and_nothing_else_judged():
    assert flags(counts=(6, 6, 6, 6, 5), dont_know=1) == ()  # 29 levels + 1 dk = 30
    assert flags(counts=(6, 6, 6, 6, 5), dont_know=0) == (Flag.TOO_FEW,)  # 29
    assert flags(counts=(1, 1, 1, 1, 1), dont_know=20, item_total=0.0, gap=3.0) == (Flag.TOO_FEW,)


def test_dont_know_flag_is_raised_over_twenty_percent():
    assert Flag.DONT_KNOW not in flags(counts=(4, 5, 5, 5, 5), dont_know=6)  # 6/30 = 20%
    assert Flag.DONT_KNOW in flags(counts=(4, 4, 5, 5, 5), dont_know=7)  # 7/30 = 23%


def test_weak_link_flag_under_point_three_on_thirty_cases():
    assert Flag.WEAK_LINK not in flags(item_total=0.3)
    assert Flag.WEAK_LINK in flags(item_total=0.2999)
    assert Flag.WEAK_LINK in flags(item_total=-0.4)
    assert Flag.WEAK_LINK not in flags(item_total=0.1, cases=29)
    assert Flag.WEAK_LINK not in flags(item_total=None)


def test_perspective_gap_flag_at_one_level():
    assert Flag.PERSPECTIVE_GAP in flags(gap=1.0)
    assert Flag.PERSPECTIVE_GAP in flags(gap=4.6 - 3.6)  # 0.9999999999999996
    assert Flag.PERSPECTIVE_GAP not in flags(gap=0.99)
    assert Flag.PERSPECTIVE_GAP not in flags(gap=None)


def test_no_variation_flag_when_every_level_is_the_same():
    assert Flag.NO_VARIATION in flags(counts=(0, 0, 30, 0, 0), item_total=None)
    assert Flag.NO_VARIATION not in flags(counts=(0, 0, 29, 1, 0), item_total=None)


def test_a_healthy_question_has_no_flags():
    assert flags() == ()


def random_responses(seed, n=400):
    """Respondents of all three perspectives, with levels, don't-knows and questions left
    unanswered, on an area whose questions are put to different perspectives."""
    import random

    rng = random.Random(seed)
    made = []
    for _ in range(n):
        perspective = rng.choice(sorted(ALL))
        answers = {}
        for q in MIXED_WIDE.questions_for(perspective):
            roll = rng.random()
            if roll < 0.9:
                answers[q.key] = rng.choice([1, 2, 3, 3, 4, 4, 5])
            elif roll < 0.95:
                answers[q.key] = None
        made.append(Response(perspective=perspective, answers=answers))
    return made


MIXED_WIDE = area_of(
    spec("q1"), spec("q2"), spec("q3", L_P), spec("q4", {"operations"}), spec("q5", ALL)
)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_figures_do_not_depend_on_the_order_of_the_respondents(seed):
    """The counting lays each perspective's answers out in columns (``lab_columns``): mixing
    the respondents in another order must give the very same figures, to the last bit."""
    import random

    responses = random_responses(seed)
    shuffled = responses[:]
    random.Random(seed).shuffle(shuffled)

    assert lab.compute_lab([MIXED_WIDE], responses) == lab.compute_lab([MIXED_WIDE], shuffled)


@pytest.mark.parametrize("seed", [1, 2])
def test_item_total_rests_on_the_mean_of_the_other_questions_as_rule_5_says(seed):
    """Rule 5 written out respondent by respondent, against the columns' shortcut."""
    responses = random_responses(seed)
    for question in MIXED_WIDE.questions:
        items, rests = [], []
        for r in responses:
            asked = MIXED_WIDE.questions_for(r.perspective)
            if not all(r.answers.get(q.key) is not None for q in asked):
                continue  # not a complete case (rule 4)
            others = [r.answers[q.key] for q in asked if q.key != question.key]
            if question.is_put_to(r.perspective) and others:
                items.append(r.answers[question.key])
                rests.append(sum(others) / len(others))
        expected = (lab.pearson(items, rests), len(items))

        assert lab.item_total(question, MIXED_WIDE, responses) == expected
        stats = lab.area_stats(MIXED_WIDE, responses)
        found = next(s for s in stats.questions if s.key == question.key)
        assert (found.item_total, found.item_total_cases) == expected
