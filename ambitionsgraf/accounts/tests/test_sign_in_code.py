"""The second step of signing in: a code from the app or an unused recovery code."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django_otp import DEVICE_ID_SESSION_KEY

from ambitionsgraf.accounts import pending, two_factor
from ambitionsgraf.accounts.sign_in import wait_message
from ambitionsgraf.accounts.testing import totp_code
from ambitionsgraf.conftest import PASSWORD, english, in_language, page_text

from .conftest import EMAIL, code_step, password_step, signed_in_user_id, unthrottle

WRONG = (
    "The code is wrong or has already been used. Codes from the app change every 30 seconds: "
    "write the one it shows now, or one of your recovery codes."
)
TOO_LATE = "The sign-in took too long. Sign in again with your password and a code."


def test_a_user_without_two_factor_is_signed_in_by_the_password(client, user):
    response = password_step(client)

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(user.pk)


def test_the_right_password_is_not_enough_with_two_factor_on(client, app):
    response = password_step(client)

    assert response["Location"] == reverse("accounts:login_code")
    assert signed_in_user_id(client) is None
    assert client.get(reverse("accounts:account")).status_code == 302
    page = client.get(reverse("accounts:login_code"))
    assert 'name="code"' in page.content.decode() and 'id="id_code"' in page.content.decode()


def test_a_code_from_the_app_signs_in_verified_and_keeps_next(client, app):
    password_step(client, next_url=reverse("accounts:account"))

    response = code_step(client, totp_code(app))

    assert response["Location"] == reverse("accounts:account")
    assert signed_in_user_id(client) == str(app.user_id)
    assert client.session[DEVICE_ID_SESSION_KEY] == app.persistent_id
    assert client.get(reverse("accounts:account")).context["user"].is_verified()
    assert pending.SESSION_KEY not in client.session


def test_a_code_with_spaces_is_accepted(client, app):
    password_step(client)
    code = totp_code(app)

    response = code_step(client, f" {code[:3]} {code[3:]} ")

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(app.user_id)


def test_a_wrong_code_is_refused_with_a_clear_message(client, app):
    password_step(client)

    response = code_step(client, "000000" if totp_code(app) != "000000" else "111111")

    assert response.status_code == 400
    assert in_language("sv", WRONG) in page_text(response)
    assert 'aria-invalid="true"' in response.content.decode()
    assert signed_in_user_id(client) is None


def test_an_empty_code_is_asked_for(client, app):
    password_step(client)
    response = client.post(english("accounts:login_code"), {"code": " "})
    assert "Write the code." in page_text(response)


def test_a_used_code_cannot_be_used_again(client, app):
    password_step(client)
    code = totp_code(app)
    code_step(client, code)
    other = Client()
    password_step(other)

    response = code_step(other, code)

    assert response.status_code == 400
    assert signed_in_user_id(other) is None


def test_wrong_codes_are_throttled_with_a_clear_message(client, app):
    password_step(client)
    code_step(client, "000000" if totp_code(app) != "000000" else "111111")

    # The right code, but straight after a wrong one: wait first.
    response = code_step(client, totp_code(app), path=english("accounts:login_code"))

    assert "Too many wrong codes in a row. Wait 1 second and try again." in page_text(response)
    assert (response.status_code, response["Retry-After"]) == (429, "1")
    assert signed_in_user_id(client) is None
    unthrottle(app)
    assert code_step(client, totp_code(app)).status_code == 302
    assert signed_in_user_id(client) == str(app.user_id)


def test_a_recovery_code_signs_in_once(client, user, recovery_codes):
    password_step(client)

    typed = recovery_codes[0].upper()[:4] + "-" + recovery_codes[0][4:]  # as shown, in capitals
    response = code_step(client, typed)

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(user.pk)
    account = page_text(client.get(english("accounts:account")))
    assert "You have 9 unused recovery codes." in account
    translation.activate("sv")  # the English page left English active in this thread

    again = Client()
    password_step(again)
    refused = code_step(again, recovery_codes[0])
    assert in_language("sv", WRONG) in page_text(refused)
    assert signed_in_user_id(again) is None


def test_few_recovery_codes_left_says_make_new_ones(client, app):
    codes = two_factor.new_recovery_codes(app.user, codes=["aaaabbbb", "ccccdddd"])
    password_step(client)

    response = client.post(english("accounts:login_code"), {"code": codes[0]}, follow=True)

    text = page_text(response)
    assert "You have 1 recovery code left." in text
    assert "Make new recovery codes on your account page" in text


def test_a_pending_sign_in_expires_after_five_minutes(client, app):
    password_step(client, next_url=reverse("accounts:account"))
    session = client.session
    data = session[pending.SESSION_KEY]
    data["until"] = (timezone.now() - dt.timedelta(seconds=1)).timestamp()
    session[pending.SESSION_KEY] = data
    session.save()

    response = code_step(client, totp_code(app))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login") + "?next=")
    assert signed_in_user_id(client) is None
    assert pending.SESSION_KEY not in client.session
    page = client.get(response["Location"])
    assert in_language("sv", TOO_LATE) in page_text(page)


def test_the_pending_sign_in_lasts_five_minutes():
    assert pending.LIFETIME == dt.timedelta(minutes=5)


def test_a_password_change_between_the_steps_ends_the_pending_sign_in(client, app):
    password_step(client)
    app.user.set_password("ett-annat-lösenord-99")
    app.user.save()

    response = code_step(client, totp_code(app))

    assert response["Location"].startswith(reverse("accounts:login"))
    assert signed_in_user_id(client) is None


def test_the_code_page_without_a_password_first_goes_to_sign_in(client, db):
    assert client.get(reverse("accounts:login_code"))["Location"] == reverse("accounts:login")
    assert code_step(client, "123456")["Location"] == reverse("accounts:login")


@pytest.mark.django_db
def test_ten_wrong_passwords_still_lock_an_account_with_two_factor(client, app):
    for _ in range(9):
        assert password_step(client, password="fel").status_code == 400
    assert password_step(client, password="fel").status_code == 429
    assert password_step(client, password=PASSWORD).status_code == 429
    assert pending.SESSION_KEY not in client.session


def test_the_english_code_page_is_english(client, app):
    password_step(client, path=english("accounts:login"))
    response = client.get(english("accounts:login_code"))
    assert '<html lang="en">' in response.content.decode()
    assert "Sign in with a code" in page_text(response)
    assert EMAIL not in page_text(response)


@pytest.mark.parametrize(
    ("seconds", "message"),
    [
        (1, "Wait 1 second and try again."),
        (64, "Wait 64 seconds and try again."),
        (512, "Wait 9 minutes and try again."),
    ],
)
def test_the_wait_after_wrong_codes_is_said_in_seconds_or_minutes(seconds, message):
    with translation.override("en"):
        assert wait_message(seconds).endswith(message)
