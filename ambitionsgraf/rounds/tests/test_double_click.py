"""A form sent twice at the same moment (a double click, or two admins at once) saves once
and answers both with a page, never a server error. Each test holds the two requests after
their forms are valid, so both pass the checks before either has saved."""

import pytest
from django.urls import reverse

from ambitionsgraf.audit.models import Action, Event
from ambitionsgraf.conftest import logged_in, page_text
from ambitionsgraf.lib.testing import (
    at_the_same_moment,
    held_together,
    needs_concurrent_writers,
)
from ambitionsgraf.rounds import services
from ambitionsgraf.rounds.models import Ambition, Respondent

pytestmark = pytest.mark.django_db(transaction=True)


def post_twice(client_of, path, data) -> list:
    """The two responses, in the order of their status codes."""
    responses = []

    def send():
        responses.append(client_of().post(path, data))

    assert at_the_same_moment(send, send) == []
    return sorted(responses, key=lambda response: response.status_code)


def test_invitations_sent_twice_at_once_invite_each_address_once(
    monkeypatch, admin_a, org_a, round_a
):
    needs_concurrent_writers()
    held_together(monkeypatch, services, "invite_respondents")
    path = reverse("rounds:invite", args=[org_a.code, round_a.code])
    data = {
        "addresses": "a@alvstad.example\nb@alvstad.example",
        "perspective": "leadership",
        "language": "sv",
    }

    sent, again = post_twice(lambda: logged_in(admin_a), path, data)

    assert (sent.status_code, again.status_code) == (302, 400)
    assert "a@alvstad.example är redan inbjuden" in page_text(again)
    assert Respondent.objects.filter(round=round_a).count() == 2


def test_an_ambition_saved_twice_at_once_is_saved_once(monkeypatch, admin_a, org_a, round_a):
    needs_concurrent_writers()
    held_together(monkeypatch, services, "set_ambitions")
    path = reverse("rounds:ambition", args=[org_a.code, round_a.code])
    data = {"target_goals": "4", "reason_goals": "Målen styr inköpen."}

    responses = post_twice(lambda: logged_in(admin_a), path, data)

    assert [response.status_code for response in responses] == [302, 302]
    assert list(Ambition.objects.filter(round=round_a).values_list("area__key", "target")) == [
        ("goals", 4)
    ]
    # The log says it changed once: the second save found it already made.
    assert Event.objects.filter(action=Action.AMBITION_CHANGED).count() == 1
