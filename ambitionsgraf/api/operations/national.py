"""The national open data: public, no token needed. The same rows, hiding rules and field
descriptions as the open data files (`agency.opendata`), in Swedish or English."""

from typing import Literal

from django.utils import translation
from ninja import Query, Router

from ambitionsgraf.agency import opendata_files

from ..schemas import NationalOut
from .responses import responses

router = Router(tags=["National"])


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
    with translation.override(language):
        return opendata_files.national_document()
