"""Exporting all of an organisation's data: one JSON file from the settings page (a POST) or
the command line, with no token hash in it, logged as DATA_EXPORTED."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from ambitionsgraf.audit.models import Action, Event
from ambitionsgraf.organisations.export_data import export_organisation
from ambitionsgraf.organisations.models import Invitation
from ambitionsgraf.organisations.portability import FORMAT, FORMAT_VERSION
from ambitionsgraf.rounds.models import Respondent


def export_url(org) -> str:
    return reverse("organisations:export_data", args=[org.code])


def test_the_settings_button_downloads_one_json_file(full_admin_client, full_org):
    response = full_admin_client.post(export_url(full_org))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "ambitionsgraf-exempelstads-kommun-" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content.decode("utf-8"))
    assert (data["format"], data["format_version"]) == (FORMAT, FORMAT_VERSION)
    assert data["organisation"]["name"] == "Exempelstads kommun"
    assert [m["role"] for m in data["members"]] == ["coach", "admin"]
    assert [i["email"] for i in data["invitations"]] == ["kollega@exempelstad.example"]
    assert [r["name"] for r in data["rounds"]] == [
        "Skattning 2024",
        "Skattning 2025",
        "Skattning 2026",
    ]
    assert data["rounds"][1]["previous"] == data["rounds"][0]["code"]
    assert len(data["actions"]) == 3
    assert len(data["audit_events"]) == 3


def test_the_export_is_logged_after_the_file_is_made(full_admin_client, full_org):
    full_admin_client.post(export_url(full_org))

    event = Event.objects.get(action=Action.DATA_EXPORTED)
    assert event.organisation == full_org
    assert event.actor_label == "inkopschef@exempelstad.example"
    assert event.details == {"rounds": 3}


def test_the_file_holds_no_token_hash_and_no_accepted_invitation(full_org):
    Invitation.objects.create(
        organisation=full_org, email="klar@exempelstad.example", token_hash="a" * 64,
        accepted_at=full_org.created_at,
    )  # fmt: skip
    text = json.dumps(export_organisation(full_org))

    hashes = list(Respondent.objects.values_list("token_hash", flat=True))
    hashes += list(Invitation.objects.values_list("token_hash", flat=True))
    assert hashes and not [h for h in hashes if h in text]
    assert "token" not in text
    assert "klar@exempelstad.example" not in text


def test_an_erased_respondent_stays_erased_in_the_file(full_org):
    data = export_organisation(full_org)

    erased = [p for r in data["rounds"] for p in r["respondents"] if p["anonymised_at"]]
    assert [p["email"] for p in erased] == [None]


def test_the_export_reads_in_a_fixed_number_of_queries(full_org, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        export_organisation(full_org)


def test_opening_the_export_address_is_not_allowed(full_admin_client, full_org):
    assert full_admin_client.get(export_url(full_org)).status_code == 405
    assert not Event.objects.filter(action=Action.DATA_EXPORTED).exists()


def test_the_command_writes_the_file_and_logs_it(full_org, tmp_path, capsys):
    path = tmp_path / "ut.json"
    call_command("export_organisation", full_org.org_number.replace("-", ""), "-o", str(path))

    assert json.loads(path.read_text(encoding="utf-8"))["organisation"]["code"] == full_org.code
    assert "Exported Exempelstads kommun" in capsys.readouterr().out
    event = Event.objects.get(action=Action.DATA_EXPORTED)
    assert event.actor_label == "manage.py export_organisation"


def test_the_command_writes_to_standard_output_without_a_file(full_org, capsys):
    call_command("export_organisation", full_org.org_number)

    assert json.loads(capsys.readouterr().out)["organisation"]["code"] == full_org.code


@pytest.mark.parametrize(
    ("number", "message"), [("212000-0142", "No organisation"), ("12345", "not an organisation")]
)
def test_the_command_refuses_an_unknown_or_wrong_number(db, number, message):
    with pytest.raises(CommandError, match=message):
        call_command("export_organisation", number)
