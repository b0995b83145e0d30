"""The ambition: a target level from 1 to 5 per area, in steps of a half."""

from decimal import Decimal

import pytest
from django.urls import reverse

from ambitionsgraf.conftest import in_language, page_text
from ambitionsgraf.rounds.models import Ambition

RANGE = "Choose a level from 1 to 5, in steps of a half (for example 3 or 3.5)."


@pytest.fixture
def post_ambition(admin_a_client, org_a, round_a):
    def post(**targets):
        data = {f"target_{key}": value for key, value in targets.items()}
        return admin_a_client.post(
            reverse("rounds:ambition", args=[org_a.code, round_a.code]), data
        )

    return post


def saved(round_):
    return {a.area.key: a.target for a in round_.ambitions.select_related("area")}


def test_ambition_page_renders_one_row_per_area(admin_a_client, org_a, round_a, model_version):
    response = admin_a_client.get(reverse("rounds:ambition", args=[org_a.code, round_a.code]))

    assert response.status_code == 200
    for area in model_version.areas.all():
        assert f'name="target_{area.key}"' in response.content.decode()


def test_ambition_page_title_names_the_round(admin_a_client, org_a, round_a):
    """Ambition pages of several rounds, open in tabs or in the history, can be told apart."""
    response = admin_a_client.get(reverse("rounds:ambition", args=[org_a.code, round_a.code]))

    assert f"<title>Bestäm ambitionsnivån: {round_a.name} – Ambitionsgraf</title>" in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("1", "1.0"),
        ("1.5", "1.5"),
        ("3", "3.0"),
        ("3.5", "3.5"),
        ("3,5", "3.5"),
        (" 4,0 ", "4.0"),
        ("5", "5.0"),
    ],
)
def test_valid_targets_are_saved(post_ambition, round_a, org_a, raw, expected):
    response = post_ambition(goals=raw)

    assert response.status_code == 302
    assert response["Location"] == reverse("results:round", args=[org_a.code, round_a.code])
    assert saved(round_a) == {"goals": Decimal(expected)}


@pytest.mark.parametrize("raw", ["7", "0.5", "2.3", "abc", "5.5", "0", "-1", "NaN", "Infinity"])
def test_invalid_targets_are_refused_and_nothing_is_saved(post_ambition, round_a, raw):
    post_ambition(goals="2", planning="4")
    before = saved(round_a)

    response = post_ambition(goals=raw, planning="5", strategies="3")

    assert response.status_code == 400
    assert in_language("sv", RANGE) in page_text(response)
    assert saved(round_a) == before


def test_an_empty_value_removes_the_ambition(post_ambition, round_a):
    post_ambition(goals="2", planning="4")

    response = post_ambition(goals="", planning="4")

    assert response.status_code == 302
    assert saved(round_a) == {"planning": Decimal("4.0")}


def test_the_reason_is_saved_and_the_page_shows_the_current_target(admin_a_client, org_a, round_a):
    url = reverse("rounds:ambition", args=[org_a.code, round_a.code])
    admin_a_client.post(url, {"target_goals": "3,5", "reason_goals": "  Beslutat av KS.  "})

    assert Ambition.objects.get(round=round_a).reason == "Beslutat av KS."
    html = admin_a_client.get(url).content.decode()
    assert '<option value="3.5" selected>' in html
    assert "Beslutat av KS." in html
