"""Who reaches the workshop: admins run it; a coach follows it read-only; anyone else gets 404,
the anonymous visitor the sign-in page."""

import pytest
from django.urls import reverse

from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import PASSWORD, finished_respondents, logged_in, make_round
from ambitionsgraf.organisations.models import Membership, Role


@pytest.fixture
def workshop_round(round_a):
    for perspective in ("leadership", "procurement", "operations"):
        finished_respondents(round_a, perspective, 3)
    round_a.close()
    return round_a


@pytest.fixture
def coach(org_a):
    user = User.objects.create_user(email="coach@radgivare.example", password=PASSWORD)
    Membership.objects.create(organisation=org_a, user=user, role=Role.COACH)
    return logged_in(user)


def workshop_urls(org, round_):
    args = [org.code, round_.code]
    return [
        reverse("workshop:start", args=args),
        reverse("workshop:area", args=[*args, 1]),
        reverse("workshop:area", args=[*args, 8]),
        reverse("workshop:summary", args=args),
    ]


def test_the_admin_of_another_organisation_gets_404_everywhere(
    outsider_client, org_a, workshop_round
):
    for url in workshop_urls(org_a, workshop_round):
        assert outsider_client.get(url).status_code == 404, url
        assert outsider_client.post(url, {"level": "3", "nav": "next"}).status_code == 404, url
    workshop_round.refresh_from_db()
    assert workshop_round.agreed_levels.count() == 0
    assert workshop_round.workshop_finished_at is None


def test_a_round_of_another_organisation_is_404_under_your_own(
    admin_a_client, org_a, org_b, model_version
):
    other = make_round(org_b, model_version)
    for perspective in ("leadership", "procurement", "operations"):
        finished_respondents(other, perspective, 3)

    for url in workshop_urls(org_a, other):
        assert admin_a_client.get(url).status_code == 404, url
        assert admin_a_client.post(url, {"level": "3"}).status_code == 404, url
    assert other.agreed_levels.count() == 0


def test_the_anonymous_visitor_is_sent_to_sign_in(anonymous_client, org_a, workshop_round):
    for url in workshop_urls(org_a, workshop_round):
        for response in (anonymous_client.get(url), anonymous_client.post(url, {"level": "3"})):
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("accounts:login")), url
    assert workshop_round.agreed_levels.count() == 0


def test_a_coach_follows_the_workshop_read_only(coach, org_a, workshop_round):
    for url in workshop_urls(org_a, workshop_round):
        response = coach.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert 'method="post"' not in html.split('id="main"')[1], url
        assert 'name="level"' not in html, url


def test_a_coach_cannot_save_or_finish(coach, org_a, workshop_round):
    for url in workshop_urls(org_a, workshop_round):
        assert coach.post(url, {"level": "3", "reason": "x", "nav": "next"}).status_code == 404
    workshop_round.refresh_from_db()
    assert workshop_round.agreed_levels.count() == 0
    assert workshop_round.workshop_finished_at is None


def test_a_coach_sees_what_was_agreed(coach, admin_a_client, org_a, workshop_round):
    area = reverse("workshop:area", args=[org_a.code, workshop_round.code, 1])
    admin_a_client.post(area, {"level": "2.5", "reason": "Vi saknar uppföljning"})

    response = coach.get(area)

    text = response.content.decode()
    assert "2,5" in text and "Vi saknar uppföljning" in text
    assert reverse("workshop:area", args=[org_a.code, workshop_round.code, 2]) in text


def test_the_results_page_links_the_workshop_for_admin_and_coach(
    coach, admin_a_client, org_a, workshop_round
):
    results = reverse("results:round", args=[org_a.code, workshop_round.code])
    start = reverse("workshop:start", args=[org_a.code, workshop_round.code])

    assert start in admin_a_client.get(results).content.decode()
    assert start in coach.get(results).content.decode()
