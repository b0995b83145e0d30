"""The settings page: an admin changes the organisation's details and its consent to national
statistics; each change is logged and said in plain words; bad input changes nothing."""

from django.conf import settings
from django.urls import reverse

from ambitionsgraf.audit.models import Action, Event
from ambitionsgraf.conftest import english, in_language, page_text, signup_data
from ambitionsgraf.organisations.models import Organisation

GIVEN = (
    "Consent given. The organisation's closed rounds will be counted in the agency's next "
    "national figures, combined with other organisations' results and never shown on their own."
)
WITHDRAWN = (
    "Consent withdrawn. The organisation's rounds are left out of the agency's next national "
    "figures, and of all figures after them."
)
TAKEN = in_language(
    "sv",
    "An organisation with this number is already registered in Ambitionsgraf. "
    "Ask that organisation's admin to invite you. If no one at your organisation knows who "
    "registered it, write to %(email)s.",
)
SAVED = "The organisation's details are saved."


def form_data(org, **changes) -> dict:
    data = {
        "name": org.name,
        "org_number": org.org_number,
        "type": org.type,
        "county": org.county,
        "employees_band": org.employees_band,
        "volume_band": org.volume_band,
        "procurement_setup": org.procurement_setup,
    }
    if org.national_statistics:
        data["national_statistics"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def settings_url(org) -> str:
    return reverse("organisations:settings", args=[org.code])


def test_the_settings_page_shows_the_details_and_an_unticked_consent(admin_a_client, org_a):
    response = admin_a_client.get(settings_url(org_a))

    assert response.status_code == 200
    text = page_text(response)
    assert f'value="{org_a.name}"' in text
    assert 'name="national_statistics"' in text
    assert response.context["form"]["national_statistics"].value() is False
    assert in_language("sv", "Export all data") in text
    assert reverse("organisations:delete", args=[org_a.code]) in text


def test_an_admin_changes_the_details_and_the_change_is_logged(admin_a_client, org_a):
    response = admin_a_client.post(
        settings_url(org_a), form_data(org_a, name="Älvstads stad", county="uppsala"), follow=True
    )

    org_a.refresh_from_db()
    assert (org_a.name, org_a.county) == ("Älvstads stad", "uppsala")
    assert in_language("sv", SAVED) in page_text(response)
    event = Event.objects.get(action=Action.SETTINGS_CHANGED)
    assert event.organisation == org_a
    assert event.details == {"fields": ["name", "county"]}
    assert not Event.objects.filter(action=Action.CONSENT_CHANGED).exists()


def test_giving_consent_says_what_happens_and_is_logged(admin_a_client, org_a):
    response = admin_a_client.post(
        settings_url(org_a), form_data(org_a, national_statistics="on"), follow=True
    )

    org_a.refresh_from_db()
    assert org_a.national_statistics is True
    assert in_language("sv", GIVEN) in page_text(response)
    event = Event.objects.get(action=Action.CONSENT_CHANGED)
    assert event.details == {"national_statistics": True}
    assert not Event.objects.filter(action=Action.SETTINGS_CHANGED).exists()


def test_withdrawing_consent_says_the_next_figures_leave_the_organisation_out(
    admin_a_client, org_a
):
    org_a.national_statistics = True
    org_a.save()

    response = admin_a_client.post(
        english("organisations:settings", org_a.code),
        form_data(org_a, national_statistics=None),
        follow=True,
    )

    org_a.refresh_from_db()
    assert org_a.national_statistics is False
    assert WITHDRAWN in page_text(response)
    assert Event.objects.get(action=Action.CONSENT_CHANGED).details == {
        "national_statistics": False
    }


def test_saving_without_a_change_logs_nothing(admin_a_client, org_a):
    response = admin_a_client.post(settings_url(org_a), form_data(org_a), follow=True)

    assert in_language("sv", "Nothing was changed.") in page_text(response)
    assert not Event.objects.filter(organisation=org_a).exists()


def test_the_same_number_written_without_a_dash_is_no_change(admin_a_client, org_a):
    admin_a_client.post(
        settings_url(org_a), form_data(org_a, org_number=org_a.org_number.replace("-", ""))
    )

    assert not Event.objects.filter(organisation=org_a).exists()


def test_bad_input_shows_messages_by_the_fields_and_changes_nothing(admin_a_client, org_a, org_b):
    before = Organisation.objects.values().get(pk=org_a.pk)

    response = admin_a_client.post(
        settings_url(org_a),
        form_data(org_a, name="", org_number=org_b.org_number, national_statistics="on"),
    )

    assert response.status_code == 400
    text = page_text(response)
    assert 'aria-invalid="true"' in text
    assert TAKEN % {"email": settings.CONTACT_EMAIL} in text
    assert f"<h1>{in_language('sv', 'Settings')}</h1>" in text
    assert org_a.name in text  # the breadcrumb keeps the saved name
    assert Organisation.objects.values().get(pk=org_a.pk) == before
    assert not Event.objects.filter(organisation=org_a).exists()


def test_sign_up_asks_for_consent_unticked_and_saves_the_answer(client, db):
    page = page_text(client.get(reverse("accounts:signup")))
    assert 'name="org-national_statistics"' in page
    assert 'name="org-national_statistics" checked' not in page
    assert 'aria-describedby="id_org-national_statistics_helptext"' in page

    client.post(reverse("accounts:signup"), {**signup_data(), "org-national_statistics": "on"})

    assert Organisation.objects.get(name="Nystads kommun").national_statistics is True


def test_sign_up_without_the_box_gives_no_consent(client, db):
    client.post(reverse("accounts:signup"), signup_data())

    assert Organisation.objects.get(name="Nystads kommun").national_statistics is False
