"""Moving an organisation between installations: all of its data as one JSON file.

`export_data` writes the file, `import_data` reads it into an installation that has the same
model versions loaded. Every field is described in docs/export-format.md; change that page, and
FORMAT_VERSION when a reader of the old format would misread the new one.
"""

import datetime as dt
import json

from django.utils import timezone
from django.utils.text import slugify

FORMAT = "ambitionsgraf-organisation"
FORMAT_VERSION = 1
SUPPORTED_VERSIONS = frozenset({1})
CONTENT_TYPE = "application/json; charset=utf-8"


def moment(value: dt.datetime | None) -> str | None:
    """A point in time as ISO 8601 in UTC, to the microsecond, so a move loses nothing."""
    return value.astimezone(dt.UTC).isoformat() if value else None


def day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def dumps(data: dict) -> str:
    """The file's text: UTF-8 (å, ä and ö as they are), indented so that a person can read it."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def file_name(organisation, at: dt.datetime | None = None) -> str:
    """ambitionsgraf-alvstads-kommun-2026-11-27.json"""
    date = timezone.localdate(at or timezone.now())
    return f"ambitionsgraf-{slugify(organisation.name) or organisation.code}-{date:%Y-%m-%d}.json"
