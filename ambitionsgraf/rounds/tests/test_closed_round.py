"""A closed round refuses answers with 409 and a clear message; a due round closes itself."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ambitionsgraf.conftest import area_post, finished_respondents, in_language, page_text
from ambitionsgraf.rounds import answering
from ambitionsgraf.rounds.models import Answer, Round
from ambitionsgraf.rounds.questionnaire import areas_for

CLOSED = "The round is closed"


@pytest.fixture
def answered(respondent_a):
    """The respondent has saved area 1 with level 2."""
    respondent, token = respondent_a
    _area, questions = areas_for(respondent)[0]
    answering.save_area(
        respondent=respondent,
        position=1,
        posted={q: answering.Posted("2", "Före stängning") for q in questions},
    )
    return respondent, token, questions


def answer_snapshot(respondent):
    return sorted(
        Answer.objects.filter(respondent=respondent).values_list(
            "question_id", "level", "dont_know", "comment"
        )
    )


def test_an_answer_sent_to_a_closed_round_is_refused_with_409(client, answered, round_a):
    respondent, token, questions = answered
    before = answer_snapshot(respondent)
    round_a.close()

    response = client.post(
        reverse("questionnaire:area", args=[token, 1]), area_post(questions, level="5")
    )

    assert response.status_code == 409
    assert in_language("sv", CLOSED) in page_text(response)
    assert answer_snapshot(respondent) == before


def test_an_answer_to_a_new_area_of_a_closed_round_saves_nothing(client, answered, round_a):
    respondent, token, _questions = answered
    _area, questions = areas_for(respondent)[1]
    round_a.close()

    response = client.post(reverse("questionnaire:area", args=[token, 2]), area_post(questions))

    assert response.status_code == 409
    assert not respondent.answers.filter(question__in=questions).exists()
    respondent.refresh_from_db()
    assert respondent.last_area == 1


def test_finishing_in_a_closed_round_is_refused_with_409(client, answered, round_a):
    respondent, token, _questions = answered
    round_a.close()

    response = client.post(reverse("questionnaire:finish", args=[token]))

    assert response.status_code == 409
    assert in_language("sv", CLOSED) in page_text(response)
    respondent.refresh_from_db()
    assert respondent.finished_at is None


def test_an_area_page_of_a_closed_round_can_be_read_but_offers_no_form(client, answered, round_a):
    _respondent, token, _questions = answered
    round_a.close()

    response = client.get(reverse("questionnaire:area", args=[token, 1]))

    assert response.status_code == 200
    assert in_language("sv", CLOSED) in page_text(response)
    assert "<form" not in response.content.decode().split("<main", 1)[1]


def past_due(round_):
    round_.closes_on = timezone.localdate() - dt.timedelta(days=1)
    round_.save(update_fields=["closes_on"])


def test_a_round_past_its_closing_date_closes_when_the_respondent_looks(client, answered, round_a):
    respondent, token, questions = answered
    before = answer_snapshot(respondent)
    past_due(round_a)

    welcome = client.get(reverse("questionnaire:welcome", args=[token]))
    response = client.post(
        reverse("questionnaire:area", args=[token, 1]), area_post(questions, level="5")
    )

    assert welcome.status_code == 200
    round_a.refresh_from_db()
    assert round_a.status == Round.Status.CLOSED
    assert round_a.closed_at is not None
    assert response.status_code == 409
    assert answer_snapshot(respondent) == before


def test_a_round_past_its_closing_date_refuses_a_posted_page_straight_away(
    client, answered, round_a
):
    respondent, token, questions = answered
    before = answer_snapshot(respondent)
    past_due(round_a)

    response = client.post(
        reverse("questionnaire:area", args=[token, 1]), area_post(questions, level="5")
    )

    assert response.status_code == 409
    assert answer_snapshot(respondent) == before


@pytest.mark.parametrize("page", ["rounds:detail", "results:round", "organisations:overview"])
def test_a_round_past_its_closing_date_closes_when_the_admin_looks(
    admin_a_client, org_a, round_a, page
):
    finished_respondents(round_a, "leadership", 3)
    past_due(round_a)
    args = [org_a.code] if page == "organisations:overview" else [org_a.code, round_a.code]

    response = admin_a_client.get(reverse(page, args=args))

    assert response.status_code == 200
    round_a.refresh_from_db()
    assert round_a.status == Round.Status.CLOSED


def test_a_round_closing_today_is_still_open(client, answered, round_a):
    respondent, token, questions = answered
    round_a.closes_on = timezone.localdate()
    round_a.save(update_fields=["closes_on"])

    response = client.post(
        reverse("questionnaire:area", args=[token, 1]), area_post(questions, level="5")
    )

    assert response.status_code == 302
    round_a.refresh_from_db()
    assert round_a.is_open
    assert set(respondent.answers.values_list("level", flat=True)) == {5}
