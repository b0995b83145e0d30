"""Whether an area's results on two model versions can be compared (comparability.py), and
the trend's break where the model owner marked a question not comparable."""

import pytest

from ambitionsgraf.conftest import make_organisation
from ambitionsgraf.maturity import drafts
from ambitionsgraf.maturity.comparability import (
    VersionQuestions,
    area_comparable,
    comparable,
    identities,
)
from ambitionsgraf.maturity.models import Question
from ambitionsgraf.results import trend, trend_service
from ambitionsgraf.results.tests.trend_builders import closed_round


def v(number, **areas):
    """A version: area key -> {question key: comparable}."""
    return VersionQuestions(number, areas)


SAME = {"a1": True, "a2": True}


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        ([v(1, goals=SAME), v(2, goals=SAME)], True),
        ([v(1, goals=SAME), v(2, goals={"a1": True, "a2": False})], False),
        ([v(1, goals=SAME), v(2, goals={"a1": True})], False),  # a2 retired
        ([v(1, goals=SAME), v(2, goals={**SAME, "a3": True})], False),  # a3 added
        ([v(1, goals=SAME), v(2, planning=SAME)], False),  # the area is gone
        ([v(1, planning=SAME), v(2, goals=SAME)], False),  # the area is new
        # A change of meaning on the way breaks the comparison across it...
        ([v(1, goals=SAME), v(2, goals={"a1": False, "a2": True}), v(3, goals=SAME)], False),
        # ...and a question added and retired on the way does not.
        ([v(1, goals=SAME), v(2, goals={**SAME, "a3": True}), v(3, goals=SAME)], True),
    ],
)
def test_the_rule_between_the_first_and_the_last_version(history, expected):
    last = history[-1].version
    assert area_comparable(history, 1, last, "goals") is expected
    assert area_comparable(history, last, 1, "goals") is expected  # either order


def test_the_comparable_flag_of_a_new_question_does_not_matter():
    history = [v(1, goals={"a1": True}), v(2, goals={"a1": True, "a2": False}), v(3, goals=SAME)]

    assert area_comparable(history, 2, 3, "goals")


def test_an_area_is_comparable_with_itself_on_the_same_version():
    assert area_comparable([v(1, goals=SAME)], 1, 1, "goals")
    assert not area_comparable([v(1, goals=SAME)], 1, 1, "planning")


def test_identities_are_equal_exactly_when_the_area_is_comparable():
    history = [
        v(1, goals=SAME, planning={"p1": True}),
        v(2, goals={"a1": True, "a2": False}, planning={"p1": True}),
        v(3, goals=SAME, planning={"p1": True, "p2": True}),
        v(4, goals=SAME, planning={"p2": True}),
    ]
    found = identities(history)

    for area in ("goals", "planning"):
        for first in range(1, 5):
            for last in range(first, 5):
                same = found[first][area] == found[last][area]
                assert same == area_comparable(history, first, last, area), (area, first, last)
    assert found[1]["goals"] == {"a1", "a2"}  # a plain key until its meaning changes
    assert found[2]["goals"] == {"a1", "a2@2"}


# ---------------------------------------------------------------- from the database


@pytest.fixture
def second_version(model_version):
    """Version 2: the question goals_known changed meaning, the rest is the same."""
    draft = drafts.new_draft(model_version)
    changed = Question.objects.get(area__model_version=draft, key="goals_known")
    changed.text_en = "How well do all staff know the procurement goals?"
    changed.comparable = False
    changed.save()
    return drafts.publish(draft)


def test_the_versions_in_the_database_follow_the_rule(model_version, second_version):
    assert not comparable(model_version, second_version, "goals")
    assert comparable(model_version, second_version, "planning")
    assert comparable(second_version, model_version, "planning")
    assert comparable(model_version, model_version, "goals")


def test_a_draft_is_comparable_with_nothing_but_itself(model_version):
    draft = drafts.new_draft(model_version)

    assert not comparable(model_version, draft, "planning")
    assert comparable(draft, draft, "planning")


def test_the_trend_breaks_where_a_question_changed_meaning(model_version, second_version):
    organisation = make_organisation("Älvstads kommun")
    closed_round(organisation, model_version, "2025", closed_days_ago=400, level=2)
    closed_round(organisation, second_version, "2026", closed_days_ago=10, level=3)

    page = trend_service.load_trend(organisation)

    notes = {row.area.key: row.area.cells[1].note for row in page.rows}
    assert notes["goals"] == trend.CHANGED
    assert notes["planning"] is None
    changes = {a.key: a for a in page.comparison.areas}
    assert not changes["goals"].comparable and changes["goals"].direction is None
    assert changes["planning"].direction == trend.RISE
