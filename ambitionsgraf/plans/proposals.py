"""Which actions the product proposes for an area: pure functions, no database.

The rule: an area with a positive gap (ambition above the current level) gets the suggested
actions of the model's guidance for the level it stands on, since that guidance describes the
step up to the next level. A level of 2.4 is on level 2, so it gets the guidance "from 2 to 3".
Level 5 guidance is about keeping and renewing the top level. An action already in the plan for
the area, in either language, is not proposed again.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ambitionsgraf.lib.translated import pick

LOWEST, HIGHEST = 1, 5
# Levels are means of floats: (2.8 + 3.1 + 3.1) / 3 == 2.9999999999999996 is shown as 3.0.
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Proposal:
    area_key: str
    level: int  # the guidance level the action comes from
    index: int  # its place in that guidance's list of actions
    sv: str
    en: str

    @property
    def key(self) -> str:
        """Identifies the proposal within its area in a form: "<level>-<index>"."""
        return f"{self.level}-{self.index}"

    def text(self, language: str | None = None) -> str:
        return pick(self.sv, self.en, language) or self.en


def step_level(level: float) -> int:
    """The guidance level for an area at `level`: the whole level it has reached, 1 to 5."""
    return min(HIGHEST, max(LOWEST, math.floor(level + TOLERANCE)))


def has_gap(level: float | None, ambition: float | None) -> bool:
    return level is not None and ambition is not None and ambition - level > TOLERANCE


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def propose(
    *,
    area_key: str,
    level: float | None,
    ambition: float | None,
    guidance: Mapping[int, Sequence[Mapping[str, str]]],
    existing: Iterable[str] = (),
) -> list[Proposal]:
    """The proposed actions for one area.

    `guidance` maps a level to its suggested actions ({"sv": ..., "en": ...}); `existing` are the
    descriptions of the actions already in the plan for the area.
    """
    if not has_gap(level, ambition):
        return []
    step = step_level(level)
    taken = {_normalised(text) for text in existing}
    proposals = []
    for index, item in enumerate(guidance.get(step, ())):
        sv, en = item.get("sv", ""), item.get("en", "")
        if not (sv or en) or _normalised(sv) in taken or (en and _normalised(en) in taken):
            continue
        proposals.append(Proposal(area_key=area_key, level=step, index=index, sv=sv, en=en))
    return proposals
