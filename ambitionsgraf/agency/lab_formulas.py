"""Two textbook formulas the model lab is built on, for plain numbers (no Django)."""

import math
from collections.abc import Sequence
from fractions import Fraction


def sample_variance(values: Sequence[int]) -> Fraction:
    """(n * sum(x^2) - sum(x)^2) / (n * (n - 1)), exact for whole numbers such as levels."""
    n = len(values)
    if n < 2:
        raise ValueError("A sample variance needs at least two values")
    total = sum(values)
    return Fraction(n * sum(v * v for v in values) - total * total, n * (n - 1))


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """sum((x - mx)(y - my)) / sqrt(sum((x - mx)^2) * sum((y - my)^2)); None with fewer than
    two pairs or when either side has one value only."""
    if len(xs) != len(ys):
        raise ValueError("pearson needs pairs")
    if len(xs) < 2 or len(set(xs)) < 2 or len(set(ys)) < 2:
        return None
    mx, my = math.fsum(xs) / len(xs), math.fsum(ys) / len(ys)
    sxy = math.fsum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = math.fsum((x - mx) ** 2 for x in xs)
    syy = math.fsum((y - my) ** 2 for y in ys)
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))
