"""A synthetic national data set of realistic size and shape, for measuring the service at scale.

Per organisation (``mix``): three yearly closed rounds on the current model version, each with
9-16 finished respondents over the three perspectives answering every question put to them
(now and then "don't know" or a skipped one, rarely a comment) and a few who never finished; an
ambition in nine rounds of ten; a few actions in the plan; and quick checks made on the site.
Answers follow ``demo.seed``'s approach: a profile per organisation and area that grows a
little every year, a bias per perspective and personal noise. Respondents' addresses are
already erased where the retention time has passed, as the daily job would have done.

Everything is written in bulk (``writer``: COPY on PostgreSQL) inside one transaction, and each
round's summary (``results.summaries``) is computed from the generated answers and stored with
them, so the national figures are ready at once.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
import time
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from ambitionsgraf.demo.seed import COMMENTS, DONT_KNOW, bias, drawn_level
from ambitionsgraf.demo.seed_national import (
    AREA_LEVEL,
    TYPE_LEVEL,
    YEARLY_GAIN,
    closing_dates,
    half,
)
from ambitionsgraf.lib.tokens import new_code
from ambitionsgraf.maturity import catalogue
from ambitionsgraf.maturity.models import Guidance, ModelVersion
from ambitionsgraf.organisations.models import Organisation
from ambitionsgraf.plans.models import Action
from ambitionsgraf.quickcheck.models import QuickCheck
from ambitionsgraf.results import scoring, summaries
from ambitionsgraf.rounds.models import Ambition, Answer, Respondent, Round

from . import extras, mix
from .writer import Writer

ROUNDS = 3
GROUPS = {"leadership": (2, 4), "procurement": (3, 6), "operations": (2, 6)}  # finished
SIZE_GAIN = 0.15  # larger organisations are a little further on, per employees band
CHUNK = 200  # organisations generated and written at a time
QUICK_CHECKS_PER_ORGANISATION = 2

ORGANISATION_COLUMNS = ("id", "code", "name", "org_number", "type", "county",
                        "employees_band", "volume_band", "procurement_setup",
                        "national_statistics", "created_at")  # fmt: skip
ROUND_COLUMNS = ("id", "organisation_id", "model_version_id", "code", "name", "closes_on",
                 "status", "created_at", "closed_at", "previous_id")  # fmt: skip
RESPONDENT_COLUMNS = ("id", "round_id", "email", "perspective", "language", "token_hash",
                      "invited_at", "started_at", "finished_at", "last_area", "reminders_sent",
                      "anonymised_at")  # fmt: skip
ANSWER_COLUMNS = ("respondent_id", "question_id", "level", "dont_know", "comment", "updated_at")
AMBITION_COLUMNS = ("round_id", "area_id", "target", "reason", "updated_at")


class AlreadyGenerated(Exception):
    pass


@dataclass
class Report:
    organisations: int = 0
    rounds: int = 0
    respondents: int = 0
    answers: int = 0
    ambitions: int = 0
    actions: int = 0
    quick_checks: int = 0
    summaries: int = 0
    seconds: float = 0.0
    database: str = ""
    per_type: Counter = field(default_factory=Counter)


@dataclass(frozen=True)
class Question:
    id: int
    key: str
    area: str


class Model:
    """The current model version's areas and questions, read once."""

    def __init__(self, version: ModelVersion):
        self.version = version
        questions = catalogue.questions(version)
        areas = list(dict.fromkeys(q.area for q in questions))  # in model order
        self.area_ids = {a.key: a.pk for a in areas}
        self.area_keys = [a.key for a in areas]
        self.questions = {  # perspective -> [Question] in model order
            p: [Question(q.pk, q.key, q.area.key) for q in questions if q.is_for(p)]
            for p in scoring.PERSPECTIVES
        }
        self.specs = summaries.model([version.pk]).areas[version.pk]
        self.actions: dict[tuple[str, int], list[str]] = {}
        for guidance in Guidance.objects.filter(area__model_version=version).select_related("area"):
            self.actions[guidance.area.key, guidance.level] = guidance.action_texts("sv")


