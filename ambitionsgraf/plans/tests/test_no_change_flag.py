import pytest
from django.core.management import call_command
from django.urls import reverse

from ambitionsgraf.organisations.models import Organisation
from ambitionsgraf.plans.services import build_plan


@pytest.fixture
def demo_org(model_version):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    return Organisation.objects.get(name="Älvstads kommun")


def flagged(org) -> dict[str, bool]:
    plan = build_plan(org)
    return {
        action.area_key: action.no_change_yet
        for area in plan.areas
        for action in area.actions
        if action.status == "done"
    }


@pytest.mark.django_db
def test_a_done_action_in_an_area_that_did_not_rise_is_flagged(demo_org):
    # Spend analysis (facts) was done between the rounds but its level stayed; goals rose.
    assert flagged(demo_org) == {"facts": True, "goals": False}


@pytest.mark.django_db
def test_the_plan_page_says_done_but_no_change_yet(demo_org, client):
    client.force_login(demo_org.memberships.get(role="admin").user)
    html = client.get(reverse("plans:plan", args=[demo_org.code])).content.decode()
    assert html.count('class="plan-no-change"') == 1


@pytest.mark.django_db
def test_the_latest_round_is_read_once_for_the_plan_and_its_flag(
    demo_org, client, django_assert_max_num_queries
):
    # Two closed rounds: the plan reads the latest, the flag compares it with the one before;
    # the latest is not read a second time (22 queries; reading it twice made 28).
    client.force_login(demo_org.memberships.get(role="admin").user)
    with django_assert_max_num_queries(22):
        client.get(reverse("plans:plan", args=[demo_org.code]))
