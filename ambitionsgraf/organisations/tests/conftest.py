"""Builders for the settings, export, import and delete tests: an organisation with everything
an export holds, a coach, and a count of every table the import or a delete could touch."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from ambitionsgraf.accounts.models import User
from ambitionsgraf.audit.log import Action as AuditAction
from ambitionsgraf.audit.log import record
from ambitionsgraf.audit.models import Event
from ambitionsgraf.conftest import (
    PASSWORD,
    answer_all,
    finish,
    finished_respondents,
    logged_in,
    make_admin,
    make_organisation,
    make_respondent,
    make_round,
)
from ambitionsgraf.lib.tokens import new_token, token_hash
from ambitionsgraf.organisations.models import Invitation, Membership, Organisation, Role
from ambitionsgraf.plans.models import Action, ActionComment, AgreedLevel
from ambitionsgraf.rounds.models import Ambition, Answer, Respondent, Round

ADMIN_EMAIL = "inkopschef@exempelstad.example"
COACH_EMAIL = "coach@radgivning.example"
TABLES = (
    User, Organisation, Membership, Invitation, Round, Respondent, Answer, Ambition,
    AgreedLevel, Action, ActionComment, Event,
)  # fmt: skip


def counts() -> dict[str, int]:
    """Rows per table, to show that something wrote nothing."""
    return {model.__name__: model.objects.count() for model in TABLES}


def make_coach(organisation, email=COACH_EMAIL, name="Cecilia Coach") -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, name=name)
    Membership.objects.create(organisation=organisation, user=user, role=Role.COACH)
    return user


def _mixed_answers(respondent, comment: str) -> None:
    """The respondent's first answer becomes "don't know", the second carries a comment."""
    first, second = respondent.answers.order_by("question__area__position", "question__position")[
        :2
    ]
    first.level, first.dont_know = None, True
    first.save()
    second.level, second.comment = 5, comment
    second.save()


def _results(round_, levels: dict, ambitions: dict, agreed: dict) -> None:
    for perspective, perspective_levels in levels.items():
        for level in perspective_levels:
            finished_respondents(round_, perspective, 1, level=level)
    areas = {a.key: a for a in round_.model_version.areas.all()}
    for key, target in ambitions.items():
        Ambition.objects.create(
            round=round_, area=areas[key], target=Decimal(target), reason=f"Mål för {key}"
        )
    for key, level in agreed.items():
        AgreedLevel.objects.create(
            round=round_, area=areas[key], level=Decimal(level), reason="Enades på workshop"
        )


def build_organisation(version) -> Organisation:
    """Exempelstads kommun: an admin and a coach, a pending invitation, two closed rounds and an
    open one (answers with "don't know" and comments, an erased respondent, a revoked link),
    ambitions, agreed levels, an action plan with comments, and audit events."""
    org = make_organisation(
        "Exempelstads kommun", national_statistics=True, procurement_setup="centralised"
    )
    admin = make_admin(org, ADMIN_EMAIL, name="Anna Admin")
    coach = make_coach(org)
    Invitation.objects.create(
        organisation=org,
        email="kollega@exempelstad.example",
        role=Role.ADMIN,
        language="en",  # not the default, so that a move that loses it shows
        token_hash=token_hash(new_token()),
        invited_by=admin,
    )
    first = make_round(org, version, name="Skattning 2024")
    _results(
        first,
        {"leadership": [2, 3, 2], "procurement": [3, 4, 3], "operations": [1, 2, 2]},
        {"goals": "3.0", "strategies": "3.5"},
        {"goals": "2.5"},
    )
    person, _token = make_respondent(first, "procurement", email="kommentar@exempelstad.example")
    answer_all(person, level=4)
    _mixed_answers(person, "Vi saknar en inköpsstrategi; måste åtgärdas.")
    finish(person)
    erased, _token = make_respondent(first, "operations")
    answer_all(erased, level=3)
    finish(erased)
    erased.email, erased.anonymised_at = None, timezone.now()
    erased.save()
    first.close()
    first.workshop_finished_at = timezone.now()
    first.save()
    second = make_round(org, version, name="Skattning 2025", previous=first)
    _results(
        second,
        {"leadership": [3, 3, 4], "procurement": [4, 4, 3], "operations": [2, 3, 3]},
        {"goals": "4.0", "planning": "4.5"},
        {"planning": "3.0", "follow_up": "3.5"},
    )
    second.close()
    third = make_round(
        org, version, name="Skattning 2026", previous=second,
        closes_on=timezone.localdate() + dt.timedelta(days=30),
    )  # fmt: skip
    finished_respondents(third, "leadership", 3, level=4)
    started, _token = make_respondent(third, "operations", language="en")
    answer_all(started, level=2)
    revoked, _token = make_respondent(third, "procurement")
    revoked.link_revoked_at, revoked.reminders_sent = timezone.now(), 2
    revoked.last_reminded_at = timezone.now()
    revoked.save()
    proposed = Action.objects.create(
        organisation=org,
        area_key="strategies",
        round=second,
        description="Ta fram en inköpsstrategi som ledningen beslutar",
        owner="Kommundirektören",
        due_on=dt.date(2026, 6, 30),
        source=Action.Source.PROPOSED,
        guidance_level=3,
        status=Action.Status.IN_PROGRESS,
    )
    done = Action.objects.create(
        organisation=org, area_key="goals", round=first, description="Mät målen varje år",
        status=Action.Status.DONE,
    )  # fmt: skip
    Action.objects.create(organisation=org, area_key="planning", description="Årlig plan")
    ActionComment.objects.create(action=proposed, author=coach, text="Bra start, ta med ekonomi.")
    ActionComment.objects.create(action=proposed, author=admin, text="Tack, vi gör så.")
    ActionComment.objects.create(action=done, author=coach, text="Klart och uppföljt.")
    record(AuditAction.ROUND_OPENED, actor=admin, organisation=org, subject=third.name)
    record(
        AuditAction.RESPONDENTS_INVITED,
        actor=admin,
        organisation=org,
        subject=third.name,
        count=3,
        perspective="leadership",
    )
    record(AuditAction.ROUND_CLOSED, organisation=org, subject=second.name, by="closing_date")
    return org


@pytest.fixture
def full_org(model_version) -> Organisation:
    return build_organisation(model_version)


@pytest.fixture
def full_admin_client(full_org):
    return logged_in(User.objects.get(email=ADMIN_EMAIL))


@pytest.fixture
def coach_a(org_a) -> User:
    return make_coach(org_a)


@pytest.fixture
def coach_client(coach_a):
    return logged_in(coach_a)
