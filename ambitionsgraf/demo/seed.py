"""Demo data for `make run`: two organisations with a closed and an open round each.

Answers are generated from a per-area profile of each organisation, a bias per perspective and
personal noise, with a fixed random seed, so every run gives the same realistic picture.
Running it again changes nothing.
"""

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from ambitionsgraf.accounts.models import User
from ambitionsgraf.lib.orgnr import luhn_check_digit
from ambitionsgraf.lib.tokens import token_hash
from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.organisations.models import Membership, Organisation
from ambitionsgraf.rounds.models import Ambition, Answer, Respondent

PASSWORD = "demo-lösenord-2026"

COMMENTS = [
    "Vi har börjat men det saknas tid att följa upp.",
    "Beror mycket på vilken förvaltning man frågar.",
    "Ledningen pratar om det men det syns inte i budgeten.",
    "Bra arbete på upphandlingsenheten, men verksamheten kommer in för sent.",
    "Svårt att svara på, jag ser bara min egen del.",
    "Avtalsuppföljningen är personberoende.",
    "Vi behöver en gemensam bild av vad vi köper och för hur mycket.",
]


@dataclass(frozen=True)
class DemoOrg:
    name: str
    prefix: str
    type: str
    county: str
    employees: str
    volume: str
    admin_email: str
    admin_name: str
    profile: dict  # area key -> typical level
    ambition: dict  # area key -> target
    respondent_token: str  # fixed so `make run` can print the same link every time


ORGS = [
    DemoOrg(
        name="Älvstads kommun",
        prefix="21200099",
        type="municipality",
        county="vasternorrland",
        employees="5000-19999",
        volume="2bn-9bn",
        admin_email="inkopschef@alvstad.example",
        admin_name="Karin Holm",
        profile={
            "goals": 2.4,
            "strategies": 2.0,
            "planning": 2.8,
            "follow_up": 2.1,
            "responsibility": 3.0,
            "organisation": 3.1,
            "interplay": 2.2,
            "facts": 1.7,
        },
        ambition={
            "goals": 4,
            "strategies": 3.5,
            "planning": 4,
            "follow_up": 3.5,
            "responsibility": 4,
            "organisation": 3.5,
            "interplay": 4,
            "facts": 3,
        },
        respondent_token="demo-alvstad-ledning-1",
    ),
    DemoOrg(
        name="Trafiksäkerhetsverket",
        prefix="20210099",
        type="state_agency",
        county="stockholm",
        employees="500-1999",
        volume="500m-1999m",
        admin_email="upphandling@tsv.example",
        admin_name="Omar Said",
        profile={
            "goals": 3.0,
            "strategies": 2.7,
            "planning": 3.2,
            "follow_up": 2.6,
            "responsibility": 3.4,
            "organisation": 2.6,
            "interplay": 2.9,
            "facts": 2.3,
        },
        ambition={
            "goals": 4,
            "strategies": 4,
            "planning": 4,
            "follow_up": 4,
            "responsibility": 4,
            "organisation": 3.5,
            "interplay": 3.5,
            "facts": 3.5,
        },
        respondent_token="demo-tsv-ledning-1",
    ),
]

BIAS = {"leadership": 0.3, "procurement": -0.1, "operations": -0.25}
# Where leadership sees things rosier than the rest: the areas it owns itself.
LEADERSHIP_BLIND_SPOTS = {"goals", "strategies", "follow_up"}
DONT_KNOW = {"leadership": 0.05, "procurement": 0.03, "operations": 0.12}
CLOSED_GROUPS = {"leadership": 4, "procurement": 5, "operations": 3}


def org_number(prefix: str) -> str:
    digits = prefix + "1"
    digits += str(luhn_check_digit(digits))
    return f"{digits[:6]}-{digits[6:]}"


