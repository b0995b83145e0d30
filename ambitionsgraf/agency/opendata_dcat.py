"""The open data described for data portals: a DCAT-AP style catalogue in JSON-LD, with the
catalogue, the dataset and its two files (CSV and JSON).

Titles and descriptions are given in Swedish and English. Dates: "issued" is the day the first
counted round closed (the first day there was anything to publish), "modified" the day of
extraction, since the files are made from the data as it stands whenever they are fetched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import translation
from django.utils.translation import gettext as _

from .national_suppression import MIN_ORGANISATIONS
from .opendata import CSV_NAME, JSON_NAME, LICENCE_URI

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU = "http://publications.europa.eu/resource/authority"
MEDIA_TYPES = "http://www.iana.org/assignments/media-types"
PUBLISHER_NAME = "Upphandlingsmyndigheten"
PUBLISHER_URL = "https://www.upphandlingsmyndigheten.se/"
LANGUAGES = ("sv", "en")


def _both(text: Callable[[], str]) -> list[dict]:
    """A text in each language, as JSON-LD language-tagged strings."""
    values = []
    for language in LANGUAGES:
        with translation.override(language):
            values.append({"@value": text(), "@language": language})
    return values


def _date(value: dt.date) -> dict:
    return {"@value": value.isoformat(), "@type": "xsd:date"}


def _distribution(url: str, name: str, media_type: str, file_type: str, title) -> dict:
    return {
        "@id": f"{url}#distribution",
        "@type": "dcat:Distribution",
        "dct:title": _both(title),
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": {"@id": f"{MEDIA_TYPES}/{media_type}"},
        "dct:format": {"@id": f"{EU}/file-type/{file_type}"},
        "dct:license": {"@id": LICENCE_URI},
        "dct:language": {"@id": f"{EU}/language/SWE"},
        "dct:identifier": name,
    }


def catalog(
    *,
    urls: dict[str, str],
    extracted: dt.date,
    issued: dt.date | None,
    years: list[int],
) -> dict:
    """``urls``: absolute addresses of "catalog", "page", "csv" and "json"."""
    publisher = {
        "@id": PUBLISHER_URL,
        "@type": "foaf:Agent",
        "foaf:name": PUBLISHER_NAME,
        "foaf:homepage": {"@id": PUBLISHER_URL},
    }
    dataset = {
        "@id": f"{urls['page']}#dataset",
        "@type": "dcat:Dataset",
        "dct:title": _both(lambda: _("Ambitionsgraf: national figures")),
        "dct:description": _both(
            lambda: (
                _(
                    "Self-assessed procurement maturity of Swedish public organisations: per year, "
                    "area and type of organisation, the number of organisations, their mean level, "
                    "how many are at each level and their mean ambition. Figures built on fewer "
                    "than %(minimum)d organisations are hidden."
                )
                % {"minimum": MIN_ORGANISATIONS}
            )
        ),
        "dct:identifier": "ambitionsgraf-national",
        "dct:publisher": publisher,
        "dcat:contactPoint": {
            "@type": "vcard:Organization",
            "vcard:fn": PUBLISHER_NAME,
            "vcard:hasURL": {"@id": PUBLISHER_URL},
        },
        "dcat:landingPage": {"@id": urls["page"]},
        "dcat:keyword": _both(lambda: _("public procurement"))
        + _both(lambda: _("procurement maturity"))
        + _both(lambda: _("self-assessment")),
        "dcat:theme": {"@id": f"{EU}/data-theme/GOVE"},
        "dct:spatial": {"@id": f"{EU}/country/SWE"},
        "dct:accrualPeriodicity": {"@id": f"{EU}/frequency/UPDATE_CONT"},
        "dct:license": {"@id": LICENCE_URI},
        "dct:modified": _date(extracted),
        "dcat:distribution": [
            _distribution(
                urls["csv"],
                CSV_NAME,
                "text/csv",
                "CSV",
                lambda: _("National figures as CSV (semicolons, decimal commas)"),
            ),
            _distribution(
                urls["json"],
                JSON_NAME,
                "application/json",
                "JSON",
                lambda: _("National figures as JSON"),
            ),
        ],  # fmt: skip
    }
    if issued is not None:
        dataset["dct:issued"] = _date(issued)
    if years:
        dataset["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": _date(dt.date(min(years), 1, 1)),
            "dcat:endDate": _date(min(dt.date(max(years), 12, 31), extracted)),
        }
    document = {
        "@context": CONTEXT,
        "@id": urls["catalog"],
        "@type": "dcat:Catalog",
        "dct:title": _both(lambda: _("Ambitionsgraf: open data")),
        "dct:description": _both(
            lambda: _("Open data from Ambitionsgraf, the self-assessment of procurement maturity.")
        ),
        "dct:publisher": publisher,
        "dct:language": [{"@id": f"{EU}/language/SWE"}, {"@id": f"{EU}/language/ENG"}],
        "dct:license": {"@id": LICENCE_URI},
        "foaf:homepage": {"@id": urls["page"]},
        "dct:modified": _date(extracted),
        "dcat:dataset": [dataset],
    }
    if issued is not None:
        document["dct:issued"] = _date(issued)
    return document
