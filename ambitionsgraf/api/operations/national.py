"""The national open data: public, no token needed. The same rows, hiding rules and field
descriptions as the open data files (`agency.opendata`), in Swedish or English."""

from typing import Literal

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from ninja import Query, Router

from ambitionsgraf.agency import opendata, opendata_files

from ..schemas import NationalOut
from .responses import responses

router = Router(tags=["National"])

LINKS = {
    "page": "national:open_data",
    "csv": "national:open_data_csv",
    "json": "national:open_data_json",
    "catalog": "national:open_data_dcat",
}


@router.get(
    "/national",
    response=responses({200: NationalOut}),
    auth=None,
    summary="National figures per year, area and type of organisation (open data)",
)
def get_national(request, language: Literal["sv", "en"] = Query("sv")):
    """Built only from closed rounds of organisations that agreed to be counted. A figure built
    on too few organisations is null and named in its row's `hidden`. Licence: CC0 1.0.
    `language` sets the language of titles, labels and descriptions; keys never change."""
    rows, areas = opendata.table()
    with translation.override(language):
        links = {name: settings.SITE_URL + reverse(url) for name, url in LINKS.items()}
        return opendata_files.json_document(
            rows, areas, extracted=timezone.localdate(), links=links
        )
