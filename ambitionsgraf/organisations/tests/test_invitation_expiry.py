"""An invitation to be an admin or a coach works for INVITATION_VALID_DAYS; an admin sends it
again with a new link, in the language it was first sent in; inviting the same address again
replaces the invitation waiting for it."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ambitionsgraf.audit.models import Action, Event
from ambitionsgraf.conftest import english, mail_link, page_text
from ambitionsgraf.organisations.models import Invitation, Membership

from .conftest import counts
from .test_admin_invitation import invite


@pytest.fixture
def link(admin_a_client, org_a, mailoutbox) -> str:
    invite(admin_a_client, org_a, email="kollega@alvstad.example")
    return mail_link(mailoutbox.pop())


def sent_days_ago(days: float) -> None:
    Invitation.objects.update(created_at=timezone.now() - dt.timedelta(days=days))


def account(password="ett långt lösenord 2026") -> dict:
    return {"account-name": "Kim Kollega", "account-password": password}


def test_the_email_says_how_long_the_link_works(admin_a_client, org_a, mailoutbox):
    invite(admin_a_client, org_a, email="kollega@alvstad.example")

    assert "Länken fungerar i 14 dagar." in mailoutbox[0].body


def test_a_link_works_until_its_last_day(client, link):
    sent_days_ago(13.9)

    response = client.post(link, account())

    assert response.status_code == 302
    assert Membership.objects.filter(user__email="kollega@alvstad.example").exists()


def test_an_expired_link_says_so_and_accepts_nothing(client, link, settings):
    settings.INVITATION_VALID_DAYS = 7
    sent_days_ago(7)
    before = counts()

    page = client.get(link)
    response = client.post(link, account())

    assert page.status_code == response.status_code == 404
    text = page_text(page)
    assert "Inbjudan har gått ut" in text
    assert "En inbjudan gäller i 7 dagar, och den här till Älvstads kommun gick ut" in text
    assert 'name="account-password"' not in text
    assert counts() == before


def test_an_admin_sends_it_again_with_a_new_link_in_the_first_language(
    admin_a_client, org_a, client, mailoutbox
):
    invite(admin_a_client, org_a, email="kollega@alvstad.example", language="en")
    link = mail_link(mailoutbox.pop())
    sent_days_ago(30)
    invitation = Invitation.objects.get()

    response = admin_a_client.post(
        reverse("organisations:resend_invitation", args=[org_a.code, invitation.pk]), follow=True
    )

    assert "En ny inbjudan har skickats till kollega@alvstad.example" in page_text(response)
    new_link = mail_link(mailoutbox[0])
    assert new_link != link and new_link.startswith("/en/")
    assert "The link works for 14 days." in mailoutbox[0].body
    assert Invitation.objects.get().is_expired is False
    assert 'name="account-password"' in page_text(client.get(new_link))
    assert client.get(link).status_code == 404  # the old link is dead
    event = Event.objects.filter(action=Action.INVITATION_SENT).latest("pk")
    assert event.details == {"role": "admin", "again": True}
    log = page_text(admin_a_client.get(english("audit:log", org_a.code)))
    assert "kollega@alvstad.example, as admin: sent again with a new link" in log


def test_an_accepted_invitation_is_not_sent_again(admin_a_client, org_a, link, mailoutbox):
    Invitation.objects.update(accepted_at=timezone.now())
    invitation = Invitation.objects.get()
    before = counts()

    response = admin_a_client.post(
        reverse("organisations:resend_invitation", args=[org_a.code, invitation.pk]), follow=True
    )

    assert "kollega@alvstad.example hade redan tackat ja" in page_text(response)
    assert counts() == before
    assert mailoutbox == []


def test_the_overview_marks_an_expired_invitation_in_words(admin_a_client, org_a, link):
    sent_days_ago(20)

    response = admin_a_client.get(reverse("organisations:overview", args=[org_a.code]))

    expired_on = (timezone.localdate() - dt.timedelta(days=6)).isoformat()
    assert f"gick ut {expired_on}" in page_text(response)


def test_inviting_an_address_again_replaces_its_waiting_invitation(
    admin_a_client, org_a, link, client, mailoutbox
):
    invite(admin_a_client, org_a, email="Kollega@alvstad.example", language="en")

    invitation = Invitation.objects.get()  # one row for the address
    assert invitation.language == "en"
    assert client.get(link).status_code == 404  # the first link is dead
    assert client.get(mail_link(mailoutbox[0])).status_code == 200
