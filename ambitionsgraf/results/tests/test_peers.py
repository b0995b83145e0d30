"""The peer comparison's rules as pure functions: who is a peer, the percentile rank, the median,
the threshold of five, and the chart. No database."""

import datetime as dt
import itertools
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pytest

from ambitionsgraf.results.peers import (
    MIN_PEERS,
    Peer,
    peer_rounds,
    percentile_rank,
    standing,
    standings,
)
from ambitionsgraf.results.peers_chart import Row, peers_svg

DAY = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class R:
    id: int
    organisation: int
    closed: dt.datetime = DAY
    model_version: int = 1
    type: str = "municipality"
    employees_band: str = "500-1999"


def pick(rows, organisation=1, versions=frozenset({1})):
    return peer_rounds(
        rows, organisation=organisation, type="municipality", size="500-1999", versions=versions
    )


def always(_version, _key):
    return True


# ------------------------------------------------------------------ the peer group


def test_the_organisation_itself_is_never_a_peer():
    assert [r.id for r in pick([R(1, organisation=1), R(2, organisation=2)])] == [2]


def test_other_types_sizes_and_models_are_not_peers():
    rows = [
        R(1, 2, type="region"),
        R(2, 3, employees_band="lt500"),
        R(3, 4, model_version=9),
        R(4, 5),
    ]
    assert [r.organisation for r in pick(rows)] == [5]


def test_each_peer_counts_once_with_its_latest_round():
    rows = [
        R(1, 2, closed=DAY),
        R(2, 2, closed=DAY + dt.timedelta(days=300)),
        R(3, 2, closed=DAY - dt.timedelta(days=300)),
        R(4, 3, closed=DAY),
        R(5, 3, closed=DAY),  # the same moment: the later round wins
    ]
    assert [r.id for r in pick(rows)] == [2, 5]


def test_rounds_on_any_version_of_the_same_model_count():
    rows = [R(1, 2, model_version=1), R(2, 3, model_version=2), R(3, 4, model_version=3)]
    assert [r.id for r in pick(rows, versions={1, 2})] == [1, 2]


# ------------------------------------------------------------------ percentile rank


@pytest.mark.parametrize(
    ("below", "equal", "total", "rank"),
    [
        (0, 0, 5, 0),  # lower than all
        (5, 0, 5, 100),  # higher than all
        (2, 1, 5, 50),  # (2 + 0.5) / 5 = 50 %
        (2, 1, 6, 42),  # 2.5 / 6 = 41.67 %
        (0, 1, 8, 6),  # 0.5 / 8 = 6.25 %
        (1, 0, 8, 13),  # 1 / 8 = 12.5 %: halves up, not to even
        (3, 0, 8, 38),  # 37.5 % -> 38
        (0, 5, 5, 50),  # all the same
        (7, 0, 12, 58),  # 58.33 %
    ],
)
def test_percentile_rank_is_share_below_plus_half_the_equal(below, equal, total, rank):
    assert percentile_rank(below, equal, total) == rank


@pytest.mark.parametrize(("below", "equal", "total"), [(0, 0, 0), (3, 3, 5), (-1, 0, 5)])
def test_impossible_counts_are_refused(below, equal, total):
    with pytest.raises(ValueError):
        percentile_rank(below, equal, total)


# ------------------------------------------------------------------ one area


def test_fewer_than_five_peers_shows_nothing_at_all():
    result = standing("goals", 3.0, [1.0, 2.0, 3.0, 4.0])

    assert MIN_PEERS == 5
    assert not result.shown
    assert (result.peers, result.median, result.percentile) == (None, None, None)
    assert (result.below, result.equal, result.above) == (None, None, None)


def test_five_peers_are_enough():
    result = standing("goals", 3.0, [1.0, 2.0, 3.0, 4.0, 5.0])

    assert result.shown and result.ranked
    assert (result.peers, result.below, result.equal, result.above) == (5, 2, 1, 2)
    assert result.percentile == 50
    assert result.median == 3.0


def test_hand_computed_rank_and_median():
    # Peers 2, 2, 3, 4, 5, 5 and our 3: two below, one equal, three above.
    # Rank (2 + 0.5) / 6 x 100 = 41.67 -> 42; median (3 + 4) / 2 = 3.5.
    result = standing("goals", 3.0, [5.0, 2.0, 4.0, 3.0, 2.0, 5.0])

    assert (result.below, result.equal, result.above) == (2, 1, 3)
    assert result.percentile == 42
    assert result.median == 3.5


