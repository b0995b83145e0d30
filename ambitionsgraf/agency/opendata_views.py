"""The open data's public addresses: a page that describes it, the CSV, the JSON and a DCAT-AP
catalogue. Anyone may fetch them; the files are made from the data as it stands."""

from __future__ import annotations

import json

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from ambitionsgraf.api.throttling import per_address
from ambitionsgraf.reports.writers import CSV_TYPE

from . import national_data, opendata, opendata_dcat, opendata_files
from .national_suppression import MIN_ORGANISATIONS


@require_safe
def page(request):
    round_rows = national_data.round_rows()
    years = sorted({r.year for r in round_rows})
    return render(
        request,
        "opendata/page.html",
        {
            "fields": opendata.FIELDS,
            "extracted": timezone.localdate(),
            "years": years,
            "min_organisations": MIN_ORGANISATIONS,
            "licence_name": opendata.LICENCE_NAME,
            "licence_url": opendata.LICENCE_URL,
            "csv_name": opendata.CSV_NAME,
            "json_name": opendata.JSON_NAME,
            "links": opendata.links(),
        },
    )


@require_safe
@per_address  # each file is made from the whole country's rounds: see api.throttling
def csv_file(request):
    rows, areas = opendata.table()
    response = HttpResponse(opendata_files.csv_content(rows, areas), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{opendata.CSV_NAME}"'
    return response


@require_safe
@per_address
def json_file(request):
    return JsonResponse(
        opendata_files.national_document(), json_dumps_params={"ensure_ascii": False, "indent": 1}
    )


@require_safe
def catalog(request):
    round_rows = national_data.round_rows()
    first = min((r.closed for r in round_rows), default=None)
    document = opendata_dcat.catalog(
        urls=opendata.links(),
        extracted=timezone.localdate(),
        issued=timezone.localtime(first).date() if first else None,
        years=sorted({r.year for r in round_rows}),
    )
    content = json.dumps(document, ensure_ascii=False, indent=1)
    return HttpResponse(content, content_type="application/ld+json; charset=utf-8")
