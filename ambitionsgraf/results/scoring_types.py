"""What the measuring rules (scoring.py) take and give: the model's questions and areas, the
finished responses, and the results. Frozen dataclasses with no rules of their own beyond
checking what they are given; scoring.py re-exports them, and the kept summaries' stamp hashes
this file with it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

PERSPECTIVES = ("leadership", "procurement", "operations")
LEVELS = (1, 2, 3, 4, 5)


def check_level(level: object) -> None:
    if level is not None and (isinstance(level, bool) or level not in LEVELS):
        raise ValueError(f"An answer must be a level 1-5 or None, not {level!r}")


@dataclass(frozen=True)
class QuestionSpec:
    key: str
    area_key: str
    perspectives: frozenset[str]

    def __post_init__(self) -> None:
        unknown = set(self.perspectives) - set(PERSPECTIVES)
        if unknown:
            raise ValueError(f"Unknown perspectives {sorted(unknown)} in {self.key!r}")

    def is_put_to(self, perspective: str) -> bool:
        return perspective in self.perspectives


@dataclass(frozen=True)
class AreaSpec:
    key: str
    questions: tuple[QuestionSpec, ...]  # in model order

    def questions_for(self, perspective: str) -> tuple[QuestionSpec, ...]:
        return tuple(q for q in self.questions if q.is_put_to(perspective))


@dataclass(frozen=True)
class Response:
    """One finished respondent.

    ``answers`` maps a question key to a level 1-5 or None ("don't know"); a
    missing key means the question was not answered.
    """

    perspective: str
    answers: Mapping[str, int | None]

    def __post_init__(self) -> None:
        if self.perspective not in PERSPECTIVES:
            raise ValueError(f"Unknown perspective {self.perspective!r}")
        for level in self.answers.values():
            check_level(level)


@dataclass(frozen=True)
class QuestionDistribution:
    """How the respondents asked a question answered it.

    When ``shown`` is False (fewer than ``min_group`` asked) the counts are all
    zero and the mean is None, so a hidden distribution cannot leak.
    """

    key: str
    asked: int
    counts: tuple[int, int, int, int, int]  # levels 1..5
    dont_know: int
    unanswered: int
    mean: float | None
    shown: bool


@dataclass(frozen=True)
class AreaResult:
    key: str
    # Only perspectives shown on their own, in PERSPECTIVES order.
    perspective_scores: dict[str, float | None]
    pooled_score: float | None  # None when no pool is counted
    organisation_score: float | None
    ambition: float | None
    gap: float | None
    spread: float | None
    disagreement: bool
    questions: tuple[QuestionDistribution, ...]


@dataclass(frozen=True)
class RoundResult:
    areas: tuple[AreaResult, ...]  # model order
    respondents: dict[str, int]  # per perspective, all three keys present
    shown_perspectives: tuple[str, ...]  # in PERSPECTIVES order
    pooled_respondents: int  # respondents in the counted pool, else 0
    excluded_respondents: int  # respondents of a pool too small to count

    @property
    def has_results(self) -> bool:
        return any(area.organisation_score is not None for area in self.areas)
