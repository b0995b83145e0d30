"""Downloads run a bounded number of SQL queries that does not grow with respondents or actions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ambitionsgraf.conftest import (
    finished_respondents,
    logged_in,
    make_admin,
    make_organisation,
    make_round,
    queries_of,
)
from ambitionsgraf.reports.tests.conftest import action, agree, round_urls
from ambitionsgraf.rounds.models import Ambition

# Exports: session, user and membership, the round, load_round's reads. The plan and the
# report also read the plan's latest round, and the report the trend's closed rounds (each
# round's results once: 20 queries with one closed round).
MAX_EXPORT = 12
MAX_PLAN = 16
MAX_REPORT = 22


def organisation_with_round(model_version, respondents: int, actions: int):
    org = make_organisation(f"Kommun med {respondents}")
    client = logged_in(make_admin(org, f"admin{respondents}@kommun.example"))
    round_ = make_round(org, model_version)
    for i in range(respondents):
        perspective = ["leadership", "procurement", "operations"][i % 3]
        finished_respondents(round_, perspective, 1, level=1 + i % 5)
    for area in model_version.areas.all():
        Ambition.objects.create(round=round_, area=area, target=4, reason="Därför")
    agree(round_, "goals", "2.5")
    for i in range(actions):
        action(org, ["goals", "facts", "planning"][i % 3], f"Åtgärd {i}", owner="Karin")
    round_.close()
    return client, round_urls(org, round_)


def test_download_queries_do_not_grow_with_respondents_or_actions(model_version):
    few_client, few_urls = organisation_with_round(model_version, 3, 1)
    many_client, many_urls = organisation_with_round(model_version, 15, 12)

    for few_url, many_url in zip(few_urls, many_urls, strict=True):
        few, many = queries_of(few_client, few_url), queries_of(many_client, many_url)
        print(f"{few_url.rsplit('/', 1)[-1]}: {few} queries with 3 respondents, {many} with 15")
        assert few == many, few_url


@pytest.mark.parametrize("respondents", [0, 3, 15])
def test_downloads_stay_within_their_query_budget(
    model_version, django_assert_max_num_queries, respondents
):
    client, urls = organisation_with_round(model_version, respondents, 4)
    report, *exports, plan_csv, plan_xlsx = urls

    with django_assert_max_num_queries(MAX_REPORT):
        assert client.get(report).status_code == 200
    for url in exports:
        with django_assert_max_num_queries(MAX_EXPORT):
            assert client.get(url).status_code == 200
    for url in (plan_csv, plan_xlsx):
        with django_assert_max_num_queries(MAX_PLAN):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("closed", [1, 3])
def test_the_report_reads_each_closed_rounds_answers_once(model_version, closed):
    """The report's own round, the trend and the action plan's latest rounds are the same
    rounds: each round's answers are read once, not once per part of the report."""
    org = make_organisation("Kommun med tre mätningar")
    client = logged_in(make_admin(org, "admin@tre.example"))
    for _ in range(closed):
        round_ = make_round(org, model_version)
        finished_respondents(round_, "procurement", 3, level=3)
        round_.close()
    report = round_urls(org, round_)[0]

    with CaptureQueriesContext(connection) as captured:
        assert client.get(report).status_code == 200
    answer_reads = [q for q in captured.captured_queries if 'FROM "rounds_answer"' in q["sql"]]
    assert len(answer_reads) == closed
