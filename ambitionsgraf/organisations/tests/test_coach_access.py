"""A coach reads the overview and the results; every page about respondents or for managing the
organisation answers 404, and nothing changes."""

import pytest
from django.urls import reverse

from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import (
    PASSWORD,
    finished_respondents,
    logged_in,
    make_respondent,
    make_round,
    page_text,
)
from ambitionsgraf.organisations.models import Invitation, Membership, Role
from ambitionsgraf.rounds.models import Ambition, Respondent, Round

SECRET_EMAIL = "hemlig@alvstad.example"
ORGANISATION_PAGES = {
    "organisations:invite_admin": {"email": "x@coach.example", "role": "admin", "language": "sv"},
    "rounds:new": {"name": "Coachens omgång", "closes_on": ""},
    "rounds:new_from_last": {"name": "Coachens omgång", "respondents": [SECRET_EMAIL]},
}
ROUND_PAGES = {
    "rounds:detail": {},
    "rounds:invite": {
        "addresses": "x@coach.example",
        "perspective": "leadership",
        "language": "sv",
    },
    "rounds:remind": {"perspective": ""},
    "rounds:ambition": {"target_goals": "5", "reason_goals": "Coachen"},
    "rounds:close": {},
}


@pytest.fixture
def coach(org_a) -> User:
    user = User.objects.create_user(email="coach@radgivare.example", password=PASSWORD)
    Membership.objects.create(organisation=org_a, user=user, role=Role.COACH)
    return user


@pytest.fixture
def coach_client(coach):
    return logged_in(coach)


@pytest.fixture
def urls(org_a, round_a):
    make_respondent(round_a, "leadership", email=SECRET_EMAIL)
    finished_respondents(round_a, "procurement", 3)
    made = {name: reverse(name, args=[org_a.code]) for name in ORGANISATION_PAGES}
    made.update({name: reverse(name, args=[org_a.code, round_a.code]) for name in ROUND_PAGES})
    return made


def snapshot(org, round_):
    round_.refresh_from_db()
    return {
        "rounds": Round.objects.filter(organisation=org).count(),
        "respondents": list(
            Respondent.objects.values_list("email", "token_hash", "reminders_sent")
        ),
        "invitations": Invitation.objects.count(),
        "ambitions": Ambition.objects.count(),
        "status": round_.status,
    }


@pytest.mark.parametrize("name", list(ORGANISATION_PAGES) + list(ROUND_PAGES))
def test_a_coach_gets_404_on_every_managing_page_with_get(coach_client, urls, name):
    response = coach_client.get(urls[name])

    assert response.status_code == 404
    assert SECRET_EMAIL not in page_text(response)


@pytest.mark.parametrize("name", list(ORGANISATION_PAGES) + list(ROUND_PAGES))
def test_a_coach_gets_404_on_every_managing_page_with_post_and_changes_nothing(
    coach_client, urls, org_a, round_a, mailoutbox, django_capture_on_commit_callbacks, name
):
    data = {**ORGANISATION_PAGES, **ROUND_PAGES}[name]
    before = snapshot(org_a, round_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = coach_client.post(urls[name], data)

    assert response.status_code == 404
    assert snapshot(org_a, round_a) == before
    assert mailoutbox == []


def test_a_coach_reads_the_overview_without_respondents_or_management_links(
    coach_client, admin_a_client, urls, org_a, round_a
):
    Invitation.objects.create(
        organisation=org_a, email="pending@alvstad.example", token_hash="x" * 64
    )

    response = coach_client.get(reverse("organisations:overview", args=[org_a.code]))

    assert response.status_code == 200
    text = page_text(response)
    assert round_a.name in text
    assert reverse("results:round", args=[org_a.code, round_a.code]) in text
    for url in urls.values():
        assert f'href="{url}"' not in text, url
    assert SECRET_EMAIL not in text
    assert "pending@alvstad.example" not in text
    assert "pending@alvstad.example" in page_text(
        admin_a_client.get(reverse("organisations:overview", args=[org_a.code]))
    )


def test_a_coach_reads_the_results_without_management_links(coach_client, urls, org_a, round_a):
    response = coach_client.get(reverse("results:round", args=[org_a.code, round_a.code]))

    assert response.status_code == 200
    text = page_text(response)
    assert SECRET_EMAIL not in text
    for name in ("rounds:ambition", "rounds:invite", "rounds:remind", "rounds:close"):
        assert f'href="{urls[name]}"' not in text, name


def test_a_coach_of_one_organisation_gets_404_at_another(coach_client, org_b, model_version):
    other = make_round(org_b, model_version, name="Bergbys omgång")

    for url in (
        reverse("organisations:overview", args=[org_b.code]),
        reverse("results:round", args=[org_b.code, other.code]),
    ):
        assert coach_client.get(url).status_code == 404


@pytest.mark.parametrize("persona", ["coach_client", "admin_a_client"])
def test_the_overview_runs_a_bounded_number_of_queries(
    request, persona, org_a, model_version, django_assert_max_num_queries
):
    client = request.getfixturevalue(persona)

    def count_queries():
        with django_assert_max_num_queries(12) as captured:
            response = client.get(reverse("organisations:overview", args=[org_a.code]))
        assert response.status_code == 200
        return len(captured)

    make_round(org_a, model_version, name="Första")
    few = count_queries()
    for n in range(4):
        round_ = make_round(org_a, model_version, name=f"Omgång {n}")
        finished_respondents(round_, "leadership", 3)
        if n % 2:
            round_.close()
        user = User.objects.create_user(email=f"coach{n}@radgivare.example", password=PASSWORD)
        Membership.objects.create(organisation=org_a, user=user, role=Role.COACH)
    assert count_queries() == few


def test_a_coach_sees_only_totals_of_an_open_round_not_counts_per_perspective(
    coach_client, admin_a_client, org_a, urls
):
    url = reverse("organisations:overview", args=[org_a.code])

    coach_page = page_text(coach_client.get(url))
    admin_page = page_text(admin_a_client.get(url))

    assert "participation-" not in coach_page
    assert "participation-" in admin_page
