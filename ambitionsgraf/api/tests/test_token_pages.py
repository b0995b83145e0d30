"""The API tokens page: admins list, make (the secret shown once) and revoke tokens; coaches
and outsiders get 404 on GET and POST, and their POSTs change nothing."""

import pytest
from django.urls import reverse

from ambitionsgraf.accounts.models import User
from ambitionsgraf.api.forms import MAX_ACTIVE_TOKENS
from ambitionsgraf.api.models import ApiToken, Scope
from ambitionsgraf.api.testing import bearer, make_token
from ambitionsgraf.conftest import PASSWORD, english, in_language, logged_in, page_text
from ambitionsgraf.organisations.models import Membership, Role


def tokens_url(org) -> str:
    return reverse("api_tokens:list", args=[org.code])


def revoke_url(org) -> str:
    return reverse("api_tokens:revoke", args=[org.code])


@pytest.fixture
def coach_client(org_a):
    coach = User.objects.create_user(email="coach@radgivning.example", password=PASSWORD)
    Membership.objects.create(organisation=org_a, user=coach, role=Role.COACH)
    return logged_in(coach)


def test_the_admin_sees_the_tokens_without_their_secrets(admin_a_client, org_a, token_a):
    token, secret = token_a

    response = admin_a_client.get(tokens_url(org_a))

    assert response.status_code == 200
    text = page_text(response)
    assert token.name in text
    assert token.prefix in text
    assert secret not in text
    assert "no-store" in response["Cache-Control"]


def test_making_a_token_shows_its_secret_once_and_stores_only_its_hash(
    admin_a_client, admin_a, org_a
):
    response = admin_a_client.post(
        english("api_tokens:list", org_a.code), {"name": "  Statistik  ", "scope": "read"}
    )

    assert response.status_code == 200
    token = ApiToken.objects.get()
    secret = response.context["secret"]
    assert secret.startswith("ag_") and token.prefix == secret[:9]
    assert (token.name, token.scope, token.created_by) == ("Statistik", Scope.READ, admin_a)
    text = page_text(response)
    assert secret in text
    assert "Copy it now: it is shown only this once." in text
    assert "no-store" in response["Cache-Control"]
    stored = [str(v) for v in ApiToken.objects.values().get().values()]
    assert not any(secret in value for value in stored)
    assert secret not in page_text(admin_a_client.get(tokens_url(org_a)))
    assert (
        admin_a_client.get("/api/v1/organisations/" + org_a.code, **bearer(secret)).status_code
        == 200
    )


def test_a_token_without_a_name_is_refused_and_nothing_is_made(admin_a_client, org_a):
    response = admin_a_client.post(tokens_url(org_a), {"name": " ", "scope": "read_write"})

    assert response.status_code == 400
    assert response.context["form"].errors["name"]
    assert response.context["secret"] is None
    assert not ApiToken.objects.exists()


def test_an_organisation_cannot_have_more_than_the_most_tokens_in_use(admin_a_client, org_a):
    for n in range(MAX_ACTIVE_TOKENS):
        make_token(org_a, name=f"Program {n}")

    response = admin_a_client.post(
        english("api_tokens:list", org_a.code), {"name": "En till", "scope": "read"}
    )

    assert response.status_code == 400
    assert "Revoke one you no longer need first." in page_text(response)
    assert ApiToken.objects.count() == MAX_ACTIVE_TOKENS


def test_revoking_a_token_stops_it_at_once(admin_a_client, org_a, token_a):
    token, secret = token_a

    response = admin_a_client.post(revoke_url(org_a), {"token": token.pk})

    assert response.status_code == 302
    assert response["Location"] == tokens_url(org_a)
    token.refresh_from_db()
    assert token.is_revoked
    answer = admin_a_client.get(f"/api/v1/organisations/{org_a.code}", **bearer(secret))
    assert answer.status_code == 401
    page = admin_a_client.get(response["Location"])
    assert in_language(
        "sv",
        "The token “%(name)s” is revoked. Programs that use it are refused from now on.",
        name=token.name,
    ) in page_text(page)


def test_revoking_twice_says_so_and_keeps_the_first_date(admin_a_client, org_a, token_a):
    token, _secret = token_a
    token.revoke()
    first = token.revoked_at

    admin_a_client.post(revoke_url(org_a), {"token": token.pk})

    token.refresh_from_db()
    assert token.revoked_at == first


@pytest.mark.parametrize("value", ["", "abc", "99999999999999999999", "-1"])
def test_revoking_an_unknown_token_is_404(admin_a_client, org_a, value):
    assert admin_a_client.post(revoke_url(org_a), {"token": value}).status_code == 404


def test_a_token_of_another_organisation_cannot_be_revoked_from_this_page(
    admin_a_client, org_a, token_b
):
    token, _secret = token_b

    assert admin_a_client.post(revoke_url(org_a), {"token": token.pk}).status_code == 404
    token.refresh_from_db()
    assert not token.is_revoked


def test_revoke_is_post_only(admin_a_client, org_a):
    assert admin_a_client.get(revoke_url(org_a)).status_code == 405


@pytest.mark.parametrize("who", ["coach_client", "outsider_client"])
def test_coaches_and_outsiders_get_404_and_change_nothing(request, who, org_a, token_a):
    client = request.getfixturevalue(who)
    token, _secret = token_a

    assert client.get(tokens_url(org_a)).status_code == 404
    assert (
        client.post(tokens_url(org_a), {"name": "Intrång", "scope": "read_write"}).status_code
        == 404
    )
    assert client.post(revoke_url(org_a), {"token": token.pk}).status_code == 404
    assert ApiToken.objects.count() == 1
    token.refresh_from_db()
    assert not token.is_revoked


def test_a_visitor_is_sent_to_sign_in(anonymous_client, org_a):
    response = anonymous_client.get(tokens_url(org_a))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
