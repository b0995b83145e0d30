"""The admin's side of a round: start it (from scratch or from the last one), invite and remind
respondents, set the ambition, close it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from ambitionsgraf.audit.log import Action, record
from ambitionsgraf.lib.form_status import status_for
from ambitionsgraf.maturity.models import Perspective
from ambitionsgraf.organisations.access import get_organisation, get_round

from . import reminders, services
from .forms import InviteForm, NextRoundForm, ReminderForm, RoundForm
from .participation import participation, totals


@login_required
@require_http_methods(["GET", "POST"])
def new_round(request, code):
    organisation = get_organisation(request, code, manage=True)
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                round_ = services.start_round(organisation=organisation, **form.cleaned_data)
                record(
                    Action.ROUND_OPENED,
                    request=request,
                    organisation=organisation,
                    subject=round_.name,
                )
        except services.NoPublishedModel as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The round is started. Now invite the respondents."))
            return redirect("rounds:invite", organisation.code, round_.code)
    return render(
        request,
        "rounds/new.html",
        {"organisation": organisation, "form": form, "last_round": organisation.rounds.first()},
        status=status_for(form),
    )


@login_required
@require_http_methods(["GET", "POST"])
def new_round_from_last(request, code):
    """A new round with the last round's respondents invited again (each can be left out)."""
    organisation = get_organisation(request, code, manage=True)
    last = organisation.rounds.first()
    if last is None:
        messages.info(request, _("There is no earlier round yet. Start a new one."))
        return redirect("rounds:new", organisation.code)
    everyone = list(last.respondents.all())
    earlier = [r for r in everyone if r.email]
    form = NextRoundForm(request.POST or None, earlier=earlier)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                round_, count = services.start_round_from(
                    organisation=organisation,
                    previous=last,
                    name=form.cleaned_data["name"],
                    closes_on=form.cleaned_data["closes_on"],
                    emails_=form.cleaned_data["respondents"],
                )
                record(
                    Action.ROUND_OPENED,
                    request=request,
                    organisation=organisation,
                    subject=round_.name,
                    previous=last.name,
                    invited=count,
                )
        except services.NoPublishedModel as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "The round is started and %(count)d invitation is sent.",
                    "The round is started and %(count)d invitations are sent.",
                    count,
                )
                % {"count": count},
            )
            return redirect("rounds:detail", organisation.code, round_.code)
    return render(
        request,
        "rounds/new_from_last.html",
        {
            "organisation": organisation,
            "last_round": last,
            "form": form,
            "erased": len(everyone) - len(earlier),
        },
        status=status_for(form),
    )


@login_required
def detail(request, code, round_code):
    organisation, round_ = get_round(request, code, round_code, manage=True)
    rows = participation(round_)
    reminder_form = None
    if round_.is_open:
        reminder_form = ReminderForm(counts=reminders.unfinished_counts(round_))
    return render(
        request,
        "rounds/detail.html",
        {
            "organisation": organisation,
            "round": round_,
            "participation": rows,
            "totals": totals(rows),
            "respondents": round_.respondents.all(),
            "reminder_form": reminder_form,
            "reminder_days": reminders.days_before_closing(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def remind(request, code, round_code):
    """Remind those who have not finished: each gets a new personal link by e-mail."""
    organisation, round_ = get_round(request, code, round_code, manage=True)
    if not round_.is_open:
        messages.error(request, _("The round is closed. Reminders can no longer be sent."))
        return redirect("rounds:detail", organisation.code, round_.code)
    counts = reminders.unfinished_counts(round_)
    form = ReminderForm(request.POST or None, counts=counts)
    if request.method == "POST" and form.is_valid():
        perspective = form.cleaned_data["perspective"]
        try:
            with transaction.atomic():
                count = reminders.send_reminders(round=round_, perspective=perspective)
                if count:
                    record(
                        Action.RESPONDENTS_REMINDED,
                        request=request,
                        organisation=organisation,
                        subject=round_.name,
                        count=count,
                        perspective=perspective or "",
                    )
        except reminders.RoundClosed:
            messages.error(request, _("The round is closed. Reminders can no longer be sent."))
            return redirect("rounds:detail", organisation.code, round_.code)
        if count == 0 and perspective:
            messages.info(
                request,
                _(
                    "No one from the perspective %(perspective)s has anything left to answer: "
                    "no reminder was sent."
                )
                % {"perspective": Perspective(perspective).label},
            )
        elif count == 0:
            messages.info(request, _("Everyone has finished: no reminder was sent."))
        else:
            messages.success(
                request,
                ngettext("%(count)d reminder is sent.", "%(count)d reminders are sent.", count)
                % {"count": count},
            )
        return redirect("rounds:detail", organisation.code, round_.code)
    return render(
        request,
        "rounds/remind.html",
        {
            "organisation": organisation,
            "round": round_,
            "reminder_form": form,
            "reminder_days": reminders.days_before_closing(),
        },
        status=status_for(form),
    )


def _invite(request, organisation, round_, data) -> int:
    with transaction.atomic():
        count = services.invite_respondents(
            round=round_,
            emails_=data["addresses"],
            perspective=data["perspective"],
            language=data["language"],
        )
        # How many and from which perspective: never the addresses.
        record(
            Action.RESPONDENTS_INVITED,
            request=request,
            organisation=organisation,
            subject=round_.name,
            count=count,
            perspective=data["perspective"],
        )
    return count


@login_required
@require_http_methods(["GET", "POST"])
def invite(request, code, round_code):
    organisation, round_ = get_round(request, code, round_code, manage=True)
    if not round_.is_open:
        messages.error(request, _("The round is closed. You cannot invite anyone more."))
        return redirect("rounds:detail", organisation.code, round_.code)
    form = InviteForm(request.POST or None, round=round_)
    if request.method == "POST" and form.is_valid():
        try:
            count = _invite(request, organisation, round_, form.cleaned_data)
        except IntegrityError:
            # Someone invited one of the addresses a moment ago (often this same form, sent
            # twice by a double click): checked again, the form says which.
            form = InviteForm(request.POST, round=round_)
            form.is_valid()
        else:
            messages.success(
                request,
                ngettext("%(count)d invitation is sent.", "%(count)d invitations are sent.", count)
                % {"count": count},
            )
            return redirect("rounds:detail", organisation.code, round_.code)
    return render(
        request,
        "rounds/invite.html",
        {"organisation": organisation, "round": round_, "form": form},
        status=status_for(form),
    )


@login_required
@require_http_methods(["GET", "POST"])
def close(request, code, round_code):
    organisation, round_ = get_round(request, code, round_code, manage=True)
    finished = round_.finished_count()
    error = None
    if request.method == "POST":
        if not round_.is_open:
            messages.info(request, _("The round was already closed."))
            return redirect("results:round", organisation.code, round_.code)
        if finished == 0:
            error = _(
                "No one has finished the questionnaire yet, so there is nothing to close. "
                "A closed round cannot be opened again."
            )
        else:
            with transaction.atomic():
                round_.close()
                if not round_.is_open:  # closed now, not by someone else a moment before
                    record(
                        Action.ROUND_CLOSED,
                        request=request,
                        organisation=organisation,
                        subject=round_.name,
                    )
            messages.success(request, _("The round is closed. The results are now final."))
            return redirect("results:round", organisation.code, round_.code)
    return render(
        request,
        "rounds/close.html",
        {
            "organisation": organisation,
            "round": round_,
            "finished": finished,
            "error": error,
            "errors_shown": bool(error),
        },
        status=400 if error else 200,
    )
