from decimal import Decimal

import pytest

from ambitionsgraf.lib.numbers import round_level


@pytest.mark.parametrize(
    "value, expected",
    [(2.25, "2.3"), (2.35, "2.4"), (2.249, "2.2"), (3, "3.0"), (-0.05, "-0.1"), (4.95, "5.0")],
)
def test_levels_round_halves_up_as_people_expect(value, expected):
    assert round_level(value) == Decimal(expected)
