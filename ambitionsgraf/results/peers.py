"""Where an organisation stands among similar organisations, area by area. Pure functions over
plain values; no database (``peers_data`` reads the rounds).

The rules:

1. Peer group: the *other* organisations of the same type and the same employees band that have
   agreed to be counted in national statistics and have a closed round on the same model (the
   model version's key) as the round shown. The organisation itself is never its own peer.
2. Each peer counts once, with its latest such round: the one that closed last (ties: the
   round created last), as in the national picture.
3. A peer counts in an area when its round has a level there (the level its own results page
   shows, by ``results.scoring``) and the area is comparable between its round's model version
   and the round shown (``maturity.comparability``: the area is in both versions and its
   questions kept their meaning). An area missing from the peer's version does not count.
4. An area is compared only when at least ``MIN_PEERS`` peers count in it. Below that nothing
   about the peers is shown for the area: no median, no rank, not even how many they are.
5. Levels are compared as the pages show them: rounded to one decimal
   (``lib.numbers.round_level``), so 3.04 and 2.96 are both "the same as 3.0".
6. Percentile rank = (peers with a lower level + half of the peers with the same level)
   / peers x 100, rounded to a whole number, halves up. 0: lower than every peer; 100: higher
   than every peer; 50: in the middle.
7. The peer median is the median of the peers' unrounded levels, shown rounded to one decimal
   like every level.
8. The organisation's own figure is its round's organisation level in the area (the
   "Whole organisation" column; not a workshop's agreed level). Without one in an area, the
   area shows the peer median but no rank.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Protocol

from ambitionsgraf.agency.national_suppression import MIN_ORGANISATIONS
from ambitionsgraf.lib.numbers import round_level

from . import scoring

MIN_PEERS = MIN_ORGANISATIONS  # rule 4: the same threshold as every national figure


class RoundLike(Protocol):
    """What the rules need of a round (``agency.national_data.RoundRow`` has it)."""

    id: int
    organisation: int
    closed: dt.datetime
    model_version: int
    type: str
    employees_band: str


def peer_rounds(
    rows: Iterable[RoundLike], *, organisation: int, type: str, size: str, versions: set[int]
) -> list[RoundLike]:
    """Rules 1 and 2: per peer organisation its latest round on one of ``versions`` (the model
    versions of the same model), leaving out ``organisation`` itself; by organisation."""
    latest: dict[int, RoundLike] = {}
    for row in rows:
        if (
            row.organisation == organisation
            or row.type != type
            or row.employees_band != size
            or row.model_version not in versions
        ):
            continue
        kept = latest.get(row.organisation)
        if kept is None or (row.closed, row.id) > (kept.closed, kept.id):
            latest[row.organisation] = row
    return [latest[key] for key in sorted(latest)]


@dataclass(frozen=True)
class Peer:
    """A peer's latest round: its model version and its level per area key."""

    model_version: int
    levels: Mapping[str, float | None]


@dataclass(frozen=True)
class Standing:
    """One area. When ``shown`` is False every figure about the peers is None."""

    key: str
    level: float | None  # the organisation's own
    shown: bool
    peers: int | None = None  # peers counted in the area
    median: float | None = None
    below: int | None = None  # peers with a lower level (rounded as shown)
    equal: int | None = None
    above: int | None = None
    percentile: int | None = None  # None also when the organisation has no level here

    @property
    def ranked(self) -> bool:
        return self.shown and self.percentile is not None


def percentile_rank(below: int, equal: int, total: int) -> int:
    """Rule 6, exact: (below + equal / 2) / total x 100, halves rounded up."""
    if total <= 0 or below < 0 or equal < 0 or below + equal > total:
        raise ValueError(f"Impossible counts: {below} below, {equal} equal of {total}")
    share = Fraction(200 * below + 100 * equal, 2 * total)
    return math.floor(share + Fraction(1, 2))


def standing(key: str, level: float | None, peer_levels: Sequence[float]) -> Standing:
    """Rules 4 to 8 for one area; ``peer_levels`` are the levels of the peers counted in it."""
    if len(peer_levels) < MIN_PEERS:
        return Standing(key=key, level=level, shown=False)
    median = scoring.median(peer_levels)
    if level is None:
        return Standing(key=key, level=None, shown=True, peers=len(peer_levels), median=median)
    own = round_level(level)
    shown_levels = [round_level(value) for value in peer_levels]
    below = sum(1 for value in shown_levels if value < own)
    equal = sum(1 for value in shown_levels if value == own)
    return Standing(
        key=key,
        level=level,
        shown=True,
        peers=len(peer_levels),
        median=median,
        below=below,
        equal=equal,
        above=len(peer_levels) - below - equal,
        percentile=percentile_rank(below, equal, len(peer_levels)),
    )


def standings(
    levels: Mapping[str, float | None],
    peers: Sequence[Peer],
    comparable: Callable[[int, str], bool],
) -> list[Standing]:
    """Per area of the round shown (``levels``, in its order) where it stands among ``peers``.
    ``comparable(model_version, area_key)`` says whether a peer's version can be compared with
    the round's in that area (rule 3)."""
    made = []
    for key, level in levels.items():
        counted = [
            peer.levels[key]
            for peer in peers
            if peer.levels.get(key) is not None and comparable(peer.model_version, key)
        ]
        made.append(standing(key, level, counted))
    return made
