"""The national picture's figures and the hiding of small groups, without a database."""

import itertools
import random

import pytest

from ambitionsgraf.agency import national
from ambitionsgraf.agency.national import MIN_ORGANISATIONS, Unit, band, picture
from ambitionsgraf.agency.national_suppression import protect_line, protect_table

AREAS = ("goals", "facts")


def unit(organisation, level=3.0, year=2025, round_=None, ambition=None, lead=None, proc=None):
    return Unit(
        organisation=organisation,
        round=round_ or organisation,
        year=year,
        type="municipality",
        county="uppsala",
        employees_band="500-1999",
        levels={"goals": level, "facts": level},
        ambitions={"goals": ambition, "facts": ambition},
        leadership={"goals": lead},
        procurement={"goals": proc},
    )


@pytest.mark.parametrize(
    "level, expected",
    [
        (1.0, 1),
        (1.44, 1),
        (2.45, 3),
        (2.44, 2),
        (2.5, 3),
        (2.6, 3),
        (3.44, 3),
        (3.49, 4),
        (4.95, 5),
        (5, 5),
    ],
)
def test_a_level_counts_in_the_band_its_shown_level_rounds_to(level, expected):
    assert band(level) == expected


def test_the_threshold_is_five_organisations():
    assert MIN_ORGANISATIONS == 5


def test_four_organisations_show_nothing():
    result = picture([unit(n, 3.0, ambition=4) for n in range(4)], AREAS)
    figures = [result.organisations]
    for area in result.areas:
        figures += [area.organisations, area.mean_level, area.mean_ambition, *area.bands]
    assert all(f.hidden and f.value is None for f in figures)


def test_five_organisations_show_their_means():
    result = picture([unit(n, level, ambition=4) for n, level in enumerate([2, 2, 3, 3, 5])], AREAS)
    goals = result.areas[0]
    assert result.organisations.value == 5
    assert goals.mean_level.value == 3.0
    assert goals.mean_ambition.value == 4
    assert goals.ambition_minus_level.value == 1.0


def test_a_distribution_hides_small_levels_and_one_more_when_a_total_would_give_it_away():
    levels = [1.2] * 6 + [2.0] * 7 + [3.0] * 2 + [4.0] * 5
    goals = picture([unit(n, level) for n, level in enumerate(levels)], AREAS).areas[0]
    assert goals.organisations.value == 20
    shown = [None if f.hidden else f.value for f in goals.bands]
    # 2 at level 3 and 0 at level 5 are hidden; together they make 2, so the smallest shown
    # (5 at level 4) is hidden too: the hidden cells then hold 7 organisations.
    assert shown == [6, 7, None, None, None]


def test_the_latest_round_of_each_organisation_counts_without_a_year():
    units = [unit(n, 2.0, year=2024) for n in range(5)]
    units += [unit(n, 4.0, year=2025, round_=100 + n) for n in range(5)]
    result = picture(units, AREAS)
    assert result.areas[0].mean_level.value == 4.0
    assert result.rounds.value == 10
    assert picture(units, AREAS, year=2024).areas[0].mean_level.value == 2.0
    assert [c.means["goals"].value for c in result.trend] == [2.0, 4.0]


def test_a_year_with_four_organisations_is_hidden_in_the_trend():
    units = [unit(n, 2.0, year=2024) for n in range(4)]
    units += [unit(n, 4.0, year=2025, round_=100 + n) for n in range(6)]
    trend = picture(units, AREAS).trend
    assert trend[0].organisations.hidden and trend[0].means["goals"].hidden
    assert trend[1].means["goals"].value == 4.0


def test_rounds_of_four_organisations_are_hidden_however_many():
    units = [unit(n, year=y, round_=n * 10 + y) for n in range(4) for y in (2023, 2024, 2025)]
    assert picture(units, AREAS).rounds.hidden


