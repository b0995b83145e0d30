"""The organisation's overview: its rounds with their counts, and its admins."""

import pytest
from django.urls import reverse

from ambitionsgraf.conftest import finished_respondents, logged_in, make_admin, make_respondent
from ambitionsgraf.organisations.models import Membership


def test_home_sends_an_admin_of_one_organisation_to_its_overview(admin_a_client, org_a):
    response = admin_a_client.get(reverse("organisations:home"))

    assert response.status_code == 302
    assert response["Location"] == reverse("organisations:overview", args=[org_a.code])


def test_home_lists_the_organisations_of_an_admin_of_several(admin_a, org_b):
    Membership.objects.create(organisation=org_b, user=admin_a)

    response = logged_in(admin_a).get(reverse("organisations:home"))

    assert response.status_code == 200
    assert len(response.context["memberships"]) == 2


def test_overview_lists_open_and_closed_rounds_with_their_counts(
    admin_a_client, org_a, round_a, model_version
):
    finished_respondents(round_a, "leadership", 2)
    make_respondent(round_a)
    closed = org_a.rounds.create(model_version=model_version, name="Förra året")
    finished_respondents(closed, "leadership", 1)
    closed.close()
    make_admin(org_a, "kollega@alvstad.example")

    response = admin_a_client.get(reverse("organisations:overview", args=[org_a.code]))

    assert response.status_code == 200
    (open_round,) = response.context["open_rounds"]
    (closed_round,) = response.context["closed_rounds"]
    assert (open_round.invited, open_round.started, open_round.finished) == (3, 2, 2)
    assert (closed_round.invited, closed_round.finished) == (1, 1)
    assert "kollega@alvstad.example" in response.content.decode()


@pytest.mark.django_db
def test_the_newest_round_is_offered_as_the_base_of_the_next(model_version, client):
    from django.core.management import call_command

    from ambitionsgraf.organisations.models import Organisation

    call_command("seed_demo", stdout=open("/dev/null", "w"))
    org = Organisation.objects.get(name="Älvstads kommun")
    client.force_login(org.memberships.get(role="admin").user)
    response = client.get(reverse("organisations:overview", args=[org.code]))
    assert response.context["last_round"].name == "Skattning 2026"


def new_round_buttons(response, code) -> dict[str, str]:
    """The class of each link that starts a round, by where it leads."""
    html = response.content.decode()
    found = {}
    for name in ("rounds:new_from_last", "rounds:new"):
        href = reverse(name, args=[code])
        found[name] = html.split(f'" href="{href}"', 1)[0].rsplit('class="', 1)[1]
    return found


def test_while_a_round_is_open_starting_another_is_not_the_main_button(
    admin_a_client, org_a, round_a
):
    response = admin_a_client.get(reverse("organisations:overview", args=[org_a.code]))

    assert new_round_buttons(response, org_a.code) == {
        "rounds:new_from_last": "button button-secondary",
        "rounds:new": "button button-secondary",
    }


def test_once_the_rounds_are_closed_the_next_based_on_the_last_is_the_main_button(
    admin_a_client, org_a, round_a
):
    round_a.close()

    response = admin_a_client.get(reverse("organisations:overview", args=[org_a.code]))

    assert new_round_buttons(response, org_a.code) == {
        "rounds:new_from_last": "button",
        "rounds:new": "button button-secondary",
    }
