"""The keys in personal links, invitations and reset links never reach the log."""

import io
import logging

import pytest
from django.urls import reverse

from ambitionsgraf.conftest import area_post
from ambitionsgraf.lib.log_filters import without_keys
from ambitionsgraf.rounds.questionnaire import areas_for


@pytest.mark.parametrize(
    "logged, kept",
    [
        ("Bad Request: /r/Xy-z_09AbC/area/2/", "Bad Request: /r/[key]/area/2/"),
        ("Conflict: /en/r/Xy-z_09AbC/finish/", "Conflict: /en/r/[key]/finish/"),
        ("Not Found: /r/Xy-z_09AbC/", "Not Found: /r/[key]/"),
        ("Bad Request: /invitation/Xy-z_09AbC/", "Bad Request: /invitation/[key]/"),
        (
            "Bad Request: /accounts/password/reset/MQ/set-password/",
            "Bad Request: /accounts/password/reset/MQ/[key]/",
        ),
        ('"POST /r/Xy-z_09AbC/area/1/ HTTP/1.1" 400 12', '"POST /r/[key]/area/1/ HTTP/1.1" 400 12'),
    ],
)
def test_the_key_in_a_path_is_replaced(logged, kept):
    assert without_keys(logged) == kept


@pytest.mark.parametrize(
    "logged", ["Bad Request: /o/AbC123/rounds/XyZ789/invite/", "Not Found: /agency/national/"]
)
def test_paths_without_a_key_are_left_as_they_are(logged):
    assert without_keys(logged) == logged


@pytest.fixture
def the_log():
    """What the site's own log handler writes, as configured in the settings."""
    handler = next(h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler)
    written = io.StringIO()
    before = handler.setStream(written)
    yield written
    handler.setStream(before)


def test_a_refused_answer_page_is_logged_without_the_respondents_key(client, respondent_a, the_log):
    respondent, token = respondent_a
    _area, questions = areas_for(respondent)[0]

    response = client.post(
        reverse("questionnaire:area", args=[token, 1]), area_post(questions, level="7")
    )

    assert response.status_code == 400
    assert "Bad Request: /r/[key]/area/1/" in the_log.getvalue()
    assert token not in the_log.getvalue()
