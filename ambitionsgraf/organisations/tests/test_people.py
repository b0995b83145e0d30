"""An admin removes a colleague or a coach and withdraws an invitation; anyone leaves; and an
organisation always keeps one admin."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse

from ambitionsgraf.api.models import ApiToken
from ambitionsgraf.api.testing import make_token
from ambitionsgraf.audit.models import Action, Event
from ambitionsgraf.conftest import english, logged_in, make_admin, page_text, queries_of
from ambitionsgraf.lib.tokens import new_token, token_hash
from ambitionsgraf.organisations import membership as people
from ambitionsgraf.organisations.models import Invitation, Membership

from .conftest import counts


def remove_url(org, member) -> str:
    return reverse("organisations:remove_member", args=[org.code, member.pk])


def leave_url(org) -> str:
    return reverse("organisations:leave", args=[org.code])


def membership(org, user) -> Membership:
    return Membership.objects.get(organisation=org, user=user)


@pytest.fixture
def colleague(org_a):
    return make_admin(org_a, "kollega@alvstad.example", name="Kim Kollega")


# ---------------------------------------------------------------- removing someone


def test_an_admin_removes_a_coach_who_then_gets_404_and_an_email(
    admin_a_client, org_a, admin_a, coach_a, mailoutbox
):
    coach_client = logged_in(coach_a)
    coach_a.language = "en"
    coach_a.save()

    response = admin_a_client.post(remove_url(org_a, membership(org_a, coach_a)))

    assert response.status_code == 302
    assert response["Location"] == f"/o/{org_a.code}/"  # at the top, where the message is
    assert not Membership.objects.filter(organisation=org_a, user=coach_a).exists()
    event = Event.objects.get(action=Action.MEMBER_REMOVED)
    assert (event.subject, event.details, event.organisation) == (
        coach_a.email,
        {"role": "coach"},
        org_a,
    )
    assert coach_client.get(reverse("organisations:overview", args=[org_a.code])).status_code == 404
    assert [m.to for m in mailoutbox] == [[coach_a.email]]
    assert "removed you as a coach of Älvstads kommun" in mailoutbox[0].body  # their language
    assert (admin_a.name or admin_a.email) in mailoutbox[0].body  # who did it


def test_an_admin_removes_another_admin(admin_a_client, org_a, colleague, mailoutbox):
    response = admin_a_client.post(remove_url(org_a, membership(org_a, colleague)), follow=True)

    assert not Membership.objects.filter(user=colleague).exists()
    assert "Kim Kollega är inte längre administratör för Älvstads kommun" in page_text(response)
    assert "tagit bort dig som administratör" in mailoutbox[0].body


def test_the_confirmation_page_says_what_happens_and_counts_the_persons_api_tokens(
    admin_a_client, org_a, colleague
):
    ApiToken.issue(organisation=org_a, name="Statistik", scope="read", created_by=colleague)
    make_token(org_a, name="Annat")  # made by no one in particular: not counted

    response = admin_a_client.get(remove_url(org_a, membership(org_a, colleague)))

    text = page_text(response)
    assert response.status_code == 200
    assert "Vill du ta bort Kim Kollega?" in text
    assert "1 API-nyckel som personen har skapat fortsätter att fungera" in text
    assert Membership.objects.filter(user=colleague).exists()  # looking changes nothing


def test_an_admin_who_opens_their_own_removal_is_sent_to_leave_instead(
    admin_a_client, org_a, admin_a
):
    response = admin_a_client.post(remove_url(org_a, membership(org_a, admin_a)))

    assert response.status_code == 302
    assert response["Location"] == leave_url(org_a)
    assert Membership.objects.filter(user=admin_a).exists()


def test_a_membership_of_another_organisation_is_not_found(admin_a_client, org_a, org_b, admin_b):
    before = counts()

    response = admin_a_client.post(remove_url(org_a, membership(org_b, admin_b)))

    assert response.status_code == 404
    assert counts() == before


def test_an_admin_removed_a_moment_ago_cannot_remove_anyone(org_a, admin_a, colleague, coach_a):
    """Two admins removing each other at once: the second finds itself gone."""
    request = RequestFactory().post("/")
    request.user = colleague
    membership(org_a, colleague).delete()

    with pytest.raises(Http404):
        people.end(membership(org_a, coach_a), request=request)

    assert Membership.objects.filter(user=coach_a).exists()


# ---------------------------------------------------------------- switching roles


def switch_url(org, member) -> str:
    return reverse("organisations:switch_role", args=[org.code, member.pk])


def give(client, org, member, role):
    return client.post(switch_url(org, member), {"role": role}, follow=True)


def test_an_admin_makes_a_colleague_a_coach_who_is_told_and_can_no_longer_manage(
    admin_a_client, org_a, colleague, mailoutbox
):
    response = give(admin_a_client, org_a, membership(org_a, colleague), "coach")

    assert "Kim Kollega är nu coach" in page_text(response)
    assert membership(org_a, colleague).role == "coach"
    settings_page = reverse("organisations:settings", args=[org_a.code])
    assert logged_in(colleague).get(settings_page).status_code == 404
    assert "har gjort dig till coach för Älvstads kommun" in mailoutbox[0].body
    event = Event.objects.get(action=Action.ROLE_CHANGED)
    assert (event.subject, event.details) == (colleague.email, {"role": "coach"})


def test_an_admin_makes_a_coach_an_admin(admin_a_client, org_a, coach_a):
    give(admin_a_client, org_a, membership(org_a, coach_a), "admin")

    assert membership(org_a, coach_a).role == "admin"
    settings_page = reverse("organisations:settings", args=[org_a.code])
    assert logged_in(coach_a).get(settings_page).status_code == 200


def test_an_admin_cannot_switch_their_own_role(admin_a_client, org_a, admin_a, coach_a):
    response = admin_a_client.post(switch_url(org_a, membership(org_a, admin_a)), {"role": "coach"})

    assert response.status_code == 404
    assert membership(org_a, admin_a).role == "admin"


def test_a_role_button_pressed_twice_changes_the_role_once(
    admin_a_client, org_a, coach_a, mailoutbox
):
    for _twice in range(2):
        give(admin_a_client, org_a, membership(org_a, coach_a), "admin")

    assert membership(org_a, coach_a).role == "admin"
    assert Event.objects.filter(action=Action.ROLE_CHANGED).count() == 1
    assert len(mailoutbox) == 1


def test_a_role_given_to_someone_removed_a_moment_ago_changes_nothing(org_a, admin_a, coach_a):
    request = RequestFactory().post("/")
    request.user = admin_a
    seen = membership(org_a, coach_a)  # as the page showed it
    Membership.objects.filter(pk=seen.pk).delete()  # by a colleague

    assert people.give_role(seen, "admin", request=request) is False
    assert not Event.objects.filter(action=Action.ROLE_CHANGED).exists()


def test_a_role_that_does_not_exist_changes_nothing(admin_a_client, org_a, coach_a):
    before = counts()

    response = give(admin_a_client, org_a, membership(org_a, coach_a), "owner")

    assert "Välj administratör eller coach." in page_text(response)
    assert counts() == before


# ---------------------------------------------------------------- leaving


def test_a_coach_leaves_and_the_log_says_so(org_a, coach_a, mailoutbox):
    client = logged_in(coach_a)

    response = client.post(leave_url(org_a), follow=True)

    assert not Membership.objects.filter(user=coach_a).exists()
    assert "Du har lämnat Älvstads kommun." in page_text(response)
    event = Event.objects.get(action=Action.MEMBER_LEFT)
    assert (event.actor, event.details) == (coach_a, {"role": "coach"})
    assert mailoutbox == []  # they know


def test_an_admin_leaves_when_another_admin_remains(admin_a_client, org_a, admin_a, colleague):
    response = admin_a_client.post(leave_url(org_a))

    assert response.status_code == 302
    assert list(org_a.memberships.values_list("user__email", flat=True)) == [colleague.email]


def test_the_only_admin_is_told_what_to_do_instead_of_being_offered_to_leave(
    admin_a_client, org_a, coach_a
):
    response = admin_a_client.get(leave_url(org_a))

    text = page_text(response)
    assert response.status_code == 200
    assert "Du är den enda administratören för Älvstads kommun" in text
    assert b'type="submit"' not in response.content.split(b"<main")[1]
    assert reverse("organisations:invite_admin", args=[org_a.code]).encode() in response.content


def test_the_only_admin_cannot_leave_even_by_posting(admin_a_client, org_a, admin_a, coach_a):
    before = counts()

    response = admin_a_client.post(leave_url(org_a))

    assert response.status_code == 400
    assert "Du är den enda administratören för Älvstads kommun, så du kan inte lämna den" in (
        page_text(response)
    )
    assert counts() == before
    assert membership(org_a, admin_a).role == "admin"


def test_a_second_leave_finds_nothing(org_a, coach_a):
    client = logged_in(coach_a)
    client.post(leave_url(org_a))

    assert client.post(leave_url(org_a)).status_code == 404


# ---------------------------------------------------------------- invitations


def pending(org, email="ny@alvstad.example") -> tuple[Invitation, str]:
    token = new_token()
    invitation = Invitation.objects.create(
        organisation=org, email=email, token_hash=token_hash(token)
    )
    return invitation, token


def withdraw_url(org, invitation) -> str:
    return reverse("organisations:withdraw_invitation", args=[org.code, invitation.pk])


def test_a_withdrawn_invitations_link_stops_working(admin_a_client, org_a):
    invitation, token = pending(org_a)

    response = admin_a_client.post(withdraw_url(org_a, invitation), follow=True)

    assert "Inbjudan till ny@alvstad.example är tillbakadragen" in page_text(response)
    assert not Invitation.objects.filter(pk=invitation.pk).exists()
    assert Event.objects.get(action=Action.INVITATION_WITHDRAWN).subject == "ny@alvstad.example"
    link = reverse("organisations:accept_invitation", args=[token])
    assert admin_a_client.get(link).status_code == 404


def test_an_invitation_accepted_meanwhile_is_not_withdrawn(admin_a_client, org_a):
    invitation, _token = pending(org_a)
    Invitation.objects.filter(pk=invitation.pk).update(accepted_at="2026-12-01T10:00Z")
    before = counts()

    response = admin_a_client.post(withdraw_url(org_a, invitation), follow=True)

    assert "ny@alvstad.example hade redan tackat ja" in page_text(response)
    assert counts() == before


def test_withdrawing_is_a_post_and_only_for_the_organisations_own_invitations(
    admin_a_client, org_a, org_b
):
    theirs, _token = pending(org_b)

    assert admin_a_client.get(withdraw_url(org_a, pending(org_a)[0])).status_code == 405
    assert admin_a_client.post(withdraw_url(org_a, theirs)).status_code == 404
    assert Invitation.objects.filter(pk=theirs.pk).exists()


# ---------------------------------------------------------------- the overview's list


def test_the_overview_offers_removal_of_others_to_admins_only(
    admin_a_client, org_a, admin_a, coach_a, colleague
):
    overview = reverse("organisations:overview", args=[org_a.code])
    as_admin = admin_a_client.get(overview).content.decode()
    as_coach = logged_in(coach_a).get(overview).content.decode()

    assert remove_url(org_a, membership(org_a, colleague)) in as_admin
    assert remove_url(org_a, membership(org_a, coach_a)) in as_admin
    assert remove_url(org_a, membership(org_a, admin_a)) not in as_admin  # leaves instead
    assert "/remove/" not in as_coach
    for page in (as_admin, as_coach):
        assert leave_url(org_a) in page


def test_the_log_tells_removals_and_leaving_in_words(admin_a_client, org_a, coach_a, colleague):
    admin_a_client.post(remove_url(org_a, membership(org_a, coach_a)))
    logged_in(colleague).post(leave_url(org_a))

    response = admin_a_client.get(english("audit:log", org_a.code))
    text = page_text(response)

    assert f"{coach_a.email}, who was coach" in text
    assert "Was admin" in text


def test_the_leave_page_reads_the_membership_once(org_a, admin_a_client, coach_a):
    """Session, user and membership (found with the organisation), and for an admin whether
    another admin exists."""
    url = leave_url(org_a)

    assert queries_of(logged_in(coach_a), url) == 3
    assert queries_of(admin_a_client, url) == 4
