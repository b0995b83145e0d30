"""An admin invites a coach by e-mail; accepting makes the person a coach, not an admin."""

import pytest
from django.test import Client
from django.urls import reverse

from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import PASSWORD, in_language, logged_in, mail_link, page_text
from ambitionsgraf.organisations.models import Invitation, Membership, Role


def invite(client, org, email="coach@radgivare.example", role="coach", language="sv"):
    return client.post(
        reverse("organisations:invite_admin", args=[org.code]),
        {"email": email, "role": role, "language": language},
    )


def accept_as_newcomer(link):
    client = Client()
    response = client.post(link, {"account-name": "Cecilia Coach", "account-password": PASSWORD})
    return client, response


def test_the_invitation_page_explains_both_roles(admin_a_client, org_a):
    response = admin_a_client.get(reverse("organisations:invite_admin", args=[org_a.code]))

    assert response.status_code == 200
    choices = dict(response.context["form"].fields["role"].choices)
    assert set(choices) == {"admin", "coach"}
    text = page_text(response)
    for explanation in choices.values():
        assert str(explanation) in text
    assert 'type="radio"' in text


def test_an_admin_invites_a_coach_and_the_mail_says_coach(admin_a_client, org_a, mailoutbox):
    response = invite(admin_a_client, org_a, language="en")

    assert response.status_code == 302
    invitation = Invitation.objects.get(organisation=org_a)
    assert invitation.role == Role.COACH
    assert invitation.email == "coach@radgivare.example"
    (message,) = mailoutbox
    assert message.to == ["coach@radgivare.example"]
    assert message.subject == f"You are invited to be a coach of {org_a.name} in Ambitionsgraf"
    assert "never see who answered" in message.body
    assert mail_link(message).startswith("/en/invitation/")


def test_the_coach_mail_is_in_swedish_when_swedish_is_chosen(admin_a_client, org_a, mailoutbox):
    invite(admin_a_client, org_a, language="sv")

    subject = in_language(
        "sv", "You are invited to be a coach of %(name)s in Ambitionsgraf", name=org_a.name
    )
    assert mailoutbox[0].subject == subject
    assert mail_link(mailoutbox[0]).startswith("/invitation/")


def test_without_a_role_the_invitation_is_for_an_admin(admin_a_client, org_a, mailoutbox):
    admin_a_client.post(
        reverse("organisations:invite_admin", args=[org_a.code]),
        {"email": "kollega@alvstad.example", "language": "sv"},
    )

    assert Invitation.objects.get().role == Role.ADMIN
    assert "admin" in mailoutbox[0].subject


def test_an_unknown_role_is_refused_and_nothing_is_sent(admin_a_client, org_a, mailoutbox):
    response = invite(admin_a_client, org_a, role="owner")

    assert response.status_code == 400
    assert "role" in response.context["form"].errors
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_accepting_creates_an_account_and_a_coach_membership(admin_a_client, org_a, mailoutbox):
    invite(admin_a_client, org_a)
    link = mail_link(mailoutbox[0])

    page = Client().get(link)
    client, response = accept_as_newcomer(link)

    assert in_language("sv", "Become a coach of %(name)s", name=org_a.name) in page_text(page)
    assert response.status_code == 302
    assert response["Location"] == reverse("organisations:overview", args=[org_a.code])
    user = User.objects.get(email="coach@radgivare.example")
    membership = Membership.objects.get(organisation=org_a, user=user)
    assert membership.role == Role.COACH
    assert Invitation.objects.get().accepted_at is not None
    overview = client.get(response["Location"])
    assert overview.status_code == 200
    assert in_language("sv", "You are now a coach of %s.") % org_a.name in page_text(overview)


def test_a_signed_in_user_accepting_becomes_coach(admin_a_client, org_a, admin_b, mailoutbox):
    invite(admin_a_client, org_a, email=admin_b.email)

    response = logged_in(admin_b).post(mail_link(mailoutbox[0]))

    assert response.status_code == 302
    assert Membership.objects.get(organisation=org_a, user=admin_b).role == Role.COACH


@pytest.mark.parametrize(
    ("role", "message"),
    [
        ("coach", "This person is already a coach of the organisation."),
        ("admin", "This person is already an admin of the organisation."),
    ],
)
def test_a_member_cannot_be_invited_again(admin_a_client, org_a, mailoutbox, role, message):
    user = User.objects.create_user(email="medlem@alvstad.example", password=PASSWORD)
    Membership.objects.create(organisation=org_a, user=user, role=role)

    response = invite(admin_a_client, org_a, email="Medlem@alvstad.example")

    assert response.status_code == 400
    assert in_language("sv", message) in page_text(response)
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_the_overview_lists_admins_and_coaches_apart_and_pending_invitations_with_role(
    admin_a_client, org_a, mailoutbox
):
    coach = User.objects.create_user(email="coach@radgivare.example", password=PASSWORD)
    Membership.objects.create(organisation=org_a, user=coach, role=Role.COACH)
    invite(admin_a_client, org_a, email="ny-coach@radgivare.example")
    invite(admin_a_client, org_a, email="ny-admin@alvstad.example", role="admin")

    response = admin_a_client.get(reverse("organisations:overview", args=[org_a.code]))

    assert [m.user.email for m in response.context["admins"]] == ["admin@alvstad.example"]
    assert [m.user.email for m in response.context["coaches"]] == ["coach@radgivare.example"]
    pending = {i.email: i.role for i in response.context["pending_invitations"]}
    assert pending == {"ny-coach@radgivare.example": "coach", "ny-admin@alvstad.example": "admin"}
    text = page_text(response)
    assert "ny-coach@radgivare.example" in text
    assert in_language("sv", "Coach") in text.split("<li>ny-coach@radgivare.example", 1)[1][:200]
