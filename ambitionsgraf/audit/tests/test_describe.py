"""Events in plain words: each kind of detail read back in English (the msgids), without a
database."""

import pytest
from django.utils import translation

from ambitionsgraf.audit.describe import row
from ambitionsgraf.audit.log import Action, new_event

GOALS = {"key": "goals", "sv": "Mål", "en": "Goals"}


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    "action, subject, details, words",
    [
        (Action.INVITATION_SENT, "c@x.example", {"role": "coach"}, "c@x.example, as coach"),
        (Action.INVITATION_ACCEPTED, "", {"role": "admin"}, "Joined as admin"),
        (Action.ROUND_OPENED, "R2", {}, "R2"),
        (
            Action.ROUND_OPENED,
            "R2",
            {"previous": "R1", "invited": 1},
            "R2, based on R1: 1 respondent invited again",
        ),
        (
            Action.RESPONDENTS_REMINDED,
            "R2",
            {"count": 3, "perspective": "leadership"},
            "R2: 3 reminders to the perspective Leadership",
        ),
        (Action.RESPONDENTS_REMINDED, "R2", {"count": 1, "perspective": ""}, "R2: 1 reminder"),
        (
            Action.AMBITION_CHANGED,
            "R2",
            {
                "changes": [
                    {"area": GOALS, "old": None, "new": "3.5"},
                    {"area": {**GOALS, "en": ""}, "old": "2.0", "new": None},
                    {"area": GOALS, "old": "2.0", "new": "2.0"},
                ]
            },
            "R2: Goals – → 3.5; Mål 2.0 → –; Goals: the reason is changed",
        ),
        (
            Action.AGREED_LEVEL_CHANGED,
            "R2",
            {"area": GOALS, "old": "2.5", "new": "3.0"},
            "R2: Goals 2.5 → 3.0",
        ),
        (
            Action.ACTION_ADDED,
            "Do it",
            {"source": "proposed"},
            "Do it (proposed from the model's guidance)",
        ),
        (
            Action.ACTION_CHANGED,
            "Do it",
            {"fields": ["owner", "status", "due_on"], "status": ["planned", "done"]},
            "Do it – status Planned → Done – changed: owner, due date",
        ),
        (Action.EXPORT_DOWNLOADED, "", {"file": "plan", "format": "csv"}, "The action plan (CSV)"),
        (
            Action.EXPORT_DOWNLOADED,
            "R2",
            {"file": "board_report", "format": "pdf"},
            "Basis for decision for the board (PDF), R2",
        ),
        (Action.SIGNED_IN, "", {"two_factor": True}, "With a two-factor code"),
        (Action.SIGN_IN_FAILED, "", {"step": "code"}, "Wrong two-factor code"),
        (Action.RECOVERY_CODE_USED, "", {"left": 2}, "2 recovery codes left"),
        (Action.SETTINGS_CHANGED, "", {"fields": ["name", "county"]}, "Changed: name, county"),
        (
            Action.RESPONDENT_LINK_REVOKED,
            "R2",
            {"perspective": "operations"},
            "R2: a respondent from the perspective Operations",
        ),
        (Action.ACTION_DROPPED, "Do it", {}, "Do it"),
    ],
)
def test_details_in_plain_words(action, subject, details, words):
    assert row(new_event(action, actor_label="a@x.example", subject=subject, **details)).about == (
        words
    )


def test_who_did_it():
    automatic = row(new_event(Action.RESPONDENTS_ANONYMISED, count=2, days=90))
    by_date = row(new_event(Action.ROUND_CLOSED, subject="R2", by="closing_date"))
    respondent = row(new_event(Action.RESPONDENT_ERASED, subject="R2"))
    person = row(new_event(Action.ROUND_CLOSED, actor_label="a@x.example", subject="R2"))

    assert (automatic.who, automatic.automatic) == ("Automatically", True)
    assert (by_date.who, by_date.automatic) == ("Automatically, on the closing date", True)
    assert (respondent.who, respondent.automatic) == ("A respondent", False)
    assert (person.who, person.automatic) == ("a@x.example", False)
    assert person.what == "Round closed"


def test_a_sign_in_shows_its_address():
    event = new_event(Action.SIGNED_IN, actor_label="a@x.example", two_factor=False)
    event.ip_address = "192.0.2.7"

    assert row(event).about == "With the password, from the address 192.0.2.7"
