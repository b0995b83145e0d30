"""A new round started from the last one: the same people invited again in one step."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ambitionsgraf.conftest import (
    finished_respondents,
    in_language,
    mail_link,
    make_respondent,
    make_round,
    page_text,
)
from ambitionsgraf.rounds.models import Respondent, Round


def from_last_url(org):
    return reverse("rounds:new_from_last", args=[org.code])


@pytest.fixture
def last_round(org_a, model_version):
    """Last year's closed round: two leaders (one in English), one buyer, one erased address."""
    round_ = make_round(org_a, model_version, name="Skattning 2025")
    make_respondent(round_, "leadership", email="ledare@alvstad.example")
    make_respondent(round_, "leadership", email="chef@alvstad.example", language="en")
    make_respondent(round_, "procurement", email="inkop@alvstad.example")
    erased, _token = make_respondent(round_, "operations", email="borta@alvstad.example")
    Respondent.objects.filter(pk=erased.pk).update(email="")
    finished_respondents(round_, "operations", 1)
    round_.close()
    return round_


@pytest.fixture
def start(admin_a_client, org_a, django_capture_on_commit_callbacks):
    def post(emails, name="Skattning 2026", closes_on=""):
        with django_capture_on_commit_callbacks(execute=True):
            return admin_a_client.post(
                from_last_url(org_a),
                {"name": name, "closes_on": closes_on, "respondents": emails},
            )

    return post


def test_the_new_round_page_and_the_overview_offer_to_start_from_the_last_round(
    admin_a_client, org_a, last_round
):
    for url in (
        reverse("rounds:new", args=[org_a.code]),
        reverse("organisations:overview", args=[org_a.code]),
    ):
        text = page_text(admin_a_client.get(url))
        assert from_last_url(org_a) in text
        assert "Skattning 2025" in text


def test_without_an_earlier_round_there_is_no_such_offer(admin_a_client, org_a, model_version):
    page = admin_a_client.get(reverse("rounds:new", args=[org_a.code]))
    response = admin_a_client.get(from_last_url(org_a))

    assert from_last_url(org_a) not in page_text(page)
    assert response.status_code == 302
    assert response["Location"] == reverse("rounds:new", args=[org_a.code])


def test_the_page_lists_the_earlier_respondents_ticked_and_grouped_by_perspective(
    admin_a_client, org_a, last_round
):
    response = admin_a_client.get(from_last_url(org_a))

    assert response.status_code == 200
    groups = response.context["form"].groups()
    assert [g["key"] for g in groups] == ["leadership", "procurement", "operations"]
    assert [p["email"] for p in groups[0]["people"]] == [
        "chef@alvstad.example",
        "ledare@alvstad.example",
    ]
    assert all(p["checked"] for g in groups for p in g["people"])
    text = page_text(response)
    assert text.count('type="checkbox"') == 4
    assert "borta@alvstad.example" not in text
    assert response.context["erased"] == 1


def test_starting_invites_the_ticked_again_with_their_perspective_and_language(
    start, org_a, last_round, model_version, mailoutbox
):
    response = start(["ledare@alvstad.example", "chef@alvstad.example"])

    new = org_a.rounds.exclude(pk=last_round.pk).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("rounds:detail", args=[org_a.code, new.code])
    assert new.previous == last_round
    assert new.name == "Skattning 2026"
    assert new.model_version == model_version
    assert new.is_open
    people = {r.email: (r.perspective, r.language) for r in new.respondents.all()}
    assert people == {
        "ledare@alvstad.example": ("leadership", "sv"),
        "chef@alvstad.example": ("leadership", "en"),
    }
    mails = {m.to[0]: m for m in mailoutbox}
    assert set(mails) == {"ledare@alvstad.example", "chef@alvstad.example"}
    assert mail_link(mails["chef@alvstad.example"]).startswith("/en/r/")
    assert mail_link(mails["ledare@alvstad.example"]).startswith("/r/")
    assert not new.respondents.filter(token_hash__in=last_round.respondents.values("token_hash"))


def test_unticked_respondents_are_not_invited(start, org_a, last_round, mailoutbox):
    start(["inkop@alvstad.example"])

    new = Round.objects.get(previous=last_round)
    assert list(new.respondents.values_list("email", flat=True)) == ["inkop@alvstad.example"]
    assert [m.to for m in mailoutbox] == [["inkop@alvstad.example"]]


def test_with_no_one_ticked_the_round_starts_empty(start, last_round, mailoutbox):
    start([])

    assert Round.objects.get(previous=last_round).respondents.count() == 0
    assert mailoutbox == []


def test_an_address_not_in_the_earlier_round_is_refused(start, org_a, last_round, mailoutbox):
    response = start(["ledare@alvstad.example", "intruder@evil.example"])

    assert response.status_code == 400
    assert "respondents" in response.context["form"].errors
    assert not Round.objects.filter(previous=last_round).exists()
    assert mailoutbox == []


def test_the_new_round_uses_the_current_published_model_version(
    start, last_round, newer_model_version
):
    start(["ledare@alvstad.example"])

    assert Round.objects.get(previous=last_round).model_version == newer_model_version


def test_bad_input_keeps_the_choices_and_changes_nothing(start, org_a, last_round, mailoutbox):
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()

    response = start(["inkop@alvstad.example"], name="", closes_on=yesterday)

    assert response.status_code == 400
    text = page_text(response)
    assert in_language("sv", "The closing date cannot be in the past.") in text
    ticked = {
        p["email"] for g in response.context["form"].groups() for p in g["people"] if p["checked"]
    }
    assert ticked == {"inkop@alvstad.example"}
    assert org_a.rounds.count() == 1
    assert mailoutbox == []


def test_the_page_runs_a_bounded_number_of_queries(
    admin_a_client, org_a, last_round, django_assert_max_num_queries
):
    def count_queries():
        with django_assert_max_num_queries(10) as captured:
            admin_a_client.get(from_last_url(org_a))
        return len(captured)

    few = count_queries()
    for _ in range(20):
        make_respondent(last_round, "operations")
    assert count_queries() == few


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_admin_of_another_organisation_gets_404(
    outsider_client, org_a, last_round, mailoutbox, method
):
    response = getattr(outsider_client, method)(
        from_last_url(org_a), {"name": "Intrång", "respondents": ["ledare@alvstad.example"]}
    )

    assert response.status_code == 404
    assert org_a.rounds.count() == 1
    assert mailoutbox == []
