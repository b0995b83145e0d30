"""Closing a round: refused while no one has finished; a closed round takes no invitations."""

from django.urls import reverse

from ambitionsgraf.conftest import finished_respondents, in_language, make_respondent, page_text
from ambitionsgraf.rounds.models import Round

NOTHING_TO_CLOSE = (
    "No one has finished the questionnaire yet, so there is nothing to close. "
    "A closed round cannot be opened again."
)
NO_MORE_INVITATIONS = "The round is closed. You cannot invite anyone more."


def close_url(org, round_):
    return reverse("rounds:close", args=[org.code, round_.code])


def test_close_page_renders(admin_a_client, org_a, round_a):
    assert admin_a_client.get(close_url(org_a, round_a)).status_code == 200


def test_closing_with_no_finished_respondents_is_refused_with_400(admin_a_client, org_a, round_a):
    make_respondent(round_a)  # invited, not finished

    response = admin_a_client.post(close_url(org_a, round_a))

    assert response.status_code == 400
    assert in_language("sv", NOTHING_TO_CLOSE) in page_text(response)
    round_a.refresh_from_db()
    assert round_a.is_open


def test_closing_with_a_finished_respondent_closes_the_round(admin_a_client, org_a, round_a):
    finished_respondents(round_a, "leadership", 1)

    response = admin_a_client.post(close_url(org_a, round_a))

    assert response.status_code == 302
    assert response["Location"] == reverse("results:round", args=[org_a.code, round_a.code])
    round_a.refresh_from_db()
    assert round_a.status == Round.Status.CLOSED
    assert round_a.closed_at is not None


def test_closing_a_closed_round_again_changes_nothing(admin_a_client, org_a, round_a):
    finished_respondents(round_a, "leadership", 1)
    round_a.close()
    closed_at = round_a.closed_at

    response = admin_a_client.post(close_url(org_a, round_a))

    assert response.status_code == 302
    round_a.refresh_from_db()
    assert round_a.closed_at == closed_at


def test_a_closed_round_refuses_invitations(
    admin_a_client, org_a, round_a, mailoutbox, django_capture_on_commit_callbacks
):
    finished_respondents(round_a, "leadership", 1)
    round_a.close()
    url = reverse("rounds:invite", args=[org_a.code, round_a.code])
    detail = reverse("rounds:detail", args=[org_a.code, round_a.code])

    page = admin_a_client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        posted = admin_a_client.post(
            url,
            {"addresses": "sen@alvstad.example", "perspective": "leadership", "language": "sv"},
            follow=True,
        )

    assert page.status_code == 302
    assert page["Location"] == detail
    assert posted.redirect_chain[-1][0] == detail
    assert in_language("sv", NO_MORE_INVITATIONS) in page_text(posted)
    assert not round_a.respondents.filter(email="sen@alvstad.example").exists()
    assert mailoutbox == []
