"""Inviting respondents with a pasted list: one respondent and one e-mail per address."""

import pytest
from django.test import Client
from django.urls import reverse

from ambitionsgraf.conftest import in_language, mail_link, make_respondent, page_text
from ambitionsgraf.rounds.forms import parse_addresses
from ambitionsgraf.rounds.models import Respondent

PASTED = """Anna Andersson <anna@alvstad.example>
bertil@alvstad.example, Cecilia@Alvstad.example
"Dahl, David" <david@alvstad.example>; eva@alvstad.example

  bertil@alvstad.example
"""
PASTED_ADDRESSES = {
    "anna@alvstad.example",
    "bertil@alvstad.example",
    "cecilia@alvstad.example",
    "david@alvstad.example",
    "eva@alvstad.example",
}
BAD_LINE = "Line %(line)d: “%(value)s” is not a valid e-mail address."
ALREADY = "Line %(line)d: %(email)s is already invited to this round."


@pytest.fixture
def invite(admin_a_client, org_a, round_a, django_capture_on_commit_callbacks):
    def post(addresses, perspective="procurement", language="sv"):
        with django_capture_on_commit_callbacks(execute=True):
            return admin_a_client.post(
                reverse("rounds:invite", args=[org_a.code, round_a.code]),
                {"addresses": addresses, "perspective": perspective, "language": language},
            )

    return post


def test_invite_page_renders(admin_a_client, org_a, round_a):
    response = admin_a_client.get(reverse("rounds:invite", args=[org_a.code, round_a.code]))

    assert response.status_code == 200


def test_pasted_list_in_several_forms_gives_one_respondent_and_one_mail_each(
    invite, round_a, mailoutbox
):
    response = invite(PASTED)

    assert response.status_code == 302
    respondents = round_a.respondents.all()
    assert {r.email for r in respondents} == PASTED_ADDRESSES
    assert {(r.perspective, r.language) for r in respondents} == {("procurement", "sv")}
    assert sorted(m.to[0] for m in mailoutbox) == sorted(PASTED_ADDRESSES)


def test_english_invitation_is_in_english_and_its_link_opens_the_english_questionnaire(
    invite, round_a, org_a, mailoutbox
):
    invite("anna@alvstad.example", perspective="operations", language="en")

    (message,) = mailoutbox
    assert "asks for your view of its procurement" in message.subject
    assert "Your personal link" in message.body
    assert "Operations" in message.body
    link = mail_link(message)
    assert link.startswith("/en/r/")
    response = Client().get(link)
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert org_a.name in page_text(response)


def test_swedish_invitation_links_to_the_swedish_questionnaire(invite, mailoutbox):
    invite("anna@alvstad.example", language="sv")

    (message,) = mailoutbox
    link = mail_link(message)
    assert link.startswith("/r/")
    assert "/en/" not in message.body
    assert in_language("sv", "Your personal link (do not share it):") in message.body
    response = Client().get(link)
    assert response.status_code == 200
    assert '<html lang="sv">' in response.content.decode()


def test_the_mailed_link_belongs_to_the_invited_respondent(invite, round_a, mailoutbox):
    invite("anna@alvstad.example\nbertil@alvstad.example")

    for message in mailoutbox:
        response = Client().get(mail_link(message))
        assert response.context["respondent"].email == message.to[0]


def test_malformed_address_errors_with_its_line_and_creates_nobody(invite, round_a, mailoutbox):
    response = invite("anna@alvstad.example\nbertil(at)alvstad.example\ncecilia@alvstad.example")

    assert response.status_code == 400
    expected = in_language("sv", BAD_LINE, line=2, value="bertil(at)alvstad.example")
    assert expected in page_text(response)
    assert not round_a.respondents.exists()
    assert mailoutbox == []


def test_address_already_invited_to_the_round_errors_and_creates_nobody(
    invite, round_a, mailoutbox
):
    make_respondent(round_a, email="anna@alvstad.example")

    response = invite("bertil@alvstad.example\nAnna@Alvstad.example")

    assert response.status_code == 400
    expected = in_language("sv", ALREADY, line=2, email="anna@alvstad.example")
    assert expected in page_text(response)
    assert list(round_a.respondents.values_list("email", flat=True)) == ["anna@alvstad.example"]
    assert mailoutbox == []


def test_the_same_address_in_another_round_can_be_invited(
    invite, round_a, org_a, model_version, mailoutbox
):
    other = org_a.rounds.create(model_version=model_version, name="Förra året")
    make_respondent(other, email="anna@alvstad.example")

    invite("anna@alvstad.example")

    assert Respondent.objects.filter(email="anna@alvstad.example").count() == 2
    assert len(mailoutbox) == 1


def test_an_empty_list_is_refused(invite, round_a):
    response = invite(" \n , ; \n")

    assert response.status_code == 400
    assert not round_a.respondents.exists()


def test_parse_addresses_keeps_line_numbers():
    assert parse_addresses("a@x.se\n\nB <b@x.se>, c@x.se") == [
        (1, "a@x.se"),
        (3, "b@x.se"),
        (3, "c@x.se"),
    ]


def test_parse_addresses_keeps_a_quoted_name_with_a_comma_together():
    assert parse_addresses('"Dahl, David" <d@x.se>; "Ek; Eva" <e@x.se>') == [
        (1, "d@x.se"),
        (1, "e@x.se"),
    ]
