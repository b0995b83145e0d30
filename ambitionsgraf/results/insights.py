"""Which answers in an area tell the most: the weakest question and the most divided one.

Pure functions over the distributions that scoring.py computes; hidden distributions
(too few respondents) are never picked.
"""

import math
from dataclasses import dataclass

from .scoring import LEVELS, QuestionDistribution


def level_spread(counts: tuple[int, ...]) -> float | None:
    """Standard deviation (population) of the levels chosen; None with fewer than two answers."""
    total = sum(counts)
    if total < 2:
        return None
    mean = sum(level * n for level, n in zip(LEVELS, counts, strict=True)) / total
    variance = sum(n * (level - mean) ** 2 for level, n in zip(LEVELS, counts, strict=True))
    return math.sqrt(variance / total)


@dataclass(frozen=True)
class Telling:
    weakest: QuestionDistribution | None  # lowest mean level
    most_divided: QuestionDistribution | None  # widest spread of chosen levels, if notable


# A spread under one level means people mostly agree; it is not worth pointing out.
NOTABLE_SPREAD = 1.0


def telling(distributions: tuple[QuestionDistribution, ...]) -> Telling:
    shown = [d for d in distributions if d.shown and d.mean is not None]
    weakest = min(shown, key=lambda d: d.mean, default=None)
    spreads = [(level_spread(d.counts), d) for d in shown]
    spreads = [(s, d) for s, d in spreads if s is not None and s >= NOTABLE_SPREAD]
    divided = max(spreads, key=lambda pair: pair[0], default=(None, None))[1]
    return Telling(weakest=weakest, most_divided=divided)
