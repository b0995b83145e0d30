import math

from ambitionsgraf.results.insights import level_spread, telling
from ambitionsgraf.results.scoring import QuestionDistribution


def dist(key, counts, shown=True):
    total = sum(counts)
    mean = sum((i + 1) * n for i, n in enumerate(counts)) / total if total else None
    return QuestionDistribution(
        key=key, asked=max(total, 3), counts=counts, dont_know=0, unanswered=0,
        mean=mean, shown=shown,
    )  # fmt: skip


def test_spread_of_identical_answers_is_zero():
    assert level_spread((0, 4, 0, 0, 0)) == 0


def test_spread_of_two_extremes_is_two_levels():
    assert math.isclose(level_spread((1, 0, 0, 0, 1)), 2.0)


def test_spread_needs_two_answers():
    assert level_spread((0, 0, 1, 0, 0)) is None


def test_weakest_is_the_lowest_mean_and_divided_the_widest_spread():
    low = dist("low", (3, 1, 0, 0, 0))
    split = dist("split", (2, 0, 0, 0, 2))
    calm = dist("calm", (0, 0, 4, 0, 0))
    result = telling((calm, split, low))
    assert result.weakest.key == "low"
    assert result.most_divided.key == "split"


def test_hidden_questions_are_never_picked():
    hidden = QuestionDistribution(
        key="hidden", asked=2, counts=(0, 0, 0, 0, 0), dont_know=0, unanswered=0,
        mean=None, shown=False,
    )  # fmt: skip
    result = telling((hidden, dist("calm", (0, 0, 4, 0, 0))))
    assert result.weakest.key == "calm"


def test_agreement_is_not_reported_as_division():
    assert telling((dist("calm", (0, 1, 3, 0, 0)),)).most_divided is None
