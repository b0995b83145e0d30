"""A person deletes their own account after the password; an organisation's only admin cannot,
and nothing changes when they try."""

from django.urls import reverse

from ambitionsgraf.accounts.models import User
from ambitionsgraf.accounts.testing import give_totp_device
from ambitionsgraf.audit.models import Action, Event
from ambitionsgraf.conftest import PASSWORD, logged_in, make_admin, page_text
from ambitionsgraf.organisations.models import Membership
from ambitionsgraf.organisations.tests.conftest import counts, make_coach
from ambitionsgraf.plans.models import Action as PlanAction
from ambitionsgraf.plans.models import ActionComment

URL = reverse("accounts:delete_account")


def test_a_coach_deletes_their_account_and_leaves_with_a_trace_in_the_log(org_a, admin_a):
    coach = make_coach(org_a)
    give_totp_device(coach)
    action = PlanAction.objects.create(organisation=org_a, area_key="goals", description="Mål")
    ActionComment.objects.create(action=action, author=coach, text="Bra början.")
    client = logged_in(coach)

    response = client.post(URL, {"password": PASSWORD}, follow=True)

    assert "Ditt konto är borttaget." in page_text(response)
    assert not User.objects.filter(email=coach.email).exists()
    assert not Membership.objects.filter(organisation=org_a, role="coach").exists()
    left = Event.objects.get(action=Action.MEMBER_LEFT)
    assert (left.actor_label, left.organisation) == (coach.email, org_a)
    assert ActionComment.objects.get().author is None  # the comment stays
    assert not response.wsgi_request.user.is_authenticated
    assert client.get(reverse("accounts:account")).status_code == 302  # to sign in


def test_a_wrong_password_deletes_nothing(org_a, admin_a):
    client = logged_in(make_coach(org_a))
    before = counts()

    response = client.post(URL, {"password": "fel lösenord"})

    assert response.status_code == 400
    assert counts() == before


def test_the_only_admin_is_shown_their_organisations_instead_of_the_form(admin_a_client, org_a):
    response = admin_a_client.get(URL)

    text = page_text(response)
    assert response.status_code == 200
    assert "Du är den enda administratören för de här organisationerna" in text
    assert reverse("organisations:leave", args=[org_a.code]) in text
    assert 'name="password"' not in text


def test_the_only_admin_cannot_delete_the_account_even_by_posting(admin_a_client, org_a):
    before = counts()

    response = admin_a_client.post(URL, {"password": PASSWORD})

    assert response.status_code == 400
    assert counts() == before


def test_an_admin_with_a_colleague_deletes_the_account(admin_a_client, org_a, admin_a):
    colleague = make_admin(org_a, "kollega@alvstad.example")

    response = admin_a_client.post(URL, {"password": PASSWORD})

    assert response.status_code == 302
    assert list(org_a.memberships.values_list("user", flat=True)) == [colleague.pk]


def test_the_account_page_links_to_deleting_it(admin_a_client):
    assert URL in admin_a_client.get(reverse("accounts:account")).content.decode()
