"""The quick status change on the plan page: planned, in progress, done."""

import pytest

from ambitionsgraf.conftest import english, in_language, page_text
from ambitionsgraf.plans.models import Action

from .conftest import make_action, plan_path


def change(client, org, action, status):
    return client.post(plan_path(org, "plans:status", action.code), {"status": status})


def test_status_moves_from_planned_through_in_progress_to_done(admin_a_client, org_a, closed_round):
    action = make_action(org_a, "goals", "Gör något")

    response = change(admin_a_client, org_a, action, "in_progress")
    assert response.status_code == 302
    assert response["Location"] == f"{plan_path(org_a)}#action-{action.code}"
    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS and action.done_at is None

    change(admin_a_client, org_a, action, "done")
    action.refresh_from_db()
    assert action.status == Action.Status.DONE and action.done_at is not None

    change(admin_a_client, org_a, action, "planned")
    action.refresh_from_db()
    assert action.status == Action.Status.PLANNED and action.done_at is None


def test_the_new_status_is_confirmed_in_the_admins_language(admin_a_client, org_a, closed_round):
    action = make_action(org_a, "goals", "Gör något")

    response = admin_a_client.post(
        english("plans:status", org_a.code, action.code), {"status": "done"}, follow=True
    )

    assert "The status is now “Done”." in page_text(response)


@pytest.mark.parametrize("status", ["cancelled", "", "DONE"])
def test_an_unknown_status_gets_a_message_and_changes_nothing(
    admin_a_client, org_a, closed_round, status
):
    action = make_action(org_a, "goals", "Gör något", status=Action.Status.IN_PROGRESS)

    response = admin_a_client.post(
        plan_path(org_a, "plans:status", action.code), {"status": status}, follow=True
    )

    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS
    assert in_language(
        "sv", "Choose one of the statuses: planned, in progress or done."
    ) in page_text(response)


def test_the_status_endpoint_only_takes_post(admin_a_client, org_a, closed_round):
    action = make_action(org_a, "goals", "Gör något")

    assert admin_a_client.get(plan_path(org_a, "plans:status", action.code)).status_code == 405
