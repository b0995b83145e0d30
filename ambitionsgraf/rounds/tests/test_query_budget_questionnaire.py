"""The questionnaire's area page runs a fixed number of SQL queries, however many respondents
the round has and however many questions the page shows."""

import pytest
from django.db import connection
from django.urls import reverse

from ambitionsgraf.conftest import (
    area_post,
    finished_respondents,
    make_organisation,
    make_respondent,
    make_round,
    queries_of,
)
from ambitionsgraf.rounds.questionnaire import areas_for

# The respondent with round, organisation and version; the page's saved answers; and, the first
# time a process meets the model version, its questions (maturity.catalogue).
MAX_GET = 3
# The same, and the save. On PostgreSQL that is one statement (the SQL function
# ambitionsgraf_save_area); elsewhere the save's transaction: the round locked, the answers
# read, written, the respondent's progress; a savepoint and its release in a test.
MAX_POST = 3 if connection.vendor == "postgresql" else 8


def round_with(model_version, respondents: int):
    """A round of a new organisation with `respondents` who answered everything, and one more
    respondent (leadership) who answered everything but has not finished: the one we measure."""
    round_ = make_round(make_organisation(f"Kommun med {respondents}"), model_version)
    perspectives = ["leadership", "procurement", "operations"]
    for i in range(respondents):
        finished_respondents(round_, perspectives[i % 3], 1)
    respondent, token = make_respondent(round_, "leadership")
    return respondent, token


SAVED = (302,)  # a save leads on; a page with errors would come back as 200


def measure(client, respondent, token, number, level):
    _area, questions = areas_for(respondent)[number - 1]
    url = reverse("questionnaire:area", args=[token, number])
    get = queries_of(client, url)
    create = queries_of(client, url, area_post(questions, level=level, comment="Ny"), ok=SAVED)
    update = queries_of(client, url, area_post(questions, level="5", comment="Ändrad"), ok=SAVED)
    unchanged = queries_of(client, url, area_post(questions, level="5", comment="Ändrad"), ok=SAVED)
    return {"get": get, "create": create, "update": update, "unchanged": unchanged}


def test_area_page_queries_do_not_grow_with_respondents(client, model_version):
    few = measure(client, *round_with(model_version, 3), number=1, level="2")
    many = measure(client, *round_with(model_version, 15), number=1, level="2")

    print("area page queries, 3 respondents:", few, "15 respondents:", many)
    assert few == many


def test_area_page_queries_do_not_grow_with_questions(client, model_version):
    respondent, token = round_with(model_version, 3)
    areas = areas_for(respondent)
    sizes = [len(questions) for _area, questions in areas]
    smallest, largest = sizes.index(min(sizes)) + 1, sizes.index(max(sizes)) + 1
    assert min(sizes) < max(sizes)

    small = measure(client, respondent, token, number=smallest, level="3")
    large = measure(client, respondent, token, number=largest, level="3")

    print(f"area page queries, {min(sizes)} questions:", small, f"{max(sizes)} questions:", large)
    assert small == large


@pytest.mark.parametrize("respondents", [3, 15])
def test_area_page_stays_within_its_query_budget(
    client, model_version, django_assert_max_num_queries, respondents
):
    respondent, token = round_with(model_version, respondents)
    _area, questions = areas_for(respondent)[0]
    url = reverse("questionnaire:area", args=[token, 1])

    with django_assert_max_num_queries(MAX_GET):
        client.get(url)
    with django_assert_max_num_queries(MAX_POST):
        client.post(url, area_post(questions, level="4", comment="Budget"))
    with django_assert_max_num_queries(MAX_POST):
        client.post(url, area_post(questions, level="2", comment="Budget igen"))
