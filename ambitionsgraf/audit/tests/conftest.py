"""Builders for the audit log's tests: a coach of A, and reading back what was recorded."""

import pytest

from ambitionsgraf.accounts.models import User
from ambitionsgraf.audit.kinds import SIGN_IN
from ambitionsgraf.audit.models import Event
from ambitionsgraf.conftest import PASSWORD, logged_in
from ambitionsgraf.organisations.models import Membership, Role


def only_event(action) -> Event:
    """The one event of `action`; fails if there is none or more than one."""
    events = list(Event.objects.filter(action=action))
    assert len(events) == 1, events
    return events[0]


def changes():
    """Every event but sign-ins (signing a test client in records one)."""
    return Event.objects.exclude(action__in=SIGN_IN)


def make_coach(organisation, email="coach@radgivning.example") -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, name="Cecilia Coach")
    Membership.objects.create(organisation=organisation, user=user, role=Role.COACH)
    return user


@pytest.fixture
def coach_a(org_a) -> User:
    return make_coach(org_a)


@pytest.fixture
def coach_client(coach_a):
    return logged_in(coach_a)
