"""Turning two-factor sign-in on from the account page, the recovery codes, turning it off."""

import re
from base64 import b32decode

from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ambitionsgraf.accounts import two_factor
from ambitionsgraf.accounts.testing import totp_code
from ambitionsgraf.audit.models import Action, Event
from ambitionsgraf.conftest import PASSWORD, english, in_language, logged_in, page_text

from .conftest import code_step, password_step, secret_on, signed_in_user_id, turn_on, unthrottle

NOT_THE_CODE = (
    "That is not the code the app shows now. Check that you added the key shown on this page, "
    "then write the newest code."
)


def test_the_account_page_offers_two_factor_when_it_is_off(user):
    response = logged_in(user).get(english("accounts:account"))
    text = page_text(response)
    assert "Two-factor sign-in is off." in text
    assert english("accounts:two_factor_setup") in text


def test_the_setup_page_shows_a_qr_code_and_the_key_in_groups(user):
    response = logged_in(user).get(english("accounts:two_factor_setup"))

    html = response.content.decode()
    assert re.search(r'<img src="data:image/svg\+xml;[^"]+"[^>]* alt="QR code[^"]+"', html)
    device = TOTPDevice.objects.get(user=user)
    assert not device.confirmed
    secret = secret_on(response)
    assert b32decode(secret).hex() == device.key
    assert re.search(r'<code id="totp-secret">([A-Z2-7]{4} ){7}[A-Z2-7]{4}</code>', html)
    assert 'name="code"' in html


def test_the_key_stays_the_same_until_it_is_confirmed(user):
    client = logged_in(user)
    first = secret_on(client.get(reverse("accounts:two_factor_setup")))
    assert secret_on(client.get(reverse("accounts:two_factor_setup"))) == first
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_the_first_code_turns_it_on_with_ten_recovery_codes(user):
    client = logged_in(user)

    codes = turn_on(client)

    device = TOTPDevice.objects.get(user=user)
    assert device.confirmed
    assert len(codes) == 10 == len(set(codes))
    assert two_factor.recovery_codes_left(user) == 10
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    event = Event.objects.get(action=Action.TWO_FACTOR_ENABLED)
    assert (event.actor, event.organisation) == (user, None)


def test_the_recovery_codes_page_explains_them_and_shows_them_once(user):
    client = logged_in(user)
    turn_on(client)
    page = page_text(client.get(english("accounts:recovery_codes")))
    assert "Save these codes now: they are shown only this once." in page
    assert "Each code works once." in page

    saved = client.post(reverse("accounts:recovery_codes"))

    assert saved["Location"] == reverse("accounts:account")
    assert client.get(reverse("accounts:recovery_codes"))["Location"] == reverse("accounts:account")


def test_turning_on_ends_the_other_sessions(user):
    laptop, phone = logged_in(user), logged_in(user)
    turn_on(laptop)
    assert laptop.get(reverse("accounts:account")).status_code == 200
    assert phone.get(reverse("accounts:account")).status_code == 302


def test_a_wrong_first_code_turns_nothing_on(user):
    client = logged_in(user)
    client.get(reverse("accounts:two_factor_setup"))

    response = client.post(reverse("accounts:two_factor_setup"), {"code": "abc"})

    assert response.status_code == 400
    assert in_language("sv", NOT_THE_CODE) in page_text(response)
    assert not two_factor.is_on(user)
    assert not StaticToken.objects.exists()
    assert not Event.objects.filter(action=Action.TWO_FACTOR_ENABLED).exists()


def test_a_code_straight_after_a_wrong_one_must_wait_and_says_how_long(user):
    client = logged_in(user)
    client.get(reverse("accounts:two_factor_setup"))
    device = TOTPDevice.objects.get(user=user)
    right = totp_code(device)
    client.post(
        reverse("accounts:two_factor_setup"), {"code": "000000" if right != "000000" else "111111"}
    )

    response = client.post(reverse("accounts:two_factor_setup"), {"code": right})

    assert (response.status_code, response["Retry-After"]) == (429, "1")
    assert not two_factor.is_on(user)


