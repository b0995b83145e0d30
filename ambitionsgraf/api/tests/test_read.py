"""Reading through the API: the organisation, its rounds (paginated), a round with its
participation, the ambition, the action plan; the public model versions and national figures."""

import datetime as dt
import json

import pytest
from django.test import Client
from django.utils import timezone

from ambitionsgraf.agency.tests.national_builders import counted_organisations
from ambitionsgraf.api.testing import bearer
from ambitionsgraf.conftest import finished_respondents, make_respondent, make_round
from ambitionsgraf.lib.testing import COUNT_QUERIES
from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.plans.models import Action
from ambitionsgraf.rounds.models import Ambition


def get(client, path, secret=None, **params):
    return client.get(path, params, **(bearer(secret) if secret else {}))


def test_the_token_reads_its_organisation(client, org_a, token_a):
    body = get(client, f"/api/v1/organisations/{org_a.code}", token_a[1]).json()

    assert body["code"] == org_a.code
    assert body["name"] == "Älvstads kommun"
    assert body["type"] == "municipality"


def test_rounds_come_newest_first_a_page_at_a_time(client, org_a, model_version, token_a):
    for year in (2024, 2025, 2026):
        make_round(org_a, model_version, name=f"Skattning {year}")
    path = f"/api/v1/organisations/{org_a.code}/rounds"

    first = get(client, path, token_a[1], page_size=2).json()
    second = get(client, path, token_a[1], page=2, page_size=2).json()
    past = get(client, path, token_a[1], page=3, page_size=2).json()

    assert [r["name"] for r in first["items"]] == ["Skattning 2026", "Skattning 2025"]
    assert (first["count"], first["pages"], first["previous"]) == (3, 2, None)
    assert first["next"] == f"http://testserver{path}?page=2&page_size=2"
    assert [r["name"] for r in second["items"]] == ["Skattning 2024"]
    assert second["next"] is None
    assert second["previous"] == f"http://testserver{path}?page=1&page_size=2"
    assert past["items"] == [] and past["previous"] == f"http://testserver{path}?page=2&page_size=2"
    assert first["items"][0]["model_version"] == {"key": model_version.key, "version": 1}


@pytest.mark.parametrize(
    "params", [{"page": 0}, {"page_size": 101}, {"page": "x"}, {"page": 10**6}]
)
def test_a_page_out_of_range_is_422(client, org_a, token_a, params):
    response = get(client, f"/api/v1/organisations/{org_a.code}/rounds", token_a[1], **params)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["location"][0] == "query"


def test_a_round_past_its_closing_date_is_closed_when_read(client, org_a, model_version, token_a):
    round_ = make_round(org_a, model_version, closes_on=timezone.localdate() - dt.timedelta(days=1))

    body = get(
        client, f"/api/v1/organisations/{org_a.code}/rounds/{round_.code}", token_a[1]
    ).json()

    assert body["status"] == "closed"
    assert body["closed_at"] is not None


def test_a_round_shows_participation_per_perspective_and_no_one_by_name(
    client, org_a, round_a, token_a
):
    finished_respondents(round_a, "leadership", 2)
    started, _ = make_respondent(round_a, "operations", email="pa-gang@alvstad.example")
    started.started_at = timezone.now()
    started.save()
    make_respondent(round_a, "operations", email="inbjuden@alvstad.example")

    response = get(client, f"/api/v1/organisations/{org_a.code}/rounds/{round_a.code}", token_a[1])

    body = response.json()
    assert body["participation"] == [
        {"perspective": "leadership", "invited": 2, "started": 2, "finished": 2},
        {"perspective": "procurement", "invited": 0, "started": 0, "finished": 0},
        {"perspective": "operations", "invited": 2, "started": 1, "finished": 0},
    ]
    assert body["totals"] == {"invited": 4, "started": 3, "finished": 2}
    assert "@" not in response.content.decode()


def test_a_token_reaches_no_round_of_another_organisation(client, org_b, round_a, token_b):
    for tail in ("", "/results", "/ambition"):
        path = f"/api/v1/organisations/{org_b.code}/rounds/{round_a.code}{tail}"
        assert get(client, path, token_b[1]).status_code == 404


