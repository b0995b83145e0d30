"""Builders for the trend tests (and the trend's browser test): closed rounds with chosen
levels per area, a coach, a model version whose area changed."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import PASSWORD, finished_respondents, make_round
from ambitionsgraf.maturity import drafts
from ambitionsgraf.maturity.models import ModelVersion, Question
from ambitionsgraf.organisations.models import Membership, Role
from ambitionsgraf.plans.models import AgreedLevel
from ambitionsgraf.rounds.models import Ambition, Answer, Round

PERSPECTIVES = ("leadership", "procurement", "operations")


def closed_round(
    organisation,
    version,
    name,
    *,
    closed_days_ago,
    level=3,
    levels=None,
    per_perspective=3,
    ambitions=None,
    agreed=None,
):
    """A round where `per_perspective` people of each perspective answered `level` everywhere
    (`levels`: area key -> level instead), closed `closed_days_ago` days ago."""
    round_ = make_round(organisation, version, name=name)
    for perspective in PERSPECTIVES:
        finished_respondents(round_, perspective, per_perspective, level=level)
    for key, value in (levels or {}).items():
        Answer.objects.filter(respondent__round=round_, question__area__key=key).update(level=value)
    areas = {a.key: a for a in version.areas.all()}
    for key, target in (ambitions or {}).items():
        Ambition.objects.create(round=round_, area=areas[key], target=Decimal(str(target)))
    for key, value in (agreed or {}).items():
        AgreedLevel.objects.create(round=round_, area=areas[key], level=Decimal(str(value)))
    round_.close()
    closed_at = timezone.now() - dt.timedelta(days=closed_days_ago)
    Round.objects.filter(pk=round_.pk).update(closed_at=closed_at)
    round_.refresh_from_db()
    return round_


def make_coach(organisation, email="coach@radgivning.example") -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, name="Lena Berg")
    Membership.objects.create(organisation=organisation, user=user, role=Role.COACH)
    return user


def changed_model_version(area_key: str) -> ModelVersion:
    """The next version of the model, published, where one question of the area has a new
    key: the area's questions changed. (A published version is never changed, so the change
    is made in a draft.)"""
    draft = drafts.new_draft(ModelVersion.objects.current())
    question = Question.objects.filter(area__model_version=draft, area__key=area_key).first()
    question.key = f"{question.key}_new"
    question.save(update_fields=["key"])
    return drafts.publish(draft)
