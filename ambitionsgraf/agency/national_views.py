"""The national picture for the agency's analysts (and model owners)."""

from django.http import HttpResponseNotAllowed
from django.shortcuts import render

from ambitionsgraf.lib import collector
from ambitionsgraf.lib.form_status import status_for

from . import national, national_data
from .access import analyst_required
from .national_forms import NationalFilterForm
from .national_page import page


@analyst_required
@collector.paused()  # it builds a unit per round of the country: see lib.collector
def picture(request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    rows = national_data.round_rows()
    form = NationalFilterForm(request.GET, years={r.year for r in rows})
    # A bad value gets a message by its field; the picture then leaves that filter out.
    filters = form.filters()
    units, areas = national_data.picture_selection(
        rows,
        type=filters["type"],
        county=filters["county"],
        size=filters["size"],
        year=filters["year"],
    )
    result = national.picture(units, areas.keys, year=filters["year"])
    return render(
        request,
        "agency/national.html",
        {
            "form": form,
            "page": page(result, areas),
            "min_organisations": national.MIN_ORGANISATIONS,
        },
        status=status_for(form),
    )
