"""Pages under /en/ are English, all other pages Swedish; the Swedish catalogue loads."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import english, signup_data


def test_swedish_catalogue_loads():
    with translation.override("sv"):
        assert gettext("Sign in") == "Logga in"


@pytest.mark.parametrize("url_name", ["front", "method", "accounts:login", "accounts:signup"])
def test_pages_without_prefix_are_swedish_and_en_pages_english(client, db, url_name):
    sv_url, en_url = reverse(url_name), english(url_name)

    swedish = client.get(sv_url)
    english_page = client.get(en_url)

    assert '<html lang="sv">' in swedish.content.decode()
    assert '<html lang="en">' in english_page.content.decode()
    assert ">Sign in<" in english_page.content.decode()
    assert ">Sign in<" not in swedish.content.decode()


def test_the_language_switch_links_to_the_same_page_in_the_other_language(client, db):
    sv_url, en_url = reverse("accounts:login"), english("accounts:login")
    assert (sv_url, en_url) == ("/accounts/login/", "/en/accounts/login/")

    swedish = client.get(sv_url).content.decode()
    english_page = client.get(en_url).content.decode()

    assert f'href="{en_url}" lang="en"' in swedish
    assert f'href="{sv_url}" lang="sv"' in english_page


def test_respondent_pages_follow_the_link_language(client, respondent_a):
    _respondent, token = respondent_a

    sv_url, en_url = (
        reverse("questionnaire:welcome", args=[token]),
        english("questionnaire:welcome", token),
    )

    swedish = client.get(sv_url)
    english_page = client.get(en_url)

    assert '<html lang="sv">' in swedish.content.decode()
    assert '<html lang="en">' in english_page.content.decode()
    assert "Welcome to" in english_page.content.decode()


def test_admin_pages_are_english_under_en(admin_a_client, org_a):
    response = admin_a_client.get(english("organisations:overview", org_a.code))

    assert '<html lang="en">' in response.content.decode()
    assert "Assessment rounds" in response.content.decode()


def test_signing_up_on_the_english_site_stores_english_as_the_language(client, db):
    client.post(english("accounts:signup"), signup_data())

    assert User.objects.get(email="ny@nystad.example").language == "en"
