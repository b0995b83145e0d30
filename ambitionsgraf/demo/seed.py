"""Demo data for `make run`: two organisations with closed rounds and an open one each.

Answers are generated from a per-area profile of each organisation, a bias per perspective and
personal noise, with a fixed random seed, so every run gives the same realistic picture.
Running it again changes nothing.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from ambitionsgraf.accounts.models import User
from ambitionsgraf.lib.orgnr import luhn_check_digit
from ambitionsgraf.lib.tokens import token_hash
from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.organisations.models import Membership, Organisation
from ambitionsgraf.rounds.models import Ambition, Answer, Respondent

from . import seed_plans

PASSWORD = "demo-lösenord-2026"
AREAS = ("goals", "strategies", "planning", "follow_up", "responsibility", "organisation",
         "interplay", "facts")  # fmt: skip

COMMENTS = [
    "Vi har börjat men det saknas tid att följa upp.",
    "Beror mycket på vilken förvaltning man frågar.",
    "Ledningen pratar om det men det syns inte i budgeten.",
    "Bra arbete på upphandlingsenheten, men verksamheten kommer in för sent.",
    "Svårt att svara på, jag ser bara min egen del.",
    "Avtalsuppföljningen är personberoende.",
    "Vi behöver en gemensam bild av vad vi köper och för hur mycket.",
]


def levels(*values) -> dict:
    return dict(zip(AREAS, values, strict=True))


@dataclass(frozen=True)
class PastRound:
    name: str
    closed_days_ago: int
    shift: dict = field(default_factory=dict)  # area key -> change from today's profile
    ambition_shift: dict = field(default_factory=dict)


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
    profile: dict  # area key -> typical level in the latest closed round
    ambition: dict  # area key -> target
    history: tuple  # closed rounds, oldest first
    respondent_token: str  # fixed so `make run` can print the same link every time
    with_plan: bool = False


ORGS = [
    DemoOrg(
        name="Älvstads kommun", prefix="21200099", type="municipality", county="vasternorrland",
        employees="5000-19999", volume="2bn-9bn",
        admin_email="inkopschef@alvstad.example", admin_name="Karin Holm",
        profile=levels(2.4, 2.0, 2.8, 2.1, 3.0, 3.1, 2.2, 1.7),
        ambition=levels(4, 3.5, 4, 3.5, 4, 3.5, 4, 3),
        history=(
            # A year earlier most areas were lower; facts (spend analysis) did not move,
            # which the demo's "done, but no change yet" flag shows.
            PastRound("Skattning 2024", 715,
                      shift=levels(-0.6, -0.4, -0.5, -0.5, -0.3, -0.2, -0.6, 0.1),
                      ambition_shift={"goals": -0.5, "interplay": -0.5}),
            PastRound("Skattning 2025", 350),
        ),
        respondent_token="demo-alvstad-ledning-1",
        with_plan=True,
    ),
    DemoOrg(
        name="Trafiksäkerhetsverket", prefix="20210099", type="state_agency", county="stockholm",
        employees="500-1999", volume="500m-1999m",
        admin_email="upphandling@tsv.example", admin_name="Omar Said",
        profile=levels(3.0, 2.7, 3.2, 2.6, 3.4, 2.6, 2.9, 2.3),
        ambition=levels(4, 4, 4, 4, 4, 3.5, 3.5, 3.5),
        history=(PastRound("Skattning 2025", 350),),
        respondent_token="demo-tsv-ledning-1",
    ),
]  # fmt: skip

BIAS = {"leadership": 0.3, "procurement": -0.1, "operations": -0.25}
# Where leadership sees things rosier than the rest: the areas it owns itself.
LEADERSHIP_BLIND_SPOTS = {"goals", "strategies", "follow_up"}
DONT_KNOW = {"leadership": 0.05, "procurement": 0.03, "operations": 0.12}
CLOSED_GROUPS = {"leadership": 4, "procurement": 5, "operations": 3}
OPEN_ROUND = [("leadership", True), ("procurement", True), ("procurement", False),
              ("operations", None), ("leadership", None)]  # fmt: skip


def bias(perspective: str, area_key: str) -> float:
    """How much higher than the organisation's profile a perspective tends to see an area."""
    blind_spot = perspective == "leadership" and area_key in LEADERSHIP_BLIND_SPOTS
    return BIAS[perspective] + (0.7 if blind_spot else 0.0)


def drawn_level(rng, expected: float) -> int:
    """One person's answer, 1-5, around ``expected`` (profile + bias + their own leaning)."""
    return min(5, max(1, round(expected + rng.gauss(0, 0.6))))


