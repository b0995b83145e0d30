import pytest
from django.urls import reverse

from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import in_language

PASSWORD = "rätt-lösenord-123"


@pytest.fixture
def user(db):
    return User.objects.create_user(email="anna@kommun.example", password=PASSWORD)


def sign_in(client, password):
    return client.post(
        reverse("accounts:login"), {"username": "anna@kommun.example", "password": password}
    )


@pytest.mark.django_db
def test_ten_wrong_passwords_in_a_row_lock_the_account_with_a_clear_message(client, user):
    for _ in range(9):
        assert sign_in(client, "fel").status_code == 400
    locked = sign_in(client, "fel")
    assert locked.status_code == 429
    assert in_language("sv", "The account is locked for a while") in locked.content.decode()
    # Locked: even the right password does not let anyone in now.
    assert sign_in(client, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_successful_sign_in_resets_the_count(client, user):
    for _ in range(9):
        sign_in(client, "fel")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(9):
        assert sign_in(client, "fel").status_code == 400
    assert sign_in(client, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_the_lock_is_per_account_not_for_colleagues(client, user):
    User.objects.create_user(email="bo@kommun.example", password=PASSWORD)
    for _ in range(10):
        sign_in(client, "fel")
    response = client.post(
        reverse("accounts:login"), {"username": "bo@kommun.example", "password": PASSWORD}
    )
    assert response.status_code == 302
