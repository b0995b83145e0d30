"""What the admin pages for people and rounds leave in the log: one event per change, with the
organisation and the person who made it, and nothing when the change is refused."""

import datetime as dt
import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ambitionsgraf.audit.models import Action, Event
from ambitionsgraf.conftest import (
    PASSWORD,
    finished_respondents,
    mail_link,
    make_respondent,
    make_round,
)

from .conftest import changes, only_event


def rounds_url(name, org, round_=None):
    return reverse(f"rounds:{name}", args=[org.code] + ([round_.code] if round_ else []))


# ---------------------------------------------------------------- invitations


def invite_colleague(client, org, email="coach@radgivare.example", role="coach"):
    return client.post(
        reverse("organisations:invite_admin", args=[org.code]),
        {"email": email, "role": role, "language": "sv"},
    )


def test_an_invitation_is_recorded_with_the_role(admin_a_client, org_a, admin_a):
    invite_colleague(admin_a_client, org_a)

    event = only_event(Action.INVITATION_SENT)
    assert (event.organisation, event.actor) == (org_a, admin_a)
    assert event.subject == "coach@radgivare.example"
    assert event.details == {"role": "coach"}


def test_a_refused_invitation_records_nothing(admin_a_client, org_a):
    response = invite_colleague(admin_a_client, org_a, email="inte en adress")

    assert response.status_code == 400
    assert not changes().exists()


def test_accepting_an_invitation_is_recorded_for_the_new_member(admin_a_client, org_a, mailoutbox):
    invite_colleague(admin_a_client, org_a)

    response = Client().post(
        mail_link(mailoutbox[0]), {"account-name": "Cecilia Coach", "account-password": PASSWORD}
    )

    assert response.status_code == 302
    event = only_event(Action.INVITATION_ACCEPTED)
    assert event.organisation == org_a
    assert event.actor.email == "coach@radgivare.example"
    assert event.details == {"role": "coach"}


# ---------------------------------------------------------------- starting and closing rounds


def test_starting_a_round_is_recorded(admin_a_client, org_a, admin_a, model_version):
    admin_a_client.post(rounds_url("new", org_a), {"name": "Skattning 2026", "closes_on": ""})

    event = only_event(Action.ROUND_OPENED)
    assert (event.organisation, event.actor, event.subject) == (org_a, admin_a, "Skattning 2026")


def test_a_round_refused_for_bad_input_records_nothing(admin_a_client, org_a, model_version):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    response = admin_a_client.post(
        rounds_url("new", org_a), {"name": "", "closes_on": yesterday.isoformat()}
    )

    assert response.status_code == 400
    assert not org_a.rounds.exists()
    assert not changes().exists()


def test_a_round_from_the_last_one_is_recorded_once_with_the_count(
    admin_a_client, org_a, admin_a, model_version, django_capture_on_commit_callbacks
):
    last = make_round(org_a, model_version, name="Skattning 2025")
    make_respondent(last, "leadership", email="ledare@alvstad.example")
    make_respondent(last, "procurement", email="inkop@alvstad.example")

    with django_capture_on_commit_callbacks(execute=True):
        admin_a_client.post(
            rounds_url("new_from_last", org_a),
            {
                "name": "Skattning 2026",
                "closes_on": "",
                "respondents": ["ledare@alvstad.example", "inkop@alvstad.example"],
            },
        )

    event = only_event(Action.ROUND_OPENED)
    assert (event.organisation, event.actor, event.subject) == (org_a, admin_a, "Skattning 2026")
    assert event.details == {"previous": "Skattning 2025", "invited": 2}
    assert "alvstad.example" not in json.dumps(event.details)
    assert changes().count() == 1


def test_closing_a_round_is_recorded_with_the_admin(admin_a_client, org_a, admin_a, round_a):
    finished_respondents(round_a, "leadership", 1)

    admin_a_client.post(rounds_url("close", org_a, round_a))
    admin_a_client.post(rounds_url("close", org_a, round_a))  # already closed: no second event

    event = only_event(Action.ROUND_CLOSED)
    assert (event.organisation, event.actor, event.subject) == (org_a, admin_a, round_a.name)
    assert event.details == {}


def test_a_refused_close_records_nothing(admin_a_client, org_a, round_a):
    response = admin_a_client.post(rounds_url("close", org_a, round_a))

    assert response.status_code == 400
    assert not changes().exists()


def past_due(round_):
    round_.closes_on = timezone.localdate() - dt.timedelta(days=1)
    round_.save(update_fields=["closes_on"])
    return round_