def org_number(prefix: str) -> str:
    digits = prefix + "1"
    digits += str(luhn_check_digit(digits))
    return f"{digits[:6]}-{digits[6:]}"


def seed() -> list[tuple[DemoOrg, Organisation]]:
    version = ModelVersion.objects.current()
    if version is None:
        raise RuntimeError("Load the model first: manage.py load_model")
    made = []
    for demo in ORGS:
        with transaction.atomic():
            org = Organisation.objects.filter(org_number=org_number(demo.prefix)).first()
            if org is None:
                org = _create(demo, version)
        made.append((demo, org))
    return made


def _create(demo: DemoOrg, version) -> Organisation:
    rng = random.Random(demo.name)
    org = Organisation.objects.create(
        name=demo.name, org_number=org_number(demo.prefix), type=demo.type, county=demo.county,
        employees_band=demo.employees, volume_band=demo.volume, procurement_setup="centralised",
        national_statistics=True,
    )  # fmt: skip
    user = User.objects.filter(email=demo.admin_email).first() or User.objects.create_user(
        email=demo.admin_email, password=PASSWORD, name=demo.admin_name
    )
    Membership.objects.create(organisation=org, user=user, role="admin")
    areas = list(version.areas.prefetch_related("questions"))
    domain = demo.admin_email.split("@")[1]
    now = timezone.now()
    closed_rounds = []
    for past in demo.history:
        closed_at = now - dt.timedelta(days=past.closed_days_ago)
        round_ = org.rounds.create(
            model_version=version, name=past.name, status="closed",
            closes_on=closed_at.date(), closed_at=closed_at,
            previous=closed_rounds[-1] if closed_rounds else None,
        )  # fmt: skip
        org.rounds.filter(pk=round_.pk).update(created_at=closed_at - dt.timedelta(days=30))
        profile = {k: v + past.shift.get(k, 0) for k, v in demo.profile.items()}
        for perspective, count in CLOSED_GROUPS.items():
            for n in range(count):
                email = f"{perspective}{n + 1}@{domain}"
                _respondent(rng, round_, areas, profile, email, perspective, finished=True)
        for area in areas:
            Ambition.objects.create(
                round=round_, area=area,
                target=demo.ambition[area.key] + past.ambition_shift.get(area.key, 0),
                reason="Beslutat i ledningsgruppen." if area.key in {"goals", "strategies"} else "",
            )  # fmt: skip
        closed_rounds.append(round_)
    open_round = org.rounds.create(
        model_version=version, name="Skattning 2026", previous=closed_rounds[-1],
        closes_on=(now + dt.timedelta(days=30)).date(),
    )  # fmt: skip
    for n, (perspective, finished) in enumerate(OPEN_ROUND, start=1):
        email = f"ny{n}@{domain}"
        _respondent(rng, open_round, areas, demo.profile, email, perspective, finished=finished)
    # The respondent whose link `make run` prints: invited, not started.
    Respondent.objects.create(
        round=open_round, email=f"ledamot@{domain}", perspective="leadership", language="sv",
        token_hash=token_hash(demo.respondent_token),
    )  # fmt: skip
    if demo.with_plan:
        seed_plans.seed(org, closed_rounds, areas, password=PASSWORD)
    return org


def _respondent(rng, round_, areas, profile, email, perspective, *, finished):
    """finished: True (all answered), False (started, half-way), None (only invited)."""
    respondent, _token = Respondent.with_new_token(
        round=round_, email=email, perspective=perspective, language="sv"
    )
    if finished is None:
        respondent.save()
        return
    answered = areas if finished else areas[: len(areas) // 2]
    respondent.started_at = timezone.now()
    respondent.finished_at = respondent.started_at if finished else None
    respondent.last_area = len(answered)
    respondent.save()
    personal = rng.gauss(0, 0.35)
    answers = []
    for area in answered:
        leaning = bias(perspective, area.key)
        for q in area.questions.all():
            if perspective not in q.perspectives or rng.random() < 0.03:
                continue
            if rng.random() < DONT_KNOW[perspective]:
                answers.append(Answer(respondent=respondent, question=q, dont_know=True))
                continue
            level = drawn_level(rng, profile[area.key] + leaning + personal)
            comment = rng.choice(COMMENTS) if rng.random() < 0.04 else ""
            answers.append(Answer(respondent=respondent, question=q, level=level, comment=comment))
    Answer.objects.bulk_create(answers)
