"""Finishing the questionnaire, and changing answers afterwards while the round is open."""

from django.urls import reverse

from ambitionsgraf.conftest import area_post, in_language, page_text
from ambitionsgraf.rounds.questionnaire import areas_for


def test_summary_lists_the_saved_answers(client, respondent_a):
    respondent, token = respondent_a
    area, questions = areas_for(respondent)[0]
    client.post(
        reverse("questionnaire:area", args=[token, 1]), area_post(questions, comment="Syns här")
    )

    response = client.get(reverse("questionnaire:summary", args=[token]))

    assert response.status_code == 200
    assert "Syns här" in page_text(response)


def test_finish_marks_the_respondent_finished(client, respondent_a):
    respondent, token = respondent_a

    response = client.post(reverse("questionnaire:finish", args=[token]))

    assert response.status_code == 302
    assert response["Location"] == reverse("questionnaire:summary", args=[token])
    respondent.refresh_from_db()
    assert respondent.finished_at is not None
    assert respondent.status == "finished"


def test_finish_only_accepts_post(client, respondent_a):
    respondent, token = respondent_a

    assert client.get(reverse("questionnaire:finish", args=[token])).status_code == 405
    respondent.refresh_from_db()
    assert respondent.finished_at is None


def test_finishing_twice_keeps_the_first_time(client, respondent_a):
    respondent, token = respondent_a
    client.post(reverse("questionnaire:finish", args=[token]))
    respondent.refresh_from_db()
    first = respondent.finished_at

    client.post(reverse("questionnaire:finish", args=[token]))

    respondent.refresh_from_db()
    assert respondent.finished_at == first


def test_answers_can_be_changed_after_finishing_while_the_round_is_open(client, respondent_a):
    respondent, token = respondent_a
    _area, questions = areas_for(respondent)[0]
    url = reverse("questionnaire:area", args=[token, 1])
    client.post(url, area_post(questions, level="2"))
    client.post(reverse("questionnaire:finish", args=[token]))

    response = client.post(url, area_post(questions, level="4"))

    assert response.status_code == 302
    assert set(respondent.answers.values_list("level", flat=True)) == {4}
    respondent.refresh_from_db()
    assert respondent.finished_at is not None


def test_welcome_page_of_a_finished_respondent_says_so(client, respondent_a):
    _respondent, token = respondent_a
    client.post(reverse("questionnaire:finish", args=[token]))

    response = client.get(reverse("questionnaire:welcome", args=[token]))

    message = "You have finished. You can still change your answers until the round closes."
    assert in_language("sv", message) in page_text(response)
