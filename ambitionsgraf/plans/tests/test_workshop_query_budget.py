"""The workshop pages run a fixed number of SQL queries, however many respondents answered."""

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
from ambitionsgraf.plans.models import AgreedLevel
from ambitionsgraf.rounds.models import Ambition

MAX_AREA_PAGE = 12
MAX_OTHER_PAGES = 10


def organisation_with_round(model_version, per_perspective: int):
    """An admin's client and the round of an organisation where `per_perspective` finished in
    each perspective, with comments, ambitions and agreed levels for some areas."""
    org = make_organisation(f"Kommun med {per_perspective}")
    client = logged_in(make_admin(org, f"admin{per_perspective}@kommun.example"))
    round_ = make_round(org, model_version)
    for i, perspective in enumerate(["leadership", "procurement", "operations"]):
        finished_respondents(round_, perspective, per_perspective, level=1 + i, comment="Kort")
    make_respondent(round_, "leadership")
    for area in model_version.areas.all()[:4]:
        Ambition.objects.create(round=round_, area=area, target=4, reason="Därför")
        AgreedLevel.objects.create(round=round_, area=area, level=2, reason="Enade")
    return client, org, round_


def test_the_area_page_queries_do_not_grow_with_respondents(model_version):
    counts = []
    for size in (3, 12):
        client, org, round_ = organisation_with_round(model_version, size)
        counts.append(queries_of(client, reverse("workshop:area", args=[org.code, round_.code, 1])))

    print(f"workshop area page queries: 9 respondents {counts[0]}, 36 respondents {counts[1]}")
    assert counts[0] == counts[1]


@pytest.mark.parametrize("size", [3, 12])
@pytest.mark.parametrize("number", [1, 8])
def test_the_area_page_stays_within_its_query_budget(
    model_version, django_assert_max_num_queries, size, number
):
    client, org, round_ = organisation_with_round(model_version, size)

    with django_assert_max_num_queries(MAX_AREA_PAGE):
        response = client.get(reverse("workshop:area", args=[org.code, round_.code, number]))
    assert response.status_code == 200


@pytest.mark.parametrize("name", ["workshop:start", "workshop:summary"])
def test_the_start_and_summary_pages_stay_within_their_budget(
    model_version, django_assert_max_num_queries, name
):
    client, org, round_ = organisation_with_round(model_version, 12)

    with django_assert_max_num_queries(MAX_OTHER_PAGES):
        response = client.get(reverse(name, args=[org.code, round_.code]))
    assert response.status_code == 200