def test_levels_are_compared_as_shown_to_one_decimal():
    # 3.04 and 2.96 are both shown as 3.0, so they count as the same as our 3.0; 3.05 is 3.1.
    result = standing("goals", 3.0, [3.04, 2.96, 3.05, 2.94, 1.0])

    assert (result.below, result.equal, result.above) == (2, 2, 1)
    assert result.percentile == 60


def test_the_median_is_of_unrounded_levels():
    result = standing("goals", 2.0, [1.0, 2.24, 2.26, 3.0, 4.0, 5.0])

    assert result.median == pytest.approx(2.63)


def test_without_a_level_of_its_own_only_the_median_is_shown():
    result = standing("goals", None, [1.0, 2.0, 3.0, 4.0, 5.0])

    assert result.shown and not result.ranked
    assert result.median == 3.0 and result.peers == 5
    assert result.percentile is None


# ------------------------------------------------------------------ every area


def test_peers_without_a_level_in_an_area_do_not_count_there():
    peers = [Peer(1, {"goals": 3.0, "facts": 2.0}) for _ in range(5)]
    peers[0] = Peer(1, {"goals": 3.0, "facts": None})

    goals, facts = standings({"goals": 3.0, "facts": 2.0}, peers, always)

    assert goals.shown and goals.peers == 5
    assert not facts.shown


def test_an_area_missing_from_a_peers_version_does_not_count():
    # Version 2 has no area "facts": its peers count for goals only.
    peers = [Peer(1, {"goals": 3.0, "facts": 4.0}) for _ in range(4)]
    peers += [Peer(2, {"goals": 2.0}) for _ in range(3)]

    goals, facts = standings({"goals": 3.0, "facts": 4.0}, peers, always)

    assert goals.peers == 7 and goals.percentile == 71  # (3 below + 4 / 2 equal) / 7
    assert not facts.shown


def test_an_area_not_comparable_across_versions_does_not_count():
    peers = [Peer(1, {"goals": 3.0}) for _ in range(4)] + [Peer(2, {"goals": 3.0})]

    def comparable(version, key):
        return version == 1  # the questions of goals changed in version 2

    (goals,) = standings({"goals": 3.0}, peers, comparable)

    assert not goals.shown


def test_areas_keep_the_order_of_the_round_shown():
    peers = [Peer(1, {"a": 1.0, "b": 2.0, "c": 3.0}) for _ in range(5)]

    assert [s.key for s in standings({"c": 1.0, "a": 1.0, "b": 1.0}, peers, always)] == [
        "c",
        "a",
        "b",
    ]


# ------------------------------------------------------------------ the chart


def chart(rows):
    return peers_svg(
        rows,
        title="Your level & the median",
        description="Circle: you; bar: the median.",
        own_label="Your organisation",
        median_label="Median <of> peers",
    )


def test_the_chart_is_an_accessible_svg_with_title_and_description():
    svg = chart([Row("Mål", 3.2, 2.5), Row("Strategier", None, 4.0)])
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"

    assert root.get("role") == "img"
    title, desc = root.find(f"{ns}title"), root.find(f"{ns}desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text == "Your level & the median"
    assert "Median <of> peers" in "".join(root.itertext())  # escaped, then parsed back
    assert "style=" not in svg and "<script" not in svg
    tooltips = [t.text for t in root.iter(f"{ns}title")]
    assert "Mål: Your organisation 3.2" in tooltips
    assert "Strategier: Median <of> peers 4.0" in tooltips
    assert not any(t.startswith("Strategier: Your") for t in tooltips)


def test_no_rows_no_chart():
    assert chart([]) == ""


def test_a_long_area_title_is_shown_whole_and_never_runs_into_the_next_row():
    long = "Interplay between leadership, the procurement function and the operations"
    svg = chart([Row("Goals", 2.0, 3.0), Row(long, 1.6, 2.2), Row("Facts", 1.9, 2.4)])
    ns = "{http://www.w3.org/2000/svg}"
    labels = [
        [(float(t.get("y")), t.text) for t in text.iter(f"{ns}tspan")]
        for text in ET.fromstring(svg).iter(f"{ns}text")
        if text.find(f"{ns}tspan") is not None
    ]

    assert [" ".join(line for _y, line in label) for label in labels] == ["Goals", long, "Facts"]
    assert all(len(line) <= 26 for label in labels for _y, line in label)  # fits left of the plot
    for above, below in itertools.pairwise(labels):
        assert below[0][0] - above[-1][0] >= 19  # at least a line apart
