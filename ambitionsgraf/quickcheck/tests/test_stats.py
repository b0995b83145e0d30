"""The stored quick checks summarised per area (pure: no database)."""

import pytest

from ambitionsgraf.quickcheck.stats import AreaSummary, summarise


def test_it_counts_levels_dont_know_and_means_per_area():
    checks = [
        ({"goals": 2, "planning": None}, {"goals": 4.0, "planning": 3.5}),
        ({"goals": 4, "planning": 3}, {"goals": 4.5, "planning": 3.0}),
        ({"goals": 4, "planning": None}, {"goals": 3.0, "planning": 5}),
    ]
    goals, planning = summarise(checks)
    assert goals == AreaSummary(
        key="goals",
        count=3,
        dont_know=0,
        levels=(0, 1, 0, 2, 0),
        mean_level=pytest.approx(10 / 3),
        mean_ambition=pytest.approx(11.5 / 3),
    )
    assert planning.count == 3 and planning.dont_know == 2
    assert planning.levels == (0, 0, 1, 0, 0)
    assert planning.mean_level == 3
    assert planning.mean_ambition == pytest.approx(11.5 / 3)


def test_areas_follow_the_given_keys_and_appear_even_without_answers():
    summaries = summarise([({"goals": 3}, {"goals": 4})], area_keys=["strategies", "goals"])
    assert [s.key for s in summaries] == ["strategies", "goals"]
    assert summaries[0] == AreaSummary("strategies", 0, 0, (0, 0, 0, 0, 0), None, None)
    assert summaries[1].count == 1


def test_areas_outside_the_given_keys_are_left_out():
    summaries = summarise([({"goals": 3, "old": 2}, {"old": 4})], area_keys=["goals"])
    assert [s.key for s in summaries] == ["goals"]


def test_values_outside_the_scale_are_not_trusted():
    checks = [({"goals": 9, "x": "3", "y": True}, {"goals": 0, "x": "4", "y": 6, "z": 4.5})]
    summaries = {s.key: s for s in summarise(checks, area_keys=["goals", "x", "y", "z"])}
    for key in ("goals", "x", "y"):
        assert summaries[key] == AreaSummary(key, 0, 0, (0, 0, 0, 0, 0), None, None)
    assert summaries["z"].mean_ambition == 4.5 and summaries["z"].count == 0


def test_nothing_stored_gives_nothing():
    assert summarise([]) == []


@pytest.mark.django_db
def test_it_reads_straight_from_the_stored_quick_checks(model_version):
    from ambitionsgraf.quickcheck.models import QuickCheck

    QuickCheck.objects.create(
        model_version=model_version, answers={"goals": 3}, ambitions={"goals": 4.5}
    )
    (goals,) = summarise(QuickCheck.objects.values_list("answers", "ambitions"))
    assert (goals.count, goals.mean_level, goals.mean_ambition) == (1, 3, 4.5)
