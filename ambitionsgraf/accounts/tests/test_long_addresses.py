"""An e-mail address longer than 254 characters is not an address: every form refuses it with a
message. (SQLite stores any length; PostgreSQL refused it in the query, which was a 500.)"""

import pytest
from django.urls import reverse

from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import signup_data
from ambitionsgraf.organisations.models import Invitation, Organisation

LONG = "x" * 300 + "@kommun.example"


@pytest.mark.django_db
def test_sign_up_with_an_address_too_long_is_refused_and_creates_nothing(client, model_version):
    response = client.post(reverse("accounts:signup"), signup_data(email=LONG))

    assert response.status_code == 400
    assert not User.objects.exists() and not Organisation.objects.exists()


def test_inviting_an_address_too_long_is_refused_and_sends_nothing(
    admin_a_client, org_a, mailoutbox
):
    url = reverse("organisations:invite_admin", args=[org_a.code])

    response = admin_a_client.post(url, {"email": LONG, "role": "admin"})

    assert response.status_code == 400
    assert response.context["form"].errors["email"]
    assert not Invitation.objects.exists() and not mailoutbox
