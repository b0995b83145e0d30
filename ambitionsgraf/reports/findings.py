"""The board report's finding per area and what moved between rounds, written from the figures.

Pure functions over `results.service.AreaView` and `results.trend.Comparison`; no database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from ambitionsgraf.lib.templatetags.ambitionsgraf import level as fmt
from ambitionsgraf.results import trend

from .summary import has_gap, join, level_phrase


@dataclass(frozen=True)
class Finding:
    """One area's finding for the report: the level in words and the gap."""

    area: object  # the AreaView
    level_text: str
    gap_text: str


def finding(area_view, level_names: Sequence[str]) -> Finding:
    level = area_view.result.organisation_score
    if level is None:
        return Finding(area_view, _("Too few answers to give a level."), "")
    level_text = _("Level %(level)s, %(phrase)s.") % {
        "level": fmt(level),
        "phrase": level_phrase(level, level_names),
    }
    ambition, gap = area_view.result.ambition, area_view.effective_gap
    if ambition is None:
        gap_text = _("No ambition is set.")
    elif has_gap(gap) and area_view.agreed is not None:
        gap_text = _(
            "The ambition is %(ambition)s: a gap of %(gap)s levels from the agreed level."
        ) % {"ambition": fmt(ambition), "gap": fmt(gap)}
    elif has_gap(gap):
        gap_text = _("The ambition is %(ambition)s: a gap of %(gap)s levels.") % {
            "ambition": fmt(ambition),
            "gap": fmt(gap),
        }
    else:
        gap_text = _("The ambition of %(ambition)s is reached.") % {"ambition": fmt(ambition)}
    return Finding(area_view, level_text, gap_text)


def trend_sentences(comparison) -> list[str]:
    """What moved between the two latest closed rounds (`results.trend.Comparison`)."""
    if comparison is None:
        return []
    names = {"earlier": comparison.earlier.name, "later": comparison.later.name}
    rose = [a.title for a in comparison.areas if a.direction == trend.RISE]
    fell = [a.title for a in comparison.areas if a.direction == trend.FALL]
    if not rose and not fell:
        sentences = [
            _("Between %(earlier)s and %(later)s no area's level moved by %(step)s or more.")
            % {**names, "step": fmt_step(comparison.threshold)}
        ]
    else:
        sentences = []
        if rose:
            sentences.append(
                _("Between %(earlier)s and %(later)s the level rose in %(areas)s.")
                % {**names, "areas": join(rose)}
            )
        if fell:
            sentences.append(
                _("Between %(earlier)s and %(later)s the level fell in %(areas)s.")
                % {**names, "areas": join(fell)}
            )
    closed = [a.title for a in comparison.closed_gaps]
    if closed:
        sentences.append(
            _("The gap to the ambition of %(earlier)s has closed in %(areas)s.")
            % {**names, "areas": join(closed)}
        )
    return sentences


def fmt_step(value: float) -> str:
    return formats.number_format(value, decimal_pos=2)
