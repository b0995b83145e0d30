"""The operator invites an admin to an organisation that no admin of it can invite to: the
real organisation when someone else registered it first."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from ambitionsgraf.accounts.models import User
from ambitionsgraf.audit.models import Event
from ambitionsgraf.conftest import PASSWORD, mail_link
from ambitionsgraf.organisations.models import Invitation, Membership


def invite(*args) -> str:
    out = StringIO()
    call_command("invite_organisation_admin", *args, stdout=out)
    return out.getvalue()


def test_the_invited_person_becomes_an_admin_and_the_log_says_the_operator_did_it(
    org_a, mailoutbox, settings
):
    settings.SERVICE_OPERATOR = "Upphandlingsmyndigheten"

    printed = invite(org_a.org_number.replace("-", ""), " Chef@Alvstad.example ")

    (message,) = mailoutbox
    assert message.to == ["chef@alvstad.example"]
    assert "Upphandlingsmyndigheten" in message.body and org_a.name in message.body
    link = mail_link(message)
    assert link in printed
    response = Client().post(
        link, {"account-name": "Chef", "account-email": "x", "account-password": PASSWORD}
    )
    assert response["Location"] == reverse("organisations:overview", args=[org_a.code])
    user = User.objects.get(email="chef@alvstad.example")
    assert Membership.objects.filter(organisation=org_a, user=user, role="admin").exists()
    event = Event.objects.get(action="invitation_sent")
    assert event.organisation == org_a and event.actor is None
    assert event.actor_label == "Upphandlingsmyndigheten"


@pytest.mark.parametrize(
    "args, says",
    [
        (["212000-0143", "chef@alvstad.example"], "the last digit does not match"),
        (["232100-0016", "chef@alvstad.example"], "No organisation with the number 232100-0016"),
        (["{number}", "inte en adress"], "Enter a valid email address"),
        (["{number}", "{admin}"], "already an admin of the organisation"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_sent(org_a, admin_a, mailoutbox, args, says):
    args = [a.format(number=org_a.org_number, admin=admin_a.email.upper()) for a in args]
    with pytest.raises(CommandError, match=says):
        invite(*args)
    assert not mailoutbox
    assert not Invitation.objects.exists()
