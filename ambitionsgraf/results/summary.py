"""A closed round's scored results as kept by ``summaries``: plain values, no database.

Stored in two parts: a little JSON (the areas' keys, the respondent counts, the perspectives
shown) and the levels packed as 64-bit floats (NaN for none), five per area (the
organisation's, leadership's, the procurement function's, the operations' and the pooled
level), series by series. Thousands are read per page, and unpacking floats is some ten times
quicker than parsing them from JSON; the values come back exactly as they were computed.
"""

from __future__ import annotations

import json
import math
from array import array
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from types import MappingProxyType

from . import scoring

PERSPECTIVES = scoring.PERSPECTIVES
# Series of levels per area: the organisation's, each perspective's, then the pooled.
SERIES = 2 + len(PERSPECTIVES)
# Kept levels remembered decoded per process (``decoded_levels``): about 1.2 kB each; the
# national picture, the peer groups and the open data of the whole country use 20,000 today.
DECODED = 1 << 15


def _packed(values) -> array:
    return array("d", (math.nan if v is None else v for v in values))


def series_of(perspective: str) -> int:
    """Where a perspective's series lies among the packed ones (the organisation's is 0)."""
    return 1 + PERSPECTIVES.index(perspective)


def leading_series(perspectives) -> int:
    """How many series, from the first, hold the organisation's levels and those of
    ``perspectives``: a read that needs no more can leave the rest in the database."""
    return 1 + max((series_of(p) for p in perspectives), default=0)


def _unpacked(packed) -> list[float | None]:
    return [None if v != v else v for v in array("d", bytes(packed)).tolist()]  # NaN: none


@dataclass(frozen=True)
class Summary:
    """A closed round's scored results, and its ambitions as they are now."""

    round: int
    levels: Mapping[str, float | None]  # area key -> the organisation's level, model order
    perspectives: Mapping[str, Mapping[str, float | None]]  # shown perspective -> area -> level
    pooled: Mapping[str, float | None]  # area key -> the pooled level (None: no pool counted)
    respondents: Mapping[str, int]  # per perspective, all three present
    shown_perspectives: tuple[str, ...]
    pooled_respondents: int
    excluded_respondents: int
    ambitions: Mapping[str, float | None] = field(default_factory=dict)  # never stored
    has_results: bool = field(default=False, compare=False)  # a level in some area (derived)

    def __post_init__(self):
        if not self.has_results and any(v is not None for v in self.levels.values()):
            object.__setattr__(self, "has_results", True)

    def perspective(self, name: str) -> dict[str, float | None]:
        """A perspective's level per area; all None when it was not shown on its own."""
        shown = self.perspectives.get(name, {})
        return {key: shown.get(key) for key in self.levels}

    @classmethod
    def of(cls, round_id: int, result: scoring.RoundResult) -> Summary:
        """From ``scoring.compute_round``'s result (the ambitions are those it was given)."""
        return cls(
            round=round_id,
            levels={a.key: a.organisation_score for a in result.areas},
            perspectives={
                p: {a.key: a.perspective_scores.get(p) for a in result.areas}
                for p in result.shown_perspectives
            },
            pooled={a.key: a.pooled_score for a in result.areas},
            respondents=dict(result.respondents),
            shown_perspectives=tuple(result.shown_perspectives),
            pooled_respondents=result.pooled_respondents,
            excluded_respondents=result.excluded_respondents,
            ambitions={a.key: a.ambition for a in result.areas},
        )

    def figures(self) -> dict:
        """The JSON part of what is stored."""
        return {
            "keys": list(self.levels),
            "shown": list(self.shown_perspectives),
            "respondents": dict(self.respondents),
            "pooled_respondents": self.pooled_respondents,
            "excluded_respondents": self.excluded_respondents,
        }

    def packed(self) -> bytes:
        """The levels part of what is stored (see the module's docstring)."""
        keys = list(self.levels)
        values = _packed(self.levels[k] for k in keys)
        for p in PERSPECTIVES:
            shown = self.perspectives.get(p, {})
            values += _packed(shown.get(k) for k in keys)
        values += _packed(self.pooled[k] for k in keys)
        return values.tobytes()

    @classmethod
    def from_stored(
        cls, round_id: int, figures: dict, packed, ambitions=None, has_results: bool = False
    ) -> Summary:
        keys = figures["keys"]
        n = len(keys)
        values = _unpacked(packed)
        shown = tuple(p for p in PERSPECTIVES if p in figures["shown"])
        every = dict.fromkeys(keys)
        if ambitions:
            every.update(ambitions)
        return cls(
            round=round_id,
            levels=dict(zip(keys, values[:n], strict=True)),
            perspectives={
                p: dict(zip(keys, values[series_of(p) * n : (series_of(p) + 1) * n], strict=True))
                for p in shown
            },
            pooled=dict(zip(keys, values[(SERIES - 1) * n : SERIES * n], strict=True)),
            respondents=figures["respondents"],
            shown_perspectives=shown,
            pooled_respondents=figures["pooled_respondents"],
            excluded_respondents=figures["excluded_respondents"],
            ambitions=every,
            has_results=has_results,  # the stored column, so no area needs looking at
        )

    def with_ambitions(self, ambitions: Mapping[str, float]) -> Summary:
        return replace(self, ambitions={**dict.fromkeys(self.levels), **ambitions})


@lru_cache(maxsize=256)  # a few spellings: one per set of areas and of perspectives shown
def _layout(keys: str, shown: str, wanted: tuple[str, ...]) -> tuple:
    """From the kept JSON of the areas' keys and the perspectives shown: the keys, and where
    each wanted perspective's levels lie among the packed values, if shown."""
    names, shown_names = json.loads(keys), json.loads(shown)
    n = len(names)
    slices = [
        (p, series_of(p) * n, (series_of(p) + 1) * n)
        for p in PERSPECTIVES
        if p in shown_names and p in wanted
    ]
    return tuple(names), n, slices


@lru_cache(maxsize=DECODED)
def decoded_levels(keys: str, shown: str, wanted: tuple[str, ...], packed: bytes) -> tuple:
    """The levels per area, and per wanted perspective shown, that ``packed`` holds: a pure
    function of the kept text and bytes, so remembered per process by their content (nothing
    can be stale: other bytes are another entry). Read-only mappings, since they are shared."""
    names, n, slices = _layout(keys, shown, wanted)
    levels = _unpacked(packed)
    return (
        MappingProxyType(dict(zip(names, levels[:n], strict=True))),
        MappingProxyType(
            {p: MappingProxyType(dict(zip(names, levels[a:b], strict=True))) for p, a, b in slices}
        ),
    )
