"""Inviting respondents through the API: the invite page's service, rules and e-mails; all or
nothing; read-write tokens only."""

import json

import pytest

from ambitionsgraf.api.testing import bearer, make_token
from ambitionsgraf.audit.models import Action, Event
from ambitionsgraf.conftest import mail_link, make_respondent
from ambitionsgraf.rounds.models import Respondent


@pytest.fixture
def invite(client, org_a, round_a, token_a, django_capture_on_commit_callbacks):
    def post(respondents, secret=None, round_=None, raw=None):
        url = f"/api/v1/organisations/{org_a.code}/rounds/{(round_ or round_a).code}/respondents"
        data = raw if raw is not None else json.dumps({"respondents": respondents})
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, "application/json", **bearer(secret or token_a[1]))

    return post


def person(email, perspective="procurement", language="sv") -> dict:
    return {"email": email, "perspective": perspective, "language": language}


def test_invited_respondents_are_created_and_each_gets_the_invitation_mail(
    invite, round_a, mailoutbox, client
):
    response = invite(
        [
            person(" Anna@Alvstad.example "),
            person("bertil@alvstad.example", "leadership", "en"),
            person("anna@alvstad.example"),  # the same again: counted once, as on the page
        ]
    )

    assert response.status_code == 201
    body = response.json()
    assert body["count"] == 2
    assert sorted(i["email"] for i in body["invited"]) == [
        "anna@alvstad.example",
        "bertil@alvstad.example",
    ]
    respondents = {r.email: r for r in round_a.respondents.all()}
    assert (
        respondents["anna@alvstad.example"].perspective,
        respondents["anna@alvstad.example"].language,
    ) == ("procurement", "sv")
    assert (
        respondents["bertil@alvstad.example"].perspective,
        respondents["bertil@alvstad.example"].language,
    ) == ("leadership", "en")
    mails = {m.to[0]: m for m in mailoutbox}
    assert set(mails) == {"anna@alvstad.example", "bertil@alvstad.example"}
    assert "asks for your view of its procurement" in mails["bertil@alvstad.example"].subject
    link = mail_link(mails["bertil@alvstad.example"])
    assert link.startswith("/en/r/")
    assert client.get(link).status_code == 200
    assert "token" not in json.dumps(body)


def test_the_log_says_how_many_from_which_perspective_and_which_token_never_the_addresses(
    invite, token_a
):
    invite([person("anna@alvstad.example"), person("bertil@alvstad.example", "leadership")])

    events = Event.objects.filter(action=Action.RESPONDENTS_INVITED)
    assert sorted((e.details["perspective"], e.details["count"]) for e in events) == [
        ("leadership", 1),
        ("procurement", 1),
    ]
    for event in events:
        assert event.actor is None
        assert event.actor_label == f"API: {token_a[0].name} ({token_a[0].prefix}…)"
        assert "alvstad.example" not in json.dumps(event.details) + event.subject


def test_any_problem_invites_no_one_and_lists_every_problem(invite, round_a, mailoutbox):
    make_respondent(round_a, "leadership", email="redan@alvstad.example")

    response = invite(
        [
            person("ny@alvstad.example"),
            person("inte en adress"),
            person("REDAN@alvstad.example"),
            person("ny@alvstad.example", "operations"),
        ]
    )

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert [(d["location"], d["type"]) for d in error["details"]] == [
        (["body", "respondents", 1, "email"], "invalid_email"),
        (["body", "respondents", 2, "email"], "already_invited"),
        (["body", "respondents", 3, "email"], "conflicting_duplicate"),
    ]
    assert round_a.respondents.count() == 1
    assert mailoutbox == []


@pytest.mark.parametrize(
    "respondents",
    [
        [],
        [{"email": "a@alvstad.example", "perspective": "board", "language": "sv"}],
        [{"email": "a@alvstad.example", "perspective": "leadership", "language": "de"}],
        [{"email": "a@alvstad.example"}],
        [person(f"p{n}@alvstad.example") for n in range(501)],
    ],
    ids=["empty", "unknown perspective", "unknown language", "missing fields", "over 500"],
)
def test_a_body_outside_the_schema_is_422_and_invites_no_one(invite, round_a, respondents):
    response = invite(respondents)

    assert response.status_code == 422
    assert response.json()["error"]["details"]
    assert not Respondent.objects.exists()


def test_schema_problems_and_address_problems_name_places_the_same_way(invite):
    response = invite([{"email": "a@alvstad.example", "perspective": "board", "language": "sv"}])

    (detail,) = response.json()["error"]["details"]
    assert detail["location"] == ["body", "respondents", 0, "perspective"]


def test_a_body_that_is_not_json_is_400(invite):
    response = invite(None, raw="{not json")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"


def test_a_read_only_token_cannot_invite(invite, org_a, round_a):
    _token, secret = make_token(org_a, "read")

    response = invite([person("anna@alvstad.example")], secret=secret)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "read_only_token"
    assert not Respondent.objects.exists()


def test_a_closed_round_takes_no_invitations(invite, round_a):
    round_a.close()

    response = invite([person("anna@alvstad.example")])

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "round_closed"
    assert not Respondent.objects.exists()


def test_a_token_of_another_organisation_cannot_invite(invite, token_b):
    response = invite([person("anna@alvstad.example")], secret=token_b[1])

    assert response.status_code == 404
    assert not Respondent.objects.exists()
