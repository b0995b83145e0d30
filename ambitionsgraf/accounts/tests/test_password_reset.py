import re

import pytest
from django.urls import reverse

from ambitionsgraf.accounts.models import User


@pytest.fixture
def user(db):
    return User.objects.create_user(email="anna@kommun.example", password="gammalt-lösen-123")


@pytest.mark.django_db
def test_a_reset_link_lets_the_user_choose_a_new_password(client, user, mailoutbox):
    response = client.post(reverse("accounts:password_reset"), {"email": "anna@kommun.example"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    link = re.search(r"https?://[^/\s]+(/\S+/password/reset/\S+/)", mailoutbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    new = "ett-nytt-lösenord-456"
    done = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"new_password1": new, "new_password2": new},
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)


@pytest.mark.django_db
def test_an_unknown_address_sends_nothing_and_says_the_same(client, mailoutbox):
    response = client.post(reverse("accounts:password_reset"), {"email": "okand@example.org"})
    assert response.status_code == 302
    assert mailoutbox == []


@pytest.mark.django_db
def test_a_tampered_link_is_refused_with_a_clear_page(client, user):
    response = client.get("/accounts/password/reset/MQ/bad-token/", follow=True)
    assert response.status_code == 200
    assert response.context["validlink"] is False
