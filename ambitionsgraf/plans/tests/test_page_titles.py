"""Pages that exist once per round or per action name it in their title, so that tabs and the
browser's history tell them apart (WCAG 2.4.2) and a screen reader announces which one opened."""

import re
from html import unescape

import pytest
from django.urls import reverse

from ambitionsgraf.conftest import make_respondent, make_round

from .conftest import make_action


def title(client, url, data=None) -> str:
    response = client.post(url, data) if data is not None else client.get(url)
    assert response.status_code == 200
    return unescape(re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)[1])


@pytest.mark.parametrize(
    "name, expected",
    [
        ("rounds:invite", "Bjud in respondenter: Skattning 2025"),
        ("rounds:remind", "Skicka en påminnelse: Skattning 2025"),
        ("rounds:close", "Stäng omgången: Skattning 2025"),
        ("workshop:start", "Dialogmöte: Skattning 2025"),
    ],
)
def test_a_round_page_names_its_round(admin_a_client, org_a, model_version, name, expected):
    round_ = make_round(org_a, model_version, name="Skattning 2025")
    make_round(org_a, model_version, name="Skattning 2026")

    assert title(admin_a_client, reverse(name, args=[org_a.code, round_.code])).startswith(expected)


def test_revoking_a_link_names_the_round(admin_a_client, org_a, round_a):
    respondent, _ = make_respondent(round_a, "leadership")
    url = reverse("rounds:revoke_link", args=[org_a.code, round_a.code, respondent.pk])

    # The confirmation page answers the first POST from the round page.
    assert title(admin_a_client, url, {}).startswith(
        f"Spärra den personliga länken: {round_a.name}"
    )


def test_a_workshop_area_names_area_and_round(admin_a_client, org_a, closed_round):
    url = reverse("workshop:area", args=[org_a.code, closed_round.code, 1])

    assert title(admin_a_client, url).endswith(f"Dialogmöte: {closed_round.name} – Ambitionsgraf")


@pytest.mark.parametrize(
    "name, verb", [("plans:edit", "Ändra åtgärden"), ("plans:drop", "Ta bort åtgärden")]
)
def test_an_action_page_names_the_action(admin_a_client, org_a, closed_round, name, verb):
    action = make_action(org_a, description="Ta fram en upphandlingspolicy för hela kommunen")
    make_action(org_a, description="Utbilda beställarna")
    url = reverse(name, args=[org_a.code, action.code])

    assert title(admin_a_client, url).startswith(
        f"{verb}: Ta fram en upphandlingspolicy för hela kommunen"
    )


def test_commenting_names_the_action(admin_a_client, org_a, closed_round):
    action = make_action(org_a, description="Utbilda beställarna")
    url = reverse("plans:comment", args=[org_a.code, action.code])

    assert title(admin_a_client, url).startswith("Kommentera åtgärden: Utbilda beställarna")


def test_inviting_an_admin_names_the_organisation(admin_a_client, org_a):
    url = reverse("organisations:invite_admin", args=[org_a.code])

    assert title(admin_a_client, url).startswith(
        f"Bjud in en administratör eller en coach: {org_a.name}"
    )
