"""Retention: respondents' e-mail addresses go a set number of days after their round closed.

The answers stay, so results, trends and national figures do not change; only the tie between
the answers and a person goes. Run daily by `run_scheduled`, or on its own with
`manage.py anonymise_respondents`. Running it twice changes nothing the second time.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from ambitionsgraf.audit.log import Action, record
from ambitionsgraf.organisations.models import Organisation

from .models import Respondent, Round
from .respondent_privacy import retention_days


def due(*, days: int, now: dt.datetime):
    """Respondents with an address whose round closed more than `days` days before `now`."""
    return (
        Respondent.objects.filter(
            round__status=Round.Status.CLOSED,
            round__closed_at__lt=now - dt.timedelta(days=days),
        )
        .exclude(email__isnull=True)
        .order_by()
    )


def anonymise_respondents(
    *, days: int | None = None, now: dt.datetime | None = None
) -> dict[Organisation, int]:
    """Erase the addresses that are due; returns how many per organisation.

    One audit event per organisation, with the count and no address."""
    days = retention_days() if days is None else days
    if days < 0:
        raise ValueError("The number of days cannot be negative.")
    now = now or timezone.now()
    with transaction.atomic():
        respondents = due(days=days, now=now).select_for_update()
        ids = list(respondents.values_list("pk", flat=True))
        if not ids:
            return {}
        per_organisation = dict(
            Respondent.objects.filter(pk__in=ids)
            .order_by()
            .values_list("round__organisation")
            .annotate(n=Count("id"))
        )
        Respondent.objects.filter(pk__in=ids).update(email=None, anonymised_at=now)
        organisations = Organisation.objects.in_bulk(list(per_organisation))
        report = {}
        for pk, count in sorted(per_organisation.items()):
            organisation = organisations[pk]
            record(
                Action.RESPONDENTS_ANONYMISED,
                actor_label="",
                organisation=organisation,
                count=count,
                days=days,
            )
            report[organisation] = count
    return report
