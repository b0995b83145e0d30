"""The results page runs a fixed number of SQL queries, however many respondents answered."""

import pytest
from django.urls import reverse

from ambitionsgraf.conftest import (
    finished_respondents,
    logged_in,
    make_admin,
    make_organisation,
    make_respondent,
    make_round,
    queries_of,
)
from ambitionsgraf.rounds.models import Ambition

MAX_RESULTS = 12


def organisation_with_round(model_version, respondents: int, comment: str = "En kommentar"):
    """An admin's client and the results address of a round where `respondents` finished,
    spread over the three perspectives, all with comments; one more is only invited."""
    org = make_organisation(f"Kommun med {respondents}")
    client = logged_in(make_admin(org, f"admin{respondents}@kommun.example"))
    round_ = make_round(org, model_version)
    for i in range(respondents):
        perspective = ["leadership", "procurement", "operations"][i % 3]
        finished_respondents(round_, perspective, 1, level=1 + i % 5, comment=comment)
    make_respondent(round_, "leadership")
    for area in model_version.areas.all()[:4]:
        Ambition.objects.create(round=round_, area=area, target=4, reason="Därför")
    return client, reverse("results:round", args=[org.code, round_.code])


def test_results_page_queries_do_not_grow_with_respondents(model_version):
    few = queries_of(*organisation_with_round(model_version, 3))
    many = queries_of(*organisation_with_round(model_version, 15))

    print(f"results page queries: 3 respondents {few}, 15 respondents {many}")
    assert few == many


@pytest.mark.parametrize("respondents", [0, 3, 15])
def test_results_page_stays_within_its_query_budget(
    model_version, django_assert_max_num_queries, respondents
):
    client, url = organisation_with_round(model_version, respondents)

    with django_assert_max_num_queries(MAX_RESULTS):
        response = client.get(url)
    assert response.status_code == 200
