"""The stored quick checks summarised per area, for the agency's national picture.

Pure: plain mappings in, dataclasses out. Quick checks are counted apart from full
assessments: one person, one question per area, so they are never mixed with round results.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean

LEVELS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class AreaSummary:
    key: str
    count: int  # quick checks that answered the area: a level or "don't know"
    dont_know: int
    levels: tuple[int, ...]  # how many chose level 1, 2, 3, 4, 5
    mean_level: float | None  # over those who chose a level
    mean_ambition: float | None


def _level(value) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if value in LEVELS else None


def _ambition(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if 1 <= value <= 5 else None


def summarise(
    checks: Iterable[tuple[Mapping, Mapping]], area_keys: Sequence[str] | None = None
) -> list[AreaSummary]:
    """One summary per area from (answers, ambitions) pairs as QuickCheck stores them.

    Areas come in the order of ``area_keys`` (each listed even without answers), or else in
    the order first seen. Values outside the scale are left out rather than trusted.
    """
    answered: dict[str, list[int | None]] = {key: [] for key in area_keys or ()}
    targets: dict[str, list[float]] = {key: [] for key in area_keys or ()}
    for answers, ambitions in checks:
        for key, value in answers.items():
            if area_keys is not None and key not in answered:
                continue
            level = _level(value)
            if level is not None or value is None:
                answered.setdefault(key, []).append(level)
                targets.setdefault(key, [])
        for key, value in ambitions.items():
            target = _ambition(value)
            if target is not None and (area_keys is None or key in targets):
                targets.setdefault(key, []).append(target)
                answered.setdefault(key, [])
    summaries = []
    for key, values in answered.items():
        chosen = [v for v in values if v is not None]
        summaries.append(
            AreaSummary(
                key=key,
                count=len(values),
                dont_know=len(values) - len(chosen),
                levels=tuple(chosen.count(level) for level in LEVELS),
                mean_level=fmean(chosen) if chosen else None,
                mean_ambition=fmean(targets[key]) if targets[key] else None,
            )
        )
    return summaries
