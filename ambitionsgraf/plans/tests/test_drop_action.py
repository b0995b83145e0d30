"""Dropping an action takes a confirmation step and removes its comments too."""

from ambitionsgraf.conftest import page_text
from ambitionsgraf.plans.models import ActionComment

from .conftest import make_action, plan_path


def test_dropping_asks_first(admin_a_client, org_a, closed_round):
    action = make_action(org_a, "goals", "Att släppa")

    response = admin_a_client.get(plan_path(org_a, "plans:drop", action.code))

    assert response.status_code == 200
    assert "Att släppa" in page_text(response)
    assert org_a.actions.count() == 1


def test_confirming_drops_the_action_and_its_comments(admin_a_client, admin_a, org_a, closed_round):
    action = make_action(org_a, "goals", "Att släppa")
    kept = make_action(org_a, "goals", "Att behålla")
    ActionComment.objects.create(action=action, author=admin_a, text="Bra")

    response = admin_a_client.post(plan_path(org_a, "plans:drop", action.code))

    assert response.status_code == 302
    assert response["Location"] == f"{plan_path(org_a)}#area-goals"
    assert list(org_a.actions.all()) == [kept]
    assert ActionComment.objects.count() == 0


def test_dropping_an_action_twice_is_404(admin_a_client, org_a, closed_round):
    action = make_action(org_a, "goals", "Att släppa")
    admin_a_client.post(plan_path(org_a, "plans:drop", action.code))

    assert admin_a_client.post(plan_path(org_a, "plans:drop", action.code)).status_code == 404
