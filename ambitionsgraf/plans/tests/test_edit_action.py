"""Editing every field of an action; bad input changes nothing."""

import datetime as dt

from ambitionsgraf.conftest import in_language, page_text
from ambitionsgraf.plans.models import Action

from .conftest import make_action, plan_path


def test_the_edit_form_shows_the_action(admin_a_client, org_a, closed_round):
    action = make_action(org_a, "goals", "Skriv mål", owner="Anna", due_on=dt.date(2027, 1, 15))

    response = admin_a_client.get(plan_path(org_a, "plans:edit", action.code))

    text = page_text(response)
    assert response.status_code == 200
    assert "Skriv mål" in text and 'value="Anna"' in text and 'value="2027-01-15"' in text
    assert '<option value="goals" selected>' in text


def test_an_admin_edits_every_field(admin_a_client, org_a, closed_round):
    action = make_action(
        org_a, "goals", "Skriv mål", source=Action.Source.PROPOSED, guidance_level=2
    )

    response = admin_a_client.post(
        plan_path(org_a, "plans:edit", action.code),
        {
            "area_key": "follow_up",
            "description": "Följ upp målen varje kvartal",
            "owner": "Controller",
            "due_on": "2027-06-30",
            "status": "in_progress",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == f"{plan_path(org_a)}#action-{action.code}"
    action.refresh_from_db()
    assert action.area_key == "follow_up"
    assert action.description == "Följ upp målen varje kvartal"
    assert action.owner == "Controller"
    assert action.due_on == dt.date(2027, 6, 30)
    assert action.status == Action.Status.IN_PROGRESS
    assert action.source == Action.Source.PROPOSED  # where it came from stays
    assert action.guidance_level == 2


def test_bad_input_on_edit_changes_nothing(admin_a_client, org_a, closed_round):
    action = make_action(org_a, "goals", "Skriv mål", owner="Anna")

    response = admin_a_client.post(
        plan_path(org_a, "plans:edit", action.code),
        {
            "area_key": "goals",
            "description": "",
            "owner": "Bertil",
            "due_on": "31/31/2027",
            "status": "planned",
        },
    )

    assert response.status_code == 400
    text = page_text(response)
    assert in_language("sv", "Describe what is to be done.") in text
    assert in_language("sv", "Write the date as year-month-day, for example 2026-11-27.") in text
    action.refresh_from_db()
    assert action.description == "Skriv mål" and action.owner == "Anna"


def test_an_action_of_a_retired_area_can_still_be_edited(admin_a_client, org_a, closed_round):
    action = make_action(org_a, "retired_area", "Gammal")

    response = admin_a_client.post(
        plan_path(org_a, "plans:edit", action.code),
        {
            "area_key": "retired_area",
            "description": "Gammal, ändrad",
            "owner": "",
            "due_on": "",
            "status": "done",
        },
    )

    assert response.status_code == 302
    action.refresh_from_db()
    assert action.description == "Gammal, ändrad" and action.status == Action.Status.DONE


def test_an_unknown_action_code_is_404(admin_a_client, org_a, closed_round):
    assert admin_a_client.get(plan_path(org_a, "plans:edit", "nosuchcode")).status_code == 404
