"""One rounding rule for levels everywhere: the page, the report and the exports."""

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache


# Pages over many rounds round tens of thousands of levels, most of them the same few hundred
# values (means of levels 1-5); a Decimal is immutable, so the answers can be shared.
@lru_cache(maxsize=1 << 16)
def round_level(value: float) -> Decimal:
    """A level to one decimal, halves rounded up as people expect (2.25 -> 2.3), not to even.

    The float goes through its shortest repr, so 2.35 is taken as written, not as the binary
    2.34999...
    """
    return Decimal(repr(float(value))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
