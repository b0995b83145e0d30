"""An admin revokes a respondent's personal link, or sends a new one, from the round page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from ambitionsgraf.accounts.models import User
from ambitionsgraf.audit.models import Action, Event
from ambitionsgraf.conftest import (
    PASSWORD,
    english,
    in_language,
    logged_in,
    mail_link,
    make_respondent,
    make_round,
    page_text,
)
from ambitionsgraf.organisations.models import Membership, Role
from ambitionsgraf.rounds import reminders
from ambitionsgraf.rounds.models import Respondent

ADDRESS = "svarande@alvstad.example"


def revoke_url(org, round_, respondent):
    return reverse("rounds:revoke_link", args=[org.code, round_.code, respondent.pk])


def resend_url(org, round_, respondent):
    return reverse("rounds:resend_link", args=[org.code, round_.code, respondent.pk])


def welcome(token):
    return reverse("questionnaire:welcome", args=[token])


def respondent_events():
    """Audit events about respondents (signing in writes events of its own)."""
    return Event.objects.filter(action__startswith="respondent")


def state(respondent):
    return Respondent.objects.filter(pk=respondent.pk).values().get()


@pytest.fixture
def coach_client(org_a):
    coach = User.objects.create_user(email="coach@radgivning.example", password=PASSWORD)
    Membership.objects.create(organisation=org_a, user=coach, role=Role.COACH)
    return logged_in(coach)


@pytest.fixture
def resend(admin_a_client, org_a, round_a, django_capture_on_commit_callbacks):
    def go(respondent):
        with django_capture_on_commit_callbacks(execute=True):
            return admin_a_client.post(resend_url(org_a, round_a, respondent))

    return go


def test_revoking_asks_to_confirm_first_and_changes_nothing(
    admin_a_client, org_a, round_a, respondent_a
):
    respondent, token = respondent_a
    before = state(respondent)

    response = admin_a_client.post(revoke_url(org_a, round_a, respondent))

    assert response.status_code == 200
    assert ADDRESS in page_text(response)
    assert 'name="confirm" value="yes"' in response.content.decode()
    assert state(respondent) == before
    assert not respondent_events().exists()


def test_a_revoked_link_no_longer_opens_the_questionnaire(
    admin_a_client, client, org_a, round_a, respondent_a
):
    respondent, token = respondent_a

    response = admin_a_client.post(revoke_url(org_a, round_a, respondent), {"confirm": "yes"})

    assert response.status_code == 302
    assert client.get(welcome(token)).status_code == 404
    respondent.refresh_from_db()
    assert respondent.link_revoked_at is not None
    assert respondent.email == ADDRESS
    event = respondent_events().get()
    assert event.action == Action.RESPONDENT_LINK_REVOKED
    assert event.organisation == org_a
    assert ADDRESS not in f"{event.subject} {event.details}"
    assert event.subject == round_a.name
    assert event.details == {"perspective": "operations"}


def test_the_round_page_shows_a_revoked_link_and_an_erased_address(
    admin_a_client, org_a, round_a, respondent_a
):
    respondent, _token = respondent_a
    admin_a_client.post(revoke_url(org_a, round_a, respondent), {"confirm": "yes"})
    erased, _token = make_respondent(round_a, "leadership", email="borta@alvstad.example")
    Respondent.objects.filter(pk=erased.pk).update(email=None)

    response = admin_a_client.get(english("rounds:detail", org_a.code, round_a.code))

    text = page_text(response)
    assert "E-mail address erased" in text
    assert "borta@alvstad.example" not in text
    assert f"Revoked {timezone.localdate():%Y-%m-%d}" in text
    assert resend_url(org_a, round_a, respondent) in text
    assert revoke_url(org_a, round_a, respondent) not in text  # already revoked
    assert resend_url(org_a, round_a, erased) not in text  # no address to send to


def test_a_new_link_is_mailed_and_works_and_the_old_one_dies(
    resend, client, org_a, round_a, respondent_a, admin_a_client, mailoutbox
):
    respondent, token = respondent_a
    admin_a_client.post(revoke_url(org_a, round_a, respondent), {"confirm": "yes"})

    response = resend(respondent)

    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [[ADDRESS]]
    link = mail_link(mailoutbox[0])
    assert client.get(link).status_code == 200
    assert client.get(welcome(token)).status_code == 404
    respondent.refresh_from_db()
    assert respondent.link_revoked_at is None
    assert [e.action for e in respondent_events().order_by("pk")] == [
        Action.RESPONDENT_LINK_REVOKED,
        Action.RESPONDENT_LINK_RESENT,
    ]
    assert all(ADDRESS not in f"{e.subject} {e.details}" for e in respondent_events())


def test_a_revoked_respondent_gets_no_reminder_until_a_new_link_is_sent(
    admin_a_client, org_a, round_a, respondent_a
):
    respondent, _token = respondent_a
    admin_a_client.post(revoke_url(org_a, round_a, respondent), {"confirm": "yes"})

    assert reminders.unfinished_counts(round_a)[""] == 0


def test_nothing_changes_for_a_closed_round(resend, admin_a_client, org_a, round_a, respondent_a):
    respondent, token = respondent_a
    round_a.close()
    before = state(respondent)

    revoked = admin_a_client.post(revoke_url(org_a, round_a, respondent), {"confirm": "yes"})
    resent = resend(respondent)

    assert revoked.status_code == resent.status_code == 302
    assert state(respondent) == before
    assert not respondent_events().exists()
    message = in_language("sv", "The round is closed. Personal links can no longer be changed.")
    assert message in page_text(admin_a_client.get(resent["Location"]))


def test_no_link_can_be_sent_to_an_erased_address(
    resend, admin_a_client, org_a, round_a, respondent_a, mailoutbox
):
    respondent, _token = respondent_a
    Respondent.objects.filter(pk=respondent.pk).update(email=None)
    before = state(respondent)

    resend(respondent)
    admin_a_client.post(revoke_url(org_a, round_a, respondent), {"confirm": "yes"})

    assert state(respondent) == before
    assert mailoutbox == []
    assert not respondent_events().exists()


@pytest.mark.parametrize("who", ["coach_client", "outsider_client"])
@pytest.mark.parametrize("url", [revoke_url, resend_url])
def test_coaches_and_outsiders_get_404_and_nothing_changes(
    request, who, url, org_a, round_a, respondent_a, mailoutbox, django_capture_on_commit_callbacks
):
    respondent, token = respondent_a
    before = state(respondent)

    with django_capture_on_commit_callbacks(execute=True):
        response = request.getfixturevalue(who).post(
            url(org_a, round_a, respondent), {"confirm": "yes"}
        )

    assert response.status_code == 404
    assert state(respondent) == before
    assert mailoutbox == []
    assert not respondent_events().exists()


def test_a_respondent_of_another_round_gets_404(admin_a_client, org_a, round_a, model_version):
    other_round = make_round(org_a, model_version, name="Annan omgång")
    other, _token = make_respondent(other_round, "leadership")

    response = admin_a_client.post(revoke_url(org_a, round_a, other), {"confirm": "yes"})

    assert response.status_code == 404
    other.refresh_from_db()
    assert other.link_revoked_at is None


@pytest.mark.parametrize("url", [revoke_url, resend_url])
def test_get_is_not_allowed(admin_a_client, org_a, round_a, respondent_a, url):
    respondent, _token = respondent_a

    assert admin_a_client.get(url(org_a, round_a, respondent)).status_code == 405
