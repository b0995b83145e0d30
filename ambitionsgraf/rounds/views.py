"""The admin's side of a round: start it, invite respondents, set the ambition, close it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from ambitionsgraf.maturity.models import Perspective
from ambitionsgraf.organisations.access import get_organisation, get_round

from . import services
from .forms import AmbitionForm, InviteForm, RoundForm


def participation(round_) -> list[dict]:
    """Invited, started and finished per perspective: counts only, never answers."""
    counts = {
        row["perspective"]: row
        for row in round_.respondents.values("perspective").annotate(
            invited=Count("id"),
            started=Count("id", filter=Q(started_at__isnull=False)),
            finished=Count("id", filter=Q(finished_at__isnull=False)),
        )
    }
    return [
        {
            "perspective": label,
            "invited": counts.get(value, {}).get("invited", 0),
            "started": counts.get(value, {}).get("started", 0),
            "finished": counts.get(value, {}).get("finished", 0),
        }
        for value, label in Perspective.choices
    ]


@login_required
@require_http_methods(["GET", "POST"])
def new_round(request, code):
    organisation = get_organisation(request, code, manage=True)
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.start_round(organisation=organisation, **form.cleaned_data)
        except services.NoPublishedModel as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The round is started. Now invite the respondents."))
            return redirect("rounds:invite", organisation.code, round_.code)
    return render(request, "rounds/new.html", {"organisation": organisation, "form": form})


@login_required
def detail(request, code, round_code):
    organisation, round_ = get_round(request, code, round_code, manage=True)
    rows = participation(round_)
    totals = {k: sum(r[k] for r in rows) for k in ("invited", "started", "finished")}
    return render(
        request,
        "rounds/detail.html",
        {
            "organisation": organisation,
            "round": round_,
            "participation": rows,
            "totals": totals,
            "respondents": round_.respondents.all(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def invite(request, code, round_code):
    organisation, round_ = get_round(request, code, round_code, manage=True)
    if not round_.is_open:
        messages.error(request, _("The round is closed. You cannot invite anyone more."))
        return redirect("rounds:detail", organisation.code, round_.code)
    form = InviteForm(request.POST or None, round=round_)
    if request.method == "POST" and form.is_valid():
        count = services.invite_respondents(
            round=round_,
            emails_=form.cleaned_data["addresses"],
            perspective=form.cleaned_data["perspective"],
            language=form.cleaned_data["language"],
        )
        messages.success(
            request,
            ngettext("%(count)d invitation is sent.", "%(count)d invitations are sent.", count)
            % {"count": count},
        )
        return redirect("rounds:detail", organisation.code, round_.code)
    return render(
        request, "rounds/invite.html", {"organisation": organisation, "round": round_, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def ambition(request, code, round_code):
    organisation, round_ = get_round(request, code, round_code, manage=True)
    areas = list(round_.model_version.areas.all())
    current = {a.area_id: a for a in round_.ambitions.all()}
    initial = {}
    for area in areas:
        if area.pk in current:
            initial[f"target_{area.key}"] = f"{current[area.pk].target:.1f}"
            initial[f"reason_{area.key}"] = current[area.pk].reason
    form = AmbitionForm(request.POST or None, areas=areas, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.set_ambitions(
            round=round_,
            values={
                area: (
                    form.cleaned_data[f"target_{area.key}"],
                    form.cleaned_data[f"reason_{area.key}"].strip(),
                )
                for area in areas
            },
        )
        messages.success(request, _("The ambition is saved."))
        return redirect("results:round", organisation.code, round_.code)
    return render(
        request,
        "rounds/ambition.html",
        {"organisation": organisation, "round": round_, "form": form},
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
            round_.close()
            messages.success(request, _("The round is closed. The results are now final."))
            return redirect("results:round", organisation.code, round_.code)
    return render(
        request,
        "rounds/close.html",
        {"organisation": organisation, "round": round_, "finished": finished, "error": error},
        status=400 if error else 200,
    )
