"""The trend page: admin and coach read it, outsiders get 404, visitors sign in; it shows
the chart and table, notes a changed area, gaps closed and "done, but no change yet"."""

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from ambitionsgraf.conftest import english, in_language, logged_in, page_text
from ambitionsgraf.plans.models import Action

from .trend_builders import changed_model_version, closed_round, make_coach

SECOND_ROUND_NEEDED = (
    "The trend appears after the second closed round. Until then, here are the levels of the "
    "one closed round."
)
CHANGED = (
    "The questions in this area changed in model version %(version)s; the levels are not "
    "directly comparable."
)


def trend_url(org):
    return reverse("results:trend", args=[org.code])


@pytest.fixture
def two_rounds(org_a, model_version):
    """2025 on version 1 and 2026 on version 2, where planning's questions changed; goals rose
    from 2 to 3 (agreed 3.0 in 2026) and reached its ambition 3; facts stayed at 2."""
    newer_model_version = changed_model_version("planning")
    first = closed_round(
        org_a, model_version, "Skattning 2025", closed_days_ago=400,
        levels={"goals": 2, "facts": 2}, ambitions={"goals": 3, "facts": 3},
    )  # fmt: skip
    second = closed_round(
        org_a, newer_model_version, "Skattning 2026", closed_days_ago=10,
        levels={"facts": 2}, agreed={"goals": 3}, ambitions={"goals": 3.5},
    )  # fmt: skip
    Action.objects.create(
        organisation=org_a, area_key="facts", description="Gör en spendanalys.",
        status="done", done_at=first.closed_at + dt.timedelta(days=90),
    )  # fmt: skip
    Action.objects.create(
        organisation=org_a, area_key="goals", description="Besluta om inköpsmål.",
        status="done", done_at=first.closed_at + dt.timedelta(days=90),
    )  # fmt: skip
    return first, second


# ------------------------------------------------------------------ who may see it


def test_admin_sees_the_trend(admin_a_client, org_a, two_rounds):
    response = admin_a_client.get(trend_url(org_a))

    assert response.status_code == 200
    assert response.context["chart"].startswith("<svg")


def test_coach_sees_the_trend_without_respondent_data(org_a, two_rounds):
    client = logged_in(make_coach(org_a))

    response = client.get(trend_url(org_a))

    assert response.status_code == 200
    html = page_text(response)
    for round_ in two_rounds:
        for respondent in round_.respondents.all():
            assert respondent.email not in html


@pytest.mark.parametrize("method", ["get", "post"])
def test_admin_of_another_organisation_gets_404(outsider_client, org_a, two_rounds, method):
    response = getattr(outsider_client, method)(trend_url(org_a))

    assert response.status_code == 404
    assert org_a.name not in page_text(response)
    assert "Skattning 2025" not in page_text(response)


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitor_is_sent_to_sign_in(anonymous_client, org_a, two_rounds, method):
    response = getattr(anonymous_client, method)(trend_url(org_a))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_post_by_a_member_is_not_allowed_and_changes_nothing(admin_a_client, org_a, two_rounds):
    response = admin_a_client.post(trend_url(org_a))

    assert response.status_code == 405
    assert org_a.rounds.closed().count() == 2


# ------------------------------------------------------------------ what it shows


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_chart_is_an_accessible_svg_with_a_broken_line(
    admin_a_client, org_a, two_rounds, language
):
    url = english("results:trend", org_a.code) if language == "en" else trend_url(org_a)

    chart = admin_a_client.get(url).context["chart"]

    root = ET.fromstring(chart)
    assert root.get("role") == "img"
    titles = [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert titles[0] == in_language(language, "Level per area over the closed rounds")
    lines = [e for e in root.iter() if e.get("class") == "line-chart-line"]
    assert len(lines) == 7  # eight areas, planning's line broken between the two rounds


def test_the_table_shows_the_agreed_level_beside_the_computed_one(
    admin_a_client, org_a, two_rounds
):
    html = page_text(admin_a_client.get(english("results:trend", org_a.code)))

    assert "3.0 (agreed: 3.0)" in html
    assert "2.0" in html


def test_a_changed_area_is_noted_in_its_cell_and_in_a_footnote(admin_a_client, org_a, two_rounds):
    response = admin_a_client.get(trend_url(org_a))

    html = page_text(response)
    assert in_language("sv", CHANGED, version=2) in html
    (note,) = response.context["page"].notes
    assert f'href="#{note.anchor}"' in html
    assert f'id="{note.anchor}"' in html


def test_gaps_closed_and_done_without_change_are_shown(admin_a_client, org_a, two_rounds):
    response = admin_a_client.get(english("results:trend", org_a.code))

    html = page_text(response)
    assert "the level 3.0 reached the ambition 3.0 set in Skattning 2025." in html
    assert "Done, but no change yet" in html
    assert "Gör en spendanalys." in html
    assert "Besluta om inköpsmål." not in html  # goals rose
    assert "at least 0.25" in html


def test_swedish_page_formats_numbers_the_swedish_way(admin_a_client, org_a, two_rounds):
    html = page_text(admin_a_client.get(trend_url(org_a)))

    assert "0,25" in html
    assert "3,0" in html


def test_participation_and_ambition_over_time(admin_a_client, org_a, two_rounds):
    page = admin_a_client.get(trend_url(org_a)).context["page"]

    assert [row["counts"] for row in page.participation] == [[3, 3], [3, 3], [3, 3]]
    goals = next(row for row in page.rows if row.area.key == "goals")
    assert [cell.ambition for cell, _note in goals.cells] == [3.0, 3.5]


def test_with_one_closed_round_the_page_explains_and_shows_its_levels(
    admin_a_client, org_a, model_version
):
    closed_round(org_a, model_version, "Skattning 2025", closed_days_ago=30, levels={"goals": 2})

    response = admin_a_client.get(trend_url(org_a))

    assert response.status_code == 200
    html = page_text(response)
    assert in_language("sv", SECOND_ROUND_NEEDED) in html
    assert response.context["chart"] == ""
    assert "2,0" in html
    assert "Skattning 2025" in html


def test_with_no_closed_round_the_page_says_so(admin_a_client, org_a, round_a):
    response = admin_a_client.get(trend_url(org_a))

    assert response.status_code == 200
    assert in_language(
        "sv",
        "No round is closed yet. The trend starts with the first closed round, and the chart "
        "appears after the second.",
    ) in page_text(response)


def test_no_inline_style_or_script_on_the_page(admin_a_client, org_a, two_rounds):
    html = admin_a_client.get(trend_url(org_a)).content.decode()

    assert "style=" not in html
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []  # files only, as the CSP asks
    assert "<style" not in html
