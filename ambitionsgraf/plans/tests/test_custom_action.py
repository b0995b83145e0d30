"""Adding an action of one's own, and bad input that is refused with a clear message."""

import datetime as dt

import pytest

from ambitionsgraf.conftest import english, in_language, page_text
from ambitionsgraf.plans.models import Action

from .conftest import plan_path

GOOD = {
    "area_key": "planning",
    "description": "Ta fram en upphandlingsplan för 2027 tillsammans med förvaltningarna.",
    "owner": "Ekonomichefen",
    "due_on": "2027-03-31",
    "status": "planned",
}


def test_the_form_offers_the_model_areas_and_a_chosen_area(admin_a_client, org_a, closed_round):
    response = admin_a_client.get(plan_path(org_a, "plans:add") + "?area=facts")

    text = page_text(response)
    assert response.status_code == 200
    for area in closed_round.model_version.areas.all():
        assert f'<option value="{area.key}"' in text
    assert '<option value="facts" selected>' in text


def test_an_admin_adds_a_custom_action(admin_a_client, org_a, closed_round):
    response = admin_a_client.post(plan_path(org_a, "plans:add"), GOOD)

    action = org_a.actions.get()
    assert response.status_code == 302
    assert response["Location"] == f"{plan_path(org_a)}#action-{action.code}"
    assert action.area_key == "planning"
    assert action.description == GOOD["description"]
    assert action.owner == "Ekonomichefen"
    assert action.due_on == dt.date(2027, 3, 31)
    assert action.status == Action.Status.PLANNED
    assert action.source == Action.Source.CUSTOM
    assert action.round == closed_round
    assert action.guidance_level is None
    assert GOOD["description"] in page_text(admin_a_client.get(plan_path(org_a)))


def test_an_action_added_as_done_gets_its_done_time(admin_a_client, org_a, closed_round):
    admin_a_client.post(plan_path(org_a, "plans:add"), {**GOOD, "status": "done", "due_on": ""})

    action = org_a.actions.get()
    assert action.status == Action.Status.DONE and action.done_at is not None
    assert action.due_on is None


def test_actions_can_be_added_before_there_are_results(admin_a_client, org_a, round_a):
    response = admin_a_client.post(plan_path(org_a, "plans:add"), GOOD)

    assert response.status_code == 302
    assert org_a.actions.get().round is None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("description", "", "Describe what is to be done."),
        ("description", "   \n ", "Describe what is to be done."),
        ("description", "x" * 2001, "Keep the description to %(limit_value)d characters at most."),
        ("due_on", "2027-02-30", "Write the date as year-month-day, for example 2026-11-27."),
        ("due_on", "i morgon", "Write the date as year-month-day, for example 2026-11-27."),
        ("due_on", "1999-12-31", "Choose a date between %(first)s and %(last)s."),
        ("area_key", "unknown_area", "Choose one of the model's areas."),
        ("area_key", "", "Choose the area the action belongs to."),
        ("status", "cancelled", "Choose one of the statuses: planned, in progress or done."),
        ("owner", "x" * 151, None),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(
    admin_a_client, org_a, closed_round, field, value, message
):
    response = admin_a_client.post(plan_path(org_a, "plans:add"), {**GOOD, field: value})

    assert response.status_code == 400
    assert Action.objects.count() == 0
    text = page_text(response)
    assert 'class="error-summary"' in text
    assert f'name="{field}"' in text
    if message:
        expected = (
            in_language("sv", message, limit_value=2000, first="2000-01-01", last="2100-12-31")
            if "%(" in message
            else in_language("sv", message)
        )
        assert expected in text


def test_messages_are_in_english_on_the_english_page(admin_a_client, org_a, closed_round):
    response = admin_a_client.post(
        english("plans:add", org_a.code), {**GOOD, "description": "", "due_on": "2027-13-01"}
    )

    text = page_text(response)
    assert "Describe what is to be done." in text
    assert "Write the date as year-month-day, for example 2026-11-27." in text
    assert Action.objects.count() == 0