def test_the_setup_page_when_it_is_already_on_goes_to_the_account(app):
    response = logged_in(app.user).get(reverse("accounts:two_factor_setup"))
    assert response["Location"] == reverse("accounts:account")
    assert TOTPDevice.objects.filter(user=app.user).count() == 1


def test_the_account_page_says_it_is_on_and_counts_the_codes(user):
    client = logged_in(user)
    turn_on(client)
    text = page_text(client.get(english("accounts:account")))
    assert "Two-factor sign-in is on." in text
    assert "You have 10 unused recovery codes." in text


def test_new_recovery_codes_replace_the_old_ones(user):
    client = logged_in(user)
    old = turn_on(client)

    response = client.post(reverse("accounts:new_recovery_codes"))

    assert response["Location"] == reverse("accounts:recovery_codes")
    page = client.get(reverse("accounts:recovery_codes")).content.decode()
    new = re.findall(r"<li><code>([a-z2-7]{4}-[a-z2-7]{4})</code></li>", page)
    assert len(new) == 10 and not set(new) & set(old)
    other = Client()
    password_step(other)
    assert code_step(other, old[0]).status_code == 400  # refused
    unthrottle(StaticDevice.objects.get(user=user))
    assert code_step(other, new[0]).status_code == 302
    assert signed_in_user_id(other) == str(user.pk)


def test_new_recovery_codes_need_a_post_and_two_factor(user):
    client = logged_in(user)
    assert client.get(reverse("accounts:new_recovery_codes")).status_code == 405
    response = client.post(reverse("accounts:new_recovery_codes"))
    assert response["Location"] == reverse("accounts:account")
    assert not StaticToken.objects.exists()


def test_turning_off_asks_for_the_password(app, recovery_codes):
    client = logged_in(app.user)

    wrong = client.post(reverse("accounts:two_factor_off"), {"password": "fel"})
    assert in_language("sv", "The password is wrong. Try again.") in page_text(wrong)
    assert two_factor.is_on(app.user)

    right = client.post(reverse("accounts:two_factor_off"), {"password": PASSWORD})

    assert right["Location"] == reverse("accounts:account")
    assert not two_factor.is_on(app.user)
    assert two_factor.recovery_codes_left(app.user) == 0
    assert Event.objects.get(action=Action.TWO_FACTOR_DISABLED).actor == app.user
    password_step(client := Client())
    assert signed_in_user_id(client) == str(app.user_id)  # the password alone again


def test_turning_off_is_refused_for_agency_staff(app):
    app.user.agency_role = "analyst"
    app.user.save()
    client = logged_in(app.user)

    response = client.post(reverse("accounts:two_factor_off"), {"password": PASSWORD}, follow=True)

    message = "Agency staff must use two-factor sign-in, so it cannot be turned off."
    assert in_language("sv", message) in page_text(response)
    assert two_factor.is_on(app.user)
    assert not Event.objects.filter(action=Action.TWO_FACTOR_DISABLED).exists()
    assert reverse("accounts:two_factor_off") not in page_text(response)


def test_the_off_page_without_two_factor_goes_to_the_account(user):
    response = logged_in(user).get(reverse("accounts:two_factor_off"))
    assert response["Location"] == reverse("accounts:account")


def test_visitors_are_asked_to_sign_in(client, db):
    for name in ("two_factor_setup", "recovery_codes", "new_recovery_codes", "two_factor_off"):
        response = client.get(reverse(f"accounts:{name}"))
        assert response["Location"].startswith(reverse("accounts:login") + "?next="), name


def test_a_code_from_the_app_after_setup_signs_in(user):
    client = logged_in(user)
    turn_on(client)
    device = TOTPDevice.objects.get(user=user)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)  # as if a step had passed
    fresh = Client()
    password_step(fresh)
    assert code_step(fresh, totp_code(device)).status_code == 302
    assert signed_in_user_id(fresh) == str(user.pk)
