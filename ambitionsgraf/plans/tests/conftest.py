"""Builders for the action plan's tests: a closed round with results and an ambition, a coach."""

from decimal import Decimal

import pytest
from django.urls import reverse

from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import PASSWORD, finished_respondents, logged_in
from ambitionsgraf.organisations.models import Membership
from ambitionsgraf.plans.models import Action

# Everyone answers 2 (leadership, operations) or 3 (procurement): every area is at 2.33.
LEVEL = (2 + 3 + 2) / 3
AMBITIONS = {"goals": "3.0", "strategies": "4.5", "planning": "2.0", "follow_up": "4.0"}
# By gap: strategies 2.17, follow_up 1.67, goals 0.67, planning -0.33, then no ambition.
GAP_ORDER = ["strategies", "follow_up", "goals", "planning"]


def give_results(round_, ambitions=AMBITIONS):
    """Three finished respondents per perspective and the ambition for some areas."""
    finished_respondents(round_, "leadership", 3, level=2)
    finished_respondents(round_, "procurement", 3, level=3)
    finished_respondents(round_, "operations", 3, level=2)
    areas = {a.key: a for a in round_.model_version.areas.all()}
    for key, target in ambitions.items():
        round_.ambitions.create(area=areas[key], target=Decimal(target))
    return round_


def make_action(org, area_key="goals", description="Ta fram mål", **fields) -> Action:
    return Action.objects.create(
        organisation=org, area_key=area_key, description=description, **fields
    )


def plan_path(org, name="plans:plan", *args) -> str:
    return reverse(name, args=[org.code, *args])


@pytest.fixture
def closed_round(round_a):
    give_results(round_a)
    round_a.close()
    return round_a


@pytest.fixture
def coach_a(org_a) -> User:
    user = User.objects.create_user(
        email="coach@radgivning.example", password=PASSWORD, name="Cecilia Coach"
    )
    Membership.objects.create(organisation=org_a, user=user, role="coach")
    return user


@pytest.fixture
def coach_client(coach_a):
    return logged_in(coach_a)
