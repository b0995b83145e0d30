"""Settings, export and delete are for the organisation's admins: its coach and an outsider get
404 on every method, and their POSTs change nothing; a visitor is sent to sign in."""

import pytest
from django.urls import reverse

from ambitionsgraf.audit.models import Event
from ambitionsgraf.organisations.models import Organisation

from .conftest import counts

URLS = ["organisations:settings", "organisations:export_data", "organisations:delete"]


def posts(org) -> dict:
    """What each URL would do with a POST from someone allowed to send it."""
    return {
        "organisations:settings": {
            "name": "Intrång",
            "org_number": org.org_number,
            "type": org.type,
            "county": org.county,
            "employees_band": org.employees_band,
            "volume_band": org.volume_band,
            "national_statistics": "on",
        },
        "organisations:export_data": {},
        "organisations:delete": {"confirmation": org.name},
    }


@pytest.fixture(params=["coach", "outsider"])
def stranger(request, coach_client, outsider_client):
    return {"coach": coach_client, "outsider": outsider_client}[request.param]


@pytest.mark.parametrize("name", URLS)
def test_a_coach_and_an_outsider_get_404_and_change_nothing(stranger, org_a, round_a, name):
    url = reverse(name, args=[org_a.code])
    before = counts(), Organisation.objects.values().get(pk=org_a.pk)
    events = Event.objects.count()

    assert stranger.get(url).status_code == 404
    assert stranger.post(url, posts(org_a)[name]).status_code == 404
    assert stranger.put(url).status_code == 404

    assert (counts(), Organisation.objects.values().get(pk=org_a.pk)) == before
    assert Event.objects.count() == events


@pytest.mark.parametrize("name", URLS)
def test_a_visitor_is_sent_to_sign_in(client, org_a, name):
    url = reverse(name, args=[org_a.code])

    for response in (client.get(url), client.post(url, posts(org_a)[name])):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    assert Organisation.objects.filter(pk=org_a.pk, name=org_a.name).exists()


def test_an_admin_gets_the_pages_and_the_export_only_by_post(admin_a_client, org_a):
    assert (
        admin_a_client.get(reverse("organisations:settings", args=[org_a.code])).status_code == 200
    )
    assert admin_a_client.get(reverse("organisations:delete", args=[org_a.code])).status_code == 200
    assert (
        admin_a_client.get(reverse("organisations:export_data", args=[org_a.code])).status_code
        == 405
    )
    assert (
        admin_a_client.put(reverse("organisations:settings", args=[org_a.code])).status_code == 405
    )
