"""Builders for the report and export tests: a typical round like the demo's, a coach, and small
helpers to fetch a download in Swedish or English and read it back."""

import csv
import datetime as dt
import io
import random
import shutil
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import PASSWORD, english, logged_in, make_respondent, make_round
from ambitionsgraf.organisations.models import Membership, Role
from ambitionsgraf.plans.models import Action, AgreedLevel
from ambitionsgraf.rounds.models import Ambition, Answer

# The typical area profile of the demo's municipality; each perspective sees it a little
# differently, and leadership much rosier in goals, so the perspectives disagree there.
PROFILE = {
    "goals": 2.4,
    "strategies": 2.0,
    "planning": 2.8,
    "follow_up": 2.1,
    "responsibility": 3.0,
    "organisation": 3.1,
    "interplay": 2.2,
    "facts": 1.7,
}
AMBITION = {"goals": 4, "strategies": 3.5, "planning": 4, "follow_up": 3.5, "responsibility": 4,
            "organisation": 3.5, "interplay": 4, "facts": 3}  # fmt: skip
BIAS = {"leadership": 0.3, "procurement": -0.1, "operations": -0.25}
GROUPS = {"leadership": 4, "procurement": 5, "operations": 3}


def answer_like_a_person(respondent, rng, profile=PROFILE, dont_know=0.06):
    answers = []
    for question in respondent.questions():
        bias = BIAS[respondent.perspective]
        if respondent.perspective == "leadership" and question.area.key == "goals":
            bias += 1.2
        if rng.random() < dont_know:
            answers.append(Answer(respondent=respondent, question=question, dont_know=True))
            continue
        level = min(5, max(1, round(profile[question.area.key] + bias + rng.gauss(0, 0.6))))
        answers.append(Answer(respondent=respondent, question=question, level=level))
    Answer.objects.bulk_create(answers)
    now = timezone.now()
    respondent.started_at = respondent.finished_at = now
    respondent.save(update_fields=["started_at", "finished_at"])


def typical_round(org, version, name="Skattning 2026", groups=GROUPS, seed=1, shift=0.0):
    """Respondents per perspective answering like people do, an ambition for every area
    (with a reason for two), and one person invited who has not answered."""
    round_ = make_round(org, version, name=name)
    rng = random.Random(seed)
    profile = {key: value + shift for key, value in PROFILE.items()}
    for perspective, count in groups.items():
        for _ in range(count):
            respondent, _token = make_respondent(round_, perspective)
            answer_like_a_person(respondent, rng, profile)
    make_respondent(round_, "leadership")
    for area in version.areas.all():
        Ambition.objects.create(
            round=round_,
            area=area,
            target=Decimal(str(AMBITION[area.key])),
            reason="Beslutat i ledningsgruppen." if area.key in {"goals", "facts"} else "",
        )
    return round_


def agree(round_, key, level, reason="Enades vid workshopen."):
    area = round_.model_version.areas.get(key=key)
    return AgreedLevel.objects.create(round=round_, area=area, level=Decimal(level), reason=reason)


def action(org, area_key, description, status="planned", **fields):
    return Action.objects.create(
        organisation=org, area_key=area_key, description=description, status=status, **fields
    )


@pytest.fixture
def report_round(org_a, model_version):
    """A closed round a year ago and today's closed round with a workshop and a plan."""
    earlier = typical_round(org_a, model_version, name="Skattning 2025", seed=2, shift=-0.4)
    earlier.close()
    type(earlier).objects.filter(pk=earlier.pk).update(
        closed_at=timezone.now() - dt.timedelta(days=365)
    )
    round_ = typical_round(org_a, model_version)
    round_.close()
    agree(round_, "facts", "1.5")
    agree(round_, "goals", "2.5", reason="Ledningen såg målen för ljust.")
    action(org_a, "facts", "Gör en första utgiftsanalys.", owner="Karin Holm",
           due_on=timezone.localdate() + dt.timedelta(days=90))  # fmt: skip
    action(org_a, "strategies", "Låt kommunstyrelsen besluta om inköpsstrategin.",
           status="in_progress", owner="Kommundirektören")  # fmt: skip
    action(org_a, "goals", "=Ta fram mätbara mål", status="done", owner="Inköpschefen")
    return round_


@pytest.fixture
def coach_a(org_a) -> User:
    user = User.objects.create_user(email="coach@radgivning.example", password=PASSWORD)
    Membership.objects.create(organisation=org_a, user=user, role=Role.COACH)
    return user


@pytest.fixture
def coach_client(coach_a):
    return logged_in(coach_a)


def path(name, *args, language="sv") -> str:
    return english(name, *args) if language == "en" else reverse(name, args=args)


def round_urls(org, round_) -> list[str]:
    urls = [path("reports:board_report", org.code, round_.code)]
    for name in ("reports:results_export", "reports:questions_export"):
        urls += [path(name, org.code, round_.code, ext) for ext in ("csv", "xlsx")]
    urls += [path("reports:plan_export", org.code, ext) for ext in ("csv", "xlsx")]
    return urls


def read_csv(response) -> list[list[str]]:
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 byte order mark"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def read_xlsx(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def csv_number(text: str) -> float | None:
    return None if text == "" else float(text.replace(",", "."))


def poppler_or_skip(tool: str) -> str:
    """The path of a poppler tool; skipped locally without poppler, a failure under CI=true."""
    import os

    found = shutil.which(tool)
    if found:
        return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{tool} (poppler-utils) is required under CI: apt-get install poppler-utils")
    pytest.skip(f"{tool} not found: install poppler-utils to run the PDF checks")
