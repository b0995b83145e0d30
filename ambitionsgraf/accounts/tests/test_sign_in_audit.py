"""Sign-ins, failed sign-ins and two-factor changes are written to the audit log."""

from django.test import Client
from django.urls import reverse

from ambitionsgraf.accounts.testing import totp_code
from ambitionsgraf.audit.models import Action, Event
from ambitionsgraf.conftest import PASSWORD

from .conftest import EMAIL, code_step, password_step


def events(action):
    return list(Event.objects.filter(action=action).order_by("pk"))


def test_a_sign_in_is_recorded_with_the_address(client, user):
    password_step(client)

    [event] = events(Action.SIGNED_IN)
    assert (event.actor, event.actor_label, event.organisation) == (user, EMAIL, None)
    assert event.ip_address == "127.0.0.1"
    assert event.details == {"two_factor": False}


def test_a_wrong_password_is_recorded_against_the_account(client, user):
    password_step(client, email=EMAIL.upper(), password="fel")

    [event] = events(Action.SIGN_IN_FAILED)
    assert (event.actor, event.actor_label) == (user, EMAIL.upper())
    assert event.details == {"step": "password"}
    assert not events(Action.SIGNED_IN)


def test_an_unknown_address_is_recorded_as_typed(client, db):
    client.post(reverse("accounts:login"), {"username": "okand@kommun.example", "password": "x"})

    [unknown] = events(Action.SIGN_IN_FAILED)
    assert unknown.actor is None and unknown.actor_label == "okand@kommun.example"


def test_an_address_too_long_to_be_one_is_refused_by_the_form_before_any_check(client, db):
    typed = "x" * 300 + "@kommun.example"

    response = client.post(reverse("accounts:login"), {"username": typed, "password": "fel"})

    assert response.status_code == 400
    assert response.context["form"].errors["username"]
    assert not events(Action.SIGN_IN_FAILED)


def test_a_sign_in_with_a_code_is_recorded_once_the_code_is_right(client, app):
    password_step(client)
    assert not events(Action.SIGNED_IN)
    code_step(client, "000000" if totp_code(app) != "000000" else "111111")

    [failed] = events(Action.SIGN_IN_FAILED)
    assert (failed.actor, failed.details) == (app.user, {"step": "code"})


def test_a_sign_in_with_the_app_says_two_factor(client, app):
    password_step(client)
    code_step(client, totp_code(app))

    [event] = events(Action.SIGNED_IN)
    assert event.actor == app.user and event.details == {"two_factor": True}


def test_a_used_recovery_code_is_recorded(client, user, recovery_codes):
    password_step(client)
    code_step(client, recovery_codes[3])

    [event] = events(Action.RECOVERY_CODE_USED)
    assert (event.actor, event.organisation, event.details) == (user, None, {"left": 9})
    assert event.ip_address == "127.0.0.1"


def test_signing_out_everywhere_is_recorded(user):
    client = Client()
    password_step(client)
    client.post(reverse("accounts:sign_out_everywhere"))

    [event] = events(Action.SIGNED_OUT_EVERYWHERE)
    assert (event.actor, event.organisation) == (user, None)


def test_attempts_on_a_locked_account_are_recorded_as_failed(client, user):
    for _ in range(11):
        password_step(client, password="fel")
    password_step(client, password=PASSWORD)
    assert len(events(Action.SIGN_IN_FAILED)) == 12
    assert not events(Action.SIGNED_IN)
