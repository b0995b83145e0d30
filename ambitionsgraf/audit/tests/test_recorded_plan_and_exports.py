"""What the action plan, the workshop and the downloads leave in the log."""

import pytest
from django.urls import reverse

from ambitionsgraf.audit.models import Action
from ambitionsgraf.conftest import english
from ambitionsgraf.plans.models import Action as PlanAction
from ambitionsgraf.plans.tests.conftest import give_results, make_action

from .conftest import changes, only_event


@pytest.fixture
def closed_round(round_a):
    give_results(round_a)
    round_a.close()
    return round_a


def plan_url(name, org, *args):
    return reverse(f"plans:{name}", args=[org.code, *args])


ACTION_FORM = {
    "area_key": "goals",
    "description": "Ta fram inköpsmål",
    "owner": "",
    "due_on": "",
    "status": "planned",
}


# ---------------------------------------------------------------- actions


def test_adding_an_action_is_recorded(admin_a_client, org_a, admin_a, closed_round):
    admin_a_client.post(plan_url("add", org_a), ACTION_FORM)

    event = only_event(Action.ACTION_ADDED)
    assert (event.organisation, event.actor) == (org_a, admin_a)
    assert event.subject == "Ta fram inköpsmål"
    assert event.details == {"source": "custom"}


def test_adding_a_proposal_is_recorded_as_proposed(admin_a_client, org_a, closed_round):
    admin_a_client.post(plan_url("add_proposal", org_a), {"area": "strategies", "proposal": "2-0"})

    event = only_event(Action.ACTION_ADDED)
    assert event.subject == org_a.actions.get().description
    assert event.details == {"source": "proposed"}


def test_a_refused_action_records_nothing(admin_a_client, org_a, closed_round):
    response = admin_a_client.post(plan_url("add", org_a), {**ACTION_FORM, "description": ""})
    admin_a_client.post(plan_url("add_proposal", org_a), {"area": "strategies", "proposal": "9-9"})

    assert response.status_code == 400
    assert not changes().exists()


def test_editing_an_action_records_the_fields_and_the_status(
    admin_a_client, org_a, admin_a, closed_round
):
    action = make_action(org_a, "goals", "Ta fram inköpsmål")

    admin_a_client.post(
        plan_url("edit", org_a, action.code),
        {**ACTION_FORM, "owner": "Ekonomichef", "status": "in_progress"},
    )

    event = only_event(Action.ACTION_CHANGED)
    assert (event.organisation, event.actor, event.subject) == (org_a, admin_a, action.description)
    assert sorted(event.details["fields"]) == ["owner", "status"]
    assert event.details["status"] == ["planned", "in_progress"]


def test_saving_an_action_unchanged_or_with_bad_input_records_nothing(
    admin_a_client, org_a, closed_round
):
    action = make_action(org_a, "goals", "Ta fram inköpsmål")

    admin_a_client.post(plan_url("edit", org_a, action.code), ACTION_FORM)
    response = admin_a_client.post(
        plan_url("edit", org_a, action.code), {**ACTION_FORM, "due_on": "igår"}
    )

    assert response.status_code == 400
    assert not changes().exists()


def test_a_status_change_is_recorded_with_old_and_new_status(
    admin_a_client, org_a, admin_a, closed_round
):
    action = make_action(org_a, "goals", "Ta fram inköpsmål")

    admin_a_client.post(plan_url("status", org_a, action.code), {"status": "done"})
    admin_a_client.post(plan_url("status", org_a, action.code), {"status": "done"})
    admin_a_client.post(plan_url("status", org_a, action.code), {"status": "cancelled"})

    event = only_event(Action.ACTION_CHANGED)
    assert (event.organisation, event.actor) == (org_a, admin_a)
    assert event.details == {"fields": ["status"], "status": ["planned", "done"]}


def test_dropping_an_action_is_recorded(admin_a_client, org_a, admin_a, closed_round):
    action = make_action(org_a, "goals", "Ta fram inköpsmål")

    admin_a_client.post(plan_url("drop", org_a, action.code))

    event = only_event(Action.ACTION_DROPPED)
    assert (event.organisation, event.actor, event.subject) == (org_a, admin_a, "Ta fram inköpsmål")
    assert not PlanAction.objects.exists()


# ---------------------------------------------------------------- the workshop


def agree(client, org, round_, level, reason="Vi har mål men följer inte upp dem"):
    return client.post(
        reverse("workshop:area", args=[org.code, round_.code, 1]),
        {"area": "goals", "level": level, "reason": reason},
    )


def test_an_agreed_level_is_recorded_with_old_and_new_level(
    admin_a_client, org_a, admin_a, closed_round
):
    agree(admin_a_client, org_a, closed_round, "2.5")
    agree(admin_a_client, org_a, closed_round, "2.5")  # no change: no event
    first = only_event(Action.AGREED_LEVEL_CHANGED)
    agree(admin_a_client, org_a, closed_round, "3")

    second = changes().exclude(pk=first.pk).get()
    assert (second.organisation, second.actor, second.subject) == (
        org_a,
        admin_a,
        closed_round.name,
    )
    assert (first.details["area"]["key"], first.details["old"], first.details["new"]) == (
        "goals",
        None,
        "2.5",
    )
    assert (second.details["old"], second.details["new"]) == ("2.5", "3.0")


def test_a_refused_agreed_level_records_nothing(admin_a_client, org_a, closed_round):
    response = agree(admin_a_client, org_a, closed_round, "9")

    assert response.status_code == 400
    assert not changes().exists()


# ---------------------------------------------------------------- downloads


@pytest.mark.parametrize(
    "name, file, extension",
    [
        ("results_export", "results", "csv"),
        ("results_export", "results", "xlsx"),
        ("questions_export", "questions", "csv"),
    ],
)
def test_a_round_export_is_recorded_with_file_and_format(
    admin_a_client, org_a, admin_a, closed_round, name, file, extension
):
    response = admin_a_client.get(
        reverse(f"reports:{name}", args=[org_a.code, closed_round.code, extension])
    )

    assert response.status_code == 200
    event = only_event(Action.EXPORT_DOWNLOADED)
    assert (event.organisation, event.actor, event.subject) == (org_a, admin_a, closed_round.name)
    assert event.details == {"file": file, "format": extension, "language": "sv"}


def test_the_plan_export_by_a_coach_is_recorded_with_the_coach(
    coach_client, coach_a, org_a, closed_round
):
    response = coach_client.get(reverse("reports:plan_export", args=[org_a.code, "xlsx"]))

    assert response.status_code == 200
    event = only_event(Action.EXPORT_DOWNLOADED)
    assert (event.organisation, event.actor, event.subject) == (org_a, coach_a, "")
    assert event.details == {"file": "plan", "format": "xlsx", "language": "sv"}


def test_the_board_report_is_recorded_in_its_language(admin_a_client, org_a, admin_a, closed_round):
    response = admin_a_client.get(english("reports:board_report", org_a.code, closed_round.code))

    assert response.status_code == 200
    event = only_event(Action.EXPORT_DOWNLOADED)
    assert (event.organisation, event.actor) == (org_a, admin_a)
    assert event.details == {"file": "board_report", "format": "pdf", "language": "en"}


def test_an_outsider_downloading_gets_404_and_records_nothing(outsider_client, org_a, closed_round):
    response = outsider_client.get(reverse("reports:plan_export", args=[org_a.code, "csv"]))

    assert response.status_code == 404
    assert not changes().exists()
