"""The trend page: every closed round of the organisation, area by area, oldest first."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.utils.safestring import mark_safe

from ambitionsgraf.organisations.access import get_organisation

from . import trend
from .trend_service import load_trend


@login_required
def trend_page(request, code):
    organisation = get_organisation(request, code)  # outsiders get 404 whatever the method
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    page = load_trend(organisation)
    return render(
        request,
        "results/trend.html",
        {
            "organisation": organisation,
            "page": page,
            "chart": mark_safe(page.chart),  # escaped by linechart
            "threshold": trend.CHANGE_THRESHOLD,
        },
    )
