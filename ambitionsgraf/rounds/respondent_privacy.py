"""A respondent's own data, through their personal link: what is stored about them, who sees
what, how long it is kept, and a button that erases their e-mail address.

Erasing keeps the answers, so the organisation's results do not change; it only cuts the tie
between the answers and a person. The link itself keeps working, since it is the link's token,
not the address, that opens the questionnaire.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ambitionsgraf.audit.log import Action, record

from .models import Respondent
from .questionnaire import get_respondent


def retention_days() -> int:
    """Days after a round closes that its respondents' e-mail addresses are kept."""
    return max(0, int(settings.RESPONDENT_EMAIL_RETENTION_DAYS))


def email_kept_until(respondent: Respondent) -> dt.date | None:
    """The day the address goes, once the round is closed; None while it is open."""
    closed_at = respondent.round.closed_at
    if closed_at is None:
        return None
    return timezone.localdate(closed_at) + dt.timedelta(days=retention_days())


@dataclass(frozen=True)
class StoredCounts:
    answers: int
    comments: int


def stored_counts(respondent: Respondent) -> StoredCounts:
    """How many questions the respondent answered (a level or "don't know"), and commented on."""
    counts = respondent.answers.aggregate(
        answers=Count("id", filter=Q(level__isnull=False) | Q(dont_know=True)),
        comments=Count("id", filter=~Q(comment="")),
    )
    return StoredCounts(answers=counts["answers"], comments=counts["comments"])


def erase_email(respondent: Respondent) -> bool:
    """Erase the respondent's e-mail address and keep the answers; False if already erased.

    The audit event names the round only, never the address that was erased."""
    now = timezone.now()
    with transaction.atomic():
        erased = Respondent.objects.filter(pk=respondent.pk, email__isnull=False).update(
            email=None, anonymised_at=now
        )
        if not erased:
            return False
        round_ = respondent.round
        # No actor: the log names "a respondent" (audit/describe.py); no request either, so an
        # admin testing the link in their own browser is not named as the one who erased.
        record(Action.RESPONDENT_ERASED, organisation=round_.organisation, subject=round_.name)
    respondent.email, respondent.anonymised_at = None, now
    return True


@require_http_methods(["GET", "POST"])
def my_data(request, token):
    """GET shows what is stored; POST asks to confirm, and POST with confirm=yes erases."""
    respondent = get_respondent(token)
    if request.method == "POST":
        if respondent.email is None:
            messages.info(request, _("Your e-mail address is already erased."))
            return redirect("questionnaire:my_data", token)
        if request.POST.get("confirm") != "yes":
            return render(
                request,
                "questionnaire/my_data_confirm.html",
                {"respondent": respondent, "round": respondent.round, "token": token},
            )
        erase_email(respondent)
        messages.success(
            request,
            _("Your e-mail address is erased. Your answers are kept without it."),
        )
        return redirect("questionnaire:my_data", token)
    return render(
        request,
        "questionnaire/my_data.html",
        {
            "respondent": respondent,
            "round": respondent.round,
            "token": token,
            "counts": stored_counts(respondent),
            "retention_days": retention_days(),
            "kept_until": email_kept_until(respondent),
        },
    )
