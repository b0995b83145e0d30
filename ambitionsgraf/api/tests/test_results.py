"""Results through the API follow the results page's anonymity rules exactly: a perspective with
fewer than three finished has no figure of its own, small groups are pooled only when the pool
has three, nothing is given while fewer than three have finished, and no answer, comment or
respondent is ever in the response."""

from decimal import Decimal

import pytest

from ambitionsgraf.api.testing import bearer
from ambitionsgraf.conftest import finished_respondents, make_respondent
from ambitionsgraf.lib.testing import COUNT_QUERIES
from ambitionsgraf.plans.models import AgreedLevel
from ambitionsgraf.results.service import load_round
from ambitionsgraf.rounds.models import Ambition, Answer


def results(client, org, round_, secret):
    url = f"/api/v1/organisations/{org.code}/rounds/{round_.code}/results"
    return client.get(url, **bearer(secret))


@pytest.fixture
def answered_round(round_a):
    """Leadership 3 at level 4, procurement 3 at level 2, operations only 2 at level 5; each
    with a comment, and one respondent who has not finished."""
    for perspective, count, level in [
        ("leadership", 3, 4),
        ("procurement", 3, 2),
        ("operations", 2, 5),
    ]:
        for respondent, _token in finished_respondents(round_a, perspective, count, level=level):
            Answer.objects.filter(respondent=respondent).update(
                comment=f"Hemlig kommentar {respondent.pk}"
            )
    make_respondent(round_a, "leadership", email="ej-klar@alvstad.example")
    return round_a


def test_a_perspective_of_two_gives_no_figure_of_its_own(client, org_a, answered_round, token_a):
    body = results(client, org_a, answered_round, token_a[1]).json()

    assert body["has_results"] is True
    assert body["shown_perspectives"] == ["leadership", "procurement"]
    assert body["pooled_respondents"] == 0
    assert body["excluded_respondents"] == 2
    for area in body["areas"]:
        assert set(area["perspective_levels"]) == {"leadership", "procurement"}
        assert area["pooled_level"] is None
        # Operations' level 5 is in no figure: the organisation's level is the mean of 4 and 2.
        assert area["organisation_level"] == 3.0
    for disagreement in body["disagreements"]:
        assert "operations" not in disagreement["perspective_levels"]


def test_the_figures_are_those_of_the_results_page(client, org_a, answered_round, token_a):
    Ambition.objects.create(
        round=answered_round,
        area=answered_round.model_version.areas.first(),
        target=4,
        reason="Mål",
    )
    body = results(client, org_a, answered_round, token_a[1]).json()
    view = load_round(answered_round)

    assert [a["area_key"] for a in body["areas"]] == [a.area.key for a in view.areas]
    first, page = body["areas"][0], view.areas[0].result
    assert first["ambition"] == 4.0
    assert first["gap"] == round(page.gap, 1)
    assert first["spread"] == 2.0 and first["disagreement"] is True
    assert [d["area_key"] for d in body["disagreements"]] == [
        a.area.key for a in view.disagreements
    ]


def test_no_answer_comment_or_respondent_is_in_the_response(client, org_a, answered_round, token_a):
    text = results(client, org_a, answered_round, token_a[1]).content.decode()

    assert "Hemlig kommentar" not in text
    assert "@" not in text
    assert "ej-klar" not in text


def test_small_groups_together_count_as_one_pool_when_they_are_three(
    client, org_a, round_a, token_a
):
    finished_respondents(round_a, "leadership", 3, level=3)
    finished_respondents(round_a, "procurement", 2, level=2)
    finished_respondents(round_a, "operations", 1, level=2)

    body = results(client, org_a, round_a, token_a[1]).json()

    assert body["shown_perspectives"] == ["leadership"]
    assert body["pooled_respondents"] == 3
    area = body["areas"][0]
    assert set(area["perspective_levels"]) == {"leadership"}
    assert area["pooled_level"] == 2.0
    assert body["disagreements"] == []


def test_an_open_round_with_fewer_than_three_finished_gives_nothing(
    client, org_a, round_a, token_a
):
    finished_respondents(round_a, "leadership", 2, level=5)

    body = results(client, org_a, round_a, token_a[1]).json()

    assert body["provisional"] is True
    assert body["has_results"] is False
    assert body["areas"] == [] and body["disagreements"] == []
    assert body["shown_perspectives"] == []
    leadership = next(p for p in body["participation"] if p["perspective"] == "leadership")
    assert leadership == {"perspective": "leadership", "invited": 2, "started": 2, "finished": 2}


def test_a_closed_round_is_not_provisional(client, org_a, answered_round, token_a):
    answered_round.close()

    assert results(client, org_a, answered_round, token_a[1]).json()["provisional"] is False


def test_results_take_a_fixed_number_of_queries(
    client, org_a, answered_round, token_a, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10 + COUNT_QUERIES):
        assert results(client, org_a, answered_round, token_a[1]).status_code == 200


def test_the_gap_from_a_workshops_agreed_level_is_given_beside_the_computed_one(
    client, org_a, answered_round, token_a
):
    goals, planning = answered_round.model_version.areas.all()[:2]
    for area in (goals, planning):
        Ambition.objects.create(round=answered_round, area=area, target=4)
    AgreedLevel.objects.create(round=answered_round, area=goals, level=Decimal("2.5"))

    areas = {
        a["area_key"]: a for a in results(client, org_a, answered_round, token_a[1]).json()["areas"]
    }

    assert (areas[goals.key]["agreed_level"], areas[goals.key]["gap"]) == (2.5, 1.0)
    assert areas[goals.key]["gap_from_agreed_level"] == 1.5
    assert areas[planning.key]["gap"] == 1.0
    assert areas[planning.key]["gap_from_agreed_level"] is None
