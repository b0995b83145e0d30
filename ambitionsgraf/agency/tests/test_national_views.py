"""The national picture for the agency's analysts: who may see it, small groups hidden, consent,
open rounds, the filters and bad filter values."""

import gc

import pytest
from django.test import Client
from django.urls import reverse

from ambitionsgraf.agency import national
from ambitionsgraf.conftest import (
    finished_respondents,
    in_language,
    logged_in,
    make_organisation,
    make_round,
    page_text,
)

from .national_builders import agency_user, closed_on, counted_organisations, counted_round

pytestmark = pytest.mark.django_db
URL = "/agency/national/"


@pytest.fixture
def analyst_client():
    return logged_in(agency_user("analyst"))


def hidden(text: str) -> bool:
    return in_language("sv", "fewer than %(minimum)d organisations", minimum=5) in text


def picture(response):
    return response.context["page"].picture


def test_the_address_is_stable():
    assert reverse("national:picture") == URL


def test_analysts_and_model_owners_see_it(analyst_client):
    assert analyst_client.get(URL).status_code == 200
    assert logged_in(agency_user("model_owner")).get(URL).status_code == 200


def test_organisation_users_get_404_and_visitors_are_asked_to_sign_in(admin_a_client):
    assert admin_a_client.get(URL).status_code == 404
    response = Client().get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_the_picture_is_made_with_the_garbage_collector_paused(
    model_version, analyst_client, monkeypatch
):
    """Its many short-lived objects are freed without the collector walking them
    (``lib.collector``); the collector is on again once the page is made."""
    counted_organisations(model_version, 5, level=4)
    seen = []
    real = national.picture
    monkeypatch.setattr(
        national, "picture", lambda *a, **k: seen.append(gc.isenabled()) or real(*a, **k)
    )

    assert analyst_client.get(URL).status_code == 200
    assert seen == [False]
    assert gc.isenabled()


def test_four_organisations_show_no_figures(model_version, analyst_client):
    counted_organisations(model_version, 4, level=4)
    response = analyst_client.get(URL)
    text = page_text(response)
    assert picture(response).organisations.hidden
    assert hidden(text)
    assert "4,0" not in text
    assert all(a.mean_level.value is None for a in picture(response).areas)
    assert "<svg" not in text.split('id="main"')[1]


def test_five_organisations_show_their_figures(model_version, analyst_client):
    counted_organisations(model_version, 5, level=4)
    response = analyst_client.get(URL)
    result = picture(response)
    assert result.organisations.value == 5
    assert all(a.mean_level.value == 4 for a in result.areas)
    # All five are at level 4, the other levels (zero) are hidden, and so is level 4: shown
    # beside the total it would say that every one of them is at level 4.
    assert all(band.hidden for a in result.areas for band in a.bands)
    assert "4,0" in page_text(response)
    assert response.context["page"].distribution_chart
    assert response.context["page"].ambition_chart


def test_withdrawing_consent_removes_the_organisation_from_the_next_figures(
    model_version, analyst_client
):
    organisations = counted_organisations(model_version, 5)
    assert not picture(analyst_client.get(URL)).organisations.hidden
    organisations[0].national_statistics = False
    organisations[0].save()
    assert picture(analyst_client.get(URL)).organisations.hidden


def test_open_rounds_are_never_counted(model_version, analyst_client):
    counted_organisations(model_version, 4)
    organisation = make_organisation("Öppenby kommun", national_statistics=True)
    round_ = make_round(organisation, model_version)
    for perspective in ("leadership", "procurement", "operations"):
        finished_respondents(round_, perspective, 3, level=4)
    assert picture(analyst_client.get(URL)).organisations.hidden


def test_filters_by_type_county_and_size(model_version, analyst_client):
    counted_organisations(model_version, 5, type="municipality", county="uppsala")
    counted_organisations(model_version, 2, type="region", county="skane", employees_band="20000+")
    assert picture(analyst_client.get(URL)).organisations.value == 7
    assert picture(analyst_client.get(URL, {"type": "municipality"})).organisations.value == 5
    assert picture(analyst_client.get(URL, {"type": "region"})).organisations.hidden
    assert picture(analyst_client.get(URL, {"county": "uppsala"})).organisations.value == 5
    response = analyst_client.get(URL, {"county": "skane"})
    assert picture(response).organisations.hidden
    assert hidden(page_text(response))
    assert picture(analyst_client.get(URL, {"size": "20000+"})).organisations.hidden


def test_the_year_chooses_each_organisations_latest_round_that_year(model_version, analyst_client):
    organisations = counted_organisations(model_version, 5, level=2, closed_at=closed_on(2024))
    for organisation in organisations:  # the same organisations, a year later, a level higher
        counted_round(organisation, model_version, level=4, closed_at=closed_on(2025))
    latest = picture(analyst_client.get(URL))
    assert latest.areas[0].mean_level.value == 4
    assert latest.rounds.value == 10
    earlier = picture(analyst_client.get(URL, {"year": "2024"}))
    assert earlier.year == 2024
    assert earlier.areas[0].mean_level.value == 2
    assert [column.year for column in earlier.trend] == [2024, 2025]
    assert [column.means["goals"].value for column in earlier.trend] == [2, 4]


def test_two_rounds_in_a_year_count_once_with_the_later(model_version, analyst_client):
    march = closed_on(2025, 3)
    for organisation in counted_organisations(model_version, 5, level=2, closed_at=march):
        counted_round(organisation, model_version, level=3, closed_at=closed_on(2025, 9))
    result = picture(analyst_client.get(URL, {"year": "2025"}))
    assert result.organisations.value == 5
    assert result.areas[0].mean_level.value == 3


@pytest.mark.parametrize(
    "query", [{"county": "atlantis"}, {"year": "abc"}, {"type": "ufo", "size": "x", "year": "1"}]
)
def test_bad_filter_values_get_a_message_and_the_unfiltered_picture(
    model_version, analyst_client, query
):
    counted_organisations(model_version, 5)
    response = analyst_client.get(URL, query)
    assert response.status_code == 400
    assert in_language("sv", "Something needs to be corrected") in page_text(response)
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    for name in query:  # the summary leads to each wrong filter
        assert f'<a href="#id_{name}">' in html and f'id="id_{name}"' in html
    assert picture(response).organisations.value == 5


def test_the_page_costs_the_same_queries_for_few_and_many_organisations(
    model_version, analyst_client, django_assert_max_num_queries
):
    counted_organisations(model_version, 5)
    with django_assert_max_num_queries(14):
        analyst_client.get(URL)
    counted_organisations(model_version, 6, type="region")
    with django_assert_max_num_queries(14):
        assert analyst_client.get(URL, {"type": "region"}).status_code == 200


def test_in_english(model_version, analyst_client):
    counted_organisations(model_version, 5)
    response = analyst_client.get("/en/agency/national/")
    assert response.status_code == 200
    assert "National picture" in page_text(response)
    assert "4.0" in page_text(response)
