"""The organisation's settings: its details and its consent to national statistics, the export
of all its data, and deleting it.

Admins only: every view finds the organisation with manage=True before it looks at anything
else (even the method), so a coach or an outsider gets 404 whatever they send.

The export is a POST (the settings page's button), not a download link: it hands out personal
data of everyone in the organisation and writes DATA_EXPORTED to the audit log, so it must be a
deliberate act of a signed-in admin behind the CSRF check, never something a link preview, a
prefetching browser or a crawler can set off by following a URL.
"""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from ambitionsgraf.audit.log import Action, record
from ambitionsgraf.lib.form_status import status_for
from ambitionsgraf.rounds.models import Respondent

from .access import get_organisation
from .export_data import export_file
from .forms import DeleteOrganisationForm, OrganisationForm
from .portability import CONTENT_TYPE

PAGE_METHODS = ("GET", "HEAD", "POST")
CONSENT = "national_statistics"


@login_required
def settings(request, code):
    organisation = get_organisation(request, code, manage=True)
    if request.method not in PAGE_METHODS:
        return HttpResponseNotAllowed(PAGE_METHODS)
    # The form works on a copy, so the page's heading keeps the saved name while a change is
    # being corrected.
    form = OrganisationForm(request.POST or None, instance=copy.copy(organisation))
    if request.method == "POST" and form.is_valid():
        changed = [
            name
            for name in form.Meta.fields
            if getattr(form.instance, name) != getattr(organisation, name)
        ]
        if not changed:
            messages.info(request, _("Nothing was changed."))
            return redirect("organisations:settings", organisation.code)
        with transaction.atomic():
            saved = form.save()
            details = [name for name in changed if name != CONSENT]
            if details:
                record(
                    Action.SETTINGS_CHANGED,
                    request=request,
                    organisation=saved,
                    fields=details,
                )
            if CONSENT in changed:
                record(
                    Action.CONSENT_CHANGED,
                    request=request,
                    organisation=saved,
                    national_statistics=saved.national_statistics,
                )
        _say_what_changed(request, saved, details=bool(details), consent=CONSENT in changed)
        return redirect("organisations:settings", organisation.code)
    return render(
        request,
        "organisations/settings.html",
        {"organisation": organisation, "form": form},
        status=status_for(form),
    )


def _say_what_changed(request, organisation, *, details: bool, consent: bool) -> None:
    if details:
        messages.success(request, _("The organisation's details are saved."))
    if consent and organisation.national_statistics:
        messages.success(
            request,
            _(
                "Consent given. The organisation's closed rounds will be counted in the "
                "agency's next national figures, combined with other organisations' results "
                "and never shown on their own."
            ),
        )
    elif consent:
        messages.success(
            request,
            _(
                "Consent withdrawn. The organisation's rounds are left out of the agency's "
                "next national figures, and of all figures after them."
            ),
        )


@login_required
def export_data(request, code):
    organisation = get_organisation(request, code, manage=True)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    name, text = export_file(organisation, request=request)
    response = HttpResponse(text, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, name)
    add_never_cache_headers(response)  # personal data: no copy in any cache
    return response


@login_required
def delete(request, code):
    organisation = get_organisation(request, code, manage=True)
    if request.method not in PAGE_METHODS:
        return HttpResponseNotAllowed(PAGE_METHODS)
    form = DeleteOrganisationForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        name = organisation.name
        with transaction.atomic():
            rounds = organisation.rounds.count()
            number = organisation.org_number
            organisation.delete()
            # Outlives the organisation: no link to it, its name and number in plain words.
            record(
                Action.ORGANISATION_DELETED,
                request=request,
                organisation=None,
                subject=name,
                org_number=number,
                rounds=rounds,
            )
        messages.success(
            request, _("%(name)s is deleted, with all its rounds and its plan.") % {"name": name}
        )
        return redirect("organisations:home")
    return render(
        request,
        "organisations/delete.html",
        {
            "organisation": organisation,
            "form": form,
            "rounds": organisation.rounds.count(),
            "respondents": Respondent.objects.filter(round__organisation=organisation).count(),
            "actions": organisation.actions.count(),
            "members": organisation.memberships.count(),
        },
        status=status_for(form),
    )
