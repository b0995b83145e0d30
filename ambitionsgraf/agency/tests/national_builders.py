"""Builders for the national picture's and the open data's tests: organisations that agreed to
be counted, each with a closed round where everyone answered one level."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import PASSWORD, finished_respondents, make_organisation, make_round
from ambitionsgraf.rounds.models import Ambition, Round


def closed_on(year: int, month: int = 6, day: int = 15) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, 12))


def counted_round(organisation, version, *, level=4, closed_at=None, ambition=None, per=3):
    """A closed round of `organisation`: `per` people of each perspective answered `level`."""
    round_ = make_round(organisation, version, name="Skattning")
    for perspective in ("leadership", "procurement", "operations"):
        finished_respondents(round_, perspective, per, level=level)
    if ambition is not None:
        Ambition.objects.bulk_create(
            Ambition(round=round_, area=area, target=Decimal(str(ambition)))
            for area in version.areas.all()
        )
    round_.close()
    closed_at = closed_at or timezone.now() - dt.timedelta(days=10)
    Round.objects.filter(pk=round_.pk).update(closed_at=closed_at)
    round_.refresh_from_db()
    return round_


def counted_organisations(version, count, *, level=4, consent=True, **profile):
    """`count` organisations with one closed round each (profile: type, county, employees_band;
    closed_at, ambition and per go to the round)."""
    round_fields = {k: profile.pop(k) for k in ("closed_at", "ambition", "per") if k in profile}
    made = []
    for n in range(count):
        organisation = make_organisation(
            f"Kommun {len(made) + 1}{profile.get('county', '')}{n}",
            national_statistics=consent,
            **profile,
        )
        counted_round(organisation, version, level=level, **round_fields)
        made.append(organisation)
    return made


def agency_user(role: str, email: str | None = None) -> User:
    return User.objects.create_user(
        email=email or f"{role}@myndigheten.example", password=PASSWORD, agency_role=role
    )