def seed() -> list[tuple[DemoOrg, Organisation, str]]:
    version = ModelVersion.objects.current()
    if version is None:
        raise RuntimeError("Load the model first: manage.py load_model")
    made = []
    for demo in ORGS:
        with transaction.atomic():
            org = Organisation.objects.filter(org_number=org_number(demo.prefix)).first()
            if org is None:
                org = _create(demo, version)
        made.append((demo, org, demo.respondent_token))
    return made


def _create(demo: DemoOrg, version) -> Organisation:
    rng = random.Random(demo.name)
    org = Organisation.objects.create(
        name=demo.name,
        org_number=org_number(demo.prefix),
        type=demo.type,
        county=demo.county,
        employees_band=demo.employees,
        volume_band=demo.volume,
        procurement_setup="centralised",
    )
    user = User.objects.filter(email=demo.admin_email).first() or User.objects.create_user(
        email=demo.admin_email, password=PASSWORD, name=demo.admin_name
    )
    Membership.objects.create(organisation=org, user=user, role="admin")
    questions = list(version.areas.prefetch_related("questions"))
    now = timezone.now()
    closed = org.rounds.create(
        model_version=version,
        name="Skattning 2025",
        status="closed",
        closes_on=(now - dt.timedelta(days=330)).date(),
        closed_at=now - dt.timedelta(days=330),
    )
    org.rounds.filter(pk=closed.pk).update(created_at=now - dt.timedelta(days=360))
    domain = demo.admin_email.split("@")[1]
    for perspective, count in CLOSED_GROUPS.items():
        for n in range(count):
            _respondent(
                rng,
                closed,
                questions,
                demo,
                f"{perspective}{n + 1}@{domain}",
                perspective,
                finished=True,
            )
    for area in questions:
        Ambition.objects.create(
            round=closed,
            area=area,
            target=demo.ambition[area.key],
            reason="Beslutat i ledningsgruppen." if area.key in {"goals", "strategies"} else "",
        )
    open_round = org.rounds.create(
        model_version=version, name="Skattning 2026", closes_on=(now + dt.timedelta(days=30)).date()
    )
    plan = [
        ("leadership", True),
        ("procurement", True),
        ("procurement", False),
        ("operations", None),
        ("leadership", None),
    ]
    for n, (perspective, finished) in enumerate(plan, start=1):
        _respondent(
            rng, open_round, questions, demo, f"ny{n}@{domain}", perspective, finished=finished
        )
    # The respondent whose link `make run` prints: invited, not started.
    Respondent.objects.create(
        round=open_round,
        email=f"ledamot@{domain}",
        perspective="leadership",
        language="sv",
        token_hash=token_hash(demo.respondent_token),
    )
    return org


def _respondent(rng, round_, areas, demo, email, perspective, *, finished):
    """finished: True (all answered), False (started, half-way), None (only invited)."""
    respondent, _token = Respondent.with_new_token(
        round=round_, email=email, perspective=perspective, language="sv"
    )
    if finished is None:
        respondent.save()
        return
    now = timezone.now()
    respondent.started_at = now
    respondent.finished_at = now if finished else None
    respondent.save()
    personal = rng.gauss(0, 0.35)
    answers = []
    area_list = areas if finished else areas[: len(areas) // 2]
    respondent.last_area = len(area_list)
    respondent.save(update_fields=["last_area"])
    for area in area_list:
        for q in area.questions.all():
            if perspective not in q.perspectives or rng.random() < 0.03:
                continue
            if rng.random() < DONT_KNOW[perspective]:
                answers.append(Answer(respondent=respondent, question=q, dont_know=True))
                continue
            bias = BIAS[perspective]
            if perspective == "leadership" and area.key in LEADERSHIP_BLIND_SPOTS:
                bias += 0.7
            raw = demo.profile[area.key] + bias + personal + rng.gauss(0, 0.6)
            comment = rng.choice(COMMENTS) if rng.random() < 0.04 else ""
            answers.append(
                Answer(
                    respondent=respondent,
                    question=q,
                    level=min(5, max(1, round(raw))),
                    comment=comment,
                )
            )
    Answer.objects.bulk_create(answers)
