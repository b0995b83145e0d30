"""The organisation's log for its admins: who did what and when, newest first. Read-only."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed
from django.shortcuts import render

from ambitionsgraf.lib.form_status import status_for
from ambitionsgraf.organisations.access import get_organisation

from .describe import row
from .forms import LogFilterForm
from .kinds import organisation_events

PER_PAGE = 50


@login_required
def organisation_log(request, code):
    # Access first: someone outside the organisation gets 404 whatever the method.
    organisation = get_organisation(request, code, manage=True)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    form = LogFilterForm(request.GET)
    # A kind that is not in the list gets a message by the field, and the whole log below it.
    kind = form.cleaned_data["kind"] if form.is_valid() else ""
    page = Paginator(organisation_events(organisation, kind), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "audit/log.html",
        {
            "organisation": organisation,
            "form": form,
            "kind": kind,
            "page": page,
            "rows": [row(event) for event in page],
            "page_links": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        },
        status=status_for(form),
    )
