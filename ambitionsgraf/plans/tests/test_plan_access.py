"""Who reaches the plan: its admins everything; its coach reads and comments, nothing more;
an admin of another organisation gets 404 everywhere; a visitor is sent to sign in."""

import re

import pytest
from django.urls import reverse

from ambitionsgraf.conftest import page_text
from ambitionsgraf.plans.models import Action, ActionComment

from .conftest import make_action

CHANGE = ["plans:add_proposal", "plans:add", "plans:edit", "plans:drop", "plans:status"]
READ = ["plans:plan", "plans:comment"]
ACTION_PAGES = {"plans:edit", "plans:drop", "plans:status", "plans:comment"}

POSTS = {
    "plans:plan": {},
    "plans:add_proposal": {"area": "strategies", "proposal": "2-0"},
    "plans:add": {"area_key": "goals", "description": "Intrång", "status": "planned"},
    "plans:edit": {"area_key": "goals", "description": "Intrång", "status": "done"},
    "plans:drop": {},
    "plans:status": {"status": "done"},
    "plans:comment": {"text": "Intrång"},
}


@pytest.fixture
def action(org_a, closed_round):
    action = make_action(org_a, "goals", "Hemlig åtgärd", owner="Anna")
    ActionComment.objects.create(action=action, text="Hemlig kommentar")
    return action


def url(name, org, action) -> str:
    if name in ACTION_PAGES:
        return reverse(name, args=[org.code, action.code])
    return reverse(name, args=[org.code])


def snapshot():
    return [
        list(Action.objects.values_list("code", "area_key", "description", "owner", "status")),
        list(ActionComment.objects.values_list("text", flat=True)),
    ]


@pytest.mark.parametrize("name", CHANGE + READ)
@pytest.mark.parametrize("method", ["get", "post"])
def test_admin_of_another_organisation_gets_404_and_changes_nothing(
    outsider_client, org_a, action, name, method
):
    before = snapshot()

    response = getattr(outsider_client, method)(url(name, org_a, action), POSTS[name])

    assert response.status_code == 404
    assert "Hemlig" not in page_text(response)
    assert snapshot() == before


def test_another_organisations_code_does_not_reach_this_organisations_action(
    outsider_client, org_b, action
):
    for name in ACTION_PAGES:
        for method in ("get", "post"):
            response = getattr(outsider_client, method)(url(name, org_b, action), POSTS[name])
            assert response.status_code == 404, (name, method)
    assert Action.objects.get().description == "Hemlig åtgärd"


@pytest.mark.parametrize("name", CHANGE)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_coach_gets_404_on_every_change(coach_client, org_a, action, name, method):
    before = snapshot()

    response = getattr(coach_client, method)(url(name, org_a, action), POSTS[name])

    assert response.status_code == 404
    assert snapshot() == before


def test_a_coach_reads_the_plan_without_any_change_controls(coach_client, org_a, action):
    response = coach_client.get(reverse("plans:plan", args=[org_a.code]))

    text = page_text(response)
    assert response.status_code == 200
    assert "Hemlig åtgärd" in text and "Hemlig kommentar" in text
    for name in CHANGE:
        assert url(name, org_a, action).split("?")[0] not in text, name
    assert 'class="plan-proposals' not in text
    assert reverse("plans:comment", args=[org_a.code, action.code]) in text
    round_links = re.findall(r'href="([^"]*/rounds/[^"]*)"', text)
    assert round_links and all(link.endswith("/results/") for link in round_links), round_links


def test_a_coach_can_open_the_comment_page(coach_client, org_a, action):
    response = coach_client.get(url("plans:comment", org_a, action))

    assert response.status_code == 200


def test_the_admin_sees_every_page(admin_a_client, org_a, action):
    for name in ["plans:plan", "plans:add", "plans:edit", "plans:drop", "plans:comment"]:
        assert admin_a_client.get(url(name, org_a, action)).status_code == 200, name
    for name in ["plans:add_proposal", "plans:status"]:
        assert admin_a_client.get(url(name, org_a, action)).status_code == 405, name


@pytest.mark.parametrize("name", CHANGE + READ)
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_anonymous_visitor_is_sent_to_sign_in(anonymous_client, org_a, action, name, method):
    before = snapshot()

    response = getattr(anonymous_client, method)(url(name, org_a, action), POSTS[name])

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert snapshot() == before
