"""Sign-up: one account and one organisation, whose admin the new user becomes."""

import pytest
from django.urls import reverse

from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import (
    PASSWORD,
    english,
    in_language,
    make_organisation,
    page_text,
    signup_data,
)
from ambitionsgraf.organisations.models import Membership, Organisation

CHECK_DIGIT = (
    "The organisation number is not valid: the last digit does not match. Check for typos."
)
PERSONAL = "This looks like a personal identity number. Use the organisation's number."
TAKEN = (
    "An organisation with this number is already registered in Ambitionsgraf. "
    "Ask that organisation's admin to invite you. If no one at your organisation knows who "
    "registered it, write to %(email)s."
)
SHAPE = "Write the organisation number as ten digits, for example 212000-0142."
EMAIL_TAKEN = "There is already an account with this e-mail address. Sign in instead."


def assert_nothing_created():
    assert not User.objects.filter(email="ny@nystad.example").exists()
    assert not Organisation.objects.filter(name="Nystads kommun").exists()


def test_signup_page_renders(client, db):
    assert client.get(reverse("accounts:signup")).status_code == 200


def test_signup_creates_account_organisation_and_membership_and_lands_on_overview(client, db):
    response = client.post(reverse("accounts:signup"), signup_data(), follow=True)

    user = User.objects.get(email="ny@nystad.example")
    organisation = Organisation.objects.get(org_number="212000-0142")
    assert Membership.objects.filter(user=user, organisation=organisation, role="admin").exists()
    assert response.redirect_chain[-1][0] == reverse(
        "organisations:overview", args=[organisation.code]
    )
    assert response.status_code == 200
    assert response.context["user"] == user
    assert user.check_password(PASSWORD)


def test_signup_accepts_number_without_dash_and_stores_it_with_one(client, db):
    client.post(reverse("accounts:signup"), signup_data(org_number="2021005489"))

    assert Organisation.objects.get(name="Nystads kommun").org_number == "202100-5489"


def test_wrong_check_digit_shows_the_translated_message_and_creates_nothing(client, db):
    response = client.post(reverse("accounts:signup"), signup_data(org_number="212000-0143"))

    assert response.status_code == 400
    assert in_language("sv", CHECK_DIGIT) in page_text(response)
    assert_nothing_created()


def test_wrong_check_digit_message_is_english_on_english_page(client, db):
    response = client.post(
        english("accounts:signup"),
        signup_data(org_number="212000-0143"),
    )

    assert CHECK_DIGIT in page_text(response)
    assert_nothing_created()


@pytest.mark.parametrize(
    "number",
    [
        "191212-1212",  # third digit 1, check digit also wrong
        "811218-9876",  # third digit 1, valid check digit: only this rule refuses it
        "8012241238",
    ],
)
def test_personal_identity_number_is_refused(client, db, number):
    response = client.post(reverse("accounts:signup"), signup_data(org_number=number))

    assert response.status_code == 400
    assert in_language("sv", PERSONAL) in page_text(response)
    assert_nothing_created()


def test_nine_digit_number_is_refused_with_the_shape_message(client, db):
    response = client.post(reverse("accounts:signup"), signup_data(org_number="212000-014"))

    assert in_language("sv", SHAPE) in page_text(response)
    assert_nothing_created()


def test_already_registered_number_is_refused_with_ask_the_admin_message(client, db, settings):
    settings.CONTACT_EMAIL = "kontakt@myndigheten.example"
    make_organisation("Gamla kommunen", org_number="212000-0142")

    response = client.post(reverse("accounts:signup"), signup_data(org_number="2120000142"))

    assert response.status_code == 400
    taken = in_language("sv", TAKEN) % {"email": "kontakt@myndigheten.example"}
    assert taken in page_text(response)
    assert_nothing_created()
    assert Organisation.objects.count() == 1


def test_duplicate_account_email_is_refused(client, db):
    User.objects.create_user(email="ny@nystad.example", password=PASSWORD)

    response = client.post(reverse("accounts:signup"), signup_data(email="NY@nystad.example"))

    assert response.status_code == 400
    assert in_language("sv", EMAIL_TAKEN) in page_text(response)
    assert User.objects.count() == 1
    assert not Organisation.objects.filter(name="Nystads kommun").exists()


def test_eleven_registrations_an_hour_from_one_address_are_one_too_many(client, db):
    """A script must not fill the service with organisations; a municipality behind one
    address registering a few at once is not stopped."""
    from ambitionsgraf.conftest import org_number

    def register(n, **extra):
        data = signup_data(org_number(90000 + n), email=f"person{n}@nystad.example")
        data["org-name"] = f"Nystad {n}"
        return client.post(reverse("accounts:signup"), data, **extra)

    assert [register(n).status_code for n in range(10)] == [302] * 10
    client.logout()
    refused = register(10)

    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    text = page_text(refused)
    assert "Många organisationer har registrerats från ditt nätverk" in text
    assert "Försök igen om 60 minuter." in text
    data = signup_data(org_number(90020), email="person20@nystad.example")
    in_english = page_text(client.post(english("accounts:signup"), data))
    assert "Many organisations have been registered from your network" in in_english
    assert not User.objects.filter(email="person10@nystad.example").exists()
    assert not Organisation.objects.filter(name="Nystad 10").exists()
    assert register(11, REMOTE_ADDR="192.0.2.9").status_code == 302  # another network