def test_the_ambition_has_every_area_of_the_round(client, org_a, round_a, token_a):
    goals = round_a.model_version.areas.get(key="goals")
    Ambition.objects.create(round=round_a, area=goals, target="3.5", reason="Beslutat i ledningen")

    body = get(
        client, f"/api/v1/organisations/{org_a.code}/rounds/{round_a.code}/ambition", token_a[1]
    ).json()

    assert len(body["areas"]) == round_a.model_version.areas.count()
    assert body["areas"][0] == {
        "area_key": "goals",
        "target": 3.5,
        "reason": "Beslutat i ledningen",
    }
    assert body["areas"][1]["target"] is None


def test_the_action_plan_is_in_the_plans_order(client, org_a, round_a, token_a):
    for perspective in ("leadership", "procurement", "operations"):
        finished_respondents(round_a, perspective, 3, level=3)
    areas = {a.key: a for a in round_a.model_version.areas.all()}
    Ambition.objects.create(round=round_a, area=areas["goals"], target=4)
    Ambition.objects.create(round=round_a, area=areas["facts"], target=5)
    Action.objects.create(organisation=org_a, area_key="goals", description="Mål", round=round_a)
    Action.objects.create(
        organisation=org_a, area_key="facts", description="Data", due_on=dt.date(2020, 1, 1)
    )

    body = get(client, f"/api/v1/organisations/{org_a.code}/action-plan", token_a[1]).json()

    assert [a["description"] for a in body["items"]] == ["Data", "Mål"]  # the larger gap first
    assert body["items"][0]["overdue"] is True
    assert body["items"][1]["round_code"] == round_a.code
    assert body["count"] == 2


def test_published_model_versions_are_public_in_both_languages(client, model_version):
    listing = get(client, "/api/v1/model-versions").json()
    assert [(v["key"], v["version"]) for v in listing["items"]] == [(model_version.key, 1)]

    body = get(client, f"/api/v1/model-versions/{model_version.key}/1").json()

    assert len(body["levels"]) == 5
    goals = body["areas"][0]
    assert goals["key"] == "goals" and goals["title"]["sv"] and goals["title"]["en"]
    question = goals["questions"][0]
    assert question["text"]["sv"] and question["text"]["en"]
    assert len(question["levels"]) == 5
    assert set(question["perspectives"]) <= {"leadership", "procurement", "operations"}


def test_a_draft_model_version_is_not_found(client, model_version):
    ModelVersion.objects.create(key=model_version.key, version=9, name_sv="Utkast", levels=[])

    assert get(client, f"/api/v1/model-versions/{model_version.key}/9").status_code == 404
    assert len(get(client, "/api/v1/model-versions").json()["items"]) == 1


def test_the_model_version_takes_a_fixed_number_of_queries(
    client, model_version, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3 + COUNT_QUERIES):
        assert get(client, f"/api/v1/model-versions/{model_version.key}/1").status_code == 200


def test_the_national_figures_are_the_open_data_rows(client, model_version):
    counted_organisations(model_version, 6, level=4, ambition=5)
    open_data = json.loads(Client().get("/en/open-data/ambitionsgraf-national.json").content)

    body = get(client, "/api/v1/national", language="en").json()

    assert body["rows"] == open_data["rows"]
    assert body["fields"] == open_data["fields"]
    assert body["links"]["csv"].endswith("/en/open-data/ambitionsgraf-national.csv")
    swedish = get(client, "/api/v1/national").json()
    assert swedish["rows"][0]["area"] != body["rows"][0]["area"]


def test_using_a_token_notes_when_at_most_once_a_minute(
    client, org_a, token_a, django_assert_max_num_queries
):
    token, secret = token_a
    path = f"/api/v1/organisations/{org_a.code}"

    get(client, path, secret)
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    # the lookup and the rate limit's count only: no write to the token within the minute
    with django_assert_max_num_queries(1 + COUNT_QUERIES):
        get(client, path, secret)
    token.refresh_from_db()
    assert token.last_used_at == first


def test_the_rounds_list_takes_the_same_queries_for_many_rounds(
    client, org_a, model_version, token_a, django_assert_max_num_queries
):
    for n in range(12):
        make_round(org_a, model_version, name=f"Omgång {n}")
    with django_assert_max_num_queries(5 + COUNT_QUERIES):
        assert (
            get(client, f"/api/v1/organisations/{org_a.code}/rounds", token_a[1]).status_code == 200
        )
