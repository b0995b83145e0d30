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


def ask(client, email="anna@kommun.example", **extra):
    return client.post(reverse("accounts:password_reset"), {"email": email}, **extra)


@pytest.mark.django_db
def test_one_address_gets_at_most_five_links_an_hour(client, user, mailoutbox):
    """Anyone who knows an address can ask: a script must not fill its inbox."""
    assert [ask(client).status_code for _ in range(5)] == [302] * 5
    refused = ask(client, "ANNA@kommun.example ")  # the same address, however written

    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert len(mailoutbox) == 5
    text = refused.content.decode()
    assert "Du har bett om ett nytt lösenord för många gånger" in text
    assert "Försök igen om 60 minuter" in text
    english = client.post("/en/accounts/password/reset/", {"email": "anna@kommun.example"})
    assert "You have asked for a new password too many times" in english.content.decode()
    assert len(mailoutbox) == 5


@pytest.mark.django_db
def test_the_limit_counts_addresses_without_an_account_the_same_way(client, mailoutbox):
    """Refusing only the addresses with an account would tell who has one."""
    statuses = [ask(client, "okand@example.org").status_code for _ in range(6)]

    assert statuses == [302] * 5 + [429]


@pytest.mark.django_db
def test_other_addresses_are_counted_apart_until_the_client_limit(client, user, mailoutbox):
    assert [ask(client).status_code for _ in range(5)] == [302] * 5
    assert ask(client, "bo@kommun.example").status_code == 302  # another address: its own count
    others = [ask(client, f"person{n}@kommun.example").status_code for n in range(44)]
    assert others == [302] * 44  # 50 from one client address in the hour
    assert ask(client, "sista@kommun.example").status_code == 429
    assert ask(client, "sista@kommun.example", REMOTE_ADDR="192.0.2.9").status_code == 302
