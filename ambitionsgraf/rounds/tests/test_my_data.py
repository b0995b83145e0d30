"""The respondent's own data page: what is stored, and erasing the e-mail address, which keeps
the answers so that the organisation's results do not change."""

import pytest
from django.urls import reverse

from ambitionsgraf.audit.models import Action, Event
from ambitionsgraf.conftest import (
    answer_all,
    english,
    finish,
    finished_respondents,
    in_language,
    page_text,
)
from ambitionsgraf.results.service import load_round
from ambitionsgraf.rounds import reminders
from ambitionsgraf.rounds.models import Answer, Respondent

ADDRESS = "svarande@alvstad.example"


def my_data(token):
    return reverse("questionnaire:my_data", args=[token])


def erase(client, token):
    return client.post(my_data(token), {"confirm": "yes"})


def results(round_):
    """What every reader of the results sees: the figures and the comments per area."""
    view = load_round(round_)
    return view.result, [area.comments for area in view.areas]


@pytest.fixture
def answered(respondent_a):
    """The respondent of A answered everything at level 2, with a comment, and finished."""
    respondent, token = respondent_a
    answer_all(respondent, level=2, comment="Vi saknar en plan")
    finish(respondent)
    return respondent, token


def test_the_page_tells_what_is_stored_in_plain_words(client, answered):
    respondent, token = answered
    count = len(respondent.questions())

    response = client.get(english("questionnaire:my_data", token))

    text = page_text(response)
    assert response.status_code == 200
    assert ADDRESS in text
    assert "Operations" in text
    assert "<dd>Swedish</dd>" in text
    assert f"<dd>{count}</dd>" in text
    assert "never see your answers" in text
    assert "90 days after the round closes" in text
    assert "Erase my e-mail address" in text


def test_the_page_gives_the_date_the_address_goes_once_the_round_is_closed(
    client, answered, round_a, settings
):
    settings.RESPONDENT_EMAIL_RETENTION_DAYS = 30
    _respondent, token = answered
    round_a.close()
    round_a.refresh_from_db()

    response = client.get(english("questionnaire:my_data", token))

    assert response.status_code == 200
    assert "30 days after the round closed" in page_text(response)


def test_the_first_post_asks_to_confirm_and_changes_nothing(client, answered):
    respondent, token = answered

    response = client.post(my_data(token))

    assert response.status_code == 200
    assert in_language("sv", "Yes, erase my e-mail address") in page_text(response)
    respondent.refresh_from_db()
    assert respondent.email == ADDRESS
    assert not Event.objects.filter(action=Action.RESPONDENT_ERASED).exists()


def test_erasing_keeps_the_answers_and_the_results_identical(client, answered, round_a):
    respondent, token = answered
    for perspective in ("leadership", "procurement", "operations"):
        finished_respondents(round_a, perspective, 3, level=4, comment="Bra")
    before = results(round_a)
    answers_before = list(respondent.answers.order_by("pk").values())

    response = erase(client, token)

    assert response.status_code == 302
    assert response["Location"] == my_data(token)
    respondent.refresh_from_db()
    assert respondent.email is None
    assert respondent.anonymised_at is not None
    assert list(respondent.answers.order_by("pk").values()) == answers_before
    assert results(round_a) == before
    assert "Vi saknar en plan" in str(before[1])


def test_erasing_writes_one_audit_event_without_the_address(client, answered, org_a):
    _respondent, token = answered

    erase(client, token)
    erase(client, token)

    event = Event.objects.get()
    assert event.action == Action.RESPONDENT_ERASED
    assert event.organisation == org_a
    assert event.actor is None
    assert ADDRESS not in f"{event.actor_label} {event.subject} {event.details}"


def test_the_link_still_works_after_erasing_and_says_so(client, answered):
    _respondent, token = answered

    response = client.get(erase(client, token)["Location"])

    text = page_text(response)
    assert in_language("sv", "Your e-mail address is erased. You will get no reminders.") in text
    assert in_language("sv", "Your link still works while the round is open.") in text
    assert ADDRESS not in text
    assert client.get(reverse("questionnaire:welcome", args=[token])).status_code == 200
    assert client.get(reverse("questionnaire:summary", args=[token])).status_code == 200


def test_an_erased_respondent_gets_no_reminder(
    client, respondent_a, round_a, django_capture_on_commit_callbacks, mailoutbox
):
    _respondent, token = respondent_a
    erase(client, token)

    with django_capture_on_commit_callbacks(execute=True):
        sent = reminders.send_reminders(round=round_a)

    assert sent == 0
    assert mailoutbox == []
    assert reminders.unfinished_counts(round_a)[""] == 0


def test_erasing_works_when_the_round_is_closed(client, answered, round_a):
    respondent, token = answered
    round_a.close()

    assert client.get(my_data(token)).status_code == 200
    erase(client, token)

    respondent.refresh_from_db()
    assert respondent.email is None
    assert Answer.objects.filter(respondent=respondent).count() == len(respondent.questions())


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_altered_token_gets_404_and_changes_nothing(client, respondent_a, method):
    respondent, token = respondent_a
    altered = token[:-1] + ("A" if token[-1] != "A" else "B")

    response = getattr(client, method)(my_data(altered), {"confirm": "yes"})

    assert response.status_code == 404
    assert Respondent.objects.get(pk=respondent.pk).email == ADDRESS
    assert not Event.objects.filter(action=Action.RESPONDENT_ERASED).exists()


@pytest.mark.parametrize("page", ["welcome", "summary"])
def test_the_questionnaire_links_to_the_data_page(client, respondent_a, page):
    _respondent, token = respondent_a

    response = client.get(reverse(f"questionnaire:{page}", args=[token]))

    assert response.content.decode().count(f'href="{my_data(token)}"') >= 2  # header and page


def test_the_page_needs_few_queries(client, answered, django_assert_max_num_queries):
    _respondent, token = answered

    with django_assert_max_num_queries(3):
        response = client.get(my_data(token))

    assert response.status_code == 200
