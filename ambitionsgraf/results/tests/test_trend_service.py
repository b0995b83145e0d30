"""The trend read from the database: closed rounds only, oldest first, areas matched by key
across model versions, a changed area noted, and the actions flagged "done, but no change yet"."""

import datetime as dt

from django.utils import timezone

from ambitionsgraf.conftest import finished_respondents, make_round
from ambitionsgraf.plans.models import Action
from ambitionsgraf.results import trend
from ambitionsgraf.results.trend_service import latest_comparison, load_trend

from .trend_builders import changed_model_version, closed_round


def levels_by_key(page):
    return {row.area.key: row.area.levels for row in page.rows}


def test_only_closed_rounds_count_oldest_first(org_a, model_version):
    closed_round(org_a, model_version, "Senare", closed_days_ago=10, level=4)
    closed_round(org_a, model_version, "Tidigare", closed_days_ago=400, level=2)
    open_round = make_round(org_a, model_version, name="Pågår")
    finished_respondents(open_round, "leadership", 3, level=5)

    page = load_trend(org_a)

    assert [r.name for r in page.rounds] == ["Tidigare", "Senare"]
    assert levels_by_key(page)["goals"] == (2.0, 4.0)


def test_a_round_past_its_closing_date_is_closed_and_counted(org_a, model_version):
    closed_round(org_a, model_version, "Tidigare", closed_days_ago=400)
    due = make_round(org_a, model_version, name="Förfallen")
    due.closes_on = timezone.localdate() - dt.timedelta(days=2)
    due.save()

    page = load_trend(org_a)

    assert [r.name for r in page.rounds] == ["Tidigare", "Förfallen"]


def test_rounds_on_two_model_versions_line_up_by_area_key(
    org_a, model_version, newer_model_version
):
    closed_round(org_a, model_version, "2025", closed_days_ago=400, levels={"goals": 2})
    closed_round(org_a, newer_model_version, "2026", closed_days_ago=10, levels={"goals": 4})

    page = load_trend(org_a)

    assert levels_by_key(page)["goals"] == (2.0, 4.0)
    assert levels_by_key(page)["planning"] == (3.0, 3.0)
    assert page.notes == []
    assert page.comparison.direction_by_area()["goals"] == trend.RISE
    assert page.comparison.direction_by_area()["planning"] == trend.STAY
    assert page.chart.startswith("<svg")


def test_an_area_whose_questions_changed_in_the_new_version_is_noted_and_broken(
    org_a, model_version
):
    newer_model_version = changed_model_version("planning")
    closed_round(org_a, model_version, "2025", closed_days_ago=400)
    closed_round(org_a, newer_model_version, "2026", closed_days_ago=10, levels={"planning": 4})

    page = load_trend(org_a)

    planning = next(row for row in page.rows if row.area.key == "planning")
    assert planning.area.breaks == frozenset({1})
    (note,) = page.notes
    assert note.round == "2026"
    assert "model version 2" in note.text or "modellversion 2" in note.text
    assert planning.cells[1][1] == note
    assert page.comparison.direction_by_area()["planning"] is None


def test_agreed_levels_and_ambitions_come_with_each_round(org_a, model_version):
    closed_round(
        org_a, model_version, "2025", closed_days_ago=400, ambitions={"goals": 4},
        agreed={"goals": 2.5},
    )  # fmt: skip
    closed_round(org_a, model_version, "2026", closed_days_ago=10, ambitions={"goals": 4.5})

    goals = next(row for row in load_trend(org_a).rows if row.area.key == "goals")

    assert [(c.agreed, c.ambition) for c, _note in goals.cells] == [(2.5, 4.0), (None, 4.5)]


def test_participation_counts_finished_respondents_per_perspective(org_a, model_version):
    round_ = closed_round(org_a, model_version, "2025", closed_days_ago=400, per_perspective=3)
    finished_respondents(round_, "leadership", 1)  # finished after closing: still counted

    page = load_trend(org_a)

    assert [row["counts"] for row in page.participation] == [[4], [3], [3]]
    assert page.snapshots[0].total_respondents == 10


def test_done_actions_in_an_area_that_did_not_rise_are_flagged(org_a, model_version):
    first = closed_round(org_a, model_version, "2025", closed_days_ago=400, levels={"facts": 2})
    closed_round(org_a, model_version, "2026", closed_days_ago=10, levels={"facts": 2, "goals": 4})
    between = first.closed_at + dt.timedelta(days=100)

    def action(area_key, status, done_at=None):
        made = Action.objects.create(
            organisation=org_a, area_key=area_key, description=f"{area_key} {status}",
            status=status, done_at=done_at,
        )  # fmt: skip
        return made.pk

    stayed = action("facts", "done", between)
    action("goals", "done", between)  # goals rose from 3 to 4
    action("facts", "in_progress")
    action("facts", "done", timezone.now())  # after the later round closed

    page = load_trend(org_a)

    assert [a.pk for a, _title in page.flagged] == [stayed]
    assert trend.done_without_change(org_a.actions.all(), latest_comparison(org_a)) == {stayed}


def test_with_one_closed_round_there_is_no_comparison_and_no_chart(org_a, model_version):
    closed_round(org_a, model_version, "2025", closed_days_ago=400)

    page = load_trend(org_a)

    assert page.comparison is None
    assert page.chart == ""
    assert page.flagged == []
    assert levels_by_key(page)["goals"] == (3.0,)
    assert latest_comparison(org_a) is None


def test_with_no_closed_round_the_trend_is_empty(org_a, round_a):
    page = load_trend(org_a)

    assert (page.rounds, page.rows, page.comparison, page.chart) == ([], [], None, "")


def test_a_closed_round_with_too_few_respondents_has_no_levels(org_a, model_version):
    closed_round(org_a, model_version, "2025", closed_days_ago=400)
    closed_round(org_a, model_version, "2026", closed_days_ago=10, per_perspective=0)

    page = load_trend(org_a)

    assert levels_by_key(page)["goals"] == (3.0, None)
    assert page.comparison.direction_by_area()["goals"] is None
