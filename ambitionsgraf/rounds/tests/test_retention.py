"""Retention: `anonymise_respondents` erases the addresses of respondents whose round closed
long enough ago, keeps their answers, and does nothing the second time."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from ambitionsgraf.audit.models import Action, Event
from ambitionsgraf.conftest import (
    finished_respondents,
    make_organisation,
    make_respondent,
    make_round,
)
from ambitionsgraf.results.service import load_round
from ambitionsgraf.rounds.models import Answer, Respondent, Round


def closed_days_ago(round_, days: int):
    round_.close()
    Round.objects.filter(pk=round_.pk).update(closed_at=timezone.now() - dt.timedelta(days=days))
    round_.refresh_from_db()
    return round_


def command(*args) -> str:
    out = StringIO()
    call_command("anonymise_respondents", *args, stdout=out)
    return out.getvalue()


def addresses(round_) -> list:
    return list(round_.respondents.order_by("pk").values_list("email", flat=True))


def anonymised_events():
    return Event.objects.filter(action=Action.RESPONDENTS_ANONYMISED)


@pytest.fixture
def rounds(org_a, model_version):
    """Three rounds of A: closed 100 days ago, closed 10 days ago, and open; three respondents
    each who finished."""
    old = make_round(org_a, model_version, name="Skattning 2024")
    recent = make_round(org_a, model_version, name="Skattning 2025")
    current = make_round(org_a, model_version, name="Skattning 2026")
    for round_ in (old, recent, current):
        finished_respondents(round_, "leadership", 3, level=2, comment="En kommentar")
    closed_days_ago(old, 100)
    closed_days_ago(recent, 10)
    return old, recent, current


def test_only_rounds_closed_longer_than_the_setting_are_anonymised(rounds, settings):
    settings.RESPONDENT_EMAIL_RETENTION_DAYS = 90
    old, recent, current = rounds
    answers_before = Answer.objects.count()
    results_before = load_round(old).result

    output = command()

    assert addresses(old) == [None, None, None]
    assert None not in addresses(recent) + addresses(current)
    assert all(r.anonymised_at for r in old.respondents.all())
    assert Answer.objects.count() == answers_before
    assert load_round(old).result == results_before
    assert "Anonymised 3 respondent e-mail address(es) in all." in output


def test_days_can_be_given_on_the_command_line(rounds):
    old, recent, current = rounds

    command("--days", "5")

    assert addresses(old) == addresses(recent) == [None, None, None]
    assert None not in addresses(current)


def test_running_twice_changes_nothing_the_second_time(rounds):
    old, _recent, _current = rounds
    command()
    anonymised_at = list(old.respondents.values_list("anonymised_at", flat=True))

    output = command()

    assert "Anonymised 0 respondent e-mail address(es) in all." in output
    assert list(old.respondents.values_list("anonymised_at", flat=True)) == anonymised_at
    assert anonymised_events().count() == 1


def test_one_audit_event_per_organisation_with_the_count_and_no_address(
    rounds, org_a, model_version
):
    old, _recent, _current = rounds
    org_b = make_organisation("Bergby kommun")
    other = make_round(org_b, model_version, name="Bergbys omgång")
    make_respondent(other, "procurement", email="en@bergby.example")
    make_respondent(other, "procurement", email="tva@bergby.example")
    closed_days_ago(other, 365)
    emails = set(Respondent.objects.values_list("email", flat=True))

    command()

    events = {e.organisation: e for e in anonymised_events()}
    assert set(events) == {org_a, org_b}
    assert events[org_a].details["count"] == 3
    assert events[org_b].details["count"] == 2
    for event in events.values():
        assert event.actor is None
        assert event.actor_label == ""
        assert not any(e in f"{event.subject} {event.details}" for e in emails)


def test_an_already_erased_address_is_not_counted_again(rounds):
    old, _recent, _current = rounds
    first = old.respondents.first()
    Respondent.objects.filter(pk=first.pk).update(email=None, anonymised_at=timezone.now())

    command()

    assert anonymised_events().get().details["count"] == 2


def test_negative_days_are_refused(rounds):
    with pytest.raises(CommandError):
        command("--days", "-1")
    assert not anonymised_events().exists()


def test_the_daily_job_anonymises_too(rounds):
    old, _recent, _current = rounds
    out = StringIO()

    call_command("run_scheduled", stdout=out)

    assert addresses(old) == [None, None, None]
    assert "Anonymised 3 respondent(s): Älvstads kommun" in out.getvalue()
