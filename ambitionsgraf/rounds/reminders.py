"""Reminders to respondents who have not finished, sent by the admin or by the daily job.

Tokens are stored only as hashes, so a link once sent can never be sent again: a reminder issues
a new token for the respondent and mails the new link; the old link stops working. The answers
saved so far belong to the respondent, not the link, so nothing is lost.
"""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone

from ambitionsgraf.lib.tokens import new_token, token_hash
from ambitionsgraf.maturity.models import Perspective

from . import emails
from .models import Respondent, Round

logger = logging.getLogger(__name__)

DEFAULT_DAYS_BEFORE_CLOSING = 3
# The daily job leaves alone whoever got a link this recently (an invitation or the admin's own
# reminder), so that a link sent yesterday is not replaced by yet another one today.
RECENTLY_CONTACTED = dt.timedelta(hours=20)


class RoundClosed(Exception):
    """The round is closed (or past its date): no reminder is sent."""


def days_before_closing() -> int:
    """How many days before the closing date the automatic reminder goes (setting, default 3)."""
    return max(
        0, int(getattr(settings, "REMINDER_DAYS_BEFORE_CLOSING", DEFAULT_DAYS_BEFORE_CLOSING))
    )


def scheduled_reminder_due(
    *, closes_on: dt.date | None, today: dt.date, days: int, already_sent: bool
) -> bool:
    """Whether a round's one automatic reminder should go today.

    It goes once, on the first run from `days` days before the closing date up to the closing
    day itself; never for a round without a closing date, nor after that date.
    """
    if already_sent or closes_on is None:
        return False
    return today <= closes_on <= today + dt.timedelta(days=days)


def unfinished(round_: Round, perspective: str | None = None):
    """Whom a reminder goes to: not finished, with an address (an erased one is NULL), and with
    a link the admin has not revoked (only the admin's "send a new link" undoes that)."""
    respondents = (
        round_.respondents.filter(finished_at__isnull=True, link_revoked_at__isnull=True)
        .exclude(email__isnull=True)
        .exclude(email="")
    )
    if perspective:
        respondents = respondents.filter(perspective=perspective)
    return respondents


def unfinished_counts(round_: Round) -> dict[str, int]:
    """Not finished per perspective, with "" for everyone: one query."""
    counts = dict(unfinished(round_).values_list("perspective").annotate(n=Count("id")).order_by())
    result = {value: counts.get(value, 0) for value in Perspective.values}
    result[""] = sum(result.values())
    return result


def _remind(respondents: list[Respondent], now) -> None:
    """Give each a new token, count the reminder, and mail the new links once committed."""
    pairs = []
    for respondent in respondents:
        token = new_token()
        respondent.token_hash = token_hash(token)
        respondent.last_reminded_at = now
        pairs.append((respondent, token))
    Respondent.objects.bulk_update(respondents, ["token_hash", "last_reminded_at"])
    Respondent.objects.filter(pk__in=[r.pk for r in respondents]).update(
        reminders_sent=F("reminders_sent") + 1
    )
    for respondent in respondents:
        respondent.reminders_sent += 1

    def send_all():
        for respondent, token in pairs:
            try:
                emails.send_reminder(respondent, token)
            except Exception:  # one bad address must not stop the others
                logger.exception("The reminder to respondent %s could not be sent", respondent.pk)

    transaction.on_commit(send_all)


def send_reminders(*, round: Round, perspective: str | None = None) -> int:
    """Remind the round's unfinished respondents (of one perspective, or all); returns how many.

    Refuses with RoundClosed, changing nothing, if the round is closed or past its date.
    """
    with transaction.atomic():
        locked = Round.objects.select_for_update().get(pk=round.pk)
        if not locked.is_open or locked.is_due():
            raise RoundClosed
        respondents = list(unfinished(locked, perspective).select_related("round__organisation"))
        if respondents:
            _remind(respondents, timezone.now())
    return len(respondents)


@dataclass
class ScheduledReport:
    closed: list[Round] = field(default_factory=list)
    reminded: list[tuple[Round, int]] = field(default_factory=list)


def _scheduled_reminder(round_: Round, now) -> int | None:
    """Send the round's automatic reminder unless another run already has; returns how many."""
    with transaction.atomic():
        claimed = Round.objects.filter(
            pk=round_.pk, status=Round.Status.OPEN, reminders_scheduled_sent_at__isnull=True
        ).update(reminders_scheduled_sent_at=now)
        if not claimed:
            return None
        respondents = list(
            unfinished(round_)
            .exclude(invited_at__gt=now - RECENTLY_CONTACTED)
            .exclude(last_reminded_at__gt=now - RECENTLY_CONTACTED)
            .select_related("round__organisation")
        )
        if respondents:
            _remind(respondents, now)
    round_.reminders_scheduled_sent_at = now
    return len(respondents)


def run_scheduled(*, today: dt.date | None = None) -> ScheduledReport:
    """The daily job: close rounds past their date, then send the automatic reminders."""
    today = today or timezone.localdate()
    now = timezone.now()
    days = days_before_closing()
    report = ScheduledReport()
    rounds = Round.objects.open().select_related("organisation").order_by("closes_on", "pk")
    report.closed.extend(rounds.close_due(today))
    for round_ in rounds.filter(closes_on__gte=today, reminders_scheduled_sent_at__isnull=True):
        if not scheduled_reminder_due(
            closes_on=round_.closes_on,
            today=today,
            days=days,
            already_sent=round_.reminders_scheduled_sent_at is not None,
        ):
            continue
        sent = _scheduled_reminder(round_, now)
        if sent is not None:
            report.reminded.append((round_, sent))
    return report
