"""An admin invites a colleague by e-mail; the link makes the colleague an admin."""

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse

from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import PASSWORD, in_language, logged_in, mail_link, page_text
from ambitionsgraf.organisations.models import Invitation, Membership

INVALID = "The invitation is not valid"


def invite(client, org, email="kollega@alvstad.example", language="sv"):
    return client.post(
        reverse("organisations:invite_admin", args=[org.code]),
        {"email": email, "language": language},
    )


def test_invite_page_renders(admin_a_client, org_a):
    response = admin_a_client.get(reverse("organisations:invite_admin", args=[org_a.code]))

    assert response.status_code == 200


def test_admin_invites_a_colleague_and_one_mail_is_sent(admin_a_client, org_a, mailoutbox):
    response = invite(admin_a_client, org_a, email="Kollega@Alvstad.example")

    assert response.status_code == 302
    assert response["Location"] == reverse("organisations:overview", args=[org_a.code])
    invitation = Invitation.objects.get(organisation=org_a)
    assert invitation.email == "kollega@alvstad.example"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["kollega@alvstad.example"]
    assert org_a.name in mailoutbox[0].subject


def test_invitation_link_works_and_is_in_the_chosen_language(admin_a_client, org_a, mailoutbox):
    invite(admin_a_client, org_a, language="en")
    link = mail_link(mailoutbox[0])

    assert link.startswith("/en/invitation/")
    assert "You are invited to be an admin" in mailoutbox[0].subject
    response = Client().get(link)
    assert response.status_code == 200
    assert org_a.name in page_text(response)


def test_swedish_invitation_link_has_no_language_prefix(admin_a_client, org_a, mailoutbox):
    invite(admin_a_client, org_a, language="sv")

    assert mail_link(mailoutbox[0]).startswith("/invitation/")


def test_the_token_is_stored_only_as_a_hash(admin_a_client, org_a, mailoutbox):
    invite(admin_a_client, org_a)
    token = mail_link(mailoutbox[0]).rstrip("/").rsplit("/", 1)[-1]

    invitation = Invitation.objects.get()
    assert token not in invitation.token_hash
    assert len(invitation.token_hash) == 64


def test_existing_admin_cannot_be_invited_again(admin_a_client, org_a, admin_a, mailoutbox):
    response = invite(admin_a_client, org_a, email=admin_a.email)

    assert response.status_code == 400
    assert in_language("sv", "This person is already an admin of the organisation.") in (
        page_text(response)
    )
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_accepting_as_a_new_user_creates_account_and_membership(admin_a_client, org_a, mailoutbox):
    invite(admin_a_client, org_a)
    link = mail_link(mailoutbox[0])
    newcomer = Client()

    response = newcomer.post(
        link,
        {
            "account-name": "Kim Kollega",
            "account-email": "someone-else@evil.example",  # the field is fixed: ignored
            "account-password": PASSWORD,
        },
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("organisations:overview", args=[org_a.code])
    user = User.objects.get(email="kollega@alvstad.example")
    assert not User.objects.filter(email="someone-else@evil.example").exists()
    assert Membership.objects.filter(organisation=org_a, user=user, role="admin").exists()
    assert Invitation.objects.get().accepted_at is not None
    assert newcomer.get(response["Location"]).status_code == 200


def test_accepting_while_signed_in_adds_membership_to_that_account(
    admin_a_client, org_a, admin_b, mailoutbox
):
    invite(admin_a_client, org_a, email=admin_b.email)

    response = logged_in(admin_b).post(mail_link(mailoutbox[0]))

    assert response.status_code == 302
    assert Membership.objects.filter(organisation=org_a, user=admin_b).exists()


def test_used_invitation_gives_the_invalid_page(admin_a_client, org_a, mailoutbox):
    invite(admin_a_client, org_a)
    link = mail_link(mailoutbox[0])
    Client().post(link, {"account-name": "Kim", "account-password": PASSWORD})

    for method in ("get", "post"):
        response = getattr(Client(), method)(
            link, {"account-name": "Kim igen", "account-password": PASSWORD}
        )
        assert response.status_code == 404
        assert in_language("sv", INVALID) in page_text(response)
    assert User.objects.filter(email="kollega@alvstad.example").count() == 1


@pytest.mark.parametrize("token", ["unknown-token", "x" * 32])
def test_unknown_invitation_token_gives_the_invalid_page(client, db, token):
    response = client.get(reverse("organisations:accept_invitation", args=[token]))

    assert response.status_code == 404
    assert in_language("sv", INVALID) in page_text(response)


def test_an_invitation_cannot_be_accepted_by_another_signed_in_account(
    admin_a_client, org_a, admin_b, mailoutbox
):
    invite(admin_a_client, org_a, email="kollega@alvstad.example")
    link = mail_link(mailoutbox[0])

    page = logged_in(admin_b).get(link)
    response = logged_in(admin_b).post(link)

    assert page.status_code == 200 and "kollega@alvstad.example" in page_text(page)
    assert response.status_code == 400
    assert b'class="error-summary"' in response.content  # told first, and focused
    assert not Membership.objects.filter(organisation=org_a, user=admin_b).exists()
    assert Invitation.objects.get().accepted_at is None


def test_the_wrong_account_signs_out_from_the_invitation_and_comes_back_to_it(
    admin_a_client, org_a, admin_b, mailoutbox
):
    invite(admin_a_client, org_a, email="kollega@alvstad.example")
    link = mail_link(mailoutbox[0])
    client = logged_in(admin_b)
    sign_out = f"{reverse('accounts:logout')}?next={quote(link)}"

    assert f'action="{sign_out}"' in client.get(link).content.decode()
    response = client.post(sign_out)

    assert response.status_code == 302 and response["Location"] == link
    page = client.get(link)
    assert not page.wsgi_request.user.is_authenticated
    assert 'name="account-password"' in page.content.decode()  # the new colleague's form
