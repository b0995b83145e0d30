"""Starting a round: it uses the newest published model version."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from ambitionsgraf.conftest import in_language, page_text
from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.rounds.models import Round


def start(client, org, name="Skattning 2026", closes_on=""):
    return client.post(
        reverse("rounds:new", args=[org.code]), {"name": name, "closes_on": closes_on}
    )


def test_new_round_page_renders(admin_a_client, org_a, model_version):
    assert admin_a_client.get(reverse("rounds:new", args=[org_a.code])).status_code == 200


def test_starting_a_round_uses_the_current_published_model_version(
    admin_a_client, org_a, model_version
):
    response = start(admin_a_client, org_a)

    round_ = Round.objects.get(organisation=org_a)
    assert round_.model_version == model_version
    assert round_.is_open
    assert response["Location"] == reverse("rounds:invite", args=[org_a.code, round_.code])


def test_a_newer_published_version_is_used_but_not_a_newer_draft(
    admin_a_client, org_a, newer_model_version
):
    ModelVersion.objects.create(
        key="ambitionsgraf", version=3, name_sv="Utkast", levels=[], status="draft"
    )

    start(admin_a_client, org_a)

    assert Round.objects.get(organisation=org_a).model_version == newer_model_version


def test_closing_date_in_the_past_is_refused(admin_a_client, org_a, model_version):
    yesterday = timezone.localdate() - dt.timedelta(days=1)

    response = start(admin_a_client, org_a, closes_on=yesterday.isoformat())

    assert response.status_code == 400
    assert in_language("sv", "The closing date cannot be in the past.") in page_text(response)
    assert not Round.objects.exists()


def test_without_a_published_model_no_round_is_started(admin_a_client, org_a):
    response = start(admin_a_client, org_a)

    assert response.status_code == 400
    assert in_language("sv", "No model version is published yet.") in page_text(response)
    assert not Round.objects.exists()
