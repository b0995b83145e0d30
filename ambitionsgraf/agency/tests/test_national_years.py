"""A round counts in the year it closed in Swedish time, also in the hour around New Year,
when the stored moment (UTC) is still in the old year or the local one already in the new."""

import datetime as dt

import pytest

from ambitionsgraf.agency import national_data
from ambitionsgraf.agency.tests.national_builders import counted_round
from ambitionsgraf.conftest import make_organisation

UTC = dt.UTC


@pytest.mark.parametrize(
    "closed_at, year",
    [
        (dt.datetime(2025, 12, 31, 22, 59, 59, tzinfo=UTC), 2025),  # 23:59:59 in Sweden
        (dt.datetime(2025, 12, 31, 23, 0, 0, tzinfo=UTC), 2026),  # midnight in Sweden
        (dt.datetime(2026, 1, 1, 0, 30, tzinfo=UTC), 2026),
        (dt.datetime(2026, 7, 1, 12, 0, tzinfo=UTC), 2026),  # summer time
        (dt.datetime(2026, 12, 31, 22, 30, tzinfo=UTC), 2026),
        (dt.datetime(2026, 12, 31, 23, 30, tzinfo=UTC), 2027),
    ],
)
def test_a_round_counts_in_the_swedish_year_it_closed(model_version, closed_at, year):
    round_ = counted_round(
        make_organisation("Årsskiftets kommun", national_statistics=True),
        model_version,
        closed_at=closed_at,
    )

    [row] = [r for r in national_data.round_rows() if r.id == round_.pk]

    assert row.year == year
    assert row.closed == closed_at
