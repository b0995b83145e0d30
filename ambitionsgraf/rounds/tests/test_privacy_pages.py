"""The privacy notice and the accessibility statement: public, in both languages, and quoting
the settings the product really runs with."""

import pytest
from django.urls import reverse

from ambitionsgraf.conftest import english, page_text


@pytest.mark.parametrize("name", ["privacy", "accessibility"])
def test_the_page_is_public_in_both_languages(client, db, name):
    swedish = client.get(reverse(name))
    in_english = client.get(english(name))

    assert swedish.status_code == in_english.status_code == 200
    assert '<html lang="sv">' in swedish.content.decode()
    assert '<html lang="en">' in in_english.content.decode()


def test_the_privacy_notice_quotes_the_retention_setting(client, db, settings):
    settings.RESPONDENT_EMAIL_RETENTION_DAYS = 45

    text = page_text(client.get(english("privacy")))

    assert "erased automatically 45 days after their round closes" in text
    assert "fewer than 3 people" in text
    assert "IP address" in text
    assert "Your data" in text


def test_the_contact_address_comes_from_the_settings(client, db, settings):
    settings.CONTACT_EMAIL = "dataskydd@myndighet.example"

    for name in ("privacy", "accessibility"):
        assert 'href="mailto:dataskydd@myndighet.example"' in page_text(client.get(english(name)))


def test_the_accessibility_statement_names_the_supervisory_authority(client, db):
    text = page_text(client.get(english("accessibility")))

    assert "WCAG 2.1" in text
    assert "partly compliant" in text
    assert 'href="https://www.digg.se/tdosanmalan"' in text
    assert "Myndigheten för digital förvaltning" in text
    assert "2026-12-02" in text
