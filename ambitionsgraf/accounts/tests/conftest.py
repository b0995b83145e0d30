"""Users with two-factor sign-in and the two steps of signing in, for the accounts tests."""

import re
from base64 import b32decode

import pytest
from django.urls import reverse
from django_otp.oath import totp

from ambitionsgraf.accounts import two_factor
from ambitionsgraf.accounts.models import User
from ambitionsgraf.accounts.testing import give_totp_device
from ambitionsgraf.conftest import PASSWORD

EMAIL = "anna@kommun.example"


@pytest.fixture
def user(db) -> User:
    return User.objects.create_user(email=EMAIL, password=PASSWORD, name="Anna")


@pytest.fixture
def app(user):
    """Anna's authenticator app: two-factor sign-in is on, with recovery codes."""
    return give_totp_device(user)


@pytest.fixture
def recovery_codes(app) -> list[str]:
    return two_factor.new_recovery_codes(app.user)


def password_step(client, email=EMAIL, password=PASSWORD, next_url=None, path=None):
    data = {"username": email, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(path or reverse("accounts:login"), data)


def code_step(client, code, path=None):
    return client.post(path or reverse("accounts:login_code"), {"code": code})


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def unthrottle(device) -> None:
    """Forget the wait after wrong codes (django-otp waits 1, 2, 4 ... seconds)."""
    type(device).objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )


def secret_on(page) -> str:
    match = re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', page.content.decode())
    return match.group(1).replace(" ", "")


def code_for(secret: str) -> str:
    return str(totp(b32decode(secret))).zfill(6)


def turn_on(client) -> list[str]:
    """Set up an app through the pages; returns the recovery codes shown."""
    secret = secret_on(client.get(reverse("accounts:two_factor_setup")))
    response = client.post(reverse("accounts:two_factor_setup"), {"code": code_for(secret)})
    assert response["Location"] == reverse("accounts:recovery_codes")
    page = client.get(reverse("accounts:recovery_codes"))
    return re.findall(r"<li><code>([a-z2-7]{4}-[a-z2-7]{4})</code></li>", page.content.decode())