def test_a_round_closed_by_its_date_on_its_page_is_recorded_as_automatic(
    admin_a_client, org_a, round_a
):
    past_due(round_a)

    admin_a_client.get(rounds_url("detail", org_a, round_a))
    admin_a_client.get(rounds_url("detail", org_a, round_a))

    event = only_event(Action.ROUND_CLOSED)
    assert event.organisation == org_a and event.subject == round_a.name
    assert event.actor is None and event.actor_label == ""
    assert event.details == {"by": "closing_date"}


def test_rounds_closed_by_date_from_the_overview_get_one_event_each(
    admin_a_client, org_a, model_version
):
    rounds = [past_due(make_round(org_a, model_version, name=f"Runda {n}")) for n in range(2)]

    admin_a_client.get(reverse("organisations:overview", args=[org_a.code]))
    admin_a_client.get(reverse("organisations:overview", args=[org_a.code]))

    events = Event.objects.filter(action=Action.ROUND_CLOSED)
    assert sorted(e.subject for e in events) == sorted(r.name for r in rounds)
    assert all(e.organisation == org_a and e.actor is None for e in events)
    assert all(e.details == {"by": "closing_date"} for e in events)


# ---------------------------------------------------------------- respondents


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    def run(post):
        with django_capture_on_commit_callbacks(execute=True):
            return post()

    return run


def test_inviting_respondents_records_the_count_and_perspective_but_no_address(
    admin_a_client, org_a, admin_a, round_a, capture
):
    capture(
        lambda: admin_a_client.post(
            rounds_url("invite", org_a, round_a),
            {
                "addresses": "anna@alvstad.example\nbertil@alvstad.example",
                "perspective": "procurement",
                "language": "sv",
            },
        )
    )

    event = only_event(Action.RESPONDENTS_INVITED)
    assert (event.organisation, event.actor, event.subject) == (org_a, admin_a, round_a.name)
    assert event.details == {"count": 2, "perspective": "procurement"}
    assert "alvstad.example" not in event.subject + json.dumps(event.details)


def test_a_refused_invitation_list_records_nothing(admin_a_client, org_a, round_a):
    response = admin_a_client.post(
        rounds_url("invite", org_a, round_a),
        {"addresses": "inte en adress", "perspective": "procurement", "language": "sv"},
    )

    assert response.status_code == 400
    assert not changes().exists()


def test_reminders_sent_from_the_page_are_recorded_with_the_count(
    admin_a_client, org_a, admin_a, round_a, capture
):
    make_respondent(round_a, "leadership")
    make_respondent(round_a, "leadership")
    make_respondent(round_a, "operations")

    capture(lambda: admin_a_client.post(rounds_url("remind", org_a, round_a), {"perspective": ""}))

    event = only_event(Action.RESPONDENTS_REMINDED)
    assert (event.organisation, event.actor, event.subject) == (org_a, admin_a, round_a.name)
    assert event.details == {"count": 3, "perspective": ""}


def test_a_refused_reminder_records_nothing(admin_a_client, org_a, round_a):
    make_respondent(round_a, "leadership")

    response = admin_a_client.post(rounds_url("remind", org_a, round_a), {"perspective": "board"})

    assert response.status_code == 400
    assert not changes().exists()


# ---------------------------------------------------------------- the ambition


def post_ambition(client, org, round_, **targets):
    data = {f"target_{key}": value for key, value in targets.items()}
    return client.post(rounds_url("ambition", org, round_), data)


def test_changing_the_ambition_records_the_areas_with_old_and_new_targets(
    admin_a_client, org_a, admin_a, round_a
):
    post_ambition(admin_a_client, org_a, round_a, goals="3", strategies="2.5")
    first = only_event(Action.AMBITION_CHANGED)

    post_ambition(admin_a_client, org_a, round_a, goals="3", strategies="4")

    second = Event.objects.filter(action=Action.AMBITION_CHANGED).exclude(pk=first.pk).get()
    assert (second.organisation, second.actor, second.subject) == (org_a, admin_a, round_a.name)
    assert [(c["area"]["key"], c["old"], c["new"]) for c in first.details["changes"]] == [
        ("goals", None, "3.0"),
        ("strategies", None, "2.5"),
    ]
    assert [(c["area"]["key"], c["old"], c["new"]) for c in second.details["changes"]] == [
        ("strategies", "2.5", "4.0")
    ]
    assert second.details["changes"][0]["area"]["sv"]


def test_saving_the_same_ambition_again_records_nothing_new(admin_a_client, org_a, round_a):
    post_ambition(admin_a_client, org_a, round_a, goals="3")
    post_ambition(admin_a_client, org_a, round_a, goals="3")

    assert Event.objects.filter(action=Action.AMBITION_CHANGED).count() == 1


def test_a_refused_ambition_records_nothing(admin_a_client, org_a, round_a):
    response = post_ambition(admin_a_client, org_a, round_a, goals="7")

    assert response.status_code == 400
    assert not changes().exists()
