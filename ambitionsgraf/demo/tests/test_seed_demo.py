import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from ambitionsgraf.organisations.models import Organisation
from ambitionsgraf.plans.models import Action
from ambitionsgraf.rounds.models import Answer, Respondent

LOGIN = re.compile(r"^  (admin|coach) \((.+)\): (\S+@\S+) / lösenord: (\S+)$")


@pytest.fixture
def seeded(model_version, capsys):
    call_command("seed_demo")
    return capsys.readouterr().out


@pytest.mark.django_db
def test_it_prints_one_login_line_per_role_and_a_respondent_link(seeded):
    logins = [m.groups() for m in map(LOGIN.match, seeded.splitlines()) if m]
    assert [role for role, *_ in logins] == ["admin", "admin", "coach"]
    assert "/r/demo-alvstad-ledning-1/" in seeded


@pytest.mark.django_db
def test_the_printed_logins_work(seeded, client):
    for role, _org, email, password in (
        m.groups() for m in map(LOGIN.match, seeded.splitlines()) if m
    ):
        response = client.post(reverse("accounts:login"), {"username": email, "password": password})
        assert response.status_code == 302, role
        client.logout()


@pytest.mark.django_db
def test_the_printed_respondent_link_opens_the_open_round(seeded, client):
    link = re.search(r"(/r/\S+/)", seeded).group(1)
    assert client.get(link).status_code == 200


@pytest.mark.django_db
def test_seeding_twice_duplicates_nothing(seeded):
    counts = (Organisation.objects.count(), Respondent.objects.count(), Answer.objects.count())
    call_command("seed_demo")
    assert counts == (
        Organisation.objects.count(),
        Respondent.objects.count(),
        Answer.objects.count(),
    )


@pytest.mark.django_db
def test_the_first_organisation_shows_trend_plan_and_workshop(seeded):
    org = Organisation.objects.get(name="Älvstads kommun")
    assert org.rounds.closed().count() == 2
    assert set(Action.objects.filter(organisation=org).values_list("status", flat=True)) == {
        "planned", "in_progress", "done",
    }  # fmt: skip
    latest = org.rounds.closed().order_by("-closed_at").first()
    assert latest.workshop_finished_at and latest.agreed_levels.exists()
    for round_ in org.rounds.closed():
        assert round_.respondents.filter(finished_at__isnull=False).count() == 12
