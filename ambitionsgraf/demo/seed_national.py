"""Demo organisations across the country with closed rounds, for the national picture and the
open data: 44 organisations of every type in many counties, each with one to three yearly closed
rounds on the current model version, 6-12 finished respondents a round and an ambition.

Answers come from a profile per organisation and area, a bias per perspective and personal
noise, as in ``seed``, with a fixed random seed, so every run gives the same picture. Three
organisations have not agreed to be counted nationally, and Gotland has only three counted
organisations, so that filtering on it shows hidden figures. Everything is written with
bulk_create; running it again adds nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from ambitionsgraf.lib.tokens import new_token, token_hash
from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.organisations.models import Organisation
from ambitionsgraf.rounds.models import Ambition, Answer, Respondent, Round

from .seed import DONT_KNOW, bias, drawn_level, org_number

SEED = 20261127
SMALL_COUNTY = "gotland"  # three counted organisations: a hidden figure when filtered on
SMALL_COUNTY_POSITIONS = {0, 20, 41}  # a municipality, a region and a federation
NAMES = {
    "municipality": (
        "Norrvikens", "Sjöbergs", "Östmarks", "Ekdala", "Granbacka", "Lindås", "Myrviks",
        "Stenfors", "Björkhamns", "Ådala", "Vallby", "Hagfjälls", "Korpbergs", "Tallnäs",
        "Åsunda", "Brovalla", "Fjärdhamns", "Kvarnby", "Lövsjö", "Nyhamns",
    ),
    "region": ("Mellanskog", "Kustlandet", "Fjällbygden", "Slättlandet", "Älvdalarna"),
    "state_agency": (
        "Myndigheten för vattenvägar", "Statens kartverk", "Verket för digital service",
        "Myndigheten för kulturarv", "Statens provningsanstalt", "Kustbevakningsverket",
        "Myndigheten för yrkesutbildning", "Statens fastighetsförvaltning",
        "Verket för folkbildning", "Myndigheten för samhällsplanering",
    ),
    "company": (
        "Norrvikens Energi AB", "Sjöbergs Bostäder AB", "Kustlandets Trafik AB",
        "Ekdala Vatten AB", "Granbacka Fastigheter AB", "Lindås Hamn AB",
    ),
    "other": ("Mellanskogs räddningstjänstförbund", "Kustlandets samordningsförbund",
              "Fjällbygdens kommunalförbund"),
}  # fmt: skip
PREFIX = {"municipality": "2121", "region": "2322", "state_agency": "2023", "company": "5565",
          "other": "2225"}  # fmt: skip
COUNTIES = ("stockholm", "uppsala", "skane", "vastra_gotaland", "ostergotland", "jonkoping",
            "kalmar", "halland", "varmland", "orebro", "vastmanland", "dalarna", "gavleborg",
            "vasternorrland", "jamtland", "vasterbotten", "norrbotten", "blekinge", "kronoberg",
            "sodermanland")  # fmt: skip
SIZES = {"municipality": ("lt500", "500-1999", "500-1999", "2000-4999", "5000-19999"),
         "region": ("5000-19999", "20000+"), "state_agency": ("lt500", "500-1999", "2000-4999"),
         "company": ("lt500", "500-1999"), "other": ("lt500",)}  # fmt: skip
VOLUMES = {"lt500": "100m-499m", "500-1999": "500m-1999m", "2000-4999": "2bn-9bn",
           "5000-19999": "2bn-9bn", "20000+": "10bn+"}  # fmt: skip
TYPE_LEVEL = {"municipality": 2.6, "region": 2.9, "state_agency": 2.8, "company": 2.3,
              "other": 2.1}  # fmt: skip
AREA_LEVEL = {"goals": 0.0, "strategies": -0.3, "planning": 0.2, "follow_up": -0.2,
              "responsibility": 0.4, "organisation": 0.3, "interplay": -0.1,
              "facts": -0.6}  # fmt: skip
YEARLY_GAIN = 0.25  # how much a typical organisation improves in a year
WITHOUT_CONSENT = {5, 17, 30}  # positions in the list of demo organisations
# The main demo organisations (Älvstad, a municipality, and Trafiksäkerhetsverket, a state
# agency) get enough peers of their size for the peer comparison to show: this many of each.
MAIN_DEMO_PEERS = {"municipality": "5000-19999", "state_agency": "500-1999"}
PEERS_EACH = 6


@dataclass(frozen=True)
class Demo:
    name: str
    org_number: str
    type: str
    county: str
    employees: str
    consent: bool


def demo_organisations() -> list[Demo]:
    """The same 44 organisations every time."""
    rng = random.Random(SEED)
    demos = []
    for kind, names in NAMES.items():
        for serial, name in enumerate(names, start=1):
            full = f"{name} kommun" if kind == "municipality" else name
            full = f"Region {name}" if kind == "region" else full
            demos.append((kind, full, org_number(f"{PREFIX[kind]}{serial:04d}")))
    made = []
    for position, (kind, name, number) in enumerate(demos):
        small = position in SMALL_COUNTY_POSITIONS
        made.append(
            Demo(name=name, org_number=number, type=kind,
                 county=SMALL_COUNTY if small else COUNTIES[position % len(COUNTIES)],
                 employees=rng.choice(SIZES[kind]), consent=position not in WITHOUT_CONSENT)
        )  # fmt: skip
    return _with_peers_for_the_main_demo(made)


def _with_peers_for_the_main_demo(demos: list[Demo]) -> list[Demo]:
    given = dict.fromkeys(MAIN_DEMO_PEERS, 0)
    made = []
    for demo in demos:
        band = MAIN_DEMO_PEERS.get(demo.type)
        if band and demo.consent and demo.county != SMALL_COUNTY and given[demo.type] < PEERS_EACH:
            given[demo.type] += 1
            demo = replace(demo, employees=band)
        made.append(demo)
    return made


def closing_dates(rng: random.Random, count: int, today: dt.date) -> list[dt.date]:
    """``count`` closing dates, one a year, the latest this year (last year in early January)."""
    latest_year = today.year if today.timetuple().tm_yday > 20 else today.year - 1
    dates = []
    for years_ago in range(count - 1, -1, -1):
        year = latest_year - years_ago
        last = min(dt.date(year, 11, 30), today - dt.timedelta(days=2))
        first = dt.date(year, 1, 10)
        dates.append(first + dt.timedelta(days=rng.randint(0, (last - first).days)))
    return dates


def seed() -> list[str]:
    """Create the organisations that do not exist yet; return the lines `seed_demo` prints."""
    version = ModelVersion.objects.current()
    if version is None:
        raise RuntimeError("Load the model first: manage.py load_model")
    demos = demo_organisations()
    existing = set(
        Organisation.objects.filter(org_number__in=[d.org_number for d in demos]).values_list(
            "org_number", flat=True
        )
    )
    missing = [d for d in demos if d.org_number not in existing]
    if missing:
        with transaction.atomic():
            _create(missing, version)
    without = sum(not d.consent for d in demos)
    small = sum(d.county == SMALL_COUNTY and d.consent for d in demos)
    return [
        f"nationella demodata: {len(demos)} organisationer med avslutade omgångar "
        f"({without} utan samtycke)",
        f"dold siffra i nationella bilden: filtrera på Gotlands län ({small} organisationer)",
    ]


def _create(demos: list[Demo], version) -> None:
    rng = random.Random(SEED + 1)
    areas = list(version.areas.prefetch_related("questions"))
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=d.name, org_number=d.org_number, type=d.type, county=d.county,
            employees_band=d.employees, volume_band=VOLUMES[d.employees],
            procurement_setup=rng.choice(["centralised", "decentralised", "mixed"]),
            national_statistics=d.consent,
        )
        for d in demos
    )  # fmt: skip
    today = timezone.localdate()
    planned = []  # (Round, profile, ambition profile or None)
    for demo, organisation in zip(demos, organisations, strict=True):
        base = TYPE_LEVEL[demo.type] + rng.gauss(0, 0.6)
        profile = {k: base + offset + rng.gauss(0, 0.4) for k, offset in AREA_LEVEL.items()}
        reach = rng.uniform(0.5, 1.5)
        count = 3 if demo.county == SMALL_COUNTY else rng.choice((1, 2, 2, 3, 3))
        dates = closing_dates(rng, count, today)
        for index, closes_on in enumerate(dates):
            years_behind = len(dates) - 1 - index
            then = {
                k: v - years_behind * YEARLY_GAIN + rng.gauss(0, 0.1) for k, v in profile.items()
            }
            closed_at = timezone.make_aware(dt.datetime.combine(closes_on, dt.time(17)))
            round_ = Round(
                organisation=organisation, model_version=version, status=Round.Status.CLOSED,
                name=f"Skattning {closes_on.year}", closes_on=closes_on, closed_at=closed_at,
            )  # fmt: skip
            ambition = None if rng.random() < 0.1 else {k: v + reach for k, v in profile.items()}
            planned.append((round_, then, ambition))
    rounds = Round.objects.bulk_create([r for r, _p, _a in planned])
    for round_ in rounds:  # newest first on the organisation's page, as in real life
        Round.objects.filter(pk=round_.pk).update(
            created_at=round_.closed_at - dt.timedelta(days=30)
        )
    _respondents(rng, [(r, p) for r, (_r, p, _a) in zip(rounds, planned, strict=True)], areas)
    Ambition.objects.bulk_create(
        Ambition(round=round_, area=area, target=half(ambition[area.key]))
        for round_, (_r, _p, ambition) in zip(rounds, planned, strict=True)
        if ambition is not None
        for area in areas
    )


def half(value: float) -> Decimal:
    """The nearest ambition: 1 to 5 in steps of a half."""
    return Decimal(min(10, max(2, round(value * 2)))) / 2


def _respondents(rng: random.Random, rounds: list, areas: list) -> None:
    respondents, profiles = [], []
    for round_, profile in rounds:
        groups = {"leadership": rng.randint(2, 4), "procurement": rng.randint(3, 5)}
        groups["operations"] = max(1, min(4, rng.randint(6, 12) - sum(groups.values())))
        domain = slugify(round_.organisation.name) + ".example"
        finished = round_.closed_at - dt.timedelta(days=rng.randint(2, 20))
        for perspective, count in groups.items():
            for n in range(count):
                respondents.append(
                    Respondent(
                        round=round_, perspective=perspective, language="sv",
                        email=f"{perspective}{n + 1}@{domain}", token_hash=token_hash(new_token()),
                        started_at=finished - dt.timedelta(hours=1), finished_at=finished,
                        last_area=len(areas),
                    )
                )  # fmt: skip
                profiles.append(profile)
    respondents = Respondent.objects.bulk_create(respondents)
    answers = []
    for respondent, profile in zip(respondents, profiles, strict=True):
        answers += _answers(rng, respondent, profile, areas)
    Answer.objects.bulk_create(answers, batch_size=4000)


def _answers(rng: random.Random, respondent, profile: dict, areas: list) -> list[Answer]:
    perspective = respondent.perspective
    personal = rng.gauss(0, 0.35)
    answers = []
    for area in areas:
        leaning = bias(perspective, area.key)
        for question in area.questions.all():
            if perspective not in question.perspectives or rng.random() < 0.03:
                continue
            if rng.random() < DONT_KNOW[perspective]:
                answers.append(Answer(respondent_id=respondent.pk, question_id=question.pk,
                                      dont_know=True))  # fmt: skip
                continue
            level = drawn_level(rng, profile.get(area.key, 2.5) + leaning + personal)
            answers.append(
                Answer(respondent_id=respondent.pk, question_id=question.pk, level=level)
            )
    return answers
