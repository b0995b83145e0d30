"""What the model lab points out about a question (rule 7 of ``lab``), and the thresholds."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from fractions import Fraction

from ambitionsgraf.results.scoring import DISAGREEMENT_SPREAD

# Below 30 answers a rate or a correlation says more about the few who answered than about
# the question: a correlation of 0.3 from 30 cases is already uncertain by about +-0.17.
MIN_ANSWERS = 30
DONT_KNOW_LIMIT = Fraction(20, 100)  # flagged when the rate is over this
ITEM_TOTAL_LIMIT = 0.3  # flagged when the correlation is under this
GAP_LIMIT = DISAGREEMENT_SPREAD  # one level, flagged at or over it
MIN_PERSPECTIVE = 10  # levels a perspective needs to take part in the gap
_TOLERANCE = 1e-9  # differences of float means: 4.6 - 3.6 == 0.9999999999999996


class Flag(StrEnum):
    TOO_FEW = "too_few"
    DONT_KNOW = "dont_know"
    NO_VARIATION = "no_variation"
    WEAK_LINK = "weak_link"
    PERSPECTIVE_GAP = "perspective_gap"


def question_flags(
    *,
    counts: Sequence[int],
    dont_know: int,
    item_total: float | None,
    item_total_cases: int,
    gap: float | None,
    min_answers: int = MIN_ANSWERS,
) -> tuple[Flag, ...]:
    """What the lab points out about a question, in this order:

    - TOO_FEW: fewer than ``min_answers`` answered it (a level or don't know). Then no other
      flag is raised: too little is known to judge.
    - DONT_KNOW: the don't-know rate is over 20%: many cannot tell, so the question may ask
      about something respondents do not see, or be unclear.
    - NO_VARIATION: at least ``min_answers`` levels, all the same: the question does not tell
      organisations apart (and has no item-total correlation).
    - WEAK_LINK: the item-total correlation is under 0.3, judged only when it rests on at least
      ``min_answers`` complete cases: the question measures something other than its area.
    - PERSPECTIVE_GAP: the largest difference between perspective means is 1.0 level or more.
      One whole step on the anchored scale means people pick a different level text, not a
      shade of the same one; it is the threshold at which an organisation's own results flag
      disagreement between perspectives, so model owner and organisation mean the same thing
      by a gap. Only perspectives with at least MIN_PERSPECTIVE (10) levels take part: with
      the usual spread of about one level, a mean of ten is uncertain by about 0.3 (1/sqrt 10),
      so a full level between two such means is unlikely to be chance. A gap is not a fault
      in itself (perception gaps are a finding of the model), but a question read differently
      by leadership and the procurement function deserves a look.
    """
    answered = sum(counts)
    if answered + dont_know < min_answers:
        return (Flag.TOO_FEW,)
    flags = []
    if Fraction(dont_know, answered + dont_know) > DONT_KNOW_LIMIT:
        flags.append(Flag.DONT_KNOW)
    if answered >= min_answers and sum(1 for c in counts if c) == 1:
        flags.append(Flag.NO_VARIATION)
    if item_total is not None and item_total_cases >= min_answers:
        if item_total < ITEM_TOTAL_LIMIT:
            flags.append(Flag.WEAK_LINK)
    if gap is not None and gap >= GAP_LIMIT - _TOLERANCE:
        flags.append(Flag.PERSPECTIVE_GAP)
    return tuple(flags)
