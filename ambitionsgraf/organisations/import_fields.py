"""Reading an export file's objects field by field, with the place of any problem.

`Record(data, "rounds[2]").moment("closed_at")` gives the value or raises ImportRefused saying
`rounds[2].closed_at: ...`, so the operator knows where the file is wrong.
"""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.dateparse import parse_date, parse_datetime

MISSING = object()
CODE = re.compile(r"^[A-Za-z0-9_-]{1,16}$")


class ImportRefused(Exception):
    """The file was not imported, and nothing was written; the message says why."""


class Record:
    def __init__(self, data, place: str):
        if not isinstance(data, dict):
            raise ImportRefused(f"{place}: expected an object ({{...}}).")
        self.data = data
        self.place = place

    def fail(self, key: str, problem: str):
        raise ImportRefused(f"{self.place}.{key}: {problem}")

    def raw(self, key: str, default=MISSING):
        if key not in self.data:
            if default is not MISSING:
                return default
            self.fail(key, "missing.")
        return self.data[key]

    def record(self, key: str) -> "Record":
        return Record(self.raw(key), f"{self.place}.{key}")

    def records(self, key: str) -> list["Record"]:
        items = self.raw(key)
        if not isinstance(items, list):
            self.fail(key, "expected a list ([...]).")
        return [Record(item, f"{self.place}.{key}[{i}]") for i, item in enumerate(items)]

    def text(self, key: str, *, max_length: int, blank: bool = True, null: bool = False):
        value = self.raw(key)
        if value is None and null:
            return None
        if not isinstance(value, str):
            self.fail(key, "expected text.")
        if not blank and not value.strip():
            self.fail(key, "must not be empty.")
        if len(value) > max_length:
            self.fail(key, f"longer than {max_length} characters.")
        return value

    def email(self, key: str, *, null: bool = False):
        value = self.text(key, max_length=254, blank=False, null=null)
        if value is None:
            return None
        try:
            validate_email(value)
        except ValidationError:
            self.fail(key, f"{value!r} is not an e-mail address.")
        return value.lower()

    def choice(self, key: str, choices, *, blank: bool = False, default=MISSING) -> str:
        """One of `choices`; `default` when the key is absent (a field added to the format
        later, which older files lack)."""
        value = self.raw(key, default)
        allowed = set(choices) | ({""} if blank else set())
        if value not in allowed:
            self.fail(key, f"{value!r} is not one of {', '.join(sorted(map(repr, allowed)))}.")
        return value

    def flag(self, key: str) -> bool:
        value = self.raw(key)
        if not isinstance(value, bool):
            self.fail(key, "expected true or false.")
        return value

    def number(self, key: str, *, low: int, high: int, null: bool = False):
        value = self.raw(key)
        if value is None and null:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(key, f"expected a whole number from {low} to {high}.")
        return value

    def level(self, key: str) -> Decimal:
        """A level or target from 1 to 5 with at most one decimal, such as 3.5."""
        value = self.raw(key)
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            number = None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or number is None
            or not Decimal(1) <= number <= Decimal(5)
            or number != number.quantize(Decimal("0.1"))
        ):
            self.fail(key, "expected a number from 1 to 5 with at most one decimal.")
        return number.quantize(Decimal("0.1"))

    def moment(self, key: str, *, null: bool = True) -> dt.datetime | None:
        value = self.raw(key)
        if value is None and null:
            return None
        try:
            parsed = parse_datetime(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is None:
            self.fail(key, "expected a time such as 2026-11-27T09:30:00+00:00.")
        return parsed

    def day(self, key: str, *, null: bool = True) -> dt.date | None:
        value = self.raw(key)
        if value is None and null:
            return None
        try:
            parsed = parse_date(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None:
            self.fail(key, "expected a date such as 2026-11-27.")
        return parsed

    def mapping(self, key: str) -> dict:
        value = self.raw(key)
        if not isinstance(value, dict):
            self.fail(key, "expected an object ({...}).")
        return value


def code(rec: Record, key: str = "code") -> str:
    value = rec.text(key, max_length=16, blank=False)
    if not CODE.match(value):
        rec.fail(key, "a code is 1 to 16 letters, digits, '-' or '_'.")
    return value


def unique_codes(records: list[Record], model, what: str) -> list[str]:
    codes = [code(rec) for rec in records]
    if len(set(codes)) != len(codes):
        raise ImportRefused(f"The file has two {what}s with the same code.")
    taken = sorted(model.objects.filter(code__in=codes).values_list("code", flat=True))
    if taken:
        raise ImportRefused(
            f"A {what} with the code {taken[0]} already exists in this installation: "
            "the file may have been imported here before."
        )
    return codes
