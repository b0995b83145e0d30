"""Export, delete, import: every round's results and the trend are the same as before, and a
second export is the first one again (apart from when it was made)."""

import json

from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ambitionsgraf.accounts.models import User
from ambitionsgraf.organisations.export_data import export_organisation
from ambitionsgraf.organisations.import_data import import_organisation
from ambitionsgraf.organisations.models import Organisation
from ambitionsgraf.organisations.portability import dumps
from ambitionsgraf.plans.models import Action
from ambitionsgraf.results.service import load_round
from ambitionsgraf.results.trend_service import load_trend
from ambitionsgraf.rounds.models import Respondent

from .conftest import ADMIN_EMAIL, COACH_EMAIL, build_organisation


def results(organisation) -> dict:
    """Every round's results and the trend as plain values, free of database ids."""
    rounds = {}
    for round_ in organisation.rounds.order_by("created_at"):
        view = load_round(round_)
        rounds[round_.code] = {
            "status": round_.status,
            "result": view.result,
            "areas": [
                (
                    a.area.key,
                    a.result,
                    a.ambition_reason,
                    [(q.key, dist) for q, dist in a.questions],
                    a.comments,
                    a.agreed,
                    a.agreed_reason,
                    a.effective_level,
                )
                for a in view.areas
            ],
        }
    trend = load_trend(organisation)
    return {
        "rounds": rounds,
        "trend": {
            "snapshots": trend.snapshots,
            "rows": [(row.area, [cell for cell, _note in row.cells]) for row in trend.rows],
            "notes": trend.notes,
            "comparison": trend.comparison,
            "flagged": [(action.code, title) for action, title in trend.flagged],
            "chart": trend.chart,
        },
    }


def without_time(data: dict) -> dict:
    return {key: value for key, value in data.items() if key != "exported_at"}


def test_an_organisation_moves_with_identical_results_and_export(model_version, tmp_path):
    org = build_organisation(model_version)
    before = results(org)
    assert before["trend"]["comparison"] is not None and before["trend"]["chart"]
    assert any(area[4] for r in before["rounds"].values() for area in r["areas"])  # comments
    code, round_codes = org.code, set(org.rounds.values_list("code", flat=True))
    path = tmp_path / "export.json"
    call_command("export_organisation", org.org_number, "-o", str(path))
    first = json.loads(path.read_text(encoding="utf-8"))

    # A fresh installation as far as this organisation goes: it, and its people, are gone.
    org.delete()
    User.objects.filter(email__in=[ADMIN_EMAIL, COACH_EMAIL]).delete()
    call_command("import_organisation", str(path), stdout=open(tmp_path / "out.txt", "w"))

    moved = Organisation.objects.get(org_number=first["organisation"]["org_number"])
    assert moved.code == code
    assert set(moved.rounds.values_list("code", flat=True)) == round_codes
    assert results(moved) == before
    second = export_organisation(moved)
    assert dumps(without_time(second)) == dumps(without_time(first))


def test_the_import_keeps_links_and_plan_working_for_the_moved_admin(model_version, tmp_path):
    org = build_organisation(model_version)
    data = export_organisation(org)
    org.delete()
    User.objects.filter(email__in=[ADMIN_EMAIL, COACH_EMAIL]).delete()
    import_organisation(data)
    admin = User.objects.get(email=ADMIN_EMAIL)
    client = Client()
    client.force_login(admin)

    moved = Organisation.objects.get(code=data["organisation"]["code"])
    for round_ in moved.rounds.all():
        url = reverse("results:round", args=[moved.code, round_.code])
        assert client.get(url).status_code == 200
    assert client.get(reverse("plans:plan", args=[moved.code])).status_code == 200
    assert moved.actions.filter(status=Action.Status.DONE, done_at__isnull=False).count() == 1


def test_new_members_get_an_account_they_can_reset_the_password_of(model_version):
    org = build_organisation(model_version)
    data = export_organisation(org)
    org.delete()
    User.objects.filter(email=ADMIN_EMAIL).delete()

    report = import_organisation(data)

    assert report.new_accounts == [ADMIN_EMAIL]
    assert report.existing_accounts == [COACH_EMAIL]
    admin = User.objects.get(email=ADMIN_EMAIL)
    assert admin.name == "Anna Admin"
    assert admin.has_usable_password()  # else the reset form would send nothing
    Client().post(reverse("accounts:password_reset"), {"email": ADMIN_EMAIL})
    assert [m.to for m in mail.outbox] == [[ADMIN_EMAIL]]


def test_an_existing_account_keeps_its_password_and_gets_the_membership(model_version):
    org = build_organisation(model_version)
    data = export_organisation(org)
    org.delete()
    password_before = User.objects.get(email=COACH_EMAIL).password

    import_organisation(data)

    coach = User.objects.get(email=COACH_EMAIL)
    assert coach.password == password_before
    assert coach.memberships.get().role == "coach"


def test_respondents_get_new_links_and_old_ones_stop_working(model_version):
    org = build_organisation(model_version)
    old_hashes = set(Respondent.objects.values_list("token_hash", flat=True))
    data = export_organisation(org)
    org.delete()

    import_organisation(data)

    new_hashes = set(Respondent.objects.values_list("token_hash", flat=True))
    assert len(new_hashes) == len(old_hashes)
    assert not new_hashes & old_hashes


def test_times_are_stamped_again_after_an_import(model_version):
    org = build_organisation(model_version)
    data = export_organisation(org)
    org.delete()
    import_organisation(data)
    after_import = timezone.now()

    later = Organisation.objects.get(code=data["organisation"]["code"]).rounds.create(
        model_version=model_version, name="Efter flytten"
    )

    assert later.created_at >= after_import
