"""A respondent's personal link reads and writes only that respondent's answers."""

import pytest
from django.urls import reverse

from ambitionsgraf.conftest import (
    area_post,
    make_organisation,
    make_respondent,
    make_round,
    page_text,
)
from ambitionsgraf.rounds.models import Answer
from ambitionsgraf.rounds.questionnaire import areas_for


@pytest.fixture
def other_respondent(newer_model_version):
    """A respondent of another organisation's round on another model version."""
    round_ = make_round(make_organisation("Annanstad"), newer_model_version)
    respondent, token = make_respondent(round_, "leadership", email="annan@annanstad.example")
    return respondent, token


def test_area_page_shows_only_own_saved_answers(client, respondent_a, other_respondent):
    respondent, token = respondent_a
    other, _token = other_respondent
    area, questions = areas_for(other)[0]
    Answer.objects.create(respondent=other, question=questions[0], level=5, comment="Annans hemlis")

    response = client.get(reverse("questionnaire:area", args=[token, 1]))

    assert response.status_code == 200
    assert "Annans hemlis" not in page_text(response)
    assert 'value="5" checked' not in response.content.decode()


def test_posting_another_rounds_question_ids_writes_nothing_foreign(
    client, respondent_a, other_respondent
):
    respondent, token = respondent_a
    other, _token = other_respondent
    _area, own_questions = areas_for(respondent)[0]
    _area, foreign_questions = areas_for(other)[0]
    data = area_post(own_questions, level="2")
    for q in foreign_questions:
        data[f"q{q.pk}"] = "5"
        data[f"c{q.pk}"] = "Inskjutet"

    response = client.post(reverse("questionnaire:area", args=[token, 1]), data)

    assert response.status_code == 302
    assert not other.answers.exists()
    saved = Answer.objects.filter(respondent=respondent)
    assert {a.question_id for a in saved} == {q.pk for q in own_questions}
    assert not Answer.objects.filter(comment="Inskjutet").exists()
    assert Answer.objects.filter(question__in=foreign_questions).count() == 0


@pytest.mark.parametrize("page", ["welcome", "area", "summary", "finish"])
@pytest.mark.parametrize("kind", ["unknown", "altered"])
def test_unknown_or_altered_token_gets_404(client, respondent_a, page, kind):
    respondent, token = respondent_a
    bad = "x" * len(token) if kind == "unknown" else token[:-1] + ("A" if token[-1] != "A" else "B")
    args = [bad, 1] if page == "area" else [bad]
    url = reverse(f"questionnaire:{page}", args=args)

    response = client.post(url) if page == "finish" else client.get(url)

    assert response.status_code == 404
    respondent.refresh_from_db()
    assert respondent.finished_at is None


@pytest.mark.parametrize("beyond", [None, 1, 90])
def test_area_number_out_of_range_gets_404(client, respondent_a, beyond):
    respondent, token = respondent_a
    number = 0 if beyond is None else len(areas_for(respondent)) + beyond

    assert client.get(reverse("questionnaire:area", args=[token, number])).status_code == 404
    assert client.post(reverse("questionnaire:area", args=[token, number])).status_code == 404


def test_link_never_touches_another_respondents_answers_in_the_same_round(
    client, respondent_a, round_a
):
    respondent, token = respondent_a
    colleague, _token = make_respondent(round_a, "operations", email="kollega@alvstad.example")
    _area, questions = areas_for(respondent)[0]
    Answer.objects.create(respondent=colleague, question=questions[0], level=1, comment="Min egen")

    client.post(reverse("questionnaire:area", args=[token, 1]), area_post(questions, level="4"))

    kept = colleague.answers.get()
    assert (kept.level, kept.comment) == (1, "Min egen")
    assert respondent.answers.count() == len(questions)


def test_questions_of_another_area_posted_on_this_page_are_ignored(client, respondent_a):
    respondent, token = respondent_a
    (_first, first_questions), (_second, second_questions) = areas_for(respondent)[:2]
    data = {**area_post(first_questions, level="2"), **area_post(second_questions, level="5")}

    client.post(reverse("questionnaire:area", args=[token, 1]), data)

    assert set(respondent.answers.values_list("question_id", flat=True)) == {
        q.pk for q in first_questions
    }
