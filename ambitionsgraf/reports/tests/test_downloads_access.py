"""Who may download: admins and the organisation's coach; everyone else gets 404 (or the login)."""

import pytest

from ambitionsgraf.conftest import make_admin, make_round
from ambitionsgraf.reports.tests.conftest import path, round_urls

TYPES = {
    ".pdf": "application/pdf",
    ".csv": "text/csv; charset=utf-8",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def content_type(url: str) -> str:
    return next(value for ending, value in TYPES.items() if url.endswith(ending))


@pytest.fixture
def urls(org_a, report_round):
    return round_urls(org_a, report_round)


def test_the_admin_downloads_every_file(admin_a_client, urls):
    for url in urls:
        response = admin_a_client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == content_type(url)


def test_the_coach_downloads_every_file(coach_client, urls):
    for url in urls:
        response = coach_client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == content_type(url)


def test_another_organisations_admin_gets_404_for_every_download(outsider_client, urls):
    for url in urls:
        assert outsider_client.get(url).status_code == 404, url
        assert outsider_client.post(url).status_code == 404, url


def test_an_anonymous_visitor_is_sent_to_sign_in(anonymous_client, urls):
    for url in urls:
        response = anonymous_client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/" in response["Location"]


def test_a_round_of_another_organisation_is_404_even_under_ones_own_code(
    admin_a_client, org_a, org_b, model_version
):
    make_admin(org_b, "admin@bergby.example")
    round_b = make_round(org_b, model_version)

    for url in round_urls(org_a, round_b)[:5]:  # the round's downloads, under A's code
        assert admin_a_client.get(url).status_code == 404, url


def test_downloads_are_only_read_never_posted(admin_a_client, urls):
    for url in urls:
        assert admin_a_client.post(url).status_code == 405, url


def test_an_unknown_file_type_is_404(admin_a_client, org_a, report_round):
    url = path("reports:results_export", org_a.code, report_round.code, "csv").replace(
        ".csv", ".ods"
    )

    assert admin_a_client.get(url).status_code == 404
