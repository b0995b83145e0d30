"""Query budgets at scale: with the rounds' results kept, the national picture and the results
page with its peer comparison cost the same number of queries for 5 organisations as for 25
(and so for 4,000), and computing missing summaries adds a fixed few."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ambitionsgraf.agency.tests.national_builders import agency_user, counted_organisations
from ambitionsgraf.conftest import (
    finished_respondents,
    logged_in,
    make_admin,
    make_organisation,
    make_round,
)
from ambitionsgraf.results import peers_data, summaries
from ambitionsgraf.rounds.models import Round

pytestmark = pytest.mark.django_db
# Session, user, two-factor device, the rounds, their kept levels, the ambitions and
# perspectives of the rounds the area figures use, the areas (7), and one to spare.
NATIONAL = 8
RESULTS_WITH_PEERS = 12 + peers_data.KEPT_QUERIES


def keep_every_summary():
    summaries.refresh_many(Round.objects.closed())


def queries(client, url, budget, assert_max) -> int:
    with assert_max(budget), CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_national_picture_costs_the_same_for_5_and_25_organisations(
    model_version, django_assert_max_num_queries
):
    client = logged_in(agency_user("analyst"))
    url = reverse("national:picture")
    counted_organisations(model_version, 5)
    keep_every_summary()
    few = queries(client, url, NATIONAL, django_assert_max_num_queries)
    counted_organisations(model_version, 20, type="region")
    keep_every_summary()
    many = queries(client, url, NATIONAL, django_assert_max_num_queries)

    print(f"national picture: 5 organisations {few} queries, 25 organisations {many}")
    assert few == many


def test_missing_summaries_add_a_fixed_few_queries(model_version, django_assert_max_num_queries):
    client = logged_in(agency_user("analyst"))
    url = reverse("national:picture")
    counted_organisations(model_version, 5)
    keep_every_summary()
    kept = queries(client, url, NATIONAL, django_assert_max_num_queries)
    counted_organisations(model_version, 20, type="region")  # closed, never summarised
    computed = queries(
        client, url, NATIONAL + summaries.MISS_QUERIES, django_assert_max_num_queries
    )

    assert computed == kept + summaries.MISS_QUERIES
    assert queries(client, url, NATIONAL, django_assert_max_num_queries) == kept


def organisation_with_peers(model_version, peers: int, band: str):
    """An admin's client and the results address of a closed round with `peers` peers."""
    organisation = make_organisation(
        f"Kommun {peers}", national_statistics=True, employees_band=band
    )
    client = logged_in(make_admin(organisation, f"admin{peers}@kommun.example"))
    round_ = make_round(organisation, model_version)
    finished_respondents(round_, "procurement", 3, level=3)
    round_.close()
    for n in range(peers):
        other = make_organisation(f"Grannkommun {n}", national_statistics=True, employees_band=band)
        peer_round = make_round(other, model_version)
        finished_respondents(peer_round, "procurement", 3, level=1 + n % 5)
        peer_round.close()
    keep_every_summary()
    return client, reverse("results:round", args=[organisation.code, round_.code])


def test_the_results_page_with_peers_costs_the_same_for_5_and_25_peers(
    model_version, django_assert_max_num_queries
):
    few = queries(
        *organisation_with_peers(model_version, 5, "lt500"),
        RESULTS_WITH_PEERS,
        django_assert_max_num_queries,
    )
    many = queries(
        *organisation_with_peers(model_version, 25, "2000-4999"),
        RESULTS_WITH_PEERS,
        django_assert_max_num_queries,
    )

    print(f"results page with peers: 5 peers {few} queries, 25 peers {many}")
    assert few == many
