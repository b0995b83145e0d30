"""Swedish organisation numbers (organisationsnummer): NNNNNN-NNNN with a Luhn check digit."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# An optional "16" century prefix is sometimes written before organisation numbers.
_SHAPE = re.compile(r"^\s*(?:16)?(\d{6})-?(\d{4})\s*$")


def luhn_check_digit(digits: str) -> int:
    """The Luhn (mod 10) check digit over `digits`, doubling from the first digit."""
    total = 0
    for position, char in enumerate(digits):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return (10 - total % 10) % 10


def normalise(raw: str) -> str:
    """Return the number as NNNNNN-NNNN or raise ValidationError saying what is wrong."""
    match = _SHAPE.match(raw or "")
    if not match:
        raise ValidationError(
            _("Write the organisation number as ten digits, for example 212000-0142."),
            code="shape",
        )
    digits = match.group(1) + match.group(2)
    if int(digits[2]) < 2:
        raise ValidationError(
            _("This looks like a personal identity number. Use the organisation's number."),
            code="personal",
        )
    if luhn_check_digit(digits[:9]) != int(digits[9]):
        raise ValidationError(
            _(
                "The organisation number is not valid: the last digit does not match. "
                "Check for typos."
            ),
            code="check_digit",
        )
    return f"{digits[:6]}-{digits[6:]}"
