"""The ambition of a round: a target level per area, with a reason, set by the admins."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ambitionsgraf.audit.changes import ambition_changes
from ambitionsgraf.audit.log import Action, record
from ambitionsgraf.lib.form_status import status_for
from ambitionsgraf.organisations.access import get_round

from . import services
from .forms import AmbitionForm


@login_required
@require_http_methods(["GET", "POST"])
def ambition(request, code, round_code):
    organisation, round_ = get_round(request, code, round_code, manage=True)
    areas = list(round_.model_version.areas.all())
    # A posted form shows what was posted; the saved ambitions are read by the save itself.
    initial = {} if request.method == "POST" else _saved(round_, areas)
    form = AmbitionForm(request.POST or None, areas=areas, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = {
            area: (
                form.cleaned_data[f"target_{area.key}"],
                form.cleaned_data[f"reason_{area.key}"].strip(),
            )
            for area in areas
        }
        with transaction.atomic():
            before = services.set_ambitions(round=round_, values=values)
            changes = ambition_changes(before, values)
            if changes:
                record(
                    Action.AMBITION_CHANGED,
                    request=request,
                    organisation=organisation,
                    subject=round_.name,
                    changes=changes,
                )
        messages.success(request, _("The ambition is saved."))
        return redirect("results:round", organisation.code, round_.code)
    return render(
        request,
        "rounds/ambition.html",
        {"organisation": organisation, "round": round_, "form": form},
        status=status_for(form),
    )


def _saved(round_, areas) -> dict:
    """The form's initial values: the round's saved ambition."""
    current = {a.area_id: a for a in round_.ambitions.all()}
    initial = {}
    for area in areas:
        if area.pk in current:
            initial[f"target_{area.key}"] = f"{current[area.pk].target:.1f}"
            initial[f"reason_{area.key}"] = current[area.pk].reason
    return initial
