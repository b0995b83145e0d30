"""The daily job `run_scheduled`: closes rounds past their date, sends the reminder before closing
once per round, and does nothing the second time."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from ambitionsgraf.conftest import finished_respondents, mail_link, make_respondent, make_round
from ambitionsgraf.rounds.models import Respondent, Round
from ambitionsgraf.rounds.reminders import scheduled_reminder_due

TODAY = dt.date(2026, 5, 11)


def days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


def run() -> str:
    out = StringIO()
    call_command("run_scheduled", stdout=out)
    return out.getvalue()


@pytest.fixture
def run_job(django_capture_on_commit_callbacks):
    def go():
        with django_capture_on_commit_callbacks(execute=True):
            return run()

    return go


def invited_days_ago(round_, perspective="leadership", email=None, language="sv", ago=2):
    respondent, token = make_respondent(round_, perspective, email=email, language=language)
    Respondent.objects.filter(pk=respondent.pk).update(
        invited_at=timezone.now() - dt.timedelta(days=ago)
    )
    return respondent, token


# The rule, without the database ------------------------------------------------------------


@pytest.mark.parametrize(
    ("closes_in", "due"),
    [(-1, False), (0, True), (1, True), (3, True), (4, False), (30, False)],
)
def test_the_reminder_is_due_from_n_days_before_the_closing_date_to_that_day(closes_in, due):
    closes_on = TODAY + dt.timedelta(days=closes_in)

    assert (
        scheduled_reminder_due(closes_on=closes_on, today=TODAY, days=3, already_sent=False) is due
    )


def test_the_reminder_is_never_due_twice_nor_without_a_closing_date():
    assert not scheduled_reminder_due(closes_on=TODAY, today=TODAY, days=3, already_sent=True)
    assert not scheduled_reminder_due(closes_on=None, today=TODAY, days=3, already_sent=False)


def test_zero_days_means_on_the_closing_day_only():
    tomorrow = TODAY + dt.timedelta(days=1)

    assert scheduled_reminder_due(closes_on=TODAY, today=TODAY, days=0, already_sent=False)
    assert not scheduled_reminder_due(closes_on=tomorrow, today=TODAY, days=0, already_sent=False)


# The command --------------------------------------------------------------------------------


def test_it_closes_every_open_round_whose_date_has_passed(org_a, org_b, model_version, run_job):
    due_a = make_round(org_a, model_version, name="Förfallen A", closes_on=days(-1))
    due_b = make_round(org_b, model_version, name="Förfallen B", closes_on=days(-10))
    today = make_round(org_a, model_version, name="Stänger i dag", closes_on=days(0))
    undated = make_round(org_a, model_version, name="Utan datum")

    output = run_job()

    statuses = {r.name: r.status for r in Round.objects.all()}
    assert statuses == {
        due_a.name: Round.Status.CLOSED,
        due_b.name: Round.Status.CLOSED,
        today.name: Round.Status.OPEN,
        undated.name: Round.Status.OPEN,
    }
    assert "Closed: Älvstads kommun – Förfallen A" in output
    assert "Closed: Bergby kommun – Förfallen B" in output


def test_it_reminds_the_unfinished_once_when_the_closing_date_is_near(
    org_a, model_version, run_job, mailoutbox
):
    round_ = make_round(org_a, model_version, closes_on=days(3))
    waiting, old_token = invited_days_ago(round_, email="vantar@alvstad.example")
    english, _token = invited_days_ago(round_, "procurement", "buyer@alvstad.example", "en")
    for respondent, _token in finished_respondents(round_, "operations", 3):
        Respondent.objects.filter(pk=respondent.pk).update(
            invited_at=timezone.now() - dt.timedelta(days=5)
        )

    output = run_job()

    assert sorted(m.to[0] for m in mailoutbox) == [
        "buyer@alvstad.example",
        "vantar@alvstad.example",
    ]
    english_mail = next(m for m in mailoutbox if m.to == ["buyer@alvstad.example"])
    assert english_mail.subject.startswith("Reminder:")
    assert mail_link(english_mail).startswith("/en/r/")
    round_.refresh_from_db()
    assert round_.reminders_scheduled_sent_at is not None
    waiting.refresh_from_db()
    assert waiting.reminders_sent == 1
    assert "Reminded 2 respondent(s): Älvstads kommun – Skattning 2026" in output

    assert run_job() == "Nothing to do.\n"
    assert len(mailoutbox) == 2
    waiting.refresh_from_db()
    assert waiting.reminders_sent == 1


def test_it_sends_nothing_before_the_window(org_a, model_version, run_job, mailoutbox):
    round_ = make_round(org_a, model_version, closes_on=days(4))
    invited_days_ago(round_)

    assert run_job() == "Nothing to do.\n"
    round_.refresh_from_db()
    assert round_.reminders_scheduled_sent_at is None
    assert mailoutbox == []


def test_the_window_follows_the_setting(org_a, model_version, run_job, mailoutbox, settings):
    settings.REMINDER_DAYS_BEFORE_CLOSING = 7
    round_ = make_round(org_a, model_version, closes_on=days(6))
    invited_days_ago(round_)

    run_job()

    assert len(mailoutbox) == 1


def test_a_round_without_a_closing_date_never_gets_the_reminder(
    org_a, model_version, run_job, mailoutbox
):
    round_ = make_round(org_a, model_version)
    invited_days_ago(round_)

    assert run_job() == "Nothing to do.\n"
    assert mailoutbox == []
    round_.refresh_from_db()
    assert round_.reminders_scheduled_sent_at is None


def test_a_closed_round_gets_no_reminder(org_a, model_version, run_job, mailoutbox):
    round_ = make_round(org_a, model_version, closes_on=days(1))
    invited_days_ago(round_)
    round_.close()

    run_job()

    assert mailoutbox == []


def test_whoever_got_a_link_in_the_last_hours_is_left_out(
    org_a, model_version, run_job, mailoutbox
):
    round_ = make_round(org_a, model_version, closes_on=days(2))
    make_respondent(round_, email="nyss-inbjuden@alvstad.example")
    reminded, _token = invited_days_ago(round_, email="nyss-paminnd@alvstad.example")
    Respondent.objects.filter(pk=reminded.pk).update(
        last_reminded_at=timezone.now() - dt.timedelta(hours=2)
    )
    invited_days_ago(round_, email="gammal@alvstad.example")

    run_job()

    assert [m.to for m in mailoutbox] == [["gammal@alvstad.example"]]


def test_a_round_due_and_near_is_handled_in_one_run_and_the_second_run_is_idle(
    org_a, model_version, run_job, mailoutbox
):
    due = make_round(org_a, model_version, name="Förfallen", closes_on=days(-1))
    invited_days_ago(due)
    near = make_round(org_a, model_version, name="Nära", closes_on=days(1))
    invited_days_ago(near)

    first = run_job()
    second = run_job()

    assert "Closed: Älvstads kommun – Förfallen" in first
    assert "Reminded 1 respondent(s): Älvstads kommun – Nära" in first
    assert len(mailoutbox) == 1  # nobody in the closed round is reminded
    assert second == "Nothing to do.\n"


def test_with_nothing_to_do_it_says_so(db):
    assert run() == "Nothing to do.\n"
