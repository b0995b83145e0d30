"""One rounding rule for levels everywhere: the page, the report and the exports."""

from decimal import ROUND_HALF_UP, Decimal


def round_level(value: float) -> Decimal:
    """A level to one decimal, halves rounded up as people expect (2.25 -> 2.3), not to even.

    The float goes through its shortest repr, so 2.35 is taken as written, not as the binary
    2.34999...
    """
    return Decimal(repr(float(value))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
