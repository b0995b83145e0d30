"""The admin reminds those who have not finished: each gets a new personal link by e-mail."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from ambitionsgraf.conftest import (
    finish,
    finished_respondents,
    in_language,
    mail_link,
    make_respondent,
    page_text,
)
from ambitionsgraf.rounds.models import Respondent

CLOSED = "The round is closed. Reminders can no longer be sent."
EVERYONE_DONE = "Everyone has finished: no reminder was sent."
NEW_LINK_NOTE = (
    "Each person who has not finished gets an e-mail in their own language. The reminder "
    "contains a new personal link; the old one stops working. Answers given so far are kept."
)


def remind_url(org, round_):
    return reverse("rounds:remind", args=[org.code, round_.code])


def detail_url(org, round_):
    return reverse("rounds:detail", args=[org.code, round_.code])


@pytest.fixture
def remind(admin_a_client, org_a, round_a, django_capture_on_commit_callbacks):
    def post(perspective=""):
        with django_capture_on_commit_callbacks(execute=True):
            return admin_a_client.post(
                remind_url(org_a, round_a), {"perspective": perspective}, follow=True
            )

    return post


@pytest.fixture
def people(round_a):
    """Two unfinished in leadership (one started, in English), one unfinished in procurement,
    three finished in operations."""
    waiting, _t1 = make_respondent(round_a, "leadership", email="ledare@alvstad.example")
    started, _t2 = make_respondent(
        round_a, "leadership", email="chef@alvstad.example", language="en"
    )
    started.started_at = timezone.now()
    started.save(update_fields=["started_at"])
    buyer, _t3 = make_respondent(round_a, "procurement", email="inkop@alvstad.example")
    done = finished_respondents(round_a, "operations", 3)
    return {"waiting": waiting, "started": started, "buyer": buyer, "done": done}


def test_round_page_offers_the_reminder_with_counts_and_says_the_link_changes(
    admin_a_client, org_a, round_a, people
):
    response = admin_a_client.get(detail_url(org_a, round_a))

    assert response.status_code == 200
    form = response.context["reminder_form"]
    assert form.counts == {"": 3, "leadership": 2, "procurement": 1, "operations": 0}
    text = page_text(response)
    assert in_language("sv", NEW_LINK_NOTE) in text
    assert remind_url(org_a, round_a) in text


def test_reminder_to_everyone_goes_only_to_those_who_have_not_finished(
    remind, org_a, round_a, people, mailoutbox
):
    response = remind()

    assert response.redirect_chain[-1][0] == detail_url(org_a, round_a)
    assert sorted(m.to[0] for m in mailoutbox) == [
        "chef@alvstad.example",
        "inkop@alvstad.example",
        "ledare@alvstad.example",
    ]
    with translation.override("sv"):
        sent = ngettext("%(count)d reminder is sent.", "%(count)d reminders are sent.", 3) % {
            "count": 3
        }
    assert sent in page_text(response)
    for respondent, _token in people["done"]:
        respondent.refresh_from_db()
        assert respondent.reminders_sent == 0 and respondent.last_reminded_at is None
    people["buyer"].refresh_from_db()
    assert people["buyer"].reminders_sent == 1
    assert people["buyer"].last_reminded_at is not None


def test_reminder_to_one_perspective_goes_only_to_that_perspective(
    remind, round_a, people, mailoutbox
):
    remind("procurement")

    assert [m.to for m in mailoutbox] == [["inkop@alvstad.example"]]
    assert not Respondent.objects.filter(perspective="leadership", reminders_sent__gt=0).exists()


def test_the_reminder_is_in_the_respondents_language(remind, people, mailoutbox):
    remind("leadership")

    by_address = {m.to[0]: m for m in mailoutbox}
    english = by_address["chef@alvstad.example"]
    swedish = by_address["ledare@alvstad.example"]
    assert english.subject.startswith("Reminder:")
    assert mail_link(english).startswith("/en/r/")
    assert "The answers you have given so far are saved." in english.body
    assert "no longer works" in english.body
    subject = in_language(
        "sv", "Reminder: %(name)s asks for your view of its procurement", name="Älvstads kommun"
    )
    assert swedish.subject == subject
    assert mail_link(swedish).startswith("/r/")


def test_the_new_link_works_and_the_old_one_stops_working(
    remind, round_a, mailoutbox, django_capture_on_commit_callbacks
):
    respondent, old_token = make_respondent(round_a, "operations", email="ny@alvstad.example")
    assert Client().get(reverse("questionnaire:welcome", args=[old_token])).status_code == 200

    remind()

    new_link = mail_link(mailoutbox[0])
    assert old_token not in new_link
    assert Client().get(reverse("questionnaire:welcome", args=[old_token])).status_code == 404
    assert Client().get(new_link).status_code == 200
    respondent.refresh_from_db()
    assert respondent.token_hash not in new_link  # only the hash is stored


def test_the_round_page_shows_when_each_was_last_reminded_and_how_often(
    admin_a_client, remind, org_a, round_a, people
):
    remind("procurement")
    remind("procurement")

    response = admin_a_client.get(detail_url(org_a, round_a))

    buyer = Respondent.objects.get(email="inkop@alvstad.example")
    assert buyer.reminders_sent == 2
    row = page_text(response).split("inkop@alvstad.example", 1)[1].split("</tr>", 1)[0]
    assert timezone.localdate().isoformat() in row
    assert '<td class="num">2</td>' in row


def test_when_everyone_has_finished_nothing_is_sent_and_the_admin_is_told(
    admin_a_client, remind, org_a, round_a, mailoutbox
):
    finished_respondents(round_a, "leadership", 3)

    page = admin_a_client.get(detail_url(org_a, round_a))
    response = remind()

    assert in_language("sv", "Everyone has finished: there is no one to remind.") in (
        page_text(page)
    )
    assert in_language("sv", EVERYONE_DONE) in page_text(response)
    assert mailoutbox == []


def test_a_perspective_with_no_one_left_sends_nothing(remind, people, mailoutbox):
    response = remind("operations")

    assert mailoutbox == []
    message = "No one from the perspective %(perspective)s has anything left to answer: "
    message += "no reminder was sent."
    operations = in_language("sv", "Operations")
    assert in_language("sv", message, perspective=operations) in page_text(response)


def test_a_closed_round_refuses_reminders(
    admin_a_client, remind, org_a, round_a, people, mailoutbox
):
    round_a.close()

    page = admin_a_client.get(detail_url(org_a, round_a))
    response = remind()

    assert page.context["reminder_form"] is None
    assert remind_url(org_a, round_a) not in page_text(page)
    assert response.redirect_chain[-1][0] == detail_url(org_a, round_a)
    assert in_language("sv", CLOSED) in page_text(response)
    assert mailoutbox == []
    assert not Respondent.objects.filter(reminders_sent__gt=0).exists()


def test_a_round_past_its_closing_date_refuses_reminders(remind, round_a, people, mailoutbox):
    round_a.closes_on = timezone.localdate() - dt.timedelta(days=1)
    round_a.save(update_fields=["closes_on"])

    response = remind()

    assert in_language("sv", CLOSED) in page_text(response)
    assert mailoutbox == []
    round_a.refresh_from_db()
    assert not round_a.is_open


def test_an_erased_address_gets_no_reminder(remind, round_a, mailoutbox):
    erased, _token = make_respondent(round_a, "leadership", email="borta@alvstad.example")
    Respondent.objects.filter(pk=erased.pk).update(email="")
    make_respondent(round_a, "leadership", email="kvar@alvstad.example")

    remind()

    assert [m.to for m in mailoutbox] == [["kvar@alvstad.example"]]


def test_an_unknown_perspective_is_refused_and_nothing_is_sent(
    admin_a_client, org_a, round_a, people, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_a_client.post(remind_url(org_a, round_a), {"perspective": "board"})

    assert response.status_code == 400
    assert response.context["reminder_form"].errors
    assert mailoutbox == []
    assert not Respondent.objects.filter(reminders_sent__gt=0).exists()


def test_the_reminder_page_renders_in_both_languages(admin_a_client, org_a, round_a, people):
    for url in (remind_url(org_a, round_a), "/en" + remind_url(org_a, round_a)):
        response = admin_a_client.get(url)
        assert response.status_code == 200


def test_the_round_page_runs_a_bounded_number_of_queries(
    admin_a_client, org_a, round_a, django_assert_max_num_queries
):
    def count_queries():
        with django_assert_max_num_queries(12) as captured:
            admin_a_client.get(detail_url(org_a, round_a))
        return len(captured)

    make_respondent(round_a, "leadership")
    few = count_queries()
    for perspective in ("leadership", "procurement", "operations"):
        for _ in range(10):
            respondent, _token = make_respondent(round_a, perspective)
            respondent.last_reminded_at = timezone.now()
            respondent.reminders_sent = 2
            respondent.save()
    finish(respondent)
    assert count_queries() == few


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_admin_of_another_organisation_gets_404(
    outsider_client, org_a, round_a, people, mailoutbox, method
):
    response = getattr(outsider_client, method)(remind_url(org_a, round_a), {"perspective": ""})

    assert response.status_code == 404
    assert mailoutbox == []
    assert not Respondent.objects.filter(reminders_sent__gt=0).exists()
