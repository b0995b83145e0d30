import pytest
from django.test import Client
from django.urls import reverse

from ambitionsgraf.accounts.models import User

PASSWORD = "rätt-lösenord-123"


def signed_in_client(email) -> Client:
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": email, "password": PASSWORD})
    assert response.status_code == 302
    return client


@pytest.mark.django_db
def test_signing_out_everywhere_ends_every_session_of_the_account_only():
    User.objects.create_user(email="anna@kommun.example", password=PASSWORD)
    User.objects.create_user(email="bo@kommun.example", password=PASSWORD)
    laptop = signed_in_client("anna@kommun.example")
    phone = signed_in_client("anna@kommun.example")
    colleague = signed_in_client("bo@kommun.example")
    account = reverse("accounts:account")
    assert phone.get(account).status_code == 200

    response = laptop.post(reverse("accounts:sign_out_everywhere"))

    assert response.status_code == 302
    assert laptop.get(account).status_code == 302  # to the sign-in page
    assert phone.get(account).status_code == 302
    assert colleague.get(account).status_code == 200
    assert signed_in_client("anna@kommun.example").get(account).status_code == 200


@pytest.mark.django_db
def test_sign_out_everywhere_needs_a_post(client):
    User.objects.create_user(email="anna@kommun.example", password=PASSWORD)
    client.force_login(User.objects.get())
    assert client.get(reverse("accounts:sign_out_everywhere")).status_code == 405
    assert client.get(reverse("accounts:account")).status_code == 200
