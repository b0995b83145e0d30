"""The national picture reads the ambitions and perspectives only of the rounds its area figures
use (``national_data.picture_selection``); its figures are the same as when every round's are
read (``selection``), for every year, with and without filters."""

from decimal import Decimal

import pytest

from ambitionsgraf.agency import national, national_data
from ambitionsgraf.agency.tests.national_builders import closed_on
from ambitionsgraf.conftest import finished_respondents, make_organisation, make_round
from ambitionsgraf.rounds.models import Ambition, Round

pytestmark = pytest.mark.django_db


def closed_round(organisation, version, year, *, leadership, procurement, ambition=None, month=6):
    """A round closed in `year` where leadership and the procurement function answered
    differently (three each, so both are shown on their own); None: nobody answered."""
    round_ = make_round(organisation, version, name=f"Skattning {year}-{month}")
    if leadership is not None:
        finished_respondents(round_, "leadership", 3, level=leadership)
        finished_respondents(round_, "procurement", 3, level=procurement)
    if ambition is not None:
        Ambition.objects.bulk_create(
            Ambition(round=round_, area=area, target=Decimal(ambition))
            for area in version.areas.all()
        )
    round_.close()
    Round.objects.filter(pk=round_.pk).update(closed_at=closed_on(year, month))
    return round_


@pytest.fixture
def country(model_version):
    """Seven organisations over three years: two rounds in one year, a last round without
    results (so that organisation has no unit that year), one without ambitions, two types."""
    for n in range(7):
        kind = "municipality" if n < 5 else "region"
        organisation = make_organisation(f"Kommun {n}", national_statistics=True, type=kind)
        for year in (2024, 2025, 2026):
            low = 1 + (n + year) % 4
            ambition = None if n == 6 else ("4.5" if (n + year) % 2 else "3.5")
            closed_round(
                organisation, model_version, year, leadership=low + 1, procurement=low,
                ambition=ambition,
            )  # fmt: skip
        if n == 0:  # a second, later round in 2026: the one that year counts
            closed_round(organisation, model_version, 2026, leadership=5, procurement=1,
                         ambition="3", month=11)  # fmt: skip
        if n == 1:  # the year's last round has no results: no unit in 2026
            closed_round(organisation, model_version, 2026, leadership=None, procurement=None,
                         month=12)  # fmt: skip


@pytest.mark.parametrize("year", [None, 2024, 2025, 2026, 2023])
@pytest.mark.parametrize("kind", ["", "municipality"])
def test_the_picture_is_the_same_when_only_the_chosen_rounds_carry_details(country, year, kind):
    rows = national_data.round_rows()

    everything, areas = national_data.selection(rows, type=kind)
    lean, lean_areas = national_data.picture_selection(rows, type=kind, year=year)

    expected = national.picture(everything, areas.keys, year=year)
    assert national.picture(lean, lean_areas.keys, year=year) == expected
    assert lean_areas == areas
    if not kind and year != 2023:  # figures to compare, not only hidden ones
        assert expected.areas[0].mean_ambition.value is not None
        assert expected.areas[0].perspective_difference.value is not None


def test_only_the_chosen_rounds_carry_ambitions_and_perspectives(country):
    lean, _areas = national_data.picture_selection(national_data.round_rows())

    shown = {u.round for u in national.chosen(lean)}
    assert len(shown) == 7 and len(lean) == 20
    for unit in lean:
        assert bool(unit.leadership) == (unit.round in shown)
        assert all(unit.levels.values())
