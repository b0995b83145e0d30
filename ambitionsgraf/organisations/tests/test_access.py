"""Every page of an organisation: its admin gets in, an outsider gets 404, a visitor signs in."""

import pytest
from django.urls import reverse

from ambitionsgraf.conftest import finished_respondents, make_respondent, page_text
from ambitionsgraf.organisations.models import Invitation
from ambitionsgraf.rounds.models import Ambition, Respondent, Round

ORGANISATION_PAGES = ["organisations:overview", "organisations:invite_admin", "rounds:new"]
ROUND_PAGES = ["rounds:detail", "rounds:invite", "rounds:ambition", "rounds:close", "results:round"]
ALL_PAGES = ORGANISATION_PAGES + ROUND_PAGES

# What each page would do with a POST if the sender were allowed to.
POSTS = {
    "organisations:overview": {},
    "organisations:invite_admin": {"email": "intruder@bergby.example", "language": "sv"},
    "rounds:new": {"name": "Intrång", "closes_on": ""},
    "rounds:detail": {},
    "rounds:invite": {
        "addresses": "intruder@bergby.example",
        "perspective": "leadership",
        "language": "sv",
    },
    "rounds:ambition": {"target_goals": "5", "reason_goals": "Intrång"},
    "rounds:close": {},
    "results:round": {},
}


@pytest.fixture
def pages(org_a, round_a):
    """url name -> path of every page of organisation A (respondents have finished)."""
    make_respondent(round_a, "leadership", email="hemlig@alvstad.example")
    finished_respondents(round_a, "procurement", 3)
    urls = {name: reverse(name, args=[org_a.code]) for name in ORGANISATION_PAGES}
    urls.update({name: reverse(name, args=[org_a.code, round_a.code]) for name in ROUND_PAGES})
    return urls


def snapshot(org, round_):
    round_.refresh_from_db()
    return {
        "rounds": Round.objects.filter(organisation=org).count(),
        "respondents": Respondent.objects.filter(round__organisation=org).count(),
        "invitations": Invitation.objects.filter(organisation=org).count(),
        "ambitions": Ambition.objects.filter(round=round_).count(),
        "status": round_.status,
    }


def test_admin_of_the_organisation_sees_every_page(admin_a_client, pages):
    for name, url in pages.items():
        response = admin_a_client.get(url)
        assert response.status_code == 200, name


@pytest.mark.parametrize("name", ALL_PAGES)
def test_outsider_gets_404_on_every_page_with_get(outsider_client, pages, org_a, name):
    response = outsider_client.get(pages[name])

    assert response.status_code == 404
    assert org_a.name not in page_text(response)
    assert "hemlig@alvstad.example" not in page_text(response)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_outsider_gets_404_on_every_page_with_post_and_changes_nothing(
    outsider_client, pages, org_a, round_a, mailoutbox, name
):
    before = snapshot(org_a, round_a)

    response = outsider_client.post(pages[name], POSTS[name])

    assert response.status_code == 404
    assert snapshot(org_a, round_a) == before
    assert mailoutbox == []


def test_outsider_cannot_use_own_organisation_code_to_reach_another_round(
    outsider_client, org_b, round_a
):
    """Organisation B's code with organisation A's round code: the round is not B's."""
    for name in ROUND_PAGES:
        response = outsider_client.get(reverse(name, args=[org_b.code, round_a.code]))
        assert response.status_code == 404, name


@pytest.mark.parametrize("name", ALL_PAGES)
def test_anonymous_visitor_is_sent_to_sign_in_and_sees_no_content(
    anonymous_client, pages, org_a, round_a, name
):
    for method in ("get", "post"):
        response = getattr(anonymous_client, method)(pages[name], POSTS[name])

        assert response.status_code in (302, 404), (name, method)
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("accounts:login"))
        assert org_a.name not in page_text(response)
        assert round_a.name not in page_text(response)
