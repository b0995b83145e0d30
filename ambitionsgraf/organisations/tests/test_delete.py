"""Deleting an organisation: the page says what goes, the name must be typed exactly, and the
deletion is logged in a way that outlives the organisation; accounts stay."""

from django.urls import reverse

from ambitionsgraf.accounts.models import User
from ambitionsgraf.audit.models import Action, Event
from ambitionsgraf.conftest import english, in_language, page_text
from ambitionsgraf.organisations.models import Organisation

from .conftest import ADMIN_EMAIL, COACH_EMAIL, counts

MISMATCH = (
    "The text does not match the organisation's name, so nothing has been deleted. Type the "
    "name exactly as it is written, with the same capital letters."
)


def delete_url(org) -> str:
    return reverse("organisations:delete", args=[org.code])


def test_the_page_says_what_is_deleted_and_offers_the_export_first(full_admin_client, full_org):
    response = full_admin_client.get(english("organisations:delete", full_org.code))

    assert response.status_code == 200
    text = page_text(response)
    assert "3 assessment rounds" in text
    assert "respondents with their answers and comments" in text
    assert "the action plan: 3 actions, with their comments" in text
    assert "Export the data first" in text
    assert english("organisations:export_data", full_org.code) in text
    assert "keeps the organisation's name" in text


def test_a_wrong_name_deletes_nothing_and_says_so_by_the_field(full_admin_client, full_org):
    before = counts()
    for typed in ("exempelstads kommun", "Exempelstad", ""):
        response = full_admin_client.post(delete_url(full_org), {"confirmation": typed})

        assert response.status_code == 400
        text = page_text(response)
        assert 'aria-invalid="true"' in text
        if typed:
            assert in_language("sv", MISMATCH) in text
    assert counts() == before


def test_the_exact_name_deletes_everything_but_the_accounts_and_the_log(
    full_admin_client, full_org
):
    code, number = full_org.code, full_org.org_number
    events_before = Event.objects.filter(organisation=full_org).count()

    response = full_admin_client.post(
        delete_url(full_org), {"confirmation": " Exempelstads kommun "}, follow=True
    )

    assert response.redirect_chain[0][0] == reverse("organisations:home")
    message = in_language(
        "sv", "%(name)s is deleted, with all its rounds and its plan.", name="Exempelstads kommun"
    )
    assert message in page_text(response)
    assert not Organisation.objects.filter(code=code).exists()
    assert counts() | {"User": 0, "Event": 0} == dict.fromkeys(counts(), 0)
    assert User.objects.filter(email__in=[ADMIN_EMAIL, COACH_EMAIL]).count() == 2
    event = Event.objects.get(action=Action.ORGANISATION_DELETED)
    assert (event.organisation, event.subject) == (None, "Exempelstads kommun")
    assert event.actor_label == ADMIN_EMAIL
    assert event.details == {"org_number": number, "rounds": 3}
    kept = Event.objects.filter(organisation_label="Exempelstads kommun", organisation=None)
    assert kept.count() == events_before


def test_a_member_of_another_organisation_keeps_it(full_admin_client, full_org, org_b):
    admin = User.objects.get(email=ADMIN_EMAIL)
    org_b.memberships.create(user=admin, role="admin")

    full_admin_client.post(delete_url(full_org), {"confirmation": "Exempelstads kommun"})

    assert list(admin.memberships.values_list("organisation__name", flat=True)) == [org_b.name]


def test_the_name_in_the_help_text_is_escaped(admin_a_client, org_a):
    org_a.name = "<script>alert(1)</script> kommun"
    org_a.save()

    text = admin_a_client.get(delete_url(org_a)).content.decode()

    assert "<script>alert(1)" not in text
    assert "<strong>&lt;script&gt;alert(1)&lt;/script&gt; kommun</strong>" in text
