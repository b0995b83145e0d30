"""Rounds over time: the trend per area across closed rounds, and what changed between the
two latest. Pure functions over frozen dataclasses; no database.

The rules:

1. Rounds are compared area by area through the area's stable key, never its id, so rounds on
   different model versions line up.
2. An area is comparable between two neighbouring rounds only if both rounds' model versions
   have it and it has the same set of question keys in both. Otherwise the later round's cell
   carries a note (the questions changed, the area is new, or the area is gone) and the chart
   draws no line between the two points.
3. Between the two latest closed rounds, an area's level rose (fell) if the computed level went
   up (down) by at least ``CHANGE_THRESHOLD``; otherwise it stayed. Levels that are not
   comparable, or missing in either round, have no direction. The computed levels are compared
   (the same method every round); agreed levels are shown beside them, not compared.
4. A gap closed when the earlier round's level was below that round's ambition and the later
   round's level reached it (comparable areas only).
5. "Done, but no change yet": an action is flagged when it is done, was done after the earlier
   round closed and no later than the later round closed, and its area's level did not rise
   (it stayed or fell). With fewer than two closed rounds, or when the area has no direction,
   nothing is flagged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

CHANGE_THRESHOLD = 0.25
RISE, FALL, STAY = "rise", "fall", "stay"
CHANGED, ADDED, REMOVED = "changed", "added", "removed"  # notes on a cell
DONE = "done"
# Differences of floats: 2.85 - 2.6 == 0.25000000000000044 or 0.2499999... by luck.
_TOLERANCE = 1e-9


@dataclass(frozen=True)
class AreaSnapshot:
    """One area of one closed round."""

    key: str
    title: str
    question_keys: frozenset[str]
    level: float | None  # the computed organisation level
    agreed: float | None = None  # the level a workshop agreed on
    ambition: float | None = None


@dataclass(frozen=True)
class RoundSnapshot:
    """One closed round: its areas in model order and its finished respondents per perspective."""

    code: str
    name: str
    closed_at: dt.datetime | None
    closed_on: dt.date | None
    model_version: int
    areas: tuple[AreaSnapshot, ...]
    respondents: Mapping[str, int] = field(default_factory=dict)

    def area(self, key: str) -> AreaSnapshot | None:
        return next((a for a in self.areas if a.key == key), None)

    @property
    def total_respondents(self) -> int:
        return sum(self.respondents.values())


@dataclass(frozen=True)
class TrendCell:
    """An area in one round. ``note`` says why it cannot be compared with the round before."""

    level: float | None
    agreed: float | None
    ambition: float | None
    present: bool  # the round's model version has the area
    note: str | None  # CHANGED, ADDED, REMOVED or None
    model_version: int


@dataclass(frozen=True)
class AreaTrend:
    key: str
    title: str
    cells: tuple[TrendCell, ...]  # one per round, oldest first

    @property
    def levels(self) -> tuple[float | None, ...]:
        return tuple(c.level for c in self.cells)

    @property
    def breaks(self) -> frozenset[int]:
        """Indices i where no line may join round i - 1 to round i."""
        return frozenset(i for i, c in enumerate(self.cells) if i and c.note)


def comparable(before: AreaSnapshot | None, after: AreaSnapshot | None) -> bool:
    """Rule 2: both present with the same questions."""
    return before is not None and after is not None and before.question_keys == after.question_keys


def _note(before: AreaSnapshot | None, after: AreaSnapshot | None) -> str | None:
    if before is None and after is None:
        return None
    if before is None:
        return ADDED
    if after is None:
        return REMOVED
    return None if comparable(before, after) else CHANGED


def area_keys(rounds: Sequence[RoundSnapshot]) -> list[str]:
    """Every area key, in the newest round's model order, then areas only older rounds had."""
    keys: list[str] = []
    for snapshot in reversed(rounds):
        keys += [a.key for a in snapshot.areas if a.key not in keys]
    return keys