def test_leadership_against_procurement_counts_gaps_of_one_level_or_more():
    pairs = [(4.0, 3.0), (3.6, 2.6), (3.5, 2.6), (3.0, 3.0), (2.0, 3.5)] * 3
    units = [unit(n, lead=lead, proc=proc) for n, (lead, proc) in enumerate(pairs)]
    goals = picture(units, AREAS).areas[0]
    assert goals.both_perspectives.value == 15
    assert goals.perspective_difference.value == pytest.approx((1 + 1 + 0.9 + 0 - 1.5) / 5)
    assert goals.gap_share.value == pytest.approx(0.6)  # 4.6 - 3.6 is one level too
    assert picture(units, AREAS).areas[1].both_perspectives.hidden


def test_a_gap_share_that_would_tell_about_fewer_than_five_is_hidden():
    pairs = [(4.0, 3.0)] * 3 + [(3.0, 3.0)] * 7
    units = [unit(n, lead=lead, proc=proc) for n, (lead, proc) in enumerate(pairs)]
    goals = picture(units, AREAS).areas[0]
    assert goals.gap_share.hidden
    assert not goals.perspective_difference.hidden


# ---------------------------------------------------------------- the hiding rules


def test_a_line_hides_small_parts_zero_included():
    assert protect_line([10, 6, 12]) == ((False, False, False), False)
    assert protect_line([10, 3, 12]) == ((True, True, False), False)  # 3 and the next smallest
    assert protect_line([0, 12, 8, 0, 0]) == ((True, False, True, True, True), False)
    assert protect_line([2, 1, 1]) == ((True, True, True), True)


def test_parts_hidden_for_another_reason_count_as_hidden():
    assert protect_line([10, 6, 12], already=[1]) == ((True, True, False), False)


def lines_hold(values, hidden, lines):
    for parts, total in lines:
        hidden_parts = [p for p in parts if p in hidden]
        count = len(hidden_parts) + (total in hidden)
        if count == 1:
            return False
        if count and total not in hidden and sum(values[p] for p in hidden_parts) < 5:
            return False
    return True


@pytest.mark.parametrize("seed", range(40))
def test_in_any_table_no_hidden_figure_stands_alone_in_a_line(seed):
    rng = random.Random(seed)
    rows = [[rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 14]) for _ in range(5)] for _ in range(5)]
    result = protect_table(rows)
    cells = {(r, c): v for r, row in enumerate(rows) for c, v in enumerate(row)}
    values = dict(cells)
    hidden = {k for k in cells if result.cells[k[0]][k[1]]}
    for r, row in enumerate(rows):
        values[("row", r)] = sum(row)
        if result.row_totals[r]:
            hidden.add(("row", r))
            assert all(result.cells[r]), "a hidden group shows nothing"
    for c in range(5):
        values[("column", c)] = sum(row[c] for row in rows)
        if result.column_totals[c]:
            hidden.add(("column", c))
    values["all"] = sum(map(sum, rows))
    if result.grand_total:
        hidden.add("all")
    assert all(values[k] >= 5 for k in values if k not in hidden)
    lines = [([(r, c) for c in range(5)], ("row", r)) for r in range(5)]
    lines += [([(r, c) for r in range(5)], ("column", c)) for c in range(5)]
    lines.append(([("row", r) for r in range(5)], "all"))
    lines.append(([("column", c) for c in range(5)], "all"))
    assert lines_hold(values, hidden, lines)


def test_a_type_cannot_be_worked_out_from_all_types():
    # municipalities 5, a region 1: the region is hidden, and so are the municipalities,
    # or the region would be all types minus them.
    result = protect_table([[0, 2, 3, 0, 0], [0, 1, 0, 0, 0], [0] * 5])
    assert result.row_totals == (True, True, True)
    assert not result.grand_total


def test_small_tables_show_nothing():
    result = protect_table([[1, 1, 0], [0, 2, 0]])
    assert result.grand_total
    assert all(itertools.chain(*result.cells, result.row_totals, result.column_totals))


def test_picture_exports_the_threshold():
    assert national.MIN_ORGANISATIONS == MIN_ORGANISATIONS
