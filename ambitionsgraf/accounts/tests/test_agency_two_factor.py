"""Agency staff must sign in with two factors; for everyone else it is a choice."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY

from ambitionsgraf.accounts.middleware import AgencyTwoFactorMiddleware
from ambitionsgraf.accounts.models import User
from ambitionsgraf.accounts.testing import give_totp_device, totp_code
from ambitionsgraf.conftest import PASSWORD, english, in_language, logged_in, page_text, signup_data

from .conftest import code_step, password_step, signed_in_user_id, turn_on

ANALYST = "analytiker@myndigheten.example"
SET_UP = (
    "Agency staff sign in with two factors: the password and a code from an app on your phone. "
    "Set it up to go on."
)


@pytest.fixture
def analyst(db) -> User:
    return User.objects.create_user(email=ANALYST, password=PASSWORD, agency_role="analyst")


def password_only(user) -> Client:
    """Signed in with the password alone: no verified device in the session."""
    client = Client()
    client.force_login(user)
    return client


def test_agency_staff_without_an_app_are_sent_to_set_one_up(analyst):
    client = Client()
    response = password_step(client, ANALYST, next_url=reverse("accounts:account"))
    assert response["Location"] == reverse("accounts:account")

    page = client.get(reverse("accounts:account"), follow=True)

    assert page.redirect_chain[-1][0] == reverse("accounts:two_factor_setup")
    assert in_language("sv", SET_UP) in page_text(page)
    for url in (reverse("organisations:home"), reverse("front"), "/no-such-page/"):
        assert client.get(url)["Location"] == reverse("accounts:two_factor_setup"), url


def test_the_setup_pages_sign_out_and_static_files_are_let_through(analyst):
    client = password_only(analyst)
    assert client.get(reverse("accounts:two_factor_setup")).status_code == 200
    assert client.get(english("accounts:two_factor_setup")).status_code == 200  # language switch
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert signed_in_user_id(client) is None


def test_static_files_are_not_redirected(analyst, rf):
    request = rf.get("/static/css/site.css")
    request.user = analyst
    analyst.is_verified = lambda: False
    request.session = {}
    reached = AgencyTwoFactorMiddleware(lambda r: "served")(request)
    assert reached == "served"


def test_setting_up_the_app_lets_them_in(analyst):
    client = password_only(analyst)
    turn_on(client)

    assert client.get(reverse("accounts:account")).status_code == 200


def test_agency_staff_with_an_app_but_no_code_in_this_session_sign_in_again(analyst):
    give_totp_device(analyst)
    client = password_only(analyst)

    response = client.get(reverse("accounts:account"))

    assert response["Location"] == reverse("accounts:login") + "?next=/accounts/account/"
    assert signed_in_user_id(client) is None


def test_agency_staff_sign_in_with_the_password_and_a_code(analyst):
    device = give_totp_device(analyst)
    client = Client()
    assert password_step(client, ANALYST)["Location"] == reverse("accounts:login_code")

    code_step(client, totp_code(device))

    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get(reverse("accounts:account")).status_code == 200


def test_logged_in_gives_agency_staff_a_verified_session(analyst):
    client = logged_in(analyst)
    assert client.get(reverse("accounts:account")).status_code == 200
    assert client.get(reverse("accounts:two_factor_setup"))["Location"] == reverse(
        "accounts:account"
    )


def test_other_users_may_go_without_two_factor(db):
    user = User.objects.create_user(email="anna@kommun.example", password=PASSWORD)
    assert password_only(user).get(reverse("accounts:account")).status_code == 200


def test_agency_staff_cannot_be_made_by_sign_up(client, db):
    client.post(reverse("accounts:signup"), signup_data() | {"account-agency_role": "analyst"})

    assert User.objects.get(email="ny@nystad.example").agency_role == ""