def area_trends(rounds: Sequence[RoundSnapshot]) -> tuple[AreaTrend, ...]:
    """The trend of every area over ``rounds`` (closed rounds, oldest first)."""
    trends = []
    for key in area_keys(rounds):
        cells = []
        previous = None
        for index, snapshot in enumerate(rounds):
            area = snapshot.area(key)
            cells.append(
                TrendCell(
                    level=area.level if area else None,
                    agreed=area.agreed if area else None,
                    ambition=area.ambition if area else None,
                    present=area is not None,
                    note=_note(previous, area) if index else None,
                    model_version=snapshot.model_version,
                )
            )
            previous = area
        newest = next(s.area(key) for s in reversed(rounds) if s.area(key))
        trends.append(AreaTrend(key=key, title=newest.title, cells=tuple(cells)))
    return tuple(trends)


def direction(
    before: float | None, after: float | None, threshold: float = CHANGE_THRESHOLD
) -> str | None:
    """Rule 3: RISE, FALL or STAY; None when either level is missing."""
    if before is None or after is None:
        return None
    difference = after - before
    if difference >= threshold - _TOLERANCE:
        return RISE
    if difference <= -threshold + _TOLERANCE:
        return FALL
    return STAY


@dataclass(frozen=True)
class AreaChange:
    """An area between the two latest closed rounds."""

    key: str
    title: str
    before: float | None
    after: float | None
    ambition_before: float | None
    comparable: bool
    direction: str | None  # None when not comparable or a level is missing

    @property
    def difference(self) -> float | None:
        if not self.comparable or self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def gap_closed(self) -> bool:
        """Rule 4."""
        if self.direction is None or self.ambition_before is None:
            return False
        target = self.ambition_before - _TOLERANCE
        return self.before < target and self.after >= target


@dataclass(frozen=True)
class Comparison:
    earlier: RoundSnapshot
    later: RoundSnapshot
    areas: tuple[AreaChange, ...]
    threshold: float = CHANGE_THRESHOLD

    def direction_by_area(self) -> dict[str, str | None]:
        return {a.key: a.direction for a in self.areas}

    @property
    def closed_gaps(self) -> tuple[AreaChange, ...]:
        return tuple(a for a in self.areas if a.gap_closed)


def compare(
    earlier: RoundSnapshot, later: RoundSnapshot, threshold: float = CHANGE_THRESHOLD
) -> Comparison:
    changes = []
    for key in area_keys([earlier, later]):
        before, after = earlier.area(key), later.area(key)
        same = comparable(before, after)
        changes.append(
            AreaChange(
                key=key,
                title=(after or before).title,
                before=before.level if before else None,
                after=after.level if after else None,
                ambition_before=before.ambition if before else None,
                comparable=same,
                direction=direction(before.level, after.level, threshold) if same else None,
            )
        )
    return Comparison(earlier=earlier, later=later, areas=tuple(changes), threshold=threshold)


def compare_latest(rounds: Sequence[RoundSnapshot]) -> Comparison | None:
    """The two latest of ``rounds`` (oldest first) compared; None with fewer than two."""
    if len(rounds) < 2:
        return None
    return compare(rounds[-2], rounds[-1])


class ActionLike(Protocol):
    """What rule 5 reads of an action: ``plans.models.Action`` fits, so does ``ActionFact``."""

    id: int
    area_key: str
    status: str
    done_at: dt.datetime | None


@dataclass(frozen=True)
class ActionFact:
    id: int
    area_key: str
    status: str
    done_at: dt.datetime | None = None


def done_without_change(actions: Iterable[ActionLike], comparison: Comparison | None) -> set[int]:
    """Rule 5: the ids of the actions to flag "done, but no change yet"."""
    if comparison is None:
        return set()
    directions = comparison.direction_by_area()
    since, until = comparison.earlier.closed_at, comparison.later.closed_at
    flagged = set()
    for action in actions:
        if action.status != DONE or action.done_at is None:
            continue
        if until is not None and action.done_at > until:
            continue
        if since is not None and action.done_at <= since:
            continue
        if directions.get(action.area_key) in (STAY, FALL):
            flagged.add(action.id)
    return flagged