class Generator:
    def __init__(self, model: Model, rng: random.Random, today: dt.date, writer: Writer):
        self.model, self.rng, self.today, self.w = model, rng, today, writer
        self.now = timezone.now()
        self.report = Report()

    # ------------------------------------------------------------------ organisations

    def organisations(self, profiles: list[mix.Profile]) -> list[int]:
        ids = self.w.ids(Organisation, len(profiles))
        created = self.w.moment(self.now - dt.timedelta(days=4 * 365))
        self.w.insert(
            Organisation,
            ORGANISATION_COLUMNS,
            (
                (pk, new_code(), p.name, p.org_number, p.type, p.county, p.employees_band,
                 p.volume_band, p.procurement_setup, p.consent, created)
                for pk, p in zip(ids, profiles, strict=True)
            ),
        )  # fmt: skip
        self.report.organisations += len(ids)
        self.report.per_type.update(p.type for p in profiles)
        return ids

    # ------------------------------------------------------------------ rounds and answers

    def chunk(self, profiles: list[mix.Profile], organisation_ids: list[int]) -> None:
        rng, w = self.rng, self.w
        round_ids = iter(w.ids(Round, len(profiles) * ROUNDS))
        # Enough ids for the largest rounds; PostgreSQL's sequence just skips the rest.
        most = sum(high for _low, high in GROUPS.values()) + 2
        self.respondent_ids = iter(w.ids(Respondent, len(profiles) * ROUNDS * most))
        rounds, respondents, answers, ambitions, actions, kept = [], [], [], [], [], []
        for profile, organisation in zip(profiles, organisation_ids, strict=True):
            base = (
                TYPE_LEVEL[profile.type]
                + SIZE_GAIN * mix.BANDS.index(profile.employees_band)
                + rng.gauss(0, 0.6)
            )
            levels = {k: base + offset + rng.gauss(0, 0.4) for k, offset in AREA_LEVEL.items()}
            reach = rng.uniform(0.5, 1.5)
            domain = slugify(profile.name)[:40] + ".example"
            previous = None
            dates = closing_dates(rng, ROUNDS, self.today)
            for index, closes_on in enumerate(dates):
                behind = len(dates) - 1 - index
                then = {k: v - behind * YEARLY_GAIN + rng.gauss(0, 0.1) for k, v in levels.items()}
                closed_at = timezone.make_aware(dt.datetime.combine(closes_on, dt.time(17)))
                round_id = next(round_ids)
                rounds.append(
                    (round_id, organisation, self.model.version.pk, new_code(),
                     f"Skattning {closes_on.year}", w.day(closes_on), "closed",
                     w.moment(closed_at - dt.timedelta(days=35)), w.moment(closed_at), previous)
                )  # fmt: skip
                previous = round_id
                finished = self._respondents(
                    round_id, then, closed_at, domain, respondents, answers
                )
                result = scoring.compute_round(self.model.specs, finished, {})
                summary = summaries.Summary.of(round_id, result)
                kept.append(summaries.stored(round_id, closed_at, self.model.version.pk, summary))
                if rng.random() < 0.9:
                    target = {k: half(v + reach) for k, v in then.items()}
                    moment = w.moment(closed_at + dt.timedelta(days=rng.randint(1, 30)))
                    ambitions += [
                        (round_id, self.model.area_ids[key], target[key], "", moment)
                        for key in self.model.area_keys
                    ]
                    if index == len(dates) - 1:
                        actions += extras.actions(
                            rng, w, self.model.actions, (organisation, round_id, closed_at),
                            summary.levels, target,
                        )  # fmt: skip
        w.insert(Round, ROUND_COLUMNS, rounds)
        w.insert(Respondent, RESPONDENT_COLUMNS, respondents)
        self.report.answers += w.insert(Answer, ANSWER_COLUMNS, answers)
        self.report.ambitions += w.insert(Ambition, AMBITION_COLUMNS, ambitions)
        self.report.actions += w.insert(Action, extras.ACTION_COLUMNS, actions)
        summaries.save(kept)
        self.report.rounds += len(rounds)
        self.report.respondents += len(respondents)
        self.report.summaries += len(kept)

    def _respondents(self, round_id, profile, closed_at, domain, respondents, answers):
        """Append the round's respondents and their answers; return the finished responses."""
        rng, w = self.rng, self.w
        retention = dt.timedelta(days=settings.RESPONDENT_EMAIL_RETENTION_DAYS)
        erased = closed_at + retention < self.now
        invited = closed_at - dt.timedelta(days=30)
        groups = [(p, rng.randint(*GROUPS[p]), True) for p in scoring.PERSPECTIVES]
        groups.append((rng.choice(scoring.PERSPECTIVES), rng.randint(0, 2), False))
        responses = []
        serial = 0
        for perspective, number, finished in groups:
            for _ in range(number):
                serial += 1
                respondent = next(self.respondent_ids)
                started = finished or rng.random() < 0.5
                moment = invited + dt.timedelta(hours=rng.randint(2, 28 * 24))
                questions = self.model.questions[perspective]
                if not finished and started:
                    questions = questions[: len(questions) // 2]
                given = self._answers(respondent, perspective, profile, questions, moment, answers)
                respondents.append(
                    (respondent, round_id, None if erased else f"{perspective}{serial}@{domain}",
                     perspective, "en" if rng.random() < 0.03 else "sv", secrets.token_hex(32),
                     w.moment(invited), w.moment(moment if started else None),
                     w.moment(moment if finished else None),
                     len({q.area for q in questions}) if started else 0, 0,
                     w.moment(closed_at + retention) if erased else None)
                )  # fmt: skip
                if finished:
                    responses.append(scoring.Response(perspective, given))
        return responses

    def _answers(self, respondent, perspective, profile, questions, moment, answers) -> dict:
        rng = self.rng
        gauss, chance = rng.gauss, rng.random
        when = self.w.moment(moment)
        personal = gauss(0, 0.35)
        dont_know = DONT_KNOW[perspective]
        given = {}
        for question in questions:
            if chance() < 0.03:
                continue  # skipped
            if chance() < dont_know:
                answers.append((respondent, question.id, None, True, "", when))
                given[question.key] = None
                continue
            level = drawn_level(
                rng, profile[question.area] + bias(perspective, question.area) + personal
            )
            comment = rng.choice(COMMENTS) if chance() < 0.01 else ""
            answers.append((respondent, question.id, level, False, comment, when))
            given[question.key] = level
        return given


def generate(
    organisations: int = mix.FULL_SIZE, *, seed: int = 1, today: dt.date | None = None, log=None
) -> Report:
    """Create the data set in one transaction; refuses if it is already there."""
    started = time.monotonic()
    version = ModelVersion.objects.current()
    if version is None:
        raise RuntimeError("Load the model first: manage.py load_model")
    profiles = mix.organisations(organisations, seed)
    numbers = [p.org_number for p in profiles]
    if Organisation.objects.filter(org_number__in=numbers[:1] + numbers[-1:]).exists():
        raise AlreadyGenerated(
            "This data set is already in the database (its organisation numbers are taken)."
        )
    writer = Writer()
    generator = Generator(
        Model(version), random.Random(seed), today or timezone.localdate(), writer
    )
    with transaction.atomic():
        for start in range(0, len(profiles), CHUNK):
            part = profiles[start : start + CHUNK]
            generator.chunk(part, generator.organisations(part))
            if log:
                log(f"{start + len(part)} organisations, {generator.report.answers} answers, "
                    f"{time.monotonic() - started:.0f} s")  # fmt: skip
        checks = extras.quick_checks(
            generator.rng, writer, generator.model, generator.today,
            QUICK_CHECKS_PER_ORGANISATION * len(profiles),
        )  # fmt: skip
        generator.report.quick_checks = writer.insert(
            QuickCheck, extras.QUICK_CHECK_COLUMNS, checks
        )
    report = generator.report
    report.seconds = time.monotonic() - started
    report.database = "PostgreSQL" if writer.postgres else "SQLite"
    return report
