"""The results page: provisional while open, small groups never alone, no one identifiable."""

import re

import pytest
from django.urls import reverse

from ambitionsgraf.conftest import (
    english,
    finished_respondents,
    in_language,
    make_respondent,
    page_text,
)
from ambitionsgraf.maturity.models import Perspective
from ambitionsgraf.rounds.models import Answer

PROVISIONAL = "Provisional."
NO_RESULTS = (
    "There are no results to show yet. At least three people must have finished before "
    "anything is shown, to protect their anonymity."
)


def results(client, org, round_, language="sv"):
    if language == "en":
        return client.get(english("results:round", org.code, round_.code))
    return client.get(reverse("results:round", args=[org.code, round_.code]))


def levels_table_header(response) -> str:
    """The header row of the 'Level per area' table: one column per group shown."""
    html = page_text(response)
    match = re.search(r'id="levels-caption".*?</thead>', html, re.S)
    assert match, "the levels table is missing"
    return match.group(0)


def label(perspective, language="sv") -> str:
    return in_language(language, str(Perspective(perspective).label))


@pytest.fixture
def answered_round(round_a):
    """Leadership 3 and procurement 3 finished, operations only 2; one comment per person."""
    made = []
    for perspective, count in [("leadership", 3), ("procurement", 3), ("operations", 2)]:
        for respondent, token in finished_respondents(round_a, perspective, count, level=3):
            Answer.objects.filter(respondent=respondent, question__key="goals_derived").update(
                comment=f"Kommentar från {perspective} {respondent.pk}"
            )
            made.append((respondent, token))
    make_respondent(round_a, "leadership", email="ej-klar@alvstad.example")
    return made


def test_results_of_an_open_round_are_marked_provisional(
    admin_a_client, org_a, round_a, answered_round
):
    response = results(admin_a_client, org_a, round_a)

    assert response.status_code == 200
    assert in_language("sv", PROVISIONAL) in page_text(response)
    assert '<figure class="chart">' in response.content.decode()
    assert response.context["chart"].startswith("<svg")


def test_results_of_a_closed_round_are_final(admin_a_client, org_a, round_a, answered_round):
    round_a.close()

    response = results(admin_a_client, org_a, round_a)

    assert response.status_code == 200
    assert in_language("sv", PROVISIONAL) not in page_text(response)
    assert '<figure class="chart">' in response.content.decode()
    assert response.context["chart"].startswith("<svg")


def test_results_page_renders_with_no_one_finished(admin_a_client, org_a, round_a):
    make_respondent(round_a)

    response = results(admin_a_client, org_a, round_a)

    assert response.status_code == 200
    assert response.context["chart"] == ""
    assert in_language("sv", NO_RESULTS) in page_text(response)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_perspective_with_fewer_than_three_finished_never_appears_on_its_own(
    admin_a_client, org_a, round_a, answered_round, language
):
    header = levels_table_header(results(admin_a_client, org_a, round_a, language))

    assert label("leadership", language) in header
    assert label("procurement", language) in header
    assert label("operations", language) not in header


def test_two_small_groups_are_pooled_but_neither_is_shown_on_its_own(
    admin_a_client, org_a, round_a
):
    finished_respondents(round_a, "leadership", 3)
    finished_respondents(round_a, "procurement", 2)
    finished_respondents(round_a, "operations", 1)

    response = results(admin_a_client, org_a, round_a, "en")

    header = levels_table_header(response)
    assert label("leadership", "en") in header
    assert label("procurement", "en") not in header
    assert label("operations", "en") not in header
    assert "Smaller groups combined" in header


def test_comments_are_shown_without_who_wrote_them(admin_a_client, org_a, round_a, answered_round):
    response = results(admin_a_client, org_a, round_a)

    html = page_text(response)
    for respondent, _token in answered_round:
        comment = respondent.answers.get(question__key="goals_derived").comment
        if respondent.perspective == "operations":
            # Two operations respondents are too few to count, so their comments stay out too.
            assert comment not in html
        else:
            assert f"<li>{comment}</li>" in html


def test_no_respondent_email_or_token_appears_on_the_results_page(
    admin_a_client, org_a, round_a, answered_round
):
    for language in ("sv", "en"):
        html = page_text(results(admin_a_client, org_a, round_a, language))
        for respondent in round_a.respondents.all():
            assert respondent.email not in html
        for _respondent, token in answered_round:
            assert token not in html
